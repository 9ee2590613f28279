//! What the outline (`shared/guide-outline.md`) requires of the shipped guides: the collation
//! report reproduces the seed report's Figure 1 from them, so these are contracts.

use stocktake::guide::{Catalog, Guide, QuestionType, Text};

fn guide(id: &str) -> Guide {
    Catalog::bundled()
        .get(id)
        .unwrap_or_else(|| panic!("{id} is bundled"))
        .guide
        .clone()
}

#[test]
fn the_classification_question_is_figure_1() {
    let g = guide("gpc-attt-coordinator");
    let q = g.question("tip_engagement").expect("tip_engagement exists");
    assert_eq!(q.kind, QuestionType::Single);
    assert!(q.required && q.summary);
    let values: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "mechanism_in_place",
            "aware_not_discussed",
            "anecdotal_only",
            "not_working_not_aware"
        ]
    );
    // It closes the guide: the interviewer classifies after the call.
    let last = g.sections.last().expect("sections");
    assert_eq!(last.questions[0].id, "tip_engagement");
}

#[test]
fn the_coordinator_guide_covers_every_outline_section() {
    let g = guide("gpc-attt-coordinator");
    let ids: Vec<&str> = g.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "call",
            "awareness",
            "coordination",
            "activities",
            "gaps",
            "recommendations",
            "classification"
        ]
    );
    for q in [
        "consent",
        "definition_explained",
        "tip_is_issue",
        "tip_forms",
        "tip_mechanism",
        "other_efforts_reported",
        "parallel_systems",
        "tip_activities",
        "victim_referral",
        "challenges",
        "main_challenge",
        "training_needs",
        "task_team_support",
        "coordination_preference",
        "limitations",
    ] {
        assert!(g.question(q).is_some(), "{q} is missing");
    }
    let consent = g.question("consent").expect("consent");
    assert!(consent.required && consent.kind == QuestionType::YesNo);
    let def = g.question("definition_explained").expect("definition");
    let guidance = def.guidance.as_ref().expect("the definition to read out");
    assert!(guidance.get("en", "en").contains("Article 3(a)"));
}

fn every_text(g: &Guide) -> Vec<(String, &Text)> {
    let mut out = vec![("title".to_string(), &g.title)];
    out.extend(g.description.iter().map(|t| ("description".to_string(), t)));
    for s in &g.sections {
        out.push((format!("{}.title", s.id), &s.title));
        out.extend(s.guidance.iter().map(|t| (format!("{}.guidance", s.id), t)));
        for q in &s.questions {
            out.push((format!("{}.text", q.id), &q.text));
            out.extend(q.guidance.iter().map(|t| (format!("{}.guidance", q.id), t)));
            out.extend(
                q.min_label
                    .iter()
                    .map(|t| (format!("{}.min_label", q.id), t)),
            );
            out.extend(
                q.max_label
                    .iter()
                    .map(|t| (format!("{}.max_label", q.id), t)),
            );
            for o in &q.options {
                out.push((format!("{}.{}", q.id, o.value), &o.label));
            }
        }
    }
    out
}

#[test]
fn every_text_of_both_guides_is_translated_to_french() {
    for id in ["gpc-attt-coordinator", "tip-indicators-labour"] {
        let g = guide(id);
        assert_eq!(g.languages, ["en", "fr"]);
        let missing: Vec<String> = every_text(&g)
            .into_iter()
            .filter(|(_, t)| !t.has("fr"))
            .map(|(w, _)| w)
            .collect();
        assert!(missing.is_empty(), "{id}: untranslated: {missing:?}");
    }
}

#[test]
fn the_indicator_guide_asks_the_seed_report_questions() {
    let g = guide("tip-indicators-labour");
    let offers = g.question("approached_offers").expect("offers question");
    assert!(
        offers
            .text
            .get("en", "en")
            .contains("offers of employment outside the camp")
    );
    let unpaid = g.question("unpaid_work").expect("payment question");
    assert!(
        unpaid
            .text
            .get("en", "en")
            .contains("without getting the expected payment")
    );
    let who = g.question("who_approached").expect("follow-up");
    let values: Vec<&str> = who.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["children", "men", "women"]);
}
