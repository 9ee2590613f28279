//! The outbox as a shared group folder on a server, and the writer under SIGKILL. This
//! binary runs with the strictest common umask (077), as a careful user's shell would.

mod support;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::{Command, Stdio};

use stocktake::guide::Structure;
use stocktake::store::Store;
use stocktake::sync::{FILE_MODE, Written, parse_session_file, write_file};
use support::{TestClock, completed_session};

fn strict_umask() {
    // SAFETY: umask only sets this process's file mode mask.
    unsafe {
        libc::umask(0o077);
    }
}

/// A real session file, with a note long enough that writing it takes a moment.
fn session_file(note_len: usize) -> Vec<u8> {
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let mut s = completed_session(&mut store, "Mali", Structure::GbvAor, "anecdotal_only");
    let g = support::coordinator();
    // Spread over fields: one text may hold at most 100,000 characters.
    for q in ["consent", "tip_engagement"] {
        if let Some(a) = s.answers.get_mut(q) {
            a.note = "words ".repeat((note_len / 12).min(15_000));
        }
    }
    for n in 0..note_len / 90_000 {
        s.notes.push(stocktake::session::Note {
            seq: n as u32 + 1,
            at: s.started_at,
            text: "said out of order ".repeat(5_000),
            question: None,
        });
    }
    stocktake::sync::render(&s, &g)
}

/// Root only (giving a folder to another group): CI runs them with
/// `cargo test -- --ignored needs_root::`.
mod needs_root {
    use super::*;

    #[test]
    #[ignore = "needs root"]
    fn files_in_a_setgid_group_folder_are_readable_by_the_group_only() {
        strict_umask();
        let dir = tempfile::tempdir().expect("dir");
        let shared = dir.path().join("outbox");
        std::fs::create_dir(&shared).expect("mkdir");
        // The recipe of the README: a group folder, setgid so files inherit its group.
        std::os::unix::fs::chown(&shared, None, Some(100)).expect("chgrp");
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
        let bytes = session_file(100);
        let w = write_file(&shared, "2018-03-14_mali_gbv_aor_X_r1.toml", &bytes).expect("write");
        let Written::New(path) = w else {
            panic!("{w:?}")
        };
        let m = std::fs::metadata(&path).expect("meta");
        assert_eq!(m.gid(), 100, "the folder's group");
        assert_eq!(m.mode() & 0o777, FILE_MODE, "0640 even under umask 077");
        // No temp file is left for the collators to trip over.
        let names: Vec<String> = std::fs::read_dir(&shared)
            .expect("list")
            .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["2018-03-14_mali_gbv_aor_X_r1.toml"]);
        // Writing the same revision again is a no-op, not an error.
        assert!(matches!(
            write_file(&shared, "2018-03-14_mali_gbv_aor_X_r1.toml", &bytes),
            Ok(Written::AlreadyThere(_))
        ));
    }
}

#[test]
#[ignore = "run by the writer crash test as its child process"]
fn writer_child() {
    let Ok(dir) = std::env::var("STOCKTAKE_WRITER_DIR") else {
        return;
    };
    let bytes = session_file(400_000);
    for i in 0.. {
        write_file(std::path::Path::new(&dir), &format!("f{i:06}.toml"), &bytes).expect("write");
        println!("wrote {i}");
    }
}

#[test]
fn a_writer_killed_at_any_moment_never_leaves_a_bad_file_under_a_final_name() {
    strict_umask();
    let dir = tempfile::tempdir().expect("dir");
    let me = std::env::current_exe().expect("test binary");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..20 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(&me)
            .args([
                "--ignored",
                "--exact",
                "writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("STOCKTAKE_WRITER_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let wait = 1 + seed % 3;
        let mut seen = 0;
        for l in lines.by_ref() {
            if l.expect("line").contains("wrote") {
                seen += 1;
                if seen >= wait {
                    break;
                }
            }
        }
        // Kill somewhere inside the next write (each takes a few milliseconds).
        std::thread::sleep(std::time::Duration::from_micros(seed % 4000));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        for e in std::fs::read_dir(dir.path()).expect("list").flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let bytes = std::fs::read(e.path()).expect("read");
            parse_session_file(&bytes, &name)
                .unwrap_or_else(|err| panic!("{name} is under its final name but bad: {err}"));
        }
    }
    // Not a requirement of correctness, but without kills inside a write the test would
    // prove little: the temp files left behind show them.
    let temps = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .count();
    eprintln!("{temps} write(s) killed midway left a temp file");
}
