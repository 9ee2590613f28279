//! Property: any guide the model can express, written out as TOML, loads back equal.

use std::collections::BTreeMap;

use proptest::prelude::*;
use stocktake::guide::{
    Choice, Condition, ConsentRule, Guide, Question, QuestionType, Respondent, Section, Structure,
    SyncSettings, Test, Text, WhenRefused, parse_guide,
};

fn words() -> impl Strategy<Value = String> {
    // Quotes, backslashes, accents and CJK exercise TOML string escaping.
    "[a-zA-Z0-9 é'\"\\\\中]{0,12}[a-z]"
}

fn text(fr: bool) -> impl Strategy<Value = Text> {
    (words(), proptest::option::of(words())).prop_map(move |(en, f)| {
        let mut m = BTreeMap::from([("en".to_string(), en)]);
        if fr && let Some(f) = f {
            m.insert("fr".to_string(), f);
        }
        Text(m)
    })
}

/// A question without a show_if; conditions are added once earlier questions are known.
fn question() -> impl Strategy<Value = Question> {
    (
        proptest::sample::select(QuestionType::ALL.to_vec()),
        text(true),
        proptest::option::of(text(true)),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::subsequence(Structure::DEFAULTS.to_vec(), 0..=3),
        proptest::collection::vec((text(true), any::<bool>()), 1..5),
        (-1000i32..1000, 0i32..50, any::<bool>()),
        (
            proptest::option::of(text(true)),
            proptest::option::of(text(true)),
        ),
    )
        .prop_map(
            |(
                kind,
                text,
                guidance,
                required,
                summary,
                applies_to,
                opts,
                (lo, span, frac),
                (min_label, max_label),
            )| {
                let options = if kind.has_options() {
                    opts.into_iter()
                        .enumerate()
                        .map(|(i, (label, other))| Choice {
                            value: format!("opt_{i}"),
                            label,
                            other,
                            exclusive: false,
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let (min, max) = match kind {
                    QuestionType::Scale => (Some(lo as f64), Some((lo + span) as f64)),
                    QuestionType::Number if frac => (Some(lo as f64 + 0.5), None),
                    QuestionType::Number => (Some(lo as f64), Some((lo + span) as f64)),
                    _ => (None, None),
                };
                let scale = kind == QuestionType::Scale;
                Question {
                    id: String::new(),
                    kind,
                    text,
                    guidance,
                    required,
                    summary: summary && (kind.is_closed() || scale),
                    call_level: !required && kind.is_closed(),
                    applies_to,
                    show_if: None,
                    options_from: None,
                    options,
                    min,
                    max,
                    min_label: min_label.filter(|_| scale),
                    max_label: max_label.filter(|_| scale),
                    hxl: required.then(|| "#affected+num".to_string()),
                }
            },
        )
}

/// A condition over the earlier questions; `picks` steer which question and test.
fn condition(earlier: &[Question], picks: &[usize]) -> Option<Condition> {
    let leaf = |p: usize| -> Condition {
        let q = &earlier[p % earlier.len()];
        let values: Vec<String> = q.closed_values().iter().map(|s| s.to_string()).collect();
        let test = if values.is_empty() || p.is_multiple_of(3) {
            Test::Answered(p.is_multiple_of(2))
        } else if p % 3 == 1 {
            Test::AnyOf(values[..1 + p % values.len()].to_vec())
        } else {
            Test::NoneOf(values[p % values.len()..].to_vec())
        };
        Condition::Test {
            question: q.id.clone(),
            test,
        }
    };
    if earlier.is_empty() || picks.is_empty() {
        return None;
    }
    Some(match picks.len() {
        1 => leaf(picks[0]),
        n if n % 2 == 0 => Condition::All {
            all: picks.iter().map(|p| leaf(*p)).collect(),
        },
        _ => Condition::Any {
            any: vec![
                leaf(picks[0]),
                Condition::All {
                    all: picks[1..].iter().map(|p| leaf(*p)).collect(),
                },
            ],
        },
    })
}

/// Real age recipients: the loader accepts nothing else.
fn recipient_pool() -> Vec<String> {
    static POOL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        (0..3)
            .map(|_| stocktake::sync::new_identity("t").0)
            .collect()
    })
    .clone()
}

fn guide() -> impl Strategy<Value = Guide> {
    (
        text(true),
        proptest::option::of(text(true)),
        proptest::collection::vec(
            (
                text(true),
                proptest::option::of(text(true)),
                proptest::collection::vec(question(), 1..5),
            ),
            1..4,
        ),
        proptest::collection::vec(proptest::collection::vec(any::<usize>(), 0..4), 20),
        proptest::sample::subsequence(recipient_pool(), 0..=2),
        "[0-9]{1,2}(\\.[0-9])?",
    )
        .prop_map(
            |(title, description, sections, picks, recipients, version)| {
                let mut earlier: Vec<Question> = Vec::new();
                let mut n = 0;
                let sections = sections
                    .into_iter()
                    .enumerate()
                    .map(|(si, (title, guidance, qs))| Section {
                        id: format!("section-{si}"),
                        title,
                        guidance,
                        questions: qs
                            .into_iter()
                            .map(|mut q| {
                                q.id = format!("q{n}");
                                q.show_if = condition(&earlier, &picks[n % picks.len()]);
                                n += 1;
                                earlier.push(q.clone());
                                q
                            })
                            .collect(),
                    })
                    .collect();
                Guide {
                    id: "generated".to_string(),
                    version,
                    title,
                    languages: vec!["en".to_string(), "fr".to_string()],
                    description,
                    consent: ConsentRule {
                        question: None,
                        // Both rules travel through TOML; which one hardly matters here.
                        when_refused: if recipients.len() % 2 == 0 {
                            WhenRefused::NoFreeText
                        } else {
                            WhenRefused::KeepLocal
                        },
                    },
                    sync: SyncSettings { recipients },
                    respondents: Respondent::defaults(),
                    sections,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_guide_written_as_toml_loads_back_equal(g in guide()) {
        let toml = g.to_toml().expect("serialise");
        let back = parse_guide(&toml, "generated.toml");
        prop_assert!(back.is_ok(), "{}\n---\n{}", back.err().map(|e| e.to_string()).unwrap_or_default(), toml);
        prop_assert_eq!(back.ok(), Some(g));
    }
}

#[test]
fn the_shipped_guides_round_trip_too() {
    for (name, text) in stocktake::guide::BUNDLED {
        let g = parse_guide(text, name).expect("shipped guide is valid");
        let again = parse_guide(&g.to_toml().expect("serialise"), name).expect("reloads");
        assert_eq!(g, again, "{name}");
    }
}
