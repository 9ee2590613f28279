//! `stocktake sessions`: the local store's sessions, as a table or JSON.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::table::{Column, Table, Width};
use super::{open_store, say, show};
use crate::neutralise;

pub(super) fn sessions(
    lang: UiLang,
    data_dir: Option<&Path>,
    json: bool,
    wide: bool,
) -> anyhow::Result<ExitCode> {
    let store = open_store(lang, data_dir)?;
    let rows = store.summaries()?;
    let mut out = io::stdout().lock();
    if json {
        // serde_json escapes control characters, so JSON output is terminal-safe as is.
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "{}",
            say(
                lang,
                "sessions-none",
                &[("path", show(store.path().display()).into())]
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !wide {
        return narrow(lang, &mut out, &rows);
    }
    let mut table: Vec<[String; 9]> = vec![
        [
            "sessions-col-session",
            "sessions-col-call",
            "sessions-col-guide",
            "sessions-col-structure",
            "sessions-col-response",
            "sessions-col-status",
            "sessions-col-rev",
            "sessions-col-required",
            "sessions-col-last-change",
        ]
        .map(|id| say(lang, id, &[])),
    ];
    table.extend(rows.iter().map(|r| {
        // A custom structure by its own label, as the report groups it.
        let structure = match crate::guide::Structure::parse(&r.structure) {
            Some(s) => super::structure_shown(s, &r.structure_label),
            None => r.structure.clone(),
        };
        [
            r.id.clone(),
            r.call_id.clone(),
            format!("{} v{}", r.guide_id, r.guide_version),
            structure,
            r.response.clone(),
            // The status by its code, exact as `--json` has it; only the note is words.
            if r.waiting {
                say(
                    lang,
                    "sessions-wide-to-sync",
                    &[("status", r.status.clone().into())],
                )
            } else {
                r.status.clone()
            },
            r.revision.to_string(),
            format!("{}/{}", r.required_answered, r.required),
            r.updated_at.clone(),
        ]
        .map(|c| neutralise::line(&c).into_owned())
    }));
    let mut columns = [Column::left(Width::Widest, "  "); 9];
    columns[0].gap = "";
    Table {
        columns: &columns,
        indent: "",
        trim: true,
    }
    .write(&mut out, &table)?;
    Ok(ExitCode::SUCCESS)
}

/// A structure as few columns say it: its usual short name, or a custom label.
fn short_structure(lang: UiLang, structure: &str, label: &str) -> String {
    use crate::guide::Structure;
    match Structure::parse(structure) {
        Some(Structure::ProtectionCluster) => say(lang, "sessions-short-protection-cluster", &[]),
        Some(Structure::CpAor) => say(lang, "sessions-short-cp-aor", &[]),
        Some(Structure::GbvAor) => say(lang, "sessions-short-gbv-aor", &[]),
        Some(Structure::Other) if !label.trim().is_empty() => {
            crate::report::structure_name(Structure::Other, label).to_string()
        }
        _ => structure.to_string(),
    }
}

/// The table that fits an 80-column terminal: what an interviewer looks for, each column
/// cut with `…` where it would run long. `--wide` has the ids and exact times.
fn narrow(
    lang: UiLang,
    out: &mut dyn Write,
    rows: &[crate::store::SessionSummary],
) -> anyhow::Result<ExitCode> {
    let mut table: Vec<[String; 6]> = vec![
        [
            "sessions-col-response",
            "sessions-col-structure",
            "sessions-col-status",
            "sessions-col-rev",
            "sessions-col-required",
            "sessions-col-changed",
        ]
        .map(|id| say(lang, id, &[])),
    ];
    table.extend(rows.iter().map(|r| {
        // The store's status codes in words; a code this table does not know, as it is.
        let status = match (r.status.as_str(), r.waiting) {
            (_, true) => say(lang, "sessions-status-to-sync", &[]),
            ("in_progress", _) => say(lang, "sessions-status-in-progress", &[]),
            ("completed", _) => say(lang, "sessions-status-completed", &[]),
            ("draft", _) => say(lang, "sessions-status-draft", &[]),
            ("synced", _) => say(lang, "sessions-status-synced", &[]),
            (s, _) => neutralise::line(s).into_owned(),
        };
        // RFC 3339 in UTC: the date and the minute are what a reader compares.
        let changed = r
            .updated_at
            .get(..16)
            .unwrap_or(&r.updated_at)
            .replace('T', " ");
        [
            neutralise::fit(&r.response, 15),
            neutralise::fit(&short_structure(lang, &r.structure, &r.structure_label), 14),
            status,
            r.revision.to_string(),
            format!("{}/{}", r.required_answered, r.required),
            neutralise::fit(&changed, 16),
        ]
    }));
    let mut columns = [Column::left(Width::Widest, "  "); 6];
    columns[0].gap = "";
    Table {
        columns: &columns,
        indent: "",
        trim: true,
    }
    .write(out, &table)?;
    Ok(ExitCode::SUCCESS)
}
