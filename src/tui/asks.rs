//! What the interview screen and its panels say or ask that depends on the interview:
//! the question before completing a session, and why an edit was refused.

use super::outcome::{Dialog, DialogChoice, Level, Outcome, Then};
use crate::interview::{Interview, Refusal};

/// Ask before completing session `i`, or say what is missing.
pub fn ask_complete(iv: &Interview, i: usize) -> Outcome {
    let s = iv.session(i);
    let guide = &iv.guide.guide;
    let missing = s.missing_required(guide);
    if !missing.is_empty() {
        let (lang, dl) = (iv.lang(), iv.default_language());
        let names: Vec<String> = missing
            .iter()
            .map(|q| q.text.get(lang, dl).to_string())
            .collect();
        return Outcome::said(
            Level::Warn,
            format!("Still required: {}", names.join(" · ")),
        );
    }
    // Said before the keypress that sends it: a call cut short is completed on purpose,
    // one with a page left unasked by accident is not.
    let p = s.progress(guide);
    let open = p.visible.saturating_sub(p.answered);
    let unanswered = match open {
        0 => "Every question is answered.".to_string(),
        1 => format!("1 of {} questions has no answer.", p.visible),
        n => format!("{n} of {} questions have no answer.", p.visible),
    };
    Outcome::asking(Dialog {
        title: "Complete session".into(),
        body: format!(
            "Mark {} · {} completed? It can be reopened later as a new revision.\n\n{unanswered}",
            s.response,
            s.structure_name(&iv.guide.guide, iv.lang())
        ),
        choices: vec![
            DialogChoice {
                key: 'y',
                label: "complete",
                then: Then::CompleteSession,
            },
            DialogChoice {
                key: 'n',
                label: "not yet",
                then: Then::Nothing,
            },
        ],
    })
}

/// An edit the interview refused: said, nothing saved.
pub fn refused(e: Refusal) -> Outcome {
    let level = match e {
        Refusal::ReadOnly(_) | Refusal::Completed | Refusal::NoConsent => Level::Warn,
        Refusal::NothingToCopy | Refusal::NothingChosen | Refusal::NoOneToAttribute => Level::Info,
        Refusal::Invalid(_) | Refusal::Session(_) => Level::Error,
    };
    Outcome::said(level, e.to_string())
}
