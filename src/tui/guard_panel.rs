//! Before a session is completed: every phone number, e-mail address or name found in its
//! free text, one by one, for the interviewer to redact, mark sensitive, or keep. Nothing
//! changes unless they say so; completing waits until each finding is decided.

use crate::i18n::Words;
use jiff::Timestamp;

use super::asks::{ask_complete, refused};
use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use crate::interview::guard::{Finding, Place, redact, scan};
use crate::interview::{Interview, Typed};
use crate::session::Session;

pub struct GuardPanel {
    /// Names to look for besides the participants' own (the config's list).
    pub names: Vec<String>,
    /// Findings the interviewer chose to keep: (where, what).
    pub kept: Vec<(Place, String)>,
    pub cursor: usize,
}

impl GuardPanel {
    pub fn new(names: Vec<String>) -> GuardPanel {
        GuardPanel {
            names,
            kept: Vec::new(),
            cursor: 0,
        }
    }

    /// What is still to decide in session `i`. A session without consent sends no free
    /// text at all, so there is nothing to check.
    pub fn open(&self, iv: &Interview, i: usize) -> Vec<Finding> {
        if iv.consent_refused(i) {
            return Vec::new();
        }
        let s = iv.session(i);
        scan(s, &iv.guide.guide, &self.names)
            .into_iter()
            .filter(|f| !self.kept.contains(&(f.place.clone(), f.found.clone())))
            .filter(|f| !is_sensitive(s, &f.place))
            .collect()
    }

    pub fn update(
        &mut self,
        iv: &mut Interview,
        session: usize,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        let open = self.open(iv, session);
        let last = open.len().saturating_sub(1);
        match action {
            Some(Action::Back) => Outcome::go(Go::Close),
            Some(Action::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                Outcome::stay()
            }
            Some(Action::Down) => {
                self.cursor = (self.cursor + 1).min(last);
                Outcome::stay()
            }
            Some(Action::Keep) => {
                let Some(f) = open.get(self.cursor) else {
                    return Outcome::stay();
                };
                self.kept.push((f.place.clone(), f.found.clone()));
                self.cursor = self.cursor.min(last.saturating_sub(1));
                Outcome::said(
                    Level::Info,
                    Words::msg("guard-kept").arg("kind", f.kind.code()),
                )
            }
            Some(Action::MarkSensitive) => {
                let Some(f) = open.get(self.cursor) else {
                    return Outcome::stay();
                };
                let result = match &f.place {
                    Place::Pad(seq) => iv.set_note_sensitive(session, *seq, true, now),
                    Place::Note(q) | Place::Other(q) | Place::Answer(q) => {
                        iv.set_answer_sensitive(session, q, true, now)
                    }
                };
                self.cursor = self.cursor.min(last.saturating_sub(1));
                match result {
                    Ok(change) => Outcome::said(
                        Level::Info,
                        Words::msg("guard-marked-sensitive").with("place", place_name(&f.place)),
                    )
                    .with(Effect::Persist(change)),
                    Err(e) => refused(e),
                }
            }
            Some(Action::Redact) => {
                let Some(f) = open.get(self.cursor) else {
                    return Outcome::stay();
                };
                let outcome = redact_finding(iv, session, f, now);
                self.cursor = self.cursor.min(last.saturating_sub(1));
                outcome
            }
            Some(Action::Complete) | Some(Action::Open) => {
                if open.is_empty() {
                    return ask_complete(iv, session).then_go(Go::Close);
                }
                Outcome::said(
                    Level::Warn,
                    crate::i18n::Words::msg("guard-decide-first").arg("n", open.len()),
                )
            }
            _ => Outcome::stay(),
        }
    }
}

/// Whether the text a finding is in is already marked sensitive: decided.
fn is_sensitive(s: &Session, place: &Place) -> bool {
    match place {
        Place::Pad(seq) => s.notes.iter().any(|n| n.seq == *seq && n.sensitive),
        Place::Note(q) | Place::Other(q) | Place::Answer(q) => {
            s.answers.get(q).is_some_and(|a| a.sensitive)
        }
    }
}

/// "the texts of `tip_forms`", "general note 3": what was marked.
fn place_name(place: &Place) -> Words {
    match place {
        Place::Pad(seq) => Words::msg("guard-place-pad").arg("seq", seq.to_string()),
        Place::Note(q) | Place::Other(q) | Place::Answer(q) => {
            Words::msg("guard-place-question").arg("question", q.clone())
        }
    }
}

/// The text a finding is in.
pub fn text_of<'s>(s: &'s Session, place: &Place) -> &'s str {
    let answer = |q: &str| s.answers.get(q);
    match place {
        Place::Note(q) => answer(q).map_or("", |a| a.note.as_str()),
        Place::Other(q) => answer(q).map_or("", |a| a.other.as_str()),
        Place::Answer(q) => match answer(q).and_then(|a| a.value.as_ref()) {
            Some(crate::session::Value::Text(t)) => t,
            _ => "",
        },
        Place::Pad(seq) => s
            .notes
            .iter()
            .find(|n| n.seq == *seq)
            .map_or("", |n| n.text.as_str()),
    }
}

/// Replace what was found with `[redacted]`, as an edit of that text: saved, in the
/// history, undoable like any other.
fn redact_finding(iv: &mut Interview, i: usize, f: &Finding, now: Timestamp) -> Outcome {
    let Some(text) = redact(text_of(iv.session(i), &f.place), &f.span) else {
        return Outcome::said(Level::Error, Words::msg("guard-text-changed"));
    };
    let result = match &f.place {
        Place::Note(q) => iv.set_note(i, q, &text, now),
        Place::Other(q) => iv.set_other(i, q, &text, now),
        Place::Pad(seq) => iv.edit_note(i, *seq, &text, now),
        Place::Answer(q) => match iv.type_answer(i, q, &text, now) {
            Ok(Typed::Saved(c)) => Ok(c),
            Ok(Typed::Invalid(e)) => {
                return Outcome::said(Level::Error, super::asks::answer_error(&e));
            }
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(change) => Outcome::said(
            Level::Info,
            Words::msg("guard-redacted").arg("kind", f.kind.code()),
        )
        .with(Effect::Persist(change)),
        Err(e) => refused(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::UiLang;

    /// What was marked sensitive is named in the screen's language, not glued in English
    /// into a French sentence.
    #[test]
    fn the_place_marked_is_named_in_the_screens_language() {
        let said = |p: Place, lang| {
            Words::msg("guard-marked-sensitive")
                .with("place", place_name(&p))
                .in_lang(lang)
        };
        assert!(
            said(Place::Pad(3), UiLang::En).starts_with("Marked sensitive: general note 3 ("),
            "{}",
            said(Place::Pad(3), UiLang::En)
        );
        let fr = said(Place::Note("tip_forms".into()), UiLang::Fr);
        assert!(
            fr.starts_with("Marqué sensible\u{a0}: les textes de `tip_forms` ("),
            "{fr}"
        );
        assert!(
            said(Place::Pad(2), UiLang::Fr).contains("note générale 2"),
            "{}",
            said(Place::Pad(2), UiLang::Fr)
        );
    }
}
