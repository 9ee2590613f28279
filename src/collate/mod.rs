//! Collation: many session files from many interviewers merged into one database, where
//! each session's revisions form a chain, conflicts are kept and resolved by the collator,
//! and every file that fails verification is quarantined with its reason.

mod analysis;
mod campaign;
mod chain;
mod db;
mod heal;
mod lock;
mod provenance;
mod query;
#[cfg(test)]
mod refusals_tests;
mod resolve;
mod rows;
mod run;
mod walk;

pub use analysis::{CellSummary, Coding, MAX_SUMMARY_CHARS};
pub use chain::{Conflict, Head};
pub use db::{Batch, CollateError, CollationDb, FileId, Seen};
pub use heal::Cleared;
pub use lock::{BUSY_WAIT, PATIENCE};
pub use provenance::MarkedAnswer;
pub use query::{
    AnswerRow, CollatedGuide, ConflictDiff, GeneralNote, Quarantined, RevisionRow, short,
};
pub use resolve::AnswerChoice;
pub use run::{Keys, Summary, collate};
pub use walk::{Found, find_files};
