//! `stocktake collate`: the checks before anything is created, the progress, and what
//! came of it.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::keys::{identity_files, read_identities};
use super::{Cli, db_to_write, now_text, show};
use crate::guide::{Catalog, GuideDirs};
use crate::neutralise;

pub(super) fn collate(
    cli: &Cli,
    paths: &[PathBuf],
    db: &Path,
    identities: &[PathBuf],
    require_encrypted: bool,
) -> anyhow::Result<ExitCode> {
    // Everything that can be checked is, before the database is created: a mistyped path
    // must not leave an empty database behind.
    for p in paths {
        if let Err(e) = std::fs::metadata(p) {
            anyhow::bail!(
                "{}: {e}; nothing was collated{}",
                p.display(),
                if db.exists() {
                    ""
                } else {
                    " and no database was created"
                }
            );
        }
    }
    db_to_write(db)?;
    let keys = crate::collate::Keys {
        identities: read_identities(&identity_files(identities))?,
        require_encrypted,
    };
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    let mut cdb = crate::collate::CollationDb::open(db)?;
    cdb.lock_for_collation(crate::collate::PATIENCE, &mut || {
        eprintln!(
            "another collation is running on {}; waiting for it to end…",
            neutralise::line(&db.display().to_string())
        );
    })?;
    let mut err = io::stderr();
    let tty = err.is_terminal();
    let started = std::time::Instant::now();
    let mut last_line = std::time::Instant::now();
    let mut progress = |done: usize, total: usize, s: &crate::collate::Summary| {
        // Progress is a courtesy: a closed stderr must not stop the collation.
        if tty {
            let width = 30;
            let filled = (done * width).checked_div(total).unwrap_or(width);
            write!(
                err,
                "\r[{}{}] {done}/{total} files · {} quarantined ",
                "#".repeat(filled),
                ".".repeat(width - filled),
                s.quarantined
            )
            .unwrap_or(());
        } else if done == total || last_line.elapsed().as_secs() >= 1 {
            // Plain lines for logs: at most one a second.
            writeln!(
                err,
                "collating: {done}/{total} files, {} quarantined",
                s.quarantined
            )
            .unwrap_or(());
            last_line = std::time::Instant::now();
        }
    };
    let summary =
        crate::collate::collate(&mut cdb, paths, &catalog, &keys, &now_text(), &mut progress)?;
    let mut err = io::stderr().lock();
    if tty {
        writeln!(err)?;
    }
    for q in cdb.quarantined()? {
        writeln!(err, "quarantined ({}): {}", show(&q.kind), show(&q.reason))?;
    }
    let conflicts = cdb.conflicts()?;
    let open = conflicts.iter().filter(|c| c.winner.is_none()).count();
    let mut out = io::stdout().lock();
    writeln!(out, "{summary} in {:.1} s", started.elapsed().as_secs_f64())?;
    if open > 0 {
        writeln!(
            out,
            "{open} conflict(s) to look at: stocktake conflicts --db {}",
            show(db.display())
        )?;
    }
    Ok(if summary.quarantined > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
