//! Bugs of the store and the collation database on disk: locks, links, pipes, modes, busy writers.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{self, TestClock};
use stocktake::store::Store;

use super::common::*;

/// Issue 20.12: a stocktake killed but not yet reaped by its parent is a zombie: its pid
/// still answers signal 0 and its start time is unchanged, yet it will never write again.
#[test]
fn a_killed_holder_not_yet_reaped_does_not_hold_the_session_lock() {
    use stocktake::guide::Structure;
    use stocktake::store::Claim;
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let g = support::coordinator();
    let id = {
        let (mut a, _) = Store::open(dir.path(), clock.clone()).expect("a");
        let (_, sessions) = support::create_call(
            &mut a,
            &g,
            &support::new_call(&[Structure::ProtectionCluster]),
        )
        .expect("call");
        sessions[0].id.clone()
    };
    let mut holder = Command::new("sleep").arg("60").spawn().expect("spawn");
    let pid = holder.id();
    let stat = || std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The start time (field 22) is what the lock row records; read it while it runs.
    let fields = |s: &str| -> Vec<String> {
        s.rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let start: i64 = fields(&stat())[19].parse().expect("start time");
    holder.kill().expect("kill");
    // Killed, and deliberately not waited for: it stays a zombie until the wait below.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while fields(&stat()).first().map(String::as_str) != Some("Z") {
        assert!(
            std::time::Instant::now() < deadline,
            "never became a zombie"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    rusqlite::Connection::open(dir.path().join("stocktake.db"))
        .expect("raw")
        .execute(
            "INSERT INTO session_locks (session_id, token, pid, process_start, host, user, since) VALUES (?1, 'zombie', ?2, ?3, ?4, 'amina', '2018-03-14T09:00:00Z')",
            rusqlite::params![id, pid, start, host.trim()],
        )
        .expect("the zombie's lock");
    let (mut b, _) = Store::open(dir.path(), clock).expect("b");
    let taken = b.lock_session(&id, Claim::IfFree);
    holder.wait().expect("reaped at last");
    assert_eq!(taken.expect("a zombie holds nothing"), None);
}

#[test]
fn a_collation_database_created_through_a_dangling_symlink_gets_0644() {
    let dir = tempfile::tempdir().expect("dir");
    let (files, _) = collated(dir.path());
    std::os::unix::fs::symlink("real.db", dir.path().join("link.db")).expect("link");
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["collate", "--db", "link.db", &files.display().to_string()],
        &[],
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: link.db: is a symbolic link to real.db, which does not exist; stocktake creates a collation database only under its real name (private, 0600): give --db real.db\n"
        )
    );
    assert!(!dir.path().join("real.db").exists());
}

#[test]
fn a_stocktake_db_symlink_has_its_target_chmodded_while_the_message_says_nothing_changed() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let mode = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).expect("metadata").mode() & 0o777
    };
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let elsewhere = dir.path().join("notes.txt");
    std::fs::write(&elsewhere, "someone else's file").expect("write");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    symlink(&elsewhere, data.join("stocktake.db")).expect("link");

    let (code, _, err) = stocktake_in(dir.path(), &["sessions"], &[]);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "stocktake: {}/stocktake.db: this is a symbolic link to {}; stocktake does not follow links to its database files, so that it never changes or writes a file elsewhere. Nothing was changed. Move that file here in the link's place\n",
                data.display(),
                elsewhere.display()
            )
        )
    );
    assert_eq!(mode(&elsewhere), 0o644, "its target is left as it was");
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "someone else's file"
    );

    // A link to nothing would have SQLite create its target; a link in place of the
    // write-ahead log would have the interviews written through it.
    std::fs::remove_file(data.join("stocktake.db")).expect("unlink");
    let nowhere = dir.path().join("nowhere.db");
    symlink(&nowhere, data.join("stocktake.db")).expect("link");
    let (_tc, clock) = TestClock::new();
    let e = Store::open(&data, clock.clone()).expect_err("a link to nothing");
    assert!(
        e.to_string().contains("which does not exist; stocktake does not follow links to its database files. Nothing was changed. Remove the link"),
        "{e}"
    );
    assert!(!nowhere.exists());
    std::fs::remove_file(data.join("stocktake.db")).expect("unlink");
    let wal = dir.path().join("wal");
    std::fs::write(&wal, "").expect("write");
    symlink(&wal, data.join("stocktake.db-wal")).expect("link");
    let e = Store::open(&data, clock).expect_err("a link for the log");
    assert!(
        e.to_string().starts_with(&format!(
            "{}/stocktake.db-wal: this is a symbolic link to",
            data.display()
        )),
        "{e}"
    );
    assert_eq!(
        std::fs::read(&wal).expect("read").len(),
        0,
        "nothing written through it"
    );
    assert!(
        !data.join("stocktake.db").exists(),
        "nor a database created"
    );
}

#[test]
fn a_named_pipe_as_stocktake_db_fails_with_disk_io_error_code_266() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::set_permissions(&data, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let fifo = data.join("stocktake.db");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let (code, _, err) = stocktake_in(dir.path(), &["sessions"], &[]);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "stocktake: {}: this is a named pipe (FIFO), not a database file; nothing was changed. Move it out of the data folder, or choose another with --data-dir\n",
                fifo.display()
            )
        )
    );
    // "Nothing was changed" holds for the folder too: it was not closed on the way.
    let mode = std::os::unix::fs::MetadataExt::mode(&std::fs::metadata(&data).expect("meta"));
    assert_eq!(mode & 0o777, 0o755);
}

#[test]
fn a_data_dir_that_is_a_link_has_its_target_closed_under_the_links_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let (_tc, clock) = TestClock::new();
    let (_store, notices) = Store::open(&link, clock).expect("open");
    let real = std::fs::canonicalize(&real).expect("canonical");
    assert_eq!(
        notices,
        vec![stocktake::store::Notice(format!(
            "{}: the data folder this link leads to ({}) was open to other users (mode 755); it is now 0700, readable by you alone",
            link.display(),
            real.display()
        ))]
    );
}

/// Collations started together on a new database: one was told "another stocktake kept
/// the database busy for over 30 s" at once, without waiting, because switching the new
/// database to WAL returns busy without calling the busy handler. Ten rounds, since it is a
/// race: without the fix it failed in six runs of seven.
#[test]
fn a_second_collation_was_told_busy_at_once_instead_of_waiting() {
    use stocktake::guide::Structure;
    use support::files::{Factory, bytes};
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = Factory::new();
    for i in 0..20 {
        let s = f.session(&format!("Response {i}"), Structure::CpAor, "anecdotal_only");
        std::fs::write(files.join(format!("s{i}.toml")), bytes(&s)).expect("write");
    }
    for round in 0..10 {
        let db = dir.path().join(format!("round{round}.db"));
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_stocktake"))
                    // English unless a test asks otherwise: the words follow the locale.
                    .env("LC_ALL", "C.UTF-8")
                    .args(["collate", "--db"])
                    .arg(&db)
                    .arg(&files)
                    .env("STOCKTAKE_CONFIG", "/nonexistent")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().expect("wait");
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
