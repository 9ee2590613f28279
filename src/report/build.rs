//! Building a [`Report`] from the collation database: each session's head and its
//! answers, which questions were not asked of it (skip logic, computed from the guide of
//! its own version and the head's answers: the collation keeps only the questions
//! touched), its group, and then per guide the counts and the free texts.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::analysis::Analyser;
use super::answers::QuestionIds;
use super::counts::Counter;
use super::group::{Group, Groups};
use super::model::{Answers, Attribution, GuideSection, Report, ReportOptions, SessionRow};
use super::texts::FreeTexts;
use super::versions::ApartCounter;
use crate::collate::{CollateError, CollationDb, GeneralNote, Head};
use crate::guide::{AnswerValues, Guide, Place, load_guide_str, visibility};
use crate::session::AnswerStatus;

pub(super) fn version_key(v: &str) -> Vec<(u64, String)> {
    v.split(['.', '-'])
        .map(|p| (p.parse::<u64>().unwrap_or(0), p.to_string()))
        .collect()
}

/// Who a session is, at the report's attribution level: for the data quality list.
pub(super) fn who(options: &ReportOptions, r: &SessionRow) -> String {
    match options.attribution {
        Attribution::Response => format!("{} · {}", r.response, r.group.name()),
        Attribution::Structure => format!("{}, session {}", r.group.type_name(), r.session_id),
        Attribution::None => format!("session {}", r.session_id),
    }
}

/// A head's answers as skip logic asks for them: those with a real answer.
struct RowValues<'a>(&'a Answers);

impl AnswerValues for RowValues<'_> {
    fn values(&self, question: &str) -> Option<Vec<std::borrow::Cow<'_, str>>> {
        let a = self.0.get(question)?;
        (a.status == AnswerStatus::Answered && a.has_values())
            .then(|| a.values().map(std::borrow::Cow::Borrowed).collect())
    }
}

/// The questions of `section` not asked of a session with these answers: hidden by the
/// skip logic of its own guide version, not for its structure, or not in that version.
fn hidden_questions(
    section: &Guide,
    own: &Guide,
    row: &SessionRow,
    ids: &mut QuestionIds,
) -> BTreeSet<std::sync::Arc<str>> {
    let vis = visibility(own, row.structure, &RowValues(&row.answers));
    section
        .questions()
        .filter(|q| own.question(&q.id).is_none() || !vis.is_visible(&q.id))
        .map(|q| ids.of(&q.id))
        .collect()
}

/// The collator's answer choices (`stocktake resolve --answer`), by the head they apply to:
/// a head that is one of the conflict's revisions takes the chosen revision's answer (or
/// its lack of one). A later revision built on the conflict is the newest word, and no
/// choice applies to it. Per head digest, what is taken from where, in the order chosen.
fn choices(
    db: &CollationDb,
    heads: &[Head],
) -> Result<HashMap<String, Vec<(String, String)>>, CollateError> {
    let mut chosen: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for c in db.answer_choices()? {
        let Some(head) = heads
            .iter()
            .find(|h| h.row.session_id == c.session_id && h.row.parent == c.parent)
        else {
            continue;
        };
        chosen
            .entry(head.row.digest.clone())
            .or_default()
            .push((c.question, c.source));
    }
    Ok(chosen)
}

/// A guide's part of the report while its sessions' answers are read: its rows made, the
/// counts, texts and matrix still to come.
struct Part {
    id: String,
    guide: Guide,
    rows: Vec<SessionRow>,
    diffs: BTreeMap<String, crate::guide::GuideDiff>,
    versions: Vec<(String, usize)>,
    unchecked: Vec<String>,
    notes: Vec<GeneralNote>,
}

impl Report {
    pub fn build(db: &CollationDb, options: ReportOptions) -> Result<Report, CollateError> {
        let heads: Vec<Head> = db.heads()?;
        let mut notes = db.all_notes()?;
        let head_set: HashSet<&str> = heads.iter().map(|h| h.row.digest.as_str()).collect();
        let chosen = choices(db, &heads)?;
        // The notes pad's texts marked sensitive; the answers' are counted as they are read.
        let notes_marked = notes
            .iter()
            .filter(|n| n.sensitive && head_set.contains(n.digest.as_str()))
            .count();
        drop(head_set);
        if !options.include_sensitive {
            notes.retain(|n| !n.sensitive);
        }
        // Every guide by digest (each session's hidden questions come from its own), and
        // each guide id reported with its newest version's wording; older versions'
        // sessions are merged in by question id.
        let mut by_digest: HashMap<String, Guide> = HashMap::new();
        let mut by_id: BTreeMap<String, Vec<(String, String, Guide)>> = BTreeMap::new();
        for g in db.guides()? {
            if let Ok(l) = load_guide_str(g.source, &format!("collated:{}", g.id), Place::Bundled) {
                by_digest.insert(g.digest.clone(), l.guide.clone());
                by_id
                    .entry(g.id)
                    .or_default()
                    .push((g.version, g.digest, l.guide));
            }
        }
        let targets = db.targets()?;
        let attempts = db.attempts()?;
        let summaries = db.summaries()?;
        let codings = db.codings()?;
        // The respondent types the report names: its guides' (each id's newest version
        // first, so its names win), the four coordination structures when it has none.
        let mut named_by: Vec<&Guide> = Vec::new();
        for (id, versions) in &by_id {
            if options.guide.as_ref().is_some_and(|g| g != id) {
                continue;
            }
            let mut versions: Vec<&(String, String, Guide)> = versions.iter().collect();
            versions.sort_by_key(|(v, _, _)| std::cmp::Reverse(version_key(v)));
            named_by.extend(versions.into_iter().map(|(_, _, g)| g));
        }
        // Targets' own spellings of a custom structure count towards how a group is shown.
        let groups = Groups::new(
            heads
                .iter()
                .map(|h| (h.row.structure, h.row.structure_label.as_str()))
                .chain(
                    targets
                        .iter()
                        .map(|t| (t.structure, t.structure_label.as_str())),
                ),
            &named_by,
        );
        let coverage = super::coverage::coverage(&targets, &attempts, &heads, &options, &groups);
        let targeted: BTreeMap<Group, usize> = coverage
            .campaign
            .iter()
            .flat_map(|c| &c.by_group)
            .map(|g| (g.group.clone(), g.targeted))
            .collect();
        let mut parts: Vec<Part> = Vec::new();
        for (id, mut versions) in by_id {
            if options.guide.as_ref().is_some_and(|g| *g != id) {
                continue;
            }
            versions.sort_by_key(|(v, _, _)| version_key(v));
            let Some((_, newest_digest, guide)) = versions.last().cloned() else {
                continue;
            };
            let mut shared_groups = HashMap::new();
            let mut rows: Vec<SessionRow> = heads
                .iter()
                .filter(|h| h.row.guide_id == id)
                .filter(|h| options.structure.is_none_or(|s| s == h.row.structure))
                .map(|h| SessionRow {
                    digest: h.row.digest.clone(),
                    session_id: h.row.session_id.clone(),
                    revision: h.row.revision,
                    response: h.row.response.clone(),
                    structure: h.row.structure,
                    structure_label: h.row.structure_label.clone(),
                    group: shared_groups
                        .entry((h.row.structure, h.row.structure_label.clone()))
                        .or_insert_with(|| {
                            std::sync::Arc::new(groups.of(h.row.structure, &h.row.structure_label))
                        })
                        .clone(),
                    interviewer: h.row.interviewer.clone(),
                    completed_at: h.row.completed_at.clone(),
                    guide_version: h.row.guide_version.clone(),
                    unresolved: h.unresolved,
                    answers: Answers::default(),
                    missing_required: Vec::new(),
                    hidden: BTreeSet::new(),
                    chosen: chosen.get(&h.row.digest).cloned().unwrap_or_default(),
                    consent: h.row.consent,
                    guide_digest: h.row.guide_digest.clone(),
                    apart: BTreeSet::new(),
                })
                .collect();
            // Collected through a filter, the list grew by doubling: up to twice the room.
            rows.shrink_to_fit();
            if rows.is_empty() {
                continue;
            }
            let (diffs, unchecked) =
                super::versions::mark(&guide, &newest_digest, &by_digest, &mut rows);
            let mut version_counts: BTreeMap<String, usize> = BTreeMap::new();
            for r in &rows {
                *version_counts.entry(r.guide_version.clone()).or_default() += 1;
            }
            let digests: HashSet<&str> = rows.iter().map(|r| r.digest.as_str()).collect();
            // The section's notes are moved out, not copied: it keeps them to make the
            // matrix rows again as they are written.
            let (section_notes, rest): (Vec<GeneralNote>, Vec<GeneralNote>) =
                std::mem::take(&mut notes)
                    .into_iter()
                    .partition(|n| digests.contains(n.digest.as_str()));
            drop(digests);
            notes = rest;
            parts.push(Part {
                id,
                guide,
                rows,
                diffs,
                versions: version_counts.into_iter().collect(),
                unchecked,
                notes: section_notes,
            });
        }
        let (guides, rest): (Vec<Guide>, Vec<_>) = parts
            .into_iter()
            .map(|p| {
                (
                    p.guide,
                    (p.id, p.rows, p.diffs, p.versions, p.unchecked, p.notes),
                )
            })
            .unzip();
        let mut rows: Vec<Vec<SessionRow>> = Vec::new();
        let mut others = Vec::new();
        let mut section_notes: Vec<Vec<GeneralNote>> = Vec::new();
        for (id, r, diffs, versions, unchecked, n) in rest {
            rows.push(r);
            section_notes.push(n);
            others.push((id, diffs, versions, unchecked));
        }
        let (sensitive, made) = {
            let note_refs: Vec<Vec<&GeneralNote>> =
                section_notes.iter().map(|n| n.iter().collect()).collect();
            let mut counters: Vec<Counter<'_>> = Vec::new();
            let mut texts: Vec<FreeTexts<'_>> = Vec::new();
            let mut aparts: Vec<ApartCounter<'_>> = Vec::new();
            let mut analysers: Vec<Analyser<'_>> = Vec::new();
            for (k, guide) in guides.iter().enumerate() {
                let (id, diffs, _, _) = &others[k];
                counters.push(Counter::new(guide, &rows[k], &targeted));
                texts.push(FreeTexts::new(guide, options.attribution));
                aparts.push(ApartCounter::new(diffs, &by_digest));
                let codebook = match &options.codebook {
                    Some(b) if b.guide == *id => Some(b.clone()),
                    _ => crate::guide::bundled_codebook(id),
                };
                analysers.push(Analyser::new(
                    guide,
                    &note_refs[k],
                    super::analysis::Inputs {
                        summaries: &summaries,
                        codings: &codings,
                        codebook,
                        attribution: options.attribution,
                        matrix_by: options.matrix_by,
                        keep_whole: options.matrix_whole,
                    },
                ));
            }
            // One pass over the heads' answers, one session at a time, in the sections'
            // order: a section's sessions are the heads of its guide, in the heads' order.
            let mut ids = QuestionIds::default();
            let mut next = vec![0usize; rows.len()];
            let mut sensitive = notes_marked;
            for h in &heads {
                let ch = chosen
                    .get(&h.row.digest)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let (answers, marked) = super::heads::head_answers(
                    db,
                    &mut ids,
                    &h.row.digest,
                    ch,
                    options.include_sensitive,
                )?;
                sensitive += marked;
                for (k, section_rows) in rows.iter_mut().enumerate() {
                    let i = next[k];
                    let kept = section_rows.len() <= super::html_evidence::EVIDENCE_MAX;
                    let Some(row) = section_rows.get_mut(i).filter(|r| r.digest == h.row.digest)
                    else {
                        continue;
                    };
                    next[k] += 1;
                    let guide = &guides[k];
                    row.answers = answers;
                    let own = by_digest.get(&row.guide_digest).unwrap_or(guide);
                    row.hidden = hidden_questions(guide, own, row, &mut ids);
                    row.missing_required = super::quality::missing_required(guide, row);
                    counters[k].add(i, row);
                    texts[k].add(row);
                    aparts[k].add(row);
                    analysers[k].add(i, row);
                    // Kept only where the HTML lists the sessions behind each count.
                    if !kept {
                        row.answers = Answers::default();
                    }
                    break;
                }
            }
            let made: Vec<_> = counters
                .into_iter()
                .zip(texts)
                .zip(aparts)
                .zip(analysers)
                .enumerate()
                .map(|(k, (((counter, texts), apart), analyser))| {
                    let guide = &guides[k];
                    let lang = guide.default_language();
                    (
                        counter.finish(&rows[k], lang, options.min_cell, &targeted),
                        texts.finish(&rows[k], &note_refs[k], lang),
                        super::versions::apart(apart, lang, options.min_cell),
                        analyser.finish(guide, &rows[k]),
                    )
                })
                .collect();
            (sensitive, made)
        };
        let source = super::heads::AnswerSource {
            db: db.path().to_path_buf(),
            include_sensitive: options.include_sensitive,
        };
        let mut sections = Vec::new();
        for (
            ((guide, sessions), notes),
            (
                ((summaries, frequencies, crosstabs), texts, apart, analysis),
                (_, _, versions, unchecked),
            ),
        ) in guides
            .into_iter()
            .zip(rows)
            .zip(section_notes)
            .zip(made.into_iter().zip(others))
        {
            sections.push(GuideSection {
                guide,
                versions,
                sessions,
                summaries,
                frequencies,
                crosstabs,
                texts,
                analysis,
                notes,
                apart,
                unchecked,
                how: Vec::new(),
                source: source.clone(),
            });
        }
        // Only marked answers are read: a few, where the interviewers marked any.
        let marked = db.marked_answers()?;
        for s in &mut sections {
            let how = {
                let heads: Vec<super::provenance::Head<'_>> = s
                    .sessions
                    .iter()
                    .map(|r| super::provenance::Head {
                        digest: &r.digest,
                        chosen: &r.chosen,
                        hidden: &r.hidden,
                    })
                    .collect();
                super::provenance::summarise(&s.guide, &marked, &heads)
            };
            s.how = how;
        }
        let mut quality =
            super::quality::quality(db, &heads, &sections, &options, &groups, &targeted)?;
        quality.sensitive = (sensitive, options.include_sensitive);
        Ok(Report {
            options,
            coverage,
            sections,
            quality,
        })
    }
}
