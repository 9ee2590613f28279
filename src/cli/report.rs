//! `stocktake report`: the collation's report in the formats asked for.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{AttributionArg, FormatArg, StructureArg, config, existing_db, now_text, show};
use crate::report::Attribution;

/// What the report covers and how much it says about who said what.
pub(super) struct Filters<'a> {
    pub structure: Option<StructureArg>,
    pub guide: Option<&'a str>,
    pub attribution: Option<AttributionArg>,
    pub min_cell: Option<usize>,
    pub include_sensitive: bool,
    pub codebook: Option<&'a Path>,
    pub hxl: bool,
    pub matrix_by: crate::report::MatrixBy,
}

pub(super) fn report(
    lang: UiLang,
    db: &Path,
    out: &Path,
    formats: &[FormatArg],
    filters: Filters<'_>,
) -> anyhow::Result<ExitCode> {
    let Filters {
        structure,
        guide,
        attribution,
        min_cell,
        include_sensitive,
        codebook,
        hxl,
        matrix_by,
    } = filters;
    // Read before the collation: a mistyped codebook fails in a moment, not after it.
    let codebook = codebook.map(crate::guide::load_codebook_file).transpose()?;
    // The flags win over the config file; the config was checked when it was read.
    let config = config()?;
    let attribution = attribution.map(|a| a.0).unwrap_or_else(|| {
        config
            .attribution
            .as_deref()
            .and_then(Attribution::parse)
            .unwrap_or_default()
    });
    let min_cell = min_cell.or(config.min_cell).unwrap_or(0);
    let mut formats: Vec<crate::report::Format> = formats.iter().map(|f| f.0).collect();
    // `--format md,markdown` asks for one Markdown report.
    let mut seen = Vec::new();
    formats.retain(|f| {
        let new = !seen.contains(f);
        seen.push(*f);
        new
    });
    // Checked before the collation is read: on a large one that takes seconds.
    if out.exists() && !out.is_dir() {
        anyhow::bail!(
            "{}: exists and is not a folder; name a folder for the report with --out DIR (it is created, private, if missing)",
            out.display()
        );
    }
    let cdb = existing_db(lang, db)?;
    if let Some(g) = guide {
        let mut ids: Vec<String> = cdb
            .guide_sources()?
            .into_iter()
            .map(|(id, _, _)| id)
            .collect();
        ids.dedup();
        if !ids.iter().any(|id| id == g) {
            anyhow::bail!(
                "no guide `{g}` in {}; its sessions were made with: {}",
                db.display(),
                if ids.is_empty() {
                    "none yet (collate some files first)".to_string()
                } else {
                    ids.join(", ")
                }
            );
        }
    }
    cdb.for_one_pass()?;
    let mut err = io::stderr().lock();
    // The folder too is made ready before the collation is read.
    for n in crate::report::prepare_folder(out)? {
        writeln!(err, "note: {}", show(n))?;
    }
    // Progress on stderr, a line a step: on a large collation the report takes seconds.
    let started = std::time::Instant::now();
    writeln!(err, "reading the collation…")?;
    let r = crate::report::Report::build(
        &cdb,
        crate::report::ReportOptions {
            structure: structure.map(|s| s.0),
            guide: guide.map(str::to_string),
            attribution,
            min_cell,
            now: Some(jiff::Timestamp::now()),
            include_sensitive,
            codebook,
            hxl,
            matrix_by,
            matrix_whole: false,
        },
    )?;
    if r.sections.is_empty() {
        writeln!(err, "no sessions match: the report is empty")?;
    }
    let sessions: usize = r.sections.iter().map(|s| s.sessions.len()).sum();
    writeln!(
        err,
        "read {} in {:.1} s; writing {}…",
        crate::report::sessions_count(sessions),
        started.elapsed().as_secs_f64(),
        formats
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    drop(err);
    let outcome = crate::report::write_reporting(&r, out, &formats, &now_text(), &|f, took| {
        // From the writer threads; a closed stderr must not stop the report.
        writeln!(
            io::stderr(),
            "{} written in {:.1} s",
            f.name(),
            took.as_secs_f64()
        )
        .unwrap_or(());
    })?;
    let mut out = io::stdout().lock();
    for p in &outcome.written {
        writeln!(out, "wrote {}", show(p.display()))?;
    }
    for p in &outcome.pruned {
        writeln!(
            out,
            "removed {} (left from an earlier report, not part of this one)",
            show(p.display())
        )?;
    }
    let mut err = io::stderr().lock();
    for f in &outcome.failed {
        let removed = if f.removed.is_empty() {
            String::new()
        } else {
            format!(
                "; removed the earlier {} so that it cannot pass for this report",
                f.removed
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        writeln!(
            err,
            "stocktake: {} not written: {}{}",
            f.format.name(),
            show(&f.error),
            show(removed)
        )?;
    }
    Ok(if outcome.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
