//! The rapid-analysis matrix's rows, made one session at a time: the analysis keeps the
//! first rows for HTML and Markdown, and `matrix.csv`, its sheet and the REFI-QDA project
//! make every row again as they write, so no copy of every session's texts is held.

use std::collections::HashMap;
use std::sync::Arc;

use super::ReportError;
use super::analysis::{
    CellItem, MatrixCell, MatrixColumn, MatrixRow, Unit, answer_text, row_name, units_of,
};
use super::model::{Attribution, GuideSection, SessionRow};
use crate::collate::{CellSummary, GeneralNote};
use crate::guide::Guide;

/// What every row of one guide's matrix is made with.
pub(super) struct MatrixMaker<'a> {
    guide: &'a Guide,
    labels: HashMap<&'a str, Arc<str>>,
    summaries: HashMap<(&'a str, &'a str), &'a CellSummary>,
    /// The notes pad by revision, once: looking each session's notes up in all of them
    /// made the matrix quadratic (80 s at 100,000 sessions).
    notes_by: HashMap<&'a str, Vec<&'a GeneralNote>>,
    attribution: Attribution,
}

impl<'a> MatrixMaker<'a> {
    pub fn new(
        guide: &'a Guide,
        summaries: &'a [CellSummary],
        notes: &[&'a GeneralNote],
        attribution: Attribution,
    ) -> MatrixMaker<'a> {
        let lang = guide.default_language();
        let mut notes_by: HashMap<&str, Vec<&GeneralNote>> = HashMap::new();
        for n in notes {
            notes_by.entry(n.digest.as_str()).or_default().push(n);
        }
        MatrixMaker {
            guide,
            labels: guide
                .questions()
                .map(|q| (q.id.as_str(), Arc::from(q.text.get(lang, lang))))
                .collect(),
            summaries: summaries
                .iter()
                .map(|s| ((s.session_id.as_str(), s.section.as_str()), s))
                .collect(),
            notes_by,
            attribution,
        }
    }

    fn label(&self, q: &str) -> Arc<str> {
        self.labels.get(q).cloned().unwrap_or_else(|| Arc::from(q))
    }

    /// A column per section of the guide.
    pub fn columns(&self) -> Vec<MatrixColumn> {
        let lang = self.guide.default_language();
        self.guide
            .sections
            .iter()
            .map(|s| MatrixColumn {
                section: s.id.clone(),
                title: s.title.get(lang, lang).to_string(),
                questions: s
                    .questions
                    .iter()
                    .map(|q| (q.id.clone(), self.label(&q.id)))
                    .collect(),
            })
            .collect()
    }

    /// One session's row, a cell per section.
    pub fn row(&self, r: &SessionRow) -> MatrixRow {
        let guide = self.guide;
        let lang = guide.default_language();
        // Each text goes to its question's item, moved, not copied.
        let mut by_question: HashMap<String, Vec<Unit>> = HashMap::new();
        let mut loose = Vec::new();
        let own = self
            .notes_by
            .get(r.digest.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        for u in units_of(guide, r, own) {
            match &u.question {
                Some(q) => by_question.entry(q.clone()).or_default().push(u),
                None => loose.push(u),
            }
        }
        let mut cells = Vec::new();
        for s in &guide.sections {
            let mut items = Vec::new();
            for q in &s.questions {
                if r.is_hidden(&q.id) {
                    continue;
                }
                let answer = r
                    .answers
                    .get(&q.id)
                    .map(|a| answer_text(q, a, lang))
                    .unwrap_or_default();
                let texts = by_question.remove(&q.id).unwrap_or_default();
                if answer.is_empty() && texts.is_empty() {
                    continue;
                }
                items.push(CellItem {
                    question: q.id.clone(),
                    label: self.label(&q.id),
                    answer,
                    texts,
                });
            }
            let summary = self
                .summaries
                .get(&(r.session_id.as_str(), s.id.as_str()))
                .map(|s| (*s).clone());
            let summary_stale = summary.as_ref().is_some_and(|s| s.digest != r.digest);
            cells.push(MatrixCell {
                items,
                summary,
                summary_stale,
            });
        }
        // A text whose question is hidden now stays readable with the loose ones, in the
        // guide's order: a map's order changed the REFI-QDA sources from run to run.
        for q in guide.questions() {
            if let Some(texts) = by_question.remove(&q.id) {
                loose.extend(texts);
            }
        }
        MatrixRow {
            session_id: r.session_id.clone(),
            digest: r.digest.clone(),
            who: row_name(r, self.attribution),
            group: super::group::Group::clone(&r.group),
            unresolved: r.unresolved,
            cells,
            loose,
        }
    }
}

/// Every session's matrix row, in the section's order, with the matrix's columns (by
/// section or by question, as the report was asked), made as they are handed over.
pub(super) fn each_row(
    s: &GuideSection,
    each: &mut dyn FnMut(&SessionRow, &MatrixRow) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    let a = &s.analysis;
    let notes: Vec<&GeneralNote> = s.notes.iter().collect();
    let maker = MatrixMaker::new(&s.guide, &a.summaries, &notes, a.attribution);
    let regroup = (a.matrix_by == super::MatrixBy::Question)
        .then(|| super::matrix_by::Regroup::new(&maker.columns(), &a.matrix.columns, &a.summaries));
    s.each_session(&mut |r| {
        let row = maker.row(r);
        match &regroup {
            Some(g) => each(r, &g.row(&row)),
            None => each(r, &row),
        }
    })
}
