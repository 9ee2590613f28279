//! The session files stocktake writes, read without a general TOML parser.
//!
//! `render` writes one shape: `key = value` lines with one space either side of `=`, a
//! blank line and a header before each table, basic strings with every control character
//! escaped, integers, booleans, offset date-times, one-line arrays of strings and one-line
//! inline tables. This reads exactly that shape, into the same `RawFile` the general parser
//! makes, and declines (`None`) at the first thing it does not expect: another spacing, a
//! comment, a literal or multi-line string, a float, a duplicate key or table, a key it
//! does not know. The general parser then reads the file and gives any error, so a file
//! edited by hand reads as before, only slower. What is read here is what `toml` reads:
//! the tests compare the two on every frozen file and on mutations of them.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;
use toml::value::Datetime;

mod lex;

use lex::value;
#[cfg(test)]
use lex::{basic_string, utc_second};

use super::super::v4::{RawEarlier, RawSpeaker};
use super::{RawAnswer, RawFile, RawGuide, RawNote, RawParticipant, RawReadBack, RawRespondent};

/// A value as written, and where it starts (for the spans errors point at).
enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Time(Datetime),
    Strs(Vec<String>),
    /// Each key with its value and the value's span in the file.
    Table(Vec<(String, Val, Range<usize>)>),
}

/// The table the lines being read belong to.
enum In {
    Top,
    Guide,
    Respondent,
    Participant,
    Answer,
    Note,
}

pub(super) fn read(text: &str) -> Option<RawFile> {
    let mut f = FileParts::default();
    let mut here = In::Top;
    let mut guide = None::<GuideParts>;
    let mut respondent = None::<RespondentParts>;
    let mut participant = None::<ParticipantParts>;
    let mut note = None::<NoteParts>;
    let mut answer = None::<AnswerParts>;
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
            close(&mut f, &mut participant, &mut note, &mut answer)?;
            here = match name {
                "participants" => {
                    participant = Some(ParticipantParts::default());
                    In::Participant
                }
                "notes" => {
                    note = Some(NoteParts::default());
                    In::Note
                }
                _ => return None,
            };
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            close(&mut f, &mut participant, &mut note, &mut answer)?;
            here = match name {
                "guide" if guide.is_none() => {
                    guide = Some(GuideParts::default());
                    In::Guide
                }
                "respondent" if respondent.is_none() => {
                    respondent = Some(RespondentParts::default());
                    In::Respondent
                }
                _ => {
                    let id = name.strip_prefix("answers.").filter(|id| bare(id))?;
                    if f.answers.contains_key(id) {
                        return None;
                    }
                    answer = Some(AnswerParts {
                        id: id.to_string(),
                        ..AnswerParts::default()
                    });
                    In::Answer
                }
            };
            continue;
        }
        let (key, rest) = assignment(line)?;
        let at = start + key.len() + 3;
        let (val, end) = value(rest, 0, at)?;
        if end != rest.len() {
            return None;
        }
        let span = at..at + end;
        match here {
            In::Top => f.set(key, val, span)?,
            In::Guide => guide.as_mut()?.set(key, val)?,
            In::Respondent => respondent.as_mut()?.set(key, val)?,
            In::Participant => participant.as_mut()?.set(key, val, span)?,
            In::Note => note.as_mut()?.set(key, val)?,
            In::Answer => answer.as_mut()?.set(key, val)?,
        }
    }
    close(&mut f, &mut participant, &mut note, &mut answer)?;
    let g = guide?;
    let r = respondent?;
    Some(RawFile {
        _digest: f.digest?,
        _format: f.format?,
        session_id: f.session_id?,
        call_id: f.call_id?,
        revision: f.revision?,
        parent: f.parent,
        status: f.status?,
        interviewer: f.interviewer?,
        edited_by: f.edited_by,
        language: f.language?,
        started_at: f.started_at?,
        completed_at: f.completed_at,
        read_back: f.read_back,
        guide: RawGuide {
            id: g.id?,
            version: g.version?,
            digest: g.digest?,
        },
        respondent: RawRespondent {
            response: r.response?,
            structure: r.structure?,
            structure_label: r.structure_label.unwrap_or_default(),
            consent: r.consent,
        },
        participants: f.participants,
        answers: f.answers,
        notes: f.notes,
    })
}

/// The end of an array-of-tables entry or an answer table: it goes into the file.
fn close(
    f: &mut FileParts,
    participant: &mut Option<ParticipantParts>,
    note: &mut Option<NoteParts>,
    answer: &mut Option<AnswerParts>,
) -> Option<()> {
    if let Some(p) = participant.take() {
        f.participants.push(RawParticipant {
            role: p.role?,
            organisation: p.organisation?,
            name: p.name.unwrap_or_default(),
        });
    }
    if let Some(n) = note.take() {
        f.notes.push(RawNote {
            at: n.at?,
            text: n.text?,
            question: n.question,
            sensitive: n.sensitive,
            said_by: n.said_by,
        });
    }
    if let Some(a) = answer.take() {
        f.answers.insert(
            a.id,
            RawAnswer {
                status: a.status?,
                kind: a.kind,
                value: a.value,
                _label: a.label,
                other: a.other.unwrap_or_default(),
                note: a.note.unwrap_or_default(),
                _hidden: a.hidden.unwrap_or(false),
                sensitive: a.sensitive,
                volunteered: a.volunteered,
                prompted: a.prompted,
                before_definition: a.before_definition,
                said_by: a.said_by,
                first_changed_at: a.first_changed_at,
                changed_at: a.changed_at,
            },
        );
    }
    Some(())
}

/// `key = rest`, the key bare: the first `=` is the one after it.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let eq = line.find('=')?;
    let key = line.get(..eq)?.strip_suffix(' ')?;
    let rest = line.get(eq + 1..)?.strip_prefix(' ')?;
    bare(key).then_some((key, rest))
}

/// A bare TOML key: letters, digits, `_` and `-`.
fn bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Sets `slot` once: a key given twice is the general parser's to refuse.
fn once<T>(slot: &mut Option<T>, v: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(v);
    Some(())
}

fn string(v: Val) -> Option<String> {
    match v {
        Val::Str(s) => Some(s),
        _ => None,
    }
}

fn spanned(v: Val, span: Range<usize>) -> Option<Spanned<String>> {
    Some(Spanned::new(span, string(v)?))
}

fn boolean(v: Val) -> Option<bool> {
    match v {
        Val::Bool(b) => Some(b),
        _ => None,
    }
}

fn time(v: Val) -> Option<Datetime> {
    match v {
        Val::Time(t) => Some(t),
        _ => None,
    }
}

fn strings(v: Val) -> Option<Vec<String>> {
    match v {
        Val::Strs(s) => Some(s),
        _ => None,
    }
}

/// An answer's `value` or `label`, as the general parser gives it.
fn any(v: Val) -> Option<toml::Value> {
    Some(match v {
        Val::Str(s) => toml::Value::String(s),
        Val::Int(n) => toml::Value::Integer(n),
        Val::Float(x) => toml::Value::Float(x),
        Val::Bool(b) => toml::Value::Boolean(b),
        Val::Time(t) => toml::Value::Datetime(t),
        Val::Strs(s) => toml::Value::Array(s.into_iter().map(toml::Value::String).collect()),
        Val::Table(_) => return None,
    })
}

fn speaker(v: Val) -> Option<RawSpeaker> {
    let Val::Table(keys) = v else { return None };
    let (mut role, mut organisation) = (None, None);
    for (k, v, span) in keys {
        match k.as_str() {
            "role" => once(&mut role, spanned(v, span)?)?,
            "organisation" => once(&mut organisation, string(v)?)?,
            _ => return None,
        }
    }
    Some(RawSpeaker {
        role: role?,
        organisation: organisation?,
    })
}

fn earlier(v: Val) -> Option<RawEarlier> {
    let Val::Table(keys) = v else { return None };
    let (mut status, mut kind, mut value) = (None, None, None);
    for (k, v, _) in keys {
        match k.as_str() {
            "status" => once(&mut status, string(v)?)?,
            "type" => once(&mut kind, string(v)?)?,
            "value" => once(&mut value, any(v)?)?,
            _ => return None,
        }
    }
    Some(RawEarlier {
        status: status?,
        kind,
        value,
    })
}

fn read_back(v: Val) -> Option<RawReadBack> {
    let Val::Table(keys) = v else { return None };
    let (mut at, mut confirmed) = (None, None);
    for (k, v, _) in keys {
        match k.as_str() {
            "at" => once(&mut at, time(v)?)?,
            "confirmed" => once(&mut confirmed, boolean(v)?)?,
            _ => return None,
        }
    }
    Some(RawReadBack {
        at: at?,
        confirmed: confirmed?,
    })
}

#[derive(Default)]
struct FileParts {
    digest: Option<String>,
    format: Option<String>,
    session_id: Option<Spanned<String>>,
    call_id: Option<Spanned<String>>,
    revision: Option<Spanned<u32>>,
    parent: Option<String>,
    status: Option<Spanned<String>>,
    interviewer: Option<String>,
    edited_by: Option<String>,
    language: Option<String>,
    started_at: Option<Datetime>,
    completed_at: Option<Datetime>,
    read_back: Option<RawReadBack>,
    participants: Vec<RawParticipant>,
    answers: BTreeMap<String, RawAnswer>,
    notes: Vec<RawNote>,
}

impl FileParts {
    fn set(&mut self, key: &str, v: Val, span: Range<usize>) -> Option<()> {
        match key {
            "digest" => once(&mut self.digest, string(v)?),
            "format" => once(&mut self.format, string(v)?),
            "session_id" => once(&mut self.session_id, spanned(v, span)?),
            "call_id" => once(&mut self.call_id, spanned(v, span)?),
            "revision" => {
                let Val::Int(n) = v else { return None };
                once(
                    &mut self.revision,
                    Spanned::new(span, u32::try_from(n).ok()?),
                )
            }
            "parent" => once(&mut self.parent, string(v)?),
            "status" => once(&mut self.status, spanned(v, span)?),
            "interviewer" => once(&mut self.interviewer, string(v)?),
            "edited_by" => once(&mut self.edited_by, string(v)?),
            "language" => once(&mut self.language, string(v)?),
            "started_at" => once(&mut self.started_at, time(v)?),
            "completed_at" => once(&mut self.completed_at, time(v)?),
            "read_back" => once(&mut self.read_back, read_back(v)?),
            _ => None,
        }
    }
}

#[derive(Default)]
struct GuideParts {
    id: Option<String>,
    version: Option<String>,
    digest: Option<String>,
}

impl GuideParts {
    fn set(&mut self, key: &str, v: Val) -> Option<()> {
        match key {
            "id" => once(&mut self.id, string(v)?),
            "version" => once(&mut self.version, string(v)?),
            "digest" => once(&mut self.digest, string(v)?),
            _ => None,
        }
    }
}

#[derive(Default)]
struct RespondentParts {
    response: Option<String>,
    structure: Option<String>,
    structure_label: Option<String>,
    consent: Option<bool>,
}

impl RespondentParts {
    fn set(&mut self, key: &str, v: Val) -> Option<()> {
        match key {
            "response" => once(&mut self.response, string(v)?),
            "structure" => once(&mut self.structure, string(v)?),
            "structure_label" => once(&mut self.structure_label, string(v)?),
            "consent" => once(&mut self.consent, boolean(v)?),
            _ => None,
        }
    }
}

#[derive(Default)]
struct ParticipantParts {
    role: Option<Spanned<String>>,
    organisation: Option<String>,
    name: Option<String>,
}

impl ParticipantParts {
    fn set(&mut self, key: &str, v: Val, span: Range<usize>) -> Option<()> {
        match key {
            "role" => once(&mut self.role, spanned(v, span)?),
            "organisation" => once(&mut self.organisation, string(v)?),
            "name" => once(&mut self.name, string(v)?),
            _ => None,
        }
    }
}

#[derive(Default)]
struct NoteParts {
    at: Option<Datetime>,
    text: Option<String>,
    question: Option<String>,
    sensitive: Option<bool>,
    said_by: Option<RawSpeaker>,
}

impl NoteParts {
    fn set(&mut self, key: &str, v: Val) -> Option<()> {
        match key {
            "at" => once(&mut self.at, time(v)?),
            "text" => once(&mut self.text, string(v)?),
            "question" => once(&mut self.question, string(v)?),
            "sensitive" => once(&mut self.sensitive, boolean(v)?),
            "said_by" => once(&mut self.said_by, speaker(v)?),
            _ => None,
        }
    }
}

#[derive(Default)]
struct AnswerParts {
    id: String,
    status: Option<String>,
    kind: Option<String>,
    value: Option<toml::Value>,
    label: Option<toml::Value>,
    other: Option<String>,
    note: Option<String>,
    hidden: Option<bool>,
    sensitive: Option<bool>,
    volunteered: Option<Vec<String>>,
    prompted: Option<Vec<String>>,
    before_definition: Option<RawEarlier>,
    said_by: Option<RawSpeaker>,
    first_changed_at: Option<Datetime>,
    changed_at: Option<Datetime>,
}

impl AnswerParts {
    fn set(&mut self, key: &str, v: Val) -> Option<()> {
        match key {
            "status" => once(&mut self.status, string(v)?),
            "type" => once(&mut self.kind, string(v)?),
            "value" => once(&mut self.value, any(v)?),
            "label" => once(&mut self.label, any(v)?),
            "other" => once(&mut self.other, string(v)?),
            "note" => once(&mut self.note, string(v)?),
            "hidden" => once(&mut self.hidden, boolean(v)?),
            "sensitive" => once(&mut self.sensitive, boolean(v)?),
            "volunteered" => once(&mut self.volunteered, strings(v)?),
            "prompted" => once(&mut self.prompted, strings(v)?),
            "before_definition" => once(&mut self.before_definition, earlier(v)?),
            "said_by" => once(&mut self.said_by, speaker(v)?),
            "first_changed_at" => once(&mut self.first_changed_at, time(v)?),
            "changed_at" => once(&mut self.changed_at, time(v)?),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
