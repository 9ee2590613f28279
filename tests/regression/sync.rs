//! Bugs of session files, sync and conflicts: names, forged or damaged files, revisions.

use crate::support::{self, TestClock};
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;

use super::common::*;

#[test]
fn encrypted_file_names_leak_country_structure_and_date() {
    let dir = tempfile::tempdir().expect("dir");
    let id = data_with_a_completed_session(dir.path());
    let key = fixtures().join("identity.txt").display().to_string();
    let (code, recipient, err) = stocktake_in(dir.path(), &["keys", "show", &key], &[]);
    assert_eq!(code, 0, "{err}");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("recipients = [\"{}\"]\n", recipient.trim()),
    )
    .expect("config");
    std::fs::create_dir(dir.path().join("outbox")).expect("mkdir");
    let c = config.display().to_string();
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["sync", "--to", "outbox"],
        &[("STOCKTAKE_CONFIG", &c)],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        names_in(&dir.path().join("outbox")),
        [format!("{id}_r1.toml.age")]
    );
}

#[test]
fn sync_to_a_folder_that_does_not_exist_says_nothing_to_sync() {
    let dir = tempfile::tempdir().expect("dir");
    data_with_a_completed_session(dir.path());
    std::fs::create_dir(dir.path().join("outbox")).expect("mkdir");
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--to", "outbox"], &[]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = stocktake_in(dir.path(), &["sync", "--to", "usb"], &[]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: the outbox usb does not exist; create it (mkdir usb), or choose another with --to DIR or STOCKTAKE_OUTBOX; nothing was written\n"
        )
    );
}

#[test]
fn sync_says_nothing_of_where_each_revision_went_and_cannot_write_again() {
    let dir = tempfile::tempdir().expect("dir");
    let id = data_with_a_completed_session(dir.path());
    for d in ["outbox", "usb"] {
        std::fs::create_dir(dir.path().join(d)).expect("mkdir");
    }
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--to", "outbox"], &[]);
    assert_eq!(code, 0, "{err}");
    let name = names_in(&dir.path().join("outbox")).remove(0);
    // Nothing new: it says where and when each revision went.
    let (code, out, _) = stocktake_in(dir.path(), &["sync", "--to", "usb"], &[]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        lines[0],
        "nothing new to sync into usb: every completed revision is already written:"
    );
    let prefix = format!("  South Sudan · protection_cluster r1: {name} in outbox, ");
    assert!(lines[1].starts_with(&prefix), "{out}");
    assert!(
        lines[1][prefix.len()..].parse::<jiff::Timestamp>().is_ok(),
        "when: {out}"
    );
    assert_eq!(
        lines[2],
        "to write them all again (a copy on a USB stick, or encrypted now): stocktake sync --again --to DIR"
    );
    // --again writes them, byte for byte, and again changes nothing.
    let (code, out, err) = stocktake_in(dir.path(), &["sync", "--again", "--to", "usb"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("wrote usb/{name}\n1 file(s) written to usb\n"));
    assert_eq!(
        std::fs::read(dir.path().join("usb").join(&name)).expect("copy"),
        std::fs::read(dir.path().join("outbox").join(&name)).expect("first")
    );
    let (code, out, _) = stocktake_in(dir.path(), &["sync", "--again", "--to", "usb"], &[]);
    assert_eq!(
        (code, out),
        (
            0,
            format!("already there: usb/{name}\n0 file(s) written to usb\n")
        )
    );
    // A different file under the name is left alone.
    std::fs::write(dir.path().join("usb").join(&name), "someone else's").expect("plant");
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--again", "--to", "usb"], &[]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!(
            "not written: {name}: usb/{name} already exists with other content; it was left alone"
        )),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("usb").join(&name)).expect("read"),
        "someone else's"
    );
    assert!(name.contains(&id));
}

#[test]
fn sync_warns_nothing_when_it_writes_plain_files_into_a_folder_others_can_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    data_with_a_completed_session(dir.path());
    let open = dir.path().join("open");
    std::fs::create_dir(&open).expect("mkdir");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--to", "open"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "warning: 1 session file(s) written in clear to open (mode 0755): every user of this machine can list it, and the files are readable by the folder's group; encrypt them (recipients in the config or the guide), or use a drop folder the interviewers cannot read (README, \"A shared outbox on a server\")\n"
    );
    // A folder of one's own says nothing.
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).expect("mkdir");
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--again", "--to", "mine"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn conflicts_show_codes_cut_notes_and_still_say_pick_a_winner_once_resolved() {
    use stocktake::session::Value;
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    let b1 = f.session(
        "Mali",
        stocktake::guide::Structure::GbvAor,
        "not_working_not_aware",
    );
    let x = f.revise(&b1, support::files::classify("anecdotal_only"));
    let long_note =
        "The working group meets monthly in Bamako and reports to the cluster; ".repeat(4);
    let y = f.revise(&b1, |s, g, now| {
        s.set_value(
            g,
            "tip_engagement",
            Value::Choice("mechanism_in_place".into()),
            now,
        )
        .expect("edit");
        s.set_note(g, "tip_engagement", &long_note, now)
            .expect("note");
        s.set_value(g, "tip_is_issue", Value::YesNo(true), now)
            .expect("edit");
    });
    for (name, s) in [("b1", &b1), ("x", &x), ("y", &y)] {
        std::fs::write(files.join(format!("{name}.toml")), support::files::bytes(s))
            .expect("write");
    }
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", "files"], &[]);
    assert_eq!(code, 0, "{err}");
    let (dx, dy) = (
        stocktake::collate::short(&support::files::digest(&x).to_string()),
        stocktake::collate::short(&support::files::digest(&y).to_string()),
    );
    let (code, out, _) = stocktake_in(dir.path(), &["conflicts", "--db", "c.db"], &[]);
    assert_eq!(code, 0);
    // Each revision on its own line: who made it, when, and where its file came from.
    for (d, when, file) in [(&dx, "09:02", "x.toml"), (&dy, "09:03", "y.toml")] {
        let line = out
            .lines()
            .position(|l| l.starts_with(&format!("  {d}  revision 2, completed 2018-03-14T{when}:00Z, made by amina (as the file records it), collated ")))
            .unwrap_or_else(|| panic!("{d}: {out}"));
        let from = out.lines().nth(line + 1).unwrap_or_default();
        assert!(
            from.trim_start().starts_with("from /")
                && from.contains(&format!("/files/{file} (file owner: ")),
            "{out}"
        );
    }
    // Labels from the guide, not codes; the question's own words.
    assert!(out.contains("  tip_engagement: Overall, how does this structure engage with trafficking in persons?\n"), "{out}");
    assert!(out.contains(&format!("    {dx}  Aware of anecdotal information on TIP prevalence · note: Discussed at length.\n")), "{out}");
    assert!(
        out.contains(&format!(
            "    {dy}  Mechanisms in place, e.g. a TIP working group · note: The working"
        )),
        "{out}"
    );
    let issue = out
        .split("\n\n")
        .find(|p| p.starts_with("  tip_is_issue: "))
        .expect("tip_is_issue differs");
    assert!(
        issue.contains(&format!("    {dx}  (no answer recorded)")),
        "{issue}"
    );
    assert!(issue.contains(&format!("    {dy}  Yes")), "{issue}");
    assert!(
        !out.contains("anecdotal_only") && !out.contains("mechanism_in_place"),
        "{out}"
    );
    // Cut to a line, and whole with --full.
    assert!(!out.contains(long_note.trim_end()), "{out}");
    let (_, full, _) = stocktake_in(dir.path(), &["conflicts", "--db", "c.db", "--full"], &[]);
    assert!(full.contains(long_note.trim_end()), "{full}");
    // One answer from the other revision; the report takes it, and undo gives it back.
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["resolve", "--db", "c.db", "--answer", "tip_engagement", &dx],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "tip_engagement: the report uses the answer of {dx}, whichever revision is kept (undo: stocktake resolve --undo --db c.db --answer tip_engagement {dx})\nthis conflict still needs the revision to keep: stocktake resolve --db c.db DIGEST\n"
        )
    );
    let engagement = || {
        let cdb = stocktake::collate::CollationDb::open(&dir.path().join("c.db")).expect("db");
        let r = stocktake::report::Report::build(&cdb, Default::default()).expect("report");
        let row = &r.sections[0].sessions[0];
        (
            row.answers["tip_engagement"]
                .values()
                .map(str::to_string)
                .collect::<Vec<_>>(),
            row.answers.contains_key("tip_is_issue"),
        )
    };
    // y is the head by rule (completed later); its tip_is_issue stays, its classification
    // is x's.
    assert_eq!(engagement(), (vec!["anecdotal_only".to_string()], true));
    let (code, out, _) = stocktake_in(dir.path(), &["resolve", "--db", "c.db", &dy], &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "{dy} is kept over {dx}; the report uses it (undo: stocktake resolve --undo --db c.db {dy})\nthis conflict is resolved; no conflict is left\n"
        )
    );
    assert_eq!(engagement(), (vec!["anecdotal_only".to_string()], true));
    let (_, out, _) = stocktake_in(dir.path(), &["conflicts", "--db", "c.db"], &[]);
    assert!(
        out.contains("  resolved: ") && out.contains("  ✓ chosen"),
        "{out}"
    );
    assert!(
        out.ends_with("1 conflict(s), all resolved: nothing left to do (to take a choice back: stocktake resolve --undo --db c.db DIGEST)\n"),
        "{out}"
    );
    assert!(!out.contains("Pick a winner"), "{out}");
    let (code, out, _) = stocktake_in(
        dir.path(),
        &[
            "resolve",
            "--db",
            "c.db",
            "--undo",
            "--answer",
            "tip_engagement",
            &dx,
        ],
        &[],
    );
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "tip_engagement: the choice is taken back; the answer comes from the revision kept again\nthis conflict is resolved; no conflict is left\n"
        )
    );
    assert_eq!(engagement(), (vec!["mechanism_in_place".to_string()], true));
    // Nothing to choose where the revisions agree.
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["resolve", "--db", "c.db", "--answer", "consent", &dx],
        &[],
    );
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "stocktake: c.db: the revisions of this conflict do not differ on `consent`: nothing to choose; they differ on tip_engagement, tip_is_issue\n"
        )
    );
}

#[test]
fn reopening_a_session_at_revision_1000000_writes_a_revision_no_reader_accepts() {
    // A file at the bound imports (readers accept up to 1,000,000), as one from a
    // forger or a broken tool would.
    let dir = tempfile::tempdir().expect("dir");
    let mut f = support::files::Factory::new();
    let mut s = f.session("Chad", stocktake::guide::Structure::CpAor, "anecdotal_only");
    s.revision = stocktake::session::MAX_REVISION;
    let file = dir.path().join("at-the-bound.toml");
    std::fs::write(&file, support::files::bytes(&s)).expect("write");
    let (code, _, err) = stocktake_in(dir.path(), &["import", "at-the-bound.toml"], &[]);
    assert_eq!(code, 0, "{err}");

    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(&dir.path().join("data"), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    d.press("<enter>");
    let asked = d.screen(80, 24);
    assert!(!asked.contains("Reopening starts revision"), "{asked}");
    assert!(asked.contains("cannot be reopened"), "{asked}");
    // The key is not offered; and a list shown before the session got there (another
    // stocktake imported it meanwhile) still leads to a refusal, with the session as it
    // came in and not left held by this stocktake.
    d.press("<A-r>");
    d.press("c");
    d.run(vec![stocktake::tui::msg::Effect::Reopen {
        call_id: s.call_id.clone(),
        session_id: s.id.clone(),
        by: "amina".into(),
    }]);
    let said = d.screen(200, 24);
    assert!(
        said.contains("this session is at revision 1000000, the last one a session file can carry"),
        "{said}"
    );
    let stored = d.store.load_session(&s.id).expect("stored");
    assert_eq!(
        (stored.status, stored.revision),
        (stocktake::session::Status::Completed, 1_000_000)
    );
    let db = rusqlite::Connection::open(dir.path().join("data/stocktake.db")).expect("raw");
    assert_eq!(count(&db, "SELECT count(*) FROM session_locks"), 0);
    // The session itself refuses to go past the bound, whoever asks.
    let g = support::coordinator();
    let mut at = stored.clone();
    let e = stocktake::interview::reopen(
        &mut at,
        &g,
        support::files::digest(&stored),
        d.store.now(),
        "amina",
    )
    .expect_err("past the bound");
    assert_eq!(
        e.to_string(),
        "this session is at revision 1000000, the last one a session file can carry (a reader refuses any later one): it cannot be reopened. Look at it read-only; to record more, start a new call"
    );
    assert_eq!(at.revision, 1_000_000, "nothing changed");
}

#[test]
fn a_forged_file_that_says_consent_was_refused_brings_its_free_text_into_the_collation() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    // A genuine session with a note, then the same file saying consent was refused.
    let s = f.session("Chad", stocktake::guide::Structure::CpAor, "anecdotal_only");
    let text = String::from_utf8(support::files::bytes(&s)).expect("utf8");
    let (_, body) = text.split_once('\n').expect("digest line");
    assert!(body.contains("note = \"Discussed at length.\""), "{body}");
    let forged = body
        .replacen("consent = true", "consent = false", 1)
        .replacen(
            "[answers.consent]\nstatus = \"answered\"\ntype = \"yes_no\"\nvalue = \"yes\"",
            "[answers.consent]\nstatus = \"answered\"\ntype = \"yes_no\"\nvalue = \"no\"",
            1,
        );
    assert_ne!(forged, body);
    std::fs::write(files.join("forged.toml"), with_digest(&forged)).expect("write");
    // The same session refused consent for real: what stocktake sends still comes in.
    let mut refused = f.session(
        "Mali",
        stocktake::guide::Structure::GbvAor,
        "anecdotal_only",
    );
    refused.answers.get_mut("consent").expect("answered").value =
        Some(stocktake::session::Value::YesNo(false));
    std::fs::write(files.join("refused.toml"), support::files::bytes(&refused)).expect("write");

    let (code, out, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", "files"], &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(
            "quarantined (free text without consent): files/forged.toml: says consent to take notes was refused, yet carries free text in `answers.tip_engagement.note`; stocktake never sends free text without consent, so this file was altered or made by another tool, and none of it is read: ask its sender for the file stocktake wrote\n"
        ),
        "{err}"
    );
    assert!(out.contains("1 new"), "{out}");
    let db = rusqlite::Connection::open(dir.path().join("c.db")).expect("db");
    assert_eq!(
        count(&db, "SELECT count(*) FROM answers WHERE note != ''"),
        0
    );
}

#[test]
fn a_field_a_megabyte_long_is_quoted_whole_in_its_quarantine_reason_on_every_collate() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    let s = f.session("Chad", stocktake::guide::Structure::CpAor, "anecdotal_only");
    let text = String::from_utf8(support::files::bytes(&s)).expect("utf8");
    let (_, body) = text.split_once('\n').expect("digest line");
    let big = "a".repeat(1_000_000);
    let consent = "[answers.consent]\nstatus = \"answered\"\ntype = \"yes_no\"\nvalue = \"yes\"";
    assert!(body.contains(consent), "{body}");
    let forged = [
        (
            "format",
            body.replacen(
                "format = \"stocktake.session.v1\"",
                &format!("format = \"{big}\""),
                1,
            ),
        ),
        (
            "structure",
            body.replacen(
                "structure = \"cp_aor\"",
                &format!("structure = \"{big}\""),
                1,
            ),
        ),
        (
            "status",
            body.replacen(
                consent,
                &consent.replace("\"answered\"", &format!("\"{big}\"")),
                1,
            ),
        ),
        (
            "type",
            body.replacen(
                consent,
                &consent.replace("\"yes_no\"", &format!("\"{big}\"")),
                1,
            ),
        ),
        (
            "value",
            body.replacen(
                consent,
                &consent.replace("\"yes\"", &format!("\"{big}\"")),
                1,
            ),
        ),
        (
            "question",
            body.replacen("[answers.consent]", &format!("[answers.{big}]"), 1),
        ),
        (
            "option",
            body.replacen(
                "value = \"anecdotal_only\"",
                &format!("value = \"{big}\""),
                1,
            ),
        ),
        (
            "note-question",
            format!(
                "{body}\n[[notes]]\nat = 2018-03-14T09:15:25Z\ntext = \"x\"\nquestion = \"{big}\"\n"
            ),
        ),
    ];
    for (name, b) in &forged {
        assert_ne!(b, body, "{name}: the forgery took");
        std::fs::write(files.join(format!("{name}.toml")), with_digest(b)).expect("write");
    }
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", "files"], &[]);
    assert_eq!(code, 2, "{}", &err[..err.len().min(2_000)]);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("quarantined ("))
            .count(),
        forged.len(),
        "{}",
        &err[..err.len().min(2_000)]
    );
    assert!(err.len() < 4_000, "{} bytes on stderr", err.len());
    assert!(
        err.contains("… (1000000 characters)"),
        "the cut says how long it was: {}",
        &err[..err.len().min(2_000)]
    );
}

#[test]
fn both_sides_of_a_conflict_name_the_same_interviewer_though_another_user_reopened_it() {
    use stocktake::guide::Structure;
    use stocktake::session::Value;
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).expect("files");
    // Amina's session, and her own second revision.
    let mut f = support::files::Factory::new();
    let s = f.session("Mali", Structure::CpAor, "anecdotal_only");
    std::fs::write(files.join("r1.toml"), support::files::bytes(&s)).expect("r1");
    let hers = f.revise(&s, |n, g, now| {
        n.set_value(
            g,
            "tip_engagement",
            Value::Choice("mechanism_in_place".into()),
            now,
        )
        .expect("set");
    });
    std::fs::write(files.join("r2-amina.toml"), support::files::bytes(&hers)).expect("r2");
    // Bea imports revision 1 into her own store and reopens it from the home list.
    let (code, _, err) = stocktake_in(dir.path(), &["import", "files/r1.toml"], &[]);
    assert_eq!(code, 0, "{err}");
    let (tc, clock) = TestClock::new();
    tc.advance(86_400);
    let (store, _) = Store::open(&dir.path().join("data"), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "bea", Theme { color: false });
    d.press("<enter>");
    d.press("<A-r>");
    let mut theirs = d.store.load_session(&s.id).expect("reopened");
    assert_eq!(theirs.edited_by.as_deref(), Some("bea"));
    assert_eq!(
        theirs.interviewer, "amina",
        "the interviewer stays who interviewed"
    );
    let g = support::coordinator();
    let now = d.store.now();
    theirs
        .set_value(
            &g.guide,
            "tip_engagement",
            Value::Choice("not_working_not_aware".into()),
            now,
        )
        .expect("set");
    theirs.complete(&g.guide, now).expect("complete");
    let file = stocktake::interview::freeze(&theirs, &g);
    d.store
        .apply(&stocktake::session::Change::complete(
            &theirs, &g.guide, file,
        ))
        .expect("frozen");
    drop(d);
    std::fs::create_dir(dir.path().join("bea-out")).expect("outbox");
    let (code, _, err) = stocktake_in(dir.path(), &["sync", "--to", "bea-out"], &[]);
    assert_eq!(code, 0, "{err}");
    let written: Vec<_> = std::fs::read_dir(dir.path().join("bea-out"))
        .expect("outbox")
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .filter(|t| t.contains("revision = 2"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        written[0].contains("\nformat = \"stocktake.session.v2\"\n")
            && written[0].contains("interviewer = \"amina\"\nedited_by = \"bea\"\n"),
        "{}",
        written[0]
    );
    // The collator sees the two second revisions, and who made each.
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["collate", "--db", "c.db", "files", "bea-out"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = stocktake_in(dir.path(), &["conflicts", "--db", "c.db"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.matches("made by bea (interviewer amina)").count(),
        1,
        "{out}"
    );
    assert_eq!(out.matches("made by amina (as").count(), 1, "{out}");
}

/// `stocktake import` looked a file's guide up among each id's newest version only, so a
/// colleague's file made with an older version of the same guide (version 1 of the
/// coordinator guide, now that version 2 is shipped) was refused as "not known here".
#[test]
fn importing_a_file_of_an_older_version_of_a_shipped_guide_was_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let name = "2018-03-14_lswdn_cp_aor_01M8SZZMPGQRZZCNBTSZ3S3D9C_r1.toml";
    std::fs::copy(fixtures().join(name), dir.path().join(name)).expect("copy");
    let (code, out, err) = stocktake_in(dir.path(), &["import", name], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{name}: imported: السودان · cp_aor revision 1\n")
    );
    let (store, _) =
        Store::open(&dir.path().join("data"), stocktake::store::system_clock()).expect("store");
    let s = store.summaries().expect("list").remove(0);
    assert_eq!(
        (s.guide_id.as_str(), s.guide_version.as_str()),
        ("gpc-attt-coordinator", "1")
    );
}
