//! Files written whole or not at all, with the mode we choose whatever the umask: a
//! dot-prefixed temp file with a random name beside the target, fsync, then a rename that
//! either never replaces anything or replaces atomically, then an fsync of the folder.
//! Every file stocktake creates outside its SQLite store goes through here.

use std::fs::{File, OpenOptions, Permissions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// What to do when the target name is already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it alone and fail with [`std::io::ErrorKind::AlreadyExists`]. Whatever is
    /// there (a file, a folder, a symlink) is never followed or changed.
    Keep,
    /// Replace it in one step: a reader sees the old file or the new one, never a mix.
    Replace,
}

/// How a file is created.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    /// Set on the file itself after creation, so the umask cannot narrow it.
    pub mode: u32,
    pub existing: Existing,
    /// The temp file's name starts with this; it must start with a dot so that readers
    /// of the folder (collators, sync tools) skip it.
    pub temp_prefix: &'a str,
}

impl NewFile<'_> {
    /// Readable by its owner alone, replacing an older one (reports).
    pub const PRIVATE_REPLACE: NewFile<'static> = NewFile {
        mode: 0o600,
        existing: Existing::Replace,
        temp_prefix: ".stocktake-",
    };
    /// Readable by its owner alone, never replacing anything (keys, databases).
    pub const PRIVATE_NEW: NewFile<'static> = NewFile {
        mode: 0o600,
        existing: Existing::Keep,
        temp_prefix: ".stocktake-",
    };
}

/// The suffix of every temp file [`write`] makes.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Write `path` through `content`, as `how` says. Any failure, `content`'s included,
/// leaves no temp file and does not touch `path`. `io_error` turns the I/O errors of the
/// write itself into the caller's error type; their `raw_os_error` is kept, so a caller
/// can tell a full disk from a read-only one.
pub fn write<E>(
    path: &Path,
    how: &NewFile<'_>,
    io_error: impl Fn(std::io::Error) -> E,
    content: impl FnOnce(&mut BufWriter<&File>) -> Result<(), E>,
) -> Result<(), E> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(how.temp_prefix)
        .suffix(TEMP_SUFFIX)
        .make_in(dir, |p| {
            // O_NOFOLLOW on top of O_EXCL: a link planted under the temp name is refused
            // (tempfile then tries another name), never written through.
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(how.mode)
                .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
                .open(p)
        })
        .map_err(&io_error)?;
    let file = tmp.as_file();
    file.set_permissions(Permissions::from_mode(how.mode))
        .map_err(&io_error)?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    content(&mut w)?;
    w.flush().map_err(&io_error)?;
    drop(w);
    file.sync_all().map_err(&io_error)?;
    // On failure the temp file comes back inside the error, and dropping it removes it.
    match how.existing {
        Existing::Keep => tmp.persist_noclobber(path),
        Existing::Replace => tmp.persist(path),
    }
    .map_err(|e| io_error(e.error))?;
    // The new name must survive a crash too. A drop folder its writers may not list
    // (mode 3773: write, never read) cannot be opened to fsync it: the file itself is on
    // disk, and its name follows with the filesystem's next commit.
    match File::open(dir) {
        Ok(d) => d.sync_all().map_err(&io_error),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(()),
        Err(e) => Err(io_error(e)),
    }
}

/// [`write`] with the bytes already in hand.
pub fn write_bytes(path: &Path, how: &NewFile<'_>, bytes: &[u8]) -> std::io::Result<()> {
    write(path, how, |e| e, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn keep_never_replaces_nor_follows_a_planted_link() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("f.toml");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "untouched").expect("victim");
        std::os::unix::fs::symlink(&victim, &target).expect("link");
        let e = write_bytes(&target, &NewFile::PRIVATE_NEW, b"new").expect_err("taken");
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "untouched");
        assert!(
            std::fs::symlink_metadata(&target)
                .expect("meta")
                .is_symlink()
        );
        assert_eq!(names(dir.path()), ["f.toml", "victim"], "no temp file left");
    }

    #[test]
    fn replace_is_whole_and_the_mode_ignores_the_umask() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("report.html");
        std::fs::write(&target, "old").expect("old");
        let shared = NewFile {
            mode: 0o640,
            ..NewFile::PRIVATE_REPLACE
        };
        write_bytes(&target, &shared, b"new").expect("write");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        assert_eq!(
            std::fs::metadata(&target).expect("meta").mode() & 0o777,
            0o640
        );
        assert_eq!(names(dir.path()), ["report.html"]);
    }

    #[test]
    fn a_failing_content_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("x.csv");
        let r: Result<(), String> = write(
            &target,
            &NewFile::PRIVATE_REPLACE,
            |e| e.to_string(),
            |w| {
                w.write_all(b"half").map_err(|e| e.to_string())?;
                Err("disk full".into())
            },
        );
        assert_eq!(r, Err("disk full".to_string()));
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn two_writers_of_one_folder_do_not_share_a_temp_name() {
        let dir = tempfile::tempdir().expect("dir");
        std::thread::scope(|s| {
            for i in 0..8 {
                let dir = dir.path();
                s.spawn(move || {
                    for _ in 0..20 {
                        write_bytes(
                            &dir.join("report.md"),
                            &NewFile::PRIVATE_REPLACE,
                            format!("writer {i}\n").repeat(1000).as_bytes(),
                        )
                        .expect("write");
                    }
                });
            }
        });
        let text = std::fs::read_to_string(dir.path().join("report.md")).expect("read");
        let first = text.lines().next().expect("a line").to_string();
        assert!(text.lines().all(|l| l == first), "one writer's file, whole");
        assert_eq!(names(dir.path()), ["report.md"]);
    }
}
