//! `options_from`: a question offering only the options ticked in an earlier multi
//! choice. Checked once every question is read: the source must be an earlier multi
//! choice, and the options (copied from it when the guide lists none) must be its own.

use std::collections::HashMap;

use super::{ReadQuestion, Reader, maybe_meant};
use crate::guide::QuestionType;
use crate::guide::diagnostic::suggest;
use crate::i18n::Words;

impl Reader<'_, '_> {
    pub(super) fn options_from(&mut self, questions: &mut [ReadQuestion]) {
        let index: HashMap<String, usize> = questions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.id.clone().map(|id| (id, i)))
            .rev()
            .collect();
        for i in 0..questions.len() {
            let Some((from, span)) = questions[i].options_from.clone() else {
                continue;
            };
            let me = questions[i].id.clone().unwrap_or_default();
            let Some(&j) = index.get(&from) else {
                let ids: Vec<&str> = index.keys().map(String::as_str).collect();
                self.d.error(
                    &span,
                    Words::msg("check-options-from-unknown")
                        .arg("id", from.clone())
                        .with("hint", maybe_meant(suggest(&from, &ids))),
                );
                continue;
            };
            if j >= i {
                let which = if j == i { "itself" } else { "later" };
                self.d.error(
                    &span,
                    Words::msg("check-options-from-not-earlier")
                        .arg("id", me.clone())
                        .arg("which", which),
                );
                continue;
            }
            match questions[j].kind {
                Some(QuestionType::Multi) => {}
                // A source with errors of its own has been reported already.
                None => continue,
                Some(k) => {
                    self.d.error(
                        &span,
                        Words::msg("check-options-from-not-multi")
                            .arg("id", from.clone())
                            .arg("kind", k.as_str()),
                    );
                    continue;
                }
            }
            let Some(source) = questions[j].question.as_ref().map(|q| q.options.clone()) else {
                continue;
            };
            let Some(q) = questions[i].question.as_mut() else {
                continue;
            };
            if q.options.is_empty() {
                q.options = source;
                // On a single choice every option excludes the others.
                if q.kind == QuestionType::Single {
                    for o in &mut q.options {
                        o.exclusive = false;
                    }
                }
                questions[i].closed_values = q.options.iter().map(|c| c.value.clone()).collect();
                continue;
            }
            let foreign: Vec<&str> = q
                .options
                .iter()
                .filter(|o| !source.iter().any(|s| s.value == o.value))
                .map(|o| o.value.as_str())
                .collect();
            if !foreign.is_empty() {
                let foreign: Vec<String> = foreign.iter().map(|v| format!("`{v}`")).collect();
                self.d.error(
                    &span,
                    Words::msg("check-options-from-foreign")
                        .arg("id", me.clone())
                        .arg("foreign", foreign.join(", "))
                        .arg("from", from.clone()),
                );
            }
        }
    }
}
