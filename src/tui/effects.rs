//! Carrying out effects against the store. No terminal here: the results come back as
//! events for `update`, so a whole flow can be tested with an in-memory store.

use crate::guide::{Catalog, LoadedGuide, QuestionType};
use crate::session::{Field, Session, Value};
use crate::store::{Claim, Store, StoreError};

use super::app::{App, Screen};
use super::msg::{Effect, Event, OpenedCall};

/// Do one effect; `Effect::Quit` is the loop's and does nothing here.
pub fn carry_out(
    effect: Effect,
    store: &mut Store,
    app: &App,
    catalog: &Catalog,
    sending: &crate::outbox::Sending,
) -> Vec<Event> {
    match effect {
        Effect::Quit => Vec::new(),
        Effect::LoadHome => match store.summaries() {
            Ok(rows) => vec![Event::HomeLoaded(rows)],
            Err(e) => vec![Event::Failed(e.to_string())],
        },
        Effect::CreateCall { guide_id, call } => {
            let Some(guide) = catalog.get(&guide_id) else {
                return vec![Event::Failed(format!(
                    "the guide {guide_id} is no longer available"
                ))];
            };
            match create(store, guide, &call) {
                Ok(opened) => vec![
                    Event::CallOpened(Box::new(opened)),
                    Event::HomeLoaded(store.summaries().unwrap_or_default()),
                ],
                Err(e) => vec![Event::Failed(e.to_string())],
            }
        }
        Effect::OpenCall {
            call_id,
            session_id,
            claim,
            read_only,
        } => open(store, &call_id, &session_id, claim, read_only),
        Effect::CloseCall { sessions } => {
            for s in sessions {
                let _ = store.unlock_session(&s);
            }
            Vec::new()
        }
        Effect::SaveAnswer {
            session,
            question,
            field,
        } => save(store, app, &session, false, |store, s, g| {
            store.save_answer(s, g, &question, field)
        }),
        Effect::SaveNote { session, seq } => save(store, app, &session, false, |store, s, g| {
            store.save_note(s, g, seq)
        }),
        Effect::SavePosition { session } => save(store, app, &session, false, |store, s, _| {
            store.save_position(s)
        }),
        Effect::SaveHeader { session } => save(store, app, &session, false, |store, s, g| {
            store.save_header(s, g)
        }),
        Effect::SaveAll { session } => save(store, app, &session, true, |store, s, g| {
            store.save_all(s, g)
        }),
        Effect::SaveCall => {
            let Screen::Interview(view) = &app.screen else {
                return Vec::new();
            };
            match store.save_call(&view.call) {
                Ok(()) => Vec::new(),
                Err(e) => vec![Event::Failed(e.to_string())],
            }
        }
        Effect::AddSession {
            like,
            structure,
            label,
            joined,
        } => {
            let Screen::Interview(view) = &app.screen else {
                return Vec::new();
            };
            let Some(tab) = view.tabs.iter().find(|t| t.session.id == like) else {
                return Vec::new();
            };
            // The call's participants, and whoever joined with the structure.
            let mut like = tab.session.clone();
            if let Some(p) = joined
                && !like.participants.contains(&p)
            {
                like.participants.push(p);
            }
            match add_session(store, &view.guide, &like, structure, &label) {
                Ok(s) => vec![Event::SessionAdded(Box::new(s))],
                Err(e) => vec![Event::Failed(format!("The structure was not added: {e}"))],
            }
        }
        Effect::Complete { session } => {
            let Screen::Interview(view) = &app.screen else {
                return Vec::new();
            };
            let Some(tab) = view.tabs.iter().find(|t| t.session.id == session) else {
                return Vec::new();
            };
            let file = crate::outbox::freeze(&tab.session, &view.guide);
            let mut events = save(store, app, &session, true, |store, s, g| {
                store.complete_revision(s, g, &file)
            });
            if events.iter().all(|e| matches!(e, Event::Saved { .. })) {
                events.push(Event::Completed { session });
                if let Some(dir) = &sending.outbox {
                    events.push(sync_now(store, dir, &sending.recipients));
                }
            }
            events
        }
        Effect::Reopen {
            call_id,
            session_id,
        } => reopen(store, &call_id, &session_id),
        Effect::DeleteDraft { session } => match store.delete_draft(&session) {
            Ok(()) => Vec::new(),
            Err(e) => vec![Event::Failed(e.to_string())],
        },
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
                .map(|(_, e)| e.to_string())
                .unwrap_or_default(),
        ),
        Err(e) => Event::SyncFailed(e.to_string()),
    }
}

fn save(
    store: &mut Store,
    app: &App,
    session: &str,
    full: bool,
    f: impl FnOnce(&mut Store, &Session, &crate::guide::Guide) -> Result<(), StoreError>,
) -> Vec<Event> {
    let Screen::Interview(view) = &app.screen else {
        return Vec::new();
    };
    let Some(tab) = view.tabs.iter().find(|t| t.session.id == session) else {
        return Vec::new();
    };
    match f(store, &tab.session, &view.guide.guide) {
        Ok(()) => vec![Event::Saved {
            session: session.to_string(),
            at: store.now(),
            full,
        }],
        Err(StoreError::LockLost { .. }) | Err(StoreError::NotLocked(_)) => vec![Event::LockLost {
            session: session.to_string(),
        }],
        Err(e) => vec![Event::SaveFailed {
            session: session.to_string(),
            message: e.to_string(),
        }],
    }
}

fn create(
    store: &mut Store,
    guide: &LoadedGuide,
    call: &crate::store::NewCall,
) -> Result<OpenedCall, StoreError> {
    let (call_rec, mut sessions) = store.create_call(guide, call)?;
    for s in &mut sessions {
        store.lock_session(&s.id, Claim::IfFree)?;
        // A guide's yes/no question `consent` is the form's consent: ask it once.
        if let (Some(consent), Some(q)) = (call.consent, guide.guide.question("consent"))
            && q.kind == QuestionType::YesNo
        {
            let now = store.now();
            s.set_value(&guide.guide, "consent", Value::YesNo(consent), now)?;
            store.save_answer(s, &guide.guide, "consent", Field::Answer)?;
        }
    }
    Ok(OpenedCall {
        call: call_rec,
        guide: guide.clone(),
        sessions,
        focus: 0,
        read_only: false,
        taken_from: None,
    })
}

/// A session for a structure that joined the call, held for editing, with the call's
/// consent as its answer to the guide's consent question (as a new call does).
fn add_session(
    store: &mut Store,
    guide: &LoadedGuide,
    like: &Session,
    structure: crate::guide::Structure,
    label: &str,
) -> Result<Session, StoreError> {
    let mut s = store.add_session(guide, like, structure, label)?;
    store.lock_session(&s.id, Claim::IfFree)?;
    // What the call's other session recorded, else what the form said.
    let consent = match like.answers.get("consent").and_then(|a| a.value.as_ref()) {
        Some(Value::YesNo(v)) => Some(*v),
        _ => like.consent,
    };
    if let (Some(consent), Some(q)) = (consent, guide.guide.question("consent"))
        && q.kind == QuestionType::YesNo
    {
        let now = store.now();
        let saved = s
            .set_value(&guide.guide, "consent", Value::YesNo(consent), now)
            .map_err(StoreError::from)
            .and_then(|()| store.save_answer(&s, &guide.guide, "consent", Field::Answer));
        if let Err(e) = saved {
            // Not shown, so not held: the session stays in the call, to open with it later.
            let _ = store.unlock_session(&s.id);
            return Err(e);
        }
    }
    Ok(s)
}

fn open(
    store: &mut Store,
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
                    Err(StoreError::Locked { holder, .. }) => {
                        // All or nothing: a call is edited by one stocktake.
                        for l in locked {
                            let _ = store.unlock_session(&l);
                        }
                        return Ok(Err(Event::LockConflict {
                            call_id: call_id.to_string(),
                            session_id: session_id.to_string(),
                            holder,
                        }));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        let sessions = ids
            .iter()
            .map(|id| store.load_session(id))
            .collect::<Result<Vec<_>, _>>()?;
        let guide = store.load_guide(&call.guide.digest)?;
        let focus = ids.iter().position(|id| id == session_id).unwrap_or(0);
        Ok(Ok(OpenedCall {
            call,
            guide,
            sessions,
            focus,
            read_only,
            taken_from,
        }))
    })();
    match result {
        Ok(Ok(opened)) => vec![Event::CallOpened(Box::new(opened))],
        Ok(Err(conflict)) => vec![conflict],
        Err(e) => vec![Event::Failed(e.to_string())],
    }
}

fn reopen(store: &mut Store, call_id: &str, session_id: &str) -> Vec<Event> {
    let result = (|| -> Result<(), StoreError> {
        store.lock_session(session_id, Claim::IfFree)?;
        let mut s = store.load_session(session_id)?;
        let guide = store.load_guide(&s.guide.digest)?;
        // The parent is the file the revision was frozen as when it was completed.
        let parent = match store.revision_file(&s.id, s.revision)? {
            Some(f) => f.digest,
            None => crate::sync::revision_digest(&s, &guide),
        };
        s.reopen(parent, store.now())?;
        store.save_header(&s, &guide.guide)?;
        store.unlock_session(session_id)
    })();
    match result {
        Ok(()) => open(store, call_id, session_id, Claim::IfFree, false),
        Err(StoreError::Locked { holder, .. }) => vec![Event::LockConflict {
            call_id: call_id.to_string(),
            session_id: session_id.to_string(),
            holder,
        }],
        Err(e) => vec![Event::Failed(e.to_string())],
    }
}
