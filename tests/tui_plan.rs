//! The Plan screen driven headless: a campaign imported into the store, its targets in the
//! order to call them, outcomes logged with a key, a call started from targets with its
//! fields filled in, and the attempts that call leaves.

mod support;

use stocktake::campaign::{Outcome, parse_campaign};
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

const CAMPAIGN: &str = "response,structure,coordinator,organisation,contact,timezone,language\n\
South Sudan,protection_cluster,Amina Yusuf,UNHCR,+211 912 345 678,Africa/Juba,en\n\
South Sudan,cp_aor,Joseph,UNICEF,joseph@example.org,Africa/Juba,en\n\
Mali,gbv_aor,Awa,UNFPA,,Africa/Bamako,fr\n";

fn driver() -> (Driver, TestClock) {
    let (tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let targets = parse_campaign(CAMPAIGN.as_bytes(), "c.csv").expect("campaign");
    store.import_campaign(&targets, None).expect("import");
    (
        Driver::new(store, Catalog::bundled(), "amina", Theme { color: false }),
        tc,
    )
}

fn screen(d: &Driver) -> String {
    d.screen(80, 24)
}

#[test]
fn the_plan_shows_who_to_call_and_logs_outcomes_with_a_key() {
    let (mut d, tc) = driver();
    let s = screen(&d);
    assert!(s.contains("campaign: 0 done, 3 due now, 0 left"), "{s}");
    assert!(s.contains("p plan"), "{s}");
    d.press("p");
    let s = screen(&d);
    assert!(s.contains("Campaign · 0 done · 3 due now · 0 left"), "{s}");
    assert!(s.contains("South Sudan · Protection Clus"), "{s}");
    assert!(s.contains("Amina Yusuf · UNHCR · +211 912 345 678"), "{s}");
    // No answer on the first target: it waits four hours, below the ones not tried.
    d.press("o4");
    let attempts = d.store.attempts().expect("attempts");
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].outcome, Outcome::NoAnswer);
    assert_eq!(attempts[0].interviewer, "amina");
    let s = screen(&d);
    assert!(
        s.contains("Logged South Sudan · Protection Cluster: no answer"),
        "{s}"
    );
    assert!(s.contains("1 due now") || s.contains("2 due now"), "{s}");
    // A callback at a time the respondent gives, in their zone.
    d.press("G");
    d.press("o3");
    assert!(
        screen(&d).contains("When should they be called again?"),
        "{}",
        screen(&d)
    );
    d.press("soon<enter>");
    assert!(screen(&d).contains("is not a time"), "{}", screen(&d));
    for _ in 0..4 {
        d.press("<bs>");
    }
    d.press("+2h<enter>");
    let attempts = d.store.attempts().expect("attempts");
    let cb = attempts
        .iter()
        .find(|a| a.outcome == Outcome::Callback)
        .expect("callback logged");
    assert_eq!(
        cb.callback.map(|c| c.as_second() - tc.now().as_second()),
        Some(7200)
    );
    assert!(screen(&d).contains("callback"), "{}", screen(&d));
    d.press("<esc>");
    assert!(matches!(d.app.screen, Screen::Home));
}

#[test]
fn a_call_from_ticked_targets_is_filled_in_and_logs_each_one() {
    let (mut d, _) = driver();
    // The two South Sudan targets, ticked together: one call, a session each.
    d.press("p<space><space><enter>");
    let Screen::NewCall(form) = &d.app.screen else {
        panic!("the form: {}", screen(&d))
    };
    assert_eq!(form.response.text(), "South Sudan");
    assert_eq!(form.structures, [true, true, false, false]);
    assert_eq!(form.participants.len(), 2);
    assert_eq!(form.participants[1].organisation.text(), "UNICEF");
    d.press("<right><C-s>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("the interview: {}", screen(&d))
    };
    assert_eq!(v.tabs.len(), 2);
    // The protection cluster completes; the CP AOR coordinator drops off: partial.
    d.press("<C-f>overall<enter>1<A-r>cy");
    d.press("<esc>");
    assert!(
        screen(&d).contains("How did the call end?"),
        "{}",
        screen(&d)
    );
    d.press("p");
    assert!(matches!(d.app.screen, Screen::Home), "{}", screen(&d));
    let attempts = d.store.attempts().expect("attempts");
    let of = |t: &str| attempts.iter().find(|a| a.target == t).map(|a| a.outcome);
    assert_eq!(
        of("south-sudan/protection_cluster"),
        Some(Outcome::Completed)
    );
    assert_eq!(of("south-sudan/cp_aor"), Some(Outcome::Partial));
    assert!(
        attempts.iter().all(|a| a.sessions.len() == 1),
        "{attempts:?}"
    );
    assert!(screen(&d).contains("campaign: 1 done"), "{}", screen(&d));
}
