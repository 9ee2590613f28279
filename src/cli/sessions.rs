//! `stocktake sessions`: the local store's sessions, as a table or JSON.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::table::{Column, Table, Width};
use super::{open_store, show};
use crate::neutralise;

pub(super) fn sessions(data_dir: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(data_dir)?;
    let rows = store.summaries()?;
    let mut out = io::stdout().lock();
    if json {
        // serde_json escapes control characters, so JSON output is terminal-safe as is.
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(out, "No sessions yet in {}.", show(store.path().display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table: Vec<[String; 9]> = vec![
        [
            "SESSION",
            "CALL",
            "GUIDE",
            "STRUCTURE",
            "RESPONSE",
            "STATUS",
            "REV",
            "REQUIRED",
            "LAST CHANGE",
        ]
        .map(String::from),
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
            if r.waiting {
                format!("{} (to sync)", r.status)
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
