//! What can go wrong with the local store, said for the person at the keyboard.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::ErrorCode;

use crate::i18n::{Reason, Words};
use crate::session::SessionError;

/// Who edits a session, as a second stocktake is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    pub user: String,
    pub since: Timestamp,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let since = self.since.strftime("%Y-%m-%d %H:%M UTC");
        write!(
            f,
            "{} (process {} on {}) since {since}",
            self.user, self.pid, self.host
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "session {session} is open in another stocktake: {holder}. Open it read-only, or take it over if that one is gone"
    )]
    Locked { session: String, holder: LockHolder },
    #[error(
        "session {session} was taken over by another stocktake; your last change was not saved there. Reopen the session to continue"
    )]
    LockLost { session: String },
    #[error("session {0} is not open for editing here")]
    NotLocked(String),
    #[error(
        "{path}: the database is locked by another program; close it (an sqlite3 shell?) and try again"
    )]
    Busy { path: String },
    #[error(
        "{path}: the disk is full; nothing was lost that is on screen. Free some space and the next change will save"
    )]
    DiskFull { path: String },
    #[error(
        "{path}: cannot write here ({reason}); check the folder's permissions or use --data-dir"
    )]
    NotWritable { path: String, reason: String },
    #[error(
        "{path}: this database was made by a newer stocktake (schema {found}, this one knows up to {supported}); upgrade stocktake, nothing was changed"
    )]
    TooNew {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path}: the database file is damaged ({reason}); nothing was changed. Keep a copy, then try `sqlite3 {path} .recover`"
    )]
    Corrupt { path: String, reason: String },
    #[error("{path}: {problem}")]
    Insecure {
        path: String,
        problem: crate::i18n::Phrase,
    },
    #[error("session {session} was not imported: {why}")]
    ImportRefused {
        session: String,
        why: crate::i18n::Phrase,
    },
    #[error("no session {0} in this database")]
    NoSuchSession(String),
    #[error("the guide of this session (sha256 {0}) is not in the database")]
    MissingGuide(String),
    #[error("{path}: a stored value cannot be read: {what}")]
    BadRow { path: String, what: String },
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Turn a SQLite failure into the error a user can act on.
pub fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path_s = path.display().to_string();
    // A column our codecs cannot read (a name no stocktake writes): a damaged row.
    if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &e {
        return StoreError::BadRow {
            path: path_s,
            what: cause.to_string(),
        };
    }
    if let rusqlite::Error::SqliteFailure(f, msg) = &e {
        let reason = msg.clone().unwrap_or_else(|| f.to_string());
        return match f.code {
            ErrorCode::DiskFull => StoreError::DiskFull { path: path_s },
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                StoreError::Busy { path: path_s }
            }
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => StoreError::Corrupt {
                path: path_s,
                reason,
            },
            ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                StoreError::NotWritable {
                    path: path_s,
                    reason,
                }
            }
            _ => StoreError::Sqlite {
                path: path_s,
                source: e,
            },
        };
    }
    StoreError::Sqlite {
        path: path_s,
        source: e,
    }
}

impl Reason for LockHolder {
    fn words(&self) -> Words {
        Words::msg("why-lock-holder")
            .arg("user", self.user.clone())
            .arg("pid", self.pid.to_string())
            .arg("host", self.host.clone())
            .arg(
                "since",
                self.since.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            )
    }
}

impl Reason for StoreError {
    fn words(&self) -> Words {
        use StoreError as E;
        match self {
            E::Locked { session, holder } => Words::msg("why-store-locked")
                .arg("session", session.clone())
                .with("holder", holder.said()),
            E::LockLost { session } => {
                Words::msg("why-store-lock-lost").arg("session", session.clone())
            }
            E::NotLocked(session) => {
                Words::msg("why-store-not-locked").arg("session", session.clone())
            }
            E::Busy { path } => Words::msg("why-store-busy").arg("path", path.clone()),
            E::DiskFull { path } => Words::msg("why-store-disk-full").arg("path", path.clone()),
            E::NotWritable { path, reason } => Words::msg("why-store-not-writable")
                .arg("path", path.clone())
                .arg("reason", reason.clone()),
            E::TooNew {
                path,
                found,
                supported,
            } => Words::msg("why-store-too-new")
                .arg("path", path.clone())
                .arg("found", found.to_string())
                .arg("supported", supported.to_string()),
            E::Corrupt { path, reason } => Words::msg("why-store-corrupt")
                .arg("path", path.clone())
                .arg("reason", reason.clone()),
            // The problem is decided where it is found, with what it found (a uid, a kind).
            E::Insecure { path, problem } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", problem.words()),
            E::ImportRefused { session, why } => Words::msg("why-store-import-refused")
                .arg("session", session.clone())
                .with("why", why.words()),
            E::NoSuchSession(id) => {
                Words::msg("why-store-no-such-session").arg("session", id.clone())
            }
            E::MissingGuide(digest) => {
                Words::msg("why-store-missing-guide").arg("digest", digest.clone())
            }
            E::BadRow { path, what } => Words::msg("why-store-bad-row")
                .arg("path", path.clone())
                .arg("what", what.clone()),
            E::Session(e) => e.words(),
            E::Sqlite { path, source } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", source.said()),
            E::Io { path, source } => Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", source.said()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_said_everywhere;

    #[test]
    fn every_store_error_is_said_in_every_language() {
        let p = || "/d/store.db".to_string();
        let holder = LockHolder {
            pid: 42,
            host: "box".into(),
            user: "ama".into(),
            since: Timestamp::UNIX_EPOCH,
        };
        for e in [
            StoreError::Locked {
                session: "s1".into(),
                holder,
            },
            StoreError::LockLost {
                session: "s1".into(),
            },
            StoreError::NotLocked("s1".into()),
            StoreError::Busy { path: p() },
            StoreError::DiskFull { path: p() },
            StoreError::NotWritable {
                path: p(),
                reason: "readonly".into(),
            },
            StoreError::TooNew {
                path: p(),
                found: 9,
                supported: 7,
            },
            StoreError::Corrupt {
                path: p(),
                reason: "malformed".into(),
            },
            StoreError::Insecure {
                path: p(),
                problem: "odd".into(),
            },
            StoreError::ImportRefused {
                session: "s1".into(),
                why: "odd".into(),
            },
            StoreError::NoSuchSession("s1".into()),
            StoreError::MissingGuide("ab12".into()),
            StoreError::BadRow {
                path: p(),
                what: "odd".into(),
            },
            StoreError::Session(SessionError::LastRevision),
            StoreError::Io {
                path: p(),
                source: std::io::Error::from_raw_os_error(13),
            },
        ] {
            assert_said_everywhere(&e);
        }
    }

    /// The problems found with the store's folder and files, and why an import was
    /// refused, say what they said before they had ids.
    #[test]
    fn the_stores_problems_and_refusals_say_what_they_said() {
        use crate::i18n::Words;
        let insecure = |w: Words| StoreError::Insecure {
            path: "/d".into(),
            problem: w.into(),
        };
        let cases = [
            (
                insecure(Words::msg("why-store-data-dir-is-a-file")),
                "/d: this is a file, not a folder; choose another --data-dir",
            ),
            (
                insecure(Words::msg("why-store-data-dir-not-yours").arg("uid", "1001")),
                "/d: the data folder belongs to another user (uid 1001); interviews must live in a folder only you can read. Use --data-dir to choose one",
            ),
            (
                insecure(
                    Words::msg("why-store-not-a-db-file")
                        .with("kind", Words::msg("why-store-kind-fifo")),
                ),
                "/d: this is a named pipe (FIFO), not a database file; nothing was changed. Move it out of the data folder, or choose another with --data-dir",
            ),
            (
                insecure(Words::msg("why-store-link-to-a-file").arg("target", "/x")),
                "/d: this is a symbolic link to /x; stocktake does not follow links to its database files, so that it never changes or writes a file elsewhere. Nothing was changed. Move that file here in the link's place",
            ),
            (
                insecure(Words::msg("why-store-link-to-nothing").arg("target", "/x")),
                "/d: this is a symbolic link to /x, which does not exist; stocktake does not follow links to its database files. Nothing was changed. Remove the link, and stocktake creates its file here",
            ),
            (
                insecure(Words::msg("why-store-link")),
                "/d: this is a symbolic link; stocktake does not follow links to its database files. Nothing was changed. Put the file itself in the link's place",
            ),
            (
                StoreError::ImportRefused {
                    session: "s1".into(),
                    why: Words::msg("why-store-import-not-completed").into(),
                },
                "session s1 was not imported: only completed revisions travel as files",
            ),
            (
                StoreError::ImportRefused {
                    session: "s1".into(),
                    why: Words::msg("why-store-import-forked")
                        .arg("here", "2")
                        .arg("status", "in_progress")
                        .arg("theirs", "3")
                        .into(),
                },
                "session s1 was not imported: it is here as revision 2 (in_progress); this file is revision 3 from elsewhere. Nothing was changed: keep both and let the collator see the fork",
            ),
        ];
        for (e, english) in cases {
            assert_eq!(e.to_string(), english);
            assert_said_everywhere(&e);
        }
        for kind in ["folder", "fifo", "socket", "device", "other"] {
            let id = format!("why-store-kind-{kind}");
            for lang in crate::i18n::UiLang::ALL {
                assert!(crate::i18n::written_in(lang, &id), "{id}");
            }
        }
    }
}
