//! The `?` help: every key of the current context, from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::{cell, fit, wrap};
use super::popup;
use crate::i18n::{UiLang, tr};
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, help};

const KEY_W: usize = 18;

/// How many lines the help of `ctx` takes at `width` columns: how far it can scroll.
pub fn lines(ctx: Ctx, lang: UiLang, width: u16) -> u16 {
    let text_w = (width as usize).saturating_sub(KEY_W + 5);
    let n: usize = help(ctx, lang)
        .iter()
        .map(|(_, what)| wrap(what, text_w).len().max(1))
        .sum();
    (n + 2) as u16
}

pub fn render(app: &App, ctx: Ctx, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width.min(78);
    let key_w = KEY_W;
    let text_w = (w as usize).saturating_sub(key_w + 5);
    let mut lines = Vec::new();
    for (keys, what) in help(ctx, app.lang()) {
        for (i, l) in wrap(&what, text_w).into_iter().enumerate() {
            let k = if i == 0 {
                cell(&keys, key_w)
            } else {
                " ".repeat(key_w)
            };
            lines.push(Line::from(vec![
                Span::styled(k, t.key()),
                Span::raw(format!(" {l}")),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(
            &tr(
                app.lang(),
                "help-saved-in",
                &[("path", app.data_path.as_str().into())],
            ),
            w as usize - 4,
        ),
        t.dim(),
    )));
    let r = popup(area, w, lines.len() as u16 + 2);
    let room = r.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(room);
    let scroll = app.help_scroll.min(max_scroll);
    let title = if max_scroll > 0 {
        tr(
            app.lang(),
            "help-title-scroll",
            &[
                ("shown", (scroll + room).into()),
                ("total", lines.len().into()),
            ],
        )
    } else {
        crate::i18n::t(app.lang(), "help-title")
    };
    f.render_widget(Clear, r);
    let block = Block::bordered().title(Span::styled(title, t.title()));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}
