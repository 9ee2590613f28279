//! One collation at a time per database, and SQLite's "busy" said in words. A second
//! `stocktake collate` on the same database waits for the first (its caller says so)
//! instead of interleaving batches or failing with "database is locked".
//!
//! The lock is `flock` on `<db>.lock`, beside the database: the kernel releases it when
//! its process ends, however it ends, so a killed collation never leaves it held. It is a
//! file of its own because SQLite's POSIX locks on the database would interfere with an
//! `flock` emulated over NFS.

use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::db::{CollateError, CollationDb};

/// How long a write waits for another connection's transaction: a resolve, a batch of a
/// collation, or the first open of a new database creating its tables.
pub const BUSY_WAIT: Duration = Duration::from_secs(30);

/// How long a collation waits for another collation of the same database to end.
pub const PATIENCE: Duration = Duration::from_secs(600);

/// A SQLite error as a collator should read it: busy is said in words.
pub(super) fn sql_error(path: String, source: rusqlite::Error) -> CollateError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            CollateError::Busy { path }
        }
        _ => CollateError::Db { path, source },
    }
}

impl CollationDb {
    fn lock_path(&self) -> PathBuf {
        let mut p = self.path.as_os_str().to_owned();
        p.push(".lock");
        PathBuf::from(p)
    }

    /// Become the one collation running on this database until it is dropped. While
    /// another holds it, `waiting` is called once (to say so) and this waits up to
    /// `patience`. Holding it already is fine.
    pub fn lock_for_collation(
        &mut self,
        patience: Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<(), CollateError> {
        if self.collating.is_some() {
            return Ok(());
        }
        let lock = self.lock_path();
        let io = |source| CollateError::Io {
            path: lock.display().to_string(),
            source,
        };
        // 0600 like the database; a symlink planted under its name is refused.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .mode(0o600)
            .custom_flags(
                (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::CLOEXEC).bits() as i32,
            )
            .open(&lock)
            .map_err(io)?;
        let started = Instant::now();
        let mut told = false;
        loop {
            match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => {
                    self.collating = Some(file);
                    return Ok(());
                }
                Err(rustix::io::Errno::WOULDBLOCK) => {
                    if !told {
                        waiting();
                        told = true;
                    }
                    if started.elapsed() >= patience {
                        return Err(CollateError::Running {
                            path: self.path.display().to_string(),
                            waited: started.elapsed().as_secs(),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(io(e.into())),
            }
        }
    }
}
