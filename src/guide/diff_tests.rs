//! Tests of `diff.rs`, kept apart so the classification reads on its own.

mod classification {
    use super::super::*;
    use crate::guide::parse_guide;

    const OLD: &str = r#"
id = "g"
version = "1"
title = { en = "Guide", fr = "Guide" }
languages = ["en", "fr"]

[[sections]]
id = "s"
title = "S"

[[sections.questions]]
id = "mech"
type = "single"
text = { en = "Is there a mechanism?", fr = "Existe-t-il un mécanisme ?" }
options = [
  { value = "wg", label = { en = "Working group", fr = "Groupe de travail" } },
  { value = "none", label = "None" },
  { value = "gone", label = "Dropped later" },
]

[[sections.questions]]
id = "count"
type = "number"
text = "How many?"
min = 0
max = 10

[[sections.questions]]
id = "rate"
type = "scale"
text = "Rate it"
min = 1
max = 5

[[sections.questions]]
id = "reused"
type = "yes_no"
text = "Reused?"

[[sections.questions]]
id = "removed"
type = "text"
text = "Removed?"
"#;

    fn with(edits: &[(&str, &str)]) -> Guide {
        let mut src = OLD.replace("version = \"1\"", "version = \"2\"");
        for (a, b) in edits {
            assert!(src.contains(a), "{a}");
            src = src.replacen(a, b, 1);
        }
        parse_guide(&src, "new.toml").expect("valid")
    }

    fn old() -> Guide {
        parse_guide(OLD, "old.toml").expect("valid")
    }

    fn classes(d: &GuideDiff) -> Vec<(Option<&str>, ChangeClass)> {
        d.changes
            .iter()
            .map(|c| (c.question.as_deref(), c.class))
            .collect()
    }

    #[test]
    fn the_same_guide_has_no_change() {
        let d = diff(&old(), &old());
        assert!(d.changes.is_empty() && d.comparable() && !d.refused());
    }

    #[test]
    fn punctuation_and_case_are_wording_and_a_translation_left_behind_is_flagged_stale() {
        let d = diff(
            &old(),
            &with(&[
                (
                    "en = \"Is there a mechanism?\"",
                    "en = \"Is there a coordination mechanism?\"",
                ),
                ("en = \"Working group\"", "en = \"Working-group.\""),
            ]),
        );
        assert_eq!(
            classes(&d),
            [
                (Some("mech"), ChangeClass::Wording),
                (Some("mech"), ChangeClass::StaleTranslation),
                // Punctuation only: the French label is as good as it was.
                (Some("mech"), ChangeClass::Wording),
            ]
        );
        assert!(d.comparable());
        assert!(
            d.changes[1].what.contains("fr may be stale"),
            "{:?}",
            d.changes[1]
        );
    }

    #[test]
    fn a_label_that_says_something_else_is_a_relabelling_and_does_not_compare() {
        let d = diff(
            &old(),
            &with(&[(
                "label = { en = \"Working group\", fr = \"Groupe de travail\" }",
                "label = { en = \"Working group, planned\", fr = \"Groupe de travail prévu\" }",
            )]),
        );
        assert_eq!(
            classes(&d),
            [
                (Some("mech"), ChangeClass::Relabelled),
                (Some("mech"), ChangeClass::Wording)
            ]
        );
        assert!(!d.comparable() && !d.refused());
        assert_eq!(d.incomparable_questions(), ["mech"]);
        let c = d.incomparable("mech").expect("why");
        assert_eq!(
            (c.old.as_str(), c.new.as_str()),
            ("Working group", "Working group, planned")
        );
    }

    #[test]
    fn options_and_questions_added_and_removed() {
        let d = diff(
            &old(),
            &with(&[
                (
                    "  { value = \"gone\", label = \"Dropped later\" },\n",
                    "  { value = \"new\", label = \"New\" },\n",
                ),
                (
                    "[[sections.questions]]\nid = \"removed\"\ntype = \"text\"\ntext = \"Removed?\"",
                    "[[sections.questions]]\nid = \"added\"\ntype = \"text\"\ntext = \"Added?\"",
                ),
            ]),
        );
        assert_eq!(
            classes(&d),
            [
                (Some("mech"), ChangeClass::OptionAdded),
                (Some("mech"), ChangeClass::OptionRemoved),
                (Some("added"), ChangeClass::QuestionAdded),
                (Some("removed"), ChangeClass::QuestionRemoved),
            ]
        );
        assert_eq!(d.incomparable_questions(), ["mech"]);
    }

    #[test]
    fn an_id_reused_with_another_type_is_refused() {
        let d = diff(
            &old(),
            &with(&[(
                "id = \"reused\"\ntype = \"yes_no\"",
                "id = \"reused\"\ntype = \"text\"",
            )]),
        );
        assert_eq!(classes(&d), [(Some("reused"), ChangeClass::TypeChanged)]);
        assert!(d.refused() && !d.comparable());
        assert_eq!(
            (d.changes[0].old.as_str(), d.changes[0].new.as_str()),
            ("yes_no", "text")
        );
    }

    #[test]
    fn a_scales_bounds_change_its_answers_a_numbers_do_not() {
        let d = diff(
            &old(),
            &with(&[
                ("min = 1\nmax = 5", "min = 1\nmax = 7"),
                ("min = 0\nmax = 10", "min = 0\nmax = 20"),
            ]),
        );
        assert_eq!(
            classes(&d),
            [
                (Some("count"), ChangeClass::Bounds),
                (Some("rate"), ChangeClass::Bounds)
            ]
        );
        assert_eq!(d.incomparable_questions(), ["rate"]);
    }

    #[test]
    fn who_is_asked_is_said_and_still_compares() {
        let d = diff(
            &old(),
            &with(&[(
                "text = \"How many?\"",
                "text = \"How many?\"\nrequired = true\napplies_to = [\"cp_aor\"]\nshow_if = { question = \"mech\", any_of = [\"wg\"] }",
            )]),
        );
        assert_eq!(
            classes(&d),
            [
                (Some("count"), ChangeClass::Asked),
                (Some("count"), ChangeClass::Asked),
                (Some("count"), ChangeClass::Asked)
            ]
        );
        assert!(d.comparable());
    }

    #[test]
    fn respondent_types_declared_dropped_and_renamed() {
        let a = parse_guide(&OLD.replace("[[sections]]", "respondents = [{ id = \"leader\", label = \"Leader\" }, { id = \"youth\", label = \"Youth\" }]\n\n[[sections]]"), "a.toml").expect("valid");
        let b = parse_guide(&OLD.replace("[[sections]]", "respondents = [{ id = \"leader\", label = \"Community leader\" }, { id = \"women\", label = \"Women\" }]\n\n[[sections]]"), "b.toml").expect("valid");
        let d = diff(&a, &b);
        assert_eq!(
            classes(&d),
            [
                (None, ChangeClass::Respondents),
                (None, ChangeClass::Respondents),
                (None, ChangeClass::Respondents)
            ]
        );
        assert!(d.comparable());
    }
}
