//! `stocktake guide list` and `stocktake guide check`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::{Reason, UiLang};

use super::table::{Align, Column, Table, Width};
use super::{say, show};
use crate::guide::{Catalog, GuideDirs, LoadError, Place, load_guide_file};
use crate::neutralise;
use crate::xlsform;

/// A guide's problems, one line each, every part shown safely: a newline inside a file
/// name must not pass for the start of the next problem.
fn problem_lines(lang: UiLang, e: &LoadError) -> Vec<String> {
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
                    show(p.words.in_lang(lang))
                )
            })
            .collect(),
        e => vec![show(e.reason(lang))],
    }
}

pub(super) fn list(lang: UiLang, flag_dirs: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::discover(&GuideDirs::standard(flag_dirs.to_vec()));
    let mut rows: Vec<[String; 5]> = vec![
        [
            "guide-col-id",
            "guide-col-version",
            "guide-col-questions",
            "guide-col-where",
            "guide-col-title",
        ]
        .map(|id| say(lang, id, &[])),
    ];
    rows.extend(catalog.guides.iter().map(|g| {
        // The title in the guide's own first language, not the command line's.
        let first = g.guide.default_language().to_string();
        let place = match g.place {
            Place::Bundled => say(lang, "guide-bundled", &[]),
            _ => g.origin.clone(),
        };
        [
            neutralise::line(&g.guide.id).into_owned(),
            neutralise::line(&g.guide.version).into_owned(),
            g.guide.question_count().to_string(),
            neutralise::line(&place).into_owned(),
            neutralise::line(g.guide.title.get(&first, &first)).into_owned(),
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
        let args = [
            ("id", show(&s.id).into()),
            ("version", show(&s.version).into()),
            ("origin", show(&s.origin).into()),
            ("by", show(&s.by).into()),
        ];
        writeln!(err, "{}", say(lang, "guide-shadowed", &args))?;
    }
    for e in &catalog.broken {
        for line in problem_lines(lang, e) {
            // The problem itself is the guide loader's words, after the lead.
            writeln!(
                err,
                "{}",
                say(lang, "cli-warning-skipped", &[("what", line.into())])
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A guide named on the command line: a file when there is one by that name, else the id
/// of a guide the catalog finds.
pub(super) fn named_guide(
    lang: UiLang,
    flag_dirs: &[PathBuf],
    name: &str,
) -> Result<crate::guide::Guide, Vec<String>> {
    let path = Path::new(name);
    if path.exists() || name.ends_with(".toml") {
        return load_guide_file(path, Place::Flag)
            .map(|g| g.guide)
            .map_err(|e| problem_lines(lang, &e));
    }
    let catalog = Catalog::discover(&GuideDirs::standard(flag_dirs.to_vec()));
    match catalog.get(name) {
        Some(g) => Ok(g.guide.clone()),
        None => Err(vec![say(
            lang,
            "guide-not-found",
            &[("name", show(name).into())],
        )]),
    }
}

pub(super) fn export(
    lang: UiLang,
    flag_dirs: &[PathBuf],
    name: &str,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let guide = match named_guide(lang, flag_dirs, name) {
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
    // The header rows are not survey rows or choices.
    let args = [
        ("out", show(out.display()).into()),
        ("id", show(&guide.id).into()),
        ("version", show(&guide.version).into()),
        ("rows", form.survey.len().saturating_sub(1).into()),
        ("choices", form.choices.len().saturating_sub(1).into()),
    ];
    writeln!(
        io::stdout().lock(),
        "{}",
        say(lang, "guide-exported", &args)
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn check(lang: UiLang, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let mut failed = 0;
    for f in files {
        match load_guide_file(f, Place::Flag) {
            Ok(g) => {
                let args = [
                    ("file", show(f.display()).into()),
                    ("id", show(&g.guide.id).into()),
                    ("version", show(&g.guide.version).into()),
                    ("sections", g.guide.sections.len().into()),
                    ("questions", g.guide.question_count().into()),
                    ("digest", g.digest.to_string().into()),
                ];
                writeln!(out, "{}", say(lang, "guide-check-ok", &args))?
            }
            Err(e) => {
                failed += 1;
                for line in problem_lines(lang, &e) {
                    writeln!(err, "{line}")?;
                }
            }
        }
    }
    if failed > 0 {
        let args = [("failed", failed.into()), ("total", files.len().into())];
        writeln!(err, "{}", say(lang, "guide-check-refused", &args))?;
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
                writeln!(err, "{}", show(p.in_lang(lang)))?;
            }
            writeln!(
                err,
                "{}",
                say(
                    lang,
                    "guide-import-invalid",
                    &[("form", show(form.display()).into())]
                )
            )?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let lost: Vec<String> = imported
        .lost
        .iter()
        .map(|l| {
            format!(
                "{}:{}:{}: {}",
                form.display(),
                l.sheet,
                l.row,
                l.what.in_lang(lang)
            )
        })
        .collect();
    for n in &imported.notes {
        writeln!(
            err,
            "{}",
            say(lang, "cli-note", &[("what", show(n.in_lang(lang)).into())])
        )?;
    }
    if !lost.is_empty() && !lossy {
        for l in &lost {
            writeln!(err, "{}", show(l))?;
        }
        let args = [
            ("form", show(form.display()).into()),
            ("n", lost.len().into()),
        ];
        writeln!(err, "{}", say(lang, "guide-import-lost", &args))?;
        return Ok(ExitCode::FAILURE);
    }
    // The comments are the importer's words, in the language they read the import in.
    let mut text = format!(
        "# {}\n",
        say(
            lang,
            "guide-import-header",
            &[(
                "form",
                neutralise::line(&form.display().to_string())
                    .into_owned()
                    .into()
            )]
        )
    );
    if !lost.is_empty() {
        text.push_str(&format!(
            "# {}\n",
            say(lang, "guide-import-header-lost", &[])
        ));
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
            say(
                lang,
                "guide-import-exists",
                &[("out", show(out.display()).into())],
            )
        } else {
            say(
                lang,
                "cli-path-error",
                &[
                    ("path", show(out.display()).into()),
                    ("error", super::io_reason(&e, lang).into()),
                ],
            )
        };
        writeln!(err, "{why}")?;
        return Ok(ExitCode::FAILURE);
    }
    let g = &imported.guide;
    let args = [
        ("out", show(out.display()).into()),
        ("id", show(&g.id).into()),
        ("version", show(&g.version).into()),
        ("sections", g.sections.len().into()),
        ("questions", g.question_count().into()),
        ("form", show(form.display()).into()),
    ];
    let left_out = if lost.is_empty() {
        String::new()
    } else {
        say(lang, "guide-imported-lost", &[("n", lost.len().into())])
    };
    writeln!(
        io::stdout().lock(),
        "{}{left_out}",
        say(lang, "guide-imported", &args)
    )?;
    Ok(ExitCode::SUCCESS)
}
