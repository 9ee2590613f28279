//! `stocktake guide list` and `stocktake guide check`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::show;
use super::table::{Align, Column, Table, Width};
use crate::guide::{Catalog, GuideDirs, LoadError, Place, load_guide_file};
use crate::neutralise;

/// A guide's problems, one line each, every part shown safely: a newline inside a file
/// name must not pass for the start of the next problem.
fn problem_lines(e: &LoadError) -> Vec<String> {
    match e {
        LoadError::Invalid(g) => g
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{}:{}:{}: {}",
                    show(&g.origin),
                    p.line,
                    p.col,
                    show(&p.message)
                )
            })
            .collect(),
        e => vec![show(e)],
    }
}

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
            show(&s.id),
            show(&s.version),
            show(&s.origin),
            show(&s.by),
        )?;
    }
    for e in &catalog.broken {
        for line in problem_lines(e) {
            writeln!(err, "warning: skipped {line}")?;
        }
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
                show(f.display()),
                show(&g.guide.id),
                show(&g.guide.version),
                g.guide.sections.len(),
                g.guide.question_count(),
                g.digest,
            )?,
            Err(e) => {
                failed += 1;
                for line in problem_lines(&e) {
                    writeln!(err, "{line}")?;
                }
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
