//! Facts asked once per call (issue 16): a guide's `call_level` question answered on one
//! structure's tab is the answer of the others on the call, saved in each session; a
//! structure that said something else keeps it, and a correction follows where they agreed.

mod support;

use stocktake::guide::Catalog;
use stocktake::session::Value;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

fn driver() -> Driver {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let dirs = stocktake::guide::GuideDirs {
        flag: vec![
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/guides-call-level"),
        ],
        ..Default::default()
    };
    Driver::new(
        store,
        Catalog::discover(&dirs),
        "amina",
        Theme { color: true },
    )
}

/// The call-facts guide with the Protection Cluster and the CP AOR on the line.
fn call(d: &mut Driver) -> Vec<String> {
    d.press("n<S-tab><S-tab><left>");
    assert!(
        d.screen(80, 24).contains("Call facts"),
        "{}",
        d.screen(80, 24)
    );
    d.press("<tab><tab>Juba<tab><tab><space><C-s>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview: {}", d.screen(80, 24))
    };
    assert_eq!(v.interview.sessions.len(), 2, "{}", d.screen(80, 24));
    v.interview.sessions.iter().map(|s| s.id.clone()).collect()
}

fn answer(d: &Driver, session: &str, q: &str) -> Option<Value> {
    d.store
        .load_session(session)
        .expect("session")
        .answers
        .get(q)
        .and_then(|a| a.value.clone())
}

#[test]
fn a_call_level_fact_answered_once_is_every_structures_answer_and_each_may_change_theirs() {
    let mut d = driver();
    let ids = call(&mut d);
    // Refugees and migrants, on the Protection Cluster's tab.
    d.press("23");
    let both = Some(Value::Choices(vec!["refugees".into(), "migrants".into()]));
    assert_eq!(answer(&d, &ids[0], "populations"), both);
    assert_eq!(
        answer(&d, &ids[1], "populations"),
        both,
        "saved for the CP AOR too"
    );
    assert!(
        d.screen(80, 24)
            .contains("recorded for the other structures too"),
        "{}",
        d.screen(80, 24)
    );
    // The question about each structure stays its own.
    d.press("<pgdn>1<pgdn>1");
    assert_eq!(answer(&d, &ids[0], "engaged"), Some(Value::YesNo(true)));
    assert_eq!(answer(&d, &ids[1], "engaged"), None);
    // On the CP AOR's tab the fact is shown answered; its coordinator says no second crisis.
    d.press("<C-t><C-f>several crises<enter>2");
    assert_eq!(
        answer(&d, &ids[1], "multiple_crises"),
        Some(Value::YesNo(false))
    );
    assert_eq!(
        answer(&d, &ids[0], "multiple_crises"),
        Some(Value::YesNo(true)),
        "the Protection Cluster keeps what it said"
    );
    // The review shows where they differ.
    d.press("<A-r>");
    let screen = d.screen(80, 24);
    assert!(screen.contains("≠ Protection Cluster: yes"), "{screen}");
}

#[test]
fn a_correction_on_the_tab_it_was_asked_on_follows_until_a_structure_changes_its_own() {
    let mut d = driver();
    let ids = call(&mut d);
    d.press("2");
    // Corrected on the Protection Cluster's tab: IDPs too. The CP AOR's came from it: it follows.
    d.press("1");
    let corrected = Some(Value::Choices(vec!["idps".into(), "refugees".into()]));
    assert_eq!(answer(&d, &ids[0], "populations"), corrected);
    assert_eq!(answer(&d, &ids[1], "populations"), corrected);
    // The CP AOR's coordinator adds migrants: theirs only, and theirs from now on.
    d.press("<C-t><C-f>population groups<enter>3");
    assert_eq!(answer(&d, &ids[0], "populations"), corrected);
    d.press("<C-t><C-f>population groups<enter>1");
    assert_eq!(
        answer(&d, &ids[1], "populations"),
        Some(Value::Choices(vec![
            "idps".into(),
            "refugees".into(),
            "migrants".into()
        ])),
        "an answer changed on its own tab no longer follows"
    );
}

fn bundled() -> Driver {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    Driver::new(store, Catalog::bundled(), "amina", Theme { color: true })
}

#[test]
fn alt_a_gives_this_answer_to_every_other_structure_on_the_call() {
    let mut d = bundled();
    // The Protection Cluster, the CP AOR and the GBV AOR on the line.
    d.press("nJuba<tab><tab><space><tab><space><C-s>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview: {}", d.screen(80, 24))
    };
    let ids: Vec<String> = v.interview.sessions.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids.len(), 3);
    // Nothing to copy before an answer: said, nothing changed.
    d.press("<A-a>");
    assert!(
        d.screen(80, 24).contains("Nothing to copy"),
        "{}",
        d.screen(80, 24)
    );
    // Consent, given by all three coordinators at once.
    d.press("<pgup>");
    d.press("1<pgup><A-a>");
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("Same answer recorded for Child Protection AOR, GBV AOR"),
        "{screen}"
    );
    for id in &ids {
        assert_eq!(answer(&d, id, "consent"), Some(Value::YesNo(true)), "{id}");
    }
    // Once they all have it, a second Alt-A says so.
    d.press("<A-a>");
    assert!(
        d.screen(80, 24).contains("have this answer already"),
        "{}",
        d.screen(80, 24)
    );
}

#[test]
fn a_pad_note_about_another_structure_moves_to_it_whole() {
    let mut d = bundled();
    d.press("nJuba<tab><tab><space><C-s>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    let ids: Vec<String> = v.interview.sessions.iter().map(|s| s.id.clone()).collect();
    // On the Protection Cluster's tab, a note about the CP AOR, attached to the question.
    d.press("<C-g>The CP AOR runs the case management SOPs<C-a><enter>");
    let before = d.store.load_session(&ids[0]).expect("pc").notes;
    assert_eq!(before.len(), 1, "{}", d.screen(80, 24));
    assert!(before[0].question.is_some(), "attached");
    assert!(
        d.screen(80, 24)
            .contains("General notes of the Protection Cluster")
    );
    d.press("<A-m>");
    assert!(
        d.screen(80, 24).contains("Select a note first"),
        "{}",
        d.screen(80, 24)
    );
    d.press("<up><A-m>");
    assert!(
        d.screen(80, 24)
            .contains("Note moved to the Child Protection AOR"),
        "{}",
        d.screen(80, 24)
    );
    let pc = d.store.load_session(&ids[0]).expect("pc");
    let cp = d.store.load_session(&ids[1]).expect("cp");
    assert!(pc.notes.is_empty(), "gone from the Protection Cluster");
    assert_eq!(cp.notes.len(), 1);
    assert_eq!(cp.notes[0].text, "The CP AOR runs the case management SOPs");
    assert_eq!(cp.notes[0].at, before[0].at, "its time goes with it");
    assert_eq!(cp.notes[0].question, before[0].question, "and its question");
}

#[test]
fn the_bundled_coordinator_guide_asks_its_call_facts_once() {
    let mut d = bundled();
    // The Protection Cluster and the CP AOR on the line; consent, then the populations.
    d.press("nJuba<tab><tab><space><C-s>1");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview: {}", d.screen(80, 24))
    };
    assert_eq!(v.interview.guide.guide.version, "3");
    let ids: Vec<String> = v.interview.sessions.iter().map(|s| s.id.clone()).collect();
    assert_eq!(v.question().id, "populations");
    d.press("12<pgdn>2");
    assert_eq!(
        answer(&d, &ids[1], "multiple_crises"),
        Some(Value::YesNo(false)),
        "saved with the key that gave it: {}",
        d.screen(80, 24)
    );

    assert_eq!(
        answer(&d, &ids[1], "populations"),
        Some(Value::Choices(vec!["idps".into(), "refugees".into()])),
        "the CP AOR's answer too"
    );
    assert_eq!(
        answer(&d, &ids[1], "multiple_crises"),
        Some(Value::YesNo(false))
    );
    // A question about the structure itself is not shared.
    d.press("<C-f>perceived<enter>1");
    assert_eq!(answer(&d, &ids[1], "tip_is_issue"), None);
}
