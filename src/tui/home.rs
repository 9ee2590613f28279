//! The home screen's state: every session, newest call first, filtered as you type.

use ratatui_textarea::Input;

use super::app::{App, Dialog, DialogChoice, Level, Screen, Then};
use super::form::Form;
use super::keymap::Action;
use super::msg::Effect;
use super::text_field::TextField;
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

pub fn update(app: &mut App, input: Input, action: Option<Action>) -> Vec<Effect> {
    let home = &mut app.home;
    let n = home.visible().len();
    match action {
        Some(Action::Up) => home.cursor = home.cursor.saturating_sub(1),
        Some(Action::Down) => home.cursor = (home.cursor + 1).min(n.saturating_sub(1)),
        Some(Action::Top) => home.cursor = 0,
        Some(Action::Bottom) => home.cursor = n.saturating_sub(1),
        Some(Action::Filter) => home.filtering = true,
        Some(Action::Back) if home.filtering => {
            home.filtering = false;
            home.filter = TextField::new("", false);
            home.clamp();
        }
        Some(Action::NewCall) => {
            app.screen = Screen::NewCall(Box::new(Form::new(&app.guides, &app.user)));
        }
        Some(Action::Open) => {
            home.filtering = false;
            let Some(r) = home.selected().cloned() else {
                return Vec::new();
            };
            if r.status == "completed" {
                app.dialog = Some(Dialog {
                    title: "Completed session".into(),
                    body: format!(
                        "{} · {} was completed (revision {}).\n\nReopening starts revision {}: the completed one stays as it was sent. Or look at it without changing anything.",
                        r.response,
                        structure_label(&r),
                        r.revision,
                        r.revision + 1
                    ),
                    choices: vec![
                        DialogChoice {
                            key: 'r',
                            label: "reopen",
                            then: Then::Effects(vec![Effect::Reopen {
                                call_id: r.call_id.clone(),
                                session_id: r.id.clone(),
                            }]),
                        },
                        DialogChoice {
                            key: 'v',
                            label: "view read-only",
                            then: Then::Effects(vec![Effect::OpenCall {
                                call_id: r.call_id.clone(),
                                session_id: r.id.clone(),
                                claim: Claim::IfFree,
                                read_only: true,
                            }]),
                        },
                        DialogChoice {
                            key: 'c',
                            label: "cancel",
                            then: Then::Nothing,
                        },
                    ],
                });
                return Vec::new();
            }
            return vec![app.open_call_effect(&r.call_id, &r.id)];
        }
        Some(Action::Delete) => {
            let Some(r) = home.selected().cloned() else {
                return Vec::new();
            };
            if r.status != "draft" {
                app.say(
                    Level::Warn,
                    "Only a draft (nothing recorded yet) can be deleted; this session holds answers",
                );
                return Vec::new();
            }
            app.dialog = Some(Dialog {
                title: "Delete draft".into(),
                body: format!(
                    "Delete the draft session {} · {}? Nothing was recorded in it.",
                    r.response, r.structure
                ),
                choices: vec![
                    DialogChoice {
                        key: 'y',
                        label: "delete",
                        then: Then::Effects(vec![
                            Effect::DeleteDraft { session: r.id },
                            Effect::LoadHome,
                        ]),
                    },
                    DialogChoice {
                        key: 'n',
                        label: "keep",
                        then: Then::Nothing,
                    },
                ],
            });
        }
        _ if home.filtering && home.filter.input(input) => home.cursor = 0,
        _ => {}
    }
    Vec::new()
}

fn structure_label(r: &SessionSummary) -> String {
    match crate::guide::Structure::parse(&r.structure) {
        Some(crate::guide::Structure::Other) if !r.structure_label.is_empty() => {
            r.structure_label.clone()
        }
        Some(s) => s.label("en").to_string(),
        None => r.structure.clone(),
    }
}
