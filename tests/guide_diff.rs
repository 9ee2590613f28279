//! `stocktake guide diff OLD NEW`, run as the real binary over the guide pairs of
//! `tests/fixtures/guide-diff/`: one pair per class of change, the exact lines, the exit
//! codes (0 comparable, 1 not comparable or refused, 2 cannot compare) and `--json`.

use std::path::Path;
use std::process::{Command, Output};

fn stocktake(args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let home = tempfile::tempdir().expect("home");
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(root)
        .env("XDG_CONFIG_HOME", home.path().join("no-config"))
        .env("HOME", home.path())
        .output()
        .expect("run stocktake")
}

/// stdout, stderr and the exit code of `guide diff v1.toml <new>`.
fn diff(new: &str, extra: &[&str]) -> (String, String, i32) {
    let old = "tests/fixtures/guide-diff/v1.toml".to_string();
    let new = format!("tests/fixtures/guide-diff/{new}");
    let mut args = vec!["guide", "diff", &old, &new];
    args.extend(extra);
    let out = stocktake(&args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn wording_only_compares_and_exits_0() {
    let (out, err, code) = diff("v2-wording.toml", &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        out,
        "water-points: version 1 → 2\n\
         kind: wording only: text: \"What kind of water point?\" → \"Which kind of water point is it?\"\n\
         kind: wording only: fr text: \"Quel genre de point d'eau ?\" → \"De quel genre de point d'eau s'agit-il ?\"\n\
         kind: wording only: option `tap`: \"Tap stand\" → \"Tap-stand.\"\n\
         3 changes; every question's answers compare: a report pools them\n"
    );
}

#[test]
fn a_translation_older_than_its_source_is_flagged_and_still_compares() {
    let (out, _, code) = diff("v2-stale.toml", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("has_point: translation may be stale: fr text: fr may be stale (en changed, fr did not): \"Y a-t-il un point d'eau fonctionnel ?\" unchanged\n"),
        "{out}"
    );
}

#[test]
fn an_option_relabelled_does_not_compare_and_exits_1() {
    let (out, _, code) = diff("v2-relabelled.toml", &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("kind: option relabelled (not comparable): option `spring`: \"Protected spring\" → \"Any spring, protected or not\"\n"),
        "{out}"
    );
    assert!(
        out.ends_with("the answers of 1 question do not compare across the versions: kind (a report counts them per version)\n"),
        "{out}"
    );
}

#[test]
fn options_and_questions_added_and_removed() {
    let (out, _, code) = diff("v2-added-removed.toml", &[]);
    assert_eq!(code, 1, "{out}");
    for line in [
        "kind: option added (not comparable): option `kiosk`: \"Water kiosk\"\n",
        "kind: option removed (not comparable): option `spring`: was \"Protected spring\"\n",
        "queue: question added: \"How long is the queue, in minutes?\"\n",
        "notes: question removed: was \"Anything else?\"\n",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}

#[test]
fn an_id_reused_with_another_type_is_refused() {
    let (out, _, code) = diff("v2-type-changed.toml", &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "has_point: id reused with another type (refused): type: \"yes_no\" → \"number\"\n"
        ),
        "{out}"
    );
    assert!(out.contains("refused: has_point reuses an id"), "{out}");
}

#[test]
fn the_same_file_twice_has_no_change() {
    let (out, _, code) = diff("v1.toml", &[]);
    assert_eq!(
        (out.as_str(), code),
        ("water-points: version 1 → 1\nno change\n", 0)
    );
}

#[test]
fn two_different_guides_or_an_unreadable_one_exit_2() {
    let (out, err, code) = diff("other-guide.toml", &[]);
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains("is guide `water-points` and"), "{err}");
    assert!(err.contains("not two versions of one guide"), "{err}");
    let (_, err, code) = diff("no-such.toml", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such.toml"), "{err}");
    let (_, err, code) = diff("../broken-guides/09-duplicate-question-id.toml", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("09-duplicate-question-id.toml:16:6: question id `aware` is used twice"),
        "{err}"
    );
}

#[test]
fn json_says_each_change_and_the_verdict() {
    let (out, _, code) = diff("v2-relabelled.toml", &["--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["comparable"], false);
    assert_eq!(v["refused"], false);
    assert_eq!(v["not_comparable"], serde_json::json!(["kind"]));
    assert_eq!(v["changes"][0]["class"], "relabelled");
    assert_eq!(v["changes"][0]["question"], "kind");
    assert_eq!(v["changes"][0]["old"], "Protected spring");
    assert_eq!(v["changes"][0]["comparable"], false);
}

#[test]
fn a_bundled_guide_is_named_by_its_id() {
    let (out, _, code) = {
        let out = stocktake(&[
            "guide",
            "diff",
            "gpc-attt-coordinator",
            "interview-guides/gpc-attt-coordinator.toml",
        ]);
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            (),
            out.status.code(),
        )
    };
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("no change\n"), "{out}");
}

#[test]
fn the_summary_and_each_change_speak_french() {
    let (out, _, code) = diff("v2-wording.toml", &["--ui-language", "fr"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("water-points\u{a0}: version 1 → 2\n"),
        "{out}"
    );
    // The class and what changed in French; the guide's texts as they are.
    assert!(
        out.contains("kind: formulation seulement: texte: \"What kind of water point?\" → "),
        "{out}"
    );
    assert!(
        out.contains("kind: formulation seulement: texte (fr): \"Quel genre"),
        "{out}"
    );
    assert!(
        out.contains("kind: formulation seulement: option `tap`: \"Tap stand\""),
        "{out}"
    );
    for english in ["wording only", ": text:", "fr text"] {
        assert!(!out.contains(english), "{english} in {out}");
    }
    assert!(
        out.ends_with("3 changements\u{a0}; les réponses de chaque question se comparent\u{a0}: un rapport les regroupe\n"),
        "{out}"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args([
            "guide",
            "diff",
            "tests/fixtures/guide-diff/v1.toml",
            "tests/fixtures/guide-diff/v2-relabelled.toml",
        ])
        .current_dir(root)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.ends_with("les réponses d'une question ne se comparent pas d'une version à l'autre\u{a0}: kind (un rapport les compte par version)\n"),
        "{out}"
    );
}
