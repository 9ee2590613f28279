//! Encrypted session files end to end: the collator makes a key, the interviewer holds only
//! its public recipient, the outbox holds only ciphertext, and only the collator's identity
//! opens it. Everything runs the real binary.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use stocktake::guide::Structure;
use stocktake::session::Change;
use stocktake::store::{Store, system_clock};
use support::completed_session;

fn run(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    // English unless a test asks otherwise: the words follow the locale.
    c.env("LC_ALL", "C.UTF-8");
    c.args(args)
        .env_remove("STOCKTAKE_OUTBOX")
        .env_remove("STOCKTAKE_IDENTITY")
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run stocktake")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn new_key(path: &Path) -> String {
    let out = run(&["keys", "new", "--out", &path.display().to_string()], &[]);
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn keys_are_private_shown_again_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("dir");
    let key = dir.path().join("collator.key");
    let recipient = new_key(&key);
    assert!(recipient.starts_with("age1"), "{recipient}");
    assert_eq!(
        std::fs::metadata(&key).expect("key").permissions().mode() & 0o777,
        0o600
    );
    let shown = run(&["keys", "show", &key.display().to_string()], &[]);
    assert_eq!(String::from_utf8_lossy(&shown.stdout).trim(), recipient);
    let again = run(&["keys", "new", "--out", &key.display().to_string()], &[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("never overwritten"));
    let bad = dir.path().join("bad.key");
    std::fs::write(&bad, "# nothing here\n").expect("write");
    let out = run(&["keys", "show", &bad.display().to_string()], &[]);
    assert!(
        text(&out).contains("no identity (AGE-SECRET-KEY-1…) found"),
        "{}",
        text(&out)
    );
}

#[test]
fn only_the_collator_reads_what_interviewers_send() {
    let dir = tempfile::tempdir().expect("dir");
    let key = dir.path().join("collator.key");
    let recipient = new_key(&key);
    // The interviewer's machine: two completed sessions, and only the public recipient.
    let data = dir.path().join("data");
    {
        let (mut store, _) = Store::open(&data, system_clock()).expect("store");
        completed_session(
            &mut store,
            "Burkina Faso",
            Structure::ProtectionCluster,
            "mechanism_in_place",
        );
        completed_session(
            &mut store,
            "Burkina Faso",
            Structure::GbvAor,
            "anecdotal_only",
        );
    }
    let config = dir.path().join("config.toml");
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&outbox).expect("outbox");
    std::fs::write(
        &config,
        format!("outbox = {:?}\nrecipients = [\"{recipient}\"]\n", outbox),
    )
    .expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sync", "--data-dir"])
        .arg(&data)
        .env("STOCKTAKE_CONFIG", &config)
        .env_remove("STOCKTAKE_OUTBOX")
        .output()
        .expect("sync");
    assert!(out.status.success(), "{}", text(&out));
    // Only ciphertext in the outbox: no answer, note or country readable in any file.
    let names: Vec<String> = std::fs::read_dir(&outbox)
        .expect("list")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".toml.age")), "{names:?}");
    for n in &names {
        let bytes = std::fs::read(outbox.join(n)).expect("read");
        for secret in [
            "Burkina",
            "Discussed at length",
            "mechanism_in_place",
            "tip_engagement",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} is readable in {n}"
            );
        }
    }
    // The collator opens them.
    let db = dir.path().join("c.db");
    let out = run(
        &[
            "collate",
            "--db",
            &db.display().to_string(),
            "--identity",
            &key.display().to_string(),
            &outbox.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("2 new"), "{}", text(&out));
    assert_eq!(
        std::fs::metadata(&db).expect("db").permissions().mode() & 0o777,
        0o600,
        "the decrypted data is private"
    );
    // The identity may also come from the environment.
    let db_env = dir.path().join("env.db");
    let out = run(
        &[
            "collate",
            "--db",
            &db_env.display().to_string(),
            &outbox.display().to_string(),
        ],
        &[("STOCKTAKE_IDENTITY", &key)],
    );
    assert!(text(&out).contains("2 new"), "{}", text(&out));
    // Someone else's key, or none, opens nothing: quarantined, with the reason.
    let other = dir.path().join("other.key");
    new_key(&other);
    let db2 = dir.path().join("other.db");
    let out = run(
        &[
            "collate",
            "--db",
            &db2.display().to_string(),
            "--identity",
            &other.display().to_string(),
            &outbox.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("quarantined (not for this collator)"),
        "{}",
        text(&out)
    );
    let db3 = dir.path().join("none.db");
    let out = run(
        &[
            "collate",
            "--db",
            &db3.display().to_string(),
            &outbox.display().to_string(),
        ],
        &[],
    );
    assert!(
        text(&out).contains("quarantined (no identity)"),
        "{}",
        text(&out)
    );
    // A truncated or altered ciphertext is quarantined; the rest goes on.
    let damaged = dir.path().join("damaged");
    std::fs::create_dir(&damaged).expect("dir");
    let first = std::fs::read(outbox.join(&names[0])).expect("read");
    std::fs::write(damaged.join("cut.toml.age"), &first[..first.len() - 40]).expect("write");
    let mut flipped = std::fs::read(outbox.join(&names[1])).expect("read");
    let at = flipped.len() - 100;
    flipped[at] ^= 0x10;
    std::fs::write(damaged.join("flipped.toml.age"), &flipped).expect("write");
    std::fs::copy(outbox.join(&names[0]), damaged.join("fine.toml.age")).expect("copy");
    let db4 = dir.path().join("damaged.db");
    let out = run(
        &[
            "collate",
            "--db",
            &db4.display().to_string(),
            "--identity",
            &key.display().to_string(),
            &damaged.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert_eq!(
        t.matches("quarantined (damaged ciphertext)").count(),
        2,
        "{t}"
    );
    assert!(t.contains("1 new"), "{t}");
}

#[test]
fn a_guide_can_name_its_collators_and_plain_files_can_be_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let key = dir.path().join("collator.key");
    let recipient = new_key(&key);
    // A copy of the coordinator guide that names the collator: its sessions travel encrypted
    // even with no recipient in any config.
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    let text_v = stocktake::guide::BUNDLED[0].1.replacen(
        "\n[[sections]]",
        &format!("\n[sync]\nrecipients = [\"{recipient}\"]\n\n[[sections]]"),
        1,
    );
    std::fs::write(guides.join("coordinator.toml"), &text_v).expect("guide");
    let catalog = stocktake::guide::Catalog::discover(&stocktake::guide::GuideDirs {
        flag: vec![guides.clone()],
        ..Default::default()
    });
    let g = catalog.get("gpc-attt-coordinator").expect("guide").clone();
    assert_eq!(g.guide.sync.recipients, vec![recipient.clone()]);
    let data = dir.path().join("data");
    {
        let (mut store, _) = Store::open(&data, system_clock()).expect("store");
        let (_, mut ss) =
            support::create_call(&mut store, &g, &support::new_call(&[Structure::CpAor]))
                .expect("call");
        let mut s = ss.remove(0);
        store
            .lock_session(&s.id, stocktake::store::Claim::IfFree)
            .expect("lock");
        let now = store.now();
        s.set_value(
            &g.guide,
            "consent",
            stocktake::session::Value::YesNo(true),
            now,
        )
        .expect("v");
        s.set_value(
            &g.guide,
            "tip_engagement",
            stocktake::session::Value::Choice("anecdotal_only".into()),
            now,
        )
        .expect("v");
        s.complete(&g.guide, now).expect("complete");
        store
            .apply(&Change::complete(
                &s,
                &g.guide,
                stocktake::interview::freeze(&s, &g),
            ))
            .expect("freeze");
    }
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&outbox).expect("outbox");
    let out = run(
        &[
            "sync",
            "--data-dir",
            &data.display().to_string(),
            "--to",
            &outbox.display().to_string(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let names: Vec<String> = std::fs::read_dir(&outbox)
        .expect("list")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.len() == 1 && names[0].ends_with(".toml.age"),
        "{names:?}"
    );
    // A plain file beside it is refused when the collator requires encryption.
    std::fs::write(outbox.join("plain.toml"), stocktake::guide::BUNDLED[0].1).expect("plain");
    let db = dir.path().join("c.db");
    let out = run(
        &[
            "collate",
            "--require-encrypted",
            "--guides",
            &guides.display().to_string(),
            "--db",
            &db.display().to_string(),
            "--identity",
            &key.display().to_string(),
            &outbox.display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("quarantined (not encrypted)"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("1 new"), "{}", text(&out));
}

#[test]
fn a_recipient_that_is_not_a_key_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "outbox = \"/tmp\"\nrecipients = [\"age1notakey\"]\n",
    )
    .expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sync", "--data-dir"])
        .arg(dir.path().join("data"))
        .env("STOCKTAKE_CONFIG", &config)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("config.toml:2:") && text(&out).contains("is not an age recipient"),
        "{}",
        text(&out)
    );
    let guide = dir.path().join("g.toml");
    std::fs::write(
        &guide,
        support::bundled_text("tip-indicators-labour.toml").replacen(
            "\n[[sections]]",
            "\n[sync]\nrecipients = [\"age1notakey\"]\n\n[[sections]]",
            1,
        ),
    )
    .expect("guide");
    let out = run(&["guide", "check", &guide.display().to_string()], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("a recipient must be an age public key"),
        "{}",
        text(&out)
    );
}
