//! The intents that change a session: each checks who may edit, changes the session
//! through its validating methods, and returns the change that saves exactly that.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::guide::QuestionType;
use crate::session::{Change, Field, Position, Special, Status, Value, parse_typed};

/// What was typed into an answer's own text field.
// Made once per key and matched at once: boxing the change would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// Saved as the answer (or cleared, when the field is empty).
    Saved(Change),
    /// Not a value the question takes (a word in a number field): the last valid value
    /// stays until this one is.
    Invalid(crate::session::AnswerError),
}

impl Interview {
    fn edit_answer(
        &mut self,
        i: usize,
        q: &str,
        field: Field,
        now: Timestamp,
        f: impl FnOnce(
            &mut crate::session::Session,
            &crate::guide::Guide,
        ) -> Result<(), crate::session::SessionError>,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let before = s.answers.get(q).cloned();
        let old = super::field_text(s.answers.get(q), field);
        f(s, guide)?;
        // Changed on its own tab: a call-level answer is this structure's own from now on.
        if field == Field::Answer
            && let Some(a) = s.answers.get_mut(q)
        {
            a.shared = false;
        }
        let new = super::field_text(s.answers.get(q), field);
        let change = Change::answer(s, guide, q, field);
        let target = format!("{}:{q}", field.as_str());
        // Clearing the last of an answer drops its row, and with it the marks on its
        // options and who said it: the store's history has them as entries of the same
        // change, and so does one step of undo, which brings all of it back together.
        let after = s.answers.get(q);
        let mut with = Vec::new();
        let (p0, p1) = (
            super::provenance::provenance_text(before.as_ref()),
            super::provenance::provenance_text(after),
        );
        if p0 != p1 {
            with.push((format!("provenance:{q}"), p0, p1));
        }
        let said = |a: Option<&crate::session::Answer>| {
            a.and_then(|a| a.said_by.as_ref())
                .map(crate::session::Speaker::text)
                .unwrap_or_default()
        };
        let (s0, s1) = (said(before.as_ref()), said(after));
        if s0 != s1 {
            with.push((format!("said_by:{q}"), s0, s1));
        }
        if with.is_empty() {
            self.remember(i, target, old, new, now, change.is_typing());
        } else if !self.replaying {
            with.insert(0, (target, old, new));
            self.histories[i].record_group(with, now);
        }
        if field == Field::Answer {
            self.share_call_level(i, q, before.as_ref(), now);
        }
        Ok(change)
    }

    pub fn set_value(
        &mut self,
        i: usize,
        q: &str,
        value: Value,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| {
            s.set_value(g, q, value, now)
        })
    }

    pub fn set_special(
        &mut self,
        i: usize,
        q: &str,
        special: Special,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| {
            s.set_special(g, q, special, now)
        })
    }

    pub fn clear_answer(&mut self, i: usize, q: &str, now: Timestamp) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| s.clear_answer(g, q, now))
    }

    /// Tick or untick option `value` of a multiple choice; unticking the last one clears
    /// the answer.
    pub fn toggle(
        &mut self,
        i: usize,
        q: &str,
        value: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        let mut ticked = match self.sessions[i]
            .answers
            .get(q)
            .and_then(|a| a.value.clone())
        {
            Some(Value::Choices(vs)) => vs,
            _ => Vec::new(),
        };
        let exclusive = |v: &str| {
            self.guide
                .guide
                .question(q)
                .and_then(|x| x.option(v))
                .is_some_and(|o| o.exclusive)
        };
        match ticked.iter().position(|v| v == value) {
            Some(at) => {
                ticked.remove(at);
            }
            // "None" clears the others; any other clears "None".
            None if exclusive(value) => ticked = vec![value.to_string()],
            None => {
                ticked.retain(|v| !exclusive(v));
                ticked.push(value.to_string());
            }
        }
        if ticked.is_empty() {
            self.clear_answer(i, q, now)
        } else {
            self.set_value(i, q, Value::Choices(ticked), now)
        }
    }

    /// The text of an answer's own field (text, number, date), as typed.
    pub fn type_answer(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Typed, Refusal> {
        self.may_edit(i)?;
        let free_text = self
            .guide
            .guide
            .question(q)
            .is_some_and(|x| matches!(x.kind, QuestionType::Text | QuestionType::LongText));
        if free_text && !text.trim().is_empty() {
            self.may_write_text(i)?;
        }
        if text.trim().is_empty() {
            return self.clear_answer(i, q, now).map(Typed::Saved);
        }
        let Some(question) = self.guide.guide.question(q) else {
            return Err(Refusal::Session(
                crate::session::SessionError::UnknownQuestion {
                    guide: self.guide.guide.id.clone(),
                    question: q.to_string(),
                },
            ));
        };
        match parse_typed(question, text) {
            Ok(v) => self.set_value(i, q, v, now).map(Typed::Saved),
            Err(e) => Ok(Typed::Invalid(e)),
        }
    }

    pub fn set_other(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if !text.is_empty() {
            self.may_write_text(i)?;
        }
        self.edit_answer(i, q, Field::Other, now, |s, g| s.set_other(g, q, text, now))
    }

    pub fn set_note(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if !text.is_empty() {
            self.may_write_text(i)?;
        }
        self.edit_answer(i, q, Field::Note, now, |s, g| s.set_note(g, q, text, now))
    }

    /// A new general note in session `i`; returns its number.
    pub fn add_note(
        &mut self,
        i: usize,
        text: &str,
        question: Option<&str>,
        now: Timestamp,
    ) -> Result<(u32, Change), Refusal> {
        self.may_write_text(i)?;
        let used = self.histories[i].last_note_number();
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let seq = s.add_note_after(used, text, question, guide, now)?;
        let change = Change::note(s, guide, seq);
        self.remember(
            i,
            format!("general:{seq}"),
            String::new(),
            text.to_string(),
            now,
            true,
        );
        Ok((seq, change))
    }

    pub fn edit_note(
        &mut self,
        i: usize,
        seq: u32,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        // Emptying a note is always allowed: it removes text, it records none.
        if !text.is_empty() {
            self.may_write_text(i)?;
        } else {
            self.may_edit(i)?;
        }
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let old = s
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .map(|n| n.text.clone());
        match old {
            Some(_) => s.edit_note(seq, text, now)?,
            // Gone from this session (moved to another structure): undo brings it back.
            None if self.replaying && !text.is_empty() => s.restore_note(seq, text, now)?,
            None => s.edit_note(seq, text, now)?,
        }
        let old = old.unwrap_or_default();
        let change = Change::note(s, guide, seq);
        self.remember(
            i,
            format!("general:{seq}"),
            old,
            text.to_string(),
            now,
            true,
        );
        Ok(change)
    }

    /// Mark the free text of question `q` in session `i` sensitive (or not).
    pub fn set_answer_sensitive(
        &mut self,
        i: usize,
        q: &str,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Note, now, |s, _| {
            s.set_answer_sensitive(q, sensitive, now)
        })
    }

    /// Mark general note `seq` of session `i` sensitive (or not).
    pub fn set_note_sensitive(
        &mut self,
        i: usize,
        seq: u32,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        s.set_note_sensitive(seq, sensitive, now)?;
        Ok(Change::note(s, guide, seq))
    }

    pub fn attach_note(
        &mut self,
        i: usize,
        seq: u32,
        question: Option<&str>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let old = s
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .and_then(|n| n.question.clone())
            .unwrap_or_default();
        s.attach_note(seq, question, guide, now)?;
        let change = Change::note(s, guide, seq);
        let new = question.unwrap_or("").to_string();
        self.remember(i, format!("general:{seq}:question"), old, new, now, false);
        Ok(change)
    }

    /// The interviewer is now at `position` of session `i`. Saved for resuming only where
    /// the session can still change.
    pub fn move_to(&mut self, i: usize, position: Position) -> Option<Change> {
        let s = &mut self.sessions[i];
        s.position = position;
        (self.may_edit(i).is_ok()).then(|| Change::position(&self.sessions[i]))
    }

    /// Complete session `i`: every visible required question answered. Its revision is
    /// frozen as its file in the same change.
    pub fn complete(&mut self, i: usize, now: Timestamp) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        s.complete(&guide.guide, now)?;
        let file = super::freeze(s, &guide);
        Ok(Change::complete(s, &guide.guide, file))
    }

    /// Show the call in `language`. Saved (for every session, which are written in it)
    /// only when this stocktake holds the whole call; otherwise it is only how the guide
    /// is shown here, and `None` says so.
    pub fn set_language(&mut self, language: &str) -> Option<Change> {
        self.call.language = language.to_string();
        let held = self.all_held();
        for s in &mut self.sessions {
            // A completed session keeps the language its file was written in.
            if held && s.status != Status::Completed {
                s.language = language.to_string();
            }
        }
        held.then(|| Change::CallLanguage {
            call: self.call.id.clone(),
            language: language.to_string(),
        })
    }

    /// The next of the guide's languages after the one shown.
    pub fn next_language(&self) -> String {
        let langs = &self.guide.guide.languages;
        let at = langs
            .iter()
            .position(|l| *l == self.call.language)
            .unwrap_or(0);
        langs
            .get((at + 1) % langs.len().max(1))
            .cloned()
            .unwrap_or_else(|| self.call.language.clone())
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
