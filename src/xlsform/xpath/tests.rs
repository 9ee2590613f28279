//! Both directions of the translation, and what the reader refuses.

use super::read::test;
use super::*;
use crate::guide::{Condition, QuestionType, Test};

fn named(q: &str) -> Option<Named> {
    let (kind, values): (QuestionType, &[&str]) = match q {
        "aware" => (QuestionType::YesNo, &["yes", "no"]),
        "kind" => (QuestionType::Single, &["wg", "ad_hoc", "none"]),
        "forms" => (QuestionType::Multi, &["sex", "labour", "other"]),
        "age" => (QuestionType::Single, &["1", "2", "3", "4"]),
        "n" => (QuestionType::Number, &[]),
        "note" => (QuestionType::Text, &[]),
        _ => return None,
    };
    Some(Named {
        id: q.to_string(),
        kind,
        values: values.iter().map(|v| v.to_string()).collect(),
    })
}

fn kind(q: &str) -> Option<QuestionType> {
    named(q).map(|n| n.kind)
}

fn t(q: &str, t: Test) -> Condition {
    test(q, t)
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_shape_the_export_writes_reads_back_as_itself() {
    let cases = [
        t("aware", Test::AnyOf(strs(&["yes"]))),
        t("forms", Test::AnyOf(strs(&["sex", "labour"]))),
        t("kind", Test::NoneOf(strs(&["none"]))),
        t("kind", Test::Answered(true)),
        t("kind", Test::Answered(false)),
        t("note", Test::Answered(true)),
        t("note", Test::Answered(false)),
        Condition::All {
            all: vec![
                t("aware", Test::AnyOf(strs(&["yes"]))),
                t("kind", Test::NoneOf(strs(&["wg", "none"]))),
            ],
        },
        Condition::Any {
            any: vec![
                t("kind", Test::Answered(false)),
                Condition::All {
                    all: vec![
                        t("forms", Test::AnyOf(strs(&["other"]))),
                        t("note", Test::Answered(true)),
                    ],
                },
            ],
        },
    ];
    for c in cases {
        let x = relevant(&c, &kind);
        assert_eq!(read_relevant(&x, &named), Ok(c.clone()), "{x}");
    }
}

#[test]
fn the_safe_subset_of_hand_written_xpath_is_translated() {
    let read = |s: &str| read_relevant(s, &named);
    assert_eq!(
        read("${aware} = 'yes'"),
        Ok(t("aware", Test::AnyOf(strs(&["yes"]))))
    );
    assert_eq!(
        read("${kind}='wg' or ${kind} = \"ad_hoc\""),
        Ok(t("kind", Test::AnyOf(strs(&["wg", "ad_hoc"]))))
    );
    assert_eq!(
        read("${kind} != 'none'"),
        Ok(Condition::Any {
            any: vec![
                t("kind", Test::NoneOf(strs(&["none"]))),
                t("kind", Test::Answered(false))
            ]
        })
    );
    assert_eq!(read("${note} != ''"), Ok(t("note", Test::Answered(true))));
    assert_eq!(
        read("not(${note} != '')"),
        Ok(t("note", Test::Answered(false)))
    );
    assert_eq!(
        read("${age} >= 3"),
        Ok(t("age", Test::AnyOf(strs(&["3", "4"]))))
    );
    assert_eq!(
        read("selected(${forms}, 'sex') and not(selected(${forms}, 'labour'))"),
        Ok(Condition::All {
            all: vec![
                t("forms", Test::AnyOf(strs(&["sex"]))),
                t("forms", Test::NoneOf(strs(&["labour"])))
            ]
        })
    );
    assert_eq!(
        read("${aware} = 'yes' and (${kind} = 'wg' or ${kind} = 'none')"),
        Ok(Condition::All {
            all: vec![
                t("aware", Test::AnyOf(strs(&["yes"]))),
                t("kind", Test::AnyOf(strs(&["wg", "none"])))
            ]
        })
    );
}

#[test]
fn anything_else_is_refused_with_its_reason() {
    let read = |s: &str| read_relevant(s, &named).expect_err(s).to_string();
    assert_eq!(
        read("${n} > 5"),
        "${n} > …: a guide's skip logic tests the answers of choice questions only, and ${n} is number"
    );
    assert_eq!(
        read("pulldata('hh', 'size', 'id', ${n}) > 2"),
        "pulldata() reads a CSV file attached to the form, which a guide cannot carry"
    );
    assert_eq!(
        read("count-selected(${forms}) > 1"),
        "the function count-selected(), which is not in the subset stocktake reads"
    );
    assert_eq!(
        read("${later} = 'x'"),
        "${later} is not a question before this one"
    );
    assert_eq!(read("${kind} = 'nope'"), "${kind} has no choice `nope`");
    assert_eq!(
        read("${forms} = 'sex'"),
        "${forms} = … on a select_multiple compares the whole list of choices; write selected(${forms}, '…')"
    );
    assert_eq!(
        read(". > 3"),
        "`.`, which is not in the subset stocktake reads"
    );
    assert_eq!(
        read("${aware} = 'yes' and"),
        "an expression that ends too early"
    );
}
