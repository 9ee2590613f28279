//! Reading `respondents`: the types of respondent a guide's sessions are about, which
//! `applies_to` may name. Without the key, the four coordination structures.

use super::*;
use crate::guide::model::Respondent;

const RESPONDENT_KEYS: &[&str] = &["id", "label", "plural", "short", "other"];

impl Reader<'_, '_> {
    pub(super) fn respondents(&mut self, root: &DeTable<'_>, langs: &LangSet) -> Vec<Respondent> {
        let Some(v) = root.get("respondents") else {
            return Respondent::defaults();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(
                &v.span(),
                "respondents",
                "check-expect-respondents",
                v.get_ref(),
            );
            return Respondent::defaults();
        };
        if items.is_empty() {
            self.d
                .error(&v.span(), Words::msg("check-empty-respondents"));
            return Respondent::defaults();
        }
        let mut out: Vec<Respondent> = Vec::new();
        let mut lines: HashMap<String, usize> = HashMap::new();
        let a_type = Words::msg("check-what-respondent");
        for item in items {
            let Some(t) = self.table(item, &a_type, "{ id = \"...\", label = \"...\" }") else {
                continue;
            };
            self.check_keys(t, RESPONDENT_KEYS, &a_type);
            let id_span = t.get("id").map(|v| v.span()).unwrap_or(item.span());
            let id = self.required_id(t, &item.span(), "id", &a_type);
            let label = self.required_text(t, &item.span(), "label", &a_type, langs);
            let plural = self.optional_text(t, "plural", langs);
            let short = self.optional_text(t, "short", langs);
            let other = self.optional_bool(t, "other").unwrap_or(false);
            let Some(id) = id else { continue };
            if let Some(line) = lines.get(&id) {
                self.d.error(
                    &id_span,
                    Words::msg("check-respondent-twice")
                        .arg("id", id.clone())
                        .arg("line", line.to_string()),
                );
                continue;
            }
            let (line, _) = self.d.line_col(id_span.start);
            lines.insert(id.clone(), line);
            let (Some(id), Some(label)) = (Structure::parse(&id), label) else {
                continue;
            };
            out.push(Respondent {
                id,
                label,
                plural,
                short,
                other,
            });
        }
        out
    }
}
