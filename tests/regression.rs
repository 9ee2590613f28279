//! One test per bug fixed, named after the bug, each failing on the code before its fix
//! (ripgrep's `tests/regression.rs`). Add new ones at the end. The layering bug
//! `collate_does_not_depend_on_report` lives in `tests/architecture.rs`, beside the
//! checker it uses; the synthesis's (`stocktake analyse`, the report's matrix) live in
//! `tests/analysis/regression.rs`, beside the fixtures they need.

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
    d.press("<A-r>cy");
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
    d.press("<A-r>cy");
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
    b.press("<A-l>");
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
    a.press("<A-l>");
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
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
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
    d.press("<C-f>agree<enter>2<C-f>overall<enter>1<A-r>cy");
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
    d.press("<C-f>overall<enter>1<A-r>c");
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
    d.press("1<C-f>overall<enter>1<A-r>c");
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
fn zero_width_tag_and_direction_characters_pass_into_html_markdown_and_the_terminal() {
    use stocktake::neutralise;
    use stocktake::report::{escape_html, escape_markdown};
    // A zero-width space, a right-to-left mark, a word joiner and a tag character.
    let sly = "Ju\u{200b}ba\u{200f} \u{2060}hid\u{e0041}den";
    for (shown, what) in [
        (neutralise::line(sly).into_owned(), "terminal"),
        (neutralise::fit(sly, 80), "fitted"),
        (escape_html(sly), "HTML"),
        (escape_markdown(sly), "Markdown"),
    ] {
        for c in ['\u{200b}', '\u{200f}', '\u{2060}', '\u{e0041}'] {
            assert!(
                !shown.contains(c),
                "{what}: {c:?} passed through: {shown:?}"
            );
        }
        assert!(
            shown.contains("200b"),
            "{what}: shown, not dropped: {shown}"
        );
    }
}

#[test]
fn bare_urls_become_links_in_markdown() {
    let md = stocktake::report::escape_markdown(
        "report at https://evil.example/x or www.evil.example, mail a@evil.example",
    );
    for autolink in ["https://", "www.evil", "a@evil"] {
        assert!(!md.contains(autolink), "{autolink} would be linked: {md}");
    }
}

#[test]
fn csv_cells_starting_with_a_space_a_newline_or_a_fullwidth_sign_are_not_prefixed() {
    for f in [
        " =1+1",
        "\n=1+1",
        "\u{ff1d}1+1",
        "\u{ff0b}1",
        "\u{ff0d}1",
        "\u{ff20}A1",
    ] {
        assert!(
            stocktake::report::cell(f).starts_with('\''),
            "{f:?} could be read as a formula"
        );
    }
}

#[test]
fn heavy_combining_characters_widen_a_fitted_line() {
    use unicode_width::UnicodeWidthStr;
    // One letter carrying 60 marks: a terminal spills them into the next cells.
    let zalgo = format!("Mal{}i", "\u{336}".repeat(60));
    let f = stocktake::neutralise::fit(&zalgo, 30);
    let marks = f.chars().filter(|c| *c == '\u{336}').count();
    assert!(marks <= 4, "{marks} marks kept");
    assert!(f.ends_with('…'), "the cut is visible: {f}");
    assert!(f.width() <= 30);
}

/// The real binary in a sandbox: its own data dir, no config file, no identity or outbox
/// from the environment unless `env` sets them. Returns (exit code, stdout, stderr).
fn stocktake_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    // English unless a test asks otherwise: the words follow the locale.
    c.env("LC_ALL", "C.UTF-8");
    c.args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("STOCKTAKE_IDENTITY")
        .env_remove("STOCKTAKE_OUTBOX")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The frozen v1 session files (plain and encrypted) and the test identity.
fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/session-files/v1")
}

/// A folder holding copies of two plain fixture files, and a collation of them.
fn collated(dir: &Path) -> (std::path::PathBuf, String) {
    let files = dir.join("files");
    std::fs::create_dir(&files).expect("mkdir");
    for name in [
        "2018-03-14_lswdn_cp_aor_01M8SZZMPGQRZZCNBTSZ3S3D9C_r1.toml",
        "2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    ] {
        std::fs::copy(fixtures().join(name), files.join(name)).expect("copy");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    (files, db)
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

/// The sheet names of a workbook and every text it holds, read by Python's standard
/// library: a reader independent of the writer.
fn xlsx_contents(xlsx: &Path) -> (Vec<String>, Vec<String>) {
    const READ: &str = r#"
import json, sys, zipfile
import xml.etree.ElementTree as ET
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter(NS + 'sheet')]
texts = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si'):
        texts.append(''.join(t.text or '' for t in si.iter(NS + 't')))
print(json.dumps([names, texts]))
"#;
    let out = Command::new("python3")
        .args(["-c", READ])
        .arg(xlsx)
        .output()
        .expect("python3 reads the xlsx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Session files of the coordinator guide, one per (response, structure), each changed
/// by `edit`, written into `dir/files`; and a collation database of them.
fn collated_sessions(
    dir: &Path,
    sessions: &[(&str, stocktake::guide::Structure)],
    edit: &dyn Fn(&mut stocktake::session::Session, &stocktake::guide::Guide, jiff::Timestamp),
) -> String {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    for (i, (response, structure)) in sessions.iter().enumerate() {
        let s = f.session(response, *structure, "anecdotal_only");
        let s = f.revise(&s, edit);
        std::fs::write(files.join(format!("s{i}.toml")), support::files::bytes(&s)).expect("write");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    db
}

#[test]
fn a_note_of_32768_characters_makes_report_xlsx_fail() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_sessions(
        dir.path(),
        &[("Chad", Structure::ProtectionCluster)],
        &|s, g, now| {
            s.set_note(g, "tip_engagement", &"n".repeat(32_768), now)
                .expect("a note the format allows");
        },
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "xlsx,csv"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (_, texts) = xlsx_contents(&dir.path().join("r/report.xlsx"));
    let cut = texts
        .iter()
        .find(|t| t.starts_with("nnnn"))
        .expect("the note is in the workbook");
    assert!(cut.encode_utf16().count() <= 32_767, "{}", cut.len());
    assert!(cut.ends_with(" … [cut: the whole text is in long.csv]"));
    let csv = std::fs::read_to_string(dir.path().join("r/long.csv")).expect("csv");
    assert!(csv.contains(&"n".repeat(32_768)), "the CSV has it whole");
}

#[test]
fn sixteen_thousand_options_make_report_xlsx_fail() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    let options: Vec<String> = (0..16_400)
        .map(|i| format!("{{ value = \"o{i}\", label = \"Option {i}\" }}"))
        .collect();
    let toml = format!(
        "id = \"wide\"\nversion = \"1\"\ntitle = \"Wide\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.questions]]\nid = \"many\"\ntype = \"multi\"\ntext = \"Which?\"\noptions = [{}]\n",
        options.join(", ")
    );
    std::fs::write(guides.join("wide.toml"), &toml).expect("guide");
    let g =
        stocktake::guide::load_guide_file(&guides.join("wide.toml"), stocktake::guide::Place::Flag)
            .expect("a valid guide");
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let (_, mut ss) = support::create_call(
        &mut store,
        &g,
        &support::new_call(&[stocktake::guide::Structure::CpAor]),
    )
    .expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    let chosen = (0..16_400).step_by(7).map(|i| format!("o{i}")).collect();
    s.set_value(
        &g.guide,
        "many",
        stocktake::session::Value::Choices(chosen),
        now,
    )
    .expect("answer");
    s.complete(&g.guide, now).expect("complete");
    std::fs::create_dir(dir.path().join("files")).expect("mkdir");
    std::fs::write(
        dir.path().join("files/w.toml"),
        stocktake::sync::render(&s, &g),
    )
    .expect("file");
    let guides_arg = guides.display().to_string();
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["--guides", &guides_arg, "collate", "--db", "c.db", "files"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", "c.db", "--out", "r", "--format", "xlsx"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (names, texts) = xlsx_contents(&dir.path().join("r/report.xlsx"));
    assert_eq!(
        names,
        ["Coverage", "Summary", "Long", "Wide", "Matrix", "Columns"]
    );
    assert!(
        texts.iter().any(|t| t
            == "This table has 16409 columns, more than the 16384 a sheet holds: it is whole in wide.csv (stocktake report --format csv)."),
        "the Wide sheet says where the table is"
    );
}

#[test]
fn more_rows_than_a_sheet_holds_make_report_xlsx_fail() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_sessions(
        dir.path(),
        &[
            ("Chad", Structure::ProtectionCluster),
            ("Mali", Structure::CpAor),
            ("Niger", Structure::GbvAor),
        ],
        &|_, _, _| {},
    );
    let cdb = stocktake::collate::CollationDb::open(Path::new(&db)).expect("db");
    let report = stocktake::report::Report::build(&cdb, Default::default()).expect("report");
    let questions = report.sections[0].guide.questions().count();
    // Sheets of 50 rows stand for Excel's 1,048,576: a million rows take minutes to write.
    let limits = stocktake::report::XlsxLimits {
        rows: 50,
        ..stocktake::report::XlsxLimits::EXCEL
    };
    let xlsx = dir.path().join("r.xlsx");
    stocktake::report::write_xlsx_within(&xlsx, &report, &limits).expect("written");
    let (names, texts) = xlsx_contents(&xlsx);
    // The long table, 3 × questions rows, is in long.csv only: one sheet, saying so.
    let long: Vec<&String> = names.iter().filter(|n| n.starts_with("Long")).collect();
    assert_eq!(long, ["Long"], "{names:?}");
    let note = format!(
        "{} rows, more than the 49 a sheet holds: the long table is in long.csv (stocktake report --format csv); the Wide sheet has a row per session.",
        3 * questions
    );
    assert!(
        texts.contains(&note),
        "the Long sheet says where the table is"
    );
    // Any other table continues on the next sheet, each with its header.
    let summary: Vec<&String> = names.iter().filter(|n| n.starts_with("Summary")).collect();
    assert!(summary.len() >= 2, "{names:?}");
    assert_eq!(summary[0], "Summary 1");
    assert_eq!(summary[1], "Summary 2");
}

#[test]
fn report_out_on_an_existing_folder_changes_its_mode_to_0700() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "shared", "--format", "html"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(&shared).expect("meta").mode() & 0o7777,
        0o1777
    );
    assert!(
        err.starts_with("note: shared is open to others (mode 1777): they can list it and replace or remove the files in it; its report files are readable by you alone (0600), and the folder is left as it is (a folder stocktake creates is 0700)\n"),
        "{err}"
    );
    assert_eq!(
        std::fs::metadata(shared.join("report.html"))
            .expect("meta")
            .mode()
            & 0o777,
        0o600
    );
    // A folder it creates is private.
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "new/r", "--format", "html"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(dir.path().join("new/r"))
            .expect("meta")
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn a_planted_charts_symlink_makes_the_svgs_land_elsewhere() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    let (code, _, err) = stocktake_in(dir.path(), &["report", "--db", &db, "--out", "r"], &[]);
    assert_eq!(code, 0, "{err}");
    // Someone swaps the charts folder for a link to a folder of theirs.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    std::fs::remove_dir_all(dir.path().join("r/charts")).expect("rm");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("r/charts")).expect("link");
    let (code, out, err) = stocktake_in(dir.path(), &["report", "--db", &db, "--out", "r"], &[]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        std::fs::read_dir(&elsewhere).expect("list").count(),
        0,
        "nothing lands there"
    );
    assert_eq!(
        std::fs::metadata(&elsewhere).expect("meta").mode() & 0o777,
        0o777
    );
    assert_eq!(
        err.lines().last(),
        Some(
            "stocktake: md not written: r/charts: is a symbolic link where the report keeps its charts; stocktake never writes through it: remove it and write the report again; removed the earlier r/report.md so that it cannot pass for this report"
        )
    );
    assert!(
        !dir.path().join("r/report.md").exists(),
        "no stale report.md"
    );
    assert!(
        out.contains("wrote r/report.html"),
        "the other formats are written: {out}"
    );
}

#[test]
fn a_collation_database_created_through_a_dangling_symlink_gets_0644() {
    let dir = tempfile::tempdir().expect("dir");
    let (files, _) = collated(dir.path());
    std::os::unix::fs::symlink("real.db", dir.path().join("link.db")).expect("link");
    let (code, out, err) = stocktake_in(
        dir.path(),
        &["collate", "--db", "link.db", &files.display().to_string()],
        &[],
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "stocktake: link.db: is a symbolic link to real.db, which does not exist; stocktake creates a collation database only under its real name (private, 0600): give --db real.db\n"
        )
    );
    assert!(!dir.path().join("real.db").exists());
}

/// Completed coordinator sessions, each (response, structure, custom label,
/// classification), written into `dir/files` and collated into `dir/c.db`.
fn collated_plan(dir: &Path, plan: &[(&str, stocktake::guide::Structure, &str, &str)]) -> String {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    for (i, (response, structure, label, engagement)) in plan.iter().enumerate() {
        let mut s = f.session(response, *structure, engagement);
        s.structure_label = label.to_string();
        std::fs::write(files.join(format!("s{i}.toml")), support::files::bytes(&s)).expect("write");
    }
    let db = dir.join("c.db").display().to_string();
    let (code, _, err) = stocktake_in(dir, &["collate", "--db", &db, "files"], &[]);
    assert_eq!(code, 0, "{err}");
    db
}

fn csv_of(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .expect("csv")
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn questions_hidden_by_skip_logic_are_exported_as_not_hidden_and_counted_as_no_answer() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    // tip_is_issue is left unanswered: tip_forms, groups_affected and forms_evolution
    // are hidden, and the collation has no row for them.
    let db = collated_plan(
        dir.path(),
        &[("Mali", Structure::GbvAor, "", "anecdotal_only")],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "csv,md"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let long = csv_of(&dir.path().join("r/long.csv"));
    let col = |name: &str| long[0].iter().position(|c| c == name).expect(name);
    let (q, hidden) = (col("question_id"), col("hidden"));
    for id in ["tip_forms", "groups_affected", "forms_evolution"] {
        let row = long.iter().find(|r| r[q] == id).expect(id);
        assert_eq!(row[hidden], "1", "{id} was not asked");
    }
    let row = long.iter().find(|r| r[q] == "tip_is_issue").expect("asked");
    assert_eq!(row[hidden], "0");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    let forms = md
        .split("#### ")
        .find(|s| s.starts_with("Which forms of trafficking"))
        .expect("the tip_forms table");
    assert!(forms.contains("| answer | all (n = 0) |"), "{forms}");
    assert!(!forms.contains("No answer"), "{forms}");
    assert!(
        forms.contains(
            r"_hidden for 1 session \(skip logic, or not for that structure\): not in n \(GBV AOR 1\)._"
        ),
        "{forms}"
    );
}

#[test]
fn custom_other_structures_are_reported_as_one_other() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[
            (
                "Chad",
                Structure::Other,
                "Protection Sector (South)",
                "anecdotal_only",
            ),
            (
                "Chad",
                Structure::Other,
                " protection sector  (SOUTH)",
                "mechanism_in_place",
            ),
            (
                "Iraq",
                Structure::Other,
                "Cash Working Group",
                "anecdotal_only",
            ),
            ("Iraq", Structure::ProtectionCluster, "", "anecdotal_only"),
        ],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "csv,md"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains(r"| Protection Cluster (n = 1) | Cash Working Group (n = 1) | Protection Sector \(South\) (n = 2) |"),
        "{md}"
    );
    assert!(md.contains("#### Overall, how does this structure engage with trafficking in persons? — Protection Sector \\(South\\)"));
    assert!(
        md.contains("| n = 2 sessions of Protection Sector \\(South\\) | count | % |"),
        "{md}"
    );
    assert!(
        !md.contains("— Other\n") && !md.contains(" Other (n = "),
        "no custom structure is merged into Other: {md}"
    );
    let summary = csv_of(&dir.path().join("r/summary.csv"));
    let groups: std::collections::BTreeSet<(String, String)> = summary[1..]
        .iter()
        .map(|r| (r[3].clone(), r[4].clone()))
        .collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        [
            ("other".to_string(), "Cash Working Group".to_string()),
            ("other".into(), "Protection Sector (South)".into()),
            ("protection_cluster".into(), String::new()),
        ]
    );
}

#[test]
fn quotes_are_attributed_to_the_response_and_the_structure() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[(
            "South Sudan",
            Structure::ProtectionCluster,
            "",
            "anecdotal_only",
        )],
    );
    let quote = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["report", "--db", &db, "--out", "r", "--format", "md"];
        all.extend(args);
        let (code, _, err) = stocktake_in(dir.path(), &all, env);
        assert_eq!(code, 0, "{err}");
        let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
        let at = md
            .find("> Discussed at length.")
            .expect("the note is quoted");
        md[at..].lines().nth(2).unwrap_or_default().to_string()
    };
    // By default the least that still says something: the type of structure.
    assert_eq!(quote(&[], &[]), "> — Protection Cluster · note");
    assert_eq!(quote(&["--attribution", "none"], &[]), "> — note");
    assert_eq!(
        quote(&["--attribution", "response"], &[]),
        "> — South Sudan · Protection Cluster · note"
    );
    // A config file can set another default; the flag still wins.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "attribution = \"none\"\n").expect("config");
    let c = config.display().to_string();
    assert_eq!(quote(&[], &[("STOCKTAKE_CONFIG", &c)]), "> — note");
    assert_eq!(
        quote(&["--attribution", "structure"], &[("STOCKTAKE_CONFIG", &c)]),
        "> — Protection Cluster · note"
    );
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        !md.contains("South Sudan"),
        "the response is named nowhere: {md}"
    );
}

#[test]
fn small_cells_in_a_table_by_structure_single_out_one_person() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[
            ("A", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("B", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("C", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("D", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("E", Structure::ProtectionCluster, "", "anecdotal_only"),
            ("F", Structure::GbvAor, "", "mechanism_in_place"),
        ],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report",
            "--db",
            &db,
            "--out",
            "r",
            "--format",
            "csv,md",
            "--min-cell",
            "3",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let summary = csv_of(&dir.path().join("r/summary.csv"));
    let rows: Vec<&Vec<String>> = summary
        .iter()
        .filter(|r| r[1] == "tip_engagement" && r[3] == "protection_cluster")
        .collect();
    let cell = |value: &str| {
        let r = rows.iter().find(|r| r[7] == value).expect(value);
        (r[9].clone(), r[10].clone())
    };
    assert_eq!(cell("anecdotal_only"), ("x".to_string(), String::new()));
    assert_eq!(
        cell("mechanism_in_place"),
        ("4".to_string(), "80".to_string())
    );
    // The one anecdotal session could be worked out from n = 5 and the rest: one more
    // cell of the column is hidden.
    assert_eq!(rows.iter().filter(|r| r[9] == "x").count(), 2, "{rows:?}");
    // The lone GBV AOR is a table of one person: nothing of it is shown.
    assert!(
        summary
            .iter()
            .filter(|r| r[1] == "tip_engagement" && r[3] == "gbv_aor")
            .all(|r| r[9] == "x" || r[9] == "0"),
        "{summary:?}"
    );
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains(r"_x: not shown, fewer than 3 sessions, or a count hidden so that none under 3 can be worked out from the totals \(--min-cell 3\)._"),
        "a footnote says what the mark means"
    );
}

/// A data dir in `dir/data` holding one completed session of South Sudan's protection
/// cluster; returns its session id.
fn data_with_a_completed_session(dir: &Path) -> String {
    let (mut store, _) =
        Store::open(&dir.join("data"), stocktake::store::system_clock()).expect("store");
    support::completed_session(
        &mut store,
        "South Sudan",
        stocktake::guide::Structure::ProtectionCluster,
        "mechanism_in_place",
    )
    .id
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

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
fn a_stocktake_db_symlink_has_its_target_chmodded_while_the_message_says_nothing_changed() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let mode = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).expect("metadata").mode() & 0o777
    };
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let elsewhere = dir.path().join("notes.txt");
    std::fs::write(&elsewhere, "someone else's file").expect("write");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    symlink(&elsewhere, data.join("stocktake.db")).expect("link");

    let (code, _, err) = stocktake_in(dir.path(), &["sessions"], &[]);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "stocktake: {}/stocktake.db: this is a symbolic link to {}; stocktake does not follow links to its database files, so that it never changes or writes a file elsewhere. Nothing was changed. Move that file here in the link's place\n",
                data.display(),
                elsewhere.display()
            )
        )
    );
    assert_eq!(mode(&elsewhere), 0o644, "its target is left as it was");
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "someone else's file"
    );

    // A link to nothing would have SQLite create its target; a link in place of the
    // write-ahead log would have the interviews written through it.
    std::fs::remove_file(data.join("stocktake.db")).expect("unlink");
    let nowhere = dir.path().join("nowhere.db");
    symlink(&nowhere, data.join("stocktake.db")).expect("link");
    let (_tc, clock) = TestClock::new();
    let e = Store::open(&data, clock.clone()).expect_err("a link to nothing");
    assert!(
        e.to_string().contains("which does not exist; stocktake does not follow links to its database files. Nothing was changed. Remove the link"),
        "{e}"
    );
    assert!(!nowhere.exists());
    std::fs::remove_file(data.join("stocktake.db")).expect("unlink");
    let wal = dir.path().join("wal");
    std::fs::write(&wal, "").expect("write");
    symlink(&wal, data.join("stocktake.db-wal")).expect("link");
    let e = Store::open(&data, clock).expect_err("a link for the log");
    assert!(
        e.to_string().starts_with(&format!(
            "{}/stocktake.db-wal: this is a symbolic link to",
            data.display()
        )),
        "{e}"
    );
    assert_eq!(
        std::fs::read(&wal).expect("read").len(),
        0,
        "nothing written through it"
    );
    assert!(
        !data.join("stocktake.db").exists(),
        "nor a database created"
    );
}

#[test]
fn a_named_pipe_as_stocktake_db_fails_with_disk_io_error_code_266() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::set_permissions(&data, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let fifo = data.join("stocktake.db");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let (code, _, err) = stocktake_in(dir.path(), &["sessions"], &[]);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "stocktake: {}: this is a named pipe (FIFO), not a database file; nothing was changed. Move it out of the data folder, or choose another with --data-dir\n",
                fifo.display()
            )
        )
    );
    // "Nothing was changed" holds for the folder too: it was not closed on the way.
    let mode = std::os::unix::fs::MetadataExt::mode(&std::fs::metadata(&data).expect("meta"));
    assert_eq!(mode & 0o777, 0o755);
}

#[test]
fn a_data_dir_that_is_a_link_has_its_target_closed_under_the_links_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let (_tc, clock) = TestClock::new();
    let (_store, notices) = Store::open(&link, clock).expect("open");
    let real = std::fs::canonicalize(&real).expect("canonical");
    assert_eq!(
        notices,
        vec![stocktake::store::Notice(format!(
            "{}: the data folder this link leads to ({}) was open to other users (mode 755); it is now 0700, readable by you alone",
            link.display(),
            real.display()
        ))]
    );
}

/// A session file's body with its digest line made to match, whatever the body says.
fn with_digest(body: &str) -> Vec<u8> {
    format!(
        "digest = \"{}\"\n{body}",
        stocktake::guide::Digest::of(body.as_bytes())
    )
    .into_bytes()
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

/// Issue 16: the section's guidance (the call's introduction script) was never shown.
#[test]
fn section_guidance_is_shown_on_its_first_question_and_in_the_guidance() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>");
    let s = d.screen(80, 24);
    assert!(s.contains("§ The country or response"), "{s}");
    assert!(s.contains("(Alt-G: all)"), "{s}");
    d.press("<A-g>");
    let s = d.screen(80, 24);
    assert!(s.contains("Introduce the Task Team"), "{s}");
    // Not on the section's other questions.
    d.press("<esc>1<pgdn>");
    assert!(
        !d.screen(80, 24).contains("§ The country"),
        "{}",
        d.screen(80, 24)
    );
}

/// Issue 16: the help said "20/41 · ↑↓ scroll" and did not scroll.
#[test]
fn the_help_overlay_scrolls() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>?");
    let top = d.screen(80, 24);
    assert!(top.contains("↑↓ scroll"), "{top}");
    d.press("<down><down><down>");
    assert_eq!(d.app.help_scroll, 3);
    assert_ne!(d.screen(80, 24), top);
    // Holding ↓ stops at the end, so ↑ moves at once.
    d.press(&"<down>".repeat(200));
    let end = d.app.help_scroll;
    d.press("<up>");
    assert_eq!(d.app.help_scroll, end - 1);
}

/// Issue 16: "Specify other" was reachable, and sent, when Other was not chosen.
#[test]
fn specify_other_is_neither_reachable_nor_sent_when_other_is_not_chosen() {
    let (_dir, mut d, _) = on_disk();
    // Consent, then forms of trafficking (multi, with Other) shown by "an issue: yes",
    // which moves on to them by itself.
    d.press("nIraq<C-s>1<C-f>perceived as an issue<enter>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    let other = v
        .question()
        .options
        .iter()
        .position(|o| o.other)
        .expect("an other option")
        + 1;
    assert!(other < 10, "a one-digit option");
    // Other ticked: Tab reaches its specify field.
    d.press(&format!("{other}begging rings<esc>"));
    assert!(d.screen(80, 24).contains("Specify other"));
    // Other unticked: Tab goes from the answer straight to the note; the field is gone.
    d.press(&other.to_string());
    assert!(
        !d.screen(80, 24).contains("Specify other"),
        "{}",
        d.screen(80, 24)
    );
    d.press("<tab>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    assert_eq!(v.tab().field, stocktake::session::Field::Note);
    // Kept in the store (ticking Other again brings it back) but not in the file sent.
    let s = v.session().clone();
    let q = v.question().id.clone();
    assert_eq!(s.answers[&q].other, "begging rings");
    let file = stocktake::interview::freeze(&s, &v.interview.guide);
    let content = String::from_utf8_lossy(&file.content);
    assert!(!content.contains("begging rings"), "{content}");
}

/// Issue 16: notes from the pad attached to a question were invisible on it.
#[test]
fn an_attached_pad_note_shows_on_its_question() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1<C-g>Mentions a GBV hotline<up><C-a><esc>");
    let s = d.screen(80, 24);
    assert!(s.contains("1 from the pad"), "{s}");
    assert!(s.contains("pad: Mentions a GBV hotline"), "{s}");
}

/// Issue 16: the editor wrapped at every word boundary, so a `;` could start a line.
#[test]
fn word_wrap_never_starts_a_line_with_punctuation() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1");
    // A note typed on the consent question, at every width where `;` meets the edge.
    d.press("Line dropped twice; GBV AOR coordinator left; after 30 minutes; again; and again;");
    for w in 60..=90 {
        let s = d.screen(w, 24);
        for line in s.lines() {
            let text = line.rsplit('│').next().unwrap_or(line);
            assert!(
                !text.trim_start().starts_with(';'),
                "at {w} columns a line starts with `;`:\n{s}"
            );
        }
    }
}

/// Issue 16: after a resize the editor kept the scroll of the old size, hiding the start
/// of a text that now fits.
#[test]
fn the_text_being_typed_is_not_left_scrolled_after_a_resize() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s><C-f>promising<enter>");
    for i in 1..=12 {
        d.press(&format!("Line {i}<enter>"));
    }
    assert!(!d.screen(80, 24).contains("Line 1\n"), "scrolled at 80x24");
    let big = d.screen(120, 60);
    assert!(big.contains("Line 1 ") || big.contains("Line 1\n"), "{big}");
    assert!(big.contains("Line 12"), "{big}");
}

/// Issue 16: Esc on the new-call form discarded everything typed at once.
#[test]
fn esc_on_the_new_call_form_asks_before_discarding() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<esc>");
    assert!(d.screen(80, 24).contains("Discard this call?"));
    d.press("k");
    assert!(matches!(d.app.screen, Screen::NewCall(_)));
    assert!(d.screen(80, 24).contains("South Sudan"));
}

/// Issue 16: reopening after a kill -9 in the notes pad landed on the question, not the pad.
#[test]
fn reopening_after_a_crash_in_the_notes_pad_lands_in_the_pad() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    {
        let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
        let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
        d.press("nIraq<C-s>1<C-g>Said before the line dropped");
        // Dropped here as a killed process would leave it: nothing closed, nothing unlocked.
        std::mem::forget(d);
    }
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    d.press("<enter>");
    if d.screen(80, 24).contains("take over") {
        d.press("t");
    }
    let s = d.screen(80, 24);
    assert!(
        s.contains("General notes of the Protection Cluster (1)"),
        "{s}"
    );
    assert!(s.contains("Said before the line dropped"), "{s}");
}

/// Issue 16: a reopened session's header did not say which revision is being edited.
#[test]
fn a_reopened_sessions_header_shows_its_revision() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1<C-f>overall<enter>1<A-r>cy");
    assert!(matches!(d.app.screen, Screen::Home), "{}", d.screen(80, 24));
    d.press("<enter>");
    let s = d.screen(80, 24);
    if s.contains("Reopen") || s.contains("reopen") {
        let key = if s.contains("[r]") { "r" } else { "y" };
        d.press(key);
    }
    let s = d.screen(80, 24);
    assert!(
        s.lines().next().is_some_and(|l| l.contains("r2 · §")),
        "{s}"
    );
}

/// Issue 16: "Recorded: don't know" stayed on screen after the answer was changed.
#[test]
fn recorded_dont_know_is_cleared_once_the_answer_changes() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s><A-d>");
    assert!(d.screen(80, 24).contains("Recorded: don't know"));
    d.press("1");
    assert!(
        !d.screen(80, 24).contains("Recorded: don't know"),
        "{}",
        d.screen(80, 24)
    );
}

#[test]
fn a_status_message_longer_than_the_line_was_cut_at_its_end() {
    let (_dir, mut d, _clock) = on_disk();
    let text = "Session completed, but not written to the outbox: /home/amina/stocktake/outbox is not writable; fix its permissions, then press s on the home list to send it.";
    d.app.say(stocktake::tui::outcome::Level::Error, text);
    for (w, h) in [(80, 24), (60, 20)] {
        let screen = d.screen(w, h);
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(text),
            "{w}x{h}: the whole message, wrapped:\n{screen}"
        );
        assert!(
            screen.lines().last().is_some_and(|l| l.contains("help")),
            "the hint bar stays last:\n{screen}"
        );
    }
}

/// The rows of the answer box on a screen: those between its title rule and the next
/// field's (the specify field's or the note's).
fn answer_box_rows(screen: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    let rule = |l: &&str| l.contains("Answer") && (l.contains('─') || l.contains('━'));
    let Some(top) = lines.iter().position(rule) else {
        return 0;
    };
    lines[top + 1..]
        .iter()
        .position(|l| l.contains("Note") || l.contains("Specify other"))
        .unwrap_or(0)
}

/// Issue 17: at small sizes a long-text answer box had no rows at all (four structures on
/// the call, a section's introduction and the question's guidance took them), so the
/// interviewer typed into an invisible field.
#[test]
fn a_long_text_answer_box_had_no_rows_on_a_small_terminal() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<tab><tab><space><tab><space><tab><space><tab>Anti-Trafficking Working Group<C-s>1");
    for q in ["learn from each other", "promising"] {
        d.press(&format!(
            "<C-f>{q}<enter>Said at length, over several lines of the answer box.<esc>"
        ));
        // A message long enough to take three lines of the status bar at 50 columns.
        d.app.say(
            stocktake::tui::outcome::Level::Info,
            "Anti-Trafficking Working Group added to the call, in its own tab: Ctrl-T switches to it, and Alt-T back to the one before.",
        );
        for (w, h) in [(50, 16), (60, 20), (80, 24), (120, 40), (200, 60)] {
            let s = d.screen(w, h);
            assert!(answer_box_rows(&s) >= 3, "{q} at {w}x{h}:\n{s}");
        }
    }
}

/// Issue 17: with four structures on the call, one with a long name, the tab bar at 60
/// columns read `1   2   3   4 Anti-Trafficking Working Group`: every name but one gone.
#[test]
fn the_tab_bar_kept_one_long_name_and_left_the_others_as_numbers() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<tab><tab><space><tab><space><tab><space><tab>Anti-Trafficking Working Group<C-s>");
    for (w, h) in [(50, 16), (60, 20), (80, 24)] {
        let s = d.screen(w, h);
        let tabs = s.lines().nth(1).unwrap_or_default();
        for name in ["1 Prot", "2 CP", "3 GBV", "4 Anti"] {
            assert!(tabs.contains(name), "{name} at {w}x{h}: {tabs}");
        }
    }
}

/// Issue 17: at 60 columns the home title cut the campaign's totals mid-word
/// ("2 lef"), with nothing to say that more was there.
#[test]
fn the_home_title_cut_the_campaign_totals_mid_word() {
    let (_dir, mut d, _) = on_disk();
    let csv =
        "response,structure,coordinator\nSouth Sudan,protection_cluster,Amina\nIraq,gbv_aor,Dana\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    d.store.import_campaign(&targets, None).expect("import");
    d.press("p<esc>");
    let s = d.screen(50, 16);
    let title = s.lines().next().unwrap_or_default().trim_end();
    assert!(title.ends_with('…'), "{title}");
    assert!(
        d.screen(80, 24).contains("2 due now, 0 left"),
        "{}",
        d.screen(80, 24)
    );
}

/// Issue 17: the column beside the question at 120 columns cut its own message to "No
/// guidance for this question" (one column short), with nothing to say it was cut.
#[test]
fn the_guidance_column_cut_its_no_guidance_message() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1");
    for (w, h) in [(120, 40), (200, 60)] {
        let s = d.screen(w, h);
        // The column's text: what is right of the last rule on each line.
        let column = s
            .lines()
            .filter_map(|l| l.rsplit_once('│').map(|(_, r)| r.trim()))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(column.contains("No guidance for this question."), "{s}");
    }
}

/// Issue 17: at 60 columns the plan's next call read "Wed 11:00 (theirs 11:…".
#[test]
fn the_plan_cut_the_next_call_at_60_columns() {
    let (_dir, mut d, _) = on_disk();
    let csv = "response,structure,coordinator,timezone\nMali,cp_aor,Awa,Africa/Bamako\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    d.store.import_campaign(&targets, None).expect("import");
    d.press("po3+2h<enter>");
    let s = d.screen(60, 20);
    assert!(!s.contains("(theirs"), "{s}");
    assert!(
        s.contains("Africa/Bamako:"),
        "their time, under the list: {s}"
    );
    assert!(
        d.screen(80, 24).contains("(theirs "),
        "{}",
        d.screen(80, 24)
    );
}

/// Collations started together on a new database: one was told "another stocktake kept
/// the database busy for over 30 s" at once, without waiting, because switching the new
/// database to WAL returns busy without calling the busy handler. Ten rounds, since it is a
/// race: without the fix it failed in six runs of seven.
#[test]
fn a_second_collation_was_told_busy_at_once_instead_of_waiting() {
    use stocktake::guide::Structure;
    use support::files::{Factory, bytes};
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    let mut f = Factory::new();
    for i in 0..20 {
        let s = f.session(&format!("Response {i}"), Structure::CpAor, "anecdotal_only");
        std::fs::write(files.join(format!("s{i}.toml")), bytes(&s)).expect("write");
    }
    for round in 0..10 {
        let db = dir.path().join(format!("round{round}.db"));
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_stocktake"))
                    // English unless a test asks otherwise: the words follow the locale.
                    .env("LC_ALL", "C.UTF-8")
                    .args(["collate", "--db"])
                    .arg(&db)
                    .arg(&files)
                    .env("STOCKTAKE_CONFIG", "/nonexistent")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().expect("wait");
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// A note moved to another structure (Alt-M) was in the store's history as removed here,
/// added there; after reopening, Ctrl-Z on its first tab tried to edit a note that was no
/// longer there and was refused, and in the same run the move was no step of undo at all.
#[test]
fn undoing_a_note_moved_to_another_structure_was_refused_after_reopening() {
    let (_dir, mut d, _clock) = on_disk();
    d.press("nJuba<tab><tab><space><C-s>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    let ids: Vec<String> = v.interview.sessions.iter().map(|s| s.id.clone()).collect();
    // Attached to the question, and said by the cluster's coordinator.
    d.press("<C-g>The CP AOR runs the SOPs<C-a><enter><up><A-w>");
    let taken = d.store.load_session(&ids[0]).expect("pc").notes;
    assert_eq!(taken.len(), 1);
    assert!(
        taken[0].question.is_some() && taken[0].said_by.is_some(),
        "{taken:?} {}",
        d.screen(80, 24)
    );
    d.press("<A-m><esc>");
    let moved = &d.store.load_session(&ids[1]).expect("cp").notes[0];
    assert_eq!(moved.said_by, taken[0].said_by, "who said it goes with it");
    // In the same run: Ctrl-Z on the Protection Cluster's tab brings it back there whole.
    d.press("<C-z>");
    let pc = d.store.load_session(&ids[0]).expect("pc");
    assert_eq!(pc.notes, taken, "{}", d.screen(80, 24));
    // And on the CP AOR's tab, its copy goes.
    d.press("<C-t><C-z><C-t>");
    let cp = d.store.load_session(&ids[1]).expect("cp");
    assert!(cp.notes.iter().all(|n| n.text.is_empty()), "{:?}", cp.notes);
    // Moved again, then the call left and opened again: the same from the store's history.
    d.press("<C-g><up><A-m><esc><esc>");
    d.press("<enter>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not reopened: {}", d.screen(80, 24))
    };
    assert_eq!(v.session().id, ids[0], "the Protection Cluster's tab");
    d.press("<C-z>");
    let screen = d.screen(80, 24);
    assert!(screen.contains("Undone: general note"), "{screen}");
    let pc = d.store.load_session(&ids[0]).expect("pc");
    assert_eq!(
        pc.notes, taken,
        "the same from the store's history: {screen}"
    );
    // And Ctrl-Z on the CP AOR's tab takes its copy away.
    d.press("<C-t><C-z>");
    let cp = d.store.load_session(&ids[1]).expect("cp");
    assert!(cp.notes.iter().all(|n| n.text.is_empty()), "{:?}", cp.notes);
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

/// Which structures' call-level answers came from another tab was kept in memory only: after
/// the call was left and opened again, an edit on the tab where the fact was given no
/// longer reached the structures that had taken it from there.
#[test]
fn a_call_fact_stopped_following_its_tab_after_the_call_was_reopened() {
    let (_dir, mut d, _clock) = on_disk();
    // The Protection Cluster and the CP AOR; consent, then IDPs ticked on the cluster's tab.
    d.press("nJuba<tab><tab><space><C-s>11");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    assert_eq!(v.question().id, "populations");
    let ids: Vec<String> = v.interview.sessions.iter().map(|s| s.id.clone()).collect();
    let populations = |d: &Driver, id: &str| {
        d.store
            .load_session(id)
            .expect("session")
            .answers
            .get("populations")
            .and_then(|a| a.value.clone())
    };
    let idps = stocktake::session::Value::Choices(vec!["idps".into()]);
    assert_eq!(populations(&d, &ids[1]), Some(idps));
    // Left and opened again: refugees ticked too, on the cluster's tab.
    d.press("<esc><esc><enter>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not reopened: {}", d.screen(80, 24))
    };
    assert_eq!(v.session().id, ids[0]);
    assert_eq!(v.question().id, "populations", "{}", d.screen(80, 24));
    d.press("2");
    assert_eq!(
        populations(&d, &ids[1]),
        Some(stocktake::session::Value::Choices(vec![
            "idps".into(),
            "refugees".into()
        ])),
        "the CP AOR's answer follows, as before the call was left"
    );
}

/// Unticking the last option of an answer marked volunteered and said by someone drops the
/// row, and the store's history had three entries for it (the answer, its marks, who said
/// it) where undo had one step: after reopening, Ctrl-Z tried to give a speaker to an answer
/// that was not there, was refused, and every later Ctrl-Z of the session was stuck on it.
#[test]
fn undo_was_stuck_after_reopening_on_an_unticked_answer_that_had_marks() {
    let dir = tempfile::tempdir().expect("dir");
    // Each key a second apart, as keys are: one change's entries share their time.
    let (tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    d.press("nJuba<C-s>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    assert_eq!(v.question().id, "populations");
    let id = v.session().id.clone();
    for key in ["1", "<A-v>", "<A-w>"] {
        tc.advance(1);
        d.press(key);
    }
    let marked = d.store.load_session(&id).expect("s").answers["populations"].clone();
    assert!(
        marked.said_by.is_some() && !marked.elicited_now().is_empty(),
        "{}",
        d.screen(80, 24)
    );
    tc.advance(1);
    d.press("1");
    assert!(
        !d.store
            .load_session(&id)
            .expect("s")
            .answers
            .contains_key("populations")
    );
    d.press("<esc><esc><enter>");
    d.press("<C-z>");
    let h: Vec<(String, String, String)> = d
        .store
        .history(&id)
        .expect("history")
        .into_iter()
        .map(|e| (e.target, e.old, e.new))
        .collect();
    let back = d
        .store
        .load_session(&id)
        .expect("s")
        .answers
        .get("populations")
        .cloned()
        .unwrap_or_else(|| panic!("{h:?}\n{}", d.screen(80, 24)));
    assert_eq!(
        (&back.value, &back.provenance, &back.said_by),
        (&marked.value, &marked.provenance, &marked.said_by),
        "{}",
        d.screen(80, 24)
    );
    // Not stuck: the next Ctrl-Z takes back who said it.
    d.press("<C-z>");
    assert_eq!(
        d.store.load_session(&id).expect("s").answers["populations"].said_by,
        None,
        "{}",
        d.screen(80, 24)
    );
}

/// The accessible mode took any answer to "Language of the call" that was not a code of the
/// guide as the default, unseen: a typo ("francais") and the whole call was read in English.
#[test]
fn accessible_call_language_typo_silently_became_the_default() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        .arg("--accessible")
        .env("STOCKTAKE_DATA_DIR", dir.path().join("data"))
        .env("STOCKTAKE_CONFIG", dir.path().join("no-config.toml"))
        .env("USER", "amina")
        .env("LC_ALL", "C")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("STOCKTAKE_OUTBOX")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stocktake");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"new\n\nSouth Sudan\n1\nfrancais\nfr\nquit\n")
        .expect("script");
    let out = child.wait_with_output().expect("wait");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text.matches("\"francais\" is not a language of this guide; type one of English (en), Français (fr), or Enter for the default.\n").count(),
        1,
        "{text}"
    );
    let (st, _) =
        Store::open(&dir.path().join("data"), stocktake::store::system_clock()).expect("store");
    let rows = st.summaries().expect("summaries");
    assert_eq!(rows.len(), 1, "{text}");
    assert_eq!(
        st.load_session(&rows[0].id).expect("session").language,
        "fr"
    );
}

/// With `--min-cell 2`, a question whose options were marked volunteered once: the HTML
/// withheld all of its counts (any one could be worked out from the rest and the answers
/// marked) but the Markdown showed the others; and the HTML wrote the withheld `<2` into
/// its cells and caption unescaped.
#[test]
fn markdown_showed_the_volunteered_counts_the_html_withheld() {
    let dir = tempfile::tempdir().expect("dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-files/v4");
    let corpus = corpus.display().to_string();
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", &corpus], &[]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report",
            "--min-cell",
            "2",
            "--db",
            "c.db",
            "--out",
            "report",
            "--format",
            "md",
            "--format",
            "html",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let report = dir.path().join("report");
    let md = std::fs::read_to_string(report.join("report.md")).expect("md");
    let html = std::fs::read_to_string(report.join("report.html")).expect("html");
    // Forced labour was volunteered once: every count of its question is withheld.
    assert!(md.contains("| Forced labour | <2 | <2 |"), "{md}");
    assert!(!md.contains("| Forced labour | <2 | 0 |"), "{md}");
    assert!(
        html.contains("<td>Forced labour</td><td class=n>&lt;2</td><td class=n>&lt;2</td>"),
        "{html}"
    );
    assert!(!html.contains("<td class=n><2"), "{html}");
    assert!(
        !html.contains("<caption><2") && !html.contains(": <2"),
        "{html}"
    );
}

/// The HTML's table of quarantined files was headed "reason | file" over cells that held
/// the kind and the reason.
#[test]
fn the_quarantine_table_was_headed_reason_and_file_over_kind_and_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    std::fs::write(
        files.join("broken.toml"),
        "format = \"stocktake.session.v1\"\nthis is not toml\n",
    )
    .expect("write");
    // Collate says so and exits non-zero: the file is kept out.
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", "files"], &[]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("1 quarantined"), "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report", "--db", "c.db", "--out", "report", "--format", "html",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("report/report.html")).expect("html");
    assert!(
        html.contains("<table><tr><th>kind</th><th>reason</th></tr><tr><td>"),
        "{html}"
    );
    assert!(!html.contains("<th>file</th>"), "{html}");
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
