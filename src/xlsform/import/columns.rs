//! The columns of an XLSForm: which holds which language's text, the settings' default
//! language, and the choice lists.

use std::collections::HashMap;

use super::super::language::{column_language, language_column};
use super::super::sheet::{Book, Problems, Sheet};
use super::{Columns, Importer, Lost, cell};
use crate::guide::Text;
use crate::i18n::Words;

impl Importer {
    pub(super) fn new(file: String, book: &Book) -> Result<Importer, Problems> {
        let mut problems = Vec::new();
        let settings = book.settings.as_ref();
        let setting = |key: &str| {
            settings.and_then(|s| {
                let c = s.column(key)?;
                s.rows.first().map(|(_, r)| cell(r, Some(c)).to_string())
            })
        };
        let mut langs: Vec<String> = Vec::new();
        let mut survey = Columns::default();
        let mut choices = Columns::default();
        let default_named = setting("default_language").filter(|s| !s.is_empty());
        let default_code = default_named
            .as_deref()
            .map(|d| column_language(d).unwrap_or_else(|| d.to_string()));
        for (sheet, cols) in [
            (Some(&book.survey), &mut survey),
            (book.choices.as_ref(), &mut choices),
        ] {
            let Some(sheet) = sheet else { continue };
            for (i, h) in sheet.header.iter().enumerate() {
                let h = h.trim();
                let (base, lang) = match h.split_once("::") {
                    Some((b, l)) => (b.trim(), Some(l.trim())),
                    None => (h, None),
                };
                let base = match base {
                    "list name" => "list_name",
                    "guidance hint" => "guidance_hint",
                    b => b,
                };
                match lang {
                    None => {
                        cols.plain.insert(base.to_string(), i);
                    }
                    Some(l) => match column_language(l) {
                        Some(code) => {
                            if base == "label" && !langs.contains(&code) {
                                langs.push(code.clone());
                            }
                            cols.texts.insert((base.to_string(), code), i);
                        }
                        None if matches!(
                            base,
                            "label" | "hint" | "guidance_hint" | "constraint_message"
                        ) =>
                        {
                            problems.push(
                                Words::msg("xlsform-bad-column-language")
                                    .arg("file", file.clone())
                                    .arg("sheet", sheet.name.clone())
                                    .arg("row", sheet.header_row.to_string())
                                    .arg("column", h.to_string())
                                    .arg("base", base.to_string())
                                    .arg("language", l.to_string()),
                            )
                        }
                        None => {}
                    },
                }
            }
        }
        // A plain `label` is the default language's, when the settings name one that has
        // no column of its own, or the only language of a one-language form.
        for cols in [&mut survey, &mut choices] {
            for base in ["label", "hint", "guidance_hint", "constraint_message"] {
                if let Some(&i) = cols.plain.get(base) {
                    let code = match &default_code {
                        Some(c) => c.clone(),
                        None if langs.is_empty() => "en".to_string(),
                        None => langs[0].clone(),
                    };
                    if base == "label" && !langs.contains(&code) {
                        langs.insert(0, code.clone());
                    }
                    cols.texts.entry((base.to_string(), code)).or_insert(i);
                }
            }
        }
        if langs.is_empty() {
            problems.push(
                Words::msg("xlsform-bad-no-label-column")
                    .arg("file", file.clone())
                    .arg("row", book.survey.header_row.to_string()),
            );
        }
        if let (Some(named), Some(code)) = (&default_named, &default_code) {
            if !langs.contains(code) {
                problems.push(
                    Words::msg("xlsform-bad-default-language")
                        .arg("file", file.clone())
                        .arg("named", named.clone())
                        .arg(
                            "languages",
                            langs
                                .iter()
                                .map(|l| language_column(l))
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                );
            } else if let Some(p) = langs.iter().position(|l| l == code) {
                let d = langs.remove(p);
                langs.insert(0, d);
            }
        }
        for (sheet, cols) in [
            (Some(&book.survey), &survey),
            (book.choices.as_ref(), &choices),
        ] {
            let Some(sheet) = sheet else { continue };
            let mut stray: Vec<&(String, String)> = cols
                .texts
                .keys()
                .filter(|(_, l)| !langs.contains(l))
                .collect();
            stray.sort();
            for (base, l) in stray {
                problems.push(
                    Words::msg("xlsform-bad-stray-language")
                        .arg("file", file.clone())
                        .arg("sheet", sheet.name.clone())
                        .arg("row", sheet.header_row.to_string())
                        .arg("column", format!("{base}::{}", language_column(l))),
                );
            }
        }
        let mut me = Importer {
            file,
            langs,
            survey,
            choices,
            lists: HashMap::new(),
            lost: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(c) = &book.choices {
            me.read_lists(c, &mut problems);
        }
        if problems.is_empty() {
            Ok(me)
        } else {
            Err(problems)
        }
    }

    pub(super) fn text(&self, cols: &Columns, base: &str, row: &[String]) -> Option<Text> {
        let t = Text(
            self.langs
                .iter()
                .filter_map(|l| {
                    let v = cell(row, cols.texts.get(&(base.to_string(), l.clone())).copied());
                    (!v.is_empty()).then(|| (l.clone(), v.to_string()))
                })
                .collect(),
        );
        if t.0.is_empty() {
            return None;
        }
        // The guide's default language must have every text: a missing one takes the
        // first translation there is.
        let mut t = t;
        if let Some(d) = self.langs.first()
            && !t.has(d)
            && let Some(v) = t.0.values().next().cloned()
        {
            t.0.insert(d.clone(), v);
        }
        Some(t)
    }

    fn read_lists(&mut self, sheet: &Sheet, problems: &mut Problems) {
        let list_col = self.choices.plain.get("list_name").copied();
        let name_col = self.choices.plain.get("name").copied();
        if list_col.is_none() || name_col.is_none() {
            problems.push(
                Words::msg("xlsform-bad-choices-columns")
                    .arg("file", self.file.clone())
                    .arg("sheet", sheet.name.clone())
                    .arg("row", sheet.header_row.to_string()),
            );
            return;
        }
        let mut first: HashMap<(String, String), usize> = HashMap::new();
        for (n, row) in &sheet.rows {
            let list = cell(row, list_col).to_string();
            let name = cell(row, name_col).to_string();
            if list.is_empty() || name.is_empty() {
                problems.push(
                    Words::msg("xlsform-bad-choice-incomplete")
                        .arg("file", self.file.clone())
                        .arg("sheet", sheet.name.clone())
                        .arg("row", n.to_string()),
                );
                continue;
            }
            if let Some(prev) = first.insert((list.clone(), name.clone()), *n) {
                problems.push(
                    Words::msg("xlsform-bad-choice-in-list-twice")
                        .arg("file", self.file.clone())
                        .arg("sheet", sheet.name.clone())
                        .arg("row", n.to_string())
                        .arg("name", name.clone())
                        .arg("list", list.clone())
                        .arg("first", prev.to_string()),
                );
                continue;
            }
            let label = self
                .text(&self.choices, "label", row)
                .unwrap_or_else(|| Text::new(&self.langs[0], name.clone()));
            self.lists.entry(list).or_default().push((*n, name, label));
        }
    }

    /// A refusal at `row` of the survey sheet, its `file` and `row` given.
    pub(super) fn at(&self, row: usize, id: &'static str) -> Words {
        Words::msg(id)
            .arg("file", self.file.clone())
            .arg("row", row.to_string())
    }

    pub(super) fn lose(&mut self, row: usize, what: Words) {
        self.lost.push(Lost {
            sheet: "survey".into(),
            row,
            what,
        });
    }
}
