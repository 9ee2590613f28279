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
            sensitive: false,
            said_by: None,
        });
    }
    stocktake::sync::render(&s, &g)
}

/// Root only (giving a folder to another group, real users): CI runs them with
/// `cargo test -- --ignored needs_root::`.
mod needs_root {
    use super::*;
    use std::path::{Path, PathBuf};

    /// Users and groups made for one test, removed when it ends however it ends.
    struct Accounts {
        users: Vec<String>,
        groups: Vec<String>,
    }

    impl Accounts {
        /// Names unique to this run: a test run twice at once must not share them.
        fn name(what: &str) -> String {
            format!("stk{}{what}", std::process::id() % 100_000)
        }

        fn group(&mut self, what: &str) -> String {
            let g = Accounts::name(what);
            run("groupadd", &[&g]);
            self.groups.push(g.clone());
            g
        }

        /// A user whose own group is its only group, then in `also` too.
        fn user(&mut self, what: &str, also: &[&str]) -> String {
            let u = Accounts::name(what);
            let mut args = vec!["--no-create-home", "--user-group", "--shell", "/bin/false"];
            let joined = also.join(",");
            if !also.is_empty() {
                args.extend(["--groups", &joined]);
            }
            args.push(&u);
            run("useradd", &args);
            self.users.push(u.clone());
            u
        }
    }

    impl Drop for Accounts {
        fn drop(&mut self) {
            // Best effort: a failed cleanup must not hide the test's own failure.
            for u in &self.users {
                Command::new("userdel").arg(u).status().ok();
            }
            for g in &self.groups {
                Command::new("groupdel").arg(g).status().ok();
            }
        }
    }

    fn run(cmd: &str, args: &[&str]) {
        let st = Command::new(cmd).args(args).status().expect(cmd);
        assert!(st.success(), "{cmd} {args:?}");
    }

    fn id_of(kind: &str, name: &str) -> u32 {
        let out = Command::new("id").args([kind, name]).output().expect("id");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a number")
    }

    /// `program args` as `user`, with the groups /etc/group gives them (what a login
    /// gives), in a sandbox with no config.
    fn as_user(user: &str, home: &Path, program: &str, args: &[&str]) -> std::process::Output {
        Command::new("setpriv")
            .args(["--reuid", user, "--regid", user, "--init-groups", "--"])
            .arg(program)
            .args(args)
            .env("HOME", home)
            .env("STOCKTAKE_CONFIG", home.join("no-config.toml"))
            .env("XDG_CONFIG_HOME", home.join("no-xdg"))
            .env_remove("STOCKTAKE_OUTBOX")
            .env_remove("STOCKTAKE_DATA_DIR")
            .output()
            .expect("setpriv")
    }

    fn chown_all(path: &Path, uid: u32, gid: u32) {
        std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown");
        if path.is_dir() {
            for e in std::fs::read_dir(path).expect("list").flatten() {
                chown_all(&e.path(), uid, gid);
            }
        }
    }

    /// An interviewer's data dir holding one completed session, owned by them.
    fn interviewer_data(base: &Path, user: &str, response: &str) -> PathBuf {
        let data = base.join(format!("{user}-data"));
        let (_tc, clock) = TestClock::new();
        let (mut store, _) = Store::open(&data, clock).expect("store");
        completed_session(
            &mut store,
            response,
            Structure::ProtectionCluster,
            "anecdotal_only",
        );
        drop(store);
        chown_all(&data, id_of("-u", user), id_of("-g", user));
        data
    }

    fn text(o: &std::process::Output) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    }

    #[test]
    #[ignore = "needs root"]
    fn interviewers_write_into_the_drop_folder_but_cannot_read_each_other() {
        let bin = env!("CARGO_BIN_EXE_stocktake");
        let mut acc = Accounts {
            users: Vec::new(),
            groups: Vec::new(),
        };
        // The README's recipe: everyone of the team may reach the folder, only the
        // collators may list and read it.
        let team = acc.group("team");
        let collators = acc.group("coll");
        let amina = acc.user("amina", &[&team]);
        let bakary = acc.user("bakary", &[&team]);
        let chloe = acc.user("chloe", &[&team, &collators]);
        let base = tempfile::tempdir().expect("dir");
        std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        let srv = base.path().join("stocktake");
        std::fs::create_dir(&srv).expect("mkdir");
        std::os::unix::fs::chown(&srv, Some(0), Some(gid(&team))).expect("chgrp");
        std::fs::set_permissions(&srv, std::fs::Permissions::from_mode(0o710)).expect("chmod");
        let outbox = srv.join("outbox");
        std::fs::create_dir(&outbox).expect("mkdir");
        std::os::unix::fs::chown(&outbox, Some(0), Some(gid(&collators))).expect("chgrp");
        std::fs::set_permissions(&outbox, std::fs::Permissions::from_mode(0o3773)).expect("chmod");
        let ob = outbox.display().to_string();

        // Amina syncs: her file goes in, group collators, 0640, and no warning: she
        // cannot list the folder, so neither can the other interviewers.
        let data = interviewer_data(base.path(), &amina, "Mali");
        let d = data.display().to_string();
        let out = as_user(
            &amina,
            base.path(),
            bin,
            &["--data-dir", &d, "sync", "--to", &ob],
        );
        assert!(out.status.success(), "{}", text(&out));
        assert!(out.stderr.is_empty(), "{}", text(&out));
        let listed = as_user(&amina, base.path(), "ls", &[&ob]);
        assert!(
            !listed.status.success(),
            "an interviewer cannot list the drop folder"
        );
        let names: Vec<String> = std::fs::read_dir(&outbox)
            .expect("list as root")
            .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let file = outbox.join(&names[0]);
        let m = std::fs::metadata(&file).expect("meta");
        assert_eq!(
            (m.uid(), m.gid(), m.mode() & 0o7777),
            (id_of("-u", &amina), gid(&collators), FILE_MODE)
        );
        let f = file.display().to_string();

        // Bakary, another interviewer, can neither read it nor remove it, not even by
        // its name.
        let read = as_user(&bakary, base.path(), "cat", &[&f]);
        assert!(!read.status.success(), "{}", text(&read));
        let removed = as_user(&bakary, base.path(), "rm", &["-f", &f]);
        assert!(file.exists(), "sticky: {}", text(&removed));
        // He can still drop his own.
        let data_b = interviewer_data(base.path(), &bakary, "Chad");
        let db_ = data_b.display().to_string();
        let out = as_user(
            &bakary,
            base.path(),
            bin,
            &["--data-dir", &db_, "sync", "--to", &ob],
        );
        assert!(out.status.success(), "{}", text(&out));

        // Chloe, a collator, reads and collates both.
        let desk = base.path().join("chloe");
        std::fs::create_dir(&desk).expect("mkdir");
        chown_all(&desk, id_of("-u", &chloe), id_of("-g", &chloe));
        let db = desk.join("season.db").display().to_string();
        let out = as_user(&chloe, base.path(), bin, &["collate", "--db", &db, &ob]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(text(&out).contains("2 new"), "{}", text(&out));

        // The old recipe, one group for all: the same sync warns that others can read.
        let shared = srv.join("shared");
        std::fs::create_dir(&shared).expect("mkdir");
        std::os::unix::fs::chown(&shared, Some(0), Some(gid(&team))).expect("chgrp");
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
        let sh = shared.display().to_string();
        let out = as_user(
            &amina,
            base.path(),
            bin,
            &["--data-dir", &d, "sync", "--again", "--to", &sh],
        );
        assert!(out.status.success(), "{}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "(mode 2770): the members of group {team} can list it, and the files are readable by the folder's group"
            )),
            "{err}"
        );
        let read = as_user(
            &bakary,
            base.path(),
            "cat",
            &[&format!("{sh}/{}", names[0])],
        );
        assert!(read.status.success(), "what the warning is about");
    }

    fn gid(group: &str) -> u32 {
        let out = Command::new("getent")
            .args(["group", group])
            .output()
            .expect("getent");
        String::from_utf8_lossy(&out.stdout)
            .split(':')
            .nth(2)
            .and_then(|g| g.trim().parse().ok())
            .expect("a gid")
    }

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
