//! A guide exported as an XLSForm and imported again has the same sections, questions,
//! options, logic and texts. What XLSForm has no place for (`summary`, `call_level`, the
//! title's translations, sync recipients) is the documented exception.

use stocktake::guide::{Catalog, Guide};
use stocktake::xlsform::{export, import_file, write_xlsform};

/// The guide as the round trip keeps it.
fn kept(g: &Guide) -> Guide {
    let mut g = g.clone();
    let lang = g.default_language().to_string();
    g.title.0.retain(|l, _| *l == lang);
    g.sync = Default::default();
    for s in &mut g.sections {
        for q in &mut s.questions {
            q.summary = false;
            q.call_level = false;
        }
    }
    g
}

#[test]
fn every_shipped_guide_comes_back_the_same() {
    let dir = tempfile::tempdir().expect("dir");
    let catalog = Catalog::bundled();
    assert!(catalog.guides.len() >= 2);
    for g in &catalog.guides {
        let path = dir.path().join(format!("{}.xlsx", g.guide.id));
        write_xlsform(&export(&g.guide), &path).expect("write");
        let back = import_file(&path).expect("import");
        assert!(back.lost.is_empty(), "{:?}", back.lost);
        assert!(back.notes.is_empty(), "{:?}", back.notes);
        let want = kept(&g.guide);
        assert_eq!(back.guide.sections.len(), want.sections.len());
        for (a, b) in back.guide.sections.iter().zip(&want.sections) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.title, b.title);
            assert_eq!(a.guidance, b.guidance, "section {}", a.id);
            for (x, y) in a.questions.iter().zip(&b.questions) {
                assert_eq!(x, y, "question {}", y.id);
            }
            assert_eq!(a.questions.len(), b.questions.len());
        }
        assert_eq!(back.guide, want);
    }
}

#[test]
fn skip_logic_structures_and_odd_ids_survive() {
    let src = r#"
id = "odd"
version = "3"
title = { en = "Odd", fr = "Bizarre" }
languages = ["en", "fr"]

[[sections]]
id = "1st"
title = "First"

[[sections.questions]]
id = "2kind"
type = "single"
text = { en = "Kind?", fr = "Genre ?" }
options = [{ value = "a", label = "A" }, { value = "b", label = "B", other = true }, { value = "c", label = "C" }]

[[sections.questions]]
id = "2kind_other"
type = "text"
text = "A question whose id the specify field would take"
applies_to = ["cp_aor", "gbv_aor"]
show_if = { any = [{ question = "2kind", none_of = ["a"] }, { question = "2kind", answered = false }] }

[[sections.questions]]
id = "many"
type = "multi"
text = "Many?"
options = [{ value = "x", label = "X" }, { value = "y", label = "Y" }]
applies_to = ["other"]

[[sections.questions]]
id = "count"
type = "number"
text = "How many?"
min = -2.5
show_if = { all = [{ question = "many", any_of = ["x", "y"] }, { question = "2kind_other", answered = true }] }

[[sections.questions]]
id = "rate"
type = "scale"
text = "Rate"
min = 0
max = 10
max_label = { en = "Best", fr = "Meilleur" }
"#;
    let g = stocktake::guide::parse_guide(src, "odd.toml").expect("valid");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("odd.xlsx");
    write_xlsform(&export(&g), &path).expect("write");
    let back = import_file(&path).expect("import");
    assert!(back.lost.is_empty(), "{:?}", back.lost);
    assert_eq!(back.guide, kept(&g));
}

#[test]
fn a_guides_own_respondent_types_travel_as_the_structure_list() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let g = stocktake::guide::load_guide_file(
        &root.join("tests/fixtures/guides/ki-community.toml"),
        stocktake::guide::Place::Flag,
    )
    .expect("guide")
    .guide;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ki.xlsx");
    let form = export(&g);
    assert!(
        form.choices
            .iter()
            .any(|r| r.iter().any(|c| c == "community_leader")),
        "the types are a choice list"
    );
    write_xlsform(&form, &path).expect("write");
    let back = import_file(&path).expect("import").guide;
    let ids: Vec<&str> = back.respondents.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["community_leader", "womens_group", "youth"]);
    assert_eq!(
        back.respondents[1].label.get("fr", "en"),
        "Groupe de femmes"
    );
    let q = back.question("peers_left").expect("question");
    assert_eq!(
        q.applies_to.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["youth"]
    );
    // What XLSForm has no place for stays behind: the plural and the short name.
    assert!(
        back.respondents
            .iter()
            .all(|r| r.plural.is_none() && r.short.is_none())
    );
}

#[test]
fn exclusive_options_and_options_from_survive_as_constraint_and_choice_filter() {
    let path = super::root().join("tests/fixtures/guides/fewer-keys.toml");
    let src = std::fs::read_to_string(&path).expect("fixture");
    let g = stocktake::guide::parse_guide(&src, "fewer-keys.toml").expect("valid");
    let form = export(&g);
    let head = &form.survey[0];
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let row = |q: &str| {
        form.survey
            .iter()
            .find(|r| r[col("name")] == q)
            .expect("row")
    };
    assert_eq!(
        row("challenges")[col("constraint")],
        "not(selected(., 'none')) or count-selected(.) = 1"
    );
    assert_eq!(
        row("sources")[col("constraint")],
        "(not(selected(., 'anecdotal_only')) or count-selected(.) = 1) and (not(selected(., 'none')) or count-selected(.) = 1)"
    );
    assert_eq!(
        row("challenges")[col("constraint_message::English (en)")],
        "“No challenges”: no other answer may be ticked with it"
    );
    // The most important challenge: only those ticked, and always the non-answers.
    assert_eq!(
        row("main_challenge")[col("choice_filter")],
        "selected(${challenges}, name) or starts-with(name, '_')"
    );
    assert_eq!(row("main_challenge")[col("constraint")], "");
    let dir = tempfile::tempdir().expect("dir");
    let xlsx = dir.path().join("fewer.xlsx");
    write_xlsform(&form, &xlsx).expect("write");
    let back = import_file(&xlsx).expect("import");
    assert!(back.lost.is_empty(), "{:?}", back.lost);
    assert_eq!(back.guide, kept(&g));
}
