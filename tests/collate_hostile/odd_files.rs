//! Odd things in a collated folder (issue 20.5, and the FIFO of 20.18): a `.toml` that is
//! a FIFO or a link to one, a link to `/dev/zero`, a folder nested past the system's path
//! limit, a folder the collator cannot read. Only regular files are read, within the size
//! limit whatever `stat` said; each odd entry is reported and skipped, the rest collate.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use stocktake::guide::Structure;

use super::support::files::{Factory, bytes};

/// The binary, killed and failed if it has not ended by the deadline: what hangs must
/// fail the test, not the test run.
fn run_within(mut cmd: Command, secs: u64) -> Output {
    let mut child = cmd
        .env("STOCKTAKE_CONFIG", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            child.kill().expect("kill");
            let out = child.wait_with_output().expect("reap");
            panic!(
                "still running after {secs} s: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn collate(db: &Path, paths: &[&Path]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    cmd.args(["collate", "--db"]).arg(db).args(paths);
    cmd
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

fn good_file(dir: &Path, name: &str) {
    let mut f = Factory::new();
    let s = f.session("Chad", Structure::CpAor, "anecdotal_only");
    std::fs::write(dir.join(name), bytes(&s)).expect("write");
}

fn quarantine(db: &Path) -> Vec<stocktake::collate::Quarantined> {
    stocktake::collate::CollationDb::open(db)
        .expect("db")
        .quarantined()
        .expect("quarantine")
}

#[test]
fn fifos_and_devices_in_a_folder_are_skipped_and_the_rest_collates() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    good_file(&files, "good.toml");
    mkfifo(&dir.path().join("pipe"));
    symlink(dir.path().join("pipe"), files.join("to-fifo.toml")).expect("link");
    mkfifo(&files.join("fifo.toml"));
    symlink("/dev/zero", files.join("zero.toml")).expect("link");
    symlink("/dev/zero", files.join("zero.toml.age")).expect("link");
    let db = dir.path().join("c.db");
    let out = run_within(collate(&db, &[&files]), 30);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("1 new"), "{stdout}");
    let q = quarantine(&db);
    for (name, what) in [
        ("to-fifo.toml", "a FIFO"),
        ("fifo.toml", "a FIFO"),
        ("zero.toml", "a character device"),
        ("zero.toml.age", "a character device"),
    ] {
        let e = q
            .iter()
            .find(|q| q.path.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("{name} not reported: {q:?}"));
        assert_eq!(e.kind, "not a regular file", "{name}: {}", e.reason);
        assert!(e.reason.contains(what), "{name}: {}", e.reason);
    }
}

#[test]
fn a_fifo_given_by_name_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("given.toml");
    mkfifo(&fifo);
    let db = dir.path().join("c.db");
    let out = run_within(collate(&db, &[&fifo]), 30);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(quarantine(&db)[0].kind, "not a regular file");
    // The guide loader opens what it is given the same way.
    let mut check = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    check.args(["guide", "check"]).arg(&fifo);
    let out = run_within(check, 30);
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("not a regular file"), "{said}");
}

/// Folders nested so deep that their path is longer than the system allows (PATH_MAX,
/// 4096 bytes), made one level at a time relative to the one above.
fn too_deep(top: &Path) -> usize {
    use rustix::fs::{CWD, Mode, OFlags, mkdirat, openat};
    let name = "d".repeat(200);
    let mut at = openat(CWD, top, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).expect("top");
    let mut depth = 0;
    while depth * (name.len() + 1) < 5000 {
        mkdirat(&at, name.as_str(), Mode::from_raw_mode(0o755)).expect("mkdir");
        at = openat(
            &at,
            name.as_str(),
            OFlags::DIRECTORY | OFlags::RDONLY,
            Mode::empty(),
        )
        .expect("down");
        depth += 1;
    }
    let f = openat(
        &at,
        "deep.toml",
        OFlags::CREATE | OFlags::WRONLY,
        Mode::from_raw_mode(0o644),
    )
    .expect("deep file");
    rustix::io::write(&f, b"digest = \"sha256:00\"\n").expect("write");
    depth
}

#[test]
fn a_path_past_the_system_limit_is_reported_and_the_rest_collates() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    good_file(&files, "good.toml");
    assert!(too_deep(&files) > 20);
    let db = dir.path().join("c.db");
    let out = run_within(collate(&db, &[&files]), 60);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stdout.contains("1 new"), "{stdout}{stderr}");
    let q = quarantine(&db);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].kind, "unreadable folder", "{}", q[0].reason);
    assert!(q[0].reason.contains("not collated"), "{}", q[0].reason);
}

/// Root only (running the collation as another user, for whom permissions hold): CI
/// runs them with `cargo test -- --ignored needs_root::`.
mod needs_root {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    const NOBODY: u32 = 65534;

    /// A folder the user `nobody` owns, inside one anyone may enter.
    fn nobodys(dir: &Path) -> std::path::PathBuf {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let mine = dir.join("nobody");
        std::fs::create_dir(&mine).expect("mkdir");
        mine
    }

    fn give_to_nobody(path: &Path) {
        for e in walkdir::WalkDir::new(path) {
            let e = e.expect("entry");
            std::os::unix::fs::lchown(e.path(), Some(NOBODY), Some(NOBODY)).expect("chown");
        }
    }

    fn as_nobody(mut cmd: Command, home: &Path) -> Command {
        cmd.uid(NOBODY).gid(NOBODY).env("HOME", home);
        cmd
    }

    #[test]
    #[ignore = "needs root"]
    fn an_unreadable_folder_is_reported_and_the_rest_collates() {
        let dir = tempfile::tempdir().expect("dir");
        let home = nobodys(dir.path());
        let files = home.join("in");
        std::fs::create_dir_all(files.join("locked")).expect("mkdir");
        good_file(&files, "good.toml");
        good_file(&files.join("locked"), "hidden.toml");
        give_to_nobody(&home);
        std::fs::set_permissions(files.join("locked"), std::fs::Permissions::from_mode(0o000))
            .expect("chmod");
        let db = home.join("c.db");
        let out = run_within(as_nobody(collate(&db, &[&files]), &home), 30);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
        assert!(stdout.contains("1 new"), "{stdout}{stderr}");
        assert!(
            stderr.contains("quarantined (unreadable folder)") && stderr.contains("locked"),
            "{stderr}"
        );
        // Readable again: its file comes in and the folder's entry is cleared.
        std::fs::set_permissions(files.join("locked"), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        let out = run_within(as_nobody(collate(&db, &[&files]), &home), 30);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(
            stdout.contains("1 new") && stdout.contains("1 folder readable again"),
            "{stdout}"
        );
        assert!(quarantine(&db).is_empty());
    }

    #[test]
    #[ignore = "needs root"]
    fn an_unreadable_file_is_read_again_once_it_is_readable() {
        let dir = tempfile::tempdir().expect("dir");
        let home = nobodys(dir.path());
        let files = home.join("in");
        std::fs::create_dir(&files).expect("mkdir");
        good_file(&files, "late.toml");
        give_to_nobody(&home);
        let file = files.join("late.toml");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let db = home.join("c.db");
        let out = run_within(as_nobody(collate(&db, &[&files]), &home), 30);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("quarantined (unreadable)"), "{stderr}");
        // chmod changes neither size nor mtime: only a re-read notices.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let out = run_within(as_nobody(collate(&db, &[&files]), &home), 30);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(stdout.contains("1 new"), "{stdout}");
        assert!(quarantine(&db).is_empty());
    }
}
