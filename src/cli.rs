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
    /// Merge session files (folders are walked) into a collation database.
    Collate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The collation database (created if missing).
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// An age identity file that opens encrypted session files (repeatable; or
        /// STOCKTAKE_IDENTITY, several separated by `:`).
        #[arg(
            long = "identity",
            value_name = "FILE",
            env = "STOCKTAKE_IDENTITY",
            value_delimiter = ':'
        )]
        identities: Vec<PathBuf>,
        /// Quarantine session files that are not encrypted.
        #[arg(long)]
        require_encrypted: bool,
    },
    /// Create or show the collator's age key.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// List conflicts: revisions of a session edited in two places, side by side.
    Conflicts {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// Write the report: summary tables and charts, frequencies, texts, data quality.
    Report {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write into (created private: 0700).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Any of html, md, csv, xlsx, comma-separated (default: all).
        #[arg(long, value_name = "LIST", default_value = "html,md,csv,xlsx")]
        format: String,
        /// Only this structure: protection_cluster, cp_aor, gbv_aor or other.
        #[arg(long, value_name = "S")]
        structure: Option<String>,
        /// Only sessions of this guide id.
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
    },
    /// Pick the revision that wins its conflict (or take the choice back with --undo).
    Resolve {
        /// The digest of the winning revision (at least 8 hex digits, as `conflicts` shows).
        #[arg(value_name = "DIGEST")]
        digest: String,
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Take back the choice made in this revision's conflict.
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create a new identity file (readable by you alone) and print its public recipient.
    New {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Print the public recipient of an identity file, to put in a guide or config.
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Guide(GuideCommand::List)) => guide_list(&cli.guides),
        Some(Command::Guide(GuideCommand::Check { files })) => guide_check(&files),
        Some(Command::Sessions { json }) => sessions(cli.data_dir.as_deref(), json),
        Some(Command::Sync { ref to }) => sync(&cli, to.as_deref()),
        Some(Command::Import { ref files }) => import(&cli, files),
        Some(Command::Collate {
            ref paths,
            ref db,
            ref identities,
            require_encrypted,
        }) => collate(&cli, paths, db, identities, require_encrypted),
        Some(Command::Keys(KeysCommand::New { ref out })) => keys_new(out),
        Some(Command::Keys(KeysCommand::Show { ref file })) => keys_show(file),
        Some(Command::Conflicts { ref db }) => conflicts(db),
        Some(Command::Report {
            ref db,
            ref out,
            ref format,
            ref structure,
            ref guide,
        }) => report(db, out, format, structure.as_deref(), guide.as_deref()),
        Some(Command::Resolve {
            ref digest,
            ref db,
            undo,
        }) => resolve(db, digest, undo),
        None => tui(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stocktake: {}", neutralise::block(&user_message(&e)));
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

/// Where completed sessions go: `sync --to`, else `--outbox` / `STOCKTAKE_OUTBOX`, else the
/// config file; encrypted to the config file's recipients (and each guide's).
fn sending(cli: &Cli, to: Option<&Path>) -> anyhow::Result<crate::outbox::Sending> {
    let config = config()?;
    let outbox = to
        .or(cli.outbox.as_deref())
        .map(Path::to_path_buf)
        .or(config.outbox);
    let recipients = config
        .recipients
        .iter()
        .map(|r| crate::sync::parse_recipient(r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::outbox::Sending { outbox, recipients })
}

fn sync(cli: &Cli, to: Option<&Path>) -> anyhow::Result<ExitCode> {
    let sending = sending(cli, to)?;
    let Some(dir) = sending.outbox.clone() else {
        anyhow::bail!(
            "no outbox: say where with `stocktake sync --to DIR`, STOCKTAKE_OUTBOX, or outbox = \"DIR\" in {}",
            crate::config::config_path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "the config file".into())
        );
    };
    let mut store = open_store(cli.data_dir.as_deref())?;
    let report = crate::outbox::sync(&mut store, &dir, &sending.recipients)?;
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
            let crate::sync::Verified {
                file: f,
                guide,
                bytes,
            } = crate::sync::read_verified(path, &shown, |digest| {
                match catalog.guides.iter().find(|g| g.digest == *digest) {
                    Some(g) => Some(g.clone()),
                    None => store.load_guide(digest).ok(),
                }
            })?;
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
                eprintln!("{}", neutralise::block(&user_message(&e)));
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
    let sending = sending(cli, None)?;
    crate::tui::run(store, catalog, user, sending)?;
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
                if r.waiting {
                    format!("{} (to sync)", r.status)
                } else {
                    r.status.clone()
                },
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

fn now_text() -> String {
    jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

fn read_identities(files: &[PathBuf]) -> anyhow::Result<Vec<age::x25519::Identity>> {
    let mut out = Vec::new();
    for f in files.iter().filter(|f| !f.as_os_str().is_empty()) {
        let shown = f.display().to_string();
        let text = std::fs::read_to_string(f)
            .map_err(|e| anyhow::anyhow!("{shown}: cannot read the identity: {e}"))?;
        out.extend(crate::sync::parse_identities(&text, &shown)?);
    }
    Ok(out)
}

fn keys_new(out: &Path) -> anyhow::Result<ExitCode> {
    let (recipient, text) = crate::sync::new_identity(&now_text());
    // Through a temp file: an identity file is there whole or not at all.
    crate::fs::write_bytes(out, &crate::fs::NewFile::PRIVATE_NEW, text.as_bytes()).map_err(
        |e| {
            anyhow::anyhow!(
                "{}: cannot create the identity file ({e}); an existing one is never overwritten",
                out.display()
            )
        },
    )?;
    eprintln!(
        "created {} (readable by you alone: keep it safe and backed up; whoever holds it reads every session)",
        out.display()
    );
    println!("{recipient}");
    Ok(ExitCode::SUCCESS)
}

fn keys_show(file: &Path) -> anyhow::Result<ExitCode> {
    for id in read_identities(&[file.to_path_buf()])? {
        println!("{}", id.to_public());
    }
    Ok(ExitCode::SUCCESS)
}

fn collate(
    cli: &Cli,
    paths: &[PathBuf],
    db: &Path,
    identities: &[PathBuf],
    require_encrypted: bool,
) -> anyhow::Result<ExitCode> {
    let keys = crate::collate::Keys {
        identities: read_identities(identities)?,
        require_encrypted,
    };
    use std::io::IsTerminal;
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    let mut cdb = crate::collate::CollationDb::open(db)?;
    let tty = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let mut last_line = std::time::Instant::now();
    let mut progress = |done: usize, total: usize, s: &crate::collate::Summary| {
        if tty {
            let width = 30;
            let filled = (done * width).checked_div(total).unwrap_or(width);
            eprint!(
                "\r[{}{}] {done}/{total} files · {} quarantined ",
                "#".repeat(filled),
                ".".repeat(width - filled),
                s.quarantined
            );
        } else if done == total || last_line.elapsed().as_secs() >= 1 {
            // Plain lines for logs: at most one a second.
            eprintln!(
                "collating: {done}/{total} files, {} quarantined",
                s.quarantined
            );
            last_line = std::time::Instant::now();
        }
    };
    let summary =
        crate::collate::collate(&mut cdb, paths, &catalog, &keys, &now_text(), &mut progress)?;
    if tty {
        eprintln!();
    }
    for q in cdb.quarantined()? {
        eprintln!(
            "quarantined ({}): {}",
            neutralise::line(&q.kind),
            neutralise::line(&q.reason)
        );
    }
    let conflicts = cdb.conflicts()?;
    let open = conflicts.iter().filter(|c| c.winner.is_none()).count();
    println!("{summary} in {:.1} s", started.elapsed().as_secs_f64());
    if open > 0 {
        println!(
            "{open} conflict(s) to look at: stocktake conflicts --db {}",
            neutralise::line(&db.display().to_string())
        );
    }
    Ok(if summary.quarantined > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn conflicts(db: &Path) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such collation database; run stocktake collate first",
            db.display()
        );
    }
    let cdb = crate::collate::CollationDb::open(db)?;
    let list = cdb.conflicts()?;
    if list.is_empty() {
        println!("no conflicts");
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for c in &list {
        let first = &c.members[0];
        let parent = if c.parent.is_empty() {
            "two first revisions".to_string()
        } else {
            format!("parent {}", crate::collate::short(&c.parent))
        };
        let state = match &c.winner {
            Some(w) => format!("resolved: {} wins", crate::collate::short(w)),
            None => "unresolved".to_string(),
        };
        writeln!(
            out,
            "session {} · {} · {} · {parent} · {state}",
            neutralise::line(&c.session_id),
            neutralise::line(&first.response),
            first.structure.as_str()
        )?;
        let answers: Vec<_> = c
            .members
            .iter()
            .map(|m| cdb.answers_of(&m.digest))
            .collect::<Result<_, _>>()?;
        let mut questions: Vec<&String> = answers.iter().flat_map(|a| a.keys()).collect();
        questions.sort();
        questions.dedup();
        let cell = |a: Option<&crate::collate::AnswerRow>| -> String {
            match a {
                None => "—".to_string(),
                Some(a) => {
                    let mut t = match (&a.value, a.status.as_str()) {
                        (Some(v), _) => v.to_text().replace('\n', ", "),
                        (None, s) => format!("[{s}]"),
                    };
                    if !a.other.is_empty() {
                        t.push_str(&format!(" ({})", a.other));
                    }
                    if !a.note.is_empty() {
                        t.push_str(&format!(" — note: {}", a.note));
                    }
                    t
                }
            }
        };
        let headers: Vec<String> = c
            .members
            .iter()
            .map(|m| {
                format!(
                    "{} r{} {} {}",
                    crate::collate::short(&m.digest),
                    m.revision,
                    m.interviewer,
                    m.completed_at
                )
            })
            .collect();
        writeln!(
            out,
            "  {:<24} {}",
            "",
            headers
                .iter()
                .map(|h| format!("{:<36}", neutralise::line(h)))
                .collect::<String>()
        )?;
        let mut differing = 0;
        for q in questions {
            let cells: Vec<String> = answers.iter().map(|a| cell(a.get(q))).collect();
            if cells.iter().all(|c| *c == cells[0]) {
                continue;
            }
            differing += 1;
            let shown: String = cells
                .iter()
                .map(|c| format!("{:<36}", crate::neutralise::fit(c, 35)))
                .collect();
            writeln!(out, "  {:<24} {shown}", neutralise::line(q))?;
        }
        if differing == 0 {
            writeln!(
                out,
                "  (the answers are the same; only notes' times or participants differ)"
            )?;
        }
        for m in &c.members {
            for p in cdb.paths_of(&m.digest)? {
                writeln!(
                    out,
                    "  {} from {}",
                    crate::collate::short(&m.digest),
                    neutralise::line(&p)
                )?;
            }
        }
        writeln!(out)?;
    }
    let open = list.iter().filter(|c| c.winner.is_none()).count();
    writeln!(
        out,
        "{} conflict(s), {open} unresolved. Pick a winner: stocktake resolve --db {} DIGEST",
        list.len(),
        neutralise::line(&db.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}

fn resolve(db: &Path, digest: &str, undo: bool) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such collation database; run stocktake collate first",
            db.display()
        );
    }
    let mut cdb = crate::collate::CollationDb::open(db)?;
    if undo {
        cdb.unresolve(digest, &now_text())?;
        println!("the choice is taken back: the conflict is unresolved again");
    } else {
        let c = cdb.resolve(digest, &now_text())?;
        let w = c.winner.unwrap_or_default();
        println!(
            "{} wins over {}; the report uses it (undo: stocktake resolve --undo --db {} {})",
            crate::collate::short(&w),
            c.members
                .iter()
                .filter(|m| m.digest != w)
                .map(|m| crate::collate::short(&m.digest))
                .collect::<Vec<_>>()
                .join(", "),
            neutralise::line(&db.display().to_string()),
            crate::collate::short(&w)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn report(
    db: &Path,
    out: &Path,
    format: &str,
    structure: Option<&str>,
    guide: Option<&str>,
) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such collation database; run stocktake collate first",
            db.display()
        );
    }
    let mut formats = Vec::new();
    for f in format.split(',').filter(|f| !f.trim().is_empty()) {
        formats.push(crate::report::Format::parse(f).ok_or_else(|| {
            anyhow::anyhow!(
                "unknown format `{}`; use html, md, csv or xlsx",
                neutralise::line(f)
            )
        })?);
    }
    let structure = match structure {
        None => None,
        Some(s) => Some(crate::guide::Structure::parse(s).ok_or_else(|| {
            anyhow::anyhow!(
                "unknown structure `{}`; use protection_cluster, cp_aor, gbv_aor or other",
                neutralise::line(s)
            )
        })?),
    };
    let cdb = crate::collate::CollationDb::open(db)?;
    cdb.for_one_pass()?;
    // Progress on stderr, a line a step: on a large collation the report takes seconds.
    let started = std::time::Instant::now();
    eprintln!("reading the collation…");
    let r = crate::report::Report::build(
        &cdb,
        crate::report::ReportOptions {
            structure,
            guide: guide.map(str::to_string),
        },
    )?;
    if r.sections.is_empty() {
        eprintln!("no sessions match: the report is empty");
    }
    let sessions: usize = r.sections.iter().map(|s| s.sessions.len()).sum();
    eprintln!(
        "read {} in {:.1} s; writing {}…",
        crate::report::sessions_count(sessions),
        started.elapsed().as_secs_f64(),
        formats
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let written = crate::report::write_reporting(&r, out, &formats, &now_text(), &|f, took| {
        eprintln!("{} written in {:.1} s", f.name(), took.as_secs_f64());
    })?;
    for p in &written {
        println!("wrote {}", neutralise::line(&p.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}
