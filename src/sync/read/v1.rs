//! The `stocktake.session.v1` format, `v2`, which is v1 with `sensitive = true` on an
//! answer or a note and `edited_by`, `v3`, which is v2 with `read_back`, and `v4`, which is
//! v3 with how answers came to be (read in `v4`): strict TOML
//! with every key known, then
//! typed values. The envelope has checked the size, the encoding, the digest and the
//! format.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Deserialize;
use toml::value::Datetime;

use toml::Spanned;

use super::envelope::syntax;
use super::fields::{self, At};
use super::v4;
use super::{ReadError, SessionFile, why};
use crate::guide::{Digest, Structure};
use crate::i18n::Words;
use crate::session::{
    Answer, AnswerStatus, GuideRef, MAX_TEXT_CHARS, Note, Participant, Position, ReadBack, Session,
    Value, ValueKind,
};

mod fast;

/// Which of the two formats this reader reads a file as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Version {
    V1,
    V2,
    V3,
    V4,
}

/// Parse the text of a v1 or v2 file whose digest is `digest`.
pub(super) fn parse(
    text: &str,
    digest: Digest,
    file: &str,
    version: Version,
) -> Result<SessionFile, ReadError> {
    parse_with(text, digest, file, version, fast::read)
}

/// `first`: a reader that may decline; the general one reads what it declines.
fn parse_with(
    text: &str,
    digest: Digest,
    file: &str,
    version: Version,
    first: fn(&str) -> Option<RawFile>,
) -> Result<SessionFile, ReadError> {
    // The lines stocktake writes are read by a reader of their own (`fast`), a general
    // TOML parser reads anything else, and gives the errors: nearly every file is ours,
    // and parsing was the largest part of a collation.
    let raw = match first(text) {
        Some(raw) => raw,
        None => toml::from_str::<RawFile>(text).map_err(|e| syntax(text, file, e))?,
    };
    let v4_key = raw.answers.values().find_map(|a| {
        if a.volunteered.is_some() {
            Some("volunteered")
        } else if a.prompted.is_some() {
            Some("prompted")
        } else if a.before_definition.is_some() {
            Some("before_definition")
        } else if a.said_by.is_some() {
            Some("said_by")
        } else {
            None
        }
    });
    let v4_key = v4_key.or_else(|| {
        raw.notes
            .iter()
            .find_map(|n| n.said_by.as_ref().map(|_| "said_by"))
    });
    if version != Version::V4
        && let Some(key) = v4_key
    {
        let says = match version {
            Version::V1 => "v1",
            Version::V2 => "v2",
            _ => "v3",
        };
        return Err(invalid(
            file,
            why::key_of_later_format(key, "stocktake.session.v4", says),
        ));
    }
    let marks = raw.answers.values().any(|a| a.sensitive.is_some())
        || raw.notes.iter().any(|n| n.sensitive.is_some());
    if matches!(version, Version::V1 | Version::V2) && raw.read_back.is_some() {
        let says = if version == Version::V1 { "v1" } else { "v2" };
        return Err(invalid(
            file,
            why::key_of_later_format("read_back", "stocktake.session.v3", says),
        ));
    }
    if version == Version::V1 {
        let v2_key = if marks {
            Some("sensitive")
        } else if raw.edited_by.is_some() {
            Some("edited_by")
        } else {
            None
        };
        if let Some(key) = v2_key {
            return Err(invalid(
                file,
                why::key_of_later_format(key, "stocktake.session.v2", "v1"),
            ));
        }
    }
    let session = build(raw, &At { file, text })?;
    Ok(SessionFile { digest, session })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    // Both checked by the envelope before this parse; declared so that they are known.
    #[serde(rename = "digest")]
    _digest: String,
    #[serde(rename = "format")]
    _format: String,
    session_id: Spanned<String>,
    call_id: Spanned<String>,
    revision: Spanned<u32>,
    parent: Option<String>,
    status: Spanned<String>,
    interviewer: String,
    edited_by: Option<String>,
    language: String,
    started_at: Datetime,
    completed_at: Option<Datetime>,
    read_back: Option<RawReadBack>,
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
struct RawReadBack {
    at: Datetime,
    confirmed: bool,
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
    role: Spanned<String>,
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
    // What the writer showed; a reader takes labels from the guide, and visibility from
    // skip logic, so both are only checked for their type.
    #[serde(rename = "label")]
    _label: Option<toml::Value>,
    #[serde(default)]
    other: String,
    #[serde(default)]
    note: String,
    #[serde(rename = "hidden", default)]
    _hidden: bool,
    sensitive: Option<bool>,
    volunteered: Option<Vec<String>>,
    prompted: Option<Vec<String>>,
    before_definition: Option<v4::RawEarlier>,
    said_by: Option<v4::RawSpeaker>,
    first_changed_at: Option<Datetime>,
    changed_at: Option<Datetime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    at: Datetime,
    text: String,
    question: Option<String>,
    sensitive: Option<bool>,
    said_by: Option<v4::RawSpeaker>,
}

fn invalid(file: &str, message: Words) -> ReadError {
    ReadError::Invalid {
        file: file.into(),
        message: message.into(),
    }
}

fn time(file: &str, what: &str, d: &Datetime) -> Result<Timestamp, ReadError> {
    fields::time(what, d).map_err(|message| invalid(file, message))
}

/// `what` is a closure: naming the field costs a `format!`, paid only for an error.
fn text(file: &str, what: impl FnOnce() -> String, s: String) -> Result<String, ReadError> {
    // A char is at least one byte: a short string cannot be too long.
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(file, why::too_long(what(), MAX_TEXT_CHARS)));
    }
    Ok(s)
}

fn build(raw: RawFile, at: &At<'_>) -> Result<Session, ReadError> {
    let file = at.file;
    let digest = |what: &str, s: &str| {
        s.parse::<Digest>()
            .map_err(|_| invalid(file, why::not_digest(what)))
    };
    let structure = Structure::parse(&raw.respondent.structure).ok_or_else(|| {
        invalid(
            file,
            why::unknown_structure(fields::shown(&raw.respondent.structure)),
        )
    })?;
    let id = at.ulid("session_id", raw.session_id)?;
    let call_id = at.ulid("call_id", raw.call_id)?;
    let status = at.status(raw.status)?;
    let revision = at.revision(raw.revision)?;
    if !crate::guide::is_identifier(&raw.guide.id) {
        let cut: String = raw.guide.id.chars().take(64).collect();
        return Err(invalid(file, why::not_guide_id(format!("{cut:?}"))));
    }
    let mut participants = Vec::with_capacity(raw.participants.len());
    for (i, p) in raw.participants.into_iter().enumerate() {
        let n = i + 1;
        participants.push(Participant {
            role: at.role(&format!("participants[{n}].role"), p.role)?,
            organisation: text(
                file,
                || format!("participants[{n}].organisation"),
                p.organisation,
            )?,
            name: text(file, || format!("participants[{n}].name"), p.name)?,
        });
    }
    let started_at = time(file, "started_at", &raw.started_at)?;
    let completed_at = raw
        .completed_at
        .as_ref()
        .map(|d| time(file, "completed_at", d))
        .transpose()?;
    let read_back = raw
        .read_back
        .as_ref()
        .map(|r| {
            Ok::<_, ReadError>(ReadBack {
                at: time(file, "read_back.at", &r.at)?,
                confirmed: r.confirmed,
            })
        })
        .transpose()?;
    let mut answers = BTreeMap::new();
    let mut latest = completed_at.unwrap_or(started_at);
    for (q, a) in raw.answers {
        if !crate::guide::is_identifier(&q) {
            return Err(invalid(file, why::not_question_id(fields::shown(&q))));
        }
        let status = AnswerStatus::parse(&a.status).ok_or_else(|| {
            invalid(
                file,
                why::answer(&q, why::answer_unknown_status(fields::shown(&a.status))),
            )
        })?;
        let value = match (status, a.kind.as_deref(), a.value) {
            (AnswerStatus::Answered, Some(kind), Some(v)) => Some(decode(file, &q, kind, v)?),
            (AnswerStatus::Answered, _, _) => {
                return Err(invalid(file, why::answered_without_value(&q)));
            }
            (_, _, Some(_)) => {
                return Err(invalid(file, why::value_without_answer(&q, &a.status)));
            }
            _ => None,
        };
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
        let marks = v4::RawMarks {
            volunteered: a.volunteered,
            prompted: a.prompted,
            before_definition: a.before_definition,
        };
        let provenance = if marks.any() {
            v4::provenance(at, &q, value.as_ref(), marks, |kind, v| {
                decode(file, &q, kind, v)
            })?
        } else {
            Default::default()
        };
        let said_by = a
            .said_by
            .map(|p| v4::speaker(at, &format!("answers.{q}.said_by"), p))
            .transpose()?;
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
                sensitive: a.sensitive.unwrap_or(false),
                provenance,
                said_by,
                shared: false,
                first_changed_at: first,
                changed_at: changed,
            },
        );
    }
    let mut notes = Vec::new();
    for (i, n) in raw.notes.into_iter().enumerate() {
        if let Some(q) = &n.question
            && !crate::guide::is_identifier(q)
        {
            return Err(invalid(file, why::note_not_question_id(fields::shown(q))));
        }
        let taken = time(file, "notes.at", &n.at)?;
        latest = latest.max(taken);
        notes.push(Note {
            seq: i as u32 + 1,
            at: taken,
            text: text(file, || "notes.text".into(), n.text)?,
            question: n.question,
            sensitive: n.sensitive.unwrap_or(false),
            said_by: n
                .said_by
                .map(|p| v4::speaker(at, "notes.said_by", p))
                .transpose()?,
        });
    }
    Ok(Session {
        id,
        call_id,
        guide: GuideRef {
            id: raw.guide.id,
            version: text(file, || "guide.version".into(), raw.guide.version)?,
            digest: digest("guide.digest", &raw.guide.digest)?,
        },
        response: text(
            file,
            || "respondent.response".into(),
            raw.respondent.response,
        )?,
        interviewer: text(file, || "interviewer".into(), raw.interviewer)?,
        edited_by: raw
            .edited_by
            .map(|e| text(file, || "edited_by".into(), e))
            .transpose()?,
        language: text(file, || "language".into(), raw.language)?,
        structure,
        structure_label: text(
            file,
            || "respondent.structure_label".into(),
            raw.respondent.structure_label,
        )?,
        participants,
        consent: raw.respondent.consent,
        status,
        revision,
        parent: raw
            .parent
            .as_deref()
            .map(|p| digest("parent", p))
            .transpose()?,
        started_at,
        updated_at: latest,
        completed_at,
        read_back,
        answers,
        notes,
        position: Position::default(),
    })
}

fn decode(file: &str, q: &str, kind: &str, v: toml::Value) -> Result<Value, ReadError> {
    let bad = || {
        let value = match &v {
            toml::Value::String(s) => fields::shown(s),
            other => fields::cut(&other.to_string()),
        };
        invalid(
            file,
            why::answer(q, why::bad_value(fields::cut(kind), value)),
        )
    };
    let Some(kind) = ValueKind::parse(kind) else {
        return Err(bad());
    };
    // Option values are ids in every guide: a value that is not one can match no option,
    // and is refused here, where it can be quoted cut short.
    let option = |o: &str| {
        if crate::guide::is_identifier(o) {
            Ok(o.to_string())
        } else {
            Err(invalid(
                file,
                why::answer(q, why::not_option(fields::shown(o))),
            ))
        }
    };
    Ok(match (kind, &v) {
        (ValueKind::Multi, toml::Value::Array(items)) => Value::Choices(
            items
                .iter()
                .map(|i| i.as_str().ok_or_else(bad).and_then(option))
                .collect::<Result<_, _>>()?,
        ),
        (ValueKind::Single, toml::Value::String(s)) => Value::Choice(option(s)?),
        (ValueKind::Text, toml::Value::String(s)) => {
            Value::Text(text(file, || format!("answers.{q}.value"), s.clone())?)
        }
        // A date and a yes/no are strings in their text form.
        (ValueKind::YesNo | ValueKind::Date, toml::Value::String(s)) => {
            Value::from_text(kind, s).ok_or_else(bad)?
        }
        (ValueKind::Number, toml::Value::Integer(n)) => Value::Number(
            fields::exact_number(*n)
                .ok_or_else(|| invalid(file, why::answer(q, fields::number_too_large(*n))))?,
        ),
        (ValueKind::Number, toml::Value::Float(f)) if f.is_finite() => Value::Number(*f),
        (ValueKind::Scale, toml::Value::Integer(n)) => Value::Scale(*n),
        _ => return Err(bad()),
    })
}
