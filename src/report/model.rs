//! What a report says, computed from the collation database: for each guide, the
//! distribution of every summary question per structure (the Figure-1 table), frequency
//! tables and cross-tabs of every choice question, free texts with who said them, and the
//! data quality. Rendering to HTML, Markdown, CSV or XLSX only formats this.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::collate::{AnswerRow, CollateError, CollationDb, GeneralNote, Head, Quarantined};
use crate::guide::{Guide, Place, Question, QuestionType, Structure, load_guide_str};
use crate::session::{AnswerStatus, Special, Value, ValueKind};

#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub structure: Option<Structure>,
    pub guide: Option<String>,
}

/// One session's current state, as the report counts it.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub digest: String,
    pub session_id: String,
    pub revision: u32,
    pub response: String,
    pub structure: Structure,
    pub structure_label: String,
    pub interviewer: String,
    pub completed_at: String,
    pub guide_version: String,
    pub unresolved: bool,
    pub answers: BTreeMap<String, Answer>,
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub status: AnswerStatus,
    pub kind: Option<ValueKind>,
    /// The value's text split at newlines: the chosen options of a multi, else one (a
    /// text's lines); empty without an answer.
    pub values: Vec<String>,
    pub other: String,
    pub note: String,
    pub hidden: bool,
}

impl From<AnswerRow> for Answer {
    fn from(a: AnswerRow) -> Answer {
        Answer {
            status: a.status,
            kind: a.value.as_ref().map(Value::kind),
            values: a
                .value
                .map(|v| v.to_text().split('\n').map(str::to_string).collect())
                .unwrap_or_default(),
            other: a.other,
            note: a.note,
            hidden: a.hidden,
        }
    }
}

/// A row of a distribution: an option, or one of the ways of not answering.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: String,
    pub label: String,
    pub count: usize,
    /// Of the denominator, rounded half away from zero.
    pub percent: u32,
}

#[derive(Debug, Clone)]
pub struct Distribution {
    pub question: String,
    pub text: String,
    pub kind: QuestionType,
    /// `None`: all structures together.
    pub structure: Option<Structure>,
    /// Sessions that were asked it (skip logic showed it).
    pub n: usize,
    pub rows: Vec<Count>,
}

impl Distribution {
    /// "n = 26 protection clusters".
    pub fn denominator(&self) -> String {
        let what = match self.structure {
            Some(s) => s.plural().to_string(),
            None => "sessions".to_string(),
        };
        let what = if self.n == 1 {
            what.trim_end_matches('s').to_string()
        } else {
            what
        };
        format!("n = {} {what}", self.n)
    }
}

#[derive(Debug, Clone)]
pub struct CrossTab {
    pub question: String,
    pub text: String,
    pub structures: Vec<Structure>,
    /// One row per option: label, then (count, percent) per structure.
    pub rows: Vec<(String, Vec<(usize, u32)>)>,
    pub n: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct TextItem {
    pub question: String,
    /// `answer`, `other`, `note`, `general note`.
    pub kind: &'static str,
    pub text: String,
    pub response: String,
    pub structure: Structure,
}

#[derive(Debug, Clone)]
pub struct Quality {
    pub sessions_by_structure: Vec<(Structure, usize)>,
    pub revisions: usize,
    pub conflicts: usize,
    pub conflicts_resolved: usize,
    /// Sessions whose head was picked by rule because a conflict is unresolved.
    pub unresolved_sessions: Vec<(String, String)>,
    pub quarantined: Vec<Quarantined>,
    /// (session response · structure, questions) for heads missing required answers.
    pub missing_required: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone)]
pub struct GuideSection {
    pub guide: Guide,
    /// (version, sessions) that contributed.
    pub versions: Vec<(String, usize)>,
    pub sessions: Vec<SessionRow>,
    pub summaries: Vec<Distribution>,
    pub frequencies: Vec<Distribution>,
    pub crosstabs: Vec<CrossTab>,
    pub texts: Vec<(String, Vec<TextItem>)>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub options: ReportOptions,
    pub sections: Vec<GuideSection>,
    pub quality: Quality,
}

/// Percent rounded half away from zero, so 5 of 26 reads 19 and 8 of 26 reads 31.
pub fn percent(count: usize, n: usize) -> u32 {
    if n == 0 {
        return 0;
    }
    ((count as f64 * 100.0 / n as f64) + 0.5).floor() as u32
}

fn version_key(v: &str) -> Vec<(u64, String)> {
    v.split(['.', '-'])
        .map(|p| (p.parse::<u64>().unwrap_or(0), p.to_string()))
        .collect()
}

impl Report {
    pub fn build(db: &CollationDb, options: ReportOptions) -> Result<Report, CollateError> {
        let heads: Vec<Head> = db.heads()?;
        let guides = db.guide_sources()?;
        let notes = db.all_notes()?;
        let head_set: HashSet<&str> = heads.iter().map(|h| h.row.digest.as_str()).collect();
        let mut answers_by: HashMap<String, BTreeMap<String, Answer>> = HashMap::new();
        // A revision's answers arrive together: decide once per revision whether it is a
        // head, and keep only those.
        let mut current: Option<(String, BTreeMap<String, Answer>)> = None;
        let mut keep = false;
        db.each_answer(&mut |digest, q, a| {
            if current.as_ref().is_none_or(|(d, _)| d != digest) {
                if let Some((d, map)) = current.take() {
                    answers_by.insert(d, map);
                }
                keep = head_set.contains(digest);
                if keep {
                    current = Some((digest.to_string(), BTreeMap::new()));
                }
            }
            if keep && let Some((_, map)) = current.as_mut() {
                map.insert(q, Answer::from(a));
            }
        })?;
        if let Some((d, map)) = current {
            answers_by.insert(d, map);
        }
        // Each guide id is reported with its newest version's wording; older versions'
        // sessions are merged in by question id.
        let mut by_id: BTreeMap<String, Vec<(String, Guide)>> = BTreeMap::new();
        for (id, version, source) in guides {
            if let Ok(g) = load_guide_str(source, &format!("collated:{id}"), Place::Bundled) {
                by_id.entry(id).or_default().push((version, g.guide));
            }
        }
        let mut sections = Vec::new();
        for (id, mut versions) in by_id {
            if options.guide.as_ref().is_some_and(|g| *g != id) {
                continue;
            }
            versions.sort_by_key(|(v, _)| version_key(v));
            let Some((_, guide)) = versions.last().cloned() else {
                continue;
            };
            let rows: Vec<SessionRow> = heads
                .iter()
                .filter(|h| h.row.guide_id == id)
                .filter_map(|h| {
                    let structure = h.row.structure;
                    if options.structure.is_some_and(|s| s != structure) {
                        return None;
                    }
                    Some(SessionRow {
                        digest: h.row.digest.clone(),
                        session_id: h.row.session_id.clone(),
                        revision: h.row.revision,
                        response: h.row.response.clone(),
                        structure,
                        structure_label: h.row.structure_label.clone(),
                        interviewer: h.row.interviewer.clone(),
                        completed_at: h.row.completed_at.clone(),
                        guide_version: h.row.guide_version.clone(),
                        unresolved: h.unresolved,
                        answers: answers_by.remove(&h.row.digest).unwrap_or_default(),
                    })
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let mut version_counts: BTreeMap<String, usize> = BTreeMap::new();
            for r in &rows {
                *version_counts.entry(r.guide_version.clone()).or_default() += 1;
            }
            let digests: HashSet<&str> = rows.iter().map(|r| r.digest.as_str()).collect();
            let section_notes: Vec<_> = notes
                .iter()
                .filter(|n| digests.contains(n.digest.as_str()))
                .collect();
            sections.push(section(
                guide,
                version_counts.into_iter().collect(),
                rows,
                &section_notes,
            ));
        }
        let quality = super::quality::quality(db, &heads, &sections)?;
        Ok(Report {
            options,
            sections,
            quality,
        })
    }
}

fn lang(g: &Guide) -> String {
    g.default_language().to_string()
}

fn label_of(q: &Question, value: &str, lang: &str) -> String {
    match q.kind {
        QuestionType::YesNo => match value {
            "yes" => "Yes".into(),
            "no" => "No".into(),
            v => v.into(),
        },
        _ => q
            .option(value)
            .map(|o| o.label.get(lang, lang).to_string())
            .unwrap_or_else(|| value.to_string()),
    }
}

/// The values a distribution lists, in the guide's order.
fn values_of(q: &Question) -> Vec<String> {
    match q.kind {
        QuestionType::Scale => {
            let (lo, hi) = (q.min.unwrap_or(1.0) as i64, q.max.unwrap_or(5.0) as i64);
            (lo..=hi).map(|n| n.to_string()).collect()
        }
        _ => q.closed_values().into_iter().map(str::to_string).collect(),
    }
}

fn distribution<'a>(
    q: &Question,
    lang: &str,
    answers: impl Iterator<Item = Option<&'a Answer>>,
    structure: Option<Structure>,
) -> Distribution {
    // One pass over the sessions' answers to this question. A question has a handful of
    // values: a list searched in place beats hashing each one.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let (mut n, mut none) = (0, 0);
    let mut special = [0usize; 3];
    for a in answers {
        match a {
            Some(a) if a.hidden => continue,
            Some(a) => match a.status {
                AnswerStatus::Answered => {
                    for v in &a.values {
                        match counts.iter_mut().find(|(c, _)| *c == v.as_str()) {
                            Some((_, k)) => *k += 1,
                            None => counts.push((v.as_str(), 1)),
                        }
                    }
                }
                AnswerStatus::Special(Special::DontKnow) => special[0] += 1,
                AnswerStatus::Special(Special::Declined) => special[1] += 1,
                AnswerStatus::Special(Special::NotAsked) => special[2] += 1,
                AnswerStatus::Unanswered => none += 1,
            },
            None => none += 1,
        }
        n += 1;
    }
    let mut out: Vec<Count> = values_of(q)
        .into_iter()
        .map(|v| {
            let count = counts
                .iter()
                .find(|(c, _)| *c == v.as_str())
                .map_or(0, |(_, k)| *k);
            Count {
                label: label_of(q, &v, lang),
                value: v,
                count,
                percent: percent(count, n),
            }
        })
        .collect();
    for ((status, label), count) in [
        (Special::DontKnow, "Don't know"),
        (Special::Declined, "Declined"),
        (Special::NotAsked, "Not asked"),
    ]
    .into_iter()
    .zip(special)
    {
        if count > 0 {
            out.push(Count {
                value: status.as_str().into(),
                label: label.into(),
                count,
                percent: percent(count, n),
            });
        }
    }
    if none > 0 {
        out.push(Count {
            value: "unanswered".into(),
            label: "No answer".into(),
            count: none,
            percent: percent(none, n),
        });
    }
    Distribution {
        question: q.id.clone(),
        text: q.text.get(lang, lang).to_string(),
        kind: q.kind,
        structure,
        n,
        rows: out,
    }
}

fn section(
    guide: Guide,
    versions: Vec<(String, usize)>,
    rows: Vec<SessionRow>,
    notes: &[&GeneralNote],
) -> GuideSection {
    let lang = lang(&guide);
    // The free texts (copies of every note) only HTML and Markdown need: gathered on a
    // second core while this one counts, so the spreadsheet can start sooner.
    let (texts, (summaries, frequencies, crosstabs)) = std::thread::scope(|scope| {
        let texts = scope.spawn(|| super::texts::free_texts(&guide, &rows, notes, &lang));
        let counts = counts(&guide, &rows, &lang);
        let texts = texts
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (texts, counts)
    });
    GuideSection {
        guide,
        versions,
        sessions: rows,
        summaries,
        frequencies,
        crosstabs,
        texts,
    }
}

/// A guide section's summary distributions, frequency tables and cross-tabs.
fn counts(
    guide: &Guide,
    rows: &[SessionRow],
    lang: &str,
) -> (Vec<Distribution>, Vec<Distribution>, Vec<CrossTab>) {
    let mut structures: Vec<Structure> = rows.iter().map(|r| r.structure).collect();
    structures.sort();
    structures.dedup();
    let mut summaries = Vec::new();
    let mut frequencies = Vec::new();
    let mut crosstabs = Vec::new();
    for q in guide.questions() {
        let closed = q.kind.is_closed() || q.kind == QuestionType::Scale;
        if !closed {
            continue;
        }
        // Each session's answer looked up once, then counted per structure and overall.
        let column: Vec<(Structure, Option<&Answer>)> = rows
            .iter()
            .map(|r| (r.structure, r.answers.get(&q.id)))
            .collect();
        // Computed once per structure; the summary tables and the cross-tab share them.
        let per: Vec<Distribution> = structures
            .iter()
            .map(|st| {
                let of = column.iter().filter(|(s, _)| s == st).map(|(_, a)| *a);
                distribution(q, lang, of, Some(*st))
            })
            .collect();
        if q.summary {
            summaries.extend(per.iter().cloned());
        }
        frequencies.push(distribution(q, lang, column.iter().map(|(_, a)| *a), None));
        // Rows by value: a "don't know" row exists only where someone said it.
        let mut values: Vec<(String, String)> = Vec::new();
        for d in std::iter::once(frequencies.last().expect("just pushed")).chain(&per) {
            for c in &d.rows {
                if !values.iter().any(|(v, _)| *v == c.value) {
                    values.push((c.value.clone(), c.label.clone()));
                }
            }
        }
        let ct_rows = values
            .into_iter()
            .map(|(value, label)| {
                let cells = per
                    .iter()
                    .map(|d| {
                        d.rows
                            .iter()
                            .find(|c| c.value == value)
                            .map_or((0, 0), |c| (c.count, c.percent))
                    })
                    .collect();
                (label, cells)
            })
            .collect();
        crosstabs.push(CrossTab {
            question: q.id.clone(),
            text: q.text.get(lang, lang).to_string(),
            structures: structures.clone(),
            rows: ct_rows,
            n: per.iter().map(|d| d.n).collect(),
        });
    }
    // The interviewer's classification (a required summary question: the seed report's
    // Figure 1) leads; the other summaries follow in guide order.
    summaries.sort_by_key(|d| !guide.question(&d.question).is_some_and(|q| q.required));
    (summaries, frequencies, crosstabs)
}
