//! What the interview screen and its panels say or ask that depends on the interview:
//! the question before completing a session, and why an edit was refused.

use super::outcome::{Dialog, DialogChoice, Level, Outcome, Then};
use crate::i18n::{Reason, Words};
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
            Words::msg("still-required").arg("questions", names.join(" · ")),
        );
    }
    // Said before the keypress that sends it: a call cut short is completed on purpose,
    // one with a page left unasked by accident is not.
    let p = s.progress(guide);
    let open = p.visible.saturating_sub(p.answered);
    Outcome::asking(Dialog {
        title: Words::msg("dialog-complete-title"),
        body: Words::msg("dialog-complete-body")
            .arg("response", s.response.clone())
            .arg("structure", s.structure_name(&iv.guide.guide, iv.lang()))
            .arg("open", open)
            .arg("shown", p.visible),
        choices: vec![
            DialogChoice {
                key: 'y',
                label: Words::msg("dialog-complete-yes"),
                then: Then::CompleteSession,
            },
            DialogChoice {
                key: 'n',
                label: Words::msg("dialog-complete-no"),
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
    Outcome::said(level, refusal_words(e))
}

/// What an edit the interview refused says, in the screen's words.
pub fn refusal_words(e: Refusal) -> Words {
    match e {
        Refusal::ReadOnly(why) => {
            Words::msg("refused-read-only").with("why", crate::i18n::Reason::words(&why))
        }
        Refusal::Completed => Words::msg("refused-completed"),
        Refusal::NoConsent => Words::msg("refused-no-consent"),
        Refusal::NothingToCopy => Words::msg("refused-nothing-to-copy"),
        Refusal::NothingChosen => Words::msg("refused-nothing-chosen"),
        Refusal::NoOneToAttribute => Words::msg("refused-no-one-to-attribute"),
        Refusal::Invalid(e) => answer_error(&e),
        // Said as the session layer words it, in the screen's language.
        Refusal::Session(e) => e.said(),
    }
}

/// Why a typed answer was refused, in the screen's words: the checks an interviewer
/// meets while typing (a number, a date, a range, a length) by kind, shorter than the
/// layer below says them; the rest, which only a wrong guide or a bug can cause, as the
/// session layer says them.
pub fn answer_error(e: &crate::session::AnswerError) -> Words {
    use crate::session::AnswerError as E;
    match e {
        E::NotANumber { input } => Words::msg("answer-not-a-number").arg("input", input.clone()),
        E::NotADate { input } => Words::msg("answer-not-a-date").arg("input", input.clone()),
        E::BelowMin { value, min, .. } => Words::msg("answer-below-min")
            .arg("value", value.clone())
            .arg("min", min.clone()),
        E::AboveMax { value, max, .. } => Words::msg("answer-above-max")
            .arg("value", value.clone())
            .arg("max", max.clone()),
        E::TooLong { chars } => Words::msg("answer-too-long")
            .arg("chars", *chars)
            .arg("max", crate::session::MAX_TEXT_CHARS),
        E::EmptyText => Words::msg("answer-empty"),
        other => other.said(),
    }
}
