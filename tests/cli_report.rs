//! `stocktake report` through the real binary: the formats asked for once each, the
//! config file's defaults, and the names the config and the flags share.

use std::path::Path;
use std::process::Command;

fn stocktake(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .output()
        .expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn collated(dir: &Path) -> String {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/session-files/v1/2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    );
    std::fs::copy(&fixture, dir.join("s.toml")).expect("copy");
    let (code, _, err) = stocktake(dir, &["collate", "--db", "c.db", "s.toml"]);
    assert_eq!(code, 0, "{err}");
    "c.db".into()
}

#[test]
fn a_format_named_twice_is_written_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    for formats in ["html,html", "md,markdown", "xlsx,xlsx,csv"] {
        let (code, out, err) = stocktake(
            dir.path(),
            &["report", "--db", &db, "--out", "r", "--format", formats],
        );
        assert_eq!(code, 0, "{formats}: {err}");
        let mut lines: Vec<&str> = out.lines().collect();
        let all = lines.len();
        lines.dedup();
        assert_eq!(lines.len(), all, "{formats}: {out}");
    }
}

#[test]
fn the_config_and_the_flags_name_the_attribution_levels_alike() {
    let flags: Vec<&str> = stocktake::report::Attribution::ALL
        .iter()
        .map(|a| a.name())
        .collect();
    assert_eq!(flags, stocktake::config::ATTRIBUTION_LEVELS);
}

#[test]
fn min_cell_comes_from_the_config_unless_given() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    std::fs::write(dir.path().join("no-config.toml"), "min_cell = 3\n").expect("config");
    let (code, _, err) = stocktake(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let summary = std::fs::read_to_string(dir.path().join("r/summary.csv")).expect("csv");
    // One session: every count it gave is hidden.
    assert!(summary.contains(",x,"), "{summary}");
    assert!(
        !summary.lines().skip(1).any(|l| l.ends_with(",1,100")),
        "{summary}"
    );
    let (code, _, err) = stocktake(
        dir.path(),
        &[
            "report",
            "--db",
            &db,
            "--out",
            "r",
            "--format",
            "csv",
            "--min-cell",
            "0",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let summary = std::fs::read_to_string(dir.path().join("r/summary.csv")).expect("csv");
    assert!(!summary.contains(",x,"), "{summary}");
}

#[test]
fn the_report_says_its_progress_in_the_config_language_or_the_locale() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    // The config file's choice, with an English locale.
    std::fs::write(dir.path().join("no-config.toml"), "ui_language = \"fr\"\n").expect("config");
    let (code, out, err) = stocktake(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "md,csv"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with("lecture de la collation…\n1 session lue en ")
            && err.contains("\u{a0}; écriture de md, csv…")
            && err.contains("md écrit en "),
        "{err}"
    );
    assert!(out.starts_with("écrit\u{a0}: r/"), "{out}");
    // The flag beats the config; the locale speaks when neither says.
    let (_, _, err) = stocktake(
        dir.path(),
        &[
            "--ui-language",
            "en",
            "report",
            "--db",
            &db,
            "--out",
            "r",
            "--format",
            "md",
        ],
    );
    assert!(
        err.starts_with("reading the collation…\nread 1 session in "),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("no-config.toml")).expect("rm");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["report", "--db", &db, "--out", "s.toml", "--format", "md"])
        .current_dir(dir.path())
        .env("STOCKTAKE_CONFIG", dir.path().join("no-config.toml"))
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("s.toml\u{a0}: existe et n'est pas un dossier\u{a0}; nommez un dossier pour le rapport avec --out DOSSIER"),
        "{err}"
    );
}
