//! Bugs of the command line: pipes, paths, keys, imports and what the commands say.

use std::path::Path;
use std::process::Command;

use crate::support::{self, TestClock};
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;

use super::common::*;

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

#[test]
fn a_guide_planted_in_the_working_folder_is_confirmed_before_it_is_used() {
    let dir = tempfile::tempdir().expect("dir");
    let planted = tempfile::tempdir().expect("cwd");
    let (attacker, _) = stocktake::sync::new_identity("now");
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("interview-guides/gpc-attt-coordinator.toml"),
    )
    .expect("bundled guide");
    // Same id, its own recipients: every session would be encrypted to the planter only.
    let evil = source.replacen(
        "\n[[sections]]",
        &format!("\n[sync]\nrecipients = [\"{attacker}\"]\n\n[[sections]]"),
        1,
    );
    std::fs::write(planted.path().join("gpc-attt-coordinator.toml"), evil).expect("plant");
    let catalog = Catalog::discover(&stocktake::guide::GuideDirs {
        flag: Vec::new(),
        project: Some(planted.path().to_path_buf()),
        config: None,
    });
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
    let mut d = Driver::new(store, catalog, "amina", Theme { color: false });
    d.press("nMali<C-s>");
    // Nothing is created before the interviewer has seen where the guide comes from.
    let db = raw(&dir);
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 0);
    let s = d.screen(100, 30);
    assert!(s.contains("A guide from outside stocktake"), "{s}");
    assert!(s.contains("replaces the bundled guide"), "{s}");
    assert!(s.contains(&attacker[..20]), "the recipient is shown: {s}");
    d.press("c");
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 0, "cancelled");
    // Used once confirmed, and not asked again.
    d.press("<C-s>u");
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 1);
    d.press("<esc><esc>nIraq<C-s>");
    assert_eq!(
        count(&db, "SELECT count(*) FROM calls"),
        2,
        "{}",
        d.screen(80, 24)
    );
}

/// Issue 20.13: `min = nan` was read as no minimum at all, so the guide passed its check
/// and its number question took any value.
#[test]
fn a_guide_whose_bound_is_not_a_number_fails_its_check() {
    let dir = tempfile::tempdir().expect("dir");
    let text = support::bundled_text("tip-indicators-labour.toml");
    let file = dir.path().join("nan.toml");
    for (bound, with) in [
        ("min = 0\nmax = 100000", "min = nan\nmax = 100000"),
        ("min = 0\nmax = 100000", "min = 0\nmax = inf"),
    ] {
        assert!(
            text.contains(bound),
            "the guide has a bounded number question"
        );
        std::fs::write(&file, text.replacen(bound, with, 1)).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
            // English unless a test asks otherwise: the words follow the locale.
            .env("LC_ALL", "C.UTF-8")
            .args(["guide", "check"])
            .arg(&file)
            .env("STOCKTAKE_CONFIG", "/nonexistent")
            .output()
            .expect("run");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{with}: {said}");
        assert!(
            said.contains("nan.toml:") && said.contains("finite number"),
            "{said}"
        );
    }
}

#[test]
fn a_db_that_is_a_folder_says_error_code_14() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path().display().to_string();
    let want = format!(
        "stocktake: {d}: is a folder, not a collation database; name the database file, e.g. --db {d}/season.db\n"
    );
    for args in [
        vec!["conflicts", "--db", &d],
        vec!["report", "--db", &d, "--out", "r"],
        vec!["collate", "--db", &d, "."],
    ] {
        let (code, out, err) = stocktake_in(dir.path(), &args, &[]);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (1, "", want.as_str()),
            "{args:?}"
        );
    }
}

#[test]
fn report_out_on_a_file_reads_the_whole_collation_then_says_file_exists() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    std::fs::write(dir.path().join("taken"), "mine").expect("file");
    let (code, out, err) =
        stocktake_in(dir.path(), &["report", "--db", &db, "--out", "taken"], &[]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: taken: exists and is not a folder; name a folder for the report with --out DIR (it is created, private, if missing)\n"
        ),
        "checked before reading anything"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken")).expect("read"),
        "mine"
    );
}

#[test]
fn importing_an_encrypted_file_says_it_is_not_utf8_text() {
    let dir = tempfile::tempdir().expect("dir");
    let name = "2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml.age";
    std::fs::copy(fixtures().join(name), dir.path().join(name)).expect("copy");
    // Under a name that does not say so, too: the first bytes tell.
    std::fs::copy(fixtures().join(name), dir.path().join("from-usb.toml")).expect("copy");
    for file in [name, "from-usb.toml"] {
        let (code, out, err) = stocktake_in(dir.path(), &["import", file], &[]);
        assert_eq!(
            (code, out.as_str(), err),
            (
                1,
                "",
                format!(
                    "{file}: encrypted for the collator (age): import cannot open it, only the collator's identity can; import the plain .toml file from the store it was written from, or, as the collator, read it with stocktake collate --identity FILE\n"
                )
            )
        );
    }
}

#[test]
fn import_of_a_folder_fails_though_collate_walks_folders() {
    let dir = tempfile::tempdir().expect("dir");
    let (files, _) = collated(dir.path());
    let (code, out, err) = stocktake_in(dir.path(), &["import", "files"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "files/2018-03-14_lswdn_cp_aor_01M8SZZMPGQRZZCNBTSZ3S3D9C_r1.toml: imported: السودان · cp_aor revision 1\n\
         files/2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml: imported: Україна · protection_cluster revision 1\n"
    );
    assert!(files.is_dir());
}

#[test]
fn collate_of_a_missing_path_still_creates_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["collate", "--db", "new.db", "/nonexistent"],
        &[],
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: /nonexistent: No such file or directory (os error 2); nothing was collated and no database was created\n"
        )
    );
    assert!(!dir.path().join("new.db").exists());
}

#[test]
fn report_for_an_unknown_guide_writes_an_empty_report_and_exits_0() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--guide", "nope"],
        &[],
    );
    assert_eq!(
        (code, out.as_str(), err),
        (
            1,
            "",
            format!(
                "stocktake: no guide `nope` in {db}; its sessions were made with: gpc-attt-coordinator\n"
            )
        )
    );
    assert!(!dir.path().join("r").exists(), "no report written");
}

#[test]
fn keys_show_on_a_file_that_is_no_key_says_invalid_bech32_encoding() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("notes.txt"), "# my keys\nhello\n").expect("write");
    let (code, out, err) = stocktake_in(dir.path(), &["keys", "show", "notes.txt"], &[]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: notes.txt: not an age identity file (line 2 is neither a comment nor an AGE-SECRET-KEY-1… key); give the file `stocktake keys new --out FILE` wrote\n"
        )
    );
}

#[test]
fn keys_new_echoes_escape_sequences_in_its_path_raw() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["keys", "new", "--out", "k\u{1b}]0;owned\u{7}.key"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("age1") && !out.contains('\u{1b}'), "{out}");
    assert_eq!(
        err,
        "created k\\u{1b}]0;owned\\u{7}.key (readable by you alone: keep it safe and backed up; whoever holds it reads every session)\n"
    );
}

#[test]
fn import_errors_print_a_newline_in_a_path_as_a_line_break() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("a\nb.toml"), "not a session\n").expect("write");
    std::fs::write(dir.path().join("plain"), "").expect("write");
    let (code, _, err) = stocktake_in(dir.path(), &["import", "a\nb.toml"], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "a\\u{a}b.toml:1:1: no digest line: a session file starts with digest = \"sha256:...\"\n"
    );
    // The store's own errors name the data dir, which may hold a newline too.
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["import", "a\nb.toml"],
        &[("STOCKTAKE_DATA_DIR", "plain/x\ny")],
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "stocktake: plain/x\\u{a}y: cannot write here (Not a directory (os error 20)); check the folder's permissions or use --data-dir\n"
    );
}

#[test]
fn an_empty_stocktake_identity_makes_every_collate_fail() {
    let dir = tempfile::tempdir().expect("dir");
    let (files, db) = collated(dir.path());
    let key = fixtures().join("identity.txt").display().to_string();
    for id in [
        String::new(),
        ":".into(),
        format!(":{key}"),
        format!("{key}:"),
        format!("{key}::"),
    ] {
        let (code, out, err) = stocktake_in(
            dir.path(),
            &["collate", "--db", &db, &files.display().to_string()],
            &[("STOCKTAKE_IDENTITY", &id)],
        );
        assert_eq!(code, 0, "STOCKTAKE_IDENTITY={id:?}: {err}");
        assert!(out.contains("2 already present"), "{out}");
    }
}

/// STOCKTAKE_UI_LANGUAGE set to a language stocktake does not speak (a shared server's
/// profile) stopped every command, `--help` included; it is now left aside with a note,
/// and the locale decides. A language typed after `--ui-language` is still refused.
#[test]
fn an_unknown_stocktake_ui_language_stopped_every_command() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["sessions"],
        &[("STOCKTAKE_UI_LANGUAGE", "es"), ("LC_ALL", "fr_FR.UTF-8")],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Aucune session"),
        "the locale decides: {out}"
    );
    assert!(
        err.contains("STOCKTAKE_UI_LANGUAGE `es` n'est pas une langue que stocktake parle"),
        "{err}"
    );
    let (code, out, _) = stocktake_in(dir.path(), &["--help"], &[("STOCKTAKE_UI_LANGUAGE", "es")]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage:"), "{out}");
    let (code, _, err) = stocktake_in(dir.path(), &["--ui-language", "es", "sessions"], &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--ui-language `es` is not one stocktake speaks: en, fr"),
        "{err}"
    );
}

/// A campaign file with several bad rows printed them on one line joined by `\u{a}`: the
/// message's newlines went through the escaping meant for paths and values.
#[test]
fn a_campaign_files_bad_rows_were_printed_on_one_line_joined_by_escapes() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("c.csv"),
        "response,structure,timezone\nMali,cp_aor,Nowhere/A\nNiger,cp_aor,Nowhere/B\n",
    )
    .expect("csv");
    let (code, _, err) = stocktake_in(dir.path(), &["plan", "import", "c.csv"], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "stocktake: c.csv:2: unknown time zone `Nowhere/A`; use an IANA name such as Africa/Juba or Asia/Baghdad\n\
         stocktake: c.csv:3: unknown time zone `Nowhere/B`; use an IANA name such as Africa/Juba or Asia/Baghdad\n"
    );
}

/// The French help offered `demain 9:00` for a callback time and the field refused it:
/// only the English words were understood.
#[test]
fn the_french_help_offered_demain_for_a_callback_and_the_field_refused_it() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("c.csv"),
        "response,structure,timezone\nMali,cp_aor,Africa/Bamako\n",
    )
    .expect("csv");
    let (code, _, err) = stocktake_in(dir.path(), &["plan", "import", "c.csv"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    // Tomorrow at 9:00 in Bamako (UTC all year), on either side of a midnight.
    let tomorrow_nine = || {
        let day = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
            .tomorrow()
            .expect("tomorrow");
        format!("\"next\": \"{day}T09:00:00Z\"")
    };
    let before = tomorrow_nine();
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "--ui-language",
            "fr",
            "plan",
            "log",
            "mali/cp_aor",
            "--outcome",
            "callback",
            "--callback",
            "demain 9:00",
        ],
        &[],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    let after = tomorrow_nine();
    let (code, json, _) = stocktake_in(dir.path(), &["plan", "list", "--json"], &[]);
    assert_eq!(code, 0);
    assert!(json.contains(&before) || json.contains(&after), "{json}");
}
