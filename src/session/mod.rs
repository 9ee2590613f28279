//! Sessions: one per coordination structure interviewed on a call. Answers typed by their
//! question and validated against the guide, notes, participants, the status machine
//! (draft → in progress → completed → reopened as a new revision) and progress.

mod answer;
mod change;
mod model;
mod notes;
mod provenance;
mod reasons;
mod status;
mod value;

pub use answer::{
    Answer, AnswerError, AnswerStatus, MAX_TEXT_CHARS, Special, parse_typed, validate,
};
pub use change::{Change, Header, RevisionFile, Stamp};
pub use model::{
    Call, Field, GuideRef, MAX_REVISION, Note, Participant, Position, Progress, ROLES, ReadBack,
    Session, SessionError,
};
pub use provenance::{Earlier, Elicited, Provenance, Speaker};
pub use status::{Event, IllegalTransition, Status};
pub use value::{Value, ValueKind, format_number};
