//! Quarantine that heals: after a run, entries whose content is now in the database are
//! cleared (another copy came in), and entries for paths under the folders collated that
//! are no longer there go; each is counted so the summary can say what was cleared.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{OptionalExtension, params};

use super::db::{Batch, CollateError, CollationDb};

/// Earlier quarantine entries a run cleared, by why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleared {
    /// The file, or another copy of its content, is in the database now.
    pub imported: usize,
    /// The file is no longer under the folders collated.
    pub gone: usize,
    /// A folder that could not be read was walked this time.
    pub readable: usize,
}

impl Cleared {
    pub fn total(&self) -> usize {
        self.imported + self.gone + self.readable
    }
}

impl std::fmt::Display for Cleared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = [
            (self.imported, "now imported"),
            (self.gone, "no longer found"),
            (
                self.readable,
                if self.readable == 1 {
                    "folder readable again"
                } else {
                    "folders readable again"
                },
            ),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        f.write_str(&parts.join(", "))
    }
}

/// What a run looked at, to tell an entry that is gone from one that was not looked for.
pub(super) struct Looked<'a> {
    /// The paths given, as keys.
    pub roots: &'a [String],
    /// Every key this run handled: files found and folders that failed.
    pub visited: &'a HashSet<String>,
    /// Folders that could not be walked: what is under them was not looked at.
    pub failed: &'a [String],
}

impl CollationDb {
    /// The paths in quarantine now.
    pub(super) fn quarantine_paths(&self) -> Result<HashSet<String>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT path FROM quarantine")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

impl Batch<'_> {
    /// Clear what a run has made stale. `before` is the quarantine as the run found it.
    pub(super) fn heal(
        &self,
        before: &HashSet<String>,
        looked: &Looked<'_>,
    ) -> Result<Cleared, CollateError> {
        let mut cleared = Cleared::default();
        let now_in: Vec<(String, String)> = self
            .tx
            .prepare(
                "SELECT path, digest FROM quarantine WHERE digest IN (SELECT digest FROM revisions)",
            )
            .and_then(|mut st| {
                st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()
            })
            .map_err(|e| self.err(e))?;
        // Its bytes were checked against their digest before it was quarantined: the same
        // digest in the database is the same content.
        for (path, digest) in &now_in {
            self.add_path(digest, path)?;
            self.release(path)?;
            self.tx
                .execute(
                    "UPDATE seen SET outcome = 'imported', digest = ?2 WHERE path = ?1",
                    params![path, digest],
                )
                .map_err(|e| self.err(e))?;
        }
        let entries: Vec<(String, String)> = self
            .tx
            .prepare("SELECT path, kind FROM quarantine")
            .and_then(|mut st| {
                st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()
            })
            .map_err(|e| self.err(e))?;
        let under = |p: &str, dirs: &[String]| dirs.iter().any(|d| Path::new(p).starts_with(d));
        for (path, kind) in entries {
            if looked.visited.contains(&path)
                || !under(&path, looked.roots)
                || under(&path, looked.failed)
            {
                continue;
            }
            self.release(&path)?;
            self.tx
                .execute("DELETE FROM seen WHERE path = ?1", [&path])
                .map_err(|e| self.err(e))?;
            if kind == super::run::UNREADABLE_FOLDER && Path::new(&path).is_dir() {
                cleared.readable += 1;
            } else {
                cleared.gone += 1;
            }
        }
        let still: usize = before
            .iter()
            .map(|p| {
                self.tx
                    .query_row("SELECT 1 FROM quarantine WHERE path = ?1", [p], |_| Ok(()))
                    .optional()
                    .map(|r| usize::from(r.is_some()))
            })
            .sum::<rusqlite::Result<usize>>()
            .map_err(|e| self.err(e))?;
        cleared.imported = before
            .len()
            .saturating_sub(still + cleared.gone + cleared.readable);
        Ok(cleared)
    }
}
