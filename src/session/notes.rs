//! General notes of a session: the pad's notes, numbered, time-stamped, attachable to a
//! question, marked sensitive, said by someone; and brought back whole when undo takes
//! back a move to another structure.

use jiff::Timestamp;

use super::model::{Note, Session, SessionError, bounded};
use crate::guide::Guide;

impl Session {
    /// A new general note, stamped now; returns its number.
    pub fn add_note(
        &mut self,
        text: &str,
        question: Option<&str>,
        guide: &Guide,
        now: Timestamp,
    ) -> Result<u32, SessionError> {
        self.add_note_after(0, text, question, guide, now)
    }

    /// A new general note numbered after every note this session has, and after `used`
    /// (numbers of notes gone, which the history still names).
    pub fn add_note_after(
        &mut self,
        used: u32,
        text: &str,
        question: Option<&str>,
        guide: &Guide,
        now: Timestamp,
    ) -> Result<u32, SessionError> {
        if let Some(q) = question {
            self.question(guide, q)?;
        }
        bounded(text)?;
        self.edit(now)?;
        let seq = self
            .notes
            .iter()
            .map(|n| n.seq)
            .max()
            .unwrap_or(0)
            .max(used)
            + 1;
        self.notes.push(Note {
            seq,
            at: now,
            text: text.to_string(),
            question: question.map(str::to_string),
            sensitive: false,
            said_by: None,
        });
        Ok(seq)
    }

    /// Mark (or unmark) general note `seq` sensitive.
    pub fn set_note_sensitive(
        &mut self,
        seq: u32,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let i = self.note_index(seq)?;
        self.edit(now)?;
        self.notes[i].sensitive = sensitive;
        Ok(())
    }

    /// Bring back general note `seq`, gone (moved to another structure): undo writes its
    /// text back. The history keeps only its text, so it comes back taken now and
    /// unattached.
    pub fn restore_note(
        &mut self,
        seq: u32,
        text: &str,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        bounded(text)?;
        if self.notes.iter().any(|n| n.seq == seq) {
            return self.edit_note(seq, text, now);
        }
        self.edit(now)?;
        let at = self.notes.partition_point(|n| n.seq < seq);
        self.notes.insert(
            at,
            Note {
                seq,
                at: now,
                text: text.to_string(),
                question: None,
                sensitive: false,
                said_by: None,
            },
        );
        Ok(())
    }

    /// When general note `seq` was first taken: put back by undo with a note brought back.
    pub fn set_note_at(
        &mut self,
        seq: u32,
        at: Timestamp,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let i = self.note_index(seq)?;
        self.edit(now)?;
        self.notes[i].at = at;
        Ok(())
    }

    /// Change a general note's text; it keeps the time it was first taken.
    pub fn edit_note(&mut self, seq: u32, text: &str, now: Timestamp) -> Result<(), SessionError> {
        bounded(text)?;
        let i = self.note_index(seq)?;
        self.edit(now)?;
        self.notes[i].text = text.to_string();
        Ok(())
    }

    pub fn attach_note(
        &mut self,
        seq: u32,
        question: Option<&str>,
        guide: &Guide,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        if let Some(q) = question {
            self.question(guide, q)?;
        }
        let i = self.note_index(seq)?;
        self.edit(now)?;
        self.notes[i].question = question.map(str::to_string);
        Ok(())
    }

    pub(super) fn note_index(&self, seq: u32) -> Result<usize, SessionError> {
        self.notes
            .iter()
            .position(|n| n.seq == seq)
            .ok_or(SessionError::UnknownNote(seq))
    }
}
