//! The workbook: the Summary, a Long and a Wide sheet per guide, and a Columns sheet that
//! explains them. Excel's limits are the workbook's: a sheet holds 1,048,576 rows and
//! 16,384 columns, a cell 32,767 characters. The long table, when longer than a sheet, is
//! left to its CSV with a note in its sheet; another table longer than a sheet continues
//! on the next (`Summary 1`, `Summary 2`, …); a table wider than a sheet is left to its
//! CSV, with a note in its sheet; a text longer than a cell is cut with a mark saying where it is whole.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::ReportError;
use super::model::Report;
use super::say::Say;
use super::tables::{Emit, coverage_rows, long_rows, summary_rows, wide_rows};
use super::xlsx_columns::columns_sheet;
use super::xlsx_feed::{Batch, Prepared, Row, Table, feed};

/// What one sheet and one cell may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XlsxLimits {
    /// Rows of a sheet, its header included.
    pub rows: u32,
    pub columns: u16,
    /// UTF-16 code units of a cell's text, as Excel counts them.
    pub cell: usize,
    /// Sessions up to which the workbook has the matrix as a sheet: past a few thousand
    /// rows the matrix is filtered, not read, and its sheet doubled the workbook's time and
    /// memory for no reader (matrix.csv has it whole).
    pub matrix_sessions: usize,
}

impl XlsxLimits {
    pub const EXCEL: XlsxLimits = XlsxLimits {
        rows: 1_048_576,
        columns: 16_384,
        cell: 32_767,
        matrix_sessions: 2_000,
    };
}

pub fn write_xlsx(path: &Path, report: &Report) -> Result<(), ReportError> {
    write_xlsx_within(path, report, &XlsxLimits::EXCEL)
}

/// [`write_xlsx`] within other limits than Excel's: how the tests reach them without
/// writing a million rows.
#[doc(hidden)]
pub fn write_xlsx_within(
    path: &Path,
    report: &Report,
    limits: &XlsxLimits,
) -> Result<(), ReportError> {
    // The system's failures (a full disk) are named in the report's language; the
    // library's own, as it words them.
    let err = |e: XlsxError| match e {
        XlsxError::IoError(cause) => ReportError::io(path)(cause),
        e => ReportError::Write {
            path: path.display().to_string(),
            message: e.to_string(),
        },
    };
    let mut wb = Workbook::new();
    // Deflate dominated the XLSX time at the default level 6. With shared strings (below)
    // level 2 still gives a smaller file (35 MB for 10,000 sessions) than the inline strings
    // at level 6 did (48 MB). Level 3 made it 32 MB but kept the whole report 0.4 s over its
    // 3 s bar at 10,000 sessions (3.27 s against 2.86 s, idle box); level 1 was 51 MB.
    wb.set_zip_compression_level(2);
    // Low-memory sheets spill their cells to temp files: keep them in the private report folder.
    if let Some(dir) = path.parent() {
        wb.set_tempdir(dir).map_err(err)?;
    }
    // Sheet names and header rows are the same in every language (formulas and scripts
    // name them); the notes and the Columns sheet's explanations are in the report's.
    let say = report.say();
    let cols = columns_sheet(say, limits);
    let mut sheets: Vec<(String, String, Table<'_>)> = vec![
        (
            "Coverage".into(),
            "coverage.csv".into(),
            Box::new(|e: Emit<'_>| coverage_rows(report, e)),
        ),
        (
            "Summary".into(),
            "summary.csv".into(),
            Box::new(|e: Emit<'_>| summary_rows(report, e)),
        ),
    ];
    for (k, s) in report.sections.iter().enumerate() {
        let number = if report.sections.len() > 1 {
            format!(" {}", k + 1)
        } else {
            String::new()
        };
        let suffix = super::section_suffix(report, s);
        let long_csv = format!("long{suffix}.csv");
        let long_len = s.sessions.len().saturating_mul(s.guide.questions().count());
        sheets.push((
            format!("Long{number}"),
            long_csv.clone(),
            if long_len < limits.rows as usize {
                Box::new(move |e: Emit<'_>| long_rows(s, e))
            } else {
                // Not continued over sheets: four sheets of a million rows are most of a
                // 100,000-session workbook's time (2.4 of its 2.8 GB of XML), and neither
                // Excel on a laptop nor Google Sheets (10 million cells) opens them; the
                // CSV loads whole into R, Stata or Power Query.
                let max = limits.rows - 1;
                Box::new(move |e: Emit<'_>| {
                    e(&["note"])?;
                    e(&[&say.tr(
                        "rpt-xlsx-long-elsewhere",
                        &[
                            ("rows", long_len.into()),
                            ("max", max.into()),
                            ("file", long_csv.as_str().into()),
                        ],
                    )])
                })
            },
        ));
        sheets.push((
            format!("Wide{number}"),
            format!("wide{suffix}.csv"),
            Box::new(move |e: Emit<'_>| wide_rows(s, e)),
        ));
        let matrix_csv = format!("matrix{suffix}.csv");
        sheets.push((
            format!("Matrix{number}"),
            matrix_csv.clone(),
            if s.sessions.len() <= limits.matrix_sessions {
                Box::new(move |e: Emit<'_>| super::tables_analysis::matrix_rows(s, e))
            } else {
                let (n, max) = (s.sessions.len(), limits.matrix_sessions);
                Box::new(move |e: Emit<'_>| {
                    e(&["note"])?;
                    e(&[&say.tr(
                        "rpt-xlsx-matrix-elsewhere",
                        &[
                            ("n", n.into()),
                            ("file", matrix_csv.as_str().into()),
                            ("max", max.into()),
                        ],
                    )])
                })
            },
        ));
        if !s.analysis.codings.is_empty() {
            sheets.push((
                format!("Themes{number}"),
                format!("themes{suffix}.csv"),
                Box::new(move |e: Emit<'_>| super::tables_analysis::theme_rows(s, e)),
            ));
            sheets.push((
                format!("Codings{number}"),
                format!("codings{suffix}.csv"),
                Box::new(move |e: Emit<'_>| super::tables_analysis::coding_rows(s, e)),
            ));
        }
    }
    if report
        .sections
        .iter()
        .any(|s| !s.apart.is_empty() || !s.unchecked.is_empty())
    {
        sheets.push((
            "Not pooled".into(),
            String::new(),
            Box::new(move |e: Emit<'_>| not_pooled_rows(report, say, e)),
        ));
    }
    if report.sections.iter().any(|s| !s.how.is_empty()) {
        sheets.push((
            "How answers came".into(),
            String::new(),
            Box::new(|e: Emit<'_>| super::provenance_said::sheet_rows(report, e)),
        ));
    }
    let cols_ref = &cols;
    sheets.push((
        "Columns".into(),
        String::new(),
        Box::new(move |e: Emit<'_>| {
            cols_ref
                .iter()
                .try_for_each(|r| e(&r.iter().map(String::as_str).collect::<Vec<_>>()))
        }),
    ));
    let bold = Format::new().set_bold();
    // The rows are made on a second thread while this one writes the cells; a bounded
    // channel keeps a few batches between them.
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(8);
    let written: Result<(), ReportError> = std::thread::scope(|scope| {
        let sheets = &sheets;
        let feeding = scope.spawn(move || feed(sheets, limits.cell, say, &send));
        let mut wrote = || -> Result<(), ReportError> {
            let mut count = 0;
            let mut sheet: Option<Sheet<'_>> = None;
            for batch in &receive {
                match batch {
                    Batch::Begin(k) => {
                        if let Some(done) = sheet.take() {
                            count = done.current + 1;
                        }
                        let (name, csv, _) = &sheets[k];
                        let next = Sheet {
                            bold: &bold,
                            say,
                            limits,
                            base: name.clone(),
                            csv: csv.clone(),
                            first: count,
                            current: count,
                            part: 1,
                            row: 0,
                            header: Vec::new(),
                            too_wide: false,
                        };
                        Sheet::add(&mut wb, name).map_err(err)?;
                        sheet = Some(next);
                    }
                    Batch::Rows(rows) => {
                        if let Some(s) = sheet.as_mut() {
                            for r in rows {
                                s.row(&mut wb, r).map_err(err)?;
                            }
                        }
                    }
                }
            }
            Ok(())
        };
        let wrote = wrote();
        // Hang up first, so a feeder waiting to send sees the writer has gone.
        drop(receive);
        let fed = feeding
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        wrote.and(fed)
    });
    written?;
    // Straight into the file: the zip was built in memory first, 37 MB at 10,000
    // sessions (heaptrack), a tenth of the report's peak. rust_xlsxwriter writes a
    // streamed zip either way, so the bytes are the same.
    super::write_private_with(path, |w| wb.save_to_writer(w).map_err(err))
}

/// The questions the other sheets do not pool across guide versions, and each older
/// version's counts of them: the note that the Summary's and the reports' tables count
/// the versions that compare only.
fn not_pooled_rows(report: &Report, say: Say, e: Emit<'_>) -> Result<(), ReportError> {
    e(&[
        "guide",
        "question_id",
        "version",
        "why",
        "question",
        "n",
        "value",
        "label",
        "count",
        "percent",
    ])?;
    for s in &report.sections {
        for a in &s.apart {
            let d = &a.frequency;
            for c in &d.rows {
                e(&[
                    &s.guide.id,
                    &a.question,
                    &a.version,
                    &say.tr(
                        "rpt-xlsx-not-comparable",
                        &[
                            ("version", s.guide.version.as_str().into()),
                            ("why", a.why.in_lang(say.lang).into()),
                        ],
                    ),
                    &d.text,
                    &d.n.to_string(),
                    &c.value,
                    &c.label,
                    &report.count_text(c.count, c.suppressed),
                    &if c.suppressed {
                        String::new()
                    } else {
                        c.percent.to_string()
                    },
                ])?;
            }
        }
        if let Some(said) = s.unchecked_said(say) {
            for v in &s.unchecked {
                e(&[&s.guide.id, "", v, &said, "", "", "", "", "", ""])?;
            }
        }
    }
    Ok(())
}

/// One table being written, across as many sheets as its rows need.
struct Sheet<'a> {
    bold: &'a Format,
    say: Say,
    limits: &'a XlsxLimits,
    base: String,
    /// Where the table is whole: named in the marks of cut cells and wide tables.
    csv: String,
    first: usize,
    current: usize,
    part: u32,
    /// The next row of the current sheet.
    row: u32,
    header: Vec<String>,
    too_wide: bool,
}

impl Sheet<'_> {
    fn add(wb: &mut Workbook, name: &str) -> Result<(), XlsxError> {
        // Low-memory sheets stream their rows to a temporary file as they come, like
        // constant-memory ones, but keep a shared string table: the long sheet repeats each
        // question's text, section and session fields on every row, and writing each once
        // halves the XML that has to be deflated.
        wb.add_worksheet_with_low_memory()?.set_name(name)?;
        Ok(())
    }

    /// `Long 2` after `Long`; `Long 2.2` after `Long 2` (the second guide's sheet).
    fn part_name(&self, part: u32) -> String {
        if self.base.ends_with(|c: char| c.is_ascii_digit()) {
            format!("{}.{part}", self.base)
        } else {
            format!("{} {part}", self.base)
        }
    }

    fn row(&mut self, wb: &mut Workbook, r: Row) -> Result<(), XlsxError> {
        if self.too_wide {
            return Ok(());
        }
        let cells = match r {
            Row::Header(names) => {
                if names.len() > usize::from(self.limits.columns) {
                    self.too_wide = true;
                    let note = self.say.tr(
                        "rpt-xlsx-too-wide",
                        &[
                            ("columns", names.len().into()),
                            ("max", self.limits.columns.into()),
                            ("file", self.csv.as_str().into()),
                        ],
                    );
                    let ws = wb.worksheet_from_index(self.current)?;
                    ws.write_string_with_format(0, 0, "note", self.bold)?;
                    ws.write_string(1, 0, note)?;
                    return Ok(());
                }
                self.write_header(wb, &names)?;
                self.header = names;
                return Ok(());
            }
            Row::Cells(cells) => cells,
        };
        if self.row >= self.limits.rows {
            self.part += 1;
            if self.part == 2 {
                let first = self.part_name(1);
                wb.worksheet_from_index(self.first)?.set_name(first)?;
            }
            Sheet::add(wb, &self.part_name(self.part))?;
            self.current += 1;
            self.row = 0;
            let header = std::mem::take(&mut self.header);
            self.write_header(wb, &header)?;
            self.header = header;
        }
        let i = self.row;
        let ws = wb.worksheet_from_index(self.current)?;
        for (j, c) in cells.into_iter().enumerate() {
            let col = j as u16;
            match c {
                Prepared::Number(n) => ws.write_number(i, col, n)?,
                Prepared::Text(t) => ws.write_string(i, col, t)?,
            };
        }
        self.row += 1;
        Ok(())
    }

    fn write_header(&mut self, wb: &mut Workbook, names: &[String]) -> Result<(), XlsxError> {
        let i = self.row;
        let ws = wb.worksheet_from_index(self.current)?;
        for (j, c) in names.iter().enumerate() {
            ws.write_string_with_format(i, j as u16, c, self.bold)?;
        }
        self.row += 1;
        Ok(())
    }
}
