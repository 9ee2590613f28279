//! Facts asked once per call (issue 16): a guide's `call_level` question answered for one
//! structure becomes the answer of every other structure on the call that had none. A
//! structure whose answer came that way, never changed on its own tab, follows the next
//! edits too (a second tick, a correction); once changed on its own tab it is its own, and
//! an edit there changes no one else's answer: the review shows where they differ. The other sessions'
//! changes wait in [`Interview::take_shared`] for the screen to save with the edit.

use jiff::Timestamp;

use super::Interview;
use crate::session::{Answer, Change, Field};

/// The part of an answer that is shared: its value or special status.
fn same(a: Option<&Answer>, b: Option<&Answer>) -> bool {
    let key = |a: Option<&Answer>| a.map(|a| (a.value.clone(), a.special));
    key(a) == key(b)
}

fn unsettled(a: Option<&Answer>) -> bool {
    !a.is_some_and(Answer::is_settled)
}

impl Interview {
    pub(super) fn share_call_level(
        &mut self,
        from: usize,
        q: &str,
        before: Option<&Answer>,
        now: Timestamp,
    ) {
        if self.replaying || !self.guide.guide.question(q).is_some_and(|x| x.call_level) {
            return;
        }
        let now_answer = self.sessions[from].answers.get(q).cloned();
        let guide = self.guide.clone();
        for j in 0..self.sessions.len() {
            if j == from
                || self.may_edit(j).is_err()
                || !self.sessions[j].visibility(&guide.guide).is_visible(q)
            {
                continue;
            }
            let theirs = self.sessions[j].answers.get(q);
            let follows = theirs.is_some_and(|a| a.shared) && same(theirs, before);
            if !(unsettled(theirs) || follows) || same(theirs, now_answer.as_ref()) {
                continue;
            }
            let s = &mut self.sessions[j];
            let old = super::field_text(s.answers.get(q), Field::Answer);
            let result = match now_answer.as_ref().map(|a| (a.value.clone(), a.special)) {
                Some((_, Some(sp))) => s.set_special(&guide.guide, q, sp, now),
                Some((Some(v), None)) => s.set_value(&guide.guide, q, v, now),
                _ => s.clear_answer(&guide.guide, q, now),
            };
            if result.is_err() {
                // A value this structure's options cannot take: it keeps its own.
                continue;
            }
            if let Some(a) = s.answers.get_mut(q) {
                a.shared = true;
            }
            let new = super::field_text(s.answers.get(q), Field::Answer);
            let change = Change::answer(s, &guide.guide, q, Field::Answer);
            self.remember(j, format!("answer:{q}"), old, new, now, false);
            self.shared.push(change);
        }
    }

    /// The changes an edit made to the other sessions of the call, to be saved with it.
    pub fn take_shared(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.shared)
    }
}

impl Interview {
    /// Question `q`'s answer in session `from` (its value or special status) copied to
    /// every other structure on the call that may take it: one key when the coordinators
    /// on the line agree. Returns the changes and the names of the structures changed.
    pub fn copy_to_call(
        &mut self,
        from: usize,
        q: &str,
        now: Timestamp,
    ) -> Result<(Vec<Change>, Vec<String>), super::Refusal> {
        let mine = self.sessions[from]
            .answers
            .get(q)
            .filter(|a| a.is_settled())
            .cloned()
            .ok_or(super::Refusal::NothingToCopy)?;
        let guide = self.guide.clone();
        let lang = self.lang().to_string();
        let (mut changes, mut names) = (Vec::new(), Vec::new());
        for j in 0..self.sessions.len() {
            if j == from
                || self.may_edit(j).is_err()
                || !self.sessions[j].visibility(&guide.guide).is_visible(q)
                || same(self.sessions[j].answers.get(q), Some(&mine))
            {
                continue;
            }
            let s = &mut self.sessions[j];
            let old = super::field_text(s.answers.get(q), Field::Answer);
            let result = match (&mine.value, mine.special) {
                (_, Some(sp)) => s.set_special(&guide.guide, q, sp, now),
                (Some(v), None) => s.set_value(&guide.guide, q, v.clone(), now),
                (None, None) => continue,
            };
            if result.is_err() {
                continue;
            }
            let new = super::field_text(s.answers.get(q), Field::Answer);
            let mut edits = vec![(format!("answer:{q}"), old, new)];
            // Said by the same person for every structure: the attribution goes with it,
            // in the same step of undo.
            let old_said = s.answers.get(q).and_then(|a| a.said_by.clone());
            if mine.said_by.is_some()
                && old_said != mine.said_by
                && s.set_said_by(&guide.guide, q, mine.said_by.clone(), now)
                    .is_ok()
            {
                let text = |p: Option<&crate::session::Speaker>| {
                    p.map(crate::session::Speaker::text).unwrap_or_default()
                };
                let (old, new) = (text(old_said.as_ref()), text(mine.said_by.as_ref()));
                edits.push((format!("said_by:{q}"), old, new));
            }
            changes.push(Change::answer(s, &guide.guide, q, Field::Answer));
            names.push(s.structure_name(&guide.guide, &lang));
            if !self.replaying {
                self.histories[j].record_group(edits, now);
            }
        }
        Ok((changes, names))
    }
}
