//! Skip logic: which questions are asked, as a pure function of the structure interviewed
//! and the answers so far. A hidden question's answer counts as absent, so hiding cascades
//! down chains of dependent questions.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use super::model::{Condition, Guide, Question, Structure, Test};

/// What skip logic needs to know of the answers: the values of each question that has a
/// real answer (not *don't know*, *declined* or *not asked*). A single choice gives one
/// value, a multi choice its selected values, yes/no `"yes"` or `"no"`. Asked only of the
/// questions a condition names, so an answer set need not be copied into a map first
/// (that copy was a tenth of a collation reader's time).
pub trait AnswerValues {
    fn values(&self, question: &str) -> Option<Vec<Cow<'_, str>>>;
}

impl AnswerValues for BTreeMap<String, Vec<String>> {
    fn values(&self, question: &str) -> Option<Vec<Cow<'_, str>>> {
        self.get(question)
            .map(|v| v.iter().map(|s| Cow::Borrowed(s.as_str())).collect())
    }
}

/// The questions skip logic hides for one session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility {
    hidden: HashSet<String>,
}

impl Visibility {
    pub fn is_visible(&self, question: &str) -> bool {
        !self.hidden.contains(question)
    }

    pub fn hidden_count(&self) -> usize {
        self.hidden.len()
    }
}

/// Decide, in guide order, which questions are shown.
///
/// ```
/// use std::collections::BTreeMap;
/// use stocktake::guide::{Catalog, Structure, visibility};
///
/// let catalog = Catalog::bundled();
/// let guide = &catalog.get("gpc-attt-coordinator").unwrap().guide;
/// let mut answers = BTreeMap::new();
/// let shown = |a: &BTreeMap<String, Vec<String>>| {
///     visibility(guide, Structure::ProtectionCluster, a).is_visible("other_efforts_reported")
/// };
/// assert!(!shown(&answers));
/// answers.insert("other_efforts_known".to_string(), vec!["yes".to_string()]);
/// assert!(shown(&answers));
/// ```
/// `show_if` may only name earlier
/// questions (the loader enforces it), so one pass sees every dependency decided.
pub fn visibility(guide: &Guide, structure: Structure, answers: &dyn AnswerValues) -> Visibility {
    let mut hidden = HashSet::new();
    for q in guide.questions() {
        if !is_shown(q, structure, answers, &hidden) {
            hidden.insert(q.id.clone());
        }
    }
    Visibility { hidden }
}

fn is_shown(
    q: &Question,
    structure: Structure,
    answers: &dyn AnswerValues,
    hidden: &HashSet<String>,
) -> bool {
    q.applies(structure) && q.show_if.as_ref().is_none_or(|c| holds(c, answers, hidden))
}

fn holds(c: &Condition, answers: &dyn AnswerValues, hidden: &HashSet<String>) -> bool {
    match c {
        Condition::All { all } => all.iter().all(|c| holds(c, answers, hidden)),
        Condition::Any { any } => any.iter().any(|c| holds(c, answers, hidden)),
        Condition::Test { question, test } => {
            let values = if hidden.contains(question) {
                None
            } else {
                answers.values(question)
            };
            match (test, values) {
                (Test::Answered(want), v) => v.is_some() == *want,
                (Test::AnyOf(list), Some(v)) => v.iter().any(|x| list.iter().any(|l| *l == *x)),
                (Test::NoneOf(list), Some(v)) => !v.iter().any(|x| list.iter().any(|l| *l == *x)),
                (Test::AnyOf(_) | Test::NoneOf(_), None) => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::parse_guide;

    const GUIDE: &str = r#"
id = "logic"
version = "1"
title = "Skip logic"

[[sections]]
id = "s"
title = "S"

[[sections.questions]]
id = "aware"
type = "yes_no"
text = "Aware?"

[[sections.questions]]
id = "discussed"
type = "single"
text = "Discussed?"
show_if = { question = "aware", any_of = ["yes"] }
options = [{ value = "cluster", label = "In cluster" }, { value = "not", label = "Not" }, { value = "unknown", label = "Unknown" }]

[[sections.questions]]
id = "why_not"
type = "text"
text = "Why not?"
show_if = { question = "discussed", none_of = ["cluster"] }

[[sections.questions]]
id = "details"
type = "long_text"
text = "Details"
show_if = { question = "why_not", answered = true }

[[sections.questions]]
id = "probe"
type = "text"
text = "Probe"
show_if = { question = "why_not", answered = false }

[[sections.questions]]
id = "forms"
type = "multi"
text = "Forms"
options = [{ value = "sexual", label = "Sexual" }, { value = "labour", label = "Labour" }, { value = "organ", label = "Organ" }]

[[sections.questions]]
id = "both"
type = "text"
text = "Both"
show_if = { all = [{ question = "aware", any_of = ["yes"] }, { question = "forms", any_of = ["labour"] }] }

[[sections.questions]]
id = "either"
type = "text"
text = "Either"
show_if = { any = [{ question = "aware", any_of = ["no"] }, { question = "forms", any_of = ["organ"] }] }

[[sections.questions]]
id = "aor_only"
type = "text"
text = "AOR only"
applies_to = ["cp_aor", "gbv_aor"]
"#;

    fn guide() -> Guide {
        parse_guide(GUIDE, "logic.toml").expect("test guide is valid")
    }

    fn answers(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(q, v)| (q.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn shown(pairs: &[(&str, &[&str])], structure: Structure) -> Vec<String> {
        let g = guide();
        let v = visibility(&g, structure, &answers(pairs));
        g.questions()
            .filter(|q| v.is_visible(&q.id))
            .map(|q| q.id.clone())
            .collect()
    }

    const PC: Structure = Structure::ProtectionCluster;

    #[test]
    fn nothing_answered_hides_every_dependent_question() {
        // `probe` tests answered = false on a hidden question: hidden counts as unanswered,
        // but `why_not` is hidden only because `discussed` is, so probe is shown.
        assert_eq!(shown(&[], PC), ["aware", "probe", "forms"]);
    }

    #[test]
    fn any_of_shows_on_a_listed_value_only() {
        assert!(shown(&[("aware", &["yes"])], PC).contains(&"discussed".to_string()));
        assert!(!shown(&[("aware", &["no"])], PC).contains(&"discussed".to_string()));
    }

    #[test]
    fn none_of_needs_an_answer_outside_the_list() {
        let base: &[(&str, &[&str])] = &[("aware", &["yes"])];
        assert!(!shown(base, PC).contains(&"why_not".to_string()));
        let listed = [base[0], ("discussed", &["cluster"][..])];
        assert!(!shown(&listed, PC).contains(&"why_not".to_string()));
        let other = [base[0], ("discussed", &["not"][..])];
        assert!(shown(&other, PC).contains(&"why_not".to_string()));
    }

    #[test]
    fn answered_true_and_false() {
        let a = [
            ("aware", &["yes"][..]),
            ("discussed", &["not"][..]),
            ("why_not", &["no time"][..]),
        ];
        let s = shown(&a, PC);
        assert!(s.contains(&"details".to_string()));
        assert!(!s.contains(&"probe".to_string()));
        let b = [("aware", &["yes"][..]), ("discussed", &["not"][..])];
        let s = shown(&b, PC);
        assert!(!s.contains(&"details".to_string()));
        assert!(s.contains(&"probe".to_string()));
    }

    #[test]
    fn a_chain_hides_when_its_root_changes() {
        // why_not was answered, but aware flipped to "no": discussed hides, so why_not
        // hides, so details (answered = true on why_not) hides too, despite its answer.
        let a = [
            ("aware", &["no"][..]),
            ("discussed", &["not"][..]),
            ("why_not", &["no time"][..]),
        ];
        let s = shown(&a, PC);
        assert!(!s.contains(&"discussed".to_string()));
        assert!(!s.contains(&"why_not".to_string()));
        assert!(!s.contains(&"details".to_string()));
        assert!(s.contains(&"probe".to_string()));
    }

    #[test]
    fn all_needs_every_part_and_multi_matches_any_selected_value() {
        let yes_labour = [
            ("aware", &["yes"][..]),
            ("forms", &["sexual", "labour"][..]),
        ];
        assert!(shown(&yes_labour, PC).contains(&"both".to_string()));
        let yes_sexual = [("aware", &["yes"][..]), ("forms", &["sexual"][..])];
        assert!(!shown(&yes_sexual, PC).contains(&"both".to_string()));
    }

    #[test]
    fn any_needs_one_part() {
        assert!(shown(&[("aware", &["no"])], PC).contains(&"either".to_string()));
        assert!(shown(&[("forms", &["organ"])], PC).contains(&"either".to_string()));
        assert!(!shown(&[("aware", &["yes"])], PC).contains(&"either".to_string()));
    }

    #[test]
    fn applies_to_filters_by_structure() {
        assert!(!shown(&[], PC).contains(&"aor_only".to_string()));
        assert!(shown(&[], Structure::CpAor).contains(&"aor_only".to_string()));
        assert!(shown(&[], Structure::GbvAor).contains(&"aor_only".to_string()));
    }
}
