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
use crate::i18n::Words;

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
            Words::msg("check-guide-too-large")
                .arg("size", source.len().to_string())
                .arg("max", MAX_GUIDE_BYTES.to_string()),
        );
        return Err(diags.finish(origin));
    }
    let (root, syntax) = DeTable::parse_recoverable(source);
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            // The TOML parser's own words.
            diags.error(
                &span,
                Words::msg("check-toml-syntax").arg("error", e.message().trim().to_string()),
            );
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
        let the_guide = Words::msg("check-what-guide");
        self.check_keys(root, GUIDE_KEYS, &the_guide);
        let id = self.required_id(root, span, "id", &the_guide);
        let version = match root.get("version") {
            None => {
                self.d.error(span, Words::msg("check-no-version"));
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
                DeValue::String(_) => {
                    self.d.error(&v.span(), Words::msg("check-empty-version"));
                    None
                }
                DeValue::Integer(i) => {
                    self.d.error(
                        &v.span(),
                        Words::msg("check-version-not-string").arg("version", i.to_string()),
                    );
                    None
                }
                other => {
                    self.wrong_type(&v.span(), "version", "check-expect-string", other);
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
        let title = self.required_text(root, span, "title", &the_guide, &langs);
        let description = self.optional_text(root, "description", &langs);
        let sync = self.sync(root);
        let respondents = self.respondents(root, &langs);
        self.respondents = respondents.iter().map(|r| r.id).collect();

        let mut sections = Vec::new();
        let mut read_questions: Vec<ReadQuestion> = Vec::new();
        let mut section_ids: HashMap<String, Range<usize>> = HashMap::new();
        match root.get("sections") {
            None => self.d.error(span, Words::msg("check-no-sections")),
            Some(v) => match v.get_ref() {
                DeValue::Array(items) if items.is_empty() => {
                    self.d.error(&v.span(), Words::msg("check-empty-sections"))
                }
                DeValue::Array(items) => {
                    for item in items {
                        let a_section = Words::msg("check-what-a-section");
                        let Some(table) = self.table(item, &a_section, "[[sections]]") else {
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
                                Words::msg("check-section-twice")
                                    .arg("id", section.id.clone())
                                    .arg("line", line.to_string()),
                            );
                        } else {
                            section_ids.insert(section.id.clone(), item.span());
                        }
                        sections.push((Some(section), n));
                    }
                }
                other => self.wrong_type(&v.span(), "sections", "check-expect-sections", other),
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
            self.d.error(&v.span(), Words::msg("check-empty-languages"));
            return vec!["en".to_string()];
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (lang, s) in items {
            if !is_language_code(&lang) {
                self.d.error(
                    &s,
                    Words::msg("check-bad-language").arg("lang", lang.clone()),
                );
            } else if !seen.insert(lang.clone()) {
                self.d.error(
                    &s,
                    Words::msg("check-language-twice").arg("lang", lang.clone()),
                );
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
        let Some(t) = self.table(v, &Words::from("`sync`"), "[sync]") else {
            return SyncSettings::default();
        };
        self.check_keys(t, SYNC_KEYS, &Words::from("[sync]"));
        let mut recipients = Vec::new();
        if let Some(r) = t.get("recipients") {
            for (key, s) in self.string_array(r, "recipients") {
                if <age::x25519::Recipient as std::str::FromStr>::from_str(&key).is_ok() {
                    recipients.push(key);
                } else {
                    self.d.error(&s, Words::msg("check-bad-recipient"));
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
        let Some(t) = self.table(v, &Words::from("`consent`"), "[consent]") else {
            return implied;
        };
        self.check_keys(t, CONSENT_KEYS, &Words::from("[consent]"));
        let mut rule = implied;
        if let Some(q) = t.get("question")
            && let Some(id) = self.string(q, "question")
        {
            match questions.iter().find(|x| x.id == id) {
                Some(x) if x.kind == QuestionType::YesNo => rule.question = Some(id),
                Some(_) => self.d.error(
                    &q.span(),
                    Words::msg("check-consent-not-yes-no").arg("id", id),
                ),
                None => self
                    .d
                    .error(&q.span(), Words::msg("check-consent-unknown").arg("id", id)),
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
                        Words::msg("check-bad-when-refused").arg("value", other.to_string()),
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
        let a_section = Words::msg("check-what-a-section");
        self.check_keys(t, SECTION_KEYS, &a_section);
        let id = self.required_id(t, span, "id", &a_section);
        let what = match &id {
            Some(id) => Words::msg("check-what-section").arg("id", id.clone()),
            None => a_section,
        };
        let title = self.required_text(t, span, "title", &what, langs);
        let guidance = self.optional_text(t, "guidance", langs);
        let mut questions = Vec::new();
        match t.get("questions") {
            None => self.d.error(
                span,
                Words::msg("check-no-questions").with("what", what.clone()),
            ),
            Some(v) => match v.get_ref() {
                DeValue::Array(items) if items.is_empty() => self.d.error(
                    &v.span(),
                    Words::msg("check-no-questions").with("what", what.clone()),
                ),
                DeValue::Array(items) => {
                    for item in items {
                        let a_question = Words::msg("check-what-a-question");
                        if let Some(qt) = self.table(item, &a_question, "[[sections.questions]]") {
                            questions.push(self.question(qt, &item.span(), langs));
                        }
                    }
                }
                other => self.wrong_type(&v.span(), "questions", "check-expect-questions", other),
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

fn type_name(v: &DeValue<'_>) -> Words {
    Words::msg(match v {
        DeValue::String(_) => "check-type-string",
        DeValue::Integer(_) => "check-type-integer",
        DeValue::Float(_) => "check-type-float",
        DeValue::Boolean(_) => "check-type-boolean",
        DeValue::Datetime(_) => "check-type-date-time",
        DeValue::Array(_) => "check-type-array",
        DeValue::Table(_) => "check-type-table",
    })
}

/// `; did you mean `x`?` after a name that is not one, when one is close; else nothing.
fn maybe_meant(c: Option<&str>) -> Words {
    match c {
        Some(c) => Words::msg("check-maybe-meant").arg("name", c.to_string()),
        None => Words::from(""),
    }
}

/// `did you mean `x`?`, after a name that is not one.
fn did_you_mean(c: &str) -> Words {
    Words::msg("check-did-you-mean").arg("name", c.to_string())
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
