//! `update` alone: each key's change of state and the effects it asks for, none carried
//! out. Here the list, the form and dialogs; the interview screen in `interview.rs`.

mod advance;
mod call_details;
mod interview;
mod keys_and_undo;
mod last_tick;
mod provenance;
mod ui_language;

use std::sync::Arc;

use jiff::Timestamp;

use super::app::{App, Screen};
use super::interview::SaveState;
use super::keys::parse_keys;
use super::msg::{Effect, Event, OpenedCall};
use super::theme::Theme;
use super::update::update;
use crate::guide::{Catalog, Structure};
use crate::interview::{NewCall, plan_call};
use crate::session::{Change, Participant};
use crate::store::Claim;

/// The interview on screen; a test that is elsewhere has gone wrong.
fn view(a: &App) -> &super::interview::CallView {
    match &a.screen {
        Screen::Interview(v) => v,
        _ => panic!("not in an interview"),
    }
}

/// The question the interviewer is on.
fn here(a: &App) -> String {
    view(a).question().id.clone()
}

/// The message shown, or nothing.
fn flash(a: &App) -> String {
    a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

/// The answer's value to `q` in the session on screen.
fn value(a: &App, q: &str) -> Option<crate::session::Value> {
    view(a)
        .session()
        .answers
        .get(q)
        .and_then(|a| a.value.clone())
}

fn app() -> App {
    App::new(
        Catalog::bundled()
            .guides
            .into_iter()
            .map(Arc::new)
            .collect(),
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
    in_interview_on(Arc::new(
        Catalog::bundled()
            .get("gpc-attt-coordinator")
            .expect("guide")
            .clone(),
    ))
}

/// An app showing a fresh call on guide `g`, one protection-cluster session.
fn in_interview_on(g: Arc<crate::guide::LoadedGuide>) -> App {
    let change = plan_call(
        g.clone(),
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
        Timestamp::UNIX_EPOCH,
    )
    .expect("call");
    let Change::CreateCall { call, sessions, .. } = change else {
        panic!("not a call");
    };
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
            histories: Vec::new(),
        })),
    );
    a
}

/// The same, with the question kept after an answer (`auto_advance = false`): for tests
/// of what happens on one question.
fn in_interview_staying() -> App {
    let mut a = in_interview();
    if let Screen::Interview(v) = &mut a.screen {
        v.auto_advance = false;
    }
    a
}

fn session_id(a: &App) -> String {
    match &a.screen {
        Screen::Interview(v) => v.session().id.clone(),
        _ => panic!("not in an interview"),
    }
}

fn save_state(a: &App) -> SaveState {
    match &a.screen {
        Screen::Interview(v) => v.tab().save.clone(),
        _ => panic!("not in an interview"),
    }
}

fn summary(id: &str, response: &str, status: &str) -> crate::store::SessionSummary {
    crate::store::SessionSummary {
        id: id.into(),
        call_id: format!("call-{id}"),
        guide_id: "gpc-attt-coordinator".into(),
        guide_version: "1".into(),
        structure: "protection_cluster".into(),
        structure_label: String::new(),
        response: response.into(),
        interviewer: "amina".into(),
        status: status.into(),
        revision: 1,
        answered: 0,
        visible: 28,
        required: 2,
        required_answered: 0,
        call_started_at: String::new(),
        updated_at: String::new(),
        waiting: false,
    }
}

#[test]
fn home_keys() {
    let mut a = app();
    update(
        &mut a,
        Event::HomeLoaded(vec![
            summary("s1", "Iraq", "draft"),
            summary("s2", "Mali", "in_progress"),
            summary("s3", "Yemen", "in_progress"),
        ]),
    );
    let selected = |a: &App| a.home.selected().map(|r| r.id.clone());
    assert_eq!(keys(&mut a, "j"), vec![]);
    assert_eq!(selected(&a).as_deref(), Some("s2"), "j moves down");
    keys(&mut a, "G");
    assert_eq!(
        selected(&a).as_deref(),
        Some("s3"),
        "G goes to the last row"
    );
    keys(&mut a, "k");
    assert_eq!(selected(&a).as_deref(), Some("s2"), "k moves up");
    keys(&mut a, "g");
    assert_eq!(
        selected(&a).as_deref(),
        Some("s1"),
        "g goes to the first row"
    );
    // The filter applies as it is typed, and Esc clears it.
    keys(&mut a, "/mal");
    assert_eq!(a.home.visible().len(), 1);
    assert_eq!(selected(&a).as_deref(), Some("s2"));
    assert_eq!(keys(&mut a, "<esc>"), vec![]);
    assert_eq!(a.home.visible().len(), 3);
    // Enter opens the selected session's call, for editing.
    keys(&mut a, "j");
    assert_eq!(
        keys(&mut a, "<enter>"),
        vec![Effect::OpenCall {
            call_id: "call-s2".into(),
            session_id: "s2".into(),
            claim: Claim::IfFree,
            read_only: false
        }]
    );
    assert_eq!(keys(&mut a, "q"), vec![Effect::Quit]);
    let mut a = app();
    assert_eq!(keys(&mut a, "n"), vec![]);
    assert!(matches!(a.screen, Screen::NewCall(_)));
    assert_eq!(keys(&mut a, "<esc>"), vec![]);
    assert!(matches!(a.screen, Screen::Home));
}

fn hint_labels(a: &App) -> Vec<String> {
    super::keymap::hints(a.ctx(), a.lang(), |x| a.offers(x))
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn the_home_hint_bar_offers_only_what_works_on_the_selected_row() {
    let mut a = app();
    update(&mut a, Event::HomeLoaded(Vec::new()));
    assert_eq!(hint_labels(&a), vec!["new call", "help", "quit"]);

    let draft = summary("s1", "Iraq", "draft");
    let started = summary("s2", "Iraq", "in_progress");
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
    assert!(
        !hint_labels(&a).contains(&"open".to_string()),
        "{:?}",
        hint_labels(&a)
    );
}

#[test]
fn the_form_asks_to_create_the_call() {
    let mut a = app();
    let e = keys(&mut a, "nMali<C-s>");
    let [
        Effect::CreateCall(Change::CreateCall {
            guide,
            call,
            sessions,
        }),
    ] = e.as_slice()
    else {
        panic!("{e:?}")
    };
    assert_eq!(guide.guide.id, "gpc-attt-coordinator");
    assert_eq!(call.response, "Mali");
    assert_eq!(sessions.len(), 1, "one structure ticked");
    assert_eq!(sessions[0].structure, Structure::ProtectionCluster);
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
            .is_some_and(|d| d.body.en().contains("bea (process 7 on box)"))
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
