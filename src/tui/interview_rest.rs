//! "Mark the rest not asked" on the interview screen (Alt-S: the section, Alt-E: the
//! guide): asked first, with how many questions it marks, then done in one change that
//! one Ctrl-Z takes back.

use crate::i18n::Words;
use jiff::Timestamp;

use super::asks::refused;
use super::interview::CallView;
use super::msg::Effect;
use super::outcome::{Dialog, DialogChoice, Level, Outcome, Then};
use crate::interview::Rest;

impl CallView {
    /// The question before marking: how many, of what, and that it can be undone.
    pub(super) fn ask_mark_rest(&mut self, rest: Rest) -> Outcome {
        let (i, cur) = (self.active, self.tabs[self.active].current);
        if let Err(e) = self.interview.may_edit(i) {
            return refused(e);
        }
        let open = self.interview.rest_open(i, cur, rest);
        let (lang, dl) = (self.lang(), self.interview.default_language());
        let section = &self.guide().sections[self.section_of(cur)];
        // "guide", or the section's title: which end the marking runs to.
        let (kind, section) = match rest {
            Rest::Section => ("section", section.title.get(lang, dl).to_string()),
            Rest::Guide => ("guide", String::new()),
        };
        let with_end = |w: Words| w.arg("kind", kind).arg("section", section.clone());
        if open.is_empty() {
            return Outcome::said(Level::Info, with_end(Words::msg("rest-nothing-open")));
        }
        Outcome::asking(Dialog {
            title: Words::msg("dialog-rest-title").arg("kind", kind),
            body: with_end(Words::msg("dialog-rest-body")).arg("n", open.len()),
            choices: vec![
                DialogChoice {
                    key: 'y',
                    label: Words::msg("dialog-rest-yes"),
                    then: Then::MarkRest(rest),
                },
                DialogChoice {
                    key: 'n',
                    label: Words::msg("dialog-rest-no"),
                    then: Then::Nothing,
                },
            ],
        })
    }

    /// Mark them, once confirmed, and go on to what is still open (the next section, or
    /// a required question such as the classification).
    pub fn mark_rest(&mut self, rest: Rest, now: Timestamp) -> Outcome {
        let (i, cur) = (self.active, self.tabs[self.active].current);
        let change = match self.interview.mark_rest(i, cur, rest, now) {
            Ok(Some(change)) => change,
            Ok(None) => return Outcome::said(Level::Info, Words::msg("rest-nothing")),
            Err(e) => return refused(e),
        };
        let n = match &change {
            crate::session::Change::Answers { changes, .. } => changes.len(),
            _ => 1,
        };
        let mut outcome = Outcome::effects(vec![Effect::Persist(change)]);
        self.tabs[i].reload(&self.interview, i);
        let next = match rest {
            Rest::Section => self.interview.step_section(i, cur, true),
            Rest::Guide => None,
        }
        .or_else(|| self.interview.next_unanswered(i, cur).filter(|n| *n != cur));
        if let Some(next) = next {
            outcome = outcome.and(Outcome::effects(self.goto(next)));
        }
        let outcome = outcome.say(Level::Info, Words::msg("rest-marked").arg("n", n));
        self.saving(&outcome.effects);
        outcome
    }
}
