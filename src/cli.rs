//! The binary's edge: clap definitions and one small function per subcommand.
//! Everything printed that came from a file goes through [`crate::neutralise`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::guide::{Catalog, GuideDirs, Place, load_guide_file};
use crate::neutralise;
use crate::store::{Store, default_data_dir, system_clock};

#[derive(Debug, Parser)]
#[command(
    name = "stocktake",
    version,
    about = "Capture semi-structured interviews, sync them as files, collate them into a report"
)]
pub struct Cli {
    /// Also look for guides in DIR (repeatable); these win over every other place.
    #[arg(long = "guides", value_name = "DIR", global = true)]
    pub guides: Vec<PathBuf>,

    /// Where interviews are kept (default: the XDG data dir, e.g. ~/.local/share/stocktake).
    #[arg(long, value_name = "DIR", global = true, env = "STOCKTAKE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where completed sessions are written as files (else `outbox` in the config file).
    #[arg(long, value_name = "DIR", global = true, env = "STOCKTAKE_OUTBOX")]
    pub outbox: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List or validate interview guides.
    #[command(subcommand)]
    Guide(GuideCommand),
    /// List the sessions in the local store, newest call first.
    Sessions {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write every completed session revision not yet written into the outbox.
    Sync {
        /// The outbox folder (else --outbox, STOCKTAKE_OUTBOX or the config file).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Bring session files into the local store, to review them or continue them here.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideCommand {
    /// List the guides found: bundled, ./interview-guides/, the config dir, --guides.
    List,
    /// Validate guide files; prints file:line:col: message for each problem, exit 1 if any.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Guide(GuideCommand::List)) => guide_list(&cli.guides),
        Some(Command::Guide(GuideCommand::Check { files })) => guide_check(&files),
        Some(Command::Sessions { json }) => sessions(cli.data_dir.as_deref(), json),
        Some(Command::Sync { ref to }) => sync(&cli, to.as_deref()),
        Some(Command::Import { ref files }) => import(&cli, files),
        None => tui(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stocktake: {}", neutralise::block(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The outbox: `sync --to`, else `--outbox` / `STOCKTAKE_OUTBOX`, else the config file.
fn outbox(cli: &Cli, to: Option<&Path>) -> anyhow::Result<Option<PathBuf>> {
    if let Some(d) = to.or(cli.outbox.as_deref()) {
        return Ok(Some(d.to_path_buf()));
    }
    match crate::config::config_path() {
        Some(p) => Ok(crate::config::Config::load(&p)?.outbox),
        None => Ok(None),
    }
}

fn sync(cli: &Cli, to: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(dir) = outbox(cli, to)? else {
        anyhow::bail!(
            "no outbox: say where with `stocktake sync --to DIR`, STOCKTAKE_OUTBOX, or outbox = \"DIR\" in {}",
            crate::config::config_path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "the config file".into())
        );
    };
    let mut store = open_store(cli.data_dir.as_deref())?;
    let report = crate::outbox::sync(&mut store, &dir)?;
    let shown = neutralise::line(&dir.display().to_string()).into_owned();
    for p in &report.written {
        println!("wrote {}", neutralise::line(&p.display().to_string()));
    }
    for p in &report.already {
        println!(
            "already there: {}",
            neutralise::line(&p.display().to_string())
        );
    }
    if report.cleaned > 0 {
        println!(
            "removed {} unfinished temporary file(s) left by an interrupted sync",
            report.cleaned
        );
    }
    for (name, e) in &report.failed {
        eprintln!(
            "not written: {}: {}",
            neutralise::line(name),
            neutralise::line(&e.to_string())
        );
    }
    let waiting = store.unsynced()?.len();
    if !report.is_ok() {
        eprintln!(
            "{waiting} completed session revision(s) still waiting to sync; nothing was lost"
        );
        return Ok(ExitCode::FAILURE);
    }
    if report.written.is_empty() && report.already.is_empty() {
        println!("nothing to sync: every completed session is already written ({shown})");
    } else {
        println!("{} file(s) written to {shown}", report.written.len());
    }
    Ok(ExitCode::SUCCESS)
}

fn import(cli: &Cli, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    let mut store = open_store(cli.data_dir.as_deref())?;
    let mut failed = 0;
    for path in files {
        let shown = neutralise::line(&path.display().to_string()).into_owned();
        let result = (|| -> anyhow::Result<String> {
            let bytes =
                std::fs::read(path).map_err(|e| anyhow::anyhow!("{shown}: cannot read: {e}"))?;
            if bytes.len() as u64 > crate::sync::MAX_FILE_BYTES {
                anyhow::bail!("{shown}: too large to be a session file");
            }
            let f = crate::sync::parse_session_file(&bytes, &shown)?;
            let digest = f.session.guide.digest;
            let guide =
                match catalog.guides.iter().find(|g| g.digest == digest) {
                    Some(g) => g.clone(),
                    None => store.load_guide(&digest).map_err(|_| {
                        crate::sync::ReadError::UnknownGuide {
                            file: shown.clone(),
                            id: f.session.guide.id.clone(),
                            version: f.session.guide.version.clone(),
                            digest: digest.to_string(),
                        }
                    })?,
                };
            crate::sync::verify_against(&f, &guide.guide, &guide.digest, &shown)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file = crate::store::RevisionFile {
                digest: f.digest,
                file_name: name,
                content: bytes,
            };
            let what = match store.import_revision(&guide, &f.session, &file)? {
                crate::store::Imported::New => "imported".to_string(),
                crate::store::Imported::Updated { from } => {
                    format!("imported, replacing revision {from}")
                }
                crate::store::Imported::AlreadyHere => "already here, nothing changed".to_string(),
            };
            Ok(format!(
                "{shown}: {what}: {} · {} revision {}",
                neutralise::line(&f.session.response),
                f.session.structure.as_str(),
                f.session.revision
            ))
        })();
        match result {
            Ok(line) => println!("{line}"),
            Err(e) => {
                failed += 1;
                eprintln!("{}", neutralise::block(&format!("{e:#}")));
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// With no subcommand: the interview screens.
fn tui(cli: &Cli) -> anyhow::Result<ExitCode> {
    let (data_dir, guide_dirs) = (cli.data_dir.as_deref(), &cli.guides);
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the interview screens need a terminal; run stocktake in one, or use a subcommand (stocktake --help)"
        );
    }
    let catalog = Catalog::discover(&GuideDirs::standard(guide_dirs.to_vec()));
    if catalog.guides.is_empty() {
        anyhow::bail!("no interview guide could be loaded; run `stocktake guide list` to see why");
    }
    let store = open_store(data_dir)?;
    let user = crate::store::login_name();
    let outbox = outbox(cli, None)?;
    crate::tui::run(store, catalog, user, outbox)?;
    Ok(ExitCode::SUCCESS)
}

fn guide_list(flag_dirs: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::discover(&GuideDirs::standard(flag_dirs.to_vec()));
    let rows: Vec<[String; 5]> = catalog
        .guides
        .iter()
        .map(|g| {
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
        })
        .collect();
    let header = ["ID", "VERSION", "QUESTIONS", "WHERE", "TITLE"].map(String::from);
    let width = |i: usize| {
        rows.iter()
            .chain([&header])
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2, w3) = (width(0), width(1), width(2), width(3));
    let mut out = std::io::stdout().lock();
    for r in [&header].into_iter().chain(&rows) {
        writeln!(
            out,
            "{:<w0$}  {:<w1$}  {:>w2$}  {:<w3$}  {}",
            r[0], r[1], r[2], r[3], r[4]
        )?;
    }
    drop(out);
    // An identical copy (the repository's own interview-guides/ beside the bundled ones)
    // changes nothing, so only a real conflict is worth a line.
    for s in catalog.shadowed.iter().filter(|s| !s.identical) {
        let why = "a different guide with the same id";
        eprintln!(
            "note: {} (version {}) from {} is {why}; using the one from {} (--guides, then ./interview-guides, then the config dir, then bundled)",
            neutralise::line(&s.id),
            neutralise::line(&s.version),
            neutralise::line(&s.origin),
            neutralise::line(&s.by),
        );
    }
    for e in &catalog.broken {
        eprintln!("warning: skipped {}", neutralise::block(&e.to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

fn guide_check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = 0;
    for f in files {
        match load_guide_file(f, Place::Flag) {
            Ok(g) => println!(
                "{}: ok: {} version {}, {} sections, {} questions, {}",
                neutralise::line(&f.display().to_string()),
                neutralise::line(&g.guide.id),
                neutralise::line(&g.guide.version),
                g.guide.sections.len(),
                g.guide.question_count(),
                g.digest,
            ),
            Err(e) => {
                failed += 1;
                eprintln!("{}", neutralise::block(&e.to_string()));
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "{failed} of {} guide file{} refused",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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
    for n in notices {
        eprintln!("note: {}", neutralise::line(&n.0));
    }
    Ok(store)
}

fn sessions(data_dir: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(data_dir)?;
    let rows = store.summaries()?;
    let mut out = std::io::stdout().lock();
    if json {
        // serde_json escapes control characters, so JSON output is terminal-safe as is.
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No sessions yet in {}.",
            neutralise::line(&store.path().display().to_string())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<[String; 9]> = rows
        .iter()
        .map(|r| {
            let structure = if r.structure_label.is_empty() {
                r.structure.clone()
            } else {
                format!("{}: {}", r.structure, r.structure_label)
            };
            [
                r.id.clone(),
                r.call_id.clone(),
                format!("{} v{}", r.guide_id, r.guide_version),
                structure,
                r.response.clone(),
                r.status.clone(),
                r.revision.to_string(),
                format!("{}/{}", r.required_answered, r.required),
                r.updated_at.clone(),
            ]
            .map(|c| neutralise::line(&c).into_owned())
        })
        .collect();
    let header = [
        "SESSION",
        "CALL",
        "GUIDE",
        "STRUCTURE",
        "RESPONSE",
        "STATUS",
        "REV",
        "REQUIRED",
        "LAST CHANGE",
    ]
    .map(String::from);
    let widths: Vec<usize> = (0..9)
        .map(|i| {
            table
                .iter()
                .chain([&header])
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in [&header].into_iter().chain(&table) {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(ExitCode::SUCCESS)
}
