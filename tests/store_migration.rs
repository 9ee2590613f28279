//! A database made by schema version 1 opens and upgrades under the current schema, with
//! its sessions intact and the features of later versions working on them.

mod support;

use stocktake::session::{Change, Field, Status, Value};
use stocktake::store::{Claim, MIGRATIONS, SCHEMA_VERSION, Store};
use support::{TestClock, coordinator};

#[test]
fn a_version_1_database_upgrades_and_keeps_its_sessions() {
    const { assert!(SCHEMA_VERSION >= 2, "this test needs a migration to run") };
    let dir = tempfile::tempdir().expect("dir");
    let g = coordinator();
    {
        // Exactly what stocktake with schema 1 wrote: its migration, and rows in its tables.
        let c = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
        c.execute_batch(MIGRATIONS[0]).expect("schema 1");
        c.pragma_update(None, "user_version", 1).expect("version");
        c.execute(
            "INSERT INTO guides (digest, id, version, origin, source) VALUES (?1, ?2, ?3, 'bundled', ?4)",
            rusqlite::params![g.digest.to_string(), g.guide.id, g.guide.version, g.source],
        )
        .expect("guide");
        c.execute_batch(&format!(
            "INSERT INTO calls (id, guide_digest, response, interviewer, language, started_at)
               VALUES ('01JD8M5W6S0Z9Y8X7W6V5T4S3R', '{}', 'Iraq', 'amina', 'fr', '2018-03-14T09:02:11Z');
             INSERT INTO sessions (id, call_id, ordinal, structure, status, revision, started_at, updated_at,
                 position_question, position_field, answered, visible, required, required_answered)
               VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1N', '01JD8M5W6S0Z9Y8X7W6V5T4S3R', 0, 'cp_aor', 'in_progress', 1,
                 '2018-03-14T09:02:11Z', '2018-03-14T09:40:02Z', 'tip_mechanism', 'note', 1, 30, 4, 1);
             INSERT INTO answers (session_id, question, value_kind, value, note, first_changed_at, changed_at)
               VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1N', 'consent', 'yes_no', 'yes', '', '2018-03-14T09:05:00Z', '2018-03-14T09:05:00Z'),
                      ('01JD8M5W6T3Q8Z3V4X2K9P7R1N', 'tip_mechanism', NULL, NULL, 'Set up in January', '2018-03-14T09:40:02Z', '2018-03-14T09:40:02Z');",
            g.digest
        ))
        .expect("rows");
    }
    let (_tc, clock) = TestClock::new();
    let (mut store, _) = Store::open(dir.path(), clock).expect("opens and upgrades");
    let version: u32 = rusqlite::Connection::open(dir.path().join("stocktake.db"))
        .expect("raw")
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);

    let id = "01JD8M5W6T3Q8Z3V4X2K9P7R1N";
    let mut s = store.load_session(id).expect("old session loads");
    assert_eq!(
        (s.status, s.language.as_str(), s.response.as_str()),
        (Status::InProgress, "fr", "Iraq")
    );
    assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
    assert_eq!(s.answers["tip_mechanism"].note, "Set up in January");
    assert_eq!(s.position.question.as_deref(), Some("tip_mechanism"));
    assert_eq!(s.position.field, Field::Note);

    // Schema 2's locks work on the old session, and it can be edited.
    store.lock_session(id, Claim::IfFree).expect("lock");
    s.set_value(&g.guide, "tip_is_issue", Value::YesNo(true), store.now())
        .expect("edit");
    store
        .apply(&Change::answer(&s, &g.guide, "tip_is_issue", Field::Answer))
        .expect("save");
    assert_eq!(store.load_session(id).expect("reload"), s);
}

#[test]
fn opening_twice_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    drop(Store::open(dir.path(), clock.clone()).expect("first"));
    let schema = |d: &std::path::Path| -> Vec<String> {
        let c = rusqlite::Connection::open(d.join("stocktake.db")).expect("raw");
        let mut st = c
            .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
            .expect("q");
        st.query_map([], |r| r.get(0))
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect()
    };
    let before = schema(dir.path());
    drop(Store::open(dir.path(), clock).expect("second"));
    assert_eq!(schema(dir.path()), before);
}

#[test]
fn a_version_6_database_takes_sessions_of_a_guides_own_respondent_types() {
    let dir = tempfile::tempdir().expect("dir");
    let g = coordinator();
    let call = "01JD8M5W6S0Z9Y8X7W6V5T4S3R";
    {
        let mut c = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
        let tx = c.transaction().expect("tx");
        for m in &MIGRATIONS[..6] {
            tx.execute_batch(m).expect("schema 1 to 6");
        }
        tx.pragma_update(None, "user_version", 6).expect("version");
        tx.commit().expect("commit");
        c.execute(
            "INSERT INTO guides (digest, id, version, origin, source) VALUES (?1, ?2, ?3, 'bundled', ?4)",
            rusqlite::params![g.digest.to_string(), g.guide.id, g.guide.version, g.source],
        )
        .expect("guide");
        c.execute_batch(&format!(
            "INSERT INTO calls (id, guide_digest, response, interviewer, language, started_at)
               VALUES ('{call}', '{}', 'Iraq', 'amina', 'en', '2018-03-14T09:02:11Z');
             INSERT INTO sessions (id, call_id, ordinal, structure, status, revision, started_at, updated_at)
               VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1N', '{call}', 0, 'cp_aor', 'in_progress', 1,
                 '2018-03-14T09:02:11Z', '2018-03-14T09:40:02Z');
             INSERT INTO answers (session_id, question, value_kind, value, note, first_changed_at, changed_at)
               VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1N', 'consent', 'yes_no', 'yes', '', '2018-03-14T09:05:00Z', '2018-03-14T09:05:00Z');",
            g.digest
        ))
        .expect("rows");
        // Schema 6 refuses any other structure: the constraint the upgrade removes.
        assert!(
            c.execute(
                &format!("INSERT INTO sessions (id, call_id, ordinal, structure, status, revision, started_at, updated_at)
                   VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1P', '{call}', 1, 'community_leader', 'draft', 1, 'x', 'x')"),
                [],
            )
            .is_err()
        );
    }
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("opens and upgrades");
    let c = rusqlite::Connection::open(dir.path().join("stocktake.db")).expect("raw");
    c.execute(
        &format!("INSERT INTO sessions (id, call_id, ordinal, structure, status, revision, started_at, updated_at)
           VALUES ('01JD8M5W6T3Q8Z3V4X2K9P7R1P', '{call}', 1, 'community_leader', 'draft', 1, '2018-03-14T09:02:11Z', '2018-03-14T09:02:11Z')"),
        [],
    )
    .expect("a guide's own respondent type is stored");
    assert!(
        c.execute(
            "INSERT INTO targets (id, ordinal, response, structure, structure_label, coordinator, organisation, contact, timezone, languages, notes, removed)
             VALUES ('iraq/youth', 0, 'Iraq', 'youth', '', '', '', '', 'Asia/Baghdad', '', '{}', 0)",
            [],
        )
        .is_ok(),
        "and a campaign target of one"
    );
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    // The answers of the old session survived the upgrade (no table was rebuilt).
    let s = store
        .load_session("01JD8M5W6T3Q8Z3V4X2K9P7R1N")
        .expect("old session");
    assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
    let kid = store
        .load_session("01JD8M5W6T3Q8Z3V4X2K9P7R1P")
        .expect("new session");
    assert_eq!(kid.structure.as_str(), "community_leader");
}
