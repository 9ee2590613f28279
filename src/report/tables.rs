//! The CSV and XLSX tables: a long table (one row per session × question), a wide table
//! (one row per session, one column per question, or per option of a multi-choice), the
//! summary distributions, and a sheet explaining the columns.

use std::path::Path;

use super::escape::cell;
use super::model::{GuideSection, Report};
use crate::guide::QuestionType;

pub const LONG_COLUMNS: &[(&str, &str)] = &[
    (
        "session_id",
        "the session (one structure on one call); the same for all its revisions",
    ),
    (
        "revision",
        "which revision of the session this is (the head: its current state)",
    ),
    ("digest", "the SHA-256 of the session file it came from"),
    ("response", "country or humanitarian response"),
    ("structure", "protection_cluster, cp_aor, gbv_aor or other"),
    ("structure_label", "the name of an `other` structure"),
    ("interviewer", "who interviewed"),
    ("guide_id", "the interview guide"),
    ("guide_version", "its version for this session"),
    ("completed_at", "when this revision was completed (UTC)"),
    ("section", "the guide section of the question"),
    ("question_id", "the question's stable id"),
    ("question", "the question's text"),
    (
        "type",
        "single, multi, yes_no, text, long_text, number, date, scale",
    ),
    (
        "status",
        "answered, dont_know, declined, not_asked, unanswered",
    ),
    (
        "value",
        "the answer: an option value (several joined by ; for multi), yes/no, text, number, date or scale point",
    ),
    ("label", "the option labels of the value"),
    ("other", "what was specified for an `other` option"),
    ("note", "the interviewer's note on the question"),
    (
        "hidden",
        "1 when skip logic did not ask the question of this session",
    ),
];

const META: &[&str] = &[
    "session_id",
    "revision",
    "response",
    "structure",
    "structure_label",
    "interviewer",
    "guide_version",
    "completed_at",
];

/// Rows of the long table for one guide section, header first.
pub fn long_rows(s: &GuideSection) -> Vec<Vec<String>> {
    let lang = s.guide.default_language().to_string();
    let mut rows = vec![LONG_COLUMNS.iter().map(|(c, _)| c.to_string()).collect()];
    for r in &s.sessions {
        for sec in &s.guide.sections {
            for q in &sec.questions {
                let a = r.answers.get(&q.id);
                let values = a.map(|a| a.values.clone()).unwrap_or_default();
                let labels: Vec<String> = values
                    .iter()
                    .map(|v| {
                        q.option(v)
                            .map(|o| o.label.get(&lang, &lang).to_string())
                            .unwrap_or_default()
                    })
                    .collect();
                rows.push(vec![
                    r.session_id.clone(),
                    r.revision.to_string(),
                    r.digest.clone(),
                    r.response.clone(),
                    r.structure.as_str().to_string(),
                    r.structure_label.clone(),
                    r.interviewer.clone(),
                    s.guide.id.clone(),
                    r.guide_version.clone(),
                    r.completed_at.clone(),
                    sec.id.clone(),
                    q.id.clone(),
                    q.text.get(&lang, &lang).to_string(),
                    q.kind.as_str().to_string(),
                    a.map_or("unanswered".to_string(), |a| a.status.clone()),
                    values.join(";"),
                    if labels.iter().all(String::is_empty) {
                        String::new()
                    } else {
                        labels.join(";")
                    },
                    a.map(|a| a.other.clone()).unwrap_or_default(),
                    a.map(|a| a.note.clone()).unwrap_or_default(),
                    if a.is_some_and(|a| a.hidden) {
                        "1".into()
                    } else {
                        "0".into()
                    },
                ]);
            }
        }
    }
    rows
}

/// Rows of the wide table for one guide section, header first.
pub fn wide_rows(s: &GuideSection) -> Vec<Vec<String>> {
    let mut header: Vec<String> = META.iter().map(|c| c.to_string()).collect();
    for q in s.guide.questions() {
        match q.kind {
            QuestionType::Multi => {
                header.extend(q.options.iter().map(|o| format!("{}.{}", q.id, o.value)));
                if q.options.iter().any(|o| o.other) {
                    header.push(format!("{}.other_text", q.id));
                }
            }
            _ => header.push(q.id.clone()),
        }
    }
    let mut rows = vec![header];
    for r in &s.sessions {
        let mut row = vec![
            r.session_id.clone(),
            r.revision.to_string(),
            r.response.clone(),
            r.structure.as_str().to_string(),
            r.structure_label.clone(),
            r.interviewer.clone(),
            r.guide_version.clone(),
            r.completed_at.clone(),
        ];
        for q in s.guide.questions() {
            let a = r.answers.get(&q.id);
            let answered = a.is_some_and(|a| a.status == "answered");
            match q.kind {
                QuestionType::Multi => {
                    for o in &q.options {
                        row.push(match a {
                            Some(a) if answered => if a.values.contains(&o.value) {
                                "1"
                            } else {
                                "0"
                            }
                            .to_string(),
                            Some(a) if a.status != "unanswered" => format!("[{}]", a.status),
                            _ => String::new(),
                        });
                    }
                    if q.options.iter().any(|o| o.other) {
                        row.push(a.map(|a| a.other.clone()).unwrap_or_default());
                    }
                }
                _ => row.push(match a {
                    Some(a) if answered => a.values.join(" "),
                    Some(a) if a.status != "unanswered" => format!("[{}]", a.status),
                    _ => String::new(),
                }),
            }
        }
        rows.push(row);
    }
    rows
}

/// The summary distributions as rows, header first.
pub fn summary_rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            "guide",
            "question_id",
            "question",
            "structure",
            "n",
            "value",
            "label",
            "count",
            "percent",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for s in &report.sections {
        for d in &s.summaries {
            for c in &d.rows {
                rows.push(vec![
                    s.guide.id.clone(),
                    d.question.clone(),
                    d.text.clone(),
                    d.structure.map_or("all".into(), |s| s.as_str().to_string()),
                    d.n.to_string(),
                    c.value.clone(),
                    c.label.clone(),
                    c.count.to_string(),
                    c.percent.to_string(),
                ]);
            }
        }
    }
    rows
}

/// Is this cell a plain number (written as one, never neutralised)?
fn number(s: &str) -> Option<f64> {
    s.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && !s.starts_with('+') && !s.contains(['e', 'E']))
}

pub fn write_csv(path: &Path, rows: &[Vec<String>]) -> Result<(), super::ReportError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in rows {
        let safe: Vec<String> = r
            .iter()
            .map(|c| {
                if number(c).is_some() {
                    c.clone()
                } else {
                    cell(c).into_owned()
                }
            })
            .collect();
        w.write_record(&safe)
            .map_err(|e| super::ReportError::Write {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
    }
    let bytes = w.into_inner().map_err(|e| super::ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    super::write_private(path, &bytes)
}

pub fn write_xlsx(path: &Path, report: &Report) -> Result<(), super::ReportError> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| super::ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let mut sheet = |name: &str, rows: &[Vec<String>]| -> Result<(), super::ReportError> {
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(err)?;
        for (i, r) in rows.iter().enumerate() {
            for (j, c) in r.iter().enumerate() {
                let (row, col) = (i as u32, j as u16);
                if i == 0 {
                    ws.write_string_with_format(row, col, c, &bold)
                        .map_err(err)?;
                } else if let Some(n) = number(c) {
                    ws.write_number(row, col, n).map_err(err)?;
                } else {
                    // A string cell is never evaluated, and the apostrophe keeps it so when
                    // copied back into a formula bar.
                    ws.write_string(row, col, cell(c)).map_err(err)?;
                }
            }
        }
        Ok(())
    };
    sheet("Summary", &summary_rows(report))?;
    for (k, s) in report.sections.iter().enumerate() {
        let suffix = if report.sections.len() > 1 {
            format!(" {}", k + 1)
        } else {
            String::new()
        };
        sheet(&format!("Long{suffix}"), &long_rows(s))?;
        sheet(&format!("Wide{suffix}"), &wide_rows(s))?;
    }
    let mut cols = vec![vec![
        "sheet".to_string(),
        "column".to_string(),
        "meaning".to_string(),
    ]];
    cols.extend(
        LONG_COLUMNS
            .iter()
            .map(|(c, m)| vec!["Long".into(), c.to_string(), m.to_string()]),
    );
    cols.extend(
        META.iter()
            .map(|c| vec!["Wide".into(), c.to_string(), "as in Long".into()]),
    );
    cols.push(vec![
        "Wide".into(),
        "<question_id>".into(),
        "the answer; [dont_know], [declined], [not_asked] for those; empty when not asked".into(),
    ]);
    cols.push(vec![
        "Wide".into(),
        "<question_id>.<option>".into(),
        "multi-choice: 1 when the option was chosen, 0 when not".into(),
    ]);
    cols.push(vec![
        "Wide".into(),
        "<question_id>.other_text".into(),
        "what was specified for the `other` option".into(),
    ]);
    cols.push(vec![
        "Summary".into(),
        "n".into(),
        "the denominator: sessions of that structure asked the question".into(),
    ]);
    cols.push(vec![
        "Summary".into(),
        "percent".into(),
        "count / n, rounded half away from zero".into(),
    ]);
    cols.push(vec![
        "any".into(),
        "(apostrophe)".into(),
        "a text starting with = + - @ gets a leading ' so no spreadsheet runs it".into(),
    ]);
    sheet("Columns", &cols)?;
    let bytes = wb.save_to_buffer().map_err(err)?;
    super::write_private(path, &bytes)
}
