//! Reading `show_if` conditions, and checking across questions: ids used once, conditions
//! that name questions asked before them with values those questions can take.

use super::*;

impl Reader<'_, '_> {
    /// A `show_if` value: a test on one question, or `all`/`any` of nested conditions.
    pub(super) fn condition(
        &mut self,
        v: &Value<'_>,
        spans: &mut ConditionSpans,
        depth: usize,
    ) -> Option<Condition> {
        let t = self.table(
            v,
            &Words::from("`show_if`"),
            "{ question = \"...\", any_of = [...] }",
        )?;
        if depth > 8 {
            self.d
                .error(&v.span(), Words::msg("check-show-if-too-deep"));
            return None;
        }
        for (combo, is_all) in [("all", true), ("any", false)] {
            if let Some(list) = t.get(combo) {
                for (k, _) in t.iter() {
                    if k.get_ref().as_ref() != combo {
                        self.d.error(
                            &k.span(),
                            Words::msg("check-beside-combo")
                                .arg("key", k.get_ref().to_string())
                                .arg("combo", combo),
                        );
                    }
                }
                let DeValue::Array(items) = list.get_ref() else {
                    self.wrong_type(
                        &list.span(),
                        combo,
                        "check-expect-conditions",
                        list.get_ref(),
                    );
                    return None;
                };
                if items.is_empty() {
                    self.d.error(
                        &list.span(),
                        Words::msg("check-empty-combo").arg("combo", combo),
                    );
                    return None;
                }
                let parts: Vec<Condition> = items
                    .iter()
                    .filter_map(|i| self.condition(i, spans, depth + 1))
                    .collect();
                if parts.len() != items.len() {
                    return None;
                }
                return Some(if is_all {
                    Condition::All { all: parts }
                } else {
                    Condition::Any { any: parts }
                });
            }
        }
        let mut keys: Vec<&str> = TEST_KEYS.to_vec();
        keys.extend(["all", "any"]);
        self.check_keys(t, &keys, &Words::msg("check-what-show-if"));
        let Some(qv) = t.get("question") else {
            self.d
                .error(&v.span(), Words::msg("check-show-if-no-question"));
            return None;
        };
        let question = self.string(qv, "question")?;
        let tests: Vec<&str> = ["any_of", "none_of", "answered"]
            .into_iter()
            .filter(|k| t.get(*k).is_some())
            .collect();
        if tests.len() != 1 {
            let msg = if tests.is_empty() {
                Words::msg("check-show-if-no-test")
            } else {
                Words::msg("check-show-if-tests")
                    .arg("n", tests.len().to_string())
                    .arg("tests", tests.join(", "))
            };
            self.d.error(&v.span(), msg);
            return None;
        }
        let mut values = Vec::new();
        let test = match tests[0] {
            "answered" => Test::Answered(self.optional_bool(t, "answered")?),
            key => {
                let list = t.get(key)?;
                let items = self.string_array(list, key);
                if items.is_empty() {
                    self.d.error(
                        &list.span(),
                        Words::msg("check-empty-values").arg("key", key.to_string()),
                    );
                    return None;
                }
                let vals = items.iter().map(|(s, _)| s.clone()).collect();
                values = items.into_iter().map(|(_, s)| s).collect();
                if key == "any_of" {
                    Test::AnyOf(vals)
                } else {
                    Test::NoneOf(vals)
                }
            }
        };
        spans.tests.push(TestSpans {
            question: qv.span(),
            values,
        });
        Some(Condition::Test { question, test })
    }

    /// Checks that need the whole guide: unique ids and `show_if` references.
    pub(super) fn cross_check(&mut self, questions: &[ReadQuestion]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, r) in questions.iter().enumerate() {
            let Some(id) = r.id.as_deref() else {
                continue;
            };
            if let Some(&j) = first.get(id) {
                let (line, _) = self.d.line_col(questions[j].id_span.start);
                self.d.error(
                    &r.id_span,
                    Words::msg("check-question-twice")
                        .arg("id", id.to_string())
                        .arg("line", line.to_string()),
                );
            } else {
                first.insert(id, i);
            }
        }
        for (i, r) in questions.iter().enumerate() {
            let Some((cond, spans)) = &r.show_if else {
                continue;
            };
            for ((qid, test), span) in cond.tests().into_iter().zip(&spans.tests) {
                let me = r.id.as_deref().unwrap_or("");
                if qid == me {
                    self.d.error(
                        &span.question,
                        Words::msg("check-show-if-itself").arg("id", me.to_string()),
                    );
                    continue;
                }
                let Some(&j) = first.get(qid) else {
                    let ids: Vec<&str> = first.keys().copied().collect();
                    self.d.error(
                        &span.question,
                        Words::msg("check-show-if-unknown")
                            .arg("id", qid.to_string())
                            .with("hint", maybe_meant(suggest(qid, &ids))),
                    );
                    continue;
                };
                if j > i {
                    self.d.error(
                        &span.question,
                        Words::msg("check-show-if-later").arg("id", qid.to_string()),
                    );
                    continue;
                }
                let target = &questions[j];
                let vals = match test {
                    Test::AnyOf(v) | Test::NoneOf(v) => v,
                    Test::Answered(_) => continue,
                };
                // A target with errors of its own has already been reported.
                let Some(kind) = target.kind else {
                    continue;
                };
                if !kind.is_closed() {
                    self.d.error(
                        &span.question,
                        Words::msg("check-show-if-open")
                            .arg("id", qid.to_string())
                            .arg("kind", kind.as_str()),
                    );
                    continue;
                }
                let offered: Vec<&str> = target.closed_values.iter().map(String::as_str).collect();
                for (val, vspan) in vals.iter().zip(&span.values) {
                    if !offered.contains(&val.as_str()) {
                        self.d.error(
                            vspan,
                            Words::msg("check-show-if-no-answer")
                                .arg("id", qid.to_string())
                                .arg("value", val.clone())
                                .arg("offered", offered.join(", ")),
                        );
                    }
                }
            }
        }
    }

    // ---- value readers -------------------------------------------------------------------
}
