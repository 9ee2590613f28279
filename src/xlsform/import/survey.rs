//! The survey sheet, row by row: groups as sections, notes as guidance, questions with
//! their lists, logic and bounds, specify fields as `other` marks.
//!
//! Past 600 lines as one pass: the rows share the open group stack, the names seen and
//! the problems found, and a row's meaning depends on those before it (a `_other` text
//! row marks the choice above it). Split it by row kind (group, question, specify) with
//! that state as one struct the day it grows again; the values and columns it reads are
//! already in `values.rs` and `columns.rs`.

use std::collections::HashMap;

use super::super::sheet::{Book, Problems};
use super::super::xpath::{Named, read_relevant};
use super::super::{NON_ANSWERS, STRUCTURE_QUESTION};
use super::values::{
    bounds, choice_filter_source, exclusive_values, join_texts, scale_ends, take_structures,
};
use super::{Imported, Importer, MAX_OPTIONS, METADATA, UNCARRIED, cell, id_for};
use crate::guide::{
    Choice, Condition, ConsentRule, Guide, Question, QuestionType, Respondent, Section, Structure,
    SyncSettings, Test, Text, is_hxl_tag, parse_guide,
};
use crate::i18n::Words;

impl Importer {
    pub(super) fn run(&mut self, book: &Book, stem: &str) -> Result<Imported, Problems> {
        let mut problems = Vec::new();
        let s = &book.survey;
        let plain = self.survey.plain.clone();
        let col = |name: &str| plain.get(name).copied();
        let (type_col, name_col) = (col("type"), col("name"));
        if type_col.is_none() || name_col.is_none() {
            return Err(vec![
                Words::msg("xlsform-bad-survey-columns")
                    .arg("file", self.file.clone())
                    .arg("sheet", s.name.clone())
                    .arg("row", s.header_row.to_string()),
            ]);
        }
        let setting = |key: &str| {
            book.settings.as_ref().and_then(|st| {
                let c = st.column(key)?;
                st.rows
                    .first()
                    .map(|(_, r)| cell(r, Some(c)).to_string())
                    .filter(|v| !v.is_empty())
            })
        };
        let default = self.langs[0].clone();
        let mut sections: Vec<Section> = Vec::new();
        let mut description: Option<Text> = None;
        // Open groups: (name, label, relevant condition of the group).
        let mut groups: Vec<(String, Option<Text>, Option<Condition>, usize)> = Vec::new();
        let mut current: Option<Section> = None;
        let mut pending_note: Vec<Text> = Vec::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        // Questions so far, by XLSForm name, for `relevant`.
        let mut known: HashMap<String, Named> = HashMap::new();
        let mut structures: Option<Vec<(String, Text)>> = None;
        let mut last_select: Option<String> = None;
        let start_section = |sections: &mut Vec<Section>,
                             current: &mut Option<Section>,
                             id: String,
                             title: Text| {
            if let Some(c) = current.take()
                && !c.questions.is_empty()
            {
                sections.push(c);
            }
            let mut id = id;
            let mut k = 2;
            while sections.iter().any(|x| x.id == id) {
                id = format!(
                    "{}_{k}",
                    id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
                );
                k += 1;
            }
            *current = Some(Section {
                id,
                title,
                guidance: None,
                questions: Vec::new(),
            });
        };
        for (n, row) in &s.rows {
            let n = *n;
            let raw_type = cell(row, type_col)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let name = cell(row, name_col).to_string();
            let kind = raw_type.to_ascii_lowercase();
            let (verb, rest) = kind
                .split_once(' ')
                .map_or((kind.as_str(), ""), |(a, b)| (a, b));
            if kind.is_empty() {
                if !name.is_empty() {
                    problems.push(self.at(n, "xlsform-bad-no-type").arg("name", name.clone()));
                }
                continue;
            }
            let verb = match verb {
                "begin" | "end" => match rest {
                    "group" => {
                        if verb == "begin" {
                            "begin_group"
                        } else {
                            "end_group"
                        }
                    }
                    "repeat" => {
                        if verb == "begin" {
                            "begin_repeat"
                        } else {
                            "end_repeat"
                        }
                    }
                    _ => verb,
                },
                v => v,
            };
            if matches!(verb, "end_group" | "end_repeat") {
                if groups.pop().is_none() {
                    problems.push(
                        self.at(n, "xlsform-bad-no-group")
                            .arg("type", raw_type.clone()),
                    );
                }
                // Notes after a group's last question belong to that question.
                if let Some(q) = current.as_mut().and_then(|c| c.questions.last_mut()) {
                    for note in pending_note.drain(..) {
                        q.guidance = Some(join_texts(q.guidance.take(), note));
                    }
                }
                if groups.is_empty() {
                    if let Some(c) = current.take()
                        && !c.questions.is_empty()
                    {
                        sections.push(c);
                    }
                    continue;
                }
                let title = groups.last().and_then(|g| g.1.clone());
                if let (Some((gname, _, _, _)), Some(title)) = (groups.last(), title) {
                    let id = id_for(gname).unwrap_or_else(|| "section".into());
                    start_section(&mut sections, &mut current, id, title);
                }
                continue;
            }
            if METADATA.contains(&verb) {
                self.notes.push(
                    Words::msg("xlsform-note-metadata")
                        .arg("file", self.file.clone())
                        .arg("row", n.to_string())
                        .arg("type", verb.to_string())
                        .arg("name", name.clone()),
                );
                continue;
            }
            if name.is_empty() {
                problems.push(
                    self.at(n, "xlsform-bad-no-name")
                        .arg("type", raw_type.clone()),
                );
                continue;
            }
            if let Some(prev) = names.insert(name.clone(), n) {
                problems.push(
                    self.at(n, "xlsform-bad-name-twice")
                        .arg("name", name.clone())
                        .arg("first", prev.to_string()),
                );
                continue;
            }
            let label = self.text(&self.survey, "label", row);
            let relevant = cell(row, col("relevant")).to_string();
            let lookup = |q: &str| known.get(q).cloned();
            let condition = if relevant.is_empty() {
                None
            } else {
                match read_relevant(&relevant, &lookup) {
                    Ok(c) => Some(c),
                    Err(why) => {
                        self.lose(
                            n,
                            Words::msg("xlsform-lost-relevant")
                                .arg("name", name.clone())
                                .arg("relevant", relevant.clone())
                                .with("why", crate::i18n::Reason::said(&why)),
                        );
                        None
                    }
                }
            };
            // A filter of the export's shape is the guide's options_from.
            let options_from = Some(cell(row, col("choice_filter")))
                .filter(|f| matches!(verb, "select_one" | "select_multiple") && !f.is_empty())
                .and_then(choice_filter_source)
                .and_then(|q| known.get(&q))
                .filter(|n| n.kind == QuestionType::Multi)
                .map(|n| n.id.clone());
            for (c, what) in UNCARRIED {
                if verb == "calculate" && *c == "calculation" {
                    continue;
                }
                if *c == "choice_filter" && options_from.is_some() {
                    continue;
                }
                let v = cell(row, col(c));
                let translated = self.langs.iter().any(|l| {
                    !cell(
                        row,
                        self.survey.texts.get(&(c.to_string(), l.clone())).copied(),
                    )
                    .is_empty()
                });
                if !v.is_empty() || translated {
                    let v = if v.is_empty() {
                        String::new()
                    } else {
                        format!(" (`{v}`)")
                    };
                    self.lose(
                        n,
                        Words::msg("xlsform-lost-column")
                            .with("what", Words::msg(what))
                            .arg("value", v)
                            .arg("name", name.clone()),
                    );
                }
            }
            if matches!(verb, "begin_group" | "begin_repeat") {
                if verb == "begin_repeat" {
                    self.lose(
                        n,
                        Words::msg("xlsform-lost-repeat").arg("name", name.clone()),
                    );
                }
                let title = label.unwrap_or_else(|| Text::new(&default, name.clone()));
                let parent = groups.last().and_then(|g| g.2.clone());
                let cond = match (parent, condition) {
                    (Some(a), Some(b)) => Some(Condition::All { all: vec![a, b] }),
                    (a, b) => a.or(b),
                };
                groups.push((name.clone(), Some(title.clone()), cond, n));
                let id = id_for(&name).unwrap_or_else(|| "section".into());
                start_section(&mut sections, &mut current, id, title);
                continue;
            }
            if verb == "note" {
                let Some(t) = label else { continue };
                if name == "_description" && current.is_none() {
                    description = Some(t);
                } else {
                    match current.as_mut() {
                        Some(c) if c.questions.is_empty() => {
                            c.guidance = Some(join_texts(c.guidance.take(), t))
                        }
                        _ => pending_note.push(t),
                    }
                }
                continue;
            }
            // A question from here on.
            if name == STRUCTURE_QUESTION && verb == "select_one" {
                let list = rest.split_whitespace().next().unwrap_or("");
                let listed: Vec<(String, Text)> = self
                    .lists
                    .get(list)
                    .map(|l| l.iter().map(|c| (c.1.clone(), c.2.clone())).collect())
                    .unwrap_or_default();
                let values: Vec<String> = listed.iter().map(|(v, _)| v.clone()).collect();
                if !values.is_empty() && values.iter().all(|v| Structure::parse(v).is_some()) {
                    known.insert(
                        name.clone(),
                        Named {
                            id: name.clone(),
                            kind: QuestionType::Single,
                            values: values.clone(),
                        },
                    );
                    structures = Some(listed);
                    continue;
                }
            }
            const TYPES: &[&str] = &[
                "select_one",
                "select_multiple",
                "text",
                "integer",
                "decimal",
                "date",
                "range",
            ];
            if verb == "calculate" {
                let calc = cell(row, col("calculation"));
                self.lose(
                    n,
                    Words::msg("xlsform-lost-calculate")
                        .arg("name", name.clone())
                        .arg("calc", calc.to_string()),
                );
                continue;
            }
            if !TYPES.contains(&verb) {
                self.lose(
                    n,
                    Words::msg("xlsform-lost-type")
                        .arg("type", verb.to_string())
                        .arg("name", name.clone()),
                );
                continue;
            }
            let Some(text) = label else {
                problems.push(self.at(n, "xlsform-bad-no-label").arg("name", name.clone()));
                continue;
            };
            let Some(id) = id_for(&name) else {
                problems.push(self.at(n, "xlsform-bad-name-id").arg("name", name.clone()));
                continue;
            };
            if id != name && id != name.trim_start_matches('_') {
                self.notes.push(
                    Words::msg("xlsform-note-renamed")
                        .arg("file", self.file.clone())
                        .arg("row", n.to_string())
                        .arg("name", name.clone())
                        .arg("id", id.clone()),
                );
            }
            if let Some(prev) = ids.insert(id.clone(), n) {
                problems.push(
                    self.at(n, "xlsform-bad-id-twice")
                        .arg("name", name.clone())
                        .arg("id", id.clone())
                        .arg("first", prev.to_string()),
                );
                continue;
            }
            let q_kind;
            let mut options = Vec::new();
            let (mut min, mut max) = (None, None);
            let (mut min_label, mut max_label) = (None, None);
            match verb {
                "select_one" | "select_multiple" => {
                    let mut words = rest.split_whitespace();
                    let list = words.next().unwrap_or("");
                    let or_other = words.next() == Some("or_other");
                    if list.is_empty() {
                        problems.push(
                            self.at(n, "xlsform-bad-no-list")
                                .arg("type", raw_type.clone()),
                        );
                        continue;
                    }
                    let Some(choices) = self.lists.get(list) else {
                        problems.push(
                            self.at(n, "xlsform-bad-list-missing")
                                .arg("type", raw_type.clone())
                                .arg("list", list.to_string()),
                        );
                        continue;
                    };
                    let real: Vec<&(usize, String, Text)> = choices
                        .iter()
                        .filter(|c| !NON_ANSWERS.iter().any(|x| x.0 == c.1))
                        .collect();
                    if real.len() > MAX_OPTIONS {
                        problems.push(
                            Words::msg("xlsform-bad-list-long")
                                .arg("file", self.file.clone())
                                .arg("row", real[MAX_OPTIONS].0.to_string())
                                .arg("list", list.to_string())
                                .arg("count", real.len().to_string())
                                .arg("max", MAX_OPTIONS.to_string()),
                        );
                        continue;
                    }
                    let mut seen: HashMap<String, usize> = HashMap::new();
                    for (row, value, label) in real {
                        let Some(v) = id_for(value) else {
                            problems.push(
                                Words::msg("xlsform-bad-choice-value")
                                    .arg("file", self.file.clone())
                                    .arg("row", row.to_string())
                                    .arg("value", value.clone()),
                            );
                            continue;
                        };
                        if let Some(prev) = seen.insert(v.clone(), *row) {
                            problems.push(
                                Words::msg("xlsform-bad-choice-twice")
                                    .arg("file", self.file.clone())
                                    .arg("row", row.to_string())
                                    .arg("value", value.clone())
                                    .arg("id", v.clone())
                                    .arg("first", prev.to_string()),
                            );
                            continue;
                        }
                        options.push(Choice {
                            value: v,
                            label: label.clone(),
                            other: false,
                            exclusive: false,
                        });
                    }
                    let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                    q_kind = Some(if verb == "select_one" && values == ["yes", "no"] {
                        options.clear();
                        QuestionType::YesNo
                    } else if verb == "select_one" {
                        QuestionType::Single
                    } else {
                        QuestionType::Multi
                    });
                    if or_other && !options.iter().any(|o| o.value == "other") {
                        options.push(Choice {
                            value: "other".into(),
                            label: Text::new(&default, "Other"),
                            other: true,
                            exclusive: false,
                        });
                    }
                    let c = cell(row, col("constraint"));
                    if !c.is_empty() {
                        let ex = exclusive_values(c).filter(|vs| {
                            q_kind == Some(QuestionType::Multi)
                                && vs.iter().all(|v| options.iter().any(|o| o.value == *v))
                        });
                        match ex {
                            Some(vs) => {
                                for o in options.iter_mut().filter(|o| vs.contains(&o.value)) {
                                    o.exclusive = true;
                                }
                            }
                            None => self.lose(
                                n,
                                Words::msg("xlsform-lost-constraint-multi")
                                    .arg("constraint", c.to_string())
                                    .arg("name", name.clone()),
                            ),
                        }
                    }
                }
                "text" => {
                    let multiline = cell(row, col("appearance"))
                        .split_whitespace()
                        .any(|a| a == "multiline");
                    // A specify field of the select just before it: carried as the
                    // `other` mark of the choices it asks after.
                    if let (
                        Some(prev),
                        Some(Condition::Test {
                            question,
                            test: Test::AnyOf(vs),
                        }),
                    ) = (&last_select, &condition)
                        && question == prev
                        && (name.ends_with("_other") || name.ends_with("_specify"))
                        && let Some(pq) = sections
                            .iter_mut()
                            .chain(current.as_mut())
                            .flat_map(|s| s.questions.iter_mut())
                            .find(|q| q.id == *prev)
                    {
                        for o in pq.options.iter_mut().filter(|o| vs.contains(&o.value)) {
                            o.other = true;
                        }
                        ids.remove(&id);
                        continue;
                    }
                    q_kind = Some(if multiline {
                        QuestionType::LongText
                    } else {
                        QuestionType::Text
                    });
                }
                "integer" | "decimal" => {
                    q_kind = Some(QuestionType::Number);
                    let c = cell(row, col("constraint"));
                    if !c.is_empty() {
                        match bounds(c) {
                            Some((lo, hi)) => (min, max) = (lo, hi),
                            None => self.lose(
                                n,
                                Words::msg("xlsform-lost-constraint-number")
                                    .arg("constraint", c.to_string())
                                    .arg("name", name.clone()),
                            ),
                        }
                    }
                }
                "date" => q_kind = Some(QuestionType::Date),
                "range" => {
                    let p = cell(row, col("parameters"));
                    let get = |k: &str, d: f64| {
                        p.split_whitespace()
                            .filter_map(|kv| kv.split_once('='))
                            .find(|(key, _)| key.trim() == k)
                            .map_or(Some(d), |(_, v)| v.trim().parse::<f64>().ok())
                    };
                    match (get("start", 1.0), get("end", 10.0), get("step", 1.0)) {
                        (Some(lo), Some(hi), Some(step))
                            if step == 1.0
                                && lo.fract() == 0.0
                                && hi.fract() == 0.0
                                && lo <= hi
                                && hi - lo <= 100.0 =>
                        {
                            q_kind = Some(QuestionType::Scale);
                            (min, max) = (Some(lo), Some(hi));
                            if let Some(h) = self.text(&self.survey, "hint", row) {
                                let (a, b) = scale_ends(&h, lo, hi);
                                (min_label, max_label) = (a, b);
                            }
                        }
                        _ => {
                            self.lose(
                                n,
                                Words::msg("xlsform-lost-range")
                                    .arg("name", name.clone())
                                    .arg("parameters", p.to_string()),
                            );
                            q_kind = Some(QuestionType::Number);
                            (min, max) = (get("start", 1.0), get("end", 10.0));
                        }
                    }
                }
                _ => continue,
            }
            let Some(q_kind) = q_kind else { continue };
            let req = cell(row, col("required")).to_ascii_lowercase();
            let required = match req.as_str() {
                "" | "no" | "false" | "false()" | "0" => false,
                "yes" | "true" | "true()" | "1" => true,
                other => {
                    self.lose(
                        n,
                        Words::msg("xlsform-lost-required")
                            .arg("required", other.to_string())
                            .arg("name", name.clone()),
                    );
                    false
                }
            };
            let mut guidance = self.text(&self.survey, "guidance_hint", row);
            let hint = self.text(&self.survey, "hint", row);
            if q_kind != QuestionType::Scale
                && let Some(h) = hint
            {
                guidance = Some(match guidance {
                    Some(g) => join_texts(Some(h), g),
                    None => h,
                });
            }
            for note in pending_note.drain(..) {
                guidance = Some(match guidance {
                    Some(g) => join_texts(Some(note), g),
                    None => note,
                });
            }
            let hxl = match cell(row, col("hxl")) {
                "" => None,
                t if is_hxl_tag(t) => Some(t.to_string()),
                t => {
                    self.lose(
                        n,
                        Words::msg("xlsform-lost-hxl")
                            .arg("tag", t.to_string())
                            .arg("name", name.clone()),
                    );
                    None
                }
            };
            let group_cond = groups.last().and_then(|g| g.2.clone());
            let mut show_if = match (group_cond, condition) {
                (Some(a), Some(b)) => Some(Condition::All { all: vec![a, b] }),
                (a, b) => a.or(b),
            };
            let applies_to = take_structures(&mut show_if, structures.is_some());
            let question = Question {
                id: id.clone(),
                kind: q_kind,
                text,
                guidance,
                required,
                summary: false,
                call_level: false,
                applies_to,
                show_if,
                options_from,
                options,
                min,
                max,
                min_label,
                max_label,
                hxl,
            };
            known.insert(
                name.clone(),
                Named {
                    id: id.clone(),
                    kind: q_kind,
                    values: question
                        .closed_values()
                        .iter()
                        .map(|v| v.to_string())
                        .collect(),
                },
            );
            last_select = q_kind.is_closed().then(|| id.clone());
            if current.is_none() {
                let title = setting("form_title")
                    .map(|t| Text::new(&default, t))
                    .unwrap_or_else(|| Text::new(&default, "Questions"));
                start_section(&mut sections, &mut current, "questions".into(), title);
            }
            if let Some(c) = current.as_mut() {
                c.questions.push(question);
            }
        }
        if let Some((gname, _, _, row)) = groups.last() {
            problems.push(
                self.at(*row, "xlsform-bad-group-open")
                    .arg("name", gname.clone()),
            );
        }
        if !pending_note.is_empty() {
            let last = current.as_mut().and_then(|c| c.questions.last_mut());
            if let Some(q) = last {
                for note in pending_note.drain(..) {
                    q.guidance = Some(join_texts(q.guidance.take(), note));
                }
            }
        }
        if let Some(c) = current.take()
            && !c.questions.is_empty()
        {
            sections.push(c);
        }
        if sections.is_empty() && problems.is_empty() {
            problems.push(Words::msg("xlsform-bad-no-question").arg("file", self.file.clone()));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let id = setting("form_id")
            .and_then(|f| id_for(&f))
            .or_else(|| id_for(stem))
            .unwrap_or_else(|| "imported-form".into());
        let title = setting("form_title").unwrap_or_else(|| id.clone());
        let mut guide = Guide {
            id,
            version: setting("version").unwrap_or_else(|| "1".into()),
            title: Text::new(&default, title),
            languages: self.langs.clone(),
            description,
            sync: SyncSettings::default(),
            consent: ConsentRule::default(),
            respondents: respondents_of(structures.as_deref()),
            sections,
        };
        guide.consent = ConsentRule::implied(&guide.questions().collect::<Vec<_>>());
        // The loader is the judge of a guide: what it refuses here is a bug of the import,
        // said as such rather than written out.
        let toml = guide.to_toml().map_err(|e| {
            // A bug of the import, not of the form: said in English, as a report to us.
            vec![Words::Text(format!(
                "{}: the guide made from it cannot be written: {e}",
                self.file
            ))]
        })?;
        let guide = parse_guide(&toml, &self.file).map_err(|e| {
            e.problems
                .iter()
                .map(|p| {
                    Words::Text(format!(
                        "{}: the guide made from it is refused ({}:{}: {})",
                        self.file, p.line, p.col, p.message
                    ))
                })
                .collect::<Vec<_>>()
        })?;
        Ok(Imported {
            guide,
            lost: std::mem::take(&mut self.lost),
            notes: std::mem::take(&mut self.notes),
        })
    }
}

/// The guide's respondent types from the export's `_structure` list: the four defaults
/// when it lists exactly their ids, else one type per choice, by its label (XLSForm has
/// no place for a plural, a short name or `other`).
fn respondents_of(list: Option<&[(String, Text)]>) -> Vec<Respondent> {
    let Some(list) = list else {
        return Respondent::defaults();
    };
    let ids: Vec<Option<Structure>> = list.iter().map(|(v, _)| Structure::parse(v)).collect();
    if ids == Structure::DEFAULTS.map(Some) {
        return Respondent::defaults();
    }
    list.iter()
        .zip(ids)
        .filter_map(|((_, label), id)| {
            Some(Respondent {
                id: id?,
                label: label.clone(),
                plural: None,
                short: None,
                other: false,
            })
        })
        .collect()
}
