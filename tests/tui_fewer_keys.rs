//! End to end at 80×24, the real binary in tmux: the keys that make a question take fewer
//! keystrokes (issue 16), each waited for on screen, and the store checked afterwards.

mod support;

use std::path::Path;

use stocktake::session::Value;
use stocktake::store::{Store, system_clock};
use support::tmux::Tmux;

const SECTION_TWO: &str = "Is trafficking in persons perceived as an issue";

/// stocktake in a pane of its own, on `dir`'s data, with `config` as its config file.
fn start(t: &Tmux, session: &str, dir: &Path, config: &str) {
    let data = dir.join("data").display().to_string();
    let cfg = dir.join(format!("{session}.toml"));
    std::fs::write(&cfg, config).expect("config");
    let cfg = cfg.display().to_string();
    t.start(
        session,
        (80, 24),
        dir,
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &cfg),
            ("USER", "amina"),
        ],
        &[env!("CARGO_BIN_EXE_stocktake")],
        "stocktake",
    );
}

/// A new call for `response`, on its first question.
fn new_call(t: &Tmux, s: &str, response: &str) {
    t.keys(s, &["n"]);
    t.wait_for(s, "New call");
    t.cmd(&["send-keys", "-t", s, "-l", response]);
    t.keys(s, &["C-s"]);
    t.wait_for(s, "Q 1/28");
}

/// Send `keys` one by one, each waited for (`None`: only for the screen to settle on
/// the same question count), and count them.
fn press(t: &Tmux, s: &str, steps: &[(&str, &str)]) -> usize {
    for (key, then) in steps {
        t.keys(s, &[key]);
        t.wait_for(s, then);
    }
    steps.len()
}

fn store(dir: &Path) -> Store {
    Store::open(&dir.join("data"), system_clock())
        .expect("store")
        .0
}

/// The first section of the coordinator guide (consent yes, populations IDPs and
/// migrants, several crises no, definition explained yes), counted key by key: nine
/// keys without auto-advance, six with it (`docs/keys.md`).
#[test]
fn the_first_section_takes_six_keys_instead_of_nine() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("fewer", dir.path());

    start(&t, "before", dir.path(), "auto_advance = false\n");
    t.wait_for("before", "No interviews yet");
    new_call(&t, "before", "Mali");
    let before = press(
        &t,
        "before",
        &[
            ("1", "(•) Yes"),
            ("PageDown", "Q 2/28"),
            ("1", "[x] Internally displaced"),
            ("3", "[x] Migrants"),
            ("PageDown", "Q 3/28"),
            ("2", "(•) No"),
            ("PageDown", "Q 4/28"),
            ("1", "(•) Yes"),
            ("PageDown", SECTION_TWO),
        ],
    );
    t.keys("before", &["C-c"]);

    start(&t, "after", dir.path(), "");
    t.wait_for("after", "Mali");
    new_call(&t, "after", "Iraq");
    let after = press(
        &t,
        "after",
        &[
            ("1", "Q 2/28"),
            ("1", "[x] Internally displaced"),
            ("3", "[x] Migrants"),
            ("PageDown", "Q 3/28"),
            ("2", "Q 4/28"),
            ("1", SECTION_TWO),
        ],
    );
    let screen = t.wait_for("after", "Recorded “Yes”; next question (PgUp: back)");
    assert!(screen.contains("Q 5/28"), "{screen}");
    assert_eq!((before, after), (9, 6));
    // PgUp takes back the move, not the answer.
    t.keys("after", &["PageUp"]);
    t.wait_for("after", "Was the definition of trafficking");
    t.wait_for("after", "(•) Yes");
    t.keys("after", &["C-c"]);

    let store = store(dir.path());
    for row in store.summaries().expect("list") {
        let s = store.load_session(&row.id).expect("session");
        assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
        assert_eq!(
            s.answers["populations"].value,
            Some(Value::Choices(vec!["idps".into(), "migrants".into()]))
        );
        assert_eq!(
            s.answers["multiple_crises"].value,
            Some(Value::YesNo(false))
        );
        assert_eq!(
            s.answers["definition_explained"].value,
            Some(Value::YesNo(true))
        );
    }
}
