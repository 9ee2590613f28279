//! Reading one question: its type, texts, who it applies to, its options and bounds.

use super::*;

impl Reader<'_, '_> {
    pub(super) fn question(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        langs: &LangSet,
    ) -> ReadQuestion {
        let a_question = Words::msg("check-what-a-question");
        self.check_keys(t, QUESTION_KEYS, &a_question);
        let id_span = t.get("id").map(|v| v.span()).unwrap_or(span.clone());
        let id = self.required_id(t, span, "id", &a_question);
        let what = match &id {
            Some(id) => Words::msg("check-what-question").arg("id", id.clone()),
            None => a_question,
        };
        let kind = match t.get("type") {
            None => {
                self.d.error(
                    span,
                    Words::msg("check-no-type")
                        .with("what", what.clone())
                        .arg("types", type_names().join(", ")),
                );
                None
            }
            Some(v) => match self.string(v, "type") {
                None => None,
                Some(s) => match QuestionType::parse(&s) {
                    Some(k) => Some(k),
                    None => {
                        let names = type_names();
                        let hint = match suggest(&s, &names) {
                            Some(c) => did_you_mean(c),
                            None => Words::msg("check-use-one-of").arg("names", names.join(", ")),
                        };
                        self.d.error(
                            &v.span(),
                            Words::msg("check-unknown-type")
                                .arg("type", s.clone())
                                .with("hint", hint),
                        );
                        None
                    }
                },
            },
        };
        let text = self.required_text(t, span, "text", &what, langs);
        let guidance = self.optional_text(t, "guidance", langs);
        let required = self.optional_bool(t, "required").unwrap_or(false);
        let summary = self.optional_bool(t, "summary").unwrap_or(false);
        let call_level = self.optional_bool(t, "call_level").unwrap_or(false);
        if call_level
            && let (Some(k), Some(v)) = (kind, t.get("call_level"))
            && matches!(k, QuestionType::Text | QuestionType::LongText)
        {
            self.d.error(
                &v.span(),
                Words::msg("check-call-level-text")
                    .with("what", what.clone())
                    .arg("kind", k.as_str()),
            );
        }
        let applies_to = self.applies_to(t);
        let options_from = t.get("options_from").and_then(|v| {
            let s = self.string(v, "options_from")?;
            match kind {
                Some(k) if !k.has_options() => {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-options-from-kind")
                            .with("what", what.clone())
                            .arg("kind", k.as_str()),
                    );
                    None
                }
                _ => Some((s, v.span())),
            }
        });
        // Options taken from another question need not be listed again.
        let options = if options_from.is_some() && t.get("options").is_none() {
            Vec::new()
        } else {
            self.options(t, kind, &what, span, langs)
        };
        let (min, max) = self.bounds(t, kind, &what, span);
        let hxl = t.get("hxl").and_then(|v| {
            let s = self.string(v, "hxl")?;
            if is_hxl_tag(&s) {
                Some(s)
            } else {
                self.d
                    .error(&v.span(), Words::msg("check-bad-hxl").arg("tag", s));
                None
            }
        });
        let min_label = self.optional_text(t, "min_label", langs);
        let max_label = self.optional_text(t, "max_label", langs);
        if let Some(k) = kind {
            for key in ["min_label", "max_label"] {
                if k != QuestionType::Scale
                    && let Some(v) = t.get(key)
                {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-label-not-scale")
                            .arg("key", key)
                            .with("what", what.clone())
                            .arg("kind", k.as_str()),
                    );
                }
            }
            if summary
                && !(k.is_closed() || k == QuestionType::Scale)
                && let Some(v) = t.get("summary")
            {
                self.d.error(
                    &v.span(),
                    Words::msg("check-summary-kind")
                        .with("what", what.clone())
                        .arg("kind", k.as_str()),
                );
            }
        }
        let show_if = t.get("show_if").and_then(|v| {
            let mut spans = ConditionSpans::default();
            self.condition(v, &mut spans, 0).map(|c| (c, spans))
        });
        let closed_values = match kind {
            Some(QuestionType::YesNo) => vec!["yes".to_string(), "no".to_string()],
            _ => options.iter().map(|c| c.value.clone()).collect(),
        };
        let question = match (&id, kind, text) {
            (Some(id), Some(kind), Some(text)) => Some(Question {
                id: id.clone(),
                kind,
                text,
                guidance,
                required,
                summary,
                call_level,
                applies_to,
                show_if: None,
                options_from: options_from.as_ref().map(|(s, _)| s.clone()),
                options,
                min,
                max,
                min_label,
                max_label,
                hxl,
            }),
            _ => None,
        };
        ReadQuestion {
            id,
            id_span,
            kind,
            closed_values,
            show_if,
            options_from,
            question,
        }
    }

    pub(super) fn applies_to(&mut self, t: &DeTable<'_>) -> Vec<Structure> {
        let Some(v) = t.get("applies_to") else {
            return Vec::new();
        };
        let items = self.string_array(v, "applies_to");
        if items.is_empty() && matches!(v.get_ref(), DeValue::Array(_)) {
            self.d
                .error(&v.span(), Words::msg("check-empty-applies-to"));
        }
        let declared = self.respondents.clone();
        let names: Vec<&str> = declared.iter().map(|s| s.as_str()).collect();
        let mut out = Vec::new();
        for (name, s) in items {
            match Structure::parse(&name).filter(|k| declared.contains(k)) {
                Some(k) if out.contains(&k) => self.d.error(
                    &s,
                    Words::msg("check-applies-to-twice").arg("name", name.clone()),
                ),
                Some(k) => out.push(k),
                None => {
                    let hint = match suggest(&name, &names) {
                        Some(c) => did_you_mean(c),
                        None => Words::msg("check-respondent-types").arg("names", names.join(", ")),
                    };
                    self.d.error(
                        &s,
                        Words::msg("check-unknown-respondent")
                            .arg("name", name.clone())
                            .with("hint", hint),
                    );
                }
            }
        }
        out
    }

    pub(super) fn options(
        &mut self,
        t: &DeTable<'_>,
        kind: Option<QuestionType>,
        what: &Words,
        span: &Range<usize>,
        langs: &LangSet,
    ) -> Vec<Choice> {
        let Some(v) = t.get("options") else {
            if let Some(k) = kind
                && k.has_options()
            {
                self.d.error(
                    span,
                    Words::msg("check-no-options")
                        .with("what", what.clone())
                        .arg("kind", k.as_str()),
                );
            }
            return Vec::new();
        };
        if let Some(k) = kind
            && !k.has_options()
        {
            self.d.error(
                &v.span(),
                Words::msg("check-options-kind")
                    .with("what", what.clone())
                    .arg("kind", k.as_str()),
            );
            return Vec::new();
        }
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(&v.span(), "options", "check-expect-options", v.get_ref());
            return Vec::new();
        };
        if items.is_empty() {
            self.d.error(
                &v.span(),
                Words::msg("check-empty-options").with("what", what.clone()),
            );
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for item in items {
            let an_option = Words::msg("check-what-option");
            let Some(ot) = self.table(item, &an_option, "{ value = \"...\", label = \"...\" }")
            else {
                continue;
            };
            self.check_keys(ot, OPTION_KEYS, &an_option);
            let value_span = ot.get("value").map(|v| v.span()).unwrap_or(item.span());
            let value = self.required_id(ot, &item.span(), "value", &an_option);
            let label = self.required_text(ot, &item.span(), "label", &an_option, langs);
            let other = self.optional_bool(ot, "other").unwrap_or(false);
            let exclusive = self.optional_bool(ot, "exclusive").unwrap_or(false);
            if exclusive
                && let Some(k) = kind
                && k != QuestionType::Multi
                && let Some(v) = ot.get("exclusive")
            {
                self.d.error(
                    &v.span(),
                    Words::msg("check-exclusive-kind")
                        .with("what", what.clone())
                        .arg("kind", k.as_str()),
                );
            }
            if let Some(value) = &value {
                if let Some(line) = seen.get(value) {
                    self.d.error(
                        &value_span,
                        Words::msg("check-option-twice")
                            .arg("value", value.clone())
                            .with("what", what.clone())
                            .arg("line", line.to_string()),
                    );
                } else {
                    let (line, _) = self.d.line_col(value_span.start);
                    seen.insert(value.clone(), line);
                }
            }
            if let (Some(value), Some(label)) = (value, label) {
                out.push(Choice {
                    value,
                    label,
                    other,
                    exclusive,
                });
            }
        }
        out
    }

    pub(super) fn bounds(
        &mut self,
        t: &DeTable<'_>,
        kind: Option<QuestionType>,
        what: &Words,
        span: &Range<usize>,
    ) -> (Option<f64>, Option<f64>) {
        let min = t
            .get("min")
            .and_then(|v| self.number(v, "min").map(|n| (n, v.span())));
        let max = t
            .get("max")
            .and_then(|v| self.number(v, "max").map(|n| (n, v.span())));
        match kind {
            Some(QuestionType::Number) => {}
            Some(QuestionType::Scale) => {
                for (key, b) in [("min", &min), ("max", &max)] {
                    match b {
                        None if t.get(key).is_none() => self.d.error(
                            span,
                            Words::msg("check-scale-without")
                                .with("what", what.clone())
                                .arg("key", key),
                        ),
                        Some((n, s)) if n.fract() != 0.0 => self.d.error(
                            s,
                            Words::msg("check-scale-not-whole")
                                .arg("key", key)
                                .arg("value", n.to_string()),
                        ),
                        _ => {}
                    }
                }
                if let (Some((lo, _)), Some((hi, s))) = (&min, &max)
                    && hi - lo > 100.0
                {
                    self.d.error(
                        s,
                        Words::msg("check-scale-too-long")
                            .arg("lo", lo.to_string())
                            .arg("hi", hi.to_string()),
                    );
                }
            }
            Some(k) => {
                for key in ["min", "max"] {
                    if let Some(v) = t.get(key) {
                        self.d.error(
                            &v.span(),
                            Words::msg("check-bounds-kind")
                                .arg("key", key)
                                .with("what", what.clone())
                                .arg("kind", k.as_str()),
                        );
                    }
                }
                return (None, None);
            }
            None => {}
        }
        if let (Some((lo, s)), Some((hi, _))) = (&min, &max)
            && lo > hi
        {
            self.d.error(
                s,
                Words::msg("check-min-above-max")
                    .arg("lo", lo.to_string())
                    .arg("hi", hi.to_string())
                    .with("what", what.clone()),
            );
        }
        (min.map(|m| m.0), max.map(|m| m.0))
    }
}
