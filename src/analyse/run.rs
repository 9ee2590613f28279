//! The analyse screen's terminal loop, and its effects carried out on the collation
//! database: each summary and coding committed as it is made.

use crate::i18n::Reason;
use std::io::{self, Write};
use std::time::Duration;

use crate::tui::lean_backend::LeanBackend;
use crossterm::event::{self, Event as TermEvent, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::state::{Effect, State, update};
use super::view::render;
use crate::collate::{CollateError, CollationDb};
use crate::tui::theme::Theme;

/// Carry out `effects` on `db`; true when the user asked to quit.
pub fn apply(db: &CollationDb, s: &mut State, effects: Vec<Effect>) -> Result<bool, CollateError> {
    for e in effects {
        let done = match &e {
            Effect::Quit => return Ok(true),
            Effect::SetSummary(sum) => db.set_summary(sum).map(|_| true),
            Effect::AddCoding(c) => db.add_coding(c),
            Effect::RemoveCoding(c) => db.remove_coding(c),
        };
        match done {
            Ok(_) => s.applied_effect(&e),
            Err(err) => {
                s.message = Some(crate::i18n::tr(
                    s.lang,
                    "analyse-not-saved",
                    &[("error", err.reason(s.lang).into())],
                ))
            }
        }
    }
    Ok(false)
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

pub fn run(db: &CollationDb, mut s: State, theme: Theme) -> io::Result<()> {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        default_hook(info);
    }));
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen)?;
    let mut terminal = Terminal::new(LeanBackend::new(stdout))?;
    terminal.hide_cursor()?;
    let result = (|| -> io::Result<()> {
        loop {
            s.now = jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string());
            terminal.draw(|f| render(&s, &theme, f))?;
            if !event::poll(Duration::from_millis(500))? {
                continue;
            }
            // Keys wait while the terminal is too small to show what they do.
            let paused = terminal
                .size()
                .is_ok_and(|a| crate::tui::screens::too_small(a.width, a.height));
            if let TermEvent::Key(k) = event::read()?
                && k.kind != KeyEventKind::Release
                && !paused
            {
                let effects = update(&mut s, k.into());
                match apply(db, &mut s, effects) {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(e) => s.message = Some(e.reason(s.lang)),
                }
            }
        }
    })();
    restore();
    let _ = io::stdout().flush();
    result
}
