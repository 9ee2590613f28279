//! The collation's refusals say in English what they always said (the expected lines are
//! the old wording), and are said in French too.

use super::{CellSummary, Coding, CollateError, CollationDb};
use crate::i18n::{Reason, UiLang, assert_said_everywhere};

fn said(e: CollateError, path: &str, english: &str) {
    assert_eq!(e.to_string(), format!("{path}: {english}"));
    assert_said_everywhere(&e);
    assert!(
        e.reason(UiLang::Fr).starts_with(&format!("{path}\u{a0}: ")),
        "{}",
        e.reason(UiLang::Fr)
    );
}

#[test]
fn the_collations_refusals_say_what_they_said_and_are_french_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("c.db");
    let shown = path.display().to_string();
    let db = CollationDb::open(&path).expect("open");
    let err = |r: Result<(), CollateError>| r.expect_err("refused");
    said(
        err(db.find_revision("xyz").map(|_| ())),
        &shown,
        "`xyz` is not a digest: give at least 8 hex digits (see stocktake conflicts)",
    );
    said(
        err(db.find_revision("abcdef12").map(|_| ())),
        &shown,
        "no revision has a digest starting abcdef12",
    );
    let summary = CellSummary {
        session_id: "s".into(),
        section: "a".into(),
        text: "x".repeat(4_001),
        author: "me".into(),
        at: "now".into(),
        digest: "d".into(),
    };
    said(
        err(db.set_summary(&summary)),
        &shown,
        "a summary of 4001 characters: a cell keeps at most 4000; shorten it (the notes themselves stay in the matrix)",
    );
    let coding = Coding {
        session_id: "s".into(),
        unit: "answer:q1".into(),
        start: 5,
        end: 2,
        code: "c".into(),
        coder: "me".into(),
        quote: String::new(),
        digest: "d".into(),
        at: "now".into(),
    };
    said(
        err(db.add_coding(&coding).map(|_| ())),
        &shown,
        "a span that ends (2) before it starts (5)",
    );
    let folder = dir.path().display().to_string();
    said(
        err(db.merge_codings_from(dir.path()).map(|_| ())),
        &folder,
        "not a regular file: give another collation database (.db)",
    );
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x)"))
        .expect("another database");
    said(
        err(db.merge_codings_from(&other).map(|_| ())),
        &other.display().to_string(),
        "no codings here: not a collation database, or one made before stocktake kept codings",
    );
}
