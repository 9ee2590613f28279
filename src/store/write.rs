//! Writes. Each public method is one committed transaction that first checks this process
//! still holds the session, then writes the rows and a history entry. The in-memory
//! [`Session`] is the source: callers edit it through its methods, then save.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::codec::{encode_value, ts};
use super::error::{StoreError, classify};
use super::lock::Me;
use super::revisions::RevisionFile;
use crate::guide::{Guide, LoadedGuide, QuestionType, Structure};
use crate::session::{Answer, Call, Field, GuideRef, Participant, Position, Session, Status};

/// A burst of typing in one field within this many seconds is one history entry.
const TYPING_BURST_SECS: i64 = 5;

/// What the new-call form gathers.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCall {
    pub response: String,
    pub interviewer: String,
    pub language: String,
    /// One session per entry; the label is for `Structure::Other`.
    pub structures: Vec<(Structure, String)>,
    pub participants: Vec<Participant>,
    pub consent: Option<bool>,
}

impl Store {
    fn write<T>(
        &mut self,
        session: &str,
        f: impl FnOnce(&Transaction<'_>, &Me, Timestamp) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let now = (self.clock)();
        let path = self.path.clone();
        let held = self.held.contains(session);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e))?;
        Store::check_held(&tx, &self.me, held, session)?;
        let out = f(&tx, &self.me, now).map_err(|e| match e {
            StoreError::Sqlite { source, .. } => classify(&path, source),
            other => other,
        })?;
        tx.commit().map_err(|e| classify(&path, e))?;
        Ok(out)
    }

    /// Record a new call and one draft session per structure on it.
    pub fn create_call(
        &mut self,
        guide: &LoadedGuide,
        new: &NewCall,
    ) -> Result<(Call, Vec<Session>), StoreError> {
        let now = (self.clock)();
        let gref = GuideRef {
            id: guide.guide.id.clone(),
            version: guide.guide.version.clone(),
            digest: guide.digest,
        };
        let call = Call {
            id: ulid::Ulid::generate().to_string(),
            guide: gref.clone(),
            response: new.response.clone(),
            interviewer: new.interviewer.clone(),
            language: new.language.clone(),
            started_at: now,
            ended_at: None,
            note: String::new(),
        };
        let sessions: Vec<Session> = new
            .structures
            .iter()
            .map(|(structure, label)| draft(&call.id, &gref, new, *structure, label, now))
            .collect();
        let path = self.path.clone();
        let sql = |e| classify(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "INSERT OR IGNORE INTO guides (digest, id, version, origin, source) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![guide.digest.to_string(), guide.guide.id, guide.guide.version, guide.origin, guide.source],
        )
        .map_err(sql)?;
        tx.execute(
            "INSERT INTO calls (id, guide_digest, response, interviewer, language, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![call.id, guide.digest.to_string(), call.response, call.interviewer, call.language, ts(now)],
        )
        .map_err(sql)?;
        for (ordinal, s) in sessions.iter().enumerate() {
            insert_session(&tx, s, ordinal as u32, &guide.guide).map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok((call, sessions))
    }

    /// A draft session for a structure that joined the call after it started: the call's
    /// guide, response, interviewer, language, participants and consent, taken from `like`
    /// (one of its sessions, as saved), and the next place in the call's tabs.
    pub fn add_session(
        &mut self,
        guide: &LoadedGuide,
        like: &Session,
        structure: Structure,
        label: &str,
    ) -> Result<Session, StoreError> {
        let now = (self.clock)();
        let call = NewCall {
            response: like.response.clone(),
            interviewer: like.interviewer.clone(),
            language: like.language.clone(),
            structures: Vec::new(),
            participants: like.participants.clone(),
            consent: like.consent,
        };
        let label = if structure == Structure::Other {
            label.trim()
        } else {
            ""
        };
        let s = draft(&like.call_id, &like.guide, &call, structure, label, now);
        let path = self.path.clone();
        let sql = |e| classify(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let ordinal: u32 = tx
            .query_row(
                "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM sessions WHERE call_id = ?1",
                [&s.call_id],
                |r| r.get(0),
            )
            .map_err(sql)?;
        insert_session(&tx, &s, ordinal, &guide.guide).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(s)
    }

    /// Save the call's own fields: its note, language and when it ended.
    pub fn save_call(&mut self, call: &Call) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute(
                "UPDATE calls SET note = ?2, ended_at = ?3, language = ?4 WHERE id = ?1",
                params![call.id, call.note, call.ended_at.map(ts), call.language],
            )
            .map_err(|e| classify(&self.path, e))?;
        if n == 0 {
            return Err(StoreError::NoSuchSession(call.id.clone()));
        }
        Ok(())
    }

    /// Save one field of one question: the answer value or special status, the specify
    /// text, or the note.
    pub fn save_answer(
        &mut self,
        s: &Session,
        guide: &Guide,
        question: &str,
        field: Field,
    ) -> Result<(), StoreError> {
        let typing = match field {
            Field::Note | Field::Other => true,
            Field::Answer => guide
                .question(question)
                .is_some_and(|q| matches!(q.kind, QuestionType::Text | QuestionType::LongText)),
        };
        let target = format!("{}:{question}", field.as_str());
        self.write(&s.id, |tx, _, now| {
            let old = read_field(tx, &s.id, question, field)?;
            let new = s
                .answers
                .get(question)
                .map(|a| field_text(a, field))
                .unwrap_or_default();
            write_answer(tx, s, question)?;
            write_session_row(tx, s, guide)?;
            if old != new {
                record(tx, &s.id, &target, &old, &new, now, typing)?;
            }
            Ok(())
        })
    }

    /// Save a general note (new or edited, attached or not).
    pub fn save_note(&mut self, s: &Session, guide: &Guide, seq: u32) -> Result<(), StoreError> {
        let target = format!("general:{seq}");
        self.write(&s.id, |tx, _, now| {
            let old: Option<(String, Option<String>)> = tx
                .query_row(
                    "SELECT text, question FROM notes WHERE session_id = ?1 AND seq = ?2",
                    params![s.id, seq],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(sqlite)?;
            match s.notes.iter().find(|n| n.seq == seq) {
                Some(n) => {
                    tx.execute(
                        "INSERT INTO notes (session_id, seq, at, text, question) VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT (session_id, seq) DO UPDATE SET text = ?4, question = ?5",
                        params![s.id, seq, ts(n.at), n.text, n.question],
                    )
                    .map_err(sqlite)?;
                    let old_text = old.as_ref().map(|o| o.0.clone()).unwrap_or_default();
                    if old_text != n.text {
                        record(tx, &s.id, &target, &old_text, &n.text, now, true)?;
                    }
                    let old_q = old.and_then(|o| o.1);
                    if old_q != n.question {
                        let t = format!("general:{seq}:question");
                        record(tx, &s.id, &t, old_q.as_deref().unwrap_or(""), n.question.as_deref().unwrap_or(""), now, false)?;
                    }
                }
                None => {
                    tx.execute("DELETE FROM notes WHERE session_id = ?1 AND seq = ?2", params![s.id, seq])
                        .map_err(sqlite)?;
                    if let Some((text, _)) = old {
                        record(tx, &s.id, &target, &text, "", now, false)?;
                    }
                }
            }
            write_session_row(tx, s, guide)
        })
    }

    /// Remember where the interviewer is, for resuming. No history: moving is not an edit.
    pub fn save_position(&mut self, s: &Session) -> Result<(), StoreError> {
        self.write(&s.id, |tx, _, _| {
            tx.execute(
                "UPDATE sessions SET position_question = ?2, position_field = ?3 WHERE id = ?1",
                params![s.id, s.position.question, s.position.field.as_str()],
            )
            .map_err(sqlite)?;
            Ok(())
        })
    }

    /// Save the session's own fields: status, revision, participants, consent, label.
    /// A status change is recorded in the history.
    pub fn save_header(&mut self, s: &Session, guide: &Guide) -> Result<(), StoreError> {
        self.write(&s.id, |tx, _, now| {
            let (old_status, old_rev): (String, u32) = tx
                .query_row(
                    "SELECT status, revision FROM sessions WHERE id = ?1",
                    [&s.id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(sqlite)?;
            write_session_row(tx, s, guide)?;
            write_participants(tx, s).map_err(sqlite)?;
            if old_status != s.status.as_str() || old_rev != s.revision {
                let old = format!("{old_status} r{old_rev}");
                let new = format!("{} r{}", s.status.as_str(), s.revision);
                record(tx, &s.id, "status", &old, &new, now, false)?;
            }
            Ok(())
        })
    }

    /// Write the whole session: after a failed save (a full disk), this puts everything
    /// still on screen into the database in one transaction.
    pub fn save_all(&mut self, s: &Session, guide: &Guide) -> Result<(), StoreError> {
        self.write(&s.id, |tx, _, now| {
            write_everything(tx, s, guide)?;
            record(tx, &s.id, "session", "", "saved whole", now, false)
        })
    }

    /// Save a session just completed and freeze its revision's file, in one transaction:
    /// there is never a completed session without its file, nor the reverse.
    pub fn complete_revision(
        &mut self,
        s: &Session,
        guide: &Guide,
        file: &RevisionFile,
    ) -> Result<(), StoreError> {
        let completed = s.completed_at.unwrap_or(s.updated_at);
        self.write(&s.id, |tx, _, now| {
            write_everything(tx, s, guide)?;
            tx.execute(
                "INSERT INTO revisions (session_id, revision, digest, file_name, content, completed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (session_id, revision) DO UPDATE SET digest = ?3, file_name = ?4, content = ?5, completed_at = ?6",
                params![s.id, s.revision, file.digest.to_string(), file.file_name, file.content, ts(completed)],
            )
            .map_err(sqlite)?;
            record(tx, &s.id, "status", "in_progress", &format!("completed r{}", s.revision), now, false)
        })
    }

    /// Delete a draft session (nothing recorded yet); its call goes when it has no sessions.
    pub fn delete_draft(&mut self, session: &str) -> Result<(), StoreError> {
        if let Some(holder) = self.lock_holder(session)? {
            return Err(StoreError::Locked {
                session: session.to_string(),
                holder,
            });
        }
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| classify(&path, e))?;
        let row: Option<(String, String)> = tx
            .query_row(
                "SELECT status, call_id FROM sessions WHERE id = ?1",
                [session],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| classify(&path, e))?;
        let Some((status, call)) = row else {
            return Err(StoreError::NoSuchSession(session.to_string()));
        };
        let status = Status::parse(&status).unwrap_or(Status::InProgress);
        status
            .apply(crate::session::Event::Delete)
            .map_err(|e| StoreError::Session(e.into()))?;
        tx.execute("DELETE FROM sessions WHERE id = ?1", [session])
            .map_err(|e| classify(&path, e))?;
        tx.execute(
            "DELETE FROM calls WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM sessions WHERE call_id = ?1)",
            [&call],
        )
        .map_err(|e| classify(&path, e))?;
        tx.commit().map_err(|e| classify(&path, e))?;
        self.held.remove(session);
        Ok(())
    }
}

/// Every row of a session as it is in memory: the session row, participants, answers
/// (removing those no longer there) and general notes.
pub(super) fn write_everything(
    tx: &Transaction<'_>,
    s: &Session,
    guide: &Guide,
) -> Result<(), StoreError> {
    write_session_row(tx, s, guide)?;
    write_participants(tx, s).map_err(sqlite)?;
    let stored: Vec<String> = {
        let mut st = tx
            .prepare_cached("SELECT question FROM answers WHERE session_id = ?1")
            .map_err(sqlite)?;
        st.query_map([&s.id], |r| r.get(0))
            .map_err(sqlite)?
            .collect::<Result<_, _>>()
            .map_err(sqlite)?
    };
    for q in stored.iter().chain(s.answers.keys()) {
        write_answer(tx, s, q)?;
    }
    tx.execute("DELETE FROM notes WHERE session_id = ?1", [&s.id])
        .map_err(sqlite)?;
    for n in &s.notes {
        tx.execute(
            "INSERT INTO notes (session_id, seq, at, text, question) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.id, n.seq, ts(n.at), n.text, n.question],
        )
        .map_err(sqlite)?;
    }
    Ok(())
}

pub(super) fn sqlite(source: rusqlite::Error) -> StoreError {
    // The path is filled in by `Store::write`, which re-classifies.
    StoreError::Sqlite {
        path: String::new(),
        source,
    }
}

fn field_text(a: &Answer, field: Field) -> String {
    match field {
        Field::Note => a.note.clone(),
        Field::Other => a.other.clone(),
        Field::Answer => match (&a.special, &a.value) {
            (Some(sp), _) => format!("[{}]", sp.as_str()),
            (None, Some(v)) => encode_value(v).1,
            (None, None) => String::new(),
        },
    }
}

fn read_field(
    tx: &Transaction<'_>,
    session: &str,
    question: &str,
    field: Field,
) -> Result<String, StoreError> {
    let row: Option<(Option<String>, Option<String>, String, String)> = tx
        .prepare_cached("SELECT value, special, other, note FROM answers WHERE session_id = ?1 AND question = ?2")
        .map_err(sqlite)?
        .query_row(params![session, question], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()
        .map_err(sqlite)?;
    Ok(match (row, field) {
        (None, _) => String::new(),
        (Some((_, _, _, note)), Field::Note) => note,
        (Some((_, _, other, _)), Field::Other) => other,
        (Some((_, Some(sp), _, _)), Field::Answer) => format!("[{sp}]"),
        (Some((v, None, _, _)), Field::Answer) => v.unwrap_or_default(),
    })
}

fn write_answer(tx: &Transaction<'_>, s: &Session, question: &str) -> Result<(), StoreError> {
    match s.answers.get(question) {
        None => {
            tx.prepare_cached("DELETE FROM answers WHERE session_id = ?1 AND question = ?2")
                .map_err(sqlite)?
                .execute(params![s.id, question])
                .map_err(sqlite)?;
        }
        Some(a) => {
            let (kind, value) = match &a.value {
                Some(v) => {
                    let (k, t) = encode_value(v);
                    (Some(k), Some(t))
                }
                None => (None, None),
            };
            let first = a.first_changed_at.unwrap_or(s.updated_at);
            let last = a.changed_at.unwrap_or(s.updated_at);
            tx.prepare_cached(
                "INSERT INTO answers (session_id, question, value_kind, value, special, other, note, first_changed_at, changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (session_id, question) DO UPDATE SET value_kind = ?3, value = ?4, special = ?5,
                     other = ?6, note = ?7, first_changed_at = ?8, changed_at = ?9",
            )
            .map_err(sqlite)?
            .execute(params![
                s.id,
                question,
                kind,
                value,
                a.special.map(|x| x.as_str()),
                a.other,
                a.note,
                ts(first),
                ts(last)
            ])
            .map_err(sqlite)?;
        }
    }
    Ok(())
}

fn write_session_row(tx: &Transaction<'_>, s: &Session, guide: &Guide) -> Result<(), StoreError> {
    let p = s.progress(guide);
    tx.prepare_cached(
        "UPDATE sessions SET structure_label = ?2, consent = ?3, status = ?4, revision = ?5, parent = ?6,
             updated_at = ?7, completed_at = ?8, position_question = ?9, position_field = ?10,
             answered = ?11, visible = ?12, required = ?13, required_answered = ?14
         WHERE id = ?1",
    )
    .map_err(sqlite)?
    .execute(params![
        s.id,
        s.structure_label,
        s.consent,
        s.status.as_str(),
        s.revision,
        s.parent.map(|d| d.to_string()),
        ts(s.updated_at),
        s.completed_at.map(ts),
        s.position.question,
        s.position.field.as_str(),
        p.answered,
        p.visible,
        p.required,
        p.required_answered
    ])
    .map_err(sqlite)?;
    Ok(())
}

/// A new draft session of a call, with nothing answered yet.
fn draft(
    call_id: &str,
    guide: &GuideRef,
    call: &NewCall,
    structure: Structure,
    label: &str,
    now: Timestamp,
) -> Session {
    Session {
        id: ulid::Ulid::generate().to_string(),
        call_id: call_id.to_string(),
        guide: guide.clone(),
        response: call.response.clone(),
        interviewer: call.interviewer.clone(),
        language: call.language.clone(),
        structure,
        structure_label: label.to_string(),
        participants: call.participants.clone(),
        consent: call.consent,
        status: Status::Draft,
        revision: 1,
        parent: None,
        started_at: now,
        updated_at: now,
        completed_at: None,
        answers: Default::default(),
        notes: Vec::new(),
        position: Position::default(),
    }
}

/// A new session's row and its participants.
fn insert_session(
    tx: &Transaction<'_>,
    s: &Session,
    ordinal: u32,
    guide: &Guide,
) -> rusqlite::Result<()> {
    let progress = s.progress(guide);
    tx.execute(
        "INSERT INTO sessions (id, call_id, ordinal, structure, structure_label, consent, status, revision,
            started_at, updated_at, answered, visible, required, required_answered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8, ?9, ?10, ?11, ?12)",
        params![
            s.id,
            s.call_id,
            ordinal,
            s.structure.as_str(),
            s.structure_label,
            s.consent,
            s.status.as_str(),
            ts(s.started_at),
            progress.answered,
            progress.visible,
            progress.required,
            progress.required_answered
        ],
    )?;
    write_participants(tx, s)
}

fn write_participants(tx: &Transaction<'_>, s: &Session) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM participants WHERE session_id = ?1", [&s.id])?;
    for (seq, p) in s.participants.iter().enumerate() {
        tx.execute(
            "INSERT INTO participants (session_id, seq, role, organisation, name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.id, seq as u32, p.role, p.organisation, p.name],
        )?;
    }
    Ok(())
}

/// Append to the history, or extend the last entry when it is the same field being typed.
fn record(
    tx: &Transaction<'_>,
    session: &str,
    target: &str,
    old: &str,
    new: &str,
    now: Timestamp,
    typing: bool,
) -> Result<(), StoreError> {
    if typing {
        let last: Option<(i64, String, String)> = tx
            .prepare_cached(
                "SELECT id, target, at FROM history WHERE session_id = ?1 ORDER BY id DESC LIMIT 1",
            )
            .map_err(sqlite)?
            .query_row([session], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .map_err(sqlite)?;
        if let Some((id, t, at)) = last
            && t == target
            && super::codec::parse_ts(&at)
                .is_some_and(|at| now.as_second() - at.as_second() <= TYPING_BURST_SECS)
        {
            tx.prepare_cached("UPDATE history SET new = ?2, at = ?3 WHERE id = ?1")
                .map_err(sqlite)?
                .execute(params![id, new, ts(now)])
                .map_err(sqlite)?;
            return Ok(());
        }
    }
    tx.prepare_cached(
        "INSERT INTO history (session_id, began_at, at, target, old, new) VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
    )
    .map_err(sqlite)?
    .execute(params![session, ts(now), target, old, new])
    .map_err(sqlite)?;
    Ok(())
}
