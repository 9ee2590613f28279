//! Bugs of the reports: escaping, the workbook's limits, their folder, what they count and whom they single out.

use std::path::Path;

use crate::support::{self, TestClock};
use stocktake::store::Store;

use super::common::*;

#[test]
fn zero_width_tag_and_direction_characters_pass_into_html_markdown_and_the_terminal() {
    use stocktake::neutralise;
    use stocktake::report::{escape_html, escape_markdown};
    // A zero-width space, a right-to-left mark, a word joiner and a tag character.
    let sly = "Ju\u{200b}ba\u{200f} \u{2060}hid\u{e0041}den";
    for (shown, what) in [
        (neutralise::line(sly).into_owned(), "terminal"),
        (neutralise::fit(sly, 80), "fitted"),
        (escape_html(sly), "HTML"),
        (escape_markdown(sly), "Markdown"),
    ] {
        for c in ['\u{200b}', '\u{200f}', '\u{2060}', '\u{e0041}'] {
            assert!(
                !shown.contains(c),
                "{what}: {c:?} passed through: {shown:?}"
            );
        }
        assert!(
            shown.contains("200b"),
            "{what}: shown, not dropped: {shown}"
        );
    }
}

#[test]
fn bare_urls_become_links_in_markdown() {
    let md = stocktake::report::escape_markdown(
        "report at https://evil.example/x or www.evil.example, mail a@evil.example",
    );
    for autolink in ["https://", "www.evil", "a@evil"] {
        assert!(!md.contains(autolink), "{autolink} would be linked: {md}");
    }
}

#[test]
fn csv_cells_starting_with_a_space_a_newline_or_a_fullwidth_sign_are_not_prefixed() {
    for f in [
        " =1+1",
        "\n=1+1",
        "\u{ff1d}1+1",
        "\u{ff0b}1",
        "\u{ff0d}1",
        "\u{ff20}A1",
    ] {
        assert!(
            stocktake::report::cell(f).starts_with('\''),
            "{f:?} could be read as a formula"
        );
    }
}

#[test]
fn a_note_of_32768_characters_makes_report_xlsx_fail() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_sessions(
        dir.path(),
        &[("Chad", Structure::ProtectionCluster)],
        &|s, g, now| {
            s.set_note(g, "tip_engagement", &"n".repeat(32_768), now)
                .expect("a note the format allows");
        },
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "xlsx,csv"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (_, texts) = xlsx_contents(&dir.path().join("r/report.xlsx"));
    let cut = texts
        .iter()
        .find(|t| t.starts_with("nnnn"))
        .expect("the note is in the workbook");
    assert!(cut.encode_utf16().count() <= 32_767, "{}", cut.len());
    assert!(cut.ends_with(" … [cut: the whole text is in long.csv]"));
    let csv = std::fs::read_to_string(dir.path().join("r/long.csv")).expect("csv");
    assert!(csv.contains(&"n".repeat(32_768)), "the CSV has it whole");
}

#[test]
fn sixteen_thousand_options_make_report_xlsx_fail() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    let options: Vec<String> = (0..16_400)
        .map(|i| format!("{{ value = \"o{i}\", label = \"Option {i}\" }}"))
        .collect();
    let toml = format!(
        "id = \"wide\"\nversion = \"1\"\ntitle = \"Wide\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.questions]]\nid = \"many\"\ntype = \"multi\"\ntext = \"Which?\"\noptions = [{}]\n",
        options.join(", ")
    );
    std::fs::write(guides.join("wide.toml"), &toml).expect("guide");
    let g =
        stocktake::guide::load_guide_file(&guides.join("wide.toml"), stocktake::guide::Place::Flag)
            .expect("a valid guide");
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let (_, mut ss) = support::create_call(
        &mut store,
        &g,
        &support::new_call(&[stocktake::guide::Structure::CpAor]),
    )
    .expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    let chosen = (0..16_400).step_by(7).map(|i| format!("o{i}")).collect();
    s.set_value(
        &g.guide,
        "many",
        stocktake::session::Value::Choices(chosen),
        now,
    )
    .expect("answer");
    s.complete(&g.guide, now).expect("complete");
    std::fs::create_dir(dir.path().join("files")).expect("mkdir");
    std::fs::write(
        dir.path().join("files/w.toml"),
        stocktake::sync::render(&s, &g),
    )
    .expect("file");
    let guides_arg = guides.display().to_string();
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["--guides", &guides_arg, "collate", "--db", "c.db", "files"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", "c.db", "--out", "r", "--format", "xlsx"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (names, texts) = xlsx_contents(&dir.path().join("r/report.xlsx"));
    assert_eq!(
        names,
        ["Coverage", "Summary", "Long", "Wide", "Matrix", "Columns"]
    );
    assert!(
        texts.iter().any(|t| t
            == "This table has 16409 columns, more than the 16384 a sheet holds: it is whole in wide.csv (stocktake report --format csv)."),
        "the Wide sheet says where the table is"
    );
}

#[test]
fn more_rows_than_a_sheet_holds_make_report_xlsx_fail() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_sessions(
        dir.path(),
        &[
            ("Chad", Structure::ProtectionCluster),
            ("Mali", Structure::CpAor),
            ("Niger", Structure::GbvAor),
        ],
        &|_, _, _| {},
    );
    let cdb = stocktake::collate::CollationDb::open(Path::new(&db)).expect("db");
    let report = stocktake::report::Report::build(&cdb, Default::default()).expect("report");
    let questions = report.sections[0].guide.questions().count();
    // Sheets of 50 rows stand for Excel's 1,048,576: a million rows take minutes to write.
    let limits = stocktake::report::XlsxLimits {
        rows: 50,
        ..stocktake::report::XlsxLimits::EXCEL
    };
    let xlsx = dir.path().join("r.xlsx");
    stocktake::report::write_xlsx_within(&xlsx, &report, &limits).expect("written");
    let (names, texts) = xlsx_contents(&xlsx);
    // The long table, 3 × questions rows, is in long.csv only: one sheet, saying so.
    let long: Vec<&String> = names.iter().filter(|n| n.starts_with("Long")).collect();
    assert_eq!(long, ["Long"], "{names:?}");
    let note = format!(
        "{} rows, more than the 49 a sheet holds: the long table is in long.csv (stocktake report --format csv); the Wide sheet has a row per session.",
        3 * questions
    );
    assert!(
        texts.contains(&note),
        "the Long sheet says where the table is"
    );
    // Any other table continues on the next sheet, each with its header.
    let summary: Vec<&String> = names.iter().filter(|n| n.starts_with("Summary")).collect();
    assert!(summary.len() >= 2, "{names:?}");
    assert_eq!(summary[0], "Summary 1");
    assert_eq!(summary[1], "Summary 2");
}

#[test]
fn report_out_on_an_existing_folder_changes_its_mode_to_0700() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "shared", "--format", "html"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(&shared).expect("meta").mode() & 0o7777,
        0o1777
    );
    assert!(
        err.starts_with("note: shared is open to others (mode 1777): they can list it and replace or remove the files in it; its report files are readable by you alone (0600), and the folder is left as it is (a folder stocktake creates is 0700)\n"),
        "{err}"
    );
    assert_eq!(
        std::fs::metadata(shared.join("report.html"))
            .expect("meta")
            .mode()
            & 0o777,
        0o600
    );
    // A folder it creates is private.
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "new/r", "--format", "html"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(dir.path().join("new/r"))
            .expect("meta")
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn a_planted_charts_symlink_makes_the_svgs_land_elsewhere() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("dir");
    let (_, db) = collated(dir.path());
    let (code, _, err) = stocktake_in(dir.path(), &["report", "--db", &db, "--out", "r"], &[]);
    assert_eq!(code, 0, "{err}");
    // Someone swaps the charts folder for a link to a folder of theirs.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    std::fs::remove_dir_all(dir.path().join("r/charts")).expect("rm");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("r/charts")).expect("link");
    let (code, out, err) = stocktake_in(dir.path(), &["report", "--db", &db, "--out", "r"], &[]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        std::fs::read_dir(&elsewhere).expect("list").count(),
        0,
        "nothing lands there"
    );
    assert_eq!(
        std::fs::metadata(&elsewhere).expect("meta").mode() & 0o777,
        0o777
    );
    assert_eq!(
        err.lines().last(),
        Some(
            "stocktake: md not written: r/charts: is a symbolic link where the report keeps its charts; stocktake never writes through it: remove it and write the report again; removed the earlier r/report.md so that it cannot pass for this report"
        )
    );
    assert!(
        !dir.path().join("r/report.md").exists(),
        "no stale report.md"
    );
    assert!(
        out.contains("wrote r/report.html"),
        "the other formats are written: {out}"
    );
}

#[test]
fn questions_hidden_by_skip_logic_are_exported_as_not_hidden_and_counted_as_no_answer() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    // tip_is_issue is left unanswered: tip_forms, groups_affected and forms_evolution
    // are hidden, and the collation has no row for them.
    let db = collated_plan(
        dir.path(),
        &[("Mali", Structure::GbvAor, "", "anecdotal_only")],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "csv,md"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let long = csv_of(&dir.path().join("r/long.csv"));
    let col = |name: &str| long[0].iter().position(|c| c == name).expect(name);
    let (q, hidden) = (col("question_id"), col("hidden"));
    for id in ["tip_forms", "groups_affected", "forms_evolution"] {
        let row = long.iter().find(|r| r[q] == id).expect(id);
        assert_eq!(row[hidden], "1", "{id} was not asked");
    }
    let row = long.iter().find(|r| r[q] == "tip_is_issue").expect("asked");
    assert_eq!(row[hidden], "0");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    let forms = md
        .split("#### ")
        .find(|s| s.starts_with("Which forms of trafficking"))
        .expect("the tip_forms table");
    assert!(forms.contains("| answer | all (n = 0) |"), "{forms}");
    assert!(!forms.contains("No answer"), "{forms}");
    assert!(
        forms.contains(
            r"_hidden for 1 session \(skip logic, or not for that structure\): not in n \(GBV AOR 1\)._"
        ),
        "{forms}"
    );
}

#[test]
fn custom_other_structures_are_reported_as_one_other() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[
            (
                "Chad",
                Structure::Other,
                "Protection Sector (South)",
                "anecdotal_only",
            ),
            (
                "Chad",
                Structure::Other,
                " protection sector  (SOUTH)",
                "mechanism_in_place",
            ),
            (
                "Iraq",
                Structure::Other,
                "Cash Working Group",
                "anecdotal_only",
            ),
            ("Iraq", Structure::ProtectionCluster, "", "anecdotal_only"),
        ],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &["report", "--db", &db, "--out", "r", "--format", "csv,md"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains(r"| Protection Cluster (n = 1) | Cash Working Group (n = 1) | Protection Sector \(South\) (n = 2) |"),
        "{md}"
    );
    assert!(md.contains("#### Overall, how does this structure engage with trafficking in persons? — Protection Sector \\(South\\)"));
    assert!(
        md.contains("| n = 2 sessions of Protection Sector \\(South\\) | count | % |"),
        "{md}"
    );
    assert!(
        !md.contains("— Other\n") && !md.contains(" Other (n = "),
        "no custom structure is merged into Other: {md}"
    );
    let summary = csv_of(&dir.path().join("r/summary.csv"));
    let groups: std::collections::BTreeSet<(String, String)> = summary[1..]
        .iter()
        .map(|r| (r[3].clone(), r[4].clone()))
        .collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        [
            ("other".to_string(), "Cash Working Group".to_string()),
            ("other".into(), "Protection Sector (South)".into()),
            ("protection_cluster".into(), String::new()),
        ]
    );
}

#[test]
fn quotes_are_attributed_to_the_response_and_the_structure() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[(
            "South Sudan",
            Structure::ProtectionCluster,
            "",
            "anecdotal_only",
        )],
    );
    let quote = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["report", "--db", &db, "--out", "r", "--format", "md"];
        all.extend(args);
        let (code, _, err) = stocktake_in(dir.path(), &all, env);
        assert_eq!(code, 0, "{err}");
        let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
        let at = md
            .find("> Discussed at length.")
            .expect("the note is quoted");
        md[at..].lines().nth(2).unwrap_or_default().to_string()
    };
    // By default the least that still says something: the type of structure.
    assert_eq!(quote(&[], &[]), "> — Protection Cluster · note");
    assert_eq!(quote(&["--attribution", "none"], &[]), "> — note");
    assert_eq!(
        quote(&["--attribution", "response"], &[]),
        "> — South Sudan · Protection Cluster · note"
    );
    // A config file can set another default; the flag still wins.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "attribution = \"none\"\n").expect("config");
    let c = config.display().to_string();
    assert_eq!(quote(&[], &[("STOCKTAKE_CONFIG", &c)]), "> — note");
    assert_eq!(
        quote(&["--attribution", "structure"], &[("STOCKTAKE_CONFIG", &c)]),
        "> — Protection Cluster · note"
    );
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        !md.contains("South Sudan"),
        "the response is named nowhere: {md}"
    );
}

#[test]
fn small_cells_in_a_table_by_structure_single_out_one_person() {
    use stocktake::guide::Structure;
    let dir = tempfile::tempdir().expect("dir");
    let db = collated_plan(
        dir.path(),
        &[
            ("A", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("B", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("C", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("D", Structure::ProtectionCluster, "", "mechanism_in_place"),
            ("E", Structure::ProtectionCluster, "", "anecdotal_only"),
            ("F", Structure::GbvAor, "", "mechanism_in_place"),
        ],
    );
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report",
            "--db",
            &db,
            "--out",
            "r",
            "--format",
            "csv,md",
            "--min-cell",
            "3",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let summary = csv_of(&dir.path().join("r/summary.csv"));
    let rows: Vec<&Vec<String>> = summary
        .iter()
        .filter(|r| r[1] == "tip_engagement" && r[3] == "protection_cluster")
        .collect();
    let cell = |value: &str| {
        let r = rows.iter().find(|r| r[7] == value).expect(value);
        (r[9].clone(), r[10].clone())
    };
    assert_eq!(cell("anecdotal_only"), ("x".to_string(), String::new()));
    assert_eq!(
        cell("mechanism_in_place"),
        ("4".to_string(), "80".to_string())
    );
    // The one anecdotal session could be worked out from n = 5 and the rest: one more
    // cell of the column is hidden.
    assert_eq!(rows.iter().filter(|r| r[9] == "x").count(), 2, "{rows:?}");
    // The lone GBV AOR is a table of one person: nothing of it is shown.
    assert!(
        summary
            .iter()
            .filter(|r| r[1] == "tip_engagement" && r[3] == "gbv_aor")
            .all(|r| r[9] == "x" || r[9] == "0"),
        "{summary:?}"
    );
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains(r"_x: not shown, fewer than 3 sessions, or a count hidden so that none under 3 can be worked out from the totals \(--min-cell 3\)._"),
        "a footnote says what the mark means"
    );
}

/// With `--min-cell 2`, a question whose options were marked volunteered once: the HTML
/// withheld all of its counts (any one could be worked out from the rest and the answers
/// marked) but the Markdown showed the others; and the HTML wrote the withheld `<2` into
/// its cells and caption unescaped.
#[test]
fn markdown_showed_the_volunteered_counts_the_html_withheld() {
    let dir = tempfile::tempdir().expect("dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-files/v4");
    let corpus = corpus.display().to_string();
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", &corpus], &[]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report",
            "--min-cell",
            "2",
            "--db",
            "c.db",
            "--out",
            "report",
            "--format",
            "md",
            "--format",
            "html",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let report = dir.path().join("report");
    let md = std::fs::read_to_string(report.join("report.md")).expect("md");
    let html = std::fs::read_to_string(report.join("report.html")).expect("html");
    // Forced labour was volunteered once: every count of its question is withheld.
    assert!(md.contains("| Forced labour | <2 | <2 |"), "{md}");
    assert!(!md.contains("| Forced labour | <2 | 0 |"), "{md}");
    assert!(
        html.contains("<td>Forced labour</td><td class=n>&lt;2</td><td class=n>&lt;2</td>"),
        "{html}"
    );
    assert!(!html.contains("<td class=n><2"), "{html}");
    assert!(
        !html.contains("<caption><2") && !html.contains(": <2"),
        "{html}"
    );
}

/// The HTML's table of quarantined files was headed "reason | file" over cells that held
/// the kind and the reason.
#[test]
fn the_quarantine_table_was_headed_reason_and_file_over_kind_and_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    std::fs::write(
        files.join("broken.toml"),
        "format = \"stocktake.session.v1\"\nthis is not toml\n",
    )
    .expect("write");
    // Collate says so and exits non-zero: the file is kept out.
    let (code, _, err) = stocktake_in(dir.path(), &["collate", "--db", "c.db", "files"], &[]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("1 quarantined"), "{err}");
    let (code, _, err) = stocktake_in(
        dir.path(),
        &[
            "report", "--db", "c.db", "--out", "report", "--format", "html",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("report/report.html")).expect("html");
    assert!(
        html.contains("<table><tr><th>kind</th><th>reason</th></tr><tr><td>"),
        "{html}"
    );
    assert!(!html.contains("<th>file</th>"), "{html}");
}
