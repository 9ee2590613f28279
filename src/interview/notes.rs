//! A general note taken under one structure's tab that is about another: moved, whole, to
//! that structure's session (issue 16: the pad is the call's, each note tagged with the
//! structure it belongs to). Its time, text, mark and attachment go with it; a question the
//! other structure is not asked leaves it unattached.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::session::Change;

impl Interview {
    /// Move general note `seq` of session `from` to session `to`: the changes that save it
    /// (the new note there, the note gone here) and its number there.
    pub fn move_note(
        &mut self,
        from: usize,
        seq: u32,
        to: usize,
        now: Timestamp,
    ) -> Result<(u32, [Change; 2]), Refusal> {
        self.may_edit(from)?;
        self.may_write_text(to)?;
        let guide = self.guide.clone();
        let note = self.sessions[from]
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .cloned()
            .ok_or(Refusal::NothingToCopy)?;
        let question = note
            .question
            .as_deref()
            .filter(|q| self.sessions[to].visibility(&guide.guide).is_visible(q));
        let used = self.histories[to].last_note_number();
        let target = &mut self.sessions[to];
        let new_seq = target.add_note_after(used, &note.text, question, &guide.guide, now)?;
        if let Some(n) = target.notes.iter_mut().find(|n| n.seq == new_seq) {
            n.at = note.at;
            n.sensitive = note.sensitive;
            n.said_by = note.said_by.clone();
        }
        let added = Change::note(target, &guide.guide, new_seq);
        let source = &mut self.sessions[from];
        source.notes.retain(|n| n.seq != seq);
        source.updated_at = now;
        let removed = Change::note(source, &guide.guide, seq);
        // Undone on each tab, as the store's history has it after a restart (the same
        // entries, in the same order): Ctrl-Z on this tab brings the note back here whole,
        // on the other takes it away there.
        if !self.replaying {
            let said = note
                .said_by
                .as_ref()
                .map(crate::session::Speaker::text)
                .unwrap_or_default();
            let attached = question.map(str::to_string).unwrap_or_default();
            let here = format!("general:{seq}");
            let gone = vec![
                (here.clone(), note.text.clone(), String::new()),
                (
                    format!("{here}:question"),
                    note.question.clone().unwrap_or_default(),
                    String::new(),
                ),
                (format!("{here}:said_by"), said.clone(), String::new()),
                (
                    format!("{here}:sensitive"),
                    if note.sensitive { "sensitive" } else { "" }.to_string(),
                    String::new(),
                ),
                (format!("{here}:at"), note.at.to_string(), String::new()),
            ];
            self.histories[from].record_group(gone, now);
            let there = format!("general:{new_seq}");
            let came = vec![
                (there.clone(), String::new(), note.text),
                (format!("{there}:said_by"), String::new(), said),
                (format!("{there}:question"), String::new(), attached),
            ];
            self.histories[to].record_group(came, now);
        }
        Ok((new_seq, [added, removed]))
    }
}
