//! Home: the calls and their sessions, newest first, with what a returning interviewer
//! needs to pick one up (country, structure, status, progress, last change).

use crate::i18n::{UiLang, t as t_, tr};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::{cell, fit, scroll_to};
use crate::guide::Structure;
use crate::tui::app::App;

/// What the session's guide calls its respondent (the short name), when that guide is
/// loaded; else the default types' names, or the id.
/// In the screen's language where the guide has it: the list is outside any call.
fn structure_name(app: &App, r: &crate::store::SessionSummary) -> String {
    let (s, label) = (r.structure.as_str(), r.structure_label.as_str());
    let lang = app.ui.code();
    let guide = app
        .guides
        .iter()
        .find(|g| g.guide.id == r.guide_id)
        .map(|g| &g.guide);
    let named = |kind: String| {
        tr(
            app.ui,
            "home-structure-named",
            &[("structure", kind.into()), ("label", label.into())],
        )
    };
    match (Structure::parse(s), guide) {
        (Some(k), Some(g)) if g.asks_name(k) && !label.is_empty() => {
            named(g.respondent_short(k, lang))
        }
        (Some(k), Some(g)) => g.respondent_short(k, lang),
        (Some(Structure::Other), None) if !label.is_empty() => {
            named(Structure::Other.short_label(lang).into_owned())
        }
        (Some(k), None) => k.short_label(lang).to_string(),
        (None, _) => s.to_string(),
    }
}

fn status_name(lang: UiLang, s: &str) -> String {
    match s {
        "in_progress" => t_(lang, "status-in-progress"),
        "completed" => t_(lang, "status-completed"),
        "draft" => t_(lang, "status-draft"),
        other => other.to_string(),
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
    let lang = app.ui;
    let count = if visible.len() != home.rows.len() {
        tr(
            lang,
            "home-sessions-of",
            &[
                ("shown", visible.len().into()),
                ("total", home.rows.len().into()),
            ],
        )
    } else {
        tr(lang, "home-sessions", &[("shown", visible.len().into())])
    };
    let count = format!("· {count}");
    // The campaign's totals are cut with … where the line ends, not mid-word.
    let campaign_w = (area.width as usize)
        .saturating_sub(super::layout::width(" stocktake ") + super::layout::width(&count));
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" stocktake ", t.title()),
            Span::styled(count, t.dim()),
            // The campaign, once there is one: how many targets are done, due and left.
            Span::styled(
                if app.plan.rows.is_empty() {
                    String::new()
                } else {
                    let (done, due, left) = app.plan.totals();
                    let said = tr(
                        lang,
                        "home-campaign",
                        &[
                            ("done", done.into()),
                            ("due", due.into()),
                            ("left", left.into()),
                        ],
                    );
                    fit(&format!(" · {said}"), campaign_w)
                },
                t.plain(),
            ),
        ])),
        title,
    );
    if home.loaded && home.rows.is_empty() {
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(format!(" {}", t_(lang, "home-empty-before"))),
                Span::styled("n", t.key()),
                Span::raw(t_(lang, "home-empty-after")),
            ])),
            body,
        );
        return;
    }
    let w = area.width as usize;
    // Columns shrink to 80 columns; the interviewer shows when there is room. Narrower, the
    // revision and then the time of the last change go (the session itself says both)
    // before the response is cut to less than 12 columns: a column cut to "03-1…" says
    // nothing, and the response is how an interviewer finds the call.
    let show_who = w >= 96;
    let mut cols: [usize; 7] = [0, 18, if show_who { 12 } else { 0 }, 12, 3, 8, 11];
    let others = |cols: &[usize; 7]| -> usize {
        cols.iter().sum::<usize>() + cols.iter().filter(|c| **c > 0).count()
    };
    for drop in [4, 6] {
        if w.saturating_sub(others(&cols) + 1) < 12 {
            cols[drop] = 0;
        }
    }
    cols[0] = w.saturating_sub(others(&cols) + 1).clamp(8, 40);
    let row_text = |c: [&str; 7]| -> String {
        let mut s = String::from(" ");
        for (i, (text, wd)) in c.iter().zip(cols).enumerate() {
            if wd == 0 {
                continue;
            }
            s.push_str(&cell(text, wd));
            if cols[i + 1..].iter().any(|c| *c > 0) {
                s.push(' ');
            }
        }
        s
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            row_text([
                &t_(lang, "home-col-response"),
                &t_(lang, "home-col-structure"),
                &t_(lang, "home-col-interviewer"),
                &t_(lang, "home-col-status"),
                &t_(lang, "home-col-rev"),
                &t_(lang, "home-col-required"),
                &t_(lang, "home-col-last-change"),
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
                format!("↑{}", status_name(lang, &r.status))
            } else {
                status_name(lang, &r.status)
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
        let said = format!(" {} ", t_(lang, "home-filter"));
        let [label, field] = Layout::horizontal([
            Constraint::Length(crate::tui::screens::layout::width(&said) as u16),
            Constraint::Min(1),
        ])
        .areas(filter);
        f.render_widget(Paragraph::new(Span::styled(said, t.key())), label);
        f.render_widget(&home.filter.view(), field);
    } else {
        // The ↑ in the list needs its meaning on screen: a completed interview that has not
        // left this machine is the one thing on this screen that still needs doing.
        let waiting = home.rows.iter().filter(|r| r.waiting).count();
        let legend = if waiting > 0 {
            format!(
                " {}",
                tr(lang, "home-unsynced", &[("waiting", waiting.into())])
            )
        } else {
            String::new()
        };
        let data = tr(
            lang,
            "home-data",
            &[("path", app.data_path.as_str().into())],
        );
        f.render_widget(
            Paragraph::new(Span::styled(fit(&format!("{legend} {data}"), w), t.dim())),
            filter,
        );
    }
}
