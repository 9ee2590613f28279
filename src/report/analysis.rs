//! The synthesis step: the rapid-analysis matrix (a row per session, a column per guide
//! section, each cell its answers and notes with the collator's summary) and the themes
//! (per code of the codebook, the sessions that mention it, by structure, with the quotes
//! behind it), computed from the same heads the counts use.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::counts::label_of;
use super::group::Group;
use super::kappa::{Agreement, agreement};
use super::model::{Attribution, SessionRow};
use crate::collate::{CellSummary, Coding, GeneralNote};
use crate::guide::{Codebook, Guide, QuestionType};
use crate::session::AnswerStatus;

/// One text of a session a code can be applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `answer:Q`, `other:Q`, `note:Q`, `pad:N`.
    pub key: String,
    /// `answer`, `other`, `note`, `pad note`.
    pub kind: &'static str,
    pub question: Option<String>,
    pub text: String,
}

/// One question's part of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellItem {
    pub question: String,
    /// The question's text in the guide's language: one copy per question, shared by
    /// every session's item.
    pub label: std::sync::Arc<str>,
    /// The closed answer as the interviewer recorded it ("Yes", "don't know", the
    /// options' labels); empty when there is only free text.
    pub answer: String,
    pub texts: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatrixCell {
    pub items: Vec<CellItem>,
    pub summary: Option<CellSummary>,
    /// The summary was written on an earlier revision than the one reported.
    pub summary_stale: bool,
}

impl Matrix {
    /// What goes between a question and its answer in a cell (`Question: answer`).
    pub fn colon(&self) -> &'static str {
        super::say::colon_in_guide(&self.guide_language)
    }
}

impl MatrixCell {
    /// Each question's answer and notes, as one text, punctuated in the guide's language
    /// `guide_lang` (the words are all the guide's or the interviewer's).
    pub fn content(&self, guide_lang: &str) -> String {
        let colon = super::say::colon_in_guide(guide_lang);
        let mut out = String::new();
        for i in &self.items {
            out.push_str(&i.label);
            out.push_str(colon);
            out.push_str(&i.answer);
            for t in &i.texts {
                if !out.ends_with(colon) {
                    out.push_str(" · ");
                }
                out.push_str(&t.text);
            }
            out.push('\n');
        }
        out.trim_end().to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub session_id: String,
    pub digest: String,
    /// Who the row is, at the report's attribution level.
    pub who: String,
    pub group: Group,
    pub unresolved: bool,
    /// One per column of the matrix.
    pub cells: Vec<MatrixCell>,
    /// Texts of the notes pad attached to no question of the guide.
    pub loose: Vec<Unit>,
}

impl MatrixRow {
    /// Every text of the session, cell by cell, then the loose ones.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.cells
            .iter()
            .flat_map(|c| c.items.iter().flat_map(|i| i.texts.iter()))
            .chain(&self.loose)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixColumn {
    /// The column's key: a section id, or `section/question` for a question's column
    /// (what summaries are kept under).
    pub section: String,
    pub title: String,
    /// The questions whose answers and texts the column's cells hold, in the guide's order.
    pub questions: Vec<(String, std::sync::Arc<str>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matrix {
    /// The guide's language: its cells' words are the guide's and are punctuated in it.
    pub guide_language: String,
    pub columns: Vec<MatrixColumn>,
    /// The first rows (all of them for `stocktake analyse`); `matrix.csv` has every one.
    pub rows: Vec<MatrixRow>,
    /// Sessions the matrix has a row for, kept here or not.
    pub sessions: usize,
}

/// A quote behind a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    /// Who said it, at the report's attribution level.
    pub by: String,
    pub coders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    pub code: String,
    pub label: String,
    /// 0 for a top-level code.
    pub depth: usize,
    /// Sessions with at least one text coded with it (by any coder).
    pub sessions: usize,
    /// Sessions reported: the denominator.
    pub of: usize,
    pub by_group: Vec<(Group, usize, usize)>,
    pub quotes: Vec<Quote>,
    /// The code is not in the codebook (deleted after use): its codings are kept.
    pub unknown: bool,
}

/// A coding whose text changed under it: a later revision edited the text, so the span
/// no longer covers what was coded. Kept, not moved, and not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCoding {
    pub coding: Coding,
    pub who: String,
    pub now: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub matrix: Matrix,
    /// Empty without codings.
    pub themes: Vec<ThemeRow>,
    pub codebook: Option<Codebook>,
    pub agreement: Vec<Agreement>,
    pub stale: Vec<StaleCoding>,
    /// Every coding of this section's sessions, current or stale.
    pub codings: Vec<Coding>,
    /// Codings of sessions not in this report (another guide, filtered out, or gone).
    pub elsewhere: usize,
    /// What the matrix's rows are made with again as they are written.
    pub summaries: Vec<CellSummary>,
    pub attribution: Attribution,
    pub matrix_by: super::MatrixBy,
}

impl Analysis {
    /// The codings whose words a later revision changed: kept, listed, never counted or
    /// exported as codings.
    pub fn stale_codings(&self) -> std::collections::HashSet<&Coding> {
        self.stale.iter().map(|s| &s.coding).collect()
    }
}

fn by(r: &SessionRow, level: Attribution) -> String {
    match level {
        Attribution::None => format!("session {}", r.session_id),
        Attribution::Structure => r.group.type_name().to_string(),
        Attribution::Response => format!("{} · {}", r.response, r.group.name()),
    }
}

/// A matrix row's name: who, as far as the attribution allows, and at the structure level
/// the end of the session id too, or four Protection Cluster rows read alike. The id is
/// random (a ULID's last characters), so it tells nothing of the response.
pub(super) fn row_name(r: &SessionRow, level: Attribution) -> String {
    match level {
        Attribution::Structure => {
            let id: Vec<char> = r.session_id.chars().collect();
            let tail: String = id[id.len().saturating_sub(6)..].iter().collect();
            format!("{} · …{tail}", r.group.type_name())
        }
        _ => by(r, level),
    }
}

/// Every text of a session a code can go on, by key; `notes` are the session's own notes
/// pad entries (those of its head revision).
pub fn units_of(guide: &Guide, r: &SessionRow, notes: &[&GeneralNote]) -> Vec<Unit> {
    let mut units = Vec::new();
    for q in guide.questions() {
        let Some(a) = r.answers.get(&q.id) else {
            continue;
        };
        if matches!(q.kind, QuestionType::Text | QuestionType::LongText)
            && a.status == AnswerStatus::Answered
            && a.has_values()
        {
            units.push(Unit {
                key: format!("answer:{}", q.id),
                kind: "answer",
                question: Some(q.id.clone()),
                text: a.values_joined("\n"),
            });
        }
        for (kind, text) in [("other", a.other()), ("note", a.note())] {
            if !text.trim().is_empty() {
                units.push(Unit {
                    key: format!("{kind}:{}", q.id),
                    kind,
                    question: Some(q.id.clone()),
                    text: text.to_string(),
                });
            }
        }
    }
    for n in notes.iter().filter(|n| n.digest == r.digest) {
        if !n.text.trim().is_empty() {
            units.push(Unit {
                key: format!("pad:{}", n.seq),
                kind: "pad note",
                question: n.question.clone().filter(|q| guide.question(q).is_some()),
                text: n.text.clone(),
            });
        }
    }
    units
}

pub(super) fn answer_text(
    q: &crate::guide::Question,
    a: &super::model::Answer,
    lang: &str,
) -> String {
    match a.status {
        AnswerStatus::Special(s) => super::say::AnswerWord::said(s).in_guide(lang).to_string(),
        AnswerStatus::Unanswered => String::new(),
        AnswerStatus::Answered => match q.kind {
            QuestionType::Text | QuestionType::LongText => String::new(),
            QuestionType::Single | QuestionType::Multi | QuestionType::YesNo => a
                .values()
                .map(|v| label_of(q, v, lang))
                .collect::<Vec<_>>()
                .join("; "),
            _ => a.values_joined(" "),
        },
    }
}

/// The characters `start..end` of `text`.
pub fn span_of(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

pub(super) struct Inputs<'a> {
    pub summaries: &'a [CellSummary],
    pub codings: &'a [Coding],
    pub codebook: Option<Codebook>,
    pub attribution: Attribution,
    pub matrix_by: super::MatrixBy,
    /// Keep every row of the matrix (the analyse screen browses them all), not only the
    /// ones HTML and Markdown show.
    pub keep_whole: bool,
}

/// A section's analysis, its matrix rows made one session at a time ([`Analyser::add`],
/// its answers at hand) and only the ones shown kept (`matrix.csv` and the sheet make them
/// again as they write): holding every row was a second copy of every text of every
/// session. Coded sessions' rows are kept to the end, to check the codings.
pub(super) struct Analyser<'a> {
    maker: super::matrix::MatrixMaker<'a>,
    input: Inputs<'a>,
    coded: HashSet<&'a str>,
    used: BTreeSet<String>,
    matrix_rows: Vec<MatrixRow>,
    coded_rows: HashMap<&'a str, MatrixRow>,
}

impl<'a> Analyser<'a> {
    pub(super) fn new(
        guide: &'a Guide,
        notes: &[&'a GeneralNote],
        input: Inputs<'a>,
    ) -> Analyser<'a> {
        Analyser {
            maker: super::matrix::MatrixMaker::new(
                guide,
                input.summaries,
                notes,
                input.attribution,
            ),
            coded: input
                .codings
                .iter()
                .map(|c| c.session_id.as_str())
                .collect(),
            input,
            used: BTreeSet::new(),
            matrix_rows: Vec::new(),
            coded_rows: HashMap::new(),
        }
    }

    /// The `i`th session of the section.
    pub(super) fn add(&mut self, i: usize, r: &SessionRow) {
        let row = self.maker.row(r);
        if self.input.matrix_by == super::MatrixBy::Question {
            self.used.extend(
                row.cells
                    .iter()
                    .flat_map(|c| c.items.iter().map(|i| i.question.clone())),
            );
        }
        if let Some(id) = self.coded.get(r.session_id.as_str()) {
            self.coded_rows.insert(id, row.clone());
        }
        if self.input.keep_whole || i < super::html_analysis::MATRIX_HTML_ROWS {
            self.matrix_rows.push(row);
        }
    }

    pub(super) fn finish(self, guide: &Guide, rows: &[SessionRow]) -> Analysis {
        let lang = guide.default_language();
        let Analyser {
            maker,
            input,
            used,
            matrix_rows,
            coded_rows,
            ..
        } = self;
        let columns = maker.columns();
        let by_session: HashMap<&str, &SessionRow> =
            rows.iter().map(|r| (r.session_id.as_str(), r)).collect();
        // Which codings still cover what they coded; the rest are flagged.
        let mut live: Vec<&Coding> = Vec::new();
        let mut stale = Vec::new();
        let mut elsewhere = 0;
        let mut codings = Vec::new();
        for c in input.codings {
            let (Some(r), Some(m)) = (
                by_session.get(c.session_id.as_str()),
                coded_rows.get(c.session_id.as_str()),
            ) else {
                elsewhere += 1;
                continue;
            };
            codings.push(c.clone());
            let now = m
                .units()
                .find(|u| u.key == c.unit)
                .map(|u| span_of(&u.text, c.start, c.end))
                .unwrap_or_default();
            if now == c.quote {
                live.push(c);
            } else {
                stale.push(StaleCoding {
                    coding: c.clone(),
                    who: by(r, input.attribution),
                    now,
                });
            }
        }
        // With codings, every code has its row, even when all of them need checking.
        let themes = if codings.is_empty() {
            Vec::new()
        } else {
            themes(
                rows,
                &live,
                input.codebook.as_ref(),
                input.attribution,
                lang,
            )
        };
        let agreement = agreement(&live, input.codebook.as_ref(), lang);
        Analysis {
            matrix: {
                let m = Matrix {
                    guide_language: lang.to_string(),
                    columns,
                    rows: matrix_rows,
                    sessions: rows.len(),
                };
                match input.matrix_by {
                    super::MatrixBy::Section => m,
                    super::MatrixBy::Question => m.by_question_of(input.summaries, &used),
                }
            },
            themes,
            codebook: input.codebook,
            agreement,
            stale,
            codings,
            elsewhere,
            summaries: input.summaries.to_vec(),
            attribution: input.attribution,
            matrix_by: input.matrix_by,
        }
    }
}

fn themes(
    rows: &[SessionRow],
    live: &[&Coding],
    book: Option<&Codebook>,
    level: Attribution,
    lang: &str,
) -> Vec<ThemeRow> {
    let mut groups: Vec<Group> = rows.iter().map(|r| Group::clone(&r.group)).collect();
    groups.sort();
    groups.dedup();
    let by_session: HashMap<&str, &SessionRow> =
        rows.iter().map(|r| (r.session_id.as_str(), r)).collect();
    // The codebook's order, then codes no longer in it.
    let mut order: Vec<(String, bool)> = book
        .map(|b| b.codes.iter().map(|c| (c.id.clone(), false)).collect())
        .unwrap_or_default();
    let used: BTreeSet<&str> = live.iter().map(|c| c.code.as_str()).collect();
    for u in &used {
        if !order.iter().any(|(id, _)| id == u) {
            order.push((u.to_string(), true));
        }
    }
    let mut out = Vec::new();
    for (code, unknown) in order {
        let mine: Vec<&&Coding> = live.iter().filter(|c| c.code == code).collect();
        // A theme counts the sessions coded with it or with any code under it: "Gaps and
        // challenges" is every session that cites one.
        let under = |c: &str| c == code || book.is_some_and(|b| b.is_under(c, &code));
        let sessions: BTreeSet<&str> = live
            .iter()
            .filter(|c| under(&c.code))
            .map(|c| c.session_id.as_str())
            .collect();
        let by_group = groups
            .iter()
            .map(|g| {
                let of = rows.iter().filter(|r| *r.group == *g).count();
                let n = sessions
                    .iter()
                    .filter(|s| by_session.get(*s).is_some_and(|r| *r.group == *g))
                    .count();
                (g.clone(), n, of)
            })
            .collect();
        // One quote per coded span, with every coder who coded it.
        let mut quotes: BTreeMap<(&str, &str, usize, usize), Quote> = BTreeMap::new();
        for c in &mine {
            let Some(r) = by_session.get(c.session_id.as_str()) else {
                continue;
            };
            quotes
                .entry((&c.session_id, &c.unit, c.start, c.end))
                .or_insert_with(|| Quote {
                    text: c.quote.clone(),
                    by: by(r, level),
                    coders: Vec::new(),
                })
                .coders
                .push(c.coder.clone());
        }
        let label = match book {
            Some(b) if !unknown => b.label(&code, lang).to_string(),
            _ => code.clone(),
        };
        out.push(ThemeRow {
            depth: book.map_or(0, |b| b.depth(&code)),
            label,
            code,
            sessions: sessions.len(),
            of: rows.len(),
            by_group,
            quotes: quotes.into_values().collect(),
            unknown,
        });
    }
    out
}
