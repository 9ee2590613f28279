//! The report in French, through the real binary: `--report-language fr`, and by default
//! when the report's guide lists French first; no heading left in English; the numbers as
//! French writes them; the names scripts read (columns, sheets, files, codes) the same in
//! both; an unknown `--report-language` refused before anything is written.

mod support;

use std::path::Path;

use stocktake::collate::CollationDb;
use stocktake::i18n::UiLang;
use support::report_fr::{ID, collation, ok, stocktake};

/// `stocktake report` into `out`, every format, the shipped codebook for the themes.
fn report(dir: &Path, db: &str, out: &str, extra: &[&str]) -> (String, String) {
    let codebook = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("interview-guides/gpc-attt-coordinator.codebook.toml")
        .display()
        .to_string();
    let mut args = vec![
        "report",
        "--db",
        db,
        "--out",
        out,
        "--format",
        "html,md,csv,xlsx",
        "--codebook",
        &codebook,
    ];
    args.extend_from_slice(extra);
    ok(dir, &args);
    let read = |f: &str| std::fs::read_to_string(dir.join(out).join(f)).expect(f);
    (read("report.html"), read("report.md"))
}

/// What a reader of the HTML sees: the text, tags left out, entities read.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Markdown as a reader sees it: escapes undone, a link's target (a chart's file name)
/// left out.
fn md_text(md: &str) -> String {
    let mut text = String::new();
    let mut escaped = false;
    let mut target = false;
    for c in md.chars() {
        if target {
            target = c != ')';
            continue;
        }
        if c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == '(' && !escaped && text.ends_with(']') {
            target = true;
            continue;
        }
        escaped = false;
        text.push(c);
    }
    text
}

/// Is `phrase` in `text` as words of its own (not inside a longer word)?
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + phrase.len()..].chars().next())
    })
}

/// The runs of text between a message's arguments (Fluent writes a missing one as
/// `{$name}`), trimmed.
fn runs(message: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    let mut depth = 0;
    for c in message.chars() {
        match c {
            '{' => {
                depth += 1;
                runs.push(String::new());
            }
            '}' => depth -= 1,
            '\n' => runs.push(String::new()),
            c if depth == 0 => runs.last_mut().expect("a run").push(c),
            _ => {}
        }
    }
    runs.into_iter()
        .map(|r| r.trim().to_string())
        .filter(|r| r.len() >= 4 && r.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// For every report message whose English and French differ, the runs of its English
/// text that its French does not have word for word: (id, run). A run both share (a
/// command, a file name, "— version") is no sign of a missed translation.
fn english_phrases() -> Vec<(String, String)> {
    let src = include_str!("../src/i18n/en-report.ftl");
    let mut phrases = Vec::new();
    for id in src
        .lines()
        .filter(|l| l.starts_with("rpt-"))
        .filter_map(|l| l.split(" =").next())
    {
        let en = stocktake::i18n::t(UiLang::En, id);
        let fr = stocktake::i18n::t(UiLang::Fr, id);
        if en == fr {
            continue;
        }
        let french = runs(&fr);
        for run in runs(&en) {
            if !french.contains(&run) {
                phrases.push((id.to_string(), run));
            }
        }
    }
    phrases
}

#[test]
fn a_french_report_has_french_headings_numbers_and_answers() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    let (html, md) = report(dir.path(), &db, "fr", &["--report-language", "fr"]);
    for heading in [
        "<html lang=fr>",
        "<title>Rapport stocktake</title>",
        "<h2>Couverture</h2>",
        "<h3>Cibles par structure</h3>",
        "<h3>Résumé</h3>",
        "<h3>Toutes les questions à choix, par type de répondant</h3>",
        "<h3>Comment les réponses ont été obtenues</h3>",
        "<h3 id=matrix>Matrice d'analyse rapide</h3>",
        "<h3 id=themes>Thèmes</h3>",
        "<h3>Ce qui a été dit</h3>",
        "<h4>Notes générales</h4>",
        "<h3>Sources des effectifs</h3>",
        "<h2>Qualité des données</h2>",
        "<th>effectif</th><th>%</th>",
    ] {
        assert!(html.contains(heading), "{heading} in report.html");
    }
    for heading in [
        "# Rapport stocktake",
        "## Couverture",
        "### Résumé",
        "### Ce qui a été dit",
        "#### Notes générales",
        "## Qualité des données",
        "| effectif | % |",
    ] {
        assert!(md.contains(heading), "{heading} in report.md");
    }
    // Percentages as French writes them, a no-break space before the sign; the answers
    // a guide does not word itself in the guide's language, French here.
    assert!(after_a_digit(&md, "\u{a0}%"), "a percentage written `45 %`");
    assert!(!md.contains("0%") && !html.contains("0%</td>"));
    assert!(
        md.contains("| Oui |") && md.contains("| Non |"),
        "yes/no rows"
    );
    assert!(md.contains("citations attribuées à\u{a0}: le type de structure seulement"));
    assert!(
        md.contains("Sessions par état\u{a0}: 12 terminées"),
        "the data quality's counts, plural agreeing"
    );
    // The SVG charts' legends too.
    let charts = std::fs::read_dir(dir.path().join("fr/charts")).expect("charts");
    let svg = charts
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("svg"))
        .find(|s| s.contains("n = "))
        .expect("a chart");
    assert!(svg.contains("\u{a0}% ("), "{svg}");
}

/// Does `what` follow a digit somewhere in `text`?
fn after_a_digit(text: &str, what: &str) -> bool {
    text.match_indices(what)
        .any(|(at, _)| text[..at].ends_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn no_heading_is_left_in_english_in_a_french_report() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    let (en_html, en_md) = report(dir.path(), &db, "en", &["--report-language", "en"]);
    let (fr_html, fr_md) = report(dir.path(), &db, "fr", &[]);
    let phrases = english_phrases();
    for (format, en, fr) in [
        ("report.html", html_text(&en_html), html_text(&fr_html)),
        ("report.md", md_text(&en_md), md_text(&fr_md)),
    ] {
        // Only a phrase the English report of the same collation says proves anything
        // by being absent from the French one.
        let said: Vec<&(String, String)> =
            phrases.iter().filter(|(_, p)| has_phrase(&en, p)).collect();
        assert!(
            said.len() >= 80,
            "{format}: only {} of {} English phrases in the English report: the check would say little",
            said.len(),
            phrases.len()
        );
        let left: Vec<String> = said
            .iter()
            .filter(|(_, p)| has_phrase(&fr, p))
            .map(|(id, p)| format!("{id}: {p:?}"))
            .collect();
        assert!(
            left.is_empty(),
            "{format}: English left in the French report:\n{}",
            left.join("\n")
        );
    }
}

#[test]
fn the_report_follows_the_guide_first_language_unless_told() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    // The interviewer's screen in English changes nothing: the guide lists French first.
    let (html, _) = report(dir.path(), &db, "default", &["--ui-language", "en"]);
    assert!(html.contains("<h2>Couverture</h2>"), "French by default");
    let (html, md) = report(dir.path(), &db, "en", &["--report-language", "en"]);
    assert!(html.contains("<html lang=en>") && html.contains("<h2>Coverage</h2>"));
    assert!(md.contains("## Data quality"));
    // The answers stay in the guide's language; the headings around them are English.
    assert!(
        md.contains("| Oui |"),
        "yes/no rows in the guide's language"
    );
    // A bundled guide lists English first: English without the flag, French with it.
    let other = tempfile::tempdir().expect("dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/session-files/v1/2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    );
    std::fs::copy(&fixture, other.path().join("s.toml")).expect("copy");
    ok(other.path(), &["collate", "--db", "c.db", "s.toml"]);
    let md = |out: &str, extra: &[&str]| {
        let mut args = vec!["report", "--db", "c.db", "--out", out, "--format", "md"];
        args.extend_from_slice(extra);
        ok(other.path(), &args);
        std::fs::read_to_string(other.path().join(out).join("report.md")).expect("md")
    };
    assert!(md("en", &[]).starts_with("# stocktake report\n"));
    assert!(md("fr", &["--report-language", "fr-FR"]).starts_with("# Rapport stocktake\n"));
}

#[test]
fn what_scripts_read_is_the_same_in_both_languages() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    report(dir.path(), &db, "en", &["--report-language", "en"]);
    report(dir.path(), &db, "fr", &["--report-language", "fr"]);
    let names = |out: &str| -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(dir.path().join(out))
            .expect("folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names("en"), names("fr"), "the same files");
    for f in names("en").iter().filter(|f| {
        f.ends_with(".csv") || f.ends_with(".do") || f.ends_with(".sps") || f.ends_with(".json")
    }) {
        let read = |out: &str| std::fs::read(dir.path().join(out).join(f)).expect("file");
        assert_eq!(read("en"), read("fr"), "{f} is data: the same bytes");
    }
    // The workbook: sheet names and header rows the same; the Columns sheet's meanings
    // in the report's language.
    let sheets = |out: &str| {
        let bytes = std::fs::read(dir.path().join(out).join("report.xlsx")).expect("xlsx");
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut read = |m: &str| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut z.by_name(m).expect("member"), &mut s)
                .expect("read");
            s
        };
        (read("xl/workbook.xml"), read("xl/sharedStrings.xml"))
    };
    let ((en_book, en_strings), (fr_book, fr_strings)) = (sheets("en"), sheets("fr"));
    assert_eq!(en_book, fr_book, "sheet names");
    for name in ["session_id", "question_id", "aapor_disposition", "meaning"] {
        assert!(fr_strings.contains(&format!(">{name}<")), "{name}");
    }
    assert!(en_strings.contains("the interviewer's note on the question"));
    assert!(fr_strings.contains("la note de l'enquêteur sur la question"));
    assert!(!fr_strings.contains("the interviewer's note on the question"));
}

/// A matrix cell's text is the guide's words (its questions, its answers, the notes), so
/// it is punctuated in the guide's language: a French-first guide's `matrix.csv` and
/// Markdown cells put a no-break space before the colon, whatever the report's language,
/// and an English-first guide's do not.
#[test]
fn a_matrix_cell_is_punctuated_in_the_guides_language() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    let (_, md_en) = report(dir.path(), &db, "en", &["--report-language", "en"]);
    let csv = std::fs::read_to_string(dir.path().join("en/matrix.csv")).expect("matrix.csv");
    let question = "Les participants ont-ils accepté que des notes soient prises ?";
    let at = csv.find(question).expect("a French question in a cell");
    let after = &csv[at..];
    let colon = after.find(':').expect("a colon after the question");
    assert!(
        after[..colon].ends_with('\u{a0}'),
        "no-break space before the colon: {}",
        &after[..colon + 8]
    );
    assert!(
        md_en.contains(&format!("{question}\u{a0}: Oui")),
        "the English report's Markdown cell too"
    );

    // An English-first guide, the same report in French: the cell keeps English marks.
    let other = tempfile::tempdir().expect("dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/session-files/v1/2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    );
    std::fs::copy(&fixture, other.path().join("s.toml")).expect("copy");
    ok(other.path(), &["collate", "--db", "c.db", "s.toml"]);
    ok(
        other.path(),
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "fr",
            "--format",
            "csv",
            "--report-language",
            "fr",
        ],
    );
    let csv = std::fs::read_to_string(other.path().join("fr/matrix.csv")).expect("matrix.csv");
    assert!(csv.contains("?: "), "{csv}");
    assert!(!csv.contains('\u{a0}'), "{csv}");
}

#[test]
fn an_unknown_report_language_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/session-files/v1/2018-03-14_ukrayina_protection_cluster_01M8SZZMPFENEDYKECA3TBSN36_r1.toml",
    );
    std::fs::copy(&fixture, dir.path().join("s.toml")).expect("copy");
    ok(dir.path(), &["collate", "--db", "c.db", "s.toml"]);
    let out = stocktake(
        dir.path(),
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "r",
            "--report-language",
            "de",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "--report-language `de` is not a language stocktake writes reports in: en, fr"
        ),
        "{err}"
    );
    assert!(!dir.path().join("r").exists(), "no folder made");
    // In the command line's own language.
    let out = stocktake(
        dir.path(),
        &[
            "--ui-language",
            "fr",
            "report",
            "--db",
            "c.db",
            "--out",
            "r",
            "--report-language",
            "klingon",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--report-language `klingon` n'est pas une langue dans laquelle stocktake écrit ses rapports\u{a0}: en, fr"),
        "{err}"
    );
    assert!(!dir.path().join("r").exists());
}

/// The Markdown's layout, for review: every heading, paragraph, note and list item, and
/// each table's header with its first row.
fn layout(md: &str) -> String {
    let mut out = Vec::new();
    let mut rows = 0;
    let mut quotes = 0;
    for line in md.lines() {
        if line.starts_with('|') {
            rows += 1;
            if rows > 3 {
                continue;
            }
        } else {
            rows = 0;
        }
        if line.starts_with('>') {
            quotes += 1;
            if quotes > 3 {
                continue;
            }
        } else if line.starts_with('#') {
            quotes = 0;
        }
        out.push(line);
    }
    out.dedup_by(|a, b| a.is_empty() && b.is_empty());
    out.join("\n")
}

#[test]
fn the_french_report_reads_well() {
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    let codebook = stocktake::guide::load_codebook_file(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("interview-guides/gpc-attt-coordinator.codebook.toml"),
    )
    .expect("codebook");
    let report = stocktake::report::Report::build(
        &CollationDb::open(Path::new(&db)).expect("db"),
        stocktake::report::ReportOptions {
            now: Some("2026-12-02T12:00:00Z".parse().expect("time")),
            codebook: Some(codebook),
            min_cell: 2,
            ..stocktake::report::ReportOptions::default()
        },
    )
    .expect("report");
    assert_eq!(
        report.language(),
        UiLang::Fr,
        "the guide lists French first"
    );
    let out = dir.path().join("r");
    stocktake::report::write(
        &report,
        &out,
        &[stocktake::report::Format::Markdown],
        "2026-12-02T12:00:00Z",
    )
    .expect("write");
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    insta::assert_snapshot!("report_fr_md_layout", layout(&md));
    let chart = std::fs::read_to_string(
        out.join(format!("charts/{ID}_tip_engagement_protection_cluster.svg")),
    )
    .expect("chart");
    insta::assert_snapshot!("report_fr_chart", chart);
}

/// Why a file was kept out is said in the report's language, from the words the
/// collation stored beside the English reason.
#[test]
fn a_quarantined_file_is_listed_in_the_reports_language() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("mkdir");
    std::fs::write(files.join("broken.toml"), "this is not a session file\n").expect("write");
    // Collated in English: the words are stored whatever the collator's language.
    let out = stocktake(dir.path(), &["collate", "--db", "c.db", "files"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no digest line"), "{err}");
    for (lang, said) in [
        (
            "en",
            ["no digest line: a session file starts with", "corrupt"],
        ),
        // The apostrophe of « d'empreinte » is escaped in the HTML.
        (
            "fr",
            [
                "pas de ligne d",
                "empreinte\u{a0}: un fichier de session commence par",
            ],
        ),
    ] {
        let out_dir = format!("report-{lang}");
        ok(
            dir.path(),
            &[
                "report",
                "--report-language",
                lang,
                "--format",
                "md",
                "--format",
                "html",
                "--db",
                "c.db",
                "--out",
                &out_dir,
            ],
        );
        for file in ["report.md", "report.html"] {
            let text =
                std::fs::read_to_string(dir.path().join(&out_dir).join(file)).expect("report");
            // The Markdown escapes its punctuation with backslashes.
            let text = text.replace('\\', "");
            for said in said {
                assert!(text.contains(said), "{lang} {file}: {text}");
            }
        }
    }
}

/// What the report says of its folder in French: a folder open to others (a note) and a
/// symlink where the charts go (a refusal of the formats that need them), each with its
/// path as it was given; in English, word for word as before.
#[test]
fn what_the_report_says_of_its_folder_is_french() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let db = collation(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::os::unix::fs::symlink(dir.path(), out.join("charts")).expect("link");
    let run = |lang: &str| {
        let o = stocktake(
            dir.path(),
            &[
                "--ui-language",
                lang,
                "report",
                "--db",
                &db,
                "--out",
                "out",
                "--format",
                "md",
            ],
        );
        assert_eq!(o.status.code(), Some(1), "md cannot be written");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let fr = run("fr");
    assert!(
        fr.contains("note\u{a0}: out est ouvert aux autres (mode 0755)\u{a0}: ils peuvent en lister le contenu\u{a0};"),
        "{fr}"
    );
    assert!(
        fr.contains("md pas écrit\u{a0}: out/charts\u{a0}: est un lien symbolique là où le rapport range ses graphiques"),
        "{fr}"
    );
    assert!(
        !fr.contains("open to others") && !fr.contains("symbolic link"),
        "{fr}"
    );
    let en = run("en");
    assert!(
        en.contains("note: out is open to others (mode 0755): they can list it; its report files"),
        "{en}"
    );
    assert!(
        en.contains("out/charts: is a symbolic link where the report keeps its charts; stocktake never writes through it"),
        "{en}"
    );
}
