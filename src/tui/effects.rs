//! Carrying out effects against the store. No terminal and no screen state here: an effect
//! carries what it needs, and its results come back as events for `update`, so a whole
//! flow can be tested with an in-memory store.
//!
//! A change that cannot be saved (a full disk, the database busy) waits in an ordered
//! queue and is tried again as itself; while anything waits, later changes queue behind
//! it, so the store never gets an older text after a newer one.

use crate::i18n::Reason;
use std::collections::VecDeque;
use std::sync::Arc;

use crate::guide::Catalog;
use crate::interview::reopen as reopen_session;
use crate::outbox::Sending;
use crate::session::Change;
use crate::store::{Claim, Store, StoreError};

use super::msg::{Effect, Event, OpenedCall};

#[derive(Default)]
pub struct Runner {
    waiting: VecDeque<Change>,
}

impl Runner {
    /// How many changes wait to be saved.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Do one effect; `Effect::Quit` is the loop's and does nothing here.
    pub fn carry_out(
        &mut self,
        effect: Effect,
        store: &mut Store,
        catalog: &Catalog,
        sending: &Sending,
    ) -> Vec<Event> {
        match effect {
            Effect::Quit => Vec::new(),
            Effect::LoadHome => vec![home(store)],
            Effect::CreateCall(change) => create(store, change),
            Effect::OpenCall {
                call_id,
                session_id,
                claim,
                read_only,
            } => open(store, catalog, &call_id, &session_id, claim, read_only),
            Effect::CloseCall { sessions } => {
                // Nothing can be saved for a session given back.
                self.waiting
                    .retain(|c| c.session().is_none_or(|s| !sessions.iter().any(|x| x == s)));
                let mut events = Vec::new();
                for s in sessions {
                    if let Err(e) = store.unlock_session(&s) {
                        events.push(Event::Failed(failed("failed-give-back", e)));
                    }
                }
                events
            }
            Effect::Persist(change) => {
                self.waiting.push_back(change);
                self.replay(store, sending, &[])
            }
            Effect::Retry { sessions } => self.replay(store, sending, &sessions),
            Effect::Discard { sessions } => {
                self.waiting.retain(|c| match c.session() {
                    Some(s) => !sessions.iter().any(|x| x == s),
                    None => false,
                });
                Vec::new()
            }
            Effect::AddSession(change) => match store.apply(&change) {
                Ok(()) => match change {
                    Change::AddSession { session, .. } => {
                        vec![Event::SessionAdded(Box::new(session))]
                    }
                    _ => Vec::new(),
                },
                Err(e) => vec![Event::Failed(failed("failed-add-structure", e))],
            },
            Effect::Reopen {
                call_id,
                session_id,
                by,
            } => reopen(store, catalog, &call_id, &session_id, &by),
            Effect::TrustGuide { digest, origin } => match store.trust_guide(&digest, &origin) {
                Ok(()) => vec![Event::Trusted(vec![digest])],
                Err(e) => vec![Event::Failed(e.said())],
            },
            Effect::LoadPlan => vec![plan(store)],
            Effect::LogAttempt(a) => {
                let mut events = match store.log_attempt(&a) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![Event::Failed(failed("failed-log-attempt", e))],
                };
                events.push(plan(store));
                events
            }
            Effect::LoadTrusted => match store.trusted_guides() {
                Ok(d) => vec![Event::Trusted(d)],
                Err(e) => vec![Event::Failed(e.said())],
            },
            Effect::DeleteDraft { session } => match store.delete_draft(&session) {
                Ok(()) => Vec::new(),
                Err(e) => vec![Event::Failed(e.said())],
            },
        }
    }

    /// Apply what waits, oldest first, until one fails or none is left. `shown` are
    /// sessions the screen says are not saved: they are saved once nothing of theirs waits.
    fn replay(&mut self, store: &mut Store, sending: &Sending, shown: &[String]) -> Vec<Event> {
        let mut events = Vec::new();
        let mut saved: Vec<String> = shown.to_vec();
        while let Some(change) = self.waiting.front() {
            match store.apply(change) {
                Ok(()) => {
                    let Some(change) = self.waiting.pop_front() else {
                        break;
                    };
                    for s in sessions_of(&change, store) {
                        if !saved.contains(&s) {
                            saved.push(s);
                        }
                    }
                    if let Change::Complete { session, .. } = change {
                        events.push(Event::Completed { session });
                        if let Some(dir) = &sending.outbox {
                            events.push(sync_now(store, dir, &sending.recipients));
                        }
                    }
                }
                Err(StoreError::LockLost { session } | StoreError::NotLocked(session)) => {
                    // Another stocktake writes this session now: what waits for it cannot
                    // be saved here any more.
                    self.waiting
                        .retain(|c| c.session() != Some(session.as_str()));
                    events.push(Event::LockLost { session });
                }
                Err(e) => {
                    // Every session with something waiting is not saved.
                    let mut sessions = Vec::new();
                    for c in &self.waiting {
                        for s in sessions_of(c, store) {
                            if !sessions.contains(&s) {
                                sessions.push(s);
                            }
                        }
                    }
                    saved.retain(|s| !sessions.contains(s));
                    events.push(Event::NotSaved {
                        sessions,
                        message: e.said(),
                        waiting: self.waiting.len(),
                    });
                    break;
                }
            }
        }
        if !saved.is_empty() {
            // The saved event goes first: a completion's message follows it.
            events.insert(
                0,
                Event::Saved {
                    sessions: saved,
                    at: store.now(),
                },
            );
        }
        events
    }
}

/// The sessions a change is about; a call-wide change is about every session of its call.
fn sessions_of(change: &Change, store: &Store) -> Vec<String> {
    match change {
        Change::CallLanguage { call, .. } | Change::CallDetails { call, .. } => {
            store.call_sessions(call).unwrap_or_default()
        }
        Change::CreateCall { sessions, .. } => sessions.iter().map(|s| s.id.clone()).collect(),
        other => other.session().map(str::to_string).into_iter().collect(),
    }
}

fn plan(store: &Store) -> Event {
    let data = (|| -> Result<super::plan::PlanData, StoreError> {
        let rows = crate::campaign::plan(
            &store.targets()?,
            &store.attempts()?,
            &store.campaign_rules()?,
            store.now(),
        );
        Ok(super::plan::PlanData { rows })
    })();
    match data {
        Ok(d) => Event::PlanLoaded(Box::new(d)),
        Err(e) => Event::Failed(failed("failed-read-campaign", e)),
    }
}

fn home(store: &Store) -> Event {
    match store.summaries() {
        Ok(rows) => Event::HomeLoaded(rows),
        Err(e) => Event::Failed(e.said()),
    }
}

/// Write what waits into the outbox, and say how it went.
fn sync_now(
    store: &mut Store,
    dir: &std::path::Path,
    recipients: &[age::x25519::Recipient],
) -> Event {
    match crate::outbox::sync(store, dir, recipients) {
        Ok(r) if r.is_ok() => Event::Synced {
            files: r.written.len() + r.already.len(),
            outbox: dir.display().to_string(),
        },
        Ok(r) => Event::SyncFailed(
            r.failed
                .first()
                .map(|(_, e)| e.said())
                .unwrap_or_else(|| String::new().into()),
        ),
        Err(e) => Event::SyncFailed(e.said()),
    }
}

fn create(store: &mut Store, change: Change) -> Vec<Event> {
    if let Err(e) = store.apply(&change) {
        return vec![Event::Failed(failed("failed-create-call", e))];
    }
    let Change::CreateCall {
        guide,
        call,
        sessions,
    } = change
    else {
        return Vec::new();
    };
    vec![
        Event::CallOpened(Box::new(OpenedCall {
            call,
            guide,
            sessions,
            focus: 0,
            read_only: false,
            taken_from: None,
            histories: Vec::new(),
        })),
        home(store),
    ]
}

fn open(
    store: &mut Store,
    catalog: &Catalog,
    call_id: &str,
    session_id: &str,
    claim: Claim,
    read_only: bool,
) -> Vec<Event> {
    let result = (|| -> Result<Result<OpenedCall, Event>, StoreError> {
        let call = store.load_call(call_id)?;
        let ids = store.call_sessions(call_id)?;
        let mut taken_from = None;
        if !read_only {
            let mut locked = Vec::new();
            for id in &ids {
                match store.lock_session(id, claim) {
                    Ok(prev) => {
                        taken_from = taken_from.or(prev);
                        locked.push(id.clone());
                    }
                    Err(e) => {
                        // All or nothing: a call is edited by one stocktake.
                        for l in locked {
                            store.unlock_session(&l)?;
                        }
                        return match e {
                            StoreError::Locked { holder, .. } => Ok(Err(Event::LockConflict {
                                call_id: call_id.to_string(),
                                session_id: session_id.to_string(),
                                holder,
                            })),
                            other => Err(other),
                        };
                    }
                }
            }
        }
        let sessions = ids
            .iter()
            .map(|id| store.load_session(id))
            .collect::<Result<Vec<_>, _>>()?;
        // The catalog's copy when it is the very guide (no second copy in memory), else
        // the exact text the store kept.
        let guide = match catalog.by_digest(&call.guide.digest) {
            Some(g) => Arc::new(g.clone()),
            None => Arc::new(store.load_guide(&call.guide.digest)?),
        };
        let focus = ids.iter().position(|id| id == session_id).unwrap_or(0);
        let histories = ids
            .iter()
            .map(|id| store.history(id))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Ok(OpenedCall {
            call,
            guide,
            sessions,
            focus,
            read_only,
            taken_from,
            histories,
        }))
    })();
    match result {
        Ok(Ok(opened)) => vec![Event::CallOpened(Box::new(opened))],
        Ok(Err(conflict)) => vec![conflict],
        Err(e) => vec![Event::Failed(e.said())],
    }
}

fn reopen(
    store: &mut Store,
    catalog: &Catalog,
    call_id: &str,
    session_id: &str,
    by: &str,
) -> Vec<Event> {
    let result = (|| -> Result<(), StoreError> {
        store.lock_session(session_id, Claim::IfFree)?;
        let reopened = (|| -> Result<(), StoreError> {
            let mut s = store.load_session(session_id)?;
            let guide = store.load_guide(&s.guide.digest)?;
            // The parent is the file the revision was frozen as when it was completed.
            let parent = match store.revision_file(&s.id, s.revision)? {
                Some(f) => f.digest,
                None => {
                    crate::sync::revision_digest(&crate::interview::as_sent(&s, &guide), &guide)
                }
            };
            let change = reopen_session(&mut s, &guide, parent, store.now(), by)?;
            store.apply(&change)
        })();
        // Given back whether or not the reopen went through: a refused one must not leave
        // the session held here, or every other stocktake is told it is open in this one.
        let unlocked = store.unlock_session(session_id);
        reopened.and(unlocked)
    })();
    match result {
        Ok(()) => open(store, catalog, call_id, session_id, Claim::IfFree, false),
        Err(StoreError::Locked { holder, .. }) => vec![Event::LockConflict {
            call_id: call_id.to_string(),
            session_id: session_id.to_string(),
            holder,
        }],
        Err(e) => vec![Event::Failed(e.said())],
    }
}

/// What failed, in the screen's words, with the store's own reason after it (in the same
/// language; what SQLite or the system said stays as they said it).
fn failed(id: &'static str, e: impl crate::i18n::Reason) -> crate::i18n::Words {
    crate::i18n::Words::msg(id).with("error", e.said())
}
