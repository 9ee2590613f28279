//! Calls and sessions. One call (a phone or video call) covers one or more coordination
//! structures; each structure gets its own session with its own answers, notes and place
//! in the guide. All edits go through methods here, which validate against the guide and
//! keep the status machine honest; the store persists what they produce.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::answer::{Answer, AnswerError, Special, Value, validate};
use super::status::{Event, IllegalTransition, Status};
use crate::guide::{AnswerValues, Digest, Guide, Question, Structure, Visibility, visibility};

/// Which guide, exactly, a session was made with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideRef {
    pub id: String,
    pub version: String,
    pub digest: Digest,
}

/// The end-of-call read-back: the interviewer read the closed answers and the
/// classification to the coordinator, who confirmed them or asked for corrections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadBack {
    pub at: Timestamp,
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// One of [`ROLES`], or free text.
    pub role: String,
    pub organisation: String,
    /// Optional; many interviews record roles only.
    pub name: String,
}

/// Participant roles on a coordinator call (the outline's list), with labels.
pub const ROLES: &[(&str, &str)] = &[
    (
        "protection_cluster_coordinator",
        "Protection Cluster Coordinator",
    ),
    ("cp_aor_coordinator", "CP AOR Coordinator"),
    ("gbv_aor_coordinator", "GBV AOR Coordinator"),
    ("ngo", "NGO"),
    ("un_agency", "UN agency"),
    ("government", "Government"),
    ("other", "Other"),
];

/// A general note: what the respondent says out of order, time-stamped, attachable later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Unique within the session, never reused.
    pub seq: u32,
    pub at: Timestamp,
    pub text: String,
    pub question: Option<String>,
    /// Marked sensitive by the interviewer: travels marked, left out of reports unless
    /// asked for.
    pub sensitive: bool,
    /// Who on the call said it (session file v4).
    pub said_by: Option<super::provenance::Speaker>,
}

/// Which part of a question has the focus, so resuming lands in the same field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    #[default]
    Answer,
    Other,
    Note,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Field> {
        s.parse().ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub question: Option<String>,
    pub field: Field,
    /// In the general notes pad (opened over `question`): a restart lands there again.
    pub pad: bool,
}

impl Position {
    /// How the store keeps the field (one column): `answer`, `other`, `note`, or `pad`.
    pub fn field_column(&self) -> &'static str {
        if self.pad { "pad" } else { self.field.as_str() }
    }

    /// The place the store kept: `column` as [`Position::field_column`] wrote it; an
    /// unknown word is the answer.
    pub fn from_column(question: Option<String>, column: &str) -> Position {
        Position {
            question,
            field: Field::parse(column).unwrap_or_default(),
            pad: column == "pad",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub id: String,
    pub guide: GuideRef,
    /// Country or humanitarian response.
    pub response: String,
    pub interviewer: String,
    pub language: String,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
    pub note: String,
}

/// The last revision a session file may carry: no session is reopened that often, and the
/// bound keeps `revision + 1` far from overflowing. Readers refuse any later revision, so a
/// session at it cannot be reopened: its next revision could never be sent or collated.
pub const MAX_REVISION: u32 = 1_000_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    pub call_id: String,
    pub guide: GuideRef,
    pub response: String,
    pub interviewer: String,
    /// Who made this revision, when not the interviewer: a session imported into another
    /// store and reopened there. `None` for the interviewer's own revisions.
    pub edited_by: Option<String>,
    pub language: String,
    pub structure: Structure,
    /// Free label when `structure` is `other`.
    pub structure_label: String,
    pub participants: Vec<Participant>,
    pub consent: Option<bool>,
    pub status: Status,
    /// 1 for the first completion; each reopening starts the next.
    pub revision: u32,
    /// Digest of the session file of the revision this one replaces.
    pub parent: Option<Digest>,
    pub started_at: Timestamp,
    pub updated_at: Timestamp,
    pub completed_at: Option<Timestamp>,
    /// The last read-back of this revision; a reopened revision starts without one.
    pub read_back: Option<ReadBack>,
    pub answers: BTreeMap<String, Answer>,
    pub notes: Vec<Note>,
    pub position: Position,
}

/// How far a session is, counting only the questions skip logic shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Visible questions with a value or a special status.
    pub answered: u32,
    /// Visible questions.
    pub visible: u32,
    pub required: u32,
    pub required_answered: u32,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    #[error("the guide `{guide}` has no question `{question}`")]
    UnknownQuestion { guide: String, question: String },
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error(transparent)]
    Transition(#[from] IllegalTransition),
    #[error("{} required question{} still unanswered: {}", .0.len(), if .0.len() == 1 { " is" } else { "s are" }, .0.join(", "))]
    Incomplete(Vec<String>),
    #[error("there is no general note {0}")]
    UnknownNote(u32),
    #[error("question `{0}` has no \"other\" option to specify")]
    NoOtherOption(String),
    #[error(
        "this session is at revision {MAX_REVISION}, the last one a session file can carry (a reader refuses any later one): it cannot be reopened. Look at it read-only; to record more, start a new call"
    )]
    LastRevision,
    #[error("question `{0}` has nothing recorded to mark sensitive")]
    NothingToMark(String),
    #[error(
        "option `{option}` of question `{question}` is not chosen: tick it first, then mark how it came up"
    )]
    NotChosen { question: String, option: String },
    #[error("question `{0}` has no options: only a chosen option is volunteered or prompted")]
    NoOptions(String),
    #[error("question `{0}` has nothing recorded to attribute to someone on the call")]
    NothingToAttribute(String),
}

impl Session {
    /// A new draft session of `call` for one structure, with nothing answered yet.
    pub fn draft(
        call: &Call,
        structure: Structure,
        label: &str,
        participants: Vec<Participant>,
        consent: Option<bool>,
        now: Timestamp,
    ) -> Session {
        Session {
            id: ulid::Ulid::generate().to_string(),
            call_id: call.id.clone(),
            guide: call.guide.clone(),
            response: call.response.clone(),
            interviewer: call.interviewer.clone(),
            edited_by: None,
            language: call.language.clone(),
            structure,
            structure_label: label.to_string(),
            participants,
            consent,
            status: Status::Draft,
            revision: 1,
            parent: None,
            started_at: now,
            updated_at: now,
            completed_at: None,
            read_back: None,
            answers: BTreeMap::new(),
            notes: Vec::new(),
            position: Position::default(),
        }
    }

    pub(super) fn question<'g>(
        &self,
        guide: &'g Guide,
        id: &str,
    ) -> Result<&'g Question, SessionError> {
        guide
            .question(id)
            .ok_or_else(|| SessionError::UnknownQuestion {
                guide: guide.id.clone(),
                question: id.to_string(),
            })
    }

    /// Every edit goes through here: it must be allowed, and it moves a draft along.
    pub(super) fn edit(&mut self, now: Timestamp) -> Result<(), SessionError> {
        self.status = self.status.apply(Event::Edit)?;
        self.updated_at = now;
        Ok(())
    }

    pub(super) fn touch(&mut self, qid: &str, now: Timestamp) -> &mut Answer {
        let a = self.answers.entry(qid.to_string()).or_default();
        a.first_changed_at.get_or_insert(now);
        a.changed_at = Some(now);
        a
    }

    /// Drop the row of a question once nothing is recorded for it.
    pub(super) fn tidy(&mut self, qid: &str) {
        if self.answers.get(qid).is_some_and(Answer::is_empty) {
            self.answers.remove(qid);
        }
    }

    pub fn set_value(
        &mut self,
        guide: &Guide,
        qid: &str,
        value: Value,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let q = self.question(guide, qid)?;
        validate(q, &value)?;
        // Keep multi choices in the guide's order, so equal answers compare equal.
        let value = match value {
            Value::Choices(mut vs) => {
                vs.sort_by_key(|v| q.options.iter().position(|o| &o.value == v));
                Value::Choices(vs)
            }
            v => v,
        };
        self.edit(now)?;
        let a = self.touch(qid, now);
        a.value = Some(value);
        a.special = None;
        Ok(())
    }

    pub fn set_special(
        &mut self,
        guide: &Guide,
        qid: &str,
        special: Special,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        self.question(guide, qid)?;
        self.edit(now)?;
        let a = self.touch(qid, now);
        a.special = Some(special);
        a.value = None;
        Ok(())
    }

    /// Remove the value or special status; the note and specify text stay.
    pub fn clear_answer(
        &mut self,
        guide: &Guide,
        qid: &str,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        self.question(guide, qid)?;
        self.edit(now)?;
        let a = self.touch(qid, now);
        a.value = None;
        a.special = None;
        self.tidy(qid);
        Ok(())
    }

    pub fn set_other(
        &mut self,
        guide: &Guide,
        qid: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let q = self.question(guide, qid)?;
        if !q.options.iter().any(|o| o.other) {
            return Err(SessionError::NoOtherOption(qid.to_string()));
        }
        bounded(text)?;
        self.edit(now)?;
        self.touch(qid, now).other = text.to_string();
        self.tidy(qid);
        Ok(())
    }

    pub fn set_note(
        &mut self,
        guide: &Guide,
        qid: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        self.question(guide, qid)?;
        bounded(text)?;
        self.edit(now)?;
        self.touch(qid, now).note = text.to_string();
        self.tidy(qid);
        Ok(())
    }

    /// Mark (or unmark) the free text of question `qid` sensitive: its note, specify
    /// text and typed answer together. A question with nothing recorded has nothing to
    /// mark.
    pub fn set_answer_sensitive(
        &mut self,
        qid: &str,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        if !self.answers.contains_key(qid) {
            return Err(SessionError::NothingToMark(qid.to_string()));
        }
        self.edit(now)?;
        if let Some(a) = self.answers.get_mut(qid) {
            a.sensitive = sensitive;
        }
        Ok(())
    }

    /// Any text marked sensitive: the session file then needs the format that says so.
    pub fn has_sensitive(&self) -> bool {
        self.answers.values().any(|a| a.sensitive) || self.notes.iter().any(|n| n.sensitive)
    }

    /// The respondent's name as people say it: what `guide` calls its type, a custom
    /// `other` one by its own label ("Protection Sector (South)"), never as "Other".
    pub fn structure_name(&self, guide: &Guide, lang: &str) -> String {
        if guide.asks_name(self.structure) && !self.structure_label.trim().is_empty() {
            self.structure_label.trim().to_string()
        } else {
            guide.respondent_name(self.structure, lang)
        }
    }

    /// Whether the respondents agreed to notes being taken: the answer to the guide's
    /// consent question when there is one, else what the new-call form recorded.
    pub fn consent_given(&self, guide: &Guide) -> Option<bool> {
        let answered = guide.consent.question.as_deref().and_then(|q| {
            match self.answers.get(q).and_then(|a| a.value.as_ref()) {
                Some(Value::YesNo(b)) => Some(*b),
                _ => None,
            }
        });
        answered.or(self.consent)
    }

    /// Consent was refused: no free text of this session may leave the machine.
    pub fn consent_refused(&self, guide: &Guide) -> bool {
        self.consent_given(guide) == Some(false)
    }

    /// The session as it may leave this machine. When consent was refused, no free text
    /// does: notes, specify texts, typed answers and the notes pad stay in the local store
    /// only, whatever the guide's rule let the interviewer type.
    pub fn as_sent(&self, guide: &Guide) -> std::borrow::Cow<'_, Session> {
        if !self.consent_refused(guide) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut s = self.clone();
        s.consent = Some(false);
        s.notes.clear();
        s.answers.retain(|_, a| {
            a.note.clear();
            a.other.clear();
            a.sensitive = false;
            if matches!(a.value, Some(Value::Text(_))) {
                a.value = None;
            }
            if a.provenance
                .before_definition
                .as_ref()
                .is_some_and(|e| matches!(e.value, Some(Value::Text(_))))
            {
                a.provenance.before_definition = None;
            }
            !a.is_empty()
        });
        std::borrow::Cow::Owned(s)
    }

    /// The first field holding free text, named as a session file names it: exactly what
    /// `as_sent` takes out when consent was refused, so that a reader can refuse a file
    /// that says consent was refused yet carries any (a file stocktake never writes).
    pub fn free_text_field(&self) -> Option<String> {
        for (q, a) in &self.answers {
            if !a.note.is_empty() {
                return Some(format!("answers.{q}.note"));
            }
            if !a.other.is_empty() {
                return Some(format!("answers.{q}.other"));
            }
            if matches!(a.value, Some(Value::Text(_))) {
                return Some(format!("answers.{q}.value"));
            }
            if a.provenance
                .before_definition
                .as_ref()
                .is_some_and(|e| matches!(e.value, Some(Value::Text(_))))
            {
                return Some(format!("answers.{q}.before_definition"));
            }
        }
        (!self.notes.is_empty()).then(|| "[[notes]]".to_string())
    }

    pub fn visibility(&self, guide: &Guide) -> Visibility {
        visibility(guide, self.structure, &SkipValues(&self.answers))
    }

    pub fn progress(&self, guide: &Guide) -> Progress {
        let vis = self.visibility(guide);
        let mut p = Progress::default();
        for q in guide.questions().filter(|q| vis.is_visible(&q.id)) {
            let settled = self.answers.get(&q.id).is_some_and(Answer::is_settled);
            p.visible += 1;
            p.answered += u32::from(settled);
            if q.required {
                p.required += 1;
                p.required_answered += u32::from(self.settles(q));
            }
        }
        p
    }

    /// Required questions that skip logic shows and that have no answer yet, in guide order.
    /// A required summary question (the interviewer's classification) cannot be skipped:
    /// only a real answer settles it, not *don't know* or *not asked*.
    pub fn missing_required<'g>(&self, guide: &'g Guide) -> Vec<&'g Question> {
        let vis = self.visibility(guide);
        guide
            .questions()
            .filter(|q| q.required && vis.is_visible(&q.id))
            .filter(|q| !self.settles(q))
            .collect()
    }

    fn settles(&self, q: &Question) -> bool {
        self.answers.get(&q.id).is_some_and(|a| {
            if q.summary {
                a.status() == super::answer::AnswerStatus::Answered
            } else {
                a.is_settled()
            }
        })
    }

    pub fn complete(&mut self, guide: &Guide, now: Timestamp) -> Result<(), SessionError> {
        let missing = self.missing_required(guide);
        if !missing.is_empty() {
            return Err(SessionError::Incomplete(
                missing.iter().map(|q| q.id.clone()).collect(),
            ));
        }
        self.status = self.status.apply(Event::Complete)?;
        self.completed_at = Some(now);
        self.updated_at = now;
        Ok(())
    }

    /// Start the next revision of a completed session; `parent` is the digest of the
    /// session file of the revision being replaced.
    pub fn reopen(&mut self, parent: Digest, now: Timestamp) -> Result<(), SessionError> {
        let status = self.status.apply(Event::Reopen)?;
        if self.revision >= MAX_REVISION {
            return Err(SessionError::LastRevision);
        }
        self.status = status;
        self.revision += 1;
        // Each revision names its own editor; the last one's does not carry over.
        self.edited_by = None;
        // What was read back was the last revision: this one is read back anew.
        self.read_back = None;
        self.parent = Some(parent);
        self.completed_at = None;
        self.updated_at = now;
        Ok(())
    }
}

pub(super) fn bounded(text: &str) -> Result<(), SessionError> {
    let chars = text.chars().count();
    if chars > super::answer::MAX_TEXT_CHARS {
        return Err(AnswerError::TooLong { chars }.into());
    }
    Ok(())
}

/// A session's answers as skip logic asks for them.
struct SkipValues<'a>(&'a BTreeMap<String, Answer>);

impl AnswerValues for SkipValues<'_> {
    fn values(&self, question: &str) -> Option<Vec<std::borrow::Cow<'_, str>>> {
        self.0.get(question)?.skip_texts()
    }
}
