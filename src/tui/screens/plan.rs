//! The Plan screen: the campaign's targets, what to do first at the top, with the next
//! call in the interviewer's time and the respondent's; the chosen target's details at
//! the bottom; logging an outcome in a box over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::{cell, fit, scroll_to};
use crate::campaign::{Outcome, Progress, State};
use crate::i18n::{UiLang, t, tr};
use crate::tui::app::App;
use crate::tui::plan::PlanView;

/// An outcome's name in `ui`: `outcome-<its code>` in the `.ftl` files.
pub(super) fn outcome_label(ui: UiLang, o: Outcome) -> String {
    crate::i18n::lookup(ui, &format!("outcome-{}", o.as_str()), &[])
        .unwrap_or_else(|| o.label().to_string())
}

fn status(ui: UiLang, p: &Progress) -> String {
    let id = match p.state {
        State::Done(o) => return outcome_label(ui, o),
        State::Due if p.callback => "plan-state-callback-due",
        State::Due => "plan-state-due",
        State::NotTried => "plan-state-not-tried",
        State::Waiting if p.callback => "plan-state-callback",
        State::Waiting => "plan-state-waiting",
        State::Exhausted => "plan-state-exhausted",
        State::NeedsContact => "plan-state-needs-contact",
    };
    t(ui, id)
}

/// The next call: "Thu 14:00 (theirs 17:00)", or without their time when `short` (the
/// details under the list say the time there).
fn next(app: &App, p: &Progress, short: bool) -> String {
    let Some(t) = p.next else {
        return String::new();
    };
    let here = crate::i18n::day_time(app.lang(), &t.to_zoned_datetime(app.tz.clone()));
    match p
        .target
        .timezone
        .as_deref()
        .filter(|_| !short)
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
    {
        Some(tz) => tr(
            app.lang(),
            "plan-next-theirs",
            &[
                ("here", here.into()),
                (
                    "theirs",
                    t.to_zoned_datetime(tz).strftime("%H:%M").to_string().into(),
                ),
            ],
        ),
        None => here,
    }
}

/// How wide the next call is in `ui`, without and with their time: weekday names differ
/// in width between languages (`Wed`, `mer.`), and a time cut to `13:0…` is misread.
fn next_widths(ui: UiLang) -> (usize, usize) {
    // 2026-11-30 13:00 UTC, a Monday, and the six days after it.
    const MONDAY: i64 = 1_796_043_600;
    (0..7)
        .filter_map(|d| {
            let z = jiff::Timestamp::from_second(MONDAY + d * 86_400)
                .ok()?
                .to_zoned_datetime(jiff::tz::TimeZone::UTC);
            let here = crate::i18n::day_time(ui, &z);
            let long = tr(
                ui,
                "plan-next-theirs",
                &[("here", here.as_str().into()), ("theirs", "13:00".into())],
            );
            Some((super::layout::width(&here), super::layout::width(&long)))
        })
        .fold((9, 24), |(s, l), (a, b)| (s.max(a), l.max(b)))
}

pub fn render(app: &App, view: &PlanView, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let ui = app.lang();
    let w = area.width as usize;
    let [title, header, body, details] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let (done, due, left) = view.data.totals();
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", crate::i18n::t(ui, "plan-title")), t.title()),
            Span::styled(
                fit(
                    &tr(
                        ui,
                        "plan-totals",
                        &[
                            ("done", done.into()),
                            ("due", due.into()),
                            ("left", left.into()),
                        ],
                    ),
                    w.saturating_sub(11),
                ),
                t.plain(),
            ),
        ])),
        title,
    );
    if view.data.rows.is_empty() {
        f.render_widget(
            Paragraph::new(vec![
                Line::from(format!(" {}", crate::i18n::t(ui, "plan-empty"))),
                Line::from(Span::styled(
                    "   stocktake plan import CAMPAIGN.csv",
                    t.key(),
                )),
                Line::from(Span::styled(
                    format!(" {}", crate::i18n::t(ui, "plan-empty-columns")),
                    t.dim(),
                )),
            ]),
            body,
        );
        return;
    }
    // Columns shrink to 80: the target takes what the others leave. Narrower than the
    // columns with a 12-column target, the next call loses "(theirs 17:00)" rather than
    // be cut to "(theirs 1…": the details under the list give the time there.
    // A header longer in another language ("ESSAIS") widens its column, never cut.
    let tries = super::layout::width(&crate::i18n::t(ui, "plan-col-tries")).max(5);
    let st = 13;
    let (nx_short, nx_long) = next_widths(ui);
    let short = w < 12 + st + tries + nx_long + 8;
    let nx = if short { nx_short } else { nx_long };
    let tw = w.saturating_sub(st + tries + nx + 8).max(12);
    let row = |mark: &str, target: &str, s: &str, n: &str, x: &str| {
        format!(
            "{mark}{} {} {} {}",
            cell(target, tw),
            cell(s, st),
            cell(n, tries),
            fit(x, nx)
        )
    };
    f.render_widget(
        Paragraph::new(Span::styled(
            row(
                "     ",
                &crate::i18n::t(ui, "plan-col-target"),
                &crate::i18n::t(ui, "plan-col-status"),
                &crate::i18n::t(ui, "plan-col-tries"),
                &crate::i18n::t(ui, "plan-col-next"),
            ),
            t.dim(),
        )),
        header,
    );
    let height = body.height as usize;
    let top = scroll_to(view.cursor, height, view.data.rows.len());
    let mut lines = Vec::new();
    for (i, p) in view.data.rows.iter().enumerate().skip(top).take(height) {
        let here = i == view.cursor;
        let tick = if view.ticked.contains(&p.target.id) {
            "[x]"
        } else {
            "[ ]"
        };
        let mark = format!("{}{tick} ", if here { "▸" } else { " " });
        let mut name = p.target.name(ui.code());
        if p.target.removed {
            name.push_str(&format!(" ({})", crate::i18n::t(ui, "plan-removed")));
        }
        let text = row(
            &mark,
            &name,
            &status(ui, p),
            &p.attempts.to_string(),
            &next(app, p, short),
        );
        let style = if here {
            t.selected()
        } else {
            match p.state {
                State::Due => t.warn(),
                State::Done(_) => t.dim(),
                _ => t.plain(),
            }
        };
        lines.push(Line::from(Span::styled(fit(&text, w), style)));
    }
    f.render_widget(Paragraph::new(lines), body);
    if let Some(p) = view.selected() {
        let tg = &p.target;
        let who: Vec<&str> = [
            tg.coordinator.as_str(),
            tg.organisation.as_str(),
            tg.contact.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        let mut second = Vec::new();
        if let Some(z) = &tg.timezone {
            let theirs = jiff::tz::TimeZone::get(z)
                .map(|tz| app.now.to_zoned_datetime(tz).strftime("%H:%M").to_string())
                .unwrap_or_default();
            second.push(tr(
                ui,
                "plan-there-now",
                &[("zone", z.as_str().into()), ("time", theirs.into())],
            ));
        }
        if !tg.languages.is_empty() {
            second.push(tg.languages.join(" "));
        }
        if let Some(b) = p.best {
            second.push(tr(
                ui,
                "plan-aapor",
                &[("code", b.aapor().0.into()), ("outcome", b.as_str().into())],
            ));
        }
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    fit(&format!(" {}", who.join(" · ")), w),
                    t.plain(),
                )),
                Line::from(Span::styled(
                    fit(&format!(" {}", second.join(" · ")), w),
                    t.dim(),
                )),
            ]),
            details,
        );
    }
    if let Some(log) = &view.log {
        render_log(app, log, f, area);
    }
}

fn render_log(app: &App, log: &crate::tui::plan::LogPanel, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width.clamp(20, 52);
    let inner = w.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = Vec::new();
    match &log.time {
        None => {
            for (i, o) in Outcome::ALL.iter().enumerate() {
                let key = if i == 9 { 0 } else { i + 1 };
                let text = fit(&format!("{key} {}", outcome_label(app.lang(), *o)), inner);
                lines.push(Line::from(Span::styled(
                    text,
                    if i == log.cursor {
                        t.selected()
                    } else {
                        t.plain()
                    },
                )));
            }
        }
        Some(_) => {
            lines.push(Line::from(fit(
                &crate::i18n::t(app.lang(), "plan-when-again"),
                inner,
            )));
            lines.push(Line::from(Span::styled(
                fit(&crate::i18n::t(app.lang(), "plan-their-time"), inner),
                t.dim(),
            )));
            lines.push(Line::default());
            lines.push(Line::default());
            if let Some(e) = &log.error {
                let said = crate::i18n::Reason::reason(e, app.lang());
                lines.push(Line::from(Span::styled(fit(&said, inner), t.error())));
            }
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = super::popup(area, w, h);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " {} ",
                fit(
                    &tr(
                        app.lang(),
                        "plan-outcome-title",
                        &[("target", log.target.name(app.lang().code()).into())]
                    ),
                    inner
                )
            ),
            t.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let body = block.inner(r);
    f.render_widget(Paragraph::new(lines).block(block), r);
    if let Some(field) = &log.time {
        let input = Rect {
            y: body.y + 3,
            height: 1,
            ..body
        };
        f.render_widget(&field.view(), input);
    }
}
