//! Carrying completed revisions from the local store to the outbox: each frozen revision
//! file is written (atomically, never overwriting) and recorded as synced. Nothing is
//! marked synced unless its file is in the outbox.

use std::path::{Path, PathBuf};

use crate::store::{Store, StoreError};
use crate::sync::{WriteError, Written, clean_stale_temps, write_file};

/// Where completed sessions go, and to whom they are encrypted.
#[derive(Debug, Clone, Default)]
pub struct Sending {
    pub outbox: Option<PathBuf>,
    /// From the config file; a guide's own recipients are added per session.
    pub recipients: Vec<age::x25519::Recipient>,
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

/// Write every completed revision not yet synced into `outbox`. A revision whose guide names
/// recipients, or any when `recipients` are given (the config file's), is written
/// encrypted to all of them as `<name>.toml.age`: its plaintext never reaches the outbox.
pub fn sync(
    store: &mut Store,
    outbox: &Path,
    recipients: &[age::x25519::Recipient],
) -> Result<SyncReport, StoreError> {
    let mut report = SyncReport {
        cleaned: clean_stale_temps(outbox),
        ..SyncReport::default()
    };
    let shown = outbox.display().to_string();
    for u in store.unsynced()? {
        let session = store.load_session(&u.session_id)?;
        let guide = store.load_guide(&session.guide.digest)?;
        let mut to: Vec<age::x25519::Recipient> = recipients.to_vec();
        // The guide's recipients were checked when it was loaded.
        to.extend(
            guide
                .guide
                .sync
                .recipients
                .iter()
                .filter_map(|r| crate::sync::parse_recipient(r).ok()),
        );
        let (name, content) = if to.is_empty() {
            (u.file.file_name.clone(), u.file.content.clone())
        } else {
            match crate::sync::encrypt(&u.file.content, &to) {
                Ok(c) => (
                    format!("{}{}", u.file.file_name, crate::sync::ENCRYPTED_SUFFIX),
                    c,
                ),
                Err(e) => {
                    report.failed.push((
                        u.file.file_name.clone(),
                        WriteError::Io {
                            path: u.file.file_name.clone(),
                            source: std::io::Error::other(e.to_string()),
                        },
                    ));
                    continue;
                }
            }
        };
        match write_file(outbox, &name, &content) {
            Ok(w) => {
                store.mark_synced(&u.session_id, u.revision, &shown, &name)?;
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
                report.failed.push((name, e));
                if folder {
                    break;
                }
            }
        }
    }
    if report.is_ok() {
        sync_attempts(store, outbox, recipients, &mut report)?;
    }
    Ok(report)
}

/// Write the call attempts logged here and not yet sent, one file each
/// (`attempt_<id>.toml`, or `.toml.age`), encrypted as session files are: to the config's
/// recipients and those of the guides of the sessions the attempt produced.
fn sync_attempts(
    store: &mut Store,
    outbox: &Path,
    recipients: &[age::x25519::Recipient],
    report: &mut SyncReport,
) -> Result<(), StoreError> {
    let shown = outbox.display().to_string();
    for a in store.unsynced_attempts()? {
        let mut to: Vec<age::x25519::Recipient> = recipients.to_vec();
        for s in &a.sessions {
            if let Ok(session) = store.load_session(s)
                && let Ok(guide) = store.load_guide(&session.guide.digest)
            {
                to.extend(
                    guide
                        .guide
                        .sync
                        .recipients
                        .iter()
                        .filter_map(|r| crate::sync::parse_recipient(r).ok()),
                );
            }
        }
        let plain = crate::campaign::render_attempt(&a);
        let base = crate::campaign::attempt_file_name(&a);
        let (name, content) = if to.is_empty() {
            (base, plain)
        } else {
            match crate::sync::encrypt(&plain, &to) {
                Ok(c) => (format!("{base}{}", crate::sync::ENCRYPTED_SUFFIX), c),
                Err(e) => {
                    report.failed.push((
                        base.clone(),
                        WriteError::Io {
                            path: base,
                            source: std::io::Error::other(e.to_string()),
                        },
                    ));
                    continue;
                }
            }
        };
        match write_file(outbox, &name, &content) {
            Ok(w) => {
                store.mark_attempt_synced(&a.id, &shown, &name)?;
                match w {
                    Written::New(p) => report.written.push(p),
                    Written::AlreadyThere(p) => report.already.push(p),
                }
            }
            Err(e) => {
                report.failed.push((name, e));
                break;
            }
        }
    }
    Ok(())
}
