//! Quarantine heals (issues 20.1, 19.2, 20.17): a file quarantined for a reason a later
//! run can remove is read again, whatever its size and modification time say; an entry
//! whose content came in is cleared; a file that is gone leaves the quarantine; and the
//! summary says what was cleared.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use stocktake::collate::{CollationDb, Keys, Summary};
use stocktake::guide::{Catalog, GuideDirs, LoadedGuide, Structure};
use stocktake::session::Value;

use super::support::files::{Factory, bytes};

fn run(db: &mut CollationDb, paths: &[PathBuf], catalog: &Catalog, keys: &Keys) -> Summary {
    stocktake::collate::collate(db, paths, catalog, keys, "t", &mut |_, _, _| {}).expect("collate")
}

fn kinds(db: &CollationDb) -> Vec<String> {
    db.quarantined()
        .expect("q")
        .into_iter()
        .map(|q| q.kind)
        .collect()
}

fn mtime(p: &Path) -> SystemTime {
    std::fs::metadata(p)
        .expect("stat")
        .modified()
        .expect("mtime")
}

/// What `cp -p` does: new bytes in the same file, the old modification time put back.
fn replace_keeping_mtime(p: &Path, content: &[u8]) {
    let was = mtime(p);
    std::fs::write(p, content).expect("write");
    std::fs::File::options()
        .write(true)
        .open(p)
        .expect("open")
        .set_modified(was)
        .expect("set mtime");
    assert_eq!(mtime(p), was);
}

fn one_session() -> Vec<u8> {
    bytes(&Factory::new().session("Chad", Structure::CpAor, "anecdotal_only"))
}

fn keys(identities: Vec<age::x25519::Identity>, require_encrypted: bool) -> Keys {
    Keys {
        identities,
        require_encrypted,
    }
}

fn identity() -> (age::x25519::Recipient, Vec<age::x25519::Identity>) {
    let (recipient, text) = stocktake::sync::new_identity("now");
    (
        stocktake::sync::parse_recipient(&recipient).expect("recipient"),
        stocktake::sync::parse_identities(&text, "id").expect("identity"),
    )
}

#[test]
fn an_encrypted_file_comes_in_once_the_identity_is_given() {
    let dir = tempfile::tempdir().expect("dir");
    let (recipient, ids) = identity();
    let (_, others) = identity();
    let file = dir.path().join("s.toml.age");
    std::fs::write(
        &file,
        stocktake::sync::encrypt(&one_session(), &[recipient]).expect("encrypt"),
    )
    .expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let catalog = Catalog::bundled();
    let paths = [dir.path().to_path_buf()];
    run(&mut db, &paths, &catalog, &keys(vec![], false));
    assert_eq!(kinds(&db), ["no identity"]);
    run(&mut db, &paths, &catalog, &keys(others, false));
    assert_eq!(kinds(&db), ["not for this collator"]);
    let s = run(&mut db, &paths, &catalog, &keys(ids, false));
    assert_eq!((s.new, s.quarantined), (1, 0), "{s}");
    assert!(kinds(&db).is_empty());
    assert!(
        s.to_string()
            .ends_with("; cleared from quarantine: 1 now imported"),
        "{s}"
    );
}

#[test]
fn a_plain_file_comes_in_once_encryption_is_no_longer_required() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("s.toml"), one_session()).expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let catalog = Catalog::bundled();
    let paths = [dir.path().to_path_buf()];
    run(&mut db, &paths, &catalog, &keys(vec![], true));
    assert_eq!(kinds(&db), ["not encrypted"]);
    let s = run(&mut db, &paths, &catalog, &keys(vec![], false));
    assert_eq!((s.new, s.quarantined), (1, 0), "{s}");
}

/// A second version of the coordinator guide, in a folder of its own, and a completed
/// session made with it.
fn guide_v2(dir: &Path) -> (PathBuf, Vec<u8>) {
    let guides = dir.join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    // A version after the bundled one (version 3), which no stocktake has.
    let v2 = stocktake::guide::BUNDLED[0]
        .1
        .replacen("version = \"3\"", "version = \"4\"", 1);
    std::fs::write(guides.join("v2.toml"), &v2).expect("v2");
    let catalog = Catalog::discover(&GuideDirs {
        flag: vec![guides.clone()],
        ..Default::default()
    });
    let g2: LoadedGuide = catalog.get("gpc-attt-coordinator").expect("v2").clone();
    let mut store =
        stocktake::store::Store::open_in_memory(stocktake::store::system_clock()).expect("s");
    let (_, mut ss) = super::support::create_call(
        &mut store,
        &g2,
        &super::support::new_call(&[Structure::ProtectionCluster]),
    )
    .expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    s.set_value(&g2.guide, "consent", Value::YesNo(true), now)
        .expect("v");
    s.set_value(
        &g2.guide,
        "tip_engagement",
        Value::Choice("mechanism_in_place".into()),
        now,
    )
    .expect("v");
    s.complete(&g2.guide, now).expect("c");
    (guides, stocktake::sync::render(&s, &g2))
}

#[test]
fn a_file_of_an_unknown_guide_comes_in_once_the_guide_is_given() {
    let dir = tempfile::tempdir().expect("dir");
    let (guides, file) = guide_v2(dir.path());
    let inbox = dir.path().join("in");
    std::fs::create_dir(&inbox).expect("mkdir");
    std::fs::write(inbox.join("v2.toml"), &file).expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let paths = [inbox.clone()];
    run(&mut db, &paths, &Catalog::bundled(), &Keys::default());
    assert_eq!(kinds(&db), ["unknown guide"]);
    let with_guide = Catalog::discover(&GuideDirs {
        flag: vec![guides],
        ..Default::default()
    });
    let s = run(&mut db, &paths, &with_guide, &Keys::default());
    assert_eq!((s.new, s.quarantined), (1, 0), "{s}");
}

#[test]
fn an_entry_whose_content_came_in_from_another_copy_is_cleared() {
    let dir = tempfile::tempdir().expect("dir");
    let (guides, file) = guide_v2(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        std::fs::create_dir(d).expect("mkdir");
        std::fs::write(d.join("v2.toml"), &file).expect("write");
    }
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    run(
        &mut db,
        std::slice::from_ref(&a),
        &Catalog::bundled(),
        &Keys::default(),
    );
    assert_eq!(kinds(&db), ["unknown guide"]);
    // Only folder b is collated, with the guide: a's copy holds the same bytes.
    let with_guide = Catalog::discover(&GuideDirs {
        flag: vec![guides],
        ..Default::default()
    });
    let s = run(&mut db, &[b], &with_guide, &Keys::default());
    assert_eq!(s.new, 1, "{s}");
    assert!(kinds(&db).is_empty(), "{:?}", db.quarantined());
    assert!(s.to_string().contains("1 now imported"), "{s}");
    // And a, unchanged, is now known without a word.
    let again = run(&mut db, &[a], &Catalog::bundled(), &Keys::default());
    assert_eq!((again.duplicate, again.quarantined), (1, 0), "{again}");
}

#[test]
fn a_tampered_copy_replaced_with_cp_p_comes_in() {
    let dir = tempfile::tempdir().expect("dir");
    let good = one_session();
    let mut tampered = good.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 0x02;
    let file = dir.path().join("s.toml");
    std::fs::write(&file, &tampered).expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let paths = [dir.path().to_path_buf()];
    run(&mut db, &paths, &Catalog::bundled(), &Keys::default());
    assert_eq!(kinds(&db), ["tampered"]);
    // Same size, same modification time, other bytes: a copy caught half-rewritten, then
    // finished.
    replace_keeping_mtime(&file, &good);
    let s = run(&mut db, &paths, &Catalog::bundled(), &Keys::default());
    assert_eq!((s.new, s.quarantined), (1, 0), "{s}");
}

#[test]
fn an_imported_file_replaced_with_cp_p_by_other_bytes_is_read_again() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = Factory::new();
    let first = bytes(&f.session("Chad", Structure::CpAor, "anecdotal_only"));
    let second = bytes(&f.session("Mali", Structure::CpAor, "anecdotal_only"));
    assert_eq!(first.len(), second.len(), "two files of one size");
    let file = dir.path().join("s.toml");
    std::fs::write(&file, &first).expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let paths = [dir.path().to_path_buf()];
    run(&mut db, &paths, &Catalog::bundled(), &Keys::default());
    replace_keeping_mtime(&file, &second);
    let s = run(&mut db, &paths, &Catalog::bundled(), &Keys::default());
    assert_eq!(s.new, 1, "the other session is read: {s}");
}

#[test]
fn a_quarantined_file_that_is_deleted_leaves_the_quarantine() {
    let dir = tempfile::tempdir().expect("dir");
    let inbox = dir.path().join("in");
    let other = dir.path().join("other");
    for d in [&inbox, &other] {
        std::fs::create_dir(d).expect("mkdir");
        std::fs::write(
            d.join("broken.toml"),
            b"digest = \"sha256:00\"\nnot a session\n",
        )
        .expect("write");
    }
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    run(
        &mut db,
        &[inbox.clone(), other.clone()],
        &Catalog::bundled(),
        &Keys::default(),
    );
    assert_eq!(kinds(&db).len(), 2);
    std::fs::remove_file(inbox.join("broken.toml")).expect("rm");
    std::fs::remove_file(other.join("broken.toml")).expect("rm");
    // Collating one folder clears what is gone from it, and nothing of the other's.
    let s = run(&mut db, &[inbox], &Catalog::bundled(), &Keys::default());
    assert_eq!(s.quarantined, 0, "{s}");
    assert!(
        s.to_string()
            .ends_with("; cleared from quarantine: 1 no longer found"),
        "{s}"
    );
    let left = db.quarantined().expect("q");
    assert_eq!(left.len(), 1);
    assert!(left[0].path.contains("/other/"), "{left:?}");
}
