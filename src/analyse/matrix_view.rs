//! The rapid-analysis matrix of the analyse screen: a row per session, a column per
//! section (or question), each cell what it holds, and the column widths a terminal's
//! width allows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::State;
use crate::i18n::{t, tr};
use crate::tui::screens::layout::{cell, width};
use crate::tui::theme::Theme;

/// The session column: 22 columns at 80, wider on a wide terminal.
fn who_width(w: usize) -> usize {
    (w / 4).clamp(22, 40)
}

/// What a cell of the matrix says: its summary, else how much it holds, with its
/// codings first (`●n`) so coded cells show from the matrix.
fn cell_text(s: &State, ri: usize, ci: usize) -> String {
    let Some(c) = s.matrix.rows.get(ri).and_then(|r| r.cells.get(ci)) else {
        return String::new();
    };
    let coded = match s.codings_in_cell(ri, ci) {
        0 => String::new(),
        n => format!("●{n} "),
    };
    let text = match &c.summary {
        Some(sum) => format!("✎{} {}", if c.summary_stale { "*" } else { "" }, sum.text),
        None => {
            let n: usize = c.items.iter().map(|i| i.texts.len()).sum();
            if c.items.is_empty() {
                "·".to_string()
            } else if n == 0 {
                tr(
                    s.lang,
                    "analyse-cell-answers",
                    &[("n", c.items.len().into())],
                )
            } else {
                tr(s.lang, "analyse-cell-texts", &[("n", n.into())])
            }
        }
    };
    format!("{coded}{text}")
}

/// The session column's width and, from `first`, each shown column's (its `│` included).
/// Where every column fits whole — titles and cells uncut — each gets what it needs and
/// the rest of the width is shared out, so a wide terminal shows whole section names
/// instead of empty columns at the right; otherwise as many 18-column ones as fit.
fn column_widths(s: &State, w: usize, first: usize) -> (usize, Vec<usize>) {
    const PER: usize = 18;
    let cols = s.matrix.columns.len();
    let rows = &s.matrix.rows;
    let who_need = rows
        .iter()
        .map(|r| width(&r.who))
        .chain([width(&t(s.lang, "analyse-session"))])
        .max()
        .unwrap_or(0);
    let who = who_need.clamp(22, who_width(w));
    let need: Vec<usize> = (0..cols)
        .map(|ci| {
            let widest = (0..rows.len())
                .map(|ri| width(&cell_text(s, ri, ci)))
                .chain([width(&s.matrix.columns[ci].title)])
                .max()
                .unwrap_or(0);
            widest.max(PER - 1) + 1
        })
        .collect();
    let room = w.saturating_sub(who + 1);
    let total: usize = need.iter().sum();
    if cols > 0 && first == 0 && total <= room {
        let spare = room - total;
        let widths = need
            .iter()
            .enumerate()
            .map(|(i, n)| n + spare / cols + usize::from(i < spare % cols))
            .collect();
        return (who, widths);
    }
    let who = who_width(w);
    let room = w.saturating_sub(who + 1);
    let visible = (room / PER).max(1).min(cols.max(1));
    let colw = room.checked_div(visible).unwrap_or(room);
    (who, vec![colw; visible.min(cols.saturating_sub(first))])
}

pub(super) fn render(s: &State, theme: &Theme, f: &mut Frame, area: Rect) {
    let w = area.width as usize;
    let cols = s.matrix.columns.len();
    // How many columns fit decides the first one shown, and that the widths.
    let fit_all = column_widths(s, w, 0);
    let visible = fit_all.1.len().max(1);
    let first_col = s.col.saturating_sub(visible - 1);
    let (who, widths) = if first_col == 0 {
        fit_all
    } else {
        column_widths(s, w, first_col)
    };
    let visible = widths.len();
    let height = area.height.saturating_sub(1) as usize;
    let first_row = s.row.saturating_sub(height.saturating_sub(1));
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(
        cell(&t(s.lang, "analyse-session"), who),
        theme.dim(),
    )];
    for ((i, c), colw) in s
        .matrix
        .columns
        .iter()
        .enumerate()
        .skip(first_col)
        .zip(&widths)
    {
        let style = if i == s.col {
            theme.focus()
        } else {
            theme.question()
        };
        head.push(Span::raw("│"));
        head.push(Span::styled(cell(&c.title, colw.saturating_sub(1)), style));
    }
    if first_col + visible < cols {
        head.push(Span::styled("›", theme.dim()));
    }
    lines.push(Line::from(head));
    for (ri, r) in s
        .matrix
        .rows
        .iter()
        .enumerate()
        .skip(first_row)
        .take(height)
    {
        let mut spans = vec![Span::styled(
            cell(&r.who, who),
            if ri == s.row {
                theme.focus()
            } else {
                theme.plain()
            },
        )];
        for ((ci, c), colw) in r.cells.iter().enumerate().skip(first_col).zip(&widths) {
            let style = if ri == s.row && ci == s.col {
                theme.selected()
            } else if c.summary.is_some() {
                theme.plain()
            } else {
                theme.dim()
            };
            spans.push(Span::raw("│"));
            spans.push(Span::styled(
                cell(&cell_text(s, ri, ci), colw.saturating_sub(1)),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), area);
}
