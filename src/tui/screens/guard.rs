//! The check before sending: each finding with where it is and the words around it, the
//! part found picked out, so the interviewer can decide without opening every note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::layout::{fit, scroll_to, width};
use crate::interview::guard::Place;
use crate::tui::app::App;
use crate::tui::guard_panel::{GuardPanel, text_of};
use crate::tui::interview::CallView;

/// Characters of context shown on each side of what was found.
const AROUND: usize = 30;

pub fn render(app: &App, view: &CallView, g: &GuardPanel, f: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = area.width as usize;
    let open = g.open(&view.interview, view.active);
    let head = format!(" {} ", view.tr("guard-title", &[("n", open.len().into())]));
    let b = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(fit(&head, w), t.focus()));
    let list = b.inner(area);
    f.render_widget(b, area);
    let (lang, dl) = (view.lang(), view.interview.default_language());
    let question = |q: &str| {
        view.guide()
            .question(q)
            .map(|x| x.text.get(lang, dl).to_string())
            .unwrap_or_else(|| q.to_string())
    };
    let mut lines = Vec::new();
    let mut cursor_row = 0;
    for (n, finding) in open.iter().enumerate() {
        let place = match &finding.place {
            Place::Note(q) => view.tr("guard-in-note", &[("question", question(q).into())]),
            Place::Other(q) => view.tr("guard-in-other", &[("question", question(q).into())]),
            Place::Answer(q) => view.tr("guard-in-answer", &[("question", question(q).into())]),
            Place::Pad(seq) => view.tr("guard-in-pad", &[("seq", (*seq).into())]),
        };
        let selected = n == g.cursor.min(open.len().saturating_sub(1));
        if selected {
            cursor_row = lines.len();
        }
        let head = format!(
            "{} {} · {place}",
            if selected { "▸" } else { " " },
            view.tr("guard-kind", &[("kind", finding.kind.code().into())])
        );
        lines.push(Line::from(Span::styled(
            fit(&head, w),
            if selected { t.selected() } else { t.title() },
        )));
        let text = text_of(view.session(), &finding.place);
        let before: String = text[..finding.span.start.min(text.len())]
            .chars()
            .rev()
            .take(AROUND)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text
            .get(finding.span.end..)
            .unwrap_or("")
            .chars()
            .take(AROUND)
            .collect();
        let found = fit(&finding.found, w.saturating_sub(4));
        let room = w.saturating_sub(width(&found) + 4) / 2;
        lines.push(Line::from(vec![
            Span::raw("   "),
            Span::styled(tail(&one_line(&before), room), t.dim()),
            Span::styled(found, t.warn()),
            Span::styled(fit(&one_line(&after), room), t.dim()),
        ]));
    }
    let top = scroll_to(cursor_row, list.height as usize, lines.len());
    f.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        list,
    );
}

/// The end of `s` in at most `cols` columns: the words just before what was found.
fn tail(s: &str, cols: usize) -> String {
    if width(s) <= cols {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw > cols {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\t'], " ")
}
