//! Choosing an option on the interview screen, and moving on by itself after a first
//! closed answer (`auto_advance`, `docs/keys.md`): one key per question where one answer
//! is all there is.

use crate::i18n::Words;
use jiff::Timestamp;

use super::interview::{CallView, OptionRow, option_rows, row_label, row_selected};
use super::outcome::{Level, Outcome};
use crate::guide::QuestionType;
use crate::session::{Field, Special, Value};

impl CallView {
    /// Choose (or for multi, tick or untick) the option in row `index`. `advance`: the key
    /// may move on to the next question (not when another key follows that says where to
    /// go, as after a digit that waited for more).
    pub(super) fn choose(&mut self, index: usize, advance: bool, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let i = self.active;
        let Some(row) = option_rows(&q, self.session()).get(index).copied() else {
            return Outcome::stay();
        };
        let had = self
            .session()
            .answers
            .get(&q.id)
            .is_some_and(|a| a.value.is_some() || a.special.is_some());
        let ticked_before = self.ticked(&q.id);
        let result = match row {
            OptionRow::DontKnow => {
                let outcome = self.special(Special::DontKnow, now);
                return self.advanced(outcome, advance, had, row);
            }
            OptionRow::Yes => self.interview.set_value(i, &q.id, Value::YesNo(true), now),
            OptionRow::No => self.interview.set_value(i, &q.id, Value::YesNo(false), now),
            OptionRow::Scale(n) => self.interview.set_value(i, &q.id, Value::Scale(n), now),
            OptionRow::Choice(c) if q.kind == QuestionType::Single => {
                let v = Value::Choice(q.options[c].value.clone());
                self.interview.set_value(i, &q.id, v, now)
            }
            OptionRow::Choice(c) => self.interview.toggle(i, &q.id, &q.options[c].value, now),
        };
        let ok = result.is_ok();
        let outcome = self.edited(result);
        if !ok {
            return outcome;
        }
        // Choosing an "other" option asks for the specifics at once.
        if let OptionRow::Choice(c) = row {
            let a = self.session().answers.get(&q.id);
            if q.options[c].other && row_selected(&q, &a.and_then(|a| a.value.clone()), None, row) {
                let t = &mut self.tabs[i];
                t.field = Field::Other;
                t.editing = true;
                return outcome;
            }
        }
        if q.kind == QuestionType::Multi {
            return self.said_exclusive(outcome, &q, &ticked_before);
        }
        self.advanced(outcome, advance, had, row)
    }

    /// Alt with an option's number: that option ends the answer, then the next question,
    /// whatever the auto-advance setting and whether or not the question had an answer.
    /// On a multiple choice it is the last tick, so an option already ticked stays ticked
    /// (no tick can say it is the last: the interviewer does). An Other option opens its
    /// specify field instead of moving on, as a plain digit does.
    pub(super) fn choose_then_next(&mut self, index: usize, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let Some(row) = option_rows(&q, self.session()).get(index).copied() else {
            return Outcome::stay();
        };
        let already = match row {
            OptionRow::Choice(c) if q.kind == QuestionType::Multi => {
                self.ticked(&q.id).contains(&q.options[c].value)
            }
            _ => false,
        };
        let outcome = if already {
            Outcome::stay()
        } else {
            self.choose(index, false, now)
        };
        let refused = outcome.say.as_ref().is_some_and(|(l, _)| *l != Level::Info);
        let t = &self.tabs[self.active];
        if refused || t.field == Field::Other {
            return outcome;
        }
        let answered = self
            .session()
            .answers
            .get(&q.id)
            .is_some_and(|a| a.value.is_some() || a.special.is_some());
        if !answered {
            return outcome;
        }
        let (i, cur) = (self.active, t.current);
        let label = row_label(
            &q,
            row,
            self.lang(),
            self.interview.default_language(),
            self.ui_lang(),
        );
        let label = super::screens::layout::fit(&label, 30);
        let n = self.ticked(&q.id).len();
        let said = |next: bool| {
            let id = match (q.kind == QuestionType::Multi, next) {
                (true, true) => "ticked-next",
                (true, false) => "ticked-last",
                (false, true) => "recorded-next",
                (false, false) => "recorded-last",
            };
            Words::msg(id).arg("label", label.clone()).arg("n", n)
        };
        // "None took away 2 ticks" says more than "next question": it stays.
        let kept = outcome.say.is_some();
        match self.interview.step(i, cur, true) {
            Some(next) => {
                let moved = self.goto(next);
                let outcome = outcome.and(Outcome::effects(moved));
                if kept {
                    outcome
                } else {
                    outcome.say(Level::Info, said(true))
                }
            }
            None if kept => outcome,
            None => outcome.say(Level::Info, said(false)),
        }
    }

    fn ticked(&self, q: &str) -> Vec<String> {
        match self.session().answers.get(q).and_then(|a| a.value.as_ref()) {
            Some(Value::Choices(vs)) => vs.clone(),
            _ => Vec::new(),
        }
    }

    /// A tick that took others away (an option that excludes the others, or one ticked
    /// while such an option was) says so: the ticks vanish from the list otherwise unseen.
    fn said_exclusive(
        &self,
        outcome: Outcome,
        q: &crate::guide::Question,
        before: &[String],
    ) -> Outcome {
        let after = self.ticked(&q.id);
        let gone: Vec<&String> = before.iter().filter(|v| !after.contains(v)).collect();
        let added = after.iter().any(|v| !before.contains(v));
        if !added || gone.is_empty() {
            return outcome;
        }
        let (lang, dl) = (self.lang(), self.interview.default_language());
        let label = |v: &str| {
            q.option(v)
                .map_or(v.to_string(), |o| o.label.get(lang, dl).to_string())
        };
        // Short enough for 60 columns.
        let said = match gone.as_slice() {
            [one] => Words::msg("exclusive-unticked-one")
                .arg("label", super::screens::layout::fit(&label(one), 20)),
            many => Words::msg("exclusive-unticked-many").arg("n", many.len()),
        };
        outcome.say(Level::Info, said)
    }

    /// After a closed answer was recorded: on to the next question when this was the
    /// question's first answer and the setting is on. A changed answer stays: whoever
    /// came back to correct it may want to read it, or its note, before moving on.
    fn advanced(&mut self, outcome: Outcome, advance: bool, had: bool, row: OptionRow) -> Outcome {
        // Refused (read-only, completed): nothing was recorded, nothing moves.
        let recorded = !outcome.effects.is_empty();
        if !recorded || !advance || !self.auto_advance {
            return outcome;
        }
        if had {
            return outcome.say(Level::Info, Words::msg("answer-changed"));
        }
        let (i, cur) = (self.active, self.tabs[self.active].current);
        // Said with the answer: the question it belongs to leaves the screen.
        let label = row_label(
            self.question(),
            row,
            self.lang(),
            self.interview.default_language(),
            self.ui_lang(),
        );
        let label = super::screens::layout::fit(&label, 30);
        match self.interview.step(i, cur, true) {
            Some(n) => {
                let moved = self.goto(n);
                outcome
                    .and(Outcome::effects(moved))
                    .say(Level::Info, Words::msg("recorded-next").arg("label", label))
            }
            None => outcome.say(Level::Info, Words::msg("recorded-last").arg("label", label)),
        }
    }
}
