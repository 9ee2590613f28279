//! A call started from campaign targets ends with an attempt logged for each: completed
//! for a session completed, and for the others what the interviewer says the call was
//! (partial unless they say otherwise), so the campaign never forgets a call.

use crate::i18n::Words;
use jiff::Timestamp;

use super::interview::CallView;
use super::msg::Effect;
use super::outcome::{Dialog, DialogChoice, Then};
use crate::campaign::{Attempt, Outcome, Target};
use crate::session::{Session, Status};

/// The session of the call that a target is about (same structure, same own name).
fn session_of<'a>(target: &Target, sessions: &'a [Session]) -> Option<&'a Session> {
    sessions.iter().find(|s| {
        s.structure == target.structure
            && s.structure_label.trim().to_lowercase()
                == target.structure_label.trim().to_lowercase()
    })
}

/// An attempt per target of the call: completed where its session is, `rest` for the
/// others.
pub fn attempts(view: &CallView, rest: Outcome, user: &str, now: Timestamp) -> Vec<Effect> {
    let sessions = &view.interview.sessions;
    view.from_targets
        .iter()
        .map(|t| {
            let s = session_of(t, sessions);
            let outcome = match s {
                Some(s) if s.status == Status::Completed => Outcome::Completed,
                _ => rest,
            };
            Effect::LogAttempt(Attempt {
                id: ulid::Ulid::generate().to_string(),
                target: t.id.clone(),
                at: now,
                outcome,
                callback: None,
                note: String::new(),
                interviewer: user.to_string(),
                sessions: s.map(|s| s.id.clone()).into_iter().collect(),
            })
        })
        .collect()
}

/// Whether leaving must first ask how the call ended: some of its targets' sessions are
/// not completed.
pub fn needs_asking(view: &CallView) -> bool {
    !view.from_targets.is_empty()
        && view.from_targets.iter().any(|t| {
            session_of(t, &view.interview.sessions).is_none_or(|s| s.status != Status::Completed)
        })
}

/// "How did the call end?", before leaving it.
pub fn ask(quit: bool) -> Dialog {
    let choice = |key, label, outcome| DialogChoice {
        key,
        label: Words::msg(label),
        then: Then::EndCall { outcome, quit },
    };
    Dialog {
        title: Words::msg("dialog-call-end-title"),
        body: Words::msg("dialog-call-end-body"),
        choices: vec![
            choice('p', "dialog-call-end-partial", Some(Outcome::Partial)),
            choice(
                'a',
                "dialog-call-end-not-available",
                Some(Outcome::NotAvailable),
            ),
            choice(
                'l',
                "dialog-call-end-line-failed",
                Some(Outcome::LineFailed),
            ),
            choice('n', "dialog-call-end-nothing", None),
        ],
    }
}
