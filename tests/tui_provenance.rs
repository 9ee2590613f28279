//! How an answer came to be, marked in the real binary in tmux (issue 16): the answer
//! before the definition kept and shown, an option marked volunteered, both still there
//! after quitting and starting again, and Ctrl-Z taking the mark back then.

mod support;

use stocktake::session::{Elicited, Value};
use stocktake::store::Store;

#[test]
fn in_tmux_marks_survive_a_restart_and_undo_takes_them_back_after_it() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let t = support::tmux::Tmux::new("provenance", d);
    t.stocktake("s", d);
    t.new_call("s", "Juba");
    t.type_text("s", "1");
    t.keys("s", &["C-f"]);
    t.type_text("s", "perceived");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "perceived as an issue");
    // No, then the definition is explained, then yes.
    // No hides the forms of trafficking: on to the next question.
    t.type_text("s", "2");
    t.wait_for("s", "Where does the information");
    t.keys("s", &["PPage"]);
    t.wait_for("s", "perceived as an issue");
    t.keys("s", &["M-b"]);
    t.wait_for("s", "Definition explained");
    t.type_text("s", "1");
    let screen = t.wait_for("s", "after the definition (before: no)");
    assert!(screen.contains("(•) Yes"), "{screen}");
    t.keys("s", &["PageDown"]);
    t.wait_for("s", "Which forms of trafficking");
    t.type_text("s", "3");
    t.keys("s", &["M-v"]);
    t.wait_for("s", "Forced labour · volunteered");

    // Quit and start again: the marks were saved with the answers.
    t.keys("s", &["C-c"]);
    t.cmd(&["kill-session", "-t", "s"]);
    t.stocktake("s", d);
    t.wait_for("s", "Juba");
    t.keys("s", &["Enter"]);
    let screen = t.wait_for("s", "Forced labour · volunteered");
    assert!(screen.contains("[x] Forced labour"), "{screen}");
    t.keys("s", &["C-z"]);
    let screen = t.wait_for("s", "Undone: how the answer came");
    assert!(!screen.contains("· volunteered"), "{screen}");
    t.keys("s", &["C-c"]);

    let store = Store::open(&d.join("data"), stocktake::store::system_clock())
        .expect("store")
        .0;
    let s = store.summaries().expect("list").remove(0);
    let s = store.load_session(&s.id).expect("session");
    let issue = &s.answers["tip_is_issue"];
    assert_eq!(issue.value, Some(Value::YesNo(true)));
    assert_eq!(
        issue
            .provenance
            .before_definition
            .as_ref()
            .and_then(|e| e.value.clone()),
        Some(Value::YesNo(false))
    );
    assert!(
        !s.answers["tip_forms"]
            .elicited_now()
            .contains(&("forced_labour", Elicited::Volunteered)),
        "undone after the restart"
    );
}
