//! `show_if` as XLSForm `relevant` and back. The export writes a few fixed shapes; the
//! import reads the safe subset of XPath (`${q} = 'v'`, `!=`, `selected()`, `and`, `or`,
//! `not()`, `${q} != ''`, numeric comparisons on choice lists with numeric names) through
//! negation normal form, and refuses everything else with the reason.

use crate::guide::{Condition, QuestionType, Test};

mod error;
mod read;
#[cfg(test)]
mod tests;

pub use read::{Named, read_relevant};

use super::NON_ANSWERS;

/// The XLSForm name of a guide id. A guide id may start with a digit, an XML name may
/// not: such an id is written with a leading `_`, which no guide id has, so the import
/// can take it off again.
pub fn name_of(id: &str) -> String {
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{id}")
    } else {
        id.to_string()
    }
}

/// `relevant` for a condition; `kind` gives the type of each question it names (the
/// loader guarantees they exist).
pub fn relevant(c: &Condition, kind: &dyn Fn(&str) -> Option<QuestionType>) -> String {
    match c {
        Condition::All { all } => join(all, " and ", kind),
        Condition::Any { any } => join(any, " or ", kind),
        Condition::Test { question, test } => {
            let q = format!("${{{}}}", name_of(question));
            let closed = kind(question).is_some_and(QuestionType::is_closed);
            let sel = |v: &str| format!("selected({q}, '{v}')");
            let non_answers = || NON_ANSWERS.iter().map(|(v, _, _)| sel(v));
            match test {
                Test::AnyOf(values) => values
                    .iter()
                    .map(|v| sel(v))
                    .collect::<Vec<_>>()
                    .join(" or "),
                Test::Answered(true) if closed => format!(
                    "{q} != '' and not({})",
                    non_answers().collect::<Vec<_>>().join(" or ")
                ),
                Test::Answered(true) => format!("{q} != ''"),
                Test::Answered(false) if closed => std::iter::once(format!("{q} = ''"))
                    .chain(non_answers())
                    .collect::<Vec<_>>()
                    .join(" or "),
                Test::Answered(false) => format!("{q} = ''"),
                Test::NoneOf(values) => format!(
                    "{q} != '' and not({})",
                    non_answers()
                        .chain(values.iter().map(|v| sel(v)))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            }
        }
    }
}

fn join(parts: &[Condition], op: &str, kind: &dyn Fn(&str) -> Option<QuestionType>) -> String {
    parts
        .iter()
        .map(|c| format!("({})", relevant(c, kind)))
        .collect::<Vec<_>>()
        .join(op)
}
