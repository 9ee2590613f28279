//! The synthesis: the rapid-analysis matrix, summaries, coding with the codebook, themes,
//! two coders' agreement, and `stocktake analyse` driven in tmux at 80×24.

mod support;

#[path = "analysis/qdpx.rs"]
mod qdpx;
#[path = "analysis/regression.rs"]
mod regression;

use std::path::Path;
use std::process::{Command, Stdio};

use stocktake::collate::{CellSummary, Coding, CollationDb};
use stocktake::guide::Structure;
use stocktake::session::{Change, Session, Value};
use support::files::Factory;

fn stocktake(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env_remove("STOCKTAKE_IDENTITY")
        .stdin(Stdio::null())
        .output()
        .expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A completed session whose gaps section says `gaps` in the challenges note.
fn session(f: &mut Factory, response: &str, structure: Structure, gaps: &str) -> Session {
    let g = support::coordinator();
    f.clock.advance(60);
    let mut call = support::new_call(&[structure]);
    call.response = response.to_string();
    let (_, mut sessions) = support::create_call(&mut f.store, &g, &call).expect("call");
    let mut s = sessions.remove(0);
    let now = f.store.now();
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("consent");
    s.set_value(
        &g.guide,
        "tip_engagement",
        Value::Choice("anecdotal_only".into()),
        now,
    )
    .expect("classification");
    s.set_value(
        &g.guide,
        "challenges",
        Value::Choices(vec!["lack_of_data".into()]),
        now,
    )
    .expect("challenges");
    s.set_note(&g.guide, "challenges", gaps, now).expect("note");
    s.complete(&g.guide, now).expect("complete");
    let file = stocktake::interview::freeze(&s, &g);
    f.store
        .apply(&Change::complete(&s, &g.guide, file))
        .expect("frozen");
    s
}

fn coding(s: &Session, text: &str, part: &str, code: &str, coder: &str) -> Coding {
    let byte = text.find(part).expect("part in text");
    let start = text[..byte].chars().count();
    Coding {
        session_id: s.id.clone(),
        unit: "note:challenges".into(),
        start,
        end: start + part.chars().count(),
        code: code.into(),
        coder: coder.into(),
        quote: part.into(),
        digest: support::files::digest(s).to_string(),
        at: "2026-12-02T10:00:00Z".into(),
    }
}

const MALI: &str =
    "No data on prevalence at all; the GBV sub-cluster handles it under another label.";
const CHAD: &str = "Staff turnover, no funding; <script>alert(1)</script> nobody trained.";

struct Set {
    dir: tempfile::TempDir,
    mali: Session,
    chad: Session,
    f: Factory,
}

fn collated() -> Set {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("files");
    let mut f = Factory::new();
    let mali = session(&mut f, "Mali", Structure::ProtectionCluster, MALI);
    let chad = session(&mut f, "Chad", Structure::CpAor, CHAD);
    for (n, s) in [("mali.toml", &mali), ("chad.toml", &chad)] {
        std::fs::write(files.join(n), support::files::bytes(s)).expect("write");
    }
    let (code, _, err) = stocktake(dir.path(), &["collate", "--db", "c.db", "files"]);
    assert_eq!(code, 0, "{err}");
    Set { dir, mali, chad, f }
}

#[test]
fn themes_count_sessions_roll_up_to_parents_and_escape_what_was_said() {
    let set = collated();
    let db = CollationDb::open(&set.dir.path().join("c.db")).expect("db");
    for c in [
        coding(
            &set.mali,
            MALI,
            "No data on prevalence",
            "lack_of_data",
            "ana",
        ),
        coding(
            &set.mali,
            MALI,
            "under another label",
            "parallel_systems",
            "ana",
        ),
        coding(&set.chad, CHAD, "no funding", "resources", "ana"),
        coding(
            &set.chad,
            CHAD,
            "<script>alert(1)</script>",
            "lack_of_knowledge",
            "ana",
        ),
    ] {
        assert!(db.add_coding(&c).expect("coding"));
    }
    db.set_summary(&CellSummary {
        session_id: set.mali.id.clone(),
        section: "gaps".into(),
        text: "No data; <b>parallel</b> labels.".into(),
        author: "ana".into(),
        at: "2026-12-02T10:00:00Z".into(),
        digest: support::files::digest(&set.mali).to_string(),
    })
    .expect("summary");
    drop(db);
    let (code, _, err) = stocktake(set.dir.path(), &["report", "--db", "c.db", "--out", "r"]);
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(set.dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains(
            "| theme | sessions | Protection Cluster (n = 1) | Child Protection AOR (n = 1) |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Gaps and challenges | 2 of 2 | 1 | 1 |"),
        "the parent counts its children: {md}"
    );
    assert!(
        md.contains("| — Lack of data and evidence | 1 of 2 | 1 | 0 |"),
        "{md}"
    );
    assert!(
        md.contains("| — Human and financial resources | 1 of 2 | 0 | 1 |"),
        "{md}"
    );
    assert!(md.contains("| Recommendations | 0 of 2 | 0 | 0 |"), "{md}");
    assert!(
        md.contains("> No data on prevalence\n>\n> — Protection Cluster · coded by ana"),
        "{md}"
    );
    let html = std::fs::read_to_string(set.dir.path().join("r/report.html")).expect("html");
    assert!(!html.contains("<script>alert"), "hostile text escaped");
    // Every link inside the report goes somewhere: a parent theme has no quotes of its own.
    for link in html.split("href=\"#").skip(1) {
        let target = &link[..link.find('"').expect("end of link")];
        assert!(
            html.contains(&format!("id={target}>")) || html.contains(&format!("id=\"{target}\"")),
            "a link to #{target} with nothing there"
        );
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("<b>No data; &lt;b&gt;parallel&lt;/b&gt; labels.</b>"),
        "the summary, escaped"
    );
    assert!(html.contains("<h3 id=matrix>Rapid-analysis matrix</h3>"));
    let matrix = std::fs::read_to_string(set.dir.path().join("r/matrix.csv")).expect("matrix");
    let header = matrix.lines().next().expect("header");
    assert!(
        header.starts_with(
            "session_id,revision,response,structure,structure_label,call_summary,call,"
        ),
        "{header}"
    );
    assert!(header.contains(",gaps_summary,gaps,"), "{header}");
    assert!(
        matrix.contains("No data; <b>parallel</b> labels."),
        "{matrix}"
    );
    let codings = std::fs::read_to_string(set.dir.path().join("r/codings.csv")).expect("codings");
    assert_eq!(codings.lines().count(), 5, "{codings}");
    assert!(codings.contains(",no funding,current"), "{codings}");
}

#[test]
fn two_coders_get_kappa_per_code_and_their_disagreements() {
    let set = collated();
    let dir = set.dir.path();
    let mine = CollationDb::open(&dir.join("c.db")).expect("db");
    // Ben collated the same files into a database of his own and coded there.
    let (code, _, err) = stocktake(dir, &["collate", "--db", "ben.db", "files"]);
    assert_eq!(code, 0, "{err}");
    let ben = CollationDb::open(&dir.join("ben.db")).expect("ben");
    let whole =
        |s: &Session, text: &str, code: &str, coder: &str| coding(s, text, text, code, coder);
    mine.add_coding(&whole(&set.mali, MALI, "lack_of_data", "ana"))
        .expect("a");
    mine.add_coding(&whole(&set.chad, CHAD, "resources", "ana"))
        .expect("a");
    ben.add_coding(&whole(&set.mali, MALI, "lack_of_data", "ben"))
        .expect("b");
    ben.add_coding(&whole(&set.chad, CHAD, "lack_of_data", "ben"))
        .expect("b");
    drop(ben);
    drop(mine);
    let (code, out, err) = stocktake(dir, &["merge-codings", "--db", "c.db", "ben.db"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "ben.db: 2 new coding(s) merged into c.db\n"),
        "{err}"
    );
    let (_, out, _) = stocktake(dir, &["merge-codings", "--db", "c.db", "ben.db"]);
    assert_eq!(
        out, "ben.db: 0 new coding(s) merged into c.db\n",
        "merging twice adds nothing"
    );
    let (code, _, err) = stocktake(
        dir,
        &["report", "--db", "c.db", "--out", "r", "--format", "md"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.join("r/report.md")).expect("md");
    assert!(
        md.contains(
            "#### Agreement: ana and ben\n\nCohen's kappa per code over the 2 texts both coded."
        ),
        "{md}"
    );
    // lack_of_data: both on Mali, Ben alone on Chad: observed .5, chance .5, kappa 0.
    assert!(
        md.contains("| Lack of data and evidence | 0.00 | 1 | 0 | 1 | 0 |"),
        "{md}"
    );
    assert!(
        md.contains("| Human and financial resources | 0.00 | 0 | 1 | 0 | 1 |"),
        "{md}"
    );
    let (code, _, err) = stocktake(dir, &["merge-codings", "--db", "c.db", "files"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("files: not a regular file: give another collation database (.db)"),
        "{err}"
    );
}

#[test]
fn a_summary_and_codings_survive_recollation_and_an_edited_text_is_flagged_not_moved() {
    let mut set = collated();
    let dir = set.dir.path().to_path_buf();
    let db = CollationDb::open(&dir.join("c.db")).expect("db");
    db.add_coding(&coding(
        &set.mali,
        MALI,
        "No data on prevalence",
        "lack_of_data",
        "ana",
    ))
    .expect("coding");
    db.set_summary(&CellSummary {
        session_id: set.mali.id.clone(),
        section: "gaps".into(),
        text: "No data.".into(),
        author: "ana".into(),
        at: "2026-12-02T10:00:00Z".into(),
        digest: support::files::digest(&set.mali).to_string(),
    })
    .expect("summary");
    drop(db);
    // Revision 2 rewrites the note: the coded words are gone from it.
    let r2 = set.f.revise(&set.mali, |s, g, now| {
        s.set_note(g, "challenges", "Some data now, from the IOM DTM.", now)
            .expect("note");
    });
    std::fs::write(dir.join("files/mali-r2.toml"), support::files::bytes(&r2)).expect("r2");
    let (code, _, err) = stocktake(&dir, &["collate", "--db", "c.db", "files"]);
    assert_eq!(code, 0, "{err}");
    let db = CollationDb::open(&dir.join("c.db")).expect("db");
    assert_eq!(db.summaries().expect("s").len(), 1, "kept");
    assert_eq!(db.codings().expect("c").len(), 1, "kept");
    drop(db);
    let (code, _, err) = stocktake(&dir, &["report", "--db", "c.db", "--out", "r"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.join("r/report.html")).expect("html");
    assert!(
        html.contains("<b>No data.</b> <span class=muted>(written on an earlier revision)</span>"),
        "{html}"
    );
    assert!(html.contains("<h4>Codings to check</h4>"), "{html}");
    let md = std::fs::read_to_string(dir.join("r/report.md")).expect("md");
    assert!(
        md.contains("| — Lack of data and evidence | 0 of 2 | 0 | 0 |"),
        "not counted: {md}"
    );
    let codings = std::fs::read_to_string(dir.join("r/codings.csv")).expect("codings");
    assert!(
        codings.contains(
            ",lack_of_data,Lack of data and evidence,ana,2026-12-02T10:00:00Z,,text changed: check"
        ),
        "{codings}"
    );
}

#[test]
fn a_code_gone_from_the_codebook_keeps_its_codings_and_says_so() {
    let set = collated();
    let dir = set.dir.path();
    let db = CollationDb::open(&dir.join("c.db")).expect("db");
    db.add_coding(&coding(
        &set.chad,
        CHAD,
        "no funding",
        "funding_cuts",
        "ana",
    ))
    .expect("coding");
    drop(db);
    std::fs::write(
        dir.join("book.toml"),
        "format = \"stocktake.codebook.v1\"\nguide = \"gpc-attt-coordinator\"\nlanguages = [\"en\"]\n\n[[codes]]\nid = \"resources\"\nlabel = { en = \"Resources\" }\n",
    )
    .expect("book");
    let (code, _, err) = stocktake(
        dir,
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "r",
            "--format",
            "md",
            "--codebook",
            "book.toml",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.join("r/report.md")).expect("md");
    assert!(md.contains("| Resources | 0 of 2 | 0 | 0 |"), "{md}");
    assert!(
        md.contains("| funding\\_cuts (not in the codebook) | 1 of 2 | 0 | 1 |"),
        "{md}"
    );
    std::fs::write(dir.join("bad.toml"), "format = \"stocktake.codebook.v1\"\nguide = \"g\"\nlanguages = [\"en\"]\n[[codes]]\nid = \"A b\"\nlabel = { en = \"x\" }\n").expect("bad");
    let (code, _, err) = stocktake(
        dir,
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "r2",
            "--codebook",
            "bad.toml",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "stocktake: bad.toml:5:6: code id \"A b\" must be lower-case letters, digits, `-` and `_`\n"
    );
    assert!(
        !dir.join("r2").exists(),
        "refused before anything was written"
    );
}

#[test]
fn analyse_through_the_real_binary_at_80x24() {
    let set = collated();
    let dir = set.dir.path();
    let t = support::tmux::Tmux::new("analyse", dir);
    let bin = env!("CARGO_BIN_EXE_stocktake");
    let cfg = dir.join("no-config.toml").display().to_string();
    t.start(
        "a",
        (80, 24),
        dir,
        &[("STOCKTAKE_CONFIG", &cfg)],
        &[bin, "analyse", "--db", "c.db", "--coder", "ana"],
        "stocktake analyse",
    );
    let s = t.screen("a");
    assert!(
        s.contains("stocktake analyse · c.db · 2 sessions · coder ana"),
        "{s}"
    );
    assert!(s.contains("Enter read cell"), "the hint bar: {s}");
    // To the gaps column (the 5th section), into the cell.
    for _ in 0..4 {
        t.keys("a", &["l"]);
    }
    t.wait_for("a", "Gaps and challenges (5 of 7)");
    t.keys("a", &["Enter"]);
    let s = t.wait_for("a", "No summary yet");
    assert!(s.contains("▸ No data on prevalence at all"), "{s}");
    assert!(s.contains("note · not coded"), "{s}");
    // Code a part of the note.
    t.keys("a", &["p"]);
    t.wait_for("a", "Words to code");
    t.type_text("a", "under another label");
    t.keys("a", &["Enter"]);
    t.wait_for("a", "Codes for");
    for _ in 0..8 {
        t.keys("a", &["j"]);
    }
    t.keys("a", &["Space"]);
    t.wait_for("a", "coded: Parallel systems and labels");
    t.escape("a", "p code a part");
    let s = t.wait_for("a", "codes:");
    assert!(
        s.contains("“under another label” Parallel systems and labels (ana)"),
        "{s}"
    );
    // Write the cell's summary, saved with Esc.
    t.keys("a", &["s"]);
    t.wait_for("a", "Summary of this cell");
    t.type_text("a", "Handled as GBV.");
    t.escape("a", "Leave the summary?");
    t.keys("a", &["y"]);
    t.wait_for("a", "summary saved");
    t.escape("a", "Enter read cell");
    let s = t.wait_for("a", "✎ Handled");
    assert!(
        s.contains("│●1 ✎ Handled as G"),
        "a coded cell is marked: {s}"
    );
    assert!(s.contains("· 1 coding"), "{s}");
    t.keys("a", &["?"]);
    t.wait_for("a", "any other key closes it");
    t.keys("a", &["x"]);
    // A column per question, and back.
    t.keys("a", &["v"]);
    let s = t.wait_for("a", "a column per question");
    assert!(s.contains("What challenges do you face"), "{s}");
    t.keys("a", &["v"]);
    t.wait_for("a", "a column per section (v: per question)");
    t.keys("a", &["q"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !t.dead("a") {
        assert!(std::time::Instant::now() < deadline, "q quits");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let db = CollationDb::open(&dir.join("c.db")).expect("db");
    let codings = db.codings().expect("codings");
    assert_eq!(codings.len(), 1);
    assert_eq!(
        (
            codings[0].code.as_str(),
            codings[0].quote.as_str(),
            codings[0].coder.as_str()
        ),
        ("parallel_systems", "under another label", "ana")
    );
    let sums = db.summaries().expect("summaries");
    assert_eq!(sums.len(), 1);
    assert_eq!(
        (sums[0].section.as_str(), sums[0].text.as_str()),
        ("gaps", "Handled as GBV.")
    );
}

#[test]
fn analyse_without_a_terminal_or_a_collation_says_what_to_do() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, _, err) = stocktake(dir.path(), &["analyse", "--db", "none.db"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "stocktake: none.db: no such collation database; run stocktake collate first\n"
        )
    );
    let set = collated();
    let (code, _, err) = stocktake(set.dir.path(), &["analyse", "--db", "c.db"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "stocktake: stocktake analyse is a full-screen program and needs a terminal; for files, use stocktake report --db c.db\n"
    );
    let _ = &set.chad;
}

/// The analyse screen drawn into a `TestBackend`, as text.
fn draw(s: &stocktake::analyse::State, color: bool, (w, h): (u16, u16)) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("term");
    t.draw(|f| stocktake::analyse::view::render(s, &stocktake::tui::theme::Theme { color }, f))
        .expect("draw");
    stocktake::tui::driver::buffer_text(t.backend().buffer())
}

fn state(set: &Set) -> stocktake::analyse::State {
    let db = CollationDb::open(&set.dir.path().join("c.db")).expect("db");
    let r = stocktake::report::Report::build(
        &db,
        stocktake::report::ReportOptions {
            attribution: stocktake::report::Attribution::Response,
            ..Default::default()
        },
    )
    .expect("report");
    let a = r.sections.into_iter().next().expect("a section").analysis;
    let by_question = a.matrix.by_question(&db.summaries().expect("summaries"));
    let mut s = stocktake::analyse::State::new(a.matrix, a.codebook, a.codings, "ana", "c.db")
        .with_question_view(by_question);
    s.now = "2026-12-02T10:00:00Z".into();
    s
}

fn press(s: &mut stocktake::analyse::State, keys: &str) -> Vec<stocktake::analyse::Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while !rest.is_empty() {
        let len = if rest.starts_with('<') {
            rest.find('>').map_or(1, |i| i + 1)
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        let (k, r) = rest.split_at(len);
        rest = r;
        let input = stocktake::tui::keys::parse_key(k).expect("a key");
        effects.extend(stocktake::analyse::update(s, input));
    }
    effects
}

/// The sizes every screen is snapshotted at (issue 17), as in `tests/tui_snapshots.rs`.
const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (200, 60)];

#[test]
fn the_analyse_screens_at_every_size() {
    let set = collated();
    let mut s = state(&set);
    let snap = |name: &str, s: &stocktake::analyse::State| {
        for size in SIZES {
            insta::assert_snapshot!(
                format!("analyse_{name}_{}x{}", size.0, size.1),
                draw(s, false, size)
            );
        }
    };
    snap("matrix", &s);
    press(&mut s, "llll<enter>");
    snap("cell", &s);
    press(&mut s, "c");
    snap("codes", &s);
    press(&mut s, "<esc><esc>?");
    snap("keys", &s);
}

/// The same screens in French (`--ui-language fr`, or a French locale): here rather than in
/// `tui_french.rs` because the collation they draw is built by this file. 80×24 and the
/// smallest common size, where longer words must wrap or shorten, not overflow.
#[test]
fn the_analyse_screens_in_french() {
    let set = collated();
    let mut s = state(&set).with_lang(stocktake::i18n::UiLang::Fr);
    let snap = |name: &str, s: &stocktake::analyse::State| {
        for size in [(60, 20), (80, 24)] {
            insta::assert_snapshot!(
                format!("analyse_fr_{name}_{}x{}", size.0, size.1),
                draw(s, false, size)
            );
        }
    };
    snap("matrix", &s);
    press(&mut s, "llll<enter>");
    snap("cell", &s);
    press(&mut s, "c");
    snap("codes", &s);
    press(&mut s, "<esc>sUne synthèse<esc>");
    snap("leave_summary", &s);
    press(&mut s, "n<esc>?");
    snap("keys", &s);
    press(&mut s, "<esc>v");
    assert_eq!(
        s.message.as_deref(),
        Some("une colonne par question (v\u{a0}: par section)")
    );
    snap("by_question", &s);
}

#[test]
fn keys_give_effects_that_carry_their_data() {
    let set = collated();
    let mut s = state(&set);
    // Into the gaps cell, code the whole note with the second code.
    assert!(press(&mut s, "llll<enter>").is_empty());
    let e = press(&mut s, "cj ");
    let [stocktake::analyse::Effect::AddCoding(c)] = e.as_slice() else {
        panic!("{e:?}");
    };
    assert_eq!(
        (
            c.session_id.as_str(),
            c.unit.as_str(),
            c.start,
            c.end,
            c.code.as_str(),
            c.coder.as_str()
        ),
        (
            set.mali.id.as_str(),
            "note:challenges",
            0,
            MALI.chars().count(),
            "lack_of_knowledge",
            "ana"
        )
    );
    s.applied_effect(&e[0]);
    // The same key again takes it off.
    let e = press(&mut s, " ");
    assert!(
        matches!(e.as_slice(), [stocktake::analyse::Effect::RemoveCoding(_)]),
        "{e:?}"
    );
    // A part that is not in the text: said, nothing coded.
    let e = press(&mut s, "<esc>pnot there<enter>");
    assert!(e.is_empty());
    assert_eq!(
        s.message.as_deref(),
        Some("\"not there\" is not in this text: type words as they appear (case does not matter)")
    );
    // A summary, saved by Ctrl-S, carries the head's digest.
    let e = press(&mut s, "<esc>sGBV handles it.<C-s>");
    let [stocktake::analyse::Effect::SetSummary(sum)] = e.as_slice() else {
        panic!("{e:?}");
    };
    assert_eq!(
        (sum.section.as_str(), sum.text.as_str()),
        ("gaps", "GBV handles it.")
    );
    assert_eq!(sum.digest, support::files::digest(&set.mali).to_string());
    // q quits from the matrix, and is typed in a summary; Esc then y saves it.
    let e = press(&mut s, "<esc>sq");
    assert!(e.is_empty(), "{e:?}");
    let e = press(&mut s, "<esc>y");
    assert!(matches!(
        e.as_slice(),
        [stocktake::analyse::Effect::SetSummary(_)]
    ));
    assert_eq!(
        press(&mut s, "<esc>q"),
        vec![stocktake::analyse::Effect::Quit]
    );
}

#[test]
fn every_count_in_the_html_opens_the_sessions_behind_it_unless_suppressed() {
    let set = collated();
    let dir = set.dir.path();
    let (code, _, err) = stocktake(
        dir,
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "r",
            "--format",
            "html",
            "--attribution",
            "response",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.join("r/report.html")).expect("html");
    let anchor = "ev-challenges-lack_of_data";
    assert!(
        html.contains(&format!("<a href=\"#{anchor}\">2 (100%)</a>")),
        "the frequency count links: {html}"
    );
    let list = html
        .split(&format!("<h4 id=\"{anchor}\">"))
        .nth(1)
        .expect("its list");
    let list = &list[..list.find("</table>").expect("end")];
    assert!(list.starts_with("What challenges do you face in addressing trafficking? — Lack of data and evidence on prevalence (2)</h4>"), "{list}");
    assert!(
        list.contains("<td>Mali</td><td>Protection Cluster</td><td>amina</td>"),
        "{list}"
    );
    assert!(list.contains("&lt;script&gt;"), "the note, escaped: {list}");
    // Counts under K are shown as x: no link, and no list that would name them.
    let (code, _, err) = stocktake(
        dir,
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "k",
            "--format",
            "html",
            "--min-cell",
            "3",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.join("k/report.html")).expect("html");
    assert!(!html.contains(&format!("href=\"#{anchor}\"")));
    assert!(!html.contains(&format!("id=\"{anchor}\"")));
}

#[test]
fn six_realistic_sessions_give_a_matrix_and_themes_to_work_from() {
    let dir = tempfile::tempdir().expect("dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/realistic");
    let f = fixtures.display().to_string();
    let (code, _, err) = stocktake(dir.path(), &["collate", "--db", "c.db", &f]);
    assert_eq!(code, 0, "{err}");
    let db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let report = stocktake::report::Report::build(&db, Default::default()).expect("report");
    let a = &report.sections[0].analysis;
    assert_eq!(a.matrix.rows.len(), 6);
    let gaps = a
        .matrix
        .columns
        .iter()
        .position(|c| c.section == "gaps")
        .expect("gaps column");
    // Every session has something to read in the gaps and recommendations cells.
    for r in &a.matrix.rows {
        assert!(!r.cells[gaps].items.is_empty(), "{}", r.who);
    }
    // A collator codes the challenges notes with the bundled codebook.
    let themes = [
        ("South Sudan", "no data on prevalence", "lack_of_data"),
        ("South Sudan", "another label", "parallel_systems"),
        ("Iraq", "restrict the term", "government_reluctance"),
        (
            "Iraq",
            "men in forced labour are not seen",
            "groups_overlooked",
        ),
        ("Mali", "trop complexe", "too_complex"),
        ("Colombia", "no mapping of who responds", "lack_of_data"),
    ];
    let sessions = &report.sections[0].sessions;
    for (response, words, code) in themes {
        for s in sessions.iter().filter(|s| s.response == response) {
            let note = s.answers["challenges"].note();
            if let Some(byte) = note.find(words) {
                let start = note[..byte].chars().count();
                db.add_coding(&Coding {
                    session_id: s.session_id.clone(),
                    unit: "note:challenges".into(),
                    start,
                    end: start + words.chars().count(),
                    code: code.into(),
                    coder: "chloe".into(),
                    quote: words.into(),
                    digest: s.digest.clone(),
                    at: "2026-12-02T10:00:00Z".into(),
                })
                .expect("coding");
            }
        }
    }
    drop(db);
    let (code, _, err) = stocktake(
        dir.path(),
        &["report", "--db", "c.db", "--out", "r", "--format", "md,csv"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains("| Gaps and challenges | 6 of 6 | 4 | 1 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("| — Lack of data and evidence | 2 of 6 | 2 | 0 | 0 |"),
        "{md}"
    );
    assert!(
        md.contains("> trop complexe\n>\n> — Protection Cluster · coded by chloe"),
        "{md}"
    );
    let matrix = std::fs::read_to_string(dir.path().join("r/matrix.csv")).expect("matrix");
    assert_eq!(matrix.lines().count(), 7, "a header and a row per session");
    assert!(
        matrix.contains("Une formation d'introduction"),
        "French notes kept as written"
    );
}

#[test]
fn past_its_limit_the_matrix_sheet_points_to_matrix_csv() {
    let set = collated();
    let db = CollationDb::open(&set.dir.path().join("c.db")).expect("db");
    let report = stocktake::report::Report::build(&db, Default::default()).expect("report");
    let limits = stocktake::report::XlsxLimits {
        matrix_sessions: 1,
        ..stocktake::report::XlsxLimits::EXCEL
    };
    let xlsx = set.dir.path().join("r.xlsx");
    stocktake::report::write_xlsx_within(&xlsx, &report, &limits).expect("written");
    let out = Command::new("python3")
        .arg("-c")
        .arg("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read('xl/sharedStrings.xml').decode())")
        .arg(&xlsx)
        .output()
        .expect("python3");
    let strings = String::from_utf8_lossy(&out.stdout);
    assert!(
        strings.contains("2 sessions: the rapid-analysis matrix is in matrix.csv (stocktake report --format csv); this sheet holds it up to 1."),
        "{strings}"
    );
    assert!(
        !strings.contains("gaps_summary"),
        "no matrix header in the workbook"
    );
}

#[test]
fn a_long_note_scrolls_an_escape_sequence_is_inert_and_a_conflict_is_said() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("files");
    let mut f = Factory::new();
    let long = format!(
        "\u{1b}]0;pwned\u{7}\u{1b}[2J{}",
        "Staff leave every month. ".repeat(200)
    );
    let s = session(&mut f, "Chad", Structure::CpAor, &long);
    // Two second revisions of one session: a conflict the collator has not resolved.
    let a = f.revise(&s, support::files::classify("mechanism_in_place"));
    let b = f.revise(&s, support::files::classify("not_working_not_aware"));
    for (n, x) in [("r1.toml", &s), ("a.toml", &a), ("b.toml", &b)] {
        std::fs::write(files.join(n), support::files::bytes(x)).expect("write");
    }
    let (code, _, err) = stocktake(dir.path(), &["collate", "--db", "c.db", "files"]);
    assert_eq!(code, 0, "{err}");
    let set = Set {
        dir,
        mali: s.clone(),
        chad: s,
        f,
    };
    let mut st = state(&set);
    press(&mut st, "llll<enter>");
    let screen = draw(&st, true, (80, 24));
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
        "{screen:?}"
    );
    assert!(screen.contains("more below (PgDn)"), "{screen}");
    assert!(screen.contains("unresolved conflict"), "{screen}");
    press(&mut st, "<pgdn><pgdn>");
    let later = draw(&st, true, (80, 24));
    assert_ne!(later, screen, "PgDn scrolls");
}

#[test]
fn what_was_said_lists_200_texts_a_question_and_says_how_many_there_are() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("files");
    let mut f = Factory::new();
    for i in 0..201 {
        let s = session(
            &mut f,
            &format!("Response {i}"),
            Structure::ProtectionCluster,
            &format!("Gap number {i}."),
        );
        std::fs::write(files.join(format!("{i}.toml")), support::files::bytes(&s)).expect("write");
    }
    let (code, _, err) = stocktake(dir.path(), &["collate", "--db", "c.db", "files"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = stocktake(
        dir.path(),
        &[
            "report", "--db", "c.db", "--out", "r", "--format", "md,html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("r/report.md")).expect("md");
    assert!(
        md.contains("The first 200 of 201 texts; every one is in long.csv"),
        "{md}"
    );
    assert_eq!(md.matches("> Gap number ").count(), 200);
    let html = std::fs::read_to_string(dir.path().join("r/report.html")).expect("html");
    assert!(html.contains("The first 200 of 201 texts; every one is in long.csv"));
}

#[test]
fn the_matrix_by_question_has_a_column_and_a_summary_per_question() {
    let set = collated();
    let mut s = state(&set);
    // To the gaps section, then a column per question: on its first question.
    press(&mut s, "llll");
    assert_eq!(s.matrix.columns[s.col].section, "gaps");
    press(&mut s, "v");
    assert_eq!(s.by, stocktake::report::MatrixBy::Question);
    let col = &s.matrix.columns[s.col];
    assert_eq!(
        col.section, "gaps/challenges",
        "the section's first question anyone answered"
    );
    assert_eq!(col.questions.len(), 1);
    let cell = &s.matrix.rows[s.row].cells[s.col];
    assert!(
        cell.items.iter().all(|i| i.question == "challenges"),
        "{cell:?}"
    );
    assert_eq!(cell.items[0].texts[0].text, MALI);
    // Only questions someone answered or spoke to are columns.
    assert!(
        s.matrix.columns.iter().all(|c| c.section.contains('/')),
        "{:?}",
        s.matrix.columns
    );
    assert!(s.matrix.columns.len() < 10, "{:?}", s.matrix.columns);
    let top = draw(&s, false, (80, 24));
    assert!(top.contains("a column per question"), "{top}");
    // A summary of a question's cell is kept under section/question.
    let e = press(&mut s, "sFor this question only.<C-s>");
    let [stocktake::analyse::Effect::SetSummary(sum)] = e.as_slice() else {
        panic!("{e:?}");
    };
    assert_eq!(sum.section, "gaps/challenges");
    s.applied_effect(&e[0]);
    let db = CollationDb::open(&set.dir.path().join("c.db")).expect("db");
    db.set_summary(sum).expect("saved");
    // Back by section: the gaps column, whose summary is its own (none yet).
    press(&mut s, "v");
    assert_eq!(s.matrix.columns[s.col].section, "gaps");
    assert!(s.matrix.rows[s.row].cells[s.col].summary.is_none());
    // The report by question has that summary in its matrix.csv, section/question keyed.
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
            "csv,html",
            "--matrix-by",
            "question",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(set.dir.path().join("r/matrix.csv")).expect("matrix.csv");
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header.contains("gaps/challenges_summary,gaps/challenges"),
        "{header}"
    );
    assert!(csv.contains("For this question only."), "{csv}");
    let html = std::fs::read_to_string(set.dir.path().join("r/report.html")).expect("html");
    assert!(
        html.contains("<th>What challenges do you face in addressing trafficking?</th>"),
        "a question's column"
    );
    // And by section (the default), the question's summary stays out of the section's cell.
    let (code, _, err) = stocktake(
        set.dir.path(),
        &["report", "--db", "c.db", "--out", "r2", "--format", "csv"],
    );
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(set.dir.path().join("r2/matrix.csv")).expect("matrix.csv");
    assert!(!csv.contains("For this question only."), "{csv}");
    assert!(
        csv.lines()
            .next()
            .unwrap_or_default()
            .contains("gaps_summary,gaps")
    );
}
