//! The rapid-analysis matrix with a column per question instead of per section: the same
//! rows and texts, regrouped, for a collator who synthesises one question at a time. A
//! question's cell has its own summary, kept under the key `section/question`.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::analysis::{Matrix, MatrixCell, MatrixColumn, MatrixRow};
use crate::collate::CellSummary;

/// What the matrix's columns are: the guide's sections (the default) or its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixBy {
    #[default]
    Section,
    Question,
}

/// The summary key of a question's cell.
pub fn question_key(section: &str, question: &str) -> String {
    format!("{section}/{question}")
}

impl Matrix {
    /// The matrix with a column per question that anyone answered or spoke to, in the
    /// guide's order, each cell that question's answer and texts and the summary written
    /// for it (`summaries` keyed `section/question`).
    pub fn by_question(&self, summaries: &[CellSummary]) -> Matrix {
        let used: BTreeSet<String> = self
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flat_map(|c| &c.items))
            .map(|i| i.question.clone())
            .collect();
        self.by_question_of(summaries, &used)
    }

    /// [`Matrix::by_question`] with the questions used found beforehand: over every
    /// session, when only the first rows are kept.
    pub(super) fn by_question_of(
        &self,
        summaries: &[CellSummary],
        used: &BTreeSet<String>,
    ) -> Matrix {
        // (section column, question id, label), in the guide's order.
        let mut columns: Vec<(usize, &str, &Arc<str>)> = Vec::new();
        for (ci, c) in self.columns.iter().enumerate() {
            for (q, label) in &c.questions {
                if used.contains(q.as_str()) {
                    columns.push((ci, q.as_str(), label));
                }
            }
        }
        let question_columns: Vec<MatrixColumn> = columns
            .iter()
            .map(|(ci, q, label)| MatrixColumn {
                section: question_key(&self.columns[*ci].section, q),
                title: label.to_string(),
                questions: vec![(q.to_string(), Arc::clone(label))],
            })
            .collect();
        let regroup = Regroup::new(&self.columns, &question_columns, summaries);
        Matrix {
            guide_language: self.guide_language.clone(),
            rows: self.rows.iter().map(|r| regroup.row(r)).collect(),
            columns: question_columns,
            sessions: self.sessions,
        }
    }
}

/// How a row by section becomes a row by question.
pub(super) struct Regroup<'a> {
    /// Per question column: the section column it comes from, its question, its key.
    columns: Vec<(usize, String, String)>,
    by_key: HashMap<(&'a str, &'a str), &'a CellSummary>,
}

impl<'a> Regroup<'a> {
    /// From the section columns to the question columns already chosen.
    pub fn new(
        sections: &[MatrixColumn],
        questions: &[MatrixColumn],
        summaries: &'a [CellSummary],
    ) -> Regroup<'a> {
        let columns = questions
            .iter()
            .filter_map(|c| {
                let (q, _) = c.questions.first()?;
                let ci = sections
                    .iter()
                    .position(|s| s.questions.iter().any(|(id, _)| id == q))?;
                Some((ci, q.clone(), c.section.clone()))
            })
            .collect();
        Regroup {
            columns,
            by_key: summaries
                .iter()
                .map(|s| ((s.session_id.as_str(), s.section.as_str()), s))
                .collect(),
        }
    }

    pub fn row(&self, r: &MatrixRow) -> MatrixRow {
        let cells = self
            .columns
            .iter()
            .map(|(ci, q, key)| {
                let items = r
                    .cells
                    .get(*ci)
                    .map(|c| {
                        c.items
                            .iter()
                            .filter(|i| i.question == *q)
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                let summary = self
                    .by_key
                    .get(&(r.session_id.as_str(), key.as_str()))
                    .map(|s| (*s).clone());
                let summary_stale = summary.as_ref().is_some_and(|s| s.digest != r.digest);
                MatrixCell {
                    items,
                    summary,
                    summary_stale,
                }
            })
            .collect();
        MatrixRow {
            cells,
            ..r.clone_without_cells()
        }
    }
}

impl MatrixRow {
    fn clone_without_cells(&self) -> MatrixRow {
        MatrixRow {
            session_id: self.session_id.clone(),
            digest: self.digest.clone(),
            who: self.who.clone(),
            group: self.group.clone(),
            unresolved: self.unresolved,
            cells: Vec::new(),
            loose: self.loose.clone(),
        }
    }
}
