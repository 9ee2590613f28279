//! The counts of a guide section: every choice question's distribution per group and over
//! all sessions, the summary distributions among them, and the cross-tabs by group. A
//! session the question was hidden for is out of its denominator and counted apart.

use std::collections::BTreeMap;

use super::group::Group;
use super::model::{Answer, Cell, Count, CrossTab, Distribution, SessionRow, percent};
use super::say::AnswerWord;
use super::suppress::suppress;
use crate::guide::{Guide, Question, QuestionType};
use crate::session::{AnswerStatus, Special};

pub(super) fn label_of(q: &Question, value: &str, lang: &str) -> String {
    match q.kind {
        QuestionType::YesNo => match value {
            "yes" => AnswerWord::Yes.in_guide(lang).into(),
            "no" => AnswerWord::No.in_guide(lang).into(),
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

/// One session's part in a question's counts: its answer, or that it was not asked.
type Seen<'a> = (bool, Option<&'a Answer>);

/// A distribution being counted, one session at a time: the report counts every question
/// in one pass over the heads' answers, which it does not keep.
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    /// A question has a handful of values: a list searched in place beats hashing each.
    counts: Vec<(String, usize)>,
    n: usize,
    none: usize,
    hidden: usize,
    special: [usize; 3],
}

impl Tally {
    pub(super) fn add(&mut self, (is_hidden, a): Seen<'_>) {
        if is_hidden {
            self.hidden += 1;
            return;
        }
        match a {
            Some(a) => match a.status {
                AnswerStatus::Answered => {
                    for v in a.values() {
                        match self.counts.iter_mut().find(|(c, _)| *c == v) {
                            Some((_, k)) => *k += 1,
                            None => self.counts.push((v.to_string(), 1)),
                        }
                    }
                }
                AnswerStatus::Special(Special::DontKnow) => self.special[0] += 1,
                AnswerStatus::Special(Special::Declined) => self.special[1] += 1,
                AnswerStatus::Special(Special::NotAsked) => self.special[2] += 1,
                AnswerStatus::Unanswered => self.none += 1,
            },
            None => self.none += 1,
        }
        self.n += 1;
    }

    pub(super) fn finish(&self, q: &Question, lang: &str, group: Option<Group>) -> Distribution {
        let Tally {
            counts,
            n,
            none,
            hidden,
            special,
        } = self;
        let (n, none, hidden, special) = (*n, *none, *hidden, *special);
        let count = |value: String, label: String, count: usize| Count {
            value,
            label,
            count,
            percent: percent(count, n),
            suppressed: false,
        };
        let mut out: Vec<Count> = values_of(q)
            .into_iter()
            .map(|v| {
                let k = counts
                    .iter()
                    .find(|(c, _)| *c == v.as_str())
                    .map_or(0, |(_, k)| *k);
                count(v.clone(), label_of(q, &v, lang), k)
            })
            .collect();
        for ((status, label), k) in [
            (Special::DontKnow, AnswerWord::DontKnow),
            (Special::Declined, AnswerWord::Declined),
            (Special::NotAsked, AnswerWord::NotAsked),
        ]
        .into_iter()
        .zip(special)
        {
            if k > 0 {
                out.push(count(
                    status.as_str().into(),
                    label.in_guide(lang).into(),
                    k,
                ));
            }
        }
        if none > 0 {
            out.push(count(
                "unanswered".into(),
                AnswerWord::Unanswered.in_guide(lang).into(),
                none,
            ));
        }
        Distribution {
            question: q.id.clone(),
            text: q.text.get(lang, lang).to_string(),
            kind: q.kind,
            group,
            n,
            hidden,
            targeted: None,
            rows: out,
            versions: None,
        }
    }
}

/// One closed question's counts as they are made: a tally per group of its groups (the
/// groups seen, and targeted groups without a session) and one over all.
struct QuestionTally<'g> {
    q: &'g Question,
    groups: Vec<Group>,
    /// Where each seen group is among `groups`.
    place: Vec<usize>,
    per: Vec<Tally>,
    all: Tally,
}

/// A guide section's summary distributions, frequency tables and cross-tabs, counted one
/// session at a time ([`Counter::add`]) and made at the end ([`Counter::finish`]), with
/// cells under `min_cell` suppressed alike in all three (they show the same counts).
/// `targeted`: the campaign's targets per group (empty without a campaign). A targeted
/// group with no session still gets its column, `n = 0 … of 5 targeted`, for every
/// question that applies to its structure: never silently absent.
pub(super) struct Counter<'g> {
    guide: &'g Guide,
    questions: Vec<QuestionTally<'g>>,
    /// Each session's group by its place among the groups seen, found once: comparing
    /// groups (their labels) for every session, question and group was a tenth of the
    /// report's CPU.
    group_of: Vec<usize>,
}

impl<'g> Counter<'g> {
    pub(super) fn new(
        guide: &'g Guide,
        rows: &[SessionRow],
        targeted: &BTreeMap<Group, usize>,
    ) -> Counter<'g> {
        let mut seen: Vec<Group> = rows.iter().map(|r| Group::clone(&r.group)).collect();
        seen.sort();
        seen.dedup();
        let group_of = rows
            .iter()
            .map(|r| seen.binary_search(&r.group).unwrap_or_default())
            .collect();
        let questions = guide
            .questions()
            .filter(|q| q.kind.is_closed() || q.kind == QuestionType::Scale)
            .map(|q| {
                let mut groups = seen.clone();
                groups.extend(
                    targeted
                        .iter()
                        .filter(|(g, n)| **n > 0 && q.applies(g.structure) && !seen.contains(g))
                        .map(|(g, _)| g.clone()),
                );
                groups.sort();
                let place = seen
                    .iter()
                    .map(|g| groups.binary_search(g).unwrap_or_default())
                    .collect();
                QuestionTally {
                    q,
                    per: vec![Tally::default(); groups.len()],
                    groups,
                    place,
                    all: Tally::default(),
                }
            })
            .collect();
        Counter {
            guide,
            questions,
            group_of,
        }
    }

    /// Count the `i`th session (of the rows it was made with), its answers at hand. The
    /// sessions whose version's answers do not compare are counted apart.
    pub(super) fn add(&mut self, i: usize, r: &SessionRow) {
        let g = self.group_of.get(i).copied().unwrap_or_default();
        for t in &mut self.questions {
            if r.apart.contains(&t.q.id) {
                continue;
            }
            let seen = (r.is_hidden(&t.q.id), r.answers.get(&t.q.id));
            if let Some(per) = t.place.get(g).and_then(|p| t.per.get_mut(*p)) {
                per.add(seen);
            }
            t.all.add(seen);
        }
    }

    pub(super) fn finish(
        self,
        rows: &[SessionRow],
        lang: &str,
        min_cell: usize,
        targeted: &BTreeMap<Group, usize>,
    ) -> (Vec<Distribution>, Vec<Distribution>, Vec<CrossTab>) {
        let guide = self.guide;
        let mut summaries = Vec::new();
        let mut frequencies = Vec::new();
        let mut crosstabs = Vec::new();
        for QuestionTally {
            q,
            groups,
            per,
            all,
            ..
        } in self.questions
        {
            let pooled = rows.iter().filter(|r| !r.apart.contains(&q.id));
            let versions = rows
                .iter()
                .any(|r| r.apart.contains(&q.id))
                .then(|| super::versions::named(pooled.map(|r| r.guide_version.as_str())));
            // Computed once per group; the summary tables and the cross-tab share them.
            let mut per: Vec<Distribution> = groups
                .iter()
                .zip(&per)
                .map(|(g, of)| {
                    let mut d = of.finish(q, lang, Some(g.clone()));
                    d.targeted = targeted.get(g).copied().filter(|n| *n > 0);
                    d.versions = versions.clone();
                    d
                })
                .collect();
            let mut all = all.finish(q, lang, None);
            all.versions = versions.clone();
            // The targets of the structures the question was put to.
            let of_all: usize = per
                .iter()
                .filter(|d| d.structure().is_some_and(|s| q.applies(s)))
                .filter_map(|d| d.targeted)
                .sum();
            all.targeted = (of_all > 0).then_some(of_all);
            // Rows by value: a "don't know" row exists only where someone said it.
            let mut values: Vec<(String, String)> = Vec::new();
            for d in std::iter::once(&all).chain(&per) {
                for c in &d.rows {
                    if !values.iter().any(|(v, _)| *v == c.value) {
                        values.push((c.value.clone(), c.label.clone()));
                    }
                }
            }
            // The grid every table of this question is cut from: a row per value, the
            // overall column first.
            let grid: Vec<Vec<usize>> = values
                .iter()
                .map(|(value, _)| {
                    std::iter::once(&all)
                        .chain(&per)
                        .map(|d| {
                            d.rows
                                .iter()
                                .find(|c| c.value == *value)
                                .map_or(0, |c| c.count)
                        })
                        .collect()
                })
                .collect();
            let hide = suppress(&grid, min_cell);
            for (col, d) in std::iter::once(&mut all).chain(per.iter_mut()).enumerate() {
                for c in &mut d.rows {
                    if let Some(r) = values.iter().position(|(v, _)| *v == c.value) {
                        c.suppressed = hide[r][col];
                    }
                }
            }
            let ct_rows = values
                .iter()
                .enumerate()
                .map(|(r, (value, label))| {
                    let cells = per
                        .iter()
                        .enumerate()
                        .map(|(col, d)| {
                            let (count, percent) = d
                                .rows
                                .iter()
                                .find(|c| c.value == *value)
                                .map_or((0, 0), |c| (c.count, c.percent));
                            Cell {
                                count,
                                percent,
                                suppressed: hide[r][col + 1],
                            }
                        })
                        .collect();
                    (label.clone(), cells)
                })
                .collect();
            crosstabs.push(CrossTab {
                question: q.id.clone(),
                text: q.text.get(lang, lang).to_string(),
                groups: groups.clone(),
                rows: ct_rows,
                n: per.iter().map(|d| d.n).collect(),
                hidden: per.iter().map(|d| d.hidden).collect(),
                targeted: per.iter().map(|d| d.targeted).collect(),
                all_targeted: all.targeted,
                versions,
            });
            if q.summary {
                summaries.extend(per);
            }
            frequencies.push(all);
        }
        // The interviewer's classification (a required summary question: the seed report's
        // Figure 1) leads; the other summaries follow in guide order.
        summaries.sort_by_key(|d| !guide.question(&d.question).is_some_and(|q| q.required));
        (summaries, frequencies, crosstabs)
    }
}
