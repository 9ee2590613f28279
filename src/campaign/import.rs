//! Reading a campaign file: a CSV with a row per target (`response`, `structure`,
//! `coordinator`, `organisation`, `contact`, `timezone`, `language`; other columns kept as
//! notes). Spreadsheets save it with a byte-order mark, `;` for separator, CRLF: all read.
//! Every bad row is reported as `FILE:line: message`, and then nothing is imported.

use std::collections::BTreeMap;

use super::target::{Target, target_id};
use crate::guide::Structure;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: not UTF-8 text (byte {byte}); save the spreadsheet as CSV UTF-8")]
    NotUtf8 { file: String, byte: usize },
    /// `message`: what the CSV reader said.
    #[error("{file}: cannot read the header row: {message}")]
    Header { file: String, message: String },
    #[error(
        "{file}: the header row must name at least `response` and `structure` (found: {found})"
    )]
    NoColumns { file: String, found: String },
    #[error("{file}: no targets: the file has a header row and nothing else")]
    Empty { file: String },
    /// Every bad row, one a line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Rows(Vec<RowError>),
}

/// A bad row of a campaign file: `FILE:line: what`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct RowError {
    pub file: String,
    pub line: u64,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// What the CSV reader said.
    #[error("cannot read the row: {0}")]
    Unreadable(String),
    #[error("no response (country) on this row")]
    NoResponse,
    #[error(
        "unknown structure `{0}`; use protection_cluster, cp_aor, gbv_aor, other: NAME, or the id of a respondent type the guide declares (community_leader)"
    )]
    UnknownStructure(String),
    #[error("unknown time zone `{0}`; use an IANA name such as Africa/Juba or Asia/Baghdad")]
    UnknownTimeZone(String),
    #[error("`{0}` is not a language code (en, fr, ar, pt-BR)")]
    NotALanguage(String),
    /// `structure` is named in English (`CP AOR`); `written` is the cell as the row has
    /// it, which the other languages show: the collator's own words, in any language.
    #[error("{response} · {structure} is already on line {first}")]
    Twice {
        response: String,
        structure: String,
        written: String,
        first: u64,
    },
}

impl crate::i18n::Reason for ImportError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        let at = |file: &str, what: Words| {
            Words::msg("why-path")
                .arg("path", file.to_string())
                .with("what", what)
        };
        match self {
            ImportError::NotUtf8 { file, byte } => at(
                file,
                Words::msg("why-campaign-not-utf8").arg("byte", byte.to_string()),
            ),
            ImportError::Header { file, message } => at(
                file,
                Words::msg("why-campaign-header").arg("error", message.clone()),
            ),
            ImportError::NoColumns { file, found } => at(
                file,
                Words::msg("why-campaign-no-columns").arg("found", found.clone()),
            ),
            ImportError::Empty { file } => at(file, Words::msg("why-campaign-empty")),
            ImportError::Rows(rows) => {
                let mut all = Words::Text(String::new());
                for (i, r) in rows.iter().enumerate() {
                    all = if i == 0 {
                        r.words()
                    } else {
                        Words::msg("why-lines")
                            .with("first", all)
                            .with("then", r.words())
                    };
                }
                all
            }
        }
    }
}

impl crate::i18n::Reason for RowError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        let what = match &self.problem {
            RowProblem::Unreadable(e) => {
                Words::msg("why-campaign-row-unreadable").arg("error", e.clone())
            }
            RowProblem::NoResponse => Words::msg("why-campaign-no-response"),
            RowProblem::UnknownStructure(s) => {
                Words::msg("why-campaign-unknown-structure").arg("structure", s.clone())
            }
            RowProblem::UnknownTimeZone(z) => {
                Words::msg("why-campaign-unknown-time-zone").arg("zone", z.clone())
            }
            RowProblem::NotALanguage(l) => {
                Words::msg("why-campaign-not-a-language").arg("code", l.clone())
            }
            RowProblem::Twice {
                response,
                written,
                first,
                ..
            } => Words::msg("why-campaign-twice")
                .arg("response", response.clone())
                .arg("structure", written.clone())
                .arg("first", first.to_string()),
        };
        Words::msg("why-file-line")
            .arg("file", self.file.clone())
            .arg("line", self.line.to_string())
            .with("what", what)
    }
}

const KNOWN: &[(&str, &[&str])] = &[
    ("response", &["response", "country", "country / response"]),
    ("structure", &["structure"]),
    ("coordinator", &["coordinator", "name"]),
    ("organisation", &["organisation", "organization"]),
    ("contact", &["contact"]),
    ("timezone", &["timezone", "time zone", "tz"]),
    ("language", &["language", "languages"]),
];

/// The separator a spreadsheet used: whichever of `,` `;` tab the header has most of.
fn separator(header: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|s| header.bytes().filter(|b| b == s).count())
        .unwrap_or(b',')
}

/// A structure as people write it in a campaign: its id, its name, or `other: NAME`.
fn structure(s: &str) -> Option<(Structure, String)> {
    let t = s.trim();
    let lower = t.to_lowercase();
    if let Some(name) = lower.strip_prefix("other:") {
        let label = t[t.len() - name.len()..].trim().to_string();
        return (!label.is_empty()).then_some((Structure::Other, label));
    }
    let found = Structure::DEFAULTS.into_iter().find(|k| {
        k.as_str() == lower
            || k.label("en").to_lowercase() == lower
            || k.short_label("en").to_lowercase() == lower
            || k.label("fr").to_lowercase() == lower
    });
    match found {
        Some(Structure::Other) => None,
        Some(k) => Some((k, String::new())),
        // A guide's own respondent type, by its id (`community_leader`).
        None => Structure::parse(t)
            .filter(|k| *k != Structure::Other)
            .map(|k| (k, String::new())),
    }
}

fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The targets of a campaign file, in file order.
pub fn parse_campaign(bytes: &[u8], file: &str) -> Result<Vec<Target>, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        file: file.into(),
        byte: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(header_line))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Header {
            file: file.into(),
            message: e.to_string(),
        })?
        .clone();
    let column = |name: &str| -> Option<usize> {
        let names = KNOWN
            .iter()
            .find(|(k, _)| *k == name)
            .map_or(&[][..], |(_, n)| *n);
        headers
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let (Some(c_response), Some(c_structure)) = (column("response"), column("structure")) else {
        return Err(ImportError::NoColumns {
            file: file.into(),
            found: headers.iter().collect::<Vec<_>>().join(", "),
        });
    };
    let known: Vec<Option<usize>> = KNOWN.iter().map(|(k, _)| column(k)).collect();
    let mut targets: Vec<Target> = Vec::new();
    let mut lines: BTreeMap<String, u64> = BTreeMap::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(RowError {
                    file: file.into(),
                    line,
                    problem: RowProblem::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |i: Option<usize>| -> String {
            i.and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let response = get(Some(c_response));
        let mut bad = |problem: RowProblem| {
            errors.push(RowError {
                file: file.into(),
                line,
                problem,
            })
        };
        if response.is_empty() {
            bad(RowProblem::NoResponse);
            continue;
        }
        let raw_structure = get(Some(c_structure));
        let Some((structure, label)) = structure(&raw_structure) else {
            bad(RowProblem::UnknownStructure(
                crate::neutralise::line(&raw_structure).to_string(),
            ));
            continue;
        };
        let timezone = get(column("timezone"));
        let timezone = if timezone.is_empty() {
            None
        } else if jiff::tz::TimeZone::get(&timezone).is_ok() {
            Some(timezone)
        } else {
            bad(RowProblem::UnknownTimeZone(
                crate::neutralise::line(&timezone).to_string(),
            ));
            continue;
        };
        let languages: Vec<String> = get(column("language"))
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
            .collect();
        if let Some(l) = languages.iter().find(|l| !is_language(l)) {
            bad(RowProblem::NotALanguage(
                crate::neutralise::line(l).to_string(),
            ));
            continue;
        }
        let id = target_id(&response, structure, &label);
        if let Some(first) = lines.get(&id) {
            bad(RowProblem::Twice {
                response: crate::neutralise::line(&response).to_string(),
                structure: if label.is_empty() {
                    structure.short_label("en").to_string()
                } else {
                    label.clone()
                },
                written: crate::neutralise::line(&raw_structure).to_string(),
                first: *first,
            });
            continue;
        }
        lines.insert(id.clone(), line);
        let notes = headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !known.contains(&Some(*i)))
            .filter_map(|(i, h)| {
                let v = record.get(i).unwrap_or("").trim();
                (!v.is_empty()).then(|| (h.trim().to_string(), v.to_string()))
            })
            .collect();
        targets.push(Target {
            id,
            response,
            structure,
            structure_label: label,
            coordinator: get(column("coordinator")),
            organisation: get(column("organisation")),
            contact: get(column("contact")),
            timezone,
            languages,
            notes,
            removed: false,
        });
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    if targets.is_empty() {
        return Err(ImportError::Empty { file: file.into() });
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_export_with_bom_semicolons_and_crlf_reads() {
        let csv = "\u{feff}Response;Structure;Coordinator;Organisation;Contact;Timezone;Language;Region\r\nSouth Sudan;Protection Cluster;Amina;UNHCR;+211 912 345 678;Africa/Juba;en;East\r\nSouth Sudan;cp_aor;;UNICEF;;Africa/Juba;en, ar;\r\nMali;other: Cash Working Group;;;;;fr;\r\n";
        let t = parse_campaign(csv.as_bytes(), "c.csv").expect("reads");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].id, "south-sudan/protection_cluster");
        assert_eq!(t[0].notes.get("Region").map(String::as_str), Some("East"));
        assert_eq!(t[1].languages, ["en", "ar"]);
        assert_eq!(
            (t[2].structure, t[2].structure_label.as_str()),
            (Structure::Other, "Cash Working Group")
        );
        assert_eq!(t[2].id, "mali/other/cash-working-group");
    }

    #[test]
    fn every_bad_row_is_named_and_nothing_is_imported() {
        let csv = "response,structure,timezone\nIraq,Shelter Cluster,\nIraq,gbv_aor,Mars/Olympus\nYemen,cp_aor,\nYemen,CP AOR,\n,cp_aor,\n";
        let Err(ImportError::Rows(rows)) = parse_campaign(csv.as_bytes(), "c.csv") else {
            panic!("refused")
        };
        assert_eq!(
            rows.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "c.csv:2: unknown structure `Shelter Cluster`; use protection_cluster, cp_aor, gbv_aor, other: NAME, or the id of a respondent type the guide declares (community_leader)",
                "c.csv:3: unknown time zone `Mars/Olympus`; use an IANA name such as Africa/Juba or Asia/Baghdad",
                "c.csv:5: Yemen · CP AOR is already on line 4",
                "c.csv:6: no response (country) on this row",
            ]
        );
    }

    #[test]
    fn a_file_without_the_two_columns_says_what_it_found() {
        let e = parse_campaign(b"country;name\nIraq;x\n", "c.csv").expect_err("refused");
        assert_eq!(
            e.to_string(),
            "c.csv: the header row must name at least `response` and `structure` (found: country, name)"
        );
    }
}
