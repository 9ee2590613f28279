//! "Mark the rest not asked" on the interview screen (Alt-S: the section, Alt-E: the
//! guide): asked first, with how many questions it marks, then done in one change that
//! one Ctrl-Z takes back.

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
        let whose = match rest {
            Rest::Section => format!("of “{}”", section.title.get(lang, dl)),
            Rest::Guide => "of the guide".to_string(),
        };
        if open.is_empty() {
            return Outcome::said(
                Level::Info,
                format!(
                    "Nothing to mark: from here to the end {whose}, each question has an answer or is required."
                ),
            );
        }
        let count = match open.len() {
            1 => "1 question".to_string(),
            n => format!("{n} questions"),
        };
        Outcome::asking(Dialog {
            title: match rest {
                Rest::Section => "Rest of the section not asked".into(),
                Rest::Guide => "Rest of the guide not asked".into(),
            },
            body: format!(
                "Mark {count} from here to the end {whose} not asked? They have no answer yet.\n\nAnswered and required questions stay as they are. Ctrl-Z takes it all back in one step."
            ),
            choices: vec![
                DialogChoice {
                    key: 'y',
                    label: "mark not asked",
                    then: Then::MarkRest(rest),
                },
                DialogChoice {
                    key: 'n',
                    label: "keep asking",
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
            Ok(None) => return Outcome::said(Level::Info, "Nothing to mark."),
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
        let marked = match n {
            1 => "1 question marked not asked".to_string(),
            n => format!("{n} questions marked not asked"),
        };
        let outcome = outcome.say(Level::Info, format!("{marked} — Ctrl-Z undoes"));
        self.saving(&outcome.effects);
        outcome
    }
}
