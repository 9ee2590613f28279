//! Shared by the benchmarks: an on-disk store of 10,000 fully answered sessions, built
//! through the API for one session and copied in SQL for the rest (the API would take
//! minutes), and generated session files.
#![allow(dead_code)]

use std::path::Path;

// The binary's allocator (src/main.rs): every benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use stocktake::guide::{Catalog, LoadedGuide, QuestionType, Structure};
use stocktake::interview::{NewCall, plan_call};
use stocktake::session::{Change, Participant, Session, Value};
use stocktake::store::{Store, system_clock};

pub fn coordinator() -> LoadedGuide {
    Catalog::bundled()
        .get("gpc-attt-coordinator")
        .expect("bundled guide")
        .clone()
}

/// One fully answered session, completed or not.
pub fn answered_session(store: &mut Store, g: &LoadedGuide, i: usize) -> Session {
    let call = NewCall {
        response: format!("Response {i}"),
        interviewer: "amina".into(),
        language: "en".into(),
        structures: vec![(Structure::DEFAULTS[i % 3], String::new())],
        participants: vec![Participant {
            role: "ngo".into(),
            organisation: "NGO".into(),
            name: String::new(),
        }],
        consent: Some(true),
    };
    let now = store.now();
    let guide = std::sync::Arc::new(g.clone());
    let Change::CreateCall {
        guide,
        call,
        mut sessions,
    } = plan_call(guide, &call, now).expect("call")
    else {
        unreachable!("plan_call makes a call")
    };
    let mut s = sessions.remove(0);
    for q in g.guide.questions() {
        let v = match q.kind {
            QuestionType::Single => Value::Choice(q.options[i % q.options.len()].value.clone()),
            QuestionType::Multi => {
                Value::Choices(q.options.iter().take(2).map(|o| o.value.clone()).collect())
            }
            QuestionType::YesNo => Value::YesNo(i.is_multiple_of(2)),
            QuestionType::Number => Value::Number(3.0),
            QuestionType::Scale => Value::Scale(q.min.unwrap_or(1.0) as i64),
            QuestionType::Date => Value::Date(jiff::civil::date(2018, 3, 14)),
            QuestionType::Text | QuestionType::LongText => {
                Value::Text("A considered answer. ".repeat(6))
            }
        };
        s.set_value(&g.guide, &q.id, v, now).expect("value");
        s.set_note(
            &g.guide,
            &q.id,
            "Probed further; see the general notes.",
            now,
        )
        .expect("note");
    }
    // Created answered, in one transaction, and held.
    store
        .apply(&Change::CreateCall {
            guide,
            call,
            sessions: vec![s.clone()],
        })
        .expect("save");
    s
}

/// A data dir holding `n` sessions; returns the id of the one made through the API.
pub fn store_with_sessions(dir: &Path, n: usize) -> String {
    let (mut store, _) = Store::open(dir, system_clock()).expect("store");
    let g = coordinator();
    let s = answered_session(&mut store, &g, 0);
    store.unlock_session(&s.id).expect("unlock");
    drop(store);
    let mut raw = rusqlite::Connection::open(dir.join("stocktake.db")).expect("raw");
    let tx = raw.transaction().expect("tx");
    for i in 1..n {
        let call_id = format!("BENCHCALL{i:017}");
        let id = format!("BENCHSESS{i:017}");
        tx.execute(
            "INSERT INTO calls SELECT ?1, guide_digest, response || ?3, interviewer, language, started_at, ended_at, note FROM calls WHERE id = ?2",
            rusqlite::params![call_id, s.call_id, format!(" {i}")],
        )
        .expect("call");
        tx.execute(
            "INSERT INTO sessions SELECT ?1, ?2, ordinal, structure, structure_label, consent, status, revision, parent, started_at,
                updated_at, completed_at, position_question, position_field, answered, visible, required, required_answered
             FROM sessions WHERE id = ?3",
            [&id, &call_id, &s.id],
        )
        .expect("session");
        tx.execute(
            "INSERT INTO answers SELECT ?1, question, value_kind, value, special, other, note, first_changed_at, changed_at FROM answers WHERE session_id = ?2",
            [&id, &s.id],
        )
        .expect("answers");
        tx.execute(
            "INSERT INTO participants SELECT ?1, seq, role, organisation, name FROM participants WHERE session_id = ?2",
            [&id, &s.id],
        )
        .expect("participants");
    }
    tx.commit().expect("commit");
    s.id
}

/// `n` completed session files of the coordinator guide in `dir`.
pub fn session_files(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("dir");
    let g = coordinator();
    let mut store = Store::open_in_memory(system_clock()).expect("store");
    for i in 0..n {
        let mut s = answered_session(&mut store, &g, i);
        s.complete(&g.guide, store.now()).expect("complete");
        std::fs::write(
            dir.join(stocktake::sync::file_name(&s)),
            stocktake::sync::render(&s, &g),
        )
        .expect("write");
    }
}
