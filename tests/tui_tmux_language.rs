//! End to end, the real binary in tmux: with no language chosen, the program's words
//! follow the call's language, and Alt-L (the guide's language for the call) switches
//! them too; `--ui-language` holds whatever the call is in (`docs/translating.md`).

mod support;

use std::path::Path;

use support::tmux::Tmux;

/// stocktake with a French locale, no config of the user's, and `args`.
fn start(t: &Tmux, session: &str, dir: &Path, args: &[&str], wait: &str) {
    let data = dir.join("data").display().to_string();
    let cfg = dir.join("none.toml").display().to_string();
    let mut argv = vec![env!("CARGO_BIN_EXE_stocktake")];
    argv.extend_from_slice(args);
    t.start(
        session,
        (80, 24),
        dir,
        &[
            ("STOCKTAKE_DATA_DIR", &data),
            ("STOCKTAKE_CONFIG", &cfg),
            ("USER", "amina"),
            ("LANG", "fr_FR.UTF-8"),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
        ],
        &argv,
        wait,
    );
}

#[test]
fn alt_l_puts_the_hint_bar_in_the_calls_new_language() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("follow", dir.path());
    let s = "follow";
    // The list speaks the locale; the call is held in English, so the call speaks English.
    start(&t, s, dir.path(), &[], "Aucun entretien pour l'instant");
    t.keys(s, &["n"]);
    t.wait_for(s, "Tab champ suivant");
    t.type_text(s, "South Sudan");
    t.keys(s, &["C-s"]);
    t.wait_for(s, "PgDn next");
    t.keys(s, &["M-l"]);
    let screen = t.wait_for(s, "PgSuiv suivante");
    assert!(screen.contains("Langue du guide\u{a0}: fr"), "{screen}");
    t.keys(s, &["M-l"]);
    t.wait_for(s, "PgDn next");
}

#[test]
fn ui_language_holds_the_words_whatever_the_call_is_in() {
    let dir = tempfile::tempdir().expect("dir");
    let t = Tmux::new("held", dir.path());
    let s = "held";
    start(
        &t,
        s,
        dir.path(),
        &["--ui-language", "en"],
        "No interviews yet",
    );
    t.keys(s, &["n"]);
    t.wait_for(s, "Tab next field");
    t.type_text(s, "South Sudan");
    t.keys(s, &["C-s"]);
    t.wait_for(s, "PgDn next");
    t.keys(s, &["M-l"]);
    let screen = t.wait_for(s, "Guide language: fr");
    assert!(screen.contains("PgDn next"), "{screen}");
}
