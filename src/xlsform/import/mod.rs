//! An XLSForm as a guide: groups become sections; select_one / select_multiple with their
//! lists, text, integer / decimal, date, range, note and `required` are carried over, and
//! `relevant` through the safe subset `xpath` reads. What a guide cannot carry is `Lost`,
//! named by sheet and row; the caller refuses the import unless the user accepts the loss.

mod columns;
mod survey;
mod values;

use std::collections::HashMap;
use std::path::Path;

use super::sheet::{Problems, read_book};
use crate::guide::{Guide, Text, is_identifier};
use crate::i18n::Words;

/// Options one question may offer; a longer list belongs in a text question.
pub const MAX_OPTIONS: usize = 1_000;

/// Part of the form the guide does not carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Lost {
    pub sheet: String,
    pub row: usize,
    /// Said in the program's language; its English is what the import always printed.
    pub what: Words,
}

/// The guide made from a form, as TOML, and what it left behind.
#[derive(Debug, Clone)]
pub struct Imported {
    pub guide: Guide,
    pub lost: Vec<Lost>,
    /// Changes that lose nothing (a name made a valid id, metadata left out), each
    /// `FILE:survey:ROW: what`.
    pub notes: Vec<Words>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The form cannot be read as it is: each problem as `FILE:sheet:ROW: message`.
    #[error("{}", .0.iter().map(Words::en).collect::<Vec<_>>().join("\n"))]
    Invalid(Problems),
}

/// Types that hold no answer stocktake asks for: the collection tool's own metadata.
const METADATA: &[&str] = &[
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "simserial",
    "subscriberid",
    "phonenumber",
    "email",
    "audit",
    "start-geopoint",
    "background-audio",
];

/// Columns whose content a guide has no place for, with the message that names what they hold.
const UNCARRIED: &[(&str, &str)] = &[
    ("calculation", "xlsform-uncarried-calculation"),
    ("default", "xlsform-uncarried-default"),
    ("choice_filter", "xlsform-uncarried-choice-filter"),
    ("repeat_count", "xlsform-uncarried-repeat-count"),
    ("trigger", "xlsform-uncarried-trigger"),
    ("image", "xlsform-uncarried-image"),
    ("audio", "xlsform-uncarried-audio"),
    ("video", "xlsform-uncarried-video"),
];

pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let book = read_book(path).map_err(ImportError::Invalid)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "form".into());
    Importer::new(path.display().to_string(), &book)
        .and_then(|mut i| i.run(&book, &stem))
        .map_err(ImportError::Invalid)
}

/// Which columns hold which language's text.
#[derive(Default)]
struct Columns {
    /// (column base, language) → index: `label`, `hint`, `guidance_hint`.
    texts: HashMap<(String, String), usize>,
    plain: HashMap<String, usize>,
}

struct Importer {
    file: String,
    langs: Vec<String>,
    survey: Columns,
    choices: Columns,
    lists: HashMap<String, Vec<(usize, String, Text)>>,
    lost: Vec<Lost>,
    notes: Vec<Words>,
}

fn cell(row: &[String], col: Option<usize>) -> &str {
    col.and_then(|c| row.get(c)).map_or("", String::as_str)
}

/// A guide id for an XLSForm name: a `_` the export put before a digit taken off,
/// lowercased, every other character `_`. `None` when nothing is left.
fn id_for(name: &str) -> Option<String> {
    let base = match name.strip_prefix('_') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => name,
    };
    let mut id: String = base
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '_' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '_',
        })
        .collect();
    let trimmed = id.trim_start_matches(['_', '-']).to_string();
    id = trimmed.chars().take(64).collect();
    is_identifier(&id).then_some(id)
}
