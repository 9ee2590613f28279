//! The campaign in the collation database: attempts from every interviewer's attempt
//! files, merged by attempt id (files in any order give the same campaign), and the
//! targets of the campaign file, so the report can say who was reached and who was not.

use rusqlite::{OptionalExtension, params};

use super::db::{Batch, CollateError, CollationDb};
use crate::campaign::{Attempt, Outcome, Target};
use crate::guide::Structure;

impl Batch<'_> {
    /// Store an attempt read from a file; one already here (by id) is kept as it is.
    /// True when it was new.
    pub fn insert_attempt(&self, digest: &str, a: &Attempt) -> Result<bool, CollateError> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO attempts (id, digest, target, at, outcome, callback, note, interviewer, sessions, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    a.id,
                    digest,
                    a.target,
                    a.at.to_string(),
                    a.outcome.as_str(),
                    a.callback.map(|c| c.to_string()),
                    a.note,
                    a.interviewer,
                    a.sessions.join(" "),
                    self.now_text()
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// An attempt file with these exact bytes is in.
    pub fn has_attempt(&self, digest: &str) -> Result<bool, CollateError> {
        self.tx
            .prepare_cached("SELECT 1 FROM attempts WHERE digest = ?1")
            .and_then(|mut st| st.query_row([digest], |_| Ok(())).optional())
            .map(|r| r.is_some())
            .map_err(|e| self.err(e))
    }
}

impl CollationDb {
    /// Make the campaign the collation reports on. Targets left out with attempts logged
    /// stay, flagged removed, as the interviewers' stores do.
    pub fn set_targets(&mut self, targets: &[Target]) -> Result<(), CollateError> {
        let tried: std::collections::HashSet<String> =
            self.attempts()?.into_iter().map(|a| a.target).collect();
        let path = self.path().display().to_string();
        let db = |source| CollateError::Db {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute("UPDATE targets SET removed = 1", [])
            .map_err(db)?;
        for (ordinal, t) in targets.iter().enumerate() {
            tx.execute(
                "INSERT INTO targets (id, ordinal, response, structure, structure_label, coordinator,
                     organisation, contact, timezone, languages, notes, removed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)
                 ON CONFLICT (id) DO UPDATE SET ordinal = ?2, response = ?3, structure = ?4,
                     structure_label = ?5, coordinator = ?6, organisation = ?7, contact = ?8,
                     timezone = ?9, languages = ?10, notes = ?11, removed = 0",
                params![
                    t.id,
                    ordinal as u32,
                    t.response,
                    t.structure,
                    t.structure_label,
                    t.coordinator,
                    t.organisation,
                    t.contact,
                    t.timezone,
                    t.languages.join(" "),
                    serde_json::to_string(&t.notes).unwrap_or_else(|_| "{}".into())
                ],
            )
            .map_err(db)?;
        }
        // Removed and never tried: gone.
        let mut st = tx
            .prepare("SELECT id FROM targets WHERE removed = 1")
            .map_err(db)?;
        let removed: Vec<String> = st
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(db)?;
        drop(st);
        for id in removed.iter().filter(|id| !tried.contains(*id)) {
            tx.execute("DELETE FROM targets WHERE id = ?1", [id])
                .map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    pub fn targets(&self) -> Result<Vec<Target>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, response, structure, structure_label, coordinator, organisation, contact,
                        timezone, languages, notes, removed FROM targets ORDER BY removed, ordinal, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                let languages: String = r.get(8)?;
                let notes: String = r.get(9)?;
                Ok(Target {
                    id: r.get(0)?,
                    response: r.get(1)?,
                    structure: r.get::<_, Structure>(2)?,
                    structure_label: r.get(3)?,
                    coordinator: r.get(4)?,
                    organisation: r.get(5)?,
                    contact: r.get(6)?,
                    timezone: r.get(7)?,
                    languages: languages.split_whitespace().map(str::to_string).collect(),
                    notes: serde_json::from_str(&notes).unwrap_or_default(),
                    removed: r.get(10)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Every attempt, in time order then id.
    pub fn attempts(&self) -> Result<Vec<Attempt>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, target, at, outcome, callback, note, interviewer, sessions FROM attempts ORDER BY at, id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read = || -> rusqlite::Result<Option<Attempt>> {
                let at: String = r.get(2)?;
                let outcome: String = r.get(3)?;
                let callback: Option<String> = r.get(4)?;
                let sessions: String = r.get(7)?;
                // Rows are written from verified files: one that does not read back is
                // left out rather than invented.
                let (Ok(at), Some(outcome)) = (at.parse(), Outcome::parse(&outcome)) else {
                    return Ok(None);
                };
                Ok(Some(Attempt {
                    id: r.get(0)?,
                    target: r.get(1)?,
                    at,
                    outcome,
                    callback: callback.and_then(|c| c.parse().ok()),
                    note: r.get(5)?,
                    interviewer: r.get(6)?,
                    sessions: sessions.split_whitespace().map(str::to_string).collect(),
                }))
            };
            if let Some(a) = read().map_err(|e| self.err(e))? {
                out.push(a);
            }
        }
        Ok(out)
    }
}
