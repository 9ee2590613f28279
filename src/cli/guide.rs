//! `stocktake guide list` and `stocktake guide check`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::show;
use super::table::{Align, Column, Table, Width};
use crate::guide::{Catalog, GuideDirs, LoadError, Place, load_guide_file};
use crate::neutralise;
use crate::xlsform;

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

pub(super) fn list(lang: UiLang, flag_dirs: &[PathBuf]) -> anyhow::Result<ExitCode> {
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

/// A guide named on the command line: a file when there is one by that name, else the id
/// of a guide the catalog finds.
pub(super) fn named_guide(
    flag_dirs: &[PathBuf],
    name: &str,
) -> Result<crate::guide::Guide, Vec<String>> {
    let path = Path::new(name);
    if path.exists() || name.ends_with(".toml") {
        return load_guide_file(path, Place::Flag)
            .map(|g| g.guide)
            .map_err(|e| problem_lines(&e));
    }
    let catalog = Catalog::discover(&GuideDirs::standard(flag_dirs.to_vec()));
    match catalog.get(name) {
        Some(g) => Ok(g.guide.clone()),
        None => Err(vec![format!(
            "{}: no such file, and no guide has this id; `stocktake guide list` shows the guides found",
            show(name)
        )]),
    }
}

pub(super) fn export(
    lang: UiLang,
    flag_dirs: &[PathBuf],
    name: &str,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let guide = match named_guide(flag_dirs, name) {
        Ok(g) => g,
        Err(lines) => {
            let mut err = io::stderr().lock();
            for l in lines {
                writeln!(err, "{l}")?;
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let form = xlsform::export(&guide);
    xlsform::write_xlsform(&form, out)?;
    writeln!(
        io::stdout().lock(),
        "{}: XLSForm of {} version {}: {} survey rows, {} choices",
        show(out.display()),
        show(&guide.id),
        show(&guide.version),
        form.survey.len() - 1,
        form.choices.len() - 1,
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn check(lang: UiLang, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
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

pub(super) fn import(
    lang: UiLang,
    form: &Path,
    out: &Path,
    lossy: bool,
) -> anyhow::Result<ExitCode> {
    let mut err = io::stderr().lock();
    let imported = match xlsform::import_file(form) {
        Ok(i) => i,
        Err(xlsform::ImportError::Invalid(problems)) => {
            for p in &problems {
                writeln!(err, "{}", show(p))?;
            }
            writeln!(
                err,
                "{}: not imported: correct the form and import it again; nothing was written",
                show(form.display())
            )?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let lost: Vec<String> = imported
        .lost
        .iter()
        .map(|l| format!("{}:{}:{}: {}", form.display(), l.sheet, l.row, l.what))
        .collect();
    for n in &imported.notes {
        writeln!(err, "note: {}", show(n))?;
    }
    if !lost.is_empty() && !lossy {
        for l in &lost {
            writeln!(err, "{}", show(l))?;
        }
        writeln!(
            err,
            "{}: {} part{} of the form cannot be carried into a guide; nothing was written. Import with --lossy to write the guide without {}, listed at its top",
            show(form.display()),
            lost.len(),
            if lost.len() == 1 { "" } else { "s" },
            if lost.len() == 1 { "it" } else { "them" },
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let mut text = format!(
        "# Imported from {} by `stocktake guide import`. Format: docs/guide-format.md.\n",
        neutralise::line(&form.display().to_string())
    );
    if !lost.is_empty() {
        text.push_str("# Not carried over (--lossy):\n");
        for l in &lost {
            text.push_str(&format!("#   {}\n", neutralise::line(l)));
        }
    }
    text.push('\n');
    text.push_str(&imported.guide.to_toml()?);
    let how = crate::fs::NewFile {
        mode: 0o644,
        existing: crate::fs::Existing::Keep,
        temp_prefix: ".stocktake-",
    };
    if let Err(e) = crate::fs::write_bytes(out, &how, text.as_bytes()) {
        let why = if e.kind() == io::ErrorKind::AlreadyExists {
            "exists; the import never replaces a file: name a new one with --out".to_string()
        } else {
            e.to_string()
        };
        writeln!(err, "{}: {why}", show(out.display()))?;
        return Ok(ExitCode::FAILURE);
    }
    let g = &imported.guide;
    writeln!(
        io::stdout().lock(),
        "{}: guide {} version {}: {} sections, {} questions, from {}{}",
        show(out.display()),
        show(&g.id),
        show(&g.version),
        g.sections.len(),
        g.question_count(),
        show(form.display()),
        if lost.is_empty() {
            String::new()
        } else {
            format!("; {} part(s) left out, listed at its top", lost.len())
        }
    )?;
    Ok(ExitCode::SUCCESS)
}
