//! Finding guides: the ones compiled into the binary, `./interview-guides/`, the user's
//! config dir and `--guides DIR`. When one id is found in several places the most
//! specific place wins (`--guides`, then `./interview-guides/`, then the config dir,
//! then the bundled copy), and the catalog records what it shadowed so it can be said.

use std::fmt;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::diagnostic::{GuideErrors, line_col};
use super::digest::Digest;
use super::load::{MAX_GUIDE_BYTES, parse_guide};
use super::model::Guide;

/// The guides shipped inside the binary, so `stocktake` works from any folder: the current
/// version of each first, then the versions it replaced (`interview-guides/retired/`), kept
/// byte for byte so every session and file made with them still opens and verifies.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "gpc-attt-coordinator.toml",
        include_str!("../../interview-guides/gpc-attt-coordinator.toml"),
    ),
    (
        "retired/gpc-attt-coordinator-1.toml",
        include_str!("../../interview-guides/retired/gpc-attt-coordinator-1.toml"),
    ),
    (
        "retired/gpc-attt-coordinator-2.toml",
        include_str!("../../interview-guides/retired/gpc-attt-coordinator-2.toml"),
    ),
    (
        "tip-indicators-labour.toml",
        include_str!("../../interview-guides/tip-indicators-labour.toml"),
    ),
];

/// Where a guide was found, most specific first; the derive order is the precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// `--guides DIR`
    Flag,
    /// `./interview-guides/`
    Project,
    /// `<config dir>/stocktake/guides/`
    Config,
    Bundled,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Place::Flag => "--guides",
            Place::Project => "./interview-guides",
            Place::Config => "config dir",
            Place::Bundled => "bundled",
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadedGuide {
    pub guide: Guide,
    pub digest: Digest,
    pub place: Place,
    /// The file it came from, or `bundled:NAME`.
    pub origin: String,
    /// The exact bytes, kept so a session can always be reopened with its own guide.
    pub source: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the guide: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: cannot read the guide: not a regular file (a folder, a FIFO or a device); a guide is a .toml file"
    )]
    NotAFile { path: String },
    #[error("{path}: the file is larger than {limit} bytes; a guide is a small TOML file")]
    TooLarge { path: String, limit: usize },
    #[error("{path}:{line}:{col}: the file is not UTF-8 text; save the guide as UTF-8")]
    NotUtf8 {
        path: String,
        line: usize,
        col: usize,
    },
    #[error("{0}")]
    Invalid(GuideErrors),
}

impl crate::i18n::Reason for LoadError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            LoadError::Io { path, source } => Words::msg("why-guide-io")
                .arg("path", path.clone())
                .with("error", source.said()),
            LoadError::NotAFile { path } => {
                Words::msg("why-guide-not-a-file").arg("path", path.clone())
            }
            LoadError::TooLarge { path, limit } => Words::msg("why-guide-too-large")
                .arg("path", path.clone())
                .arg("limit", limit.to_string()),
            LoadError::NotUtf8 { path, line, col } => Words::msg("why-guide-not-utf8")
                .arg("path", path.clone())
                .arg("line", line.to_string())
                .arg("col", col.to_string()),
            LoadError::Invalid(e) => e.words(),
        }
    }
}

/// Read and validate one guide file.
pub fn load_guide_file(path: &Path, place: Place) -> Result<LoadedGuide, LoadError> {
    let shown = path.display().to_string();
    let io = |source| LoadError::Io {
        path: shown.clone(),
        source,
    };
    // Never blocks: a FIFO opened plainly waits for a writer forever. The opened file's
    // own type decides, so nothing can swap in between a check and the open.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32)
        .open(path)
        .map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(LoadError::NotAFile {
            path: path.display().to_string(),
        });
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit rather than trusting metadata: a FIFO or /dev/zero
    // has no size but must not exhaust memory.
    file.take(MAX_GUIDE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_GUIDE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown,
            limit: MAX_GUIDE_BYTES,
        });
    }
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
            let (line, col) = line_col(&prefix, good);
            return Err(LoadError::NotUtf8 {
                path: shown,
                line,
                col,
            });
        }
    };
    load_guide_str(source, &shown, place)
}

pub fn load_guide_str(
    source: String,
    origin: &str,
    place: Place,
) -> Result<LoadedGuide, LoadError> {
    let guide = parse_guide(&source, origin).map_err(LoadError::Invalid)?;
    Ok(LoadedGuide {
        guide,
        digest: Digest::of(source.as_bytes()),
        place,
        origin: origin.to_string(),
        source,
    })
}

/// The folders searched besides the bundled guides.
#[derive(Debug, Clone, Default)]
pub struct GuideDirs {
    pub flag: Vec<PathBuf>,
    pub project: Option<PathBuf>,
    pub config: Option<PathBuf>,
}

impl GuideDirs {
    /// `./interview-guides/` and `<XDG config>/stocktake/guides/`, plus `--guides` folders.
    pub fn standard(flag: Vec<PathBuf>) -> GuideDirs {
        GuideDirs {
            flag,
            project: Some(PathBuf::from("interview-guides")),
            config: directories::ProjectDirs::from("", "", "stocktake")
                .map(|d| d.config_dir().join("guides")),
        }
    }
}

/// A guide that lost to one of the same id found in a more specific place.
#[derive(Debug, Clone)]
pub struct Shadowed {
    pub id: String,
    pub version: String,
    pub origin: String,
    pub by: String,
    /// Same bytes: a copy, not a different guide.
    pub identical: bool,
}

/// What the user is asked to confirm before using a guide from outside stocktake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trust {
    /// The file it was read from.
    pub origin: String,
    /// It has the id of a bundled guide, and other words.
    pub replaces_bundled: bool,
    /// Session files of its sessions are encrypted to these (and only these, besides the
    /// config's).
    pub recipients: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Catalog {
    /// The winning guide of each id, sorted by id.
    pub guides: Vec<LoadedGuide>,
    /// Every guide that loaded, shadowed ones included: a collator needs each version a
    /// session file may name by digest.
    pub all: Vec<LoadedGuide>,
    pub shadowed: Vec<Shadowed>,
    /// Files that looked like guides but could not be loaded; the rest still work.
    pub broken: Vec<LoadError>,
}

impl Catalog {
    pub fn discover(dirs: &GuideDirs) -> Catalog {
        let mut found: Vec<LoadedGuide> = Vec::new();
        let mut broken = Vec::new();
        let mut places: Vec<(Place, &Path)> = dirs
            .flag
            .iter()
            .map(|p| (Place::Flag, p.as_path()))
            .collect();
        places.extend(dirs.project.as_deref().map(|p| (Place::Project, p)));
        places.extend(dirs.config.as_deref().map(|p| (Place::Config, p)));
        for (place, dir) in places {
            let entries = match std::fs::read_dir(dir) {
                Ok(e) => e,
                // A missing standard folder is normal; a missing --guides folder is not.
                Err(e) if place != Place::Flag && e.kind() == std::io::ErrorKind::NotFound => {
                    continue;
                }
                Err(source) => {
                    broken.push(LoadError::Io {
                        path: dir.display().to_string(),
                        source,
                    });
                    continue;
                }
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            files.sort();
            for f in files {
                match load_guide_file(&f, place) {
                    Ok(g) => found.push(g),
                    Err(e) => broken.push(e),
                }
            }
        }
        for (name, text) in BUNDLED {
            match load_guide_str(text.to_string(), &format!("bundled:{name}"), Place::Bundled) {
                Ok(g) => found.push(g),
                Err(e) => broken.push(e),
            }
        }
        Catalog::resolve(found, broken)
    }

    /// Only the bundled guides: for tests and for a machine with nothing else.
    pub fn bundled() -> Catalog {
        Catalog::discover(&GuideDirs::default())
    }

    fn resolve(found: Vec<LoadedGuide>, broken: Vec<LoadError>) -> Catalog {
        // `found` is already in precedence order (place, then file name); keep the first.
        let mut guides: Vec<LoadedGuide> = Vec::new();
        let mut shadowed = Vec::new();
        let all = found.clone();
        let mut bundled_ids = std::collections::HashSet::new();
        for g in found {
            // A version the bundled one replaced (`BUNDLED` lists each id's newest first):
            // there to read what was made with it, not a guide anyone needs telling about,
            // whichever place's copy won.
            if g.place == Place::Bundled && !bundled_ids.insert(g.guide.id.clone()) {
                continue;
            }
            match guides.iter().find(|w| w.guide.id == g.guide.id) {
                Some(winner) => shadowed.push(Shadowed {
                    id: g.guide.id.clone(),
                    version: g.guide.version.clone(),
                    origin: g.origin.clone(),
                    by: winner.origin.clone(),
                    identical: winner.digest == g.digest,
                }),
                None => guides.push(g),
            }
        }
        guides.sort_by(|a, b| a.guide.id.cmp(&b.guide.id));
        Catalog {
            guides,
            all,
            shadowed,
            broken,
        }
    }

    /// Why `g` should be confirmed by the user before it is used, when it should: it comes
    /// from a folder anyone could have put it in (`./interview-guides` of wherever stocktake
    /// was started, or `--guides`), and either replaces the bundled guide of the same id
    /// with other words, or names recipients that session files will be encrypted to.
    pub fn trust(&self, g: &LoadedGuide) -> Option<Trust> {
        if !matches!(g.place, Place::Project | Place::Flag) {
            return None;
        }
        // A copy of any bundled version (the repository's own folder) replaces nothing.
        let bundled = |b: &LoadedGuide| b.place == Place::Bundled && b.guide.id == g.guide.id;
        let replaces_bundled = self.all.iter().any(bundled)
            && !self.all.iter().any(|b| bundled(b) && b.digest == g.digest);
        let recipients = g.guide.sync.recipients.clone();
        (replaces_bundled || !recipients.is_empty()).then(|| Trust {
            origin: g.origin.clone(),
            replaces_bundled,
            recipients,
        })
    }

    /// The guide with exactly these bytes, whichever place it came from.
    pub fn by_digest(&self, digest: &super::digest::Digest) -> Option<&LoadedGuide> {
        self.all.iter().find(|g| g.digest == *digest)
    }

    pub fn get(&self, id: &str) -> Option<&LoadedGuide> {
        self.guides.iter().find(|g| g.guide.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_guides_load() {
        let c = Catalog::bundled();
        assert!(c.broken.is_empty(), "{:?}", c.broken);
        let ids: Vec<&str> = c.guides.iter().map(|g| g.guide.id.as_str()).collect();
        assert_eq!(ids, ["gpc-attt-coordinator", "tip-indicators-labour"]);
    }

    #[test]
    fn a_retired_version_is_kept_to_read_old_files_and_named_by_no_one() {
        let c = Catalog::bundled();
        let current = c.get("gpc-attt-coordinator").expect("current");
        assert_eq!(current.guide.version, "3");
        let v1: Digest = "sha256:e72a382b9f8c865e9997636b5e3083230219eb8495a2a0239c982e1917546d58"
            .parse()
            .expect("digest");
        let v2: Digest = "sha256:b4d3ee71e01aeeee2d85306b19bd65f65aa6ac8bfd4e0128aa6d471af44f8555"
            .parse()
            .expect("digest");
        let old = c.by_digest(&v1).expect("version 1 is still there");
        assert_eq!(old.guide.version, "1");
        let older = c.by_digest(&v2).expect("version 2 is still there");
        assert_eq!(older.guide.version, "2");
        assert!(c.shadowed.is_empty(), "{:?}", c.shadowed);
        // Run from the repository, its own copy of version 3 wins, identical, and the
        // retired versions are no "different guide of the same id".
        let repo = Catalog::discover(&GuideDirs {
            project: Some(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("interview-guides"),
            ),
            ..Default::default()
        });
        assert!(
            repo.shadowed.iter().all(|s| s.identical),
            "{:?}",
            repo.shadowed
        );
        assert!(repo.by_digest(&v1).is_some() && repo.by_digest(&v2).is_some());
        // The repository's own copies (./interview-guides) of any version ask no trust.
        for g in [current, old, older] {
            let mut copy = g.clone();
            copy.place = Place::Project;
            assert_eq!(c.trust(&copy), None, "version {}", g.guide.version);
        }
    }

    #[test]
    fn a_more_specific_place_wins_and_the_loser_is_recorded() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, text) = BUNDLED
            .iter()
            .find(|(n, _)| *n == "tip-indicators-labour.toml")
            .expect("bundled");
        let edited = text.replacen("version = \"1\"", "version = \"2-local\"", 1);
        std::fs::write(dir.path().join("mine.toml"), edited).expect("write");
        let c = Catalog::discover(&GuideDirs {
            flag: vec![dir.path().to_path_buf()],
            ..Default::default()
        });
        let g = c.get("tip-indicators-labour").expect("found");
        assert_eq!(g.place, Place::Flag);
        assert_eq!(g.guide.version, "2-local");
        let s = &c.shadowed[0];
        assert_eq!(s.origin, "bundled:tip-indicators-labour.toml");
        assert!(!s.identical);
    }

    #[test]
    fn broken_files_are_reported_and_the_rest_still_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("bad.toml"), "id = ").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "not a guide").expect("write");
        let c = Catalog::discover(&GuideDirs {
            flag: vec![dir.path().to_path_buf()],
            ..Default::default()
        });
        assert_eq!(c.guides.len(), 2);
        assert_eq!(c.broken.len(), 1);
        assert!(c.broken[0].to_string().contains("bad.toml:1:"));
    }

    #[test]
    fn a_missing_flag_folder_is_an_error() {
        let c = Catalog::discover(&GuideDirs {
            flag: vec![PathBuf::from("/nonexistent/stocktake-guides")],
            ..Default::default()
        });
        assert_eq!(c.broken.len(), 1);
    }
}
