//! Reads: a session exactly as saved, the guide it was made with, the list of sessions
//! (from stored progress counters, so 10,000 sessions list without touching answers), and
//! the history of edits.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, params};

use super::Store;
use super::codec::parse_ts;
use super::error::{StoreError, classify};
use crate::guide::{Digest, LoadedGuide, Place, Structure, load_guide_str};
use crate::session::{
    Answer, Call, GuideRef, Note, Participant, Position, Progress, Provenance, ReadBack, Session,
    Speaker, Special, Status, Value, ValueKind,
};

/// One line of the sessions list (home screen, `stocktake sessions`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SessionSummary {
    pub id: String,
    pub call_id: String,
    pub guide_id: String,
    pub guide_version: String,
    pub structure: String,
    pub structure_label: String,
    pub response: String,
    pub interviewer: String,
    pub status: String,
    pub revision: u32,
    pub answered: u32,
    pub visible: u32,
    pub required: u32,
    pub required_answered: u32,
    pub call_started_at: String,
    pub updated_at: String,
    /// A completed revision of this session is not yet in an outbox.
    pub waiting: bool,
}

/// One entry of the change history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub began_at: Timestamp,
    pub at: Timestamp,
    /// `answer:<question>`, `note:<question>`, `other:<question>`, `general:<n>`, `status`.
    pub target: String,
    pub old: String,
    pub new: String,
    /// The change that wrote it: entries of one change are one step of undo.
    pub change: Option<i64>,
}

impl Store {
    fn bad(&self, what: impl Into<String>) -> StoreError {
        StoreError::BadRow {
            path: self.path.display().to_string(),
            what: what.into(),
        }
    }

    fn time(&self, s: &str) -> Result<Timestamp, StoreError> {
        parse_ts(s).ok_or_else(|| self.bad(format!("time `{s}`")))
    }

    /// The exact guide a session was made with.
    pub fn load_guide(&self, digest: &Digest) -> Result<LoadedGuide, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT origin, source FROM guides WHERE digest = ?1",
                [digest],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| classify(&self.path, e))?;
        let (origin, source) = row.ok_or_else(|| StoreError::MissingGuide(digest.to_string()))?;
        load_guide_str(source, &origin, Place::Bundled)
            .map_err(|e| self.bad(format!("stored guide {digest}: {e}")))
    }

    pub fn load_call(&self, id: &str) -> Result<Call, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT c.id, g.id, g.version, c.guide_digest, c.response, c.interviewer, c.language,
                        c.started_at, c.ended_at, c.note
                 FROM calls c JOIN guides g ON g.digest = c.guide_digest WHERE c.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Digest>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, String>(9)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| classify(&self.path, e))?
            .ok_or_else(|| StoreError::NoSuchSession(id.to_string()))?;
        Ok(Call {
            id: row.0,
            guide: GuideRef {
                id: row.1,
                version: row.2,
                digest: row.3,
            },
            response: row.4,
            interviewer: row.5,
            language: row.6,
            started_at: self.time(&row.7)?,
            ended_at: row.8.as_deref().map(|t| self.time(t)).transpose()?,
            note: row.9,
        })
    }

    /// The sessions of a call, in the order they were created (the tabs of the call).
    pub fn call_sessions(&self, call: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM sessions WHERE call_id = ?1 ORDER BY ordinal")
            .map_err(|e| classify(&self.path, e))?;
        st.query_map([call], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| classify(&self.path, e))
    }

    pub fn load_session(&self, id: &str) -> Result<Session, StoreError> {
        let c = |e| classify(&self.path, e);
        type Head = (
            String,
            Structure,
            String,
            Option<bool>,
            Status,
            u32,
            Option<Digest>,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
        );
        let head: Head = self
            .conn
            .query_row(
                "SELECT call_id, structure, structure_label, consent, status, revision, parent,
                        started_at, updated_at, completed_at, position_question, position_field,
                        edited_by
                 FROM sessions WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                        r.get(12)?,
                    ))
                },
            )
            .optional()
            .map_err(c)?
            .ok_or_else(|| StoreError::NoSuchSession(id.to_string()))?;
        let call = self.load_call(&head.0)?;
        let (rb_at, rb_confirmed): (Option<String>, Option<bool>) = self
            .conn
            .query_row(
                "SELECT read_back_at, read_back_confirmed FROM sessions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(c)?;
        let read_back = match (rb_at, rb_confirmed) {
            (Some(at), Some(confirmed)) => Some(ReadBack {
                at: self.time(&at)?,
                confirmed,
            }),
            _ => None,
        };

        let mut participants = Vec::new();
        let mut st = self
            .conn
            .prepare_cached("SELECT role, organisation, name FROM participants WHERE session_id = ?1 ORDER BY seq")
            .map_err(c)?;
        let rows = st
            .query_map([id], |r| {
                Ok(Participant {
                    role: r.get(0)?,
                    organisation: r.get(1)?,
                    name: r.get(2)?,
                })
            })
            .map_err(c)?;
        for p in rows {
            participants.push(p.map_err(c)?);
        }

        let mut answers = std::collections::BTreeMap::new();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT question, value_kind, value, special, other, note, first_changed_at, changed_at, sensitive,
                        provenance, said_by, shared
                 FROM answers WHERE session_id = ?1",
            )
            .map_err(c)?;
        let mut rows = st.query([id]).map_err(c)?;
        while let Some(r) = rows.next().map_err(c)? {
            let (q, a) = self.answer_row(r).map_err(c)??;
            answers.insert(q, a);
        }

        let mut notes = Vec::new();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT seq, at, text, question, sensitive, said_by FROM notes WHERE session_id = ?1 ORDER BY seq",
            )
            .map_err(c)?;
        let mut rows = st.query([id]).map_err(c)?;
        while let Some(r) = rows.next().map_err(c)? {
            let at: String = r.get(1).map_err(c)?;
            notes.push(Note {
                seq: r.get(0).map_err(c)?,
                at: self.time(&at)?,
                text: r.get(2).map_err(c)?,
                question: r.get(3).map_err(c)?,
                sensitive: r.get(4).map_err(c)?,
                said_by: Speaker::parse(&r.get::<_, String>(5).map_err(c)?),
            });
        }

        Ok(Session {
            id: id.to_string(),
            call_id: call.id,
            guide: call.guide,
            response: call.response,
            interviewer: call.interviewer,
            edited_by: head.12,
            language: call.language,
            structure: head.1,
            structure_label: head.2,
            participants,
            consent: head.3,
            status: head.4,
            revision: head.5,
            parent: head.6,
            started_at: self.time(&head.7)?,
            updated_at: self.time(&head.8)?,
            completed_at: head.9.as_deref().map(|t| self.time(t)).transpose()?,
            read_back,
            answers,
            notes,
            position: Position::from_column(head.10, &head.11),
        })
    }

    fn answer_row(&self, r: &Row<'_>) -> rusqlite::Result<Result<(String, Answer), StoreError>> {
        let q: String = r.get(0)?;
        let kind: Option<ValueKind> = r.get(1)?;
        let value: Option<String> = r.get(2)?;
        let special: Option<Special> = r.get(3)?;
        let first: String = r.get(6)?;
        let last: String = r.get(7)?;
        let value = match (kind, value) {
            (Some(k), Some(v)) => match Value::from_text(k, &v) {
                Some(v) => Some(v),
                None => {
                    return Ok(Err(
                        self.bad(format!("answer to `{q}`: `{}` value `{v}`", k.as_str()))
                    ));
                }
            },
            _ => None,
        };
        let (first, last) = match (self.time(&first), self.time(&last)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return Ok(Err(e)),
        };
        let line: String = r.get(9)?;
        let Some(provenance) = Provenance::parse(&line) else {
            let shown = crate::neutralise::fit(&line, 60);
            return Ok(Err(
                self.bad(format!("answer to `{q}`: provenance `{shown}`"))
            ));
        };
        Ok(Ok((
            q,
            Answer {
                value,
                special,
                other: r.get(4)?,
                note: r.get(5)?,
                sensitive: r.get(8)?,
                provenance,
                said_by: Speaker::parse(&r.get::<_, String>(10)?),
                shared: r.get(11)?,
                first_changed_at: Some(first),
                changed_at: Some(last),
            },
        )))
    }

    /// Every session, newest call first, sessions of a call in their tab order.
    pub fn summaries(&self) -> Result<Vec<SessionSummary>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.call_id, g.id, g.version, s.structure, s.structure_label, c.response,
                        c.interviewer, s.status, s.revision, s.answered, s.visible, s.required,
                        s.required_answered, c.started_at, s.updated_at,
                        EXISTS (SELECT 1 FROM revisions r WHERE r.session_id = s.id AND r.origin = 'local'
                                AND NOT EXISTS (SELECT 1 FROM synced y WHERE y.session_id = r.session_id AND y.revision = r.revision))
                 FROM sessions s JOIN calls c ON c.id = s.call_id JOIN guides g ON g.digest = c.guide_digest
                 ORDER BY c.started_at DESC, c.rowid DESC, s.ordinal",
            )
            .map_err(c)?;
        let rows = st
            .query_map([], |r| {
                Ok(SessionSummary {
                    id: r.get(0)?,
                    call_id: r.get(1)?,
                    guide_id: r.get(2)?,
                    guide_version: r.get(3)?,
                    structure: r.get(4)?,
                    structure_label: r.get(5)?,
                    response: r.get(6)?,
                    interviewer: r.get(7)?,
                    status: r.get(8)?,
                    revision: r.get(9)?,
                    answered: r.get(10)?,
                    visible: r.get(11)?,
                    required: r.get(12)?,
                    required_answered: r.get(13)?,
                    call_started_at: r.get(14)?,
                    updated_at: r.get(15)?,
                    waiting: r.get(16)?,
                })
            })
            .map_err(c)?;
        rows.collect::<Result<_, _>>().map_err(c)
    }

    /// The progress counters stored with a session.
    pub fn stored_progress(&self, id: &str) -> Result<Progress, StoreError> {
        self.conn
            .query_row(
                "SELECT answered, visible, required, required_answered FROM sessions WHERE id = ?1",
                [id],
                |r| {
                    Ok(Progress {
                        answered: r.get(0)?,
                        visible: r.get(1)?,
                        required: r.get(2)?,
                        required_answered: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| classify(&self.path, e))?
            .ok_or_else(|| StoreError::NoSuchSession(id.to_string()))
    }

    /// The edits of a session, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare_cached("SELECT began_at, at, target, old, new, change FROM history WHERE session_id = ?1 ORDER BY id")
            .map_err(c)?;
        let mut rows = st.query(params![id]).map_err(c)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(c)? {
            let began: String = r.get(0).map_err(c)?;
            let at: String = r.get(1).map_err(c)?;
            out.push(HistoryEntry {
                began_at: self.time(&began)?,
                at: self.time(&at)?,
                target: r.get(2).map_err(c)?,
                old: r
                    .get::<_, Option<String>>(3)
                    .map_err(c)?
                    .unwrap_or_default(),
                new: r
                    .get::<_, Option<String>>(4)
                    .map_err(c)?
                    .unwrap_or_default(),
                change: r.get(5).map_err(c)?,
            });
        }
        Ok(out)
    }
}
