//! The CSV and XLSX tables: a long table (one row per session × question), a wide table
//! (one row per session, one column per question, or per option of a multi-choice), the
//! summary distributions, and a sheet explaining the columns. Every table is produced row
//! by row into a sink, so 10,000 sessions × 38 questions never sit in memory at once.

use std::borrow::Cow;
use std::path::Path;

use super::ReportError;
use super::escape::cell;
use super::model::{GuideSection, Report, WITHHELD};
use crate::guide::QuestionType;
use crate::session::AnswerStatus;

pub const LONG_COLUMNS: &[(&str, &str)] = &[
    (
        "session_id",
        "the session (one structure on one call); the same for all its revisions",
    ),
    (
        "revision",
        "which revision of the session this is (the head: its current state)",
    ),
    ("digest", "the SHA-256 of the session file it came from"),
    ("response", "country or humanitarian response"),
    ("structure", "protection_cluster, cp_aor, gbv_aor or other"),
    (
        "structure_label",
        "the name of an `other` structure, as the report groups it (spaces and case aside, one spelling)",
    ),
    ("interviewer", "who interviewed"),
    ("guide_id", "the interview guide"),
    ("guide_version", "its version for this session"),
    ("completed_at", "when this revision was completed (UTC)"),
    ("section", "the guide section of the question"),
    ("question_id", "the question's stable id"),
    ("question", "the question's text"),
    (
        "type",
        "single, multi, yes_no, text, long_text, number, date, scale",
    ),
    (
        "status",
        "answered, dont_know, declined, not_asked, unanswered",
    ),
    (
        "value",
        "the answer: an option value (several joined by ; for multi), yes/no, text, number, date or scale point",
    ),
    ("label", "the option labels of the value"),
    ("other", "what was specified for an `other` option"),
    ("note", "the interviewer's note on the question"),
    (
        "hidden",
        "1 when the question was not asked of this session (skip logic given its answers, or not for its structure), whether or not a row holds an answer",
    ),
    (
        "consent",
        "no when the participants refused notes being taken (the session then carries no free text), yes when they agreed, empty when not asked",
    ),
];

pub(super) const META: &[&str] = &[
    "session_id",
    "revision",
    "response",
    "structure",
    "structure_label",
    "interviewer",
    "guide_version",
    "completed_at",
    "consent",
];

/// The wide table's column of a single-column question: its id, or `<id>.answer` when a
/// session column has that name (the coordinator guide's `consent` question): one table
/// must not have two columns of one name.
pub fn wide_question_column(id: &str) -> Cow<'_, str> {
    if META.contains(&id) {
        Cow::Owned(format!("{id}.answer"))
    } else {
        Cow::Borrowed(id)
    }
}

/// Where a table's rows go, one at a time.
/// Cells are borrowed: the long table repeats each session's fields on every row, and
/// copying them into owned strings per row cost more than writing them.
pub type Emit<'a> = &'a mut dyn FnMut(&[&str]) -> Result<(), ReportError>;

/// The long table for one guide section, header first.
pub fn long_rows(s: &GuideSection, emit: Emit<'_>) -> Result<(), ReportError> {
    let lang = s.guide.default_language().to_string();
    emit(&LONG_COLUMNS.iter().map(|(c, _)| *c).collect::<Vec<_>>())?;
    s.each_session(&mut |r| {
        let revision = r.revision.to_string();
        let consent = consent_of(r);
        for sec in &s.guide.sections {
            for q in &sec.questions {
                let a = r.answers.get(&q.id);
                let values: Vec<&str> = a.map(|a| a.values().collect()).unwrap_or_default();
                let labels: Vec<&str> = values
                    .iter()
                    .map(|v| q.option(v).map_or("", |o| o.label.get(&lang, &lang)))
                    .collect();
                let labels = if labels.iter().all(|l| l.is_empty()) {
                    String::new()
                } else {
                    labels.join(";")
                };
                let withheld = a.map(|a| a.withheld).unwrap_or_default();
                fn shown(left_out: bool, text: &str) -> &str {
                    if left_out { WITHHELD } else { text }
                }
                let value = values.join(";");
                emit(&[
                    &r.session_id,
                    &revision,
                    &r.digest,
                    &r.response,
                    r.structure.as_str(),
                    r.group.custom_label(),
                    &r.interviewer,
                    &s.guide.id,
                    &r.guide_version,
                    &r.completed_at,
                    &sec.id,
                    &q.id,
                    q.text.get(&lang, &lang),
                    q.kind.as_str(),
                    a.map_or("unanswered", |a| a.status.as_str()),
                    shown(withheld.value, &value),
                    &labels,
                    shown(withheld.other, a.map_or("", |a| a.other())),
                    shown(withheld.note, a.map_or("", |a| a.note())),
                    if r.is_hidden(&q.id) { "1" } else { "0" },
                    consent,
                ])?;
            }
        }
        Ok(())
    })
}

/// The `consent` column: `no` for a refusal.
fn consent_of(r: &super::model::SessionRow) -> &'static str {
    match r.consent {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The wide table for one guide section, header first.
pub fn wide_rows(s: &GuideSection, emit: Emit<'_>) -> Result<(), ReportError> {
    let mut header: Vec<String> = META.iter().map(|c| c.to_string()).collect();
    for q in s.guide.questions() {
        match q.kind {
            QuestionType::Multi => {
                header.extend(q.options.iter().map(|o| format!("{}.{}", q.id, o.value)));
                if q.options.iter().any(|o| o.other) {
                    header.push(format!("{}.other_text", q.id));
                }
            }
            _ => header.push(wide_question_column(&q.id).into_owned()),
        }
    }
    emit(&header.iter().map(String::as_str).collect::<Vec<_>>())?;
    s.each_session(&mut |r| {
        let revision = r.revision.to_string();
        let mut row: Vec<Cow<'_, str>> = vec![
            r.session_id.as_str().into(),
            revision.as_str().into(),
            r.response.as_str().into(),
            r.structure.as_str().into(),
            r.group.custom_label().into(),
            r.interviewer.as_str().into(),
            r.guide_version.as_str().into(),
            r.completed_at.as_str().into(),
            consent_of(r).into(),
        ];
        for q in s.guide.questions() {
            let a = r.answers.get(&q.id);
            let answered = a.is_some_and(|a| a.status == AnswerStatus::Answered);
            if r.is_hidden(&q.id) {
                let columns = match q.kind {
                    QuestionType::Multi => {
                        q.options.len() + usize::from(q.options.iter().any(|o| o.other))
                    }
                    _ => 1,
                };
                row.extend(std::iter::repeat_n(Cow::Borrowed("[hidden]"), columns));
                continue;
            }
            match q.kind {
                QuestionType::Multi => {
                    for o in &q.options {
                        row.push(match a {
                            Some(a) if answered => {
                                if a.has_value(&o.value) { "1" } else { "0" }.into()
                            }
                            Some(a) if a.status != AnswerStatus::Unanswered => {
                                format!("[{}]", a.status.as_str()).into()
                            }
                            _ => "".into(),
                        });
                    }
                    if q.options.iter().any(|o| o.other) {
                        row.push(match a {
                            Some(a) if a.withheld.other => WITHHELD.into(),
                            Some(a) => a.other().into(),
                            None => "".into(),
                        });
                    }
                }
                _ => row.push(match a {
                    Some(a) if a.withheld.value => WITHHELD.into(),
                    Some(a) if answered => a.values_joined(" ").into(),
                    Some(a) if a.status != AnswerStatus::Unanswered => {
                        format!("[{}]", a.status.as_str()).into()
                    }
                    _ => "".into(),
                }),
            }
        }
        emit(&row.iter().map(|c| c.as_ref()).collect::<Vec<_>>())?;
        Ok(())
    })
}

/// The summary distributions, header first. Suppressed counts read `x`, with no
/// percentage.
pub fn summary_rows(report: &Report, emit: Emit<'_>) -> Result<(), ReportError> {
    emit(&[
        "guide",
        "question_id",
        "question",
        "structure",
        "structure_label",
        "n",
        "hidden",
        "value",
        "label",
        "count",
        "percent",
        "targeted",
    ])?;
    for s in &report.sections {
        for d in &s.summaries {
            for c in &d.rows {
                let (structure, label) = d
                    .group
                    .as_ref()
                    .map_or(("all", ""), |g| (g.structure.as_str(), g.custom_label()));
                emit(&[
                    &s.guide.id,
                    &d.question,
                    &d.text,
                    structure,
                    label,
                    &d.n.to_string(),
                    &d.hidden.to_string(),
                    &c.value,
                    &c.label,
                    &report.count_text(c.count, c.suppressed),
                    &if c.suppressed {
                        String::new()
                    } else {
                        c.percent.to_string()
                    },
                    &d.targeted.map_or(String::new(), |t| t.to_string()),
                ])?;
            }
        }
    }
    Ok(())
}

/// The Coverage table: one row per target of the campaign, header first; only the
/// header without a campaign.
pub fn coverage_rows(report: &Report, emit: Emit<'_>) -> Result<(), ReportError> {
    emit(&[
        "response",
        "structure",
        "structure_label",
        "reached",
        "disposition",
        "aapor_code",
        "aapor_disposition",
        "attempts",
        "sessions",
        "removed",
    ])?;
    let Some(c) = &report.coverage.campaign else {
        return Ok(());
    };
    for l in &c.lines {
        let (code, name) = l.aapor();
        emit(&[
            &l.response,
            l.group.structure.as_str(),
            l.group.custom_label(),
            if l.reached() { "1" } else { "0" },
            l.outcome.map_or("never_tried", |o| o.as_str()),
            code,
            name,
            &l.attempts.to_string(),
            &l.sessions.to_string(),
            if l.removed { "1" } else { "0" },
        ])?;
    }
    Ok(())
}

/// The columns of the Coverage table, with what they mean.
pub const COVERAGE_COLUMNS: &[(&str, &str)] = &[
    (
        "response",
        "the target's response, as the campaign file names it",
    ),
    ("structure", "protection_cluster, cp_aor, gbv_aor or other"),
    ("structure_label", "the name of an `other` structure"),
    (
        "reached",
        "1 when an interview is in the collation or an attempt was logged completed",
    ),
    (
        "disposition",
        "the outcome of its attempts that says most (completed, ineligible, partial, refused, callback, not_available, wrong_contact, line_failed, busy, no_answer), or never_tried",
    ),
    (
        "aapor_code",
        "the AAPOR final disposition code of that outcome (docs/campaign.md)",
    ),
    ("aapor_disposition", "the AAPOR name of that code"),
    (
        "attempts",
        "attempts logged for the target, from every interviewer (an interview with none logged counts as one)",
    ),
    (
        "sessions",
        "sessions of its response and structure in the collation",
    ),
    (
        "removed",
        "1 when a later campaign file left it out after attempts were logged",
    ),
];

/// Every row of a table, for tests and small reports.
pub fn collect_rows(table: impl FnOnce(Emit<'_>) -> Result<(), ReportError>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    // The sink never fails, so neither can the table.
    if table(&mut |r: &[&str]| {
        rows.push(r.iter().map(|c| c.to_string()).collect());
        Ok(())
    })
    .is_err()
    {
        rows.clear();
    }
    rows
}

/// Is this cell a plain number (written as one, never neutralised)?
pub(super) fn number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|n| {
        n.is_finite() && !s.starts_with('+') && !s.contains(['e', 'E', 'i', 'I', 'n', 'N'])
    })
}

/// A CSV field: numbers as they are, anything else with formulas neutralised.
fn safe_bytes(c: &str) -> Cow<'_, [u8]> {
    if number(c).is_some() {
        return Cow::Borrowed(c.as_bytes());
    }
    match cell(c) {
        Cow::Borrowed(b) => Cow::Borrowed(b.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    }
}

pub fn write_csv(
    path: &Path,
    table: impl FnOnce(Emit<'_>) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    let shown = path.display().to_string();
    super::write_private_with(path, |file| {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(file);
        table(&mut |r: &[&str]| {
            w.write_record(r.iter().map(|c| safe_bytes(c)))
                .map_err(|e| {
                    let message = e.to_string();
                    match e.into_kind() {
                        csv::ErrorKind::Io(cause) => ReportError::Io {
                            path: shown.clone(),
                            cause,
                        },
                        _ => ReportError::Write {
                            path: shown.clone(),
                            message,
                        },
                    }
                })
        })?;
        w.flush().map_err(ReportError::io(path))
    })
}
