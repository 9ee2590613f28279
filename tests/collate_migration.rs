//! A collation database made by an earlier stocktake opens and is brought up to date, and
//! what it held reads as before: the reasons of its quarantine, stored in English only
//! before schema 9, are shown in that English in every language.

use stocktake::collate::CollationDb;
use stocktake::i18n::UiLang;

/// The migrations up to schema 8, as the stocktake of that schema ran them.
const UP_TO_8: [&str; 8] = [
    include_str!("../src/collate/migrations/0001_collation.sql"),
    include_str!("../src/collate/migrations/0002_seen_identity.sql"),
    include_str!("../src/collate/migrations/0003_campaign.sql"),
    include_str!("../src/collate/migrations/0004_answer_choices.sql"),
    include_str!("../src/collate/migrations/0005_sensitive.sql"),
    include_str!("../src/collate/migrations/0006_analysis.sql"),
    include_str!("../src/collate/migrations/0007_read_back.sql"),
    include_str!("../src/collate/migrations/0008_provenance.sql"),
];

#[test]
fn a_schema_8_quarantine_opens_and_its_english_reasons_are_shown_in_every_language() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.db");
    let reason = "in/a.toml:1:14: the file has Windows line endings (CRLF), and a session file's lines end in LF only: it was converted in transit (a mail client, a Windows share, git's autocrlf); collate the original file";
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        for sql in UP_TO_8 {
            conn.execute_batch(sql).expect("migrate");
        }
        conn.pragma_update(None, "user_version", 8)
            .expect("version");
        conn.execute(
            "INSERT INTO quarantine (path, digest, kind, reason, at) VALUES (?1, NULL, 'corrupt', ?2, '2026-01-01T00:00:00Z')",
            ["in/a.toml", reason],
        )
        .expect("insert");
    }
    let db = CollationDb::open(&path).expect("an older database opens");
    let q = db.quarantined().expect("quarantine");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].reason, reason);
    assert_eq!(q[0].words, None);
    for lang in UiLang::ALL {
        assert_eq!(q[0].reason_in(lang), reason, "{lang:?}");
    }
    drop(db);
    let conn = rusqlite::Connection::open(&path).expect("reopen");
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 9);
}

#[test]
fn words_stocktake_does_not_have_fall_back_to_the_stored_english() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("c.db");
    drop(CollationDb::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute(
            "INSERT INTO quarantine (path, digest, kind, reason, at, reason_words) VALUES ('x', NULL, 'corrupt', 'as stored', 'now', ?1)",
            [r#"{"id": "why-from-a-newer-stocktake", "args": {}, "nested": {}}"#],
        )
        .expect("insert");
    }
    let db = CollationDb::open(&path).expect("open");
    let q = db.quarantined().expect("quarantine");
    assert_eq!(q[0].words, None);
    assert_eq!(q[0].reason_in(UiLang::Fr), "as stored");
}
