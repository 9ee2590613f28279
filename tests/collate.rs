//! Collation: the seed report's Figure 1 from its numbers, order-independence, forks as
//! conflicts, resolving them, idempotence, exit codes, and several guide versions at once.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use stocktake::collate::{CollationDb, collate};
use stocktake::guide::{Catalog, Structure};
use stocktake::report::{Format, Report, ReportOptions, Say};
use support::files::{Factory, bytes, classify};

fn write(dir: &Path, name: &str, b: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, b).expect("write");
    p
}

fn run(db: &mut CollationDb, paths: &[PathBuf]) -> stocktake::collate::Summary {
    collate(
        db,
        paths,
        &Catalog::bundled(),
        &Default::default(),
        "2018-07-01T00:00:00Z",
        &mut |_, _, _| {},
    )
    .expect("collate")
}

/// The seed report's numbers: 26 protection clusters (5 mechanism in place, 8 aware but not
/// discussed, 6 anecdotal, 7 neither), plus AOR sessions that must not enter that denominator.
fn figure_1_files(dir: &Path) -> Vec<PathBuf> {
    let mut f = Factory::new();
    let mut out = Vec::new();
    let plan = [
        ("mechanism_in_place", 5),
        ("aware_not_discussed", 8),
        ("anecdotal_only", 6),
        ("not_working_not_aware", 7),
    ];
    let mut n = 0;
    for (value, count) in plan {
        for _ in 0..count {
            n += 1;
            let s = f.session(
                &format!("Response {n}"),
                Structure::ProtectionCluster,
                value,
            );
            out.push(write(dir, &format!("pc{n}.toml"), &bytes(&s)));
        }
    }
    for (i, (structure, value)) in [
        (Structure::CpAor, "mechanism_in_place"),
        (Structure::CpAor, "mechanism_in_place"),
        (Structure::GbvAor, "mechanism_in_place"),
        (Structure::GbvAor, "anecdotal_only"),
    ]
    .into_iter()
    .enumerate()
    {
        let s = f.session(&format!("AOR {i}"), structure, value);
        out.push(write(dir, &format!("aor{i}.toml"), &bytes(&s)));
    }
    out
}

#[test]
fn the_report_reproduces_figure_1() {
    let dir = tempfile::tempdir().expect("dir");
    figure_1_files(dir.path());
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let summary = run(&mut db, &[dir.path().to_path_buf()]);
    assert_eq!((summary.new, summary.quarantined), (30, 0));
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let s = &report.sections[0];
    let fig = s
        .summaries
        .iter()
        .find(|d| {
            d.question == "tip_engagement" && d.structure() == Some(Structure::ProtectionCluster)
        })
        .expect("Figure 1");
    assert_eq!(
        fig.denominator(Say::default()),
        "n = 26 protection clusters"
    );
    assert_eq!(
        s.summaries[0].question, "tip_engagement",
        "Figure 1 leads the summary"
    );
    let percents: Vec<(&str, usize, u32)> = fig
        .rows
        .iter()
        .map(|c| (c.value.as_str(), c.count, c.percent))
        .collect();
    assert_eq!(
        percents,
        [
            ("mechanism_in_place", 5, 19),
            ("aware_not_discussed", 8, 31),
            ("anecdotal_only", 6, 23),
            ("not_working_not_aware", 7, 27),
        ]
    );
    // The AORs have their own tables.
    let cp = s
        .summaries
        .iter()
        .find(|d| d.question == "tip_engagement" && d.structure() == Some(Structure::CpAor))
        .expect("cp");
    assert_eq!((cp.n, cp.rows[0].percent), (2, 100));
    // And the rendered report says it the same way.
    let out = dir.path().join("report");
    stocktake::report::write(
        &report,
        &out,
        &[
            stocktake::report::Format::Html,
            stocktake::report::Format::Markdown,
        ],
        "now",
    )
    .expect("write");
    let html = std::fs::read_to_string(out.join("report.html")).expect("html");
    assert!(
        html.contains("n = 26 protection clusters")
            && html.contains("19%")
            && html.contains("31%")
            && html.contains("<svg")
    );
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    assert!(
        md.contains("| Mechanisms in place, e.g. a TIP working group | 5 | 19% |"),
        "{md}"
    );
    // Filtered to one structure, only it.
    let cp_only = Report::build(
        &db,
        ReportOptions {
            structure: Some(Structure::CpAor),
            ..ReportOptions::default()
        },
    )
    .expect("cp");
    assert!(
        cp_only.sections[0]
            .sessions
            .iter()
            .all(|r| r.structure == Structure::CpAor)
    );
}

#[test]
fn re_collating_imports_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    figure_1_files(dir.path());
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    run(&mut db, &[dir.path().to_path_buf()]);
    let again = run(&mut db, &[dir.path().to_path_buf()]);
    assert_eq!(
        (again.new, again.updated, again.duplicate, again.quarantined),
        (0, 0, 30, 0)
    );
    assert_eq!(
        again.to_string(),
        "30 file(s): 0 new, 0 updated, 30 already present, 0 conflicting, 0 quarantined"
    );
}

/// A fixed set of files: chains, a fork, copies under other names.
fn scenario(dir: &Path) -> Vec<PathBuf> {
    let mut f = Factory::new();
    let a1 = f.session("Iraq", Structure::ProtectionCluster, "anecdotal_only");
    let a2 = f.revise(&a1, classify("mechanism_in_place"));
    let a3 = f.revise(&a2, classify("aware_not_discussed"));
    let b1 = f.session("Mali", Structure::GbvAor, "not_working_not_aware");
    // Edited in two places from the same revision: a fork.
    let b2x = f.revise(&b1, classify("anecdotal_only"));
    let b2y = f.revise(&b1, classify("mechanism_in_place"));
    let mut out = Vec::new();
    for (name, s) in [
        ("a1", &a1),
        ("a2", &a2),
        ("a3", &a3),
        ("b1", &b1),
        ("b2x", &b2x),
        ("b2y", &b2y),
    ] {
        out.push(write(dir, &format!("{name}.toml"), &bytes(s)));
    }
    out.push(write(dir, "copy-of-a2.toml", &bytes(&a2)));
    out.push(write(
        dir,
        "broken.toml",
        b"digest = \"sha256:00\"\nnot a session\n",
    ));
    out
}

/// Everything the database says, without the times of import.
fn content(db: &CollationDb) -> String {
    let mut out = String::new();
    for r in db.revisions().expect("revisions") {
        out.push_str(&format!("{r:?}\n"));
        out.push_str(&format!(
            "{:?}\n{:?}\n",
            db.answers_of(&r.digest).expect("a"),
            db.paths_of(&r.digest).expect("p")
        ));
    }
    out.push_str(&format!(
        "{:?}\n{:?}\n",
        db.heads().expect("heads"),
        db.conflicts().expect("conflicts")
    ));
    for q in db.quarantined().expect("q") {
        out.push_str(&format!("{} {}\n", q.path, q.kind));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_order_of_arrival_gives_the_same_database(order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle(), repeat in proptest::collection::vec(0..8usize, 0..4)) {
        let dir = tempfile::tempdir().expect("dir");
        let files = scenario(dir.path());
        // Reference: everything at once.
        let mut reference = CollationDb::open(&dir.path().join("ref.db")).expect("db");
        run(&mut reference, &files);
        // Files arriving one by one, in any order, some of them twice.
        let mut db = CollationDb::open(&dir.path().join("perm.db")).expect("db");
        for i in order.iter().chain(repeat.iter()) {
            run(&mut db, std::slice::from_ref(&files[*i]));
        }
        prop_assert_eq!(content(&db), content(&reference));
    }
}

#[test]
fn a_fork_is_a_conflict_and_the_collator_resolves_it_reversibly() {
    let dir = tempfile::tempdir().expect("dir");
    let files = scenario(dir.path());
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let s = run(&mut db, &files);
    assert_eq!(
        (s.new, s.updated, s.conflicting, s.duplicate, s.quarantined),
        (2, 3, 1, 1, 1)
    );
    let conflicts = db.conflicts().expect("conflicts");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].members.len(), 2);
    let mali = |db: &CollationDb| {
        db.heads()
            .expect("heads")
            .into_iter()
            .find(|h| h.row.response == "Mali")
            .expect("mali")
    };
    assert!(mali(&db).unresolved, "an unresolved fork is flagged");
    // Pick the other one than the rule would, then take it back.
    let rule = mali(&db).row.digest;
    let other = conflicts[0]
        .members
        .iter()
        .find(|m| m.digest != rule)
        .expect("other")
        .digest
        .clone();
    db.resolve(&other[7..19], "t1").expect("resolve by prefix");
    let head = mali(&db);
    assert_eq!(head.row.digest, other);
    assert!(!head.unresolved);
    db.unresolve(&other[7..19], "t2").expect("undo");
    assert_eq!(mali(&db).row.digest, rule);
    // The chain Iraq a1 → a2 → a3 has its last revision as head.
    let iraq = db
        .heads()
        .expect("heads")
        .into_iter()
        .find(|h| h.row.response == "Iraq")
        .expect("iraq");
    assert_eq!(iraq.row.revision, 3);
    // The report counts each session once, with its head's answers, not an older one's.
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let classification = |response: &str| {
        let row = report.sections[0]
            .sessions
            .iter()
            .filter(|r| r.response == response)
            .collect::<Vec<_>>();
        assert_eq!(row.len(), 1, "{response}: one row");
        row[0].answers["tip_engagement"]
            .values()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(classification("Iraq"), ["aware_not_discussed"]);
    let mali_head = mali(&db).row.digest;
    let mali_row = report.sections[0]
        .sessions
        .iter()
        .find(|r| r.response == "Mali")
        .expect("mali row");
    assert_eq!(mali_row.digest, mali_head);
    assert_ne!(classification("Mali"), ["not_working_not_aware"], "not b1");
}

fn stocktake(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .output()
        .expect("run")
}

#[test]
fn a_missing_input_is_named_once_with_its_cause_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("c.db").display().to_string();
    let missing = dir.path().join("no-such-folder").display().to_string();
    let out = stocktake(&["collate", "--db", &db, &missing]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches(missing.as_str()).count(), 1, "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn the_command_line_exits_0_2_or_1_and_shows_conflicts_side_by_side() {
    let dir = tempfile::tempdir().expect("dir");
    let files = scenario(dir.path());
    let db = dir.path().join("c.db").display().to_string();
    let good: Vec<String> = files
        .iter()
        .filter(|p| !p.ends_with("broken.toml"))
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["collate", "--db", &db];
    args.extend(good.iter().map(String::as_str));
    let out = stocktake(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 conflict(s) to look at"), "{stdout}");
    // Non-terminal progress: plain lines.
    assert!(String::from_utf8_lossy(&out.stderr).contains("collating: 7/7 files"));
    let out = stocktake(&["collate", "--db", &db, &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2), "a quarantined file");
    let out = stocktake(&["collate", "--db", &db, "/nonexistent/folder"]);
    assert_eq!(out.status.code(), Some(1), "a fatal error");
    let out = stocktake(&["conflicts", "--db", &db]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Mali") && text.contains("unresolved"),
        "{text}"
    );
    assert!(
        text.contains("tip_engagement")
            && text.contains("Aware of anecdotal information on TIP prevalence")
            && text.contains("Mechanisms in place, e.g. a TIP working group"),
        "labels, not codes: {text}"
    );
    let digest = text
        .lines()
        .find(|l| l.contains(", completed "))
        .and_then(|l| l.split_whitespace().next())
        .expect("a digest");
    let out = stocktake(&["resolve", "--db", &db, digest]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&stocktake(&["conflicts", "--db", &db]).stdout)
            .contains("resolved:")
    );
    let out = stocktake(&["resolve", "--db", &db, "--undo", digest]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&stocktake(&["conflicts", "--db", &db]).stdout)
            .contains("unresolved")
    );
    // The report says what it is doing on stderr, each format as it is finished, and
    // lists the files on stdout.
    let report_dir = dir.path().join("report").display().to_string();
    let out = stocktake(&[
        "report",
        "--db",
        &db,
        "--out",
        &report_dir,
        "--format",
        "md,csv",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("read 2 sessions in ") && stderr.contains("writing md, csv…"),
        "{stderr}"
    );
    for f in ["md written in ", "csv written in "] {
        assert!(stderr.contains(f), "{stderr}");
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("report.md") && stdout.contains("long.csv"),
        "{stdout}"
    );
}

#[test]
fn sessions_of_two_guide_versions_are_collated_together() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    // Version 4 of the coordinator guide (after the bundled 3): same ids, one question
    // reworded.
    let v1 = stocktake::guide::BUNDLED[0].1;
    let v2 = v1
        .replacen("version = \"3\"", "version = \"4\"", 1)
        .replacen(
            "Overall, how does this structure engage with trafficking in persons?",
            "All in all, how does this structure engage with trafficking in persons?",
            1,
        );
    std::fs::write(guides.join("v2.toml"), &v2).expect("v2");
    let catalog = Catalog::discover(&stocktake::guide::GuideDirs {
        flag: vec![guides.clone()],
        ..Default::default()
    });
    let g2 = catalog
        .get("gpc-attt-coordinator")
        .expect("v2 wins")
        .clone();
    assert_eq!(g2.guide.version, "4");
    let mut f = Factory::new();
    let old = f.session("Chad", Structure::ProtectionCluster, "anecdotal_only");
    write(dir.path(), "old.toml", &bytes(&old));
    // A v2 session, made the same way with the v2 guide.
    let mut store =
        stocktake::store::Store::open_in_memory(stocktake::store::system_clock()).expect("s");
    let (_, mut ss) = support::create_call(
        &mut store,
        &g2,
        &support::new_call(&[Structure::ProtectionCluster]),
    )
    .expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    s.set_value(
        &g2.guide,
        "consent",
        stocktake::session::Value::YesNo(true),
        now,
    )
    .expect("v");
    s.set_value(
        &g2.guide,
        "tip_engagement",
        stocktake::session::Value::Choice("mechanism_in_place".into()),
        now,
    )
    .expect("v");
    s.complete(&g2.guide, now).expect("c");
    write(dir.path(), "new.toml", &stocktake::sync::render(&s, &g2));
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let summary = collate(
        &mut db,
        &[dir.path().join("old.toml"), dir.path().join("new.toml")],
        &catalog,
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    assert_eq!(
        (summary.new, summary.quarantined),
        (2, 0),
        "both versions are known by digest"
    );
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let section = &report.sections[0];
    assert_eq!(
        section.versions,
        vec![("3".to_string(), 1), ("4".to_string(), 1)]
    );
    let out = dir.path().join("report");
    stocktake::report::write(&report, &out, &[Format::Markdown, Format::Html], "now")
        .expect("write");
    for file in ["report.md", "report.html"] {
        let text = std::fs::read_to_string(out.join(file)).expect("report");
        assert!(text.contains("3 (1 session), 4 (1 session)"), "{file}");
    }
    let fig = section
        .summaries
        .iter()
        .find(|d| d.question == "tip_engagement")
        .expect("fig");
    assert_eq!(fig.n, 2);
    assert!(
        fig.text.starts_with("All in all"),
        "the newest wording: {}",
        fig.text
    );
}

#[test]
fn cross_tabs_line_up_by_answer_even_when_only_one_structure_said_dont_know() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = Factory::new();
    let pc = f.session("A", Structure::ProtectionCluster, "anecdotal_only");
    let mut cp = f.session("B", Structure::CpAor, "anecdotal_only");
    // The CP AOR says don't know to tip_is_issue; the cluster answers yes.
    cp.answers.insert(
        "tip_is_issue".into(),
        stocktake::session::Answer {
            special: Some(stocktake::session::Special::DontKnow),
            ..Default::default()
        },
    );
    let mut pc = pc;
    pc.answers.insert(
        "tip_is_issue".into(),
        stocktake::session::Answer {
            value: Some(stocktake::session::Value::YesNo(true)),
            ..Default::default()
        },
    );
    let files = vec![
        write(dir.path(), "pc.toml", &bytes(&pc)),
        write(dir.path(), "cp.toml", &bytes(&cp)),
    ];
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    run(&mut db, &files);
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let ct = report.sections[0]
        .crosstabs
        .iter()
        .find(|c| c.question == "tip_is_issue")
        .expect("crosstab");
    let row = |label: &str| {
        ct.rows
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, cells)| {
                cells
                    .iter()
                    .map(|c| (c.count, c.percent))
                    .collect::<Vec<_>>()
            })
            .expect(label)
    };
    // Columns: protection cluster, then CP AOR.
    assert_eq!(row("Yes"), vec![(1, 100), (0, 0)]);
    assert_eq!(row("Don't know"), vec![(0, 0), (1, 100)]);
}

/// Every sheet of an XLSX as rows of text, shared and inline strings resolved and numbers
/// written as the CSV writes them; the zip and XML are read by Python's standard library,
/// a reader independent of the one that wrote them.
fn xlsx_sheets(xlsx: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    const READ: &str = r#"
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
def text(e):
    return ''.join(t.text or '' for t in e.iter(NS + 't'))
sst = []
if 'xl/sharedStrings.xml' in z.namelist():
    sst = [text(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si')]
names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter(NS + 'sheet')]
out = []
for i, name in enumerate(names):
    rows = []
    for row in ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % (i + 1))).iter(NS + 'row'):
        cells = {}
        for c in row.iter(NS + 'c'):
            col = 0
            for ch in re.match('[A-Z]+', c.get('r')).group(0):
                col = col * 26 + ord(ch) - 64
            t, v = c.get('t'), c.find(NS + 'v')
            if t == 's':
                cells[col] = sst[int(v.text)]
            elif t == 'inlineStr':
                cells[col] = text(c)
            elif v is not None:
                n = float(v.text)
                cells[col] = str(int(n)) if n.is_integer() else v.text
        rows.append([cells.get(k, '') for k in range(1, max(cells, default=0) + 1)])
    out.append([name, rows])
print(json.dumps(out))
"#;
    let out = Command::new("python3")
        .args(["-c", READ])
        .arg(xlsx)
        .output()
        .expect("python3 reads the xlsx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("csv");
    r.records()
        .map(|rec| {
            let mut row: Vec<String> = rec.expect("record").iter().map(String::from).collect();
            // A spreadsheet has no trailing empty cells: compare like with like.
            while row.last().is_some_and(String::is_empty) {
                row.pop();
            }
            row
        })
        .collect()
}

#[test]
fn the_spreadsheet_holds_the_same_cells_as_the_csv_tables() {
    let dir = tempfile::tempdir().expect("dir");
    figure_1_files(dir.path());
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    run(&mut db, &[dir.path().to_path_buf()]);
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let out = dir.path().join("report");
    stocktake::report::write(&report, &out, &[Format::Csv, Format::Xlsx], "now").expect("write");
    let sheets = xlsx_sheets(&out.join("report.xlsx"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Coverage", "Summary", "Long", "Wide", "Matrix", "Columns"]
    );
    for (sheet, csv) in [
        ("Coverage", "coverage.csv"),
        ("Summary", "summary.csv"),
        ("Long", "long.csv"),
        ("Wide", "wide.csv"),
        ("Matrix", "matrix.csv"),
    ] {
        let rows = &sheets.iter().find(|(n, _)| n == sheet).expect("sheet").1;
        let expected = csv_rows(&out.join(csv));
        // No campaign in this collation: the coverage table is its header alone.
        assert_eq!(
            expected.len() > 1,
            sheet != "Coverage",
            "{csv}: {expected:?}"
        );
        assert_eq!(rows.len(), expected.len(), "{sheet}: row count");
        for (i, (got, want)) in rows.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "{sheet} row {}", i + 1);
        }
    }
    // 30 sessions × every question of the guide, plus the header.
    let long = &sheets[2].1;
    assert_eq!(
        long.len(),
        1 + 30 * report.sections[0].guide.questions().count()
    );
}

#[test]
fn the_read_back_of_a_v3_file_is_kept_by_the_collation() {
    let dir = tempfile::tempdir().expect("dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-files/v3");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let db_path = dir.path().join("c.db");
    let mut db = CollationDb::open(&db_path).expect("db");
    let summary = run(&mut db, &paths);
    assert_eq!(summary.files, 2, "{summary:?}");
    // The report's data quality says how many were read back, and how.
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    assert_eq!(report.quality.read_back, (1, 1, 0));
    let out = dir.path().join("report");
    stocktake::report::write(&report, &out, &[Format::Markdown, Format::Html], "now")
        .expect("write");
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    assert!(
        md.contains(
            "read back to the coordinator: 1 confirmed, 1 with corrections asked, 0 not read back"
        ),
        "{md}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).expect("html");
    assert!(html.contains("1 confirmed, 1 with corrections asked"));
    drop(db);
    let conn = rusqlite::Connection::open(&db_path).expect("sqlite");
    let rows: Vec<(String, String, bool)> = conn
        .prepare(
            "SELECT response, read_back_at, read_back_confirmed FROM revisions ORDER BY response",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .any(|(_, at, ok)| at == "2018-03-14T09:12:48Z" && *ok)
    );
    assert!(
        rows.iter().any(|(_, _, ok)| !*ok),
        "corrections asked: {rows:?}"
    );
}

/// As `stocktake`, with the locale given and no language flag or variable.
fn stocktake_in(args: &[&str], locale: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("run")
}

#[test]
fn conflicts_and_resolve_in_french_keep_digests_and_commands() {
    let dir = tempfile::tempdir().expect("dir");
    let files = scenario(dir.path());
    let db = dir.path().join("c.db").display().to_string();
    let mut args = vec!["--ui-language", "fr", "collate", "--db", &db];
    let good: Vec<String> = files
        .iter()
        .filter(|p| !p.ends_with("broken.toml"))
        .map(|p| p.display().to_string())
        .collect();
    args.extend(good.iter().map(String::as_str));
    let out = stocktake_in(&args, "C.UTF-8");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 conflit à examiner\u{a0}: stocktake conflicts --db "),
        "{stdout}"
    );
    let out = stocktake_in(
        &["--ui-language", "fr", "conflicts", "--db", &db],
        "C.UTF-8",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("non résolu\u{a0}: tant que vous n'avez pas choisi")
            && text.contains(", terminée ")
            && text.contains("1 conflit, 1 non résolu. À faire\u{a0}: ")
            && text.contains("stocktake resolve --db "),
        "{text}"
    );
    let digest = text
        .lines()
        .find(|l| l.contains(", terminée "))
        .and_then(|l| l.split_whitespace().next())
        .expect("a digest");
    let out = stocktake_in(&["resolve", "--db", &db, digest], "fr_FR.UTF-8");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with(&format!("{digest} est gardée plutôt que "))
            && said.contains("ce conflit est résolu\u{a0}; il ne reste aucun conflit"),
        "{said}"
    );
}

/// A first collation fills a new database without WAL (see `CollationDb::begin_first_fill`):
/// killed at any moment, its journal rolls the unfinished batch back, and the next
/// collation takes everything, in WAL again.
#[test]
fn a_first_collation_killed_at_any_moment_is_rolled_back_and_the_next_takes_everything() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("dir");
    // One session under many ids: a file each, all new.
    let one = Factory::new().session("Response", Structure::ProtectionCluster, "anecdotal_only");
    let guide = support::coordinator();
    let n = 8000;
    for i in 0..n {
        let mut s = one.clone();
        s.id = format!("{}{i:06}", &one.id[..one.id.len() - 6]);
        s.call_id = s.id.clone();
        write(
            &files,
            &format!("s{i}.toml"),
            &stocktake::sync::render(&s, &guide),
        );
    }
    let files = files.display().to_string();
    let spawn = |db: &Path| {
        Command::new(env!("CARGO_BIN_EXE_stocktake"))
            .env("LC_ALL", "C.UTF-8")
            .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
            .args(["collate", "--db"])
            .arg(db)
            .arg(&files)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn")
    };
    // How long a whole first collation takes here, to kill the others part of the way in.
    let started = std::time::Instant::now();
    let whole = spawn(&dir.path().join("whole.db")).wait().expect("ran");
    assert!(whole.success());
    let took = started.elapsed();
    for (k, part) in [0.1, 0.3, 0.5, 0.7, 0.85, 0.95].into_iter().enumerate() {
        let db = dir.path().join(format!("c{k}.db"));
        let mut child = spawn(&db);
        std::thread::sleep(took.mul_f64(part));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        let out = stocktake(&["collate", "--db", &db.display().to_string(), &files]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let conn = rusqlite::Connection::open(&db).expect("open");
        let one = |sql: &str| -> String {
            conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| match v {
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
                .expect(sql)
        };
        assert_eq!(one("PRAGMA journal_mode"), "wal", "killed at {part}");
        assert_eq!(one("PRAGMA integrity_check"), "ok", "killed at {part}");
        assert_eq!(
            one("SELECT count(*) FROM revisions"),
            n.to_string(),
            "killed at {part}"
        );
        assert_eq!(
            one("SELECT count(*) FROM seen"),
            n.to_string(),
            "killed at {part}"
        );
        assert!(!dir.path().join(format!("c{k}.db-journal")).exists());
    }
}
