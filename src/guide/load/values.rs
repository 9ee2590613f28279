//! The typed reads every part of a guide uses: keys allowed, tables, strings, numbers,
//! booleans, ids and texts in the guide's languages, each reporting its own error.

use super::*;

impl Reader<'_, '_> {
    pub(super) fn check_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            let key = k.get_ref().as_ref();
            if !allowed.contains(&key) {
                let hint = match suggest(key, allowed) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("allowed keys: {}", allowed.join(", ")),
                };
                self.d
                    .error(&k.span(), format!("unknown key `{key}` in {what}; {hint}"));
            }
        }
    }

    pub(super) fn table<'a, 'i>(
        &mut self,
        v: &'a Value<'i>,
        what: &str,
        example: &str,
    ) -> Option<&'a DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.d.error(
                    &v.span(),
                    format!(
                        "expected {what} as a table like {example}, found {}",
                        type_name(other)
                    ),
                );
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                self.wrong_type(&v.span(), key, "a string", other);
                None
            }
        }
    }

    pub(super) fn string_array(&mut self, v: &Value<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(&v.span(), key, "an array of strings", v.get_ref());
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
                        format!(
                            "`{key}` = {} is not a finite number; write one like 0 or 2.5",
                            f.as_str()
                        ),
                    );
                }
                n.filter(|n| n.is_finite())
            }
            other => {
                self.wrong_type(&v.span(), key, "a number", other);
                None
            }
        }
    }

    pub(super) fn optional_bool(&mut self, t: &DeTable<'_>, key: &str) -> Option<bool> {
        let v = t.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(&v.span(), key, "true or false", other);
                None
            }
        }
    }

    pub(super) fn required_id(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &str,
    ) -> Option<String> {
        let Some(v) = t.get(key) else {
            self.d.error(
                span,
                format!(
                    "{what} has no `{key}`; add {key} = \"...\" (lowercase letters, digits, _ or -)"
                ),
            );
            return None;
        };
        let s = self.string(v, key)?;
        if !is_identifier(&s) {
            self.d.error(
                &v.span(),
                format!("`{key}` \"{s}\" must be 1-64 lowercase ASCII letters, digits, `_` or `-`, starting with a letter or digit"),
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
        what: &str,
        langs: &LangSet,
    ) -> Option<Text> {
        if t.get(key).is_none() {
            self.d
                .error(span, format!("{what} has no `{key}`; add {key} = \"...\""));
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
                        self.d.error(
                            &lang.span(),
                            format!(
                                "translation `{code}` for a language the guide does not declare; add it to languages = [{}] or remove it",
                                langs.declared.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ")
                            ),
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
                        format!(
                            "`{key}` has no `{}` text, the guide's default language",
                            langs.default
                        ),
                    );
                    return None;
                }
                if tt.is_empty() {
                    self.d.error(
                        &v.span(),
                        format!(
                            "`{key}` is an empty table; give at least {} = \"...\"",
                            langs.default
                        ),
                    );
                    return None;
                }
                Text(map)
            }
            other => {
                self.wrong_type(&v.span(), key, "a string or a table of languages", other);
                return None;
            }
        };
        Some(text)
    }

    pub(super) fn check_text(&mut self, span: &Range<usize>, key: &str, s: &str) {
        if s.trim().is_empty() {
            self.d.error(span, format!("`{key}` is empty"));
        } else if s.chars().count() > MAX_TEXT_CHARS {
            self.d.error(
                span,
                format!("`{key}` is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }

    pub(super) fn wrong_type(
        &mut self,
        span: &Range<usize>,
        key: &str,
        expected: &str,
        found: &DeValue<'_>,
    ) {
        self.d.error(
            span,
            format!("`{key}` must be {expected}, found {}", type_name(found)),
        );
    }
}
