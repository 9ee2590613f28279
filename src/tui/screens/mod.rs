//! Drawing. Each screen is a pure function of the state; this module lays out the parts
//! every screen shares: the hint bar, the status line, dialogs and the help.

mod call_details;
mod form;
mod guard;
mod guidance_column;
mod help;
mod home;
mod interview;
pub mod layout;
mod option_list;
mod panels;
mod plan;
mod question;
mod review;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::app::{App, Screen};
use super::keymap::hints;
use super::outcome::Level;
use layout::{fit, width, wrap};

pub use help::lines as help_lines;

/// The smallest terminal every screen works in (columns, rows): below it the form's rows,
/// the answer box and the hint bar cannot all be shown, so nothing is, and keys wait.
pub const MIN_SIZE: (u16, u16) = (50, 16);

/// Is a terminal of this size below [`MIN_SIZE`]?
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_SIZE.0 || height < MIN_SIZE.1
}

/// Says how big the terminal must be, in the space there is.
fn render_too_small(app: &App, f: &mut Frame) {
    let area = f.area();
    let w = area.width as usize;
    let text = crate::i18n::tr(
        app.lang(),
        "too-small",
        &[
            ("width", area.width.into()),
            ("height", area.height.into()),
            ("min_width", MIN_SIZE.0.into()),
            ("min_height", MIN_SIZE.1.into()),
        ],
    );
    let lines: Vec<Line> = wrap(&text, w.max(1))
        .into_iter()
        .map(|l| Line::styled(l, app.theme.warn()))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let r = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    f.render_widget(Paragraph::new(lines), r);
}

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    if too_small(area.width, area.height) {
        render_too_small(app, f);
        return;
    }
    // A message too long for one line takes a second or third, never cut at its end
    // (where the important part often is: "…, but not written").
    let status_rows = app.flash.as_ref().map_or(1, |m| {
        wrap(&m.text, area.width as usize).len().clamp(1, 3) as u16
    });
    let [main, status, hints_row] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    match &app.screen {
        Screen::Home => home::render(app, f, main),
        Screen::NewCall(form) => form::render(app, form, f, main),
        Screen::Interview(view) => interview::render(app, view, f, main),
        Screen::Plan(view) => plan::render(app, view, f, main),
    }
    render_status(app, f, status);
    render_hints(app, f, hints_row);
    if let Some(ctx) = app.help {
        help::render(app, ctx, f, main);
    }
    if let Some(d) = &app.dialog {
        render_dialog(app, d, f, main);
    }
}

fn render_status(app: &App, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let line = match &app.flash {
        Some(flash) => {
            let style = match flash.level {
                Level::Info => t.ok(),
                Level::Warn => t.warn(),
                Level::Error => t.error(),
            };
            let w = area.width as usize;
            let mut rows = wrap(&flash.text, w);
            if rows.len() > area.height as usize {
                rows.truncate(area.height as usize);
                if let Some(last) = rows.last_mut() {
                    *last = fit(&format!("{last} …"), w);
                }
            }
            rows.into_iter()
                .map(|l| Line::from(Span::styled(l, style)))
                .collect::<Vec<_>>()
        }
        None => vec![Line::default()],
    };
    f.render_widget(Paragraph::new(line), area);
}

fn render_hints(app: &App, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let lang = app.lang();
    let help_word = crate::i18n::t(lang, "hint-home-help-qmark");
    let pairs: Vec<(String, String)> = match &app.dialog {
        Some(d) => d
            .choices
            .iter()
            .map(|c| (c.key.to_string(), c.label.in_lang(lang)))
            .chain([(
                crate::tui::keys::display_in("<esc>", lang),
                crate::i18n::t(lang, "hint-dismiss"),
            )])
            .collect(),
        None => hints(app.ctx(), lang, |a| app.offers(a)),
    };
    // `? help` (or F1) always shows, at the right, however many hints fit before it.
    let (help, rest): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(_, l)| *l == help_word);
    let help = help.into_iter().next().or_else(|| {
        (app.dialog.is_none() && app.help.is_none()).then(|| ("F1".to_string(), help_word.clone()))
    });
    let reserve = help.as_ref().map_or(0, |(k, l)| width(k) + 1 + width(l));
    let mut spans = Vec::new();
    let mut used = 0;
    let max = area.width as usize;
    for (k, l) in rest {
        let w = width(&k) + 1 + width(&l) + 2;
        if used + w + reserve > max {
            break;
        }
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::styled(format!(" {l}  "), t.plain()));
        used += w;
    }
    if let Some((k, l)) = help {
        spans.push(Span::raw(" ".repeat(max.saturating_sub(used + reserve))));
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::styled(format!(" {l}"), t.plain()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A box centred in `area`, `w` columns wide and as tall as its `lines` (plus borders).
pub fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn render_dialog(app: &App, d: &super::outcome::Dialog, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width.clamp(20, 64);
    let inner_w = w.saturating_sub(4) as usize;
    let lang = app.lang();
    let mut lines: Vec<Line> = wrap(&d.body.in_lang(lang), inner_w)
        .into_iter()
        .map(Line::from)
        .collect();
    lines.push(Line::default());
    let mut choices = Vec::new();
    for c in &d.choices {
        choices.push(Span::styled(format!("[{}]", c.key), t.key()));
        choices.push(Span::raw(format!(" {}   ", c.label.in_lang(lang))));
    }
    lines.push(Line::from(choices));
    let r = popup(area, w, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", d.title.in_lang(lang)),
            t.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    f.render_widget(Paragraph::new(lines).block(block), r);
}
