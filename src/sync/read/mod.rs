//! Reading a session file: the envelope every format shares (size limit, UTF-8, the
//! digest line and its check, then a dispatch on `format`), one module per format
//! (`v1`), and the checks against the guide. Each failure is a typed error naming the
//! file.

mod envelope;
mod fields;
mod reasons;
mod v1;
mod v4;
mod verify;
pub mod why;

use crate::guide::Digest;
use crate::i18n::Phrase;
use crate::session::Session;

pub use envelope::{
    MAX_FILE_BYTES, check_digest, parse_digest_checked, parse_session_file, read_limited,
    read_regular, read_session_file,
};
pub use fields::MAX_REVISION;
pub use verify::{Verified, read_verified, verify_against};

use super::render::{FORMAT, FORMAT_V2, FORMAT_V3, FORMAT_V4};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: is {what}, not a regular file: only regular files are read; take it out of the folder"
    )]
    NotRegular { file: String, what: &'static str },
    #[error("{file}: too large ({size} bytes; a session file is at most {limit})")]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{file}:{line}:{col}: not UTF-8 text")]
    NotUtf8 {
        file: String,
        line: usize,
        col: usize,
    },
    #[error("{file}:1:1: no digest line: a session file starts with digest = \"sha256:...\"")]
    NoDigest { file: String },
    #[error("{file}:{line}:{col}: {message}")]
    DamagedDigestLine {
        file: String,
        line: usize,
        col: usize,
        message: Phrase,
    },
    #[error("{file}: truncated: the file ends in the middle of a line (an interrupted copy?)")]
    Truncated { file: String },
    #[error("{file}: corrupt or tampered: its content does not match its digest")]
    Tampered { file: String },
    #[error("{file}:{line}:{col}: {message}")]
    Syntax {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    // Cut when shown: whatever a file says its format is, it is printed on every collate.
    #[error(
        "{file}: format `{}` is not one this stocktake reads ({FORMAT}, {FORMAT_V2}, {FORMAT_V3}, {FORMAT_V4}); it may come from a newer stocktake: upgrade to read it",
        fields::cut(.found)
    )]
    UnknownFormat { file: String, found: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: Phrase },
    #[error("{file}:{line}:{col}: {message}")]
    InvalidAt {
        file: String,
        line: usize,
        col: usize,
        message: Phrase,
    },
    #[error(
        "{file}: claims guide {claimed_id} version {claimed_version}, but its guide digest names {id} version {version}; the digest decides which guide a file was made with, so this file was altered or made by a tool that mislabels guides: ask its sender for the file stocktake wrote"
    )]
    GuideMismatch {
        file: String,
        claimed_id: String,
        claimed_version: String,
        id: String,
        version: String,
    },
    #[error(
        "{file}: made with guide {id} version {version} ({digest}), which is not known here; add that guide (--guides DIR)"
    )]
    UnknownGuide {
        file: String,
        id: String,
        version: String,
        digest: String,
    },
    #[error("{file}: {}", describe_undecryptable(.why))]
    Encrypted {
        file: String,
        why: crate::sync::crypt::Undecryptable,
    },
    #[error(
        "{file}: not encrypted, and this collation requires encrypted files (--require-encrypted)"
    )]
    NotEncrypted { file: String },
    #[error(
        "{file}: says consent to take notes was refused, yet carries free text in `{field}`; stocktake never sends free text without consent, so this file was altered or made by another tool, and none of it is read: ask its sender for the file stocktake wrote"
    )]
    FreeTextWithoutConsent { file: String, field: String },
    #[error("{file}: answer to `{question}`: {message}")]
    InvalidAnswer {
        file: String,
        question: String,
        message: Phrase,
    },
}

impl ReadError {
    /// A short reason, for quarantine lists and summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "unreadable",
            ReadError::TooLarge { .. } => "too large",
            ReadError::NotRegular { .. } => "not a regular file",
            ReadError::NotUtf8 { .. }
            | ReadError::Syntax { .. }
            | ReadError::NoDigest { .. }
            | ReadError::DamagedDigestLine { .. } => "corrupt",
            ReadError::Truncated { .. } => "truncated",
            ReadError::Tampered { .. } => "tampered",
            ReadError::UnknownFormat { .. } => "unknown format",
            ReadError::Invalid { .. } | ReadError::InvalidAt { .. } => "invalid",
            ReadError::GuideMismatch { .. } => "guide mismatch",
            ReadError::UnknownGuide { .. } => "unknown guide",
            ReadError::InvalidAnswer { .. } => "invalid answer",
            ReadError::FreeTextWithoutConsent { .. } => "free text without consent",
            ReadError::Encrypted { why, .. } => match why {
                crate::sync::crypt::Undecryptable::NotForUs => "not for this collator",
                crate::sync::crypt::Undecryptable::Damaged(_) => "damaged ciphertext",
                crate::sync::crypt::Undecryptable::NoIdentity => "no identity",
                crate::sync::crypt::Undecryptable::TooLarge => "too large",
                crate::sync::crypt::Undecryptable::TooManyRecipients { .. } => {
                    "too many recipients"
                }
                crate::sync::crypt::Undecryptable::HeaderTooLarge { .. } => "damaged ciphertext",
            },
            ReadError::NotEncrypted { .. } => "not encrypted",
        }
    }
}

/// A verified session file: its digest and the session revision it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFile {
    pub digest: Digest,
    pub session: Session,
}

fn describe_undecryptable(why: &crate::sync::crypt::Undecryptable) -> String {
    use crate::sync::crypt::Undecryptable::*;
    match why {
        NotForUs => "encrypted for another collator: none of the identities given opens it".into(),
        Damaged(e) => format!("the encrypted file is truncated or altered ({e})"),
        NoIdentity => "encrypted, and no identity was given to open it (--identity FILE or STOCKTAKE_IDENTITY)".into(),
        TooLarge => "decrypts to more than a session file may hold".into(),
        TooManyRecipients { found } => format!(
            "the encrypted file's header has {found} recipient stanzas, and stocktake reads at most {} (a file for a collator names a handful): refused unread, as a file made to stall a collation would be",
            crate::sync::crypt::MAX_STANZAS
        ),
        HeaderTooLarge { bytes } => format!(
            "the encrypted file's header is {bytes} bytes long, and stocktake reads at most {}: refused unread, the file is damaged or made to stall a collation",
            crate::sync::crypt::MAX_HEADER_BYTES
        ),
    }
}
