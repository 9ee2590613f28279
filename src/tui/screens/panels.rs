//! The panels over the question pane: general notes, find, review, full guidance.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::{fit, scroll_to, wrap};
use crate::tui::app::App;
use crate::tui::interview::CallView;
use crate::tui::panels::Panel;

pub fn render(app: &App, view: &CallView, panel: &Panel, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let lang = view.lang();
    let dl = view.interview.default_language();
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let w = inner.width as usize;
    let qs: Vec<_> = view.guide().questions().collect();
    match panel {
        Panel::Guard(g) => super::guard::render(app, view, g, f, inner),
        Panel::AddStructure(add) => {
            let b = Block::default().borders(Borders::TOP).title(Span::styled(
                fit(&format!(" {} ", view.t("add-structure-title")), w),
                t.focus(),
            ));
            let body = b.inner(inner);
            f.render_widget(b, inner);
            let mut lines: Vec<Line> = wrap(&view.t("add-structure-body"), w)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.dim())))
                .collect();
            lines.push(Line::default());
            for (i, s) in add.choices.iter().enumerate() {
                let on = i == add.cursor;
                let guide = view.guide();
                let name = if guide.asks_name(*s) {
                    view.tr(
                        "add-structure-named-below",
                        &[("structure", guide.respondent_short(*s, lang).into())],
                    )
                } else {
                    guide.respondent_name(*s, lang)
                };
                lines.push(Line::from(Span::styled(
                    fit(&format!("{} {name}", if on { "▸" } else { " " }), w),
                    if on { t.selected() } else { t.plain() },
                )));
            }
            let list_h = (lines.len() as u16).min(body.height.saturating_sub(5));
            let [list, name_title, name, org_title, org] = Layout::vertical([
                Constraint::Length(list_h + 1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(body);
            f.render_widget(Paragraph::new(lines), list);
            // The field typing goes to is the live one; Tab switches.
            let field = |f: &mut Frame,
                         title: &str,
                         field: &crate::tui::text_field::TextField,
                         placeholder: String,
                         on: bool,
                         at: (Rect, Rect)| {
                f.render_widget(
                    Paragraph::new(Span::styled(
                        fit(title, w),
                        if on { t.focus() } else { t.dim() },
                    )),
                    at.0,
                );
                if on {
                    f.render_widget(&field.view_with_placeholder(placeholder), at.1);
                } else {
                    let text = field.text();
                    let (shown, style) = if text.is_empty() {
                        ("…".to_string(), t.dim())
                    } else {
                        (fit(&text, w), t.plain())
                    };
                    f.render_widget(Paragraph::new(Span::styled(shown, style)), at.1);
                }
            };
            field(
                f,
                &view.t("add-structure-name"),
                &add.label,
                view.t("add-structure-name-placeholder"),
                !add.on_organisation,
                (name_title, name),
            );
            field(
                f,
                &view.t("add-structure-organisation"),
                &add.organisation,
                view.t("add-structure-organisation-placeholder"),
                add.on_organisation,
                (org_title, org),
            );
        }
        Panel::Guidance(scroll) => {
            let q = view.question();
            let section = &view.guide().sections[view.section_of(view.tab().current)];
            let mut lines: Vec<Line> = Vec::new();
            // The section's introduction first: the script read out before its questions.
            if let Some(intro) = &section.guidance {
                lines.push(Line::from(Span::styled(
                    format!("§ {}", section.title.get(lang, dl)),
                    t.title(),
                )));
                lines.extend(
                    wrap(intro.get(lang, dl), w)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(l, t.guidance()))),
                );
                lines.push(Line::default());
            }
            lines.extend(
                wrap(q.text.get(lang, dl), w)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.question()))),
            );
            lines.push(Line::default());
            let g = q
                .guidance
                .as_ref()
                .map(|g| g.get(lang, dl).to_string())
                .unwrap_or_else(|| view.t("guidance-none"));
            lines.extend(
                wrap(&g, w)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.guidance()))),
            );
            let max_scroll = (lines.len() as u16).saturating_sub(inner.height.saturating_sub(1));
            let b = Block::default().borders(Borders::TOP).title(Span::styled(
                format!(" {} ", view.t("guidance-title")),
                t.focus(),
            ));
            f.render_widget(
                Paragraph::new(lines)
                    .block(b)
                    .scroll(((*scroll).min(max_scroll), 0)),
                inner,
            );
        }
        Panel::Find(find) => {
            let [input, list] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
            let b = Block::default().borders(Borders::TOP).title(Span::styled(
                format!(" {} ", view.t("find-title")),
                t.focus(),
            ));
            let a = b.inner(input);
            f.render_widget(b, input);
            f.render_widget(&find.query.view(), a);
            let height = list.height as usize;
            let top = scroll_to(find.cursor, height, find.results.len());
            let mut lines = Vec::new();
            if find.results.is_empty() {
                lines.push(Line::from(Span::styled(view.t("find-none"), t.dim())));
            }
            for (n, i) in find.results.iter().enumerate().skip(top).take(height) {
                let si = view.section_of(*i);
                let text = fit(&format!("{} · {}", si + 1, qs[*i].text.get(lang, dl)), w);
                lines.push(Line::from(Span::styled(
                    text,
                    if n == find.cursor {
                        t.selected()
                    } else {
                        t.plain()
                    },
                )));
            }
            f.render_widget(Paragraph::new(lines), list);
        }
        Panel::Review(r) => super::review::render(app, view, r, f, inner),
        Panel::CallDetails(d) => super::call_details::render(app, view, d, f, inner),
        Panel::Notes(pad) => {
            let notes = &view.session().notes;
            let input_h = 4u16.min(inner.height / 2);
            let [list, input] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(input_h + 1)])
                    .areas(inner);
            // Whose notes they are comes first; the reminder of what the pad is for only
            // where it fits whole.
            let mut title = format!(
                " {} ",
                view.tr(
                    "notes-title",
                    &[
                        (
                            "structure",
                            view.session().structure_name(view.guide(), lang).into()
                        ),
                        ("n", notes.len().into()),
                    ],
                )
            );
            let tail = format!("{} ", view.t("notes-title-tail"));
            if super::layout::width(&title) + super::layout::width(&tail) <= w {
                title.push_str(&tail);
            }
            let b = Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(fit(&title, w), t.focus()));
            let la = b.inner(list);
            f.render_widget(b, list);
            let mut lines = Vec::new();
            let mut sel_row = lines.len();
            for (i, n) in notes.iter().enumerate() {
                let at = n.at.strftime("%H:%M").to_string();
                let mut q = n
                    .question
                    .as_deref()
                    .map(|q| format!(" [{q}]"))
                    .unwrap_or_default();
                if n.sensitive {
                    q.push_str(&format!(" [{}]", view.t("notes-sensitive")));
                }
                if let Some(s) = &n.said_by {
                    q.push_str(&format!(" [{}]", s.short_in(view.ui_lang())));
                }
                let selected = pad.selected == Some(i)
                    || (pad.selected.is_none() && pad.editing == Some(n.seq));
                if selected {
                    sel_row = lines.len();
                }
                for l in wrap(&format!("{at}{q} {}", n.text), w) {
                    let style = if pad.selected == Some(i) {
                        t.selected()
                    } else if pad.editing == Some(n.seq) {
                        t.focus()
                    } else {
                        t.plain()
                    };
                    lines.push(Line::from(Span::styled(l, style)));
                }
            }
            if notes.is_empty() {
                lines.push(Line::from(Span::styled(view.t("notes-none"), t.dim())));
            }
            let top = if pad.selected.is_some() {
                scroll_to(sel_row, la.height as usize, lines.len())
            } else {
                lines.len().saturating_sub(la.height as usize)
            };
            f.render_widget(
                Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
                la,
            );
            let title = match pad.editing {
                Some(seq) => format!(" {} ", view.tr("notes-editing", &[("seq", seq.into())])),
                None => format!(" {} ", view.t("notes-new")),
            };
            let b = Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(fit(&title, w), t.dim()));
            let ia = b.inner(input);
            f.render_widget(b, input);
            f.render_widget(
                &pad.input.view_with_placeholder(view.t("notes-placeholder")),
                ia,
            );
        }
    }
}
