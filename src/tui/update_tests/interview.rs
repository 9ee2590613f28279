//! `update` on the interview screen: what each key changes and the change it asks to save.

use jiff::Timestamp;

use super::super::app::{App, Screen};
use super::super::interview::SaveState;
use super::super::msg::{Effect, Event};
use super::super::update::update;
use super::flash;
use super::{in_interview, in_interview_staying, keys, save_state, session_id};
use crate::guide::Structure;
use crate::session::{Change, Field, Participant, Value};

/// The one change an effect list saves, when it is exactly one `Persist`.
fn persisted(e: &[Effect]) -> &Change {
    match e {
        [Effect::Persist(c)] => c,
        other => panic!("not one change: {other:?}"),
    }
}

#[test]
fn every_edit_carries_what_it_saves_and_moving_saves_the_place() {
    let mut a = in_interview_staying();
    let id = session_id(&a);
    let e = keys(&mut a, "1");
    let Change::Answer {
        session,
        question,
        field,
        answer,
        stamp,
    } = persisted(&e)
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (session.as_str(), question.as_str(), *field),
        (id.as_str(), "consent", Field::Answer)
    );
    assert_eq!(
        answer.as_ref().and_then(|a| a.value.clone()),
        Some(Value::YesNo(true))
    );
    assert_eq!(stamp.status, crate::session::Status::InProgress);
    assert_eq!(save_state(&a), SaveState::Saving);
    let e = keys(&mut a, "<tab>");
    let Change::Position { position, .. } = persisted(&e) else {
        panic!("{e:?}")
    };
    assert_eq!(position.field, Field::Note);
    let e = keys(&mut a, "x");
    let Change::Answer { field, answer, .. } = persisted(&e) else {
        panic!("{e:?}")
    };
    assert_eq!(*field, Field::Note);
    assert_eq!(answer.as_ref().map(|a| a.note.as_str()), Some("x"));
    let e = keys(&mut a, "<pgdn>");
    let Change::Position { position, .. } = persisted(&e) else {
        panic!("{e:?}")
    };
    assert_ne!(position.question.as_deref(), Some("consent"));
    // The notes pad is a place of its own: a restart lands in it again.
    let e = keys(&mut a, "<C-g>");
    let Change::Position { position, .. } = persisted(&e) else {
        panic!("{e:?}")
    };
    assert!(position.pad);
    let e = keys(&mut a, "<esc>");
    let Change::Position { position, .. } = persisted(&e) else {
        panic!("{e:?}")
    };
    assert!(!position.pad);
    assert_eq!(keys(&mut a, "<C-f>"), vec![], "opening find saves nothing");
    assert_eq!(keys(&mut a, "<esc>"), vec![]);
    assert_eq!(
        keys(&mut a, "<esc>"),
        vec![
            Effect::CloseCall {
                sessions: vec![id.clone()]
            },
            Effect::LoadHome,
            Effect::LoadPlan
        ]
    );
    assert!(matches!(a.screen, Screen::Home));
}

#[test]
fn the_save_indicator_follows_the_store_and_what_waits_is_retried() {
    let mut a = in_interview();
    let id = session_id(&a);
    keys(&mut a, "1");
    update(
        &mut a,
        Event::Saved {
            sessions: vec![id.clone()],
            at: Timestamp::UNIX_EPOCH,
        },
    );
    assert!(matches!(save_state(&a), SaveState::Saved(Some(_))));
    // A change that cannot be saved is still asked for as itself: the runner queues it.
    let e = keys(&mut a, "2");
    assert!(matches!(persisted(&e), Change::Answer { .. }));
    update(
        &mut a,
        Event::NotSaved {
            sessions: vec![id.clone()],
            message: "disk full".into(),
            waiting: 1,
        },
    );
    assert_eq!(save_state(&a), SaveState::Failed("disk full".into()));
    assert!(flash(&a).contains("1 change waits"), "{}", flash(&a));
    // Edits made meanwhile are still single changes, and the screen still says not saved.
    let e = keys(&mut a, "1");
    assert!(matches!(persisted(&e), Change::Answer { .. }));
    assert_eq!(save_state(&a), SaveState::Failed("disk full".into()));
    // Once a second, what waits is tried again.
    assert_eq!(
        update(&mut a, Event::Tick(Timestamp::UNIX_EPOCH)),
        vec![Effect::Retry {
            sessions: vec![id.clone()]
        }]
    );
    update(
        &mut a,
        Event::Saved {
            sessions: vec![id.clone()],
            at: Timestamp::UNIX_EPOCH,
        },
    );
    assert!(matches!(save_state(&a), SaveState::Saved(_)));
    assert_eq!(update(&mut a, Event::Tick(Timestamp::UNIX_EPOCH)), vec![]);
}

#[test]
fn leaving_with_changes_not_saved_asks_first() {
    let mut a = in_interview();
    let id = session_id(&a);
    keys(&mut a, "1");
    update(
        &mut a,
        Event::NotSaved {
            sessions: vec![id.clone()],
            message: "the disk is full".into(),
            waiting: 1,
        },
    );
    assert_eq!(keys(&mut a, "<esc>"), vec![], "asks instead of leaving");
    assert!(
        a.dialog
            .as_ref()
            .is_some_and(|d| d.body.en().contains("the disk is full"))
    );
    assert_eq!(keys(&mut a, "s"), vec![], "stay");
    assert!(matches!(a.screen, Screen::Interview(_)));
    keys(&mut a, "<esc>");
    assert_eq!(
        keys(&mut a, "l"),
        vec![
            Effect::Discard {
                sessions: vec![id.clone()]
            },
            Effect::CloseCall { sessions: vec![id] },
            Effect::LoadHome,
            Effect::LoadPlan
        ]
    );
    assert!(matches!(a.screen, Screen::Home));
}

#[test]
fn a_lost_lock_makes_the_session_read_only() {
    let mut a = in_interview();
    let id = session_id(&a);
    update(&mut a, Event::LockLost { session: id });
    assert!(
        view(&a, "not in an interview")
            .read_only(0)
            .is_some_and(|why| why == crate::interview::ReadOnly::TakenOver)
    );
    assert_eq!(
        keys(&mut a, "1<tab>words"),
        vec![],
        "nothing is written any more"
    );
    assert!(flash(&a).starts_with("Read-only"), "{}", flash(&a));
    assert_eq!(
        view(&a, "not in an interview").tab().note.text(),
        "",
        "nor shown as if it were"
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
fn view<'a>(a: &'a App, why: &str) -> &'a super::super::interview::CallView {
    match &a.screen {
        Screen::Interview(v) => v,
        _ => panic!("{why}"),
    }
}

fn chosen(a: &App, question: &str) -> Vec<String> {
    let v = view(a, "not in an interview");
    match v
        .session()
        .answers
        .get(question)
        .and_then(|a| a.value.clone())
    {
        Some(crate::session::Value::Choices(c)) => c,
        None => Vec::new(),
        other => panic!("{other:?}"),
    }
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
    keys(&mut a, "1<down>");
    assert!(!chosen(&a, "challenges").contains(&"too_complex".to_string()));
    let e = keys(&mut a, "1<pgdn>");
    assert!(chosen(&a, "challenges").contains(&"too_complex".to_string()));
    assert!(
        e.iter()
            .any(|e| matches!(e, Effect::Persist(Change::Answer { .. })))
            && e.iter()
                .any(|e| matches!(e, Effect::Persist(Change::Position { .. }))),
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

fn option_count(v: &super::super::interview::CallView) -> usize {
    super::super::interview::option_rows(v.question(), v.session()).len()
}

fn add_panel(a: &App) -> Option<(Vec<Structure>, usize)> {
    match &view(a, "not in an interview").panel {
        Some(super::super::panels::Panel::AddStructure(p)) => Some((p.choices.clone(), p.cursor)),
        _ => None,
    }
}

/// The session an effect list adds, when it is exactly one `AddSession`.
fn added(e: &[Effect]) -> &crate::session::Session {
    match e {
        [Effect::AddSession(Change::AddSession { session, .. })] => session,
        other => panic!("not one new session: {other:?}"),
    }
}

#[test]
fn plus_adds_a_structure_that_joined_the_call() {
    let mut a = in_interview();
    let call_id = view(&a, "not in an interview").call().id.clone();
    assert_eq!(keys(&mut a, "+"), vec![]);
    assert_eq!(a.ctx(), super::super::keymap::Ctx::AddStructure);
    assert_eq!(
        add_panel(&a),
        Some((
            vec![Structure::CpAor, Structure::GbvAor, Structure::Other],
            0
        )),
        "the structures not on the call yet, then Other"
    );
    let e = keys(&mut a, "<down><enter>");
    let s = added(&e);
    assert_eq!(
        (s.structure, s.structure_label.as_str(), s.call_id.as_str()),
        (Structure::GbvAor, "", call_id.as_str())
    );
    assert_eq!(s.participants.len(), 1, "the call's participants");
    assert_eq!(add_panel(&a), None, "Enter closes the panel");
    // Esc closes without adding.
    assert_eq!(keys(&mut a, "+<esc>"), vec![]);
    assert_eq!(add_panel(&a), None);
    assert_eq!(a.ctx(), super::super::keymap::Ctx::Interview);
    // Other needs a name; typing one moves the choice to Other.
    assert_eq!(keys(&mut a, "+<down><down><enter>"), vec![]);
    assert!(flash(&a).contains("name first"), "{}", flash(&a));
    assert_eq!(keys(&mut a, "<up><up>"), vec![]);
    let e = keys(&mut a, "Shelter Cluster <enter>");
    let s = added(&e);
    assert_eq!(
        (s.structure, s.structure_label.as_str()),
        (Structure::Other, "Shelter Cluster")
    );
    // Tab goes to the organisation of whoever joined: the coordinator of that structure
    // becomes a participant of the new session. Typing there leaves the choice alone.
    let e = keys(&mut a, "+<down><tab>UNICEF<enter>");
    let s = added(&e);
    assert_eq!(s.structure, Structure::GbvAor);
    assert_eq!(
        s.participants.last(),
        Some(&Participant {
            role: "gbv_aor_coordinator".into(),
            organisation: "UNICEF".into(),
            name: String::new()
        })
    );
}

#[test]
fn the_added_session_opens_in_a_new_tab_of_its_call() {
    let mut a = in_interview();
    let mut s = view(&a, "not in an interview").session().clone();
    s.id = "new-session".into();
    s.structure = Structure::GbvAor;
    assert_eq!(
        update(&mut a, Event::SessionAdded(Box::new(s.clone()))),
        vec![]
    );
    let v = view(&a, "not in an interview");
    assert_eq!(v.tabs.len(), 2);
    assert_eq!(v.session().id, "new-session", "the new tab is shown");
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
