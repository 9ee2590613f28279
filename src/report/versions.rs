//! Sessions of one guide made with different versions: which questions' answers may be
//! pooled with the newest version's (`stocktake guide diff` says), and each older
//! version's own counts of those that may not. A version whose guide cannot be read is
//! said, not guessed at.

use std::collections::{BTreeMap, HashMap};

use super::counts::Tally;
use super::model::{Apart, GuideSection, SessionRow};
use super::say::Say;
use crate::guide::{Guide, GuideDiff, diff};
use crate::i18n::Words;

/// The versions of these sessions, each once, in order: what [`Say::versions`] says as
/// "version 2", "versions 1, 3".
pub(super) fn named<'a>(versions: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<&str> = versions.collect();
    v.sort_by_key(|x| super::build::version_key(x));
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// Marks each row's questions whose answers do not compare with `newest`'s, from the
/// diff of its own version; returns the versions that could not be checked.
pub(super) fn mark(
    newest: &Guide,
    newest_digest: &str,
    by_digest: &HashMap<String, Guide>,
    rows: &mut [SessionRow],
) -> (BTreeMap<String, GuideDiff>, Vec<String>) {
    let mut diffs: BTreeMap<String, GuideDiff> = BTreeMap::new();
    let mut unchecked: Vec<String> = Vec::new();
    for r in rows.iter_mut() {
        if r.guide_digest == newest_digest {
            continue;
        }
        let Some(own) = by_digest.get(&r.guide_digest) else {
            if !unchecked.contains(&r.guide_version) {
                unchecked.push(r.guide_version.clone());
            }
            continue;
        };
        let d = diffs
            .entry(r.guide_digest.clone())
            .or_insert_with(|| diff(own, newest));
        r.apart = d
            .incomparable_questions()
            .into_iter()
            .map(str::to_string)
            .collect();
    }
    unchecked.sort_by_key(|v| super::build::version_key(v));
    (diffs, unchecked)
}

/// Each older version's counts of the questions it does not pool, counted one session at
/// a time ([`ApartCounter::add`], its answers at hand).
pub(super) struct ApartCounter<'a> {
    diffs: &'a BTreeMap<String, GuideDiff>,
    by_digest: &'a HashMap<String, Guide>,
    /// By (guide digest, question).
    tallies: HashMap<(&'a str, &'a str), Tally>,
}

impl<'a> ApartCounter<'a> {
    pub(super) fn new(
        diffs: &'a BTreeMap<String, GuideDiff>,
        by_digest: &'a HashMap<String, Guide>,
    ) -> ApartCounter<'a> {
        ApartCounter {
            diffs,
            by_digest,
            tallies: HashMap::new(),
        }
    }

    pub(super) fn add(&mut self, r: &SessionRow) {
        let (Some((digest, d)), Some(own)) = (
            self.diffs.get_key_value(&r.guide_digest),
            self.by_digest.get(&r.guide_digest),
        ) else {
            return;
        };
        for q in d.incomparable_questions() {
            if own.question(q).is_some_and(|question| {
                question.kind.is_closed() || question.kind == crate::guide::QuestionType::Scale
            }) {
                self.tallies
                    .entry((digest.as_str(), q))
                    .or_default()
                    .add((r.is_hidden(q), r.answers.get(q)));
            }
        }
    }
}

/// Each older version's counts of the questions it does not pool, under its own wording.
pub(super) fn apart(counted: ApartCounter<'_>, lang: &str, min_cell: usize) -> Vec<Apart> {
    let ApartCounter {
        diffs,
        by_digest,
        tallies,
    } = counted;
    let mut out = Vec::new();
    for (digest, d) in diffs {
        let Some(own) = by_digest.get(digest) else {
            continue;
        };
        for q in d.incomparable_questions() {
            let (Some(question), Some(why)) = (own.question(q), d.incomparable(q)) else {
                continue;
            };
            if !(question.kind.is_closed() || question.kind == crate::guide::QuestionType::Scale) {
                continue;
            }
            let mut frequency = tallies
                .get(&(digest.as_str(), q))
                .cloned()
                .unwrap_or_default()
                .finish(question, lang, None);
            frequency.versions = Some(named(std::iter::once(own.version.as_str())));
            // Counted apart, a small version is a small table: the same suppression.
            let grid: Vec<Vec<usize>> = frequency.rows.iter().map(|c| vec![c.count]).collect();
            let hide = super::suppress::suppress(&grid, min_cell);
            for (c, h) in frequency.rows.iter_mut().zip(hide) {
                c.suppressed = h.first().copied().unwrap_or(false);
            }
            // Our own words for before and after ("optional") in the report's language;
            // the guide's texts as they are.
            let (old, new) = match &why.values_said {
                Some((o, n)) => (o.clone(), n.clone()),
                None => (Words::Text(why.old.clone()), Words::Text(why.new.clone())),
            };
            let texts = match (why.old.is_empty(), why.new.is_empty()) {
                (false, false) => Words::msg("rpt-apart-both")
                    .with("old", old)
                    .with("new", new),
                (false, true) => Words::msg("rpt-apart-one").with("text", old),
                (true, false) => Words::msg("rpt-apart-one").with("text", new),
                (true, true) => Words::Text(String::new()),
            };
            out.push(Apart {
                question: q.to_string(),
                version: own.version.clone(),
                why: Words::msg("rpt-apart-change")
                    .with("what", why.said.clone())
                    .with("class", why.class.words())
                    .with("texts", texts),
                frequency,
            });
        }
    }
    out.sort_by(|a, b| {
        (super::build::version_key(&a.version), &a.question)
            .cmp(&(super::build::version_key(&b.version), &b.question))
    });
    out
}

impl GuideSection {
    /// What the report says at the top of a guide's part when some questions are not
    /// pooled across its versions.
    pub fn not_pooled_said(&self, say: Say) -> Option<String> {
        if self.apart.is_empty() {
            return None;
        }
        let mut questions: Vec<&str> = self.apart.iter().map(|a| a.question.as_str()).collect();
        questions.dedup();
        let older = named(self.apart.iter().map(|a| a.version.as_str()));
        let questions = questions
            .iter()
            .map(|q| format!("`{q}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(say.tr(
            "rpt-not-pooled-said",
            &[
                ("questions", questions.into()),
                ("older", say.versions(&older).into()),
                ("older_n", older.len().into()),
                ("version", self.guide.version.as_str().into()),
            ],
        ))
    }

    /// What the report says of versions whose guide it could not read.
    pub fn unchecked_said(&self, say: Say) -> Option<String> {
        (!self.unchecked.is_empty()).then(|| {
            let versions = named(self.unchecked.iter().map(String::as_str));
            say.tr(
                "rpt-unchecked-said",
                &[
                    ("versions", say.versions(&versions).into()),
                    ("versions_n", versions.len().into()),
                    ("version", self.guide.version.as_str().into()),
                ],
            )
        })
    }
}
