//! What flows through the TUI: events in (keys, pastes, the clock, results of effects)
//! and effects out (persist, open, quit), which only the loop in `tui/mod.rs` carries out.
//! An effect carries its data: whoever carries it out needs nothing from the screen.

use jiff::Timestamp;
use ratatui_textarea::Input;

use crate::guide::LoadedGuide;
use crate::session::{Call, Change, Session};
use crate::store::{Claim, LockHolder, SessionSummary};

#[derive(Debug)]
pub enum Event {
    Key(Input),
    Paste(String),
    /// The clock, once a second: the call timer, and retrying what could not be saved.
    Tick(Timestamp),
    HomeLoaded(Vec<SessionSummary>),
    CallOpened(Box<OpenedCall>),
    /// Another stocktake edits a session of the call.
    LockConflict {
        call_id: String,
        session_id: String,
        holder: LockHolder,
    },
    /// Every change made to these sessions so far is in the store.
    Saved {
        sessions: Vec<String>,
        at: Timestamp,
    },
    /// Changes of these sessions wait to be saved (`waiting` of them, in order), because
    /// of `message`; they are tried again, as they are, every second.
    NotSaved {
        sessions: Vec<String>,
        /// The store's reason, said in the language of the moment when drawn.
        message: crate::i18n::Words,
        waiting: usize,
    },
    /// Another stocktake took the session over: this one must stop writing.
    LockLost {
        session: String,
    },
    /// A completion is in the store, with its revision's file.
    Completed {
        session: String,
    },
    /// Completed revisions were written to the outbox.
    Synced {
        files: usize,
        outbox: String,
    },
    /// Writing to the outbox failed; the revisions wait, nothing is lost.
    SyncFailed(crate::i18n::Words),
    /// Something went wrong that the user must read.
    Failed(crate::i18n::Words),
    /// A session for a structure that joined the call, created and held for editing.
    SessionAdded(Box<Session>),
    /// The guides the user agreed to use although they come from outside stocktake.
    Trusted(Vec<crate::guide::Digest>),
    /// The campaign, where each target stands.
    PlanLoaded(Box<super::plan::PlanData>),
}

#[derive(Debug)]
pub struct OpenedCall {
    pub call: Call,
    pub guide: std::sync::Arc<LoadedGuide>,
    pub sessions: Vec<Session>,
    /// The tab to show first.
    pub focus: usize,
    pub read_only: bool,
    pub taken_from: Option<LockHolder>,
    /// Each session's edits so far (the store's history), in the same order: undo reaches
    /// back past this opening.
    pub histories: Vec<Vec<crate::store::HistoryEntry>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    LoadHome,
    /// A new call ([`Change::CreateCall`]): created, held and opened, or refused whole.
    CreateCall(Change),
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
    /// Save one change; one that fails waits, in order, and is tried again as itself.
    Persist(Change),
    /// Try again the changes that wait; these sessions' tabs say not saved.
    Retry {
        sessions: Vec<String>,
    },
    /// The interviewer leaves without the changes of these sessions that wait.
    Discard {
        sessions: Vec<String>,
    },
    /// A structure joined the call ([`Change::AddSession`]).
    AddSession(Change),
    Reopen {
        call_id: String,
        session_id: String,
        /// Who reopens it: the next revision's editor.
        by: String,
    },
    /// The user agreed to use this guide from outside stocktake (asked once per guide).
    TrustGuide {
        digest: crate::guide::Digest,
        origin: String,
    },
    /// Which guides from outside stocktake the user agreed to, for the screens.
    LoadTrusted,
    /// The campaign's targets and attempts, for the Plan screen and the list's totals.
    LoadPlan,
    /// An attempt at a target, logged (and sent with the session files).
    LogAttempt(crate::campaign::Attempt),
    DeleteDraft {
        session: String,
    },
}
