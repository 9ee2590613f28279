//! Drawing the analyse screen: a pure function of [`State`]. Every text from a session
//! file is neutralised by the layout helpers before it reaches the terminal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::state::{Mode, State};
use crate::tui::screens::layout::{cell, fit, wrap};
use crate::tui::theme::Theme;

/// The session column: 22 columns at 80, wider on a wide terminal.
fn who_width(w: usize) -> usize {
    (w / 4).clamp(22, 40)
}

fn hints(s: &State) -> &'static [(&'static str, &'static str)] {
    match s.mode {
        Mode::Matrix => &[
            ("↑↓←→/hjkl", "move"),
            ("Enter", "read cell"),
            ("s", "summary"),
            ("q", "quit"),
            ("?", "help"),
        ],
        Mode::Cell { .. } => &[
            ("↑↓", "text"),
            ("c", "code text"),
            ("p", "code a part"),
            ("s", "summary"),
            ("←→", "cell"),
            ("Esc", "back"),
            ("?", "help"),
        ],
        Mode::Summary { .. } => &[("Esc/C-s", "save and close")],
        Mode::Part { .. } => &[("Enter", "find it"), ("Esc", "cancel")],
        Mode::Codes { .. } => &[
            ("↑↓", "code"),
            ("Space/Enter", "apply/remove"),
            ("Esc", "done"),
        ],
    }
}

pub fn render(s: &State, theme: &Theme, f: &mut Frame) {
    let [top, place, main, status, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(f.area());
    let w = f.area().width as usize;
    let sessions = s.matrix.rows.len();
    f.render_widget(
        Paragraph::new(Line::styled(
            fit(
                &format!(
                    "stocktake analyse · {} · {} · coder {}",
                    s.db_name,
                    crate::report::sessions_count(sessions),
                    s.coder
                ),
                w,
            ),
            theme.title(),
        )),
        top,
    );
    let where_ = match (s.matrix.rows.get(s.row), s.matrix.columns.get(s.col)) {
        (Some(r), Some(c)) => format!(
            "{} ({} of {}) · {} ({} of {})",
            r.who,
            s.row + 1,
            sessions,
            c.title,
            s.col + 1,
            s.matrix.columns.len()
        ),
        _ => "No sessions in this collation yet: run stocktake collate first.".into(),
    };
    f.render_widget(Paragraph::new(Line::raw(fit(&where_, w))), place);
    match &s.mode {
        Mode::Matrix => matrix(s, theme, f, main),
        Mode::Cell { at, scroll } => cell_view(s, theme, f, main, *at, *scroll),
        Mode::Summary { field, at } => {
            let [above, edit] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(8)]).areas(main);
            cell_view(
                s,
                theme,
                f,
                above,
                if *at == usize::MAX { 0 } else { *at },
                0,
            );
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(" ✎ Summary of this cell: typing goes here · Esc or Ctrl-S saves ");
            let inner = block.inner(edit);
            f.render_widget(block, edit);
            f.render_widget(&field.view(), inner);
        }
        Mode::Part { field, at } => {
            let [above, edit] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(main);
            cell_view(s, theme, f, above, *at, 0);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(" ✎ Words to code, as they appear in the selected text ");
            let inner = block.inner(edit);
            f.render_widget(block, edit);
            f.render_widget(&field.view(), inner);
        }
        Mode::Codes { target, at, back } => {
            cell_view(s, theme, f, main, *back, 0);
            codes(s, theme, f, main, target, *at);
        }
    }
    if let Some(m) = &s.message {
        f.render_widget(Paragraph::new(Line::styled(fit(m, w), theme.ok())), status);
    }
    let mut spans = Vec::new();
    for (k, l) in hints(s) {
        spans.push(Span::styled(k.to_string(), theme.focus()));
        spans.push(Span::raw(format!(" {l}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), hint);
    if s.help {
        help(theme, f, main);
    }
}

fn matrix(s: &State, theme: &Theme, f: &mut Frame, area: Rect) {
    let w = area.width as usize;
    let cols = s.matrix.columns.len();
    let who = who_width(w);
    let room = w.saturating_sub(who + 1);
    let per = 18usize;
    let visible = (room / per).max(1).min(cols.max(1));
    let colw = room.checked_div(visible).unwrap_or(room);
    let first_col = s.col.saturating_sub(visible - 1);
    let height = area.height.saturating_sub(1) as usize;
    let first_row = s.row.saturating_sub(height.saturating_sub(1));
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(cell("session", who), theme.dim())];
    for (i, c) in s
        .matrix
        .columns
        .iter()
        .enumerate()
        .skip(first_col)
        .take(visible)
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
        for (ci, c) in r.cells.iter().enumerate().skip(first_col).take(visible) {
            let text = match &c.summary {
                Some(sum) => format!("✎{} {}", if c.summary_stale { "*" } else { "" }, sum.text),
                None => {
                    let n: usize = c.items.iter().map(|i| i.texts.len()).sum();
                    if c.items.is_empty() {
                        "·".to_string()
                    } else if n == 0 {
                        format!("{} answer(s)", c.items.len())
                    } else {
                        format!("{n} text(s)")
                    }
                }
            };
            let style = if ri == s.row && ci == s.col {
                theme.selected()
            } else if c.summary.is_some() {
                theme.plain()
            } else {
                theme.dim()
            };
            spans.push(Span::raw("│"));
            spans.push(Span::styled(cell(&text, colw.saturating_sub(1)), style));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn cell_view(s: &State, theme: &Theme, f: &mut Frame, area: Rect, at: usize, scroll: usize) {
    let w = (area.width as usize).saturating_sub(2).max(10);
    let Some(row) = s.matrix.rows.get(s.row) else {
        return;
    };
    let Some(c) = row.cells.get(s.col) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    match &c.summary {
        Some(sum) => {
            let stale = if c.summary_stale {
                " (written on an earlier revision)"
            } else {
                ""
            };
            lines.push(Line::styled(
                fit(&format!("Summary by {}, {}{stale}:", sum.author, sum.at), w),
                theme.dim(),
            ));
            for l in wrap(&sum.text, w) {
                lines.push(Line::styled(l, theme.chosen()));
            }
        }
        None => lines.push(Line::styled("No summary yet: s writes one.", theme.dim())),
    }
    if row.unresolved {
        lines.push(Line::styled(
            "This session has an unresolved conflict: the newest revision is shown.",
            theme.warn(),
        ));
    }
    if c.items.is_empty() {
        lines.push(Line::raw("Nothing was answered or said in this section."));
    }
    let mut unit_index = 0;
    let mut selected_line = 0;
    for item in &c.items {
        lines.push(Line::raw(""));
        // The question and its answer wrap: an answer cut at the edge is an answer misread.
        let head = if item.answer.is_empty() {
            item.label.to_string()
        } else {
            format!("{}: {}", item.label, item.answer)
        };
        for l in wrap(&head, w) {
            lines.push(Line::styled(l, theme.question()));
        }
        for u in &item.texts {
            let mine = unit_index == at;
            if mine {
                selected_line = lines.len();
            }
            let mark = if mine { "▸ " } else { "  " };
            for (i, l) in wrap(&u.text, w.saturating_sub(2)).into_iter().enumerate() {
                let prefix = if i == 0 { mark } else { "  " };
                let style = if mine {
                    theme.selected()
                } else {
                    theme.plain()
                };
                lines.push(Line::styled(format!("{prefix}{l}"), style));
            }
            let codes: Vec<String> = s
                .codings_of(s.row, &u.key)
                .iter()
                .map(|c| {
                    let whole = c.start == 0 && c.end == u.text.chars().count();
                    if whole {
                        format!("{} ({})", s.label(&c.code), c.coder)
                    } else {
                        format!(
                            "\u{201c}{}\u{201d} {} ({})",
                            fit(&c.quote, 24),
                            s.label(&c.code),
                            c.coder
                        )
                    }
                })
                .collect();
            let said = if codes.is_empty() {
                format!("{} · not coded", u.kind)
            } else {
                format!("{} · codes: {}", u.kind, codes.join(", "))
            };
            for l in wrap(&said, w.saturating_sub(2)) {
                lines.push(Line::styled(format!("  {l}"), theme.dim()));
            }
            unit_index += 1;
        }
    }
    let height = area.height.saturating_sub(2) as usize;
    // Keep the selected text on screen; PgUp/PgDn scroll on from there.
    let top = selected_line
        .saturating_sub(height / 3)
        .saturating_add(scroll)
        .min(lines.len().saturating_sub(1));
    let more_below = lines.len() > top + height;
    let title = format!(
        " {} — {}{} ",
        row.who,
        s.matrix.columns.get(s.col).map_or("", |c| c.title.as_str()),
        if more_below {
            " · more below (PgDn)"
        } else {
            ""
        }
    );
    let block = Block::default().borders(Borders::ALL).title(fit(&title, w));
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    f.render_widget(Paragraph::new(shown).block(block), area);
}

fn codes(
    s: &State,
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
    target: &super::state::Target,
    at: usize,
) {
    let Some(book) = &s.codebook else {
        return;
    };
    let w = area.width.saturating_sub(6).max(20);
    let h = area.height.saturating_sub(2).max(5);
    let r = Rect {
        x: area.x + 3,
        y: area.y + 1,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let quote = crate::report::span_of(&target.unit.text, target.start, target.end);
    let title = format!(
        " Codes for \u{201c}{}\u{201d} ",
        fit(&quote, (w as usize).saturating_sub(16))
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus())
        .title(title);
    let inner = (h as usize).saturating_sub(2);
    let first = at.saturating_sub(inner.saturating_sub(1));
    let lang = book.default_language();
    let lines: Vec<Line> = book
        .codes
        .iter()
        .enumerate()
        .skip(first)
        .take(inner)
        .map(|(i, c)| {
            let mark = if s.applied(target, &c.id) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = format!(
                "{mark} {}{}",
                "  ".repeat(book.depth(&c.id)),
                c.label.get(lang, lang)
            );
            let style = if i == at {
                theme.selected()
            } else {
                theme.plain()
            };
            Line::styled(fit(&text, (w as usize).saturating_sub(2)), style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines).block(block), r);
}

fn help(theme: &Theme, f: &mut Frame, area: Rect) {
    let text = [
        "The matrix: a row per session, a column per section of the guide.",
        "",
        "↑↓ ←→ or h j k l   move; PgUp PgDn Home End (g G) jump",
        "Enter              read the cell in full",
        "s                  write the cell's summary (Esc or Ctrl-S saves)",
        "In a cell:",
        "  ↑↓ j k           choose a text (a note, a typed answer, a pad note)",
        "  c or Enter       code the whole text: Space toggles a code",
        "  p                code a part: type words as they appear, Enter",
        "  ← →              previous / next cell of the row",
        "  PgUp PgDn        scroll",
        "  Esc              back to the matrix",
        "q                  quit (everything is saved as it is made)",
        "",
        "Any key closes this help.",
    ];
    let h = (text.len() as u16 + 2).min(area.height);
    let w = area.width.min(78);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let lines: Vec<Line> = text.iter().map(|l| Line::raw(*l)).collect();
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(" Help "),
        ),
        r,
    );
}
