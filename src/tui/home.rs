//! The home screen's state: every session, newest call first, filtered as you type.

use crate::i18n::Words;
use ratatui_textarea::Input;

use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Dialog, DialogChoice, Go, Level, Outcome, Then};
use super::text_field::TextField;
use crate::session::MAX_REVISION;
use crate::store::{Claim, SessionSummary};

#[derive(Debug)]
pub struct Home {
    pub rows: Vec<SessionSummary>,
    pub filter: TextField,
    pub filtering: bool,
    /// Index into [`Home::visible`].
    pub cursor: usize,
    pub loaded: bool,
}

impl Default for Home {
    fn default() -> Self {
        Home {
            rows: Vec::new(),
            filter: TextField::new("", false),
            filtering: false,
            cursor: 0,
            loaded: false,
        }
    }
}

impl Home {
    pub fn load(&mut self, rows: Vec<SessionSummary>) {
        // Keep the cursor on the same session across a reload.
        let keep = self.selected().map(|r| r.id.clone());
        self.rows = rows;
        self.loaded = true;
        let visible = self.visible();
        self.cursor = keep
            .and_then(|id| visible.iter().position(|r| r.id == id))
            .unwrap_or(0);
    }

    pub fn visible(&self) -> Vec<&SessionSummary> {
        let needle = self.filter.text().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        self.rows
            .iter()
            .filter(|r| {
                let hay = format!(
                    "{} {} {} {} {} {}",
                    r.response, r.structure, r.structure_label, r.interviewer, r.status, r.guide_id
                )
                .to_lowercase();
                words.iter().all(|w| hay.contains(w))
            })
            .collect()
    }

    pub fn selected(&self) -> Option<&SessionSummary> {
        self.visible().get(self.cursor).copied()
    }

    /// The row actions only work on a row, and delete only on a draft.
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::Open => self.selected().is_some(),
            Action::Filter => !self.rows.is_empty(),
            Action::Delete => self.selected().is_some_and(|r| r.status == "draft"),
            _ => true,
        }
    }

    fn clamp(&mut self) {
        let n = self.visible().len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    pub fn paste(&mut self, text: &str) {
        if self.filtering {
            self.filter.paste(text);
            self.cursor = 0;
        }
    }
}

impl Home {
    /// A key on the list. Opening, deleting and starting a new call are for the parent to
    /// carry out: they come back in the outcome. `ui` names the structures in its dialogs.
    pub fn update(
        &mut self,
        input: Input,
        action: Option<Action>,
        user: &str,
        ui: crate::i18n::UiLang,
    ) -> Outcome {
        let n = self.visible().len();
        match action {
            Some(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Action::Top) => self.cursor = 0,
            Some(Action::Bottom) => self.cursor = n.saturating_sub(1),
            Some(Action::Filter) => self.filtering = true,
            Some(Action::Back) if self.filtering => {
                self.filtering = false;
                self.filter = TextField::new("", false);
                self.clamp();
            }
            Some(Action::NewCall) => return Outcome::go(Go::NewCall),
            Some(Action::Open) => {
                self.filtering = false;
                let Some(r) = self.selected() else {
                    return Outcome::stay();
                };
                return open(r, user, ui.code());
            }
            Some(Action::Delete) => {
                let Some(r) = self.selected() else {
                    return Outcome::stay();
                };
                return delete(r, ui.code());
            }
            _ if self.filtering && self.filter.input(input) => self.cursor = 0,
            _ => {}
        }
        Outcome::stay()
    }
}

/// Open a session's call; a completed one asks first (reopening it as `user`).
fn open(r: &SessionSummary, user: &str, lang: &str) -> Outcome {
    if r.status != "completed" {
        return Outcome::effects(vec![Effect::OpenCall {
            call_id: r.call_id.clone(),
            session_id: r.id.clone(),
            claim: Claim::IfFree,
            read_only: false,
        }]);
    }
    let view = DialogChoice {
        key: 'v',
        label: Words::msg("dialog-completed-view"),
        then: Then::Effects(vec![Effect::OpenCall {
            call_id: r.call_id.clone(),
            session_id: r.id.clone(),
            claim: Claim::IfFree,
            read_only: true,
        }]),
    };
    let cancel = DialogChoice {
        key: 'c',
        label: Words::msg("dialog-cancel"),
        then: Then::Nothing,
    };
    // Offering a reopen that the session then refuses would be a choice that is not one.
    if r.revision >= MAX_REVISION {
        return Outcome::asking(Dialog {
            title: Words::msg("dialog-completed-title"),
            body: Words::msg("dialog-completed-last-body")
                .arg("response", r.response.clone())
                .arg("structure", structure_label(r, lang))
                .arg("revision", r.revision),
            choices: vec![view, cancel],
        });
    }
    Outcome::asking(Dialog {
        title: Words::msg("dialog-completed-title"),
        body: Words::msg("dialog-completed-body")
            .arg("response", r.response.clone())
            .arg("structure", structure_label(r, lang))
            .arg("revision", r.revision)
            .arg("next", r.revision + 1),
        choices: vec![
            DialogChoice {
                key: 'r',
                label: Words::msg("dialog-completed-reopen"),
                then: Then::Effects(vec![Effect::Reopen {
                    call_id: r.call_id.clone(),
                    session_id: r.id.clone(),
                    by: user.to_string(),
                }]),
            },
            view,
            cancel,
        ],
    })
}

/// Delete a draft, after confirming; anything else is refused with the reason.
fn delete(r: &SessionSummary, lang: &str) -> Outcome {
    if r.status != "draft" {
        return Outcome::said(Level::Warn, Words::msg("delete-not-draft"));
    }
    Outcome::asking(Dialog {
        title: Words::msg("dialog-delete-title"),
        body: Words::msg("dialog-delete-body")
            .arg("response", r.response.clone())
            .arg("structure", structure_label(r, lang)),
        choices: vec![
            DialogChoice {
                key: 'y',
                label: Words::msg("dialog-delete-yes"),
                then: Then::Effects(vec![
                    Effect::DeleteDraft {
                        session: r.id.clone(),
                    },
                    Effect::LoadHome,
                ]),
            },
            DialogChoice {
                key: 'n',
                label: Words::msg("dialog-delete-no"),
                then: Then::Nothing,
            },
        ],
    })
}

/// A structure's name in the screen's language `lang` (a default type's; one the
/// interviewer named keeps its name).
fn structure_label(r: &SessionSummary, lang: &str) -> String {
    match crate::guide::Structure::parse(&r.structure) {
        Some(crate::guide::Structure::Other) if !r.structure_label.is_empty() => {
            r.structure_label.clone()
        }
        Some(s) => s.label(lang).to_string(),
        None => r.structure.clone(),
    }
}
