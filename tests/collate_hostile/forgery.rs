//! Forged revisions (issue 20.19): anyone who can write to the outbox can add a file with
//! a known `session_id`. The revision number it claims must never make it the session's
//! head: heads are chosen by the chain (its length from a first revision through
//! `parent` links), and wherever more than one revision could be current the session is
//! flagged for the collator, never settled silently.

use stocktake::collate::{CollationDb, Head};
use stocktake::guide::{Digest, Structure};
use stocktake::session::Session;

use super::collate_in_process;
use super::support::files::{Factory, bytes, classify, digest};

/// A genuine r1 → r2, and a forger's copy of r1 changed by `forge`.
fn chain_and_forgery(
    forge: impl FnOnce(&mut Session, &Session),
) -> (Vec<u8>, Vec<u8>, Vec<u8>, Session) {
    let mut f = Factory::new();
    let r1 = f.session("Chad", Structure::ProtectionCluster, "anecdotal_only");
    let r2 = f.revise(&r1, classify("mechanism_in_place"));
    let mut forged = r1.clone();
    forged
        .answers
        .get_mut("tip_engagement")
        .expect("answered")
        .value = Some(stocktake::session::Value::Choice(
        "not_working_not_aware".into(),
    ));
    forged.completed_at = Some(f.clock.now() + jiff::SignedDuration::from_hours(24 * 365));
    forge(&mut forged, &r1);
    (bytes(&r1), bytes(&r2), bytes(&forged), r2)
}

fn head_after(files: &[(&str, &[u8])]) -> (Head, CollationDb) {
    let dir = tempfile::tempdir().expect("dir");
    for (name, b) in files {
        std::fs::write(dir.path().join(name), b).expect("write");
    }
    let (summary, quarantined, db) = collate_in_process(dir.path(), &dir.path().join("c.db"));
    assert!(quarantined.is_empty(), "{summary}: {quarantined:?}");
    let heads = db.heads().expect("heads");
    assert_eq!(heads.len(), 1, "one session");
    (heads[0].clone(), db)
}

#[test]
fn a_forged_first_revision_claiming_a_huge_revision_does_not_become_the_head() {
    let (r1, r2, forged, genuine) = chain_and_forgery(|f, _| {
        f.revision = stocktake::sync::MAX_REVISION;
        f.parent = None;
    });
    let (head, _) = head_after(&[("r1.toml", &r1), ("r2.toml", &r2), ("forged.toml", &forged)]);
    assert_eq!(head.row.digest, digest(&genuine).to_string(), "{head:?}");
    assert!(
        head.unresolved,
        "two first revisions: shown to the collator"
    );
}

#[test]
fn a_forged_revision_whose_parent_is_unknown_does_not_become_the_head() {
    let (r1, r2, forged, genuine) = chain_and_forgery(|f, _| {
        f.revision = stocktake::sync::MAX_REVISION;
        f.parent = Some(Digest::of(b"a revision that never was"));
    });
    let (head, _) = head_after(&[("r1.toml", &r1), ("r2.toml", &r2), ("forged.toml", &forged)]);
    assert_eq!(head.row.digest, digest(&genuine).to_string(), "{head:?}");
    assert!(
        head.unresolved,
        "a second current revision, however it got there, is never settled silently"
    );
}

#[test]
fn a_forged_sibling_of_the_genuine_head_is_flagged_and_its_revision_number_wins_nothing() {
    // Completed before the genuine r2, claiming a far higher revision: at the same depth
    // the claimed number must not decide.
    let (r1, r2, forged, genuine) = chain_and_forgery(|f, r1| {
        f.revision = stocktake::sync::MAX_REVISION;
        f.parent = Some(digest(r1));
        f.completed_at = r1
            .completed_at
            .map(|t| t + jiff::SignedDuration::from_secs(30));
    });
    let (head, db) = head_after(&[("r1.toml", &r1), ("r2.toml", &r2), ("forged.toml", &forged)]);
    assert!(head.unresolved, "{head:?}");
    assert_eq!(db.conflicts().expect("conflicts").len(), 1);
    assert_eq!(head.row.digest, digest(&genuine).to_string(), "{head:?}");
}
