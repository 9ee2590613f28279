//! The interview guide as the rest of the program sees it: sections of typed questions,
//! texts in one or more languages, skip conditions. Built only by the loader, which
//! guarantees every invariant the validator checks.

use std::collections::BTreeMap;

use serde::Serialize;

pub use super::respondent::{Respondent, Structure};

/// A text an interviewer or respondent reads, in the guide's languages.
/// Keys are language codes; the guide's first language is always present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    pub fn new(lang: &str, text: impl Into<String>) -> Self {
        Text(BTreeMap::from([(lang.to_string(), text.into())]))
    }

    /// The text in `lang`, falling back to `default_lang`, then to any text at all.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(default_lang))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn has(&self, lang: &str) -> bool {
        self.0.contains_key(lang)
    }
}

impl Serialize for Text {
    // One language is written as a plain string, so hand-written guides stay short.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.len() == 1
            && let Some(only) = self.0.values().next()
        {
            return s.serialize_str(only);
        }
        self.0.serialize(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::EnumString)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "snake_case")]
pub enum QuestionType {
    Single,
    Multi,
    YesNo,
    Text,
    LongText,
    Number,
    Date,
    Scale,
}

impl QuestionType {
    pub const ALL: [QuestionType; 8] = [
        QuestionType::Single,
        QuestionType::Multi,
        QuestionType::YesNo,
        QuestionType::Text,
        QuestionType::LongText,
        QuestionType::Number,
        QuestionType::Date,
        QuestionType::Scale,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<QuestionType> {
        s.parse().ok()
    }

    /// Single and multi choice carry an `options` list.
    pub fn has_options(self) -> bool {
        matches!(self, QuestionType::Single | QuestionType::Multi)
    }

    /// The values a `show_if` may test this question against, when they are a closed set.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            QuestionType::Single | QuestionType::Multi | QuestionType::YesNo
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    /// Choosing it asks the interviewer to specify.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
    /// On a multi choice: ticking it clears the others, and ticking another clears it
    /// ("None", "No challenges").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// When a question is shown. Structured on purpose: no expression language to mistype.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Condition {
    All {
        all: Vec<Condition>,
    },
    Any {
        any: Vec<Condition>,
    },
    Test {
        question: String,
        #[serde(flatten)]
        test: Test,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// The answer (any selected value of a multi) is one of these.
    AnyOf(Vec<String>),
    /// The question was answered and no selected value is one of these.
    NoneOf(Vec<String>),
    /// `true`: the question has a real answer (not don't know / declined / not asked).
    Answered(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub summary: bool,
    /// A fact about the call, not the structure (the populations covered, several crises):
    /// answered once, it is the answer of every structure on the call that had none (or
    /// had the same), and stays editable per structure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub call_level: bool,
    /// Empty: every structure.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<Structure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// An earlier multi choice: only the options ticked there are offered ("the single
    /// most important challenge" of those named). The loader fills `options` from it
    /// when the guide lists none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options_from: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Number and scale bounds, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Scale end-point labels ("not at all" … "fully").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_label: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_label: Option<Text>,
    /// Its HXL hashtag (`#affected+hh+num`), for the `--hxl` row of the report's tables
    /// and the XLSForm's `hxl` column, as Kobo has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hxl: Option<String>,
}

impl Question {
    pub fn applies(&self, structure: Structure) -> bool {
        self.applies_to.is_empty() || self.applies_to.contains(&structure)
    }

    pub fn option(&self, value: &str) -> Option<&Choice> {
        self.options.iter().find(|c| c.value == value)
    }

    /// Every value a closed question can take, in display order.
    pub fn closed_values(&self) -> Vec<&str> {
        match self.kind {
            QuestionType::YesNo => vec!["yes", "no"],
            _ => self.options.iter().map(|c| c.value.as_str()).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    pub questions: Vec<Question>,
}

/// What happens to free text (notes, typed answers, specify fields) when the respondents
/// did not agree to notes being taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenRefused {
    /// Nothing is typed: the interviewer records closed answers only.
    #[default]
    NoFreeText,
    /// Free text may be typed, stays in the interviewer's own store and never leaves it.
    KeepLocal,
}

/// Which question records consent, and the rule when it is refused.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ConsentRule {
    /// A yes/no question; the new-call form asks it once for every structure on the call.
    /// `None`: the guide records no consent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub when_refused: WhenRefused,
}

impl ConsentRule {
    /// The rule a guide has without a `[consent]` table: a yes/no question `consent`, if
    /// there is one, and no free text when it is answered no.
    pub fn implied(questions: &[&Question]) -> ConsentRule {
        ConsentRule {
            question: questions
                .iter()
                .find(|q| q.id == "consent" && q.kind == QuestionType::YesNo)
                .map(|q| q.id.clone()),
            when_refused: WhenRefused::NoFreeText,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SyncSettings {
    /// age X25519 recipients (`age1…`) session files are encrypted to.
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Guide {
    pub id: String,
    pub version: String,
    pub title: Text,
    /// The first language is the default.
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "SyncSettings::is_empty")]
    pub sync: SyncSettings,
    pub consent: ConsentRule,
    /// Who sessions are about, in the order the new-call form offers them: the guide's
    /// `respondents`, or [`Respondent::defaults`] when it has none.
    #[serde(skip_serializing_if = "Respondent::are_defaults")]
    pub respondents: Vec<Respondent>,
    pub sections: Vec<Section>,
}

impl SyncSettings {
    pub fn is_empty(&self) -> bool {
        self.recipients.is_empty()
    }
}

impl Guide {
    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("en")
    }

    /// Every question in guide order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// (section index, question index within section) of a question id.
    pub fn position_of(&self, id: &str) -> Option<(usize, usize)> {
        self.sections.iter().enumerate().find_map(|(si, s)| {
            s.questions
                .iter()
                .position(|q| q.id == id)
                .map(|qi| (si, qi))
        })
    }

    /// The respondent type `id`, if this guide declares it.
    pub fn respondent(&self, id: Structure) -> Option<&Respondent> {
        self.respondents.iter().find(|r| r.id == id)
    }

    /// What this guide calls respondent type `id`: its label, or the id itself for a type
    /// it does not declare (a session file from another version, kept and flagged).
    pub fn respondent_name(&self, id: Structure, lang: &str) -> String {
        match self.respondent(id) {
            Some(r) => r.name(lang, self.default_language()).to_string(),
            None => id.as_str().to_string(),
        }
    }

    /// As [`Guide::respondent_name`], short enough for a tab at 80 columns.
    pub fn respondent_short(&self, id: Structure, lang: &str) -> String {
        match self.respondent(id) {
            Some(r) => r.short_name(lang, self.default_language()).to_string(),
            None => id.as_str().to_string(),
        }
    }

    /// Does choosing `id` ask the interviewer to name it?
    pub fn asks_name(&self, id: Structure) -> bool {
        self.respondent(id).is_some_and(|r| r.other)
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// The guide written back as TOML in the format the loader reads.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }
}
