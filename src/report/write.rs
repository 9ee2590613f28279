//! Writing a report into its folder: the folder made private when stocktake creates it and
//! left as it is when it exists; each format on its own thread; a format that fails
//! takes its earlier files with it, so nothing stale passes for this report; files of a
//! format left over from an earlier report (a chart, a guide's CSV) are removed too.
//! Nothing inside the folder is followed through a symlink.

use std::fs::DirBuilder;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

use super::model::Report;
use super::{Format, ReportError, html, markdown, tables};

/// What writing the report did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub written: Vec<PathBuf>,
    /// Formats that could not be written, each with the files of an earlier report it
    /// removed so that they cannot pass for this one.
    pub failed: Vec<Failure>,
    /// Earlier files of a written format this report no longer has (removed).
    pub pruned: Vec<PathBuf>,
}

#[derive(Debug)]
pub struct Failure {
    pub format: Format,
    pub error: ReportError,
    pub removed: Vec<PathBuf>,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> ReportError + '_ {
    ReportError::io(path)
}

/// A note, not a refusal: the report's folder is open to other users.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{path} is open to others (mode {mode:04o}): they can {}; its report files are readable by you alone (0600), and the folder is left as it is (a folder stocktake creates is 0700)",
    if self.writable() { "list it and replace or remove the files in it" } else { "list it" }
)]
pub struct OpenFolder {
    pub path: String,
    pub mode: u32,
}

impl OpenFolder {
    fn writable(&self) -> bool {
        self.mode & 0o022 != 0
    }
}

impl crate::i18n::Reason for OpenFolder {
    fn words(&self) -> crate::i18n::Words {
        crate::i18n::Words::msg(if self.writable() {
            "report-folder-open-writable"
        } else {
            "report-folder-open"
        })
        .arg("path", self.path.clone())
        .arg("mode", format!("{:04o}", self.mode))
    }
}

/// Make `out` ready for a report: created private (0700, and any missing parent) when it
/// is missing; an existing folder is never changed (`--out /tmp` must not take `/tmp`
/// from its other users). Returns a notice when others can get into an existing one.
pub fn prepare_folder(out: &Path) -> Result<Vec<OpenFolder>, ReportError> {
    match std::fs::metadata(out) {
        Ok(m) if m.is_dir() => {
            let mode = m.mode() & 0o7777;
            let mut notes = Vec::new();
            if mode & 0o077 != 0 {
                notes.push(OpenFolder {
                    path: out.display().to_string(),
                    mode,
                });
            }
            Ok(notes)
        }
        Ok(_) => Err(ReportError::NotAFolder {
            path: out.display().to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(out)
                .map_err(io_error(out))?;
            Ok(Vec::new())
        }
        Err(e) => Err(io_error(out)(e)),
    }
}

/// A folder of our own inside the report folder (`charts/`): made 0700 when missing; a
/// symlink or anything else under its name is refused, never followed.
fn own_subfolder(dir: &Path) -> Result<(), ReportError> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_dir() => Ok(()),
        Ok(m) => Err(ReportError::ChartsFolder {
            path: dir.display().to_string(),
            symlink: m.file_type().is_symlink(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => DirBuilder::new()
            .mode(0o700)
            .create(dir)
            .map_err(io_error(dir)),
        Err(e) => Err(io_error(dir)(e)),
    }
}

/// Is `name` a file this format writes, in this report or an earlier one?
fn belongs_to(format: Format, name: &str) -> bool {
    let guide_file = |stem: &str, ext: &str| {
        name.strip_prefix(stem)
            .and_then(|r| r.strip_suffix(ext))
            .is_some_and(|id| {
                id.is_empty()
                    || id.strip_prefix('_').is_some_and(|id| {
                        !id.is_empty()
                            && id
                                .bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                    })
            })
    };
    match format {
        Format::Html => name == "report.html",
        Format::Markdown => name == "report.md",
        Format::Csv => {
            name == "summary.csv"
                || name == "coverage.csv"
                || name == "datapackage.json"
                || guide_file("long", ".csv")
                || guide_file("wide", ".csv")
                || guide_file("wide", ".do")
                || guide_file("wide", ".sps")
                || guide_file("matrix", ".csv")
                || guide_file("themes", ".csv")
                || guide_file("codings", ".csv")
        }
        Format::Xlsx => name == "report.xlsx",
        Format::Qdpx => name.starts_with("project") && name.ends_with(".qdpx"),
        Format::Qdc => name.starts_with("codebook") && name.ends_with(".qdc"),
    }
}

/// The regular files (never what a symlink points to) of `format` already in `out`, and
/// for Markdown the SVGs in `charts/`.
fn existing_files(out: &Path, format: Format) -> Vec<PathBuf> {
    let files_in = |dir: &Path, keep: &dyn Fn(&str) -> bool| -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter(|e| keep(&e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .collect()
    };
    let mut found = files_in(out, &|n| belongs_to(format, n));
    let charts = out.join("charts");
    if format == Format::Markdown
        && std::fs::symlink_metadata(&charts).is_ok_and(|m| m.file_type().is_dir())
    {
        found.extend(files_in(&charts, &|n| n.ends_with(".svg")));
    }
    found.sort();
    found
}

fn remove_all(files: &[PathBuf]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .cloned()
        .collect()
}

/// Write the report in `formats` into `out` (see [`prepare_folder`]); `done(format, time)`
/// is called from the thread that wrote each format as it is finished: on a large
/// collation the formats take seconds, and the collator should see them arrive.
///
/// Each format is written on its own thread: they only read the report, and the
/// spreadsheet alone takes seconds the others need not wait for. A format that fails
/// does not stop the others.
pub fn write_reporting(
    report: &Report,
    out: &Path,
    formats: &[Format],
    generated: &str,
    done: &(dyn Fn(Format, std::time::Duration) + Sync),
) -> Result<Outcome, ReportError> {
    prepare_folder(out)?;
    let results: Vec<(Format, Result<Vec<PathBuf>, ReportError>)> = std::thread::scope(|scope| {
        let running: Vec<_> = formats
            .iter()
            .map(|&f| {
                scope.spawn(move || {
                    let started = std::time::Instant::now();
                    let written = write_format(report, out, f, generated);
                    if written.is_ok() {
                        done(f, started.elapsed());
                    }
                    (f, written)
                })
            })
            .collect();
        running
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut outcome = Outcome::default();
    for (format, result) in results {
        let before = existing_files(out, format);
        match result {
            Ok(files) => {
                let stale: Vec<PathBuf> =
                    before.into_iter().filter(|p| !files.contains(p)).collect();
                outcome.pruned.extend(remove_all(&stale));
                outcome.written.extend(files);
            }
            Err(error) => outcome.failed.push(Failure {
                format,
                error,
                removed: remove_all(&before),
            }),
        }
    }
    Ok(outcome)
}

/// [`write_reporting`] without progress, failing on the first format that failed.
pub fn write(
    report: &Report,
    out: &Path,
    formats: &[Format],
    generated: &str,
) -> Result<Vec<PathBuf>, ReportError> {
    let outcome = write_reporting(report, out, formats, generated, &|_, _| {})?;
    match outcome.failed.into_iter().next() {
        Some(f) => Err(f.error),
        None => Ok(outcome.written),
    }
}

fn write_format(
    report: &Report,
    out: &Path,
    format: Format,
    generated: &str,
) -> Result<Vec<PathBuf>, ReportError> {
    let mut written = Vec::new();
    match format {
        Format::Html => {
            let p = out.join("report.html");
            super::write_private_with(&p, |w| {
                let mut text = super::Text::new(w);
                html::render(&mut text, report, generated);
                text.finish(&p)
            })?;
            written.push(p);
        }
        Format::Markdown => {
            // The charts' folder first: a report.md whose charts cannot be written is not
            // written either.
            let dir = out.join("charts");
            own_subfolder(&dir)?;
            let p = out.join("report.md");
            let mut charts = Vec::new();
            super::write_private_with(&p, |w| {
                let mut text = super::Text::new(w);
                charts = markdown::render(&mut text, report, generated);
                text.finish(&p)
            })?;
            for (name, svg) in charts {
                let c = dir.join(name);
                super::write_private(&c, svg.as_bytes())?;
                written.push(c);
            }
            written.push(p);
        }
        Format::Csv => written = write_csvs(report, out)?,
        Format::Xlsx => {
            let p = out.join("report.xlsx");
            super::xlsx::write_xlsx(&p, report)?;
            written.push(p);
        }
        Format::Qdpx => {
            for s in &report.sections {
                let p = out.join(format!("project{}.qdpx", super::section_suffix(report, s)));
                super::qdpx::write_qdpx(&p, s, generated)?;
                written.push(p);
            }
        }
        Format::Qdc => {
            for s in &report.sections {
                if let Some(book) = &s.analysis.codebook {
                    let p = out.join(format!("codebook{}.qdc", super::section_suffix(report, s)));
                    super::write_private(&p, super::qdpx::codebook_xml(book).as_bytes())?;
                    written.push(p);
                }
            }
        }
    }
    Ok(written)
}

/// The CSV format's files. The long tables are written on a thread of their own: at
/// 100,000 sessions long.csv is 1.4 GB, most of this format's time, and the matrix, wide
/// and Stata/SPSS files need not wait for it. The files are listed in the same order
/// whichever finishes first.
fn write_csvs(report: &Report, out: &Path) -> Result<Vec<PathBuf>, ReportError> {
    let long_path = |s| out.join(format!("long{}.csv", super::section_suffix(report, s)));
    std::thread::scope(|scope| {
        let longs = scope.spawn(|| -> Result<(), ReportError> {
            for s in &report.sections {
                tables::write_csv(&long_path(s), |e| tables::long_rows(s, e))?;
            }
            Ok(())
        });
        let rest = write_csvs_but_long(report, out);
        let longs = longs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let rest = rest?;
        longs?;
        let mut written = rest.head;
        for (s, files) in report.sections.iter().zip(rest.sections) {
            written.push(long_path(s));
            written.extend(files);
        }
        written.extend(rest.tail);
        Ok(written)
    })
}

/// The CSV format's files but the long tables, in the order they are listed.
struct CsvFiles {
    /// Before the sections' files.
    head: Vec<PathBuf>,
    /// Each section's files after its long table.
    sections: Vec<Vec<PathBuf>>,
    tail: Vec<PathBuf>,
}

fn write_csvs_but_long(report: &Report, out: &Path) -> Result<CsvFiles, ReportError> {
    let mut head = Vec::new();
    let p = out.join("coverage.csv");
    tables::write_csv(&p, |e| tables::coverage_rows(report, e))?;
    head.push(p);
    let p = out.join("summary.csv");
    tables::write_csv(&p, |e| tables::summary_rows(report, e))?;
    head.push(p);
    let mut sections = Vec::new();
    for s in &report.sections {
        let mut written = Vec::new();
        let suffix = super::section_suffix(report, s);
        let p = out.join(format!("wide{suffix}.csv"));
        // The HXL row goes right under the header, as HXL has it.
        let tags: Option<Vec<String>> = report.options.hxl.then(|| {
            super::columns::wide_columns(s)
                .into_iter()
                .map(|c| c.hxl.unwrap_or_default())
                .collect()
        });
        tables::write_csv(&p, |e| {
            let mut first = true;
            tables::wide_rows(s, &mut |row| {
                e(row)?;
                if std::mem::take(&mut first)
                    && let Some(t) = &tags
                {
                    e(&t.iter().map(String::as_str).collect::<Vec<_>>())?;
                }
                Ok(())
            })
        })?;
        written.push(p);
        let csv = format!("wide{suffix}.csv");
        let p = out.join(format!("wide{suffix}.do"));
        super::write_private(
            &p,
            super::stata::stata(s, &csv, report.options.hxl).as_bytes(),
        )?;
        written.push(p);
        let p = out.join(format!("wide{suffix}.sps"));
        super::write_private(
            &p,
            super::spss::spss(s, &csv, report.options.hxl).as_bytes(),
        )?;
        written.push(p);
        let p = out.join(format!("matrix{suffix}.csv"));
        tables::write_csv(&p, |e| super::tables_analysis::matrix_rows(s, e))?;
        written.push(p);
        if !s.analysis.codings.is_empty() {
            let p = out.join(format!("themes{suffix}.csv"));
            tables::write_csv(&p, |e| super::tables_analysis::theme_rows(s, e))?;
            written.push(p);
            let p = out.join(format!("codings{suffix}.csv"));
            tables::write_csv(&p, |e| super::tables_analysis::coding_rows(s, e))?;
            written.push(p);
        }
        sections.push(written);
    }
    let p = out.join("datapackage.json");
    let package = super::datapackage::datapackage(report, report.options.hxl);
    let text = serde_json::to_string_pretty(&package).unwrap_or_default();
    super::write_private(&p, text.as_bytes())?;
    Ok(CsvFiles {
        head,
        sections,
        tail: vec![p],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_formats_own_file_names_are_claimed() {
        for (f, name) in [
            (Format::Csv, "long.csv"),
            (Format::Csv, "wide_tip-indicators-labour.csv"),
            (Format::Csv, "summary.csv"),
            (Format::Csv, "coverage.csv"),
            (Format::Csv, "datapackage.json"),
            (Format::Csv, "wide.do"),
            (Format::Csv, "wide_tip-indicators-labour.sps"),
            (Format::Html, "report.html"),
            (Format::Markdown, "report.md"),
            (Format::Xlsx, "report.xlsx"),
        ] {
            assert!(belongs_to(f, name), "{name}");
        }
        for (f, name) in [
            (Format::Csv, "longer.csv"),
            (Format::Csv, "long_.csv"),
            (Format::Csv, "my notes.csv"),
            (Format::Csv, "long_a b.csv"),
            (Format::Html, "report.html.bak"),
            (Format::Xlsx, "report.md"),
        ] {
            assert!(!belongs_to(f, name), "{name}");
        }
    }

    #[test]
    fn an_existing_folder_keeps_its_mode_and_a_new_one_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let open = dir.path().join("open");
        std::fs::create_dir(&open).expect("mkdir");
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
        let notes = prepare_folder(&open).expect("ready");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].to_string().contains("mode 1777"), "{notes:?}");
        crate::i18n::assert_said_everywhere(&notes[0]);
        crate::i18n::assert_said_everywhere(&OpenFolder {
            path: "r".into(),
            mode: 0o755,
        });
        assert_eq!(
            std::fs::metadata(&open).expect("meta").mode() & 0o7777,
            0o1777
        );
        let new = dir.path().join("a/b");
        assert!(prepare_folder(&new).expect("made").is_empty());
        assert_eq!(std::fs::metadata(&new).expect("meta").mode() & 0o777, 0o700);
    }
}
