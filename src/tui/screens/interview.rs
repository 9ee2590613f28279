//! The interview screen. Always visible: the session (country, structure), where in the
//! guide (section, question n of N), the call's elapsed time, and whether the words on
//! screen are saved.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::guidance_column;
use super::layout::{cell, fit, width};
use crate::guide::{Guide, WhenRefused};
use crate::session::{Session, Status};
use crate::tui::app::App;
use crate::tui::interview::{CallView, SaveState};
use crate::tui::theme::Theme;

const NAV_WIDTH: u16 = 24;

/// The navigator's width: 24 columns up to 160, where section names and questions were
/// cut to a dozen letters with most of the screen empty; 36 from there.
fn nav_width(main_width: u16) -> u16 {
    if main_width >= 160 { 36 } else { NAV_WIDTH }
}

pub fn structure_name(guide: &Guide, s: &Session, lang: &str) -> String {
    if guide.asks_name(s.structure) && !s.structure_label.is_empty() {
        s.structure_label.clone()
    } else {
        guide.respondent_short(s.structure, lang)
    }
}

/// The tabs' labels, as full as `room` allows: "1 GBV AOR 3/28"; then every name cut to
/// the same width, the widest that fits (short names stay whole, long ones all give up the
/// same), with counts while names keep 8 columns, then without them down to 4; then
/// numbers alone but for the tab shown. Every tab stays in view: a structure added late
/// must not fall off the right edge at 80 columns, nor one long name leave the others as
/// bare numbers.
pub fn tab_labels(view: &CallView, lang: &str, room: usize) -> Vec<String> {
    let fits = |labels: &[String]| labels.iter().map(|l| width(l) + 1).sum::<usize>() <= room;
    let names: Vec<String> = view
        .interview
        .sessions
        .iter()
        .map(|s| structure_name(view.guide(), s, lang))
        .collect();
    let counts: Vec<String> = view
        .interview
        .sessions
        .iter()
        .map(|s| {
            let p = s.progress(view.guide());
            format!(" {}/{}", p.answered, p.visible)
        })
        .collect();
    let make = |cap: usize, with_counts: bool| -> Vec<String> {
        names
            .iter()
            .zip(&counts)
            .enumerate()
            .map(|(i, (name, count))| {
                let count = if with_counts { count.as_str() } else { "" };
                format!(" {} {}{count} ", i + 1, fit(name, cap))
            })
            .collect()
    };
    let longest = names.iter().map(|n| width(n)).max().unwrap_or(0);
    for (with_counts, floor) in [(true, 8), (false, 4)] {
        for cap in (floor..=longest.max(floor)).rev() {
            let labels = make(cap, with_counts);
            if fits(&labels) {
                return labels;
            }
        }
    }
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if i == view.active {
                format!(" {} {} ", i + 1, fit(name, room / 2))
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
        format!("{d}{} {h:02}:{m:02}", view.t("elapsed-days"))
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

fn save_span(t: &Theme, view: &CallView) -> Span<'static> {
    // Not saved comes first: a completion that is not in the store yet is not complete.
    match &view.tab().save {
        SaveState::Failed(_) => Span::styled(view.t("save-failed"), t.error()),
        _ if view.session().status == Status::Completed => {
            Span::styled(view.t("save-completed"), t.ok())
        }
        _ if view.read_only(view.active).is_some() => {
            Span::styled(view.t("save-read-only"), t.warn())
        }
        SaveState::Saved(_) => Span::styled(view.t("save-saved"), t.ok()),
        SaveState::Saving => Span::styled(view.t("save-saving"), t.warn()),
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
    // A reopened session says which revision is being edited (r1 is the only one), on
    // the side that is never cut.
    let revision = match view.session().revision {
        0 | 1 => String::new(),
        r => format!("r{r} · "),
    };
    let right = vec![
        Span::styled(revision, t.warn()),
        Span::styled(
            view.tr(
                "header-where",
                &[
                    ("section_no", (si + 1).into()),
                    ("n", pos.into()),
                    ("of", visible.len().into()),
                ],
            ) + " · ",
            t.plain(),
        ),
        Span::styled(elapsed(app, view), t.plain()),
        Span::raw(" · "),
        save_span(t, view),
        Span::raw(" "),
    ];
    // Consent refused is said all the time, whatever else the screen shows.
    let consent = view.interview.consent_refused(view.active).then(|| {
        let id = match view.guide().consent.when_refused {
            WhenRefused::NoFreeText => "header-no-consent-no-notes",
            WhenRefused::KeepLocal => "header-no-consent-keep-local",
        };
        format!(" {} ", view.t(id))
    });
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum::<usize>()
        + consent.as_ref().map_or(0, |c| width(c) + 1);
    let left_w = (header.width as usize).saturating_sub(right_w + 1);
    let who = format!(
        " {} · {}",
        view.session().response,
        structure_name(view.guide(), view.session(), lang)
    );
    let mut spans = vec![Span::styled(cell(&who, left_w), t.title())];
    spans.push(Span::raw(" "));
    if let Some(c) = consent {
        spans.push(Span::styled(c, t.error()));
        spans.push(Span::raw(" "));
    }
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
        let switch = format!(" {}", view.t("tabs-switch"));
        if used + width("Ctrl-T") + width(&switch) <= tabs_row.width as usize {
            spans.push(Span::styled("Ctrl-T", t.key()));
            spans.push(Span::styled(switch, t.dim()));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), tabs_row);
    }

    let (nav, pane) = if main.width >= 72 {
        let [n, p] = Layout::horizontal([
            Constraint::Length(nav_width(main.width)),
            Constraint::Min(1),
        ])
        .areas(main);
        (Some(n), p)
    } else {
        (None, main)
    };
    if let Some(nav) = nav {
        render_nav(app, view, f, nav);
    }
    match &view.panel {
        Some(p) => super::panels::render(app, view, p, f, pane),
        None if main.width >= guidance_column::FROM_WIDTH => {
            let side_w = guidance_column::width(main.width, nav_width(main.width));
            let [question, side] =
                Layout::horizontal([Constraint::Min(1), Constraint::Length(side_w)]).areas(pane);
            super::question::render_question(app, view, f, question, true);
            guidance_column::render(app, view, f, side);
        }
        None => super::question::render_question(app, view, f, pane, false),
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
