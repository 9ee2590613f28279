//! The review panel over the question pane: every question with what was recorded, and
//! the end-of-call read-back page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::{fit, scroll_to, wrap, wrap_at_most};
use crate::interview::Recorded;
use crate::session::AnswerStatus;
use crate::tui::app::App;
use crate::tui::interview::CallView;
use crate::tui::review::{ReviewPage, ReviewPanel, ReviewRow, review_rows};
use crate::tui::theme::Theme;

/// Detail lines under a question are indented this far, so the eye runs down the questions.
const INDENT: usize = 6;
/// A long answer or note shows this many lines in the list; Enter opens it in full.
const DETAIL_LINES: usize = 2;

pub fn render(app: &App, view: &CallView, r: &ReviewPanel, f: &mut Frame, inner: Rect) {
    match r.page {
        ReviewPage::Recorded => recorded(app, view, r, f, inner),
        ReviewPage::ReadBack => read_back(app, view, r, f, inner),
    }
}

fn mark(status: Option<AnswerStatus>, required: bool) -> &'static str {
    match status {
        Some(AnswerStatus::Answered) => "✓",
        Some(AnswerStatus::Special(_)) => "–",
        _ if required => "!",
        _ => "·",
    }
}

fn detail<'a>(lines: &mut Vec<Line<'a>>, label: &str, text: &str, w: usize, style: Style) {
    if text.trim().is_empty() {
        return;
    }
    let room = w.saturating_sub(INDENT);
    let (wrapped, _) = wrap_at_most(&format!("{label}{text}"), room, DETAIL_LINES);
    for l in wrapped {
        lines.push(Line::from(Span::styled(
            format!("{}{l}", " ".repeat(INDENT)),
            style,
        )));
    }
}

fn recorded(app: &App, view: &CallView, r: &ReviewPanel, f: &mut Frame, inner: Rect) {
    let t = &app.theme;
    let w = inner.width as usize;
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let rows = review_rows(&view.interview, view.active, r.only_open);
    let recorded: Vec<Recorded> = view.interview.recorded(
        view.active,
        &crate::tui::interview::fixed_words(view.lang()),
    );
    let missing = view.session().missing_required(view.guide()).len();
    let p = view.session().progress(view.guide());
    let head = format!(
        " {} ",
        view.tr(
            "review-title",
            &[
                ("answered", p.answered.into()),
                ("shown", p.visible.into()),
                ("missing", missing.into()),
            ],
        )
    );
    let b = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(fit(&head, w), t.focus()));
    let list = b.inner(inner);
    f.render_widget(b, inner);
    let mut lines = read_back_lines(app, view, t, w);
    if r.only_open {
        lines.push(Line::from(Span::styled(
            fit(&view.t("review-only-open"), w),
            t.dim(),
        )));
    }
    let mut q_index = 0;
    let (mut cursor_top, mut cursor_end) = (0, 0);
    for row in &rows {
        match row {
            ReviewRow::Section(si) => {
                let s = &view.guide().sections[*si];
                let open = recorded
                    .iter()
                    .filter(|q| view.section_of(q.question) == *si)
                    .filter(|q| {
                        !matches!(
                            q.status,
                            Some(AnswerStatus::Answered | AnswerStatus::Special(_))
                        )
                    })
                    .count();
                let text = format!(
                    "{} {}  {}",
                    si + 1,
                    s.title.get(lang, dl),
                    view.tr("review-section-open", &[("open", open.into())])
                );
                lines.push(Line::from(Span::styled(fit(&text, w), t.title())));
            }
            ReviewRow::Question(n) => {
                let q = view.interview.question(*n);
                let Some(rec) = recorded.iter().find(|x| x.question == *n) else {
                    continue;
                };
                let selected = q_index == r.cursor;
                if selected {
                    cursor_top = lines.len();
                }
                let open = !matches!(
                    rec.status,
                    Some(AnswerStatus::Answered | AnswerStatus::Special(_))
                );
                let style = if selected {
                    t.selected()
                } else if open && q.required {
                    t.warn()
                } else {
                    t.plain()
                };
                // The question wraps to a second line rather than losing its end.
                let (wrapped, _) =
                    wrap_at_most(q.text.get(lang, dl), w.saturating_sub(4), DETAIL_LINES);
                for (k, l) in wrapped.into_iter().enumerate() {
                    let lead = if k == 0 {
                        format!("  {} ", mark(rec.status, q.required))
                    } else {
                        "    ".to_string()
                    };
                    lines.push(Line::from(Span::styled(format!("{lead}{l}"), style)));
                }
                let answer = if open && rec.answer.is_empty() {
                    String::new()
                } else {
                    rec.answer.clone()
                };
                detail(&mut lines, "→ ", &answer, w, t.plain());
                let (specify, note, pad_label) = (
                    view.t("review-specify"),
                    view.t("review-note"),
                    view.t("review-pad"),
                );
                let how = &rec.how;
                let label = |id: &str| format!("{} ", view.t(id));
                detail(
                    &mut lines,
                    &label("review-volunteered"),
                    &how.volunteered,
                    w,
                    t.dim(),
                );
                detail(
                    &mut lines,
                    &label("review-prompted"),
                    &how.prompted,
                    w,
                    t.dim(),
                );
                if let Some((before, changed)) = &how.before_definition {
                    let head = if *changed {
                        "review-changed-after-definition"
                    } else {
                        "review-kept-after-definition"
                    };
                    detail(&mut lines, &label(head), before, w, t.dim());
                }
                detail(
                    &mut lines,
                    &label("review-said-by"),
                    &how.said_by,
                    w,
                    t.dim(),
                );
                detail(&mut lines, &format!("{specify} "), &rec.other, w, t.plain());
                detail(&mut lines, &format!("{note} "), &rec.note, w, t.dim());
                for pad in &rec.pad {
                    detail(&mut lines, &format!("{pad_label} "), pad, w, t.dim());
                }
                for (who, said) in &rec.differs {
                    detail(&mut lines, &format!("≠ {who}: "), said, w, t.warn());
                }
                if selected {
                    cursor_end = lines.len().saturating_sub(1);
                }
                q_index += 1;
            }
        }
    }
    if q_index == 0 {
        lines.push(Line::from(Span::styled(
            fit(&view.t("review-all-answered"), w),
            t.dim(),
        )));
    }
    let height = list.height as usize;
    // Keep the whole of the selected question in view, not only its first line.
    let mut top = scroll_to(cursor_top, height, lines.len());
    if cursor_end >= top + height {
        top = cursor_end + 1 - height;
    }
    if cursor_top < top {
        top = cursor_top;
    }
    f.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        list,
    );
}

fn clock(app: &App, at: jiff::Timestamp) -> String {
    at.to_zoned_datetime(app.tz.clone())
        .strftime("%H:%M")
        .to_string()
}

/// Whether and when this revision was read back (wrapped, never cut).
fn read_back_lines<'a>(app: &App, view: &CallView, t: &Theme, w: usize) -> Vec<Line<'a>> {
    let sheet = view.interview.read_back_sheet(
        view.active,
        &crate::tui::interview::fixed_words(view.lang()),
    );
    let (text, style) = match sheet.last {
        None => (view.t("read-back-not-yet"), t.dim()),
        Some(rb) => {
            let args = [
                ("at", clock(app, rb.at).into()),
                ("confirmed", if rb.confirmed { "yes" } else { "no" }.into()),
            ];
            if sheet.changed_since {
                (view.tr("read-back-at-changed", &args), t.warn())
            } else {
                (view.tr("read-back-at", &args), t.dim())
            }
        }
    };
    wrap(&text, w)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

fn read_back(app: &App, view: &CallView, r: &ReviewPanel, f: &mut Frame, inner: Rect) {
    let t = &app.theme;
    let w = inner.width as usize;
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let name = view.session().structure_name(view.guide(), lang);
    let sheet = view.interview.read_back_sheet(
        view.active,
        &crate::tui::interview::fixed_words(view.lang()),
    );
    let head = format!(" {} ", view.tr("read-back-title", &[("name", name.into())]));
    let b = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(fit(&head, w), t.focus()));
    let body = b.inner(inner);
    f.render_widget(b, inner);
    let mut lines: Vec<Line> = Vec::new();
    let para = |lines: &mut Vec<Line>, text: &str, indent: usize, style: Style| {
        for l in wrap(text, w.saturating_sub(indent)) {
            lines.push(Line::from(Span::styled(
                format!("{}{l}", " ".repeat(indent)),
                style,
            )));
        }
    };
    para(&mut lines, &view.t("read-back-intro"), 0, t.dim());
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        view.t("read-back-classification"),
        t.title(),
    )));
    if sheet.classification.is_empty() {
        para(&mut lines, &view.t("read-back-not-classified"), 2, t.warn());
    }
    for (n, said) in &sheet.classification {
        let q = view.interview.question(*n);
        para(&mut lines, q.text.get(lang, dl), 2, t.dim());
        para(&mut lines, &format!("→ {said}"), 4, t.plain());
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        view.t("read-back-said"),
        t.title(),
    )));
    for (n, said) in &sheet.closed {
        let q = view.interview.question(*n);
        para(&mut lines, q.text.get(lang, dl), 2, t.dim());
        para(&mut lines, &format!("→ {said}"), 4, t.plain());
    }
    if sheet.open > 0 {
        let text = view.tr("read-back-open", &[("n", sheet.open.into())]);
        para(&mut lines, &text, 2, t.warn());
    }
    if let Some(last) = sheet.last {
        lines.push(Line::default());
        let text = view.tr(
            "read-back-last",
            &[
                ("at", clock(app, last.at).into()),
                (
                    "confirmed",
                    if last.confirmed { "yes" } else { "no" }.into(),
                ),
                (
                    "changed",
                    if sheet.changed_since { "yes" } else { "no" }.into(),
                ),
            ],
        );
        para(&mut lines, &text, 0, t.dim());
    }
    let height = body.height as usize;
    let max = lines.len().saturating_sub(height) as u16;
    let top = r.scroll.min(max);
    f.render_widget(
        Paragraph::new(lines.into_iter().skip(top as usize).collect::<Vec<_>>()),
        body,
    );
}
