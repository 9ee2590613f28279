//! A hostile-file corpus, built fresh for the current guide: every way a file can be bad
//! is quarantined with its reason and the run goes on; valid files whose texts carry
//! terminal escapes, HTML and spreadsheet formulas come out inert in every output.

#[path = "../support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use stocktake::guide::{Digest, Structure};
use stocktake::session::Value;
use support::files::{Factory, bytes};

mod concurrency;
mod digest_line;
mod fields;
mod forgery;
mod odd_files;
mod quarantine;
mod stanzas;

/// Collate the folder `dir` into `db` with the bundled guides, as a library caller would:
/// the summary, what is in quarantine after it, and the database.
fn collate_in_process(
    dir: &Path,
    db: &Path,
) -> (
    stocktake::collate::Summary,
    Vec<stocktake::collate::Quarantined>,
    stocktake::collate::CollationDb,
) {
    let mut cdb = stocktake::collate::CollationDb::open(db).expect("db");
    let summary = stocktake::collate::collate(
        &mut cdb,
        &[dir.to_path_buf()],
        &stocktake::guide::Catalog::bundled(),
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    let quarantined = cdb.quarantined().expect("quarantine");
    (summary, quarantined, cdb)
}

/// A body with a correct digest line, whatever the body says.
fn with_digest(body: &str) -> Vec<u8> {
    format!("digest = \"{}\"\n{body}", Digest::of(body.as_bytes())).into_bytes()
}

fn body(b: &[u8]) -> String {
    String::from_utf8(b.to_vec())
        .expect("utf8")
        .split_once('\n')
        .expect("line")
        .1
        .to_string()
}

const EVIL: &str = "=HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script> \u{1b}]0;pwned\u{7} \u{1b}[2J";

fn corpus(dir: &Path) -> Vec<(&'static str, Option<&'static str>)> {
    let mut f = Factory::new();
    let good = f.session("Sudan", Structure::ProtectionCluster, "anecdotal_only");
    let good_bytes = bytes(&good);
    let g = support::coordinator();
    // A valid session whose every text is hostile.
    let mut evil = f.session(EVIL, Structure::Other, "mechanism_in_place");
    evil.structure_label = "@SUM(A1:A9)".into();
    evil.interviewer = "-2+3".into();
    evil.set_note(&g.guide, "tip_engagement", EVIL, f.clock.now())
        .expect_err("completed: edits refused");
    evil.answers
        .get_mut("tip_engagement")
        .expect("answered")
        .note = EVIL.into();
    evil.answers.insert(
        "promising_practices".into(),
        stocktake::session::Answer {
            value: Some(Value::Text(format!("+{EVIL}"))),
            ..Default::default()
        },
    );
    evil.notes.push(stocktake::session::Note {
        seq: 1,
        at: evil.started_at,
        text: EVIL.into(),
        question: None,
        sensitive: false,
        said_by: None,
    });
    let mut cases: Vec<(&'static str, Vec<u8>, Option<&'static str>)> = vec![
        ("good.toml", good_bytes.clone(), None),
        ("evil.toml", bytes(&evil), None),
        // Invalid UTF-8 under a digest that matches it: the digest check passes, decoding fails.
        (
            "not-utf8.toml",
            {
                let mut b = body(&good_bytes).into_bytes();
                let at = b.len() - 10;
                b[at] = 0xff;
                let mut f = format!("digest = \"{}\"\n", Digest::of(&b)).into_bytes();
                f.extend(b);
                f
            },
            Some("corrupt"),
        ),
        (
            "no-digest.toml",
            body(&good_bytes).into_bytes(),
            Some("corrupt"),
        ),
        (
            "tampered.toml",
            {
                let mut b = good_bytes.clone();
                let at = b.len() / 2;
                b[at] ^= 0x02;
                b
            },
            Some("tampered"),
        ),
        (
            "truncated.toml",
            good_bytes[..good_bytes.len() * 2 / 3].to_vec(),
            Some("truncated"),
        ),
        (
            "newer-format.toml",
            with_digest("format = \"stocktake.session.v9\"\nhologram = true\n"),
            Some("unknown format"),
        ),
        (
            "unknown-guide.toml",
            with_digest(&body(&good_bytes).replace(
                &g.digest.to_string(),
                &Digest::of(b"another guide").to_string(),
            )),
            Some("unknown guide"),
        ),
        (
            "invalid-answer.toml",
            with_digest(&body(&good_bytes).replacen(
                "value = \"anecdotal_only\"",
                "value = \"everything_is_fine\"",
                1,
            )),
            Some("invalid answer"),
        ),
        (
            "unknown-key.toml",
            with_digest(&body(&good_bytes).replacen("interviewer = ", "interviewer_evil = ", 1)),
            Some("corrupt"),
        ),
        (
            "deep.toml",
            with_digest(&format!(
                "format = \"stocktake.session.v1\"\nx = {}{}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )),
            Some("corrupt"),
        ),
        ("huge.toml", vec![b'#'; 9 * 1024 * 1024], Some("too large")),
    ];
    // A hostile file name must not confuse anything either.
    cases.push(("name-\u{1b}]0;x\u{7}.toml", good_bytes, None));
    let mut out = Vec::new();
    for (name, b, expect) in cases.drain(..) {
        std::fs::write(dir.join(name), b).expect("write");
        out.push((name, expect));
    }
    out
}

#[test]
fn every_bad_file_is_quarantined_with_its_reason_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    let cases = corpus(&files);
    let db = dir.path().join("c.db");
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        .args(["collate", "--db"])
        .arg(&db)
        .arg(&files)
        .env("STOCKTAKE_CONFIG", "/nonexistent")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "escape sequences reached the terminal"
    );
    let cdb = stocktake::collate::CollationDb::open(&db).expect("db");
    let quarantined = cdb.quarantined().expect("q");
    for (name, expect) in &cases {
        let q = quarantined.iter().find(|q| q.path.ends_with(name));
        match expect {
            None => assert!(q.is_none(), "{name} was quarantined: {q:?}"),
            Some(kind) => {
                let q = q.unwrap_or_else(|| panic!("{name} was not quarantined"));
                assert_eq!(q.kind, *kind, "{name}: {}", q.reason);
            }
        }
    }
    assert!(
        stdout.contains("2 new"),
        "good, evil (and the good copy under a strange name): {stdout}"
    );
}

/// Every worksheet and the shared strings of an XLSX, as one text.
fn xlsx_text(xlsx: &Path) -> String {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    if n.startswith('xl/worksheets/') or n == 'xl/sharedStrings.xml':\n        print(z.read(n).decode())",
        ])
        .arg(xlsx)
        .output()
        .expect("python3 reads the xlsx zip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn hostile_texts_come_out_inert_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("mkdir");
    corpus(&files);
    let db = dir.path().join("c.db");
    let mut cdb = stocktake::collate::CollationDb::open(&db).expect("db");
    stocktake::collate::collate(
        &mut cdb,
        &[files],
        &stocktake::guide::Catalog::bundled(),
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    let report = stocktake::report::Report::build(&cdb, Default::default()).expect("report");
    let out: PathBuf = dir.path().join("report");
    use stocktake::report::Format::*;
    stocktake::report::write(&report, &out, &[Html, Markdown, Csv, Xlsx], "now").expect("write");
    let html = std::fs::read_to_string(out.join("report.html")).expect("html");
    assert!(
        !html.contains("<script>") && html.contains("&lt;script&gt;"),
        "HTML escaped"
    );
    assert!(!html.contains('\u{1b}'));
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    assert!(!md.contains("<script>") && !md.contains('\u{1b}'));
    for csv in ["long.csv", "wide.csv"] {
        let text = std::fs::read_to_string(out.join(csv)).expect("csv");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for rec in r.records() {
            for cell in rec.expect("record").iter() {
                assert!(
                    !cell.starts_with(['=', '+', '@', '\t', '\r']),
                    "{csv}: formula cell {cell:?}"
                );
                assert!(
                    !(cell.starts_with('-') && cell.parse::<f64>().is_err()),
                    "{csv}: {cell:?}"
                );
            }
        }
        assert!(
            text.contains("'=HYPERLINK") && text.contains("'@SUM(A1:A9)") && text.contains("'-2+3"),
            "{csv}"
        );
    }
    let xml = xlsx_text(&out.join("report.xlsx"));
    assert!(
        xml.contains("'=HYPERLINK") && xml.contains("'@SUM(A1:A9)"),
        "XLSX cells neutralised"
    );
    assert!(
        !xml.contains(">=HYPERLINK") && !xml.contains(">@SUM"),
        "no bare formula text"
    );
    assert!(!xml.contains("<f>"), "no formula cell at all");
}

#[test]
fn conflicts_print_hostile_texts_inert() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = Factory::new();
    let base = f.session(EVIL, Structure::Other, "anecdotal_only");
    let a = f.revise(&base, support::files::classify("mechanism_in_place"));
    let mut b = f.revise(&base, support::files::classify("not_working_not_aware"));
    b.answers.get_mut("tip_engagement").expect("answered").note = EVIL.into();
    for (name, s) in [("base.toml", &base), ("a.toml", &a), ("b.toml", &b)] {
        std::fs::write(dir.path().join(name), bytes(s)).expect("write");
    }
    let db = dir.path().join("c.db");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_stocktake"))
            .args(args)
            .env("STOCKTAKE_CONFIG", "/nonexistent")
            .output()
            .expect("run")
    };
    run(&[
        "collate",
        "--db",
        &db.display().to_string(),
        &dir.path().display().to_string(),
    ]);
    let out = run(&["conflicts", "--db", &db.display().to_string()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("unresolved"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(
        text.contains("\\u{1b}"),
        "the escape is shown, not obeyed: {text}"
    );
}
