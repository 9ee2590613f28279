//! Writing a session file into an outbox that other people and tools read (a shared group
//! folder, a Syncthing folder): through [`crate::fs::write`], a dot-prefixed temp file in
//! the same folder, fsync, a rename that fails rather than overwrite, fsync of the folder.
//! A reader never sees half a file, and nothing already there is ever replaced.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::name::is_safe_name;

/// Readable by the folder's group (the collators), by nobody else.
pub const FILE_MODE: u32 = 0o640;
const TEMP_PREFIX: &str = ".stocktake-";
const TEMP_SUFFIX: &str = crate::fs::TEMP_SUFFIX;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "the outbox {dir} does not exist; create it, or choose another with --to DIR or STOCKTAKE_OUTBOX"
    )]
    Missing { dir: String },
    #[error("the outbox {dir} is not a folder")]
    NotAFolder { dir: String },
    #[error(
        "cannot write in the outbox {dir}: {reason}; nothing was lost, the session stays waiting to sync"
    )]
    NotWritable { dir: String, reason: String },
    #[error(
        "the outbox {dir} is full; free some space, then sync again: the session stays waiting to sync"
    )]
    Full { dir: String },
    #[error(
        "{path} already exists with other content; it was left alone (a file with the same revision from elsewhere?)"
    )]
    Exists { path: String },
    #[error("refusing to write a file named {name:?}")]
    UnsafeName { name: String },
    #[error("writing {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    New(PathBuf),
    /// The same bytes were already there (written earlier, or by a copy): nothing to do.
    AlreadyThere(PathBuf),
}

fn classify(dir: &Path, path: &Path, e: std::io::Error) -> WriteError {
    let d = dir.display().to_string();
    use rustix::io::Errno;
    match Errno::from_io_error(&e) {
        Some(Errno::NOSPC | Errno::DQUOT) => WriteError::Full { dir: d },
        Some(Errno::ROFS | Errno::ACCESS | Errno::PERM) => WriteError::NotWritable {
            dir: d,
            reason: e.to_string(),
        },
        _ => WriteError::Io {
            path: path.display().to_string(),
            source: e,
        },
    }
}

/// Write `bytes` as `dir/name`, atomically, never replacing anything.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<Written, WriteError> {
    if !is_safe_name(name) {
        return Err(WriteError::UnsafeName { name: name.into() });
    }
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(WriteError::Missing {
                dir: dir.display().to_string(),
            });
        }
        Err(e) => return Err(classify(dir, dir, e)),
        Ok(m) if !m.is_dir() => {
            return Err(WriteError::NotAFolder {
                dir: dir.display().to_string(),
            });
        }
        Ok(_) => {}
    }
    let target = dir.join(name);
    // symlink_metadata: a link planted under the final name is "something there", never
    // followed.
    if let Ok(m) = std::fs::symlink_metadata(&target) {
        return same_content(&target, &m, bytes);
    }
    let how = crate::fs::NewFile {
        mode: FILE_MODE,
        existing: crate::fs::Existing::Keep,
        temp_prefix: TEMP_PREFIX,
    };
    match crate::fs::write_bytes(&target, &how, bytes) {
        Ok(()) => Ok(Written::New(target)),
        // Someone wrote the same name meanwhile: the same bytes are fine, others not.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::symlink_metadata(&target)
                .map_err(|e| classify(dir, &target, e))
                .and_then(|m| same_content(&target, &m, bytes))
        }
        Err(e) => Err(classify(dir, &target, e)),
    }
}

fn same_content(target: &Path, m: &std::fs::Metadata, bytes: &[u8]) -> Result<Written, WriteError> {
    let exists = || WriteError::Exists {
        path: target.display().to_string(),
    };
    if !m.file_type().is_file() || m.len() != bytes.len() as u64 {
        return Err(exists());
    }
    match std::fs::read(target) {
        Ok(existing) if existing == bytes => Ok(Written::AlreadyThere(target.to_path_buf())),
        _ => Err(exists()),
    }
}

/// Remove temp files this user left behind (a write killed midway) more than an hour ago.
/// Other users' temp files in a shared folder may be in flight: they are left alone.
pub fn clean_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let me = rustix::process::geteuid().as_raw();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(m) = e.metadata() else { continue };
        if m.uid() == me
            && m.modified().is_ok_and(|t| t < hour_ago)
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

impl crate::i18n::Reason for WriteError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            WriteError::Missing { dir } => Words::msg("why-write-missing").arg("dir", dir.clone()),
            WriteError::NotAFolder { dir } => {
                Words::msg("why-write-not-a-folder").arg("dir", dir.clone())
            }
            WriteError::NotWritable { dir, reason } => Words::msg("why-write-not-writable")
                .arg("dir", dir.clone())
                .arg("reason", reason.clone()),
            WriteError::Full { dir } => Words::msg("why-write-full").arg("dir", dir.clone()),
            WriteError::Exists { path } => Words::msg("why-write-exists").arg("path", path.clone()),
            WriteError::UnsafeName { name } => {
                Words::msg("why-write-unsafe-name").arg("name", format!("{name:?}"))
            }
            WriteError::Io { path, source } => Words::msg("why-write-io")
                .arg("path", path.clone())
                .with("error", source.said()),
        }
    }
}
