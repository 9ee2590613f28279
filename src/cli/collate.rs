//! `stocktake collate`, `stocktake conflicts` (formatting collate's typed diff) and
//! `stocktake resolve`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::keys::{identity_files, read_identities};
use super::table::{Column, Table, Width};
use super::{Cli, db_to_write, existing_db, now_text, show};
use crate::collate::{AnswerRow, short};
use crate::guide::{Catalog, GuideDirs};
use crate::neutralise;

/// Conflicts side by side: the question column, then one per revision.
const QUESTION: usize = 24;
const REVISION: usize = 36;

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

/// One revision's answer in a conflict, as one cell (not yet neutralised or fitted).
fn cell(a: Option<&AnswerRow>) -> String {
    let Some(a) = a else {
        return "—".to_string();
    };
    let mut t = match &a.value {
        Some(v) => v.to_text().replace('\n', ", "),
        None => format!("[{}]", a.status.as_str()),
    };
    if !a.other.is_empty() {
        t.push_str(&format!(" ({})", a.other));
    }
    if !a.note.is_empty() {
        t.push_str(&format!(" — note: {}", a.note));
    }
    t
}

pub(super) fn conflicts(db: &Path) -> anyhow::Result<ExitCode> {
    let cdb = existing_db(db)?;
    let list = cdb.conflicts()?;
    let mut out = io::stdout().lock();
    if list.is_empty() {
        writeln!(out, "no conflicts")?;
        return Ok(ExitCode::SUCCESS);
    }
    for c in &list {
        let first = &c.members[0];
        let parent = if c.parent.is_empty() {
            "two first revisions".to_string()
        } else {
            format!("parent {}", short(&c.parent))
        };
        let state = match &c.winner {
            Some(w) => format!("resolved: {} wins", short(w)),
            None => "unresolved".to_string(),
        };
        writeln!(
            out,
            "session {} · {} · {} · {parent} · {state}",
            neutralise::line(&c.session_id),
            neutralise::line(&first.response),
            super::structure_shown(first.structure, &first.structure_label)
        )?;
        let diff = cdb.conflict_diff(c)?;
        let mut columns = vec![Column::left(Width::Exactly(QUESTION), "")];
        columns.extend(
            (0..c.members.len())
                .map(|i| Column::left(Width::Exactly(REVISION), if i == 0 { " " } else { "" })),
        );
        let table = Table {
            columns: &columns,
            indent: "  ",
            trim: false,
        };
        let mut header = vec![String::new()];
        header.extend(c.members.iter().map(|m| {
            neutralise::line(&format!(
                "{} r{} {} {}",
                short(&m.digest),
                m.revision,
                m.interviewer,
                m.completed_at
            ))
            .into_owned()
        }));
        let mut rows = vec![header];
        rows.extend(diff.differing.iter().map(|(q, answers)| {
            let mut row = vec![neutralise::line(q).into_owned()];
            row.extend(
                answers
                    .iter()
                    .map(|a| neutralise::fit(&cell(a.as_ref()), REVISION - 1)),
            );
            row
        }));
        table.write(&mut out, &rows)?;
        if diff.differing.is_empty() {
            writeln!(
                out,
                "  (the answers are the same; only notes' times or participants differ)"
            )?;
        }
        for (m, paths) in c.members.iter().zip(&diff.paths) {
            for p in paths {
                writeln!(out, "  {} from {}", short(&m.digest), neutralise::line(p))?;
            }
        }
        writeln!(out)?;
    }
    let open = list.iter().filter(|c| c.winner.is_none()).count();
    writeln!(
        out,
        "{} conflict(s), {open} unresolved. Pick a winner: stocktake resolve --db {} DIGEST",
        list.len(),
        show(db.display())
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn resolve(db: &Path, digest: &str, undo: bool) -> anyhow::Result<ExitCode> {
    let mut cdb = existing_db(db)?;
    let mut out = io::stdout().lock();
    if undo {
        cdb.unresolve(digest, &now_text())?;
        writeln!(
            out,
            "the choice is taken back: the conflict is unresolved again"
        )?;
    } else {
        let c = cdb.resolve(digest, &now_text())?;
        let w = c.winner.unwrap_or_default();
        writeln!(
            out,
            "{} wins over {}; the report uses it (undo: stocktake resolve --undo --db {} {})",
            short(&w),
            c.members
                .iter()
                .filter(|m| m.digest != w)
                .map(|m| short(&m.digest))
                .collect::<Vec<_>>()
                .join(", "),
            show(db.display()),
            short(&w)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
