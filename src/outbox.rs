//! Carrying completed revisions from the local store to the outbox: each frozen revision
//! file is written (atomically, never overwriting) and recorded as synced. Nothing is
//! marked synced unless its file is in the outbox. An encrypted revision is named by its
//! session id and revision only. Also: where each revision was written, writing every
//! one again (a copy on a USB stick, or encrypted after turning encryption on), and who
//! besides the writer can read an outbox.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::store::{Store, StoreError, SyncRecord};
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
    /// Files of this run written in clear (no recipient), new or already there.
    pub plain: usize,
}

impl SyncReport {
    pub fn is_ok(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Which revisions a sync writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Those not yet written anywhere.
    Waiting,
    /// Every revision completed in this store, written before or not: a second copy,
    /// or the encrypted files after turning encryption on. Never replaces a different
    /// file that has the same name.
    Again,
}

/// One completed revision of this store, and where it was written first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub session_id: String,
    pub revision: u32,
    pub response: String,
    pub structure: String,
    pub structure_label: String,
    /// `None`: waiting to be written.
    pub record: Option<SyncRecord>,
}

/// Every revision completed in this store (not those imported from elsewhere), oldest
/// session first, each with where and when it was first written.
pub fn sent(store: &Store) -> Result<Vec<Sent>, StoreError> {
    let waiting: Vec<(String, u32)> = store
        .unsynced()?
        .into_iter()
        .map(|u| (u.session_id, u.revision))
        .collect();
    let mut out = Vec::new();
    let mut sessions = store.summaries()?;
    sessions.reverse();
    for s in sessions {
        for revision in 1..=s.revision {
            let record = store.sync_record(&s.id, revision)?;
            let here = waiting.iter().any(|(id, r)| *id == s.id && *r == revision);
            // A revision with no record that is not waiting came from another store.
            if record.is_none() && !here {
                continue;
            }
            out.push(Sent {
                session_id: s.id.clone(),
                revision,
                response: s.response.clone(),
                structure: s.structure.clone(),
                structure_label: s.structure_label.clone(),
                record,
            });
        }
    }
    Ok(out)
}

/// Write every completed revision not yet synced into `outbox`. A revision whose guide
/// names recipients, or any when `recipients` are given (the config file's), is written
/// encrypted to all of them as `<session-id>_r<revision>.toml.age`: its plaintext never
/// reaches the outbox, and neither does its country, structure or date.
pub fn sync(
    store: &mut Store,
    outbox: &Path,
    recipients: &[age::x25519::Recipient],
) -> Result<SyncReport, StoreError> {
    sync_which(store, outbox, recipients, Which::Waiting)
}

/// [`sync`] of the revisions `which` names.
pub fn sync_which(
    store: &mut Store,
    outbox: &Path,
    recipients: &[age::x25519::Recipient],
    which: Which,
) -> Result<SyncReport, StoreError> {
    let mut report = SyncReport {
        cleaned: clean_stale_temps(outbox),
        ..SyncReport::default()
    };
    let shown = outbox.display().to_string();
    let todo: Vec<(String, u32)> = match which {
        Which::Waiting => store
            .unsynced()?
            .into_iter()
            .map(|u| (u.session_id, u.revision))
            .collect(),
        Which::Again => sent(store)?
            .into_iter()
            .map(|s| (s.session_id, s.revision))
            .collect(),
    };
    for (session_id, revision) in todo {
        let Some(file) = store.revision_file(&session_id, revision)? else {
            continue;
        };
        let session = store.load_session(&session_id)?;
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
            (file.file_name.clone(), file.content.clone())
        } else {
            match crate::sync::encrypt(&file.content, &to) {
                Ok(c) => (crate::sync::encrypted_file_name(&session_id, revision), c),
                Err(e) => {
                    report.failed.push((
                        file.file_name.clone(),
                        WriteError::Io {
                            path: file.file_name.clone(),
                            source: std::io::Error::other(e.to_string()),
                        },
                    ));
                    continue;
                }
            }
        };
        match write_file(outbox, &name, &content) {
            Ok(w) => {
                store.mark_synced(&session_id, revision, &shown, &name)?;
                report.plain += usize::from(to.is_empty());
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

/// Who besides its owner can list an outbox, and so read the plain (0640) session files
/// in it when they are in its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposure {
    pub mode: u32,
    /// The folder's group, by name where `/etc/group` has it.
    pub group: String,
    /// Anyone at all, not only the group, can list it.
    pub everyone: bool,
}

/// `Some` when users other than the folder's owner can list `dir` (its group or
/// everyone): plain session files written there are then readable by that group. A
/// drop folder its writers cannot list (mode 3773, see the README) gives `None` to them:
/// they cannot read it, and neither can the other writers.
pub fn exposure(dir: &Path) -> Option<Exposure> {
    let m = std::fs::metadata(dir).ok()?;
    let mode = m.mode() & 0o7777;
    if mode & 0o044 == 0 {
        return None;
    }
    // A folder this user cannot list: the writers' side of a drop folder.
    if std::fs::read_dir(dir).is_err() {
        return None;
    }
    Some(Exposure {
        mode,
        group: group_name(m.gid()).unwrap_or_else(|| m.gid().to_string()),
        everyone: mode & 0o004 != 0,
    })
}

/// A group's name from `/etc/group`, the file every system has (directory services
/// aside: then the number is shown).
fn group_name(gid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/group").ok()?;
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let id = f.nth(1)?.parse::<u32>().ok()?;
        (id == gid).then(|| name.to_string())
    })
}
