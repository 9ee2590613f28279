//! `stocktake sessions` on a store made through the public API.

mod support;

use std::process::Command;

use stocktake::guide::Structure;
use stocktake::session::{Change, Field, Value};
use stocktake::store::{Claim, Store};
use support::{TestClock, coordinator, new_call};

fn make_store(dir: &std::path::Path, response: &str) -> Vec<String> {
    let (tc, clock) = TestClock::new();
    let (mut store, _) = Store::open(dir, clock).expect("store");
    let g = coordinator();
    let mut call = new_call(&[Structure::ProtectionCluster, Structure::Other]);
    call.response = response.to_string();
    call.structures[1].1 = "Cash working group".into();
    // Consent not asked on the form: the Other session stays a draft until it is.
    call.consent = None;
    let (_, sessions) = support::create_call(&mut store, &g, &call).expect("call");
    let mut s = sessions[0].clone();
    store.lock_session(&s.id, Claim::IfFree).expect("lock");
    tc.advance(90);
    for (q, v) in [("consent", true), ("tip_is_issue", true)] {
        s.set_value(&g.guide, q, Value::YesNo(v), tc.now())
            .expect("edit");
        store
            .apply(&Change::answer(&s, &g.guide, q, Field::Answer))
            .expect("save");
    }
    sessions.into_iter().map(|s| s.id).collect()
}

#[test]
fn lists_sessions_with_progress_and_status() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = make_store(dir.path(), "South Sudan");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sessions", "--wide"])
        .env("STOCKTAKE_DATA_DIR", dir.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with("SESSION") && lines[0].contains("REQUIRED"));
    let first: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(first[0], ids[0]);
    assert!(lines[1].contains("gpc-attt-coordinator v3"));
    assert!(
        lines[1].contains("in_progress") && lines[1].contains(" 1/2 "),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("2018-03-14T09:01:30Z"),
        "last change: {}",
        lines[1]
    );
    assert!(lines[2].contains("other: Cash working group") && lines[2].contains("draft"));
}

#[test]
fn json_carries_every_field_for_scripts() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = make_store(dir.path(), "Iraq");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sessions", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], ids[0].as_str());
    assert_eq!(rows[0]["response"], "Iraq");
    assert_eq!(rows[0]["required_answered"], 1);
    assert_eq!(rows[0]["required"], 2);
    assert_eq!(rows[1]["structure_label"], "Cash working group");
}

#[test]
fn an_empty_store_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sessions", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("No sessions yet in "));
}

#[test]
fn escape_sequences_in_stored_text_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("dir");
    make_store(dir.path(), "Sy\u{1b}]0;pwned\u{7}ria");
    for args in [&["sessions"][..], &["sessions", "--json"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
            // English unless a test asks otherwise: the words follow the locale.
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .expect("run");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
            "{args:?}: {stdout:?}"
        );
    }
}

#[test]
fn an_unusable_data_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["sessions", "--data-dir"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("stocktake: ") && stderr.contains("this is a file, not a folder"),
        "{stderr}"
    );
}

#[test]
fn the_list_fits_80_columns_whatever_the_names() {
    let dir = tempfile::tempdir().expect("dir");
    make_store(
        dir.path(),
        "République démocratique du Congo — Kasaï-Oriental et Lomami",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .arg("sessions")
        .env("STOCKTAKE_DATA_DIR", dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "RESPONSE         STRUCTURE       STATUS       REV  REQUIRED  CHANGED (UTC)\n\
         République dém…  PC              in progress  1    1/2       2018-03-14 09:01\n\
         République dém…  Cash working …  draft        1    0/2       2018-03-14 09:00\n"
    );
    for l in stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

#[test]
fn wide_characters_are_cut_by_display_width_and_wide_keeps_every_column_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let response = "南スーダン共和国・ジョングレイ州とアッパーナイル州";
    make_store(dir.path(), response);
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
            // English unless a test asks otherwise: the words follow the locale.
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .env("STOCKTAKE_DATA_DIR", dir.path())
            .output()
            .expect("run");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).expect("whole UTF-8 characters only")
    };
    let narrow = run(&["sessions"]);
    for l in narrow.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
    // 15 columns: seven characters of two columns each, then the ellipsis.
    assert!(narrow.contains("南スーダン共和…  PC"), "{narrow}");
    let wide = run(&["sessions", "--wide"]);
    let header: Vec<&str> = wide
        .lines()
        .next()
        .unwrap_or_default()
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        header,
        [
            "SESSION",
            "CALL",
            "GUIDE",
            "STRUCTURE",
            "RESPONSE",
            "STATUS",
            "REV",
            "REQUIRED",
            "LAST CHANGE"
        ]
    );
    assert!(wide.contains(response), "{wide}");
    assert!(wide.contains("other: Cash working group"), "{wide}");
    assert!(!wide.contains('…'), "{wide}");
}

#[test]
fn the_list_in_french_still_fits_80_columns_and_wide_names_every_column() {
    let dir = tempfile::tempdir().expect("dir");
    make_store(
        dir.path(),
        "République démocratique du Congo — Kasaï-Oriental et Lomami",
    );
    let run = |args: &[&str], lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
            // English unless a test asks otherwise: the words follow the locale.
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .env("STOCKTAKE_DATA_DIR", dir.path())
            .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
            .env_remove("STOCKTAKE_UI_LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    // The default structures by their French short names (CP: Cluster Protection).
    let narrow = run(&["--ui-language", "fr", "sessions"], "C.UTF-8");
    assert_eq!(
        narrow,
        "RÉPONSE          RÉPONDANT       ÉTAT       RÉV  REQUIS  MODIFIÉ (UTC)\n\
         République dém…  CP              en cours   1    1/2     2018-03-14 09:01\n\
         République dém…  Cash working …  brouillon  1    0/2     2018-03-14 09:00\n"
    );
    for l in narrow.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
    // The locale alone chooses French too; --wide keeps the status codes of --json.
    let wide = run(&["sessions", "--wide"], "fr_FR.UTF-8");
    let header = wide.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("SESSION")
            && header.contains("APPEL")
            && header.contains("DERNIÈRE MODIFICATION"),
        "{wide}"
    );
    assert!(wide.contains("in_progress"), "{wide}");
    let empty = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["--ui-language", "fr", "sessions"])
        .env("STOCKTAKE_DATA_DIR", empty.path())
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Aucune session pour l'instant dans "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
