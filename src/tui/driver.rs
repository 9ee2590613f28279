//! The engine of the TUI without a terminal: events go through `update`, effects are
//! carried out against the store, their results fed back, until nothing is left. The
//! terminal loop drives it from the keyboard; tests and benchmarks drive it from key
//! strings and read the screen from a `TestBackend`.

use std::collections::VecDeque;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::keys::parse_keys;
use super::msg::{Effect, Event};
use super::theme::Theme;
use super::update::update;
use crate::guide::Catalog;
use crate::store::Store;

pub struct Driver {
    pub app: App,
    pub store: Store,
    pub catalog: Catalog,
    /// Carries out effects; keeps what could not be saved until it can be.
    pub runner: super::effects::Runner,
    /// Where completing a session writes its file at once (when an outbox is set), and to
    /// whom it is encrypted.
    pub sending: crate::outbox::Sending,
}

impl Driver {
    pub fn new(store: Store, catalog: Catalog, user: &str, theme: Theme) -> Driver {
        let mut app = App::new(
            catalog
                .guides
                .iter()
                .cloned()
                .map(std::sync::Arc::new)
                .collect(),
            user.to_string(),
            store.path().display().to_string(),
            theme,
            store.now(),
        );
        app.trust = catalog
            .guides
            .iter()
            .filter_map(|g| catalog.trust(g).map(|t| (g.digest, t)))
            .collect();
        let mut d = Driver {
            app,
            store,
            catalog,
            runner: super::effects::Runner::default(),
            sending: crate::outbox::Sending::default(),
        };
        d.run(vec![
            Effect::LoadHome,
            Effect::LoadTrusted,
            Effect::LoadPlan,
        ]);
        d
    }

    /// Carry out effects and handle every event they lead to.
    pub fn run(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Event> = VecDeque::new();
        self.dispatch(effects, &mut queue);
        while let Some(ev) = queue.pop_front() {
            let effects = self.handle(ev);
            self.dispatch(effects, &mut queue);
        }
    }

    fn handle(&mut self, ev: Event) -> Vec<Effect> {
        if !matches!(ev, Event::Tick(_)) {
            self.app.now = self.store.now();
        }
        update(&mut self.app, ev)
    }

    fn dispatch(&mut self, effects: Vec<Effect>, queue: &mut VecDeque<Event>) {
        for e in effects {
            if e == Effect::Quit {
                self.app.quit = true;
                continue;
            }
            queue.extend(
                self.runner
                    .carry_out(e, &mut self.store, &self.catalog, &self.sending),
            );
        }
    }

    /// One event and all that follows from it.
    pub fn event(&mut self, ev: Event) {
        let effects = self.handle(ev);
        self.run(effects);
    }

    /// Keys as a string (`"n<tab>Kenya<C-s>"`); panics on an unknown key name, so a typo
    /// in a test cannot pass silently.
    pub fn press(&mut self, keys: &str) {
        let keys = parse_keys(keys).unwrap_or_else(|e| panic!("{e}"));
        for k in keys {
            self.event(Event::Key(k));
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.event(Event::Paste(text.to_string()));
    }

    pub fn tick(&mut self) {
        let now = self.store.now();
        self.event(Event::Tick(now));
    }

    /// Draw the current screen at `width`×`height`.
    pub fn draw(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        t.draw(|f| super::screens::render(&self.app, f))
            .expect("draw");
        t
    }

    /// The screen as plain text, one line per row, trailing spaces trimmed.
    pub fn screen(&self, width: u16, height: u16) -> String {
        buffer_text(self.draw(width, height).backend().buffer())
    }
}

/// A drawn buffer as text, a line per row, trailing spaces cut: what a test compares. A wide
/// character's second cell is skipped, so the text reads as the terminal shows it.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
