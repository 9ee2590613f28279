//! A guide as an XLSForm: the survey, choices and settings sheets, one label, hint and
//! guidance-hint column per language. Built as plain tables first (what the tests read),
//! then written as a workbook. `docs/xlsform.md` lists the conventions.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::language::language_column;
use super::xpath::{name_of, relevant};
use super::{NON_ANSWERS, STRUCTURE_QUESTION, YES_NO_LIST};
use crate::guide::{Guide, Question, QuestionType, Respondent, Text};

/// The three sheets, each a header row and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsForm {
    pub survey: Vec<Vec<String>>,
    pub choices: Vec<Vec<String>>,
    pub settings: Vec<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: cannot write the XLSForm: {message}")]
    Write { path: String, message: String },
    /// The file itself could not be written (a missing folder, no room, no permission).
    #[error("{path}: cannot write the XLSForm: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// `message` is the spreadsheet writer's own words; the system's are named as every
/// io::Error is.
impl crate::i18n::Reason for ExportError {
    fn words(&self) -> crate::i18n::Words {
        match self {
            ExportError::Write { path, message } => crate::i18n::Words::msg("why-xlsform-write")
                .arg("path", path.clone())
                .arg("error", message.clone()),
            ExportError::Io { path, source } => crate::i18n::Words::msg("why-xlsform-write")
                .arg("path", path.clone())
                .with("error", source.said()),
        }
    }
}

/// One survey row, by column name.
#[derive(Default)]
struct Row {
    kind: String,
    name: String,
    label: Option<Text>,
    hint: Option<Text>,
    guidance: Option<Text>,
    required: bool,
    relevant: String,
    constraint: String,
    constraint_message: Option<Text>,
    appearance: String,
    parameters: String,
    hxl: String,
    choice_filter: String,
}

/// Texts the form needs that a guide does not hold, in the languages stocktake knows;
/// any other language gets the English.
fn fixed(en: &str, fr: &str, langs: &[String]) -> Text {
    Text(
        langs
            .iter()
            .map(|l| (l.clone(), if l == "fr" { fr } else { en }.to_string()))
            .collect(),
    )
}

pub fn export(guide: &Guide) -> XlsForm {
    let langs = &guide.languages;
    let lang = guide.default_language();
    let mut rows: Vec<Row> = Vec::new();
    let mut choices: Vec<(String, String, Text)> = Vec::new();
    let kind_of = |id: &str| guide.question(id).map(|q| q.kind);

    if let Some(d) = &guide.description {
        rows.push(Row {
            kind: "note".into(),
            name: "_description".into(),
            label: Some(d.clone()),
            ..Row::default()
        });
    }
    // Which structure is interviewed, when a question is asked of some only (the form has
    // no call screen to say it), or when the guide declares respondent types of its own.
    let own_types = !Respondent::are_defaults(&guide.respondents);
    if own_types || guide.questions().any(|q| !q.applies_to.is_empty()) {
        let label = if own_types {
            fixed("Who is interviewed?", "Qui est interrogé ?", langs)
        } else {
            fixed(
                "Which structure is interviewed?",
                "Quelle structure est interrogée ?",
                langs,
            )
        };
        rows.push(Row {
            kind: format!("select_one {STRUCTURE_QUESTION}"),
            name: STRUCTURE_QUESTION.into(),
            label: Some(label),
            required: true,
            ..Row::default()
        });
        for r in &guide.respondents {
            let label = Text(
                langs
                    .iter()
                    .map(|l| (l.clone(), r.label.get(l, lang).to_string()))
                    .collect(),
            );
            choices.push((STRUCTURE_QUESTION.into(), r.id.as_str().into(), label));
        }
    }
    let mut yes_no_written = false;
    for section in &guide.sections {
        rows.push(Row {
            kind: "begin_group".into(),
            name: name_of(&section.id),
            label: Some(section.title.clone()),
            ..Row::default()
        });
        if let Some(g) = &section.guidance {
            rows.push(Row {
                kind: "note".into(),
                name: format!("_guidance_{}", section.id),
                label: Some(g.clone()),
                ..Row::default()
            });
        }
        for q in &section.questions {
            let name = name_of(&q.id);
            let mut relevance = Vec::new();
            if !q.applies_to.is_empty() {
                relevance.push(
                    q.applies_to
                        .iter()
                        .map(|s| format!("selected(${{{STRUCTURE_QUESTION}}}, '{}')", s.as_str()))
                        .collect::<Vec<_>>()
                        .join(" or "),
                );
            }
            if let Some(c) = &q.show_if {
                relevance.push(relevant(c, &kind_of));
            }
            let relevant = match relevance.len() {
                1 => relevance.remove(0),
                _ => relevance
                    .iter()
                    .map(|r| format!("({r})"))
                    .collect::<Vec<_>>()
                    .join(" and "),
            };
            let mut row = Row {
                hxl: q.hxl.clone().unwrap_or_default(),
                name: name.clone(),
                label: Some(q.text.clone()),
                guidance: q.guidance.clone(),
                required: q.required,
                relevant,
                ..Row::default()
            };
            match q.kind {
                QuestionType::Single | QuestionType::Multi => {
                    let verb = if q.kind == QuestionType::Single {
                        "select_one"
                    } else {
                        "select_multiple"
                    };
                    row.kind = format!("{verb} {name}");
                    for o in &q.options {
                        choices.push((name.clone(), o.value.clone(), o.label.clone()));
                    }
                    non_answers(&mut choices, &name, langs);
                    if q.kind == QuestionType::Multi {
                        let (c, m) = exclusive(q, langs);
                        row.constraint = c;
                        row.constraint_message = m;
                    }
                    // Only what was ticked there, and always the non-answers (`_…`).
                    if let Some(from) = &q.options_from {
                        row.choice_filter = format!(
                            "selected(${{{}}}, name) or starts-with(name, '_')",
                            name_of(from)
                        );
                    }
                }
                QuestionType::YesNo => {
                    row.kind = format!("select_one {YES_NO_LIST}");
                    if !yes_no_written {
                        choices.push((
                            YES_NO_LIST.into(),
                            "yes".into(),
                            fixed("Yes", "Oui", langs),
                        ));
                        choices.push((YES_NO_LIST.into(), "no".into(), fixed("No", "Non", langs)));
                        non_answers(&mut choices, YES_NO_LIST, langs);
                        yes_no_written = true;
                    }
                }
                QuestionType::Text => row.kind = "text".into(),
                QuestionType::LongText => {
                    row.kind = "text".into();
                    row.appearance = "multiline".into();
                }
                QuestionType::Number => {
                    row.kind = "decimal".into();
                    let (c, m) = bounds(q, langs);
                    row.constraint = c;
                    row.constraint_message = m;
                }
                QuestionType::Date => row.kind = "date".into(),
                QuestionType::Scale => {
                    row.kind = "range".into();
                    row.parameters = format!(
                        "start={} end={} step=1",
                        number(q.min.unwrap_or(1.0)),
                        number(q.max.unwrap_or(5.0))
                    );
                    row.hint = scale_hint(q, langs);
                }
            }
            rows.push(row);
            let others: Vec<&str> = q
                .options
                .iter()
                .filter(|o| o.other)
                .map(|o| o.value.as_str())
                .collect();
            if !others.is_empty() {
                // `<name>_other`, the usual name of a specify field, unless the guide has
                // a question of that id; then one that no guide id gives (`__`).
                let specify = if guide.question(&format!("{}_other", q.id)).is_some() {
                    format!("__{}_other", q.id)
                } else {
                    format!("{name}_other")
                };
                rows.push(Row {
                    kind: "text".into(),
                    name: specify,
                    label: Some(fixed("Please specify", "Veuillez préciser", langs)),
                    relevant: others
                        .iter()
                        .map(|v| format!("selected(${{{name}}}, '{v}')"))
                        .collect::<Vec<_>>()
                        .join(" or "),
                    ..Row::default()
                });
            }
        }
        rows.push(Row {
            kind: "end_group".into(),
            ..Row::default()
        });
    }
    XlsForm {
        survey: survey_table(
            &rows,
            langs,
            guide.questions().any(|q| q.hxl.is_some()),
            guide.questions().any(|q| q.options_from.is_some()),
        ),
        choices: choices_table(&choices, langs),
        settings: vec![
            vec![
                "form_title".into(),
                "form_id".into(),
                "version".into(),
                "default_language".into(),
            ],
            vec![
                guide.title.get(lang, lang).to_string(),
                guide.id.clone(),
                guide.version.clone(),
                language_column(lang),
            ],
        ],
    }
}

fn non_answers(choices: &mut Vec<(String, String, Text)>, list: &str, langs: &[String]) {
    for (v, en, fr) in NON_ANSWERS {
        choices.push((list.into(), v.into(), fixed(en, fr, langs)));
    }
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A number's bounds as a constraint, and the message the form shows when one is broken.
fn bounds(q: &Question, langs: &[String]) -> (String, Option<Text>) {
    match (q.min, q.max) {
        (Some(lo), Some(hi)) => (
            format!(". >= {} and . <= {}", number(lo), number(hi)),
            Some(fixed(
                &format!("From {} to {}", number(lo), number(hi)),
                &format!("De {} à {}", number(lo), number(hi)),
                langs,
            )),
        ),
        (Some(lo), None) => (
            format!(". >= {}", number(lo)),
            Some(fixed(
                &format!("At least {}", number(lo)),
                &format!("Au moins {}", number(lo)),
                langs,
            )),
        ),
        (None, Some(hi)) => (
            format!(". <= {}", number(hi)),
            Some(fixed(
                &format!("At most {}", number(hi)),
                &format!("Au plus {}", number(hi)),
                langs,
            )),
        ),
        (None, None) => (String::new(), None),
    }
}

/// The options of a multi choice that exclude the others (`exclusive = true`) as a
/// constraint, one clause each, and the message the form shows when one is broken. The
/// import reads this shape back.
fn exclusive(q: &Question, langs: &[String]) -> (String, Option<Text>) {
    let ex: Vec<&crate::guide::Choice> = q.options.iter().filter(|o| o.exclusive).collect();
    let clause = |v: &str| format!("not(selected(., '{v}')) or count-selected(.) = 1");
    let constraint = match ex.as_slice() {
        [] => return (String::new(), None),
        [one] => clause(&one.value),
        many => many
            .iter()
            .map(|o| format!("({})", clause(&o.value)))
            .collect::<Vec<_>>()
            .join(" and "),
    };
    let dl = langs.first().map_or("en", String::as_str);
    let message = Text(
        langs
            .iter()
            .map(|l| {
                let names: Vec<String> = ex
                    .iter()
                    .map(|o| format!("“{}”", o.label.get(l, dl)))
                    .collect();
                let names = names.join(", ");
                let text = if l == "fr" {
                    format!("{names} exclut les autres réponses")
                } else {
                    format!("{names}: no other answer may be ticked with it")
                };
                (l.clone(), text)
            })
            .collect(),
    );
    (constraint, Some(message))
}

/// The ends of a scale, as its hint: `1: Very rare … 5: Very common`. The import reads
/// this shape back on a `range`.
fn scale_hint(q: &Question, langs: &[String]) -> Option<Text> {
    if q.min_label.is_none() && q.max_label.is_none() {
        return None;
    }
    let mut t = Text::default();
    for l in langs {
        let end = |label: &Option<Text>, n: Option<f64>| {
            label.as_ref().and_then(|x| {
                x.0.get(l)
                    .map(|s| format!("{}: {s}", number(n.unwrap_or_default())))
            })
        };
        let parts: Vec<String> = [end(&q.min_label, q.min), end(&q.max_label, q.max)]
            .into_iter()
            .flatten()
            .collect();
        if !parts.is_empty() {
            t.0.insert(l.clone(), parts.join(" … "));
        }
    }
    Some(t)
}

fn texts(t: &Option<Text>, langs: &[String]) -> Vec<String> {
    langs
        .iter()
        .map(|l| {
            t.as_ref()
                .and_then(|t| t.0.get(l).cloned())
                .unwrap_or_default()
        })
        .collect()
}

fn survey_table(rows: &[Row], langs: &[String], hxl: bool, filter: bool) -> Vec<Vec<String>> {
    let per_lang = |col: &str| -> Vec<String> {
        langs
            .iter()
            .map(|l| format!("{col}::{}", language_column(l)))
            .collect()
    };
    let mut header = vec!["type".to_string(), "name".to_string()];
    header.extend(per_lang("label"));
    header.extend(per_lang("hint"));
    header.extend(per_lang("guidance_hint"));
    header.extend(["required", "relevant", "constraint"].map(String::from));
    header.extend(per_lang("constraint_message"));
    header.extend(["appearance", "parameters"].map(String::from));
    // Kobo's own column for HXL hashtags; pyxform leaves it to Kobo.
    if hxl {
        header.push("hxl".into());
    }
    if filter {
        header.push("choice_filter".into());
    }
    let mut out = vec![header];
    for r in rows {
        let mut line = vec![r.kind.clone(), r.name.clone()];
        line.extend(texts(&r.label, langs));
        line.extend(texts(&r.hint, langs));
        line.extend(texts(&r.guidance, langs));
        line.push(if r.required { "yes" } else { "" }.into());
        line.push(r.relevant.clone());
        line.push(r.constraint.clone());
        line.extend(texts(&r.constraint_message, langs));
        line.push(r.appearance.clone());
        line.push(r.parameters.clone());
        if hxl {
            line.push(r.hxl.clone());
        }
        if filter {
            line.push(r.choice_filter.clone());
        }
        out.push(line);
    }
    out
}

fn choices_table(choices: &[(String, String, Text)], langs: &[String]) -> Vec<Vec<String>> {
    let mut header = vec!["list_name".to_string(), "name".to_string()];
    header.extend(
        langs
            .iter()
            .map(|l| format!("label::{}", language_column(l))),
    );
    let mut out = vec![header];
    for (list, name, label) in choices {
        let mut line = vec![list.clone(), name.clone()];
        line.extend(texts(&Some(label.clone()), langs));
        out.push(line);
    }
    out
}

/// Write the form as an `.xlsx` workbook, whole or not at all.
pub fn write_xlsform(form: &XlsForm, path: &Path) -> Result<(), ExportError> {
    let err = |message: String| ExportError::Write {
        path: path.display().to_string(),
        message,
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, table) in [
        ("survey", &form.survey),
        ("choices", &form.choices),
        ("settings", &form.settings),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(|e| err(e.to_string()))?;
        for (r, row) in table.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if value.is_empty() {
                    continue;
                }
                let (r, c) = (r as u32, c as u16);
                let written = if r == 0 {
                    sheet.write_string_with_format(r, c, value, &bold)
                } else {
                    sheet.write_string(r, c, value)
                };
                written.map_err(|e| err(e.to_string()))?;
            }
        }
        sheet
            .set_freeze_panes(1, 0)
            .map_err(|e| err(e.to_string()))?;
    }
    let bytes = book.save_to_buffer().map_err(|e| err(e.to_string()))?;
    let how = crate::fs::NewFile {
        mode: 0o644,
        existing: crate::fs::Existing::Replace,
        temp_prefix: ".stocktake-",
    };
    crate::fs::write_bytes(path, &how, &bytes).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}
