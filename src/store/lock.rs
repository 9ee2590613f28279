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

/// The user's name: `$USER`, `$LOGNAME`, else the account's name in /etc/passwd, else
/// the uid.
pub fn login_name() -> String {
    if let Some(u) = ["USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|u| !u.is_empty())
    {
        return u;
    }
    let uid = rustix::process::geteuid().as_raw();
    // Only local accounts are found this way (no NSS): enough for the rare session with
    // neither variable set, and the uid is an honest name for the rest.
    std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| {
            passwd.lines().find_map(|l| {
                let mut f = l.split(':');
                let name = f.next()?;
                let id = f.nth(1)?;
                (id.parse() == Ok(uid) && !name.is_empty()).then(|| name.to_string())
            })
        })
        .unwrap_or_else(|| format!("uid {uid}"))
}

/// The fields of `/proc/PID/stat` after the command name, starting with the state
/// (field 3). The command name (field 2) may hold spaces and parentheses: count from the
/// last ')'.
fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// Start time of a process in clock ticks since boot (Linux), to tell a reused pid apart.
fn process_start(pid: u32) -> Option<i64> {
    proc_stat(pid)?.get(19)?.parse().ok()
}

/// A zombie (`Z`: killed, not yet reaped by its parent) or a dying process (`X`) still
/// has its pid and start time, but will never write again.
fn is_dead_or_zombie(pid: u32) -> bool {
    proc_stat(pid)
        .and_then(|f| f.first().cloned())
        .is_some_and(|state| state == "Z" || state == "X")
}

fn hostname() -> String {
    let name = rustix::system::uname();
    let name = name.nodename().to_string_lossy();
    if name.is_empty() {
        "unknown-host".into()
    } else {
        name.into_owned()
    }
}

/// Whether the holder of a lock on this host still runs. On another host we cannot tell,
/// so it counts as alive and the user decides.
fn holder_alive(me: &Me, host: &str, pid: u32, start: Option<i64>) -> bool {
    if host != me.host {
        return true;
    }
    let Some(pid_t) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // Signal 0 only checks that the process exists; EPERM means it does, as someone else's.
    let exists = match rustix::process::test_kill_process(pid_t) {
        Ok(()) => true,
        Err(e) => e == rustix::io::Errno::PERM,
    };
    if !exists || is_dead_or_zombie(pid) {
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
