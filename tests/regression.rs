//! One test per bug fixed, named after the bug, each failing on the code before its fix
//! (ripgrep's `tests/regression.rs`). Add new ones at the end. The layering bug
//! `collate_does_not_depend_on_report` lives in `tests/architecture.rs`, beside the
//! checker it uses.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

/// The TUI over a store in a folder of its own, as an interviewer runs it.
fn on_disk() -> (tempfile::TempDir, Driver, stocktake::store::Clock) {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
    let d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    (dir, d, clock)
}

/// Another connection to the same database, for what a test does behind the program's back.
fn raw(dir: &tempfile::TempDir) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw connection")
}

fn count(db: &rusqlite::Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).expect("count")
}

#[test]
fn a_completion_that_fails_to_save_still_leaves_its_revision_to_send() {
    let (dir, mut d, _) = on_disk();
    // Consent, then the classification: all the session needs to be completed.
    d.press("nIraq<C-s>1<C-f>overall<enter>1");
    // The disk fills just before the interviewer completes.
    d.store.limit_pages_for_test(Some(0)).expect("cap");
    d.press("rcy");
    let s = d.screen(80, 24);
    assert!(
        s.contains("NOT SAVED"),
        "the screen must not say completed: {s}"
    );
    assert_eq!(d.store.unsynced().expect("unsynced").len(), 0);
    // Leaving is not silent about it.
    d.press("<esc>");
    assert!(
        d.screen(80, 24).contains("Not saved yet"),
        "{}",
        d.screen(80, 24)
    );
    d.press("s");
    // Space returns: the completion is retried as a completion, with its file.
    d.store.limit_pages_for_test(None).expect("space returns");
    d.tick();
    let waiting = d.store.unsynced().expect("unsynced");
    assert_eq!(waiting.len(), 1, "the revision waits to be sent");
    let db = raw(&dir);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sessions WHERE status = 'completed'"
        ),
        1
    );
    // The file it is frozen as is the one the next revision will name as its parent.
    let parsed = stocktake::sync::parse_session_file(&waiting[0].file.content, "frozen")
        .expect("a valid session file");
    assert_eq!(parsed.digest, waiting[0].file.digest);
    // Back on the list, it is marked as waiting to sync.
    assert!(matches!(d.app.screen, Screen::Home), "{}", d.screen(80, 24));
    assert!(
        d.screen(80, 24).contains("↑completed"),
        "{}",
        d.screen(80, 24)
    );
}

#[test]
fn a_completion_held_up_by_a_busy_database_is_sent_once_it_is_free() {
    let (dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1<C-f>overall<enter>1");
    d.store
        .set_busy_timeout(Duration::from_millis(20))
        .expect("short wait");
    let other = raw(&dir);
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("another program holds the write lock");
    d.press("rcy");
    assert!(
        d.screen(80, 24).contains("NOT SAVED"),
        "{}",
        d.screen(80, 24)
    );
    other.execute_batch("COMMIT").expect("released");
    d.tick();
    assert_eq!(d.store.unsynced().expect("unsynced").len(), 1);
}

#[test]
fn changing_the_language_of_a_call_held_elsewhere_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (a_store, _) = Store::open(dir.path(), clock.clone()).expect("a");
    let mut a = Driver::new(a_store, Catalog::bundled(), "amina", Theme { color: false });
    a.press("nMali<C-s>");
    let (b_store, _) = Store::open(dir.path(), clock).expect("b");
    let mut b = Driver::new(b_store, Catalog::bundled(), "bea", Theme { color: false });
    b.press("<enter>r");
    assert!(
        b.screen(80, 24).contains("read-only"),
        "{}",
        b.screen(80, 24)
    );
    b.press("L");
    let db = raw(&dir);
    let lang: String = db
        .query_row("SELECT language FROM calls", [], |r| r.get(0))
        .expect("language");
    assert_eq!(
        lang, "en",
        "the call held by the other stocktake is unchanged"
    );
    assert!(
        b.screen(80, 24).contains("shown here only"),
        "{}",
        b.screen(80, 24)
    );
    // The one holding the call can change it.
    a.press("L");
    let lang: String = db
        .query_row("SELECT language FROM calls", [], |r| r.get(0))
        .expect("language");
    assert_eq!(lang, "fr");
}

#[test]
fn creating_a_call_is_all_or_nothing() {
    let (dir, mut d, _) = on_disk();
    // Holding the second session of the new call fails (as a lock or consent save could).
    raw(&dir)
        .execute_batch(
            "CREATE TRIGGER refuse_second_lock BEFORE INSERT ON session_locks
             WHEN (SELECT count(*) FROM session_locks) >= 1
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .expect("trigger");
    d.press("nIraq<tab><tab><space><C-s>");
    assert!(
        matches!(d.app.screen, Screen::NewCall(_)),
        "the form stays, with what was typed: {}",
        d.screen(80, 24)
    );
    let db = raw(&dir);
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM sessions"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM session_locks"), 0);
    assert!(
        d.screen(80, 24).contains("not created"),
        "{}",
        d.screen(80, 24)
    );
    // Once it can work, Ctrl-S again makes one call, not a second.
    db.execute_batch("DROP TRIGGER refuse_second_lock")
        .expect("drop");
    d.press("<C-s>");
    assert!(matches!(d.app.screen, Screen::Interview(_)));
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM sessions"), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM session_locks"), 2);
}

#[test]
fn typing_into_a_read_only_session_is_neither_kept_nor_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (a_store, _) = Store::open(dir.path(), clock.clone()).expect("a");
    let mut a = Driver::new(a_store, Catalog::bundled(), "amina", Theme { color: false });
    a.press("nMali<C-s>");
    let (b_store, _) = Store::open(dir.path(), clock).expect("b");
    let mut b = Driver::new(b_store, Catalog::bundled(), "bea", Theme { color: false });
    b.press("<enter>r<tab>");
    b.press("words that go nowhere");
    let s = b.screen(80, 24);
    assert!(!s.contains("words that go nowhere"), "{s}");
    assert!(s.contains("Read-only"), "{s}");
    let Screen::Interview(v) = &b.app.screen else {
        panic!("interview")
    };
    assert_eq!(v.tab().note.text(), "");
}

#[test]
fn option_numbers_do_not_stop_at_two_digits() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = tempfile::tempdir().expect("guides");
    let options: Vec<String> = (1..=10_000)
        .map(|i| format!("  {{ value = \"o{i}\", label = \"Option {i}\" }},"))
        .collect();
    std::fs::write(
        guides.path().join("long.toml"),
        format!(
            "id = \"long-list\"\nversion = \"1\"\ntitle = \"A very long list\"\nlanguages = [\"en\"]\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.questions]]\nid = \"pick\"\ntype = \"single\"\ntext = \"Pick one\"\noptions = [\n{}\n]\n",
            options.join("\n")
        ),
    )
    .expect("guide");
    let mut catalog = Catalog::discover(&stocktake::guide::GuideDirs {
        flag: vec![guides.path().to_path_buf()],
        project: None,
        config: None,
    });
    catalog.guides.retain(|g| g.guide.id == "long-list");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, catalog, "amina", Theme { color: false });
    d.press("nMali<C-s>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview: {}", d.screen(80, 24))
    };
    assert_eq!(v.question().id, "pick", "{}", d.screen(80, 24));
    d.press("123<pgdn>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert_eq!(
        stored.answers["pick"].value,
        Some(stocktake::session::Value::Choice("o123".into()))
    );
    d.press("<pgup>4567");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert_eq!(
        stored.answers["pick"].value,
        Some(stocktake::session::Value::Choice("o4567".into()))
    );
}

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

/// A new call for Iraq whose participants refused notes being taken (the form's consent
/// field, ninth after the response, set to No).
fn call_without_consent(d: &mut Driver) {
    d.press("nIraq<tab><tab><tab><tab><tab><tab><tab><tab><tab><right><right>");
    assert!(
        d.screen(80, 24).contains("Consent to take notes ◀ no ▶"),
        "{}",
        d.screen(80, 24)
    );
    d.press("<C-s>");
}

#[test]
fn a_refused_consent_is_said_on_screen_and_no_free_text_is_recorded() {
    let (_dir, mut d, _) = on_disk();
    call_without_consent(&mut d);
    assert!(
        d.screen(80, 24).contains("NO CONSENT"),
        "{}",
        d.screen(80, 24)
    );
    // A note on the consent question, and a general note: refused, and not shown as kept.
    d.press("<tab>Said they would rather not be quoted");
    let s = d.screen(80, 24);
    assert!(s.contains("No consent to take notes"), "{s}");
    assert!(!s.contains("rather not be quoted"), "{s}");
    d.press("<esc><C-g>An aside");
    assert!(
        !d.screen(80, 24).contains("An aside"),
        "{}",
        d.screen(80, 24)
    );
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert!(stored.notes.is_empty());
    assert!(stored.answers.values().all(|a| a.note.is_empty()));
    // Closed answers are still recorded: the interviewer's classification above all.
    d.press("<esc><C-f>overall<enter>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert!(stored.answers["tip_engagement"].value.is_some());
}

#[test]
fn free_text_typed_before_consent_was_refused_never_leaves_the_machine() {
    let (_dir, mut d, _) = on_disk();
    let outbox = tempfile::tempdir().expect("outbox");
    d.sending.outbox = Some(outbox.path().to_path_buf());
    d.press("nIraq<C-s>1<tab>The coordinator named a colleague<esc>");
    d.press("<C-g>Phone number given for a follow-up<esc>");
    // Consent withdrawn: the answer to the consent question becomes No.
    d.press("<C-f>agree<enter>2<C-f>overall<enter>1rcy");
    let files: Vec<_> = std::fs::read_dir(outbox.path())
        .expect("outbox")
        .flatten()
        .collect();
    assert_eq!(files.len(), 1, "the session was sent");
    let text = std::fs::read_to_string(files[0].path()).expect("file");
    assert!(!text.contains("named a colleague"), "{text}");
    assert!(!text.contains("follow-up"), "{text}");
    assert!(text.contains("consent = false"), "{text}");
    // The interviewer's own store keeps what was typed.
    let Screen::Home = &d.app.screen else {
        panic!("back on the list: {}", d.screen(80, 24))
    };
}

#[test]
fn a_phone_number_in_a_note_is_shown_before_the_session_is_sent() {
    let (_dir, mut d, _) = on_disk();
    let outbox = tempfile::tempdir().expect("outbox");
    d.sending.outbox = Some(outbox.path().to_path_buf());
    d.press("nIraq<C-s>1<tab>Focal point: call +964 770 123 4567 after 5pm<esc>");
    d.press("<C-g>Write to focal.point@example.org for the report<esc>");
    d.press("<C-f>overall<enter>1rc");
    let s = d.screen(80, 24);
    assert!(s.contains("Before sending: 2 findings"), "{s}");
    assert!(s.contains("+964 770 123 4567"), "{s}");
    // Completing waits until each is decided.
    d.press("c");
    assert!(
        d.screen(80, 24).contains("to decide first"),
        "{}",
        d.screen(80, 24)
    );
    assert!(
        std::fs::read_dir(outbox.path())
            .expect("outbox")
            .next()
            .is_none()
    );
    // Redact the number, keep the address, then complete.
    d.press("x");
    assert!(
        d.screen(80, 24).contains("1 finding"),
        "{}",
        d.screen(80, 24)
    );
    d.press("kcy");
    let files: Vec<_> = std::fs::read_dir(outbox.path())
        .expect("outbox")
        .flatten()
        .collect();
    assert_eq!(files.len(), 1, "sent once decided: {}", d.screen(80, 24));
    let text = std::fs::read_to_string(files[0].path()).expect("file");
    assert!(!text.contains("770 123"), "{text}");
    assert!(text.contains("call [redacted] after 5pm"), "{text}");
    assert!(
        text.contains("focal.point@example.org"),
        "kept as the interviewer chose"
    );
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

#[test]
fn a_custom_structure_is_named_by_its_label_when_completing() {
    let (_dir, mut d, _) = on_disk();
    // Untick the cluster, tick Other and name it.
    d.press("nIraq<tab><space><tab><tab><tab><space><tab>Protection Sector (South)<C-s>");
    d.press("1<C-f>overall<enter>1rc");
    let s = d.screen(100, 30);
    assert!(
        s.contains("Mark Iraq · Protection Sector (South) completed?"),
        "{s}"
    );
}

/// Issue 20.12: a stocktake killed but not yet reaped by its parent is a zombie: its pid
/// still answers signal 0 and its start time is unchanged, yet it will never write again.
#[test]
fn a_killed_holder_not_yet_reaped_does_not_hold_the_session_lock() {
    use stocktake::guide::Structure;
    use stocktake::store::Claim;
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let g = support::coordinator();
    let id = {
        let (mut a, _) = Store::open(dir.path(), clock.clone()).expect("a");
        let (_, sessions) = support::create_call(
            &mut a,
            &g,
            &support::new_call(&[Structure::ProtectionCluster]),
        )
        .expect("call");
        sessions[0].id.clone()
    };
    let mut holder = Command::new("sleep").arg("60").spawn().expect("spawn");
    let pid = holder.id();
    let stat = || std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The start time (field 22) is what the lock row records; read it while it runs.
    let fields = |s: &str| -> Vec<String> {
        s.rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let start: i64 = fields(&stat())[19].parse().expect("start time");
    holder.kill().expect("kill");
    // Killed, and deliberately not waited for: it stays a zombie until the wait below.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while fields(&stat()).first().map(String::as_str) != Some("Z") {
        assert!(
            std::time::Instant::now() < deadline,
            "never became a zombie"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    rusqlite::Connection::open(dir.path().join("stocktake.db"))
        .expect("raw")
        .execute(
            "INSERT INTO session_locks (session_id, token, pid, process_start, host, user, since) VALUES (?1, 'zombie', ?2, ?3, ?4, 'amina', '2018-03-14T09:00:00Z')",
            rusqlite::params![id, pid, start, host.trim()],
        )
        .expect("the zombie's lock");
    let (mut b, _) = Store::open(dir.path(), clock).expect("b");
    let taken = b.lock_session(&id, Claim::IfFree);
    holder.wait().expect("reaped at last");
    assert_eq!(taken.expect("a zombie holds nothing"), None);
}

/// Issue 20.13: `min = nan` was read as no minimum at all, so the guide passed its check
/// and its number question took any value.
#[test]
fn a_guide_whose_bound_is_not_a_number_fails_its_check() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, text) = stocktake::guide::BUNDLED[1];
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
