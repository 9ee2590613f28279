//! What changed between two versions of a guide, each change classified by what it means
//! for pooling their answers: wording only, an option relabelled (a meaning change), an
//! option or question added or removed, an id reused with another type (refused), a
//! translation older than its source text. The report pools a question's answers across
//! two versions only where this says they compare.

use serde::Serialize;

use super::model::{Choice, Guide, Question, QuestionType, Text};
use crate::i18n::Words;

/// The kind of a change, from harmless to refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// The words changed, not what can be answered: a typo, a clearer question.
    Wording,
    /// The source text changed and a translation did not: it may now say something else.
    StaleTranslation,
    /// Who is asked, or when: `applies_to`, `show_if`, `required`. Answers still compare,
    /// among those asked.
    Asked,
    /// A question the older version did not have: its sessions were not asked it.
    QuestionAdded,
    /// A question the newer version dropped: nothing of it is reported.
    QuestionRemoved,
    /// A respondent type declared, dropped or renamed.
    Respondents,
    /// A number's bounds, or a scale's (whose points then differ).
    Bounds,
    /// An option offered now that was not: the older sessions could not choose it.
    OptionAdded,
    /// An option no longer offered.
    OptionRemoved,
    /// An option kept its value but its label says something else.
    Relabelled,
    /// The same id, another type: the id was reused for another question. Refused.
    TypeChanged,
}

impl ChangeClass {
    /// Its name as words (`name` is the English).
    pub fn words(self) -> Words {
        Words::msg(match self {
            ChangeClass::Wording => "gdiff-class-wording",
            ChangeClass::StaleTranslation => "gdiff-class-stale-translation",
            ChangeClass::Asked => "gdiff-class-asked",
            ChangeClass::QuestionAdded => "gdiff-class-question-added",
            ChangeClass::QuestionRemoved => "gdiff-class-question-removed",
            ChangeClass::Respondents => "gdiff-class-respondents",
            ChangeClass::Bounds => "gdiff-class-bounds",
            ChangeClass::OptionAdded => "gdiff-class-option-added",
            ChangeClass::OptionRemoved => "gdiff-class-option-removed",
            ChangeClass::Relabelled => "gdiff-class-relabelled",
            ChangeClass::TypeChanged => "gdiff-class-type-changed",
        })
    }

    /// As the human output says it.
    pub fn name(self) -> &'static str {
        match self {
            ChangeClass::Wording => "wording only",
            ChangeClass::StaleTranslation => "translation may be stale",
            ChangeClass::Asked => "asked differently",
            ChangeClass::QuestionAdded => "question added",
            ChangeClass::QuestionRemoved => "question removed",
            ChangeClass::Respondents => "respondent types",
            ChangeClass::Bounds => "bounds changed",
            ChangeClass::OptionAdded => "option added",
            ChangeClass::OptionRemoved => "option removed",
            ChangeClass::Relabelled => "option relabelled",
            ChangeClass::TypeChanged => "id reused with another type (refused)",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub class: ChangeClass,
    /// The question it is in; `None` for the guide's own texts and respondent types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What changed: "text", "option `wg`", "title of section `s`", "fr text".
    pub what: String,
    /// `what` as words, for the other languages (`what` is their English).
    #[serde(skip)]
    pub said: Words,
    /// Before and after, as text (empty where there is none: an added question has no
    /// before).
    pub old: String,
    pub new: String,
    /// `old` and `new` as words where they are stocktake's own ("optional", "always"),
    /// not the guide's texts; `None` where they are the guide's.
    #[serde(skip)]
    pub values_said: Option<(Words, Words)>,
    /// Can the question's answers of the two versions be counted together?
    pub comparable: bool,
}

/// Every change from `old` to `new`, in guide order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideDiff {
    pub id: String,
    pub old_version: String,
    pub new_version: String,
    pub changes: Vec<Change>,
}

impl GuideDiff {
    /// Is some question's id reused with another type? The newer version is then
    /// refused as a version of the older: it is another question under an old name.
    pub fn refused(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.class == ChangeClass::TypeChanged)
    }

    /// Do the answers of every question both versions have compare?
    pub fn comparable(&self) -> bool {
        self.changes.iter().all(|c| c.comparable)
    }

    /// Why `question`'s answers do not compare across the two versions, if they do not:
    /// the first change that says so.
    pub fn incomparable(&self, question: &str) -> Option<&Change> {
        self.changes
            .iter()
            .find(|c| !c.comparable && c.question.as_deref() == Some(question))
    }

    /// The questions whose answers do not compare, each once, in guide order.
    pub fn incomparable_questions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.changes.iter().filter(|c| !c.comparable) {
            if let Some(q) = c.question.as_deref()
                && !out.contains(&q)
            {
                out.push(q);
            }
        }
        out
    }
}

/// A label's words as they matter: letters and digits, lower case. "Working group" and
/// "working-group." read the same; "Working group (planned)" does not.
fn gist(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Differ<'g> {
    old: &'g Guide,
    new: &'g Guide,
    /// The language both versions are written in first: the source of translations.
    source: String,
    changes: Vec<Change>,
}

impl Differ<'_> {
    /// A change whose before and after are our own words, not the guide's.
    fn push_said(
        &mut self,
        class: ChangeClass,
        question: Option<&str>,
        what: Words,
        old: Words,
        new: Words,
    ) {
        self.push(class, question, what, &old.en(), &new.en());
        if let Some(c) = self.changes.last_mut() {
            c.values_said = Some((old, new));
        }
    }

    fn push(
        &mut self,
        class: ChangeClass,
        question: Option<&str>,
        what: Words,
        old: &str,
        new: &str,
    ) {
        let comparable = !matches!(
            class,
            ChangeClass::Relabelled
                | ChangeClass::OptionAdded
                | ChangeClass::OptionRemoved
                | ChangeClass::TypeChanged
        );
        self.changes.push(Change {
            class,
            question: question.map(str::to_string),
            what: what.en(),
            said: what,
            old: old.to_string(),
            new: new.to_string(),
            values_said: None,
            comparable,
        });
    }

    /// A text's changes: the source's (as `class` when its gist changed, else wording),
    /// a translation's, and each translation left as it was while its source changed.
    fn text(
        &mut self,
        question: Option<&str>,
        what: Words,
        old: &Text,
        new: &Text,
        class: ChangeClass,
    ) {
        let src = self.source.clone();
        let (o, n) = (old.get(&src, &src), new.get(&src, &src));
        let source_changed = o != n;
        if source_changed {
            let c = if gist(o) == gist(n) {
                ChangeClass::Wording
            } else {
                class
            };
            self.push(c, question, what.clone(), o, n);
        }
        let mut langs: Vec<&String> = old.0.keys().chain(new.0.keys()).collect();
        langs.sort();
        langs.dedup();
        for lang in langs.into_iter().filter(|l| **l != src) {
            match (old.0.get(lang), new.0.get(lang)) {
                // Punctuation in the source leaves a translation as good as it was.
                (Some(a), Some(b)) if a == b && source_changed && gist(o) != gist(n) => self.push(
                    ChangeClass::StaleTranslation,
                    question,
                    Words::msg("gdiff-stale")
                        .arg("lang", lang.clone())
                        .arg("src", src.clone())
                        .with("what", what.clone()),
                    a,
                    b,
                ),
                (Some(a), Some(b)) if a != b => self.push(
                    ChangeClass::Wording,
                    question,
                    Words::msg("gdiff-in-lang")
                        .arg("lang", lang.clone())
                        .with("what", what.clone()),
                    a,
                    b,
                ),
                (None, Some(b)) => self.push(
                    ChangeClass::Wording,
                    question,
                    Words::msg("gdiff-in-lang")
                        .arg("lang", lang.clone())
                        .with("what", what.clone()),
                    "",
                    b,
                ),
                (Some(a), None) => self.push(
                    ChangeClass::Wording,
                    question,
                    Words::msg("gdiff-in-lang")
                        .arg("lang", lang.clone())
                        .with("what", what.clone()),
                    a,
                    "",
                ),
                _ => {}
            }
        }
    }

    fn optional_text(
        &mut self,
        question: Option<&str>,
        what: Words,
        old: Option<&Text>,
        new: Option<&Text>,
    ) {
        let empty = Text::default();
        if old.is_some() || new.is_some() {
            self.text(
                question,
                what,
                old.unwrap_or(&empty),
                new.unwrap_or(&empty),
                ChangeClass::Wording,
            );
        }
    }

    fn guide_texts(&mut self) {
        let (old, new) = (self.old, self.new);
        self.text(
            None,
            Words::msg("gdiff-title"),
            &old.title,
            &new.title,
            ChangeClass::Wording,
        );
        self.optional_text(
            None,
            Words::msg("gdiff-description"),
            old.description.as_ref(),
            new.description.as_ref(),
        );
        for s in &new.sections {
            if let Some(o) = old.sections.iter().find(|o| o.id == s.id) {
                let what = Words::msg("gdiff-section-title").arg("section", s.id.clone());
                self.text(None, what, &o.title, &s.title, ChangeClass::Wording);
                let what = Words::msg("gdiff-section-guidance").arg("section", s.id.clone());
                self.optional_text(None, what, o.guidance.as_ref(), s.guidance.as_ref());
            }
        }
    }

    fn respondents(&mut self) {
        let (old, new) = (self.old, self.new);
        let src = self.source.clone();
        for r in &new.respondents {
            match old.respondent(r.id) {
                None => self.push(
                    ChangeClass::Respondents,
                    None,
                    Words::msg("gdiff-respondent-declared").arg("id", r.id.to_string()),
                    "",
                    r.label.get(&src, &src),
                ),
                Some(o) => {
                    let what = Words::msg("gdiff-respondent-label").arg("id", r.id.to_string());
                    self.text(None, what, &o.label, &r.label, ChangeClass::Respondents);
                }
            }
        }
        for o in &old.respondents {
            if new.respondent(o.id).is_none() {
                self.push(
                    ChangeClass::Respondents,
                    None,
                    Words::msg("gdiff-respondent-dropped").arg("id", o.id.to_string()),
                    o.label.get(&src, &src),
                    "",
                );
            }
        }
    }

    fn question(&mut self, o: &Question, n: &Question) {
        let id = Some(n.id.as_str());
        if o.kind != n.kind {
            // Yes/no and a single choice of the same two values would still be another
            // question to a respondent: every change of type is refused alike.
            self.push(
                ChangeClass::TypeChanged,
                id,
                Words::Text("type".into()),
                o.kind.as_str(),
                n.kind.as_str(),
            );
            return;
        }
        self.text(
            id,
            Words::msg("gdiff-text"),
            &o.text,
            &n.text,
            ChangeClass::Wording,
        );
        self.optional_text(
            id,
            Words::msg("gdiff-guidance"),
            o.guidance.as_ref(),
            n.guidance.as_ref(),
        );
        if o.applies_to != n.applies_to {
            let list = |q: &Question| {
                if q.applies_to.is_empty() {
                    Words::msg("gdiff-every-respondent")
                } else {
                    Words::Text(
                        q.applies_to
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                }
            };
            self.push_said(
                ChangeClass::Asked,
                id,
                Words::Text("applies_to".into()),
                list(o),
                list(n),
            );
        }
        if o.show_if != n.show_if {
            let show = |q: &Question| {
                q.show_if
                    .as_ref()
                    .and_then(|c| toml::Value::try_from(c).ok())
                    .map_or_else(
                        || Words::msg("gdiff-always"),
                        |v| Words::Text(v.to_string()),
                    )
            };
            self.push_said(
                ChangeClass::Asked,
                id,
                Words::Text("show_if".into()),
                show(o),
                show(n),
            );
        }
        if o.required != n.required {
            let r = |b: bool| {
                Words::msg(if b {
                    "gdiff-required"
                } else {
                    "gdiff-optional"
                })
            };
            self.push_said(
                ChangeClass::Asked,
                id,
                Words::Text("required".into()),
                r(o.required),
                r(n.required),
            );
        }
        if (o.min, o.max) != (n.min, n.max) {
            let b = |q: &Question| {
                let end = |v: Option<f64>| v.map_or_else(|| "…".to_string(), |v| v.to_string());
                Words::msg("gdiff-bounds-range")
                    .arg("min", end(q.min))
                    .arg("max", end(q.max))
            };
            let before = self.changes.len();
            self.push_said(
                ChangeClass::Bounds,
                id,
                Words::msg("gdiff-bounds"),
                b(o),
                b(n),
            );
            // A scale's points are its answers: other bounds, other answers. A number's
            // bounds only check what is typed.
            if let Some(c) = self.changes.get_mut(before) {
                c.comparable = n.kind != QuestionType::Scale;
            }
        }
        self.optional_text(
            id,
            Words::Text("min_label".into()),
            o.min_label.as_ref(),
            n.min_label.as_ref(),
        );
        self.optional_text(
            id,
            Words::Text("max_label".into()),
            o.max_label.as_ref(),
            n.max_label.as_ref(),
        );
        self.options(n, &o.options, &n.options);
    }

    fn options(&mut self, q: &Question, old: &[Choice], new: &[Choice]) {
        let id = Some(q.id.as_str());
        let src = self.source.clone();
        for c in new {
            match old.iter().find(|o| o.value == c.value) {
                None => self.push(
                    ChangeClass::OptionAdded,
                    id,
                    Words::msg("gdiff-option").arg("value", c.value.clone()),
                    "",
                    c.label.get(&src, &src),
                ),
                Some(o) => {
                    let what = Words::msg("gdiff-option").arg("value", c.value.clone());
                    self.text(
                        id,
                        what.clone(),
                        &o.label,
                        &c.label,
                        ChangeClass::Relabelled,
                    );
                    if o.other != c.other {
                        let s = |b: bool| {
                            Words::msg(if b {
                                "gdiff-asks-specify"
                            } else {
                                "gdiff-no-specify"
                            })
                        };
                        self.push_said(ChangeClass::Wording, id, what, s(o.other), s(c.other));
                    }
                }
            }
        }
        for o in old {
            if !new.iter().any(|c| c.value == o.value) {
                self.push(
                    ChangeClass::OptionRemoved,
                    id,
                    Words::msg("gdiff-option").arg("value", o.value.clone()),
                    o.label.get(&src, &src),
                    "",
                );
            }
        }
        let order = |l: &[Choice]| -> Vec<String> {
            l.iter()
                .filter(|c| old.iter().any(|o| o.value == c.value))
                .filter(|c| new.iter().any(|n| n.value == c.value))
                .map(|c| c.value.clone())
                .collect()
        };
        if order(old) != order(new) {
            self.push(
                ChangeClass::Wording,
                id,
                Words::msg("gdiff-option-order"),
                &order(old).join(", "),
                &order(new).join(", "),
            );
        }
    }
}

/// What changed from `old` to `new`: two versions of one guide (the caller checks the ids).
pub fn diff(old: &Guide, new: &Guide) -> GuideDiff {
    let mut d = Differ {
        old,
        new,
        source: new.default_language().to_string(),
        changes: Vec::new(),
    };
    d.guide_texts();
    d.respondents();
    for n in new.questions() {
        match old.question(&n.id) {
            Some(o) => d.question(o, n),
            None => d.push(
                ChangeClass::QuestionAdded,
                Some(&n.id),
                Words::Text(String::new()),
                "",
                n.text.get(&d.source.clone(), &d.source.clone()),
            ),
        }
    }
    for o in old.questions() {
        if new.question(&o.id).is_none() {
            let src = d.source.clone();
            d.push(
                ChangeClass::QuestionRemoved,
                Some(&o.id),
                Words::Text(String::new()),
                o.text.get(&src, &src),
                "",
            );
        }
    }
    GuideDiff {
        id: new.id.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        changes: d.changes,
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
