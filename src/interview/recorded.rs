//! What was recorded, as the interviewer reads it back: every question shown with its
//! answer in words, its note, the pad notes attached to it and where another structure on
//! the call said something else; and the end-of-call read-back of one structure (its
//! classification and closed answers), which the coordinator confirms or corrects.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::guide::{Question, QuestionType};
use crate::session::{Answer, AnswerStatus, Change, ReadBack, Special, Value, format_number};

/// One question of the review, in guide order.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The question's index in guide order.
    pub question: usize,
    /// `None` when nothing at all is recorded.
    pub status: Option<AnswerStatus>,
    /// The answer in words ("" when none).
    pub answer: String,
    pub other: String,
    pub note: String,
    /// The general notes attached to this question.
    pub pad: Vec<String>,
    /// The other structures on the call whose answer differs: (name, answer in words).
    pub differs: Vec<(String, String)>,
    /// How the answer came to be, in words: the options volunteered and prompted, the
    /// answer before the definition, who said it ("" for each that is not recorded).
    pub how: How,
}

/// What [`Recorded::how`] says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct How {
    pub volunteered: String,
    pub prompted: String,
    /// The answer before the definition was explained, and whether it changed after.
    pub before_definition: Option<(String, bool)>,
    pub said_by: String,
}

fn how(q: &Question, a: &Answer, lang: &str, dl: &str, fixed: &Fixed) -> How {
    let label = |v: &str| match q.option(v) {
        Some(o) => o.label.get(lang, dl).to_string(),
        None => v.to_string(),
    };
    let marked = |m: crate::session::Elicited| {
        a.elicited_now()
            .into_iter()
            .filter(|(_, e)| *e == m)
            .map(|(v, _)| label(v))
            .collect::<Vec<_>>()
            .join("; ")
    };
    How {
        volunteered: marked(crate::session::Elicited::Volunteered),
        prompted: marked(crate::session::Elicited::Prompted),
        before_definition: a
            .provenance
            .before_definition
            .as_ref()
            .map(|e| (earlier_words(q, e, lang, dl, fixed), !e.same_as(Some(a)))),
        said_by: a
            .said_by
            .as_ref()
            .map(|s| s.short_in(fixed.lang))
            .unwrap_or_default(),
    }
}

/// The end-of-call read-back of one structure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBackSheet {
    /// The interviewer's classification (the guide's summary questions): (question, answer).
    pub classification: Vec<(usize, String)>,
    /// Every other closed question shown, answered or given a special status.
    pub closed: Vec<(usize, String)>,
    /// Closed questions shown and still without any answer.
    pub open: usize,
    pub last: Option<ReadBack>,
    /// An answer changed after the last read-back: what was confirmed is not what is
    /// recorded now.
    pub changed_since: bool,
}

/// An answer's value or special status in words, in the call's language (no note).
/// The words of answers that are not the guide's: yes and no, don't know, declined, not
/// asked. The screens give them in the language they are read out in; English by default.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub yes: String,
    pub no: String,
    pub dont_know: String,
    pub declined: String,
    pub not_asked: String,
    /// An earlier answer that was none.
    pub nothing_yet: String,
    /// The language of these words: a participant's role is named in it too.
    pub lang: crate::i18n::UiLang,
}

impl Default for Fixed {
    fn default() -> Fixed {
        Fixed {
            yes: "yes".into(),
            no: "no".into(),
            dont_know: Special::DontKnow.label().into(),
            declined: Special::Declined.label().into(),
            not_asked: Special::NotAsked.label().into(),
            nothing_yet: "nothing yet".into(),
            lang: crate::i18n::UiLang::En,
        }
    }
}

pub fn answer_words(q: &Question, a: &Answer, lang: &str, default: &str, fixed: &Fixed) -> String {
    if let Some(s) = a.special {
        return match s {
            Special::DontKnow => fixed.dont_know.clone(),
            Special::Declined => fixed.declined.clone(),
            Special::NotAsked => fixed.not_asked.clone(),
        };
    }
    let Some(v) = &a.value else {
        return String::new();
    };
    let label = |value: &str| {
        q.option(value)
            .map(|o| o.label.get(lang, default).to_string())
            .unwrap_or_else(|| value.to_string())
    };
    match v {
        Value::Choice(c) => label(c),
        Value::Choices(cs) => cs.iter().map(|c| label(c)).collect::<Vec<_>>().join("; "),
        Value::YesNo(true) => fixed.yes.clone(),
        Value::YesNo(false) => fixed.no.clone(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => format_number(*n),
        Value::Date(d) => d.to_string(),
        Value::Scale(n) => n.to_string(),
    }
}

/// An earlier answer in words (the one given before the definition), `nothing yet` (in
/// `fixed`'s language) when there was none.
pub fn earlier_words(
    q: &Question,
    e: &crate::session::Earlier,
    lang: &str,
    default: &str,
    fixed: &Fixed,
) -> String {
    let a = Answer {
        value: e.value.clone(),
        special: e.special,
        ..Answer::default()
    };
    match answer_words(q, &a, lang, default, fixed) {
        w if w.is_empty() => fixed.nothing_yet.clone(),
        w => w,
    }
}

fn is_closed(q: &Question) -> bool {
    !matches!(q.kind, QuestionType::Text | QuestionType::LongText)
}

impl Interview {
    /// Every question skip logic shows to session `i`, with what was recorded.
    pub fn recorded(&self, i: usize, fixed: &Fixed) -> Vec<Recorded> {
        let (lang, dl) = (self.lang(), self.default_language());
        let s = self.session(i);
        self.visible(i)
            .into_iter()
            .map(|n| {
                let q = self.question(n);
                let a = s.answers.get(&q.id);
                let words = |a: &Answer| answer_words(q, a, lang, dl, fixed);
                let mine = a.map(words).unwrap_or_default();
                // Only closed answers compare: two coordinators' texts always differ.
                let differs = if is_closed(q) && a.is_some_and(Answer::is_settled) {
                    (0..self.sessions.len())
                        .filter(|&j| j != i)
                        .filter_map(|j| {
                            let other = self.session(j);
                            let theirs = other.answers.get(&q.id).filter(|a| a.is_settled())?;
                            let w = words(theirs);
                            (w != mine).then(|| (other.structure_name(&self.guide.guide, lang), w))
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                Recorded {
                    question: n,
                    status: a.map(Answer::status),
                    answer: mine,
                    other: a.map(|a| a.other.clone()).unwrap_or_default(),
                    note: a.map(|a| a.note.clone()).unwrap_or_default(),
                    pad: s
                        .notes
                        .iter()
                        .filter(|note| note.question.as_deref() == Some(q.id.as_str()))
                        .map(|note| note.text.clone())
                        .collect(),
                    differs,
                    how: a.map(|a| how(q, a, lang, dl, fixed)).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// What the interviewer reads back to the coordinator of session `i`.
    pub fn read_back_sheet(&self, i: usize, fixed: &Fixed) -> ReadBackSheet {
        let (lang, dl) = (self.lang(), self.default_language());
        let s = self.session(i);
        let mut sheet = ReadBackSheet {
            classification: Vec::new(),
            closed: Vec::new(),
            open: 0,
            last: s.read_back,
            changed_since: false,
        };
        for n in self.visible(i) {
            let q = self.question(n);
            if !is_closed(q) {
                continue;
            }
            match s.answers.get(&q.id).filter(|a| a.is_settled()) {
                Some(a) => {
                    let w = answer_words(q, a, lang, dl, fixed);
                    if q.summary {
                        sheet.classification.push((n, w));
                    } else {
                        sheet.closed.push((n, w));
                    }
                }
                None => sheet.open += 1,
            }
        }
        if let Some(rb) = s.read_back {
            sheet.changed_since = s
                .answers
                .values()
                .any(|a| a.changed_at.is_some_and(|c| c > rb.at));
        }
        sheet
    }

    /// The coordinator of session `i` heard the read-back and `confirmed` it, or asked
    /// for corrections: recorded on the session, saved with its header.
    pub fn record_read_back(
        &mut self,
        i: usize,
        confirmed: bool,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        s.read_back = Some(ReadBack { at: now, confirmed });
        s.updated_at = now;
        Ok(Change::header(s, &guide.guide))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Special;

    fn q(kind: QuestionType) -> Question {
        let src = r#"
id = "g"
version = "1"
title = { en = "G" }
languages = ["en"]
[[sections]]
id = "s"
title = { en = "S" }
[[sections.questions]]
id = "q"
type = "multi"
text = { en = "Q" }
options = [
  { value = "a", label = { en = "Alpha" } },
  { value = "b", label = { en = "Beta" } },
]
"#;
        let g = crate::guide::parse_guide(src, "g.toml").expect("guide");
        let mut q = g.questions().next().expect("q").clone();
        q.kind = kind;
        q
    }

    #[test]
    fn an_answer_reads_as_its_labels_and_a_special_as_its_name() {
        let multi = q(QuestionType::Multi);
        let a = Answer {
            value: Some(Value::Choices(vec!["a".into(), "b".into()])),
            ..Answer::default()
        };
        assert_eq!(
            answer_words(&multi, &a, "en", "en", &Fixed::default()),
            "Alpha; Beta"
        );
        let dk = Answer {
            special: Some(Special::DontKnow),
            ..Answer::default()
        };
        assert_eq!(
            answer_words(&multi, &dk, "en", "en", &Fixed::default()),
            "don't know"
        );
        let yes = Answer {
            value: Some(Value::YesNo(true)),
            ..Answer::default()
        };
        assert_eq!(
            answer_words(&q(QuestionType::YesNo), &yes, "en", "en", &Fixed::default()),
            "yes"
        );
        assert_eq!(
            answer_words(&multi, &Answer::default(), "en", "en", &Fixed::default()),
            ""
        );
    }
}
