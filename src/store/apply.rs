//! The one way in for edits: [`Store::apply`] takes a [`Change`] and makes it one committed
//! transaction that first checks this process still holds every session it writes, then
//! writes the rows and the history entry. A change that fails leaves the database as it
//! was, so the caller can keep it and apply it again later, as it is.

use rusqlite::params;

use super::Store;
use super::codec::ts;
use super::error::{StoreError, classify};
use super::lock::{Claim, take};
use super::rows::{self, sqlite};
use crate::guide::LoadedGuide;
use crate::session::Change;

impl Store {
    /// Apply one change in one transaction. Creating a call or adding a session also makes
    /// this process the writer of the new sessions, in the same transaction: either the
    /// call exists and is held, or nothing happened.
    pub fn apply(&mut self, change: &Change) -> Result<(), StoreError> {
        let now = (self.clock)();
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e))?;
        let reclassify = |e| match e {
            StoreError::Sqlite { source, .. } => classify(&path, source),
            other => other,
        };
        // The sessions this change must hold, checked inside the transaction.
        let needs: Vec<String> = match change {
            Change::CreateCall { .. } | Change::AddSession { .. } => Vec::new(),
            Change::CallLanguage { call, .. } | Change::CallDetails { call, .. } => {
                let mut st = tx
                    .prepare_cached("SELECT id FROM sessions WHERE call_id = ?1 ORDER BY ordinal")
                    .map_err(|e| classify(&path, e))?;
                let ids: Vec<String> = st
                    .query_map([call], |r| r.get(0))
                    .and_then(|rows| rows.collect())
                    .map_err(|e| classify(&path, e))?;
                if ids.is_empty() {
                    return Err(StoreError::NoSuchSession(call.clone()));
                }
                ids
            }
            other => other.session().map(str::to_string).into_iter().collect(),
        };
        for id in &needs {
            Store::check_held(&tx, &self.me, self.held.contains(id), id).map_err(reclassify)?;
        }
        // Every history entry this change writes names it, so that undo, after a restart,
        // takes back what one key did as one step (the clock counts whole seconds).
        let batch: i64 = tx
            .query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM history", [], |r| {
                r.get(0)
            })
            .map_err(|e| classify(&path, e))?;
        let claimed = write(&tx, &self.me, change, now, batch).map_err(reclassify)?;
        tx.commit().map_err(|e| classify(&path, e))?;
        self.held.extend(claimed);
        Ok(())
    }
}

/// The writes of one change; returns the sessions it made this process hold.
fn write(
    tx: &rusqlite::Transaction<'_>,
    me: &super::lock::Me,
    change: &Change,
    now: jiff::Timestamp,
    batch: i64,
) -> Result<Vec<String>, StoreError> {
    match change {
        Change::CreateCall {
            guide,
            call,
            sessions,
        } => {
            insert_guide(tx, guide)?;
            tx.execute(
                "INSERT INTO calls (id, guide_digest, response, interviewer, language, started_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    call.id,
                    guide.digest,
                    call.response,
                    call.interviewer,
                    call.language,
                    ts(call.started_at),
                    call.note
                ],
            )
            .map_err(sqlite)?;
            let mut claimed = Vec::new();
            for (ordinal, s) in sessions.iter().enumerate() {
                rows::insert_session(tx, s, ordinal as u32, &s.stamp(&guide.guide), now, batch)?;
                take(tx, me, &s.id, Claim::IfFree, now)?;
                claimed.push(s.id.clone());
            }
            Ok(claimed)
        }
        Change::AddSession { guide, session } => {
            insert_guide(tx, guide)?;
            let ordinal: u32 = tx
                .query_row(
                    "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM sessions WHERE call_id = ?1",
                    [&session.call_id],
                    |r| r.get(0),
                )
                .map_err(sqlite)?;
            rows::insert_session(
                tx,
                session,
                ordinal,
                &session.stamp(&guide.guide),
                now,
                batch,
            )?;
            take(tx, me, &session.id, Claim::IfFree, now)?;
            Ok(vec![session.id.clone()])
        }
        Change::Answer {
            session,
            question,
            field,
            answer,
            stamp,
        } => {
            let old = rows::read_field(tx, session, question, *field)?;
            let new = rows::field_text(answer.as_ref(), *field);
            let (old_provenance, old_said_by) = rows::read_provenance(tx, session, question)?;
            rows::write_answer(tx, session, question, answer.as_ref(), stamp.updated_at)?;
            rows::write_stamp(tx, session, stamp)?;
            if old != new {
                let target = format!("{}:{question}", field.as_str());
                rows::record(
                    tx,
                    session,
                    &target,
                    &old,
                    &new,
                    now,
                    batch,
                    change.is_typing(),
                )?;
            }
            // How the answer came to be, and who gave it, are edits of their own: each is
            // in the history (and undone) by itself.
            let provenance = answer
                .as_ref()
                .map(|a| a.provenance.text())
                .unwrap_or_default();
            if old_provenance != provenance {
                let target = format!("provenance:{question}");
                rows::record(
                    tx,
                    session,
                    &target,
                    &old_provenance,
                    &provenance,
                    now,
                    batch,
                    false,
                )?;
            }
            let said_by = rows::speaker_text(answer.as_ref().and_then(|a| a.said_by.as_ref()));
            if old_said_by != said_by {
                let target = format!("said_by:{question}");
                rows::record(
                    tx,
                    session,
                    &target,
                    &old_said_by,
                    &said_by,
                    now,
                    batch,
                    false,
                )?;
            }
            Ok(Vec::new())
        }
        Change::Answers { session, changes } => {
            for c in changes {
                // Only answers of the session checked above: nothing else rides along.
                if !matches!(c, Change::Answer { session: s, .. } if s == session) {
                    return Err(StoreError::NoSuchSession(format!(
                        "{session} (a batch of answers holds a change of another kind or session)"
                    )));
                }
                write(tx, me, c, now, batch)?;
            }
            Ok(Vec::new())
        }
        Change::Note {
            session,
            seq,
            note,
            stamp,
        } => {
            let old = rows::read_note(tx, session, *seq)?;
            rows::write_note(tx, session, *seq, note.as_ref())?;
            rows::write_stamp(tx, session, stamp)?;
            let target = format!("general:{seq}");
            let removed = note.is_none() && old.is_some();
            let rows::StoredNote {
                text: old_text,
                question: old_q,
                said_by: old_said_by,
                sensitive: old_sensitive,
                at: old_at,
            } = old.unwrap_or_default();
            let (new_text, new_q) = note
                .as_ref()
                .map(|n| (n.text.as_str(), n.question.clone()))
                .unwrap_or_default();
            if old_text != new_text {
                rows::record(
                    tx,
                    session,
                    &target,
                    &old_text,
                    new_text,
                    now,
                    batch,
                    note.is_some(),
                )?;
            }
            let new_said_by = rows::speaker_text(note.as_ref().and_then(|n| n.said_by.as_ref()));
            if note.is_some() && old_said_by != new_said_by {
                rows::record(
                    tx,
                    session,
                    &format!("{target}:said_by"),
                    &old_said_by,
                    &new_said_by,
                    now,
                    batch,
                    false,
                )?;
            }
            if (note.is_some() || removed) && old_q != new_q {
                rows::record(
                    tx,
                    session,
                    &format!("{target}:question"),
                    old_q.as_deref().unwrap_or(""),
                    new_q.as_deref().unwrap_or(""),
                    now,
                    batch,
                    false,
                )?;
            }
            // A note removed (moved to another structure) is kept whole in the history, so
            // that undo brings it back as it was: its speaker, its mark and its time.
            if removed {
                let parts = [
                    ("said_by", old_said_by.as_str()),
                    ("sensitive", if old_sensitive { "sensitive" } else { "" }),
                    ("at", old_at.as_str()),
                ];
                for (part, old) in parts.into_iter().filter(|(_, old)| !old.is_empty()) {
                    rows::record(
                        tx,
                        session,
                        &format!("{target}:{part}"),
                        old,
                        "",
                        now,
                        batch,
                        false,
                    )?;
                }
            }
            Ok(Vec::new())
        }
        Change::Position { session, position } => {
            tx.prepare_cached(
                "UPDATE sessions SET position_question = ?2, position_field = ?3 WHERE id = ?1",
            )
            .map_err(sqlite)?
            .execute(params![session, position.question, position.field_column()])
            .map_err(sqlite)?;
            Ok(Vec::new())
        }
        Change::Header { session, header } => {
            rows::write_header(tx, session, header, now, batch)?;
            Ok(Vec::new())
        }
        Change::Complete {
            session,
            header,
            file,
        } => {
            rows::write_header(tx, session, header, now, batch)?;
            let completed = header.completed_at.unwrap_or(header.updated_at);
            tx.execute(
                "INSERT INTO revisions (session_id, revision, digest, file_name, content, completed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (session_id, revision) DO UPDATE SET digest = ?3, file_name = ?4, content = ?5, completed_at = ?6",
                params![session, header.revision, file.digest, file.file_name, file.content, ts(completed)],
            )
            .map_err(sqlite)?;
            Ok(Vec::new())
        }
        Change::CallLanguage { call, language } => {
            tx.execute(
                "UPDATE calls SET language = ?2 WHERE id = ?1",
                params![call, language],
            )
            .map_err(sqlite)?;
            Ok(Vec::new())
        }
        Change::CallDetails {
            call,
            response,
            note,
            ended_at,
        } => {
            let (old_response, old_note): (String, String) = tx
                .query_row(
                    "SELECT response, note FROM calls WHERE id = ?1",
                    [call],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(sqlite)?;
            tx.execute(
                "UPDATE calls SET response = ?2, note = ?3, ended_at = ?4 WHERE id = ?1",
                params![call, response, note, ended_at.map(ts)],
            )
            .map_err(sqlite)?;
            // Kept in each session's history: a session is what a collator reads.
            let sessions: Vec<String> = tx
                .prepare_cached("SELECT id FROM sessions WHERE call_id = ?1 ORDER BY ordinal")
                .and_then(|mut st| st.query_map([call], |r| r.get(0))?.collect())
                .map_err(sqlite)?;
            for s in &sessions {
                if old_response != *response {
                    rows::record(
                        tx,
                        s,
                        "call:response",
                        &old_response,
                        response,
                        now,
                        batch,
                        false,
                    )?;
                }
                if old_note != *note {
                    rows::record(tx, s, "call:note", &old_note, note, now, batch, false)?;
                }
            }
            Ok(Vec::new())
        }
    }
}

fn insert_guide(tx: &rusqlite::Connection, guide: &LoadedGuide) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO guides (digest, id, version, origin, source) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            guide.digest,
            guide.guide.id,
            guide.guide.version,
            guide.origin,
            guide.source
        ],
    )
    .map_err(sqlite)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Catalog;
    use crate::session::{Field, Session, Status, Value};
    use std::sync::Arc;

    fn guide() -> Arc<LoadedGuide> {
        Arc::new(
            Catalog::bundled()
                .get("gpc-attt-coordinator")
                .cloned()
                .expect("bundled"),
        )
    }

    #[test]
    fn a_change_to_a_session_not_held_changes_nothing() {
        let mut store = Store::open_in_memory(super::super::system_clock()).expect("store");
        let g = guide();
        let now = store.now();
        let call = crate::session::Call {
            id: ulid::Ulid::generate().to_string(),
            guide: crate::session::GuideRef {
                id: g.guide.id.clone(),
                version: g.guide.version.clone(),
                digest: g.digest,
            },
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            started_at: now,
            ended_at: None,
            note: String::new(),
        };
        let sessions = vec![Session::draft(
            &call,
            crate::guide::Structure::CpAor,
            "",
            Vec::new(),
            None,
            now,
        )];
        store
            .apply(&Change::CreateCall {
                guide: g.clone(),
                call,
                sessions: sessions.clone(),
            })
            .expect("created and held");
        let mut s = sessions[0].clone();
        store.unlock_session(&s.id).expect("unlock");
        s.set_value(&g.guide, "consent", Value::YesNo(false), now)
            .expect("edit");
        let e = store
            .apply(&Change::answer(&s, &g.guide, "consent", Field::Answer))
            .expect_err("not held");
        assert!(matches!(e, StoreError::NotLocked(_)));
        let back = store.load_session(&s.id).expect("load");
        assert_eq!(back.status, Status::Draft);
        assert!(back.answers.is_empty());
    }
}
