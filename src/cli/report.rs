//! `stocktake report`: the collation's report in the formats asked for.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::{Reason, UiLang};

use super::{
    AttributionArg, FormatArg, StructureArg, config, existing_db, now_text, say, seconds, show,
};
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
    /// `--report-language`, as typed.
    pub language: Option<&'a str>,
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
        language,
    } = filters;
    // Refused first, before anything is read or written: a typo must not leave a report
    // in a language nobody asked for.
    let language = match language {
        None => None,
        Some(l) => Some(UiLang::parse(l).ok_or_else(|| {
            anyhow::anyhow!(say(lang, "report-bad-language", &[("given", l.into())]))
        })?),
    };
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
        anyhow::bail!(say(
            lang,
            "report-out-not-folder",
            &[("out", out.display().to_string().into())]
        ));
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
            let ids = if ids.is_empty() {
                say(lang, "report-no-guide-none", &[])
            } else {
                ids.join(", ")
            };
            anyhow::bail!(say(
                lang,
                "report-no-guide",
                &[
                    ("guide", g.into()),
                    ("db", db.display().to_string().into()),
                    ("ids", ids.into())
                ]
            ));
        }
    }
    cdb.for_one_pass()?;
    let mut err = io::stderr().lock();
    // The folder too is made ready before the collation is read.
    for n in crate::report::prepare_folder(out)? {
        writeln!(
            err,
            "{}",
            say(lang, "cli-note", &[("what", show(n.reason(lang)).into())])
        )?;
    }
    // Progress on stderr, a line a step: on a large collation the report takes seconds.
    let started = std::time::Instant::now();
    writeln!(err, "{}", say(lang, "report-reading", &[]))?;
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
            language,
        },
    )?;
    if r.sections.is_empty() {
        writeln!(err, "{}", say(lang, "report-empty", &[]))?;
    }
    let sessions: usize = r.sections.iter().map(|s| s.sessions.len()).sum();
    // Format names are the ones `--format` takes, the same in every language.
    let names = formats
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ");
    let args = [
        ("n", sessions.into()),
        ("seconds", seconds(lang, started.elapsed()).into()),
        ("formats", names.into()),
    ];
    writeln!(err, "{}", say(lang, "report-read", &args))?;
    drop(err);
    let outcome = crate::report::write_reporting(&r, out, &formats, &now_text(), &|f, took| {
        // From the writer threads; a closed stderr must not stop the report.
        let args = [
            ("format", f.name().into()),
            ("seconds", seconds(lang, took).into()),
        ];
        writeln!(
            io::stderr(),
            "{}",
            say(lang, "report-format-written", &args)
        )
        .unwrap_or(());
    })?;
    let mut out = io::stdout().lock();
    for p in &outcome.written {
        let path = show(p.display());
        writeln!(out, "{}", say(lang, "cli-wrote", &[("path", path.into())]))?;
    }
    for p in &outcome.pruned {
        let path = show(p.display());
        writeln!(
            out,
            "{}",
            say(lang, "report-pruned", &[("path", path.into())])
        )?;
    }
    let mut err = io::stderr().lock();
    for f in &outcome.failed {
        let removed = if f.removed.is_empty() {
            String::new()
        } else {
            let paths = f
                .removed
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            say(lang, "report-removed-earlier", &[("paths", paths.into())])
        };
        // Why it failed is the report writer's words, after the lead.
        let args = [
            ("format", f.format.name().into()),
            ("error", show(f.error.reason(lang)).into()),
            ("removed", show(removed).into()),
        ];
        writeln!(err, "{}", say(lang, "report-failed", &args))?;
    }
    Ok(if outcome.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
