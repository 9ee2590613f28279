//! `stocktake sync` and `stocktake import`: completed revisions leave as verifiable files,
//! once each, never overwriting; a missing, read-only or full outbox changes nothing and
//! loses nothing; files from elsewhere come in once and continue as the next revision.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use stocktake::guide::Structure;
use stocktake::session::{Change, Value};
use stocktake::store::{Claim, Store, system_clock};
use stocktake::sync::{read_session_file, verify_against};
use support::{completed_session, coordinator};

fn stocktake(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .env("STOCKTAKE_DATA_DIR", data)
        .env("STOCKTAKE_CONFIG", data.join("no-config.toml"))
        .env_remove("STOCKTAKE_OUTBOX")
        .output()
        .expect("run stocktake")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("outbox")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A data dir holding two completed sessions and one in progress.
fn data_with_sessions() -> (tempfile::TempDir, Vec<String>) {
    let data = tempfile::tempdir().expect("data");
    let (mut store, _) = Store::open(data.path(), system_clock()).expect("store");
    let a = completed_session(
        &mut store,
        "South Sudan",
        Structure::ProtectionCluster,
        "mechanism_in_place",
    );
    let b = completed_session(
        &mut store,
        "Côte d'Ivoire",
        Structure::CpAor,
        "anecdotal_only",
    );
    let g = coordinator();
    let (_, open) = support::create_call(&mut store, &g, &support::new_call(&[Structure::GbvAor]))
        .expect("call");
    (data, vec![a.id, b.id, open[0].id.clone()])
}

#[test]
fn sync_writes_each_completed_revision_once_as_a_verifiable_file() {
    let (data, ids) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    let before = stocktake(data.path(), &["sessions"]);
    assert_eq!(
        text(&before).matches("  to sync  ").count(),
        2,
        "{}",
        text(&before)
    );
    let out = stocktake(
        data.path(),
        &["sync", "--to", &outbox.path().display().to_string()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let names = files(outbox.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.ends_with(&format!("_cote-d-ivoire_cp_aor_{}_r1.toml", ids[1]))),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.contains("_south-sudan_protection_cluster_"))
    );
    let g = coordinator();
    for n in &names {
        let p = outbox.path().join(n);
        assert_eq!(
            std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777,
            0o640,
            "{n}"
        );
        let f = read_session_file(&p).expect("verifies");
        verify_against(&f, &g.guide, &g.digest, n).expect("valid against its guide");
    }
    assert!(text(&out).contains("2 file(s) written"));
    // Again: nothing new, and it says so.
    let again = stocktake(
        data.path(),
        &["sync", "--to", &outbox.path().display().to_string()],
    );
    assert!(again.status.success());
    assert!(
        text(&again).contains("nothing new to sync"),
        "{}",
        text(&again)
    );
    assert_eq!(files(outbox.path()), names);
    let table = stocktake(data.path(), &["sessions"]);
    assert!(!text(&table).contains("to sync"), "{}", text(&table));
    let sessions = stocktake(data.path(), &["sessions", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&sessions.stdout).expect("json");
    assert!(
        rows.as_array()
            .expect("rows")
            .iter()
            .all(|r| r["waiting"] == false)
    );
}

#[test]
fn the_outbox_comes_from_the_environment_or_the_config_file() {
    let (data, _) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    let out = stocktake(data.path(), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("no outbox: say where with `stocktake sync --to DIR`"),
        "{}",
        text(&out)
    );
    std::fs::write(
        data.path().join("no-config.toml"),
        format!("outbox = {:?}\n", outbox.path()),
    )
    .expect("config");
    let out = stocktake(data.path(), &["sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(files(outbox.path()).len(), 2);
}

#[test]
fn a_missing_outbox_changes_nothing_until_it_exists() {
    let (data, _) = data_with_sessions();
    let parent = tempfile::tempdir().expect("dir");
    let outbox = parent.path().join("not-yet");
    let out = stocktake(
        data.path(),
        &["sync", "--to", &outbox.display().to_string()],
    );
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    assert!(
        t.contains("does not exist; create it")
            && t.contains("2 completed session revision(s) still waiting"),
        "{t}"
    );
    std::fs::create_dir(&outbox).expect("mkdir");
    let out = stocktake(
        data.path(),
        &["sync", "--to", &outbox.display().to_string()],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(files(&outbox).len(), 2);
}

/// Root only (mounting a tmpfs): CI runs them with `cargo test -- --ignored needs_root::`.
mod needs_root {
    use super::*;

    /// A tmpfs mounted for one test, unmounted when dropped.
    struct Mount(std::path::PathBuf);

    impl Mount {
        fn tmpfs(options: &str) -> (tempfile::TempDir, Mount) {
            let dir = tempfile::tempdir().expect("dir");
            let ok = Command::new("mount")
                .args(["-t", "tmpfs", "-o", options, "tmpfs"])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
            assert!(
                ok,
                "cannot mount a tmpfs (run as root: cargo test -- --ignored needs_root::)"
            );
            let m = Mount(dir.path().to_path_buf());
            (dir, m)
        }
    }

    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }

    #[test]
    #[ignore = "needs root"]
    fn a_read_only_outbox_is_reported_and_nothing_is_marked_synced() {
        let (data, _) = data_with_sessions();
        let (dir, _mount) = Mount::tmpfs("ro,size=1m");
        let out = stocktake(
            data.path(),
            &["sync", "--to", &dir.path().display().to_string()],
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out).contains("cannot write in the outbox"),
            "{}",
            text(&out)
        );
        let (store, _) = Store::open(data.path(), system_clock()).expect("store");
        assert_eq!(store.unsynced().expect("waiting").len(), 2);
    }

    #[test]
    #[ignore = "needs root"]
    fn a_full_outbox_leaves_no_partial_file_and_nothing_is_marked_synced() {
        let (data, _) = data_with_sessions();
        let (dir, _mount) = Mount::tmpfs("size=8k");
        // Fill it, leaving less room than one session file.
        let _ = std::fs::write(dir.path().join("filler"), vec![b'x'; 8 * 1024]);
        let out = stocktake(
            data.path(),
            &["sync", "--to", &dir.path().display().to_string()],
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out).contains("is full"), "{}", text(&out));
        let left: Vec<String> = files(dir.path())
            .into_iter()
            .filter(|n| n != "filler")
            .collect();
        assert!(
            left.is_empty(),
            "no temp or partial file may stay: {left:?}"
        );
        let (store, _) = Store::open(data.path(), system_clock()).expect("store");
        assert_eq!(store.unsynced().expect("waiting").len(), 2);
    }
}

#[test]
fn nothing_in_the_outbox_is_ever_overwritten_or_followed() {
    let (data, _) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    let victim = tempfile::NamedTempFile::new().expect("victim");
    std::fs::write(victim.path(), "precious").expect("write");
    // Plant a symlink and a different file under the names stocktake will use.
    let (store, _) = Store::open(data.path(), system_clock()).expect("store");
    let waiting = store.unsynced().expect("waiting");
    drop(store);
    std::os::unix::fs::symlink(
        victim.path(),
        outbox.path().join(&waiting[0].file.file_name),
    )
    .expect("symlink");
    std::fs::write(
        outbox.path().join(&waiting[1].file.file_name),
        "someone else's",
    )
    .expect("file");
    let out = stocktake(
        data.path(),
        &["sync", "--to", &outbox.path().display().to_string()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("already exists with other content"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(victim.path()).expect("victim"),
        "precious"
    );
    assert_eq!(
        std::fs::read_to_string(outbox.path().join(&waiting[1].file.file_name)).expect("f"),
        "someone else's"
    );
}

#[test]
fn a_revision_completed_then_reopened_before_syncing_is_still_sent() {
    let data = tempfile::tempdir().expect("data");
    let (mut store, _) = Store::open(data.path(), system_clock()).expect("store");
    let g = coordinator();
    let mut s = completed_session(&mut store, "Iraq", Structure::GbvAor, "anecdotal_only");
    let r1 = store
        .revision_file(&s.id, 1)
        .expect("query")
        .expect("frozen");
    s.reopen(r1.digest, store.now()).expect("reopen");
    s.set_value(
        &g.guide,
        "tip_engagement",
        Value::Choice("mechanism_in_place".into()),
        store.now(),
    )
    .expect("edit");
    s.complete(&g.guide, store.now()).expect("complete");
    store
        .apply(&Change::complete(
            &s,
            &g.guide,
            stocktake::interview::freeze(&s, &g),
        ))
        .expect("r2");
    drop(store);
    let outbox = tempfile::tempdir().expect("outbox");
    let out = stocktake(
        data.path(),
        &["sync", "--to", &outbox.path().display().to_string()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let names = files(outbox.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let r2 = read_session_file(
        &outbox
            .path()
            .join(names.iter().find(|n| n.ends_with("_r2.toml")).expect("r2")),
    )
    .expect("r2");
    assert_eq!(r2.session.parent, Some(r1.digest));
    let r1_file = read_session_file(
        &outbox
            .path()
            .join(names.iter().find(|n| n.ends_with("_r1.toml")).expect("r1")),
    )
    .expect("r1");
    assert_eq!(r1_file.digest, r1.digest);
    assert_eq!(
        r1_file.session.answers["tip_engagement"].value,
        Some(Value::Choice("anecdotal_only".into()))
    );
}

#[test]
fn import_brings_a_file_in_once_and_it_continues_as_the_next_revision() {
    let (data, ids) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    assert!(
        stocktake(
            data.path(),
            &["sync", "--to", &outbox.path().display().to_string()]
        )
        .status
        .success()
    );
    let file = outbox.path().join(
        files(outbox.path())
            .into_iter()
            .find(|n| n.contains("south-sudan"))
            .expect("file"),
    );
    // Another interviewer's machine.
    let other = tempfile::tempdir().expect("other");
    let out = stocktake(other.path(), &["import", &file.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("imported: South Sudan · protection_cluster revision 1"),
        "{}",
        text(&out)
    );
    let again = stocktake(other.path(), &["import", &file.display().to_string()]);
    assert!(again.status.success());
    assert!(text(&again).contains("already here, nothing changed"));
    let (mut store, _) = Store::open(other.path(), system_clock()).expect("store");
    let mut s = store.load_session(&ids[0]).expect("imported session");
    let g = coordinator();
    let parent = store
        .revision_file(&s.id, 1)
        .expect("q")
        .expect("imported revision")
        .digest;
    assert_eq!(parent, read_session_file(&file).expect("file").digest);
    store.lock_session(&s.id, Claim::IfFree).expect("lock");
    s.reopen(parent, store.now()).expect("reopen");
    store.apply(&Change::header(&s, &g.guide)).expect("save");
    let back = store.load_session(&s.id).expect("load");
    assert_eq!((back.revision, back.parent), (2, Some(parent)));
    // Imported revisions are not sent again from here.
    assert!(store.unsynced().expect("waiting").is_empty());
}

#[test]
fn import_refuses_a_damaged_file_and_changes_nothing() {
    let (data, _) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    assert!(
        stocktake(
            data.path(),
            &["sync", "--to", &outbox.path().display().to_string()]
        )
        .status
        .success()
    );
    let name = files(outbox.path()).remove(0);
    let mut bytes = std::fs::read(outbox.path().join(&name)).expect("read");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    let bad = outbox.path().join("damaged.toml");
    std::fs::write(&bad, bytes).expect("write");
    let other = tempfile::tempdir().expect("other");
    let out = stocktake(other.path(), &["import", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("corrupt or tampered"), "{}", text(&out));
    let (store, _) = Store::open(other.path(), system_clock()).expect("store");
    assert!(store.summaries().expect("list").is_empty());
}

#[test]
fn sync_speaks_french_by_flag_or_by_locale_and_keeps_the_paths() {
    let (data, _) = data_with_sessions();
    let outbox = tempfile::tempdir().expect("outbox");
    let to = outbox.path().display().to_string();
    let french = |args: &[&str], locale: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
        // English unless a test asks otherwise: the words follow the locale.
        c.env("LC_ALL", "C.UTF-8");
        c.args(args)
            .env("STOCKTAKE_DATA_DIR", data.path())
            .env("STOCKTAKE_CONFIG", data.path().join("no-config.toml"))
            .env_remove("STOCKTAKE_OUTBOX")
            .env_remove("STOCKTAKE_UI_LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale.unwrap_or("C.UTF-8"));
        c.output().expect("run stocktake")
    };
    // Waiting revisions: the longest French status still fits 80 columns.
    let list = french(&["sessions"], Some("fr_FR.UTF-8"));
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    assert_eq!(list.matches("  à synchroniser  ").count(), 2, "{list}");
    for l in list.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
    let missing = format!("{to}/nowhere");
    let out = french(&["--ui-language", "fr", "sync", "--to", &missing], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains(&format!(
            "la boîte d'envoi {missing} n'existe pas\u{a0}; créez-la (mkdir {missing})"
        )) && text(&out).contains("2 révisions de session terminées attendent toujours"),
        "{}",
        text(&out)
    );
    let out = french(&["--ui-language", "fr", "sync", "--to", &to], None);
    assert!(out.status.success(), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("écrit\u{a0}: {to}/")), "{stdout}");
    assert!(
        stdout.ends_with(&format!("2 fichiers écrits dans {to}\n")),
        "{stdout}"
    );
    let out = french(&["sync", "--to", &to], Some("fr_FR.UTF-8"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "rien de nouveau à synchroniser dans {to}\u{a0}: chaque révision terminée est déjà écrite\u{a0}:"
        )) && stdout.contains("stocktake sync --again --to DOSSIER"),
        "{stdout}"
    );
}

#[test]
fn import_says_in_french_what_came_in_and_what_was_already_here() {
    let data = tempfile::tempdir().expect("data");
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/realistic/mali_protection_cluster_01M8TWTYRT1SKB8YYB3XMJ6FJ6_r1.toml")
        .display()
        .to_string();
    let out = stocktake(data.path(), &["--ui-language", "fr", "import", &file]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{file}\u{a0}: importé\u{a0}: Mali · protection_cluster révision 1\n")
    );
    let again = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["import", &file])
        .env("STOCKTAKE_DATA_DIR", data.path())
        .env("STOCKTAKE_CONFIG", data.path().join("no-config.toml"))
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env("LC_MESSAGES", "fr_FR.UTF-8")
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("\u{a0}: déjà là, rien de changé\u{a0}: Mali"),
        "{}",
        text(&again)
    );
}
