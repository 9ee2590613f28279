//! Reads a guide from TOML text. Walks the spanned TOML tree by hand rather than through
//! serde so that every problem (unknown keys, wrong types, bad references) is reported at
//! once, each at its own line and column.

mod condition;
mod options_from;
mod question;
mod respondents;
mod values;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostics, GuideErrors, suggest};
use super::model::{
    Choice, Condition, ConsentRule, Guide, Question, QuestionType, Section, Structure,
    SyncSettings, Test, Text, WhenRefused,
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
    "consent",
    "respondents",
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
    "call_level",
    "applies_to",
    "show_if",
    "options_from",
    "options",
    "min",
    "max",
    "min_label",
    "max_label",
    "hxl",
];
const OPTION_KEYS: &[&str] = &["value", "label", "other", "exclusive"];
const TEST_KEYS: &[&str] = &["question", "any_of", "none_of", "answered"];
const SYNC_KEYS: &[&str] = &["recipients"];
const CONSENT_KEYS: &[&str] = &["question", "when_refused"];

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
    let guide = Reader {
        d: &mut diags,
        respondents: Vec::new(),
    }
    .guide(root.get_ref(), &span);
    match guide {
        Some(g) if diags.is_empty() => Ok(g),
        _ => Err(diags.finish(origin)),
    }
}

struct Reader<'d, 's> {
    d: &'d mut Diagnostics<'s>,
    /// The guide's respondent types, read before its questions so `applies_to` is checked
    /// against them.
    respondents: Vec<Structure>,
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
    /// The question its options come from, and where that is said.
    options_from: Option<(String, Range<usize>)>,
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
        let languages = self.languages(root);
        let default_lang = languages.first().cloned().unwrap_or_else(|| "en".into());
        let langs = LangSet {
            declared: languages.clone(),
            default: default_lang,
        };
        let title = self.required_text(root, span, "title", "the guide", &langs);
        let description = self.optional_text(root, "description", &langs);
        let sync = self.sync(root);
        let respondents = self.respondents(root, &langs);
        self.respondents = respondents.iter().map(|r| r.id).collect();

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

        self.options_from(&mut read_questions);
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
        let consent = self.consent(root, &sections);
        Some(Guide {
            id: id?,
            version: version?,
            title: title?,
            languages,
            description,
            sync,
            consent,
            respondents,
            sections,
        })
    }

    fn languages(&mut self, root: &DeTable<'_>) -> Vec<String> {
        let Some(v) = root.get("languages") else {
            // One-language guides need not say so.
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

    /// `[consent]`: which yes/no question records consent (default: one called `consent`)
    /// and what a refusal means for free text.
    fn consent(&mut self, root: &DeTable<'_>, sections: &[Section]) -> ConsentRule {
        let questions: Vec<&Question> = sections.iter().flat_map(|s| &s.questions).collect();
        let implied = ConsentRule::implied(&questions);
        let Some(v) = root.get("consent") else {
            return implied;
        };
        let Some(t) = self.table(v, "`consent`", "[consent]") else {
            return implied;
        };
        self.check_keys(t, CONSENT_KEYS, "[consent]");
        let mut rule = implied;
        if let Some(q) = t.get("question")
            && let Some(id) = self.string(q, "question")
        {
            match questions.iter().find(|x| x.id == id) {
                Some(x) if x.kind == QuestionType::YesNo => rule.question = Some(id),
                Some(_) => self.d.error(
                    &q.span(),
                    format!("the consent question `{id}` must be a yes_no question"),
                ),
                None => self.d.error(
                    &q.span(),
                    format!("[consent] names question `{id}`, which the guide does not have"),
                ),
            }
        }
        if let Some(w) = t.get("when_refused")
            && let Some(s) = self.string(w, "when_refused")
        {
            rule.when_refused = match s.as_str() {
                "no_free_text" => WhenRefused::NoFreeText,
                "keep_local" => WhenRefused::KeepLocal,
                other => {
                    self.d.error(
                        &w.span(),
                        format!("`when_refused` is `{other}`; use \"no_free_text\" (nothing typed is kept) or \"keep_local\" (kept on this machine, never sent)"),
                    );
                    rule.when_refused
                }
            };
        }
        rule
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

/// An HXL hashtag with attributes: `#tag+attr+attr`, lowercase ASCII letters, digits and
/// `_`, each part starting with a letter (the HXL standard's form).
pub fn is_hxl_tag(s: &str) -> bool {
    let part = |p: &str| {
        p.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let Some(rest) = s.strip_prefix('#') else {
        return false;
    };
    s.len() <= 200 && rest.split('+').all(|p| part(p.trim()))
}

fn is_language_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
