//! Finding the session files under the paths a collator names: files as given, folders
//! walked. A folder that cannot be read (permissions, a path past the system's limit) is
//! an entry of its own, reported, while the walk goes on; nothing is opened here.

use std::path::{Path, PathBuf};

use super::db::CollateError;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Candidate session files, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Folders that could not be read, with why.
    pub unreadable: Vec<(PathBuf, std::io::Error)>,
}

/// Every session file under `paths`: files as given, folders walked. Dot files (temp files
/// of a writer at work) are skipped; folder symlinks are not followed, so no loop. A path
/// given that does not exist is an error: it is the collator's typo, not the outbox's.
pub fn find_files(paths: &[PathBuf]) -> Result<Found, CollateError> {
    let mut found = Found::default();
    for p in paths {
        let m = std::fs::metadata(p).map_err(|source| CollateError::Io {
            path: p.display().to_string(),
            source,
        })?;
        if m.is_dir() {
            walk(p, &mut found);
        } else {
            found.files.push(p.clone());
        }
    }
    // One folder walked in name order is already sorted and has each file once; sorting
    // 100,000 paths again, component by component, was a sixth of a run with nothing new.
    if paths.len() > 1 {
        found.files.sort();
        found.files.dedup();
    }
    Ok(found)
}

fn walk(dir: &Path, found: &mut Found) {
    // follow_links(false): a symlink to a folder is an entry, never descended into, so
    // a link back up cannot loop; a symlink to a file is taken, as a file would be.
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for e in entries {
        let e = match e {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                found.unreadable.push((path, e.into()));
                continue;
            }
        };
        let t = e.file_type();
        let name = e.file_name().to_string_lossy();
        if !t.is_dir() && (name.ends_with(".toml") || name.ends_with(".toml.age")) {
            found.files.push(e.into_path());
        }
    }
}

/// The key a path is known by in the database: absolute, its folder resolved, its own
/// name kept, so one file reached two ways is one entry and a symlink is its own entry.
pub fn key_of(path: &Path) -> String {
    KeyCache::default().key_of(path)
}

/// [`key_of`] for the many files of a walk: each folder is resolved once. (Resolving the
/// folder again for each of 100,000 files in it was a `realpath`, several system calls,
/// per file.)
#[derive(Default)]
pub struct KeyCache {
    folders: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl KeyCache {
    pub fn key_of(&mut self, path: &Path) -> String {
        let resolved = match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                self.folders
                    .entry(parent.to_path_buf())
                    .or_insert_with(|| std::fs::canonicalize(parent).ok())
                    .as_ref()
                    .map(|p| p.join(name))
            }
            _ => std::fs::canonicalize(path).ok(),
        };
        resolved
            .or_else(|| std::path::absolute(path).ok())
            .unwrap_or_else(|| path.to_path_buf())
            .display()
            .to_string()
    }
}

/// A folder given to collate, as the keys of what is under it start.
pub fn root_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Why a folder was not walked, and what to do, as a quarantine reason says it.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable<'a> {
    #[error(
        "{}: the folder's path is longer than the system allows; its files were not collated: move them to a shorter path",
        .0.display()
    )]
    TooLong(&'a Path),
    #[error(
        "{}: cannot read the folder ({}); its files were not collated: give the collator read access to it",
        .0.display(), .1
    )]
    Denied(&'a Path, &'a std::io::Error),
}

pub fn unreadable_reason<'a>(path: &'a Path, e: &'a std::io::Error) -> Unreadable<'a> {
    if e.raw_os_error() == Some(rustix::io::Errno::NAMETOOLONG.raw_os_error()) {
        Unreadable::TooLong(path)
    } else {
        Unreadable::Denied(path, e)
    }
}

impl crate::i18n::Reason for Unreadable<'_> {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            Unreadable::TooLong(p) => {
                Words::msg("why-folder-too-long").arg("path", p.display().to_string())
            }
            Unreadable::Denied(p, e) => Words::msg("why-folder-unreadable")
                .arg("path", p.display().to_string())
                .with("error", e.said()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_folder_was_not_walked_is_said_in_every_language() {
        let p = Path::new("/srv/in");
        let too_long =
            std::io::Error::from_raw_os_error(rustix::io::Errno::NAMETOOLONG.raw_os_error());
        let denied = std::io::Error::from_raw_os_error(13);
        for e in [
            unreadable_reason(p, &too_long),
            unreadable_reason(p, &denied),
        ] {
            crate::i18n::assert_said_everywhere(&e);
        }
    }

    #[test]
    fn one_folder_walked_in_name_order_is_in_the_order_a_sort_gives() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path();
        for p in [
            "a.toml",
            "a/x.toml",
            "a-b.toml",
            "a/b/c.toml",
            "A.toml",
            "é.toml",
            "a b.toml",
            "a0/z.toml",
            "b/a.toml.age",
            "a/b.toml",
        ] {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
        }
        let found = find_files(&[root.to_path_buf()]).expect("walk");
        let mut sorted = found.files.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(found.files, sorted);
        assert_eq!(found.files.len(), 10);
    }

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
            .files
            .iter()
            .map(|p| p.strip_prefix(root).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a/c.toml.age", "b.toml", "e.toml"]);
        assert!(found.unreadable.is_empty());
    }

    #[test]
    fn a_symlink_keeps_its_own_key_and_two_spellings_of_a_path_share_one() {
        let dir = tempfile::tempdir().expect("dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::write(root.join("a.toml"), "x").expect("write");
        std::os::unix::fs::symlink(root.join("a.toml"), root.join("l.toml")).expect("link");
        std::fs::create_dir(root.join("sub")).expect("mkdir");
        assert_eq!(
            key_of(&root.join("l.toml")),
            root.join("l.toml").display().to_string()
        );
        assert_eq!(
            key_of(&root.join("sub/../a.toml")),
            root.join("a.toml").display().to_string()
        );
    }
}
