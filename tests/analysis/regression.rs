//! The bugs a new user's review found in the synthesis (`stocktake analyse`, the matrix in
//! the report), one test each, named after the bug, beside the fixtures they need (as
//! `tests/regression.rs` says).

use super::*;

#[test]
fn analyse_help_and_hint_bar_were_cut_at_60x20() {
    let set = collated();
    let mut s = state(&set);
    let matrix = draw(&s, false, (60, 20));
    let hint = matrix.lines().last().unwrap_or_default().to_string();
    assert!(hint.starts_with("Enter read cell"), "{hint}");
    assert!(
        hint.trim_end().ends_with("? help"),
        "help is never cut: {hint}"
    );
    insta::assert_snapshot!("analyse_matrix_60x20", matrix);
    press(&mut s, "?");
    let help = draw(&s, false, (60, 20));
    assert!(help.contains("Help · ↓ more"), "{help}");
    assert!(!help.contains("any other key closes it"), "{help}");
    insta::assert_snapshot!("analyse_help_60x20", help);
    press(
        &mut s,
        "<down><down><down><down><down><down><down><down><down><down>",
    );
    let end = draw(&s, false, (60, 20));
    assert!(end.contains("any other key closes it"), "{end}");
    assert!(!end.contains("↓ more"), "{end}");
    assert!(s.help, "arrows scroll the help, they do not close it");
    press(&mut s, "x");
    assert!(!s.help, "another key closes it");
    // The leave-summary question fits, with its three answers.
    press(&mut s, "llll<enter>sA draft<esc>");
    let ask = draw(&s, false, (60, 20));
    assert!(ask.contains("Leave the summary?"), "{ask}");
    assert!(ask.contains("(Esc)?"), "{ask}");
    insta::assert_snapshot!("analyse_leave_summary_60x20", ask);
}

#[test]
fn analyse_part_matching_was_case_sensitive() {
    let set = collated();
    let mut s = state(&set);
    // Into the gaps cell; a part typed in another case still finds the words, and the
    // coding quotes the text's own.
    let e = press(&mut s, "llll<enter>pUNDER Another LABEL<enter> ");
    let [stocktake::analyse::Effect::AddCoding(c)] = e.as_slice() else {
        panic!("{e:?}");
    };
    assert_eq!(c.quote, "under another label");
    let start = MALI.find("under another label").expect("in MALI");
    assert_eq!(
        (c.start, c.end),
        (start, start + "under another label".len())
    );
    assert_eq!(
        stocktake::analyse::find_words("Étude: ÉTÉ sans données", "été"),
        Some((7, 10)),
        "case folds beyond ASCII, positions in characters"
    );
    assert_eq!(stocktake::analyse::find_words("no data", "nothing"), None);
}

#[test]
fn analyse_esc_in_a_summary_saved_without_asking() {
    let set = collated();
    let mut s = state(&set);
    let e = press(&mut s, "llll<enter>sDraft<esc>");
    assert!(e.is_empty(), "Esc alone saves nothing: {e:?}");
    assert!(matches!(
        s.mode,
        stocktake::analyse::Mode::LeaveSummary { .. }
    ));
    // Esc again: back to writing, the words kept.
    assert!(press(&mut s, "<esc>").is_empty());
    let stocktake::analyse::Mode::Summary { field, .. } = &s.mode else {
        panic!("writing again");
    };
    assert_eq!(field.text(), "Draft");
    // n: the change is thrown away, nothing written.
    let e = press(&mut s, " two<esc>n");
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(s.message.as_deref(), Some("summary change discarded"));
    assert!(matches!(s.mode, stocktake::analyse::Mode::Cell { .. }));
    // y saves.
    let e = press(&mut s, "sKept<esc>y");
    let [stocktake::analyse::Effect::SetSummary(sum)] = e.as_slice() else {
        panic!("{e:?}");
    };
    assert_eq!(sum.text, "Kept");
    // Unchanged, Esc just leaves.
    s.applied_effect(&e[0]);
    assert!(press(&mut s, "s<esc>").is_empty());
    assert!(matches!(s.mode, stocktake::analyse::Mode::Cell { .. }));
}

#[test]
fn analyse_matrix_did_not_show_coded_cells() {
    let set = collated();
    let mut s = state(&set);
    let before = draw(&s, false, (80, 24));
    assert!(!before.contains('●'), "{before}");
    let e = press(&mut s, "llll<enter>c ");
    s.applied_effect(&e[0]);
    let e = press(&mut s, "j ");
    s.applied_effect(&e[0]);
    press(&mut s, "<esc><esc>");
    let after = draw(&s, false, (80, 24));
    assert!(after.contains("│●2 1 text"), "{after}");
    assert!(after.contains("· 2 codings"), "{after}");
}

#[test]
fn matrix_rows_read_alike_at_structure_attribution() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("files");
    let mut f = Factory::new();
    let a = session(&mut f, "Mali", Structure::ProtectionCluster, MALI);
    let b = session(&mut f, "Chad", Structure::ProtectionCluster, CHAD);
    for (n, s) in [("a.toml", &a), ("b.toml", &b)] {
        std::fs::write(files.join(n), support::files::bytes(s)).expect("write");
    }
    let (code, _, err) = stocktake(dir.path(), &["collate", "--db", "c.db", "files"]);
    assert_eq!(code, 0, "{err}");
    let db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let r = stocktake::report::Report::build(&db, Default::default()).expect("report");
    let rows: Vec<&str> = r.sections[0]
        .analysis
        .matrix
        .rows
        .iter()
        .map(|r| r.who.as_str())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_ne!(rows[0], rows[1], "two Protection Cluster rows told apart");
    for (row, s) in rows.iter().zip([&a, &b]) {
        let tail: String =
            s.id.chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
        if row.ends_with(&tail) {
            assert_eq!(*row, format!("Protection Cluster · …{tail}"));
        }
    }
    assert!(
        rows.iter()
            .all(|w| !w.contains("Mali") && !w.contains("Chad")),
        "the response stays hidden: {rows:?}"
    );
}

#[test]
fn report_md_had_no_matrix() {
    let set = collated();
    let db = CollationDb::open(&set.dir.path().join("c.db")).expect("db");
    db.set_summary(&CellSummary {
        session_id: set.mali.id.clone(),
        section: "gaps".into(),
        text: "Data *missing*; handled as | GBV.".into(),
        author: "ana".into(),
        at: "2026-12-02T10:00:00Z".into(),
        digest: support::files::digest(&set.mali).to_string(),
    })
    .expect("summary");
    drop(db);
    let (code, _, err) = stocktake(
        set.dir.path(),
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "r",
            "--format",
            "md",
            "--attribution",
            "response",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(set.dir.path().join("r/report.md")).expect("md");
    let at = md
        .find("### Rapid-analysis matrix")
        .expect("a matrix section");
    let matrix = &md[at..md[at..].find("### Themes").map_or(md.len(), |e| at + e)];
    assert!(
        matrix.contains("#### Mali · Protection Cluster"),
        "{matrix}"
    );
    assert!(
        matrix.contains(
            "- **Gaps and challenges**: ✎ Data \\*missing\\*; handled as \\| GBV. \\(ana\\)"
        ),
        "the summary first, escaped: {matrix}"
    );
    assert!(
        matrix.contains("#### Chad · Child Protection AOR"),
        "{matrix}"
    );
    assert!(
        matrix.contains("&lt;script&gt;"),
        "what was said, inert: {matrix}"
    );
}
