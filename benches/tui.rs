//! What an interviewer feels: drawing a frame, one typed character in a note (update, the
//! store commit, the frame), and opening on 10,000 sessions. Run: `cargo bench --bench tui`.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use stocktake::guide::Catalog;
use stocktake::store::{Store, system_clock};
use stocktake::tui::driver::Driver;
use stocktake::tui::screens::render;
use stocktake::tui::theme::Theme;

fn main() {
    divan::main();
}

/// The interview open on a long-text question with a half-filled note, over a store of
/// 10,000 sessions on disk.
fn interview(dir: &std::path::Path) -> Driver {
    common::store_with_sessions(dir, 10_000);
    let (store, _) = Store::open(dir, system_clock()).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
    d.press("nBench<C-s>1<C-f>promising<enter>The CP AOR is drafting a manual on child trafficking<tab>");
    d.paste(&"Police family unit asked for a module; the draft is due in March. ".repeat(4));
    d
}

#[divan::bench(args = [(80, 24), (200, 60)], sample_count = 200)]
fn frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let dir = tempfile::tempdir().expect("dir");
    let d = interview(dir.path());
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    bencher.bench_local(|| {
        // A fresh buffer each time, so every frame is drawn whole, not diffed away.
        t.clear().expect("clear");
        t.draw(|f| render(&d.app, f)).expect("draw");
    });
}

#[divan::bench(sample_count = 500)]
fn keystroke_in_a_note_with_its_commit(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("dir");
    let mut d = interview(dir.path());
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut i = 0u32;
    bencher.bench_local(|| {
        i += 1;
        d.press(if i.is_multiple_of(2) { "a" } else { "b" });
        t.draw(|f| render(&d.app, f)).expect("draw");
    });
}

#[divan::bench(sample_count = 20)]
fn open_and_draw_the_list_of_10000_sessions(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("dir");
    common::store_with_sessions(dir.path(), 10_000);
    bencher.bench_local(|| {
        let (store, _) = Store::open(dir.path(), system_clock()).expect("store");
        let d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
        let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        t.draw(|f| render(&d.app, f)).expect("draw");
    });
}
