//! `datapackage.json`: a Frictionless Data Package describing the long and wide tables of
//! each guide, so that an analyst's tool loads them typed: integers, dates, the options
//! of each question as an enum with their labels, and the wide table's markers
//! (`[dont_know]`, `[declined]`, `[not_asked]`, …) as `missingValues`.

use serde_json::{Value, json};

use super::columns::{Kind, MARKERS, wide_columns};
use super::model::Report;
use super::tables::LONG_COLUMNS;

/// The package for the CSV files `write_format` writes; `hxl`: the tables carry a
/// hashtag row under their header, which a reader skips as a comment row.
pub fn datapackage(report: &Report, hxl: bool) -> Value {
    let mut resources = Vec::new();
    for s in &report.sections {
        let suffix = super::section_suffix(report, s);
        let dialect = if hxl {
            json!({ "headerRows": [1], "commentRows": [2] })
        } else {
            json!({ "headerRows": [1] })
        };
        let wide: Vec<Value> = wide_columns(s)
            .iter()
            .map(|c| {
                let mut f = json!({ "name": c.name, "title": c.title });
                let (ty, constraints, categories) = match &c.kind {
                    Kind::Text => ("string", None, None),
                    Kind::Integer => ("integer", None, None),
                    Kind::Number => ("number", None, None),
                    Kind::Date => ("date", None, None),
                    Kind::DateTime => ("datetime", None, None),
                    Kind::Flag => (
                        "integer",
                        Some(json!({ "enum": [0, 1] })),
                        Some(json!([{ "value": 1, "label": "ticked" }, { "value": 0, "label": "not ticked" }])),
                    ),
                    Kind::Choice(opts) => (
                        "string",
                        Some(json!({ "enum": opts.iter().map(|(v, _)| v).collect::<Vec<_>>() })),
                        Some(Value::Array(
                            opts.iter()
                                .map(|(v, l)| json!({ "value": v, "label": l }))
                                .collect(),
                        )),
                    ),
                };
                f["type"] = json!(ty);
                if let Some(c) = constraints {
                    f["constraints"] = c;
                }
                if let Some(c) = categories {
                    f["categories"] = c;
                }
                f
            })
            .collect();
        let mut missing: Vec<&str> = vec![""];
        missing.extend(MARKERS.iter().map(|(m, _)| *m));
        resources.push(json!({
            "name": format!("wide{}", suffix.to_lowercase().replace('-', "_")),
            "path": format!("wide{suffix}.csv"),
            "title": format!("{}: one row per session", s.guide.title.get(s.guide.default_language(), s.guide.default_language())),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": dialect,
            "schema": {
                "fields": wide,
                "missingValues": missing,
                "primaryKey": ["session_id"],
            },
        }));
        let long: Vec<Value> = LONG_COLUMNS
            .iter()
            .map(|(name, description)| {
                let mut f = json!({ "name": name, "description": description, "type": "string" });
                match *name {
                    "revision" => f["type"] = json!("integer"),
                    "completed_at" => f["type"] = json!("datetime"),
                    "hidden" => {
                        f["type"] = json!("integer");
                        f["constraints"] = json!({ "enum": [0, 1] });
                    }
                    "status" => {
                        f["constraints"] = json!({ "enum": ["answered", "dont_know", "declined", "not_asked", "unanswered"] });
                    }
                    "consent" => f["constraints"] = json!({ "enum": ["yes", "no"] }),
                    "structure" => f["constraints"] = json!({ "enum": super::columns::respondent_codes(s).into_iter().map(|(id, _)| id).collect::<Vec<_>>() }),
                    _ => {}
                }
                f
            })
            .collect();
        resources.push(json!({
            "name": format!("long{}", suffix.to_lowercase().replace('-', "_")),
            "path": format!("long{suffix}.csv"),
            "title": "one row per session and question",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": { "headerRows": [1] },
            "schema": { "fields": long, "missingValues": [""] },
        }));
    }
    json!({
        "profile": "tabular-data-package",
        "name": "stocktake-report",
        "title": "stocktake report tables",
        "description": "Written by `stocktake report`; docs/exports.md describes every column.",
        "resources": resources,
    })
}
