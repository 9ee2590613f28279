//! The reader's reasons in every language ([`Reason`]): why a session file was not read.
//! The reader's own findings (`message`) are words of `en-read.ftl` ([`super::why`]);
//! what the TOML parser said stays as it said it, after the file and place.

use super::fields::cut;
use super::{FORMAT, FORMAT_V2, FORMAT_V3, FORMAT_V4, ReadError};
use crate::i18n::{Reason, Words};
use crate::sync::crypt::{MAX_HEADER_BYTES, MAX_STANZAS, Undecryptable};

/// `file:line:col: message`, the place as editors read it.
fn at(file: &str, line: usize, col: usize, message: impl Into<Words>) -> Words {
    Words::msg("why-at")
        .arg("file", file.to_string())
        .arg("line", line.to_string())
        .arg("col", col.to_string())
        .with("what", message)
}

pub(super) fn undecryptable(why: &Undecryptable) -> Words {
    match why {
        Undecryptable::NotForUs => Words::msg("why-crypt-not-for-us"),
        Undecryptable::Damaged(e) => Words::msg("why-crypt-damaged").arg("error", e.clone()),
        Undecryptable::NoIdentity => Words::msg("why-crypt-no-identity"),
        Undecryptable::TooLarge => Words::msg("why-crypt-too-large"),
        Undecryptable::TooManyRecipients { found } => Words::msg("why-crypt-too-many-recipients")
            .arg("found", found.to_string())
            .arg("max", MAX_STANZAS.to_string()),
        Undecryptable::HeaderTooLarge { bytes } => Words::msg("why-crypt-header-too-large")
            .arg("bytes", bytes.to_string())
            .arg("max", MAX_HEADER_BYTES.to_string()),
    }
}

impl Reason for ReadError {
    fn words(&self) -> Words {
        use ReadError as E;
        let f = |file: &String| file.clone();
        match self {
            E::Io { file, source } => Words::msg("why-read-io")
                .arg("file", f(file))
                .with("error", source.said()),
            E::NotRegular { file, what } => Words::msg("why-read-not-regular")
                .arg("file", f(file))
                .with("what", file_kind(what)),
            E::TooLarge { file, size, limit } => Words::msg("why-read-too-large")
                .arg("file", f(file))
                .arg("size", size.to_string())
                .arg("limit", limit.to_string()),
            E::NotUtf8 { file, line, col } => {
                at(file, *line, *col, Words::msg("why-read-not-utf8"))
            }
            E::NoDigest { file } => Words::msg("why-read-no-digest").arg("file", f(file)),
            E::DamagedDigestLine {
                file,
                line,
                col,
                message,
            }
            | E::InvalidAt {
                file,
                line,
                col,
                message,
            } => at(file, *line, *col, message.words()),
            E::Syntax {
                file,
                line,
                col,
                message,
            } => at(file, *line, *col, message.as_str()),
            E::Truncated { file } => Words::msg("why-read-truncated").arg("file", f(file)),
            E::Tampered { file } => Words::msg("why-read-tampered").arg("file", f(file)),
            E::UnknownFormat { file, found } => Words::msg("why-read-unknown-format")
                .arg("file", f(file))
                .arg("found", cut(found))
                .arg(
                    "known",
                    format!("{FORMAT}, {FORMAT_V2}, {FORMAT_V3}, {FORMAT_V4}"),
                ),
            E::Invalid { file, message } => Words::msg("why-path")
                .arg("path", f(file))
                .with("what", message.words()),
            E::GuideMismatch {
                file,
                claimed_id,
                claimed_version,
                id,
                version,
            } => Words::msg("why-read-guide-mismatch")
                .arg("file", f(file))
                .arg("claimed_id", claimed_id.clone())
                .arg("claimed_version", claimed_version.clone())
                .arg("id", id.clone())
                .arg("version", version.clone()),
            E::UnknownGuide {
                file,
                id,
                version,
                digest,
            } => Words::msg("why-read-unknown-guide")
                .arg("file", f(file))
                .arg("id", id.clone())
                .arg("version", version.clone())
                .arg("digest", digest.clone()),
            E::Encrypted { file, why } => Words::msg("why-path")
                .arg("path", f(file))
                .with("what", undecryptable(why)),
            E::NotEncrypted { file } => Words::msg("why-read-not-encrypted").arg("file", f(file)),
            E::FreeTextWithoutConsent { file, field } => Words::msg("why-read-free-text")
                .arg("file", f(file))
                .arg("field", field.clone()),
            E::InvalidAnswer {
                file,
                question,
                message,
            } => Words::msg("why-read-invalid-answer")
                .arg("file", f(file))
                .arg("question", question.clone())
                .with("what", message.words()),
        }
    }
}

/// What a file that is not a regular one is, as the reader names it.
fn file_kind(what: &str) -> Words {
    let id = match what {
        "a folder" => "why-kind-folder",
        "a FIFO (named pipe)" => "why-kind-fifo",
        "a character device" => "why-kind-char-device",
        "a block device" => "why-kind-block-device",
        "a socket" => "why-kind-socket",
        "an unknown kind of file" => "why-kind-unknown",
        _ => return Words::Text(what.to_string()),
    };
    Words::msg(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_said_everywhere;

    #[test]
    fn every_read_error_is_said_in_every_language() {
        let file = || "out/a.toml".to_string();
        let mut all = vec![
            ReadError::Io {
                file: file(),
                source: std::io::Error::from_raw_os_error(13),
            },
            ReadError::TooLarge {
                file: file(),
                size: 9000,
                limit: 4096,
            },
            ReadError::NotUtf8 {
                file: file(),
                line: 2,
                col: 3,
            },
            ReadError::NoDigest { file: file() },
            ReadError::Truncated { file: file() },
            ReadError::Tampered { file: file() },
            ReadError::UnknownFormat {
                file: file(),
                found: "stocktake-session/9".into(),
            },
            ReadError::Invalid {
                file: file(),
                message: "odd".into(),
            },
            ReadError::Invalid {
                file: file(),
                message: super::super::why::no_format().into(),
            },
            ReadError::InvalidAt {
                file: file(),
                line: 3,
                col: 14,
                message: super::super::why::not_ulid("call_id", "\"x\"".into()).into(),
            },
            ReadError::DamagedDigestLine {
                file: file(),
                line: 1,
                col: 1,
                message: super::super::why::bom().into(),
            },
            ReadError::GuideMismatch {
                file: file(),
                claimed_id: "a".into(),
                claimed_version: "1".into(),
                id: "b".into(),
                version: "2".into(),
            },
            ReadError::UnknownGuide {
                file: file(),
                id: "a".into(),
                version: "1".into(),
                digest: "sha256:ab".into(),
            },
            ReadError::NotEncrypted { file: file() },
            ReadError::FreeTextWithoutConsent {
                file: file(),
                field: "note".into(),
            },
            ReadError::InvalidAnswer {
                file: file(),
                question: "q1".into(),
                message: "odd".into(),
            },
            ReadError::InvalidAnswer {
                file: file(),
                question: "q1".into(),
                message: super::super::why::no_such_question("ki").into(),
            },
        ];
        for what in [
            "a folder",
            "a FIFO (named pipe)",
            "a character device",
            "a block device",
            "a socket",
            "an unknown kind of file",
        ] {
            all.push(ReadError::NotRegular { file: file(), what });
        }
        for why in [
            Undecryptable::NotForUs,
            Undecryptable::Damaged("header".into()),
            Undecryptable::NoIdentity,
            Undecryptable::TooLarge,
            Undecryptable::TooManyRecipients { found: 65 },
            Undecryptable::HeaderTooLarge { bytes: 70_000 },
        ] {
            all.push(ReadError::Encrypted { file: file(), why });
        }
        for e in &all {
            assert_said_everywhere(e);
        }
    }

    #[test]
    fn every_write_and_crypt_error_is_said_in_every_language() {
        use crate::sync::{CryptError, WriteError};
        let dir = || "/srv/outbox".to_string();
        for e in [
            WriteError::Missing { dir: dir() },
            WriteError::NotAFolder { dir: dir() },
            WriteError::NotWritable {
                dir: dir(),
                reason: "Permission denied (os error 13)".into(),
            },
            WriteError::Full { dir: dir() },
            WriteError::Exists { path: dir() },
            WriteError::UnsafeName {
                name: "../x".into(),
            },
            WriteError::Io {
                path: dir(),
                source: std::io::Error::from_raw_os_error(28),
            },
        ] {
            assert_said_everywhere(&e);
        }
        for e in [
            CryptError::BadRecipient("age2x".into()),
            CryptError::NoIdentity { file: dir() },
            CryptError::BadIdentity {
                file: dir(),
                message: "bad".into(),
            },
            CryptError::Encrypt("bad".into()),
        ] {
            assert_said_everywhere(&e);
        }
    }
}
