//! The terminal application. `app` holds the state and the pure `update`; `screens` draw
//! it; `effects` carries out what `update` asks against the store. This module alone owns
//! the terminal: raw mode, the alternate screen, signals, and putting it all back.

pub mod accessible;
pub mod app;
pub mod asks;
pub mod bindings;
pub mod call_details;
pub mod call_end;
pub mod driver;
pub mod effects;
pub mod form;
pub mod guard_panel;
pub mod home;
pub mod interview;
mod interview_call;
mod interview_choose;
pub mod interview_keys;
mod interview_provenance;
mod interview_rest;
mod interview_undo;
pub mod keymap;
pub mod keys;
pub mod lean_backend;
pub mod msg;
pub mod outcome;
pub mod panels;
pub mod plan;
pub mod review;
pub mod screens;
pub mod text_field;
pub mod text_view;
pub mod theme;
pub mod update;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event as TermEvent, KeyEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use lean_backend::LeanBackend;
use ratatui::Terminal;

use crate::guide::Catalog;
use crate::store::Store;
use driver::Driver;
use msg::Event;
use theme::Theme;

fn restore_terminal() {
    // Best effort: after SIGHUP the terminal may be gone, and that is fine.
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Run the TUI until the user quits or a signal (SIGHUP, SIGTERM) arrives. Every change was
/// committed as it was made, so leaving loses nothing.
pub fn run(
    store: Store,
    catalog: Catalog,
    user: String,
    sending: crate::outbox::Sending,
    sensitive_names: Vec<String>,
    ui: crate::i18n::UiChoice,
    auto_advance: bool,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
    ])?;
    let flag = stop.clone();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::SeqCst);
            // The loop normally leaves within a poll slice. After a hang-up crossterm can
            // spin reading the dead terminal and never return, so leave from here: every
            // change is already committed, and a lock whose process is gone is taken over.
            std::thread::sleep(Duration::from_secs(1));
            restore_terminal();
            std::process::exit(0);
        }
    });
    // Said in the program's language, worded before anything can go wrong.
    let stopped = crate::i18n::tr(
        ui.lang,
        "tui-stopped",
        &[("path", store.path().display().to_string().into())],
    );
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default_hook(info);
        eprintln!("\n{stopped}");
    }));

    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, EnableBracketedPaste)?;
    let mut terminal = Terminal::new(LeanBackend::new(stdout))?;
    terminal.hide_cursor()?;

    let mut driver = Driver::new(store, catalog, &user, Theme::from_env());
    driver.sending = sending;
    driver.app.sensitive_names = sensitive_names;
    driver.app.ui = ui.lang;
    driver.app.ui_follows_call = ui.follows_call;
    driver.app.auto_advance = auto_advance;
    driver.app.tz = jiff::tz::TimeZone::system();
    let result = event_loop(&mut terminal, &mut driver, &stop);
    // Give back every session this process holds before the terminal.
    if let app::Screen::Interview(view) = &driver.app.screen {
        for s in view.session_ids() {
            // Best effort on the way out: a lock whose process is gone is taken over.
            if driver.store.unlock_session(&s).is_err() {
                break;
            }
        }
    }
    restore_terminal();
    let _ = terminal.show_cursor();
    let _ = io::stdout().flush();
    result
}

fn event_loop(
    terminal: &mut Terminal<LeanBackend<io::Stdout>>,
    driver: &mut Driver,
    stop: &AtomicBool,
) -> io::Result<()> {
    let tick = Duration::from_secs(1);
    let mut last_tick = Instant::now();
    loop {
        if stop.load(Ordering::SeqCst) || driver.app.quit {
            return Ok(());
        }
        terminal.draw(|f| screens::render(&driver.app, f))?;
        // Short slices, so a signal is noticed at once.
        let wait = tick
            .saturating_sub(last_tick.elapsed())
            .min(Duration::from_millis(250));
        // Read everything that is waiting before drawing again: a paste or fast typing
        // over a slow link becomes one frame, not one per key.
        if event::poll(wait)? {
            // Below the smallest size the screen says so and keys wait: typing into a field
            // the interviewer cannot see would change answers unseen.
            let paused = terminal
                .size()
                .is_ok_and(|s| screens::too_small(s.width, s.height));
            loop {
                match event::read()? {
                    TermEvent::Key(k) if k.kind != KeyEventKind::Release && !paused => {
                        driver.event(Event::Key(k.into()))
                    }
                    TermEvent::Paste(text) if !paused => driver.event(Event::Paste(text)),
                    TermEvent::Resize(..) => break,
                    // Resize: the next draw adapts to the new size by itself.
                    _ => {}
                }
                if driver.app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if last_tick.elapsed() >= tick {
            last_tick = Instant::now();
            driver.tick();
        }
    }
}
#[cfg(test)]
mod update_tests;
