//! The local store through its public API: sessions read back exactly as saved, history
//! keeps every overwritten answer, one writer per session, and every error a user can meet.

mod support;

use proptest::prelude::*;
use stocktake::guide::Structure;
use stocktake::session::{Change, Field, Session, Special, Status, Value};
use stocktake::store::{Claim, Store, StoreError};
use support::{TestClock, coordinator, new_call, store_with_session};

#[test]
fn a_new_call_makes_one_draft_session_per_structure() {
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let g = coordinator();
    let mut new = new_call(&[
        Structure::ProtectionCluster,
        Structure::CpAor,
        Structure::GbvAor,
    ]);
    // Consent not asked yet: nothing is recorded, every session is a draft.
    new.consent = None;
    let (call, sessions) = support::create_call(&mut store, &g, &new).expect("create");
    assert_eq!(sessions.len(), 3);
    assert_eq!(
        store.call_sessions(&call.id).expect("list"),
        sessions.iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    );
    for s in &sessions {
        assert_eq!(s.status, Status::Draft);
        assert_eq!(store.load_session(&s.id).expect("load"), *s);
    }
    let summaries = store.summaries().expect("summaries");
    assert_eq!(summaries.len(), 3);
    assert_eq!(summaries[0].structure, "protection_cluster");
    assert_eq!(summaries[0].required, 2, "consent and tip_engagement");
    // The guide travels with the session: it reopens even if the guide file changes.
    assert_eq!(store.load_guide(&g.digest).expect("guide").guide, g.guide);
}

#[test]
fn a_structure_that_joins_late_gets_its_own_session_on_the_same_call() {
    let (tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let g = coordinator();
    let (call, sessions) =
        support::create_call(&mut store, &g, &new_call(&[Structure::ProtectionCluster]))
            .expect("create");
    tc.advance(600);
    let gbv = support::add_session(&mut store, &g, &sessions[0], Structure::GbvAor, "ignored")
        .expect("add");
    let other = support::add_session(
        &mut store,
        &g,
        &sessions[0],
        Structure::Other,
        "  Shelter Cluster ",
    )
    .expect("add other");
    // Next in the call's order, after the sessions it started with.
    assert_eq!(
        store.call_sessions(&call.id).expect("list"),
        vec![sessions[0].id.clone(), gbv.id.clone(), other.id.clone()]
    );
    assert_eq!(store.load_session(&gbv.id).expect("load"), gbv);
    assert_eq!(
        (gbv.structure, gbv.structure_label.as_str()),
        (Structure::GbvAor, ""),
        "a label only for Other"
    );
    assert_eq!(other.structure_label, "Shelter Cluster");
    // The call's response, interviewer, participants and consent; its own start and status.
    assert_eq!(
        (&gbv.call_id, &gbv.response, &gbv.interviewer),
        (&call.id, &sessions[0].response, &sessions[0].interviewer)
    );
    assert_eq!(gbv.participants, sessions[0].participants);
    assert_eq!(gbv.consent, sessions[0].consent);
    // The call's consent is its answer to the consent question too, as for the others.
    assert_eq!(
        gbv.answers["consent"].value,
        sessions[0].answers["consent"].value
    );
    assert_eq!(gbv.status, Status::InProgress);
    assert!(gbv.started_at > sessions[0].started_at);
    let summaries = store.summaries().expect("summaries");
    assert_eq!(summaries.len(), 3);
    assert!(
        summaries
            .iter()
            .any(|s| s.id == gbv.id && s.structure == "gbv_aor")
    );
}

#[test]
fn the_call_note_and_end_are_saved() {
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let (mut call, _) =
        support::create_call(&mut store, &coordinator(), &new_call(&[Structure::CpAor]))
            .expect("call");
    call.note = "Line dropped twice; GBV AOR coordinator joined late.".into();
    call.ended_at = Some(store.now());
    store
        .apply(&Change::CallDetails {
            call: call.id.clone(),
            response: call.response.clone(),
            note: call.note.clone(),
            ended_at: call.ended_at,
        })
        .expect("save");
    assert_eq!(store.load_call(&call.id).expect("load"), call);
}

#[test]
fn every_field_saves_and_reloads_and_progress_follows() {
    let (mut store, tc, g, mut s) = store_with_session();
    let now = tc.now();
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("consent");
    store
        .apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
        .expect("save");
    s.set_value(
        &g.guide,
        "tip_forms",
        Value::Choices(vec!["other".into(), "forced_labour".into()]),
        now,
    )
    .expect("forms");
    store
        .apply(&Change::answer(&s, &g.guide, "tip_forms", Field::Answer))
        .expect("save");
    s.set_other(&g.guide, "tip_forms", "begging rings", now)
        .expect("other");
    store
        .apply(&Change::answer(&s, &g.guide, "tip_forms", Field::Other))
        .expect("save");
    s.set_note(
        &g.guide,
        "tip_mechanism",
        "Set up in January; meets monthly.",
        now,
    )
    .expect("note");
    store
        .apply(&Change::answer(&s, &g.guide, "tip_mechanism", Field::Note))
        .expect("save");
    s.set_special(&g.guide, "baseline", Special::DontKnow, now)
        .expect("dk");
    store
        .apply(&Change::answer(&s, &g.guide, "baseline", Field::Answer))
        .expect("save");
    let seq = s
        .add_note(
            "Mentions a GBV hotline that records TIP cases.",
            None,
            &g.guide,
            now,
        )
        .expect("note");
    store
        .apply(&Change::note(&s, &g.guide, seq))
        .expect("save note");
    s.attach_note(seq, Some("tip_activities"), &g.guide, now)
        .expect("attach");
    store
        .apply(&Change::note(&s, &g.guide, seq))
        .expect("save note");
    s.position.question = Some("tip_mechanism".into());
    s.position.field = Field::Note;
    store.apply(&Change::position(&s)).expect("position");

    let back = store.load_session(&s.id).expect("load");
    assert_eq!(back, s);
    assert_eq!(back.status, Status::InProgress);
    // Multi choices are kept in the guide's option order.
    assert_eq!(
        back.answers["tip_forms"].value,
        Some(Value::Choices(vec!["forced_labour".into(), "other".into()]))
    );
    let p = store.stored_progress(&s.id).expect("progress");
    assert_eq!(p, s.progress(&g.guide));
    assert_eq!((p.required, p.required_answered), (2, 1));
}

#[test]
fn an_overwritten_answer_can_be_recovered_from_the_history() {
    let (mut store, tc, g, mut s) = store_with_session();
    for (i, v) in ["wg_embedded", "none", "within_cp_aor"]
        .into_iter()
        .enumerate()
    {
        tc.advance(1 + i as i64);
        s.set_value(&g.guide, "tip_mechanism", Value::Choice(v.into()), tc.now())
            .expect("set");
        store
            .apply(&Change::answer(
                &s,
                &g.guide,
                "tip_mechanism",
                Field::Answer,
            ))
            .expect("save");
    }
    let h = store.history(&s.id).expect("history");
    let answers: Vec<(&str, &str)> = h
        .iter()
        .filter(|e| e.target == "answer:tip_mechanism")
        .map(|e| (e.old.as_str(), e.new.as_str()))
        .collect();
    assert_eq!(
        answers,
        [
            ("", "wg_embedded"),
            ("wg_embedded", "none"),
            ("none", "within_cp_aor")
        ]
    );
}

#[test]
fn typing_a_note_is_one_history_entry_per_burst() {
    let (mut store, tc, g, mut s) = store_with_session();
    let mut text = String::new();
    for c in "Meets monthly".chars() {
        text.push(c);
        tc.advance(1);
        s.set_note(&g.guide, "tip_mechanism", &text, tc.now())
            .expect("type");
        store
            .apply(&Change::answer(&s, &g.guide, "tip_mechanism", Field::Note))
            .expect("save");
    }
    // A pause, then more typing: a second entry that starts from the first's result.
    tc.advance(60);
    text.push_str(" at UNHCR");
    s.set_note(&g.guide, "tip_mechanism", &text, tc.now())
        .expect("type");
    store
        .apply(&Change::answer(&s, &g.guide, "tip_mechanism", Field::Note))
        .expect("save");
    let h: Vec<_> = store
        .history(&s.id)
        .expect("history")
        .into_iter()
        .filter(|e| e.target == "note:tip_mechanism")
        .collect();
    assert_eq!(h.len(), 2, "{h:?}");
    assert_eq!(
        (h[0].old.as_str(), h[0].new.as_str()),
        ("", "Meets monthly")
    );
    assert_eq!(
        h[0].at.as_second() - h[0].began_at.as_second(),
        12,
        "time spent typing"
    );
    assert_eq!(
        (h[1].old.as_str(), h[1].new.as_str()),
        ("Meets monthly", "Meets monthly at UNHCR")
    );
}

#[test]
fn an_invalid_answer_is_refused_and_nothing_is_stored() {
    let (mut store, tc, g, mut s) = store_with_session();
    let before = store.load_session(&s.id).expect("load");
    let e = s
        .set_value(
            &g.guide,
            "tip_mechanism",
            Value::Choice("maybe".into()),
            tc.now(),
        )
        .unwrap_err();
    assert!(e.to_string().contains("has no option `maybe`"), "{e}");
    assert_eq!(s, before, "the session in memory is unchanged too");
    store
        .apply(&Change::answer(
            &s,
            &g.guide,
            "tip_mechanism",
            Field::Answer,
        ))
        .expect("save");
    assert_eq!(
        store
            .load_session(&s.id)
            .expect("load")
            .answers
            .get("tip_mechanism"),
        None
    );
}

#[test]
fn hidden_answers_are_kept_and_do_not_count() {
    let (mut store, tc, g, mut s) = store_with_session();
    let now = tc.now();
    s.set_value(&g.guide, "other_efforts_known", Value::YesNo(true), now)
        .expect("set");
    s.set_value(
        &g.guide,
        "other_efforts_reported",
        Value::Choice("not_reported".into()),
        now,
    )
    .expect("set");
    store
        .apply(&Change::answer(
            &s,
            &g.guide,
            "other_efforts_reported",
            Field::Answer,
        ))
        .expect("save");
    let shown = s.progress(&g.guide);
    s.set_value(&g.guide, "other_efforts_known", Value::YesNo(false), now)
        .expect("flip");
    store
        .apply(&Change::answer(
            &s,
            &g.guide,
            "other_efforts_known",
            Field::Answer,
        ))
        .expect("save");
    let back = store.load_session(&s.id).expect("load");
    assert!(back.answers.contains_key("other_efforts_reported"), "kept");
    assert!(
        !back
            .visibility(&g.guide)
            .is_visible("other_efforts_reported")
    );
    let hidden = back.progress(&g.guide);
    assert_eq!(hidden.answered, shown.answered - 1);
    assert_eq!(hidden.visible, shown.visible - 2);
}

#[test]
fn completing_needs_every_visible_required_answer_and_reopening_makes_a_revision() {
    let (mut store, tc, g, mut s) = store_with_session();
    let now = tc.now();
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("set");
    let e = s.complete(&g.guide, now).unwrap_err();
    assert_eq!(
        e.to_string(),
        "1 required question is still unanswered: tip_engagement"
    );
    // The classification cannot be skipped: don't know does not settle it...
    s.set_special(&g.guide, "tip_engagement", Special::DontKnow, now)
        .expect("set");
    assert!(s.complete(&g.guide, now).is_err());
    assert_eq!(s.progress(&g.guide).required_answered, 1);
    // ...while it does settle an ordinary required question.
    s.set_special(&g.guide, "consent", Special::NotAsked, now)
        .expect("set");
    assert_eq!(s.missing_required(&g.guide).len(), 1);
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("set");
    s.set_value(
        &g.guide,
        "tip_engagement",
        Value::Choice("anecdotal_only".into()),
        now,
    )
    .expect("set");
    s.complete(&g.guide, now).expect("complete");
    store
        .apply(&Change::complete(
            &s,
            &g.guide,
            stocktake::interview::freeze(&s, &g),
        ))
        .expect("save");
    let done = store.load_session(&s.id).expect("load");
    assert_eq!(
        (done.status, done.revision, done.completed_at),
        (Status::Completed, 1, Some(now))
    );
    assert!(
        s.set_note(&g.guide, "consent", "x", now).is_err(),
        "completed is read-only"
    );

    let parent = stocktake::guide::Digest::of(b"revision 1 file");
    tc.advance(3600);
    s.reopen(parent, tc.now()).expect("reopen");
    store.apply(&Change::header(&s, &g.guide)).expect("save");
    let again = store.load_session(&s.id).expect("load");
    assert_eq!(
        (again.status, again.revision, again.parent),
        (Status::InProgress, 2, Some(parent))
    );
    assert!(
        store
            .history(&s.id)
            .expect("h")
            .iter()
            .any(|e| e.target == "status" && e.old == "completed r1" && e.new == "in_progress r2")
    );
}

#[test]
fn only_drafts_can_be_deleted() {
    let (mut store, tc, g, mut s) = store_with_session();
    let mut new = new_call(&[Structure::GbvAor]);
    new.consent = None;
    let (_, drafts) = support::create_call(&mut store, &g, &new).expect("call");
    // A draft is deleted from the list, where nobody holds it.
    store.unlock_session(&drafts[0].id).expect("give back");
    store.delete_draft(&drafts[0].id).expect("a draft goes");
    assert!(matches!(
        store.load_session(&drafts[0].id),
        Err(StoreError::NoSuchSession(_))
    ));
    s.set_value(&g.guide, "consent", Value::YesNo(true), tc.now())
        .expect("set");
    store
        .apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
        .expect("save");
    let e = store.delete_draft(&s.id).unwrap_err();
    assert!(e.to_string().contains("only a draft"), "{e}");
    assert!(store.load_session(&s.id).is_ok());
}

// ---- one writer per session ---------------------------------------------------------------

fn two_stores() -> (tempfile::TempDir, Store, Store, Vec<Session>) {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (mut a, _) = Store::open(dir.path(), clock.clone()).expect("a");
    let g = coordinator();
    let (_, sessions) = support::create_call(
        &mut a,
        &g,
        &new_call(&[Structure::ProtectionCluster, Structure::CpAor]),
    )
    .expect("call");
    // Creating the call held its sessions; these tests start with none held.
    for s in &sessions {
        a.unlock_session(&s.id).expect("give back");
    }
    let (b, _) = Store::open(dir.path(), clock).expect("b");
    (dir, a, b, sessions)
}

#[test]
fn a_second_instance_is_told_who_holds_the_session() {
    let (_dir, mut a, mut b, sessions) = two_stores();
    let id = &sessions[0].id;
    assert_eq!(a.lock_session(id, Claim::IfFree).expect("a locks"), None);
    let e = b.lock_session(id, Claim::IfFree).unwrap_err();
    let StoreError::Locked { holder, .. } = &e else {
        panic!("expected Locked, got {e}");
    };
    assert_eq!(holder.pid, std::process::id());
    let msg = e.to_string();
    assert!(
        msg.contains(&format!("process {}", std::process::id()))
            && msg.contains("since 2018-03-14 09:00 UTC"),
        "{msg}"
    );
    // Read-only: b can still read it but not write it.
    let s = b.load_session(id).expect("read-only view");
    let g = coordinator();
    assert!(matches!(
        b.apply(&Change::answer(&s, &g.guide, "consent", Field::Answer)),
        Err(StoreError::NotLocked(_))
    ));
}

#[test]
fn taking_over_stops_the_old_holder_from_writing() {
    let (_dir, mut a, mut b, sessions) = two_stores();
    let g = coordinator();
    let mut s = sessions[0].clone();
    a.lock_session(&s.id, Claim::IfFree).expect("a locks");
    let previous = b
        .lock_session(&s.id, Claim::TakeOver)
        .expect("b takes over");
    assert!(
        previous.is_some(),
        "the user is told whom they took it from"
    );
    s.set_value(&g.guide, "consent", Value::YesNo(true), a.now())
        .expect("set");
    let e = a
        .apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
        .unwrap_err();
    assert!(matches!(e, StoreError::LockLost { .. }), "{e}");
    b.apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
        .expect("b writes");
}

#[test]
fn a_lock_whose_process_is_gone_is_taken_over_silently() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let g = coordinator();
    let id = {
        let (mut a, _) = Store::open(dir.path(), clock.clone()).expect("a");
        let (_, sessions) =
            support::create_call(&mut a, &g, &new_call(&[Structure::CpAor])).expect("call");
        sessions[0].id.clone()
    };
    // A lock left by a process that has exited (as after kill -9 or a dropped SSH link).
    let dead = std::process::Command::new("true").spawn().expect("spawn");
    let pid = dead.id();
    let _ = dead.wait_with_output();
    let db = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    db.execute(
        "INSERT INTO session_locks (session_id, token, pid, host, user, since) VALUES (?1, 'gone', ?2, ?3, 'amina', '2018-03-14T09:00:00Z')",
        rusqlite::params![id, pid, host.trim()],
    )
    .expect("stale lock");
    let (mut b, _) = Store::open(dir.path(), clock).expect("b");
    assert_eq!(
        b.lock_session(&id, Claim::IfFree).expect("taken silently"),
        None
    );
}

#[test]
fn two_instances_on_different_sessions_both_work() {
    let (_dir, a, b, sessions) = two_stores();
    let g = std::sync::Arc::new(coordinator());
    let handles: Vec<_> = [(a, sessions[0].clone()), (b, sessions[1].clone())]
        .into_iter()
        .map(|(mut store, mut s)| {
            let g = g.clone();
            std::thread::spawn(move || {
                store
                    .lock_session(&s.id, Claim::IfFree)
                    .expect("lock own session");
                let mut text = String::new();
                for i in 0..300 {
                    text.push_str(&format!("{i} "));
                    s.set_note(&g.guide, "tip_mechanism", &text, store.now())
                        .expect("edit");
                    store
                        .apply(&Change::answer(&s, &g.guide, "tip_mechanism", Field::Note))
                        .expect("save");
                }
                (store.load_session(&s.id).expect("load"), s)
            })
        })
        .collect();
    for h in handles {
        let (stored, mine) = h.join().expect("thread");
        assert_eq!(stored, mine);
    }
}

// ---- errors a user can meet ---------------------------------------------------------------

fn file_bytes(p: &std::path::Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

#[test]
fn a_database_from_a_newer_stocktake_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("stocktake.db");
    {
        let c = rusqlite::Connection::open(&db).expect("raw");
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .expect("future");
    }
    let before = file_bytes(&db);
    let (_tc, clock) = TestClock::new();
    let e = Store::open(dir.path(), clock).unwrap_err();
    assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("made by a newer stocktake"));
    assert_eq!(file_bytes(&db), before);
}

#[test]
fn a_corrupt_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("stocktake.db");
    std::fs::write(&db, vec![0x5a; 8192]).expect("garbage");
    let (_tc, clock) = TestClock::new();
    let e = Store::open(dir.path(), clock).unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("damaged"), "{e}");
    assert_eq!(file_bytes(&db), vec![0x5a; 8192]);
}

#[test]
fn a_database_locked_by_another_program_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (mut store, _) = Store::open(dir.path(), clock).expect("store");
    store
        .set_busy_timeout(std::time::Duration::from_millis(50))
        .expect("timeout");
    let g = coordinator();
    let other = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
    other
        .execute_batch("BEGIN EXCLUSIVE; CREATE TABLE hold (x);")
        .expect("hold the lock");
    let e = support::create_call(&mut store, &g, &new_call(&[Structure::CpAor])).unwrap_err();
    assert!(matches!(e, StoreError::Busy { .. }), "{e}");
    assert!(e.to_string().contains("locked by another program"));
    other.execute_batch("ROLLBACK").expect("release");
    support::create_call(&mut store, &g, &new_call(&[Structure::CpAor]))
        .expect("works once released");
}

#[test]
fn a_full_disk_loses_nothing_that_is_on_screen() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (mut store, _) = Store::open(dir.path(), clock).expect("store");
    let g = coordinator();
    let (_, mut sessions) =
        support::create_call(&mut store, &g, &new_call(&[Structure::ProtectionCluster]))
            .expect("call");
    let mut s = sessions.remove(0);
    store.lock_session(&s.id, Claim::IfFree).expect("lock");
    // SQLite reports SQLITE_FULL once the database reaches its page limit: the same error
    // a full file system gives, without needing one.
    store.limit_pages_for_test(Some(0)).expect("limit");
    let big = "respondent words ".repeat(2000);
    s.set_note(&g.guide, "promising_practices", &big, store.now())
        .expect("edit in memory");
    let change = Change::answer(&s, &g.guide, "promising_practices", Field::Note);
    let e = store.apply(&change).unwrap_err();
    assert!(matches!(e, StoreError::DiskFull { .. }), "{e}");
    assert!(e.to_string().contains("disk is full"));
    assert_eq!(
        s.answers["promising_practices"].note, big,
        "still on screen"
    );
    store.limit_pages_for_test(None).expect("space returns");
    // The change that failed is applied again as itself.
    store.apply(&change).expect("saved when space returns");
    assert_eq!(
        store.load_session(&s.id).expect("load").answers["promising_practices"].note,
        big
    );
}

#[test]
fn a_data_dir_that_is_a_file_or_under_one_is_explained() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("file");
    let (_tc, clock) = TestClock::new();
    let e = Store::open(&file, clock.clone()).unwrap_err();
    assert!(
        e.to_string().contains("this is a file, not a folder"),
        "{e}"
    );
    let e = Store::open(&file.join("sub"), clock).unwrap_err();
    assert!(matches!(e, StoreError::NotWritable { .. }), "{e}");
    assert!(e.to_string().contains("cannot write here"), "{e}");
}

// ---- round trip ---------------------------------------------------------------------------

/// One edit an interviewer could make, as indices into the guide.
#[derive(Debug, Clone)]
enum Edit {
    Answer(usize, usize),
    Special(usize, usize),
    Clear(usize),
    Note(usize, String),
    General(String, Option<usize>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(q, v)| Edit::Answer(q, v)),
        1 => (any::<usize>(), 0usize..3).prop_map(|(q, v)| Edit::Special(q, v)),
        1 => any::<usize>().prop_map(Edit::Clear),
        2 => (any::<usize>(), "[a-zA-Zé中 \n'\"]{0,40}").prop_map(|(q, t)| Edit::Note(q, t)),
        1 => ("[a-z ]{1,30}", proptest::option::of(any::<usize>())).prop_map(|(t, q)| Edit::General(t, q)),
    ]
}

use support::some_value;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_session_reads_back_from_the_store_as_saved(edits in proptest::collection::vec(edit(), 1..30)) {
        let (mut store, tc, g, mut s) = store_with_session();
        let qs: Vec<_> = g.guide.questions().cloned().collect();
        for e in edits {
            tc.advance(7);
            let now = tc.now();
            match e {
                Edit::Answer(q, v) => {
                    let q = &qs[q % qs.len()];
                    s.set_value(&g.guide, &q.id, some_value(q, v), now).expect("valid value");
                    store.apply(&Change::answer(&s, &g.guide, &q.id, Field::Answer)).expect("save");
                }
                Edit::Special(q, v) => {
                    let q = &qs[q % qs.len()];
                    s.set_special(&g.guide, &q.id, Special::ALL[v], now).expect("special");
                    store.apply(&Change::answer(&s, &g.guide, &q.id, Field::Answer)).expect("save");
                }
                Edit::Clear(q) => {
                    let q = &qs[q % qs.len()];
                    s.clear_answer(&g.guide, &q.id, now).expect("clear");
                    store.apply(&Change::answer(&s, &g.guide, &q.id, Field::Answer)).expect("save");
                }
                Edit::Note(q, t) => {
                    let q = &qs[q % qs.len()];
                    s.set_note(&g.guide, &q.id, &t, now).expect("note");
                    store.apply(&Change::answer(&s, &g.guide, &q.id, Field::Note)).expect("save");
                }
                Edit::General(t, q) => {
                    let q = q.map(|q| qs[q % qs.len()].id.clone());
                    let seq = s.add_note(&t, q.as_deref(), &g.guide, now).expect("general");
                    store.apply(&Change::note(&s, &g.guide, seq)).expect("save");
                }
            }
        }
        prop_assert_eq!(store.load_session(&s.id).expect("load"), s.clone());
        prop_assert_eq!(store.stored_progress(&s.id).expect("progress"), s.progress(&g.guide));
    }
}

#[test]
fn how_an_answer_came_to_be_and_who_said_it_save_reload_and_are_in_the_history() {
    use stocktake::session::{Earlier, Elicited, Speaker};
    let (mut store, tc, g, mut s) = store_with_session();
    let save = |store: &mut Store, s: &Session, q: &str| {
        store
            .apply(&Change::answer(s, &g.guide, q, Field::Answer))
            .expect("save")
    };
    tc.advance(1);
    s.set_value(&g.guide, "tip_is_issue", Value::YesNo(false), tc.now())
        .expect("no");
    save(&mut store, &s, "tip_is_issue");
    tc.advance(1);
    assert!(
        s.toggle_definition(&g.guide, "tip_is_issue", tc.now())
            .expect("mark")
    );
    save(&mut store, &s, "tip_is_issue");
    tc.advance(1);
    s.set_value(&g.guide, "tip_is_issue", Value::YesNo(true), tc.now())
        .expect("yes after it");
    s.set_elicited(
        &g.guide,
        "tip_is_issue",
        "yes",
        Some(Elicited::Prompted),
        tc.now(),
    )
    .expect("prompted");
    let ngo = Speaker {
        role: "ngo".into(),
        organisation: "Save the Children".into(),
    };
    s.set_said_by(&g.guide, "tip_is_issue", Some(ngo.clone()), tc.now())
        .expect("said by");
    save(&mut store, &s, "tip_is_issue");
    let seq = s
        .add_note("a remark", None, &g.guide, tc.now())
        .expect("note");
    s.set_note_said_by(seq, Some(ngo.clone()), tc.now())
        .expect("note said by");
    store
        .apply(&Change::note(&s, &g.guide, seq))
        .expect("save note");

    let back = store.load_session(&s.id).expect("load");
    let a = &back.answers["tip_is_issue"];
    assert_eq!(a.value, Some(Value::YesNo(true)));
    assert_eq!(
        a.provenance.before_definition,
        Some(Earlier {
            value: Some(Value::YesNo(false)),
            special: None
        })
    );
    assert_eq!(a.elicited_now(), vec![("yes", Elicited::Prompted)]);
    assert_eq!(a.said_by.as_ref(), Some(&ngo));
    assert_eq!(back.notes[0].said_by.as_ref(), Some(&ngo));

    let h = store.history(&s.id).expect("history");
    let of = |target: &str| -> Vec<(String, String)> {
        h.iter()
            .filter(|e| e.target == target)
            .map(|e| (e.old.clone(), e.new.clone()))
            .collect()
    };
    assert_eq!(
        of("provenance:tip_is_issue"),
        [
            (
                String::new(),
                "before the definition (yes_no): no".to_string()
            ),
            (
                "before the definition (yes_no): no".to_string(),
                "prompted: yes; before the definition (yes_no): no".to_string()
            )
        ]
    );
    assert_eq!(
        of("said_by:tip_is_issue"),
        [(String::new(), "ngo · Save the Children".to_string())]
    );
    assert_eq!(
        of(&format!("general:{seq}:said_by")),
        [(String::new(), "ngo · Save the Children".to_string())]
    );
}
