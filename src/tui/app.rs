//! The TUI's state and its pure `update`: every key, paste, tick and effect result goes
//! through [`update`], which changes the state and returns the effects for the loop to
//! carry out. Nothing here touches the terminal, SQLite or files. The screens below it
//! return an [`Outcome`]; applying it (switching screens, dialogs, messages) is done here.

use crate::i18n::Words;
use std::sync::Arc;

use jiff::Timestamp;

use super::form::Form;
use super::home::Home;
use super::interview::CallView;
use super::keymap::{Action, Ctx};
use super::msg::Effect;
use super::outcome::{Dialog, DialogChoice, Go, Level, Outcome, Then};
use super::theme::Theme;
use crate::guide::LoadedGuide;

pub enum Screen {
    Home,
    NewCall(Box<Form>),
    Interview(Box<CallView>),
    Plan(Box<super::plan::PlanView>),
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
    /// The language of the program's own words (`crate::i18n`) outside a call, and
    /// inside one unless [`App::ui_follows_call`].
    pub ui: crate::i18n::UiLang,
    /// No `--ui-language` and no `ui_language` in the config: inside a call the program's
    /// words follow the call's language (`L` switches both). See [`App::lang`].
    pub ui_follows_call: bool,
    pub now: Timestamp,
    pub flash: Option<Flash>,
    /// Who is logged in: who reopens a session, and the interviewer of a first call.
    pub user: String,
    /// The interviewer's name as typed on the last call started here ("Amina Yusuf"
    /// rather than the login "amina"): the new-call form starts with it.
    pub interviewer: Option<String>,
    /// Where the data lives, said in help and after a crash.
    pub data_path: String,
    /// Names the check before sending looks for in free text (the config's list).
    pub sensitive_names: Vec<String>,
    /// Move on after a first single choice, yes/no or scale answer (the config's setting).
    pub auto_advance: bool,
    /// Guides from outside stocktake that must be confirmed before first use, and why.
    pub trust: Vec<(crate::guide::Digest, crate::guide::Trust)>,
    /// Those the user confirmed.
    pub trusted: Vec<crate::guide::Digest>,
    /// The campaign as last read: the Plan screen, and the totals on the list.
    pub plan: super::plan::PlanData,
    /// The campaign targets the call being created is for (the new-call form from the
    /// Plan screen): they go to the call once it opens.
    pub call_targets: Vec<crate::campaign::Target>,
    /// The interviewer's own time zone, for times shown (the system's; UTC in tests).
    pub tz: jiff::tz::TimeZone,
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
            ui: crate::i18n::UiLang::En,
            ui_follows_call: false,
            now,
            flash: None,
            user,
            interviewer: None,
            data_path,
            sensitive_names: Vec::new(),
            auto_advance: true,
            trust: Vec::new(),
            trusted: Vec::new(),
            plan: Default::default(),
            call_targets: Vec::new(),
            tz: jiff::tz::TimeZone::UTC,
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

    /// The language of the program's words on screen now: the call's language while a
    /// call is open and no language was chosen explicitly (when stocktake speaks it),
    /// else [`App::ui`]. `docs/translating.md` states the rule.
    pub fn lang(&self) -> crate::i18n::UiLang {
        match &self.screen {
            Screen::Interview(view) => view.ui_lang(),
            _ => self.ui,
        }
    }

    /// [`App::say`] in the language of the screen now.
    pub fn tell(&mut self, level: Level, words: Words) {
        let text = words.in_lang(self.lang());
        self.say(level, text);
    }

    /// Whether `action` would do something now, so the hint bar only shows keys that work.
    pub fn offers(&self, action: Action) -> bool {
        match (&self.screen, self.ctx()) {
            (Screen::Home, Ctx::Home) if action == Action::Plan => !self.plan.rows.is_empty(),
            (Screen::Home, Ctx::Home) => self.home.offers(action),
            (Screen::Plan(view), Ctx::Plan) => match action {
                Action::Open | Action::LogOutcome | Action::Toggle => view.selected().is_some(),
                _ => true,
            },
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
            Screen::Plan(view) => match &view.log {
                Some(l) if l.time.is_some() => Ctx::PlanTime,
                Some(_) => Ctx::PlanLog,
                None => Ctx::Plan,
            },
        }
    }

    /// Apply what a screen handed back.
    pub(super) fn apply(&mut self, outcome: Outcome) -> Vec<Effect> {
        let mut effects = outcome.effects;
        if let Some((level, text)) = outcome.say {
            self.say(level, text.in_lang(self.lang()));
        }
        if let Some(d) = outcome.ask {
            self.dialog = Some(d);
        }
        match outcome.go {
            Go::Stay | Go::Close | Go::Question(_) | Go::Guard => {}
            Go::NewCall => {
                let name = self.interviewer.as_deref().unwrap_or(&self.user);
                let form = if outcome.from_targets.is_empty() {
                    Form::new(&self.guides, name)
                } else {
                    Form::from_targets(&self.guides, name, &outcome.from_targets)
                };
                self.call_targets = outcome.from_targets;
                self.screen = Screen::NewCall(Box::new(form));
            }
            Go::Plan => {
                let mut view = super::plan::PlanView::default();
                view.load(self.plan.clone());
                self.screen = Screen::Plan(Box::new(view));
                effects.push(Effect::LoadPlan);
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
    pub(super) fn confirm_guide(&self, mut outcome: Outcome) -> Outcome {
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
        // Composed now, in the form's language: the form is outside any call, so nothing
        // switches its language while the dialog is up.
        let ui = self.lang();
        let line = |s: &str| crate::neutralise::line(s).into_owned();
        let mut body = crate::i18n::tr(
            ui,
            "guide-trust-origin",
            &[
                ("guide", line(&guide.guide.id).into()),
                ("origin", line(&trust.origin).into()),
            ],
        );
        if trust.replaces_bundled {
            body.push(' ');
            body.push_str(&crate::i18n::t(ui, "guide-trust-replaces"));
        }
        if !trust.recipients.is_empty() {
            body.push_str("\n\n");
            body.push_str(&crate::i18n::tr(
                ui,
                "guide-trust-encrypted",
                &[("recipients", line(&trust.recipients.join(", ")).into())],
            ));
        }
        body.push_str("\n\n");
        body.push_str(&crate::i18n::t(ui, "guide-trust-ask"));
        let effects = vec![
            Effect::TrustGuide {
                digest: guide.digest,
                origin: trust.origin.clone(),
            },
            outcome.effects.remove(i),
        ];
        outcome.ask = Some(Dialog {
            title: Words::msg("guide-trust-title"),
            body: body.into(),
            choices: vec![
                DialogChoice {
                    key: 'u',
                    label: Words::msg("guide-trust-use"),
                    then: Then::Effects(effects),
                },
                DialogChoice {
                    key: 'c',
                    label: Words::msg("guide-trust-cancel"),
                    then: Then::Nothing,
                },
            ],
        });
        outcome
    }

    /// Leave the interview (for the list, or quitting). What waits to be saved would be
    /// lost: ask first.
    pub(super) fn leave(&mut self, quit: bool) -> Vec<Effect> {
        let Screen::Interview(view) = &self.screen else {
            if quit {
                self.quit = true;
                return vec![Effect::Quit];
            }
            // The form keeps nothing; the list it returns to is as it was.
            self.call_targets.clear();
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
                .unwrap_or_else(|| Words::Text(String::new()));
            self.dialog = Some(Dialog {
                title: Words::msg("dialog-unsaved-title"),
                body: Words::msg("dialog-unsaved-body").with("why", why),
                choices: vec![
                    DialogChoice {
                        key: 's',
                        label: Words::msg("dialog-unsaved-stay"),
                        then: Then::Nothing,
                    },
                    DialogChoice {
                        key: 'l',
                        label: Words::msg("dialog-unsaved-leave"),
                        then: Then::LeaveUnsaved { quit },
                    },
                ],
            });
            return Vec::new();
        }
        self.finish_call(quit)
    }

    /// Leave the call: a call from campaign targets first says how it ended (asked when
    /// some of its sessions are not completed), then the call is given back.
    pub(super) fn finish_call(&mut self, quit: bool) -> Vec<Effect> {
        if let Screen::Interview(view) = &self.screen
            && super::call_end::needs_asking(view)
        {
            self.dialog = Some(super::call_end::ask(quit));
            return Vec::new();
        }
        self.close_call(quit, Some(crate::campaign::Outcome::Partial))
    }

    /// Give the call back and go to the list (or quit), logging an attempt per campaign
    /// target of the call: completed where its session is, `rest` for the others.
    pub(super) fn close_call(
        &mut self,
        quit: bool,
        rest: Option<crate::campaign::Outcome>,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Screen::Interview(view) = &self.screen {
            if let Some(rest) = rest {
                effects.extend(super::call_end::attempts(view, rest, &self.user, self.now));
            }
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
            effects.push(Effect::LoadPlan);
        }
        effects
    }
}
