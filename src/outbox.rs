//! Carrying completed revisions from the local store to the outbox: each frozen revision
//! file is written (atomically, never overwriting) and recorded as synced. Nothing is
//! marked synced unless its file is in the outbox.

use std::path::{Path, PathBuf};

use crate::guide::LoadedGuide;
use crate::session::Session;
use crate::store::{RevisionFile, Store, StoreError};
use crate::sync::{
    WriteError, Written, clean_stale_temps, file_name, render, revision_digest, write_file,
};

/// The file a completed revision is frozen as.
pub fn freeze(s: &Session, guide: &LoadedGuide) -> RevisionFile {
    RevisionFile {
        digest: revision_digest(s, guide),
        file_name: file_name(s),
        content: render(s, guide),
    }
}

#[derive(Debug, Default)]
pub struct SyncReport {
    pub written: Vec<PathBuf>,
    /// Already in the outbox with the same bytes (now recorded).
    pub already: Vec<PathBuf>,
    /// (file name, why): these stay waiting.
    pub failed: Vec<(String, WriteError)>,
    /// Old temp files of ours removed from the outbox.
    pub cleaned: usize,
}

impl SyncReport {
    pub fn is_ok(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Write every completed revision not yet synced into `outbox`.
pub fn sync(store: &mut Store, outbox: &Path) -> Result<SyncReport, StoreError> {
    let mut report = SyncReport {
        cleaned: clean_stale_temps(outbox),
        ..SyncReport::default()
    };
    let shown = outbox.display().to_string();
    for u in store.unsynced()? {
        match write_file(outbox, &u.file.file_name, &u.file.content) {
            Ok(w) => {
                store.mark_synced(&u.session_id, u.revision, &shown, &u.file.file_name)?;
                match w {
                    Written::New(p) => report.written.push(p),
                    Written::AlreadyThere(p) => report.already.push(p),
                }
            }
            Err(e) => {
                // A folder problem fails every file the same way: say it once.
                let folder = matches!(
                    e,
                    WriteError::Missing { .. }
                        | WriteError::NotAFolder { .. }
                        | WriteError::NotWritable { .. }
                        | WriteError::Full { .. }
                );
                report.failed.push((u.file.file_name.clone(), e));
                if folder {
                    break;
                }
            }
        }
    }
    Ok(report)
}
