//! Store benchmark: with 10,000 sessions of the coordinator guide in an on-disk database,
//! the time to commit one edit (a keystroke in a note) and to load a session.
//!
//! Run: `cargo bench --bench store`. Prints median, p99 and spread of each measurement.

use std::time::{Duration, Instant};

mod common;

use stocktake::session::{Change, Field, Value};
use stocktake::store::{Claim, Store, system_clock};

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
    let g = common::coordinator();
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Instant::now();
    let id = common::store_with_sessions(dir.path(), SESSIONS);
    println!("setup: {SESSIONS} sessions written in {:.1?}", t.elapsed());
    let (mut store, _) = Store::open(dir.path(), system_clock()).expect("store");
    store.lock_session(&id, Claim::IfFree).expect("lock");
    let mut s = store.load_session(&id).expect("session");

    // One keystroke in a note: the edit in memory and its committed transaction.
    let mut note = String::from("Half-filled note about the working group. ");
    let mut commit = Vec::new();
    for i in 0..3000 {
        note.push(char::from(b'a' + (i % 26) as u8));
        let t = Instant::now();
        s.set_note(&g.guide, "tip_mechanism", &note, store.now())
            .expect("type");
        store
            .apply(&Change::answer(&s, &g.guide, "tip_mechanism", Field::Note))
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
            .apply(&Change::answer(
                &s,
                &g.guide,
                "tip_mechanism",
                Field::Answer,
            ))
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
