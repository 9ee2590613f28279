//! Numbers that open their evidence: in the HTML report each count of a frequency table,
//! a cross-tab or a summary distribution links to the list of sessions behind it, at the
//! report's attribution level. Plain anchors: no server, no JavaScript. A suppressed cell
//! has no list (it would undo the suppression), and past [`EVIDENCE_MAX`] sessions the
//! lists give way to `long.csv`, where a collator filters by question and value.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::model::{Attribution, GuideSection, Report, SessionRow};
use super::say::Say;
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

fn who(r: &SessionRow, level: Attribution, session: &str) -> (String, String) {
    match level {
        Attribution::Response => (r.response.clone(), r.group.name().to_string()),
        Attribution::Structure => (
            format!("{session} {}", r.session_id),
            r.group.type_name().to_string(),
        ),
        Attribution::None => (format!("{session} {}", r.session_id), String::new()),
    }
}

/// The lists every count of the section links to.
pub fn render(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let suffix = super::section_suffix(r, s);
    let _ = write!(o, "<h3>{}</h3>", say.t("rpt-evidence"));
    if !listed(s) {
        let _ = write!(
            o,
            "<p class=muted>{}</p>",
            say.tr(
                "rpt-evidence-in-csv",
                &[
                    ("sessions", s.sessions.len().into()),
                    ("file", format!("long{suffix}.csv").into()),
                ]
            )
        );
        return;
    }
    let _ = write!(o, "<p class=muted>{}</p>", say.t("rpt-evidence-about"));
    // Said once: a list has a row per session.
    let session = say.t("rpt-session");
    let head = [
        "rpt-col-session",
        "rpt-col-structure",
        "rpt-col-interviewer",
        "rpt-col-answer",
        "rpt-col-note",
        "rpt-col-guide-version",
    ]
    .iter()
    .map(|id| format!("<th>{}</th>", say.t(id)))
    .collect::<String>();
    for f in &s.frequencies {
        for c in f.rows.iter().filter(|c| c.count > 0 && !c.suppressed) {
            let _ = write!(
                o,
                "<h4 id=\"{}\">{} — {} ({})</h4><table><tr>{head}</tr>",
                anchor(&suffix, &f.question, &c.value),
                html(&f.text),
                html(&c.label),
                say.n(c.count)
            );
            for row in s
                .sessions
                .iter()
                .filter(|row| gave(row, &f.question, &c.value))
            {
                let (session, structure) = who(row, r.options.attribution, &session);
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
