//! The TUI's state and its pure `update`: every key, paste, tick and effect result goes
//! through [`update`], which changes the state and returns the effects for the loop to
//! carry out. Nothing here touches the terminal, SQLite or files. The screens below it
//! return an [`Outcome`]; applying it (switching screens, dialogs, messages) is done here.

use std::sync::Arc;

use jiff::Timestamp;
use ratatui_textarea::{Input, Key};

use super::form::Form;
use super::home::Home;
use super::interview::CallView;
use super::keymap::{Action, Ctx, lookup};
use super::msg::{Effect, Event};
use super::outcome::{Dialog, DialogChoice, Go, Level, Outcome, Then};
use super::theme::Theme;
use crate::guide::LoadedGuide;
use crate::store::Claim;

pub enum Screen {
    Home,
    NewCall(Box<Form>),
    Interview(Box<CallView>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    pub text: String,
    pub level: Level,
    pub until: Timestamp,
    /// It says that changes wait to be saved: replaced as soon as they are.
    pub not_saved: bool,
}

pub struct App {
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    /// The help over the current screen, for this context.
    pub help: Option<Ctx>,
    /// How far the help is scrolled, in lines.
    pub help_scroll: u16,
    pub home: Home,
    pub guides: Vec<Arc<LoadedGuide>>,
    pub theme: Theme,
    pub now: Timestamp,
    pub flash: Option<Flash>,
    /// Default interviewer name: the login name.
    pub user: String,
    /// Where the data lives, said in help and after a crash.
    pub data_path: String,
    /// Names the check before sending looks for in free text (the config's list).
    pub sensitive_names: Vec<String>,
    /// Guides from outside stocktake that must be confirmed before first use, and why.
    pub trust: Vec<(crate::guide::Digest, crate::guide::Trust)>,
    /// Those the user confirmed.
    pub trusted: Vec<crate::guide::Digest>,
    pub quit: bool,
}

impl App {
    pub fn new(
        guides: Vec<Arc<LoadedGuide>>,
        user: String,
        data_path: String,
        theme: Theme,
        now: Timestamp,
    ) -> App {
        App {
            screen: Screen::Home,
            dialog: None,
            help: None,
            help_scroll: 0,
            home: Home::default(),
            guides,
            theme,
            now,
            flash: None,
            user,
            data_path,
            sensitive_names: Vec::new(),
            trust: Vec::new(),
            trusted: Vec::new(),
            quit: false,
        }
    }

    pub fn say(&mut self, level: Level, text: impl Into<String>) {
        let secs = if level == Level::Info { 4 } else { 8 };
        self.flash = Some(Flash {
            text: text.into(),
            level,
            until: self
                .now
                .checked_add(jiff::SignedDuration::from_secs(secs))
                .unwrap_or(self.now),
            not_saved: false,
        });
    }

    /// Whether `action` would do something now, so the hint bar only shows keys that work.
    pub fn offers(&self, action: Action) -> bool {
        match (&self.screen, self.ctx()) {
            (Screen::Home, Ctx::Home) => self.home.offers(action),
            (Screen::NewCall(form), Ctx::Form) => form.offers(action),
            _ => true,
        }
    }

    /// The context the keyboard is in now, which decides the keys and the hint bar.
    pub fn ctx(&self) -> Ctx {
        if self.help.is_some() {
            return Ctx::Help;
        }
        match &self.screen {
            Screen::Home => {
                if self.home.filtering {
                    Ctx::HomeFilter
                } else {
                    Ctx::Home
                }
            }
            Screen::NewCall(form) => form.ctx(),
            Screen::Interview(view) => view.ctx(),
        }
    }

    /// Apply what a screen handed back.
    fn apply(&mut self, outcome: Outcome) -> Vec<Effect> {
        let mut effects = outcome.effects;
        if let Some((level, text)) = outcome.say {
            self.say(level, text);
        }
        if let Some(d) = outcome.ask {
            self.dialog = Some(d);
        }
        match outcome.go {
            Go::Stay | Go::Close | Go::Question(_) | Go::Guard => {}
            Go::NewCall => {
                self.screen = Screen::NewCall(Box::new(Form::new(&self.guides, &self.user)));
            }
            Go::Home => effects.extend(self.leave(false)),
        }
        effects
    }

    /// Why the guide with `digest` must be confirmed before it is used, if it must still.
    pub fn untrusted(&self, digest: &crate::guide::Digest) -> Option<&crate::guide::Trust> {
        if self.trusted.contains(digest) {
            return None;
        }
        self.trust.iter().find(|(d, _)| d == digest).map(|(_, t)| t)
    }

    /// A new call on a guide from outside stocktake that replaces a bundled one or
    /// encrypts to its own recipients: asked once, with where it comes from and to whom
    /// its sessions will be encrypted.
    fn confirm_guide(&self, mut outcome: Outcome) -> Outcome {
        let Some(i) = outcome.effects.iter().position(|e| {
            matches!(
                e,
                Effect::CreateCall(crate::session::Change::CreateCall { .. })
            )
        }) else {
            return outcome;
        };
        let Effect::CreateCall(crate::session::Change::CreateCall { guide, .. }) =
            &outcome.effects[i]
        else {
            return outcome;
        };
        let Some(trust) = self.untrusted(&guide.digest) else {
            return outcome;
        };
        let mut body = format!(
            "The guide {} comes from {}, not from stocktake itself.",
            guide.guide.id, trust.origin
        );
        if trust.replaces_bundled {
            body.push_str(" It replaces the bundled guide of the same id, and its words differ.");
        }
        if !trust.recipients.is_empty() {
            body.push_str(&format!(
                "\n\nEvery session file of it will be encrypted to: {}. Only whoever holds the matching key can read them.",
                trust.recipients.join(", ")
            ));
        }
        body.push_str("\n\nUse it only if you know who gave it to you. You are asked once.");
        let effects = vec![
            Effect::TrustGuide {
                digest: guide.digest,
                origin: trust.origin.clone(),
            },
            outcome.effects.remove(i),
        ];
        outcome.ask = Some(Dialog {
            title: "A guide from outside stocktake".into(),
            body: crate::neutralise::block(&body).into_owned(),
            choices: vec![
                DialogChoice {
                    key: 'u',
                    label: "use it",
                    then: Then::Effects(effects),
                },
                DialogChoice {
                    key: 'c',
                    label: "cancel",
                    then: Then::Nothing,
                },
            ],
        });
        outcome
    }

    /// Leave the interview (for the list, or quitting). What waits to be saved would be
    /// lost: ask first.
    fn leave(&mut self, quit: bool) -> Vec<Effect> {
        let Screen::Interview(view) = &self.screen else {
            if quit {
                self.quit = true;
                return vec![Effect::Quit];
            }
            // The form keeps nothing; the list it returns to is as it was.
            self.screen = Screen::Home;
            return Vec::new();
        };
        let unsaved = view.unsaved();
        if !unsaved.is_empty() {
            let why = unsaved
                .iter()
                .find_map(|i| match &view.tabs[*i].save {
                    super::interview::SaveState::Failed(m) => Some(m.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            self.dialog = Some(Dialog {
                title: "Not saved yet".into(),
                body: format!(
                    "Some of what you typed is not in the store yet: {why}\n\nIt is tried again every second. Stay until the screen says saved, or leave without it."
                ),
                choices: vec![
                    DialogChoice {
                        key: 's',
                        label: "stay",
                        then: Then::Nothing,
                    },
                    DialogChoice {
                        key: 'l',
                        label: "leave without it",
                        then: Then::LeaveUnsaved { quit },
                    },
                ],
            });
            return Vec::new();
        }
        self.close_call(quit)
    }

    /// Give the call back and go to the list (or quit).
    fn close_call(&mut self, quit: bool) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Screen::Interview(view) = &self.screen {
            effects.push(Effect::CloseCall {
                sessions: view.session_ids(),
            });
        }
        if quit {
            self.quit = true;
            effects.push(Effect::Quit);
        } else {
            self.screen = Screen::Home;
            effects.push(Effect::LoadHome);
        }
        effects
    }
}

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
                Screen::NewCall(form) => form.paste(&text),
                Screen::Interview(view) => {
                    let outcome = view.paste(&text, now);
                    return app.apply(outcome);
                }
            }
            Vec::new()
        }
        Event::HomeLoaded(rows) => {
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
            app.screen = Screen::Interview(Box::new(view));
            if let Some(h) = taken {
                app.say(Level::Warn, format!("Took the session over from {h}"));
            } else if read_only && viewing {
                app.say(
                    Level::Info,
                    "Viewing a completed call: nothing can change here",
                );
            } else if read_only {
                app.say(
                    Level::Warn,
                    "Read-only: another stocktake edits this session",
                );
            }
            Vec::new()
        }
        Event::LockConflict {
            call_id,
            session_id,
            holder,
        } => {
            app.dialog = Some(Dialog {
                title: "Session open elsewhere".into(),
                body: format!(
                    "This session is being edited by {holder}.\n\nOpen it read-only, or take it over if that stocktake is gone (a forgotten SSH session). Whoever is taken over from can no longer save."
                ),
                choices: vec![
                    DialogChoice {
                        key: 'r',
                        label: "read-only",
                        then: Then::Effects(vec![Effect::OpenCall {
                            call_id: call_id.clone(),
                            session_id: session_id.clone(),
                            claim: Claim::IfFree,
                            read_only: true,
                        }]),
                    },
                    DialogChoice {
                        key: 't',
                        label: "take over",
                        then: Then::Effects(vec![Effect::OpenCall {
                            call_id,
                            session_id,
                            claim: Claim::TakeOver,
                            read_only: false,
                        }]),
                    },
                    DialogChoice {
                        key: 'c',
                        label: "cancel",
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
                app.say(Level::Info, "Saved: everything typed is in the store again");
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
            let what = if waiting == 1 {
                "1 change waits".to_string()
            } else {
                format!("{waiting} changes wait")
            };
            app.say(
                Level::Error,
                format!("{message} ({what}, tried again every second)"),
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
            app.say(
                Level::Error,
                "Another stocktake took this session over: read-only now. Your screen still shows your last words.",
            );
            Vec::new()
        }
        Event::Completed { session } => {
            let mut effects = Vec::new();
            if let Screen::Interview(view) = &mut app.screen {
                view.completed(&session);
                if view.all_completed() && view.unsaved().is_empty() {
                    effects.extend(app.close_call(false));
                }
            }
            app.say(Level::Info, "Session completed");
            effects
        }
        Event::Synced { files, outbox } => {
            app.say(
                Level::Info,
                format!(
                    "Session completed and written to the outbox ({files} file(s) in {outbox})"
                ),
            );
            Vec::new()
        }
        Event::SyncFailed(message) => {
            app.say(
                Level::Warn,
                format!("Session completed, but not written to the outbox: {message}"),
            );
            Vec::new()
        }
        Event::Failed(message) => {
            app.say(Level::Error, message);
            Vec::new()
        }
        Event::Trusted(digests) => {
            app.trusted.extend(digests);
            Vec::new()
        }
        Event::SessionAdded(session) => match &mut app.screen {
            Screen::Interview(view) if view.call().id == session.call_id => {
                let name = session.structure_name("en");
                view.add_tab(*session);
                app.say(
                    Level::Info,
                    format!("{name} added to the call, in its own tab (Ctrl-T switches)"),
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
            Then::LeaveUnsaved { quit } => {
                let mut effects = Vec::new();
                if let Screen::Interview(view) = &app.screen {
                    effects.push(Effect::Discard {
                        sessions: view.session_ids(),
                    });
                }
                effects.extend(app.close_call(quit));
                effects
            }
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
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Some(Action::Help) => {
            app.help = Some(ctx);
            app.help_scroll = 0;
            return Vec::new();
        }
        Some(Action::Quit) => return app.leave(true),
        _ => {}
    }
    let now = app.now;
    let outcome = match &mut app.screen {
        Screen::Home => app.home.update(input, action),
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
            outcome
        }
    };
    app.apply(outcome)
}
