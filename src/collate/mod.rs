//! Collation: many session files from many interviewers merged into one database, where
//! each session's revisions form a chain, conflicts are kept and resolved by the collator,
//! and every file that fails verification is quarantined with its reason.

mod db;
mod query;
mod resolve;
mod run;

pub use db::{Batch, CollateError, CollationDb, Seen};
pub use query::{
    AnswerRow, CollatedGuide, Conflict, ConflictDiff, GeneralNote, Head, Quarantined, RevisionRow,
    short,
};
pub use resolve::AnswerChoice;
pub use run::{Keys, Summary, collate, find_files};
