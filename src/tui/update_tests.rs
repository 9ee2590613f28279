//! `update` alone: each key's change of state and the effects it asks for, none carried
//! out. The store only builds the starting state.

use jiff::Timestamp;

use super::app::{App, Screen, update};
use super::interview::SaveState;
use super::keys::parse_keys;
use super::msg::{Effect, Event, OpenedCall};
use super::theme::Theme;
use crate::guide::{Catalog, Structure};
use crate::session::{Field, Participant};
use crate::store::{Claim, NewCall, Store, system_clock};

fn app() -> App {
    App::new(
        Catalog::bundled().guides,
        "amina".into(),
        ":memory:".into(),
        Theme { color: true },
        Timestamp::UNIX_EPOCH,
    )
}

fn keys(app: &mut App, k: &str) -> Vec<Effect> {
    let mut all = Vec::new();
    for key in parse_keys(k).expect("keys") {
        all.extend(update(app, Event::Key(key)));
    }
    all
}

/// An app showing a fresh call with one protection-cluster session.
fn in_interview() -> App {
    let mut store = Store::open_in_memory(system_clock()).expect("store");
    let g = Catalog::bundled()
        .get("gpc-attt-coordinator")
        .expect("guide")
        .clone();
    let (call, sessions) = store
        .create_call(
            &g,
            &NewCall {
                response: "Iraq".into(),
                interviewer: "amina".into(),
                language: "en".into(),
                structures: vec![(Structure::ProtectionCluster, String::new())],
                participants: vec![Participant {
                    role: "ngo".into(),
                    organisation: "X".into(),
                    name: String::new(),
                }],
                consent: None,
            },
        )
        .expect("call");
    let mut a = app();
    update(
        &mut a,
        Event::CallOpened(Box::new(OpenedCall {
            call,
            guide: g,
            sessions,
            focus: 0,
            read_only: false,
            taken_from: None,
        })),
    );
    a
}

fn session_id(a: &App) -> String {
    match &a.screen {
        Screen::Interview(v) => v.tab().session.id.clone(),
        _ => panic!("not in an interview"),
    }
}

fn save_state(a: &App) -> SaveState {
    match &a.screen {
        Screen::Interview(v) => v.tab().save.clone(),
        _ => panic!("not in an interview"),
    }
}

#[test]
fn home_keys() {
    let mut a = app();
    update(&mut a, Event::HomeLoaded(Vec::new()));
    assert_eq!(keys(&mut a, "j k g G /x<esc>"), vec![]);
    assert_eq!(keys(&mut a, "q"), vec![Effect::Quit]);
    let mut a = app();
    assert_eq!(keys(&mut a, "n"), vec![]);
    assert!(matches!(a.screen, Screen::NewCall(_)));
    assert_eq!(keys(&mut a, "<esc>"), vec![]);
    assert!(matches!(a.screen, Screen::Home));
}

fn hint_labels(a: &App) -> Vec<&'static str> {
    super::keymap::hints(a.ctx(), |x| a.offers(x))
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn the_home_hint_bar_offers_only_what_works_on_the_selected_row() {
    let mut a = app();
    update(&mut a, Event::HomeLoaded(Vec::new()));
    assert_eq!(hint_labels(&a), vec!["new call", "help", "quit"]);

    let draft = crate::store::SessionSummary {
        id: "s1".into(),
        call_id: "c1".into(),
        guide_id: "g".into(),
        guide_version: "1".into(),
        structure: "protection_cluster".into(),
        structure_label: String::new(),
        response: "Iraq".into(),
        interviewer: "amina".into(),
        status: "draft".into(),
        revision: 1,
        answered: 0,
        visible: 28,
        required: 2,
        required_answered: 0,
        call_started_at: String::new(),
        updated_at: String::new(),
        waiting: false,
    };
    let started = crate::store::SessionSummary {
        id: "s2".into(),
        status: "in_progress".into(),
        ..draft.clone()
    };
    update(&mut a, Event::HomeLoaded(vec![draft, started]));
    assert_eq!(
        hint_labels(&a),
        vec!["open", "new call", "filter", "delete draft", "help", "quit"]
    );
    keys(&mut a, "j");
    assert_eq!(
        hint_labels(&a),
        vec!["open", "new call", "filter", "help", "quit"]
    );
    // A filter that matches nothing leaves nothing to open.
    keys(&mut a, "/zzz<enter>");
    assert_eq!(a.ctx(), super::keymap::Ctx::Home);
    assert!(!hint_labels(&a).contains(&"open"), "{:?}", hint_labels(&a));
}

#[test]
fn the_form_asks_to_create_the_call() {
    let mut a = app();
    let e = keys(&mut a, "nMali<C-s>");
    let [Effect::CreateCall { guide_id, call }] = e.as_slice() else {
        panic!("{e:?}")
    };
    assert_eq!(guide_id, "gpc-attt-coordinator");
    assert_eq!(call.response, "Mali");
}

#[test]
fn every_edit_asks_to_save_that_field_and_moving_saves_the_place() {
    let mut a = in_interview();
    let id = session_id(&a);
    assert_eq!(
        keys(&mut a, "1"),
        vec![Effect::SaveAnswer {
            session: id.clone(),
            question: "consent".into(),
            field: Field::Answer
        }]
    );
    assert_eq!(save_state(&a), SaveState::Saving);
    assert_eq!(
        keys(&mut a, "<tab>"),
        vec![Effect::SavePosition {
            session: id.clone()
        }]
    );
    assert_eq!(
        keys(&mut a, "x"),
        vec![Effect::SaveAnswer {
            session: id.clone(),
            question: "consent".into(),
            field: Field::Note
        }]
    );
    assert_eq!(
        keys(&mut a, "<pgdn>"),
        vec![Effect::SavePosition {
            session: id.clone()
        }]
    );
    assert_eq!(
        keys(&mut a, "<C-g>"),
        vec![],
        "opening a panel saves nothing"
    );
    assert_eq!(keys(&mut a, "<esc>"), vec![]);
    assert_eq!(
        keys(&mut a, "<esc>"),
        vec![
            Effect::CloseCall {
                sessions: vec![id.clone()]
            },
            Effect::LoadHome
        ]
    );
    assert!(matches!(a.screen, Screen::Home));
}

#[test]
fn the_save_indicator_follows_the_store() {
    let mut a = in_interview();
    let id = session_id(&a);
    keys(&mut a, "1");
    update(
        &mut a,
        Event::Saved {
            session: id.clone(),
            at: Timestamp::UNIX_EPOCH,
            full: false,
        },
    );
    assert!(matches!(save_state(&a), SaveState::Saved(Some(_))));
    keys(&mut a, "2");
    update(
        &mut a,
        Event::SaveFailed {
            session: id.clone(),
            message: "disk full".into(),
        },
    );
    assert_eq!(save_state(&a), SaveState::Failed("disk full".into()));
    // Until a whole save works, every save writes the whole session.
    assert_eq!(
        keys(&mut a, "1"),
        vec![Effect::SaveAll {
            session: id.clone()
        }]
    );
    update(
        &mut a,
        Event::SaveFailed {
            session: id.clone(),
            message: "disk full".into(),
        },
    );
    assert_eq!(
        update(&mut a, Event::Tick(Timestamp::UNIX_EPOCH)),
        vec![Effect::SaveAll {
            session: id.clone()
        }]
    );
    // A partial save does not clear the flag; a whole one does.
    update(
        &mut a,
        Event::Saved {
            session: id.clone(),
            at: Timestamp::UNIX_EPOCH,
            full: false,
        },
    );
    assert_eq!(save_state(&a), SaveState::Saving);
    update(
        &mut a,
        Event::Saved {
            session: id.clone(),
            at: Timestamp::UNIX_EPOCH,
            full: true,
        },
    );
    assert!(matches!(save_state(&a), SaveState::Saved(_)));
    assert_eq!(
        keys(&mut a, "2"),
        vec![Effect::SaveAnswer {
            session: id,
            question: "consent".into(),
            field: Field::Answer
        }]
    );
}

#[test]
fn a_lost_lock_makes_the_session_read_only() {
    let mut a = in_interview();
    let id = session_id(&a);
    update(&mut a, Event::LockLost { session: id });
    assert!(matches!(save_state(&a), SaveState::ReadOnly(_)));
    assert_eq!(
        keys(&mut a, "1<tab>words"),
        vec![],
        "nothing is written any more"
    );
}

#[test]
fn a_lock_conflict_asks_and_each_answer_opens_accordingly() {
    let mut a = app();
    let holder = crate::store::LockHolder {
        pid: 7,
        host: "box".into(),
        user: "bea".into(),
        since: Timestamp::UNIX_EPOCH,
    };
    update(
        &mut a,
        Event::LockConflict {
            call_id: "c".into(),
            session_id: "s".into(),
            holder: holder.clone(),
        },
    );
    assert!(
        a.dialog
            .as_ref()
            .is_some_and(|d| d.body.contains("bea (process 7 on box)"))
    );
    assert_eq!(
        keys(&mut a, "r"),
        vec![Effect::OpenCall {
            call_id: "c".into(),
            session_id: "s".into(),
            claim: Claim::IfFree,
            read_only: true
        }]
    );
    update(
        &mut a,
        Event::LockConflict {
            call_id: "c".into(),
            session_id: "s".into(),
            holder,
        },
    );
    assert_eq!(
        keys(&mut a, "t"),
        vec![Effect::OpenCall {
            call_id: "c".into(),
            session_id: "s".into(),
            claim: Claim::TakeOver,
            read_only: false
        }]
    );
}

#[test]
fn arrows_walk_between_the_fields_of_a_question() {
    let mut a = in_interview();
    keys(&mut a, "<tab>");
    let field = |a: &App| match &a.screen {
        Screen::Interview(v) => v.tab().field,
        _ => panic!(),
    };
    assert_eq!(field(&a), Field::Note);
    keys(&mut a, "<up>");
    assert_eq!(
        field(&a),
        Field::Answer,
        "from the note's first line up to the answer"
    );
    keys(&mut a, "<down>");
    assert_eq!(
        field(&a),
        Field::Answer,
        "on a choice, down moves the option cursor"
    );
}

/// The interview on screen; `why` says what the test expected there.
fn view<'a>(a: &'a App, why: &str) -> &'a super::interview::CallView {
    match &a.screen {
        Screen::Interview(v) => v,
        _ => panic!("{why}"),
    }
}

fn chosen(a: &App, question: &str) -> Vec<String> {
    let v = view(a, "not in an interview");
    match v
        .tab()
        .session
        .answers
        .get(question)
        .and_then(|a| a.value.clone())
    {
        Some(crate::session::Value::Choices(c)) => c,
        None => Vec::new(),
        other => panic!("{other:?}"),
    }
}

fn flash(a: &App) -> String {
    a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn on_a_list_of_seventeen_two_digits_pick_options_past_ten() {
    let mut a = in_interview();
    // consent first, so the rest of the guide is shown.
    keys(&mut a, "1/challenges<enter>");
    let v = view(&a, "not in an interview");
    assert_eq!(v.question().id, "challenges");
    // 3 cannot start a number up to 17: it ticks at once.
    keys(&mut a, "3");
    assert_eq!(chosen(&a, "challenges"), ["no_national_law"]);
    // 1 waits for a second digit, saying so, and ticks nothing yet.
    assert_eq!(keys(&mut a, "1"), vec![]);
    assert_eq!(chosen(&a, "challenges"), ["no_national_law"]);
    assert!(flash(&a).contains("10–17"), "{}", flash(&a));
    keys(&mut a, "5");
    assert_eq!(
        chosen(&a, "challenges"),
        ["no_national_law", "tools_inadequate"],
        "1 5 is option 15"
    );
    assert_eq!(flash(&a), "", "the hint about the waiting digit is gone");
    // 1 then Space: option 1, where the cursor went.
    keys(&mut a, "1<space>");
    assert_eq!(
        chosen(&a, "challenges"),
        ["too_complex", "no_national_law", "tools_inadequate"]
    );
    // 1 0 is the tenth; 0 alone too (it unticks it again).
    keys(&mut a, "10");
    assert!(chosen(&a, "challenges").contains(&"knowledge_prevention_response".to_string()));
    keys(&mut a, "0");
    assert!(!chosen(&a, "challenges").contains(&"knowledge_prevention_response".to_string()));
    // No option 18: nothing changes.
    let before = chosen(&a, "challenges");
    keys(&mut a, "18");
    assert_eq!(flash(&a), "There is no option 18");
    assert_eq!(chosen(&a, "challenges"), before);
    // Esc takes the waiting digit back, and stays on the question.
    keys(&mut a, "1<esc>");
    assert_eq!(chosen(&a, "challenges"), before);
    let v = view(&a, "Esc after a digit left the interview");
    assert_eq!(v.question().id, "challenges");
    // Any other key takes option 1 first, as on a short list: 1 then j unticks 1 (it was
    // ticked), and the cursor moves from it; 1 then PgDn ticks it again and moves on.
    keys(&mut a, "1j");
    assert!(!chosen(&a, "challenges").contains(&"too_complex".to_string()));
    let e = keys(&mut a, "1<pgdn>");
    assert!(chosen(&a, "challenges").contains(&"too_complex".to_string()));
    assert!(
        e.iter().any(|e| matches!(e, Effect::SaveAnswer { .. }))
            && e.iter().any(|e| matches!(e, Effect::SavePosition { .. })),
        "{e:?}"
    );
    let v = view(&a, "not in an interview");
    assert_ne!(v.question().id, "challenges", "PgDn moved on");
}

#[test]
fn on_a_list_of_ten_or_fewer_a_digit_picks_at_once() {
    let mut a = in_interview();
    keys(&mut a, "1/populations<enter>");
    let v = view(&a, "not in an interview");
    assert!(option_count(v) <= 10);
    keys(&mut a, "1");
    assert_eq!(
        chosen(&a, "populations").len(),
        1,
        "no waiting for a second digit"
    );
}

fn option_count(v: &super::interview::CallView) -> usize {
    super::interview::option_rows(v.question()).len()
}

fn add_panel(a: &App) -> Option<(Vec<Structure>, usize)> {
    match &view(a, "not in an interview").panel {
        Some(super::panels::Panel::AddStructure(p)) => Some((p.choices.clone(), p.cursor)),
        _ => None,
    }
}

#[test]
fn plus_adds_a_structure_that_joined_the_call() {
    let mut a = in_interview();
    let id = session_id(&a);
    assert_eq!(keys(&mut a, "+"), vec![]);
    assert_eq!(a.ctx(), super::keymap::Ctx::AddStructure);
    assert_eq!(
        add_panel(&a),
        Some((
            vec![Structure::CpAor, Structure::GbvAor, Structure::Other],
            0
        )),
        "the structures not on the call yet, then Other"
    );
    assert_eq!(
        keys(&mut a, "<down><enter>"),
        vec![Effect::AddSession {
            like: id.clone(),
            structure: Structure::GbvAor,
            label: String::new(),
            joined: None
        }]
    );
    assert_eq!(add_panel(&a), None, "Enter closes the panel");
    // Esc closes without adding.
    assert_eq!(keys(&mut a, "+<esc>"), vec![]);
    assert_eq!(add_panel(&a), None);
    assert_eq!(a.ctx(), super::keymap::Ctx::Interview);
    // Other needs a name; typing one moves the choice to Other.
    assert_eq!(keys(&mut a, "+<down><down><enter>"), vec![]);
    assert!(flash(&a).contains("name first"), "{}", flash(&a));
    assert_eq!(keys(&mut a, "<up><up>"), vec![]);
    assert_eq!(
        keys(&mut a, "Shelter Cluster <enter>"),
        vec![Effect::AddSession {
            like: id.clone(),
            structure: Structure::Other,
            label: "Shelter Cluster".into(),
            joined: None
        }]
    );
    // Tab goes to the organisation of whoever joined: the coordinator of that structure
    // becomes a participant of the new session. Typing there leaves the choice alone.
    assert_eq!(
        keys(&mut a, "+<down><tab>UNICEF<enter>"),
        vec![Effect::AddSession {
            like: id.clone(),
            structure: Structure::GbvAor,
            label: String::new(),
            joined: Some(Participant {
                role: "gbv_aor_coordinator".into(),
                organisation: "UNICEF".into(),
                name: String::new()
            })
        }]
    );
}

#[test]
fn the_added_session_opens_in_a_new_tab_of_its_call() {
    let mut a = in_interview();
    let mut s = view(&a, "not in an interview").tab().session.clone();
    s.id = "new-session".into();
    s.structure = Structure::GbvAor;
    assert_eq!(
        update(&mut a, Event::SessionAdded(Box::new(s.clone()))),
        vec![]
    );
    let v = view(&a, "not in an interview");
    assert_eq!(v.tabs.len(), 2);
    assert_eq!(v.tab().session.id, "new-session", "the new tab is shown");
    assert!(
        flash(&a).starts_with("GBV AOR added to the call"),
        "{}",
        flash(&a)
    );
    // Arriving after its call was left, the session is given back.
    s.call_id = "another-call".into();
    s.id = "late".into();
    assert_eq!(
        update(&mut a, Event::SessionAdded(Box::new(s))),
        vec![Effect::CloseCall {
            sessions: vec!["late".into()]
        }]
    );
    assert_eq!(view(&a, "not in an interview").tabs.len(), 2);
}
