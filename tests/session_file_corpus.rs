//! Every file of the frozen v1 corpus (`tests/fixtures/session-files/v1/`, written once by
//! an earlier stocktake and never regenerated) still reads, verifies against its guide,
//! and says what it said; the encrypted copies open with the corpus's test identity.

mod support;

use std::path::{Path, PathBuf};

use stocktake::guide::Structure;
use stocktake::session::{AnswerStatus, Special, Status, Value};
use stocktake::sync::{SessionFile, decrypt, parse_identities, parse_session_file};

fn corpus() -> PathBuf {
    corpus_of("v1")
}

fn corpus_of(version: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/session-files")
        .join(version)
}

/// Every file of v1, read and verified: by file name.
fn read_all() -> Vec<(String, SessionFile)> {
    read_version("v1")
}

/// Every file of one version's corpus, read and verified (the test identity is v1's).
fn read_version(version: &str) -> Vec<(String, SessionFile)> {
    let identity = std::fs::read_to_string(corpus().join("identity.txt")).expect("identity");
    let ids = parse_identities(&identity, "identity.txt").expect("parse identity");
    let dir = corpus_of(version);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") || n.ends_with(".toml.age"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).expect("read");
            let plain = if name.ends_with(".age") {
                decrypt(&bytes, &ids).expect("decrypt")
            } else {
                bytes
            };
            let f = parse_session_file(&plain, &name).unwrap_or_else(|e| panic!("{e}"));
            let g = support::guide_of(&f.session.guide);
            stocktake::sync::verify_against(&f, &g.guide, &g.digest, &name)
                .unwrap_or_else(|e| panic!("{e}"));
            (name, f)
        })
        .collect()
}

fn find<'a>(all: &'a [(String, SessionFile)], slug: &str, rev: &str) -> &'a SessionFile {
    &all.iter()
        .find(|(n, _)| n.contains(slug) && n.ends_with(&format!("_{rev}.toml")))
        .unwrap_or_else(|| panic!("no {slug} {rev}"))
        .1
}

#[test]
fn every_file_of_the_corpus_reads_and_verifies() {
    let all = read_all();
    assert_eq!(all.len(), 8, "six files and two encrypted copies");
    let guides: std::collections::BTreeSet<&str> = all
        .iter()
        .map(|(_, f)| f.session.guide.id.as_str())
        .collect();
    assert_eq!(
        guides.into_iter().collect::<Vec<_>>(),
        ["gpc-attt-coordinator", "tip-indicators-labour"]
    );
    // An encrypted copy holds exactly its plain twin.
    for (name, f) in all.iter().filter(|(n, _)| n.ends_with(".age")) {
        let twin = &all
            .iter()
            .find(|(n, _)| *n == name.trim_end_matches(".age"))
            .expect("plain twin")
            .1;
        assert_eq!(f, twin, "{name}");
    }
}

#[test]
fn the_corpus_says_what_it_said() {
    let all = read_all();
    let ua = find(&all, "ukrayina", "r1");
    let s = &ua.session;
    assert_eq!(s.response, "Україна");
    assert_eq!(s.structure, Structure::ProtectionCluster);
    assert_eq!(
        (s.status, s.revision, s.parent),
        (Status::Completed, 1, None)
    );
    assert_eq!(
        s.answers["populations"].value,
        Some(Value::Choices(vec![
            "idps".into(),
            "host_population".into()
        ]))
    );
    assert_eq!(
        s.answers["multiple_crises"].status(),
        AnswerStatus::Special(Special::DontKnow)
    );
    assert_eq!(s.answers["baseline"].special, Some(Special::Declined));
    assert_eq!(
        s.answers["definition_explained"].special,
        Some(Special::NotAsked)
    );
    assert_eq!(
        s.answers["tip_forms"].other,
        "Вербування на будівництво «за кордоном»"
    );
    assert_eq!(
        s.answers["forms_evolution"].value,
        Some(Value::Text(
            "Більше випадків після 2022 року.\nA second line, with \"quotes\" and a tab\there."
                .into()
        ))
    );
    assert_eq!(
        s.answers["challenges"].status(),
        AnswerStatus::Unanswered,
        "a note alone"
    );
    let attached: Vec<(Option<&str>, &str)> = s
        .notes
        .iter()
        .map(|n| (n.question.as_deref(), n.text.as_str()))
        .collect();
    assert_eq!(
        attached,
        [
            (
                Some("tip_activities"),
                "Mentions a GBV hotline that records TIP cases."
            ),
            (None, "Line dropped for two minutes at 09:40."),
        ]
    );
    assert_eq!(s.started_at.to_string(), "2018-03-14T09:00:00Z");

    let r2 = &find(&all, "ukrayina", "r2").session;
    assert_eq!((r2.revision, r2.parent), (2, Some(ua.digest)));
    assert_eq!(r2.answers["tip_is_issue"].value, Some(Value::YesNo(false)));

    let sd = &find(&all, "lswdn", "r1").session;
    assert_eq!(
        (sd.response.as_str(), sd.language.as_str()),
        ("السودان", "fr")
    );
    assert_eq!(sd.interviewer, "élodie");

    let ss = find(&all, "nan-sudan", "r1");
    let a = &ss.session.answers;
    assert_eq!(a["offers_frequency"].value, Some(Value::Scale(4)));
    assert_eq!(
        a["last_offer"].value,
        Some(Value::Date(jiff::civil::date(2018, 2, 28)))
    );
    assert_eq!(a["unpaid_known"].value, Some(Value::Number(12.0)));
    assert_eq!(a["approached_by"].other, "a “travel agency”");
    let ss2 = &find(&all, "nan-sudan", "r2").session;
    assert_eq!(ss2.parent, Some(ss.digest));
    assert_eq!(ss2.answers["unpaid_known"].value, Some(Value::Number(2.5)));

    let mm = &find(&all, "mynmr", "r1").session;
    assert_eq!(mm.structure, Structure::Other);
    assert_eq!(mm.structure_label, "Groupe de travail protection — Rakhine");
    assert_eq!(mm.response, "ميانمار / မြန်မာ");
}

/// The writer still gives these bytes for what they hold: a revision's digest, which the
/// next revision names as its parent, does not drift.
#[test]
fn rendering_the_corpus_again_gives_the_same_bytes() {
    for (name, f) in read_all().iter().filter(|(n, _)| n.ends_with(".toml")) {
        let g = support::guide_of(&f.session.guide);
        let bytes = std::fs::read(corpus().join(name)).expect("read");
        assert!(
            stocktake::sync::render(&f.session, &g) == bytes,
            "{name} renders differently now"
        );
    }
}

#[test]
fn the_v2_corpus_reads_and_keeps_its_sensitive_marks() {
    let all = read_version("v2");
    assert_eq!(
        all.len(),
        3,
        "a colleague's revision, a file and its encrypted copy"
    );
    assert_eq!(
        all[1].1, all[2].1,
        "the encrypted copy holds its plain twin"
    );
    let s = &all[1].1.session;
    assert_eq!(s.response, "العراق");
    let consent = &s.answers["consent"];
    assert!(consent.sensitive, "the note with the number is marked");
    assert!(consent.note.contains("+964 770 123 4567"));
    assert!(!s.answers["tip_engagement"].sensitive);
    assert_eq!(s.notes.len(), 1);
    assert!(s.notes[0].sensitive && s.notes[0].text.contains("focal.point@example.org"));
    assert_eq!(s.edited_by, None);
    // Revision 2 of Amina's session, reopened and completed by Bea in her own store.
    let r2 = &all[0].1.session;
    assert_eq!((r2.revision, r2.interviewer.as_str()), (2, "amina"));
    assert_eq!(r2.edited_by.as_deref(), Some("bea"));
    assert!(!r2.has_sensitive(), "v2 for the edit alone");
    for (name, f) in [&all[0], &all[1]] {
        let g = support::guide_of(&f.session.guide);
        let bytes = std::fs::read(corpus_of("v2").join(name)).expect("read");
        assert!(
            stocktake::sync::render(&f.session, &g) == bytes,
            "{name} renders differently now"
        );
    }
}

#[test]
fn a_v1_file_that_names_who_edited_it_is_refused() {
    let dir = corpus_of("v2");
    let name = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("_mali_"))
        .expect("the edited revision");
    let text = std::fs::read_to_string(dir.join(&name)).expect("file");
    let forged = support::files::claiming_v1(&text);
    let err = stocktake::sync::parse_session_file(&forged, "forged.toml")
        .expect_err("a v1 file has no edited_by key");
    assert_eq!(
        err.to_string(),
        "forged.toml: `edited_by` is a key of stocktake.session.v2, and this file says it is v1"
    );
}

#[test]
fn the_v3_corpus_reads_and_keeps_its_read_back() {
    let all = read_version("v3");
    assert_eq!(all.len(), 2, "a confirmed read-back and a corrected one");
    let pc = &all[0].1.session;
    assert_eq!(pc.revision, 3);
    let rb = pc.read_back.expect("read back");
    assert!(rb.confirmed);
    assert_eq!(rb.at.to_string(), "2018-03-14T09:12:48Z");
    assert!(
        !pc.has_sensitive() && pc.edited_by.is_none(),
        "v3 for the read-back alone"
    );
    let cp = &all[1].1.session;
    let rb = cp.read_back.expect("read back");
    assert!(!rb.confirmed, "the coordinator asked for corrections");
    assert_eq!(cp.edited_by.as_deref(), Some("bea"), "v2's key in v3 too");
    for (name, f) in &all {
        let g = support::guide_of(&f.session.guide);
        let bytes = std::fs::read(corpus_of("v3").join(name)).expect("read");
        assert!(
            stocktake::sync::render(&f.session, &g) == bytes,
            "{name} renders differently now"
        );
    }
}

#[test]
fn a_v1_or_v2_file_that_says_it_was_read_back_is_refused() {
    let dir = corpus_of("v3");
    let name = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("_ukrayina_"))
        .expect("the confirmed read-back");
    let text = std::fs::read_to_string(dir.join(&name)).expect("file");
    for older in ["v1", "v2"] {
        let body = text.split_once('\n').expect("digest line").1.replace(
            "stocktake.session.v3",
            &format!("stocktake.session.{older}"),
        );
        let digest = stocktake::guide::Digest::of(body.as_bytes());
        let forged = format!("digest = \"{digest}\"\n{body}");
        let err = stocktake::sync::parse_session_file(forged.as_bytes(), "forged.toml")
            .expect_err("only v3 has read_back");
        assert_eq!(
            err.to_string(),
            format!(
                "forged.toml: `read_back` is a key of stocktake.session.v3, and this file says it is {older}"
            )
        );
    }
}

#[test]
fn the_v4_corpus_reads_and_keeps_how_answers_came_to_be() {
    use stocktake::session::{Earlier, Elicited};
    let all = read_version("v4");
    assert_eq!(all.len(), 2, "a Mali and a Ukraine revision");
    let mali = &all[0].1.session;
    let ukraine = &all[1].1.session;
    let issue = &ukraine.answers["tip_is_issue"];
    assert_eq!(issue.value, Some(Value::YesNo(true)), "the final answer");
    assert_eq!(
        issue.provenance.before_definition,
        Some(Earlier {
            value: Some(Value::YesNo(false)),
            special: None
        }),
        "and the first"
    );
    let forms = &ukraine.answers["tip_forms"];
    assert_eq!(
        forms.elicited_now(),
        vec![
            ("forced_labour", Elicited::Volunteered),
            ("other", Elicited::Prompted)
        ]
    );
    let baseline = &ukraine.answers["baseline"];
    assert!(
        baseline
            .provenance
            .before_definition
            .as_ref()
            .is_some_and(|e| e.same_as(Some(baseline))),
        "kept after the definition"
    );
    let said = ukraine.answers["tip_mechanism"]
        .said_by
        .as_ref()
        .expect("said by");
    assert_eq!(
        (said.role.as_str(), said.organisation.as_str()),
        ("ngo", "Right to Protection")
    );
    assert!(ukraine.notes[0].said_by.is_some(), "a note's speaker");
    let engagement = &mali.answers["tip_engagement"];
    assert_eq!(
        engagement
            .provenance
            .before_definition
            .as_ref()
            .and_then(|e| e.value.clone()),
        Some(Value::Choice("not_working_not_aware".into()))
    );
    assert_eq!(mali.edited_by.as_deref(), Some("bea"), "v2's key in v4 too");
    assert!(mali.read_back.is_some(), "v3's key in v4 too");
    assert_eq!(
        mali.answers["tip_is_issue"].provenance.before_definition,
        Some(Earlier::default()),
        "unanswered before the definition"
    );
    for (name, f) in &all {
        let g = support::guide_of(&f.session.guide);
        let bytes = std::fs::read(corpus_of("v4").join(name)).expect("read");
        assert!(
            stocktake::sync::render(&f.session, &g) == bytes,
            "{name} renders differently now"
        );
    }
}

/// A file of the v4 corpus with `edit` made to its body, digest recomputed.
fn forged_v4(edit: impl Fn(&str) -> String) -> Result<SessionFile, stocktake::sync::ReadError> {
    let dir = corpus_of("v4");
    let name = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("_ukrayina_"))
        .expect("the Ukraine revision");
    let text = std::fs::read_to_string(dir.join(&name)).expect("file");
    let body = edit(text.split_once('\n').expect("digest line").1);
    let digest = stocktake::guide::Digest::of(body.as_bytes());
    parse_session_file(
        format!("digest = \"{digest}\"\n{body}").as_bytes(),
        "forged.toml",
    )
}

#[test]
fn an_older_file_that_says_how_answers_came_to_be_is_refused() {
    for older in ["v1", "v2", "v3"] {
        let err = forged_v4(|b| {
            b.replace(
                "stocktake.session.v4",
                &format!("stocktake.session.{older}"),
            )
            .replace("read_back = {", "# read_back = {")
        })
        .expect_err("only v4 says it");
        assert_eq!(
            err.to_string(),
            format!(
                "forged.toml: `before_definition` is a key of stocktake.session.v4, and this file says it is {older}"
            )
        );
    }
}

#[test]
fn a_mark_on_an_option_not_chosen_or_marked_twice_is_refused() {
    let err = forged_v4(|b| {
        b.replace(
            "prompted = [\"other\"]",
            "prompted = [\"domestic_servitude\"]",
        )
    })
    .expect_err("not chosen");
    assert_eq!(
        err.to_string(),
        "forged.toml: answer to `tip_forms`: `prompted` names \"domestic_servitude\", which is not a chosen option"
    );
    let err = forged_v4(|b| b.replace("prompted = [\"other\"]", "prompted = [\"forced_labour\"]"))
        .expect_err("twice");
    assert!(err.to_string().contains("is marked twice"), "{err}");
    let err = forged_v4(|b| {
        b.replace(
            "before_definition = { status = \"answered\", type = \"yes_no\", value = \"no\" }",
            "before_definition = { status = \"answered\" }",
        )
    })
    .expect_err("no value");
    assert!(
        err.to_string().contains("has no `type` and `value`"),
        "{err}"
    );
    let err = forged_v4(|b| {
        b.replace(
            "said_by = { role = \"ngo\", organisation = \"Right to Protection\" }\nhidden",
            "said_by = { role = \"minister\", organisation = \"X\" }\nhidden",
        )
    })
    .expect_err("a role no one has");
    assert!(
        err.to_string().contains("is not a participant role"),
        "{err}"
    );
}
