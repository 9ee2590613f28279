//! The review and the end-of-call read-back (issue 16), driven headless key by key: what
//! the interviewer reads back, the coordinator's answer kept in the store and in the
//! completed revision's file, and a read-back that answers changed after.

mod support;

use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

fn driver() -> (Driver, TestClock) {
    let (tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    (
        Driver::new(store, Catalog::bundled(), "amina", Theme { color: true }),
        tc,
    )
}

fn session(d: &Driver, tab: usize) -> stocktake::session::Session {
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    d.store
        .load_session(&v.interview.sessions[tab].id)
        .expect("stored")
}

#[test]
fn a_confirmed_read_back_is_kept_in_the_store_and_in_the_completed_file() {
    let (mut d, tc) = driver();
    // Consent, then the classification: mechanisms in place.
    d.press("nSouth Sudan<C-s>1<C-f>overall<enter>1");
    let id = session(&d, 0).id;
    tc.advance(60);
    d.press("<A-r>b");
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("Read back · Protection Cluster"),
        "{screen}"
    );
    assert!(screen.contains("→ Mechanisms in place"), "{screen}");
    assert!(screen.contains("→ yes"), "{screen}");
    assert!(
        session(&d, 0).read_back.is_none(),
        "nothing before the answer"
    );
    d.press("y");
    let rb = session(&d, 0).read_back.expect("recorded");
    assert!(rb.confirmed);
    assert!(d.screen(80, 24).contains("confirmed by the coordinator"));
    // Back to the list, which says so; then complete.
    d.press("<esc>");
    assert!(
        d.screen(80, 24).contains(": confirmed"),
        "{}",
        d.screen(80, 24)
    );
    d.press("c");
    assert!(d.screen(80, 24).contains("Complete session"));
    d.press("y");
    let file = d
        .store
        .revision_file(&id, 1)
        .expect("store")
        .expect("completed");
    let text = String::from_utf8(file.content).expect("utf8");
    assert!(text.contains("format = \"stocktake.session.v3\""), "{text}");
    assert!(
        text.contains(&format!(
            "read_back = {{ at = {}, confirmed = true }}",
            rb.at
        )),
        "{text}"
    );
    let back = stocktake::sync::parse_session_file(text.as_bytes(), "f.toml").expect("reads");
    assert_eq!(back.session.read_back, Some(rb));
}

#[test]
fn corrections_asked_go_back_to_the_list_and_a_later_change_asks_for_another_read_back() {
    let (mut d, tc) = driver();
    d.press("nSouth Sudan<C-s>1<A-r>bn");
    let id = session(&d, 0).id;
    let rb = session(&d, 0).read_back.expect("recorded");
    assert!(!rb.confirmed, "corrections asked");
    let screen = d.screen(80, 24);
    assert!(screen.contains("Review:"), "back on the list: {screen}");
    assert!(screen.contains("corrections asked"), "{screen}");
    // The correction: populations ticked after the read-back.
    tc.advance(60);
    d.press("<esc><C-f>population groups<enter>2");
    d.press("<A-r>");
    let screen = d.screen(80, 24);
    assert!(
        screen.contains("changed since:") && screen.contains("b reads it back again"),
        "the line wraps, never cut: {screen}"
    );
    // A file without a read-back stays in the oldest format that says all of it.
    d.press("<esc><C-f>overall<enter>1<A-r>cy");
    let file = d.store.revision_file(&id, 1).expect("store").expect("done");
    assert!(String::from_utf8_lossy(&file.content).contains("confirmed = false"));
}

#[test]
fn only_open_lists_the_questions_without_an_answer_and_keeps_the_cursor_on_its_question() {
    let (mut d, _tc) = driver();
    d.press("nSouth Sudan<C-s>1<A-r>");
    let all = d.screen(80, 24);
    assert!(all.contains("✓ Did the participants agree"), "{all}");
    d.press("o");
    let open = d.screen(80, 24);
    assert!(!open.contains("Did the participants agree"), "{open}");
    assert!(open.contains("Only the open questions"), "{open}");
    // Enter on the first listed question opens it: the first open one.
    d.press("<enter>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("not in an interview")
    };
    assert_eq!(v.question().id, "populations");
}

#[test]
fn a_read_only_session_cannot_be_marked_read_back() {
    let (mut d, _tc) = driver();
    d.press("nSouth Sudan<C-s>1<C-f>overall<enter>1");
    let id = session(&d, 0).id;
    d.press("<A-r>cy");
    // Opened again from the list, completed: a read-back would change a frozen revision.
    d.press("<enter>v");
    assert!(
        matches!(d.app.screen, Screen::Interview(_)),
        "{}",
        d.screen(80, 24)
    );
    d.press("<A-r>by");
    let after = d.store.load_session(&id).expect("stored");
    assert!(after.read_back.is_none(), "{}", d.screen(80, 24));
    assert!(
        d.screen(80, 24).contains("completed"),
        "{}",
        d.screen(80, 24)
    );
}

/// The real binary in tmux at 80×24: a call read back and confirmed, then completed; the
/// file the store froze says so.
#[test]
fn in_tmux_the_read_back_is_read_confirmed_and_written_into_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let t = support::tmux::Tmux::new("review", d);
    t.stocktake("s", d);
    t.new_call("s", "Juba");
    t.keys("s", &["1"]);
    t.wait_for("s", "Q 2/28");
    t.keys("s", &["C-f"]);
    t.type_text("s", "overall");
    t.keys("s", &["Enter"]);
    t.wait_for("s", "Mechanisms in place");
    t.keys("s", &["1"]);
    // Answered, it moves on by itself to the interview's limitations.
    t.wait_for("s", "What limited this interview?");
    t.keys("s", &["M-r"]);
    t.wait_for("s", "Not read back yet");
    t.keys("s", &["b"]);
    // The hint bar is the frame's last row: once it shows, the whole page is drawn.
    t.wait_for("s", "n corrections");
    let page = t.wait_for("s", "Read back · Protection Cluster");
    assert!(page.contains("→ Mechanisms in place"), "{page}");
    assert!(
        page.contains("y confirmed") && page.contains("n corrections"),
        "{page}"
    );
    t.keys("s", &["y"]);
    t.wait_for("s", "confirmed by the coordinator");
    t.keys("s", &["Escape"]);
    t.wait_for("s", ": confirmed");
    t.keys("s", &["c"]);
    t.wait_for("s", "Complete session");
    t.keys("s", &["y"]);
    t.wait_for("s", "RESPONSE");
    let store = Store::open(&d.join("data"), stocktake::store::system_clock())
        .expect("store")
        .0;
    let s = store.summaries().expect("list").remove(0);
    let file = store
        .revision_file(&s.id, 1)
        .expect("store")
        .expect("frozen");
    let text = String::from_utf8(file.content).expect("utf8");
    assert!(text.contains("format = \"stocktake.session.v3\""), "{text}");
    assert!(text.contains("confirmed = true }"), "{text}");
}
