//! Building a [`Report`] from the collation database: each session's head and its
//! answers, which questions were not asked of it (skip logic, computed from the guide of
//! its own version and the head's answers: the collation keeps only the questions
//! touched), its group, and then per guide the counts and the free texts.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::answers::QuestionIds;
use super::counts::counts;
use super::group::{Group, Groups};
use super::model::{Answer, Answers, Attribution, GuideSection, Report, ReportOptions, SessionRow};
use crate::collate::{CollateError, CollationDb, GeneralNote, Head};
use crate::guide::{Guide, Place, load_guide_str, visibility};
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

/// The questions of `section` not asked of a session with these answers: hidden by the
/// skip logic of its own guide version, not for its structure, or not in that version.
fn hidden_questions(section: &Guide, own: &Guide, row: &SessionRow) -> BTreeSet<String> {
    let values: BTreeMap<String, Vec<String>> = row
        .answers
        .iter()
        .filter(|(_, a)| a.status == AnswerStatus::Answered && a.has_values())
        .map(|(q, a)| (q.to_string(), a.values().map(str::to_string).collect()))
        .collect();
    let vis = visibility(own, row.structure, &values);
    section
        .questions()
        .filter(|q| own.question(&q.id).is_none() || !vis.is_visible(&q.id))
        .map(|q| q.id.clone())
        .collect()
}

/// The collator's answer choices (`stocktake resolve --answer`) applied to the heads they
/// concern: a head that is one of the conflict's revisions takes the chosen revision's
/// answer (or its lack of one). A later revision built on the conflict is the newest
/// word, and no choice applies to it. Returns, per head digest, what was taken from where.
fn apply_choices(
    db: &CollationDb,
    heads: &[Head],
    answers_by: &mut HashMap<String, Answers>,
    ids: &mut QuestionIds,
) -> Result<HashMap<String, Vec<(String, String)>>, CollateError> {
    let mut chosen: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for c in db.answer_choices()? {
        let Some(head) = heads
            .iter()
            .find(|h| h.row.session_id == c.session_id && h.row.parent == c.parent)
        else {
            continue;
        };
        let answer = db.answers_of(&c.source)?.remove(&c.question);
        let answers = answers_by.entry(head.row.digest.clone()).or_default();
        match answer {
            Some(a) => answers.insert(ids.of(&c.question), Answer::from(a)),
            None => answers.remove(&c.question),
        };
        chosen
            .entry(head.row.digest.clone())
            .or_default()
            .push((c.question, c.source));
    }
    Ok(chosen)
}

/// The free texts marked sensitive among the heads': left out (the tables say where)
/// unless `include`. Returns how many there are.
fn sensitive_texts(
    answers_by: &mut HashMap<String, Answers>,
    notes: &mut Vec<GeneralNote>,
    heads: &HashSet<&str>,
    include: bool,
) -> usize {
    let notes_marked = notes
        .iter()
        .filter(|n| n.sensitive && heads.contains(n.digest.as_str()))
        .count();
    if include {
        let answers: usize = answers_by
            .values()
            .flat_map(|m| m.values())
            .filter(|a| a.sensitive)
            .map(|a| {
                let mut copy = a.clone();
                copy.withhold()
            })
            .sum();
        return answers + notes_marked;
    }
    notes.retain(|n| !n.sensitive);
    let answers: usize = answers_by
        .values_mut()
        .flat_map(|m| m.values_mut())
        .map(Answer::withhold)
        .sum();
    answers + notes_marked
}

impl Report {
    pub fn build(db: &CollationDb, options: ReportOptions) -> Result<Report, CollateError> {
        let heads: Vec<Head> = db.heads()?;
        let mut notes = db.all_notes()?;
        let head_set: HashSet<&str> = heads.iter().map(|h| h.row.digest.as_str()).collect();
        let mut answers_by: HashMap<String, Answers> = HashMap::new();
        let mut ids = QuestionIds::default();
        // A revision's answers arrive together: decide once per revision whether it is a
        // head, and keep only those.
        let mut current: Option<(String, Answers)> = None;
        let mut keep = false;
        db.each_answer(&mut |digest, q, a| {
            if current.as_ref().is_none_or(|(d, _)| d != digest) {
                if let Some((d, mut map)) = current.take() {
                    map.shrink_to_fit();
                    answers_by.insert(d, map);
                }
                keep = head_set.contains(digest);
                if keep {
                    current = Some((digest.to_string(), Answers::default()));
                }
            }
            if keep && let Some((_, map)) = current.as_mut() {
                map.insert(ids.of(&q), Answer::from(a));
            }
        })?;
        if let Some((d, mut map)) = current {
            map.shrink_to_fit();
            answers_by.insert(d, map);
        }
        let chosen = apply_choices(db, &heads, &mut answers_by, &mut ids)?;
        let sensitive = sensitive_texts(
            &mut answers_by,
            &mut notes,
            &head_set,
            options.include_sensitive,
        );
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
        let mut sections = Vec::new();
        for (id, mut versions) in by_id {
            if options.guide.as_ref().is_some_and(|g| *g != id) {
                continue;
            }
            versions.sort_by_key(|(v, _, _)| version_key(v));
            let Some((_, newest_digest, guide)) = versions.last().cloned() else {
                continue;
            };
            let mut rows: Vec<SessionRow> = heads
                .iter()
                .filter(|h| h.row.guide_id == id)
                .filter(|h| options.structure.is_none_or(|s| s == h.row.structure))
                .map(|h| {
                    let mut row = SessionRow {
                        digest: h.row.digest.clone(),
                        session_id: h.row.session_id.clone(),
                        revision: h.row.revision,
                        response: h.row.response.clone(),
                        structure: h.row.structure,
                        structure_label: h.row.structure_label.clone(),
                        group: groups.of(h.row.structure, &h.row.structure_label),
                        interviewer: h.row.interviewer.clone(),
                        completed_at: h.row.completed_at.clone(),
                        guide_version: h.row.guide_version.clone(),
                        unresolved: h.unresolved,
                        answers: answers_by.remove(&h.row.digest).unwrap_or_default(),
                        hidden: BTreeSet::new(),
                        chosen: chosen.get(&h.row.digest).cloned().unwrap_or_default(),
                        consent: h.row.consent,
                        guide_digest: h.row.guide_digest.clone(),
                        apart: BTreeSet::new(),
                    };
                    let own = by_digest.get(&h.row.guide_digest).unwrap_or(&guide);
                    row.hidden = hidden_questions(&guide, own, &row);
                    row
                })
                .collect();
            // Collected through a filter, the list grew by doubling: up to twice the room.
            rows.shrink_to_fit();
            if rows.is_empty() {
                continue;
            }
            let (diffs, unchecked) =
                super::versions::mark(&guide, &newest_digest, &by_digest, &mut rows);
            let apart = super::versions::apart(
                &rows,
                &by_digest,
                &diffs,
                guide.default_language(),
                options.min_cell,
            );
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
            notes = rest;
            let codebook = match &options.codebook {
                Some(b) if b.guide == id => Some(b.clone()),
                _ => crate::guide::bundled_codebook(&id),
            };
            let analysis = super::analysis::Inputs {
                summaries: &summaries,
                codings: &codings,
                codebook,
                attribution: options.attribution,
                matrix_by: options.matrix_by,
                keep_whole: options.matrix_whole,
            };
            sections.push(section(
                guide,
                super::versions::Versions {
                    counts: version_counts.into_iter().collect(),
                    apart,
                    unchecked,
                },
                rows,
                section_notes,
                &options,
                &targeted,
                analysis,
            ));
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

fn section(
    guide: Guide,
    versions: super::versions::Versions,
    rows: Vec<SessionRow>,
    notes: Vec<GeneralNote>,
    options: &ReportOptions,
    targeted: &BTreeMap<Group, usize>,
    analysis: super::analysis::Inputs<'_>,
) -> GuideSection {
    let lang = guide.default_language().to_string();
    let note_refs: Vec<&GeneralNote> = notes.iter().collect();
    // The free texts (copies of every note) only HTML and Markdown need: gathered on a
    // second core while this one counts, so the spreadsheet can start sooner.
    let (texts, (summaries, frequencies, crosstabs)) = std::thread::scope(|scope| {
        let texts = scope.spawn(|| {
            super::texts::free_texts(&guide, &rows, &note_refs, &lang, options.attribution)
        });
        let counts = counts(&guide, &rows, &lang, options.min_cell, targeted);
        let texts = texts
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (texts, counts)
    });
    let analysis = super::analysis::analyse(&guide, &rows, &note_refs, analysis);
    drop(note_refs);
    GuideSection {
        guide,
        versions: versions.counts,
        sessions: rows,
        summaries,
        frequencies,
        crosstabs,
        texts,
        analysis,
        notes,
        apart: versions.apart,
        unchecked: versions.unchecked,
        how: Vec::new(),
    }
}
