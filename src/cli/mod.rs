//! The binary's edge: the clap definitions (`args`), one file per command group, and the
//! dispatch, where a reader that went away (`stocktake … | head -1`) ends the program
//! quietly, as ripgrep and git do. Every path and value printed goes through [`show`]
//! (or [`crate::neutralise`] for a table cell fitted to a width), so a file name or a
//! session's text can never drive the terminal; everything is printed with `writeln!`,
//! never `println!`, which panics on a closed pipe.

mod analyse;
mod args;
mod collate;
mod conflicts;
mod guide;
mod guide_diff;
mod help;
mod keys;
mod plan;
mod reasons;
mod report;
mod sessions;
mod sync;
mod table;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

pub use args::{
    AttributionArg, Cli, Command, FormatArg, GuideCommand, KeysCommand, PlanCommand, StructureArg,
};

use crate::guide::{Catalog, GuideDirs};
use crate::i18n::{FluentValue, UiLang};
use crate::neutralise;
use crate::store::{Store, default_data_dir, system_clock};

/// A path or value as the command line prints it: on one line, control characters,
/// newlines and invisible characters as visible escapes (`\\u{1b}`, `\\u{a}`). The one way
/// anything that came from a user, a file or the environment reaches the terminal.
pub(crate) fn show(x: impl std::fmt::Display) -> String {
    neutralise::line(&x.to_string()).into_owned()
}

/// A structure as the command line names it: its code (`protection_cluster`, the name
/// `--structure` takes), and for a custom `other` structure its own label as well
/// (`other: Protection Sector (South)`), as the report groups it.
pub(crate) fn structure_shown(structure: crate::guide::Structure, label: &str) -> String {
    match structure {
        crate::guide::Structure::Other if !label.trim().is_empty() => format!(
            "{}: {}",
            structure.as_str(),
            show(crate::report::structure_name(structure, label))
        ),
        s => s.as_str().to_string(),
    }
}

pub(crate) use reasons::{io_reason, user_message};

/// Whether the error is a write to a pipe whose reader has gone: not a failure, the
/// reader has all it wanted.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// The command line, parsed: by clap as it is in English, else with `--help` and clap's
/// errors in the language (`help`), exiting as clap does (0 for help, 2 for a mistake).
fn parse() -> Result<Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::lang_before_parsing(&args);
    if lang == UiLang::En {
        return Ok(Cli::parse());
    }
    let refused = |e: clap::Error| -> ExitCode {
        use clap::error::ErrorKind as K;
        let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        match e.kind() {
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand => {
                e.print().unwrap_or(());
            }
            _ => match help::error_in(lang, &e) {
                Some(said) => writeln!(io::stderr(), "{said}").unwrap_or(()),
                None => e.print().unwrap_or(()),
            },
        }
        code
    };
    let matches = help::localised(Cli::command(), lang)
        .try_get_matches_from(&args)
        .map_err(refused)?;
    if let Some(path) = help::help_asked(&matches) {
        // Asked as `help report`: said as `report --help` says it.
        let mut again = vec![args.first().cloned().unwrap_or_default()];
        again.extend(path.into_iter().map(Into::into));
        again.push("--help".into());
        return Err(
            match help::localised(Cli::command(), lang).try_get_matches_from(again) {
                Err(e) => refused(e),
                Ok(_) => ExitCode::SUCCESS,
            },
        );
    }
    Cli::from_arg_matches(&matches).map_err(refused)
}

pub fn run() -> ExitCode {
    let mut cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // A language typed after --ui-language that stocktake does not speak is refused; one
    // set in STOCKTAKE_UI_LANGUAGE (a profile on a shared server, read by every command)
    // is left aside with a note, so that it cannot stop every command at once.
    let typed = std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--ui-language" || a.starts_with("--ui-language=")
    });
    let ignored = match &cli.ui_language {
        Some(l) if !typed && UiLang::parse(l).is_none() => cli.ui_language.take(),
        _ => None,
    };
    let lang = match cli_lang(cli.ui_language.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            writeln!(
                io::stderr(),
                "stocktake: {}",
                show(user_message(&e, UiLang::En))
            )
            .unwrap_or(());
            return ExitCode::FAILURE;
        }
    };
    if let Some(given) = ignored {
        let note = say(
            lang,
            "cli-env-ui-language-ignored",
            &[("given", show(given).into())],
        );
        writeln!(
            io::stderr(),
            "{}",
            say(lang, "cli-note", &[("what", note.into())])
        )
        .unwrap_or(());
    }
    let result = match cli.command {
        Some(Command::Guide(GuideCommand::List)) => guide::list(lang, &cli.guides),
        Some(Command::Guide(GuideCommand::Check { ref files })) => guide::check(lang, files),
        Some(Command::Guide(GuideCommand::Diff {
            ref old,
            ref new,
            json,
        })) => guide_diff::diff(lang, &cli.guides, old, new, json),
        Some(Command::Guide(GuideCommand::Export {
            guide: ref g,
            ref xlsform,
        })) => guide::export(lang, &cli.guides, g, xlsform),
        Some(Command::Guide(GuideCommand::Import {
            ref form,
            ref out,
            lossy,
        })) => guide::import(lang, form, out, lossy),
        Some(Command::Sessions { json, wide }) => {
            sessions::sessions(lang, cli.data_dir.as_deref(), json, wide)
        }
        Some(Command::Sync { ref to, again }) => sync::sync(&cli, lang, to.as_deref(), again),
        Some(Command::Import { ref files }) => sync::import(&cli, lang, files),
        Some(Command::Collate {
            ref paths,
            ref db,
            ref identities,
            require_encrypted,
        }) => collate::collate(&cli, lang, paths, db, identities, require_encrypted),
        Some(Command::Keys(KeysCommand::New { ref out })) => keys::new(lang, out),
        Some(Command::Keys(KeysCommand::Show { ref file })) => keys::show_key(lang, file),
        Some(Command::Conflicts { ref db, full }) => conflicts::conflicts(lang, db, full),
        Some(Command::Analyse {
            ref db,
            ref codebook,
            ref coder,
            ref guide,
            include_sensitive,
        }) => analyse::analyse(
            lang,
            db,
            analyse::Options {
                codebook: codebook.as_deref(),
                coder: coder.as_deref(),
                guide: guide.as_deref(),
                include_sensitive,
            },
        ),
        Some(Command::MergeCodings { ref db, ref from }) => analyse::merge_codings(lang, db, from),
        Some(Command::Report {
            ref db,
            ref out,
            ref format,
            structure,
            ref guide,
            attribution,
            min_cell,
            include_sensitive,
            ref codebook,
            hxl,
            matrix_by,
            ref report_language,
        }) => report::report(
            lang,
            db,
            out,
            format,
            report::Filters {
                structure,
                guide: guide.as_deref(),
                attribution,
                min_cell,
                include_sensitive,
                codebook: codebook.as_deref(),
                hxl,
                matrix_by: matrix_by.into(),
                language: report_language.as_deref(),
            },
        ),
        Some(Command::Plan(PlanCommand::Import {
            ref file,
            ref rules,
            ref db,
        })) => match db {
            Some(db) => plan::import_for_collation(lang, db, file),
            None => plan::import(lang, cli.data_dir.as_deref(), file, rules.as_deref()),
        },
        Some(Command::Plan(PlanCommand::List { json })) => {
            plan::list(lang, cli.data_dir.as_deref(), json)
        }
        Some(Command::Plan(PlanCommand::Log {
            ref target,
            ref outcome,
            ref at,
            ref callback,
            ref note,
        })) => plan::log(
            lang,
            cli.data_dir.as_deref(),
            plan::Log {
                target,
                outcome,
                at: at.as_deref(),
                callback: callback.as_deref(),
                note: note.as_deref(),
            },
        ),
        Some(Command::Plan(PlanCommand::Calendar { ref out })) => {
            plan::calendar(lang, cli.data_dir.as_deref(), out)
        }
        Some(Command::Resolve {
            ref digest,
            ref db,
            undo,
            ref answer,
        }) => conflicts::resolve(lang, db, digest, undo, answer.as_deref()),
        None => tui(&cli, lang),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // A campaign file's bad rows, one a line: the message joins them with newlines,
            // which `show` would print as `\u{a}` in one long line.
            if let Some(crate::campaign::ImportError::Rows(rows)) = e.downcast_ref() {
                let mut err = io::stderr().lock();
                for r in rows {
                    writeln!(
                        err,
                        "stocktake: {}",
                        show(crate::i18n::Reason::reason(r, lang))
                    )
                    .unwrap_or(());
                }
                return ExitCode::FAILURE;
            }
            // With stderr gone as well there is no one left to tell; the exit code says it.
            writeln!(io::stderr(), "stocktake: {}", show(user_message(&e, lang))).unwrap_or(());
            ExitCode::FAILURE
        }
    }
}

/// The language of the command line's words, outside any call: `--ui-language`, else the
/// config's `ui_language`, else the locale, else English (`i18n::UiChoice`, as the screens).
/// A config that cannot be read gives no choice here rather than an error: the commands
/// that need the config say what is wrong with it, and `keys show` needs none.
fn cli_lang(flag: Option<&str>) -> anyhow::Result<UiLang> {
    if let Some(l) = flag
        && UiLang::parse(l).is_none()
    {
        anyhow::bail!(say(
            UiLang::En,
            "cli-bad-ui-language",
            &[("given", l.into())]
        ));
    }
    let config = config().ok().and_then(|c| c.ui_language);
    Ok(crate::i18n::UiChoice::new(flag, config.as_deref(), |v| std::env::var(v).ok()).lang)
}

/// A message of `en-cli.ftl` / `fr-cli.ftl` with its arguments. In English the counts
/// stay ungrouped (`12500 file(s)`), as the command line has always printed them and as
/// scripts and logs grep them; French groups them as it writes numbers (`12 500`).
fn say(lang: UiLang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    if lang != UiLang::En {
        return crate::i18n::tr(lang, id, args);
    }
    let plain: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| match v {
            FluentValue::Number(n) => {
                let mut n = n.clone();
                n.options.use_grouping = false;
                (*k, FluentValue::Number(n))
            }
            v => (*k, v.clone()),
        })
        .collect();
    crate::i18n::tr(lang, id, &plain)
}

fn config() -> anyhow::Result<crate::config::Config> {
    match crate::config::config_path() {
        Some(p) => Ok(crate::config::Config::load(&p)?),
        None => Ok(crate::config::Config::default()),
    }
}

/// Open the store in the chosen data dir, printing any notice (a permission fixed).
fn open_store(lang: UiLang, data_dir: Option<&Path>) -> anyhow::Result<Store> {
    let dir = match data_dir {
        Some(d) => d.to_path_buf(),
        None => {
            default_data_dir().ok_or_else(|| anyhow::anyhow!(say(lang, "cli-no-data-dir", &[])))?
        }
    };
    let (store, notices) = Store::open(&dir, system_clock())?;
    let mut err = io::stderr().lock();
    for n in notices {
        // The notice itself is the store's words, after a translated lead.
        writeln!(
            err,
            "{}",
            say(lang, "cli-note", &[("what", show(&n.0).into())])
        )?;
    }
    Ok(store)
}

/// A duration in seconds to a tenth, with the language's decimal mark (`2.5`, `2,5`).
fn seconds(lang: UiLang, d: std::time::Duration) -> String {
    let s = format!("{:.1}", d.as_secs_f64());
    match lang {
        UiLang::Fr => s.replace('.', ","),
        UiLang::En => s,
    }
}

/// Now, to the second, as the collation database and the report write times.
fn now_text() -> String {
    jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// A `--db` that names a folder: SQLite would only say "Error code 14".
fn not_a_folder(lang: UiLang, db: &Path) -> anyhow::Result<()> {
    if db.is_dir() {
        anyhow::bail!(say(
            lang,
            "cli-db-is-folder",
            &[
                ("db", db.display().to_string().into()),
                ("example", db.join("season.db").display().to_string().into()),
            ]
        ));
    }
    Ok(())
}

/// The collation database a command reads, which must be there already.
fn existing_db(lang: UiLang, db: &Path) -> anyhow::Result<crate::collate::CollationDb> {
    not_a_folder(lang, db)?;
    if !db.exists() {
        anyhow::bail!(say(
            lang,
            "cli-db-missing",
            &[("db", db.display().to_string().into())]
        ));
    }
    Ok(crate::collate::CollationDb::open(db)?)
}

/// The collation database `collate` writes: an existing one, or a new one it may create
/// here. A symlink to nothing is refused: SQLite would create its target with the
/// umask's mode (0644), readable by everyone, where the database must be 0600.
fn db_to_write(lang: UiLang, db: &Path) -> anyhow::Result<()> {
    not_a_folder(lang, db)?;
    if let Ok(m) = std::fs::symlink_metadata(db)
        && m.file_type().is_symlink()
        && !db.exists()
    {
        let link = std::fs::read_link(db).unwrap_or_default();
        // A relative link is relative to its own folder, not to where stocktake runs.
        let target = db.parent().map_or(link.clone(), |d| d.join(&link));
        anyhow::bail!(say(
            lang,
            "cli-db-dangling",
            &[
                ("db", db.display().to_string().into()),
                ("target", target.display().to_string().into()),
            ]
        ));
    }
    Ok(())
}

/// `--accessible`: the interviews as plain lines, on any input and output (a screen
/// reader's terminal, a pipe).
fn accessible(cli: &Cli, lang: UiLang) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    if catalog.guides.is_empty() {
        anyhow::bail!(say(lang, "tui-no-guide", &[]));
    }
    let store = open_store(lang, cli.data_dir.as_deref())?;
    let user = crate::store::login_name();
    let sending = sync::sending(cli, None)?;
    let config = config()?;
    // `--ui-language` was checked by `cli_lang` before any command ran.
    let ui = crate::i18n::UiChoice::new(
        cli.ui_language.as_deref(),
        config.ui_language.as_deref(),
        |v| std::env::var(v).ok(),
    );
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = io::stdout().lock();
    crate::tui::accessible::Accessible::new(
        store,
        catalog,
        &user,
        sending,
        config.sensitive_names,
        &mut input,
        &mut out,
    )
    .with_ui(ui)
    .main()?;
    Ok(ExitCode::SUCCESS)
}

/// With no subcommand: the interview screens.
fn tui(cli: &Cli, lang: UiLang) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    if cli.accessible {
        return accessible(cli, lang);
    }
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        anyhow::bail!(say(lang, "tui-needs-terminal", &[]));
    }
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    if catalog.guides.is_empty() {
        anyhow::bail!(say(lang, "tui-no-guide", &[]));
    }
    let store = open_store(lang, cli.data_dir.as_deref())?;
    let user = crate::store::login_name();
    let sending = sync::sending(cli, None)?;
    let config = config()?;
    // `--ui-language` was checked by `cli_lang` before any command ran.
    let ui = crate::i18n::UiChoice::new(
        cli.ui_language.as_deref(),
        config.ui_language.as_deref(),
        |v| std::env::var(v).ok(),
    );
    let auto_advance = config.auto_advance();
    crate::tui::run(
        store,
        catalog,
        user,
        sending,
        config.sensitive_names,
        ui,
        auto_advance,
    )?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_counts_are_plain_in_english_and_grouped_in_french() {
        let n = |lang| {
            say(
                lang,
                "sync-written",
                &[("n", 12_500.into()), ("dir", "o".into())],
            )
        };
        assert_eq!(n(UiLang::En), "12500 file(s) written to o");
        assert_eq!(n(UiLang::Fr), "12\u{202f}500 fichiers écrits dans o");
        // Plurals still select on the number.
        let one = say(UiLang::En, "diff-changes", &[("n", 1.into())]);
        assert_eq!(one, "1 change");
    }

    #[test]
    fn seconds_use_the_language_decimal_mark() {
        let d = std::time::Duration::from_millis(2_540);
        assert_eq!(seconds(UiLang::En, d), "2.5");
        assert_eq!(seconds(UiLang::Fr, d), "2,5");
    }
}
