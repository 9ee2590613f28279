//! Undo and redo on the interview screen: the interview's own history does the work;
//! this shows where the change was, its question and field under the cursor, and says
//! what was undone.

use crate::i18n::Words;
use jiff::Timestamp;

use super::asks::refused;
use super::interview::{CallView, Tab};
use super::msg::Effect;
use super::outcome::{Level, Outcome};
use super::panels::Panel;

impl CallView {
    /// Undo (`back`) or redo the last edit of the session shown, and show where it was:
    /// its question, with the field it changed under the cursor.
    pub(super) fn undo(&mut self, back: bool, now: Timestamp) -> Outcome {
        let i = self.active;
        let result = if back {
            self.interview.undo(i, now)
        } else {
            self.interview.redo(i, now)
        };
        let Some(result) = result else {
            return Outcome::said(
                Level::Info,
                Words::msg(if back { "undo-nothing" } else { "redo-nothing" }),
            );
        };
        let u = match result {
            Ok(u) => u,
            Err(e) => return refused(e),
        };
        let mut effects = vec![Effect::Persist(u.change.clone())];
        let index = u
            .question
            .as_deref()
            .and_then(|q| self.interview.index_of(q));
        if self.panel.is_none()
            && let Some(index) = index
            && index != self.tabs[i].current
        {
            effects.extend(self.goto(index));
        }
        self.tabs[i].reload(&self.interview, i);
        if let Some(field) = u.field
            && index == Some(self.tabs[i].current)
        {
            let q = self.question().clone();
            let value = self
                .interview
                .session(i)
                .answers
                .get(&q.id)
                .and_then(|a| a.value.clone());
            let t = &mut self.tabs[i];
            if Tab::fields(&q, value.as_ref()).contains(&field) {
                t.field = field;
                t.editing = t.is_text_field(&q);
            }
        }
        if let Some(Panel::Notes(pad)) = &mut self.panel {
            pad.reload(&self.interview, i);
        }
        use crate::interview::What;
        let (what, n) = match u.what {
            What::Answer => ("answer", 0),
            What::SpecifyText => ("specify", 0),
            What::Note => ("note", 0),
            What::WhoSaidIt => ("said-by", 0),
            What::HowItCame => ("how", 0),
            What::GeneralNote(seq) => ("pad", seq as usize),
            What::MarkedNotAsked(n) => ("rest", n),
        };
        let question = match (&u.question, u.field) {
            (Some(q), Some(_)) => self
                .interview
                .guide
                .guide
                .question(q)
                .map(|q| q.text.get(self.lang(), self.interview.default_language()))
                .map(|text| super::screens::layout::fit(text, 40))
                .unwrap_or_else(|| q.clone()),
            _ => String::new(),
        };
        let said = Words::msg(if back { "undone" } else { "redone" })
            .arg("what", what)
            .arg("n", n)
            .arg("of", if question.is_empty() { "no" } else { "yes" })
            .arg("question", question);
        Outcome::effects(effects).say(Level::Info, said)
    }
}
