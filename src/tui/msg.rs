//! What flows through the TUI: events in (keys, pastes, the clock, results of effects)
//! and effects out (persist, open, quit), which only the loop in `tui/mod.rs` carries out.

use jiff::Timestamp;
use ratatui_textarea::Input;

use crate::guide::LoadedGuide;
use crate::session::{Call, Field, Session};
use crate::store::{Claim, LockHolder, NewCall, SessionSummary};

#[derive(Debug)]
pub enum Event {
    Key(Input),
    Paste(String),
    /// The clock, once a second: the call timer, and retrying a failed save.
    Tick(Timestamp),
    HomeLoaded(Vec<SessionSummary>),
    CallOpened(Box<OpenedCall>),
    /// Another stocktake edits a session of the call.
    LockConflict {
        call_id: String,
        session_id: String,
        holder: LockHolder,
    },
    Saved {
        session: String,
        at: Timestamp,
        /// The save wrote the whole session (after an earlier failure).
        full: bool,
    },
    SaveFailed {
        session: String,
        message: String,
    },
    /// Another stocktake took the session over: this one must stop writing.
    LockLost {
        session: String,
    },
    Completed {
        session: String,
    },
    Reopened(Box<Session>),
    /// Completed revisions were written to the outbox.
    Synced {
        files: usize,
        outbox: String,
    },
    /// Writing to the outbox failed; the revisions wait, nothing is lost.
    SyncFailed(String),
    /// Something went wrong that the user must read.
    Failed(String),
    /// A session for a structure that joined the call, created and held for editing.
    SessionAdded(Box<Session>),
}

#[derive(Debug)]
pub struct OpenedCall {
    pub call: Call,
    pub guide: LoadedGuide,
    pub sessions: Vec<Session>,
    /// The tab to show first.
    pub focus: usize,
    pub read_only: bool,
    pub taken_from: Option<LockHolder>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    LoadHome,
    CreateCall {
        guide_id: String,
        call: NewCall,
    },
    OpenCall {
        call_id: String,
        session_id: String,
        claim: Claim,
        read_only: bool,
    },
    /// Give the call's sessions back (unlock) when leaving it.
    CloseCall {
        sessions: Vec<String>,
    },
    SaveAnswer {
        session: String,
        question: String,
        field: Field,
    },
    SaveNote {
        session: String,
        seq: u32,
    },
    SavePosition {
        session: String,
    },
    /// Status, revision, participants.
    SaveHeader {
        session: String,
    },
    /// Everything, after a failed save.
    SaveAll {
        session: String,
    },
    SaveCall,
    Complete {
        session: String,
    },
    /// A structure joined the call: a new session like `like` (a session of the call),
    /// with `joined` (its coordinator, when the interviewer named the organisation) added
    /// to the call's participants.
    AddSession {
        like: String,
        structure: crate::guide::Structure,
        label: String,
        joined: Option<crate::session::Participant>,
    },
    Reopen {
        call_id: String,
        session_id: String,
    },
    DeleteDraft {
        session: String,
    },
}
