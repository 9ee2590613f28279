//! The subcommands' own words in French: the real binary, with `--ui-language fr` and
//! with a French locale, over the fixtures. What a script reads stays the same.

use std::path::Path;
use std::process::{Command, Output};

const NBSP: char = '\u{a0}';

/// The binary with no config file and an English-speaking locale, so that only what a
/// test passes chooses the language.
fn stocktake(data: &Path, args: &[&str]) -> Output {
    stocktake_env(data, args, &[])
}

fn stocktake_env(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    // English unless a test asks otherwise: the words follow the locale.
    c.env("LC_ALL", "C.UTF-8");
    c.args(args)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env("STOCKTAKE_DATA_DIR", data)
        .env_remove("STOCKTAKE_OUTBOX")
        .env_remove("STOCKTAKE_IDENTITY")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run stocktake")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn realistic() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/realistic")
        .display()
        .to_string()
}

#[test]
fn collate_summarises_in_french_and_an_unknown_language_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("c.db").display().to_string();
    let out = stocktake(
        dir.path(),
        &["--ui-language", "fr", "collate", "--db", &db, &realistic()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("6 fichiers{NBSP}: 6 nouveaux, 0 mis à jour")),
        "{stdout}"
    );
    assert!(stdout.contains(" en quarantaine en "), "{stdout}");
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("collation{NBSP}: 6/6 fichiers")),
        "{err}"
    );
    // English stays as it was.
    let again = stocktake(dir.path(), &["collate", "--db", &db, &realistic()]);
    assert!(
        text(&again.stdout).starts_with("6 file(s): 0 new, 0 updated, 6 already present"),
        "{}",
        text(&again.stdout)
    );
    let bad = stocktake(dir.path(), &["--ui-language", "de", "sessions"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("--ui-language `de` is not one stocktake speaks"));
}

#[test]
fn a_french_locale_gives_french_errors_that_say_what_to_do() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("none.db").display().to_string();
    let out = stocktake_env(
        dir.path(),
        &["conflicts", "--db", &missing],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{missing}{NBSP}: cette base de collation n'existe pas{NBSP}; lancez d'abord stocktake collate"
        )),
        "{err}"
    );
    let folder = dir.path().display().to_string();
    let out = stocktake_env(
        dir.path(),
        &["collate", "--db", &missing, &format!("{folder}/nowhere")],
        &[("LANG", "fr_FR.UTF-8")],
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("rien n'a été collationné et aucune base n'a été créée"),
        "{err}"
    );
}

#[test]
fn keys_say_in_french_what_was_made_and_what_is_not_an_identity() {
    let dir = tempfile::tempdir().expect("dir");
    let key = dir.path().join("collator.key").display().to_string();
    let out = stocktake(
        dir.path(),
        &["--ui-language", "fr", "keys", "new", "--out", &key],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).starts_with(&format!("{key} créé (lisible par vous seul{NBSP}:")),
        "{}",
        text(&out.stderr)
    );
    // The recipient is for scripts and config files: the same in every language.
    assert!(
        text(&out.stdout).starts_with("age1"),
        "{}",
        text(&out.stdout)
    );
    let again = stocktake(
        dir.path(),
        &["--ui-language", "fr", "keys", "new", "--out", &key],
    );
    assert!(
        text(&again.stderr).contains("un fichier existant n'est jamais remplacé"),
        "{}",
        text(&again.stderr)
    );
    let not_key = dir.path().join("notes.txt");
    std::fs::write(&not_key, "# mine\nhello\n").expect("write");
    let shown = not_key.display().to_string();
    let out = stocktake_env(
        dir.path(),
        &["keys", "show", &shown],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!(
            "{shown}{NBSP}: pas un fichier d'identité age (la ligne 2 n'est ni un commentaire ni une clé AGE-SECRET-KEY-1…){NBSP}; donnez le fichier écrit par `stocktake keys new --out FICHIER`"
        )),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_screens_refuse_a_pipe_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let out = stocktake(dir.path(), &["--ui-language", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("les écrans d'entretien ont besoin d'un terminal"),
        "{}",
        text(&out.stderr)
    );
    let db = dir.path().join("c.db").display().to_string();
    let collated = stocktake(dir.path(), &["collate", "--db", &db, &realistic()]);
    assert!(collated.status.success(), "{}", text(&collated.stderr));
    let out = stocktake_env(
        dir.path(),
        &["analyse", "--db", &db],
        &[("LC_MESSAGES", "fr_FR.UTF-8")],
    );
    assert!(
        text(&out.stderr).contains(&format!(
            "stocktake analyse est un programme plein écran et a besoin d'un terminal{NBSP}; pour des fichiers, utilisez stocktake report --db {db}"
        )),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_quarantined_file_is_named_by_its_kind_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("dir");
    std::fs::write(files.join("broken.toml"), "this is [[ not a session").expect("write");
    let db = dir.path().join("c.db").display().to_string();
    let folder = files.display().to_string();
    let out = stocktake(
        dir.path(),
        &["--ui-language", "fr", "collate", "--db", &db, &folder],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("en quarantaine (corrompu)\u{a0}: "), "{err}");
    assert!(
        text(&out.stdout).starts_with(&format!("1 fichier{NBSP}: 0 nouveau,")),
        "{}",
        text(&out.stdout)
    );
    // The same database read in English names the kind as it is stored.
    let again = stocktake(dir.path(), &["collate", "--db", &db, &folder]);
    assert!(
        text(&again.stderr).contains("quarantined (corrupt): "),
        "{}",
        text(&again.stderr)
    );
}
