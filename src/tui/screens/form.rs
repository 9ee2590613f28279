//! The new-call form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::fit;
use crate::session::ROLES;
use crate::tui::app::App;
use crate::tui::form::{Form, FormField};
use crate::tui::text_field::TextField;

// The longest label, " Consent to take notes", and a space before a focused "◀".
const LABEL: u16 = 23;

pub fn render(app: &App, form: &Form, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let focus = |field: FormField| form.focus == field;
    let label_style = |field: FormField| if focus(field) { t.focus() } else { t.plain() };
    let mut rows: Vec<(FormField, Line)> = Vec::new();
    let lang = form.language_code().to_string();
    let guide_title = app
        .guides
        .get(form.guide)
        .map(|g| {
            g.guide
                .title
                .get(&lang, g.guide.default_language())
                .to_string()
        })
        .unwrap_or_default();
    let chooser = |text: String, on: bool| -> Vec<Span> {
        vec![
            Span::styled(if on { "◀ " } else { "  " }, t.key()),
            Span::styled(text, if on { t.focus() } else { t.plain() }),
            Span::styled(if on { " ▶" } else { "" }, t.key()),
        ]
    };
    let w = area.width as usize;
    rows.push((
        FormField::Guide,
        Line::from(chooser(
            fit(&guide_title, w.saturating_sub(LABEL as usize + 6)),
            focus(FormField::Guide),
        )),
    ));
    rows.push((
        FormField::Language,
        Line::from(chooser(
            crate::i18n::language_shown(&lang),
            focus(FormField::Language),
        )),
    ));
    // The tick boxes side by side, on as many lines as they need: a guide may declare
    // more respondent types than one line of 80 columns holds.
    let room = w.saturating_sub(LABEL as usize + 1);
    let mut tick_lines: Vec<(usize, Vec<Span>)> = Vec::new();
    let mut used = room;
    for (i, k) in form.kinds().iter().enumerate() {
        let on = form.structures.get(i).copied().unwrap_or(false);
        let mark = if on { "[x] " } else { "[ ] " };
        let style = if focus(FormField::Structure(i)) {
            t.selected()
        } else {
            t.plain()
        };
        // In the call's language, as the guide's title above: the form is in the words
        // the call will be held in.
        let short = app
            .guides
            .get(form.guide)
            .and_then(|g| {
                let r = g.guide.respondents.get(i)?;
                Some(r.short_name(&lang, g.guide.default_language()))
            })
            .unwrap_or(&k.short);
        let text = fit(&format!("{mark}{short}"), room);
        let width = super::layout::width(&text) + 1;
        if used + width > room {
            tick_lines.push((i, Vec::new()));
            used = 0;
        }
        used += width;
        if let Some((_, line)) = tick_lines.last_mut() {
            line.push(Span::styled(text, style));
            // One space: with the label column that fits " Consent to take notes ◀",
            // the four default boxes still fit 80 columns.
            line.push(Span::raw(" "));
        }
    }
    let ui = app.lang();
    let tx = |id: &str| crate::i18n::t(ui, id);
    let consent = tx(match form.consent {
        None => "form-consent-not-asked",
        Some(true) => "form-consent-yes",
        Some(false) => "form-consent-no",
    });

    let [title, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    // Where a guide from outside stocktake comes from, while it is the one chosen.
    let origin = app
        .guides
        .get(form.guide)
        .and_then(|g| app.trust.iter().find(|(d, _)| *d == g.digest))
        .map(|(_, trust)| {
            let what = if trust.replaces_bundled {
                "replaces"
            } else {
                "not-bundled"
            };
            let from = crate::i18n::tr(
                ui,
                "form-guide-from",
                &[
                    ("origin", trust.origin.as_str().into()),
                    ("what", what.into()),
                ],
            );
            format!("  {from}")
        });
    let subtitle = match &origin {
        Some(o) => Span::styled(fit(o, w.saturating_sub(10)), t.warn()),
        None => Span::styled(format!("  {}", tx("form-subtitle")), t.dim()),
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {}", tx("form-title")), t.title()),
            subtitle,
        ])),
        title,
    );

    // Each entry: the label, then either a line of spans or a text field.
    enum Row<'a> {
        Spans(Line<'a>),
        Text(&'a TextField),
        Button(String),
    }
    let mut entries: Vec<(FormField, String, Row)> = vec![
        (
            FormField::Guide,
            tx("form-guide"),
            Row::Spans(rows.remove(0).1),
        ),
        (
            FormField::Language,
            tx("form-language"),
            Row::Spans(rows.remove(0).1),
        ),
        (
            FormField::Response,
            tx("form-response"),
            Row::Text(&form.response),
        ),
    ];
    for (n, (first, line)) in tick_lines.into_iter().enumerate() {
        let label = if n == 0 {
            tx("form-respondents")
        } else {
            String::new()
        };
        entries.push((
            FormField::Structure(first),
            label,
            Row::Spans(Line::from(line)),
        ));
    }
    if form.asks_name() {
        entries.push((
            FormField::OtherLabel,
            tx("form-other-structure"),
            Row::Text(&form.other_label),
        ));
    }
    for (i, p) in form.participants.iter().enumerate() {
        let role = role_name(ui, p.role);
        entries.push((
            FormField::Role(i),
            crate::i18n::tr(ui, "form-participant", &[("n", (i + 1).into())]),
            Row::Spans(Line::from(chooser(role, focus(FormField::Role(i))))),
        ));
        entries.push((
            FormField::Organisation(i),
            format!("  {}", tx("form-organisation")),
            Row::Text(&p.organisation),
        ));
    }
    entries.push((
        FormField::AddParticipant,
        String::new(),
        Row::Button(tx("form-add-participant")),
    ));
    entries.push((
        FormField::Interviewer,
        tx("form-interviewer"),
        Row::Text(&form.interviewer),
    ));
    entries.push((
        FormField::Consent,
        tx("form-consent"),
        Row::Spans(Line::from(chooser(consent, focus(FormField::Consent)))),
    ));
    entries.push((
        FormField::Start,
        String::new(),
        Row::Button(tx("form-start")),
    ));

    // Keep the focused field in view on a short terminal.
    // The line of tick boxes the focused one is on: the last starting at or before it.
    let on_line = |field: &FormField| match (field, form.focus) {
        (FormField::Structure(first), FormField::Structure(i)) => {
            *first <= i
                && !entries
                    .iter()
                    .any(|(f, _, _)| matches!(f, FormField::Structure(j) if *j > *first && *j <= i))
        }
        _ => false,
    };
    let at = entries
        .iter()
        .position(|(f, _, _)| *f == form.focus || on_line(f))
        .unwrap_or(0);
    let height = body.height as usize;
    let top = super::layout::scroll_to(at, height, entries.len());
    for (n, (field, label, row)) in entries.iter().enumerate().skip(top).take(height) {
        let y = body.y + (n - top) as u16;
        let line_area = Rect {
            x: body.x,
            y,
            width: body.width,
            height: 1,
        };
        let [l, v] =
            Layout::horizontal([Constraint::Length(LABEL), Constraint::Min(10)]).areas(line_area);
        let is_focus = focus(*field) || on_line(field);
        f.render_widget(
            Paragraph::new(Span::styled(
                format!(" {label}"),
                label_style(if is_focus { form.focus } else { *field }),
            )),
            l,
        );
        let error = form.error(*field, ui);
        let error = error.as_deref();
        match row {
            Row::Spans(line) => f.render_widget(Paragraph::new(line.clone()), v),
            Row::Text(field_widget) => {
                let err_w = error.map_or(0, |e| {
                    (super::layout::width(e) + 3).min(v.width as usize / 2)
                }) as u16;
                let [input, msg] =
                    Layout::horizontal([Constraint::Min(8), Constraint::Length(err_w)]).areas(v);
                if focus(*field) {
                    f.render_widget(&field_widget.view(), input);
                } else {
                    let text = field_widget.text();
                    let shown = if text.is_empty() {
                        "…".to_string()
                    } else {
                        fit(&text, input.width as usize)
                    };
                    let style = if text.is_empty() { t.dim() } else { t.plain() };
                    f.render_widget(Paragraph::new(Span::styled(shown, style)), input);
                }
                if let Some(e) = error {
                    f.render_widget(
                        Paragraph::new(Span::styled(
                            fit(&format!(" ← {e}"), err_w as usize),
                            t.error(),
                        )),
                        msg,
                    );
                }
            }
            Row::Button(text) => {
                let style = if focus(*field) { t.selected() } else { t.key() };
                f.render_widget(
                    Paragraph::new(Span::styled(format!("[ {text} ]"), style)),
                    v,
                );
            }
        }
        if let (Some(e), Row::Spans(_)) = (error, row) {
            let msg_x = v.x + v.width.saturating_sub(super::layout::width(e) as u16 + 3);
            let r = Rect {
                x: msg_x,
                y,
                width: v.width.min(super::layout::width(e) as u16 + 3),
                height: 1,
            };
            f.render_widget(
                Paragraph::new(Span::styled(format!(" ← {e}"), t.error())),
                r,
            );
        }
    }
}

/// Participant role number `n` of [`ROLES`] in `ui`: `role-<its id>` in the `.ftl` files,
/// the table's English where a language lacks it. The session file keeps the id.
pub(super) fn role_name(ui: crate::i18n::UiLang, n: usize) -> String {
    ROLES.get(n).map_or_else(String::new, |(id, english)| {
        crate::i18n::lookup(ui, &format!("role-{id}"), &[]).unwrap_or_else(|| english.to_string())
    })
}
