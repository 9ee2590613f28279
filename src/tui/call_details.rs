//! The call-details panel (Alt-C): the country or response and the call's note, and the
//! participants of the structure shown, changed after the call started. Ctrl-S saves each
//! part that changed as its own change (kept in the history); Esc with changes asks for a
//! second Esc, so a slip never throws away what was typed.

use crate::i18n::{Reason, Words};
use jiff::Timestamp;
use ratatui_textarea::Input;

use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use super::text_field::TextField;
use crate::interview::Interview;
use crate::session::{Participant, ROLES};

/// One place the focus can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsField {
    Response,
    Note,
    Role(usize),
    Organisation(usize),
    Name(usize),
    Add,
}

impl DetailsField {
    pub fn is_text(self) -> bool {
        !matches!(self, DetailsField::Role(_) | DetailsField::Add)
    }
}

pub struct PersonRow {
    /// Index into [`ROLES`].
    pub role: usize,
    pub organisation: TextField,
    pub name: TextField,
}

pub struct CallDetails {
    pub response: TextField,
    pub note: TextField,
    pub people: Vec<PersonRow>,
    pub focus: DetailsField,
    /// Esc was pressed once with changes: the next Esc discards them.
    pub leaving: bool,
    session: usize,
    start: (String, String, Vec<Participant>),
}

impl CallDetails {
    pub fn new(iv: &Interview, session: usize) -> CallDetails {
        let people = &iv.session(session).participants;
        CallDetails {
            response: TextField::new(&iv.call.response, false),
            note: TextField::new(&iv.call.note, false),
            people: people
                .iter()
                .map(|p| PersonRow {
                    role: ROLES.iter().position(|(id, _)| *id == p.role).unwrap_or(0),
                    organisation: TextField::new(&p.organisation, false),
                    name: TextField::new(&p.name, false),
                })
                .collect(),
            focus: DetailsField::Response,
            leaving: false,
            session,
            start: (
                iv.call.response.clone(),
                iv.call.note.clone(),
                people.clone(),
            ),
        }
    }

    /// Every field in the order Tab visits them.
    pub fn fields(&self) -> Vec<DetailsField> {
        let mut v = vec![DetailsField::Response, DetailsField::Note];
        for i in 0..self.people.len() {
            v.extend([
                DetailsField::Role(i),
                DetailsField::Organisation(i),
                DetailsField::Name(i),
            ]);
        }
        v.push(DetailsField::Add);
        v
    }

    pub fn participants(&self) -> Vec<Participant> {
        self.people
            .iter()
            .map(|p| Participant {
                role: ROLES[p.role.min(ROLES.len() - 1)].0.to_string(),
                organisation: p.organisation.text().trim().to_string(),
                name: p.name.text().trim().to_string(),
            })
            .collect()
    }

    fn changed(&self) -> bool {
        self.response.text() != self.start.0
            || self.note.text() != self.start.1
            || self.participants() != self.start.2
    }

    pub fn field(&mut self) -> Option<&mut TextField> {
        match self.focus {
            DetailsField::Response => Some(&mut self.response),
            DetailsField::Note => Some(&mut self.note),
            DetailsField::Organisation(i) => self.people.get_mut(i).map(|p| &mut p.organisation),
            DetailsField::Name(i) => self.people.get_mut(i).map(|p| &mut p.name),
            DetailsField::Role(_) | DetailsField::Add => None,
        }
    }

    fn step(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    fn cycle_role(&mut self, forward: bool) {
        if let DetailsField::Role(i) = self.focus
            && let Some(p) = self.people.get_mut(i)
        {
            let n = ROLES.len();
            p.role = if forward {
                (p.role + 1) % n
            } else {
                (p.role + n - 1) % n
            };
        }
    }

    fn add(&mut self, iv: &Interview) {
        let role = crate::interview::coordinator_role(iv.session(self.session).structure);
        self.people.push(PersonRow {
            role: ROLES.iter().position(|(id, _)| *id == role).unwrap_or(0),
            organisation: TextField::new("", false),
            name: TextField::new("", false),
        });
        self.focus = DetailsField::Organisation(self.people.len() - 1);
    }

    fn remove(&mut self) -> Outcome {
        let i = match self.focus {
            DetailsField::Role(i) | DetailsField::Organisation(i) | DetailsField::Name(i) => i,
            _ => {
                return Outcome::said(Level::Info, Words::msg("details-ctrl-d"));
            }
        };
        self.people.remove(i);
        self.focus = if self.people.is_empty() {
            DetailsField::Add
        } else {
            DetailsField::Role(i.min(self.people.len() - 1))
        };
        Outcome::said(Level::Info, Words::msg("details-removed"))
    }

    fn save(&mut self, iv: &mut Interview, now: Timestamp) -> Outcome {
        let people = match iv.set_participants(self.session, self.participants(), now) {
            Ok(c) => c,
            Err(e) => {
                return Outcome::said(
                    Level::Warn,
                    Words::msg("details-refused-nothing-saved").with("why", e.said()),
                );
            }
        };
        let call = match iv.set_call_details(&self.response.text(), &self.note.text()) {
            Ok(c) => c,
            Err(e) => {
                let mut out = Outcome::said(
                    Level::Warn,
                    Words::msg(if people.is_some() {
                        "details-refused-participants-saved"
                    } else {
                        "details-refused-nothing-saved"
                    })
                    .with("why", e.said()),
                );
                out.effects.extend(people.map(Effect::Persist));
                // The participants are saved now: Esc must not say they are not.
                self.start.2 = self.participants();
                return out;
            }
        };
        let effects: Vec<Effect> = people
            .into_iter()
            .chain(call)
            .map(Effect::Persist)
            .collect();
        let said = if effects.is_empty() {
            "call-details-unchanged"
        } else {
            "call-details-saved"
        };
        let mut out = Outcome::go(Go::Close);
        out.say = Some((Level::Info, Words::msg(said)));
        out.effects = effects;
        out
    }

    pub fn update(
        &mut self,
        iv: &mut Interview,
        input: Input,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        let leaving = std::mem::take(&mut self.leaving);
        match action {
            Some(Action::Back) => {
                if self.changed() && !leaving {
                    self.leaving = true;
                    return Outcome::said(Level::Warn, Words::msg("details-not-saved"));
                }
                Outcome::go(Go::Close)
            }
            Some(Action::Submit) => self.save(iv, now),
            Some(Action::NextField) | Some(Action::Down) => {
                self.step(true);
                Outcome::stay()
            }
            Some(Action::PrevField) | Some(Action::Up) => {
                self.step(false);
                Outcome::stay()
            }
            Some(Action::Right) => {
                self.cycle_role(true);
                Outcome::stay()
            }
            Some(Action::Left) => {
                self.cycle_role(false);
                Outcome::stay()
            }
            Some(Action::Toggle) | Some(Action::Open) => {
                match self.focus {
                    DetailsField::Add => self.add(iv),
                    DetailsField::Role(_) => self.cycle_role(true),
                    _ => {}
                }
                Outcome::stay()
            }
            Some(Action::Delete) => self.remove(),
            Some(_) => Outcome::stay(),
            None => {
                if let Some(f) = self.field() {
                    f.input(input);
                }
                Outcome::stay()
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.field() {
            f.paste(text);
        }
    }
}
