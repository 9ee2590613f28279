//! Fields a session file states that the format bounds (issue 20.13, 19.5, 20.3, 20.17):
//! ids that are not ULIDs, roles and organisations out of bounds, a language the guide
//! lacks, a revision in progress, numbers that lose precision, revisions past any real
//! count, a guide id that is not the guide its digest names. Each is quarantined with
//! the field named; the genuine file beside them still comes in.

use stocktake::guide::Structure;
use stocktake::session::{Session, Status};

use super::support::files::{Factory, bytes};
use super::{body, collate_in_process, with_digest};

/// What one hostile file is, and what its quarantine must say.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    kind: &'static str,
    says: &'static str,
}

fn edited(good: &Session, edit: impl FnOnce(&mut Session)) -> Vec<u8> {
    let mut s = good.clone();
    edit(&mut s);
    bytes(&s)
}

fn cases(f: &mut Factory) -> (Vec<u8>, Vec<Case>) {
    let good = f.session("Chad", Structure::ProtectionCluster, "anecdotal_only");
    let plain = body(&bytes(&good));
    let case = |name, bytes, kind, says| Case {
        name,
        bytes,
        kind,
        says,
    };
    let ulid = "is not a ULID: expected 26 characters of 0-9 and A-Z";
    let cases = vec![
        case(
            "empty-id.toml",
            edited(&good, |s| s.id = String::new()),
            "invalid",
            "`session_id` = \"\" is not a ULID",
        ),
        case(
            "long-id.toml",
            edited(&good, |s| s.id = "7".repeat(100_000)),
            "invalid",
            "(100000 characters) is not a ULID",
        ),
        case(
            "spaced-id.toml",
            edited(&good, |s| s.id = "01M8SZZMPF ENEDYKECA3TBSN3".into()),
            "invalid",
            ulid,
        ),
        case(
            "escape-id.toml",
            edited(&good, |s| s.id = "01M8SZZMPF\n\u{1b}[2JECA3TBSN".into()),
            "invalid",
            "\\n\\u{1b}[2J",
        ),
        case(
            "fullwidth-id.toml",
            edited(&good, |s| s.id = "０１M8SZZMPFENEDYKECA3TBSN".into()),
            "invalid",
            ulid,
        ),
        case(
            "path-id.toml",
            edited(&good, |s| s.id = "../../tmp/x".into()),
            "invalid",
            "`session_id` = \"../../tmp/x\" is not a ULID",
        ),
        case(
            "lowercase-id.toml",
            edited(&good, |s| s.id = s.id.to_lowercase()),
            "invalid",
            "in upper case",
        ),
        case(
            "path-call-id.toml",
            edited(&good, |s| s.call_id = "../../tmp/stocktake-pwned".into()),
            "invalid",
            "`call_id` = \"../../tmp/stocktake-pwned\" is not a ULID",
        ),
        case(
            "role.toml",
            edited(&good, |s| s.participants[0].role = "hacker".into()),
            "invalid",
            "`participants[1].role` = \"hacker\" is not a participant role",
        ),
        case(
            "huge-organisation.toml",
            edited(&good, |s| {
                s.participants[0].organisation = "U".repeat(2_000_000)
            }),
            "invalid",
            "`participants[1].organisation` is longer than 100000 characters",
        ),
        case(
            "huge-name.toml",
            edited(&good, |s| s.participants[0].name = "N".repeat(100_001)),
            "invalid",
            "`participants[1].name` is longer than 100000 characters",
        ),
        case(
            "language.toml",
            edited(&good, |s| s.language = "xx".into()),
            "invalid",
            "`language` = \"xx\" is not a language of guide gpc-attt-coordinator (en, fr)",
        ),
        case(
            "in-progress.toml",
            edited(&good, |s| s.status = Status::InProgress),
            "invalid",
            "`status` = \"in_progress\": only a completed revision travels as a file",
        ),
        case(
            "huge-revision.toml",
            edited(&good, |s| s.revision = u32::MAX),
            "invalid",
            "`revision` = 4294967295 is more than 1000000",
        ),
        case(
            "imprecise-number.toml",
            with_digest(&format!(
                "{plain}\n[answers.count]\nstatus = \"answered\"\ntype = \"number\"\nvalue = 9007199254740993\nhidden = false\n"
            )),
            "invalid",
            "9007199254740993 is too large to be held exactly",
        ),
        case(
            "date-with-time.toml",
            with_digest(&format!(
                "{plain}\n[answers.when]\nstatus = \"answered\"\ntype = \"date\"\nvalue = \"2018-03-14T10:00:00Z\"\nhidden = false\n"
            )),
            "invalid",
            "a `date` value cannot be \"2018-03-14T10:00:00Z\"",
        ),
        // The guide its digest names is the coordinator guide: the id and version it
        // claims must be that guide's, or the report would file it elsewhere.
        case(
            "claims-other-guide.toml",
            edited(&good, |s| {
                s.guide.id = "tip-indicators-labour".into();
                s.guide.version = "7".into();
            }),
            "guide mismatch",
            "claims guide tip-indicators-labour version 7, but its guide digest names gpc-attt-coordinator version 3",
        ),
        case(
            "claims-other-version.toml",
            edited(&good, |s| s.guide.version = "1".into()),
            "guide mismatch",
            "claims guide gpc-attt-coordinator version 1, but its guide digest names gpc-attt-coordinator version 3",
        ),
        case(
            "claims-unknown-id.toml",
            edited(&good, |s| s.guide.id = "no-such-guide".into()),
            "guide mismatch",
            "claims guide no-such-guide version 3",
        ),
    ];
    (bytes(&good), cases)
}

#[test]
fn fields_out_of_the_format_are_quarantined_naming_the_field() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = Factory::new();
    let (good, cases) = cases(&mut f);
    std::fs::write(dir.path().join("good.toml"), good).expect("write");
    for c in &cases {
        std::fs::write(dir.path().join(c.name), &c.bytes).expect("write");
    }
    let (summary, quarantined, db) = collate_in_process(dir.path(), &dir.path().join("c.db"));
    let mut wrong = Vec::new();
    for c in &cases {
        match quarantined.iter().find(|q| q.path.ends_with(c.name)) {
            None => wrong.push(format!("{}: imported", c.name)),
            Some(q) if q.kind != c.kind || !q.reason.contains(c.says) => wrong.push(format!(
                "{}: ({}) {}\n  expected ({}) …{}…",
                c.name, q.kind, q.reason, c.kind, c.says
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(summary.new, 1, "the genuine file: {summary}");
    // What the database files a session under is the guide its digest names.
    let catalog = stocktake::guide::Catalog::bundled();
    for r in db.revisions().expect("revisions") {
        let digest = r.guide_digest.parse().expect("a digest");
        let g = catalog.by_digest(&digest).expect("a known guide");
        assert_eq!(
            (r.guide_id.as_str(), r.guide_version.as_str()),
            (g.guide.id.as_str(), g.guide.version.as_str())
        );
    }
}

#[test]
fn a_revision_at_the_bound_still_reads_and_one_past_it_does_not() {
    let mut f = Factory::new();
    let good = f.session("Chad", Structure::CpAor, "anecdotal_only");
    let at = edited(&good, |s| s.revision = 1_000_000);
    let past = edited(&good, |s| s.revision = 1_000_001);
    stocktake::sync::parse_session_file(&at, "at.toml").expect("the bound is allowed");
    let e = stocktake::sync::parse_session_file(&past, "past.toml").expect_err("past it");
    assert!(e.to_string().contains("past.toml:"), "{e}");
}

#[test]
fn the_last_time_rfc_3339_allows_is_refused_for_what_it_is() {
    let mut f = Factory::new();
    let good = f.session("Chad", Structure::CpAor, "anecdotal_only");
    let text = body(&bytes(&good));
    let started = text
        .lines()
        .find(|l| l.starts_with("started_at = "))
        .expect("started_at")
        .to_string();
    let file = with_digest(&text.replacen(&started, "started_at = 9999-12-31T23:59:59Z", 1));
    let e = stocktake::sync::parse_session_file(&file, "late.toml").expect_err("out of range");
    // It is a date and time with a time zone: the message says what is wrong with it.
    assert_eq!(
        e.to_string(),
        "late.toml: `started_at` = 9999-12-31T23:59:59Z is later than 9999-12-30T22:00:00Z, the last time stocktake can hold; an interview's times are earlier"
    );
}
