//! What `stocktake.session.v4` adds to an answer table and a note: `volunteered` and
//! `prompted` (chosen options, by how they came up), `before_definition` (the answer as it
//! stood when the definition of trafficking was explained) and `said_by` (who on the call
//! said it). Read here into the session's types; `v1` reads the rest.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::fields::{self, At};
use super::{ReadError, why};
use crate::i18n::Words;
use crate::session::{AnswerStatus, Earlier, Elicited, Provenance, Speaker, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEarlier {
    pub(super) status: String,
    #[serde(rename = "type")]
    pub(super) kind: Option<String>,
    pub(super) value: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSpeaker {
    pub(super) role: Spanned<String>,
    pub(super) organisation: String,
}

/// The v4 keys of one answer table, as read.
#[derive(Default)]
pub(super) struct RawMarks {
    pub volunteered: Option<Vec<String>>,
    pub prompted: Option<Vec<String>>,
    pub before_definition: Option<RawEarlier>,
}

impl RawMarks {
    pub fn any(&self) -> bool {
        self.volunteered.is_some() || self.prompted.is_some() || self.before_definition.is_some()
    }
}

fn invalid(file: &str, message: Words) -> ReadError {
    ReadError::Invalid {
        file: file.into(),
        message: message.into(),
    }
}

/// The provenance of the answer to `q`, whose value is `value`: each mark must be on an
/// option chosen, once.
pub(super) fn provenance(
    at: &At<'_>,
    q: &str,
    value: Option<&Value>,
    marks: RawMarks,
    decode: impl Fn(&str, toml::Value) -> Result<Value, ReadError>,
) -> Result<Provenance, ReadError> {
    let file = at.file;
    let chosen: Vec<String> = match value {
        Some(Value::Choices(vs)) => vs.clone(),
        Some(v @ (Value::Choice(_) | Value::YesNo(_))) => vec![v.to_text()],
        _ => Vec::new(),
    };
    let mut elicited = BTreeMap::new();
    for (mark, values) in [
        (Elicited::Volunteered, marks.volunteered),
        (Elicited::Prompted, marks.prompted),
    ] {
        for v in values.unwrap_or_default() {
            if !chosen.contains(&v) {
                return Err(invalid(
                    file,
                    why::answer(q, why::mark_not_chosen(mark.as_str(), fields::shown(&v))),
                ));
            }
            if elicited.insert(v.clone(), mark).is_some() {
                return Err(invalid(
                    file,
                    why::answer(q, why::marked_twice(fields::shown(&v))),
                ));
            }
        }
    }
    let before_definition = marks
        .before_definition
        .map(|e| earlier(file, q, e, &decode))
        .transpose()?;
    Ok(Provenance {
        elicited,
        before_definition,
    })
}

fn earlier(
    file: &str,
    q: &str,
    e: RawEarlier,
    decode: &impl Fn(&str, toml::Value) -> Result<Value, ReadError>,
) -> Result<Earlier, ReadError> {
    let status = AnswerStatus::parse(&e.status).ok_or_else(|| {
        invalid(
            file,
            why::answer(q, why::before_unknown_status(fields::shown(&e.status))),
        )
    })?;
    match (status, e.kind, e.value) {
        (AnswerStatus::Answered, Some(kind), Some(v)) => Ok(Earlier {
            value: Some(decode(&kind, v)?),
            special: None,
        }),
        (AnswerStatus::Answered, _, _) => {
            Err(invalid(file, why::answer(q, why::before_without_value())))
        }
        (_, _, Some(_)) => Err(invalid(
            file,
            why::answer(q, why::before_value_without_answer(&e.status)),
        )),
        (AnswerStatus::Special(sp), _, None) => Ok(Earlier {
            value: None,
            special: Some(sp),
        }),
        (AnswerStatus::Unanswered, _, None) => Ok(Earlier::default()),
    }
}

/// Who said it: a known role, and an organisation no longer than any text.
pub(super) fn speaker(at: &At<'_>, what: &str, raw: RawSpeaker) -> Result<Speaker, ReadError> {
    let role = at.role(&format!("{what}.role"), raw.role)?;
    if raw.organisation.chars().count() > crate::session::MAX_TEXT_CHARS {
        return Err(invalid(at.file, why::organisation_too_long(what)));
    }
    Ok(Speaker {
        role,
        organisation: raw.organisation,
    })
}
