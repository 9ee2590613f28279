//! The question pane of the interview screen: the question and its guidance, the answer
//! (options, or the text being typed), the specify field and the note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::layout::{fit, wrap_at_most};
use super::option_list::{self, ListLine};
use crate::guide::{Question, QuestionType};
use crate::session::{Field, Special, Value};
use crate::tui::app::App;
use crate::tui::interview::{
    CallView, OptionRow, is_text_kind, option_rows, row_label, row_selected,
};
use crate::tui::theme::Theme;

fn answer_title(q: &Question, view: &CallView) -> String {
    let a = view.session().answers.get(&q.id);
    let status = match a.and_then(|a| a.special) {
        Some(Special::DontKnow) => "dont-know",
        Some(Special::Declined) => "declined",
        Some(Special::NotAsked) => "not-asked",
        None => "none",
    };
    let kind = match q.kind {
        QuestionType::Multi => "multi",
        QuestionType::Number => "number",
        QuestionType::Date => "date",
        _ => "other",
    };
    // How it came to be, where the interviewer looks: after the definition (and what it
    // was before), and who said it. Both may come from a colleague's file: shown
    // neutralised, and short.
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let mut how = String::new();
    if let Some(e) = a.and_then(|a| a.provenance.before_definition.as_ref()) {
        let before = crate::neutralise::fit(
            &crate::interview::earlier_words(
                q,
                e,
                lang,
                dl,
                &crate::tui::interview::fixed_words(lang),
            ),
            40,
        );
        how.push_str(" · ");
        how.push_str(&view.tr("answer-after-definition", &[("before", before.into())]));
    }
    if let Some(s) = a.and_then(|a| a.said_by.as_ref()) {
        let who = crate::neutralise::fit(&s.short_in(view.ui_lang()), 30);
        how.push_str(" · ");
        how.push_str(&view.tr("answer-said-by", &[("who", who.into())]));
    }
    format!(
        " {}{how} ",
        view.tr(
            "answer-title",
            &[("kind", kind.into()), ("special", status.into())]
        )
    )
}

/// Where the keyboard is, for one field: the field being typed in is framed so that it
/// cannot be mistaken, with colour or without (a thick rule, a reversed title that says
/// "typing"); the field under the cursor but not typed in has a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    None,
    Cursor,
    Typing,
}

fn block<'a>(t: &Theme, view: &CallView, title: String, focus: Focus) -> Block<'a> {
    let title = title.trim().to_string();
    let (title, style, border, rule) = match focus {
        Focus::Typing => (
            format!(" {} ", view.tr("field-typing", &[("title", title.into())])),
            t.typing(),
            t.focus(),
            BorderType::Thick,
        ),
        Focus::Cursor => (
            format!(" ▸ {title} "),
            t.focus(),
            t.focus(),
            BorderType::Plain,
        ),
        Focus::None => (format!(" {title} "), t.dim(), t.dim(), BorderType::Plain),
    };
    Block::default()
        .borders(Borders::TOP)
        .border_type(rule)
        .border_style(border)
        .title(Span::styled(title, style))
}

/// The question pane; with `side_column`, its guidance is in the column beside (at 120
/// columns and more) and not repeated here.
pub fn render_question(app: &App, view: &CallView, f: &mut Frame, area: Rect, side_column: bool) {
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

    let title = view.tr(
        "question-title",
        &[
            ("section_no", (si + 1).into()),
            ("section", section.title.get(lang, dl).into()),
            ("n", n_in_section.into()),
            ("of", in_section.len().into()),
            ("required", if q.required { "yes" } else { "no" }.into()),
        ],
    );
    let (mut q_lines, _) = wrap_at_most(q.text.get(lang, dl), w, 4);
    let mut g_lines = if side_column {
        // All of it is in the column beside.
        Vec::new()
    } else {
        guidance_lines(view, w, if h >= 18 { 3 } else { 2 })
    };
    let rows = option_rows(q, view.session());
    // The specify field only while its Other option is chosen: it is not sent otherwise.
    let other = crate::interview::other_chosen(
        q,
        view.session()
            .answers
            .get(&q.id)
            .and_then(|a| a.value.as_ref()),
    );
    let (items, chosen) = choice_items(view, q, &rows);
    // Nothing to offer yet: say where the options come from, not an empty box.
    let nothing_offered = q
        .options_from
        .as_deref()
        .filter(|_| rows.is_empty())
        .map(|from| {
            let source = view
                .guide()
                .question(from)
                .map_or(from, |s| s.text.get(lang, dl));
            view.tr("nothing-offered", &[("source", source.into())])
        });
    let error_row = usize::from(tab.field_error.is_some());
    let answer_need = error_row
        + if is_text_kind(q) {
            if q.kind == QuestionType::LongText {
                // All of a long answer where there is room (and a row to type on), four
                // rows at least.
                (crate::tui::text_view::height(&tab.answer, w) + 1).max(4)
            } else {
                1
            }
        } else {
            // Every label whole where there is room; the window scrolls where there is not.
            match &nothing_offered {
                Some(m) => super::layout::wrap(m, w).len(),
                None => option_list::needed(&items, w).max(1),
            }
        };
    // The answer keeps three rows (a long text is never typed into an invisible box) and
    // the note one: the guidance gives up lines first, down to one that says Alt-G shows
    // it all, then the question, down to one line; then the guidance goes.
    let floor = answer_need.min(3);
    let other_rows = if other { 2 } else { 0 };
    let avail = h.saturating_sub(1 + floor + 1 + other_rows + 2);
    while q_lines.len() + g_lines.len() > avail {
        if g_lines.len() > 1 {
            let keep = g_lines.len() - 1;
            g_lines = cut_lines(view, g_lines, keep, w);
        } else if q_lines.len() > 1 {
            q_lines = wrap_at_most(q.text.get(lang, dl), w, q_lines.len() - 1).0;
        } else if !g_lines.is_empty() {
            g_lines.clear();
        } else {
            break;
        }
    }
    let fixed = 1 + q_lines.len() + g_lines.len() + 1 + other_rows + 1;
    let room = h.saturating_sub(fixed);
    let answer_rows = answer_need.min(room.saturating_sub(2)).max(floor).max(1);
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
    let focus = |field: Field| match (tab.field == field, tab.editing) {
        (false, _) => Focus::None,
        (true, false) => Focus::Cursor,
        (true, true) => Focus::Typing,
    };
    // Free text is not kept without consent (the guide's rule): said on each text field.
    let sensitive = view
        .session()
        .answers
        .get(&q.id)
        .is_some_and(|a| a.sensitive);
    let no_text = match view.interview.may_write_text(view.active) {
        Err(crate::interview::Refusal::NoConsent) => view.t("field-no-consent"),
        // Marked before completing (the guard): said where the text is.
        _ if sensitive => view.t("field-sensitive"),
        _ => String::new(),
    };
    let answer_title = match q.kind {
        QuestionType::Text | QuestionType::LongText => {
            format!("{}{no_text} ", answer_title(q, view).trim_end())
        }
        _ => answer_title(q, view),
    };
    let answer_block = block(t, view, answer_title, focus(Field::Answer));
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
        if let Some(message) = &nothing_offered {
            let (lines, _) = wrap_at_most(
                message,
                answer_area.width as usize,
                answer_area.height as usize,
            );
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, t.guidance())))
                .collect();
            f.render_widget(Paragraph::new(lines), answer_area);
        }
        let window = option_list::window(
            &items,
            tab.option,
            answer_area.width as usize,
            answer_area.height as usize,
        );
        let mut lines = Vec::new();
        for l in window {
            lines.push(match l {
                ListLine::Row { row, text } => {
                    let style = if row == tab.option && focused(Field::Answer) {
                        t.selected()
                    } else if chosen[row] {
                        t.chosen()
                    } else {
                        t.plain()
                    };
                    Line::from(Span::styled(text, style))
                }
                ListLine::Above(n) => Line::from(Span::styled(
                    ListLine::marker_text(n, true, view.ui_lang()),
                    t.dim(),
                )),
                ListLine::Below(n) => Line::from(Span::styled(
                    ListLine::marker_text(n, false, view.ui_lang()),
                    t.dim(),
                )),
            });
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
        let b = block(
            t,
            view,
            format!(" {}{no_text} ", view.t("field-specify")),
            focus(Field::Other),
        );
        let a = b.inner(parts[next]);
        f.render_widget(b, parts[next]);
        render_text(app, &tab.other, focused(Field::Other) && tab.editing, f, a);
        next += 1;
    }
    // Notes from the pad attached to this question show under its own note, so what was
    // said out of order is seen where it belongs.
    let attached: Vec<&str> = view
        .session()
        .notes
        .iter()
        .filter(|n| n.question.as_deref() == Some(q.id.as_str()) && !n.text.is_empty())
        .map(|n| n.text.as_str())
        .collect();
    let from_pad = match attached.len() {
        0 => String::new(),
        n => view.tr("field-from-pad", &[("n", n.into())]),
    };
    let b = block(
        t,
        view,
        format!(" {}{no_text}{from_pad} ", view.t("field-note")),
        focus(Field::Note),
    );
    let a = b.inner(parts[next]);
    f.render_widget(b, parts[next]);
    let pad_rows = (attached.len() as u16).min(a.height / 2);
    let [a, pad] = Layout::vertical([Constraint::Min(1), Constraint::Length(pad_rows)]).areas(a);
    render_text(app, &tab.note, focused(Field::Note) && tab.editing, f, a);
    let lines: Vec<Line> = attached
        .iter()
        .take(pad_rows as usize)
        .map(|text| {
            Line::from(Span::styled(
                fit(
                    &view.tr("note-from-pad", &[("text", text.replace('\n', " ").into())]),
                    pad.width as usize,
                ),
                t.dim(),
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), pad);
}

/// What guides the interviewer on this question: the section's introduction (what to
/// read out before its questions) on its first question shown, and the question's own.
pub(super) fn guidance_texts(view: &CallView) -> (Option<&str>, Option<&str>) {
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let tab = view.tab();
    let si = view.section_of(tab.current);
    let first_shown = view
        .visible()
        .into_iter()
        .find(|&i| view.section_of(i) == si);
    let intro = match &view.guide().sections[si].guidance {
        Some(g) if first_shown == Some(tab.current) => Some(g.get(lang, dl)),
        _ => None,
    };
    (
        intro,
        view.question().guidance.as_ref().map(|g| g.get(lang, dl)),
    )
}

/// The guidance shown above the answer: the section's introduction, two lines at most,
/// then the question's own, `max` lines at most; what is cut says that Alt-G shows it all.
fn guidance_lines(view: &CallView, w: usize, max: usize) -> Vec<String> {
    let (intro, own) = guidance_texts(view);
    let mut lines = match intro {
        Some(g) => cut_lines(view, super::layout::wrap(&format!("§ {g}"), w), 2, w),
        None => Vec::new(),
    };
    if let Some(g) = own {
        lines.extend(cut_lines(view, super::layout::wrap(g, w), max, w));
    }
    lines
}

/// At most `max` of `lines`; when some are left out, the last kept says where they are.
pub(super) fn cut_lines(
    view: &CallView,
    mut lines: Vec<String>,
    max: usize,
    w: usize,
) -> Vec<String> {
    let more = format!(" {}", view.t("guidance-more"));
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut()
        && !last.ends_with(&more)
    {
        *last = format!(
            "{}{more}",
            fit(last, w.saturating_sub(super::layout::width(&more)))
        );
    }
    lines
}

/// Each row's number and mark, and its label (what `option_list` wraps), and whether it
/// is chosen.
fn choice_items(
    view: &CallView,
    q: &Question,
    rows: &[OptionRow],
) -> (Vec<(String, String)>, Vec<bool>) {
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let a = view.session().answers.get(&q.id);
    let value: Option<Value> = a.and_then(|a| a.value.clone());
    let special = a.and_then(|a| a.special);
    let ticked = crate::interview::ticked_in_source(q, view.session());
    let mut items = Vec::new();
    let mut chosen = Vec::new();
    for (i, row) in rows.iter().enumerate() {
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
        let mut label = row_label(q, *row, lang, dl, view.ui_lang());
        let value = match row {
            OptionRow::Choice(c) => Some(q.options[*c].value.as_str()),
            OptionRow::Yes => Some("yes"),
            OptionRow::No => Some("no"),
            _ => None,
        };
        if on && let Some(mark) = value.and_then(|v| a.and_then(|a| a.provenance.elicited.get(v))) {
            label.push_str(" · ");
            label.push_str(&view.t(match mark {
                crate::session::Elicited::Volunteered => "option-volunteered",
                crate::session::Elicited::Prompted => "option-prompted",
            }));
        }
        // Chosen before it was unticked in the question it comes from: kept, and said.
        if let (Some(ticked), OptionRow::Choice(c)) = (&ticked, row)
            && !ticked.contains(&q.options[*c].value.as_str())
        {
            label.push_str(&view.t("option-no-longer-ticked"));
        }
        items.push((format!("{key} {mark} "), label));
        chosen.push(on);
    }
    (items, chosen)
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
        f.render_widget(&field.view(), area);
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
