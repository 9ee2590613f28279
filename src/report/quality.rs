//! The report's data quality: sessions per structure, revisions, conflicts and how many
//! are resolved, sessions whose head was picked by rule, quarantined files, and heads
//! missing required answers.

use std::collections::BTreeMap;

use super::model::{GuideSection, Quality};
use crate::collate::{CollateError, CollationDb, Head};
use crate::guide::Structure;
use crate::session::AnswerStatus;

pub(super) fn quality(
    db: &CollationDb,
    heads: &[Head],
    sections: &[GuideSection],
) -> Result<Quality, CollateError> {
    let mut by_structure: BTreeMap<Structure, usize> = BTreeMap::new();
    for r in sections.iter().flat_map(|s| &s.sessions) {
        *by_structure.entry(r.structure).or_default() += 1;
    }
    let conflicts = db.conflicts()?;
    let unresolved_sessions = heads
        .iter()
        .filter(|h| h.unresolved)
        .map(|h| {
            (
                h.row.session_id.clone(),
                format!("{} · {}", h.row.response, h.row.structure.as_str()),
            )
        })
        .collect();
    let mut missing_required = Vec::new();
    for s in sections {
        for r in &s.sessions {
            let missing: Vec<String> = s
                .guide
                .questions()
                .filter(|q| q.required)
                .filter(|q| match r.answers.get(&q.id) {
                    Some(a) if a.hidden => false,
                    Some(a) if q.summary => a.status != AnswerStatus::Answered,
                    Some(a) => a.status == AnswerStatus::Unanswered,
                    None => true,
                })
                .map(|q| q.id.clone())
                .collect();
            if !missing.is_empty() {
                missing_required.push((
                    format!("{} · {}", r.response, r.structure.as_str()),
                    missing,
                ));
            }
        }
    }
    Ok(Quality {
        sessions_by_structure: by_structure.into_iter().collect(),
        revisions: db.revisions()?.len(),
        conflicts: conflicts.len(),
        conflicts_resolved: conflicts.iter().filter(|c| c.winner.is_some()).count(),
        unresolved_sessions,
        quarantined: db.quarantined()?,
        missing_required,
    })
}
