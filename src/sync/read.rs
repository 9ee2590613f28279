//! Reading a session file: size limit first, then the digest, then the format version,
//! then strict TOML with every key known, then typed values, then (when the guide is
//! known) every answer checked against it. Each failure is a typed error naming the file.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;
use toml::value::Datetime;

use super::render::FORMAT;
use crate::guide::{Digest, Guide, Structure, line_col};
use crate::session::{
    Answer, AnswerStatus, GuideRef, MAX_TEXT_CHARS, Note, Participant, Position, Session, Special,
    Status, Value, validate,
};

/// A session file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
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
    #[error(
        "{file}: format `{found}` is not one this stocktake reads ({FORMAT}); it may come from a newer stocktake: upgrade to read it"
    )]
    UnknownFormat { file: String, found: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
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
        why: super::crypt::Undecryptable,
    },
    #[error(
        "{file}: not encrypted, and this collation requires encrypted files (--require-encrypted)"
    )]
    NotEncrypted { file: String },
    #[error("{file}: answer to `{question}`: {message}")]
    InvalidAnswer {
        file: String,
        question: String,
        message: String,
    },
}

impl ReadError {
    /// A short reason, for quarantine lists and summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "unreadable",
            ReadError::TooLarge { .. } => "too large",
            ReadError::NotUtf8 { .. } | ReadError::Syntax { .. } | ReadError::NoDigest { .. } => {
                "corrupt"
            }
            ReadError::Truncated { .. } => "truncated",
            ReadError::Tampered { .. } => "tampered",
            ReadError::UnknownFormat { .. } => "unknown format",
            ReadError::Invalid { .. } => "invalid",
            ReadError::UnknownGuide { .. } => "unknown guide",
            ReadError::InvalidAnswer { .. } => "invalid answer",
            ReadError::Encrypted { why, .. } => match why {
                super::crypt::Undecryptable::NotForUs => "not for this collator",
                super::crypt::Undecryptable::Damaged(_) => "damaged ciphertext",
                super::crypt::Undecryptable::NoIdentity => "no identity",
                super::crypt::Undecryptable::TooLarge => "too large",
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    digest: String,
    format: String,
    session_id: String,
    call_id: String,
    revision: u32,
    parent: Option<String>,
    status: String,
    interviewer: String,
    language: String,
    started_at: Datetime,
    completed_at: Option<Datetime>,
    guide: RawGuide,
    respondent: RawRespondent,
    #[serde(default)]
    participants: Vec<RawParticipant>,
    #[serde(default)]
    answers: BTreeMap<String, RawAnswer>,
    #[serde(default)]
    notes: Vec<RawNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuide {
    id: String,
    version: String,
    digest: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRespondent {
    response: String,
    structure: String,
    #[serde(default)]
    structure_label: String,
    consent: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParticipant {
    role: String,
    organisation: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    status: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    value: Option<toml::Value>,
    label: Option<toml::Value>,
    #[serde(default)]
    other: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    hidden: bool,
    first_changed_at: Option<Datetime>,
    changed_at: Option<Datetime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    at: Datetime,
    text: String,
    question: Option<String>,
}

/// Read and verify a file from disk, reading no more than the limit allows.
pub fn read_session_file(path: &Path) -> Result<SessionFile, ReadError> {
    let bytes = read_limited(path)?;
    parse_session_file(&bytes, &path.display().to_string())
}

/// A file's bytes, refusing (without reading it all) one larger than a session file may be.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = path.display().to_string();
    let io = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(ReadError::TooLarge {
            file,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// The digest a file claims and whether its body matches, without parsing the TOML: what
/// a collator needs to recognise a file it has already seen.
pub fn check_digest(bytes: &[u8], file: &str) -> Result<Digest, ReadError> {
    let nl = bytes
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| ReadError::NoDigest { file: file.into() })?;
    let first =
        std::str::from_utf8(&bytes[..nl]).map_err(|_| ReadError::NoDigest { file: file.into() })?;
    let claimed = first
        .strip_prefix("digest = \"")
        .and_then(|r| r.strip_suffix('"'))
        .and_then(|d| d.parse::<Digest>().ok())
        .ok_or_else(|| ReadError::NoDigest { file: file.into() })?;
    let body = &bytes[nl + 1..];
    if Digest::of(body) != claimed {
        // Every line we write ends in a newline: a missing one means the copy was cut short.
        if !body.ends_with(b"\n") {
            return Err(ReadError::Truncated { file: file.into() });
        }
        return Err(ReadError::Tampered { file: file.into() });
    }
    Ok(claimed)
}

pub fn parse_session_file(bytes: &[u8], file: &str) -> Result<SessionFile, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            file: file.into(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = utf8(bytes, file)?;
    let digest = check_digest(bytes, file)?;
    parse_checked(text, digest, file)
}

/// A file's bytes as text, or where they stop being UTF-8.
fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ReadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let (line, col) = line_col(&String::from_utf8_lossy(&bytes[..good]), good);
        ReadError::NotUtf8 {
            file: file.into(),
            line,
            col,
        }
    })
}

/// [`parse_session_file`] for bytes whose digest the caller has just checked (the
/// collator, which hashes every file before it parses any): hashing is a tenth of the
/// cost of reading a file, and doing it twice was waste.
pub fn parse_digest_checked(
    bytes: &[u8],
    digest: Digest,
    file: &str,
) -> Result<SessionFile, ReadError> {
    parse_checked(utf8(bytes, file)?, digest, file)
}

fn parse_checked(text: &str, digest: Digest, file: &str) -> Result<SessionFile, ReadError> {
    let syntax = |e: toml::de::Error| {
        let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        ReadError::Syntax {
            file: file.into(),
            line,
            col,
            message: e.message().trim().to_string(),
        }
    };
    // One parse straight into the typed file: a good file (nearly every file) never
    // becomes a generic table first. The format is checked after.
    let raw = match toml::from_str::<RawFile>(text) {
        Ok(raw) => raw,
        // A newer format may have keys this reader calls unknown: tell that apart from a
        // damaged file by parsing loosely, only on this rare path.
        Err(e) => {
            let table: toml::Table = toml::from_str(text).map_err(syntax)?;
            check_format(table.get("format").and_then(|v| v.as_str()), file)?;
            return Err(syntax(e));
        }
    };
    check_format(Some(&raw.format), file)?;
    let session = build(raw, file)?;
    Ok(SessionFile { digest, session })
}

fn check_format(found: Option<&str>, file: &str) -> Result<(), ReadError> {
    match found {
        Some(FORMAT) => Ok(()),
        Some(other) => Err(ReadError::UnknownFormat {
            file: file.into(),
            found: other.into(),
        }),
        None => Err(invalid(file, "no `format` key")),
    }
}

fn invalid(file: &str, message: impl Into<String>) -> ReadError {
    ReadError::Invalid {
        file: file.into(),
        message: message.into(),
    }
}

fn time(file: &str, what: &str, d: &Datetime) -> Result<Timestamp, ReadError> {
    d.to_string().parse::<Timestamp>().map_err(|_| {
        invalid(
            file,
            format!("`{what}` = {d} is not a date and time with a time zone"),
        )
    })
}

/// `what` is a closure: naming the field costs a `format!`, paid only for an error.
fn text(file: &str, what: impl FnOnce() -> String, s: String) -> Result<String, ReadError> {
    // A char is at least one byte: a short string cannot be too long.
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(
            file,
            format!("`{}` is longer than {MAX_TEXT_CHARS} characters", what()),
        ));
    }
    Ok(s)
}

fn build(raw: RawFile, file: &str) -> Result<Session, ReadError> {
    let digest = |what: &str, s: &str| {
        s.parse::<Digest>()
            .map_err(|_| invalid(file, format!("`{what}` is not a sha256 digest")))
    };
    let _ = (&raw.digest, &raw.format);
    let structure = Structure::parse(&raw.respondent.structure).ok_or_else(|| {
        invalid(
            file,
            format!("unknown structure `{}`", raw.respondent.structure),
        )
    })?;
    let status = Status::parse(&raw.status)
        .ok_or_else(|| invalid(file, format!("unknown status `{}`", raw.status)))?;
    if raw.revision == 0 {
        return Err(invalid(file, "revision must be 1 or more"));
    }
    let started_at = time(file, "started_at", &raw.started_at)?;
    let completed_at = raw
        .completed_at
        .as_ref()
        .map(|d| time(file, "completed_at", d))
        .transpose()?;
    let mut answers = BTreeMap::new();
    let mut latest = completed_at.unwrap_or(started_at);
    for (q, a) in raw.answers {
        if !crate::guide::is_identifier(&q) {
            return Err(invalid(file, format!("`{q}` is not a question id")));
        }
        let status = AnswerStatus::parse(&a.status).ok_or_else(|| {
            invalid(
                file,
                format!("answer to `{q}`: unknown status `{}`", a.status),
            )
        })?;
        let value = match (status, a.kind.as_deref(), a.value) {
            (AnswerStatus::Answered, Some(kind), Some(v)) => Some(decode(file, &q, kind, v)?),
            (AnswerStatus::Answered, _, _) => {
                return Err(invalid(
                    file,
                    format!("answer to `{q}` is answered but has no `type` and `value`"),
                ));
            }
            (_, _, Some(_)) => {
                return Err(invalid(
                    file,
                    format!("answer to `{q}` has a value but status `{}`", a.status),
                ));
            }
            _ => None,
        };
        let _ = (a.label, a.hidden);
        let first = a
            .first_changed_at
            .as_ref()
            .map(|d| time(file, "first_changed_at", d))
            .transpose()?;
        let changed = a
            .changed_at
            .as_ref()
            .map(|d| time(file, "changed_at", d))
            .transpose()?;
        if let Some(c) = changed {
            latest = latest.max(c);
        }
        answers.insert(
            q.clone(),
            Answer {
                value,
                special: match status {
                    AnswerStatus::Special(s) => Some(s),
                    _ => None,
                },
                other: text(file, || format!("answers.{q}.other"), a.other)?,
                note: text(file, || format!("answers.{q}.note"), a.note)?,
                first_changed_at: first,
                changed_at: changed,
            },
        );
    }
    let mut notes = Vec::new();
    for (i, n) in raw.notes.into_iter().enumerate() {
        let at = time(file, "notes.at", &n.at)?;
        latest = latest.max(at);
        notes.push(Note {
            seq: i as u32 + 1,
            at,
            text: text(file, || "notes.text".into(), n.text)?,
            question: n.question,
        });
    }
    Ok(Session {
        id: text(file, || "session_id".into(), raw.session_id)?,
        call_id: text(file, || "call_id".into(), raw.call_id)?,
        guide: GuideRef {
            id: raw.guide.id,
            version: raw.guide.version,
            digest: digest("guide.digest", &raw.guide.digest)?,
        },
        response: text(
            file,
            || "respondent.response".into(),
            raw.respondent.response,
        )?,
        interviewer: text(file, || "interviewer".into(), raw.interviewer)?,
        language: raw.language,
        structure,
        structure_label: text(
            file,
            || "respondent.structure_label".into(),
            raw.respondent.structure_label,
        )?,
        participants: raw
            .participants
            .into_iter()
            .map(|p| Participant {
                role: p.role,
                organisation: p.organisation,
                name: p.name,
            })
            .collect(),
        consent: raw.respondent.consent,
        status,
        revision: raw.revision,
        parent: raw
            .parent
            .as_deref()
            .map(|p| digest("parent", p))
            .transpose()?,
        started_at,
        updated_at: latest,
        completed_at,
        answers,
        notes,
        position: Position::default(),
    })
}

fn decode(file: &str, q: &str, kind: &str, v: toml::Value) -> Result<Value, ReadError> {
    let bad = || {
        invalid(
            file,
            format!("answer to `{q}`: a `{kind}` value cannot be {v}"),
        )
    };
    Ok(match (kind, &v) {
        ("single", toml::Value::String(s)) => Value::Choice(s.clone()),
        ("multi", toml::Value::Array(items)) => Value::Choices(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string).ok_or_else(bad))
                .collect::<Result<_, _>>()?,
        ),
        ("yes_no", toml::Value::String(s)) if s == "yes" => Value::YesNo(true),
        ("yes_no", toml::Value::String(s)) if s == "no" => Value::YesNo(false),
        ("text", toml::Value::String(s)) => {
            Value::Text(text(file, || format!("answers.{q}.value"), s.clone())?)
        }
        ("number", toml::Value::Integer(n)) => Value::Number(*n as f64),
        ("number", toml::Value::Float(f)) if f.is_finite() => Value::Number(*f),
        ("date", toml::Value::String(s)) => Value::Date(s.parse().map_err(|_| bad())?),
        ("scale", toml::Value::Integer(n)) => Value::Scale(*n),
        _ => return Err(bad()),
    })
}

/// Check every answer of a file against its guide: option values it offers, numbers in
/// range, the right kind of value. A guide with another digest is not this file's guide.
pub fn verify_against(
    f: &SessionFile,
    guide: &Guide,
    guide_digest: &Digest,
    file: &str,
) -> Result<(), ReadError> {
    let s = &f.session;
    if s.guide.digest != *guide_digest {
        return Err(ReadError::UnknownGuide {
            file: file.into(),
            id: s.guide.id.clone(),
            version: s.guide.version.clone(),
            digest: s.guide.digest.to_string(),
        });
    }
    for (q, a) in &s.answers {
        let Some(question) = guide.question(q) else {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: format!("guide {} has no such question", guide.id),
            });
        };
        if let Some(v) = &a.value {
            validate(question, v).map_err(|e| ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: e.to_string(),
            })?;
        }
        if !a.other.is_empty() && !question.options.iter().any(|o| o.other) {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: "has an \"other\" text but no other option".into(),
            });
        }
        let _ = Special::ALL;
    }
    for n in &s.notes {
        if let Some(q) = &n.question
            && guide.question(q).is_none()
        {
            return Err(ReadError::InvalidAnswer {
                file: file.into(),
                question: q.clone(),
                message: "a note is attached to a question the guide does not have".into(),
            });
        }
    }
    Ok(())
}

fn describe_undecryptable(why: &super::crypt::Undecryptable) -> String {
    use super::crypt::Undecryptable::*;
    match why {
        NotForUs => "encrypted for another collator: none of the identities given opens it".into(),
        Damaged(e) => format!("the encrypted file is truncated or altered ({e})"),
        NoIdentity => "encrypted, and no identity was given to open it (--identity FILE or STOCKTAKE_IDENTITY)".into(),
        TooLarge => "decrypts to more than a session file may hold".into(),
    }
}
