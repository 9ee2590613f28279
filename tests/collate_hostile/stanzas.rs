//! An `.age` file whose header names thousands of recipients (issue 20.2): age tries
//! them all, in time that grows with their square, so one file planted in the outbox
//! stalled a collation for minutes. It is now refused before age reads it.

use std::time::{Duration, Instant};

use stocktake::guide::Structure;

use super::support::files::{Factory, bytes};

/// Unpadded base64 of 32 pseudo-random bytes, as an X25519 stanza carries them.
fn b64_32(seed: &mut u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(43);
    for i in 0..43 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let c = (*seed >> 33) as usize % 64;
        // 32 bytes end on 2 bits of the last character: the other 4 must be zero.
        out.push(ALPHABET[if i == 42 { c & 0b11_0000 } else { c }] as char);
    }
    out
}

/// A genuine file for `recipient`, with `extra` recipient stanzas for strangers put in
/// front of the genuine one.
fn with_stanzas(plain: &[u8], recipient: &str, extra: usize) -> Vec<u8> {
    let r = stocktake::sync::parse_recipient(recipient).expect("recipient");
    let cipher = stocktake::sync::encrypt(plain, &[r]).expect("encrypt");
    let header_end = cipher
        .windows(4)
        .position(|w| w == b"\n-> ")
        .expect("a first stanza")
        + 1;
    let mut seed = 7;
    let mut out = cipher[..header_end].to_vec();
    for _ in 0..extra {
        out.extend(format!("-> X25519 {}\n{}\n", b64_32(&mut seed), b64_32(&mut seed)).bytes());
    }
    out.extend(&cipher[header_end..]);
    out
}

#[test]
fn a_file_with_twenty_thousand_recipients_is_refused_fast() {
    let dir = tempfile::tempdir().expect("dir");
    let (recipient, identity) = stocktake::sync::new_identity("now");
    let identities = stocktake::sync::parse_identities(&identity, "id").expect("identity");
    let mut f = Factory::new();
    let plain = bytes(&f.session("Chad", Structure::CpAor, "anecdotal_only"));
    std::fs::write(
        dir.path().join("stall.toml.age"),
        with_stanzas(&plain, &recipient, 20_000),
    )
    .expect("write");
    // A handful of strangers beside the collator: a file for several collators still opens.
    let plain2 = bytes(&f.session("Mali", Structure::CpAor, "anecdotal_only"));
    let mut several = vec![stocktake::sync::parse_recipient(&recipient).expect("recipient")];
    for _ in 0..5 {
        let (other, _) = stocktake::sync::new_identity("now");
        several.push(stocktake::sync::parse_recipient(&other).expect("recipient"));
    }
    let few = stocktake::sync::encrypt(&plain2, &several).expect("encrypt");
    std::fs::write(dir.path().join("few.toml.age"), few).expect("write");
    let mut db = stocktake::collate::CollationDb::open(&dir.path().join("c.db")).expect("db");
    let started = Instant::now();
    let summary = stocktake::collate::collate(
        &mut db,
        &[dir.path().to_path_buf()],
        &stocktake::guide::Catalog::bundled(),
        &stocktake::collate::Keys {
            identities,
            require_encrypted: false,
        },
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    let took = started.elapsed();
    // Unbounded, this took over a minute; refused unread it takes milliseconds. The bound
    // leaves room for a loaded CI machine and a debug build.
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let q = db.quarantined().expect("q");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].path.ends_with("stall.toml.age"), "{q:?}");
    assert_eq!(q[0].kind, "too many recipients", "{}", q[0].reason);
    assert!(
        q[0].reason.contains("header has 200")
            && q[0].reason.contains("recipient stanzas")
            && q[0].reason.contains("at most 64"),
        "{}",
        q[0].reason
    );
    assert_eq!(summary.quarantined, 1, "{summary}");
}
