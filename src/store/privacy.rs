//! The data dir holds interviews about trafficking: on a shared server nobody else may
//! read it. The dir is 0700 and the database files 0600 whatever the umask; an existing
//! dir open to others is closed, or refused when it is not ours to close.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::error::StoreError;

/// Something the user should know that did not stop the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

fn io(path: &Path, source: std::io::Error) -> StoreError {
    match source.kind() {
        std::io::ErrorKind::PermissionDenied
        | std::io::ErrorKind::ReadOnlyFilesystem
        | std::io::ErrorKind::NotADirectory
        | std::io::ErrorKind::StorageFull => StoreError::NotWritable {
            path: path.display().to_string(),
            reason: source.to_string(),
        },
        _ => StoreError::Io {
            path: path.display().to_string(),
            source,
        },
    }
}

/// Create the data dir 0700, or check and tighten an existing one.
pub fn prepare_dir(dir: &Path) -> Result<Vec<Notice>, StoreError> {
    let mut notices = Vec::new();
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| io(dir, e))?;
            // The umask can only narrow 0700, but a parent created on the way may be wider:
            // only the data dir itself must be private.
            std::fs::set_permissions(dir, Permissions::from_mode(0o700)).map_err(|e| io(dir, e))?;
        }
        Err(e) => return Err(io(dir, e)),
        Ok(meta) => {
            if meta.file_type().is_symlink() {
                // Follow it, but the target must pass the same checks.
                let target = std::fs::metadata(dir).map_err(|e| io(dir, e))?;
                check_existing(dir, &target, &mut notices)?;
            } else if !meta.is_dir() {
                return Err(StoreError::Insecure {
                    path: dir.display().to_string(),
                    problem: "this is a file, not a folder; choose another --data-dir".into(),
                });
            } else {
                check_existing(dir, &meta, &mut notices)?;
            }
        }
    }
    Ok(notices)
}

fn check_existing(
    dir: &Path,
    meta: &std::fs::Metadata,
    notices: &mut Vec<Notice>,
) -> Result<(), StoreError> {
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me {
        return Err(StoreError::Insecure {
            path: dir.display().to_string(),
            problem: format!(
                "the data folder belongs to another user (uid {}); interviews must live in a folder only you can read. Use --data-dir to choose one",
                meta.uid()
            ),
        });
    }
    let mode = meta.mode() & 0o777;
    if mode & 0o077 != 0 {
        std::fs::set_permissions(dir, Permissions::from_mode(0o700)).map_err(|e| io(dir, e))?;
        notices.push(Notice(format!(
            "{}: the data folder was open to other users (mode {mode:o}); it is now 0700, readable by you alone",
            dir.display()
        )));
    }
    Ok(())
}

/// Create the database file 0600 before SQLite opens it, so it is never wider even briefly.
pub fn prepare_file(path: &Path) -> Result<(), StoreError> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(path, e)),
    }
    tighten(path)
}

/// Make a database file (or its -wal / -shm companion) 0600 if it exists.
pub fn tighten(path: &Path) -> Result<(), StoreError> {
    match std::fs::metadata(path) {
        Ok(m) if m.mode() & 0o077 != 0 => {
            std::fs::set_permissions(path, Permissions::from_mode(0o600)).map_err(|e| io(path, e))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path, e)),
    }
}
