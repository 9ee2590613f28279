//! The report's Coverage section through the real binary: a campaign given to the
//! collation, attempt files from two interviewers (one with a clock ahead), sessions
//! with and without attempts logged, one outside the campaign, a target dropped from a
//! later campaign file; then every format of the report.

mod support;

use std::path::Path;
use std::process::Command;

use stocktake::campaign::{Attempt, Outcome, attempt_file_name, render_attempt};
use stocktake::guide::Structure;

const CAMPAIGN: &str = "response,structure,coordinator,organisation,contact,timezone,language\n\
South Sudan,protection_cluster,Amina \u{1b}]0;owned\u{7},UNHCR,+211 912 \u{1b}[2J345,Africa/Juba,en\n\
South Sudan,cp_aor,Ben,UNICEF,ben@example.org,Africa/Juba,en\n\
South Sudan,gbv_aor,Chloé,UNFPA,chloe@example.org,Africa/Juba,en\n\
Mali,protection_cluster,Dia,UNHCR,dia@example.org,Africa/Bamako,fr\n\
Mali,cp_aor,Eve,UNICEF,eve@example.org,Africa/Bamako,fr\n\
Iraq,protection_cluster,Farid,UNHCR,farid@example.org,Asia/Baghdad,en\n";

fn stocktake(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("STOCKTAKE_IDENTITY")
        .output()
        .expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Text as the Markdown report writes it.
fn md(s: &str) -> String {
    stocktake::report::escape_markdown(s)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = stocktake(dir, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

fn attempt(
    n: u64,
    target: &str,
    outcome: Outcome,
    at: &str,
    who: &str,
    sessions: &[&str],
) -> Attempt {
    Attempt {
        id: ulid::Ulid::from_parts(1_700_000_000_000 + n, n as u128).to_string(),
        target: target.into(),
        at: at.parse().expect("time"),
        outcome,
        callback: None,
        note: String::new(),
        interviewer: who.into(),
        sessions: sessions.iter().map(|s| s.to_string()).collect(),
    }
}

/// The collation of the scenario in the module comment; returns the database's path.
fn collated(dir: &Path) -> String {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    let ss_pc = f.session(
        "South Sudan",
        Structure::ProtectionCluster,
        "anecdotal_only",
    );
    let mut ss_cp = f.session("South Sudan", Structure::CpAor, "mechanism_in_place");
    // The CP AOR coordinator was on the Protection Cluster's call.
    ss_cp.call_id = ss_pc.call_id.clone();
    let mali_pc = f.session("Mali", Structure::ProtectionCluster, "anecdotal_only");
    let chad_pc = f.session("Chad", Structure::ProtectionCluster, "anecdotal_only");
    for (i, s) in [&ss_pc, &ss_cp, &mali_pc, &chad_pc].iter().enumerate() {
        std::fs::write(files.join(format!("s{i}.toml")), support::files::bytes(s)).expect("write");
    }
    let attempts = [
        attempt(
            1,
            "south-sudan/protection_cluster",
            Outcome::NoAnswer,
            "2026-11-02T08:00:00Z",
            "amina",
            &[],
        ),
        attempt(
            2,
            "south-sudan/protection_cluster",
            Outcome::Completed,
            "2026-11-03T08:00:00Z",
            "amina",
            &[&ss_pc.id, &ss_cp.id],
        ),
        attempt(
            3,
            "south-sudan/cp_aor",
            Outcome::Completed,
            "2026-11-03T08:00:00Z",
            "amina",
            &[&ss_cp.id],
        ),
        attempt(
            4,
            "south-sudan/gbv_aor",
            Outcome::NotAvailable,
            "2026-11-03T08:00:00Z",
            "amina",
            &[],
        ),
        attempt(
            5,
            "mali/cp_aor",
            Outcome::Refused,
            "2026-11-04T10:00:00Z",
            "bea",
            &[],
        ),
        // Bea's clock is far ahead of everyone's.
        attempt(
            6,
            "iraq/protection_cluster",
            Outcome::Busy,
            "2099-01-01T10:00:00Z",
            "bea",
            &[],
        ),
    ];
    for a in &attempts {
        std::fs::write(files.join(attempt_file_name(a)), render_attempt(a)).expect("write");
    }
    std::fs::write(dir.join("campaign.csv"), CAMPAIGN).expect("csv");
    let db = dir.join("c.db").display().to_string();
    ok(dir, &["plan", "import", "campaign.csv", "--db", &db]);
    ok(dir, &["collate", "--db", &db, "files"]);
    // Iraq leaves the campaign after an attempt was logged: kept, and flagged.
    let second: String =
        CAMPAIGN
            .lines()
            .filter(|l| !l.starts_with("Iraq"))
            .fold(String::new(), |mut s, l| {
                s.push_str(l);
                s.push('\n');
                s
            });
    std::fs::write(dir.join("campaign-2.csv"), second).expect("csv");
    ok(dir, &["plan", "import", "campaign-2.csv", "--db", &db]);
    db
}

fn report(dir: &Path, db: &str, out: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "report",
        "--db",
        db,
        "--out",
        out,
        "--format",
        "md,html,csv,xlsx",
    ];
    args.extend_from_slice(extra);
    ok(dir, &args);
    std::fs::read_to_string(dir.join(out).join("report.md")).expect("md")
}

#[test]
fn the_coverage_section_says_who_was_reached_who_not_and_why() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    let report_md = report(dir.path(), &db, "r", &[]);

    let coverage = report_md.find("## Coverage").expect("a coverage section");
    let first_guide = report_md.find("### Summary").expect("the guide's section");
    assert!(coverage < first_guide, "coverage comes first");
    let section = &report_md[coverage..first_guide];

    // 6 logged attempts and Mali's interview with none logged: 7 for 3 interviews.
    assert!(
        section.contains(
            "6 targets in the campaign: 3 reached \\(50%\\), 3 not; 7 attempts logged, 2.3 per completed interview."
        ),
        "{section}"
    );
    for row in [
        "| Protection Cluster | 3 | 2 | 67% \\(2 of 3\\) | 3 |",
        "| Child Protection AOR | 2 | 1 | 50% \\(1 of 2\\) | 1 |",
        "| GBV AOR | 1 | 0 | 0% \\(0 of 1\\) | 0 |",
        "| all | 6 | 3 | 50% \\(3 of 6\\) | 4 |",
        "| busy | 3.12 | Always busy | 1 |",
        "| refused | 2.11 | Refusal | 1 |",
        "| not available | 2.21 | Respondent never available | 1 |",
        "| RR1 | response rate: complete interviews | I / \\(\\(I\\+P\\) \\+ \\(R\\+NC\\+O\\) \\+ \\(UH\\+UO\\)\\) | 50% \\(3 of 6\\) |",
        "| COOP1 | cooperation rate: interviews of the targets reached | I / \\(\\(I\\+P\\) \\+ R \\+ O\\) | 75% \\(3 of 4\\) |",
        "| REF1 | refusal rate | R / \\(\\(I\\+P\\) \\+ \\(R\\+NC\\+O\\) \\+ \\(UH\\+UO\\)\\) | 17% \\(1 of 6\\) |",
    ] {
        assert!(section.contains(row), "{row}\n{section}");
    }
    assert!(
        section.contains("I = 3, P = 0, R = 1, NC = 1, O = 0, UH = 1, UO = 0"),
        "{section}"
    );
    // Named, never silently absent; without the reason next to the name at the default
    // attribution.
    assert!(
        section.contains(
            "Not reached: South Sudan · GBV AOR; Mali · Child Protection AOR; Iraq · Protection Cluster \\[removed from the campaign\\]."
        ),
        "{section}"
    );
    for said in [
        "Sessions outside the campaign (no target of that response and structure): Chad · Protection Cluster.",
        "1 target reached with no attempt logged (an interview started from the call list, not the Plan screen): each counted as one attempt.",
        "An attempt for Iraq · Protection Cluster is dated 2099-01-01T10:00:00Z, later than this report: the interviewer's clock may be ahead.",
        "1 target left out of the latest campaign file after attempts were logged: kept and counted, marked [removed from the campaign].",
        "3 calls with sessions in this report. On the call: Protection Cluster 100% (3 of 3), Child Protection AOR 33% (1 of 3), GBV AOR 0% (0 of 3). 1 attempt found a coordinator not available (logged not_available).",
    ] {
        assert!(section.contains(&md(said)), "{said}\n{section}");
    }

    // Every denominator of the tables says how many of the targets it covers, and the
    // GBV AOR, with no session, still has its column.
    assert!(
        report_md.contains("| n = 3 protection clusters of 3 targeted | count | % |"),
        "{report_md}"
    );
    assert!(
        report_md.contains("| n = 0 GBV AORs of 1 targeted | count | % |"),
        "{report_md}"
    );
    assert!(
        report_md.contains("| answer | all (n = 4 of 6 targeted) | Protection Cluster (n = 3 of 3 targeted) | Child Protection AOR (n = 1 of 2 targeted) | GBV AOR (n = 0 of 1 targeted) |"),
        "{report_md}"
    );
    assert!(
        report_md.contains("| GBV AOR | 0 |"),
        "data quality lists it: {report_md}"
    );

    // Contacts and coordinators never reach a report; nor does an escape sequence.
    for name in [
        "report.md",
        "report.html",
        "coverage.csv",
        "summary.csv",
        "long.csv",
    ] {
        let text = std::fs::read(dir.path().join("r").join(name)).expect(name);
        let text = String::from_utf8_lossy(&text);
        assert!(!text.contains('\u{1b}'), "{name} holds an escape");
        for private in ["example.org", "+211", "Amina", "Farid"] {
            assert!(!text.contains(private), "{name} names {private}");
        }
    }
    let html = std::fs::read_to_string(dir.path().join("r/report.html")).expect("html");
    assert!(html.contains("<h2>Coverage</h2>"), "{html}");
    assert!(html.contains("<td class=n>67% (2 of 3)</td>"), "{html}");

    let csv: Vec<Vec<String>> = csv::Reader::from_path(dir.path().join("r/coverage.csv"))
        .expect("csv")
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    let row = |response: &str, structure: &str| -> Vec<String> {
        csv.iter()
            .find(|r| r[0] == response && r[1] == structure)
            .cloned()
            .unwrap_or_else(|| panic!("{response} {structure}: {csv:?}"))
    };
    assert_eq!(
        row("Mali", "protection_cluster"),
        [
            "Mali",
            "protection_cluster",
            "",
            "1",
            "completed",
            "1.1",
            "Complete",
            "1",
            "1",
            "0"
        ]
    );
    assert_eq!(
        row("Iraq", "protection_cluster"),
        [
            "Iraq",
            "protection_cluster",
            "",
            "0",
            "busy",
            "3.12",
            "Always busy",
            "1",
            "0",
            "1"
        ]
    );
    assert_eq!(csv.len(), 6);
}

#[test]
fn reasons_go_beside_names_only_when_quotes_name_the_response() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    let report_md = report(dir.path(), &db, "r", &["--attribution", "response"]);
    assert!(
        report_md.contains(
            "Not reached: South Sudan · GBV AOR \\(not available\\); Mali · Child Protection AOR \\(refused\\); Iraq · Protection Cluster \\(busy\\) \\[removed from the campaign\\]."
        ),
        "{report_md}"
    );
}

#[test]
fn small_counts_of_reasons_are_suppressed_with_the_rest_of_the_report() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collated(dir.path());
    let report_md = report(dir.path(), &db, "r", &["--min-cell", "2"]);
    for reason in ["busy", "refused", "not available"] {
        assert!(report_md.contains(&format!("| {reason} |")), "{report_md}");
    }
    assert!(report_md.contains(" | x |"), "{report_md}");
    assert!(
        report_md.contains("x: not shown, a count under the report's minimum cell"),
        "{report_md}"
    );
}

#[test]
fn without_a_campaign_the_section_says_how_to_get_one() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut f = support::files::Factory::new();
    let s = f.session("Mali", Structure::ProtectionCluster, "anecdotal_only");
    std::fs::write(files.join("s.toml"), support::files::bytes(&s)).expect("write");
    let db = dir.path().join("c.db").display().to_string();
    ok(dir.path(), &["collate", "--db", &db, "files"]);
    let text = report(dir.path(), &db, "r", &[]);
    for said in [
        "This collation has no campaign, so nothing says who was to be interviewed: `stocktake plan import FILE.csv --db DB` gives it the targets, and this section their coverage.",
        "1 call with sessions in this report. On the call: Protection Cluster 100% (1 of 1), Child Protection AOR 0% (0 of 1), GBV AOR 0% (0 of 1).",
    ] {
        assert!(text.contains(&md(said)), "{said}\n{text}");
    }
    // No "of N targeted" where nothing was targeted.
    assert!(!text.contains("targeted"), "{text}");
}

#[test]
fn a_response_with_an_escape_sequence_is_named_inert_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("campaign.csv"),
        "response,structure,contact\nNiger\u{1b}[31m\u{202e},gbv_aor,\u{1b}]52;c;cGFzdGU=\u{7}\n",
    )
    .expect("csv");
    let db = dir.path().join("c.db").display().to_string();
    let said = ok(dir.path(), &["plan", "import", "campaign.csv", "--db", &db]);
    assert!(said.contains("(a new collation database)"), "{said}");
    let report_md = report(dir.path(), &db, "r", &[]);
    assert!(
        report_md.contains(&md("Not reached: Niger\\u{1b}[31m\\u{202e} · GBV AOR.")),
        "{report_md}"
    );
    for name in ["report.md", "report.html"] {
        let text = std::fs::read_to_string(dir.path().join("r").join(name)).expect(name);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{name}: {text}"
        );
    }
    // The CSV is data, kept as given, as long.csv keeps what sessions said (only a
    // formula is made inert there); the contact is in no file at all.
    let csv = std::fs::read_to_string(dir.path().join("r/coverage.csv")).expect("csv");
    assert!(csv.contains("Niger\u{1b}[31m\u{202e},gbv_aor,"), "{csv}");
    assert!(!csv.contains("cGFzdGU="), "{csv}");
}
