//! The typed reads every part of a guide uses: keys allowed, tables, strings, numbers,
//! booleans, ids and texts in the guide's languages, each reporting its own error.

use super::*;

impl Reader<'_, '_> {
    pub(super) fn check_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &Words) {
        for (k, _) in t.iter() {
            let key = k.get_ref().as_ref();
            if !allowed.contains(&key) {
                let hint = match suggest(key, allowed) {
                    Some(c) => did_you_mean(c),
                    None => Words::msg("check-allowed-keys").arg("keys", allowed.join(", ")),
                };
                self.d.error(
                    &k.span(),
                    Words::msg("check-unknown-key")
                        .arg("key", key.to_string())
                        .with("what", what.clone())
                        .with("hint", hint),
                );
            }
        }
    }

    pub(super) fn table<'a, 'i>(
        &mut self,
        v: &'a Value<'i>,
        what: &Words,
        example: &str,
    ) -> Option<&'a DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.d.error(
                    &v.span(),
                    Words::msg("check-not-a-table")
                        .with("what", what.clone())
                        .arg("example", example.to_string())
                        .with("found", type_name(other)),
                );
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                self.wrong_type(&v.span(), key, "check-expect-string", other);
                None
            }
        }
    }

    pub(super) fn string_array(&mut self, v: &Value<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(&v.span(), key, "check-expect-strings", v.get_ref());
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|i| self.string(i, key).map(|s| (s, i.span())))
            .collect()
    }

    pub(super) fn number(&mut self, v: &Value<'_>, key: &str) -> Option<f64> {
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            // nan and inf are TOML floats, but no bound: said, not read as "no bound".
            DeValue::Float(f) => {
                let n = f.as_str().replace('_', "").parse::<f64>().ok();
                if n.is_none_or(|n| !n.is_finite()) {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-not-finite")
                            .arg("key", key.to_string())
                            .arg("value", f.as_str().to_string()),
                    );
                }
                n.filter(|n| n.is_finite())
            }
            other => {
                self.wrong_type(&v.span(), key, "check-expect-number", other);
                None
            }
        }
    }

    pub(super) fn optional_bool(&mut self, t: &DeTable<'_>, key: &str) -> Option<bool> {
        let v = t.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(&v.span(), key, "check-expect-bool", other);
                None
            }
        }
    }

    pub(super) fn required_id(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &Words,
    ) -> Option<String> {
        let Some(v) = t.get(key) else {
            self.d.error(
                span,
                Words::msg("check-no-id")
                    .with("what", what.clone())
                    .arg("key", key.to_string()),
            );
            return None;
        };
        let s = self.string(v, key)?;
        if !is_identifier(&s) {
            self.d.error(
                &v.span(),
                Words::msg("check-bad-id")
                    .arg("key", key.to_string())
                    .arg("value", s),
            );
            return None;
        }
        Some(s)
    }

    pub(super) fn required_text(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &Words,
        langs: &LangSet,
    ) -> Option<Text> {
        if t.get(key).is_none() {
            self.d.error(
                span,
                Words::msg("check-no-text")
                    .with("what", what.clone())
                    .arg("key", key.to_string()),
            );
            return None;
        }
        self.optional_text(t, key, langs)
    }

    /// A text: a plain string in the default language, or a table of languages.
    pub(super) fn optional_text(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        langs: &LangSet,
    ) -> Option<Text> {
        let v = t.get(key)?;
        let text = match v.get_ref() {
            DeValue::String(s) => {
                self.check_text(&v.span(), key, s);
                Text::new(&langs.default, s.to_string())
            }
            DeValue::Table(tt) => {
                let mut map = BTreeMap::new();
                for (lang, lv) in tt.iter() {
                    let code = lang.get_ref().to_string();
                    if !langs.declared.contains(&code) {
                        let declared: Vec<String> =
                            langs.declared.iter().map(|l| format!("\"{l}\"")).collect();
                        self.d.error(
                            &lang.span(),
                            Words::msg("check-undeclared-translation")
                                .arg("code", code.clone())
                                .arg("declared", declared.join(", ")),
                        );
                        continue;
                    }
                    if let Some(s) = self.string(lv, &format!("{key}.{code}")) {
                        self.check_text(&lv.span(), key, &s);
                        map.insert(code, s);
                    }
                }
                if !map.contains_key(&langs.default) && !tt.is_empty() {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-no-default-text")
                            .arg("key", key.to_string())
                            .arg("default", langs.default.clone()),
                    );
                    return None;
                }
                if tt.is_empty() {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-empty-text-table")
                            .arg("key", key.to_string())
                            .arg("default", langs.default.clone()),
                    );
                    return None;
                }
                Text(map)
            }
            other => {
                self.wrong_type(&v.span(), key, "check-expect-text", other);
                return None;
            }
        };
        Some(text)
    }

    pub(super) fn check_text(&mut self, span: &Range<usize>, key: &str, s: &str) {
        if s.trim().is_empty() {
            self.d
                .error(span, Words::msg("check-empty").arg("key", key.to_string()));
        } else if s.chars().count() > MAX_TEXT_CHARS {
            self.d.error(
                span,
                Words::msg("check-text-too-long")
                    .arg("key", key.to_string())
                    .arg("max", MAX_TEXT_CHARS.to_string()),
            );
        }
    }

    pub(super) fn wrong_type(
        &mut self,
        span: &Range<usize>,
        key: &str,
        expected: &'static str,
        found: &DeValue<'_>,
    ) {
        self.d.error(
            span,
            Words::msg("check-wrong-type")
                .arg("key", key.to_string())
                .with("expected", Words::msg(expected))
                .with("found", type_name(found)),
        );
    }
}
