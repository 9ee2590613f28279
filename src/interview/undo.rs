//! Undo and redo, per session. A step is what the store's history keeps of an edit (the
//! field, its text before and after), so a session reopened after a crash or the next day
//! undoes what was saved then as well as what was typed now; a burst of typing in one
//! field is one step, as it is one history entry.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::guide::QuestionType;
use crate::session::{Answer, Change, Field, Provenance, Speaker, Special, Value, ValueKind};
use crate::store::HistoryEntry;

/// The store merges typing in one field within this many seconds into one entry.
const TYPING_BURST_SECS: i64 = 5;

/// One edit: `target` as the history names it (`answer:<q>`, `note:<q>`, `other:<q>`,
/// `general:<n>`, `general:<n>:question`), its text before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub target: String,
    pub old: String,
    pub new: String,
    pub at: Timestamp,
    /// Edits made by the same action (the rest of a section marked not asked): undone and
    /// redone with this one.
    pub with: Vec<Step>,
    /// The store's change that wrote it, read back from the history; `None` in memory.
    pub change: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

/// What an undo or redo changed, for the screen to show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    pub change: crate::session::Change,
    /// The question it was on, when it was an answer's field or an attached note.
    pub question: Option<String>,
    pub field: Option<Field>,
    pub what: What,
}

/// What an undo or redo put back, for the screen to say in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Answer,
    SpecifyText,
    Note,
    WhoSaidIt,
    HowItCame,
    GeneralNote(u32),
    /// A "mark the rest not asked" of this many answers.
    MarkedNotAsked(usize),
}

impl History {
    /// The steps of the current revision, from the store's history (oldest first): what
    /// came before the last completion or reopening is frozen in a file and stays.
    pub fn from_store(entries: &[HistoryEntry]) -> History {
        let start = entries
            .iter()
            .rposition(|e| e.target == "status")
            .map_or(0, |p| p + 1);
        let mut done: Vec<Step> = Vec::new();
        for e in &entries[start..] {
            // The call's details and participants are kept for the record; undo is for
            // answers, notes and the pad, and the details panel shows what they are now.
            if e.target == "participants" || e.target.starts_with("call:") {
                continue;
            }
            let step = Step {
                target: e.target.clone(),
                old: e.old.clone(),
                new: e.new.clone(),
                at: e.at,
                with: Vec::new(),
                change: e.change,
            };
            // What one change wrote is one step, as it is in memory: a "rest not asked", an
            // answer cleared with its marks and who said it, a note moved away whole.
            // Entries written before changes were numbered join by their time, and only
            // for a "rest not asked" (two Alt-N within one second join too; harmless).
            match done.last_mut() {
                Some(last)
                    if last.change.is_some()
                        && last.change == step.change
                        && (belongs_with(last, &step) || is_marked(last) && is_marked(&step)) =>
                {
                    last.with.push(step)
                }
                Some(last)
                    if last.change.is_none()
                        && is_marked(last)
                        && is_marked(&step)
                        && last.at == step.at =>
                {
                    last.with.push(step)
                }
                _ => done.push(step),
            }
        }
        History {
            done,
            undone: Vec::new(),
        }
    }

    /// An edit was made: a new step (or the last one extended, while typing in the same
    /// field); what was undone can no longer be redone.
    pub fn record(
        &mut self,
        target: String,
        old: String,
        new: String,
        now: Timestamp,
        typing: bool,
    ) {
        if old == new {
            return;
        }
        self.undone.clear();
        if typing
            && let Some(last) = self.done.last_mut()
            && last.target == target
            && last.with.is_empty()
            && now.as_second() - last.at.as_second() <= TYPING_BURST_SECS
        {
            last.new = new;
            last.at = now;
            return;
        }
        self.done.push(Step {
            target,
            old,
            new,
            at: now,
            with: Vec::new(),
            change: None,
        });
    }

    /// Several edits made by one action: one step. Each is (target, old, new).
    pub fn record_group(&mut self, edits: Vec<(String, String, String)>, now: Timestamp) {
        let mut steps =
            edits
                .into_iter()
                .filter(|(_, old, new)| old != new)
                .map(|(target, old, new)| Step {
                    target,
                    old,
                    new,
                    at: now,
                    with: Vec::new(),
                    change: None,
                });
        let Some(mut first) = steps.next() else {
            return;
        };
        first.with = steps.collect();
        self.undone.clear();
        self.done.push(first);
    }

    /// The highest general note number the history names: a note moved away leaves its
    /// number there, and a new note must not take it (its undo would be the other's).
    pub fn last_note_number(&self) -> u32 {
        self.done
            .iter()
            .chain(&self.undone)
            .flat_map(|s| std::iter::once(s).chain(&s.with))
            .filter_map(|s| s.target.strip_prefix("general:"))
            .filter_map(|t| t.split(':').next()?.parse().ok())
            .max()
            .unwrap_or(0)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

/// An answer marked not asked: what "the rest not asked" writes.
fn is_marked(s: &Step) -> bool {
    s.target.starts_with("answer:") && s.new == "[not_asked]"
}

/// `step` was written by the same change as `last`: an answer's marks or speaker with its
/// value, or a removed note's attachment, mark, speaker and time with its text.
fn belongs_with(last: &Step, step: &Step) -> bool {
    if let Some(q) = last.target.strip_prefix("answer:") {
        return step.target == format!("provenance:{q}") || step.target == format!("said_by:{q}");
    }
    last.target.starts_with("general:")
        && !last.target[8..].contains(':')
        && (last.new.is_empty() || last.old.is_empty())
        && step.target.starts_with(&format!("{}:", last.target))
}

/// The text the history keeps for one field of an answer (as the store writes it).
pub fn field_text(a: Option<&Answer>, field: Field) -> String {
    let Some(a) = a else {
        return String::new();
    };
    match field {
        Field::Note => a.note.clone(),
        Field::Other => a.other.clone(),
        Field::Answer => match (&a.special, &a.value) {
            (Some(sp), _) => format!("[{}]", sp.as_str()),
            (None, Some(v)) => v.to_text(),
            (None, None) => String::new(),
        },
    }
}

fn kind_of(q: QuestionType) -> ValueKind {
    match q {
        QuestionType::Single => ValueKind::Single,
        QuestionType::Multi => ValueKind::Multi,
        QuestionType::YesNo => ValueKind::YesNo,
        QuestionType::Text | QuestionType::LongText => ValueKind::Text,
        QuestionType::Number => ValueKind::Number,
        QuestionType::Date => ValueKind::Date,
        QuestionType::Scale => ValueKind::Scale,
    }
}

impl Interview {
    /// Undo the last edit of session `i`; `None` when there is nothing to undo.
    pub fn undo(&mut self, i: usize, now: Timestamp) -> Option<Result<Undone, Refusal>> {
        self.replay(i, now, true)
    }

    /// Redo the last undone edit of session `i`.
    pub fn redo(&mut self, i: usize, now: Timestamp) -> Option<Result<Undone, Refusal>> {
        self.replay(i, now, false)
    }

    fn replay(&mut self, i: usize, now: Timestamp, back: bool) -> Option<Result<Undone, Refusal>> {
        if let Err(e) = self.may_edit(i) {
            return Some(Err(e));
        }
        let step = if back {
            self.histories[i].done.pop()?
        } else {
            self.histories[i].undone.pop()?
        };
        let text = if back { &step.old } else { &step.new };
        self.replaying = true;
        let mut result = self.apply_text(i, &step.target, text, now);
        if !step.with.is_empty()
            && !is_marked(&step)
            && let Ok(first) = &result
        {
            // One answer or one note, edited in parts: the last change carries all of it.
            let mut last = first.change.clone();
            for part in &step.with {
                let text = if back { &part.old } else { &part.new };
                if let Ok(u) = self.apply_text(i, &part.target, text, now) {
                    last = u.change;
                }
            }
            result = Ok(Undone {
                change: last,
                question: first.question.clone(),
                field: first.field,
                what: first.what,
            });
        } else if !step.with.is_empty()
            && let Ok(first) = &result
        {
            let mut changes = vec![first.change.clone()];
            for part in &step.with {
                let text = if back { &part.old } else { &part.new };
                // A part that no longer applies (its question gone) is left: the others
                // are what the step was.
                if let Ok(u) = self.apply_text(i, &part.target, text, now) {
                    changes.push(u.change);
                }
            }
            let n = changes.len();
            result = Ok(Undone {
                change: Change::Answers {
                    session: self.sessions[i].id.clone(),
                    changes,
                },
                question: first.question.clone(),
                // Said as a whole: not "the answer of" one question.
                field: None,
                what: What::MarkedNotAsked(n),
            });
        }
        self.replaying = false;
        let h = &mut self.histories[i];
        match &result {
            Ok(_) if back => h.undone.push(step.clone()),
            Ok(_) => h.done.push(step.clone()),
            // Not applied: the step stays where it was.
            Err(_) if back => h.done.push(step.clone()),
            Err(_) => h.undone.push(step.clone()),
        }
        Some(result)
    }

    /// Set the field `target` names to `text`, the way the history wrote it.
    fn apply_text(
        &mut self,
        i: usize,
        target: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Undone, Refusal> {
        let bad = || {
            Refusal::Session(crate::session::SessionError::UnknownQuestion {
                guide: String::new(),
                question: target.to_string(),
            })
        };
        let (kind, rest) = target.split_once(':').ok_or_else(bad)?;
        if kind == "general" {
            let (seq, part) = match rest.split_once(':') {
                Some((n, part)) => (n, Some(part)),
                None => (rest, None),
            };
            let seq: u32 = seq.parse().map_err(|_| bad())?;
            let change = match part {
                Some(p @ ("said_by" | "sensitive" | "at")) => {
                    self.may_edit(i)?;
                    let guide = self.guide.clone();
                    let s = &mut self.sessions[i];
                    match p {
                        "said_by" => s.set_note_said_by(seq, Speaker::parse(text), now)?,
                        "sensitive" => s.set_note_sensitive(seq, text == "sensitive", now)?,
                        // The time it was first taken, back with a note brought back; a
                        // redo, which takes the note away again, has none to set.
                        _ => {
                            if let Ok(at) = text.parse::<Timestamp>() {
                                s.set_note_at(seq, at, now)?;
                            }
                        }
                    }
                    Change::note(s, &guide.guide, seq)
                }
                Some(_) => {
                    let q = (!text.is_empty()).then_some(text);
                    self.attach_note(i, seq, q, now)?
                }
                None => self.edit_note(i, seq, text, now)?,
            };
            let question = self.sessions[i]
                .notes
                .iter()
                .find(|n| n.seq == seq)
                .and_then(|n| n.question.clone());
            return Ok(Undone {
                change,
                question,
                field: None,
                what: What::GeneralNote(seq),
            });
        }
        let q = rest.to_string();
        let question = self.guide.guide.question(&q).ok_or_else(bad)?;
        let qkind = question.kind;
        if kind == "provenance" || kind == "said_by" {
            self.may_edit(i)?;
            let guide = self.guide.clone();
            let s = &mut self.sessions[i];
            let what = if kind == "said_by" {
                s.set_said_by(&guide.guide, &q, Speaker::parse(text), now)?;
                What::WhoSaidIt
            } else {
                let p = Provenance::parse(text).ok_or_else(bad)?;
                s.set_provenance(&guide.guide, &q, p, now)?;
                What::HowItCame
            };
            return Ok(Undone {
                change: Change::answer(s, &guide.guide, &q, Field::Answer),
                question: Some(q),
                field: Some(Field::Answer),
                what,
            });
        }
        let (field, change) = match kind {
            "note" => (Field::Note, self.set_note(i, &q, text, now)?),
            "other" => (Field::Other, self.set_other(i, &q, text, now)?),
            "answer" => {
                let special = text
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .and_then(Special::parse);
                let change = match (special, text.is_empty()) {
                    (Some(sp), _) => self.set_special(i, &q, sp, now)?,
                    (None, true) => self.clear_answer(i, &q, now)?,
                    (None, false) => {
                        let v: Value = Value::from_text(kind_of(qkind), text).ok_or_else(bad)?;
                        self.set_value(i, &q, v, now)?
                    }
                };
                (Field::Answer, change)
            }
            _ => return Err(bad()),
        };
        Ok(Undone {
            change,
            question: Some(q),
            field: Some(field),
            what: match field {
                Field::Answer => What::Answer,
                Field::Other => What::SpecifyText,
                Field::Note => What::Note,
            },
        })
    }

    /// Remember an edit of session `i` for undo (not while undoing or redoing one).
    pub(super) fn remember(
        &mut self,
        i: usize,
        target: String,
        old: String,
        new: String,
        now: Timestamp,
        typing: bool,
    ) {
        if self.replaying {
            return;
        }
        if let Some(h) = self.histories.get_mut(i) {
            h.record(target, old, new, now, typing);
        }
    }

    /// Seed session `i`'s undo from what the store's history holds.
    pub fn set_history(&mut self, i: usize, history: History) {
        if let Some(h) = self.histories.get_mut(i) {
            *h = history;
        }
    }

    pub fn history(&self, i: usize) -> &History {
        &self.histories[i]
    }
}
