//! Reading an XLSForm workbook into plain rows of text, refusing what would be misread:
//! a file that is not an XLSX (an encrypted one, an old .xls, anything else), merged
//! cells, formulas, dates and error values where text belongs, sheets beyond any form's
//! size. Rows keep their spreadsheet numbers, so every message can name them.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::i18n::Words;

/// Larger files are refused unopened: the biggest real forms are a few MiB.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Rows a sheet may have; a form's lists of places can be long, but not this long.
pub const MAX_ROWS: usize = 100_000;
/// At most this many problems of one kind are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// One sheet: its header (the first row that is not empty) and the rows under it, each
/// with its spreadsheet row number (1-based). Empty rows are left out, as pyxform does.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub header_row: usize,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Book {
    pub survey: Sheet,
    pub choices: Option<Sheet>,
    pub settings: Option<Sheet>,
}

/// Problems as `FILE:sheet:ROW: message` (or `FILE: message`), one a line: words, said
/// in the program's language where the import names them (the guide's own rows); what this
/// reader finds in the workbook itself is still English text.
pub type Problems = Vec<Words>;

pub fn read_book(path: &Path) -> Result<Book, Problems> {
    let file = path.display().to_string();
    let fail = |m: String| vec![Words::Text(format!("{file}: {m}"))];
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read it: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            "is not a file; name the .xlsx workbook of the form".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "is {} MiB, more than the {} MiB an XLSForm may be; is this really a form?",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read it: {e}")))?;
    kind_of(&bytes).map_err(fail)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        fail(format!(
            "is a ZIP file but not an XLSX workbook ({e}); save the form from Excel or LibreOffice as .xlsx"
        ))
    })?;
    let names = book.sheet_names();
    let find = |want: &str| {
        names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(want))
            .cloned()
    };
    let Some(survey_name) = find("survey") else {
        return Err(fail(format!(
            "has no `survey` sheet (its sheets: {}); an XLSForm has a survey sheet, and usually choices and settings",
            names.join(", ")
        )));
    };
    let mut problems = Vec::new();
    let mut read = |name: Option<String>, problems: &mut Problems| -> Option<Sheet> {
        let name = name?;
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_else(|e| {
            problems.push(Words::Text(format!(
                "{file}:{name}: cannot read its merged cells: {e}"
            )));
            Vec::new()
        });
        for d in merged {
            problems.push(Words::Text(format!(
                "{file}:{name}:{}: cells {}:{} are merged; XLSForm reads one value per cell: unmerge them and fill each cell",
                d.start.0 + 1,
                cell_name(d.start.0, d.start.1),
                cell_name(d.end.0, d.end.1)
            )));
        }
        match book.worksheet_formula(&name) {
            Ok(f) => {
                let (r0, c0) = f.start().unwrap_or((0, 0));
                let found: Vec<String> = f
                    .cells()
                    .filter(|(_, _, v)| !v.is_empty())
                    .map(|(r, c, v)| {
                        let (r, c) = (r0 + r as u32, c0 + c as u32);
                        format!(
                            "{file}:{name}:{}: cell {} holds a formula (={v}); XLSForm reads the cell's text: replace the formula by its value",
                            r + 1,
                            cell_name(r, c)
                        )
                    })
                    .collect();
                listed(problems, found, &format!("{file}:{name}"), "formulas");
            }
            Err(e) => problems.push(Words::Text(format!(
                "{file}:{name}: cannot read its formulas: {e}"
            ))),
        }
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(Words::Text(format!(
                    "{file}:{name}: cannot read the sheet: {e}"
                )));
                return None;
            }
        };
        if range.height() > MAX_ROWS {
            problems.push(Words::Text(format!(
                "{file}:{name}:{}: the sheet has {} rows, more than the {MAX_ROWS} a form may have",
                MAX_ROWS + 1,
                range.height()
            )));
            return None;
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        let mut bad = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let number = r0 as usize + i + 1;
            let mut cells = vec![String::new(); c0 as usize];
            for (j, d) in row.iter().enumerate() {
                let text = match d {
                    Data::Empty => String::new(),
                    Data::String(s) => s.trim().to_string(),
                    Data::Float(f) => number_text(*f),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => if *b { "true" } else { "false" }.to_string(),
                    Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                        bad.push(format!(
                            "{file}:{name}:{number}: cell {} holds a date where XLSForm reads text: format the cell as text and type it again",
                            cell_name(number as u32 - 1, c0 + j as u32)
                        ));
                        String::new()
                    }
                    Data::Error(e) => {
                        bad.push(format!(
                            "{file}:{name}:{number}: cell {} holds the error value {e:?}: correct it",
                            cell_name(number as u32 - 1, c0 + j as u32)
                        ));
                        String::new()
                    }
                };
                cells.push(text);
            }
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            if sheet.header.is_empty() {
                sheet.header_row = number;
                sheet.header = cells;
            } else {
                sheet.rows.push((number, cells));
            }
        }
        listed(problems, bad, &format!("{file}:{name}"), "such cells");
        Some(sheet)
    };
    let survey = read(Some(survey_name), &mut problems);
    let choices = read(find("choices"), &mut problems);
    let settings = read(find("settings"), &mut problems);
    match survey {
        Some(survey) if problems.is_empty() => Ok(Book {
            survey,
            choices,
            settings,
        }),
        _ => Err(problems),
    }
}

/// The first few of `found`, and a count of the others.
fn listed(problems: &mut Problems, found: Vec<String>, place: &str, what: &str) {
    let more = found.len().saturating_sub(MAX_LISTED);
    problems.extend(found.into_iter().take(MAX_LISTED).map(Words::Text));
    if more > 0 {
        problems.push(Words::Text(format!("{place}: and {more} more {what}")));
    }
}

/// What the first bytes say the file is, when it is not an XLSX.
fn kind_of(bytes: &[u8]) -> Result<(), String> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(ZIP) {
        return Ok(());
    }
    if bytes.starts_with(CFB) {
        // An encrypted OOXML workbook is a compound file holding an `EncryptionInfo`
        // stream (its directory names are UTF-16).
        let name: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
            return Err("is password-protected (encrypted); open it in Excel or LibreOffice, remove the password, save it, and import it again".into());
        }
        return Err("is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx".into());
    }
    if bytes.is_empty() {
        return Err("is empty; an XLSForm is an .xlsx workbook".into());
    }
    Err("is not an XLSX workbook (it does not start as a ZIP file does); an XLSForm is an .xlsx workbook".into())
}

/// `B7` for row 6, column 1 (both from 0).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 1), "B7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
    }

    #[test]
    fn what_is_not_an_xlsx_is_told_apart() {
        assert!(kind_of(b"PK\x03\x04rest").is_ok());
        assert!(kind_of(b"type,name\n").unwrap_err().contains("not an XLSX"));
        assert!(kind_of(b"").unwrap_err().contains("empty"));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert!(kind_of(&cfb).unwrap_err().contains(".xls"));
        cfb.extend(
            "EncryptionInfo"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert!(kind_of(&cfb).unwrap_err().contains("password-protected"));
    }
}
