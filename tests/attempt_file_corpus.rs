//! Every file of the frozen attempt corpus (`tests/fixtures/attempt-files/v1/`, written
//! once and never regenerated) still reads and says what it said, the encrypted copies
//! open with the corpus's test identity, and today's renderer writes the same bytes.

use std::path::{Path, PathBuf};

use stocktake::campaign::{Attempt, Outcome, parse_attempt, render_attempt};
use stocktake::sync::{decrypt, parse_identities};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attempt-files/v1")
}

fn read_all() -> Vec<(String, Vec<u8>, Attempt)> {
    let identity_file = corpus().join("../../session-files/v1/identity.txt");
    let identity = std::fs::read_to_string(identity_file).expect("identity");
    let ids = parse_identities(&identity, "identity.txt").expect("parse identity");
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") || n.ends_with(".toml.age"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(corpus().join(&name)).expect("read");
            let plain = if name.ends_with(".age") {
                decrypt(&bytes, &ids).expect("decrypt")
            } else {
                bytes
            };
            assert!(stocktake::campaign::is_attempt_file(&plain), "{name}");
            let (_, a) = parse_attempt(&plain, &name).unwrap_or_else(|e| panic!("{e}"));
            (name, plain, a)
        })
        .collect()
}

#[test]
fn every_attempt_file_of_the_corpus_reads_and_says_what_it_said() {
    let all = read_all();
    assert_eq!(all.len(), 6, "four files and two encrypted copies");
    let by = |id: &str| -> &Attempt {
        &all.iter()
            .find(|(_, _, a)| a.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .2
    };
    let callback = by("01KB3Q4Z7N2V8R5T1W9X6Y0C3D");
    assert_eq!(callback.outcome, Outcome::Callback);
    assert_eq!(callback.target, "south-sudan/cp_aor");
    assert_eq!(
        callback.callback.map(|t| t.to_string()).as_deref(),
        Some("2026-11-04T07:30:00Z")
    );
    assert!(callback.note.contains("\"first thing\"\nLine was poor."));
    let completed = by("01KB3QA1M4P6S8V0W2Y4A6C8E0");
    assert_eq!(completed.outcome, Outcome::Completed);
    assert_eq!(completed.sessions.len(), 2);
    assert_eq!(
        by("01KB3QC9G3H5J7K9M1N3P5Q7R9").target,
        "mali/other/groupe-de-travail-traite"
    );
    assert_eq!(by("01KB3QE2B4D6F8H0J2K4M6N8P0").note, "انقطع الخط مرتين");
}

#[test]
fn todays_renderer_writes_the_corpus_byte_for_byte() {
    for (name, plain, a) in read_all() {
        assert_eq!(render_attempt(&a), plain, "{name}");
    }
}
