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
/// in the program's language, what the spreadsheet library says among them (in the
/// program's words, its own detail after them).
pub type Problems = Vec<Words>;

pub fn read_book(path: &Path) -> Result<Book, Problems> {
    let file = path.display().to_string();
    let fail = |what: Words| {
        vec![
            Words::msg("why-path")
                .arg("path", file.clone())
                .with("what", what),
        ]
    };
    let unreadable = |e: std::io::Error| {
        fail(Words::msg("xlsform-file-unreadable").with("error", crate::i18n::Reason::said(&e)))
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(fail(Words::msg("xlsform-file-not-a-file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            Words::msg("xlsform-file-too-large")
                .arg("size", (meta.len() / (1024 * 1024)).to_string())
                .arg("limit", (MAX_FILE_BYTES / (1024 * 1024)).to_string()),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    kind_of(&bytes).map_err(|id| fail(Words::msg(id)))?;
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| fail(Words::msg("xlsform-file-zip-not-xlsx").with("error", said(&e))))?;
    let names = book.sheet_names();
    let find = |want: &str| {
        names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(want))
            .cloned()
    };
    let Some(survey_name) = find("survey") else {
        return Err(fail(
            Words::msg("xlsform-file-no-survey").arg("sheets", names.join(", ")),
        ));
    };
    let mut problems = Vec::new();
    // `FILE:sheet:` and `FILE:sheet:ROW:`, the places the messages start with.
    let place = |sheet: &str, id: &'static str| {
        Words::msg(id)
            .arg("file", file.clone())
            .arg("sheet", sheet.to_string())
    };
    let at =
        |sheet: &str, row: usize, id: &'static str| place(sheet, id).arg("row", row.to_string());
    let mut read = |name: Option<String>, problems: &mut Problems| -> Option<Sheet> {
        let name = name?;
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_else(|e| {
            problems.push(place(&name, "xlsform-sheet-merged-unreadable").with("error", said(&e)));
            Vec::new()
        });
        for d in merged {
            problems.push(
                at(&name, d.start.0 as usize + 1, "xlsform-sheet-merged")
                    .arg("from", cell_name(d.start.0, d.start.1))
                    .arg("to", cell_name(d.end.0, d.end.1)),
            );
        }
        match book.worksheet_formula(&name) {
            Ok(f) => {
                let (r0, c0) = f.start().unwrap_or((0, 0));
                let found: Vec<Words> = f
                    .cells()
                    .filter(|(_, _, v)| !v.is_empty())
                    .map(|(r, c, v)| {
                        let (r, c) = (r0 + r as u32, c0 + c as u32);
                        at(&name, r as usize + 1, "xlsform-sheet-formula")
                            .arg("cell", cell_name(r, c))
                            .arg("formula", v.to_string())
                    })
                    .collect();
                listed(problems, found, place(&name, "xlsform-sheet-more-formulas"));
            }
            Err(e) => problems
                .push(place(&name, "xlsform-sheet-formulas-unreadable").with("error", said(&e))),
        }
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(place(&name, "xlsform-sheet-unreadable").with("error", said(&e)));
                return None;
            }
        };
        if range.height() > MAX_ROWS {
            problems.push(
                at(&name, MAX_ROWS + 1, "xlsform-sheet-too-long")
                    .arg("rows", range.height().to_string())
                    .arg("max", MAX_ROWS.to_string()),
            );
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
                        bad.push(
                            at(&name, number, "xlsform-sheet-date")
                                .arg("cell", cell_name(number as u32 - 1, c0 + j as u32)),
                        );
                        String::new()
                    }
                    Data::Error(e) => {
                        bad.push(
                            at(&name, number, "xlsform-sheet-error-value")
                                .arg("cell", cell_name(number as u32 - 1, c0 + j as u32))
                                .arg("value", format!("{e:?}")),
                        );
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
        listed(problems, bad, place(&name, "xlsform-sheet-more-cells"));
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

/// The first few of `found`, and a count of the others (`more`, given its place).
fn listed(problems: &mut Problems, found: Vec<Words>, more: Words) {
    let left = found.len().saturating_sub(MAX_LISTED);
    problems.extend(found.into_iter().take(MAX_LISTED));
    if left > 0 {
        problems.push(more.arg("more", left.to_string()));
    }
}

/// What the spreadsheet library says of a workbook it cannot read, in the program's
/// words: the failures a user can act on named, the rest as "not written as a spreadsheet
/// program writes one" with the library's own detail after it (for whoever reports it).
fn said(e: &calamine::XlsxError) -> Words {
    use calamine::XlsxError as E;
    let detail = |d: String| Words::Text(d);
    match e {
        E::Io(e) => crate::i18n::Reason::said(e),
        E::Password => Words::msg("xlsform-lib-password"),
        E::FileNotFound(part) => Words::msg("xlsform-lib-missing-part").arg("part", part.clone()),
        E::RelationshipNotFound => Words::msg("xlsform-lib-missing-part").arg("part", "_rels"),
        E::Zip(z) => Words::msg("xlsform-lib-zip").with("detail", detail(z.to_string())),
        E::WorksheetNotFound(sheet) => {
            Words::msg("xlsform-lib-no-sheet").arg("sheet", sheet.clone())
        }
        E::NotAWorksheet(sheet) => {
            Words::msg("xlsform-lib-not-a-worksheet").arg("sheet", sheet.clone())
        }
        E::Encoding(x) => Words::msg("xlsform-lib-encoding").with("detail", detail(x.to_string())),
        other => Words::msg("xlsform-lib-malformed").with("detail", detail(other.to_string())),
    }
}

/// What the first bytes say the file is, when it is not an XLSX: the message that says so.
fn kind_of(bytes: &[u8]) -> Result<(), &'static str> {
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
            return Err("xlsform-file-encrypted");
        }
        return Err("xlsform-file-xls");
    }
    if bytes.is_empty() {
        return Err("xlsform-file-empty");
    }
    Err("xlsform-file-not-zip")
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
        assert_eq!(kind_of(b"type,name\n"), Err("xlsform-file-not-zip"));
        assert_eq!(kind_of(b""), Err("xlsform-file-empty"));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert_eq!(kind_of(&cfb), Err("xlsform-file-xls"));
        cfb.extend(
            "EncryptionInfo"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(kind_of(&cfb), Err("xlsform-file-encrypted"));
        let said = |id| crate::i18n::t(crate::i18n::UiLang::En, id);
        assert!(said("xlsform-file-encrypted").contains("password-protected"));
        assert!(said("xlsform-file-xls").contains(".xls"));
    }

    /// The library's failures are said in the program's words, its own detail kept after
    /// them; a ZIP that is no workbook is refused in French with nothing English but it.
    #[test]
    fn what_the_library_says_is_put_in_the_programs_words() {
        use crate::i18n::UiLang;
        use calamine::XlsxError as E;
        let fr = |e: E| said(&e).in_lang(UiLang::Fr);
        assert_eq!(fr(E::Password), "il est protégé par un mot de passe");
        assert_eq!(
            fr(E::FileNotFound("xl/workbook.xml".into())),
            "la partie `xl/workbook.xml` y manque"
        );
        assert_eq!(
            fr(E::NotAWorksheet("Chart1".into())),
            "`Chart1` n'est pas une feuille de calcul (une feuille de graphique ou de macros)"
        );
        assert_eq!(
            said(&E::CellError("#WHAT".into())).in_lang(UiLang::En),
            "it is not written as a spreadsheet program writes one: Unsupported cell error value '#WHAT'"
        );
        let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            fr(E::Io(io())),
            crate::i18n::Reason::reason(&io(), UiLang::Fr)
        );

        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("notes.xlsx");
        let mut z = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
        z.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .expect("start");
        std::io::Write::write_all(&mut z, b"not a workbook").expect("write");
        z.finish().expect("finish");
        let problems = read_book(&path).expect_err("not a workbook");
        let text = problems[0].in_lang(UiLang::Fr);
        assert!(
            text.contains("est un fichier ZIP mais pas un classeur XLSX (la partie `"),
            "{text}"
        );
        assert!(!text.contains("not found"), "{text}");
    }
}
