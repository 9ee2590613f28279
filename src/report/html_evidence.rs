//! Numbers that open their evidence: in the HTML report each count of a frequency table,
//! a cross-tab or a summary distribution links to the list of sessions behind it, at the
//! report's attribution level. Plain anchors: no server, no JavaScript. A suppressed cell
//! has no list (it would undo the suppression), and past [`EVIDENCE_MAX`] sessions the
//! lists give way to `long.csv`, where a collator filters by question and value.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::model::{Attribution, GuideSection, Report, SessionRow};
use crate::session::AnswerStatus;

/// Sessions of a guide section up to which the report lists the evidence of every count.
pub const EVIDENCE_MAX: usize = 500;

fn tag(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The anchor of the sessions that gave `value` to `question`.
pub fn anchor(suffix: &str, question: &str, value: &str) -> String {
    format!("ev{}-{}-{}", tag(suffix), tag(question), tag(value))
}

/// Does this section list its evidence?
pub fn listed(s: &GuideSection) -> bool {
    s.sessions.len() <= EVIDENCE_MAX
}

/// A count as a link to its evidence, or as text when it has none to show.
pub fn count_cell(
    r: &Report,
    s: &GuideSection,
    question: &str,
    value: &str,
    text: &str,
    count: usize,
    suppressed: bool,
) -> String {
    if suppressed || count == 0 || !listed(s) {
        return html(text);
    }
    format!(
        "<a href=\"#{}\">{}</a>",
        anchor(&super::section_suffix(r, s), question, value),
        html(text)
    )
}

fn gave(r: &SessionRow, question: &str, value: &str) -> bool {
    // Counted apart (its version's answers do not compare), it is no evidence of the
    // pooled count.
    if r.is_hidden(question) || r.apart.contains(question) {
        return false;
    }
    match r.answers.get(question) {
        Some(a) => match a.status {
            AnswerStatus::Answered => a.has_value(value),
            AnswerStatus::Special(sp) => sp.as_str() == value,
            AnswerStatus::Unanswered => value == "unanswered",
        },
        None => value == "unanswered",
    }
}

fn who(r: &SessionRow, level: Attribution) -> (String, String) {
    match level {
        Attribution::Response => (r.response.clone(), r.group.name().to_string()),
        Attribution::Structure => (
            format!("session {}", r.session_id),
            r.group.type_name().to_string(),
        ),
        Attribution::None => (format!("session {}", r.session_id), String::new()),
    }
}

/// The lists every count of the section links to.
pub fn render(o: &mut Text<'_>, r: &Report, s: &GuideSection) {
    let suffix = super::section_suffix(r, s);
    o.push_str("<h3>Evidence</h3>");
    if !listed(s) {
        let _ = write!(
            o,
            "<p class=muted>{} sessions: the sessions behind each count are in long{suffix}.csv (filter by question and value) rather than listed here.</p>",
            s.sessions.len()
        );
        return;
    }
    o.push_str("<p class=muted>The sessions behind each count above, as far as the attribution level allows; a suppressed count has no list.</p>");
    for f in &s.frequencies {
        for c in f.rows.iter().filter(|c| c.count > 0 && !c.suppressed) {
            let _ = write!(
                o,
                "<h4 id=\"{}\">{} — {} ({})</h4><table><tr><th>session</th><th>structure</th><th>interviewer</th><th>answer</th><th>note</th><th>guide version</th></tr>",
                anchor(&suffix, &f.question, &c.value),
                html(&f.text),
                html(&c.label),
                c.count
            );
            for row in s
                .sessions
                .iter()
                .filter(|row| gave(row, &f.question, &c.value))
            {
                let (session, structure) = who(row, r.options.attribution);
                let a = row.answers.get(&f.question);
                let note = a.map(|a| a.note()).unwrap_or_default();
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    html(&session),
                    html(&structure),
                    html(&row.interviewer),
                    html(&c.label),
                    html(note),
                    html(&row.guide_version)
                );
            }
            o.push_str("</table>");
        }
    }
}
