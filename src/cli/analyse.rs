//! `stocktake analyse` (the collator's synthesis screen) and `stocktake merge-codings`
//! (another coder's codings brought in, for agreement).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{existing_db, say, show};
use crate::report::{Attribution, Report, ReportOptions};

pub(super) struct Options<'a> {
    pub codebook: Option<&'a Path>,
    pub coder: Option<&'a str>,
    pub guide: Option<&'a str>,
    pub include_sensitive: bool,
}

pub(super) fn analyse(lang: UiLang, db: &Path, o: Options<'_>) -> anyhow::Result<ExitCode> {
    let codebook = o
        .codebook
        .map(crate::guide::load_codebook_file)
        .transpose()?;
    let cdb = existing_db(lang, db)?;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!(say(
            lang,
            "analyse-needs-terminal",
            &[("db", db.display().to_string().into())]
        ));
    }
    let report = Report::build(
        &cdb,
        ReportOptions {
            guide: o.guide.map(str::to_string),
            // The collator works from the whole collation: who said it is what they
            // summarise. The report's attribution level applies to what they publish.
            attribution: Attribution::Response,
            include_sensitive: o.include_sensitive,
            codebook: codebook.clone(),
            matrix_whole: true,
            ..ReportOptions::default()
        },
    )?;
    let Some(section) = report.sections.into_iter().next() else {
        anyhow::bail!(say(
            lang,
            "analyse-nothing",
            &[
                ("db", db.display().to_string().into()),
                ("guide", o.guide.unwrap_or("none").into())
            ]
        ));
    };
    let coder = o
        .coder
        .map(str::to_string)
        .unwrap_or_else(crate::store::login_name);
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| db.display().to_string());
    let by_question = section.analysis.matrix.by_question(&cdb.summaries()?);
    let state = crate::analyse::State::new(
        section.analysis.matrix,
        section.analysis.codebook,
        section.analysis.codings,
        &coder,
        &crate::neutralise::line(&name),
    )
    .with_question_view(by_question)
    .with_lang(lang);
    crate::analyse::run::run(&cdb, state, crate::tui::theme::Theme::from_env())?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn merge_codings(
    lang: UiLang,
    db: &Path,
    others: &[PathBuf],
) -> anyhow::Result<ExitCode> {
    let cdb = existing_db(lang, db)?;
    let mut out = io::stdout().lock();
    for other in others {
        let n = cdb.merge_codings_from(other)?;
        let args = [
            ("file", show(other.display()).into()),
            ("n", n.into()),
            ("db", show(db.display()).into()),
        ];
        writeln!(out, "{}", say(lang, "merge-codings-merged", &args))?;
    }
    Ok(ExitCode::SUCCESS)
}
