//! The column beside the question at 120 columns and more: the question's guidance and
//! its section's introduction whole, where the eye can go while the answer is typed,
//! instead of two lines and Alt-G. Below 120 columns the question pane keeps it inline.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::wrap;
use super::question::{cut_lines, guidance_texts};
use crate::tui::app::App;
use crate::tui::interview::CallView;

/// From this many columns the interview screen has the column: with the navigator (24) and
/// a question pane as wide as at 80 columns (56), 40 remain, enough for guidance to read
/// as prose rather than a word a line.
pub const FROM_WIDTH: u16 = 120;

/// A third of what the navigator leaves, between 32 and 60 columns: the question pane
/// stays the widest part, and guidance lines stay short enough to read.
pub fn width(main_width: u16, nav_width: u16) -> u16 {
    (main_width.saturating_sub(nav_width) / 3).clamp(32, 60)
}

pub fn render(app: &App, view: &CallView, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(t.dim())
        .title(Span::styled(" Guidance ", t.dim()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    // One column of margin from the rule.
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
    };
    let w = inner.width as usize;
    let (intro, own) = guidance_texts(view);
    let mut lines: Vec<String> = Vec::new();
    if let Some(g) = intro {
        lines.extend(wrap(&format!("§ {g}"), w));
    }
    if let Some(g) = own {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(wrap(g, w));
    }
    if lines.is_empty() {
        let said: Vec<Line> = wrap(&view.t("guidance-none"), w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.dim())))
            .collect();
        f.render_widget(Paragraph::new(said), inner);
        return;
    }
    // Longer than the column: Alt-G still shows all of it, and scrolls.
    let lines = cut_lines(view, lines, inner.height as usize, w);
    f.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.guidance())))
                .collect::<Vec<_>>(),
        ),
        inner,
    );
}
