//! Answers: a value typed by its question, or a special status (don't know, declined,
//! not asked), plus the other-specify text and the question's note. A value the question
//! cannot take is refused here, before anything is stored.

use std::borrow::Cow;

use jiff::Timestamp;
use jiff::civil::Date;

// Re-exported to the rest of `session`, which names `Value` as `answer::Value`.
pub(super) use super::value::{Value, format_number};
use crate::guide::{Question, QuestionType};

/// Longest text accepted in any answer, note or specify field (about 30 pages).
pub const MAX_TEXT_CHARS: usize = 100_000;

/// An answer that is not a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Special {
    DontKnow,
    Declined,
    NotAsked,
}

impl Special {
    pub const ALL: [Special; 3] = [Special::DontKnow, Special::Declined, Special::NotAsked];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Special> {
        s.parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Special::DontKnow => "don't know",
            Special::Declined => "declined",
            Special::NotAsked => "not asked",
        }
    }
}

/// How far a question got: the `status` of a session file's answer table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerStatus {
    /// Only a note or specify text so far.
    Unanswered,
    Answered,
    Special(Special),
}

impl AnswerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::Unanswered => "unanswered",
            AnswerStatus::Answered => "answered",
            AnswerStatus::Special(s) => s.as_str(),
        }
    }

    pub fn parse(s: &str) -> Option<AnswerStatus> {
        match s {
            "unanswered" => Some(AnswerStatus::Unanswered),
            "answered" => Some(AnswerStatus::Answered),
            other => Special::parse(other).map(AnswerStatus::Special),
        }
    }
}

/// Everything recorded for one question in one session.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub value: Option<Value>,
    /// Set instead of a value; setting one clears the other.
    pub special: Option<Special>,
    /// The "specify" text of an `other = true` option.
    pub other: String,
    pub note: String,
    /// The interviewer marked its free text (note, specify text, typed answer) sensitive:
    /// it travels to the collator, marked, and stays out of reports unless asked for.
    pub sensitive: bool,
    /// Volunteered or prompted, and the answer before the definition (file v4).
    pub provenance: super::provenance::Provenance,
    /// Who on the call gave it (file v4).
    pub said_by: Option<super::provenance::Speaker>,
    /// A call-level answer given on another structure's tab and not changed on this one:
    /// it follows that tab's later edits. The interviewer's store keeps it; no file does.
    pub shared: bool,
    pub first_changed_at: Option<Timestamp>,
    pub changed_at: Option<Timestamp>,
}

impl Answer {
    pub fn status(&self) -> AnswerStatus {
        match (&self.special, &self.value) {
            (Some(s), _) => AnswerStatus::Special(*s),
            (None, Some(_)) => AnswerStatus::Answered,
            (None, None) => AnswerStatus::Unanswered,
        }
    }

    /// Counts towards completion: a value or a special status.
    pub fn is_settled(&self) -> bool {
        self.status() != AnswerStatus::Unanswered
    }

    /// Nothing at all recorded: the row can be dropped. Marks on options and who said it
    /// go with the answer; an answer given before the definition stays recorded.
    pub fn is_empty(&self) -> bool {
        self.value.is_none()
            && self.special.is_none()
            && self.other.is_empty()
            && self.note.is_empty()
            && self.provenance.before_definition.is_none()
    }

    /// The values skip logic tests, when there is a real answer.
    pub fn skip_values(&self) -> Option<Vec<String>> {
        self.skip_texts()
            .map(|v| v.into_iter().map(Cow::into_owned).collect())
    }

    /// [`Answer::skip_values`] without copying what the answer holds as text already.
    pub fn skip_texts(&self) -> Option<Vec<Cow<'_, str>>> {
        if self.special.is_some() {
            return None;
        }
        Some(match self.value.as_ref()? {
            Value::Choices(v) => v.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
            Value::Choice(v) | Value::Text(v) => vec![Cow::Borrowed(v.as_str())],
            Value::YesNo(b) => vec![Cow::Borrowed(if *b { "yes" } else { "no" })],
            v => vec![Cow::Owned(v.to_text())],
        })
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error("question `{question}` has no option `{value}`; it offers: {offered}")]
    UnknownOption {
        question: String,
        value: String,
        offered: String,
    },
    #[error("question `{question}` is {expected}; a {given} answer does not fit")]
    WrongKind {
        question: String,
        expected: &'static str,
        given: &'static str,
    },
    #[error("{value} is below the minimum {min} for question `{question}`")]
    BelowMin {
        question: String,
        value: String,
        min: String,
    },
    #[error("{value} is above the maximum {max} for question `{question}`")]
    AboveMax {
        question: String,
        value: String,
        max: String,
    },
    #[error("\"{input}\" is not a number (e.g. 12 or 3.5)")]
    NotANumber { input: String },
    #[error("\"{input}\" is not a date (YYYY-MM-DD, e.g. 2018-03-14)")]
    NotADate { input: String },
    #[error("option `{value}` is chosen twice in question `{question}`")]
    Repeated { question: String, value: String },
    #[error(
        "option `{value}` of question `{question}` excludes the others (the guide says exclusive = true), yet others are ticked with it"
    )]
    Exclusive { question: String, value: String },
    #[error("the text is {chars} characters long, more than the {MAX_TEXT_CHARS} allowed")]
    TooLong { chars: usize },
    #[error("an empty text is not an answer; clear the answer instead")]
    EmptyText,
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Choice(_) => "single-choice",
        Value::Choices(_) => "multiple-choice",
        Value::YesNo(_) => "yes/no",
        Value::Text(_) => "text",
        Value::Number(_) => "number",
        Value::Date(_) => "date",
        Value::Scale(_) => "scale",
    }
}

/// Refuse a value the question cannot take.
pub fn validate(q: &Question, value: &Value) -> Result<(), AnswerError> {
    let wrong = |expected| AnswerError::WrongKind {
        question: q.id.clone(),
        expected,
        given: kind_name(value),
    };
    let option = |v: &str| -> Result<(), AnswerError> {
        match q.option(v) {
            Some(_) => Ok(()),
            None => Err(AnswerError::UnknownOption {
                question: q.id.clone(),
                value: v.to_string(),
                offered: q.closed_values().join(", "),
            }),
        }
    };
    let bounds = |n: f64| -> Result<(), AnswerError> {
        if let Some(min) = q.min
            && n < min
        {
            return Err(AnswerError::BelowMin {
                question: q.id.clone(),
                value: format_number(n),
                min: format_number(min),
            });
        }
        if let Some(max) = q.max
            && n > max
        {
            return Err(AnswerError::AboveMax {
                question: q.id.clone(),
                value: format_number(n),
                max: format_number(max),
            });
        }
        Ok(())
    };
    match (q.kind, value) {
        (QuestionType::Single, Value::Choice(v)) => option(v),
        (QuestionType::Single, _) => Err(wrong("a single choice")),
        (QuestionType::Multi, Value::Choices(vs)) => {
            for (i, v) in vs.iter().enumerate() {
                option(v)?;
                if vs[..i].contains(v) {
                    return Err(AnswerError::Repeated {
                        question: q.id.clone(),
                        value: v.clone(),
                    });
                }
            }
            match vs.iter().find(|v| q.option(v).is_some_and(|o| o.exclusive)) {
                Some(v) if vs.len() > 1 => Err(AnswerError::Exclusive {
                    question: q.id.clone(),
                    value: v.clone(),
                }),
                _ => Ok(()),
            }
        }
        (QuestionType::Multi, _) => Err(wrong("a multiple choice")),
        (QuestionType::YesNo, Value::YesNo(_)) => Ok(()),
        (QuestionType::YesNo, _) => Err(wrong("a yes/no question")),
        (QuestionType::Text | QuestionType::LongText, Value::Text(t)) => check_text(t),
        (QuestionType::Text | QuestionType::LongText, _) => Err(wrong("a text question")),
        (QuestionType::Number, Value::Number(n)) if !n.is_finite() => {
            Err(AnswerError::NotANumber {
                input: n.to_string(),
            })
        }
        (QuestionType::Number, Value::Number(n)) => bounds(*n),
        (QuestionType::Number, _) => Err(wrong("a number question")),
        (QuestionType::Date, Value::Date(_)) => Ok(()),
        (QuestionType::Date, _) => Err(wrong("a date question")),
        (QuestionType::Scale, Value::Scale(n)) => bounds(*n as f64),
        (QuestionType::Scale, _) => Err(wrong("a scale")),
    }
}

pub fn check_text(t: &str) -> Result<(), AnswerError> {
    if t.trim().is_empty() {
        return Err(AnswerError::EmptyText);
    }
    let chars = t.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(AnswerError::TooLong { chars });
    }
    Ok(())
}

/// Read what an interviewer typed into a number, date or scale field.
pub fn parse_typed(q: &Question, input: &str) -> Result<Value, AnswerError> {
    let s = input.trim();
    let value = match q.kind {
        QuestionType::Number => {
            // Accept a comma as the decimal mark: French keyboards and habits.
            let n: f64 = s
                .replace(',', ".")
                .parse()
                .map_err(|_| AnswerError::NotANumber {
                    input: s.to_string(),
                })?;
            Value::Number(n)
        }
        QuestionType::Scale => Value::Scale(s.parse().map_err(|_| AnswerError::NotANumber {
            input: s.to_string(),
        })?),
        QuestionType::Date => Value::Date(
            s.parse::<Date>()
                .ok()
                .filter(|_| s.len() == 10)
                .ok_or_else(|| AnswerError::NotADate {
                    input: s.to_string(),
                })?,
        ),
        _ => Value::Text(input.to_string()),
    };
    validate(q, &value)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Catalog;

    fn q(guide: &str, id: &str) -> Question {
        let c = Catalog::bundled();
        c.get(guide)
            .and_then(|g| g.guide.question(id).cloned())
            .expect("question")
    }

    #[test]
    fn an_option_the_question_does_not_offer_is_refused() {
        let mech = q("gpc-attt-coordinator", "tip_mechanism");
        assert!(validate(&mech, &Value::Choice("wg_embedded".into())).is_ok());
        let e = validate(&mech, &Value::Choice("maybe".into())).unwrap_err();
        assert_eq!(
            e.to_string(),
            "question `tip_mechanism` has no option `maybe`; it offers: wg_embedded, wg_reporting, within_cp_aor, within_gbv_aor, none"
        );
        assert!(matches!(
            validate(&mech, &Value::Choices(vec!["none".into()])),
            Err(AnswerError::WrongKind { .. })
        ));
    }

    #[test]
    fn multi_refuses_unknown_and_repeated_values() {
        let forms = q("gpc-attt-coordinator", "tip_forms");
        let ok = Value::Choices(vec!["forced_labour".into(), "other".into()]);
        assert!(validate(&forms, &ok).is_ok());
        let twice = Value::Choices(vec!["forced_labour".into(), "forced_labour".into()]);
        assert!(matches!(
            validate(&forms, &twice),
            Err(AnswerError::Repeated { .. })
        ));
        let unknown = Value::Choices(vec!["piracy".into()]);
        assert!(matches!(
            validate(&forms, &unknown),
            Err(AnswerError::UnknownOption { .. })
        ));
    }

    #[test]
    fn numbers_dates_and_scales_are_checked_as_typed() {
        let n = q("tip-indicators-labour", "unpaid_known");
        assert_eq!(parse_typed(&n, " 12 "), Ok(Value::Number(12.0)));
        assert_eq!(parse_typed(&n, "2,5"), Ok(Value::Number(2.5)));
        assert!(matches!(
            parse_typed(&n, "-1"),
            Err(AnswerError::BelowMin { .. })
        ));
        assert!(matches!(
            parse_typed(&n, "twelve"),
            Err(AnswerError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_typed(&n, "NaN"),
            Err(AnswerError::NotANumber { .. })
        ));
        let d = q("tip-indicators-labour", "last_offer");
        assert_eq!(
            parse_typed(&d, "2018-03-14"),
            Ok(Value::Date(jiff::civil::date(2018, 3, 14)))
        );
        for bad in ["2018-02-30", "14/03/2018", "2018-3-4", ""] {
            assert!(
                matches!(parse_typed(&d, bad), Err(AnswerError::NotADate { .. })),
                "{bad}"
            );
        }
        let s = q("tip-indicators-labour", "offers_frequency");
        assert_eq!(parse_typed(&s, "5"), Ok(Value::Scale(5)));
        assert!(matches!(
            parse_typed(&s, "6"),
            Err(AnswerError::AboveMax { .. })
        ));
        assert!(matches!(
            parse_typed(&s, "0"),
            Err(AnswerError::BelowMin { .. })
        ));
    }

    #[test]
    fn texts_must_be_non_empty_and_bounded() {
        let t = q("gpc-attt-coordinator", "promising_practices");
        assert!(validate(&t, &Value::Text("A manual".into())).is_ok());
        assert_eq!(
            validate(&t, &Value::Text("  ".into())),
            Err(AnswerError::EmptyText)
        );
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        assert!(matches!(
            validate(&t, &Value::Text(long)),
            Err(AnswerError::TooLong { .. })
        ));
    }

    #[test]
    fn status_follows_value_and_special() {
        let mut a = Answer {
            note: "said later".into(),
            ..Answer::default()
        };
        assert_eq!(a.status(), AnswerStatus::Unanswered);
        assert!(!a.is_settled() && !a.is_empty());
        a.value = Some(Value::YesNo(true));
        assert_eq!(a.status(), AnswerStatus::Answered);
        assert_eq!(a.skip_values(), Some(vec!["yes".to_string()]));
        a.special = Some(Special::Declined);
        assert_eq!(a.status(), AnswerStatus::Special(Special::Declined));
        assert_eq!(a.skip_values(), None);
    }
}
