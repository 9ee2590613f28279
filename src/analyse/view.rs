//! Drawing the analyse screen: a pure function of [`State`]. Every text from a session
//! file is neutralised by the layout helpers before it reaches the terminal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::state::{Mode, State};
use crate::i18n::{FluentValue, t, tr};
use crate::tui::screens::layout::{cell, fit, width, wrap};
use crate::tui::theme::Theme;

/// The keys that work now, most useful first: on a narrow terminal the last ones go, and
/// `? help` stays at the right (as on the interview screen).
fn hints(s: &State) -> &'static [(&'static str, &'static str)] {
    if s.help {
        return &[
            ("↑↓", "analyse-hint-scroll"),
            ("analyse-key-any-other", "analyse-hint-closes-help"),
        ];
    }
    match s.mode {
        Mode::Matrix if s.by == crate::report::MatrixBy::Question => &[
            ("Enter", "analyse-hint-read-cell"),
            ("s", "analyse-hint-summary"),
            ("v", "analyse-hint-by-section"),
            ("q", "analyse-hint-quit"),
            ("↑↓←→", "analyse-hint-move"),
            ("?", "analyse-hint-help"),
        ],
        Mode::Matrix => &[
            ("Enter", "analyse-hint-read-cell"),
            ("s", "analyse-hint-summary"),
            ("v", "analyse-hint-by-question"),
            ("q", "analyse-hint-quit"),
            ("↑↓←→", "analyse-hint-move"),
            ("?", "analyse-hint-help"),
        ],
        Mode::Cell { .. } => &[
            ("c", "analyse-hint-code-text"),
            ("p", "analyse-hint-code-part"),
            ("↑↓", "analyse-hint-text"),
            ("s", "analyse-hint-summary"),
            ("Esc", "analyse-hint-back"),
            ("←→", "analyse-hint-cell"),
            ("?", "analyse-hint-help"),
        ],
        Mode::Summary { .. } => &[
            ("Ctrl-S", "analyse-hint-save"),
            ("Esc", "analyse-hint-close-asks"),
        ],
        Mode::LeaveSummary { .. } => &[
            ("y/Enter", "analyse-hint-save"),
            ("n", "analyse-hint-discard"),
            ("Esc", "analyse-hint-go-on"),
        ],
        Mode::Part { .. } => &[
            ("Enter", "analyse-hint-find"),
            ("Esc", "analyse-hint-cancel"),
        ],
        Mode::Codes { .. } => &[
            ("↑↓", "analyse-hint-code"),
            ("Space/Enter", "analyse-hint-apply"),
            ("Esc", "analyse-hint-done"),
        ],
    }
}

pub fn render(s: &State, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    if crate::tui::screens::too_small(area.width, area.height) {
        let (w, h) = crate::tui::screens::MIN_SIZE;
        let text = tr(
            s.lang,
            "analyse-too-small",
            &[
                ("w", area.width.into()),
                ("h", area.height.into()),
                ("min_w", w.into()),
                ("min_h", h.into()),
            ],
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
                &tr(
                    s.lang,
                    "analyse-title",
                    &[
                        ("db", s.db_name.as_str().into()),
                        ("sessions", sessions.into()),
                        ("coder", s.coder.as_str().into()),
                        (
                            "by",
                            match s.by {
                                crate::report::MatrixBy::Section => "section",
                                crate::report::MatrixBy::Question => "question",
                            }
                            .into(),
                        ),
                    ],
                ),
                w,
            ),
            theme.title(),
        )),
        top,
    );
    let where_ = match (s.matrix.rows.get(s.row), s.matrix.columns.get(s.col)) {
        (Some(r), Some(c)) => tr(
            s.lang,
            "analyse-where",
            &[
                ("who", r.who.as_str().into()),
                ("row", (s.row + 1).into()),
                ("rows", sessions.into()),
                ("column", c.title.as_str().into()),
                ("col", (s.col + 1).into()),
                ("cols", s.matrix.columns.len().into()),
                ("codings", s.codings_in_cell(s.row, s.col).into()),
            ],
        ),
        _ => t(s.lang, "analyse-no-sessions"),
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
                    &t(s.lang, "analyse-summary-box"),
                    edit.width.saturating_sub(2) as usize,
                ));
            let inner = block.inner(edit);
            f.render_widget(block, edit);
            f.render_widget(&field.view(), inner);
            if matches!(s.mode, Mode::LeaveSummary { .. }) {
                leave_dialog(s, theme, f, main);
            }
        }
        Mode::Part { field, at } => {
            let [above, edit] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(main);
            cell_view(s, theme, f, above, *at, 0);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(theme.focus())
                .title(t(s.lang, "analyse-part-box"));
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
    f.render_widget(Paragraph::new(hint_line(s, hints(s), w, theme)), hint);
    if s.help {
        let [_, below_top, _] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(f.area());
        help(s, theme, f, below_top, s.help_scroll);
    }
}

/// The hints that fit in `w` columns, in order, with `? help` kept at the right.
fn hint_line(s: &State, hints: &[(&str, &str)], w: usize, theme: &Theme) -> Line<'static> {
    let words: Vec<(String, &str, String)> = hints
        .iter()
        .map(|(k, id)| (key_words(s, k), *id, t(s.lang, id)))
        .collect();
    let (help, rest): (Vec<_>, Vec<_>) = words
        .iter()
        .map(|(k, id, l)| (*id == "analyse-hint-help", (k.as_str(), l.as_str())))
        .partition(|(is_help, _)| *is_help);
    let help: Vec<(&str, &str)> = help.into_iter().map(|(_, h)| h).collect();
    let rest: Vec<(&str, &str)> = rest.into_iter().map(|(_, h)| h).collect();
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

fn leave_dialog(s: &State, theme: &Theme, f: &mut Frame, area: Rect) {
    let w = area.width.clamp(20, 56);
    let body = wrap(
        &t(s.lang, "analyse-leave-body"),
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
                .title(t(s.lang, "analyse-leave-title"))
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
            let by = tr(
                s.lang,
                "analyse-summary-by",
                &[
                    ("author", sum.author.as_str().into()),
                    ("at", sum.at.as_str().into()),
                    ("stale", if c.summary_stale { "yes" } else { "no" }.into()),
                ],
            );
            lines.push(Line::styled(fit(&by, w), theme.dim()));
            for l in wrap(&sum.text, w) {
                lines.push(Line::styled(l, theme.chosen()));
            }
        }
        None => lines.push(Line::styled(t(s.lang, "analyse-no-summary"), theme.dim())),
    }
    if row.unresolved {
        lines.push(Line::styled(t(s.lang, "analyse-unresolved"), theme.warn()));
    }
    if c.items.is_empty() {
        lines.push(Line::raw(t(s.lang, "analyse-nothing-here")));
    }
    let mut unit_index = 0;
    let mut selected_line = 0;
    for item in &c.items {
        lines.push(Line::raw(""));
        // The question and its answer wrap: an answer cut at the edge is an answer misread.
        let head = if item.answer.is_empty() {
            item.label.to_string()
        } else {
            // The guide's words, punctuated in its language as the report's cells are.
            format!("{}{}{}", item.label, s.matrix.colon(), item.answer)
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
            let kind = unit_kind(s, u.kind);
            let said = if codes.is_empty() {
                tr(s.lang, "analyse-not-coded", &[("kind", kind.into())])
            } else {
                tr(
                    s.lang,
                    "analyse-codes",
                    &[("kind", kind.into()), ("codes", codes.join(", ").into())],
                )
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
            t(s.lang, "analyse-more-below")
        } else {
            String::new()
        }
    );
    let block = Block::default().borders(Borders::ALL).title(fit(&title, w));
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    f.render_widget(Paragraph::new(shown).block(block), area);
}

/// A key as shown: its name, the same in every language, unless it is words
/// (`any other key`), which an `analyse-key-` id stands for.
fn key_words(s: &State, k: &str) -> String {
    if k.starts_with("analyse-key-") {
        t(s.lang, k)
    } else {
        k.to_string()
    }
}

/// A text's kind (`answer`, `other`, `note`, `pad note`, as the report names them) in
/// the screen's language.
fn unit_kind(s: &State, kind: &str) -> String {
    let kind: FluentValue = match kind {
        "pad note" => "pad-note".into(),
        k => k.to_string().into(),
    };
    tr(s.lang, "analyse-unit-kind", &[("kind", kind)])
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
    let title = tr(
        s.lang,
        "analyse-codes-for",
        &[("quote", fit(&quote, (w as usize).saturating_sub(16)).into())],
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
fn help(s: &State, theme: &Theme, f: &mut Frame, area: Rect, scroll: usize) {
    const KEYS: &[(&str, &str)] = &[
        ("", "analyse-help-intro"),
        ("", ""),
        ("↑↓ ←→ h j k l", "analyse-help-move"),
        ("PgUp PgDn g G", "analyse-help-jump"),
        ("Enter", "analyse-help-read"),
        ("v", "analyse-help-view"),
        ("s", "analyse-help-summary"),
        ("", "analyse-help-in-cell"),
        ("  ↑↓ j k", "analyse-help-choose"),
        ("analyse-key-c-or-enter", "analyse-help-code-whole"),
        ("  p", "analyse-help-code-part"),
        ("  ← →", "analyse-help-cells"),
        ("  PgUp PgDn", "analyse-help-scroll"),
        ("  Esc", "analyse-help-back"),
        ("q", "analyse-help-quit"),
        ("", ""),
        ("", "analyse-help-footer"),
    ];
    let w = area.width.min(78);
    let inner = (w as usize).saturating_sub(2);
    let keyw = 15.min(inner / 3);
    let mut lines: Vec<Line> = Vec::new();
    for (k, id) in KEYS {
        let d = if id.is_empty() {
            String::new()
        } else {
            t(s.lang, id)
        };
        if k.is_empty() {
            if d.is_empty() {
                lines.push(Line::raw(""));
                continue;
            }
            for l in wrap(&d, inner) {
                lines.push(Line::raw(l));
            }
            continue;
        }
        for (i, l) in wrap(&d, inner.saturating_sub(keyw)).into_iter().enumerate() {
            let key = if i == 0 {
                cell(&key_words(s, k), keyw)
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
        "yes"
    } else {
        "no"
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
                .title(tr(s.lang, "analyse-help-title", &[("more", more.into())])),
        ),
        r,
    );
}
