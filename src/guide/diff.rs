//! What changed between two versions of a guide, each change classified by what it means
//! for pooling their answers: wording only, an option relabelled (a meaning change), an
//! option or question added or removed, an id reused with another type (refused), a
//! translation older than its source text. The report pools a question's answers across
//! two versions only where this says they compare.

use serde::Serialize;

use super::model::{Choice, Guide, Question, QuestionType, Text};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub class: ChangeClass,
    /// The question it is in; `None` for the guide's own texts and respondent types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What changed: "text", "option `wg`", "title of section `s`", "fr text".
    pub what: String,
    /// Before and after, as text (empty where there is none: an added question has no
    /// before).
    pub old: String,
    pub new: String,
    /// Can the question's answers of the two versions be counted together?
    pub comparable: bool,
}

/// Every change from `old` to `new`, in guide order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    fn push(
        &mut self,
        class: ChangeClass,
        question: Option<&str>,
        what: String,
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
            what,
            old: old.to_string(),
            new: new.to_string(),
            comparable,
        });
    }

    /// A text's changes: the source's (as `class` when its gist changed, else wording),
    /// a translation's, and each translation left as it was while its source changed.
    fn text(
        &mut self,
        question: Option<&str>,
        what: &str,
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
            self.push(c, question, what.to_string(), o, n);
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
                    format!("{lang} {what}: {lang} may be stale ({src} changed, {lang} did not)"),
                    a,
                    b,
                ),
                (Some(a), Some(b)) if a != b => self.push(
                    ChangeClass::Wording,
                    question,
                    format!("{lang} {what}"),
                    a,
                    b,
                ),
                (None, Some(b)) => self.push(
                    ChangeClass::Wording,
                    question,
                    format!("{lang} {what}"),
                    "",
                    b,
                ),
                (Some(a), None) => self.push(
                    ChangeClass::Wording,
                    question,
                    format!("{lang} {what}"),
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
        what: &str,
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
        self.text(None, "title", &old.title, &new.title, ChangeClass::Wording);
        self.optional_text(
            None,
            "description",
            old.description.as_ref(),
            new.description.as_ref(),
        );
        for s in &new.sections {
            if let Some(o) = old.sections.iter().find(|o| o.id == s.id) {
                let what = format!("title of section `{}`", s.id);
                self.text(None, &what, &o.title, &s.title, ChangeClass::Wording);
                let what = format!("guidance of section `{}`", s.id);
                self.optional_text(None, &what, o.guidance.as_ref(), s.guidance.as_ref());
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
                    format!("respondent type `{}` declared", r.id),
                    "",
                    r.label.get(&src, &src),
                ),
                Some(o) => {
                    let what = format!("label of respondent type `{}`", r.id);
                    self.text(None, &what, &o.label, &r.label, ChangeClass::Respondents);
                }
            }
        }
        for o in &old.respondents {
            if new.respondent(o.id).is_none() {
                self.push(
                    ChangeClass::Respondents,
                    None,
                    format!("respondent type `{}` no longer declared", o.id),
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
                "type".into(),
                o.kind.as_str(),
                n.kind.as_str(),
            );
            return;
        }
        self.text(id, "text", &o.text, &n.text, ChangeClass::Wording);
        self.optional_text(id, "guidance", o.guidance.as_ref(), n.guidance.as_ref());
        if o.applies_to != n.applies_to {
            let list = |q: &Question| {
                if q.applies_to.is_empty() {
                    "every respondent type".to_string()
                } else {
                    q.applies_to
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            self.push(
                ChangeClass::Asked,
                id,
                "applies_to".into(),
                &list(o),
                &list(n),
            );
        }
        if o.show_if != n.show_if {
            let show = |q: &Question| {
                q.show_if
                    .as_ref()
                    .and_then(|c| toml::Value::try_from(c).ok())
                    .map_or_else(|| "always".to_string(), |v| v.to_string())
            };
            self.push(ChangeClass::Asked, id, "show_if".into(), &show(o), &show(n));
        }
        if o.required != n.required {
            let r = |b: bool| if b { "required" } else { "optional" };
            self.push(
                ChangeClass::Asked,
                id,
                "required".into(),
                r(o.required),
                r(n.required),
            );
        }
        if (o.min, o.max) != (n.min, n.max) {
            let b = |q: &Question| {
                let end = |v: Option<f64>| v.map_or_else(|| "…".to_string(), |v| v.to_string());
                format!("{} to {}", end(q.min), end(q.max))
            };
            let before = self.changes.len();
            self.push(ChangeClass::Bounds, id, "bounds".into(), &b(o), &b(n));
            // A scale's points are its answers: other bounds, other answers. A number's
            // bounds only check what is typed.
            if let Some(c) = self.changes.get_mut(before) {
                c.comparable = n.kind != QuestionType::Scale;
            }
        }
        self.optional_text(id, "min_label", o.min_label.as_ref(), n.min_label.as_ref());
        self.optional_text(id, "max_label", o.max_label.as_ref(), n.max_label.as_ref());
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
                    format!("option `{}`", c.value),
                    "",
                    c.label.get(&src, &src),
                ),
                Some(o) => {
                    let what = format!("option `{}`", c.value);
                    self.text(id, &what, &o.label, &c.label, ChangeClass::Relabelled);
                    if o.other != c.other {
                        let s = |b: bool| if b { "asks to specify" } else { "no specify" };
                        self.push(ChangeClass::Wording, id, what, s(o.other), s(c.other));
                    }
                }
            }
        }
        for o in old {
            if !new.iter().any(|c| c.value == o.value) {
                self.push(
                    ChangeClass::OptionRemoved,
                    id,
                    format!("option `{}`", o.value),
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
                "order of the options".into(),
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
                String::new(),
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
                String::new(),
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
