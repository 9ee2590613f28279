//! The report's data quality: sessions per group, revisions, conflicts and how many are
//! resolved, sessions whose head was picked by rule, quarantined files, and heads
//! missing required answers. Sessions are named at the report's attribution level.

use std::collections::BTreeMap;

use super::build::who;
use super::group::{Group, Groups};
use super::model::{Attribution, GuideSection, Quality, ReportOptions, SessionRow};
use crate::collate::{CollateError, CollationDb, Head};
use crate::session::AnswerStatus;

pub(super) fn quality(
    db: &CollationDb,
    heads: &[Head],
    sections: &[GuideSection],
    options: &ReportOptions,
    groups: &Groups,
    targeted: &BTreeMap<Group, usize>,
) -> Result<Quality, CollateError> {
    // The guides' respondent types (but `other`) and every targeted one are listed, with no session or
    // not: a structure no one reached must not be silently absent.
    let mut by_group: BTreeMap<Group, usize> = groups
        .listed()
        .into_iter()
        .filter(|g| options.structure.is_none_or(|o| o == g.structure))
        .map(|g| (g, 0))
        .chain(targeted.keys().map(|g| (g.clone(), 0)))
        .collect();
    let mut consent_refused = Vec::new();
    for r in sections.iter().flat_map(|s| &s.sessions) {
        *by_group.entry(Group::clone(&r.group)).or_default() += 1;
        if r.consent_refused() {
            consent_refused.push(who(options, r));
        }
    }
    let conflicts = db.conflicts()?;
    let unresolved_sessions = heads
        .iter()
        .filter(|h| h.unresolved)
        .map(|h| {
            let g = groups.of(h.row.structure, &h.row.structure_label);
            let what = match options.attribution {
                Attribution::Response => format!("{} · {}", h.row.response, g.name()),
                _ => g.type_name().to_string(),
            };
            (h.row.session_id.clone(), what)
        })
        .collect();
    let mut missing_required = Vec::new();
    let mut answers_chosen = Vec::new();
    for s in sections {
        for r in &s.sessions {
            for (q, source) in &r.chosen {
                answers_chosen.push((who(options, r), q.clone(), crate::collate::short(source)));
            }
            if !r.missing_required.is_empty() {
                missing_required.push((who(options, r), r.missing_required.clone()));
            }
        }
    }
    // Read-backs of the heads the report counts (its sections' sessions).
    let counted: std::collections::BTreeSet<&str> = sections
        .iter()
        .flat_map(|s| &s.sessions)
        .map(|r| r.digest.as_str())
        .collect();
    let mut read_back = (0, 0, 0);
    for h in heads
        .iter()
        .filter(|h| counted.contains(h.row.digest.as_str()))
    {
        match h.row.read_back {
            Some(true) => read_back.0 += 1,
            Some(false) => read_back.1 += 1,
            None => read_back.2 += 1,
        }
    }
    Ok(Quality {
        read_back,
        sessions_by_group: by_group.into_iter().collect(),
        revisions: db.revision_count()?,
        conflicts: conflicts.len(),
        conflicts_resolved: conflicts.iter().filter(|c| c.winner.is_some()).count(),
        unresolved_sessions,
        quarantined: db.quarantined()?,
        missing_required,
        answers_chosen,
        consent_refused,
        // Set by the builder, which decides what is left out.
        sensitive: (0, false),
    })
}

/// The required questions `r` was asked and has no answer to (a summary question needs a
/// real answer, not "don't know"), found as its answers are read.
pub(super) fn missing_required(guide: &crate::guide::Guide, r: &SessionRow) -> Vec<String> {
    guide
        .questions()
        .filter(|q| q.required && !r.is_hidden(&q.id))
        .filter(|q| match r.answers.get(&q.id) {
            Some(a) if q.summary => a.status != AnswerStatus::Answered,
            Some(a) => a.status == AnswerStatus::Unanswered,
            None => true,
        })
        .map(|q| q.id.clone())
        .collect()
}
