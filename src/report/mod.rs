//! Reports from a collation database: the Figure-1 style distributions, frequency tables
//! and cross-tabs, free texts, data quality; as HTML, Markdown (with SVG charts), CSV and
//! XLSX. The output folder is created private (0700, files 0600): it holds interviews in
//! clear.

mod analysis;
mod answers;
mod build;
mod columns;
mod counts;
mod coverage;
mod coverage_said;
mod datapackage;
mod escape;
mod group;
mod heads;
mod html;
mod html_analysis;
mod html_evidence;
mod html_quality;
mod kappa;
mod markdown;
mod markdown_analysis;
mod matrix;
mod matrix_by;
mod model;
mod provenance;
mod provenance_said;
mod qdpx;
mod quality;
mod say;
mod spss;
mod stata;
mod suppress;
mod svg;
mod tables;
mod tables_analysis;
mod texts;
mod versions;
mod write;
mod xlsx;
mod xlsx_columns;
mod xlsx_feed;

use std::io::Write;
use std::path::Path;

pub use analysis::{
    Analysis, CellItem, Matrix, MatrixCell, MatrixColumn, MatrixRow, Quote, StaleCoding, ThemeRow,
    Unit, span_of, units_of,
};
pub use columns::{Column, Kind, MARKERS, variable_names, wide_columns};
pub use coverage::{
    Calls, CampaignCoverage, Coverage, GroupCoverage, Reason, TargetLine, aapor_of,
};
pub use datapackage::datapackage;
pub use escape::{cell, html as escape_html, markdown as escape_markdown};
pub use group::{Group, structure_name};
pub use heads::AnswerSource;
pub use kappa::{Agreement, CodeAgreement, Disagreement, cohen_kappa};
pub use matrix_by::{MatrixBy, question_key};
pub use model::{
    Answer, Answers, Apart, Attribution, Cell, Count, CrossTab, Distribution, GuideSection,
    Quality, Report, ReportOptions, SessionRow, TextItem, hidden_note, percent,
};
pub use qdpx::{codebook_xml, guid};
pub use say::Say;
pub use spss::spss;
pub use stata::stata;
pub use tables::{
    COVERAGE_COLUMNS, Emit, LONG_COLUMNS, collect_rows, coverage_rows, long_rows, summary_rows,
    wide_rows,
};
pub use tables_analysis::{coding_rows, matrix_rows, theme_rows};
pub use write::{Failure, OpenFolder, Outcome, prepare_folder, write, write_reporting};
pub use xlsx::{XlsxLimits, write_xlsx_within};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    Xlsx,
    /// A REFI-QDA project, for NVivo, ATLAS.ti, MAXQDA, QualCoder.
    Qdpx,
    /// The codebook alone, as REFI-QDA's exchange codebook.
    Qdc,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Qdpx => "qdpx",
            Format::Qdc => "qdc",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// What a library said (the spreadsheet's, the CSV writer's, the zip's), as it said it.
    #[error("{path}: {message}")]
    Write { path: String, message: String },
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("{path}: exists and is not a folder; name a folder for the report with --out DIR")]
    NotAFolder { path: String },
    #[error(
        "{path}: is {} where the report keeps its charts; stocktake never writes through it: remove it and write the report again",
        if *symlink { "a symbolic link" } else { "not a folder" }
    )]
    ChartsFolder { path: String, symlink: bool },
    #[error("{path}: reading the answers again: {cause}")]
    ReadAgain {
        path: String,
        cause: crate::collate::CollateError,
    },
    /// The workbook's writer failed and says why itself: this only stops the rows fed to it.
    #[error("the workbook's writer stopped")]
    WriterStopped,
}

impl ReportError {
    pub(crate) fn io(path: &Path) -> impl Fn(std::io::Error) -> ReportError + '_ {
        move |cause| ReportError::Io {
            path: path.display().to_string(),
            cause,
        }
    }
}

impl crate::i18n::Reason for ReportError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        let at = |path: &str, what: Words| {
            Words::msg("why-path")
                .arg("path", path.to_string())
                .with("what", what)
        };
        match self {
            ReportError::Write { path, message } => at(path, Words::Text(message.clone())),
            ReportError::Io { path, cause } => at(path, cause.said()),
            ReportError::NotAFolder { path } => at(path, Words::msg("why-report-not-a-folder")),
            ReportError::ChartsFolder { path, symlink } => at(
                path,
                Words::msg(if *symlink {
                    "why-report-charts-symlink"
                } else {
                    "why-report-charts-not-a-folder"
                }),
            ),
            ReportError::ReadAgain { path, cause } => at(
                path,
                Words::msg("why-report-read-again").with("cause", cause.said()),
            ),
            ReportError::WriterStopped => Words::msg("why-report-writer-stopped"),
        }
    }
}

/// Where the HTML and Markdown renderers write: straight into the file being written, so
/// a report on 10,000 sessions (70 MB of HTML) is never held whole in memory. `write!`
/// works on it; the first I/O error is kept, what follows it is skipped, and
/// [`Text::finish`] returns it.
pub(crate) struct Text<'a> {
    out: &'a mut dyn Write,
    error: Option<std::io::Error>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(out: &'a mut dyn Write) -> Text<'a> {
        Text { out, error: None }
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(s.as_bytes())
        {
            self.error = Some(e);
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    pub(crate) fn finish(self, path: &Path) -> Result<(), ReportError> {
        match self.error {
            None => Ok(()),
            Some(e) => Err(ReportError::io(path)(e)),
        }
    }
}

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// What the report says its quotes are attributed to.
pub(crate) fn attribution_said(say: Say, a: Attribution) -> String {
    say.tr("rpt-attributed-to", &[("level", a.name().into())])
}

/// A kind of text (`TextItem::kind`, `Unit::kind`) as the report names it: "note",
/// "general note, marked sensitive".
pub(crate) fn kind_said(say: Say, kind: &str) -> String {
    let id = match kind {
        "answer" => "rpt-kind-answer",
        "other" => "rpt-kind-other",
        "note" => "rpt-kind-note",
        "general note" => "rpt-kind-general-note",
        "pad note" => "rpt-kind-pad-note",
        "answer, marked sensitive" => "rpt-kind-answer-sensitive",
        "other, marked sensitive" => "rpt-kind-other-sensitive",
        "note, marked sensitive" => "rpt-kind-note-sensitive",
        "general note, marked sensitive" => "rpt-kind-general-note-sensitive",
        other => return other.to_string(),
    };
    say.t(id)
}

/// Why a file is in quarantine, by the kind the database stores: named per language as
/// `stocktake collate` names it; in English the stored kind itself, as the report has
/// always shown it.
pub(crate) fn quarantine_kind(say: Say, kind: &str) -> String {
    if say.lang == crate::i18n::UiLang::En {
        return kind.to_string();
    }
    crate::i18n::lookup(
        say.lang,
        &format!("quarantine-kind-{}", kind.replace(' ', "-")),
        &[],
    )
    .unwrap_or_else(|| kind.to_string())
}

/// Write a file readable by its owner only, replacing an older report atomically.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    write_private_with(path, |w| w.write_all(bytes).map_err(ReportError::io(path)))
}

/// Like [`write_private`], the content written through a buffered writer as it comes.
/// The temp file has a name of its own, so two reports written into one folder at once
/// cannot write into each other's.
pub(crate) fn write_private_with(
    path: &Path,
    content: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    crate::fs::write(
        path,
        &crate::fs::NewFile::PRIVATE_REPLACE,
        ReportError::io(path),
        content,
    )
}

/// `_<guide id>` after the CSV names when the report has several guides.
pub(crate) fn section_suffix(report: &Report, s: &GuideSection) -> String {
    if report.sections.len() > 1 {
        format!("_{}", s.guide.id)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts `room` bytes, then fails as a full disk does.
    struct Full {
        room: usize,
        got: Vec<u8>,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.got.len() + buf.len() > self.room {
                return Err(std::io::Error::other("no space left on device"));
            }
            self.got.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn text_writes_through_and_keeps_the_first_error() {
        use std::fmt::Write as _;
        let mut ok = Full {
            room: 100,
            got: Vec::new(),
        };
        let mut t = Text::new(&mut ok);
        t.push_str("<p>");
        let _ = write!(t, "{} of {}", 5, 26);
        t.push('…');
        assert!(t.finish(Path::new("r.html")).is_ok());
        assert_eq!(String::from_utf8_lossy(&ok.got), "<p>5 of 26…");

        let mut full = Full {
            room: 4,
            got: Vec::new(),
        };
        let mut t = Text::new(&mut full);
        t.push_str("<p>");
        t.push_str("too long now");
        t.push_str("!");
        let e = t
            .finish(Path::new("out/report.html"))
            .expect_err("disk full");
        assert_eq!(
            e.to_string(),
            "out/report.html: no space left on device",
            "the path and the first error"
        );
        assert_eq!(full.got, b"<p>", "nothing after the failure");
    }
}
