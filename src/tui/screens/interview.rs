//! The interview screen. Always visible: the session (country, structure), where in the
//! guide (section, question n of N), the call's elapsed time, and whether the words on
//! screen are saved.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::{cell, fit, width, wrap_at_most};
use crate::guide::{Question, QuestionType, Structure};
use crate::session::Session;
use crate::session::{Field, Special, Status, Value};
use crate::tui::app::App;
use crate::tui::interview::{
    CallView, OptionRow, SaveState, has_other, is_text_kind, option_rows, row_selected,
};
use crate::tui::theme::Theme;

const NAV_WIDTH: u16 = 24;

pub fn structure_name(s: &Session, lang: &str) -> String {
    if s.structure == Structure::Other && !s.structure_label.is_empty() {
        s.structure_label.clone()
    } else {
        s.structure.short_label(lang).to_string()
    }
}

/// The tabs' labels, as full as `room` allows: "1 GBV AOR 3/28", then names cut short,
/// then without counts, then numbers alone but for the tab shown. Every tab stays in view:
/// a structure added late must not fall off the right edge at 80 columns.
pub fn tab_labels(view: &CallView, lang: &str, room: usize) -> Vec<String> {
    let fits = |labels: &[String]| labels.iter().map(|l| width(l) + 1).sum::<usize>() <= room;
    let progress: Vec<(u32, u32)> = view
        .interview
        .sessions
        .iter()
        .map(|s| {
            let p = s.progress(view.guide());
            (p.answered, p.visible)
        })
        .collect();
    let make = |name_w: Option<usize>, counts: bool| -> Vec<String> {
        view.interview
            .sessions
            .iter()
            .zip(&progress)
            .enumerate()
            .map(|(i, (s, (a, v)))| {
                let name = structure_name(s, lang);
                let name = match name_w {
                    Some(w) if i != view.active => fit(&name, w),
                    _ => name,
                };
                if counts {
                    format!(" {} {name} {a}/{v} ", i + 1)
                } else {
                    format!(" {} {name} ", i + 1)
                }
            })
            .collect()
    };
    for (name_w, counts) in [
        (None, true),
        (Some(10), true),
        (Some(10), false),
        (Some(6), false),
    ] {
        let labels = make(name_w, counts);
        if fits(&labels) {
            return labels;
        }
    }
    view.interview
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == view.active {
                format!(" {} {} ", i + 1, fit(&structure_name(s, lang), room / 2))
            } else {
                format!(" {} ", i + 1)
            }
        })
        .collect()
}

fn elapsed(app: &App, view: &CallView) -> String {
    let secs = (app.now.as_second() - view.call().started_at.as_second()).max(0);
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    if d > 0 {
        format!("{d}d {h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

fn save_span(t: &Theme, view: &CallView) -> Span<'static> {
    // Not saved comes first: a completion that is not in the store yet is not complete.
    match &view.tab().save {
        SaveState::Failed(_) => Span::styled("✗ NOT SAVED", t.error()),
        _ if view.session().status == Status::Completed => Span::styled("completed", t.ok()),
        _ if view.read_only(view.active).is_some() => Span::styled("read-only", t.warn()),
        SaveState::Saved(_) => Span::styled("✓ saved", t.ok()),
        SaveState::Saving => Span::styled("saving…", t.warn()),
    }
}

pub fn render(app: &App, view: &CallView, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let multi = view.tabs.len() > 1;
    let [header, tabs_row, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(multi)),
        Constraint::Min(1),
    ])
    .areas(area);
    let lang = view.lang();
    let tab = view.tab();
    let visible = view.visible();
    let pos = visible
        .iter()
        .position(|i| *i == tab.current)
        .map_or(0, |p| p + 1);
    let si = view.section_of(tab.current);

    // Header: who, then where, when and whether it is saved.
    // The section's name is in the navigator and above the question: its number is enough.
    let right = vec![
        Span::styled(
            format!("§{} · Q {pos}/{} · ", si + 1, visible.len()),
            t.plain(),
        ),
        Span::styled(elapsed(app, view), t.plain()),
        Span::raw(" · "),
        save_span(t, view),
        Span::raw(" "),
    ];
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let left_w = (header.width as usize).saturating_sub(right_w + 1);
    let who = format!(
        " {} · {}",
        view.session().response,
        structure_name(view.session(), lang)
    );
    let mut spans = vec![Span::styled(cell(&who, left_w), t.title())];
    spans.push(Span::raw(" "));
    spans.extend(right);
    f.render_widget(Paragraph::new(Line::from(spans)), header);

    if multi {
        let labels = tab_labels(view, lang, tabs_row.width as usize);
        let mut spans = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            spans.push(Span::styled(
                label.clone(),
                if i == view.active {
                    t.tab_active()
                } else {
                    t.dim()
                },
            ));
            spans.push(Span::raw(" "));
        }
        let used: usize = labels.iter().map(|l| width(l) + 1).sum();
        if used + width("Ctrl-T switch") <= tabs_row.width as usize {
            spans.push(Span::styled("Ctrl-T", t.key()));
            spans.push(Span::styled(" switch", t.dim()));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), tabs_row);
    }

    let (nav, pane) = if main.width >= 72 {
        let [n, p] =
            Layout::horizontal([Constraint::Length(NAV_WIDTH), Constraint::Min(1)]).areas(main);
        (Some(n), p)
    } else {
        (None, main)
    };
    if let Some(nav) = nav {
        render_nav(app, view, f, nav);
    }
    match &view.panel {
        Some(p) => super::panels::render(app, view, p, f, pane),
        None => render_question(app, view, f, pane),
    }
}

fn render_nav(app: &App, view: &CallView, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let lang = view.lang();
    let dl = view.interview.default_language();
    let tab = view.tab();
    let vis = view.session().visibility(view.guide());
    let here = view.section_of(tab.current);
    let w = area.width.saturating_sub(1) as usize;
    let mut lines = Vec::new();
    let mut index = 0;
    let mut current_section_rows = Vec::new();
    for (si, s) in view.guide().sections.iter().enumerate() {
        let (mut answered, mut shown, mut missing) = (0, 0, false);
        for q in &s.questions {
            if vis.is_visible(&q.id) {
                shown += 1;
                let settled = view
                    .session()
                    .answers
                    .get(&q.id)
                    .is_some_and(|a| a.is_settled());
                answered += usize::from(settled);
                missing |= q.required && !settled;
            }
            if si == here {
                current_section_rows.push((index, q));
            }
            index += 1;
        }
        let counts = format!("{answered}/{shown}{}", if missing { "!" } else { " " });
        let name_w = w.saturating_sub(width(&counts) + 4);
        let text = format!(
            "{}{} {} {counts}",
            if si == here { "▸" } else { " " },
            si + 1,
            cell(s.title.get(lang, dl), name_w)
        );
        let style = if si == here {
            t.focus()
        } else if missing {
            t.warn()
        } else {
            t.plain()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    lines.push(Line::default());
    let room = (area.height as usize).saturating_sub(lines.len());
    let rows: Vec<_> = current_section_rows
        .into_iter()
        .filter(|(_, q)| vis.is_visible(&q.id))
        .collect();
    let at = rows
        .iter()
        .position(|(i, _)| *i == tab.current)
        .unwrap_or(0);
    let top = super::layout::scroll_to(at, room, rows.len());
    for (i, q) in rows.iter().skip(top).take(room) {
        let a = view.session().answers.get(&q.id);
        let mark = match a {
            Some(a) if a.is_settled() => "✓",
            _ if q.required => "!",
            _ => "·",
        };
        let text = format!(" {mark} {}", fit(q.text.get(lang, dl), w.saturating_sub(3)));
        let style = if *i == tab.current {
            t.selected()
        } else if mark == "!" {
            t.warn()
        } else if mark == "✓" {
            t.dim()
        } else {
            t.plain()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::RIGHT)
                .border_style(t.dim()),
        ),
        area,
    );
}

fn answer_title(q: &Question, view: &CallView) -> String {
    let a = view.session().answers.get(&q.id);
    let status = match a.and_then(|a| a.special) {
        Some(Special::DontKnow) => " · don't know",
        Some(Special::Declined) => " · declined",
        Some(Special::NotAsked) => " · not asked",
        None => "",
    };
    let kind = match q.kind {
        QuestionType::Multi => " (tick all that apply)",
        QuestionType::Number => " (a number)",
        QuestionType::Date => " (YYYY-MM-DD)",
        _ => "",
    };
    format!(" Answer{kind}{status} ")
}

fn block<'a>(t: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::TOP)
        .border_style(if focused { t.focus() } else { t.dim() })
        .title(Span::styled(
            title,
            if focused { t.focus() } else { t.dim() },
        ))
}

fn render_question(app: &App, view: &CallView, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let lang = view.lang();
    let dl = view.interview.default_language();
    let tab = view.tab();
    let q = view.question();
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let w = inner.width as usize;
    let h = inner.height as usize;
    let si = view.section_of(tab.current);
    let section = &view.guide().sections[si];
    // Counted among the questions skip logic shows, as the navigator and header count them.
    let in_section: Vec<usize> = view
        .visible()
        .into_iter()
        .filter(|&i| view.section_of(i) == si)
        .collect();
    let n_in_section = in_section
        .iter()
        .position(|&i| i == tab.current)
        .map_or(0, |p| p + 1);

    let title = format!(
        "{} {} · {} of {}{}",
        si + 1,
        section.title.get(lang, dl),
        n_in_section,
        in_section.len(),
        if q.required { " · required" } else { "" }
    );
    let (q_lines, _) = wrap_at_most(q.text.get(lang, dl), w, 4);
    let g_max = if h >= 18 { 3 } else { 2 };
    let g_lines = match &q.guidance {
        Some(g) => {
            let mut l = super::layout::wrap(g.get(lang, dl), w);
            if l.len() > g_max {
                l.truncate(g_max);
                if let Some(last) = l.last_mut() {
                    *last = format!("{} (g: all)", fit(last, w.saturating_sub(9)));
                }
            }
            l
        }
        None => Vec::new(),
    };
    let rows = option_rows(q);
    let other = has_other(q);
    let error_row = usize::from(tab.field_error.is_some());
    let answer_need = error_row
        + if is_text_kind(q) {
            if q.kind == QuestionType::LongText {
                4
            } else {
                1
            }
        } else {
            rows.len()
        };
    let fixed = 1 + q_lines.len() + g_lines.len() + 1 + if other { 2 } else { 0 } + 1;
    let room = h.saturating_sub(fixed);
    let answer_rows = answer_need.min(room.saturating_sub(2)).max(1);
    let note_rows = room.saturating_sub(answer_rows).max(1);

    let mut constraints = vec![
        Constraint::Length(1),
        Constraint::Length(q_lines.len() as u16),
        Constraint::Length(g_lines.len() as u16),
        Constraint::Length(answer_rows as u16 + 1),
    ];
    if other {
        constraints.push(Constraint::Length(2));
    }
    constraints.push(Constraint::Length(note_rows as u16 + 1));
    let parts = Layout::vertical(constraints).split(inner);

    f.render_widget(
        Paragraph::new(Span::styled(fit(&title, w), t.dim())),
        parts[0],
    );
    f.render_widget(
        Paragraph::new(
            q_lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.question())))
                .collect::<Vec<_>>(),
        ),
        parts[1],
    );
    f.render_widget(
        Paragraph::new(
            g_lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.guidance())))
                .collect::<Vec<_>>(),
        ),
        parts[2],
    );

    // The answer.
    let focused = |field: Field| tab.field == field;
    let answer_block = block(t, answer_title(q, view), focused(Field::Answer));
    let answer_area = answer_block.inner(parts[3]);
    f.render_widget(answer_block, parts[3]);
    if is_text_kind(q) {
        render_text(
            app,
            &tab.answer,
            focused(Field::Answer) && tab.editing,
            f,
            answer_area,
        );
    } else {
        let a = view.session().answers.get(&q.id);
        let value: Option<Value> = a.and_then(|a| a.value.clone());
        let special = a.and_then(|a| a.special);
        let top = super::layout::scroll_to(tab.option, answer_area.height as usize, rows.len());
        let mut lines = Vec::new();
        for (i, row) in rows
            .iter()
            .enumerate()
            .skip(top)
            .take(answer_area.height as usize)
        {
            let on = row_selected(q, &value, special, *row);
            let mark = match (q.kind, on) {
                (QuestionType::Multi, true) => "[x]",
                (QuestionType::Multi, false) => "[ ]",
                (_, true) => "(•)",
                (_, false) => "( )",
            };
            // What to type for the row: one digit (0 for the tenth) on a list of ten or
            // fewer, its number on a longer one.
            let key = match i + 1 {
                n if rows.len() > 10 => format!("{n:>2}"),
                n @ 1..=9 => n.to_string(),
                10 => "0".to_string(),
                _ => " ".to_string(),
            };
            let label = match row {
                OptionRow::Choice(c) => {
                    let o = &q.options[*c];
                    format!(
                        "{}{}",
                        o.label.get(lang, dl),
                        if o.other { " (specify)" } else { "" }
                    )
                }
                OptionRow::Yes => if lang == "fr" { "Oui" } else { "Yes" }.to_string(),
                OptionRow::No => if lang == "fr" { "Non" } else { "No" }.to_string(),
                OptionRow::DontKnow => if lang == "fr" {
                    "Ne sait pas"
                } else {
                    "Don't know"
                }
                .to_string(),
                OptionRow::Scale(n) => {
                    let end = if Some(*n as f64) == q.min {
                        q.min_label.as_ref().map(|l| l.get(lang, dl).to_string())
                    } else if Some(*n as f64) == q.max {
                        q.max_label.as_ref().map(|l| l.get(lang, dl).to_string())
                    } else {
                        None
                    };
                    match end {
                        Some(e) => format!("{n}  {e}"),
                        None => n.to_string(),
                    }
                }
            };
            let text = fit(&format!("{key} {mark} {label}"), answer_area.width as usize);
            let style = if i == tab.option && focused(Field::Answer) {
                t.selected()
            } else if on {
                t.chosen()
            } else {
                t.plain()
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        f.render_widget(Paragraph::new(lines), answer_area);
    }
    if let Some(e) = &tab.field_error
        && answer_area.height >= 2
    {
        // Under the field, where the eye is, without covering what was typed.
        let r = Rect {
            y: answer_area.y + answer_area.height - 1,
            height: 1,
            ..answer_area
        };
        f.render_widget(
            Paragraph::new(Span::styled(fit(e, r.width as usize), t.error())),
            r,
        );
    }

    let mut next = 4;
    if other {
        let b = block(t, " Specify other ".into(), focused(Field::Other));
        let a = b.inner(parts[next]);
        f.render_widget(b, parts[next]);
        render_text(app, &tab.other, focused(Field::Other) && tab.editing, f, a);
        next += 1;
    }
    let b = block(t, " Note ".into(), focused(Field::Note));
    let a = b.inner(parts[next]);
    f.render_widget(b, parts[next]);
    render_text(app, &tab.note, focused(Field::Note) && tab.editing, f, a);
}

/// A text field: the live editor when typing in it, else its text, wrapped.
fn render_text(
    app: &App,
    field: &crate::tui::text_field::TextField,
    editing: bool,
    f: &mut Frame,
    area: Rect,
) {
    if editing {
        f.render_widget(field.widget(), area);
        return;
    }
    let t = &app.theme;
    let text = field.text();
    if text.is_empty() {
        f.render_widget(Paragraph::new(Span::styled("…", t.dim())), area);
        return;
    }
    let lines: Vec<Line> = if field.multiline() {
        let (l, _) = wrap_at_most(&text, area.width as usize, area.height as usize);
        l.into_iter().map(Line::from).collect()
    } else {
        vec![Line::from(fit(&text, area.width as usize))]
    };
    f.render_widget(Paragraph::new(lines), area);
}
