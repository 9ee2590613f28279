//! Home: the calls and their sessions, newest first, with what a returning interviewer
//! needs to pick one up (country, structure, status, progress, last change).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::{cell, fit, scroll_to};
use crate::guide::Structure;
use crate::tui::app::App;

/// What the session's guide calls its respondent (the short name), when that guide is
/// loaded; else the default types' names, or the id.
fn structure_name(app: &App, r: &crate::store::SessionSummary) -> String {
    let (s, label) = (r.structure.as_str(), r.structure_label.as_str());
    let guide = app
        .guides
        .iter()
        .find(|g| g.guide.id == r.guide_id)
        .map(|g| &g.guide);
    match (Structure::parse(s), guide) {
        (Some(k), Some(g)) if g.asks_name(k) && !label.is_empty() => {
            format!("{}: {label}", g.respondent_short(k, "en"))
        }
        (Some(k), Some(g)) => g.respondent_short(k, "en"),
        (Some(Structure::Other), None) if !label.is_empty() => format!("Other: {label}"),
        (Some(k), None) => k.short_label("en").to_string(),
        (None, _) => s.to_string(),
    }
}

fn status_name(s: &str) -> &str {
    match s {
        "in_progress" => "in progress",
        other => other,
    }
}

/// `2018-03-14T09:40:02Z` shown as `03-14 09:40`, enough to tell sessions apart.
fn short_time(t: &str) -> String {
    if t.len() >= 16 {
        format!("{} {}", &t[5..10], &t[11..16])
    } else {
        t.to_string()
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let home = &app.home;
    let [title, header, body, filter] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let visible = home.visible();
    let count = format!(
        "{} session{}{}",
        visible.len(),
        if visible.len() == 1 { "" } else { "s" },
        if visible.len() != home.rows.len() {
            format!(" of {}", home.rows.len())
        } else {
            String::new()
        }
    );
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" stocktake ", t.title()),
            Span::styled(format!("· {count}"), t.dim()),
            // The campaign, once there is one: how many targets are done, due and left.
            Span::styled(
                if app.plan.rows.is_empty() {
                    String::new()
                } else {
                    let (done, due, left) = app.plan.totals();
                    format!(" · campaign: {done} done, {due} due now, {left} left")
                },
                t.plain(),
            ),
        ])),
        title,
    );
    if home.loaded && home.rows.is_empty() {
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(" No interviews yet. Press "),
                Span::styled("n", t.key()),
                Span::raw(" to start a call."),
            ])),
            body,
        );
        return;
    }
    let w = area.width as usize;
    // Columns shrink to 80 columns; the interviewer shows when there is room.
    let show_who = w >= 96;
    let mut cols: [usize; 7] = [0, 18, if show_who { 12 } else { 0 }, 12, 3, 8, 11];
    let others: usize = cols.iter().sum::<usize>() + cols.iter().filter(|c| **c > 0).count();
    cols[0] = w.saturating_sub(others + 1).clamp(8, 40);
    let row_text = |c: [&str; 7]| -> String {
        let mut s = String::from(" ");
        for (i, (text, wd)) in c.iter().zip(cols).enumerate() {
            if wd == 0 {
                continue;
            }
            s.push_str(&cell(text, wd));
            if i < 6 {
                s.push(' ');
            }
        }
        s
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            row_text([
                "RESPONSE",
                "STRUCTURE",
                "INTERVIEWER",
                "STATUS",
                "REV",
                "REQUIRED",
                "LAST CHANGE",
            ]),
            t.dim(),
        ))),
        header,
    );
    let height = body.height as usize;
    let top = scroll_to(home.cursor, height, visible.len());
    let mut lines = Vec::new();
    for (i, r) in visible.iter().enumerate().skip(top).take(height) {
        // A call's later sessions show its response once, so calls read as groups.
        let same_call = i > 0 && visible[i - 1].call_id == r.call_id;
        let response = if same_call {
            "  ·".to_string()
        } else {
            r.response.clone()
        };
        let text = row_text([
            &response,
            &structure_name(app, r),
            &r.interviewer,
            &if r.waiting {
                format!("↑{}", status_name(&r.status))
            } else {
                status_name(&r.status).to_string()
            },
            &r.revision.to_string(),
            &format!("{}/{}", r.required_answered, r.required),
            &short_time(&r.updated_at),
        ]);
        let style = if i == home.cursor {
            t.selected()
        } else if r.status == "completed" {
            t.dim()
        } else {
            t.plain()
        };
        lines.push(Line::from(Span::styled(cell(&text, w), style)));
    }
    f.render_widget(Paragraph::new(lines), body);
    if home.filtering || !home.filter.is_empty() {
        let [label, field] =
            Layout::horizontal([Constraint::Length(9), Constraint::Min(1)]).areas(filter);
        f.render_widget(Paragraph::new(Span::styled(" filter: ", t.key())), label);
        f.render_widget(&home.filter.view(), field);
    } else {
        // The ↑ in the list needs its meaning on screen: a completed interview that has not
        // left this machine is the one thing on this screen that still needs doing.
        let waiting = home.rows.iter().filter(|r| r.waiting).count();
        let legend = if waiting > 0 {
            format!(" ↑ {waiting} completed, not yet synced (stocktake sync) ·")
        } else {
            String::new()
        };
        f.render_widget(
            Paragraph::new(Span::styled(
                fit(&format!("{legend} data: {}", app.data_path), w),
                t.dim(),
            )),
            filter,
        );
    }
}
