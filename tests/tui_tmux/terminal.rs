//! What the program does to the terminal: resizing, pasted escape sequences, the bytes a key costs over a slow link, a terminal too small, the locale.

use super::*;

#[test]
fn resize_to_80x24_and_back() {
    let t = Tmux::new("resize");
    t.start("a", 120, 40);
    new_call(&t, "a");
    let wide = t.wait_for("a", "✓ saved");
    assert!(
        wide.lines().next().is_some_and(|l| l.chars().count() > 100),
        "{wide}"
    );
    t.cmd(&["resize-window", "-t", "a", "-x", "80", "-y", "24"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let s = t.screen("a");
        let first = s.lines().next().unwrap_or("").to_string();
        if first.trim_end().ends_with("✓ saved") && first.chars().count() <= 80 {
            assert!(s.contains("Did the participants agree"), "{s}");
            assert!(s.lines().count() <= 24);
            break;
        }
        assert!(Instant::now() < deadline, "did not redraw at 80x24:\n{s}");
        std::thread::sleep(Duration::from_millis(40));
    }
    t.cmd(&["resize-window", "-t", "a", "-x", "120", "-y", "40"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let s = t.screen("a");
        if s.lines()
            .next()
            .is_some_and(|l| l.trim_end().chars().count() > 100)
        {
            break;
        }
        assert!(Instant::now() < deadline, "did not redraw at 120x40:\n{s}");
        std::thread::sleep(Duration::from_millis(40));
    }
}

/// Every paste buffer of the server, as `name: first bytes`.
fn buffers(t: &Tmux) -> Vec<String> {
    t.cmd(&["list-buffers", "-F", "#{buffer_name}: #{buffer_sample}"])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn pasted_escape_sequences_do_nothing_to_the_terminal() {
    // tmux ignores an application's OSC 52 unless set-clipboard is on: with it on, a
    // clipboard write that reached the terminal would show up as a new paste buffer.
    let t = Tmux::with_options("paste", "set -g set-clipboard on\n");
    // First, that this setup can see one: a raw OSC 52 from printf makes a buffer.
    t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "probe",
        "printf '\\033]52;c;UHJvYmU=\\007'; sleep 5",
    ]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !buffers(&t).iter().any(|b| b.ends_with("Probe")) {
        assert!(
            Instant::now() < deadline,
            "a raw OSC 52 made no buffer: {:?}",
            buffers(&t)
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    t.cmd(&["kill-session", "-t", "probe"]);
    for b in buffers(&t) {
        if let Some((name, _)) = b.split_once(':') {
            t.cmd(&["delete-buffer", "-b", name]);
        }
    }
    t.start("a", 80, 24);
    new_call(&t, "a");
    let title_before = t.cmd(&["display-message", "-p", "-t", "a", "#{pane_title}"]);
    t.keys("a", &["Tab"]);
    // An OSC title sequence and an OSC 52 clipboard write, pasted (bracketed) into a note.
    t.cmd(&[
        "set-buffer",
        "-b",
        "evil",
        "Heard:\u{1b}]0;pwned\u{7} and \u{1b}]52;c;SGVsbG8=\u{7} QQEND",
    ]);
    t.cmd(&["paste-buffer", "-p", "-b", "evil", "-t", "a"]);
    let s = t.wait_for("a", "QQEND");
    assert!(s.contains("Heard:\\u{1b}]0;pwned"), "{s}");
    let title_after = t.cmd(&["display-message", "-p", "-t", "a", "#{pane_title}"]);
    assert_eq!(title_before, title_after);
    // The screen shows the text after the paste: any OSC 52 stocktake let through would
    // have reached tmux before it. Only our own buffer may be there.
    let names: Vec<String> = buffers(&t)
        .iter()
        .filter_map(|b| b.split_once(':').map(|(n, _)| n.to_string()))
        .collect();
    assert_eq!(names, ["evil"], "the clipboard was written");
    let store = t.store();
    let id = &store.summaries().expect("list")[0].id;
    let note = store.load_session(id).expect("load").answers["consent"]
        .note
        .clone();
    assert!(
        !note.contains('\u{1b}') && !note.contains('\u{7}'),
        "{note:?}"
    );
}

#[test]
fn typing_a_note_sends_few_bytes_per_key_and_never_clears_the_screen() {
    let t = Tmux::new("bytes");
    t.start("a", 80, 24);
    new_call(&t, "a");
    t.keys("a", &["Tab"]);
    t.wait_for("a", "✓ saved");
    let text: String = "The police family unit asked for an anti-trafficking module. "
        .repeat(4)
        .chars()
        .take(200)
        .collect();
    let bytes = typed_bytes(&t, "a", &text, "anti-trafficking module. The police");
    let per_key = bytes.len() as f64 / text.chars().count() as f64;
    let clears = bytes.windows(4).filter(|w| *w == b"\x1b[2J").count()
        + bytes.windows(3).filter(|w| *w == b"\x1b[J").count();
    // nano, in the same run and the same pty size, typing the same text at the same pace:
    // the bar is what a terminal editor costs (issue 18). Without nano (CI installs it), the
    // figure measured with nano 7.2 on this machine, 19 bytes a key.
    let nano = Command::new("nano")
        .arg("--version")
        .output()
        .is_ok()
        .then(|| {
            let file = t.path().join("note.txt");
            t.cmd(&[
                "new-session",
                "-d",
                "-s",
                "nano",
                "-x",
                "80",
                "-y",
                "24",
                "-e",
                "TERM=xterm-256color",
                "nano",
                "--ignorercfiles",
                &file.display().to_string(),
            ]);
            t.wait_for("nano", "GNU nano");
            let b = typed_bytes(&t, "nano", &text, "anti-trafficking module. The police");
            b.len() as f64 / text.chars().count() as f64
        });
    eprintln!(
        "{} bytes for {} keys: {per_key:.1} bytes per key, {clears} clears; nano {}",
        bytes.len(),
        text.chars().count(),
        nano.map_or("not installed (bar: 19)".to_string(), |n| format!(
            "{n:.1} bytes per key"
        ))
    );
    assert_eq!(clears, 0, "the screen was cleared while typing");
    let bar = nano.unwrap_or(19.0);
    assert!(per_key <= bar, "{per_key:.1} bytes per key, nano {bar:.1}");
}

/// Every byte a pane writes to its terminal while `text` is typed into it at a typist's
/// pace (each key its own frame, as on a live call), until `until` shows.
fn typed_bytes(t: &Tmux, session: &str, text: &str, until: &str) -> Vec<u8> {
    let log = t.path().join(format!("{session}.bytes"));
    t.cmd(&[
        "pipe-pane",
        "-t",
        session,
        "-o",
        &format!("cat >> '{}'", log.display()),
    ]);
    for c in text.chars() {
        t.type_text(session, &c.to_string());
        std::thread::sleep(Duration::from_millis(8));
    }
    t.wait_for(session, until);
    std::thread::sleep(Duration::from_millis(300));
    t.cmd(&["pipe-pane", "-t", session]);
    std::fs::read(&log).expect("captured output")
}

#[test]
fn a_terminal_too_small_says_so_and_keys_wait_until_it_is_enlarged() {
    let t = Tmux::new("small");
    t.start("a", 40, 12);
    t.wait_for("a", "needs");
    let s = t
        .screen("a")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains("stocktake needs at least 50×16"), "{s}");
    // A key typed blind does nothing: no new-call form behind the message.
    t.keys("a", &["n"]);
    std::thread::sleep(Duration::from_millis(300));
    t.cmd(&["resize-window", "-t", "a", "-x", "80", "-y", "24"]);
    let s = t.wait_for("a", "No interviews yet");
    assert!(!s.contains("New call"), "{s}");
}

#[test]
fn the_program_speaks_the_locale_unless_told_otherwise() {
    let t = Tmux::new("lang");
    let bin = env!("CARGO_BIN_EXE_stocktake");
    t.cmd(&["set-option", "-g", "remain-on-exit", "on"]);
    t.start_with("fr", 80, 24, bin, &["LANG=fr_FR.UTF-8"]);
    t.wait_for("fr", "Aucun entretien pour l'instant");
    t.start_with(
        "en",
        80,
        24,
        &format!("{bin} --ui-language en"),
        &["LANG=fr_FR.UTF-8"],
    );
    t.wait_for("en", "No interviews yet");
}
