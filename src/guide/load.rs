//! Reads a guide from TOML text. Walks the spanned TOML tree by hand rather than through
//! serde so that every problem (unknown keys, wrong types, bad references) is reported at
//! once, each at its own line and column.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostics, GuideErrors, suggest};
use super::model::{
    Choice, Condition, Guide, Question, QuestionType, Section, Structure, SyncSettings, Test, Text,
};

/// Guides larger than this are refused before parsing: a real guide is a few dozen KiB.
pub const MAX_GUIDE_BYTES: usize = 1024 * 1024;
/// Longest text accepted anywhere in a guide.
const MAX_TEXT_CHARS: usize = 20_000;

const GUIDE_KEYS: &[&str] = &[
    "id",
    "version",
    "title",
    "languages",
    "description",
    "sync",
    "sections",
];
const SECTION_KEYS: &[&str] = &["id", "title", "guidance", "questions"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "type",
    "text",
    "guidance",
    "required",
    "summary",
    "applies_to",
    "show_if",
    "options",
    "min",
    "max",
    "min_label",
    "max_label",
];
const OPTION_KEYS: &[&str] = &["value", "label", "other"];
const TEST_KEYS: &[&str] = &["question", "any_of", "none_of", "answered"];
const SYNC_KEYS: &[&str] = &["recipients"];

type Value<'i> = Spanned<DeValue<'i>>;

/// Parse and validate a guide. `origin` names the source in messages (a path, or
/// `bundled:NAME`).
pub fn parse_guide(source: &str, origin: &str) -> Result<Guide, GuideErrors> {
    let mut diags = Diagnostics::new(source);
    if source.len() > MAX_GUIDE_BYTES {
        diags.error(
            &(0..0),
            format!(
                "guide is {} bytes, more than the {} allowed; is this really a guide?",
                source.len(),
                MAX_GUIDE_BYTES
            ),
        );
        return Err(diags.finish(origin));
    }
    let (root, syntax) = DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            diags.error(&span, format!("TOML syntax: {}", e.message().trim()));
        }
        return Err(diags.finish(origin));
    }
    let span = root.span();
    let guide = Reader { d: &mut diags }.guide(root.get_ref(), &span);
    match guide {
        Some(g) if diags.is_empty() => Ok(g),
        _ => Err(diags.finish(origin)),
    }
}

struct Reader<'d, 's> {
    d: &'d mut Diagnostics<'s>,
}

/// A question as read, with the spans later cross-checks point at. Kept even when the
/// question has errors, so a reference to it is not also reported as unknown.
struct ReadQuestion {
    id: Option<String>,
    id_span: Range<usize>,
    kind: Option<QuestionType>,
    /// The values a `show_if` may list, when the question is a closed one.
    closed_values: Vec<String>,
    show_if: Option<(Condition, ConditionSpans)>,
    /// `None` when the question has errors of its own.
    question: Option<Question>,
}

/// Spans of the parts of a `show_if`, in the order `Condition::tests` yields them.
#[derive(Default)]
struct ConditionSpans {
    tests: Vec<TestSpans>,
}

struct TestSpans {
    question: Range<usize>,
    values: Vec<Range<usize>>,
}

impl Reader<'_, '_> {
    fn guide(&mut self, root: &DeTable<'_>, span: &Range<usize>) -> Option<Guide> {
        self.check_keys(root, GUIDE_KEYS, "the guide");
        let id = self.required_id(root, span, "id", "the guide");
        let version = match root.get("version") {
            None => {
                self.d.error(
                    span,
                    "the guide has no `version`; add e.g. version = \"1\" (a string, bumped when questions change)",
                );
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
                DeValue::String(_) => {
                    self.d
                        .error(&v.span(), "`version` is empty; write e.g. version = \"1\"");
                    None
                }
                DeValue::Integer(i) => {
                    self.d.error(
                        &v.span(),
                        format!("`version` must be a string: write version = \"{i}\""),
                    );
                    None
                }
                other => {
                    self.wrong_type(&v.span(), "version", "a string", other);
                    None
                }
            },
        };
        let languages = self.languages(root, span);
        let default_lang = languages.first().cloned().unwrap_or_else(|| "en".into());
        let langs = LangSet {
            declared: languages.clone(),
            default: default_lang,
        };
        let title = self.required_text(root, span, "title", "the guide", &langs);
        let description = self.optional_text(root, "description", &langs);
        let sync = self.sync(root);

        let mut sections = Vec::new();
        let mut read_questions: Vec<ReadQuestion> = Vec::new();
        let mut section_ids: HashMap<String, Range<usize>> = HashMap::new();
        match root.get("sections") {
            None => self.d.error(
                span,
                "the guide has no sections; add at least one [[sections]] with [[sections.questions]]",
            ),
            Some(v) => match v.get_ref() {
                DeValue::Array(items) if items.is_empty() => {
                    self.d.error(&v.span(), "`sections` is empty; add at least one [[sections]]")
                }
                DeValue::Array(items) => {
                    for item in items {
                        let Some(table) = self.table(item, "a section", "[[sections]]") else {
                            continue;
                        };
                        let (section, qs) = self.section(table, &item.span(), &langs);
                        let n = qs.len();
                        read_questions.extend(qs);
                        let Some(section) = section else {
                            sections.push((None, n));
                            continue;
                        };
                        if let Some(first) = section_ids.get(&section.id) {
                            let (line, _) = self.d.line_col(first.start);
                            self.d.error(
                                &item.span(),
                                format!(
                                    "section id `{}` is used twice (first on line {line}); section ids must be unique",
                                    section.id
                                ),
                            );
                        } else {
                            section_ids.insert(section.id.clone(), item.span());
                        }
                        sections.push((Some(section), n));
                    }
                }
                other => self.wrong_type(&v.span(), "sections", "an array of [[sections]] tables", other),
            },
        }

        self.cross_check(&read_questions);

        let mut questions = read_questions.into_iter().map(|r| {
            r.question.map(|mut q| {
                q.show_if = r.show_if.map(|(c, _)| c);
                q
            })
        });
        let mut built = Vec::new();
        for (s, n) in sections {
            let mut s = s?;
            s.questions = questions.by_ref().take(n).collect::<Option<Vec<_>>>()?;
            built.push(s);
        }
        let sections = built;
        Some(Guide {
            id: id?,
            version: version?,
            title: title?,
            languages,
            description,
            sync,
            sections,
        })
    }

    fn languages(&mut self, root: &DeTable<'_>, span: &Range<usize>) -> Vec<String> {
        let Some(v) = root.get("languages") else {
            // One-language guides need not say so.
            let _ = span;
            return vec!["en".to_string()];
        };
        let items = self.string_array(v, "languages");
        if items.is_empty() {
            self.d.error(
                &v.span(),
                "`languages` is empty; list at least the default, e.g. [\"en\"]",
            );
            return vec!["en".to_string()];
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (lang, s) in items {
            if !is_language_code(&lang) {
                self.d.error(
                    &s,
                    format!("`{lang}` is not a language code; use a code such as \"en\", \"fr\" or \"pt-BR\""),
                );
            } else if !seen.insert(lang.clone()) {
                self.d
                    .error(&s, format!("language `{lang}` is listed twice"));
            } else {
                out.push(lang);
            }
        }
        if out.is_empty() {
            out.push("en".to_string());
        }
        out
    }

    fn sync(&mut self, root: &DeTable<'_>) -> SyncSettings {
        let Some(v) = root.get("sync") else {
            return SyncSettings::default();
        };
        let Some(t) = self.table(v, "`sync`", "[sync]") else {
            return SyncSettings::default();
        };
        self.check_keys(t, SYNC_KEYS, "[sync]");
        let mut recipients = Vec::new();
        if let Some(r) = t.get("recipients") {
            for (key, s) in self.string_array(r, "recipients") {
                if <age::x25519::Recipient as std::str::FromStr>::from_str(&key).is_ok() {
                    recipients.push(key);
                } else {
                    self.d.error(
                        &s,
                        "a recipient must be an age public key starting with `age1` (see `stocktake keys new`)",
                    );
                }
            }
        }
        SyncSettings { recipients }
    }

    fn section(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        langs: &LangSet,
    ) -> (Option<Section>, Vec<ReadQuestion>) {
        // Questions are returned even when the section itself is broken, for cross-checks.
        self.check_keys(t, SECTION_KEYS, "a section");
        let id = self.required_id(t, span, "id", "a section");
        let what = match &id {
            Some(id) => format!("section `{id}`"),
            None => "a section".to_string(),
        };
        let title = self.required_text(t, span, "title", &what, langs);
        let guidance = self.optional_text(t, "guidance", langs);
        let mut questions = Vec::new();
        match t.get("questions") {
            None => self.d.error(
                span,
                format!("{what} has no questions; add [[sections.questions]] under it or remove the section"),
            ),
            Some(v) => match v.get_ref() {
                DeValue::Array(items) if items.is_empty() => self.d.error(
                    &v.span(),
                    format!("{what} has no questions; add [[sections.questions]] under it or remove the section"),
                ),
                DeValue::Array(items) => {
                    for item in items {
                        if let Some(qt) = self.table(item, "a question", "[[sections.questions]]") {
                            questions.push(self.question(qt, &item.span(), langs));
                        }
                    }
                }
                other => self.wrong_type(
                    &v.span(),
                    "questions",
                    "an array of [[sections.questions]] tables",
                    other,
                ),
            },
        }
        let section = match (id, title) {
            (Some(id), Some(title)) => Some(Section {
                id,
                title,
                guidance,
                questions: Vec::new(),
            }),
            _ => None,
        };
        (section, questions)
    }

    fn question(&mut self, t: &DeTable<'_>, span: &Range<usize>, langs: &LangSet) -> ReadQuestion {
        self.check_keys(t, QUESTION_KEYS, "a question");
        let id_span = t.get("id").map(|v| v.span()).unwrap_or(span.clone());
        let id = self.required_id(t, span, "id", "a question");
        let what = match &id {
            Some(id) => format!("question `{id}`"),
            None => "a question".to_string(),
        };
        let kind = match t.get("type") {
            None => {
                self.d.error(
                    span,
                    format!(
                        "{what} has no `type`; use one of: {}",
                        type_names().join(", ")
                    ),
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
                            Some(c) => format!("did you mean `{c}`?"),
                            None => format!("use one of: {}", names.join(", ")),
                        };
                        self.d
                            .error(&v.span(), format!("unknown question type `{s}`; {hint}"));
                        None
                    }
                },
            },
        };
        let text = self.required_text(t, span, "text", &what, langs);
        let guidance = self.optional_text(t, "guidance", langs);
        let required = self.optional_bool(t, "required").unwrap_or(false);
        let summary = self.optional_bool(t, "summary").unwrap_or(false);
        let applies_to = self.applies_to(t);
        let options = self.options(t, kind, &what, span, langs);
        let (min, max) = self.bounds(t, kind, &what, span);
        let min_label = self.optional_text(t, "min_label", langs);
        let max_label = self.optional_text(t, "max_label", langs);
        if let Some(k) = kind {
            for key in ["min_label", "max_label"] {
                if k != QuestionType::Scale
                    && let Some(v) = t.get(key)
                {
                    self.d.error(
                        &v.span(),
                        format!(
                            "`{key}` only applies to scale questions; {what} is {}",
                            k.as_str()
                        ),
                    );
                }
            }
            if summary
                && !(k.is_closed() || k == QuestionType::Scale)
                && let Some(v) = t.get("summary")
            {
                self.d.error(
                    &v.span(),
                    format!(
                        "{what} is {}; `summary` charts a distribution, so it needs a single, multi, yes_no or scale question",
                        k.as_str()
                    ),
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
                applies_to,
                show_if: None,
                options,
                min,
                max,
                min_label,
                max_label,
            }),
            _ => None,
        };
        ReadQuestion {
            id,
            id_span,
            kind,
            closed_values,
            show_if,
            question,
        }
    }

    fn applies_to(&mut self, t: &DeTable<'_>) -> Vec<Structure> {
        let Some(v) = t.get("applies_to") else {
            return Vec::new();
        };
        let items = self.string_array(v, "applies_to");
        if items.is_empty() && matches!(v.get_ref(), DeValue::Array(_)) {
            self.d.error(
                &v.span(),
                "`applies_to` is empty, so the question would never be asked; remove it to ask every structure",
            );
        }
        let names: Vec<&str> = Structure::ALL.iter().map(|s| s.as_str()).collect();
        let mut out = Vec::new();
        for (name, s) in items {
            match Structure::parse(&name) {
                Some(k) if out.contains(&k) => self.d.error(
                    &s,
                    format!("structure `{name}` is listed twice in `applies_to`"),
                ),
                Some(k) => out.push(k),
                None => {
                    let hint = match suggest(&name, &names) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("use one of: {}", names.join(", ")),
                    };
                    self.d.error(
                        &s,
                        format!("unknown structure `{name}` in `applies_to`; {hint}"),
                    );
                }
            }
        }
        out
    }

    fn options(
        &mut self,
        t: &DeTable<'_>,
        kind: Option<QuestionType>,
        what: &str,
        span: &Range<usize>,
        langs: &LangSet,
    ) -> Vec<Choice> {
        let Some(v) = t.get("options") else {
            if let Some(k) = kind
                && k.has_options()
            {
                self.d.error(
                    span,
                    format!(
                        "{what} is a {} choice question without `options`; add options = [{{ value = \"...\", label = \"...\" }}, ...]",
                        k.as_str()
                    ),
                );
            }
            return Vec::new();
        };
        if let Some(k) = kind
            && !k.has_options()
        {
            let extra = if k == QuestionType::YesNo {
                " (yes_no questions have fixed answers yes and no)"
            } else {
                ""
            };
            self.d.error(
                &v.span(),
                format!(
                    "`options` only apply to single and multi questions; {what} is {}{extra}",
                    k.as_str()
                ),
            );
            return Vec::new();
        }
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(
                &v.span(),
                "options",
                "an array of { value, label } tables",
                v.get_ref(),
            );
            return Vec::new();
        };
        if items.is_empty() {
            self.d.error(
                &v.span(),
                format!("{what} has an empty `options` list; a choice needs at least one option"),
            );
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for item in items {
            let Some(ot) = self.table(item, "an option", "{ value = \"...\", label = \"...\" }")
            else {
                continue;
            };
            self.check_keys(ot, OPTION_KEYS, "an option");
            let value_span = ot.get("value").map(|v| v.span()).unwrap_or(item.span());
            let value = self.required_id(ot, &item.span(), "value", "an option");
            let label = self.required_text(ot, &item.span(), "label", "an option", langs);
            let other = self.optional_bool(ot, "other").unwrap_or(false);
            if let Some(value) = &value {
                if let Some(line) = seen.get(value) {
                    self.d.error(
                        &value_span,
                        format!(
                            "option value `{value}` is used twice in {what} (first on line {line}); values must be unique"
                        ),
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
                });
            }
        }
        out
    }

    fn bounds(
        &mut self,
        t: &DeTable<'_>,
        kind: Option<QuestionType>,
        what: &str,
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
                            format!("{what} is a scale without `{key}`; a scale needs min and max, e.g. min = 1, max = 5"),
                        ),
                        Some((n, s)) if n.fract() != 0.0 => self.d.error(
                            s,
                            format!("`{key}` of a scale must be a whole number, not {n}"),
                        ),
                        _ => {}
                    }
                }
                if let (Some((lo, _)), Some((hi, s))) = (&min, &max)
                    && hi - lo > 100.0
                {
                    self.d.error(s, format!("a scale from {lo} to {hi} has more than 100 points; use a number question"));
                }
            }
            Some(k) => {
                for key in ["min", "max"] {
                    if let Some(v) = t.get(key) {
                        self.d.error(
                            &v.span(),
                            format!(
                                "`{key}` only applies to number and scale questions; {what} is {}",
                                k.as_str()
                            ),
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
                format!("`min` ({lo}) is greater than `max` ({hi}) in {what}"),
            );
        }
        (min.map(|m| m.0), max.map(|m| m.0))
    }

    /// A `show_if` value: a test on one question, or `all`/`any` of nested conditions.
    fn condition(
        &mut self,
        v: &Value<'_>,
        spans: &mut ConditionSpans,
        depth: usize,
    ) -> Option<Condition> {
        let t = self.table(v, "`show_if`", "{ question = \"...\", any_of = [...] }")?;
        if depth > 8 {
            self.d.error(
                &v.span(),
                "`show_if` is nested more than 8 levels deep; simplify it",
            );
            return None;
        }
        for (combo, is_all) in [("all", true), ("any", false)] {
            if let Some(list) = t.get(combo) {
                for (k, _) in t.iter() {
                    if k.get_ref().as_ref() != combo {
                        self.d.error(
                            &k.span(),
                            format!("`{}` cannot stand beside `{combo}` in a show_if; put it in one of the `{combo}` conditions", k.get_ref()),
                        );
                    }
                }
                let DeValue::Array(items) = list.get_ref() else {
                    self.wrong_type(
                        &list.span(),
                        combo,
                        "an array of conditions",
                        list.get_ref(),
                    );
                    return None;
                };
                if items.is_empty() {
                    self.d.error(
                        &list.span(),
                        format!("`{combo}` is empty; give it at least one condition"),
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
        self.check_keys(t, &keys, "a show_if");
        let Some(qv) = t.get("question") else {
            self.d.error(
                &v.span(),
                "`show_if` names no `question`; write { question = \"id\", any_of = [\"value\"] }, or use all/any",
            );
            return None;
        };
        let question = self.string(qv, "question")?;
        let tests: Vec<&str> = ["any_of", "none_of", "answered"]
            .into_iter()
            .filter(|k| t.get(*k).is_some())
            .collect();
        if tests.len() != 1 {
            let msg = if tests.is_empty() {
                "`show_if` needs exactly one test: any_of = [...], none_of = [...] or answered = true/false".to_string()
            } else {
                format!(
                    "`show_if` has {} tests ({}); give exactly one, or combine conditions with all = [...]",
                    tests.len(),
                    tests.join(", ")
                )
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
                        format!("`{key}` is empty; list the values to test"),
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
    fn cross_check(&mut self, questions: &[ReadQuestion]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, r) in questions.iter().enumerate() {
            let Some(id) = r.id.as_deref() else {
                continue;
            };
            if let Some(&j) = first.get(id) {
                let (line, _) = self.d.line_col(questions[j].id_span.start);
                self.d.error(
                    &r.id_span,
                    format!("question id `{id}` is used twice (first on line {line}); ids must be unique in a guide"),
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
                    self.d.error(&span.question, format!("the show_if of question `{me}` names `{me}` itself; it must name an earlier question"));
                    continue;
                }
                let Some(&j) = first.get(qid) else {
                    let ids: Vec<&str> = first.keys().copied().collect();
                    let hint = suggest(qid, &ids)
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default();
                    self.d.error(
                        &span.question,
                        format!(
                            "show_if names `{qid}`, which is not a question in this guide{hint}"
                        ),
                    );
                    continue;
                };
                if j > i {
                    self.d.error(
                        &span.question,
                        format!("show_if names `{qid}`, which comes later in the guide; a question can depend only on earlier ones"),
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
                        format!(
                            "`{qid}` is a {} question, so its answers cannot be listed; test it with answered = true",
                            kind.as_str()
                        ),
                    );
                    continue;
                }
                let offered: Vec<&str> = target.closed_values.iter().map(String::as_str).collect();
                for (val, vspan) in vals.iter().zip(&span.values) {
                    if !offered.contains(&val.as_str()) {
                        self.d.error(
                            vspan,
                            format!(
                                "`{qid}` has no answer `{val}`; it offers: {}",
                                offered.join(", ")
                            ),
                        );
                    }
                }
            }
        }
    }

    // ---- value readers -------------------------------------------------------------------

    fn check_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &str) {
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

    fn table<'a, 'i>(
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

    fn string(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                self.wrong_type(&v.span(), key, "a string", other);
                None
            }
        }
    }

    fn string_array(&mut self, v: &Value<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(&v.span(), key, "an array of strings", v.get_ref());
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|i| self.string(i, key).map(|s| (s, i.span())))
            .collect()
    }

    fn number(&mut self, v: &Value<'_>, key: &str) -> Option<f64> {
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite()),
            other => {
                self.wrong_type(&v.span(), key, "a number", other);
                None
            }
        }
    }

    fn optional_bool(&mut self, t: &DeTable<'_>, key: &str) -> Option<bool> {
        let v = t.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(&v.span(), key, "true or false", other);
                None
            }
        }
    }

    fn required_id(
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

    fn required_text(
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
    fn optional_text(&mut self, t: &DeTable<'_>, key: &str, langs: &LangSet) -> Option<Text> {
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

    fn check_text(&mut self, span: &Range<usize>, key: &str, s: &str) {
        if s.trim().is_empty() {
            self.d.error(span, format!("`{key}` is empty"));
        } else if s.chars().count() > MAX_TEXT_CHARS {
            self.d.error(
                span,
                format!("`{key}` is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }

    fn wrong_type(&mut self, span: &Range<usize>, key: &str, expected: &str, found: &DeValue<'_>) {
        self.d.error(
            span,
            format!("`{key}` must be {expected}, found {}", type_name(found)),
        );
    }
}

struct LangSet {
    declared: Vec<String>,
    default: String,
}

impl Condition {
    /// Every single-question test, depth first, in source order.
    pub fn tests(&self) -> Vec<(&str, &Test)> {
        match self {
            Condition::Test { question, test } => vec![(question.as_str(), test)],
            Condition::All { all: parts } | Condition::Any { any: parts } => {
                parts.iter().flat_map(|c| c.tests()).collect()
            }
        }
    }
}

impl Diagnostics<'_> {
    fn line_col(&self, at: usize) -> (usize, usize) {
        super::diagnostic::line_col(self.source(), at)
    }
}

fn type_names() -> Vec<&'static str> {
    QuestionType::ALL.iter().map(|t| t.as_str()).collect()
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Ids and option values: stable, ASCII, safe in file names and column headers.
pub fn is_identifier(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn is_language_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
