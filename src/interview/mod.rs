//! The interview below the screen: one call, its sessions (one per structure on the line)
//! and the guide they follow. Navigation through what skip logic shows, and intents that
//! check who may edit, change a session and return the [`Change`] that saves it. No
//! terminal and no store here: the TUI shows an interview, the store applies its changes.

mod call;
mod call_level;
mod details;
mod edit;
pub mod guard;
mod navigate;
mod notes;
mod offered;
mod provenance;
mod recorded;
mod rest;
mod undo;

use std::sync::Arc;

use crate::guide::{LoadedGuide, Question};
use crate::session::{Call, Session, SessionError, Status};

pub use call::{
    NewCall, as_sent, coordinator_role, default_guide, freeze, other_chosen, plan_call, reopen,
};
pub use details::DetailsRefusal;
pub use edit::Typed;
pub use offered::{offered, ticked_in_source};
pub use recorded::{Fixed, How, ReadBackSheet, Recorded, answer_words, earlier_words};
pub use rest::Rest;
pub use undo::{History, Undone, What, field_text};

/// Whether a session of the call may be changed here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Edit,
    /// Why not: held by another stocktake, taken over, or opened only to look.
    ReadOnly(ReadOnly),
}

/// Why a session is read-only here: English as `Display` (as it always read), and the
/// same in any language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReadOnly {
    #[error("another stocktake edits it")]
    HeldElsewhere,
    #[error("taken over by another stocktake")]
    TakenOver,
    #[error("this session is completed; reopen it from the list (a new revision) to change it")]
    Completed,
    /// Another session of the call is held elsewhere: the call's own details wait.
    #[error("another stocktake holds a session of this call")]
    CallHeld,
}

impl crate::i18n::Reason for ReadOnly {
    fn words(&self) -> crate::i18n::Words {
        crate::i18n::Words::msg(match self {
            ReadOnly::HeldElsewhere => "why-read-only-held-elsewhere",
            ReadOnly::TakenOver => "why-read-only-taken-over",
            ReadOnly::Completed => "why-read-only-completed",
            ReadOnly::CallHeld => "why-read-only-call-held",
        })
    }
}

/// Why an edit was not made. Nothing changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("Read-only: {0}")]
    ReadOnly(ReadOnly),
    #[error("This session is completed; reopen it from the list (a new revision) to change it")]
    Completed,
    #[error("not saved: {0}")]
    Invalid(crate::session::AnswerError),
    #[error("No consent to take notes: free text is not kept. Record the answers only.")]
    NoConsent,
    #[error(
        "Nothing to copy: answer this question first, then Alt-A gives it to the other structures"
    )]
    NothingToCopy,
    #[error(
        "Nothing chosen to mark: choose the option (in a list, move onto a ticked one), then Alt-V volunteered or Alt-P prompted"
    )]
    NothingChosen,
    #[error(
        "No participants recorded for this structure: add who is on the call (Alt-C), then Alt-W says who said it"
    )]
    NoOneToAttribute,
    #[error(transparent)]
    Session(#[from] SessionError),
}

pub struct Interview {
    pub call: Call,
    pub guide: Arc<LoadedGuide>,
    /// In the call's tab order.
    pub sessions: Vec<Session>,
    access: Vec<Access>,
    /// (section, question within it) of each question, in guide order.
    index: Vec<(usize, usize)>,
    /// Per session: what undo and redo step through.
    histories: Vec<History>,
    /// An undo or redo is being applied: its edits are not new steps.
    replaying: bool,
    /// Changes an edit made to the call's other sessions (a call-level fact), to be saved.
    shared: Vec<crate::session::Change>,
}

impl Interview {
    /// An interview of `sessions` (at least one), editable unless `read_only` says why not.
    pub fn new(
        call: Call,
        guide: Arc<LoadedGuide>,
        sessions: Vec<Session>,
        read_only: Option<ReadOnly>,
    ) -> Interview {
        let index = guide
            .guide
            .sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.questions.len()).map(move |qi| (si, qi)))
            .collect();
        let access = sessions
            .iter()
            .map(|s| match &read_only {
                None => Access::Edit,
                Some(_) if s.status == Status::Completed => Access::ReadOnly(ReadOnly::Completed),
                Some(why) => Access::ReadOnly(*why),
            })
            .collect();
        let histories = vec![History::default(); sessions.len()];
        Interview {
            call,
            guide,
            sessions,
            access,
            index,
            histories,
            replaying: false,
            shared: Vec::new(),
        }
    }

    pub fn session(&self, i: usize) -> &Session {
        &self.sessions[i]
    }

    pub fn lang(&self) -> &str {
        &self.call.language
    }

    pub fn default_language(&self) -> &str {
        self.guide.guide.default_language()
    }

    pub fn access(&self, i: usize) -> &Access {
        &self.access[i]
    }

    /// Another stocktake took session `i` over: nothing more may be written here.
    pub fn lose(&mut self, i: usize) {
        if let Some(a) = self.access.get_mut(i) {
            *a = Access::ReadOnly(ReadOnly::TakenOver);
        }
    }

    /// Whether session `i` may be changed now, and why not.
    pub fn may_edit(&self, i: usize) -> Result<(), Refusal> {
        if let Access::ReadOnly(why) = &self.access[i] {
            return Err(Refusal::ReadOnly(*why));
        }
        if self.sessions[i].status == Status::Completed {
            return Err(Refusal::Completed);
        }
        Ok(())
    }

    /// Whether free text (a note, a typed answer, a specify field) may be recorded in
    /// session `i`: not when consent was refused and the guide keeps nothing then.
    pub fn may_write_text(&self, i: usize) -> Result<(), Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        if self.sessions[i].consent_refused(guide)
            && guide.consent.when_refused == crate::guide::WhenRefused::NoFreeText
        {
            return Err(Refusal::NoConsent);
        }
        Ok(())
    }

    /// Consent was refused in session `i`: its free text stays on this machine.
    pub fn consent_refused(&self, i: usize) -> bool {
        self.sessions[i].consent_refused(&self.guide.guide)
    }

    /// Every session may be written (none read-only; completed ones count, they are held).
    pub fn all_held(&self) -> bool {
        self.access.iter().all(|a| *a == Access::Edit)
    }

    pub fn all_completed(&self) -> bool {
        self.sessions.iter().all(|s| s.status == Status::Completed)
    }

    pub fn session_ids(&self) -> Vec<String> {
        self.sessions.iter().map(|s| s.id.clone()).collect()
    }

    pub fn position_of(&self, session: &str) -> Option<usize> {
        self.sessions.iter().position(|s| s.id == session)
    }

    /// A structure that joined, saved and held: it becomes the call's last session.
    pub fn push(&mut self, session: Session) -> usize {
        self.sessions.push(session);
        self.access.push(Access::Edit);
        self.histories.push(History::default());
        self.sessions.len() - 1
    }

    /// A session replaced by what the store holds now (reopened as a new revision).
    pub fn replace(&mut self, session: Session) -> Option<usize> {
        let i = self.position_of(&session.id)?;
        self.sessions[i] = session;
        self.access[i] = Access::Edit;
        // A new revision: what the last one did is frozen in its file.
        self.histories[i] = History::default();
        Some(i)
    }

    /// The question at `index` in guide order (the first one if out of range).
    pub fn question(&self, index: usize) -> &Question {
        let (si, qi) = self.index.get(index).copied().unwrap_or((0, 0));
        &self.guide.guide.sections[si].questions[qi]
    }

    pub fn question_count(&self) -> usize {
        self.index.len()
    }

    /// Every question in guide order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.guide.guide.questions()
    }

    /// Guide-order index of a question id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.questions().position(|q| q.id == id)
    }

    /// Section of the question at `index`.
    pub fn section_of(&self, index: usize) -> usize {
        self.index.get(index).map_or(0, |(si, _)| *si)
    }
}

/// An editable call in Iraq of the bundled coordinator guide with `structures` on the
/// line and consent given: the interview the module's tests start from.
#[cfg(test)]
pub(crate) fn test_call(structures: &[crate::guide::Structure]) -> Interview {
    let g = Arc::new(
        crate::guide::Catalog::bundled()
            .get("gpc-attt-coordinator")
            .cloned()
            .expect("bundled"),
    );
    let new = NewCall {
        response: "Iraq".into(),
        interviewer: "amina".into(),
        language: "en".into(),
        structures: structures.iter().map(|s| (*s, String::new())).collect(),
        participants: Vec::new(),
        consent: Some(true),
    };
    let crate::session::Change::CreateCall { call, sessions, .. } =
        plan_call(g.clone(), &new, jiff::Timestamp::UNIX_EPOCH).expect("plan")
    else {
        panic!("not a call");
    };
    Interview::new(call, g, sessions, None)
}

/// The screens say a refusal in their own words (`tui::asks`); this is for the places
/// that show it as a reason, after a lead (the accessible mode).
impl crate::i18n::Reason for Refusal {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            Refusal::ReadOnly(why) => Words::msg("refused-read-only").with("why", why.words()),
            Refusal::Completed => Words::msg("refused-completed"),
            Refusal::Invalid(e) => Words::msg("why-refused-invalid").with("error", e.said()),
            Refusal::NoConsent => Words::msg("refused-no-consent"),
            Refusal::NothingToCopy => Words::msg("refused-nothing-to-copy"),
            Refusal::NothingChosen => Words::msg("refused-nothing-chosen"),
            Refusal::NoOneToAttribute => Words::msg("refused-no-one-to-attribute"),
            Refusal::Session(e) => e.words(),
        }
    }
}

#[cfg(test)]
mod reason_tests {
    #[test]
    fn every_refusal_is_said_in_every_language() {
        use super::{DetailsRefusal as D, Refusal as R};
        use crate::i18n::{Reason, assert_said_everywhere};
        let refusals: Vec<Box<dyn Reason>> = vec![
            Box::new(R::ReadOnly(super::ReadOnly::HeldElsewhere)),
            Box::new(R::ReadOnly(super::ReadOnly::TakenOver)),
            Box::new(R::ReadOnly(super::ReadOnly::Completed)),
            Box::new(R::ReadOnly(super::ReadOnly::CallHeld)),
            Box::new(R::Completed),
            Box::new(R::Invalid(crate::session::AnswerError::EmptyText)),
            Box::new(R::NoConsent),
            Box::new(R::NothingToCopy),
            Box::new(R::NothingChosen),
            Box::new(R::NoOneToAttribute),
            Box::new(R::Session(crate::session::SessionError::LastRevision)),
            Box::new(D::NoResponse),
            Box::new(D::Sent("CP AOR".into())),
            Box::new(D::ReadOnly(super::ReadOnly::CallHeld)),
            Box::new(D::UnknownRole(2, "chief".into())),
            Box::new(D::TooLong),
        ];
        for e in &refusals {
            assert_said_everywhere(e.as_ref());
        }
    }
}
