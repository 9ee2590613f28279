//! Drawing the analyse screen: a pure function of [`State`]. Every text from a session
//! file is neutralised by the layout helpers before it reaches the terminal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::state::{Mode, State};
use crate::tui::screens::layout::{cell, fit, width, wrap};
use crate::tui::theme::Theme;

/// The keys that work now, most useful first: on a narrow terminal the last ones go, and
/// `? help` stays at the right (as on the interview screen).
fn hints(s: &State) -> &'static [(&'static str, &'static str)] {
    if s.help {
        return &[("↑↓", "scroll"), ("any other key", "closes help")];
    }
    match s.mode {
        Mode::Matrix if s.by == crate::report::MatrixBy::Question => &[
            ("Enter", "read cell"),
            ("s", "summary"),
            ("v", "by section"),
            ("q", "quit"),
            ("↑↓←→", "move"),
            ("?", "help"),
        ],
        Mode::Matrix => &[
            ("Enter", "read cell"),
            ("s", "summary"),
            ("v", "by question"),
            ("q", "quit"),
            ("↑↓←→", "move"),
            ("?", "help"),
        ],
        Mode::Cell { .. } => &[
            ("c", "code text"),
            ("p", "code a part"),
            ("↑↓", "text"),
            ("s", "summary"),
            ("Esc", "back"),
            ("←→", "cell"),
            ("?", "help"),
        ],
        Mode::Summary { .. } => &[("Ctrl-S", "save"), ("Esc", "close (asks if changed)")],
        Mode::LeaveSummary { .. } => &[
            ("y/Enter", "save"),
            ("n", "discard the change"),
            ("Esc", "go on writing"),
        ],
        Mode::Part { .. } => &[("Enter", "find it"), ("Esc", "cancel")],
        Mode::Codes { .. } => &[
            ("↑↓", "code"),
            ("Space/Enter", "apply/remove"),
            ("Esc", "done"),
        ],
    }
}

pub fn render(s: &State, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    if crate::tui::screens::too_small(area.width, area.height) {
        let (w, h) = crate::tui::screens::MIN_SIZE;
        let text = format!(
            "This terminal is {}×{}; stocktake analyse needs at least {w}×{h}. Enlarge the window or make the font smaller; keys are paused until then.",
            area.width, area.height
        );
        let lines: Vec<Line> = wrap(&text, (area.width as usize).max(1))
            .into_iter()
            .map(|l| Line::styled(l, theme.warn()))
            .collect();
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
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
                    "stocktake analyse · {} · {} · coder {}{}",
                    s.db_name,
                    crate::report::sessions_count(sessions),
                    s.coder,
                    match s.by {
                        crate::report::MatrixBy::Section => "",
                        crate::report::MatrixBy::Question => " · a column per question",
                    }
                ),
                w,
            ),
            theme.title(),
        )),
        top,
    );
    let where_ = match (s.matrix.rows.get(s.row), s.matrix.columns.get(s.col)) {
        (Some(r), Some(c)) => {
            let coded = match s.codings_in_cell(s.row, s.col) {
                0 => String::new(),
                1 => " · 1 coding".to_string(),
                n => format!(" · {n} codings"),
            };
            format!(
                "{} ({} of {}) · {} ({} of {}){coded}",
                r.who,
                s.row + 1,
                sessions,
                c.title,
                s.col + 1,
                s.matrix.columns.len()
            )
        }
        _ => "No sessions in this collation yet: run stocktake collate first.".into(),
    };
    f.render_widget(Paragraph::new(Line::raw(fit(&where_, w))), place);
    match &s.mode {
        Mode::Matrix => super::matrix_view::render(s, theme, f, main),
        Mode::Cell { at, scroll } => cell_view(s, theme, f, main, *at, *scroll),
        Mode::Summary { field, at } | Mode::LeaveSummary { field, at } => {
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
                .title(fit(
                    " ✎ Summary of this cell: typing goes here · Ctrl-S saves ",
                    edit.width.saturating_sub(2) as usize,
                ));
            let inner = block.inner(edit);
            f.render_widget(block, edit);
            f.render_widget(&field.view(), inner);
            if matches!(s.mode, Mode::LeaveSummary { .. }) {
                leave_dialog(theme, f, main);
            }
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
    f.render_widget(Paragraph::new(hint_line(hints(s), w, theme)), hint);
    if s.help {
        let [_, below_top, _] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(f.area());
        help(theme, f, below_top, s.help_scroll);
    }
}

/// The hints that fit in `w` columns, in order, with `? help` kept at the right.
fn hint_line(hints: &[(&str, &str)], w: usize, theme: &Theme) -> Line<'static> {
    let (help, rest): (Vec<_>, Vec<_>) = hints.iter().partition(|(_, l)| *l == "help");
    let reserve = help.first().map_or(0, |(k, l)| width(k) + 1 + width(l));
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, l) in rest {
        let need = width(k) + 1 + width(l) + 2;
        if used + need + reserve > w {
            break;
        }
        spans.push(Span::styled(k.to_string(), theme.focus()));
        spans.push(Span::raw(format!(" {l}  ")));
        used += need;
    }
    if let Some((k, l)) = help.first() {
        spans.push(Span::raw(" ".repeat(w.saturating_sub(used + reserve))));
        spans.push(Span::styled(k.to_string(), theme.focus()));
        spans.push(Span::raw(format!(" {l}")));
    }
    Line::from(spans)
}

fn leave_dialog(theme: &Theme, f: &mut Frame, area: Rect) {
    let w = area.width.clamp(20, 56);
    let body = wrap(
        "This summary has changed. Save it (y or Enter), discard the change (n), or go on writing (Esc)?",
        w.saturating_sub(4) as usize,
    );
    let h = (body.len() as u16 + 2).min(area.height);
    let r = crate::tui::screens::popup(area, w, h);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(body.into_iter().map(Line::raw).collect::<Vec<_>>()).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(" Leave the summary? ")
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        r,
    );
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

/// Every key, a line each; a description wraps under itself, and the box scrolls where the
/// terminal is too small to hold it.
fn help(theme: &Theme, f: &mut Frame, area: Rect, scroll: usize) {
    const KEYS: &[(&str, &str)] = &[
        (
            "",
            "A row per session, a column per section (v: per question). ✎ a summary (✎* on an earlier revision); ●n codings on the cell's texts.",
        ),
        ("", ""),
        ("↑↓ ←→ h j k l", "move"),
        ("PgUp PgDn g G", "jump"),
        ("Enter", "read the cell in full"),
        (
            "v",
            "a column per question, or per section; each its own summary",
        ),
        (
            "s",
            "write the cell's summary: Ctrl-S saves, Esc asks before leaving a change",
        ),
        ("", "In a cell:"),
        (
            "  ↑↓ j k",
            "choose a text (a note, a typed answer, a pad note)",
        ),
        ("  c or Enter", "code the whole text: Space toggles a code"),
        (
            "  p",
            "code a part: type its words (case does not matter), Enter",
        ),
        ("  ← →", "previous / next cell of the row"),
        ("  PgUp PgDn", "scroll"),
        ("  Esc", "back to the matrix"),
        ("q", "quit (everything is saved as it is made)"),
        ("", ""),
        ("", "↑↓ scroll this help; any other key closes it."),
    ];
    let w = area.width.min(78);
    let inner = (w as usize).saturating_sub(2);
    let keyw = 15.min(inner / 3);
    let mut lines: Vec<Line> = Vec::new();
    for (k, d) in KEYS {
        if k.is_empty() {
            if d.is_empty() {
                lines.push(Line::raw(""));
                continue;
            }
            for l in wrap(d, inner) {
                lines.push(Line::raw(l));
            }
            continue;
        }
        for (i, l) in wrap(d, inner.saturating_sub(keyw)).into_iter().enumerate() {
            let key = if i == 0 {
                cell(k, keyw)
            } else {
                " ".repeat(keyw)
            };
            lines.push(Line::from(vec![
                Span::styled(key, theme.focus()),
                Span::raw(l),
            ]));
        }
    }
    let room = (area.height as usize).saturating_sub(2);
    let top = scroll.min(lines.len().saturating_sub(room));
    let more = if lines.len() > top + room {
        " · ↓ more"
    } else {
        ""
    };
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(room).collect();
    f.render_widget(
        Paragraph::new(shown).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(format!(" Help{more} ")),
        ),
        r,
    );
}
