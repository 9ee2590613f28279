//! What each column of the wide table holds, once, for everything that describes it to
//! an analyst's tool: the Frictionless datapackage, the Stata and SPSS syntax files and
//! docs/exports.md. The order is `tables::wide_rows`'s own.

use super::model::GuideSection;
use super::tables::META;
use crate::guide::{QuestionType, Structure};

/// The markers the wide table writes in place of an answer. The first three are the
/// interview's non-answers; Stata reads them as `.a` `.b` `.c`, SPSS as user-missing.
pub const MARKERS: [(&str, &str); 5] = [
    ("[dont_know]", "Don't know"),
    ("[declined]", "Declined"),
    ("[not_asked]", "Not asked"),
    (
        "[hidden]",
        "Not asked of this session (skip logic or structure)",
    ),
    ("[sensitive]", "Marked sensitive, left out of the report"),
];

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    Integer,
    Number,
    Date,
    DateTime,
    /// A closed answer: (value, label) in the guide's order; coded 1, 2, … by position.
    Choice(Vec<(String, String)>),
    /// One option of a multi choice: 1 ticked, 0 not.
    Flag,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    /// The question's text (and the option's label for a multi's column).
    pub title: String,
    pub kind: Kind,
    /// The guide's HXL hashtag for it, if any.
    pub hxl: Option<String>,
}

/// The `structure` column's codes and their labels: the guide's respondent types, then
/// any id a session carries that the guide does not declare (reported under the id).
pub fn respondent_codes(s: &GuideSection) -> Vec<(String, String)> {
    let lang = s.guide.default_language();
    let mut codes: Vec<(String, String)> = s
        .guide
        .respondents
        .iter()
        .map(|r| (r.id.as_str().to_string(), r.name(lang, lang).to_string()))
        .collect();
    let mut undeclared: Vec<Structure> = s
        .sessions
        .iter()
        .map(|r| r.structure)
        .filter(|id| s.guide.respondent(*id).is_none())
        .collect();
    undeclared.sort();
    undeclared.dedup();
    codes.extend(
        undeclared
            .into_iter()
            .map(|id| (id.as_str().to_string(), id.as_str().to_string())),
    );
    codes
}

pub fn wide_columns(s: &GuideSection) -> Vec<Column> {
    let lang = s.guide.default_language();
    let meta = |name: &str| -> Column {
        let (title, kind) = match name {
            "session_id" => ("The session (one structure on one call)", Kind::Text),
            "revision" => ("Revision of the session", Kind::Integer),
            "response" => ("Country or humanitarian response", Kind::Text),
            "structure" => ("Structure interviewed", Kind::Choice(respondent_codes(s))),
            "structure_label" => ("Name of an other structure", Kind::Text),
            "interviewer" => ("Interviewer", Kind::Text),
            "guide_version" => ("Guide version", Kind::Text),
            "completed_at" => ("Completed at (UTC)", Kind::DateTime),
            _ => (
                "Consent to notes being taken",
                Kind::Choice(vec![
                    ("yes".into(), "Yes".into()),
                    ("no".into(), "No".into()),
                ]),
            ),
        };
        let hxl = match name {
            "response" => Some("#country+name"),
            "structure" => Some("#org+type+code"),
            "structure_label" => Some("#org+name"),
            "completed_at" => Some("#date+completed"),
            "session_id" => Some("#meta+id"),
            _ => None,
        };
        Column {
            name: name.to_string(),
            title: title.to_string(),
            kind,
            hxl: hxl.map(String::from),
        }
    };
    let mut out: Vec<Column> = META.iter().map(|m| meta(m)).collect();
    for q in s.guide.questions() {
        let title = q.text.get(lang, lang).to_string();
        let tag = q.hxl.clone();
        match q.kind {
            QuestionType::Multi => {
                for o in &q.options {
                    out.push(Column {
                        name: format!("{}.{}", q.id, o.value),
                        title: format!("{title}: {}", o.label.get(lang, lang)),
                        kind: Kind::Flag,
                        hxl: tag
                            .as_ref()
                            .map(|t| format!("{t}+{}", o.value.replace('-', "_"))),
                    });
                }
                if q.options.iter().any(|o| o.other) {
                    out.push(Column {
                        name: format!("{}.other_text", q.id),
                        title: format!("{title}: other, specified"),
                        kind: Kind::Text,
                        hxl: tag.as_ref().map(|t| format!("{t}+other")),
                    });
                }
            }
            k => out.push(Column {
                name: super::tables::wide_question_column(&q.id).into_owned(),
                title,
                kind: match k {
                    QuestionType::Single => Kind::Choice(
                        q.options
                            .iter()
                            .map(|o| (o.value.clone(), o.label.get(lang, lang).to_string()))
                            .collect(),
                    ),
                    QuestionType::YesNo => Kind::Choice(vec![
                        ("yes".into(), "Yes".into()),
                        ("no".into(), "No".into()),
                    ]),
                    QuestionType::Number => Kind::Number,
                    QuestionType::Scale => Kind::Integer,
                    QuestionType::Date => Kind::Date,
                    _ => Kind::Text,
                },
                hxl: tag,
            }),
        }
    }
    out
}

/// Variable names for a statistics package: letters, digits and `_` only, starting with
/// a letter, at most `max` bytes, each different (a clash takes `_2`, `_3`, …).
pub fn variable_names(columns: &[Column], max: usize) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    for c in columns {
        let mut base: String = c
            .name
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
            .collect();
        if !base.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
            base = format!("q{base}");
        }
        base.truncate(max);
        let mut name = base.clone();
        let mut k = 2;
        while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
            let tail = format!("_{k}");
            let mut b = base.clone();
            b.truncate(max - tail.len());
            name = format!("{b}{tail}");
            k += 1;
        }
        used.push(name);
    }
    used
}
