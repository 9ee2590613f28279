//! The collator's side: collating 1,000 session files into a new database, collating them
//! again, and the report in every format on 1,000 sessions. Run: `cargo bench --bench collate`.
//! The 10,000-file scale run is `benches/scale.sh`.

mod common;

use stocktake::collate::{CollationDb, Keys, Summary, collate};
use stocktake::guide::Catalog;
use stocktake::report::{Format, Report, ReportOptions};

fn main() {
    divan::main();
}

const FILES: usize = 1_000;

/// Collate the generated folder, unencrypted, without progress.
fn collate_files(db: &mut CollationDb, dir: &std::path::Path, catalog: &Catalog) -> Summary {
    collate(
        db,
        &[dir.join("files")],
        catalog,
        &Keys::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate")
}

#[divan::bench(sample_count = 10)]
fn collate_1000_files(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("dir");
    common::session_files(&dir.path().join("files"), FILES);
    let catalog = Catalog::bundled();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        let mut db = CollationDb::open(&dir.path().join(format!("c{n}.db"))).expect("db");
        let s = collate_files(&mut db, dir.path(), &catalog);
        assert_eq!(s.new, FILES);
    });
}

#[divan::bench(sample_count = 10)]
fn collate_1000_files_again(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("dir");
    common::session_files(&dir.path().join("files"), FILES);
    let catalog = Catalog::bundled();
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    collate_files(&mut db, dir.path(), &catalog);
    bencher.bench_local(|| {
        let s = collate_files(&mut db, dir.path(), &catalog);
        assert_eq!(s.duplicate, FILES);
    });
}

#[divan::bench(sample_count = 10)]
fn report_1000_sessions_all_formats(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("dir");
    common::session_files(&dir.path().join("files"), FILES);
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    collate_files(&mut db, dir.path(), &Catalog::bundled());
    bencher.bench_local(|| {
        let r = Report::build(&db, ReportOptions::default()).expect("report");
        stocktake::report::write(
            &r,
            &dir.path().join("out"),
            &[Format::Html, Format::Markdown, Format::Csv, Format::Xlsx],
            "t",
        )
        .expect("write");
    });
}
