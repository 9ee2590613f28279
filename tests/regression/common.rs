//! What the regression tests share: a TUI over a store on disk, the binary run in a folder, collations made from the fixtures.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{self, TestClock};
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;

/// The TUI over a store in a folder of its own, as an interviewer runs it.
pub fn on_disk() -> (tempfile::TempDir, Driver, stocktake::store::Clock) {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
    let d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    (dir, d, clock)
}

/// Another connection to the same database, for what a test does behind the program's back.
pub fn raw(dir: &tempfile::TempDir) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw connection")
}

pub fn count(db: &rusqlite::Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).expect("count")
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run the real binary with its stdout into a pipe whose reader is closed before the
/// program writes anything, and check it ends as `cmd | head -0` expects: no panic, no
/// error, exit 0 (or killed by SIGPIPE, as a C program would be).
pub fn ends_quietly_into_a_closed_pipe(args: &[&str]) {
    let data = tempfile::tempdir().expect("data dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(root())
        .env("STOCKTAKE_DATA_DIR", data.path())
        .env("XDG_CONFIG_HOME", data.path().join("no-config"))
        .env("STOCKTAKE_CONFIG", data.path().join("no-config.toml"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stocktake");
    // The reader goes away before the program has started writing.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{args:?}: {stderr}"
    );
    use std::os::unix::process::ExitStatusExt;
    assert!(
        out.status.code() == Some(0)
            || out.status.code() == Some(141)
            || out.status.signal() == Some(13),
        "{args:?}: {:?}: {stderr}",
        out.status
    );
}

/// A new call for Iraq whose participants refused notes being taken (the form's consent
/// field, ninth after the response, set to No).
pub fn call_without_consent(d: &mut Driver) {
    d.press("nIraq<tab><tab><tab><tab><tab><tab><tab><tab><tab><right><right>");
    assert!(
        d.screen(80, 24).contains("Consent to take notes ◀ no ▶"),
        "{}",
        d.screen(80, 24)
    );
    d.press("<C-s>");
}

/// The real binary in a sandbox: its own data dir, no config file, no identity or outbox
/// from the environment unless `env` sets them. Returns (exit code, stdout, stderr).
pub fn stocktake_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    // English unless a test asks otherwise: the words follow the locale.
    c.env("LC_ALL", "C.UTF-8");
    c.args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("STOCKTAKE_IDENTITY")
        .env_remove("STOCKTAKE_OUTBOX")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The frozen v1 session files (plain and encrypted) and the test identity.
pub fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/session-files/v1")
}

/// A folder holding copies of two plain fixture files, and a collation of them.
pub fn collated(dir: &Path) -> (std::path::PathBuf, String) {
    let files = dir.join("files");
    std::fs::create_dir(&files).expect("mkdir");
    for name in [
        "2018-03-14_lswdn_cp_aor_01M8SZZMPGQRZZCNBTSZ3S3D9C_r1.toml",
        "2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    ] {
        std::fs::copy(fixtures().join(name), files.join(name)).expect("copy");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    (files, db)
}

/// The sheet names of a workbook and every text it holds, read by Python's standard
/// library: a reader independent of the writer.
pub fn xlsx_contents(xlsx: &Path) -> (Vec<String>, Vec<String>) {
    const READ: &str = r#"
import json, sys, zipfile
import xml.etree.ElementTree as ET
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter(NS + 'sheet')]
texts = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si'):
        texts.append(''.join(t.text or '' for t in si.iter(NS + 't')))
print(json.dumps([names, texts]))
"#;
    let out = Command::new("python3")
        .args(["-c", READ])
        .arg(xlsx)
        .output()
        .expect("python3 reads the xlsx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Session files of the coordinator guide, one per (response, structure), each changed
/// by `edit`, written into `dir/files`; and a collation database of them.
pub fn collated_sessions(
    dir: &Path,
    sessions: &[(&str, stocktake::guide::Structure)],
    edit: &dyn Fn(&mut stocktake::session::Session, &stocktake::guide::Guide, jiff::Timestamp),
) -> String {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    for (i, (response, structure)) in sessions.iter().enumerate() {
        let s = f.session(response, *structure, "anecdotal_only");
        let s = f.revise(&s, edit);
        std::fs::write(files.join(format!("s{i}.toml")), support::files::bytes(&s)).expect("write");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    db
}

/// Completed coordinator sessions, each (response, structure, custom label,
/// classification), written into `dir/files` and collated into `dir/c.db`.
pub fn collated_plan(
    dir: &Path,
    plan: &[(&str, stocktake::guide::Structure, &str, &str)],
) -> String {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    for (i, (response, structure, label, engagement)) in plan.iter().enumerate() {
        let mut s = f.session(response, *structure, engagement);
        s.structure_label = label.to_string();
        std::fs::write(files.join(format!("s{i}.toml")), support::files::bytes(&s)).expect("write");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    db
}

pub fn csv_of(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .expect("csv")
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

/// A data dir in `dir/data` holding one completed session of South Sudan's protection
/// cluster; returns its session id.
pub fn data_with_a_completed_session(dir: &Path) -> String {
    let (mut store, _) =
        Store::open(&dir.join("data"), stocktake::store::system_clock()).expect("store");
    support::completed_session(
        &mut store,
        "South Sudan",
        stocktake::guide::Structure::ProtectionCluster,
        "mechanism_in_place",
    )
    .id
}

pub fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A session file's body with its digest line made to match, whatever the body says.
pub fn with_digest(body: &str) -> Vec<u8> {
    format!(
        "digest = \"{}\"\n{body}",
        stocktake::guide::Digest::of(body.as_bytes())
    )
    .into_bytes()
}

/// The rows of the answer box on a screen: those between its title rule and the next
/// field's (the specify field's or the note's).
pub fn answer_box_rows(screen: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    let rule = |l: &&str| l.contains("Answer") && (l.contains('─') || l.contains('━'));
    let Some(top) = lines.iter().position(rule) else {
        return 0;
    };
    lines[top + 1..]
        .iter()
        .position(|l| l.contains("Note") || l.contains("Specify other"))
        .unwrap_or(0)
}
