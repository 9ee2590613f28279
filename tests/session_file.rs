//! The session file contract: any session survives the round trip through its file, the
//! same revision always gives the same bytes, and any damage to a file is detected.

mod support;

use proptest::prelude::*;
use stocktake::guide::Structure;
use stocktake::session::{Participant, Position, Session, Special};
use stocktake::sync::{ReadError, parse_session_file, render, verify_against};
use support::{TestClock, coordinator, new_call};

#[derive(Debug, Clone)]
enum Edit {
    Answer(usize, usize),
    Special(usize, usize),
    Note(usize, String),
    General(String, Option<usize>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(q, v)| Edit::Answer(q, v)),
        1 => (any::<usize>(), 0usize..3).prop_map(|(q, v)| Edit::Special(q, v)),
        2 => (any::<usize>(), "[a-zA-Zé中 \n\t'\"\\\\\u{1b}=\\[\\]#]{0,40}").prop_map(|(q, t)| Edit::Note(q, t)),
        1 => ("[a-z \"]{1,30}", proptest::option::of(any::<usize>())).prop_map(|(t, q)| Edit::General(t, q)),
    ]
}

use support::some_value;

fn session(edits: &[Edit], structure: Structure, response: &str) -> Session {
    let (tc, clock) = TestClock::new();
    let mut store = stocktake::store::Store::open_in_memory(clock).expect("store");
    let g = coordinator();
    let mut call = new_call(&[structure]);
    call.response = response.to_string();
    call.participants.push(Participant {
        role: "ngo".into(),
        organisation: "Heartland \"HAI\"".into(),
        name: "Bea".into(),
    });
    let (_, mut sessions) = support::create_call(&mut store, &g, &call).expect("call");
    let mut s = sessions.remove(0);
    let qs: Vec<_> = g.guide.questions().cloned().collect();
    for e in edits {
        tc.advance(13);
        let now = tc.now();
        match e {
            Edit::Answer(q, v) => {
                let q = &qs[q % qs.len()];
                s.set_value(&g.guide, &q.id, some_value(q, *v), now)
                    .expect("value");
            }
            Edit::Special(q, v) => {
                let q = &qs[q % qs.len()];
                s.set_special(&g.guide, &q.id, Special::ALL[*v], now)
                    .expect("special");
            }
            Edit::Note(q, t) => {
                let q = &qs[q % qs.len()];
                s.set_note(&g.guide, &q.id, t, now).expect("note");
            }
            Edit::General(t, q) => {
                let q = q.map(|q| qs[q % qs.len()].id.clone());
                s.add_note(t, q.as_deref(), &g.guide, now).expect("general");
            }
        }
    }
    // Only completed revisions travel as files; the edits above are what they carry.
    s.status = stocktake::session::Status::Completed;
    s.completed_at = Some(tc.now());
    s
}

/// What a file cannot carry (the local cursor) or derives (the last change).
fn comparable(mut s: Session) -> Session {
    s.position = Position::default();
    s.updated_at = jiff::Timestamp::UNIX_EPOCH;
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_session_survives_its_file(edits in proptest::collection::vec(edit(), 0..25), r in "[a-zA-Zéô' -]{1,20}") {
        let g = coordinator();
        let s = session(&edits, Structure::GbvAor, &r);
        let bytes = render(&s, &g);
        prop_assert_eq!(&render(&s, &g), &bytes, "the same revision gives the same bytes");
        let back = parse_session_file(&bytes, "test.toml");
        prop_assert!(back.is_ok(), "{:?}\n{}", back.as_ref().err(), String::from_utf8_lossy(&bytes));
        let back = back.expect("checked");
        verify_against(&back, &g.guide, &g.digest, "test.toml").expect("valid against its guide");
        // What leaves the machine: everything, but free text where consent was refused.
        prop_assert_eq!(
            comparable(back.session),
            comparable(s.as_sent(&g.guide).into_owned())
        );
    }
}

fn sample() -> Vec<u8> {
    let edits = vec![
        Edit::Answer(0, 0),
        Edit::Answer(5, 3),
        Edit::Answer(10, 1),
        Edit::Note(7, "Set up in January; meets monthly.".into()),
        Edit::General("Mentions a GBV hotline".into(), Some(9)),
    ];
    render(
        &session(&edits, Structure::ProtectionCluster, "South Sudan"),
        &coordinator(),
    )
}

#[test]
fn flipping_any_single_byte_is_detected() {
    let good = sample();
    assert!(parse_session_file(&good, "f").is_ok());
    for i in 0..good.len() {
        for flip in [0x01u8, 0x20, 0x80] {
            let mut bad = good.clone();
            bad[i] ^= flip;
            assert!(
                parse_session_file(&bad, "f").is_err(),
                "flipping byte {i} by {flip:#x} went unnoticed"
            );
        }
    }
}

#[test]
fn truncating_anywhere_is_detected_and_called_truncated() {
    let good = sample();
    let first_nl = good.iter().position(|b| *b == b'\n').expect("digest line");
    for cut in 0..good.len() {
        let e = parse_session_file(&good[..cut], "f").expect_err("a truncated file must not pass");
        if cut > first_nl + 1 && good[cut - 1] != b'\n' {
            assert!(
                matches!(e, ReadError::Truncated { .. }),
                "cut at {cut}: {e}"
            );
        }
    }
}

#[test]
fn a_file_without_its_digest_line_is_refused() {
    let good = sample();
    let body = &good[good.iter().position(|b| *b == b'\n').expect("line") + 1..];
    let e = parse_session_file(body, "f.toml").expect_err("no digest");
    assert!(matches!(e, ReadError::NoDigest { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "f.toml:1:1: no digest line: a session file starts with digest = \"sha256:...\""
    );
}

#[test]
fn an_edited_file_is_tampered_even_with_valid_toml() {
    let good = String::from_utf8(sample()).expect("utf8");
    let bad = good.replacen("South Sudan", "South Sudam", 1);
    let e = parse_session_file(bad.as_bytes(), "f").expect_err("tampered");
    assert!(matches!(e, ReadError::Tampered { .. }), "{e}");
}

#[test]
fn a_newer_format_says_so() {
    let body = "format = \"stocktake.session.v5\"\nshiny_new_key = 1\n";
    let d = stocktake::guide::Digest::of(body.as_bytes());
    let file = format!("digest = \"{d}\"\n{body}");
    let e = parse_session_file(file.as_bytes(), "new.toml").expect_err("v5");
    assert!(matches!(e, ReadError::UnknownFormat { .. }), "{e}");
    assert!(e.to_string().contains("may come from a newer stocktake"));
    // A newer file with exactly today's keys reads as well-formed: its format still decides.
    let good = String::from_utf8(sample()).expect("utf8");
    let (_, body) = good.split_once('\n').expect("digest line");
    let body = body.replacen("stocktake.session.v1", "stocktake.session.v5", 1);
    let d = stocktake::guide::Digest::of(body.as_bytes());
    let file = format!("digest = \"{d}\"\n{body}");
    let e = parse_session_file(file.as_bytes(), "new.toml").expect_err("v5, same keys");
    assert!(matches!(e, ReadError::UnknownFormat { .. }), "{e}");
}

#[test]
fn unknown_keys_and_bad_values_point_at_the_line() {
    let good = String::from_utf8(sample()).expect("utf8");
    let body =
        good.split_once('\n')
            .expect("line")
            .1
            .replacen("interviewer = ", "interviewr = ", 1);
    let d = stocktake::guide::Digest::of(body.as_bytes());
    let file = format!("digest = \"{d}\"\n{body}");
    let e = parse_session_file(file.as_bytes(), "f.toml").expect_err("unknown key");
    let ReadError::Syntax { line, .. } = &e else {
        panic!("{e}")
    };
    assert!(e.to_string().contains("interviewr"), "{e}");
    assert_eq!(
        file.lines()
            .nth(line - 1)
            .map(|l| l.starts_with("interviewr")),
        Some(true)
    );
}

#[test]
fn an_answer_the_guide_does_not_offer_is_refused() {
    let g = coordinator();
    let good = String::from_utf8(sample()).expect("utf8");
    let body = good.split_once('\n').expect("line").1.to_string();
    let at = body
        .find("type = \"single\"")
        .expect("a single-choice answer");
    // Change its option value to one the question does not offer.
    let value_at = at + body[at..].find("value = \"").expect("value") + "value = \"".len();
    let end = value_at + body[value_at..].find('"').expect("end");
    let body = format!("{}no_such_option{}", &body[..value_at], &body[end..]);
    let d = stocktake::guide::Digest::of(body.as_bytes());
    let file = format!("digest = \"{d}\"\n{body}");
    let f = parse_session_file(file.as_bytes(), "f").expect("well-formed");
    let e = verify_against(&f, &g.guide, &g.digest, "f").expect_err("invalid");
    assert!(matches!(e, ReadError::InvalidAnswer { .. }), "{e}");
}

#[test]
fn the_example_in_the_format_doc_is_a_valid_file() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/session-file-format.md"),
    )
    .expect("doc");
    let start = doc.find("```toml\ndigest = ").expect("the example") + "```toml\n".len();
    let len = doc[start..].find("```").expect("its end");
    let f = parse_session_file(
        &doc.as_bytes()[start..start + len],
        "docs/session-file-format.md",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(f.session.revision, 1);
    assert_eq!(f.session.answers["tip_forms"].other, "forced begging");
    // And the file name the doc shows is the one the writer makes for it.
    assert!(doc.contains(&stocktake::sync::file_name(&f.session)));
}
