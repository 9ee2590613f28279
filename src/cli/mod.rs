//! The binary's edge: the clap definitions (`args`), one file per command group, and the
//! dispatch, where a reader that went away (`stocktake … | head -1`) ends the program
//! quietly, as ripgrep and git do. Everything printed that came from a file goes through
//! [`crate::neutralise`]; everything is printed with `writeln!`, never `println!`, which
//! panics on a closed pipe.

mod args;
mod collate;
mod guide;
mod keys;
mod plan;
mod report;
mod sessions;
mod sync;
mod table;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, FormatArg, GuideCommand, KeysCommand, PlanCommand, StructureArg};

use crate::guide::{Catalog, GuideDirs};
use crate::neutralise;
use crate::store::{Store, default_data_dir, system_clock};

/// The error and its causes on one line, each cause once: our error types already name
/// their cause in their message, so `{:#}` would say it twice.
fn user_message(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !msg.contains(&cause) {
            msg.push_str(": ");
            msg.push_str(&cause);
        }
    }
    msg
}

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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Guide(GuideCommand::List)) => guide::list(&cli.guides),
        Some(Command::Guide(GuideCommand::Check { ref files })) => guide::check(files),
        Some(Command::Sessions { json }) => sessions::sessions(cli.data_dir.as_deref(), json),
        Some(Command::Sync { ref to }) => sync::sync(&cli, to.as_deref()),
        Some(Command::Import { ref files }) => sync::import(&cli, files),
        Some(Command::Collate {
            ref paths,
            ref db,
            ref identities,
            require_encrypted,
        }) => collate::collate(&cli, paths, db, identities, require_encrypted),
        Some(Command::Keys(KeysCommand::New { ref out })) => keys::new(out),
        Some(Command::Keys(KeysCommand::Show { ref file })) => keys::show(file),
        Some(Command::Conflicts { ref db }) => collate::conflicts(db),
        Some(Command::Report {
            ref db,
            ref out,
            ref format,
            structure,
            ref guide,
        }) => report::report(db, out, format, structure, guide.as_deref()),
        Some(Command::Plan(PlanCommand::Import {
            ref file,
            ref rules,
            ref db,
        })) => match db {
            Some(db) => plan::import_for_collation(db, file),
            None => plan::import(cli.data_dir.as_deref(), file, rules.as_deref()),
        },
        Some(Command::Plan(PlanCommand::List { json })) => {
            plan::list(cli.data_dir.as_deref(), json)
        }
        Some(Command::Plan(PlanCommand::Log {
            ref target,
            ref outcome,
            ref at,
            ref callback,
            ref note,
        })) => plan::log(
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
            plan::calendar(cli.data_dir.as_deref(), out)
        }
        Some(Command::Resolve {
            ref digest,
            ref db,
            undo,
        }) => collate::resolve(db, digest, undo),
        None => tui(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // With stderr gone as well there is no one left to tell; the exit code says it.
            writeln!(
                io::stderr(),
                "stocktake: {}",
                neutralise::block(&user_message(&e))
            )
            .unwrap_or(());
            ExitCode::FAILURE
        }
    }
}

fn config() -> anyhow::Result<crate::config::Config> {
    match crate::config::config_path() {
        Some(p) => Ok(crate::config::Config::load(&p)?),
        None => Ok(crate::config::Config::default()),
    }
}

/// Open the store in the chosen data dir, printing any notice (a permission fixed).
fn open_store(data_dir: Option<&Path>) -> anyhow::Result<Store> {
    let dir = match data_dir {
        Some(d) => d.to_path_buf(),
        None => default_data_dir().ok_or_else(|| {
            anyhow::anyhow!(
                "cannot tell where your data dir is (no home folder?); pass --data-dir DIR"
            )
        })?,
    };
    let (store, notices) = Store::open(&dir, system_clock())?;
    let mut err = io::stderr().lock();
    for n in notices {
        writeln!(err, "note: {}", neutralise::line(&n.0))?;
    }
    Ok(store)
}

/// Now, to the second, as the collation database and the report write times.
fn now_text() -> String {
    jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// The collation database a command reads, which must be there already.
fn existing_db(db: &Path) -> anyhow::Result<crate::collate::CollationDb> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such collation database; run stocktake collate first",
            db.display()
        );
    }
    Ok(crate::collate::CollationDb::open(db)?)
}

/// With no subcommand: the interview screens.
fn tui(cli: &Cli) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        anyhow::bail!(
            "the interview screens need a terminal; run stocktake in one, or use a subcommand (stocktake --help)"
        );
    }
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    if catalog.guides.is_empty() {
        anyhow::bail!("no interview guide could be loaded; run `stocktake guide list` to see why");
    }
    let store = open_store(cli.data_dir.as_deref())?;
    let user = crate::store::login_name();
    let sending = sync::sending(cli, None)?;
    let names = config()?.sensitive_names;
    crate::tui::run(store, catalog, user, sending, names)?;
    Ok(ExitCode::SUCCESS)
}
