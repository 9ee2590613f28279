//! A guide that declares its own respondent types (a key-informant guide: community
//! leader, women's group, youth), end to end through the real binary: `guide check`, the
//! new-call form at 80×24 offering its types, two sessions recorded in tmux, synced,
//! collated and reported as "n = 2 community leaders", and never as a protection cluster.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::tmux::Tmux;

const GUIDE: &str = "tests/fixtures/guides/ki-community.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stocktake(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env("HOME", dir)
        .env_remove("STOCKTAKE_OUTBOX")
        .output()
        .expect("run stocktake")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_key_informant_guide_passes_check() {
    let out = ok(&stocktake(root(), &["guide", "check", GUIDE]));
    assert!(
        out.contains("ok: ki-community version 1, 2 sections, 5 questions"),
        "{out}"
    );
}

/// From the list: a call of the key-informant guide in `response`, its first type (a
/// community leader) ticked as the form starts it; the consent and one answer, completed.
fn leader_call(t: &Tmux, response: &str) {
    t.keys("s", &["n"]);
    t.wait_for("s", "New call");
    // The coordinator guide comes first: one step back to the guide, one along.
    t.keys("s", &["BTab", "BTab", "Right"]);
    let form = t.wait_for("s", "[x] Leader [ ] Women's group [ ] Youth");
    assert!(form.contains("Community key informants"), "{form}");
    assert!(
        !form.to_lowercase().contains("protection cluster"),
        "{form}"
    );
    assert!(!form.contains("CP AOR"), "{form}");
    t.keys("s", &["Tab", "Tab"]);
    t.type_text("s", response);
    t.keys("s", &["C-s"]);
    t.wait_for("s", &format!("{response} · Leader"));
    t.wait_for("s", "Q 1/4");
    // A first single answer moves on by itself (auto-advance).
    t.keys("s", &["1"]);
    t.wait_for("s", "offered work far away");
    t.keys("s", &["2", "M-r"]);
    t.wait_for("s", "Review:");
    t.keys("s", &["c"]);
    t.wait_for("s", "Complete session");
    t.keys("s", &["y"]);
    t.wait_for("s", "RESPONSE");
}

#[test]
fn sessions_of_a_guides_own_types_are_recorded_collated_and_reported_under_its_names() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let guides = d.join("guides");
    std::fs::create_dir(&guides).expect("guides");
    std::fs::copy(root().join(GUIDE), guides.join("ki-community.toml")).expect("copy");
    let t = Tmux::new("respondents", d);
    let data = d.join("data").display().to_string();
    let config = d.join("no-config.toml").display().to_string();
    t.start(
        "s",
        (80, 24),
        d,
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &config),
            ("USER", "amina"),
        ],
        &[
            env!("CARGO_BIN_EXE_stocktake"),
            "--guides",
            &guides.display().to_string(),
        ],
        "stocktake",
    );
    leader_call(&t, "Kakuma");
    leader_call(&t, "Dadaab");
    let home = t.wait_for("s", "Dadaab");
    assert!(
        home.contains("Leader"),
        "the list names the guide's type: {home}"
    );
    t.keys("s", &["q"]);

    let outbox = d.join("outbox");
    std::fs::create_dir(&outbox).expect("outbox");
    let outbox = outbox.display().to_string();
    ok(&stocktake(d, &["sync", "--to", &outbox]));
    let names: Vec<String> = std::fs::read_dir(&outbox)
        .expect("outbox")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.iter().all(|n| n.contains("_community_leader_")),
        "{names:?}"
    );
    let g = guides.display().to_string();
    ok(&stocktake(
        d,
        &["--guides", &g, "collate", &outbox, "--db", "c.db"],
    ));
    ok(&stocktake(
        d,
        &[
            "report",
            "--db",
            "c.db",
            "--out",
            "report",
            "--format",
            "html,md,csv",
        ],
    ));
    let md = std::fs::read_to_string(d.join("report/report.md")).expect("md");
    let html = std::fs::read_to_string(d.join("report/report.html")).expect("html");
    for (name, text) in [("report.md", &md), ("report.html", &html)] {
        assert!(text.contains("n = 2 community leaders"), "{name}:\n{text}");
        assert!(
            !text.to_lowercase().contains("protection cluster"),
            "{name} names a protection cluster:\n{text}"
        );
        assert!(
            text.contains("Women's group")
                || text.contains("Women&#39;s group")
                || text.contains("Women&#x27;s group"),
            "{name}: every declared type listed, reached or not"
        );
        // Headings name respondent types, not coordination structures.
        assert!(text.contains("by respondent type"), "{name}");
        assert!(!text.contains("by structure"), "{name}");
        assert!(!text.contains("all structures"), "{name}");
    }
    let wide = std::fs::read_to_string(d.join("report/wide.csv")).expect("wide");
    assert!(wide.contains(",community_leader,"), "{wide}");
}

#[test]
fn a_session_of_a_type_its_guide_does_not_declare_is_kept_under_its_id_and_flagged() {
    use stocktake::collate::{CollationDb, collate};
    use stocktake::guide::{Catalog, Structure};
    use stocktake::report::{Report, ReportOptions};
    use stocktake::session::Value;

    let dir = tempfile::tempdir().expect("dir");
    let g = support::coordinator();
    let odd = Structure::parse("shelter_cluster").expect("an id");
    assert!(g.guide.respondent(odd).is_none());
    let mut store =
        stocktake::store::Store::open_in_memory(stocktake::store::system_clock()).expect("store");
    let (_, mut ss) =
        support::create_call(&mut store, &g, &support::new_call(&[odd])).expect("call");
    let mut s = ss.remove(0);
    let now = store.now();
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("consent");
    s.set_value(
        &g.guide,
        "tip_engagement",
        Value::Choice("anecdotal_only".into()),
        now,
    )
    .expect("answer");
    s.complete(&g.guide, now).expect("complete");
    let p = dir.path().join("odd.toml");
    std::fs::write(&p, stocktake::sync::render(&s, &g)).expect("write");
    let mut db = CollationDb::open(&dir.path().join("c.db")).expect("db");
    let summary = collate(
        &mut db,
        &[p],
        &Catalog::bundled(),
        &Default::default(),
        "t",
        &mut |_, _, _| {},
    )
    .expect("collate");
    assert_eq!(
        (summary.new, summary.quarantined),
        (1, 0),
        "read, not refused"
    );
    let report = Report::build(&db, ReportOptions::default()).expect("report");
    let fig = report.sections[0]
        .summaries
        .iter()
        .find(|d| d.question == "tip_engagement" && d.structure() == Some(odd))
        .expect("its own table");
    assert_eq!(
        fig.denominator(report.say()),
        "n = 1 session of `shelter_cluster` (a type the guide does not declare)"
    );
    assert!(fig.group.as_ref().is_some_and(|g| g.is_undeclared()));
}
