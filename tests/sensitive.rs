//! Free text marked sensitive, end to end: the guard before completing offers it, the
//! session file says so (format v2, only when needed), the collation keeps it, and the
//! report leaves it out unless the collator asks, saying where it was.

mod support;

use std::path::Path;
use std::process::Command;

use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

const NUMBER: &str = "+964 770 123 4567";

/// One completed Iraq session whose note (on the first question) holds a phone number
/// marked sensitive and whose notes pad holds an e-mail address kept as it is; returns
/// the outbox with its file.
fn sent_with_a_sensitive_note() -> (tempfile::TempDir, tempfile::TempDir, Driver) {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    let outbox = tempfile::tempdir().expect("outbox");
    d.sending.outbox = Some(outbox.path().to_path_buf());
    d.press(&format!(
        "nIraq<C-s>1<tab>Focal point: call {NUMBER} after 5pm<esc>"
    ));
    d.press("<C-g>Write to focal.point@example.org for the report<esc>");
    d.press("<C-f>overall<enter>1<A-r>c");
    let s = d.screen(80, 24);
    assert!(s.contains("s sensitive"), "the hint bar offers it: {s}");
    d.press("s");
    let s = d.screen(80, 24);
    assert!(s.contains("Marked sensitive"), "{s}");
    assert!(
        s.contains("1 finding"),
        "the address is left to decide: {s}"
    );
    d.press("kcy");
    (dir, outbox, d)
}

fn only_file(dir: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .expect("outbox")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_text_marked_sensitive_travels_marked_in_a_v2_file() {
    let (_dir, outbox, _d) = sent_with_a_sensitive_note();
    let text = std::fs::read_to_string(only_file(outbox.path())).expect("file");
    assert!(
        text.lines().nth(1) == Some("format = \"stocktake.session.v2\""),
        "{text}"
    );
    // The number is kept, as the interviewer chose, with the mark beside it.
    let note = text
        .split("\n[answers.")
        .find(|part| part.contains(NUMBER))
        .expect("the answer with the note");
    assert!(note.contains("\nsensitive = true\n"), "{note}");
    assert_eq!(text.matches("sensitive = true").count(), 1, "{text}");
}

#[test]
fn a_session_with_nothing_sensitive_is_still_written_as_v1() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    let outbox = tempfile::tempdir().expect("outbox");
    d.sending.outbox = Some(outbox.path().to_path_buf());
    d.press("nMali<C-s>1<tab>Nothing to hide<esc><C-f>overall<enter>1<A-r>cy");
    let text = std::fs::read_to_string(only_file(outbox.path())).expect("file");
    assert_eq!(
        text.lines().nth(1),
        Some("format = \"stocktake.session.v1\""),
        "readable by a collator who has not upgraded"
    );
}

fn stocktake(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("STOCKTAKE_IDENTITY")
        .output()
        .expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn reports_leave_sensitive_text_out_unless_asked_and_say_where_it_was() {
    let (_dir, outbox, _d) = sent_with_a_sensitive_note();
    let work = tempfile::tempdir().expect("work");
    let db = work.path().join("c.db").display().to_string();
    let files = outbox.path().display().to_string();
    let (code, out, err) = stocktake(work.path(), &["collate", "--db", &db, &files]);
    assert_eq!(code, 0, "{out}{err}");

    let (code, _, err) = stocktake(
        work.path(),
        &[
            "report",
            "--db",
            &db,
            "--out",
            "r",
            "--format",
            "md,csv,html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(work.path().join("r/report.md")).expect("md");
    assert!(!md.contains("770 123"), "left out: {md}");
    assert!(
        md.contains(&stocktake::report::escape_markdown(
            "1 text marked sensitive by the interviewers left out ([sensitive] in the tables; --include-sensitive puts them in)"
        )),
        "{md}"
    );
    assert!(
        md.contains("focal.point"),
        "what was kept as it is stays: {md}"
    );
    for name in ["long.csv", "wide.csv", "report.html"] {
        let t = std::fs::read_to_string(work.path().join("r").join(name)).expect(name);
        assert!(!t.contains("770 123"), "{name}: {t}");
    }
    let long = std::fs::read_to_string(work.path().join("r/long.csv")).expect("long");
    assert_eq!(long.matches("[sensitive]").count(), 1, "{long}");

    let (code, _, err) = stocktake(
        work.path(),
        &[
            "report",
            "--db",
            &db,
            "--out",
            "all",
            "--format",
            "md,csv",
            "--include-sensitive",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(work.path().join("all/report.md")).expect("md");
    assert!(md.contains("770 123"), "{md}");
    assert!(md.contains("note, marked sensitive"), "{md}");
    let long = std::fs::read_to_string(work.path().join("all/long.csv")).expect("long");
    assert!(
        long.contains("770 123") && !long.contains("[sensitive]"),
        "{long}"
    );
}

#[test]
fn a_v1_file_that_marks_text_sensitive_is_refused() {
    let (_dir, outbox, _d) = sent_with_a_sensitive_note();
    let text = std::fs::read_to_string(only_file(outbox.path())).expect("file");
    let forged = support::files::claiming_v1(&text);
    let err = stocktake::sync::parse_session_file(&forged, "forged.toml")
        .expect_err("a v1 file has no sensitive key");
    assert_eq!(
        err.to_string(),
        "forged.toml: `sensitive` is a key of stocktake.session.v2, and this file says it is v1"
    );
}
