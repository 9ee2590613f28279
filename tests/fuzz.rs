//! Property-based fuzzing of the two readers of untrusted bytes, the guide loader and the
//! session-file reader: arbitrary bytes and mutated valid files. Neither may panic, hang or
//! fail without a typed, located error. (`cargo test` runs them; raise PROPTEST_CASES for a
//! longer campaign.)

mod support;

use std::time::{Duration, Instant};

use proptest::prelude::*;
use stocktake::guide::{BUNDLED, Digest, LoadError, Place, load_guide_str, parse_guide};
use stocktake::sync::parse_session_file;

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
    Token(usize, usize),
    DuplicateLine(usize),
}

const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'''",
    "=",
    "#",
    "\n",
    "\n[[sections]]\n",
    "\n[[sections.questions]]\n",
    "\\u0000",
    "\u{1b}]0;x\u{7}",
    "show_if = { question = \"x\", any_of = [\"y\"] }",
    "type = \"single\"",
    "1e999",
    "9999999999999999999999",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(i, t)| Mutation::Token(i, t)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
    ]
}

fn mutate(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let n = b.len().max(1);
        match *m {
            Mutation::Flip(i, x) if !b.is_empty() => b[i % n] ^= x | 1,
            Mutation::Insert(i, x) => b.insert(i % (b.len() + 1), x),
            Mutation::Delete(i) if !b.is_empty() => {
                b.remove(i % n);
            }
            Mutation::Truncate(i) => b.truncate(i % (b.len() + 1)),
            Mutation::Token(i, t) => {
                let at = i % (b.len() + 1);
                b.splice(at..at, TOKENS[t].bytes());
            }
            Mutation::DuplicateLine(i) => {
                let lines: Vec<&[u8]> = b.split(|c| *c == b'\n').collect();
                let line = lines[i % lines.len()].to_vec();
                let mut out = b.clone();
                out.extend_from_slice(b"\n");
                out.extend_from_slice(&line);
                b = out;
            }
            _ => {}
        }
    }
    b
}

/// Whatever the guide loader says must be a located problem, never a panic.
fn check_guide(bytes: &[u8]) {
    let started = Instant::now();
    match load_guide_str(
        String::from_utf8_lossy(bytes).into_owned(),
        "fuzz.toml",
        Place::Flag,
    ) {
        Ok(_) => {}
        Err(LoadError::Invalid(e)) => {
            assert!(!e.problems.is_empty(), "refused without a reason");
            for p in &e.problems {
                assert!(p.line >= 1 && p.col >= 1 && !p.message.is_empty());
            }
        }
        Err(other) => panic!("a string source gave a non-validation error: {other}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the loader took {:?}",
        started.elapsed()
    );
}

/// Whatever the session reader says must be a typed error naming the file.
fn check_session(bytes: &[u8]) {
    let started = Instant::now();
    if let Err(e) = parse_session_file(bytes, "fuzz.toml") {
        assert!(!e.kind().is_empty());
        assert!(e.to_string().starts_with("fuzz.toml"), "{e}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the reader took {:?}",
        started.elapsed()
    );
}

fn session_sample() -> Vec<u8> {
    let mut f = support::files::Factory::new();
    let s = f.session(
        "Fuzzland",
        stocktake::guide::Structure::CpAor,
        "anecdotal_only",
    );
    support::files::bytes(&s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_guide_loader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_guide(&bytes);
    }

    #[test]
    fn the_guide_loader_survives_mutated_guides(which in 0..BUNDLED.len(), muts in proptest::collection::vec(mutation(), 1..6)) {
        check_guide(&mutate(BUNDLED[which].1.as_bytes().to_vec(), &muts));
    }

    #[test]
    fn the_session_reader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_session(&bytes);
    }

    #[test]
    fn the_session_reader_survives_mutated_files(muts in proptest::collection::vec(mutation(), 1..6), redigest in any::<bool>()) {
        let good = session_sample();
        let mutated = mutate(good, &muts);
        let bytes = if redigest {
            // Recompute the digest so the mutation reaches the TOML reader.
            let body = match mutated.iter().position(|b| *b == b'\n') {
                Some(nl) => mutated[nl + 1..].to_vec(),
                None => mutated.clone(),
            };
            let mut out = format!("digest = \"{}\"\n", Digest::of(&body)).into_bytes();
            out.extend(body);
            out
        } else {
            mutated
        };
        check_session(&bytes);
    }
}

#[test]
fn valid_inputs_stay_valid_under_the_harness() {
    // The harness itself must accept the originals, or it proves nothing.
    for (_, text) in BUNDLED {
        assert!(parse_guide(text, "x").is_ok());
    }
    assert!(parse_session_file(&session_sample(), "x").is_ok());
}
