//! One writer per session. A lock row names the process editing a session; a second
//! stocktake is told who holds it. A holder whose process is gone (same host, pid dead or
//! reused) is taken over silently; a live one only when the user confirms.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::error::{LockHolder, StoreError};
use super::{Store, codec};

/// This process, as lock rows describe it.
#[derive(Debug, Clone)]
pub struct Me {
    pub token: String,
    pub pid: u32,
    pub start: Option<i64>,
    pub host: String,
    pub user: String,
}

impl Me {
    pub fn current() -> Me {
        let pid = std::process::id();
        Me {
            token: ulid::Ulid::generate().to_string(),
            pid,
            start: process_start(pid),
            host: hostname(),
            user: login_name(),
        }
    }
}

/// The user's name: `$USER`, `$LOGNAME`, else the account's name, else the uid.
pub fn login_name() -> String {
    if let Some(u) = ["USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|u| !u.is_empty())
    {
        return u;
    }
    // SAFETY: getpwuid returns null or a pointer to static storage; the name is copied out
    // at once, before any other call could overwrite it.
    unsafe {
        let uid = libc::geteuid();
        let pw = libc::getpwuid(uid);
        if pw.is_null() || (*pw).pw_name.is_null() {
            return format!("uid {uid}");
        }
        std::ffi::CStr::from_ptr((*pw).pw_name)
            .to_string_lossy()
            .into_owned()
    }
}

/// Start time of a process in clock ticks since boot (Linux), to tell a reused pid apart.
fn process_start(pid: u32) -> Option<i64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(19)?.parse().ok()
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname NUL-terminates within it
    // or truncates, and we stop at the first NUL either way.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "unknown-host".into();
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// Whether the holder of a lock on this host still runs. On another host we cannot tell,
/// so it counts as alive and the user decides.
fn holder_alive(me: &Me, host: &str, pid: u32, start: Option<i64>) -> bool {
    if host != me.host {
        return true;
    }
    let Ok(pid_t) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    let rc = unsafe { libc::kill(pid_t, 0) };
    let exists = rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    if !exists {
        return false;
    }
    match (start, process_start(pid)) {
        (Some(recorded), Some(now)) => recorded == now,
        _ => true,
    }
}

/// How to open a session that another stocktake may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Refuse if a live process holds it.
    IfFree,
    /// The user confirmed: take it from whoever holds it.
    TakeOver,
}

impl Store {
    /// Become the one writer of a session. Returns the previous holder when a live one
    /// was taken over, so the user can be told.
    pub fn lock_session(
        &mut self,
        session: &str,
        claim: Claim,
    ) -> Result<Option<LockHolder>, StoreError> {
        let now = (self.clock)();
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| super::error::classify(&path, e))?;
        let taken_from = take(&tx, &self.me, session, claim, now).map_err(|e| match e {
            StoreError::Sqlite { source, .. } => super::error::classify(&path, source),
            other => other,
        })?;
        tx.commit().map_err(|e| super::error::classify(&path, e))?;
        self.held.insert(session.to_string());
        Ok(taken_from)
    }

    /// Give a session back; nothing happens if another process took it meanwhile.
    pub fn unlock_session(&mut self, session: &str) -> Result<(), StoreError> {
        self.held.remove(session);
        self.conn
            .execute(
                "DELETE FROM session_locks WHERE session_id = ?1 AND token = ?2",
                params![session, self.me.token],
            )
            .map_err(|e| super::error::classify(&self.path, e))?;
        Ok(())
    }

    /// Who holds a session now, if anyone alive does.
    pub fn lock_holder(&self, session: &str) -> Result<Option<LockHolder>, StoreError> {
        let row: Option<(String, u32, Option<i64>, String, String, String)> = self
            .conn
            .query_row(
                "SELECT token, pid, process_start, host, user, since FROM session_locks WHERE session_id = ?1",
                [session],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()
            .map_err(|e| super::error::classify(&self.path, e))?;
        Ok(row.and_then(|(token, pid, start, host, user, since)| {
            (token != self.me.token && holder_alive(&self.me, &host, pid, start)).then(|| {
                LockHolder {
                    pid,
                    host,
                    user,
                    since: codec::parse_ts(&since).unwrap_or(Timestamp::UNIX_EPOCH),
                }
            })
        }))
    }

    /// Inside a write: the session must still be ours.
    pub(super) fn check_held(
        tx: &rusqlite::Transaction<'_>,
        me: &Me,
        held: bool,
        session: &str,
    ) -> Result<(), StoreError> {
        if !held {
            return Err(StoreError::NotLocked(session.to_string()));
        }
        let token: Option<String> = tx
            .query_row(
                "SELECT token FROM session_locks WHERE session_id = ?1",
                [session],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::Sqlite {
                path: String::new(),
                source: e,
            })?;
        if token.as_deref() != Some(me.token.as_str()) {
            return Err(StoreError::LockLost {
                session: session.to_string(),
            });
        }
        Ok(())
    }
}

/// Inside a transaction: make this process the writer of `session`. Returns the previous
/// holder when a live one was taken over. The caller records the session as held once the
/// transaction commits.
pub(super) fn take(
    tx: &rusqlite::Connection,
    me: &Me,
    session: &str,
    claim: Claim,
    now: Timestamp,
) -> Result<Option<LockHolder>, StoreError> {
    let sql = |source| StoreError::Sqlite {
        path: String::new(),
        source,
    };
    let exists: bool = tx
        .query_row(
            "SELECT 1 FROM sessions WHERE id = ?1",
            [session],
            |_| Ok(()),
        )
        .optional()
        .map_err(sql)?
        .is_some();
    if !exists {
        return Err(StoreError::NoSuchSession(session.to_string()));
    }
    let row: Option<(String, u32, Option<i64>, String, String, String)> = tx
        .query_row(
            "SELECT token, pid, process_start, host, user, since FROM session_locks WHERE session_id = ?1",
            [session],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()
        .map_err(sql)?;
    let mut taken_from = None;
    if let Some((token, pid, start, host, user, since)) = row
        && token != me.token
        && holder_alive(me, &host, pid, start)
    {
        let holder = LockHolder {
            pid,
            host,
            user,
            since: codec::parse_ts(&since).unwrap_or(now),
        };
        if claim == Claim::IfFree {
            return Err(StoreError::Locked {
                session: session.to_string(),
                holder,
            });
        }
        taken_from = Some(holder);
    }
    tx.execute(
        "INSERT INTO session_locks (session_id, token, pid, process_start, host, user, since)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (session_id) DO UPDATE SET token = ?2, pid = ?3, process_start = ?4,
             host = ?5, user = ?6, since = ?7",
        params![
            session,
            me.token,
            me.pid,
            me.start,
            me.host,
            me.user,
            codec::ts(now)
        ],
    )
    .map_err(sql)?;
    Ok(taken_from)
}
