//! The interview screen's keys for how an answer came to be (`docs/keys.md`): Alt-V and
//! Alt-P mark the chosen option volunteered or prompted, Alt-B marks that the definition of
//! trafficking was explained here (the answer so far is kept as the one before it), Alt-W
//! says who on the call gave the answer. Each says what it did, and Ctrl-Z undoes it.

use jiff::Timestamp;

use super::asks::refused;
use super::interview::{CallView, OptionRow, option_rows};
use super::msg::Effect;
use super::outcome::{Level, Outcome};
use crate::i18n::Words;
use crate::session::Elicited;

impl CallView {
    /// The option value of the row under the cursor, when it is an option.
    fn option_under_cursor(&self) -> Option<String> {
        let q = self.question();
        let rows = option_rows(q, self.session());
        match rows.get(self.tab().option)? {
            OptionRow::Choice(c) => q.options.get(*c).map(|o| o.value.clone()),
            OptionRow::Yes => Some("yes".into()),
            OptionRow::No => Some("no".into()),
            _ => None,
        }
    }

    pub(super) fn mark_elicited(&mut self, mark: Elicited, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let at = self.option_under_cursor();
        match self
            .interview
            .toggle_elicited(self.active, &q.id, at.as_deref(), mark, now)
        {
            Ok((change, now_marked, option)) => {
                let (lang, dl) = (self.lang(), self.interview.default_language());
                let label = q
                    .option(&option)
                    .map(|o| o.label.get(lang, dl).to_string())
                    .unwrap_or_else(|| if option == "yes" { "Yes" } else { "No" }.to_string());
                let said = Words::msg(match now_marked {
                    Some(Elicited::Volunteered) => "said-volunteered",
                    Some(Elicited::Prompted) => "said-prompted",
                    None => "said-unmarked",
                })
                .arg("option", label);
                Outcome::effects(vec![Effect::Persist(change)]).say(Level::Info, said)
            }
            Err(e) => refused(e),
        }
    }

    pub(super) fn mark_definition(&mut self, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        match self.interview.toggle_definition(self.active, &q.id, now) {
            Ok((change, true)) => {
                let (lang, dl) = (self.lang(), self.interview.default_language());
                let before = self
                    .session()
                    .answers
                    .get(&q.id)
                    .and_then(|a| a.provenance.before_definition.as_ref())
                    .map(|e| {
                        crate::interview::earlier_words(
                            &q,
                            e,
                            lang,
                            dl,
                            &super::interview::fixed_words(lang),
                        )
                    })
                    .unwrap_or_default();
                Outcome::effects(vec![Effect::Persist(change)]).say(
                    Level::Info,
                    Words::msg("said-definition").arg("before", before),
                )
            }
            Ok((change, false)) => Outcome::effects(vec![Effect::Persist(change)])
                .say(Level::Info, Words::msg("said-definition-off")),
            Err(e) => refused(e),
        }
    }

    pub(super) fn attribute(&mut self, now: Timestamp) -> Outcome {
        let q = self.question().id.clone();
        match self.interview.attribute_answer(self.active, &q, now) {
            Ok((change, who)) => {
                let said = match who {
                    Some(s) => Words::msg("said-said-by").with("who", s.said()),
                    None => Words::msg("said-said-by-no-one"),
                };
                Outcome::effects(vec![Effect::Persist(change)]).say(Level::Info, said)
            }
            Err(e) => refused(e),
        }
    }
}
