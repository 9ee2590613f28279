//! `stocktake guide list` and `stocktake guide check`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::table::{Align, Column, Table, Width};
use crate::guide::{Catalog, GuideDirs, Place, load_guide_file};
use crate::neutralise;

pub(super) fn list(flag_dirs: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::discover(&GuideDirs::standard(flag_dirs.to_vec()));
    let mut rows: Vec<[String; 5]> =
        vec![["ID", "VERSION", "QUESTIONS", "WHERE", "TITLE"].map(String::from)];
    rows.extend(catalog.guides.iter().map(|g| {
        let lang = g.guide.default_language().to_string();
        let place = match g.place {
            Place::Bundled => "bundled".to_string(),
            _ => g.origin.clone(),
        };
        [
            neutralise::line(&g.guide.id).into_owned(),
            neutralise::line(&g.guide.version).into_owned(),
            g.guide.question_count().to_string(),
            neutralise::line(&place).into_owned(),
            neutralise::line(g.guide.title.get(&lang, &lang)).into_owned(),
        ]
    }));
    let columns = [
        Column::left(Width::Widest, ""),
        Column::left(Width::Widest, "  "),
        Column {
            align: Align::Right,
            width: Width::Widest,
            gap: "  ",
        },
        Column::left(Width::Widest, "  "),
        Column::left(Width::Natural, "  "),
    ];
    let table = Table {
        columns: &columns,
        indent: "",
        trim: false,
    };
    table.write(&mut io::stdout().lock(), &rows)?;
    let mut err = io::stderr().lock();
    // An identical copy (the repository's own interview-guides/ beside the bundled ones)
    // changes nothing, so only a real conflict is worth a line.
    for s in catalog.shadowed.iter().filter(|s| !s.identical) {
        let why = "a different guide with the same id";
        writeln!(
            err,
            "note: {} (version {}) from {} is {why}; using the one from {} (--guides, then ./interview-guides, then the config dir, then bundled)",
            neutralise::line(&s.id),
            neutralise::line(&s.version),
            neutralise::line(&s.origin),
            neutralise::line(&s.by),
        )?;
    }
    for e in &catalog.broken {
        writeln!(
            err,
            "warning: skipped {}",
            neutralise::block(&e.to_string())
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let mut failed = 0;
    for f in files {
        match load_guide_file(f, Place::Flag) {
            Ok(g) => writeln!(
                out,
                "{}: ok: {} version {}, {} sections, {} questions, {}",
                neutralise::line(&f.display().to_string()),
                neutralise::line(&g.guide.id),
                neutralise::line(&g.guide.version),
                g.guide.sections.len(),
                g.guide.question_count(),
                g.digest,
            )?,
            Err(e) => {
                failed += 1;
                writeln!(err, "{}", neutralise::block(&e.to_string()))?;
            }
        }
    }
    if failed > 0 {
        writeln!(
            err,
            "{failed} of {} guide file{} refused",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )?;
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
