//! How answers came to be (session file v4), from the files to the report: the collation
//! keeps the marks, and the report splits each question by them (issue 16).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-files/v4")
}

/// `stocktake collate` then `stocktake report` on the v4 corpus, by the real binary.
fn collated_report(dir: &Path) -> (String, String) {
    let bin = env!("CARGO_BIN_EXE_stocktake");
    let db = dir.join("c.db");
    let out = Command::new(bin)
        .args(["collate", "--db"])
        .arg(&db)
        .arg(corpus())
        .output()
        .expect("collate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = dir.join("report");
    let out = Command::new(bin)
        .args(["report", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&report)
        .args(["--format", "md", "--format", "html", "--format", "xlsx"])
        .output()
        .expect("report");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        std::fs::read_to_string(report.join("report.md")).expect("md"),
        std::fs::read_to_string(report.join("report.html")).expect("html"),
    )
}

#[test]
fn the_report_says_how_many_reconsidered_after_the_definition_and_what_was_volunteered() {
    let dir = tempfile::tempdir().expect("dir");
    let (md, html) = collated_report(dir.path());
    assert!(md.contains("### How the answers came to be"), "{md}");
    // Ukraine said no before the definition and yes after; Mali had not answered yet.
    assert!(
        md.contains(
            r"answered again after the definition was explained: 2 · changed: 2 \(no → yes 1; nothing yet → yes 1\) · kept: 0"
        ),
        "{md}"
    );
    // Ukraine's baseline: declined before and after.
    assert!(
        md.contains("answered again after the definition was explained: 1 · changed: 0 · kept: 1"),
        "{md}"
    );
    assert!(md.contains("| Forced labour | 1 | 0 |"), "{md}");
    assert!(md.contains("| Other | 0 | 1 |"), "{md}");
    assert!(md.contains("| Yes | 0 | 1 |"), "Mali's yes, prompted: {md}");
    assert!(html.contains("<h3>How the answers came to be</h3>"));
    // And in the workbook, a sheet of its own.
    let xlsx = dir.path().join("report/report.xlsx");
    let part = |name: &str| {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::fs::File::open(&xlsx).expect("xlsx")).expect("zip");
        let mut s = String::new();
        z.by_name(name)
            .expect("part")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    assert!(part("xl/workbook.xml").contains("How answers came"));
    let strings = part("xl/sharedStrings.xml");
    assert!(
        strings.contains("kept after the definition") && strings.contains("no → yes"),
        "{strings}"
    );
    assert!(
        html.contains("(no → yes 1; nothing yet → yes 1) · kept: 0"),
        "{html}"
    );
    assert!(html.contains("<td>Forced labour</td><td class=n>1</td><td class=n>0</td>"));
}

/// volunteered, prompted, before_status, said_by_role, said_by_organisation.
type Marks = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

#[test]
fn the_collation_keeps_each_mark_and_who_said_it() {
    let dir = tempfile::tempdir().expect("dir");
    collated_report(dir.path());
    let conn = rusqlite::Connection::open(dir.path().join("c.db")).expect("db");
    let row: Marks = conn
        .query_row(
            "SELECT volunteered, prompted, before_status, said_by_role, said_by_organisation
             FROM answers WHERE question = 'tip_mechanism'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("row");
    assert_eq!(
        row,
        (
            Some("wg_embedded".into()),
            None,
            None,
            Some("ngo".into()),
            Some("Right to Protection".into())
        )
    );
    let before: (String, String) = conn
        .query_row(
            "SELECT before_status, before_value FROM answers a JOIN revisions r ON r.id = a.rev
             WHERE question = 'tip_engagement'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(before, ("answered".into(), "not_working_not_aware".into()));
    let said: String = conn
        .query_row(
            "SELECT said_by_organisation FROM notes WHERE said_by_role IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("note");
    assert_eq!(said, "Right to Protection");
}
