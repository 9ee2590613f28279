//! Store benchmark: with 10,000 sessions of the coordinator guide in an on-disk database,
//! the time to commit one edit (a keystroke in a note) and to load a session.
//!
//! Run: `cargo bench --bench store`. Prints median, p99 and spread of each measurement.

use std::time::{Duration, Instant};

use stocktake::guide::{Catalog, QuestionType, Structure};
use stocktake::session::{Field, Participant, Value};
use stocktake::store::{Claim, NewCall, Store, system_clock};

const SESSIONS: usize = 10_000;

fn stats(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pct = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name:<44} n={:<6} median {:>9.3?}  p99 {:>9.3?}  min {:>9.3?}  max {:>9.3?}",
        samples.len(),
        pct(0.5),
        pct(0.99),
        samples[0],
        samples[samples.len() - 1]
    );
}

fn main() {
    // `cargo test` runs benches with --bench absent only when asked; stay quiet then.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let catalog = Catalog::bundled();
    let g = catalog
        .get("gpc-attt-coordinator")
        .expect("bundled guide")
        .clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open(dir.path(), system_clock()).expect("store");

    // One fully answered session through the API...
    let call = NewCall {
        response: "South Sudan".into(),
        interviewer: "amina".into(),
        language: "en".into(),
        structures: vec![(Structure::ProtectionCluster, String::new())],
        participants: vec![Participant {
            role: "protection_cluster_coordinator".into(),
            organisation: "UNHCR".into(),
            name: String::new(),
        }],
        consent: Some(true),
    };
    let (_, sessions) = store.create_call(&g, &call).expect("call");
    let mut s = sessions[0].clone();
    store.lock_session(&s.id, Claim::IfFree).expect("lock");
    let now = store.now();
    for q in g.guide.questions() {
        let v = match q.kind {
            QuestionType::Single => Value::Choice(q.options[0].value.clone()),
            QuestionType::Multi => {
                Value::Choices(q.options.iter().take(3).map(|o| o.value.clone()).collect())
            }
            QuestionType::YesNo => Value::YesNo(true),
            QuestionType::Number => Value::Number(3.0),
            QuestionType::Scale => Value::Scale(q.min.unwrap_or(1.0) as i64),
            QuestionType::Date => Value::Date(jiff::civil::date(2018, 3, 14)),
            QuestionType::Text | QuestionType::LongText => {
                Value::Text("A considered answer. ".repeat(10))
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
    store.save_all(&s, &g.guide).expect("save");

    // ...then copied in SQL to 10,000, which the API would take minutes to do one by one.
    let t = Instant::now();
    {
        let mut raw = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
        let tx = raw.transaction().expect("tx");
        for i in 1..SESSIONS {
            let call_id = format!("BENCHCALL{i:017}");
            let id = format!("BENCHSESS{i:017}");
            tx.execute(
                "INSERT INTO calls SELECT ?1, guide_digest, response, interviewer, language, started_at, ended_at, note FROM calls WHERE id = ?2",
                [&call_id, &s.call_id],
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
    }
    println!("setup: {SESSIONS} sessions written in {:.1?}", t.elapsed());

    // One keystroke in a note: the edit in memory and its committed transaction.
    let mut note = String::from("Half-filled note about the working group. ");
    let mut commit = Vec::new();
    for i in 0..3000 {
        note.push(char::from(b'a' + (i % 26) as u8));
        let t = Instant::now();
        s.set_note(&g.guide, "tip_mechanism", &note, store.now())
            .expect("type");
        store
            .save_answer(&s, &g.guide, "tip_mechanism", Field::Note)
            .expect("commit");
        commit.push(t.elapsed());
    }
    stats("commit one keystroke in a note (WAL)", commit);

    let mut answer = Vec::new();
    for i in 0..1000 {
        let v = ["wg_embedded", "none", "within_cp_aor"][i % 3];
        let t = Instant::now();
        s.set_value(
            &g.guide,
            "tip_mechanism",
            Value::Choice(v.into()),
            store.now(),
        )
        .expect("answer");
        store
            .save_answer(&s, &g.guide, "tip_mechanism", Field::Answer)
            .expect("commit");
        answer.push(t.elapsed());
    }
    stats("commit one answer change (WAL)", answer);

    let mut load = Vec::new();
    for i in 0..500 {
        let id = if i % 2 == 0 {
            s.id.clone()
        } else {
            format!("BENCHSESS{:017}", 1 + (i * 37) % (SESSIONS - 1))
        };
        let t = Instant::now();
        let loaded = store.load_session(&id).expect("load");
        load.push(t.elapsed());
        assert_eq!(loaded.answers.len(), g.guide.question_count());
    }
    stats("load one session (38 answers)", load);

    let mut list = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let rows = store.summaries().expect("summaries");
        list.push(t.elapsed());
        assert_eq!(rows.len(), SESSIONS);
    }
    stats("list all 10,000 sessions (home screen)", list);

    let mut open = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let (other, _) = Store::open(dir.path(), system_clock()).expect("open");
        open.push(t.elapsed());
        drop(other);
    }
    stats("open the database", open);
}
