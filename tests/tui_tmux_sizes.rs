//! End to end at the edges of the sizes stocktake supports (issue 17), the real binary in
//! tmux: at 60×20 every field of the new-call form is on screen when Tab reaches it, and at
//! 200×60 the question's guidance has a column of its own.

mod support;

use std::path::Path;

use support::tmux::Tmux;

/// stocktake in a pane of `size`, on `dir`'s data, with no config of the user's.
fn start(t: &Tmux, session: &str, size: (u16, u16), dir: &Path) {
    let data = dir.join("data").display().to_string();
    let cfg = dir.join("none.toml").display().to_string();
    t.start(
        session,
        size,
        dir,
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &cfg),
            ("USER", "amina"),
        ],
        &[env!("CARGO_BIN_EXE_stocktake")],
        "No interviews yet",
    );
}

/// The pane with its attributes: a focused tick box is drawn reversed (`ESC [7m`), with
/// colour or without, so the box Tab reached is the one shown reversed.
fn reversed(t: &Tmux, session: &str, text: &str) -> bool {
    t.cmd(&["capture-pane", "-t", session, "-p", "-e"])
        .contains(&format!("\u{1b}[7m{text}"))
}

/// Press `key` and wait until `text` is on screen and drawn as the focused one.
fn focus(t: &Tmux, s: &str, key: &str, text: &str) {
    t.keys(s, &[key]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !reversed(t, s, text) {
        assert!(
            std::time::Instant::now() < deadline,
            "after {key}, {text:?} is not shown focused:\n{}",
            t.screen(s)
        );
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
}

#[test]
fn at_60x20_tab_reaches_every_tick_box_in_view_and_the_form_scrolls() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("form60", dir.path());
    let s = "form";
    start(&t, s, (60, 20), dir.path());
    t.keys(s, &["n"]);
    t.wait_for(s, "New call");
    t.type_text(s, "South Sudan");
    // Each box, as Tab reaches it, is on screen and is the one shown focused; Space ticks
    // the one shown.
    focus(&t, s, "Tab", "[x] Protection Cluster");
    for name in ["CP AOR", "GBV AOR", "Other"] {
        focus(&t, s, "Tab", &format!("[ ] {name}"));
        t.keys(s, &["Space"]);
        t.wait_for(s, &format!("[x] {name}"));
    }
    // Other asks for its name; then three more participants make the form taller than
    // the pane.
    t.keys(s, &["Tab"]);
    t.type_text(s, "Shelter Cluster");
    t.wait_for(s, "Shelter Cluster");
    t.keys(s, &["Tab", "Tab", "Tab"]);
    for n in 2..=4 {
        t.keys(s, &["Enter"]);
        t.wait_for(s, &format!("Participant {n}"));
        t.keys(s, &["Tab", "Tab"]);
    }
    t.keys(s, &["Tab", "Tab"]);
    focus(&t, s, "Tab", "[ Start interview ]");
    let bottom = t.screen(s);
    assert!(!bottom.contains(" Guide "), "the form scrolled:\n{bottom}");
    // Back up with Shift-Tab: the boxes come back into view as they are reached.
    for _ in 0..12 {
        t.keys(s, &["BTab"]);
    }
    t.wait_for(s, "Other structure");
    focus(&t, s, "BTab", "[x] Other");
    focus(&t, s, "BTab", "[x] GBV AOR");
    t.keys(s, &["C-s"]);
    t.wait_for(s, "Q 1/28");
    let screen = t.wait_for(s, "4 Shel");
    // Four tabs in 60 columns: each keeps a piece of its name.
    let tabs = screen.lines().nth(1).unwrap_or_default();
    for name in ["1 Prot", "2 CP", "3 GBV", "4 Shel"] {
        assert!(tabs.contains(name), "{name}: {tabs}");
    }
}

#[test]
fn at_200x60_the_guidance_has_its_own_column() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("wide200", dir.path());
    let s = "wide";
    start(&t, s, (200, 60), dir.path());
    t.keys(s, &["n"]);
    t.wait_for(s, "New call");
    t.type_text(s, "South Sudan");
    t.keys(s, &["C-s"]);
    t.wait_for(s, "Q 1/28");
    // The column's last word: the frame is all on screen, not half of it (a slow link, or
    // a busy machine, shows a frame in pieces).
    let screen = t.wait_for(s, "individuals.");
    let title = screen
        .lines()
        .find(|l| l.contains("Did the participants agree"))
        .unwrap_or_default();
    // The column's title sits on the question's first line, right of the question pane.
    let header = screen
        .lines()
        .find(|l| l.contains("1 Call and respondents · 1 of 4"))
        .unwrap_or_default();
    assert!(header.trim_end().ends_with("│ Guidance"), "{header}");
    assert!(!title.contains("Explain"), "not inline: {title}");
    // Whole, not two lines and Alt-G.
    assert!(!screen.contains("(Alt-G: all)"), "{screen}");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "§ The country or response, the structure, the participants and the interviewer are recorded when the call is created.",
        "Explain that notes are shared only with the Task Team and that findings are reported without naming individuals.",
    ] {
        let shown: Vec<&str> = words.split(' ').collect();
        assert!(shown.iter().all(|w| flat.contains(w)), "{words}\n{screen}");
    }
    // The column follows the question.
    t.keys(s, &["1"]);
    t.wait_for(s, "Q 2/28");
    t.wait_for(s, "No guidance for this question.");
}
