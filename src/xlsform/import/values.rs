//! Small readings of cell contents: bounds, a scale's ends, texts joined, the structures
//! of the export's structure question.

use std::collections::BTreeMap;

use super::super::STRUCTURE_QUESTION;
use crate::guide::{Condition, Structure, Test, Text};

/// The export's `applies_to` shape: a test on the structure question first in an `all`,
/// or the whole condition. Taken out of `show_if`, as the structures it names.
pub(super) fn take_structures(c: &mut Option<Condition>, has_structure: bool) -> Vec<Structure> {
    if !has_structure {
        return Vec::new();
    }
    let of = |c: &Condition| match c {
        Condition::Test {
            question,
            test: Test::AnyOf(vs),
        } if question == STRUCTURE_QUESTION => Some(
            vs.iter()
                .filter_map(|v| Structure::parse(v))
                .collect::<Vec<_>>(),
        ),
        _ => None,
    };
    match c {
        Some(x) if of(x).is_some() => {
            let s = of(x).unwrap_or_default();
            *c = None;
            s
        }
        Some(Condition::All { all }) if all.first().and_then(of).is_some() => {
            let s = all.first().and_then(of).unwrap_or_default();
            all.remove(0);
            if all.len() == 1 {
                *c = all.pop();
            }
            s
        }
        _ => Vec::new(),
    }
}

/// Two texts as one, a blank line between them, language by language.
pub(super) fn join_texts(a: Option<Text>, b: Text) -> Text {
    let Some(mut a) = a else { return b };
    for (l, v) in b.0 {
        a.0.entry(l)
            .and_modify(|x| {
                x.push_str("\n\n");
                x.push_str(&v);
            })
            .or_insert(v);
    }
    a
}

/// `. >= 0 and . <= 100`, `. >= 0`, `. <= 100` (and the same with `>`/`<` nowhere):
/// the bounds a guide keeps. Anything else is `None`.
pub(super) fn bounds(c: &str) -> Option<(Option<f64>, Option<f64>)> {
    let mut lo = None;
    let mut hi = None;
    for part in c.split(" and ") {
        let p: String = part.split_whitespace().collect();
        if let Some(v) = p.strip_prefix(".>=") {
            lo = Some(v.parse().ok()?);
        } else if let Some(v) = p.strip_prefix(".<=") {
            hi = Some(v.parse().ok()?);
        } else {
            return None;
        }
    }
    Some((lo, hi))
}

/// The values the export's constraint on a `select_multiple` marks exclusive:
/// `not(selected(., 'v')) or count-selected(.) = 1`, or several such clauses, each in
/// parentheses, joined by `and`. `None` for any other constraint.
pub(super) fn exclusive_values(c: &str) -> Option<Vec<String>> {
    let p: String = c.split_whitespace().collect();
    let clauses: Vec<&str> = match p.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if inner.contains(")and(") => inner.split(")and(").collect(),
        _ => vec![p.as_str()],
    };
    clauses
        .into_iter()
        .map(|cl| {
            let v = cl
                .strip_prefix("not(selected(.,'")?
                .strip_suffix("'))orcount-selected(.)=1")?;
            (!v.is_empty() && !v.contains(['\'', '(', ')'])).then(|| v.to_string())
        })
        .collect()
}

/// The question a `choice_filter` of the export's shape offers the ticks of:
/// `selected(${q}, name)`, with or without ` or starts-with(name, '_')`.
pub(super) fn choice_filter_source(c: &str) -> Option<String> {
    let p: String = c.split_whitespace().collect();
    let p = p.strip_suffix("orstarts-with(name,'_')").unwrap_or(&p);
    let q = p.strip_prefix("selected(${")?.strip_suffix("},name)")?;
    (!q.is_empty() && !q.contains(['{', '}', '(', ')', '\''])).then(|| q.to_string())
}

/// The export's scale hint `1: Very rare … 5: Very common`, read back per language.
pub(super) fn scale_ends(hint: &Text, lo: f64, hi: f64) -> (Option<Text>, Option<Text>) {
    let num = |n: f64| format!("{}", n as i64);
    let mut a = BTreeMap::new();
    let mut b = BTreeMap::new();
    for (l, v) in &hint.0 {
        for part in v.split(" … ") {
            if let Some(x) = part.strip_prefix(&format!("{}: ", num(lo))) {
                a.insert(l.clone(), x.to_string());
            } else if let Some(x) = part.strip_prefix(&format!("{}: ", num(hi))) {
                b.insert(l.clone(), x.to_string());
            }
        }
    }
    let t = |m: BTreeMap<String, String>| (!m.is_empty()).then_some(Text(m));
    (t(a), t(b))
}

#[cfg(test)]
mod tests {
    use super::super::id_for;
    use super::*;

    #[test]
    fn names_become_ids() {
        assert_eq!(id_for("tip_forms").as_deref(), Some("tip_forms"));
        assert_eq!(id_for("_1st").as_deref(), Some("1st"));
        assert_eq!(id_for("Q1.Age").as_deref(), Some("q1_age"));
        assert_eq!(id_for("___"), None);
    }

    #[test]
    fn exclusive_options_are_read_from_the_exports_constraint() {
        assert_eq!(
            exclusive_values("not(selected(., 'none')) or count-selected(.) = 1"),
            Some(vec!["none".to_string()])
        );
        assert_eq!(
            exclusive_values(
                "(not(selected(., 'none')) or count-selected(.) = 1) and (not(selected(., 'dk')) or count-selected(.) = 1)"
            ),
            Some(vec!["none".to_string(), "dk".to_string()])
        );
        assert_eq!(exclusive_values("count-selected(.) <= 3"), None);
        assert_eq!(
            exclusive_values("not(selected(., 'a')) or count-selected(.) = 2"),
            None
        );
    }

    #[test]
    fn a_choice_filter_of_the_exports_shape_names_its_source() {
        assert_eq!(
            choice_filter_source("selected(${challenges}, name) or starts-with(name, '_')"),
            Some("challenges".to_string())
        );
        assert_eq!(
            choice_filter_source("selected(${a},name)"),
            Some("a".to_string())
        );
        assert_eq!(choice_filter_source("region=${region}"), None);
        assert_eq!(choice_filter_source("selected(${a}, name) and x"), None);
    }

    #[test]
    fn bounds_are_read_and_other_constraints_are_not() {
        assert_eq!(
            bounds(". >= 0 and . <= 100"),
            Some((Some(0.0), Some(100.0)))
        );
        assert_eq!(bounds(".>=1"), Some((Some(1.0), None)));
        assert_eq!(bounds(". > 0"), None);
        assert_eq!(bounds("regex(., '^[0-9]+$')"), None);
    }
}
