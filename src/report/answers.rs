//! A session's answers as the report holds them, compactly: the report keeps every head's
//! answers (about 38 a session) for its whole run, and at 10,000 sessions the earlier
//! `BTreeMap<String, Answer>` of `String`s and `Vec<String>`s was 140 MB of heap for
//! 20 MB of text. A list keyed by shared question ids, and an answer's value, other text
//! and note in one boxed `str`, hold the same in 48 bytes an answer and its text.

use std::sync::Arc;

use crate::collate::AnswerRow;
use crate::session::{AnswerStatus, Value, ValueKind};

#[derive(Debug, Clone)]
pub struct Answer {
    pub status: AnswerStatus,
    pub kind: Option<ValueKind>,
    /// The value's text (its lines the chosen options of a multi, else a text's lines),
    /// then the other-specify text, then the note: one allocation for the three.
    texts: Box<str>,
    /// The value's length in `texts`; [`NO_VALUE`] without a value.
    value_len: u32,
    other_len: u32,
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

/// `value_len` of an answer without a value.
const NO_VALUE: u32 = u32::MAX;

impl Answer {
    fn new(
        status: AnswerStatus,
        kind: Option<ValueKind>,
        value: Option<&str>,
        other: &str,
        note: &str,
        sensitive: bool,
    ) -> Answer {
        // A text past 4 GB could not come from a session file; its length saturates.
        let len = |s: &str| u32::try_from(s.len()).unwrap_or(NO_VALUE - 1);
        let mut texts = String::with_capacity(value.map_or(0, str::len) + other.len() + note.len());
        texts.push_str(value.unwrap_or_default());
        texts.push_str(other);
        texts.push_str(note);
        Answer {
            status,
            kind,
            texts: texts.into_boxed_str(),
            value_len: value.map_or(NO_VALUE, len),
            other_len: len(other),
            sensitive,
            withheld: Withheld::default(),
        }
    }

    fn value(&self) -> Option<&str> {
        (self.value_len != NO_VALUE).then(|| {
            self.texts
                .get(..self.value_len as usize)
                .unwrap_or_default()
        })
    }

    fn value_end(&self) -> usize {
        if self.value_len == NO_VALUE {
            0
        } else {
            self.value_len as usize
        }
    }

    /// The value's lines: the chosen options of a multi, else one (a text's lines); none
    /// without an answer.
    pub fn values(&self) -> std::str::Split<'_, char> {
        // An empty split for no value: `"".split` would give one empty line, which is
        // what an answer whose text is empty has, not one without a value.
        match self.value() {
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
        self.value_len != NO_VALUE
    }

    /// Is `value` one of its lines?
    pub fn has_value(&self, value: &str) -> bool {
        self.values().any(|v| v == value)
    }

    /// Its lines joined with `sep`.
    pub fn values_joined(&self, sep: &str) -> String {
        match self.value() {
            Some(v) if sep == "\n" => v.to_string(),
            Some(v) => v.replace('\n', sep),
            None => String::new(),
        }
    }

    /// The "specify" text of an other option.
    pub fn other(&self) -> &str {
        let start = self.value_end();
        self.texts
            .get(start..start + self.other_len as usize)
            .unwrap_or_default()
    }

    pub fn note(&self) -> &str {
        let start = self.value_end() + self.other_len as usize;
        self.texts.get(start..).unwrap_or_default()
    }

    /// Leave its free text out, when marked sensitive: what a report does unless asked.
    /// Returns how many texts were left out.
    pub fn withhold(&mut self) -> usize {
        if !self.sensitive {
            return 0;
        }
        let text = self.kind == Some(ValueKind::Text) && self.has_values();
        let withheld = Withheld {
            value: text,
            other: !self.other().is_empty(),
            note: !self.note().is_empty(),
        };
        let value = if text { None } else { self.value() };
        let kept = Answer::new(self.status, self.kind, value, "", "", self.sensitive);
        *self = Answer { withheld, ..kept };
        self.withheld.count()
    }
}

impl From<AnswerRow> for Answer {
    fn from(a: AnswerRow) -> Answer {
        let value = a.value.as_ref().map(Value::to_text);
        Answer::new(
            a.status,
            a.value.as_ref().map(Value::kind),
            value.as_deref(),
            &a.other,
            &a.note,
            a.sensitive,
        )
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
    fn the_three_texts_come_back_apart_and_sensitive_ones_are_withheld() {
        let mut a = Answer::from(AnswerRow {
            status: AnswerStatus::Answered,
            value: Some(Value::Text("said\nthis".into())),
            other: "éh".into(),
            note: "noted".into(),
            hidden: false,
            sensitive: true,
        });
        assert_eq!(
            (a.values_joined("|").as_str(), a.other(), a.note()),
            ("said|this", "éh", "noted")
        );
        assert_eq!(a.withhold(), 3);
        assert!(!a.has_values());
        assert_eq!((a.other(), a.note()), ("", ""));
        assert_eq!(
            a.withheld,
            Withheld {
                value: true,
                other: true,
                note: true
            }
        );
        // What the layout is for: 38 of these a session, for every session.
        assert!(std::mem::size_of::<Answer>() <= 32);
        let mut b = answer(None);
        b.sensitive = true;
        assert_eq!(b.withhold(), 0, "nothing to leave out");
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
