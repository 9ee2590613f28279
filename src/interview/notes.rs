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
        let target = &mut self.sessions[to];
        let new_seq = target.add_note(&note.text, question, &guide.guide, now)?;
        if let Some(n) = target.notes.iter_mut().find(|n| n.seq == new_seq) {
            n.at = note.at;
            n.sensitive = note.sensitive;
        }
        let added = Change::note(target, &guide.guide, new_seq);
        let source = &mut self.sessions[from];
        source.notes.retain(|n| n.seq != seq);
        source.updated_at = now;
        let removed = Change::note(source, &guide.guide, seq);
        // Undone on each tab, as the store's history has it after a restart: Ctrl-Z on this
        // tab brings the note back here, on the other takes it away there.
        self.remember(
            from,
            format!("general:{seq}"),
            note.text.clone(),
            String::new(),
            now,
            false,
        );
        self.remember(
            to,
            format!("general:{new_seq}"),
            String::new(),
            note.text,
            now,
            false,
        );
        Ok((new_seq, [added, removed]))
    }
}
