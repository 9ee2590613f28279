//! `stocktake collate`: walk folders, recognise files already seen without parsing them,
//! verify and import the rest, quarantine what fails, and count what happened.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::db::{Batch, CollateError, CollationDb, Seen};
use crate::guide::{Catalog, Digest};
use crate::sync::{MAX_FILE_BYTES, ReadError, check_digest, parse_digest_checked, verify_against};

/// Files per transaction: large enough to be fast, small enough to show progress.
const BATCH: usize = 500;

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
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} file(s): {} new, {} updated, {} already present, {} conflicting, {} quarantined",
            self.files, self.new, self.updated, self.duplicate, self.conflicting, self.quarantined
        )
    }
}

enum Outcome {
    New,
    Updated,
    Duplicate,
    Conflicting,
    Quarantined,
}

/// Every session file under `paths`: files as given, folders walked. Dot files (temp files
/// of a writer at work) are skipped; folder symlinks are not followed, so no loop.
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CollateError> {
    let mut out = Vec::new();
    for p in paths {
        let m = std::fs::metadata(p).map_err(|source| CollateError::Io {
            path: p.display().to_string(),
            source,
        })?;
        if m.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CollateError> {
    // follow_links(false): a symlink to a folder is an entry, never descended into, so
    // a link back up cannot loop; a symlink to a file is taken, as a file would be.
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for e in entries {
        let e = e.map_err(|e| CollateError::Io {
            path: e.path().unwrap_or(dir).display().to_string(),
            source: e.into(),
        })?;
        let t = e.file_type();
        let name = e.file_name().to_string_lossy();
        if (t.is_file() || t.is_symlink())
            && (name.ends_with(".toml") || name.ends_with(".toml.age"))
        {
            out.push(e.into_path());
        }
    }
    Ok(())
}

/// A file to read, with what identifies its version on disk.
struct Todo {
    path: PathBuf,
    key: String,
    size: i64,
    mtime_ns: i64,
}

/// A file read, hashed, parsed and verified off the main thread.
enum Prepared {
    Bad {
        todo: Todo,
        digest: Option<String>,
        error: ReadError,
    },
    Good {
        todo: Todo,
        digest: String,
        file: Box<crate::sync::SessionFile>,
        guide: Digest,
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
    let files = find_files(paths)?;
    let total = files.len();
    let mut summary = Summary {
        files: total,
        ..Summary::default()
    };
    // Pass 1, cheap: a file unchanged since an earlier run keeps its conclusion unread.
    let mut todo = Vec::new();
    {
        let batch = db.batch(now)?;
        for path in files {
            let key = std::fs::canonicalize(&path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string();
            let Ok(meta) = std::fs::metadata(&path) else {
                todo.push(Todo {
                    path,
                    key,
                    size: -1,
                    mtime_ns: -1,
                });
                continue;
            };
            let (size, mtime_ns) = (
                meta.len() as i64,
                meta.mtime() * 1_000_000_000 + meta.mtime_nsec(),
            );
            if let Some(seen) = batch.seen(&key)?
                && seen.size == size
                && seen.mtime_ns == mtime_ns
            {
                if seen.outcome != "imported" {
                    summary.quarantined += 1;
                    continue;
                }
                if let Some(d) = &seen.digest
                    && batch.has_revision(d)?
                {
                    summary.duplicate += 1;
                    continue;
                }
            }
            todo.push(Todo {
                path,
                key,
                size,
                mtime_ns,
            });
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
                let done = summary.new
                    + summary.updated
                    + summary.duplicate
                    + summary.conflicting
                    + summary.quarantined;
                progress(done, total, &summary);
            }
        }
        batch.commit()
    })?;
    let done = summary.new
        + summary.updated
        + summary.duplicate
        + summary.conflicting
        + summary.quarantined;
    progress(done, total, &summary);
    Ok(summary)
}

fn prepare(todo: Todo, catalog: &Catalog, keys: &Keys) -> Prepared {
    let shown = todo.path.display().to_string();
    let bad = |todo, digest, error| Prepared::Bad {
        todo,
        digest,
        error,
    };
    if todo.size < 0 {
        let error = match std::fs::metadata(&todo.path) {
            Err(source) => ReadError::Io {
                file: shown,
                source,
            },
            Ok(_) => ReadError::Invalid {
                file: shown,
                message: "changed while being read".into(),
            },
        };
        return bad(todo, None, error);
    }
    let encrypted = shown.ends_with(crate::sync::ENCRYPTED_SUFFIX);
    // age adds 16 bytes per 64 KiB chunk and a header: allow for them, no more.
    let limit = if encrypted {
        MAX_FILE_BYTES + MAX_FILE_BYTES / 1024 + 4096
    } else {
        MAX_FILE_BYTES
    };
    if todo.size as u64 > limit {
        let size = todo.size as u64;
        return bad(
            todo,
            None,
            ReadError::TooLarge {
                file: shown,
                size,
                limit: MAX_FILE_BYTES,
            },
        );
    }
    let bytes = match std::fs::read(&todo.path) {
        Ok(b) if b.len() as u64 <= limit => b,
        Ok(b) => {
            return bad(
                todo,
                None,
                ReadError::TooLarge {
                    file: shown,
                    size: b.len() as u64,
                    limit: MAX_FILE_BYTES,
                },
            );
        }
        Err(source) => {
            return bad(
                todo,
                None,
                ReadError::Io {
                    file: shown,
                    source,
                },
            );
        }
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
        Ok((f, guide.digest))
    });
    match verified {
        Ok((file, guide)) => Prepared::Good {
            todo,
            digest,
            file: Box::new(file),
            guide,
        },
        Err(e) => bad(todo, Some(digest), e),
    }
}

fn apply(batch: &Batch<'_>, p: Prepared, catalog: &Catalog) -> Result<Outcome, CollateError> {
    match p {
        Prepared::Bad {
            todo,
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
                        size: todo.size,
                        mtime_ns: todo.mtime_ns,
                        digest: digest.clone(),
                        outcome: "imported".into(),
                    },
                )?;
                return Ok(Outcome::Duplicate);
            }
            batch.quarantine(
                &todo.key,
                digest.as_deref(),
                error.kind(),
                &error.to_string(),
            )?;
            batch.set_seen(
                &todo.key,
                &Seen {
                    size: todo.size,
                    mtime_ns: todo.mtime_ns,
                    digest,
                    outcome: error.kind().into(),
                },
            )?;
            Ok(Outcome::Quarantined)
        }
        Prepared::Good {
            todo,
            digest,
            file,
            guide,
        } => {
            let seen = Seen {
                size: todo.size,
                mtime_ns: todo.mtime_ns,
                digest: Some(digest.clone()),
                outcome: "imported".into(),
            };
            if batch.has_revision(&digest)? {
                batch.add_path(&digest, &todo.key)?;
                batch.release(&todo.key)?;
                batch.set_seen(&todo.key, &seen)?;
                return Ok(Outcome::Duplicate);
            }
            let Some(guide) = catalog.by_digest(&guide) else {
                return Ok(Outcome::Quarantined);
            };
            let parent = file
                .session
                .parent
                .map(|p| p.to_string())
                .unwrap_or_default();
            let (known, siblings) = batch.relatives(&file.session.id, &parent)?;
            batch.insert_revision(&file, guide)?;
            batch.add_path(&digest, &todo.key)?;
            batch.release(&todo.key)?;
            batch.set_seen(&todo.key, &seen)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_skips_dot_files_follows_no_folder_link_and_sorts() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path();
        let touch = |p: &str| {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
        };
        touch("b.toml");
        touch("a/c.toml.age");
        touch("a/notes.txt");
        touch(".stocktake-1-X.tmp");
        touch(".hidden.toml");
        touch(".git/d.toml");
        std::os::unix::fs::symlink(root, root.join("a/loop")).expect("folder link");
        std::os::unix::fs::symlink(root.join("b.toml"), root.join("e.toml")).expect("link");
        let found = find_files(&[root.to_path_buf(), root.join("b.toml")]).expect("walk");
        let names: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(root).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a/c.toml.age", "b.toml", "e.toml"]);
    }
}
