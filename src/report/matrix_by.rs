//! The rapid-analysis matrix with a column per question instead of per section: the same
//! rows and texts, regrouped, for a collator who synthesises one question at a time. A
//! question's cell has its own summary, kept under the key `section/question`.

use std::collections::HashMap;
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
        let mut used: HashMap<&str, ()> = HashMap::new();
        for r in &self.rows {
            for c in &r.cells {
                for i in &c.items {
                    used.insert(i.question.as_str(), ());
                }
            }
        }
        // (section column, question id, label), in the guide's order.
        let mut columns: Vec<(usize, &str, &Arc<str>)> = Vec::new();
        for (ci, c) in self.columns.iter().enumerate() {
            for (q, label) in &c.questions {
                if used.contains_key(q.as_str()) {
                    columns.push((ci, q.as_str(), label));
                }
            }
        }
        let by_key: HashMap<(&str, &str), &CellSummary> = summaries
            .iter()
            .map(|s| ((s.session_id.as_str(), s.section.as_str()), s))
            .collect();
        let keys: Vec<String> = columns
            .iter()
            .map(|(ci, q, _)| question_key(&self.columns[*ci].section, q))
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let cells = columns
                    .iter()
                    .zip(&keys)
                    .map(|((ci, q, _), key)| {
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
                        let summary = by_key
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
            })
            .collect();
        Matrix {
            columns: columns
                .iter()
                .zip(keys)
                .map(|((_, q, label), key)| MatrixColumn {
                    section: key,
                    title: label.to_string(),
                    questions: vec![(q.to_string(), Arc::clone(label))],
                })
                .collect(),
            rows,
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
