//! The collator's synthesis kept beside the collation: a summary per cell of the
//! rapid-analysis matrix, and codings of free text, each with who made it and when.
//! Codings from another coder's database merge in without duplicates, which is what
//! agreement between two coders is computed from.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::db::{CollateError, CollationDb};
use super::lock::sql_error;
use crate::i18n::Words;

/// The longest summary a cell keeps: a summary is a few lines; the notes are elsewhere.
pub const MAX_SUMMARY_CHARS: usize = 4_000;

/// A collator's summary of one session's answers and notes in one guide section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSummary {
    pub session_id: String,
    pub section: String,
    pub text: String,
    pub author: String,
    pub at: String,
    /// The revision that was the session's head when it was written.
    pub digest: String,
}

/// A code applied to a text (a unit) of a session, or to the span `start..end` of it
/// (characters, not bytes).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coding {
    pub session_id: String,
    /// `answer:Q`, `other:Q`, `note:Q`, or `pad:N`.
    pub unit: String,
    pub start: usize,
    pub end: usize,
    pub code: String,
    pub coder: String,
    /// The text `start..end` covered when the coding was made.
    pub quote: String,
    /// The revision coded.
    pub digest: String,
    pub at: String,
}

impl CollationDb {
    fn refuse(&self, message: Words) -> CollateError {
        CollateError::Refused {
            path: self.path.display().to_string(),
            message: message.into(),
        }
    }

    /// Write, replace or (with an empty text) remove the summary of a cell.
    pub fn set_summary(&self, s: &CellSummary) -> Result<(), CollateError> {
        let n = s.text.chars().count();
        if n > MAX_SUMMARY_CHARS {
            return Err(self.refuse(
                Words::msg("why-analysis-summary-too-long")
                    .arg("n", n.to_string())
                    .arg("max", MAX_SUMMARY_CHARS.to_string()),
            ));
        }
        if s.text.trim().is_empty() {
            self.conn
                .execute(
                    "DELETE FROM summaries WHERE session_id = ?1 AND section = ?2",
                    params![s.session_id, s.section],
                )
                .map_err(|e| self.err(e))?;
            return Ok(());
        }
        self.conn
            .execute(
                "INSERT INTO summaries (session_id, section, text, author, at, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (session_id, section) DO UPDATE SET text = ?3, author = ?4, at = ?5, digest = ?6",
                params![s.session_id, s.section, s.text, s.author, s.at, s.digest],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn summaries(&self) -> Result<Vec<CellSummary>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT session_id, section, text, author, at, digest FROM summaries ORDER BY session_id, section",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(CellSummary {
                    session_id: r.get(0)?,
                    section: r.get(1)?,
                    text: r.get(2)?,
                    author: r.get(3)?,
                    at: r.get(4)?,
                    digest: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Record a coding; true when it is new (the same code on the same span by the same
    /// coder is one coding, however often it is applied).
    pub fn add_coding(&self, c: &Coding) -> Result<bool, CollateError> {
        if c.end < c.start {
            return Err(self.refuse(
                Words::msg("why-analysis-span-backwards")
                    .arg("end", c.end.to_string())
                    .arg("start", c.start.to_string()),
            ));
        }
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO codings (session_id, unit, start, \"end\", code, coder, quote, digest, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    c.session_id,
                    c.unit,
                    c.start as i64,
                    c.end as i64,
                    c.code,
                    c.coder,
                    c.quote,
                    c.digest,
                    c.at
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// Take a coding back; true when there was one.
    pub fn remove_coding(&self, c: &Coding) -> Result<bool, CollateError> {
        let n = self
            .conn
            .execute(
                "DELETE FROM codings WHERE session_id = ?1 AND unit = ?2 AND start = ?3 AND \"end\" = ?4 AND code = ?5 AND coder = ?6",
                params![
                    c.session_id,
                    c.unit,
                    c.start as i64,
                    c.end as i64,
                    c.code,
                    c.coder
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    pub fn codings(&self) -> Result<Vec<Coding>, CollateError> {
        read_codings(&self.conn).map_err(|e| self.err(e))
    }

    /// Bring in the codings of another collation database (another coder's): those this
    /// one has are skipped. Returns how many were new. The other database is only read.
    pub fn merge_codings_from(&self, other: &Path) -> Result<usize, CollateError> {
        let shown = other.display().to_string();
        let meta = std::fs::metadata(other).map_err(|source| CollateError::Io {
            path: shown.clone(),
            source,
        })?;
        if !meta.is_file() {
            return Err(CollateError::Refused {
                path: shown,
                message: Words::msg("why-analysis-not-a-db-file").into(),
            });
        }
        let theirs = Connection::open_with_flags(other, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| sql_error(shown.clone(), e))?;
        let has_table: Option<String> = theirs
            .query_row(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'codings'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| sql_error(shown.clone(), e))?;
        if has_table.is_none() {
            return Err(CollateError::Refused {
                path: shown,
                message: Words::msg("why-analysis-no-codings").into(),
            });
        }
        let codings = read_codings(&theirs).map_err(|e| sql_error(shown.clone(), e))?;
        let mut added = 0;
        for c in &codings {
            if self.add_coding(c)? {
                added += 1;
            }
        }
        Ok(added)
    }
}

fn read_codings(conn: &Connection) -> rusqlite::Result<Vec<Coding>> {
    let mut st = conn.prepare_cached(
        "SELECT session_id, unit, start, \"end\", code, coder, quote, digest, at FROM codings
         ORDER BY session_id, unit, start, \"end\", code, coder",
    )?;
    let rows = st.query_map([], |r| {
        Ok(Coding {
            session_id: r.get(0)?,
            unit: r.get(1)?,
            start: r.get::<_, i64>(2)?.max(0) as usize,
            end: r.get::<_, i64>(3)?.max(0) as usize,
            code: r.get(4)?,
            coder: r.get(5)?,
            quote: r.get(6)?,
            digest: r.get(7)?,
            at: r.get(8)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coding(code: &str, coder: &str) -> Coding {
        Coding {
            session_id: "01M8SZZMPGQRZZCNBTSZ3S3D9C".into(),
            unit: "note:gaps".into(),
            start: 0,
            end: 5,
            code: code.into(),
            coder: coder.into(),
            quote: "Staff".into(),
            digest: "sha256:00".into(),
            at: "2026-12-02T10:00:00Z".into(),
        }
    }

    #[test]
    fn summaries_are_replaced_and_removed() {
        let dir = tempfile::tempdir().expect("dir");
        let db = CollationDb::open(&dir.path().join("c.db")).expect("db");
        let mut s = CellSummary {
            session_id: "S".into(),
            section: "gaps".into(),
            text: "Lacks data.".into(),
            author: "chloe".into(),
            at: "2026-12-02T10:00:00Z".into(),
            digest: "sha256:00".into(),
        };
        db.set_summary(&s).expect("set");
        s.text = "Lacks data and staff.".into();
        db.set_summary(&s).expect("replace");
        assert_eq!(db.summaries().expect("read"), vec![s.clone()]);
        s.text = "  ".into();
        db.set_summary(&s).expect("remove");
        assert!(db.summaries().expect("read").is_empty());
        s.text = "x".repeat(MAX_SUMMARY_CHARS + 1);
        let e = db.set_summary(&s).expect_err("too long");
        assert!(e.to_string().ends_with("a summary of 4001 characters: a cell keeps at most 4000; shorten it (the notes themselves stay in the matrix)"), "{e}");
    }

    #[test]
    fn codings_merge_once_from_another_coder() {
        let dir = tempfile::tempdir().expect("dir");
        let mine = CollationDb::open(&dir.path().join("mine.db")).expect("db");
        let theirs = CollationDb::open(&dir.path().join("theirs.db")).expect("db");
        assert!(mine.add_coding(&coding("resources", "chloe")).expect("add"));
        assert!(
            !mine
                .add_coding(&coding("resources", "chloe"))
                .expect("again")
        );
        theirs.add_coding(&coding("resources", "dev")).expect("add");
        theirs
            .add_coding(&coding("lack_of_data", "dev"))
            .expect("add");
        assert_eq!(
            mine.merge_codings_from(&dir.path().join("theirs.db"))
                .expect("merge"),
            2
        );
        assert_eq!(
            mine.merge_codings_from(&dir.path().join("theirs.db"))
                .expect("again"),
            0
        );
        assert_eq!(mine.codings().expect("read").len(), 3);
        assert!(
            mine.remove_coding(&coding("resources", "chloe"))
                .expect("remove")
        );
        assert_eq!(mine.codings().expect("read").len(), 2);
        let e = mine.merge_codings_from(dir.path()).expect_err("a folder");
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }
}
