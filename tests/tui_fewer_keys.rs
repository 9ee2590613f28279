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

/// Ctrl-C, and wait for stocktake to be gone (it lets go of the store as it leaves).
fn quit(t: &Tmux, s: &str) {
    t.keys(s, &["C-c"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !t.dead(s) {
        assert!(
            std::time::Instant::now() < deadline,
            "stocktake did not quit"
        );
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
}

fn store(dir: &Path) -> Store {
    Store::open(&dir.join("data"), system_clock())
        .expect("store")
        .0
}

/// The first section of the coordinator guide (consent yes, populations IDPs and
/// migrants, several crises no, definition explained yes), counted key by key: nine
/// keys without auto-advance, six with it, five with Alt on the last tick (`docs/keys.md`).
#[test]
fn the_first_section_takes_five_keys_instead_of_nine() {
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
    quit(&t, "before");

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
    quit(&t, "after");

    // Alt-3 through a real terminal (ESC 3): the last tick, and on to the next question.
    start(&t, "alt", dir.path(), "");
    t.wait_for("alt", "Iraq");
    new_call(&t, "alt", "Syria");
    let alt = press(
        &t,
        "alt",
        &[
            ("1", "Q 2/28"),
            ("1", "[x] Internally displaced"),
            (
                "M-3",
                "Ticked “Migrants”, 2 ticks; next question (PgUp: back)",
            ),
            ("2", "Q 4/28"),
            ("1", SECTION_TWO),
        ],
    );
    assert_eq!(alt, 5);
    quit(&t, "alt");

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

/// A coordinator drops off: Alt-S asks, y marks the rest of the section not asked in one
/// step, and Ctrl-Z takes all of it back, also after a restart.
#[test]
fn the_rest_of_a_section_marked_not_asked_is_one_undo_even_after_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("rest", dir.path());
    start(&t, "a", dir.path(), "");
    t.wait_for("a", "No interviews yet");
    new_call(&t, "a", "Yemen");
    t.keys("a", &["1", "C-f"]);
    t.wait_for("a", "Find a question");
    t.cmd(&["send-keys", "-t", "a", "-l", "mechanism coord"]);
    t.keys("a", &["Enter"]);
    t.wait_for("a", "Which mechanism coordinates");
    t.keys("a", &["M-s"]);
    let dialog = t.wait_for("a", "Rest of the section not asked");
    assert!(dialog.contains("Mark 8 questions from here"), "{dialog}");
    t.keys("a", &["y"]);
    let screen = t.wait_for("a", "8 questions marked not asked — Ctrl-Z undoes");
    assert!(
        screen.contains("§4 · Q"),
        "on to the next section: {screen}"
    );
    t.wait_for("a", "✓ saved");
    quit(&t, "a");
    let marked = |dir: &Path| {
        let store = store(dir);
        let row = &store.summaries().expect("list")[0];
        let s = store.load_session(&row.id).expect("session");
        s.answers
            .values()
            .filter(|a| a.special == Some(stocktake::session::Special::NotAsked))
            .count()
    };
    assert_eq!(marked(dir.path()), 8);

    start(&t, "b", dir.path(), "");
    t.wait_for("b", "Yemen");
    t.keys("b", &["Enter"]);
    t.wait_for("b", "§4 · Q");
    t.keys("b", &["C-z"]);
    t.wait_for("b", "Undone: 8 answers marked not asked — Ctrl-Y redoes");
    t.wait_for("b", "§3 · Q");
    t.wait_for("b", "Which mechanism coordinates");
    t.wait_for("b", "✓ saved");
    quit(&t, "b");
    assert_eq!(marked(dir.path()), 0);
}
