//! What survives the program being killed, hung up on or restarted: the keystrokes typed, and their undo.

use super::*;

#[test]
fn resume_after_kill_9_mid_note() {
    let t = Tmux::new("kill");
    t.start("a", 80, 24);
    new_call(&t, "a");
    t.keys("a", &["C-f"]);
    t.wait_for("a", "Find a question");
    t.type_text("a", "promising");
    t.keys("a", &["Enter", "Tab"]);
    t.wait_for("a", "What promising practices");
    t.type_text("a", "The police family unit asked for a mod");
    t.wait_for("a", "asked for a mod");
    t.wait_for("a", "✓ saved");
    let pid = t.pane_pid("a");
    Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    let deadline = Instant::now() + Duration::from_secs(5);
    while alive(pid) {
        assert!(Instant::now() < deadline, "still running after kill -9");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.start("b", 80, 24);
    t.wait_for("b", "in progress");
    t.keys("b", &["Enter"]);
    let s = t.wait_for("b", "The police family unit asked for a mod");
    assert!(s.contains("What promising practices"), "{s}");
    // The same field: typing continues the note.
    t.type_text("b", "ule.");
    t.wait_for("b", "asked for a module.");
    t.keys("b", &["Escape"]);
    let store = t.store();
    let id = &store.summaries().expect("list")[0].id;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let s = store.load_session(id).expect("load");
        if s.answers["promising_practices"].note == "The police family unit asked for a module." {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{:?}",
            s.answers.get("promising_practices")
        );
        std::thread::sleep(Duration::from_millis(40));
    }
}

#[test]
fn sighup_saves_and_exits() {
    let t = Tmux::new("hup");
    // A shell runs stocktake and records its exit status: tmux learns a status only when
    // it gets round to reaping the process, which it may not do promptly.
    let status_file = t.path().join("exit-status");
    let script = format!(
        "{} ; echo $? > {}",
        env!("CARGO_BIN_EXE_stocktake"),
        status_file.display()
    );
    t.start_command("a", 80, 24, &format!("sh -c '{script}'"));
    new_call(&t, "a");
    t.keys("a", &["Tab"]);
    t.type_text("a", "Said just before the line dropped");
    t.wait_for("a", "line dropped");
    t.wait_for("a", "✓ saved");
    let shell = t.pane_pid("a");
    let children =
        std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).expect("children");
    let pid: u32 = children
        .split_whitespace()
        .next()
        .expect("stocktake runs under the shell")
        .parse()
        .expect("pid");
    Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .expect("kill");
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            break s;
        }
        assert!(Instant::now() < deadline, "still running 5 s after SIGHUP");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.trim(), "0", "exit status after SIGHUP");
    let store = t.store();
    let id = &store.summaries().expect("list")[0].id;
    assert_eq!(
        store.load_session(id).expect("load").answers["consent"].note,
        "Said just before the line dropped"
    );
}

/// Undo reaches back past saving, quitting and starting again: the store's history is what
/// it steps through. Clearing an answer says how to get it back.
#[test]
fn ctrl_z_undoes_what_was_saved_before_a_restart() {
    let t = Tmux::new("undo");
    t.start("a", 80, 24);
    t.wait_for("a", "No interviews yet");
    t.keys("a", &["n"]);
    t.wait_for("a", "New call");
    t.type_text("a", "Kenya");
    t.keys("a", &["C-s"]);
    t.wait_for("a", "Q 1/28");
    t.keys("a", &["1"]);
    t.wait_for("a", "next question (PgUp: back)");
    t.keys("a", &["PageUp"]);
    t.wait_for("a", "(•) Yes");
    t.type_text("a", "Agreed at once");
    t.wait_for("a", "Agreed at once");
    t.escape("a", "▸ Answer");
    t.keys("a", &["BSpace"]);
    t.wait_for("a", "Cleared — Ctrl-Z undoes");
    t.keys("a", &["C-z"]);
    t.wait_for("a", "(•) Yes");
    t.keys("a", &["q"]);
    t.wait_for("a", "Quit stocktake?");
    t.keys("a", &["q"]);
    let pid = t.pane_pid("a");
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(pid) {
        assert!(Instant::now() < deadline, "stocktake did not quit");
        std::thread::sleep(Duration::from_millis(40));
    }

    t.start("b", 80, 24);
    t.wait_for("b", "Kenya");
    t.keys("b", &["Enter"]);
    t.wait_for("b", "Agreed at once");
    // The last step was the undo of the clearing (the answer back); before it the
    // clearing, the note, then the tick.
    t.keys("b", &["C-z"]);
    t.wait_for("b", "Undone: answer of");
    t.keys("b", &["C-z"]);
    t.wait_for("b", "(•) Yes");
    t.keys("b", &["C-z"]);
    let screen = t.wait_for("b", "Undone: note of");
    assert!(!screen.contains("Agreed at once"), "{screen}");
    t.keys("b", &["C-y"]);
    t.wait_for("b", "Agreed at once");
    t.wait_for("b", "✓ saved");
    let store = t.store();
    let rows = store.summaries().expect("list");
    let s = store.load_session(&rows[0].id).expect("session");
    assert_eq!(s.answers["consent"].note, "Agreed at once");
    assert_eq!(s.answers["consent"].value, Some(Value::YesNo(true)));
}
