//! Changes: what one edit did, as data. The interview makes them, the store applies each as
//! one transaction, and a change that could not be saved waits and is retried as itself.
//! A change carries everything needed to apply it: nobody has to look at a screen.

use std::sync::Arc;

use jiff::Timestamp;

use super::answer::{Answer, Value};
use super::model::{Call, Field, Note, Participant, Position, Progress, ReadBack, Session};
use super::status::Status;
use crate::guide::{Digest, Guide, LoadedGuide};

/// A completed revision's session file, frozen as the exact bytes that will be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionFile {
    pub digest: Digest,
    pub file_name: String,
    pub content: Vec<u8>,
}

/// What every edit leaves on its session's row: its status, when it changed, and the
/// progress counters the sessions list shows without reading answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub status: Status,
    pub updated_at: Timestamp,
    pub progress: Progress,
}

/// A session's own fields, apart from its answers and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub status: Status,
    pub revision: u32,
    pub parent: Option<Digest>,
    pub completed_at: Option<Timestamp>,
    pub consent: Option<bool>,
    pub structure_label: String,
    pub participants: Vec<Participant>,
    pub edited_by: Option<String>,
    pub read_back: Option<ReadBack>,
    pub updated_at: Timestamp,
    pub progress: Progress,
}

// A respondent type is kept inline (64 bytes, so it stays `Copy`), which makes a session
// and the variants carrying one large; a change is made once per user action and moved,
// not stored by the thousand, and boxing it would change every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A new call and its draft sessions (answers already given, such as consent), held
    /// for editing by whoever applies it: all of it, or none of it.
    CreateCall {
        guide: Arc<LoadedGuide>,
        call: Call,
        sessions: Vec<Session>,
    },
    /// A structure that joined a call that has started: its own session, held.
    AddSession {
        guide: Arc<LoadedGuide>,
        session: Session,
    },
    /// One field of one question; `answer` is everything recorded for the question after
    /// the edit, `None` once nothing is.
    Answer {
        session: String,
        question: String,
        field: Field,
        answer: Option<Answer>,
        stamp: Stamp,
    },
    /// Several answers of one session changed by one action (the rest of a section
    /// marked not asked): each a [`Change::Answer`], saved in one transaction, so that
    /// all of it is kept or none, and its history entries share one time.
    Answers {
        session: String,
        changes: Vec<Change>,
    },
    /// A general note, new or edited or attached; `None` removes it.
    Note {
        session: String,
        seq: u32,
        note: Option<Note>,
        stamp: Stamp,
    },
    /// Where the interviewer is, for resuming. Not an edit.
    Position { session: String, position: Position },
    /// Status, revision, consent, participants (reopening is one).
    Header { session: String, header: Header },
    /// A session completed: its header and the file its revision is frozen as, together.
    Complete {
        session: String,
        header: Header,
        file: RevisionFile,
    },
    /// The language the call's guide is shown in (and its sessions are written in).
    CallLanguage { call: String, language: String },
    /// The call's details that may change after it started: the country or response, the
    /// call's note, and when it ended. Each changed one is in every session's history.
    CallDetails {
        call: String,
        response: String,
        note: String,
        ended_at: Option<Timestamp>,
    },
}

impl Change {
    /// Everything recorded for question `q` now, as a change of `field`.
    pub fn answer(s: &Session, guide: &Guide, q: &str, field: Field) -> Change {
        Change::Answer {
            session: s.id.clone(),
            question: q.to_string(),
            field,
            answer: s.answers.get(q).cloned(),
            stamp: s.stamp(guide),
        }
    }

    /// General note `seq` as it is now (gone when the session no longer has it).
    pub fn note(s: &Session, guide: &Guide, seq: u32) -> Change {
        Change::Note {
            session: s.id.clone(),
            seq,
            note: s.notes.iter().find(|n| n.seq == seq).cloned(),
            stamp: s.stamp(guide),
        }
    }

    pub fn position(s: &Session) -> Change {
        Change::Position {
            session: s.id.clone(),
            position: s.position.clone(),
        }
    }

    pub fn header(s: &Session, guide: &Guide) -> Change {
        Change::Header {
            session: s.id.clone(),
            header: s.header(guide),
        }
    }

    pub fn complete(s: &Session, guide: &Guide, file: RevisionFile) -> Change {
        Change::Complete {
            session: s.id.clone(),
            header: s.header(guide),
            file,
        }
    }

    /// The sessions this change writes to; a call-wide change names none, since it needs
    /// every session of its call.
    pub fn session(&self) -> Option<&str> {
        match self {
            Change::Answer { session, .. }
            | Change::Answers { session, .. }
            | Change::Note { session, .. }
            | Change::Position { session, .. }
            | Change::Header { session, .. }
            | Change::Complete { session, .. } => Some(session),
            Change::AddSession { session, .. } => Some(&session.id),
            Change::CreateCall { .. }
            | Change::CallLanguage { .. }
            | Change::CallDetails { .. } => None,
        }
    }

    /// Whether the change is typing in a text (a burst of it is one history entry).
    pub fn is_typing(&self) -> bool {
        match self {
            Change::Answer { field, answer, .. } => {
                *field != Field::Answer
                    || matches!(
                        answer.as_ref().and_then(|a| a.value.as_ref()),
                        Some(Value::Text(_))
                    )
            }
            Change::Note { .. } => true,
            _ => false,
        }
    }
}

impl Session {
    pub fn stamp(&self, guide: &Guide) -> Stamp {
        Stamp {
            status: self.status,
            updated_at: self.updated_at,
            progress: self.progress(guide),
        }
    }

    pub fn header(&self, guide: &Guide) -> Header {
        Header {
            status: self.status,
            revision: self.revision,
            parent: self.parent,
            completed_at: self.completed_at,
            consent: self.consent,
            structure_label: self.structure_label.clone(),
            participants: self.participants.clone(),
            edited_by: self.edited_by.clone(),
            read_back: self.read_back,
            updated_at: self.updated_at,
            progress: self.progress(guide),
        }
    }
}
