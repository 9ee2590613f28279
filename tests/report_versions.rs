//! Sessions of two versions of one guide: a question only reworded is pooled; a question
//! whose option was relabelled is not, its older version counted apart, and every
//! rendering of the report says so (issue 15).

mod support;

use std::path::Path;

use stocktake::collate::{CollationDb, collate};
use stocktake::guide::{Catalog, GuideDirs, LoadedGuide, Structure};
use stocktake::report::{Format, Report, ReportOptions, Say};
use stocktake::session::{Session, Value};
use stocktake::store::Store;

fn completed(store: &mut Store, g: &LoadedGuide, response: &str, mechanism: &str) -> Session {
    let mut call = support::new_call(&[Structure::ProtectionCluster]);
    call.response = response.into();
    let (_, mut ss) = support::create_call(store, g, &call).expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    for (q, v) in [
        ("consent", Value::YesNo(true)),
        ("tip_mechanism", Value::Choice(mechanism.into())),
        ("tip_engagement", Value::Choice("mechanism_in_place".into())),
    ] {
        s.set_value(&g.guide, q, v, now).expect(q);
    }
    s.complete(&g.guide, now).expect("complete");
    s
}

fn relabelled_v2() -> String {
    let v1 = support::bundled_text("retired/gpc-attt-coordinator-1.toml");
    let v2 = v1
        .replacen("version = \"1\"", "version = \"2\"", 1)
        // Reworded only: the same question, pooled.
        .replacen(
            "en = \"Overall, how does this structure engage with trafficking in persons?\", fr = \"Globalement, comment cette structure s'engage-t-elle sur la traite des personnes ?\"",
            "en = \"All in all, how does this structure engage with trafficking in persons?\", fr = \"Dans l'ensemble, comment cette structure s'engage-t-elle sur la traite des personnes ?\"",
            1,
        )
        // Relabelled: the same value now means something else.
        .replacen(
            "label = { en = \"TIP working group embedded in the cluster\", fr = \"Groupe de travail sur la traite intégré au cluster\" }",
            "label = { en = \"A TIP focal point in the cluster, no working group\", fr = \"Un point focal traite dans le cluster, sans groupe de travail\" }",
            1,
        );
    assert_ne!(v1, v2);
    assert!(v2.contains("All in all") && v2.contains("A TIP focal point"));
    v2
}

#[test]
fn a_relabelled_question_is_counted_per_version_and_a_reworded_one_pooled() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    std::fs::write(guides.join("v2.toml"), relabelled_v2()).expect("v2");
    let catalog = Catalog::discover(&GuideDirs {
        flag: vec![guides.clone()],
        ..Default::default()
    });
    let v1 = support::coordinator_v1();
    let v2 = catalog.get("gpc-attt-coordinator").expect("v2").clone();
    assert_eq!(v2.guide.version, "2");
    let mut store = Store::open_in_memory(stocktake::store::system_clock()).expect("store");
    let files = [
        (
            "a.toml",
            completed(&mut store, &v1, "Chad", "wg_embedded"),
            &v1,
        ),
        (
            "b.toml",
            completed(&mut store, &v1, "Mali", "wg_embedded"),
            &v1,
        ),
        ("c.toml", completed(&mut store, &v1, "Niger", "none"), &v1),
        (
            "d.toml",
            completed(&mut store, &v2, "Iraq", "wg_embedded"),
            &v2,
        ),
    ];
    let mut paths = Vec::new();
    for (name, s, g) in &files {
        let p = dir.path().join(name);
        std::fs::write(&p, stocktake::sync::render(s, g)).expect("write");
        paths.push(p);
    }
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let summary = collate(
        &mut db,
        &paths,
        &catalog,
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    assert_eq!((summary.new, summary.quarantined), (4, 0));
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let s = &report.sections[0];

    // Reworded only: all four sessions in one table, under the newest wording.
    let engagement = s
        .frequencies
        .iter()
        .find(|d| d.question == "tip_engagement")
        .expect("engagement");
    assert_eq!((engagement.n, engagement.versions.as_deref()), (4, None));
    assert!(engagement.text.starts_with("All in all"));

    // Relabelled: the pooled table counts version 2 only ...
    let mechanism = s
        .frequencies
        .iter()
        .find(|d| d.question == "tip_mechanism")
        .expect("mechanism");
    assert_eq!(mechanism.n, 1);
    assert_eq!(mechanism.versions.as_deref(), Some(&["2".to_string()][..]));
    assert_eq!(
        mechanism.denominator(Say::default()),
        "n = 1 session (version 2 only)"
    );
    let wg = mechanism
        .rows
        .iter()
        .find(|c| c.value == "wg_embedded")
        .expect("wg");
    assert_eq!(
        (wg.count, wg.label.as_str()),
        (1, "A TIP focal point in the cluster, no working group")
    );
    // ... the summary and the cross-tab alike ...
    let fig = s
        .summaries
        .iter()
        .find(|d| d.question == "tip_mechanism")
        .expect("summary");
    assert_eq!(fig.n, 1);
    let ct = s
        .crosstabs
        .iter()
        .find(|c| c.question == "tip_mechanism")
        .expect("ct");
    assert_eq!(ct.n, vec![1]);
    // ... and version 1's counts are apart, under version 1's own labels.
    assert_eq!(s.apart.len(), 1, "{:?}", s.apart);
    let apart = &s.apart[0];
    assert_eq!(
        (apart.question.as_str(), apart.version.as_str()),
        ("tip_mechanism", "1")
    );
    assert_eq!(apart.frequency.n, 3);
    let old = apart
        .frequency
        .rows
        .iter()
        .find(|c| c.value == "wg_embedded")
        .expect("old wg");
    assert_eq!(
        (old.count, old.label.as_str()),
        (2, "TIP working group embedded in the cluster")
    );
    let why = apart.why.en();
    assert!(why.contains("option relabelled"), "{why}");
    // In a French report, the same reason in French; the guide's texts as they are.
    let fr = apart.why.in_lang(stocktake::i18n::UiLang::Fr);
    assert!(fr.contains("option renommée\u{a0}: «\u{a0}"), "{fr}");
    assert!(!fr.contains("relabelled"), "{fr}");
    assert!(s.unchecked.is_empty());

    let out = dir.path().join("report");
    stocktake::report::write(
        &report,
        &out,
        &[Format::Markdown, Format::Html, Format::Xlsx],
        "now",
    )
    .expect("write");
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    // Markdown escapes what it must: backticks, underscores, parentheses.
    assert!(
        md.contains("Not pooled across guide versions: \\`tip\\_mechanism\\`."),
        "{md}"
    );
    assert!(md.contains("### Not pooled across guide versions"), "{md}");
    assert!(md.contains("— version 1 only"), "{md}");
    assert!(
        md.contains("| n = 3 sessions \\(version 1 only\\) | count | % |"),
        "{md}"
    );
    assert!(
        md.contains("| n = 1 Protection Cluster \\(version 2 only\\) | count | % |"),
        "{md}"
    );
    assert!(
        md.contains("| TIP working group embedded in the cluster | 2 | 67% |"),
        "{md}"
    );
    assert!(md.contains("all (n = 1, version 2 only)"), "{md}");
    let html = std::fs::read_to_string(out.join("report.html")).expect("html");
    assert!(html.contains("<h3>Not pooled across guide versions</h3>"));
    assert!(html.contains("n = 3 sessions (version 1 only)"));
    assert!(html.contains("Not pooled across guide versions: `tip_mechanism`."));
    assert_eq!(
        xlsx_text(&out.join("report.xlsx"), "xl/workbook.xml")
            .matches("Not pooled")
            .count(),
        1
    );
    assert!(
        xlsx_text(&out.join("report.xlsx"), "xl/sharedStrings.xml")
            .contains("not comparable with version 2: option `wg_embedded`, option relabelled")
    );
}

#[test]
fn versions_that_only_reword_are_pooled_and_no_note_is_made() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).expect("mkdir");
    let reworded = support::bundled_text("retired/gpc-attt-coordinator-1.toml")
        .replacen("version = \"1\"", "version = \"2\"", 1)
        .replacen("Overall, how does", "All in all, how does", 1);
    std::fs::write(guides.join("v2.toml"), reworded).expect("v2");
    let catalog = Catalog::discover(&GuideDirs {
        flag: vec![guides],
        ..Default::default()
    });
    let v1 = support::coordinator_v1();
    let v2 = catalog.get("gpc-attt-coordinator").expect("v2").clone();
    let mut store = Store::open_in_memory(stocktake::store::system_clock()).expect("store");
    let a = completed(&mut store, &v1, "Chad", "wg_embedded");
    let b = completed(&mut store, &v2, "Iraq", "wg_embedded");
    let pa = dir.path().join("a.toml");
    let pb = dir.path().join("b.toml");
    std::fs::write(&pa, stocktake::sync::render(&a, &v1)).expect("a");
    std::fs::write(&pb, stocktake::sync::render(&b, &v2)).expect("b");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    collate(
        &mut db,
        &[pa, pb],
        &catalog,
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let s = &report.sections[0];
    assert!(s.apart.is_empty() && s.not_pooled_said(Say::default()).is_none());
    let mechanism = s
        .frequencies
        .iter()
        .find(|d| d.question == "tip_mechanism")
        .expect("mechanism");
    assert_eq!((mechanism.n, mechanism.versions.as_deref()), (2, None));
}

fn xlsx_text(path: &Path, part: &str) -> String {
    use std::io::Read;
    let f = std::fs::File::open(path).expect("xlsx");
    let mut z = zip::ZipArchive::new(f).expect("zip");
    let mut s = String::new();
    z.by_name(part)
        .expect(part)
        .read_to_string(&mut s)
        .expect("read");
    s
}
