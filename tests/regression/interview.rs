//! Bugs of capture: what is saved, sent, refused or undone during a call and after reopening it.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::TestClock;
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;

use super::common::*;

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

/// The call's details refused on a session taken over said "Read-only: Read-only: taken
/// over by another stocktake": the refusal's own Display was wrapped a second time.
#[test]
fn the_call_details_said_read_only_twice() {
    use stocktake::interview::{DetailsRefusal, ReadOnly, Refusal};
    let why = DetailsRefusal::from(Refusal::ReadOnly(ReadOnly::TakenOver));
    assert_eq!(
        why.to_string(),
        "Read-only: taken over by another stocktake"
    );
    assert_eq!(
        DetailsRefusal::from(Refusal::Completed).to_string(),
        "This session is completed; reopen it from the list (a new revision) to change it"
    );
}
