//! Why a `relevant` was not read: one variant per reason, English as `Display` (what
//! `guide import` has always written, and what the tests of the reader compare), and the
//! same reason in any language the program speaks.

use crate::i18n::{Reason, Words};

/// What the reader expected where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Close,
    OpenAfterNot,
    OpenAfterSelected,
    CommaInSelected,
    CloseSelected,
}

impl Expected {
    fn id(self) -> &'static str {
        match self {
            Expected::Close => "why-relevant-expected-close",
            Expected::OpenAfterNot => "why-relevant-expected-open-not",
            Expected::OpenAfterSelected => "why-relevant-expected-open-selected",
            Expected::CommaInSelected => "why-relevant-expected-comma",
            Expected::CloseSelected => "why-relevant-expected-close-selected",
        }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Expected::Close => "`)`",
            Expected::OpenAfterNot => "`(` after not",
            Expected::OpenAfterSelected => "`(` after selected",
            Expected::CommaInSelected => "`,` in selected()",
            Expected::CloseSelected => "`)` closing selected()",
        })
    }
}

/// A `relevant` the import cannot carry into a guide. `q` is always written `${q}`, as
/// the form writes it; a token is as the form has it (`` `or` ``, `'text'`, `3`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RelevantError {
    #[error("a `${{` without its `}}`")]
    RefNotClosed,
    #[error("a text in quotes that is not closed")]
    QuoteNotClosed,
    #[error("`!` without `=`")]
    BangAlone,
    #[error("the number `{0}`")]
    BadNumber(String),
    #[error("`{0}`, which is not in the subset stocktake reads")]
    NotInSubset(char),
    #[error("expected {0}")]
    Expected(Expected),
    #[error("selected() whose first argument is not a ${{question}}")]
    SelectedFirst,
    #[error("selected() whose second argument is not a value in quotes")]
    SelectedSecond,
    #[error("pulldata() reads a CSV file attached to the form, which a guide cannot carry")]
    Pulldata,
    #[error("the function {0}(), which is not in the subset stocktake reads")]
    Function(String),
    #[error("${{{0}}} without a comparison")]
    NoComparison(String),
    #[error("${{{0}}} compared with ${{{1}}}: a guide compares an answer with values only")]
    ComparedWithQuestion(String, String),
    #[error("${{{0}}} {1} without a value")]
    NoValue(String, &'static str),
    #[error("{0} where a condition should start")]
    NotAStart(String),
    #[error("an expression that ends too early")]
    EndsEarly,
    #[error("{0} after the end of the condition")]
    AfterEnd(String),
    #[error("${{{0}}} is not a question before this one")]
    NotBefore(String),
    #[error("selected() on ${{{0}}}, which is not a choice question")]
    SelectedNotChoice(String),
    #[error(
        "${{{0}}} {1} … on a select_multiple compares the whole list of choices; write selected(${{{0}}}, '…')"
    )]
    WholeList(String, &'static str),
    #[error("${{{q}}} {op} '{value}' compares with a value that is not a number")]
    BoundNotANumber {
        q: String,
        op: &'static str,
        value: String,
    },
    #[error(
        "${{{q}}} {op} {bound} compares a choice list whose names are not all numbers (`{name}`)"
    )]
    NamesNotNumbers {
        q: String,
        op: &'static str,
        bound: String,
        name: String,
    },
    #[error(
        "${{{q}}} {op} …: a guide's skip logic tests the answers of choice questions only, and ${{{q}}} is {kind}"
    )]
    NotAChoiceQuestion {
        q: String,
        op: &'static str,
        kind: &'static str,
    },
    #[error("a condition that never holds")]
    NeverHolds,
    #[error("${{{0}}} has no choice `{1}`")]
    NoSuchChoice(String, String),
    #[error("${{{0}}} both blank and selected")]
    BlankAndSelected(String),
    #[error("${{{0}}} tested for a non-answer, which a guide's skip logic cannot do")]
    NonAnswer(String),
}

/// `${q}`, as the message shows a question.
fn question(q: &str) -> String {
    format!("${{{q}}}")
}

impl Reason for RelevantError {
    fn words(&self) -> Words {
        use RelevantError as E;
        let m = Words::msg;
        match self {
            E::RefNotClosed => m("why-relevant-ref-not-closed"),
            E::QuoteNotClosed => m("why-relevant-quote-not-closed"),
            E::BangAlone => m("why-relevant-bang-alone"),
            E::BadNumber(n) => m("why-relevant-bad-number").arg("number", n.clone()),
            E::NotInSubset(c) => m("why-relevant-not-in-subset").arg("what", c.to_string()),
            E::Expected(e) => m("why-relevant-expected").with("what", m(e.id())),
            E::SelectedFirst => m("why-relevant-selected-first"),
            E::SelectedSecond => m("why-relevant-selected-second"),
            E::Pulldata => m("why-relevant-pulldata"),
            E::Function(f) => m("why-relevant-function").arg("function", f.clone()),
            E::NoComparison(q) => m("why-relevant-no-comparison").arg("q", question(q)),
            E::ComparedWithQuestion(q, r) => m("why-relevant-compared-with-question")
                .arg("q", question(q))
                .arg("other", question(r)),
            E::NoValue(q, op) => m("why-relevant-no-value")
                .arg("q", question(q))
                .arg("op", *op),
            E::NotAStart(t) => m("why-relevant-not-a-start").arg("what", t.clone()),
            E::EndsEarly => m("why-relevant-ends-early"),
            E::AfterEnd(t) => m("why-relevant-after-end").arg("what", t.clone()),
            E::NotBefore(q) => m("why-relevant-not-before").arg("q", question(q)),
            E::SelectedNotChoice(q) => m("why-relevant-selected-not-choice").arg("q", question(q)),
            E::WholeList(q, op) => m("why-relevant-whole-list")
                .arg("q", question(q))
                .arg("op", *op),
            E::BoundNotANumber { q, op, value } => m("why-relevant-bound-not-a-number")
                .arg("q", question(q))
                .arg("op", *op)
                .arg("value", value.clone()),
            E::NamesNotNumbers { q, op, bound, name } => m("why-relevant-names-not-numbers")
                .arg("q", question(q))
                .arg("op", *op)
                .arg("bound", bound.clone())
                .arg("name", name.clone()),
            E::NotAChoiceQuestion { q, op, kind } => m("why-relevant-not-a-choice-question")
                .arg("q", question(q))
                .arg("op", *op)
                .arg("kind", *kind),
            E::NeverHolds => m("why-relevant-never-holds"),
            E::NoSuchChoice(q, v) => m("why-relevant-no-such-choice")
                .arg("q", question(q))
                .arg("value", v.clone()),
            E::BlankAndSelected(q) => m("why-relevant-blank-and-selected").arg("q", question(q)),
            E::NonAnswer(q) => m("why-relevant-non-answer").arg("q", question(q)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reason once: the English words are its `Display`, byte for byte, and French
    /// is written for each of them.
    #[test]
    fn every_reason_is_said_in_every_language() {
        use RelevantError as E;
        let q = || "kind".to_string();
        let all = vec![
            E::RefNotClosed,
            E::QuoteNotClosed,
            E::BangAlone,
            E::BadNumber("1.2.3".into()),
            E::NotInSubset('.'),
            E::Expected(Expected::Close),
            E::Expected(Expected::OpenAfterNot),
            E::Expected(Expected::OpenAfterSelected),
            E::Expected(Expected::CommaInSelected),
            E::Expected(Expected::CloseSelected),
            E::SelectedFirst,
            E::SelectedSecond,
            E::Pulldata,
            E::Function("count-selected".into()),
            E::NoComparison(q()),
            E::ComparedWithQuestion(q(), "other".into()),
            E::NoValue(q(), "<="),
            E::NotAStart("`or`".into()),
            E::EndsEarly,
            E::AfterEnd("`)`".into()),
            E::NotBefore(q()),
            E::SelectedNotChoice(q()),
            E::WholeList(q(), "="),
            E::BoundNotANumber {
                q: q(),
                op: ">",
                value: "many".into(),
            },
            E::NamesNotNumbers {
                q: q(),
                op: ">",
                bound: "2".into(),
                name: "wg".into(),
            },
            E::NotAChoiceQuestion {
                q: q(),
                op: ">",
                kind: "number",
            },
            E::NeverHolds,
            E::NoSuchChoice(q(), "nope".into()),
            E::BlankAndSelected(q()),
            E::NonAnswer(q()),
        ];
        for e in &all {
            crate::i18n::assert_said_everywhere(e);
        }
    }
}
