//! The local store: one SQLite database in the private data dir holding every call,
//! session, answer, note and edit. Each change is its own committed transaction before
//! the screen says "saved", so killing the program loses at most the keystroke in flight.

mod apply;
mod campaign;
mod codec;
mod drafts;
mod error;
mod lock;
mod migrate;
mod privacy;
mod read;
mod revisions;
mod rows;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::{Connection, OpenFlags};

pub use crate::session::RevisionFile;
pub use campaign::CampaignImport;
pub use error::{LockHolder, StoreError};
pub use lock::{Claim, login_name};
pub use migrate::{LATEST as SCHEMA_VERSION, MIGRATIONS};
pub use privacy::Notice;
pub use read::{HistoryEntry, SessionSummary};
pub use revisions::{Imported, SyncRecord, Unsynced};

use error::classify;
use lock::Me;

/// The file name of the database inside the data dir.
pub const DB_FILE: &str = "stocktake.db";

/// Where time comes from: injected so tests can control it.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// The system clock to the second: session files record whole seconds, and a session
/// must read back from the store exactly as it was written.
pub fn system_clock() -> Clock {
    Arc::new(|| {
        Timestamp::from_second(Timestamp::now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH)
    })
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    me: Me,
    /// Sessions this process holds the lock of.
    held: HashSet<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// The default data dir: `$STOCKTAKE_DATA_DIR` is read by the CLI; this is the XDG one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "stocktake").map(|d| d.data_dir().to_path_buf())
}

impl Store {
    /// Open (creating if needed) the store in `data_dir`, private to this user.
    pub fn open(data_dir: &Path, clock: Clock) -> Result<(Store, Vec<Notice>), StoreError> {
        let path = data_dir.join(DB_FILE);
        privacy::refuse_odd_files(&path)?;
        let notices = privacy::prepare_dir(data_dir)?;
        privacy::prepare_file(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(&path, e))?;
        let store = Store::setup(conn, path.clone(), clock)?;
        for companion in privacy::companions(&path) {
            privacy::tighten(&companion)?;
        }
        Ok((store, notices))
    }

    /// A private in-memory store, for tests and benchmarks.
    pub fn open_in_memory(clock: Clock) -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| classify(&path, e))?;
        Store::setup(conn, path, clock)
    }

    fn setup(mut conn: Connection, path: PathBuf, clock: Clock) -> Result<Store, StoreError> {
        let c = |e| classify(&path, e);
        // Another stocktake writing a different session holds the write lock for a few
        // milliseconds; wait for it rather than fail.
        conn.busy_timeout(Duration::from_secs(5)).map_err(c)?;
        // Reading the schema version is the first real read: a file that is not a database
        // fails here, before anything is written.
        let found = migrate::version(&conn).map_err(c)?;
        if found > migrate::LATEST {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found,
                supported: migrate::LATEST,
            });
        }
        // WAL: readers never block the writer, and a commit is one append. NORMAL
        // synchronous keeps every commit across a crash or kill of stocktake; only a power
        // cut can lose the last moments (see docs/store.md).
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(c)?;
        if path.as_os_str() != ":memory:" && !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NotWritable {
                path: path.display().to_string(),
                reason: format!("SQLite could not switch to WAL mode (got {mode})"),
            });
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(c)?;
        migrate::upgrade(&mut conn).map_err(c)?;
        Ok(Store {
            conn,
            path,
            clock,
            me: Me::current(),
            held: HashSet::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// How long a write waits for another process holding the database's write lock.
    pub fn set_busy_timeout(&mut self, wait: Duration) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(wait)
            .map_err(|e| classify(&self.path, e))
    }

    /// Stop the database from growing (`Some`), as a full disk would, or lift the cap.
    /// SQLite then fails writes with `SQLITE_FULL`, the very error of a full file system,
    /// which is how the tests reach that path without filling a disk.
    #[doc(hidden)]
    pub fn limit_pages_for_test(&mut self, pages: Option<u32>) -> Result<(), StoreError> {
        // SQLite never sets the cap below the current size, so 0 means "no growth".
        let n = pages.map_or(0xFFFF_FFFE_u32, |p| p.max(1));
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {n}"), [], |_| Ok(()))
            .map_err(|e| classify(&self.path, e))
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: a lock left behind by a crash is taken over once its process is gone.
        let _ = self.conn.execute(
            "DELETE FROM session_locks WHERE token = ?1",
            [&self.me.token],
        );
    }
}
