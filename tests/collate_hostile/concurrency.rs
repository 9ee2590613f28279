//! Two collations on one database (issue 20.9): the second failed at once with "database
//! is locked", or, on a new database, "table guides already exists". It now waits for
//! the first, saying so, and never shows a raw SQL error.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use stocktake::guide::Structure;

use super::support::files::{Factory, bytes};

fn inbox(dir: &Path, n: usize) -> std::path::PathBuf {
    let files = dir.join("in");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = Factory::new();
    for i in 0..n {
        let s = f.session(&format!("Response {i}"), Structure::CpAor, "anecdotal_only");
        std::fs::write(files.join(format!("s{i}.toml")), bytes(&s)).expect("write");
    }
    files
}

fn collate(db: &Path, files: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    cmd.args(["collate", "--db"])
        .arg(db)
        .arg(files)
        .env("STOCKTAKE_CONFIG", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn collations_started_together_on_a_new_database_all_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    let files = inbox(dir.path(), 20);
    let db = dir.path().join("new.db");
    let children: Vec<_> = (0..6)
        .map(|_| collate(&db, &files).spawn().expect("spawn"))
        .collect();
    let mut new = 0;
    for c in children {
        let out = c.wait_with_output().expect("wait");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
        assert!(
            !stderr.contains("already exists") && !stderr.contains("database is locked"),
            "{stderr}"
        );
        new += stdout
            .split(" new")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .expect("a count of new files");
    }
    assert_eq!(new, 20, "each file imported once, by one of them");
}

#[test]
fn a_second_collation_waits_for_the_first_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let files = inbox(dir.path(), 3);
    let db = dir.path().join("c.db");
    // The first collation, holding the database as a run of `stocktake collate` does.
    let mut first = stocktake::collate::CollationDb::open(&db).expect("db");
    first
        .lock_for_collation(Duration::from_secs(1), &mut || {})
        .expect("the first takes it");
    let mut second = collate(&db, &files).spawn().expect("spawn");
    let said = Arc::new(Mutex::new(String::new()));
    let mut stderr = second.stderr.take().expect("stderr");
    let reader = {
        let said = said.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                said.lock()
                    .expect("lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let waiting = format!("another collation is running on {}", db.display());
    while !said.lock().expect("lock").contains(&waiting) {
        assert!(
            second.try_wait().expect("wait").is_none(),
            "the second ended instead of waiting: {}",
            said.lock().expect("lock")
        );
        assert!(Instant::now() < deadline, "{}", said.lock().expect("lock"));
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(first);
    let out = second.wait_with_output().expect("wait");
    reader.join().expect("reader");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        said.lock().expect("lock")
    );
    assert!(stdout.contains("3 new"), "{stdout}");
}

#[test]
fn a_collation_that_cannot_get_the_database_in_time_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let files = inbox(dir.path(), 1);
    let db = dir.path().join("c.db");
    let mut first = stocktake::collate::CollationDb::open(&db).expect("db");
    first
        .lock_for_collation(Duration::from_secs(1), &mut || {})
        .expect("the first takes it");
    let mut second = stocktake::collate::CollationDb::open(&db).expect("db");
    let mut told = 0;
    let e = second
        .lock_for_collation(Duration::from_millis(300), &mut || told += 1)
        .expect_err("held by the first");
    assert_eq!(told, 1, "told once that it waits");
    let msg = e.to_string();
    assert!(
        msg.contains("another collation is still running on it")
            && msg.contains("nothing was changed"),
        "{msg}"
    );
    let s = stocktake::collate::collate(
        &mut first,
        &[files],
        &stocktake::guide::Catalog::bundled(),
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("the holder collates");
    assert_eq!(s.new, 1);
}
