//! The collation database: one SQLite file the collator names with `--db`, created 0600
//! (it holds every interview in clear). Writes go through a [`Batch`], one transaction for
//! many files, which is what makes collating thousands of files fast.

use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::lock::{BUSY_WAIT, sql_error};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_collation.sql"),
    include_str!("migrations/0002_seen_identity.sql"),
    include_str!("migrations/0003_campaign.sql"),
    include_str!("migrations/0004_answer_choices.sql"),
    include_str!("migrations/0005_sensitive.sql"),
    include_str!("migrations/0006_analysis.sql"),
    include_str!("migrations/0007_read_back.sql"),
    include_str!("migrations/0008_provenance.sql"),
    include_str!("migrations/0009_quarantine_words.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum CollateError {
    #[error("{path}: {source}")]
    Db {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: made by a newer stocktake (schema {found}, this one knows up to {supported}); nothing was changed"
    )]
    TooNew {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("{path}: {message}")]
    Refused {
        path: String,
        message: crate::i18n::Phrase,
    },
    #[error(
        "{path}: another stocktake kept the database busy for over {} s; nothing was changed: try again when it has finished",
        BUSY_WAIT.as_secs()
    )]
    Busy { path: String },
    #[error(
        "{path}: another collation is still running on it after {waited} s; nothing was changed: run this one again when that one has ended"
    )]
    Running { path: String, waited: u64 },
}

pub struct CollationDb {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    /// Held while this process collates into the database: see [`CollationDb::lock_for_collation`].
    pub(super) collating: Option<std::fs::File>,
}

/// Which version of a file is on disk: its size and modification time, which `cp -p`
/// copies, and its inode and change time, which no copy can set. -1 where unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    pub size: i64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub ino: i64,
}

impl FileId {
    pub const UNKNOWN: FileId = FileId {
        size: -1,
        mtime_ns: -1,
        ctime_ns: -1,
        ino: -1,
    };

    pub fn of(m: &std::fs::Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId {
            size: m.size() as i64,
            mtime_ns: m.mtime() * 1_000_000_000 + m.mtime_nsec(),
            ctime_ns: m.ctime() * 1_000_000_000 + m.ctime_nsec(),
            ino: m.ino() as i64,
        }
    }
}

/// What a path was last found to hold, by the version of the file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub id: FileId,
    pub digest: Option<String>,
    /// `imported`, or the quarantine kind.
    pub outcome: String,
}

impl CollationDb {
    pub fn open(path: &Path) -> Result<CollationDb, CollateError> {
        let shown = path.display().to_string();
        let io = |source| CollateError::Io {
            path: shown.clone(),
            source,
        };
        // Created 0600 before SQLite touches it: it will hold every interview in clear.
        match crate::fs::write_bytes(path, &crate::fs::NewFile::PRIVATE_NEW, &[]) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(e)),
        }
        let db = |source| sql_error(shown.clone(), source);
        let mut conn = Connection::open(path).map_err(db)?;
        // Another stocktake may hold the database for a moment (a resolve, a collation's
        // batch, a first open creating the tables): wait for it rather than fail.
        conn.busy_timeout(BUSY_WAIT).map_err(db)?;
        let too_new = |found: u32| {
            (found > MIGRATIONS.len() as u32).then(|| CollateError::TooNew {
                path: shown.clone(),
                found,
                supported: MIGRATIONS.len() as u32,
            })
        };
        let found: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db)?;
        if let Some(e) = too_new(found) {
            return Err(e);
        }
        // Bigger pages for a database written in bulk: 16 KiB were a quarter of the writes
        // of 4 KiB; 64 KiB, SQLite's largest, took a first collation of 100,000 files from
        // 8.1 to 7.6 s (fewer B-tree splits for the answers appended), and the report
        // reads it as fast. Only takes effect on a new, empty database.
        if found == 0 {
            conn.execute_batch("PRAGMA page_size = 65536;")
                .map_err(db)?;
        }
        // 64 MiB of page cache: a first collation writes a lot, and pages spilled early are
        // written twice. Checkpoints every 256 MiB of WAL (counted in pages: 4,096 of 64 KiB,
        // 16,384 of an older database's 16 KiB) instead of SQLite's 1,000 pages: the index pages each batch touches were copied into the
        // database at every checkpoint, and that writeback grew with the database (100,000
        // files: 0.76–0.87× the time, docs/performance.md). The WAL goes with the last
        // connection, as before.
        // Switching a new database to WAL needs it to itself for a moment, and SQLite says
        // busy at once rather than calling the busy handler: when collations start
        // together, wait here as a write would.
        let page: i64 = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .map_err(db)?;
        let setup = format!(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = {};",
            (256 << 20) / page.max(512)
        );
        let started = std::time::Instant::now();
        loop {
            match conn.execute_batch(&setup) {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy
                        && started.elapsed() < BUSY_WAIT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) => return Err(db(e)),
            }
        }
        if found < MIGRATIONS.len() as u32 {
            // One writer at a time, and the version read again once it is ours: two first
            // opens of a new database cannot both create its tables.
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let found: u32 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(db)?;
            if let Some(e) = too_new(found) {
                return Err(e);
            }
            for sql in MIGRATIONS.iter().skip(found as usize) {
                tx.execute_batch(sql).map_err(db)?;
            }
            tx.pragma_update(None, "user_version", MIGRATIONS.len() as u32)
                .map_err(db)?;
            tx.commit().map_err(db)?;
        }
        for companion in ["-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(companion);
            // SQLite gives these the database's own mode; this narrows one an older
            // stocktake left wider. One owned by another collator is theirs to keep.
            match std::fs::set_permissions(&p, Permissions::from_mode(0o600)) {
                Ok(()) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
                    ) => {}
                Err(e) => return Err(io(e)),
            }
        }
        Ok(CollationDb {
            conn,
            path: path.to_path_buf(),
            collating: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A second, read-only connection to a database this process has open already: the
    /// report's writers each read the heads' answers again on their own thread, and a
    /// reader needs no lock, no migration and no mode change.
    pub fn open_reader(path: &Path) -> Result<CollationDb, CollateError> {
        use rusqlite::OpenFlags;
        let db = |source| sql_error(path.display().to_string(), source);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(db)?;
        conn.busy_timeout(BUSY_WAIT).map_err(db)?;
        // One pass over the answers in key order: a small cache is all it reuses.
        conn.execute_batch("PRAGMA cache_size = -2048;")
            .map_err(db)?;
        Ok(CollationDb {
            conn,
            path: path.to_path_buf(),
            collating: None,
        })
    }

    /// For a reader that goes through the database once (the report): a 2 MiB page cache
    /// instead of the collator's 64 MiB, which a scan would only fill and never reuse.
    pub fn for_one_pass(&self) -> Result<(), CollateError> {
        self.conn
            .execute_batch("PRAGMA cache_size = -2048;")
            .map_err(|e| self.err(e))
    }

    pub(super) fn err(&self, source: rusqlite::Error) -> CollateError {
        sql_error(self.path.display().to_string(), source)
    }

    /// Before a collation: an empty database (nothing seen, nothing stored) is filled in
    /// rollback-journal mode instead of WAL, and `true` says so; [`CollationDb::end_first_fill`]
    /// goes back. In WAL every page is written twice, to the WAL and at a checkpoint into
    /// the database; a rollback journal copies only pages that existed when a batch began,
    /// and a first collation's pages are nearly all new (100,000 files: 9.2 s instead of
    /// 10.9, docs/performance.md). Only then: in this mode a reader's lock holds up a commit
    /// and a commit a reader, which a database nobody has read yet does not mind.
    /// `synchronous = FULL`, because in this mode NORMAL may corrupt on a power cut. If
    /// another connection has the database open SQLite keeps WAL, and so does this.
    pub fn begin_first_fill(&self) -> Result<bool, CollateError> {
        let empty: bool = self
            .conn
            .query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM seen) AND NOT EXISTS (SELECT 1 FROM revisions)
                    AND NOT EXISTS (SELECT 1 FROM quarantine) AND NOT EXISTS (SELECT 1 FROM attempts)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if !empty {
            return Ok(false);
        }
        let mode: String = match self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            }) {
            Ok(mode) => mode,
            // Open elsewhere: SQLite says busy at once, and WAL it stays.
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                return Ok(false);
            }
            Err(e) => return Err(self.err(e)),
        };
        if !mode.eq_ignore_ascii_case("delete") {
            return Ok(false);
        }
        self.conn
            .execute_batch("PRAGMA synchronous = FULL;")
            .map_err(|e| self.err(e))?;
        Ok(true)
    }

    /// Back to WAL after [`CollationDb::begin_first_fill`], so that reports and later
    /// collations read and write side by side again. A collation killed before this leaves
    /// the database in rollback mode, with its journal to roll back the unfinished batch;
    /// the next open puts it in WAL, as it does when a reader holds the database now.
    pub fn end_first_fill(&self) -> Result<(), CollateError> {
        match self.conn.execute_batch("PRAGMA journal_mode = WAL;") {
            Ok(()) => {}
            // Still rollback: FULL it stays, for the same power cut.
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                return Ok(());
            }
            Err(e) => return Err(self.err(e)),
        }
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL;")
            .map_err(|e| self.err(e))
    }

    pub fn batch(&mut self, now: &str) -> Result<Batch<'_>, CollateError> {
        let path = self.path.display().to_string();
        // Immediate: a batch reads (what was seen) before it writes, and in WAL a deferred
        // transaction whose snapshot another collation has since written to cannot become
        // a writer: SQLite says busy at once, without waiting. Taking the write lock first
        // waits for the other collation instead.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|source| sql_error(path.clone(), source))?;
        Ok(Batch {
            tx,
            path,
            now: now.to_string(),
            guides: Default::default(),
        })
    }
}

/// Many writes, one transaction.
pub struct Batch<'a> {
    pub(super) tx: Transaction<'a>,
    pub(super) path: String,
    pub(super) now: String,
    /// The guides this batch has stored: a collation is thousands of files of a few guides.
    pub(super) guides: std::cell::RefCell<Vec<crate::guide::Digest>>,
}

impl Batch<'_> {
    pub(super) fn err(&self, source: rusqlite::Error) -> CollateError {
        sql_error(self.path.clone(), source)
    }

    /// When this batch was started, as every row it writes records it.
    pub(super) fn now_text(&self) -> &str {
        &self.now
    }

    pub fn commit(self) -> Result<(), CollateError> {
        let path = self.path.clone();
        self.tx.commit().map_err(|source| sql_error(path, source))
    }

    pub fn seen(&self, path: &str) -> Result<Option<Seen>, CollateError> {
        self.tx
            .prepare_cached(
                "SELECT size, mtime_ns, ctime_ns, ino, digest, outcome FROM seen WHERE path = ?1",
            )
            .and_then(|mut st| {
                st.query_row([path], |r| {
                    Ok(Seen {
                        id: FileId {
                            size: r.get(0)?,
                            mtime_ns: r.get(1)?,
                            ctime_ns: r.get(2)?,
                            ino: r.get(3)?,
                        },
                        digest: r.get(4)?,
                        outcome: r.get(5)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    pub fn set_seen(&self, path: &str, seen: &Seen) -> Result<(), CollateError> {
        self.tx
            .prepare_cached(
                "INSERT INTO seen (path, size, mtime_ns, ctime_ns, ino, digest, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (path) DO UPDATE SET size = ?2, mtime_ns = ?3, ctime_ns = ?4, ino = ?5, digest = ?6, outcome = ?7",
            )
            .and_then(|mut st| {
                st.execute(params![
                    path,
                    seen.id.size,
                    seen.id.mtime_ns,
                    seen.id.ctime_ns,
                    seen.id.ino,
                    seen.digest,
                    seen.outcome
                ])
            })
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn has_revision(&self, digest: &str) -> Result<bool, CollateError> {
        self.tx
            .prepare_cached("SELECT 1 FROM revisions WHERE digest = ?1")
            .and_then(|mut st| st.query_row([digest], |_| Ok(())).optional())
            .map(|r| r.is_some())
            .map_err(|e| self.err(e))
    }

    /// How many revisions of `session` are known, and how many name `parent`.
    pub fn relatives(&self, session: &str, parent: &str) -> Result<(u32, u32), CollateError> {
        self.tx
            .prepare_cached(
                "SELECT count(*), coalesce(sum(parent = ?2), 0) FROM revisions WHERE session_id = ?1",
            )
            .and_then(|mut st| st.query_row(params![session, parent], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(|e| self.err(e))
    }

    pub fn add_path(&self, digest: &str, path: &str) -> Result<(), CollateError> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO file_paths (digest, path) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute(params![digest, path]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// `reason` is kept twice: its English, for scripts and for older stocktakes reading
    /// the database, and its words, for whoever reads it in another language.
    pub fn quarantine(
        &self,
        path: &str,
        digest: Option<&str>,
        kind: &str,
        reason: &dyn crate::i18n::Reason,
    ) -> Result<(), CollateError> {
        let (english, words) = (reason.to_string(), reason.words().to_json());
        self.tx
            .prepare_cached(
                "INSERT INTO quarantine (path, digest, kind, reason, at, reason_words) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (path) DO UPDATE SET digest = ?2, kind = ?3, reason = ?4, at = ?5, reason_words = ?6",
            )
            .and_then(|mut st| {
                st.execute(params![path, digest, kind, english, self.now, words])
            })
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// A path that was bad and is now good (the file was replaced) leaves the quarantine.
    pub fn release(&self, path: &str) -> Result<(), CollateError> {
        self.tx
            .prepare_cached("DELETE FROM quarantine WHERE path = ?1")
            .and_then(|mut st| st.execute([path]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

/// A refusal's `message` is words of `en-refusals.ftl`, decided where it is found, with
/// what it found; SQLite's and the system's words are theirs.
impl crate::i18n::Reason for CollateError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            CollateError::Db { path, source } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", source.said()),
            CollateError::Io { path, source } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", source.said()),
            CollateError::TooNew {
                path,
                found,
                supported,
            } => Words::msg("why-collate-too-new")
                .arg("path", path.clone())
                .arg("found", found.to_string())
                .arg("supported", supported.to_string()),
            CollateError::Refused { path, message } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", message.words()),
            CollateError::Busy { path } => Words::msg("why-collate-busy")
                .arg("path", path.clone())
                .arg("seconds", BUSY_WAIT.as_secs().to_string()),
            CollateError::Running { path, waited } => Words::msg("why-collate-running")
                .arg("path", path.clone())
                .arg("seconds", waited.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pragma(db: &CollationDb, name: &str) -> i64 {
        db.conn
            .pragma_query_value(None, name, |r| r.get(0))
            .expect("pragma")
    }

    /// A new database gets SQLite's largest pages, and checkpoints every 256 MiB of WAL
    /// whatever the page size of the database it opens.
    #[test]
    fn a_new_database_has_64_kib_pages_and_checkpoints_every_256_mib() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("c.db");
        let db = CollationDb::open(&path).expect("open");
        assert_eq!(pragma(&db, "page_size"), 65536);
        assert_eq!(pragma(&db, "wal_autocheckpoint"), 4096);
        drop(db);
        // An older database keeps its 16 KiB pages, and its checkpoints their 256 MiB.
        let old = dir.path().join("old.db");
        let conn = Connection::open(&old).expect("sqlite");
        conn.execute_batch("PRAGMA page_size = 16384; CREATE TABLE t (x);")
            .expect("made");
        drop(conn);
        let db = CollationDb::open(&old).expect("open");
        assert_eq!(pragma(&db, "page_size"), 16384);
        assert_eq!(pragma(&db, "wal_autocheckpoint"), 16384);
    }

    fn mode(db: &CollationDb) -> String {
        db.conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode")
    }

    /// Only an empty database, open nowhere else, is filled without WAL, and it is back in
    /// WAL after, with no journal left beside it.
    #[test]
    fn only_an_empty_database_open_nowhere_else_is_filled_without_wal() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("c.db");
        let db = CollationDb::open(&path).expect("open");
        assert_eq!(mode(&db), "wal");
        assert!(db.begin_first_fill().expect("begin"));
        assert_eq!(mode(&db), "delete");
        assert_eq!(pragma(&db, "synchronous"), 2, "FULL while in rollback mode");
        db.conn
            .execute(
                "INSERT INTO seen (path, size, mtime_ns, digest, outcome) VALUES ('a', 1, 1, NULL, 'imported')",
                [],
            )
            .expect("insert");
        db.end_first_fill().expect("end");
        assert_eq!(mode(&db), "wal");
        assert_eq!(pragma(&db, "synchronous"), 1, "NORMAL again");
        assert!(!dir.path().join("c.db-journal").exists());
        // Something is in it now: the next collation stays in WAL.
        assert!(!db.begin_first_fill().expect("begin"));
        assert_eq!(mode(&db), "wal");
        drop(db);
        // An empty database that someone else has open (a report, another command) is
        // left in WAL: switching would need it to itself.
        let other = dir.path().join("other.db");
        let db = CollationDb::open(&other).expect("open");
        let reader = CollationDb::open(&other).expect("open again");
        assert_eq!(mode(&reader), "wal");
        assert!(!db.begin_first_fill().expect("begin"));
        assert_eq!(mode(&db), "wal");
    }
}
