//! The fast reader reads what the general parser reads: the same session, or, where it
//! declines, the general parser's own answer. Compared on every frozen file of every
//! version and on mutations of them.

use proptest::prelude::*;

use super::super::{Version, parse_with};
use crate::guide::Digest;

/// The frozen corpus's session files, as text, with the version each says it is.
fn corpus() -> Vec<(String, String, Version)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/session-files");
    let mut out = Vec::new();
    for (dir, version) in [
        ("v1", Version::V1),
        ("v2", Version::V2),
        ("v3", Version::V3),
        ("v4", Version::V4),
    ] {
        let mut names: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        names.sort();
        for p in names {
            let text = std::fs::read_to_string(&p).expect("file");
            out.push((p.display().to_string(), text, version));
        }
    }
    out
}

fn digest() -> Digest {
    Digest::of(b"")
}

/// Both readers' results, as text: a session read, or the error a user would see.
fn both(text: &str, version: Version) -> (String, String) {
    let fast = parse_with(text, digest(), "f.toml", version, super::read);
    let general = parse_with(text, digest(), "f.toml", version, |_| None);
    let shown = |r: Result<_, crate::sync::ReadError>| match r {
        Ok(f) => format!("{f:?}"),
        Err(e) => format!("error: {e}"),
    };
    (shown(fast), shown(general))
}

#[test]
fn every_frozen_file_is_read_by_the_fast_reader_as_the_general_parser_reads_it() {
    let files = corpus();
    assert!(files.len() >= 10, "{} files", files.len());
    for (name, text, version) in &files {
        assert!(
            super::read(text).is_some(),
            "declined a file stocktake wrote: {name}"
        );
        let (fast, general) = both(text, *version);
        assert!(!general.starts_with("error"), "{name}: {general}");
        assert_eq!(fast, general, "{name}");
    }
}

#[test]
fn what_stocktake_does_not_write_is_declined_and_read_as_before() {
    let (_, text, version) = corpus().swap_remove(0);
    let cases = [
        // A comment, another spacing, a literal string, a float, a key given twice.
        text.replacen("\n[guide]\n", "\n# checked by hand\n[guide]\n", 1),
        text.replacen("revision = ", "revision=", 1),
        text.replacen("interviewer = \"", "interviewer = '", 1)
            .replacen("\"\nedited_by", "'\nedited_by", 1),
        text.replacen("\n[guide]\n", "\nlanguage = \"fr\"\n[guide]\n", 1),
        text.replacen("\n[guide]\n", "\n[guide]\n\n", 1),
    ];
    for (i, edited) in cases.iter().enumerate() {
        assert_ne!(edited, &text, "case {i} changed nothing");
        let (fast, general) = both(edited, version);
        assert_eq!(fast, general, "case {i}");
    }
    // Only the blank line is still stocktake's shape; the others are the general parser's.
    assert!(super::read(&cases[0]).is_none());
    assert!(super::read(&cases[1]).is_none());
    assert!(super::read(&cases[3]).is_none());
    assert!(super::read(&cases[4]).is_some());
}

#[test]
fn an_error_points_at_the_same_line_and_column() {
    let (_, text, version) = corpus().swap_remove(0);
    let edited = text.replacen("role = \"", "role = \"nobody_", 1);
    let (fast, general) = both(&edited, version);
    assert!(fast.starts_with("error: f.toml:"), "{fast}");
    assert_eq!(fast, general);
    let edited = text.replacen("revision = ", "revision = 0", 1);
    let (fast, general) = both(&edited, version);
    assert!(fast.starts_with("error"), "{fast}");
    assert_eq!(fast, general);
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the byte at (position mod length) with one of TOML's own.
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    /// The line at (position mod lines) twice.
    DoubleLine(usize),
}

const BYTES: &[u8] = b"\"\\[]{}=,. \t\n\r#'0123456789-+.eE:TZtrufalsexnbU_\x01\x7f";

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop::sample::select(BYTES);
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::DoubleLine),
    ]
}

fn mutate(text: &str, muts: &[Mutation]) -> String {
    let mut b = text.as_bytes().to_vec();
    for m in muts {
        let n = b.len().max(1);
        match *m {
            Mutation::Set(i, c) if !b.is_empty() => b[i % n] = c,
            Mutation::Insert(i, c) => b.insert(i % (b.len() + 1), c),
            Mutation::Delete(i) if !b.is_empty() => {
                b.remove(i % n);
            }
            Mutation::DoubleLine(i) => {
                let s = String::from_utf8_lossy(&b).into_owned();
                let mut lines: Vec<&str> = s.split('\n').collect();
                let k = i % lines.len();
                lines.insert(k, lines[k]);
                b = lines.join("\n").into_bytes();
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Many mutations, deterministic: both readers give the same on each, and the fast reader
/// read a good share of them itself (a comparison it always declines proves nothing).
#[test]
fn thousands_of_mutations_read_the_same_and_many_by_the_fast_reader() {
    let files = corpus();
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let (mut fast_read, mut declined) = (0, 0);
    for _ in 0..3000 {
        let (_, text, version) = &files[next() % files.len()];
        let muts: Vec<Mutation> = (0..1 + next() % 2)
            .map(|_| {
                let b = BYTES[next() % BYTES.len()];
                match next() % 4 {
                    0 => Mutation::Set(next(), b),
                    1 => Mutation::Insert(next(), b),
                    2 => Mutation::Delete(next()),
                    _ => Mutation::DoubleLine(next()),
                }
            })
            .collect();
        let edited = mutate(text, &muts);
        let (fast, general) = both(&edited, *version);
        assert_eq!(fast, general, "{muts:?}\n{edited}");
        if super::read(&edited).is_some() {
            fast_read += 1;
        } else {
            declined += 1;
        }
    }
    assert!(
        fast_read > 500 && declined > 500,
        "{fast_read} read, {declined} declined"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_mutated_file_reads_the_same_with_the_fast_reader_or_without(
        which in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 1..4),
    ) {
        let files = corpus();
        let (_, text, version) = &files[which.index(files.len())];
        let edited = mutate(text, &muts);
        let (fast, general) = both(&edited, *version);
        prop_assert_eq!(fast, general);
    }

    #[test]
    fn any_text_the_writer_escapes_reads_back_whole(s in "\\PC*|[\\x00-\\x1f\\x7f\"\\\\é中]{0,20}") {
        let written = crate::sync::render::toml_str(&s);
        prop_assert_eq!(super::basic_string(&written, 0), Some((s, written.len())));
    }

    #[test]
    fn a_basic_string_reads_as_toml_reads_it(body in "([a-z \"\\\\]|\\\\[ntrbfu\"\\\\eUx]|\\\\u00[0-9a-fA-F]{2}|\\\\U0001F600|\\t){0,12}") {
        let literal = format!("\"{body}\"");
        let general = toml::from_str::<toml::Table>(&format!("x = {literal}"))
            .ok()
            .and_then(|t| t.get("x").and_then(|v| v.as_str().map(str::to_string)));
        if let Some((fast, end)) = super::basic_string(&literal, 0) {
            // Accepted: the whole literal, read as toml reads it.
            if end == literal.len() {
                prop_assert_eq!(Some(fast), general);
            }
        }
    }
}

proptest! {
    #[test]
    fn a_utc_second_is_the_date_time_toml_reads(
        y in 0u16..=9999, mo in 0u8..=13, d in 0u8..=32, h in 0u8..=25, mi in 0u8..=61, s in 0u8..=61,
    ) {
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        if let Some(fast) = super::utc_second(&text) {
            let general: Result<toml::value::Datetime, _> = text.parse();
            prop_assert_eq!(Ok(fast), general.map_err(|_| ()));
        }
    }
}
