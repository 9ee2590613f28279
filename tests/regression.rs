//! One test per bug fixed, named after the bug, each failing on the code before its fix
//! (ripgrep's `tests/regression.rs`). Add new ones at the end. The layering bug
//! `collate_does_not_depend_on_report` lives in `tests/architecture.rs`, beside the
//! checker it uses.

use std::path::Path;
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run the real binary with its stdout into a pipe whose reader is closed before the
/// program writes anything, and check it ends as `cmd | head -0` expects: no panic, no
/// error, exit 0 (or killed by SIGPIPE, as a C program would be).
fn ends_quietly_into_a_closed_pipe(args: &[&str]) {
    let data = tempfile::tempdir().expect("data dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stocktake"))
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

#[test]
fn guide_check_into_a_closed_pipe_ends_quietly() {
    ends_quietly_into_a_closed_pipe(&[
        "guide",
        "check",
        "interview-guides/gpc-attt-coordinator.toml",
        "interview-guides/tip-indicators-labour.toml",
    ]);
}

#[test]
fn sessions_into_a_closed_pipe_ends_quietly() {
    ends_quietly_into_a_closed_pipe(&["sessions"]);
    ends_quietly_into_a_closed_pipe(&["sessions", "--json"]);
}

#[test]
fn guide_list_into_a_closed_pipe_ends_quietly() {
    ends_quietly_into_a_closed_pipe(&["guide", "list"]);
}

#[test]
fn non_latin_country_names_keep_their_country_in_file_names() {
    let names = ["Україна", "السودان", "ميانمار", "南スーダン"];
    let slugs: Vec<String> = names.iter().map(|n| stocktake::sync::slug(n)).collect();
    for (name, slug) in names.iter().zip(&slugs) {
        assert_ne!(slug, "response", "{name} lost its country");
        assert!(
            !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{name} → {slug}"
        );
    }
    let mut distinct = slugs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), names.len(), "{slugs:?}");
}
