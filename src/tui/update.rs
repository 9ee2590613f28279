//! The pure `update`: every key, paste, tick and effect result changes the [`App`] and
//! returns the effects for the loop to carry out. The screens below return an
//! [`Outcome`], which `App::apply` puts into effect.

use crate::i18n::Words;
use ratatui_textarea::{Input, Key};

use super::app::{App, Screen};
use super::interview::CallView;
use super::keymap::{Action, lookup};
use super::msg::{Effect, Event};
use super::outcome::{Dialog, DialogChoice, Level, Then};
use crate::store::Claim;

pub fn update(app: &mut App, event: Event) -> Vec<Effect> {
    match event {
        Event::Tick(now) => {
            app.now = now;
            if app.flash.as_ref().is_some_and(|f| f.until <= now) {
                app.flash = None;
            }
            match &mut app.screen {
                Screen::Interview(view) => view.retry(),
                _ => Vec::new(),
            }
        }
        Event::Key(input) => key(app, input),
        Event::Paste(text) => {
            if app.dialog.is_some() || app.help.is_some() {
                return Vec::new();
            }
            let now = app.now;
            match &mut app.screen {
                Screen::Home => app.home.paste(&text),
                Screen::Plan(view) => {
                    if let Some(field) = view.log.as_mut().and_then(|l| l.time.as_mut()) {
                        field.paste(&text);
                    }
                }
                Screen::NewCall(form) => form.paste(&text),
                Screen::Interview(view) => {
                    let outcome = view.paste(&text, now);
                    return app.apply(outcome);
                }
            }
            Vec::new()
        }
        Event::PlanLoaded(data) => {
            if let Screen::Plan(view) = &mut app.screen {
                view.load((*data).clone());
            }
            app.plan = *data;
            Vec::new()
        }
        Event::HomeLoaded(rows) => {
            // RFC 3339 UTC times compare as text.
            app.interviewer = rows
                .iter()
                .max_by(|a, b| a.call_started_at.cmp(&b.call_started_at))
                .map(|r| r.interviewer.trim().to_string())
                .filter(|n| !n.is_empty());
            app.home.load(rows);
            Vec::new()
        }
        Event::CallOpened(opened) => {
            let taken = opened.taken_from.clone();
            let read_only = opened.read_only;
            let viewing = opened
                .sessions
                .iter()
                .all(|s| s.status == crate::session::Status::Completed);
            let mut view = CallView::new(*opened);
            view.sensitive_names = app.sensitive_names.clone();
            view.auto_advance = app.auto_advance;
            view.ui = app.ui;
            view.ui_follows_call = app.ui_follows_call;
            // A call created from the Plan screen is for its targets.
            if !read_only && !app.call_targets.is_empty() {
                view.from_targets = std::mem::take(&mut app.call_targets);
            }
            app.screen = Screen::Interview(Box::new(view));
            if let Some(h) = taken {
                app.tell(Level::Warn, holder_args(Words::msg("took-over"), &h));
            } else if read_only && viewing {
                app.tell(Level::Info, Words::msg("viewing-completed"));
            } else if read_only {
                app.tell(Level::Warn, Words::msg("read-only-elsewhere"));
            }
            Vec::new()
        }
        Event::LockConflict {
            call_id,
            session_id,
            holder,
        } => {
            app.dialog = Some(Dialog {
                title: Words::msg("dialog-locked-title"),
                body: holder_args(Words::msg("dialog-locked-body"), &holder),
                choices: vec![
                    DialogChoice {
                        key: 'r',
                        label: Words::msg("dialog-locked-read-only"),
                        then: Then::Effects(vec![Effect::OpenCall {
                            call_id: call_id.clone(),
                            session_id: session_id.clone(),
                            claim: Claim::IfFree,
                            read_only: true,
                        }]),
                    },
                    DialogChoice {
                        key: 't',
                        label: Words::msg("dialog-locked-take-over"),
                        then: Then::Effects(vec![Effect::OpenCall {
                            call_id,
                            session_id,
                            claim: Claim::TakeOver,
                            read_only: false,
                        }]),
                    },
                    DialogChoice {
                        key: 'c',
                        label: Words::msg("dialog-cancel"),
                        then: Then::Nothing,
                    },
                ],
            });
            Vec::new()
        }
        Event::Saved { sessions, at } => {
            let mut all_saved = false;
            if let Screen::Interview(view) = &mut app.screen {
                view.saved(&sessions, at);
                all_saved = view.unsaved().is_empty();
            }
            // "The disk is full" must not stay on screen once what waited is in.
            if all_saved && app.flash.as_ref().is_some_and(|f| f.not_saved) {
                app.tell(Level::Info, Words::msg("saved-again"));
            }
            Vec::new()
        }
        Event::NotSaved {
            sessions,
            message,
            waiting,
        } => {
            if let Screen::Interview(view) = &mut app.screen {
                view.not_saved(&sessions, &message);
            }
            app.tell(
                Level::Error,
                Words::msg("not-saved")
                    .with("message", message.clone())
                    .arg("waiting", waiting),
            );
            if let Some(f) = &mut app.flash {
                f.not_saved = true;
            }
            Vec::new()
        }
        Event::LockLost { session } => {
            if let Screen::Interview(view) = &mut app.screen {
                view.lock_lost(&session);
            }
            app.tell(Level::Error, Words::msg("lock-lost"));
            Vec::new()
        }
        Event::Completed { session } => {
            let mut effects = Vec::new();
            if let Screen::Interview(view) = &mut app.screen {
                view.completed(&session);
                if view.all_completed() && view.unsaved().is_empty() {
                    effects
                        .extend(app.close_call(false, Some(crate::campaign::Outcome::Completed)));
                }
            }
            app.tell(Level::Info, Words::msg("session-completed"));
            effects
        }
        Event::Synced { files, outbox } => {
            app.tell(
                Level::Info,
                Words::msg("session-synced")
                    .arg("files", files)
                    .arg("outbox", outbox.to_string()),
            );
            Vec::new()
        }
        Event::SyncFailed(message) => {
            app.tell(
                Level::Warn,
                Words::msg("session-sync-failed").with("message", message),
            );
            Vec::new()
        }
        Event::Failed(message) => {
            app.tell(Level::Error, message);
            Vec::new()
        }
        Event::Trusted(digests) => {
            app.trusted.extend(digests);
            Vec::new()
        }
        Event::SessionAdded(session) => match &mut app.screen {
            Screen::Interview(view) if view.call().id == session.call_id => {
                // Named as its tab is, in the call's language.
                let name = session.structure_name(view.guide(), view.lang());
                view.add_tab(*session);
                app.tell(
                    Level::Info,
                    Words::msg("session-added").arg("structure", name),
                );
                Vec::new()
            }
            // The call was left meanwhile: give the new session back.
            _ => vec![Effect::CloseCall {
                sessions: vec![session.id.clone()],
            }],
        },
    }
}

fn key(app: &mut App, input: Input) -> Vec<Effect> {
    if let Some(d) = &app.dialog {
        let Key::Char(c) = input.key else {
            if input.key == Key::Esc {
                app.dialog = None;
            }
            return Vec::new();
        };
        let Some(choice) = d.choices.iter().find(|ch| ch.key == c.to_ascii_lowercase()) else {
            return Vec::new();
        };
        let then = choice.then.clone();
        app.dialog = None;
        return match then {
            Then::Nothing => Vec::new(),
            Then::Effects(e) => e,
            Then::CompleteSession => {
                let now = app.now;
                match &mut app.screen {
                    Screen::Interview(view) => {
                        let outcome = view.complete(now);
                        app.apply(outcome)
                    }
                    _ => Vec::new(),
                }
            }
            Then::MarkRest(rest) => {
                let now = app.now;
                match &mut app.screen {
                    Screen::Interview(view) => {
                        let outcome = view.mark_rest(rest, now);
                        app.apply(outcome)
                    }
                    _ => Vec::new(),
                }
            }
            Then::LeaveUnsaved { quit } => {
                let mut effects = Vec::new();
                if let Screen::Interview(view) = &app.screen {
                    effects.push(Effect::Discard {
                        sessions: view.session_ids(),
                    });
                }
                // What waited is gone; a call from the campaign still says how it ended.
                effects.extend(app.finish_call(quit));
                effects
            }
            Then::EndCall { outcome, quit } => app.close_call(quit, outcome),
            Then::Quit => app.leave(true),
            Then::Discard => app.leave(false),
        };
    }
    let ctx = app.ctx();
    let action = lookup(ctx, &input);
    if app.help.is_some() {
        match action {
            Some(Action::Back) => app.help = None,
            Some(Action::Quit) => return app.leave(true),
            Some(Action::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
            Some(Action::Down) => app.help_scroll = app.help_scroll.saturating_add(1),
            Some(Action::PrevQuestion) => app.help_scroll = app.help_scroll.saturating_sub(10),
            Some(Action::NextQuestion) => app.help_scroll = app.help_scroll.saturating_add(10),
            _ => {}
        }
        // Never further than the help is long, so ↑ moves at once after holding ↓.
        let most = super::screens::help_lines(app.help.unwrap_or(ctx), app.lang(), 78);
        app.help_scroll = app.help_scroll.min(most);
        return Vec::new();
    }
    match action {
        Some(Action::AskQuit) => {
            app.dialog = Some(Dialog {
                title: Words::msg("dialog-quit-title"),
                body: Words::msg("dialog-quit-body"),
                choices: vec![
                    DialogChoice {
                        key: 'q',
                        label: Words::msg("dialog-quit-yes"),
                        then: Then::Quit,
                    },
                    DialogChoice {
                        key: 's',
                        label: Words::msg("dialog-unsaved-stay"),
                        then: Then::Nothing,
                    },
                ],
            });
            return Vec::new();
        }
        Some(Action::Help) => {
            app.help = Some(ctx);
            app.help_scroll = 0;
            return Vec::new();
        }
        Some(Action::Quit) => return app.leave(true),
        _ => {}
    }
    let now = app.now;
    let ui = app.lang();
    let outcome = match &mut app.screen {
        Screen::Home if action == Some(Action::Plan) => {
            super::outcome::Outcome::go(super::outcome::Go::Plan)
        }
        Screen::Home => {
            let user = app.user.clone();
            app.home.update(input, action, &user, ui)
        }
        Screen::Plan(view) => view.update(input, action, &app.user, now, ui),
        Screen::NewCall(form) => {
            let outcome = form.update(input, action, &app.guides, now);
            app.confirm_guide(outcome)
        }
        Screen::Interview(view) => {
            let waited = view.pending_digit.is_some();
            let outcome = view.update(input, action, now);
            // "1… a second digit picks 10–17" is stale once that digit stops waiting.
            if waited && outcome.say.is_none() {
                app.flash = None;
            }
            // "Recorded: don't know" is stale once the answer changed again.
            let answered = outcome
                .effects
                .iter()
                .any(|e| matches!(e, Effect::Persist(crate::session::Change::Answer { .. })));
            if answered
                && outcome.say.is_none()
                && app.flash.as_ref().is_some_and(|f| f.level == Level::Info)
            {
                app.flash = None;
            }
            outcome
        }
    };
    app.apply(outcome)
}

/// Who holds a session's lock, as the arguments of a message: the words around them
/// (`process`, `on`, `since`) are the message's, in the interviewer's language.
fn holder_args(w: Words, h: &crate::store::LockHolder) -> Words {
    w.arg("user", h.user.clone())
        // A process id is an id: never grouped as a number would be.
        .arg("pid", h.pid.to_string())
        .arg("host", h.host.clone())
        .arg("since", h.since.strftime("%Y-%m-%d %H:%M UTC").to_string())
}
