//! The call-details panel over the question pane: one labelled row per field, the focused
//! one framed by its cursor, scrolled to keep the focus in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::{fit, scroll_to};
use crate::tui::app::App;
use crate::tui::call_details::{CallDetails, DetailsField};
use crate::tui::interview::CallView;
use crate::tui::text_field::TextField;

const LABEL: u16 = 20;

enum Row<'a> {
    Heading(String),
    Text(DetailsField, String, &'a TextField),
    Role(DetailsField, String, String),
    Button(DetailsField, String),
}

pub fn render(app: &App, view: &CallView, d: &CallDetails, f: &mut Frame, inner: Rect) {
    let t = &app.theme;
    let w = inner.width as usize;
    let name = view.session().structure_name(view.guide(), view.lang());
    let b = Block::default().borders(Borders::TOP).title(Span::styled(
        fit(&format!(" {} ", view.t("details-title")), w),
        t.focus(),
    ));
    let body = b.inner(inner);
    f.render_widget(b, inner);
    let mut rows = vec![
        Row::Text(DetailsField::Response, view.t("form-response"), &d.response),
        Row::Text(DetailsField::Note, view.t("details-note"), &d.note),
        Row::Heading(view.tr("details-participants", &[("structure", name.into())])),
    ];
    for (i, p) in d.people.iter().enumerate() {
        let role = super::form::role_name(view.ui_lang(), p.role);
        rows.push(Row::Role(
            DetailsField::Role(i),
            view.tr("details-role", &[("n", (i + 1).into())]),
            role,
        ));
        rows.push(Row::Text(
            DetailsField::Organisation(i),
            format!("  {}", view.t("form-organisation")),
            &p.organisation,
        ));
        rows.push(Row::Text(
            DetailsField::Name(i),
            format!("  {}", view.t("details-name")),
            &p.name,
        ));
    }
    rows.push(Row::Button(
        DetailsField::Add,
        format!("[ {} ]", view.t("form-add-participant")),
    ));
    let focus_row = rows
        .iter()
        .position(|r| match r {
            Row::Text(f, ..) | Row::Role(f, ..) | Row::Button(f, _) => *f == d.focus,
            Row::Heading(_) => false,
        })
        .unwrap_or(0);
    let height = body.height as usize;
    let top = scroll_to(focus_row, height, rows.len());
    for (n, row) in rows.iter().enumerate().skip(top).take(height) {
        let area = Rect {
            y: body.y + (n - top) as u16,
            height: 1,
            ..body
        };
        let [l, v] =
            Layout::horizontal([Constraint::Length(LABEL), Constraint::Min(8)]).areas(area);
        let label_style = |field: DetailsField| {
            if field == d.focus {
                t.focus()
            } else {
                t.title()
            }
        };
        match row {
            Row::Heading(text) => {
                f.render_widget(Paragraph::new(Span::styled(fit(text, w), t.title())), area);
            }
            Row::Text(field, label, tf) => {
                f.render_widget(
                    Paragraph::new(Span::styled(
                        fit(&format!(" {label}"), LABEL as usize),
                        label_style(*field),
                    )),
                    l,
                );
                if *field == d.focus {
                    f.render_widget(&tf.view(), v);
                } else {
                    let text = tf.text();
                    let (shown, style) = if text.is_empty() {
                        ("…".to_string(), t.dim())
                    } else {
                        (fit(&text, v.width as usize), t.plain())
                    };
                    f.render_widget(Paragraph::new(Span::styled(shown, style)), v);
                }
            }
            Row::Role(field, label, role) => {
                f.render_widget(
                    Paragraph::new(Span::styled(
                        fit(&format!(" {label}"), LABEL as usize),
                        label_style(*field),
                    )),
                    l,
                );
                let (text, style) = if *field == d.focus {
                    (format!("‹ {role} ›"), t.selected())
                } else {
                    (role.to_string(), t.plain())
                };
                f.render_widget(
                    Paragraph::new(Line::from(Span::styled(
                        fit(&text, v.width as usize),
                        style,
                    ))),
                    v,
                );
            }
            Row::Button(field, text) => {
                let style = if *field == d.focus {
                    t.selected()
                } else {
                    t.plain()
                };
                f.render_widget(Paragraph::new(Span::styled(text.as_str(), style)), v);
            }
        }
    }
}
