//! Typing a note over a slow SSH link: each key must send only the cells it changed, never
//! a full-screen clear. The backend the binary uses (`LeanBackend`) draws into memory and
//! the bytes it writes are counted, key by key. `tests/tui_tmux.rs` measures the real
//! binary in a pty beside nano.

mod support;

use ratatui::Terminal;
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::screens::render;
use stocktake::tui::theme::Theme;
use support::TestClock;

/// A writer the test can read back while the backend owns it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_per_key(width: u16, height: u16, text: &str) -> (Vec<usize>, bool) {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
    d.press("nSouth Sudan<tab><tab><space><C-s>1<C-f>promising<enter><tab>");
    let out = Shared::default();
    let backend = stocktake::tui::lean_backend::LeanBackend::sized(out.clone(), width);
    let mut t = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height)),
        },
    )
    .expect("terminal");
    t.draw(|f| render(&d.app, f)).expect("first frame");
    let mut sizes = Vec::new();
    let mut cleared = false;
    for c in text.chars() {
        out.0.borrow_mut().clear();
        d.press(&c.to_string());
        t.draw(|f| render(&d.app, f)).expect("frame");
        let written = out.0.borrow();
        // ESC [ 2 J clears the screen; ESC [ J clears to its end.
        cleared |= written.windows(4).any(|w| w == b"\x1b[2J")
            || written.windows(3).any(|w| w == b"\x1b[J");
        sizes.push(written.len());
    }
    (sizes, cleared)
}

#[test]
fn a_keystroke_in_a_note_sends_a_dozen_bytes_and_never_clears() {
    let text =
        "The police family and children unit asked for an anti-trafficking module. ".repeat(3);
    let text: String = text.chars().take(200).collect();
    for (w, h) in [(80, 24), (120, 40)] {
        let (sizes, cleared) = bytes_per_key(w, h, &text);
        assert!(!cleared, "a full clear while typing at {w}x{h}");
        let mut sorted = sizes.clone();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
        // The typed cell and the cursor cell after it, about 11 bytes; nano sends ~19.
        assert!(
            median <= 16,
            "{w}x{h}: median {median} bytes per key, mean {mean:.1}: {sizes:?}"
        );
        eprintln!(
            "{w}x{h}: median {median} bytes per key, mean {mean:.1}, max {}",
            sorted[sorted.len() - 1]
        );
    }
}
