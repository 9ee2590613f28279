//! Row mapping, in one place: how a session, its answers, notes and participants become
//! rows, and the history entry every edit leaves. Every function runs inside the caller's
//! transaction; none commits.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::codec::{parse_ts, ts};
use super::error::StoreError;
use crate::session::{Answer, Field, Header, Note, Participant, Session, Speaker, Stamp, Status};

/// A burst of typing in one field within this many seconds is one history entry.
const TYPING_BURST_SECS: i64 = 5;

pub(super) fn sqlite(source: rusqlite::Error) -> StoreError {
    // The path is filled in by the caller, which re-classifies.
    StoreError::Sqlite {
        path: String::new(),
        source,
    }
}

/// A new session's row, its participants, answers and notes, and a history entry for each
/// answer it starts with (the call's consent).
pub(super) fn insert_session(
    tx: &Connection,
    s: &Session,
    ordinal: u32,
    stamp: &Stamp,
    now: Timestamp,
    batch: i64,
) -> Result<(), StoreError> {
    let p = stamp.progress;
    tx.execute(
        "INSERT INTO sessions (id, call_id, ordinal, structure, structure_label, consent, status, revision,
            started_at, updated_at, answered, visible, required, required_answered)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            s.id,
            s.call_id,
            ordinal,
            s.structure,
            s.structure_label,
            s.consent,
            stamp.status,
            s.revision,
            ts(s.started_at),
            ts(stamp.updated_at),
            p.answered,
            p.visible,
            p.required,
            p.required_answered
        ],
    )
    .map_err(sqlite)?;
    write_participants(tx, &s.id, &s.participants)?;
    for (q, a) in &s.answers {
        write_answer(tx, &s.id, q, Some(a), stamp.updated_at)?;
        for field in [Field::Answer, Field::Other, Field::Note] {
            let new = field_text(Some(a), field);
            if !new.is_empty() {
                let target = format!("{}:{q}", field.as_str());
                record(tx, &s.id, &target, "", &new, now, batch, false)?;
            }
        }
    }
    for n in &s.notes {
        write_note(tx, &s.id, n.seq, Some(n))?;
    }
    Ok(())
}

/// Every row of a session as it is in memory: the session row, participants, answers
/// (removing those no longer there) and general notes. Importing a revision does this.
pub(super) fn write_everything(
    tx: &Connection,
    s: &Session,
    stamp: &Stamp,
) -> Result<(), StoreError> {
    write_stamp(tx, &s.id, stamp)?;
    tx.execute(
        "UPDATE sessions SET structure_label = ?2, consent = ?3, revision = ?4, parent = ?5,
             completed_at = ?6, position_question = ?7, position_field = ?8, edited_by = ?9,
             read_back_at = ?10, read_back_confirmed = ?11 WHERE id = ?1",
        params![
            s.id,
            s.structure_label,
            s.consent,
            s.revision,
            s.parent,
            s.completed_at.map(ts),
            s.position.question,
            s.position.field_column(),
            s.edited_by,
            s.read_back.map(|r| ts(r.at)),
            s.read_back.map(|r| r.confirmed)
        ],
    )
    .map_err(sqlite)?;
    write_participants(tx, &s.id, &s.participants)?;
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
        write_answer(tx, &s.id, q, s.answers.get(q), s.updated_at)?;
    }
    tx.execute("DELETE FROM notes WHERE session_id = ?1", [&s.id])
        .map_err(sqlite)?;
    for n in &s.notes {
        write_note(tx, &s.id, n.seq, Some(n))?;
    }
    Ok(())
}

/// The status, time and progress counters every edit leaves on its session's row.
pub(super) fn write_stamp(tx: &Connection, session: &str, stamp: &Stamp) -> Result<(), StoreError> {
    let p = stamp.progress;
    let n = tx
        .prepare_cached(
            "UPDATE sessions SET status = ?2, updated_at = ?3, answered = ?4, visible = ?5,
                 required = ?6, required_answered = ?7 WHERE id = ?1",
        )
        .map_err(sqlite)?
        .execute(params![
            session,
            stamp.status,
            ts(stamp.updated_at),
            p.answered,
            p.visible,
            p.required,
            p.required_answered
        ])
        .map_err(sqlite)?;
    if n == 0 {
        return Err(StoreError::NoSuchSession(session.to_string()));
    }
    Ok(())
}

/// A session's own fields. A change of status or revision is recorded in the history.
pub(super) fn write_header(
    tx: &Connection,
    session: &str,
    h: &Header,
    now: Timestamp,
    batch: i64,
) -> Result<(), StoreError> {
    let (old_status, old_rev): (Status, u32) = tx
        .query_row(
            "SELECT status, revision FROM sessions WHERE id = ?1",
            [session],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(sqlite)?
        .ok_or_else(|| StoreError::NoSuchSession(session.to_string()))?;
    write_stamp(
        tx,
        session,
        &Stamp {
            status: h.status,
            updated_at: h.updated_at,
            progress: h.progress,
        },
    )?;
    tx.execute(
        "UPDATE sessions SET structure_label = ?2, consent = ?3, revision = ?4, parent = ?5,
             completed_at = ?6, edited_by = ?7, read_back_at = ?8, read_back_confirmed = ?9
             WHERE id = ?1",
        params![
            session,
            h.structure_label,
            h.consent,
            h.revision,
            h.parent,
            h.completed_at.map(ts),
            h.edited_by,
            h.read_back.map(|r| ts(r.at)),
            h.read_back.map(|r| r.confirmed)
        ],
    )
    .map_err(sqlite)?;
    let before = people(tx, session)?;
    write_participants(tx, session, &h.participants)?;
    let after = describe_people(&h.participants);
    if before != after {
        record(
            tx,
            session,
            "participants",
            &before,
            &after,
            now,
            batch,
            false,
        )?;
    }
    if old_status != h.status || old_rev != h.revision {
        let old = format!("{} r{old_rev}", old_status.as_str());
        let new = format!("{} r{}", h.status.as_str(), h.revision);
        record(tx, session, "status", &old, &new, now, batch, false)?;
    }
    Ok(())
}

/// Participants as one line of history: `role · organisation · name; …`.
fn describe_people(people: &[Participant]) -> String {
    people
        .iter()
        .map(|p| {
            let mut s = format!("{} · {}", p.role, p.organisation);
            if !p.name.is_empty() {
                s.push_str(&format!(" · {}", p.name));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn people(tx: &Connection, session: &str) -> Result<String, StoreError> {
    let rows: Vec<Participant> = tx
        .prepare_cached(
            "SELECT role, organisation, name FROM participants WHERE session_id = ?1 ORDER BY seq",
        )
        .and_then(|mut st| {
            st.query_map([session], |r| {
                Ok(Participant {
                    role: r.get(0)?,
                    organisation: r.get(1)?,
                    name: r.get(2)?,
                })
            })?
            .collect()
        })
        .map_err(sqlite)?;
    Ok(describe_people(&rows))
}

pub(super) fn write_participants(
    tx: &Connection,
    session: &str,
    participants: &[Participant],
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM participants WHERE session_id = ?1", [session])
        .map_err(sqlite)?;
    for (seq, p) in participants.iter().enumerate() {
        tx.execute(
            "INSERT INTO participants (session_id, seq, role, organisation, name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![session, seq as u32, p.role, p.organisation, p.name],
        )
        .map_err(sqlite)?;
    }
    Ok(())
}

/// The row of one question: written as `a`, or removed when nothing is recorded.
pub(super) fn write_answer(
    tx: &Connection,
    session: &str,
    question: &str,
    a: Option<&Answer>,
    fallback: Timestamp,
) -> Result<(), StoreError> {
    let Some(a) = a else {
        tx.prepare_cached("DELETE FROM answers WHERE session_id = ?1 AND question = ?2")
            .map_err(sqlite)?
            .execute(params![session, question])
            .map_err(sqlite)?;
        return Ok(());
    };
    let kind = a.value.as_ref().map(|v| v.kind());
    let value = a.value.as_ref().map(|v| v.to_text());
    tx.prepare_cached(
        "INSERT INTO answers (session_id, question, value_kind, value, special, other, note, first_changed_at, changed_at, sensitive, provenance, said_by, shared)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (session_id, question) DO UPDATE SET value_kind = ?3, value = ?4, special = ?5,
             other = ?6, note = ?7, first_changed_at = ?8, changed_at = ?9, sensitive = ?10,
             provenance = ?11, said_by = ?12, shared = ?13",
    )
    .map_err(sqlite)?
    .execute(params![
        session,
        question,
        kind,
        value,
        a.special,
        a.other,
        a.note,
        ts(a.first_changed_at.unwrap_or(fallback)),
        ts(a.changed_at.unwrap_or(fallback)),
        a.sensitive,
        a.provenance.text(),
        speaker_text(a.said_by.as_ref()),
        a.shared,
    ])
    .map_err(sqlite)?;
    Ok(())
}

/// A general note as `n`, or removed.
pub(super) fn write_note(
    tx: &Connection,
    session: &str,
    seq: u32,
    n: Option<&Note>,
) -> Result<(), StoreError> {
    match n {
        Some(n) => tx
            .prepare_cached(
                "INSERT INTO notes (session_id, seq, at, text, question, sensitive, said_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (session_id, seq) DO UPDATE SET text = ?4, question = ?5, sensitive = ?6, said_by = ?7",
            )
            .map_err(sqlite)?
            .execute(params![
                session,
                seq,
                ts(n.at),
                n.text,
                n.question,
                n.sensitive,
                speaker_text(n.said_by.as_ref())
            ]),
        None => tx
            .prepare_cached("DELETE FROM notes WHERE session_id = ?1 AND seq = ?2")
            .map_err(sqlite)?
            .execute(params![session, seq]),
    }
    .map_err(sqlite)?;
    Ok(())
}

/// What the history shows for a field of an answer: the text, or the value, or the
/// special status in brackets.
pub(super) fn field_text(a: Option<&Answer>, field: Field) -> String {
    let Some(a) = a else {
        return String::new();
    };
    match field {
        Field::Note => a.note.clone(),
        Field::Other => a.other.clone(),
        Field::Answer => match (&a.special, &a.value) {
            (Some(sp), _) => format!("[{}]", sp.as_str()),
            (None, Some(v)) => v.to_text(),
            (None, None) => String::new(),
        },
    }
}

/// Who said it, as the store and the history keep it: `role · organisation`, or nothing.
pub(super) fn speaker_text(s: Option<&Speaker>) -> String {
    s.map(Speaker::text).unwrap_or_default()
}

/// An answer's provenance and who said it, as stored: what the history compares.
pub(super) fn read_provenance(
    tx: &Connection,
    session: &str,
    question: &str,
) -> Result<(String, String), StoreError> {
    Ok(tx
        .prepare_cached(
            "SELECT provenance, said_by FROM answers WHERE session_id = ?1 AND question = ?2",
        )
        .map_err(sqlite)?
        .query_row(params![session, question], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(sqlite)?
        .unwrap_or_default())
}

/// The stored text of one field, as [`field_text`] writes it.
pub(super) fn read_field(
    tx: &Connection,
    session: &str,
    question: &str,
    field: Field,
) -> Result<String, StoreError> {
    let row: Option<(Option<String>, Option<String>, String, String)> = tx
        .prepare_cached(
            "SELECT value, special, other, note FROM answers WHERE session_id = ?1 AND question = ?2",
        )
        .map_err(sqlite)?
        .query_row(params![session, question], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
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

/// A general note as stored, for the history to compare with.
#[derive(Debug, Default)]
pub(super) struct StoredNote {
    pub text: String,
    pub question: Option<String>,
    pub said_by: String,
    pub sensitive: bool,
    pub at: String,
}

pub(super) fn read_note(
    tx: &Connection,
    session: &str,
    seq: u32,
) -> Result<Option<StoredNote>, StoreError> {
    tx.prepare_cached(
        "SELECT text, question, said_by, sensitive, at FROM notes WHERE session_id = ?1 AND seq = ?2",
    )
    .map_err(sqlite)?
    .query_row(params![session, seq], |r| {
        Ok(StoredNote {
            text: r.get(0)?,
            question: r.get(1)?,
            said_by: r.get(2)?,
            sensitive: r.get(3)?,
            at: r.get(4)?,
        })
    })
    .optional()
    .map_err(sqlite)
}

/// Append to the history, or extend the last entry when it is the same field being typed.
// Each argument is one column of the entry; a struct for one call site's worth of them
// would only move the same list.
#[allow(clippy::too_many_arguments)]
pub(super) fn record(
    tx: &Connection,
    session: &str,
    target: &str,
    old: &str,
    new: &str,
    now: Timestamp,
    batch: i64,
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
            && parse_ts(&at).is_some_and(|at| now.as_second() - at.as_second() <= TYPING_BURST_SECS)
        {
            tx.prepare_cached("UPDATE history SET new = ?2, at = ?3 WHERE id = ?1")
                .map_err(sqlite)?
                .execute(params![id, new, ts(now)])
                .map_err(sqlite)?;
            return Ok(());
        }
    }
    tx.prepare_cached(
        "INSERT INTO history (session_id, began_at, at, target, old, new, change) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
    )
    .map_err(sqlite)?
    .execute(params![session, ts(now), target, old, new, batch])
    .map_err(sqlite)?;
    Ok(())
}
