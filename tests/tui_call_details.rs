//! The call's details after it started (issue 16), driven headless key by key and in tmux:
//! country, call note and participants changed and kept in the history; a slip of Esc
//! loses nothing; a completed structure keeps the country it was sent with.

mod support;

use stocktake::guide::Catalog;
use stocktake::store::Store;
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

fn ids(d: &Driver) -> (String, Vec<String>) {
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview: {}", d.screen(80, 24))
    };
    (
        v.interview.call.id.clone(),
        v.interview.sessions.iter().map(|s| s.id.clone()).collect(),
    )
}

#[test]
fn the_country_note_and_participants_change_after_the_call_started_and_are_in_the_history() {
    let (mut d, _tc) = driver();
    d.press("nJuba<C-s>1");
    let (call, sessions) = ids(&d);
    d.press("<A-c>");
    assert!(
        d.screen(80, 24).contains("Call details"),
        "{}",
        d.screen(80, 24)
    );
    // The country, the note, then the participant's role (one along), organisation, name.
    d.press("<end> (Central Equatoria)<tab>Line dropped twice<tab><right><tab>UNICEF<tab>Joseph");
    let screen = d.screen(80, 24);
    assert!(screen.contains("Juba (Central Equatoria)"), "{screen}");
    d.press("<C-s>");
    let screen = d.screen(80, 24);
    assert!(screen.contains("Call details saved"), "{screen}");
    assert!(
        screen.starts_with(" Juba (Central Equatoria) · Protection Cluster"),
        "{screen}"
    );
    let c = d.store.load_call(&call).expect("call");
    assert_eq!(c.response, "Juba (Central Equatoria)");
    assert_eq!(c.note, "Line dropped twice");
    let s = d.store.load_session(&sessions[0]).expect("session");
    assert_eq!(s.response, "Juba (Central Equatoria)");
    assert_eq!(s.participants.len(), 1);
    assert_eq!(s.participants[0].role, "cp_aor_coordinator");
    assert_eq!(
        (
            s.participants[0].organisation.as_str(),
            s.participants[0].name.as_str()
        ),
        ("UNICEF", "Joseph")
    );
    let history = d.store.history(&sessions[0]).expect("history");
    let targets: Vec<&str> = history.iter().map(|h| h.target.as_str()).collect();
    assert!(targets.contains(&"call:response"), "{targets:?}");
    assert!(targets.contains(&"call:note"), "{targets:?}");
    let people = history
        .iter()
        .find(|h| h.target == "participants")
        .expect("participants in the history");
    assert_eq!(people.new, "cp_aor_coordinator · UNICEF · Joseph");
    // Undo is for answers and notes: Ctrl-Z takes back the consent, not the details.
    d.press("<C-z>");
    let s = d.store.load_session(&sessions[0]).expect("session");
    assert!(!s.answers.contains_key("consent"), "the answer undone");
    assert_eq!(s.participants[0].organisation, "UNICEF");
}

#[test]
fn esc_with_changes_asks_for_a_second_esc_and_then_nothing_changes() {
    let (mut d, _tc) = driver();
    d.press("nJuba<C-s><A-c><end>, Bor");
    d.press("<esc>");
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("Esc again leaves them as they were"),
        "{screen}"
    );
    assert!(screen.contains("Call details"), "still open: {screen}");
    // Saving after the warning still works, and what was typed is there.
    assert!(screen.contains("Juba, Bor"), "{screen}");
    d.press("<esc>");
    let (call, _) = ids(&d);
    assert!(!d.screen(80, 24).contains("Call details ·"));
    assert_eq!(d.store.load_call(&call).expect("call").response, "Juba");
    // Without changes one Esc closes.
    d.press("<A-c><esc>");
    assert!(!d.screen(80, 24).contains("Call details ·"));
}

#[test]
fn a_structure_already_sent_keeps_its_country_and_the_panel_keeps_what_was_typed() {
    let (mut d, _tc) = driver();
    // Two structures; the Protection Cluster completed.
    d.press("nJuba<tab><tab><space><C-s>1<C-f>overall<enter>1<A-r>cy");
    let (call, _) = ids(&d);
    d.press("<A-c><end>, Bor<C-s>");
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("is completed and was sent as it was"),
        "{screen}"
    );
    assert!(
        screen.contains("Juba, Bor"),
        "nothing typed is lost: {screen}"
    );
    assert_eq!(d.store.load_call(&call).expect("call").response, "Juba");
    // The note is in no file: it may change, with the country as it was.
    d.press("<bs><bs><bs><bs><bs><tab>Called twice<C-s>");
    let screen = d.screen(80, 24);
    assert!(screen.contains("Call details saved"), "{screen}");
    let c = d.store.load_call(&call).expect("call");
    assert_eq!(
        (c.response.as_str(), c.note.as_str()),
        ("Juba", "Called twice")
    );
}

#[test]
fn in_tmux_the_call_details_open_change_and_save() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let t = support::tmux::Tmux::new("details", d);
    t.stocktake("s", d);
    t.new_call("s", "Juba");
    t.keys("s", &["M-c"]);
    t.wait_for("s", "Call details");
    t.keys("s", &["End"]);
    t.type_text("s", " town");
    t.keys("s", &["Tab"]);
    t.type_text("s", "Called on Skype");
    t.keys("s", &["C-s"]);
    let screen = t.wait_for("s", "Call details saved");
    assert!(
        screen.contains("Juba town · Protection Cluster"),
        "{screen}"
    );
    let store = Store::open(&d.join("data"), stocktake::store::system_clock())
        .expect("store")
        .0;
    let s = store.summaries().expect("list").remove(0);
    let call = store.load_call(&s.call_id).expect("call");
    assert_eq!(
        (call.response.as_str(), call.note.as_str()),
        ("Juba town", "Called on Skype")
    );
}
