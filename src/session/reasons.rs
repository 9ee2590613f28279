//! The session layer's reasons in every language ([`Reason`]): why an answer, an edit or
//! a change of status was refused, each field an argument of its message.

use super::answer::{AnswerError, MAX_TEXT_CHARS};
use super::model::{MAX_REVISION, SessionError};
use super::status::{Event, IllegalTransition, Status};
use crate::i18n::{Reason, Words};

impl Reason for AnswerError {
    fn words(&self) -> Words {
        let q = |q: &String| q.clone();
        match self {
            AnswerError::UnknownOption {
                question,
                value,
                offered,
            } => Words::msg("why-answer-unknown-option")
                .arg("question", q(question))
                .arg("value", value.clone())
                .arg("offered", offered.clone()),
            // `expected` and `given` are the kinds' names, as the guide file writes them.
            AnswerError::WrongKind {
                question,
                expected,
                given,
            } => Words::msg("why-answer-wrong-kind")
                .arg("question", q(question))
                .arg("expected", *expected)
                .arg("given", *given),
            AnswerError::BelowMin {
                question,
                value,
                min,
            } => Words::msg("why-answer-below-min")
                .arg("question", q(question))
                .arg("value", value.clone())
                .arg("min", min.clone()),
            AnswerError::AboveMax {
                question,
                value,
                max,
            } => Words::msg("why-answer-above-max")
                .arg("question", q(question))
                .arg("value", value.clone())
                .arg("max", max.clone()),
            AnswerError::NotANumber { input } => {
                Words::msg("why-answer-not-a-number").arg("input", input.clone())
            }
            AnswerError::NotADate { input } => {
                Words::msg("why-answer-not-a-date").arg("input", input.clone())
            }
            AnswerError::Repeated { question, value } => Words::msg("why-answer-repeated")
                .arg("question", q(question))
                .arg("value", value.clone()),
            AnswerError::Exclusive { question, value } => Words::msg("why-answer-exclusive")
                .arg("question", q(question))
                .arg("value", value.clone()),
            // Plain digits, as the English has always printed them.
            AnswerError::TooLong { chars } => Words::msg("why-answer-too-long")
                .arg("chars", chars.to_string())
                .arg("max", MAX_TEXT_CHARS.to_string()),
            AnswerError::EmptyText => Words::msg("why-answer-empty"),
        }
    }
}

impl Reason for SessionError {
    fn words(&self) -> Words {
        use SessionError as E;
        match self {
            E::UnknownQuestion { guide, question } => Words::msg("why-session-unknown-question")
                .arg("guide", guide.clone())
                .arg("question", question.clone()),
            E::Answer(e) => e.words(),
            E::Transition(e) => e.words(),
            E::Incomplete(ids) => Words::msg("why-session-incomplete")
                .arg("n", ids.len())
                .arg("questions", ids.join(", ")),
            E::UnknownNote(n) => Words::msg("why-session-unknown-note").arg("note", n.to_string()),
            E::NoOtherOption(q) => Words::msg("why-session-no-other").arg("question", q.clone()),
            E::LastRevision => {
                Words::msg("why-session-last-revision").arg("max", MAX_REVISION.to_string())
            }
            E::NothingToMark(q) => {
                Words::msg("why-session-nothing-to-mark").arg("question", q.clone())
            }
            E::NotChosen { question, option } => Words::msg("why-session-not-chosen")
                .arg("question", question.clone())
                .arg("option", option.clone()),
            E::NoOptions(q) => Words::msg("why-session-no-options").arg("question", q.clone()),
            E::NothingToAttribute(q) => {
                Words::msg("why-session-nothing-to-attribute").arg("question", q.clone())
            }
        }
    }
}

impl Reason for IllegalTransition {
    fn words(&self) -> Words {
        let id = match (self.from, self.event) {
            (Status::Completed, Event::Edit) => "why-status-completed-edit",
            (Status::Completed, Event::Complete) => "why-status-already-completed",
            (_, Event::Reopen) => "why-status-reopen",
            (_, Event::Delete) => "why-status-delete",
            (Status::Draft, Event::Complete) => "why-status-empty-complete",
            (from, event) => {
                return Words::msg("why-status-other")
                    .arg("event", format!("{event:?}"))
                    .arg("from", from.to_string());
            }
        };
        Words::msg(id)
    }
}
#[cfg(test)]
mod reason_tests {
    use super::*;
    use crate::i18n::assert_said_everywhere;

    #[test]
    fn every_session_error_and_transition_is_said_in_every_language() {
        let q = || "q1".to_string();
        for e in [
            SessionError::UnknownQuestion {
                guide: "g".into(),
                question: q(),
            },
            SessionError::Incomplete(vec![q()]),
            SessionError::Incomplete(vec![q(), "q2".into()]),
            SessionError::UnknownNote(3),
            SessionError::NoOtherOption(q()),
            SessionError::LastRevision,
            SessionError::NothingToMark(q()),
            SessionError::NotChosen {
                question: q(),
                option: "a".into(),
            },
            SessionError::NoOptions(q()),
            SessionError::NothingToAttribute(q()),
        ] {
            assert_said_everywhere(&e);
        }
        for from in [Status::Draft, Status::InProgress, Status::Completed] {
            for event in [Event::Edit, Event::Complete, Event::Reopen, Event::Delete] {
                if let Err(e) = from.apply(event) {
                    assert_said_everywhere(&SessionError::Transition(e));
                }
            }
        }
    }

    #[test]
    fn every_answer_error_is_said_in_every_language() {
        let q = || "q1".to_string();
        for e in [
            AnswerError::UnknownOption {
                question: q(),
                value: "x".into(),
                offered: "a, b".into(),
            },
            AnswerError::WrongKind {
                question: q(),
                expected: "number",
                given: "text",
            },
            AnswerError::BelowMin {
                question: q(),
                value: "0".into(),
                min: "1".into(),
            },
            AnswerError::AboveMax {
                question: q(),
                value: "9".into(),
                max: "5".into(),
            },
            AnswerError::NotANumber { input: "x".into() },
            AnswerError::NotADate { input: "x".into() },
            AnswerError::Repeated {
                question: q(),
                value: "a".into(),
            },
            AnswerError::Exclusive {
                question: q(),
                value: "none".into(),
            },
            AnswerError::TooLong { chars: 100_001 },
            AnswerError::EmptyText,
        ] {
            assert_said_everywhere(&e);
        }
    }
}
