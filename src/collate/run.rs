//! `stocktake collate`: walk folders, recognise files imported before without reading
//! them, verify and import the rest (a file quarantined before is always read again: what
//! kept it out may be gone), quarantine what fails, clear what healed, count it all.

use std::collections::HashSet;
use std::path::PathBuf;

use super::db::{Batch, CollateError, CollationDb, FileId, Seen};
use super::heal::{Cleared, Looked};
use super::rows::RevisionRows;
use super::walk::{find_files, key_of, root_key, unreadable_reason};
use crate::guide::{Catalog, Digest};
use crate::sync::{
    MAX_FILE_BYTES, ReadError, check_digest, parse_digest_checked, read_regular, verify_against,
};

/// The quarantine kind of a folder that could not be walked.
pub(super) const UNREADABLE_FOLDER: &str = "unreadable folder";

/// Files per transaction. Each commit writes every page the batch touched to the WAL, and
/// the indexes keyed by digest take their keys in no order, so a batch of `n` files dirties
/// about `n` of their leaf pages once they outgrow the batch: with 500 files a batch, a
/// first collation of 100,000 files wrote 3.3 GB for a 635 MB database, and the writes per
/// file grew with the database. With 10,000 it writes 1.4 GB. A crash loses at most one
/// batch, which the next run reads again.
const BATCH: usize = 10_000;

/// Files between two progress reports: apart from commits, so a big batch still shows
/// its progress.
const PROGRESS_EVERY: usize = 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    /// First revision of a session this database had not seen.
    pub new: usize,
    /// A further revision of a known session.
    pub updated: usize,
    /// Already in the database (this run or an earlier one).
    pub duplicate: usize,
    /// A revision with the same parent as another: kept, and listed as a conflict.
    pub conflicting: usize,
    pub quarantined: usize,
    /// Call attempts (attempt files) the campaign did not have.
    pub attempts: usize,
    /// Entries of earlier runs that this one cleared.
    pub cleared: Cleared,
}

/// In English, for tests' messages and logs; what a person reads is put in words, in their
/// language, by the command line (`cli::collate::summary_words`).
impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} file(s): {} new, {} updated, {} already present, {} conflicting, {} quarantined",
            self.files, self.new, self.updated, self.duplicate, self.conflicting, self.quarantined
        )?;
        if self.attempts > 0 {
            write!(f, "; {} call attempt(s)", self.attempts)?;
        }
        if self.cleared.total() > 0 {
            write!(f, "; cleared from quarantine: {}", self.cleared)?;
        }
        Ok(())
    }
}

enum Outcome {
    /// A call attempt of the campaign.
    Attempt,
    New,
    Updated,
    Duplicate,
    Conflicting,
    Quarantined,
}

/// A file to read, and the key the database knows its path by.
struct Todo {
    path: PathBuf,
    key: String,
}

/// A file read, hashed, parsed and verified off the main thread, with the version of the
/// file that was read (from the opened file, not from an earlier `stat`).
enum Prepared {
    Bad {
        todo: Todo,
        id: FileId,
        digest: Option<String>,
        error: ReadError,
    },
    /// A call attempt's file (the campaign), not a session's.
    Attempt {
        todo: Todo,
        id: FileId,
        digest: String,
        attempt: Box<crate::campaign::Attempt>,
    },
    Good {
        todo: Todo,
        id: FileId,
        digest: String,
        file: Box<crate::sync::SessionFile>,
        guide: Digest,
        /// Made by the reader, so that the writer only inserts.
        rows: Box<RevisionRows>,
    },
}

/// How encrypted files are opened.
#[derive(Default)]
pub struct Keys {
    /// The collator's age identities.
    pub identities: Vec<age::x25519::Identity>,
    /// Refuse (quarantine) files that are not encrypted.
    pub require_encrypted: bool,
}

/// Collate `paths` into `db`. `progress(done, total, summary)` is called as files are handled.
pub fn collate(
    db: &mut CollationDb,
    paths: &[PathBuf],
    catalog: &Catalog,
    keys: &Keys,
    now: &str,
    progress: &mut dyn FnMut(usize, usize, &Summary),
) -> Result<Summary, CollateError> {
    // One collation at a time: a caller that wants to say it waits takes the lock first.
    db.lock_for_collation(super::PATIENCE, &mut || {})?;
    let first_fill = db.begin_first_fill()?;
    let result = collate_locked(db, paths, catalog, keys, now, progress);
    // Back to WAL even when the collation failed: what it committed stays, and a report
    // should not find the database in the mode only a first fill wants.
    if first_fill {
        db.end_first_fill()?;
    }
    result
}

fn collate_locked(
    db: &mut CollationDb,
    paths: &[PathBuf],
    catalog: &Catalog,
    keys: &Keys,
    now: &str,
    progress: &mut dyn FnMut(usize, usize, &Summary),
) -> Result<Summary, CollateError> {
    let found = find_files(paths)?;
    let total = found.files.len();
    let mut summary = Summary {
        files: total,
        ..Summary::default()
    };
    let before = db.quarantine_paths()?;
    let roots: Vec<String> = paths.iter().map(|p| root_key(p)).collect();
    let mut visited = HashSet::new();
    let mut failed = Vec::new();
    // Pass 1, cheap: a file imported before and unchanged since is known unread. Only an
    // import is kept so: any other outcome (no identity, an unknown guide, unreadable, a
    // copy caught half-written) may have a cause this run no longer has.
    let mut todo = Vec::new();
    {
        let batch = db.batch(now)?;
        let mut keys_of = super::walk::KeyCache::default();
        for (dir, e) in &found.unreadable {
            let key = key_of(dir);
            batch.quarantine(&key, None, UNREADABLE_FOLDER, &unreadable_reason(dir, e))?;
            summary.quarantined += 1;
            visited.insert(key.clone());
            failed.push(key);
        }
        for path in found.files {
            let key = keys_of.key_of(&path);
            visited.insert(key.clone());
            if let Ok(meta) = std::fs::metadata(&path)
                && let Some(seen) = batch.seen(&key)?
                && seen.outcome == "imported"
                && seen.id == FileId::of(&meta)
                && let Some(d) = &seen.digest
                && (batch.has_revision(d)? || batch.has_attempt(d)?)
            {
                summary.duplicate += 1;
                continue;
            }
            todo.push(Todo { path, key });
        }
        batch.commit()?;
    }
    progress(summary.duplicate + summary.quarantined, total, &summary);
    // Pass 2: readers (one per core) read, hash, parse and verify while this thread writes.
    // Reader k takes files k, k + n, k + 2n…; taking their results in turn keeps the order,
    // so a run's counts do not depend on thread timing.
    let readers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    std::thread::scope(|scope| -> Result<(), CollateError> {
        let total_todo = todo.len();
        let mut shares: Vec<Vec<Todo>> = (0..readers).map(|_| Vec::new()).collect();
        for (i, t) in todo.into_iter().enumerate() {
            shares[i % readers].push(t);
        }
        let mut receivers = Vec::new();
        for share in shares {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Prepared>(32);
            scope.spawn(move || {
                for t in share {
                    if tx.send(prepare(t, catalog, keys)).is_err() {
                        break;
                    }
                }
            });
            receivers.push(rx);
        }
        let mut batch = db.batch(now)?;
        let mut in_batch = 0;
        for i in 0..total_todo {
            let Ok(p) = receivers[i % readers].recv() else {
                break;
            };
            match apply(&batch, p, catalog)? {
                Outcome::Attempt => summary.attempts += 1,
                Outcome::New => summary.new += 1,
                Outcome::Updated => summary.updated += 1,
                Outcome::Duplicate => summary.duplicate += 1,
                Outcome::Conflicting => summary.conflicting += 1,
                Outcome::Quarantined => summary.quarantined += 1,
            }
            in_batch += 1;
            if in_batch == BATCH {
                batch.commit()?;
                batch = db.batch(now)?;
                in_batch = 0;
            }
            if (i + 1) % PROGRESS_EVERY == 0 {
                let done = summary.attempts
                    + summary.new
                    + summary.updated
                    + summary.duplicate
                    + summary.conflicting
                    + summary.quarantined;
                progress(done, total, &summary);
            }
        }
        batch.commit()
    })?;
    let batch = db.batch(now)?;
    summary.cleared = batch.heal(
        &before,
        &Looked {
            roots: &roots,
            visited: &visited,
            failed: &failed,
        },
    )?;
    batch.commit()?;
    let done = summary.attempts
        + summary.new
        + summary.updated
        + summary.duplicate
        + summary.conflicting
        + summary.quarantined;
    progress(done, total, &summary);
    Ok(summary)
}

fn prepare(todo: Todo, catalog: &Catalog, keys: &Keys) -> Prepared {
    let shown = todo.path.display().to_string();
    let encrypted = shown.ends_with(crate::sync::ENCRYPTED_SUFFIX);
    // age adds 16 bytes per 64 KiB chunk and a header: allow for them, no more.
    let limit = if encrypted {
        MAX_FILE_BYTES + MAX_FILE_BYTES / 1024 + 4096
    } else {
        MAX_FILE_BYTES
    };
    let (bytes, id) = match read_regular(&todo.path, limit, MAX_FILE_BYTES) {
        Ok((bytes, meta)) => (bytes, FileId::of(&meta)),
        Err(error) => {
            return Prepared::Bad {
                todo,
                id: FileId::UNKNOWN,
                digest: None,
                error,
            };
        }
    };
    let bad = |todo, digest, error| Prepared::Bad {
        todo,
        id,
        digest,
        error,
    };
    let bytes = if encrypted {
        match crate::sync::decrypt(&bytes, &keys.identities) {
            Ok(plain) => plain,
            Err(why) => return bad(todo, None, ReadError::Encrypted { file: shown, why }),
        }
    } else if keys.require_encrypted {
        return bad(todo, None, ReadError::NotEncrypted { file: shown });
    } else {
        bytes
    };
    let checked = match check_digest(&bytes, &shown) {
        Ok(d) => d,
        Err(e) => return bad(todo, None, e),
    };
    let digest = checked.to_string();
    if crate::campaign::is_attempt_file(&bytes) {
        return match crate::campaign::parse_attempt(&bytes, &shown) {
            Ok((_, attempt)) => Prepared::Attempt {
                todo,
                id,
                digest,
                attempt: Box::new(attempt),
            },
            Err(e) => bad(todo, Some(digest), e),
        };
    }
    let verified = parse_digest_checked(&bytes, checked, &shown).and_then(|f| {
        let guide =
            catalog
                .by_digest(&f.session.guide.digest)
                .ok_or_else(|| ReadError::UnknownGuide {
                    file: shown.clone(),
                    id: f.session.guide.id.clone(),
                    version: f.session.guide.version.clone(),
                    digest: f.session.guide.digest.to_string(),
                })?;
        verify_against(&f, &guide.guide, &guide.digest, &shown)?;
        let rows = RevisionRows::of(&f, guide);
        Ok((f, guide.digest, rows))
    });
    match verified {
        Ok((file, guide, rows)) => Prepared::Good {
            todo,
            id,
            digest,
            file: Box::new(file),
            guide,
            rows: Box::new(rows),
        },
        Err(e) => bad(todo, Some(digest), e),
    }
}

fn apply(batch: &Batch<'_>, p: Prepared, catalog: &Catalog) -> Result<Outcome, CollateError> {
    match p {
        Prepared::Bad {
            todo,
            id,
            digest,
            error,
        } => {
            // A copy of a file already in: a bad parse of known bytes cannot happen, but a
            // known digest still counts as present.
            if let Some(d) = &digest
                && batch.has_revision(d)?
            {
                batch.add_path(d, &todo.key)?;
                batch.release(&todo.key)?;
                batch.set_seen(
                    &todo.key,
                    &Seen {
                        id,
                        digest: digest.clone(),
                        outcome: "imported".into(),
                    },
                )?;
                return Ok(Outcome::Duplicate);
            }
            batch.quarantine(&todo.key, digest.as_deref(), error.kind(), &error)?;
            batch.set_seen(
                &todo.key,
                &Seen {
                    id,
                    digest,
                    outcome: error.kind().into(),
                },
            )?;
            Ok(Outcome::Quarantined)
        }
        Prepared::Attempt {
            todo,
            id,
            digest,
            attempt,
        } => {
            let new = batch.insert_attempt(&digest, &attempt)?;
            batch.release(&todo.key)?;
            batch.set_seen(
                &todo.key,
                &Seen {
                    id,
                    digest: Some(digest),
                    outcome: "imported".into(),
                },
            )?;
            Ok(if new {
                Outcome::Attempt
            } else {
                Outcome::Duplicate
            })
        }
        Prepared::Good {
            todo,
            id,
            digest,
            file,
            guide,
            rows,
        } => {
            let seen = Seen {
                id,
                digest: Some(digest.clone()),
                outcome: "imported".into(),
            };
            let Some(guide) = catalog.by_digest(&guide) else {
                return Ok(Outcome::Quarantined);
            };
            let parent = file
                .session
                .parent
                .map(|p| p.to_string())
                .unwrap_or_default();
            let (known, siblings) = batch.relatives(&file.session.id, &parent)?;
            // A copy of a file in already is found by the insert itself: a lookup of the
            // digest first was 4 % of the writing thread's time, for the rare copy.
            let inserted = batch.insert_revision(&file, guide, &rows)?;
            batch.add_path(&digest, &todo.key)?;
            batch.release(&todo.key)?;
            batch.set_seen(&todo.key, &seen)?;
            if !inserted {
                return Ok(Outcome::Duplicate);
            }
            Ok(if siblings > 0 {
                Outcome::Conflicting
            } else if known > 0 {
                Outcome::Updated
            } else {
                Outcome::New
            })
        }
    }
}
