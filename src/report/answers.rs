//! A session's answers as the report holds them, compactly: the report keeps every head's
//! answers (about 38 a session) for its whole run, and at 10,000 sessions the earlier
//! `BTreeMap<String, Answer>` of `String`s and `Vec<String>`s was 140 MB of heap for
//! 20 MB of text. A sorted list keyed by shared question ids, and each text one boxed
//! `str`, hold the same.

use std::sync::Arc;

use crate::collate::AnswerRow;
use crate::session::{AnswerStatus, Value, ValueKind};

#[derive(Debug, Clone)]
pub struct Answer {
    pub status: AnswerStatus,
    pub kind: Option<ValueKind>,
    /// The value's text, its lines the chosen options of a multi (else a text's lines);
    /// `None` without an answer.
    value: Option<Box<str>>,
    other: Box<str>,
    note: Box<str>,
    /// The interviewer marked its free text sensitive.
    pub sensitive: bool,
    /// Which of its texts the report leaves out (marked sensitive, and not asked for):
    /// the tables say `[sensitive]` there.
    pub withheld: Withheld,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Withheld {
    pub value: bool,
    pub other: bool,
    pub note: bool,
}

impl Withheld {
    pub fn count(self) -> usize {
        usize::from(self.value) + usize::from(self.other) + usize::from(self.note)
    }
}

/// What the tables show in place of a text left out.
pub const WITHHELD: &str = "[sensitive]";

impl Answer {
    /// The value's lines: the chosen options of a multi, else one (a text's lines); none
    /// without an answer.
    pub fn values(&self) -> std::str::Split<'_, char> {
        // An empty split for no value: `"".split` would give one empty line, which is
        // what an answer whose text is empty has, not one without a value.
        match &self.value {
            Some(v) => v.split('\n'),
            None => {
                let mut none = "".split('\n');
                none.next();
                none
            }
        }
    }

    /// Has it a value (an answer whose text is empty has one, an empty line)?
    pub fn has_values(&self) -> bool {
        self.value.is_some()
    }

    /// Is `value` one of its lines?
    pub fn has_value(&self, value: &str) -> bool {
        self.values().any(|v| v == value)
    }

    /// Its lines joined with `sep`.
    pub fn values_joined(&self, sep: &str) -> String {
        match &self.value {
            Some(v) if sep == "\n" => v.to_string(),
            Some(v) => v.replace('\n', sep),
            None => String::new(),
        }
    }

    /// The "specify" text of an other option.
    pub fn other(&self) -> &str {
        &self.other
    }

    pub fn note(&self) -> &str {
        &self.note
    }

    /// Leave its free text out, when marked sensitive: what a report does unless asked.
    /// Returns how many texts were left out.
    pub fn withhold(&mut self) -> usize {
        if !self.sensitive {
            return 0;
        }
        let text = self.kind == Some(ValueKind::Text) && self.value.is_some();
        self.withheld = Withheld {
            value: text,
            other: !self.other.is_empty(),
            note: !self.note.is_empty(),
        };
        if text {
            self.value = None;
        }
        self.other = Box::default();
        self.note = Box::default();
        self.withheld.count()
    }
}

impl From<AnswerRow> for Answer {
    fn from(a: AnswerRow) -> Answer {
        Answer {
            sensitive: a.sensitive,
            withheld: Withheld::default(),
            status: a.status,
            kind: a.value.as_ref().map(Value::kind),
            value: a.value.map(|v| v.to_text().into_boxed_str()),
            other: a.other.into_boxed_str(),
            note: a.note.into_boxed_str(),
        }
    }
}

/// A session's answers by question id, in the ids' order (as the `BTreeMap` it replaces
/// iterated them). The ids are shared: one allocation per question, not per answer.
///
/// Every table looks each session's answer to each question up (some 4 million lookups
/// at 10,000 sessions); a binary search comparing ids was a fifth of the report's CPU
/// (`perf`). A lookup scans a short list of the ids' hashes instead, and compares one id.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    answers: Vec<(Arc<str>, Answer)>,
    /// [`id_hash`] of each id, in the same order.
    hashes: Vec<u32>,
}

/// FNV-1a: ids are a few ASCII words, and a lookup only needs a cheap filter before one
/// comparison.
fn id_hash(id: &str) -> u32 {
    id.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl Answers {
    fn position(&self, question: &str) -> Option<usize> {
        let h = id_hash(question);
        self.hashes
            .iter()
            .enumerate()
            .filter(|(_, k)| **k == h)
            .map(|(i, _)| i)
            .find(|i| *self.answers[*i].0 == *question)
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.position(question).map(|i| &self.answers[i].1)
    }

    pub fn contains_key(&self, question: &str) -> bool {
        self.position(question).is_some()
    }

    /// Put in or replace the answer to `question`; answers arriving in question order
    /// (as the collation hands them over) go on the end without a search.
    pub fn insert(&mut self, question: Arc<str>, answer: Answer) -> Option<Answer> {
        let h = id_hash(&question);
        if self.answers.last().is_none_or(|(q, _)| **q < *question) {
            self.answers.push((question, answer));
            self.hashes.push(h);
            return None;
        }
        match self
            .answers
            .binary_search_by(|(q, _)| (**q).cmp(&*question))
        {
            Ok(i) => Some(std::mem::replace(&mut self.answers[i].1, answer)),
            Err(i) => {
                self.answers.insert(i, (question, answer));
                self.hashes.insert(i, h);
                None
            }
        }
    }

    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        let i = self.position(question)?;
        self.hashes.remove(i);
        Some(self.answers.remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.answers.iter().map(|(q, a)| (&**q, a))
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.answers.iter().map(|(_, a)| a)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Answer> {
        self.answers.iter_mut().map(|(_, a)| a)
    }

    /// Give back the room left from growing: a session's ~38 answers had room for 64,
    /// a third of the answers' memory.
    pub fn shrink_to_fit(&mut self) {
        self.answers.shrink_to_fit();
        self.hashes.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Answer;

    /// Panics without an answer to `question`, as a map's index does: for tests.
    fn index(&self, question: &str) -> &Answer {
        match self.get(question) {
            Some(a) => a,
            None => panic!("no answer to {question}"),
        }
    }
}

/// Question ids shared between the sessions' answers: each id allocated once.
#[derive(Debug, Default)]
pub(super) struct QuestionIds(std::collections::HashSet<Arc<str>>);

impl QuestionIds {
    pub(super) fn of(&mut self, question: &str) -> Arc<str> {
        match self.0.get(question) {
            Some(q) => q.clone(),
            None => {
                let q: Arc<str> = Arc::from(question);
                self.0.insert(q.clone());
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(value: Option<&str>) -> Answer {
        Answer::from(AnswerRow {
            status: AnswerStatus::Answered,
            value: value.map(|v| Value::Text(v.to_string())),
            other: String::new(),
            note: String::new(),
            hidden: false,
            sensitive: false,
        })
    }

    #[test]
    fn values_are_the_lines_and_none_without_a_value() {
        assert_eq!(answer(None).values().count(), 0);
        assert!(!answer(None).has_values());
        assert_eq!(answer(Some("")).values().collect::<Vec<_>>(), [""]);
        assert_eq!(
            answer(Some("a\nb")).values().collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(answer(Some("a\nb")).values_joined(" "), "a b");
        assert!(answer(Some("a\nb")).has_value("b"));
    }

    #[test]
    fn answers_keep_the_ids_order_whatever_the_order_they_come_in() {
        let mut ids = QuestionIds::default();
        let mut m = Answers::default();
        for q in ["b", "d", "a", "c", "b"] {
            m.insert(ids.of(q), answer(Some(q)));
        }
        assert_eq!(
            m.iter().map(|(q, _)| q).collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert!(m.contains_key("c") && !m.contains_key("e"));
        assert!(m.remove("c").is_some());
        assert_eq!(m.len(), 3);
        assert_eq!(m["d"].values_joined(""), "d");
    }
}
