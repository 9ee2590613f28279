//! The report's every output on a fixed collation, as digests: a refactor of how the
//! report is built or written (issue 18: streaming from SQLite instead of holding every
//! answer) must not change one byte of what it writes. The collation mixes generated
//! sessions (past the 200 matrix rows HTML and Markdown show) with the v1/v2 fixtures
//! (revisions, another structure, older guide versions) and a coding and a summary.
//! Zips (XLSX, REFI-QDA) are compared member by member: their containers carry times.
//! And the report's peak memory at two sizes, which must stay nearly flat.

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest as _, Sha256};
use stocktake::collate::{CellSummary, Coding, CollationDb};
use stocktake::guide::{Catalog, QuestionType, Structure};
use stocktake::interview::{NewCall, plan_call};
use stocktake::report::{Attribution, Format, MatrixBy, Report, ReportOptions};
use stocktake::session::{Change, Participant, Special, Value};

const GENERATED: usize = 260;

fn generate(dir: &Path) {
    generate_n(dir, GENERATED)
}

fn generate_n(dir: &Path, n: usize) {
    let g = Arc::new(
        Catalog::bundled()
            .get("gpc-attt-coordinator")
            .expect("bundled guide")
            .clone(),
    );
    let structures = [
        (Structure::ProtectionCluster, ""),
        (Structure::CpAor, ""),
        (Structure::GbvAor, ""),
        (Structure::Other, "Anti-trafficking WG"),
    ];
    let engagement = [
        "mechanism_in_place",
        "aware_not_discussed",
        "anecdotal_only",
        "not_working_not_aware",
    ];
    for i in 0..n {
        let (structure, label) = structures[i % 4];
        let call = NewCall {
            response: format!("Response {}", i / 4),
            interviewer: format!("interviewer{}", i % 5),
            language: "en".into(),
            structures: vec![(structure, label.to_string())],
            participants: vec![Participant {
                role: "protection_cluster_coordinator".into(),
                organisation: "UNHCR".into(),
                name: String::new(),
            }],
            consent: Some(i % 17 != 3),
        };
        let now = jiff::Timestamp::from_second(1_521_018_000 + i as i64 * 60).expect("time");
        let Change::CreateCall { mut sessions, .. } =
            plan_call(g.clone(), &call, now).expect("call")
        else {
            panic!("plan_call makes a call")
        };
        let mut s = sessions.remove(0);
        // ULIDs are random: fixed ones, so the outputs are the same on every run.
        s.id = format!("01M8VZG4{i:018}");
        s.call_id = format!("01M8VZG3{i:018}");
        for (k, q) in g.guide.questions().enumerate() {
            if (i + k) % 23 == 0 {
                continue;
            }
            if (i + k) % 19 == 0 {
                let sp = [Special::DontKnow, Special::Declined, Special::NotAsked][(i + k) % 3];
                s.set_special(&g.guide, &q.id, sp, now).expect("special");
                continue;
            }
            let v = match q.kind {
                QuestionType::Single if q.id == "tip_engagement" => {
                    Value::Choice(engagement[(i * 7 + k) % 4].into())
                }
                QuestionType::Single => {
                    Value::Choice(q.options[(i + k) % q.options.len()].value.clone())
                }
                QuestionType::Multi => Value::Choices(
                    q.options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| (i + j + k) % 3 == 0)
                        .map(|(_, o)| o.value.clone())
                        .collect(),
                ),
                QuestionType::YesNo => Value::YesNo((i + k) % 2 == 0),
                QuestionType::Number => Value::Number((i % 100) as f64),
                QuestionType::Scale => Value::Scale(q.min.unwrap_or(1.0) as i64 + (i % 3) as i64),
                QuestionType::Date => Value::Date(jiff::civil::date(2018, 3, 14)),
                QuestionType::Text | QuestionType::LongText => Value::Text(format!(
                    "Session {i}: the coordinator described the working group.\n=HYPERLINK(\"x\") and \"quotes\", <b>tags</b> & more"
                )),
            };
            if !matches!(&v, Value::Choices(c) if c.is_empty()) {
                // A value the skip logic or the structure refuses is simply not set.
                if s.set_value(&g.guide, &q.id, v, now).is_err() {
                    continue;
                }
            }
            if q.options.iter().any(|o| o.other) && i % 3 == 0 {
                let _ = s.set_other(&g.guide, &q.id, "something else, said at length", now);
            }
            if (i + k) % 4 == 0 {
                s.set_note(
                    &g.guide,
                    &q.id,
                    &format!("Note {i}/{k}: probed further."),
                    now,
                )
                .expect("note");
            }
            if (i + k) % 29 == 0 {
                let _ = s.set_answer_sensitive(&q.id, true, now);
            }
        }
        let seq = s
            .add_note(
                "Mentions a GBV hotline that records TIP cases.",
                Some("tip_activities"),
                &g.guide,
                now,
            )
            .expect("note");
        if i % 7 == 0 {
            s.set_note_sensitive(seq, true, now).expect("mark");
        }
        if i % 5 == 0 {
            s.add_note("A loose remark, on no question.", None, &g.guide, now)
                .expect("note");
        }
        // A session missing a required answer cannot be completed, so never travels.
        if s.complete(&g.guide, now).is_err() {
            continue;
        }
        let name = stocktake::sync::file_name(&s);
        std::fs::write(dir.join(name), stocktake::sync::render(&s, &g)).expect("write");
    }
}

fn collation(dir: &Path) -> std::path::PathBuf {
    let files = dir.join("files");
    std::fs::create_dir(&files).expect("files");
    generate(&files);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for sub in ["session-files/v1", "session-files/v2", "realistic"] {
        for e in std::fs::read_dir(fixtures.join(sub)).expect("fixtures") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "toml") {
                let to = files.join(p.file_name().expect("name"));
                std::fs::copy(&p, to).expect("copy");
            }
        }
    }
    let db = dir.join("c.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(["collate", "--db"])
        .arg(&db)
        .arg(&files)
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .output()
        .expect("collate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One coding that still stands and a summary, so the themes, codings and matrix
    // summaries are in the outputs.
    let cdb = CollationDb::open(&db).expect("db");
    let heads = cdb.heads().expect("heads");
    let h = heads
        .iter()
        .find(|h| h.row.response == "Response 0" && h.row.structure == Structure::ProtectionCluster)
        .expect("a generated head");
    let answers = cdb.answers_of(&h.row.digest).expect("answers");
    let (q, a) = answers
        .iter()
        .find(|(_, a)| !a.note.is_empty() && !a.sensitive)
        .expect("a note");
    cdb.add_coding(&Coding {
        session_id: h.row.session_id.clone(),
        unit: format!("note:{q}"),
        start: 0,
        end: 4,
        code: "lack_of_data".into(),
        coder: "ana".into(),
        quote: a.note.chars().take(4).collect(),
        digest: h.row.digest.clone(),
        at: "2026-12-02T10:00:00Z".into(),
    })
    .expect("coding");
    cdb.set_summary(&CellSummary {
        session_id: h.row.session_id.clone(),
        section: "coordination".into(),
        text: "Summarised: a working group exists.".into(),
        author: "ana".into(),
        at: "2026-12-02T10:00:00Z".into(),
        digest: h.row.digest.clone(),
    })
    .expect("summary");
    db
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// "name digest" for every file under `dir`, zips by member, in name order.
fn digests(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("report folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = format!("{prefix}{}", p.file_name().expect("name").to_string_lossy());
        if p.is_dir() {
            digests(&p, &format!("{name}/"), out);
            continue;
        }
        let bytes = std::fs::read(&p).expect("read");
        let zipped = name.ends_with(".xlsx") || name.ends_with(".qdpx");
        if !zipped {
            out.push(format!("{name} {}", sha(&bytes)));
            continue;
        }
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut members: Vec<String> = (0..z.len())
            .map(|i| {
                z.by_index(i)
                    .expect("member")
                    .name()
                    .expect("name")
                    .to_string()
            })
            .collect();
        members.sort();
        for m in members {
            // The workbook's creation time is the only thing that changes run to run.
            if m == "docProps/core.xml" {
                continue;
            }
            let mut f = z.by_name(m.as_str()).expect("member");
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut buf).expect("unzip");
            out.push(format!("{name}:{m} {}", sha(&buf)));
        }
    }
}

#[test]
fn every_output_is_unchanged_on_a_fixed_collation() {
    let dir = tempfile::tempdir().expect("dir");
    let db_path = collation(dir.path());
    let db = CollationDb::open(&db_path).expect("db");
    let all = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::Xlsx,
        Format::Qdpx,
        Format::Qdc,
    ];
    let now = Some("2026-12-02T12:00:00Z".parse().expect("time"));
    let runs = [
        (
            "default",
            ReportOptions {
                now,
                ..ReportOptions::default()
            },
        ),
        (
            "response-sensitive-by-question",
            ReportOptions {
                now,
                attribution: Attribution::Response,
                include_sensitive: true,
                min_cell: 3,
                hxl: true,
                matrix_by: MatrixBy::Question,
                ..ReportOptions::default()
            },
        ),
        (
            "cp-aor",
            ReportOptions {
                now,
                structure: Some(Structure::CpAor),
                attribution: Attribution::None,
                ..ReportOptions::default()
            },
        ),
    ];
    let mut lines = Vec::new();
    for (name, options) in runs {
        let report = Report::build(&db, options).expect("build");
        let out = dir.path().join(name);
        stocktake::report::write(&report, &out, &all, "2026-12-02T12:00:00Z").expect("write");
        digests(&out, &format!("{name}/"), &mut lines);
    }
    insta::assert_snapshot!(lines.join("\n"));
}

/// Peak resident memory of `stocktake report`, all formats, on `n` generated sessions, in
/// KiB (`wait4`'s own count for that process: the collation before it is not in it).
fn report_peak_kib(n: usize) -> i64 {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("files");
    generate_n(&files, n);
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_stocktake"))
            // English unless a test asks otherwise: the words follow the locale.
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .env("STOCKTAKE_CONFIG", dir.path().join("no-config.toml"))
            .env("STOCKTAKE_DATA_DIR", dir.path().join("data"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run stocktake")
    };
    let db = dir.path().join("c.db");
    let out = dir.path().join("r");
    let status = run(&[
        "collate".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        files.as_os_str(),
    ])
    .wait()
    .expect("collate");
    assert!(status.success());
    // Reaped by wait4 below, which also gives its peak memory; Child::wait cannot.
    #[allow(clippy::zombie_processes)]
    let child = run(&[
        "report".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill; the pid is our child,
    // waited for here only (the Child handle is never waited on).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "report failed: {status}"
    );
    usage.ru_maxrss
}

/// Issue 18: the report's memory is bounded by what one question's distribution and the
/// shown lists need, not by the sessions. Four times the sessions may cost only a small
/// margin more (the sessions' own rows, a few hundred bytes each, and the workbook's
/// shared strings, which rust_xlsxwriter keeps whole).
#[test]
#[ignore = "issue 18: passes at 14.5 of the 16 MB allowed (docs/performance.md, fourth pass), too thin a margin for every machine; run with --ignored"]
fn four_times_the_sessions_take_little_more_memory() {
    let small = report_peak_kib(500);
    let large = report_peak_kib(2_000);
    let margin = 16 * 1024;
    eprintln!("peak RSS: 500 sessions {small} KiB, 2,000 sessions {large} KiB");
    assert!(
        large <= small + margin,
        "2,000 sessions peaked at {large} KiB, 500 at {small} KiB: more than {margin} KiB apart"
    );
}
