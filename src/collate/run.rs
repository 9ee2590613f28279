//! `stocktake collate`: walk folders, recognise files already seen without parsing them,
//! verify and import the rest, quarantine what fails, and count what happened.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::db::{Batch, CollateError, CollationDb, Seen};
use crate::guide::Catalog;
use crate::sync::{MAX_FILE_BYTES, ReadError, check_digest, parse_session_file, verify_against};

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
    let entries = std::fs::read_dir(dir).map_err(|source| CollateError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let Ok(t) = e.file_type() else { continue };
        let path = e.path();
        if t.is_dir() {
            walk(&path, out)?;
        } else if (t.is_file() || t.is_symlink()) && name.ends_with(".toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Collate `paths` into `db`. `progress(done, total)` is called as files are handled.
pub fn collate(
    db: &mut CollationDb,
    paths: &[PathBuf],
    catalog: &Catalog,
    now: &str,
    progress: &mut dyn FnMut(usize, usize, &Summary),
) -> Result<Summary, CollateError> {
    let files = find_files(paths)?;
    let total = files.len();
    let mut summary = Summary {
        files: total,
        ..Summary::default()
    };
    for chunk in files.chunks(BATCH) {
        let batch = db.batch(now)?;
        for path in chunk {
            match one(&batch, path, catalog)? {
                Outcome::New => summary.new += 1,
                Outcome::Updated => summary.updated += 1,
                Outcome::Duplicate => summary.duplicate += 1,
                Outcome::Conflicting => summary.conflicting += 1,
                Outcome::Quarantined => summary.quarantined += 1,
            }
        }
        batch.commit()?;
        let done = summary.new
            + summary.updated
            + summary.duplicate
            + summary.conflicting
            + summary.quarantined;
        progress(done, total, &summary);
    }
    Ok(summary)
}

fn one(batch: &Batch<'_>, path: &Path, catalog: &Catalog) -> Result<Outcome, CollateError> {
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let key = key.display().to_string();
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let err = ReadError::Io {
                file: shown,
                source: e,
            };
            batch.quarantine(&key, None, err.kind(), &err.to_string())?;
            return Ok(Outcome::Quarantined);
        }
    };
    let (size, mtime_ns) = (
        meta.len() as i64,
        meta.mtime() * 1_000_000_000 + meta.mtime_nsec(),
    );
    // Unchanged since last time: the earlier conclusion stands, without reading the file.
    if let Some(seen) = batch.seen(&key)?
        && seen.size == size
        && seen.mtime_ns == mtime_ns
    {
        if seen.outcome == "imported"
            && let Some(d) = &seen.digest
            && batch.has_revision(d)?
        {
            return Ok(Outcome::Duplicate);
        }
        if seen.outcome != "imported" {
            return Ok(Outcome::Quarantined);
        }
    }
    let record = |digest: Option<String>, outcome: &str| {
        batch.set_seen(
            &key,
            &Seen {
                size,
                mtime_ns,
                digest,
                outcome: outcome.to_string(),
            },
        )
    };
    let fail =
        |batch: &Batch<'_>, digest: Option<&str>, e: &ReadError| -> Result<(), CollateError> {
            batch.quarantine(&key, digest, e.kind(), &e.to_string())
        };
    if meta.len() > MAX_FILE_BYTES {
        let e = ReadError::TooLarge {
            file: shown,
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        };
        fail(batch, None, &e)?;
        record(None, e.kind())?;
        return Ok(Outcome::Quarantined);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => {
            let e = ReadError::Io {
                file: shown,
                source,
            };
            fail(batch, None, &e)?;
            record(None, e.kind())?;
            return Ok(Outcome::Quarantined);
        }
    };
    // Known by its digest: a copy of a file already in, recognised without parsing.
    let digest = match check_digest(&bytes, &shown) {
        Ok(d) => d,
        Err(e) => {
            fail(batch, None, &e)?;
            record(None, e.kind())?;
            return Ok(Outcome::Quarantined);
        }
    };
    let d = digest.to_string();
    if batch.has_revision(&d)? {
        batch.add_path(&d, &key)?;
        batch.release(&key)?;
        record(Some(d), "imported")?;
        return Ok(Outcome::Duplicate);
    }
    let verified = parse_session_file(&bytes, &shown).and_then(|f| {
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
        Ok((f, guide))
    });
    let (f, guide) = match verified {
        Ok(v) => v,
        Err(e) => {
            fail(batch, Some(&d), &e)?;
            record(Some(d), e.kind())?;
            return Ok(Outcome::Quarantined);
        }
    };
    let parent = f.session.parent.map(|p| p.to_string()).unwrap_or_default();
    let (known, siblings) = batch.relatives(&f.session.id, &parent)?;
    batch.insert_revision(&f, guide)?;
    batch.add_path(&d, &key)?;
    batch.release(&key)?;
    record(Some(d), "imported")?;
    Ok(if siblings > 0 {
        Outcome::Conflicting
    } else if known > 0 {
        Outcome::Updated
    } else {
        Outcome::New
    })
}
