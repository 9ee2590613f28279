//! The data dir holds interviews about trafficking: on a shared server nobody else may
//! read it. The dir is 0700 and the database files 0600 whatever the umask; an existing
//! dir open to others is closed, or refused when it is not ours to close.

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::error::StoreError;
use crate::i18n::Words;

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
                // Follow it (a data dir kept elsewhere is the user's choice), but the
                // target must pass the same checks, and a change to it is said as one.
                let target = std::fs::metadata(dir).map_err(|e| io(dir, e))?;
                let shown = match std::fs::canonicalize(dir) {
                    Ok(t) => format!("the data folder this link leads to ({})", t.display()),
                    Err(_) => "the data folder this link leads to".into(),
                };
                check_existing(dir, &target, &shown, &mut notices)?;
            } else if !meta.is_dir() {
                return Err(StoreError::Insecure {
                    path: dir.display().to_string(),
                    problem: Words::msg("why-store-data-dir-is-a-file").into(),
                });
            } else {
                check_existing(dir, &meta, "the data folder", &mut notices)?;
            }
        }
    }
    Ok(notices)
}

fn check_existing(
    dir: &Path,
    meta: &std::fs::Metadata,
    shown: &str,
    notices: &mut Vec<Notice>,
) -> Result<(), StoreError> {
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me {
        return Err(StoreError::Insecure {
            path: dir.display().to_string(),
            problem: Words::msg("why-store-data-dir-not-yours")
                .arg("uid", meta.uid().to_string())
                .into(),
        });
    }
    let mode = meta.mode() & 0o777;
    if mode & 0o077 != 0 {
        std::fs::set_permissions(dir, Permissions::from_mode(0o700)).map_err(|e| io(dir, e))?;
        notices.push(Notice(format!(
            "{}: {shown} was open to other users (mode {mode:o}); it is now 0700, readable by you alone",
            dir.display()
        )));
    }
    Ok(())
}

/// The names SQLite gives the companions of database `path`.
pub fn companions(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    })
}

/// Create the database file 0600 before SQLite opens it, so it is never wider even briefly.
/// The database and its companions must be files of their own, checked before SQLite
/// follows a link to write interviews somewhere else.
pub fn prepare_file(path: &Path) -> Result<(), StoreError> {
    for companion in companions(path) {
        tighten(&companion)?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => {}
        // O_EXCL does not follow a link: a link, even to nothing, is "already there".
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(path, e)),
    }
    tighten(path)
}

/// Refuse a database file or companion that is a link or not a file, before anything
/// (the data folder's mode included) is changed: an error that says nothing was changed
/// must be true. Whatever cannot be looked at is left to the steps that follow.
pub fn refuse_odd_files(path: &Path) -> Result<(), StoreError> {
    for p in std::iter::once(path.to_path_buf()).chain(companions(path)) {
        if let Ok(m) = std::fs::symlink_metadata(&p) {
            own_file(&p, &m)?;
        }
    }
    Ok(())
}

/// A link is refused, not followed: changing the mode of its target would change a file
/// that is not the store's, while the user is told nothing changed.
fn own_file(path: &Path, m: &std::fs::Metadata) -> Result<(), StoreError> {
    if m.file_type().is_symlink() {
        return Err(link_refused(path));
    }
    if !m.is_file() {
        return Err(StoreError::Insecure {
            path: path.display().to_string(),
            problem: Words::msg("why-store-not-a-db-file")
                .with("kind", kind(&m.file_type()))
                .into(),
        });
    }
    Ok(())
}

/// Make a database file (or its -wal / -shm companion) 0600 if it exists.
pub fn tighten(path: &Path) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => {
            own_file(path, &m)?;
            // The data folder is ours and closed to others (`prepare_dir`): nobody else
            // can swap the file for a link between the look and the change.
            if m.mode() & 0o077 != 0 {
                std::fs::set_permissions(path, Permissions::from_mode(0o600))
                    .map_err(|e| io(path, e))?;
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path, e)),
    }
}

fn link_refused(path: &Path) -> StoreError {
    let problem = match std::fs::read_link(path) {
        Ok(target) => {
            let resolved = path.parent().unwrap_or(Path::new("")).join(&target);
            let id = if std::fs::symlink_metadata(&resolved).is_ok() {
                "why-store-link-to-a-file"
            } else {
                "why-store-link-to-nothing"
            };
            Words::msg(id).arg("target", target.display().to_string())
        }
        Err(_) => Words::msg("why-store-link"),
    };
    StoreError::Insecure {
        path: path.display().to_string(),
        problem: problem.into(),
    }
}

fn kind(t: &std::fs::FileType) -> Words {
    use std::os::unix::fs::FileTypeExt;
    Words::msg(if t.is_dir() {
        "why-store-kind-folder"
    } else if t.is_fifo() {
        "why-store-kind-fifo"
    } else if t.is_socket() {
        "why-store-kind-socket"
    } else if t.is_block_device() || t.is_char_device() {
        "why-store-kind-device"
    } else {
        "why-store-kind-other"
    })
}
