//! The TUI driven headless, key by key, through the same engine the terminal loop uses:
//! each test reads like what an interviewer does, then checks the screen and the store.

mod support;

use stocktake::guide::Catalog;
use stocktake::session::{Special, Status, Value};
use stocktake::store::{Claim, Store, StoreError};
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

fn driver() -> (Driver, TestClock) {
    let (tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    (
        Driver::new(store, Catalog::bundled(), "amina", Theme { color: true }),
        tc,
    )
}

fn screen(d: &Driver) -> String {
    d.screen(80, 24)
}

/// New call for South Sudan with the structures ticked by `ticks` (after the response,
/// Tab moves over the protection cluster box: e.g. "<tab><tab><space>" adds the CP AOR).
fn new_call(d: &mut Driver, ticks: &str) {
    d.press("n");
    d.press("South Sudan");
    d.press(ticks);
    d.press("<C-s>");
    assert!(
        matches!(d.app.screen, Screen::Interview(_)),
        "{}",
        screen(d)
    );
}

fn session(d: &Driver, tab: usize) -> stocktake::session::Session {
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    d.store
        .load_session(&v.interview.sessions[tab].id)
        .expect("stored")
}

fn current_question(d: &Driver) -> String {
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    v.question().id.clone()
}

#[test]
fn an_empty_first_run_says_what_to_press() {
    let (d, _) = driver();
    assert!(screen(&d).contains("No interviews yet. Press n to start a call."));
}

#[test]
fn cancelling_a_new_call_keeps_nothing() {
    let (mut d, _) = driver();
    // Something typed: Esc asks before it is thrown away; k keeps the form.
    d.press("nIraq<esc>");
    assert!(screen(&d).contains("Discard this call?"), "{}", screen(&d));
    d.press("k");
    assert!(matches!(d.app.screen, Screen::NewCall(_)));
    d.press("<esc>d");
    assert!(matches!(d.app.screen, Screen::Home));
    assert!(d.store.summaries().expect("list").is_empty());
    // An untouched form just closes.
    d.press("n<esc>");
    assert!(matches!(d.app.screen, Screen::Home));
}

#[test]
fn a_whole_call_with_two_structures() {
    let (mut d, tc) = driver();
    new_call(&mut d, "<tab><tab><space>");
    let s = screen(&d);
    assert!(s.contains("South Sudan · Protection Cluster"), "{s}");
    assert!(
        s.contains("1 Protection Cluster") && s.contains("2 CP AOR"),
        "{s}"
    );
    assert!(s.contains("Q 1/28"), "{s}");

    // Consent (a first yes/no answer moves on by itself), then a multi choice with a note.
    d.press("1");
    assert_eq!(current_question(&d), "populations");
    d.press("13<tab>Mostly IDPs in the north.");
    tc.advance(30);
    // Skip logic: "other efforts known = yes" brings its follow-ups into the flow.
    d.press("<C-f>aware of anti<enter>");
    assert_eq!(current_question(&d), "other_efforts_known");
    d.press("1");
    assert_eq!(current_question(&d), "other_efforts_reported");
    // Answered (moving on), then back to the question before, changed (staying), on.
    d.press("3<left><left>2<right>");
    assert_eq!(
        current_question(&d),
        "parallel_systems",
        "no: the follow-ups leave the flow"
    );
    // A general note, from anywhere, attached to the question on screen.
    d.press("<C-g>Mentions a GBV hotline that records TIP cases.<up><C-a>");
    // Said with the question's words, as the interviewer knows it, not its id.
    assert!(
        screen(&d).contains("Note attached to “Do parallel coordination systems exist"),
        "{}",
        screen(&d)
    );
    d.press("<esc>");
    // The other structure keeps its own place.
    d.press("<C-t>");
    assert_eq!(current_question(&d), "consent");
    d.press("2");
    assert_eq!(current_question(&d), "populations");
    d.press("<C-t>");
    assert_eq!(current_question(&d), "parallel_systems");

    let pc = session(&d, 0);
    assert_eq!(pc.answers["consent"].value, Some(Value::YesNo(true)));
    assert_eq!(
        pc.answers["populations"].value,
        Some(Value::Choices(vec!["idps".into(), "migrants".into()]))
    );
    assert_eq!(pc.answers["populations"].note, "Mostly IDPs in the north.");
    assert_eq!(
        pc.answers["other_efforts_known"].value,
        Some(Value::YesNo(false))
    );
    assert!(
        pc.answers.contains_key("other_efforts_reported"),
        "kept while hidden"
    );
    assert_eq!(pc.notes.len(), 1);
    assert_eq!(pc.notes[0].question.as_deref(), Some("parallel_systems"));
    assert_eq!(pc.position.question.as_deref(), Some("parallel_systems"));
    let cp = session(&d, 1);
    assert_eq!(cp.answers["consent"].value, Some(Value::YesNo(false)));

    // Completing asks for the classification first.
    d.press("<A-r>c");
    assert!(
        screen(&d).contains("Still required: Overall, how does this structure engage"),
        "{}",
        screen(&d)
    );
    d.press("<esc><C-f>overall<enter>2<A-r>c");
    assert!(screen(&d).contains("Complete session"), "{}", screen(&d));
    // The dialog says how much is left unasked, as the session counts it.
    let g = stocktake::guide::Catalog::bundled()
        .get("gpc-attt-coordinator")
        .expect("guide")
        .clone();
    let p = session(&d, 0).progress(&g.guide);
    assert!(p.answered < p.visible);
    let left = format!(
        "{} of {} questions have no answer.",
        p.visible - p.answered,
        p.visible
    );
    assert!(screen(&d).contains(&left), "{left}\n{}", screen(&d));
    d.press("y");
    assert_eq!(session(&d, 0).status, Status::Completed);
    assert!(screen(&d).contains("completed"));
    // Then the CP AOR, after which the call is done and the list comes back.
    d.press("<C-t><C-f>overall<enter>4<A-r>cy");
    assert!(matches!(d.app.screen, Screen::Home), "{}", screen(&d));
    let rows = d.store.summaries().expect("list");
    assert!(rows.iter().all(|r| r.status == "completed"));
    assert!(screen(&d).contains("completed"));
}

#[test]
fn special_answers_have_one_key_each() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<pgdn><A-d><pgdn><A-x><pgdn><A-n>");
    let s = session(&d, 0);
    assert_eq!(s.answers["populations"].special, Some(Special::DontKnow));
    assert_eq!(
        s.answers["multiple_crises"].special,
        Some(Special::Declined)
    );
    assert_eq!(
        s.answers["definition_explained"].special,
        Some(Special::NotAsked)
    );
    d.press("<pgup>");
    assert!(screen(&d).contains("Answer · declined"), "{}", screen(&d));
}

#[test]
fn choosing_other_asks_to_specify_and_saves_it() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<C-f>forms of trafficking<enter>");
    // tip_forms is hidden until trafficking is an issue: find shows visible questions only.
    assert_ne!(current_question(&d), "tip_forms");
    d.press("<esc><C-f>perceived as an issue<enter>1");
    assert_eq!(current_question(&d), "tip_forms");
    d.press("38begging rings");
    let s = session(&d, 0);
    assert_eq!(
        s.answers["tip_forms"].value,
        Some(Value::Choices(vec!["forced_labour".into(), "other".into()]))
    );
    assert_eq!(s.answers["tip_forms"].other, "begging rings");
    assert!(screen(&d).contains("Specify other"));
}

#[test]
fn the_seventeen_challenges_are_all_reachable_by_number() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<C-f>challenges you face<enter>");
    assert_eq!(current_question(&d), "challenges");
    // Numbered 1 to 17, right-aligned, instead of 1-9 and 0.
    let shown = screen(&d);
    assert!(
        shown.contains("│  1 [ ] Perceived as too complex") && shown.contains("│ 10 [ ] "),
        "{shown}"
    );
    // 1 5 is option 15; 1 then PgDn is option 1, and moves on.
    d.press("15");
    d.press("1<pgdn>");
    assert_ne!(current_question(&d), "challenges");
    let s = session(&d, 0);
    assert_eq!(
        s.answers["challenges"].value,
        Some(Value::Choices(vec![
            "too_complex".into(),
            "tools_inadequate".into()
        ])),
        "in the store, in the guide's order"
    );
}

#[test]
fn numbers_and_dates_are_checked_as_they_are_typed() {
    let (mut d, _) = driver();
    d.press("n<S-tab><S-tab><right><tab><tab>Camp A<tab><tab><space><C-s>");
    // tip-indicators-labour, as a key informant.
    d.press("11<pgdn><pgdn><pgdn>");
    assert_eq!(current_question(&d), "last_offer");
    d.press("2018-02-30");
    assert!(screen(&d).contains("not a date"), "{}", screen(&d));
    assert!(
        session(&d, 0)
            .answers
            .get("last_offer")
            .is_none_or(|a| a.value.is_none())
    );
    d.press("<bs><bs>14");
    assert!(!screen(&d).contains("not a date"));
    assert_eq!(
        session(&d, 0).answers["last_offer"].value,
        Some(Value::Date(jiff::civil::date(2018, 2, 14)))
    );
    d.press("<enter>");
    assert_eq!(current_question(&d), "unpaid_known");
    d.press("twelve");
    assert!(screen(&d).contains("not a number"));
    d.press("<C-a><C-k>12");
    assert_eq!(
        session(&d, 0).answers["unpaid_known"].value,
        Some(Value::Number(12.0))
    );
}

#[test]
fn leaving_and_coming_back_lands_on_the_same_question_and_field() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<C-f>promising<enter>A CP AOR is writing a TIP manual<tab>");
    d.press("<esc><esc>");
    assert!(matches!(d.app.screen, Screen::Home));
    d.press("<enter>");
    assert_eq!(current_question(&d), "promising_practices");
    let Screen::Interview(v) = &d.app.screen else {
        panic!()
    };
    assert_eq!(v.tab().field, stocktake::session::Field::Note);
    assert!(screen(&d).contains("A CP AOR is writing a TIP manual"));
}

#[test]
fn reopening_a_completed_session_asks_then_starts_revision_2() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("1<C-f>overall<enter>1<A-r>cy");
    assert!(matches!(d.app.screen, Screen::Home));
    d.press("<enter>");
    assert!(
        screen(&d).contains("Reopening starts revision 2"),
        "{}",
        screen(&d)
    );
    d.press("c");
    assert!(matches!(d.app.screen, Screen::Home));
    d.press("<enter>r");
    let s = session(&d, 0);
    assert_eq!((s.status, s.revision), (Status::InProgress, 2));
    assert!(s.parent.is_some());
}

#[test]
fn a_completed_session_can_be_viewed_without_changing_it() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("1<C-f>overall<enter>1<A-r>cy<enter>v");
    assert!(matches!(d.app.screen, Screen::Interview(_)));
    d.press("<C-f>overall<enter>2");
    assert!(
        screen(&d).contains("completed; reopen it"),
        "{}",
        screen(&d)
    );
    assert_eq!(
        session(&d, 0).answers["tip_engagement"].value,
        Some(Value::Choice("mechanism_in_place".into()))
    );
    // Nor can a structure be added to a call being viewed.
    d.press("+");
    assert!(
        screen(&d).contains("Cannot add a structure: this session is completed"),
        "{}",
        screen(&d)
    );
    assert_eq!(d.store.summaries().expect("list").len(), 1);
}

#[test]
fn a_structure_added_late_is_held_saved_and_given_back_with_the_call() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
    new_call(&mut d, "");
    d.press("1+<enter>");
    assert!(
        screen(&d).contains("South Sudan · CP AOR"),
        "{}",
        screen(&d)
    );
    let added = session(&d, 1);
    assert_eq!(added.answers["consent"].value, Some(Value::YesNo(true)));
    // Held for editing like the call's other sessions: what is typed is saved.
    d.press("<pgdn>1");
    let q = current_question(&d);
    assert!(session(&d, 1).answers.contains_key(&q), "{q} saved");
    let (mut other, _) = Store::open(dir.path(), clock).expect("a second stocktake");
    assert!(
        matches!(
            other.lock_session(&added.id, Claim::IfFree),
            Err(StoreError::Locked { .. })
        ),
        "held while the call is open"
    );
    // Ctrl-T goes round the tabs, the new one included.
    d.press("<C-t>");
    assert!(screen(&d).contains("South Sudan · Protection Cluster"));
    // Leaving the call gives every session back.
    d.press("<esc>");
    other
        .lock_session(&added.id, Claim::IfFree)
        .expect("the added session was given back");
}

#[test]
fn only_drafts_are_deleted_and_only_after_confirming() {
    let (mut d, _) = driver();
    d.press("nIraq<tab><tab><space><C-s>");
    d.press("<esc>");
    // The CP AOR session is a draft (nothing recorded); the cluster one holds consent? No:
    // consent was not asked in the form, so both are drafts until something is typed.
    d.press("<down>d");
    assert!(screen(&d).contains("Delete draft"));
    d.press("n");
    assert_eq!(d.store.summaries().expect("list").len(), 2);
    d.press("dy");
    assert_eq!(d.store.summaries().expect("list").len(), 1);
    d.press("<enter>1<esc><esc>d");
    assert!(screen(&d).contains("Only a draft"), "{}", screen(&d));
}

#[test]
fn the_list_filters_as_you_type() {
    let (mut d, _) = driver();
    d.press("nIraq<C-s><esc><esc>nMali<C-s><esc><esc>");
    assert_eq!(d.app.home.visible().len(), 2);
    d.press("/ira");
    assert_eq!(d.app.home.visible().len(), 1);
    assert!(screen(&d).contains("1 session of 2"));
    d.press("<esc>");
    assert_eq!(d.app.home.visible().len(), 2);
}

#[test]
fn the_guide_speaks_french_when_asked() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<A-l>");
    assert!(
        screen(&d).contains("Les participants ont-ils accepté"),
        "{}",
        screen(&d)
    );
    assert_eq!(
        d.store
            .load_call(&session(&d, 0).call_id)
            .expect("call")
            .language,
        "fr"
    );
}

#[test]
fn a_pasted_note_with_escape_sequences_is_stored_inert() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("<tab>");
    d.paste("before\u{1b}]0;pwned\u{7}after \u{1b}]52;c;SGVsbG8=\u{7}");
    let note = session(&d, 0).answers["consent"].note.clone();
    assert!(
        !note.contains('\u{1b}') && !note.contains('\u{7}'),
        "{note:?}"
    );
    assert!(note.starts_with("before\\u{1b}]0;pwned"));
    assert!(!screen(&d).contains('\u{1b}'));
}

#[test]
fn help_lists_every_key_of_the_screen() {
    let (mut d, _) = driver();
    d.press("?");
    let s = screen(&d);
    assert!(
        s.contains("Keys (Esc closes)") && s.contains("start a new call"),
        "{s}"
    );
    d.press("<esc>");
    new_call(&mut d, "");
    d.press("?");
    let s = d.screen(120, 40);
    assert!(
        s.contains("Alt-D") && s.contains("record don't know") && s.contains("Ctrl-G"),
        "{s}"
    );
}

#[test]
fn a_full_disk_keeps_the_words_on_screen_and_saves_them_when_space_returns() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.store.limit_pages_for_test(Some(0)).expect("cap");
    d.press("<tab>");
    let words = "The coordinator described a referral pathway ".repeat(60);
    d.paste(&words);
    assert!(screen(&d).contains("NOT SAVED"), "{}", screen(&d));
    d.press(" more");
    assert!(screen(&d).contains("NOT SAVED"));
    d.store.limit_pages_for_test(None).expect("space returns");
    d.tick();
    assert!(screen(&d).contains("✓ saved"), "{}", screen(&d));
    // The footer no longer says the disk is full.
    assert!(!screen(&d).contains("disk is full"), "{}", screen(&d));
    assert!(screen(&d).contains("in the store again"), "{}", screen(&d));
    assert_eq!(
        session(&d, 0).answers["consent"].note,
        format!("{words} more")
    );
}

#[test]
fn a_session_open_elsewhere_asks_and_read_only_refuses_edits() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (a_store, _) = Store::open(dir.path(), clock.clone()).expect("a");
    let mut a = Driver::new(a_store, Catalog::bundled(), "amina", Theme { color: false });
    a.press("nIraq<C-s>");
    let (b_store, _) = Store::open(dir.path(), clock).expect("b");
    let mut b = Driver::new(b_store, Catalog::bundled(), "amina", Theme { color: false });
    b.press("<enter>");
    assert!(
        b.screen(80, 24).contains("Session open elsewhere"),
        "{}",
        b.screen(80, 24)
    );
    b.press("<A-r>");
    assert!(b.screen(80, 24).contains("read-only"));
    b.press("1");
    assert!(b.screen(80, 24).contains("Read-only"));
    // Taking over stops the first one from writing.
    b.press("<esc><enter>t");
    b.press("1");
    a.press("2");
    assert!(
        a.screen(80, 24).contains("took this session over"),
        "{}",
        a.screen(80, 24)
    );
    assert_eq!(
        session(&b, 0).answers["consent"].value,
        Some(Value::YesNo(true))
    );
}

#[test]
fn completing_writes_the_file_to_the_outbox_at_once() {
    let (mut d, _) = driver();
    let outbox = tempfile::tempdir().expect("outbox");
    d.sending.outbox = Some(outbox.path().to_path_buf());
    new_call(&mut d, "");
    d.press("1<C-f>overall<enter>1<A-r>cy");
    assert!(
        screen(&d).contains("written to the outbox"),
        "{}",
        screen(&d)
    );
    let names: Vec<_> = std::fs::read_dir(outbox.path())
        .expect("outbox")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(!screen(&d).contains('↑'), "nothing waits: {}", screen(&d));
}

#[test]
fn without_an_outbox_the_list_shows_what_waits_to_sync() {
    let (mut d, _) = driver();
    new_call(&mut d, "");
    d.press("1<C-f>overall<enter>1<A-r>cy");
    assert!(screen(&d).contains("↑completed"), "{}", screen(&d));
    assert_eq!(d.store.unsynced().expect("waiting").len(), 1);
}

#[test]
fn a_failing_outbox_says_so_and_the_session_waits() {
    let (mut d, _) = driver();
    let parent = tempfile::tempdir().expect("dir");
    d.sending.outbox = Some(parent.path().join("missing"));
    new_call(&mut d, "");
    d.press("1<C-f>overall<enter>1<A-r>cy");
    let s = screen(&d);
    assert!(
        s.contains("not written to the outbox") && s.contains("↑completed"),
        "{s}"
    );
}

#[test]
fn a_full_disk_while_adding_structures_says_so_and_leaves_no_session_held_unseen() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock.clone()).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
    new_call(&mut d, "");
    d.press("1");
    d.store.limit_pages_for_test(Some(0)).expect("no more room");
    // Add structures (Other, named) until the disk is full.
    let mut refused = false;
    for i in 0..300 {
        d.press(&format!("+Cluster {i}<enter>"));
        if screen(&d).contains("The structure was not added") {
            refused = true;
            break;
        }
    }
    assert!(refused, "the disk never filled: {}", screen(&d));
    // Every session the call has is either a tab here or free for another stocktake: none
    // is held where nobody sees it.
    let Screen::Interview(v) = &d.app.screen else {
        panic!("the call is still open")
    };
    let shown: Vec<String> = v.session_ids();
    let call_id = v.call().id.clone();
    let (mut other, _) = Store::open(dir.path(), clock).expect("a second stocktake");
    for id in other.call_sessions(&call_id).expect("sessions") {
        if !shown.contains(&id) {
            other
                .lock_session(&id, Claim::IfFree)
                .expect("a session not shown is not held");
        }
    }
    // Space returns: adding works again.
    d.store.limit_pages_for_test(None).expect("room");
    d.press("+Shelter Cluster<enter>");
    assert!(
        screen(&d).contains("South Sudan · Shelter Cluster"),
        "{}",
        screen(&d)
    );
}
