//! On a shared server nobody else may read the interviews: the data dir is 0700 and the
//! database files 0600 whatever the umask. This binary sets the most permissive umask for
//! all of its tests, so they run in a process of their own.

mod support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use stocktake::guide::Structure;
use stocktake::session::{Change, Field, Value};
use stocktake::store::{Claim, Store, StoreError};
use support::{TestClock, coordinator, new_call};

fn permissive_umask() {
    // SAFETY: umask only sets the process's file mode mask; every test here wants 000.
    unsafe {
        libc::umask(0o000);
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").mode() & 0o777
}

#[test]
fn a_new_data_dir_is_private_even_under_umask_000() {
    permissive_umask();
    let root = tempfile::tempdir().expect("dir");
    let dir = root.path().join("nested/stocktake");
    let (_tc, clock) = TestClock::new();
    let (mut store, notices) = Store::open(&dir, clock).expect("open");
    assert!(notices.is_empty());
    // Write something so the WAL and shared-memory files exist.
    let g = coordinator();
    let (_, sessions) =
        support::create_call(&mut store, &g, &new_call(&[Structure::CpAor])).expect("call");
    let mut s = sessions[0].clone();
    store.lock_session(&s.id, Claim::IfFree).expect("lock");
    s.set_value(&g.guide, "consent", Value::YesNo(true), store.now())
        .expect("edit");
    store
        .apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
        .expect("save");

    assert_eq!(mode(&dir), 0o700);
    for f in ["stocktake.db", "stocktake.db-wal", "stocktake.db-shm"] {
        let p = dir.join(f);
        assert!(p.exists(), "{f} exists while the store is open");
        assert_eq!(mode(&p), 0o600, "{f}");
    }
}

#[test]
fn an_existing_data_dir_open_to_others_is_closed_and_the_user_told() {
    permissive_umask();
    let root = tempfile::tempdir().expect("dir");
    let dir = root.path().join("shared");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let (_tc, clock) = TestClock::new();
    let (_store, notices) = Store::open(&dir, clock).expect("open");
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0]
            .0
            .contains("was open to other users (mode 755); it is now 0700"),
        "{notices:?}"
    );

    // The same notice reaches the user of the command line.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o750)).expect("chmod");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sessions", "--data-dir"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note:") && stderr.contains("(mode 750); it is now 0700"),
        "{stderr}"
    );
    assert_eq!(mode(&dir), 0o700);
}

/// Root only (giving a folder to another user): CI runs them with
/// `cargo test -- --ignored needs_root::`.
mod needs_root {
    use super::*;

    #[test]
    #[ignore = "needs root"]
    fn a_data_dir_owned_by_someone_else_is_refused() {
        permissive_umask();
        let root = tempfile::tempdir().expect("dir");
        let dir = root.path().join("theirs");
        std::fs::create_dir(&dir).expect("mkdir");
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).expect("chown to nobody");
        let (_tc, clock) = TestClock::new();
        let e = Store::open(&dir, clock).unwrap_err();
        assert!(matches!(e, StoreError::Insecure { .. }), "{e}");
        assert!(e.to_string().contains("belongs to another user"), "{e}");
        assert!(
            std::fs::read_dir(&dir).expect("list").next().is_none(),
            "nothing was created in it"
        );
    }
}
