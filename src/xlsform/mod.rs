//! XLSForm, the spreadsheet form format of ODK, KoboToolbox and pyxform: any guide written
//! as an XLSForm workbook (`export`), and an XLSForm read back as a guide (`import`), with
//! every part that a guide cannot carry named by sheet and row. `docs/xlsform.md` is the
//! contract: which column carries what, and the conventions for what XLSForm lacks.

mod export;
mod import;
mod language;
mod sheet;
mod xpath;

pub use export::{ExportError, XlsForm, export, write_xlsform};
pub use import::{ImportError, Imported, Lost, MAX_OPTIONS, import_file};
pub use language::{column_language, language_column};

/// The choice names the export adds to every closed question for stocktake's three
/// non-answers. They start with `_`, which no guide value can (`[a-z0-9]` first), so they
/// never clash with an option; the import recognises and drops them, since every guide
/// question offers the three anyway.
pub const NON_ANSWERS: [(&str, &str, &str); 3] = [
    ("_dont_know", "Don't know", "Ne sait pas"),
    ("_declined", "Declined to answer", "Refuse de répondre"),
    ("_not_asked", "Not asked", "Non posée"),
];

/// The list name of yes/no questions, and their two choices.
pub const YES_NO_LIST: &str = "_yes_no";

/// The question the export adds first when some questions apply to some structures only:
/// which structure is interviewed, so `relevant` can ask the others' questions of them alone.
pub const STRUCTURE_QUESTION: &str = "_structure";
