//! XLSForm export and import through the public API and the real binary: the round trip
//! of the shipped guides, realistic forms written for these tests, every kind of bad
//! workbook, and (`needs_python`, run by `.ci/run` after installing pyxform) pyxform's
//! own verdict on what the export writes.

mod bad_input;
mod forms;
mod needs_python;
mod roundtrip;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::Workbook;

/// Write a workbook of `sheets` (name, rows of text cells; "" leaves a cell empty).
pub fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    sheet.write_string(r as u32, c as u16, *v).expect("cell");
                }
            }
        }
    }
    book.save(path).expect("save workbook");
}

pub fn stocktake(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        .args(args)
        .current_dir(cwd)
        .env("XDG_CONFIG_HOME", cwd.join("no-config"))
        .env("HOME", cwd)
        .output()
        .expect("run stocktake")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
