//! Realistic XLSForms written for these tests, as a form designer in Kobo writes them,
//! imported with the documented results.

use super::{stocktake, text, workbook};

/// A protection monitoring key informant interview: one language in plain `label`
/// columns, Kobo's metadata, `or_other`, a yes/no list of its own, bounds.
fn protection_kii() -> Vec<(&'static str, Vec<Vec<&'static str>>)> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label",
                    "hint",
                    "required",
                    "relevant",
                    "constraint",
                    "constraint_message",
                ],
                vec!["start", "start", "", "", "", "", "", ""],
                vec!["end", "end", "", "", "", "", "", ""],
                vec!["today", "today", "", "", "", "", "", ""],
                vec![
                    "note",
                    "intro",
                    "Introduce yourself and ask for consent.",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "select_one yn",
                    "consent",
                    "Does the key informant agree to the interview?",
                    "",
                    "yes",
                    "",
                    "",
                    "",
                ],
                vec![
                    "begin_group",
                    "context",
                    "Context",
                    "",
                    "",
                    "${consent} = 'yes'",
                    "",
                    "",
                ],
                vec![
                    "select_one ki_role",
                    "ki_role",
                    "Role of the key informant",
                    "",
                    "yes",
                    "",
                    "",
                    "",
                ],
                vec![
                    "integer",
                    "hh_displaced",
                    "How many displaced households live here?",
                    "Your best estimate",
                    "",
                    "",
                    ". >= 0 and . <= 100000",
                    "0 to 100000",
                ],
                vec![
                    "select_multiple risks",
                    "risks",
                    "Which protection risks are reported?",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "text",
                    "risks_other",
                    "Other risk, specify",
                    "",
                    "",
                    "selected(${risks}, 'other')",
                    "",
                    "",
                ],
                vec![
                    "select_one yn",
                    "trafficking_cases",
                    "Have you heard of people taken for forced work or sexual exploitation?",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "text",
                    "trafficking_details",
                    "What happened?",
                    "",
                    "",
                    "${trafficking_cases} = 'yes' and ${ki_role} != 'authority'",
                    "",
                    "",
                ],
                vec!["end_group", "", "", "", "", "", "", ""],
            ],
        ),
        (
            "choices",
            vec![
                vec!["list_name", "name", "label"],
                vec!["yn", "yes", "Yes"],
                vec!["yn", "no", "No"],
                vec!["ki_role", "community_leader", "Community leader"],
                vec!["ki_role", "teacher", "Teacher"],
                vec!["ki_role", "authority", "Local authority"],
                vec!["", "", ""],
                vec!["risks", "gbv", "Gender-based violence"],
                vec!["risks", "child_labour", "Child labour"],
                vec!["risks", "trafficking", "Trafficking in persons"],
                vec!["risks", "other", "Other"],
            ],
        ),
        (
            "settings",
            vec![
                vec!["form_title", "form_id", "version"],
                vec!["Protection monitoring KII", "pm_kii", "2024-03"],
            ],
        ),
    ]
}

#[test]
fn a_protection_monitoring_kii_imports_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let form = dir.path().join("pm_kii.xlsx");
    workbook(&form, &protection_kii());
    let out = stocktake(
        &["guide", "import", "pm_kii.xlsx", "--out", "pm_kii.toml"],
        dir.path(),
    );
    assert_eq!(
        text(&out.stderr),
        "note: pm_kii.xlsx:survey:2: `start` (start) left out: stocktake records its own times and interviewer\n\
         note: pm_kii.xlsx:survey:3: `end` (end) left out: stocktake records its own times and interviewer\n\
         note: pm_kii.xlsx:survey:4: `today` (today) left out: stocktake records its own times and interviewer\n"
    );
    assert_eq!(
        text(&out.stdout),
        "pm_kii.toml: guide pm_kii version 2024-03: 2 sections, 6 questions, from pm_kii.xlsx\n"
    );
    assert!(out.status.success());
    let g = stocktake::guide::load_guide_file(
        &dir.path().join("pm_kii.toml"),
        stocktake::guide::Place::Flag,
    )
    .expect("a valid guide")
    .guide;
    let q = |id: &str| g.question(id).cloned().unwrap_or_else(|| panic!("{id}"));
    assert_eq!(
        g.consent.question.as_deref(),
        Some("consent"),
        "a yes/no `consent` is the consent question"
    );
    assert_eq!(q("consent").kind.as_str(), "yes_no");
    assert!(q("consent").required);
    assert_eq!(q("hh_displaced").kind.as_str(), "number");
    assert_eq!(
        (q("hh_displaced").min, q("hh_displaced").max),
        (Some(0.0), Some(100000.0))
    );
    assert_eq!(
        q("hh_displaced")
            .guidance
            .map(|t| t.get("en", "en").to_string())
            .as_deref(),
        Some("Your best estimate")
    );
    assert!(
        g.question("risks_other").is_none(),
        "the specify field is the `other` mark"
    );
    assert!(q("risks").option("other").expect("other").other);
    let toml = std::fs::read_to_string(dir.path().join("pm_kii.toml")).expect("read");
    assert!(
        toml.contains("[[sections.questions.show_if.all]]\nquestion = \"consent\""),
        "the group's relevant is on its questions:\n{toml}"
    );
    let details = format!("{:?}", q("trafficking_details").show_if);
    assert_eq!(
        details,
        "Some(All { all: [Test { question: \"consent\", test: AnyOf([\"yes\"]) }, All { all: [Test { question: \"trafficking_cases\", test: AnyOf([\"yes\"]) }, Any { any: [Test { question: \"ki_role\", test: NoneOf([\"authority\"]) }, Test { question: \"ki_role\", test: Answered(false) }] }] }] })"
    );
    assert_eq!(
        g.sections[0].questions[0]
            .guidance
            .as_ref()
            .map(|t| t.get("en", "en").to_string())
            .as_deref(),
        Some("Introduce yourself and ask for consent."),
        "a note before a question is its guidance"
    );
}

/// A household survey in English and French with nested groups, group logic,
/// select_multiple, dates and a numeric comparison on a coded list.
fn household() -> Vec<(&'static str, Vec<Vec<&'static str>>)> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label::English (en)",
                    "label::French (fr)",
                    "guidance_hint::English (en)",
                    "required",
                    "relevant",
                    "appearance",
                ],
                vec!["begin group", "hh", "Household", "Ménage", "", "", "", ""],
                vec![
                    "note",
                    "hh_note",
                    "Ask the head of household.",
                    "Demandez au chef de ménage.",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "select_one size",
                    "hh_size",
                    "How many people live here?",
                    "Combien de personnes vivent ici ?",
                    "",
                    "yes",
                    "",
                    "",
                ],
                vec![
                    "date",
                    "arrival",
                    "When did you arrive?",
                    "Quand êtes-vous arrivé ?",
                    "",
                    "",
                    "",
                    "",
                ],
                vec![
                    "begin group",
                    "members",
                    "Members away",
                    "Membres absents",
                    "",
                    "",
                    "${hh_size} >= 3",
                    "",
                ],
                vec![
                    "select_multiple away_reason",
                    "away_reason",
                    "Why are members away?",
                    "Pourquoi des membres sont-ils absents ?",
                    "Read the options.",
                    "",
                    "",
                    "",
                ],
                vec![
                    "text",
                    "away_where",
                    "Where did they go?",
                    "Où sont-ils allés ?",
                    "",
                    "",
                    "not(selected(${away_reason}, 'unknown')) and ${away_reason} != ''",
                    "multiline",
                ],
                vec!["end group", "", "", "", "", "", "", ""],
                vec![
                    "select_one yesno",
                    "recruited",
                    "Was anyone offered work abroad?",
                    "Quelqu'un s'est-il vu proposer un travail à l'étranger ?",
                    "",
                    "",
                    "",
                    "",
                ],
                vec!["end group", "", "", "", "", "", "", ""],
            ],
        ),
        (
            "choices",
            vec![
                vec![
                    "list_name",
                    "name",
                    "label::English (en)",
                    "label::French (fr)",
                ],
                vec!["size", "1", "1", "1"],
                vec!["size", "2", "2", "2"],
                vec!["size", "3", "3", "3"],
                vec!["size", "4", "4 or more", "4 ou plus"],
                vec!["away_reason", "work", "Work", "Travail"],
                vec!["away_reason", "study", "Study", "Études"],
                vec!["away_reason", "unknown", "Unknown", "Inconnu"],
                vec!["yesno", "yes", "Yes", "Oui"],
                vec!["yesno", "no", "No", "Non"],
            ],
        ),
        (
            "settings",
            vec![
                vec!["form_title", "form_id", "default_language"],
                vec!["Household survey", "HH_Survey", "French (fr)"],
            ],
        ),
    ]
}

#[test]
fn a_household_survey_with_groups_imports_as_sections() {
    let dir = tempfile::tempdir().expect("dir");
    let form = dir.path().join("household.xlsx");
    workbook(&form, &household());
    let g = stocktake::xlsform::import_file(&form)
        .expect("imports")
        .guide;
    assert_eq!(g.id, "hh_survey");
    assert_eq!(
        g.languages,
        ["fr", "en"],
        "the settings' default language first"
    );
    let ids: Vec<(&str, Vec<&str>)> = g
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.questions.iter().map(|q| q.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("hh", vec!["hh_size", "arrival"]),
            ("members", vec!["away_reason", "away_where"]),
            ("hh_2", vec!["recruited"])
        ],
        "a nested group is a section of its own, and the rest of the outer group another"
    );
    assert_eq!(
        g.sections[0]
            .guidance
            .as_ref()
            .map(|t| t.get("en", "fr").to_string())
            .as_deref(),
        Some("Ask the head of household.")
    );
    let q = |id: &str| g.question(id).cloned().unwrap_or_else(|| panic!("{id}"));
    assert_eq!(
        format!("{:?}", q("away_reason").show_if),
        "Some(Test { question: \"hh_size\", test: AnyOf([\"3\", \"4\"]) })"
    );
    assert_eq!(
        format!("{:?}", q("away_where").show_if),
        "Some(All { all: [Test { question: \"hh_size\", test: AnyOf([\"3\", \"4\"]) }, Test { question: \"away_reason\", test: NoneOf([\"unknown\"]) }] })"
    );
    assert_eq!(q("away_where").kind.as_str(), "long_text");
    assert_eq!(q("recruited").kind.as_str(), "yes_no");
    assert_eq!(q("arrival").kind.as_str(), "date");
    assert_eq!(
        q("away_reason").text.get("fr", "fr"),
        "Pourquoi des membres sont-ils absents ?"
    );
}

/// What a guide cannot carry: a calculation, a repeat, pulldata, a cascading filter, a
/// GPS point, a regex constraint.
fn unsupported() -> Vec<(&'static str, Vec<Vec<&'static str>>)> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label",
                    "relevant",
                    "constraint",
                    "calculation",
                    "choice_filter",
                ],
                vec!["select_one region", "region", "Region", "", "", "", ""],
                vec![
                    "select_one district",
                    "district",
                    "District",
                    "",
                    "",
                    "",
                    "region = ${region}",
                ],
                vec![
                    "calculate",
                    "hh_key",
                    "",
                    "",
                    "",
                    "concat(${region}, '-', ${district})",
                    "",
                ],
                vec!["begin_repeat", "person", "Person", "", "", "", ""],
                vec![
                    "text",
                    "pname",
                    "Name",
                    "pulldata('hh', 'name', 'key', ${hh_key}) = ''",
                    "",
                    "",
                    "",
                ],
                vec!["integer", "age", "Age", "", "regex(., '^[0-9]+$')", "", ""],
                vec!["end_repeat", "", "", "", "", "", ""],
                vec!["geopoint", "gps", "Location", "", "", "", ""],
            ],
        ),
        (
            "choices",
            vec![
                vec!["list_name", "name", "label", "region"],
                vec!["region", "north", "North", ""],
                vec!["region", "south", "South", ""],
                vec!["district", "n1", "North 1", "north"],
                vec!["district", "s1", "South 1", "south"],
            ],
        ),
    ]
}

#[test]
fn a_form_with_unsupported_features_is_refused_then_imported_with_lossy() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(&dir.path().join("census.xlsx"), &unsupported());
    let out = stocktake(
        &["guide", "import", "census.xlsx", "--out", "census.toml"],
        dir.path(),
    );
    let lost = "census.xlsx:survey:3: a cascading choice filter (`region = ${region}`) on `district`: a guide has no place for it\n\
                census.xlsx:survey:4: calculate `hh_key` (`concat(${region}, '-', ${district})`): a guide computes nothing\n\
                census.xlsx:survey:5: repeat `person`: a guide has no repeated groups; its questions are asked once\n\
                census.xlsx:survey:6: relevant of `pname` (`pulldata('hh', 'name', 'key', ${hh_key}) = ''`): pulldata() reads a CSV file attached to the form, which a guide cannot carry; it is always shown\n\
                census.xlsx:survey:7: constraint `regex(., '^[0-9]+$')` on `age`: a guide keeps only bounds (`. >= 0 and . <= 100`)\n\
                census.xlsx:survey:9: `geopoint` question `gps`: a guide has no such type\n";
    assert_eq!(
        text(&out.stderr),
        format!(
            "{lost}census.xlsx: 6 parts of the form cannot be carried into a guide; nothing was written. Import with --lossy to write the guide without them, listed at its top\n"
        )
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("census.toml").exists(), "nothing written");

    let out = stocktake(
        &[
            "guide",
            "import",
            "census.xlsx",
            "--out",
            "census.toml",
            "--lossy",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "census.toml: guide census version 1: 2 sections, 4 questions, from census.xlsx; 6 part(s) left out, listed at its top\n"
    );
    let toml = std::fs::read_to_string(dir.path().join("census.toml")).expect("written");
    let head: String = lost.lines().map(|l| format!("#   {l}\n")).collect();
    assert!(
        toml.starts_with(&format!(
            "# Imported from census.xlsx by `stocktake guide import`. Format: docs/guide-format.md.\n# Not carried over (--lossy):\n{head}\n"
        )),
        "{toml}"
    );
    let check = stocktake(&["guide", "check", "census.toml"], dir.path());
    assert!(check.status.success(), "{}", text(&check.stderr));
    // Importing again never replaces the guide.
    let again = stocktake(
        &[
            "guide",
            "import",
            "census.xlsx",
            "--out",
            "census.toml",
            "--lossy",
        ],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).ends_with(
        "census.toml: exists; the import never replaces a file: name a new one with --out\n"
    ));
}

/// What an import leaves out, in French: each lost part at its `FILE:survey:ROW:` as in
/// English, the condition reader's reason for a `relevant` it cannot read, and the comments
/// at the top of the guide in the importer's language.
#[test]
fn what_an_import_leaves_out_is_said_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(&dir.path().join("census.xlsx"), &unsupported());
    let args = [
        "--ui-language",
        "fr",
        "guide",
        "import",
        "census.xlsx",
        "--out",
        "census.toml",
    ];
    let out = stocktake(&args, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for want in [
        "census.xlsx:survey:3: un filtre de choix en cascade (`region = ${region}`) sur `district`\u{a0}: un guide n'a pas de place pour cela\n",
        "census.xlsx:survey:4: calculate `hh_key` (`concat(${region}, '-', ${district})`)\u{a0}: un guide ne calcule rien\n",
        "census.xlsx:survey:5: répétition `person`\u{a0}: un guide n'a pas de groupes répétés\u{a0}; ses questions sont posées une fois\n",
        "census.xlsx:survey:7: contrainte `regex(., '^[0-9]+$')` sur `age`\u{a0}: un guide ne garde que des bornes",
        "census.xlsx:survey:9: question `gps` de type `geopoint`\u{a0}: un guide n'a pas ce type\n",
        "census.xlsx:survey:6: relevant de `pname` (`pulldata('hh', 'name', 'key', ${hh_key}) = ''`)\u{a0}: pulldata() lit un fichier CSV joint au formulaire, qu'un guide ne peut pas porter\u{a0}; la question est toujours posée\n",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    for english in [
        "a guide has no",
        " on `",
        "it is always shown",
        "cannot carry",
    ] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    let mut lossy = args.to_vec();
    lossy.push("--lossy");
    let out = stocktake(&lossy, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let toml = std::fs::read_to_string(dir.path().join("census.toml")).expect("written");
    assert!(
        toml.starts_with("# Importé de census.xlsx par `stocktake guide import`. Format\u{a0}: docs/guide-format.md.\n# Non repris (--lossy)\u{a0}:\n#   census.xlsx:survey:3: un filtre de choix en cascade"),
        "{toml}"
    );
}
