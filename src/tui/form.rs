//! The new-call form: guide, language, country or response, the structures on the call
//! (one session each), participants, interviewer, consent. Validated inline; `Esc` keeps
//! nothing.

use crate::i18n::Reason;
use crate::i18n::Words;
use ratatui_textarea::Input;

use std::sync::Arc;

use jiff::Timestamp;

use super::keymap::{Action, Ctx};
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use super::text_field::TextField;
use crate::guide::{LoadedGuide, Structure};
use crate::interview::{NewCall, default_guide, plan_call};
use crate::session::{Participant, ROLES};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Guide,
    Language,
    Response,
    Structure(usize),
    OtherLabel,
    Role(usize),
    Organisation(usize),
    AddParticipant,
    Interviewer,
    Consent,
    Start,
}

#[derive(Debug)]
pub struct ParticipantRow {
    pub role: usize,
    pub organisation: TextField,
}

#[derive(Debug)]
pub struct Form {
    pub guide: usize,
    pub language: usize,
    pub response: TextField,
    /// One tick box per respondent type of the chosen guide, in its order.
    pub structures: Vec<bool>,
    pub other_label: TextField,
    pub participants: Vec<ParticipantRow>,
    pub interviewer: TextField,
    /// `None`: not asked yet.
    pub consent: Option<bool>,
    pub focus: FormField,
    /// The fields refused and why, as message ids (`form-error-*`).
    pub errors: Vec<(FormField, &'static str)>,
    /// Languages of each guide, in guide order, for cycling.
    languages: Vec<Vec<String>>,
    /// Respondent types of each guide, in guide order: (id, short name, asks a name).
    kinds: Vec<Vec<Kind>>,
    guide_ids: Vec<String>,
}

/// A respondent type as the form offers it.
#[derive(Debug, Clone)]
pub struct Kind {
    pub id: Structure,
    pub short: String,
    /// Ticking it asks for its name (an `other` type).
    pub named: bool,
}

/// Ticked on a fresh form: the guide's first type.
fn first_ticked(n: usize) -> Vec<bool> {
    (0..n).map(|i| i == 0).collect()
}

fn first_role_of(kinds: &[Kind]) -> usize {
    kinds
        .first()
        .map_or(0, |k| role_index(crate::interview::coordinator_role(k.id)))
}

fn role_index(role: &str) -> usize {
    ROLES.iter().position(|(r, _)| *r == role).unwrap_or(0)
}

/// What a key did to the form.
pub enum Step {
    Stay,
    Cancel,
    /// The call to create, with the guide (by index) it follows.
    Create(usize, Box<NewCall>),
}

impl Form {
    pub fn new(guides: &[Arc<LoadedGuide>], user: &str) -> Form {
        let guide = default_guide(guides);
        let kinds: Vec<Vec<Kind>> = guides
            .iter()
            .map(|g| {
                let lang = g.guide.default_language();
                g.guide
                    .respondents
                    .iter()
                    .map(|r| Kind {
                        id: r.id,
                        short: r.short_name(lang, lang).to_string(),
                        named: r.other,
                    })
                    .collect()
            })
            .collect();
        let n = kinds.get(guide).map_or(0, Vec::len);
        let first_role = first_role_of(kinds.get(guide).map_or(&[], Vec::as_slice));
        Form {
            guide,
            language: 0,
            response: TextField::new("", false),
            structures: first_ticked(n),
            other_label: TextField::new("", false),
            participants: vec![ParticipantRow {
                role: first_role,
                organisation: TextField::new("", false),
            }],
            interviewer: TextField::new(user, false),
            consent: None,
            focus: FormField::Response,
            errors: Vec::new(),
            languages: guides.iter().map(|g| g.guide.languages.clone()).collect(),
            kinds,
            guide_ids: guides.iter().map(|g| g.guide.id.clone()).collect(),
        }
    }

    /// The form of a call to campaign `targets` (one response): the response, the
    /// structures ticked, a participant per coordinator, a language they speak.
    pub fn from_targets(
        guides: &[Arc<LoadedGuide>],
        user: &str,
        targets: &[crate::campaign::Target],
    ) -> Form {
        let mut f = Form::new(guides, user);
        let Some(first) = targets.first() else {
            return f;
        };
        f.response = TextField::new(&first.response, false);
        f.structures = vec![false; f.kinds().len()];
        f.participants.clear();
        for t in targets {
            if let Some(i) = f.kinds().iter().position(|k| k.id == t.structure) {
                f.structures[i] = true;
                if f.kinds()[i].named {
                    f.other_label = TextField::new(&t.structure_label, false);
                }
            }
            let role = crate::interview::coordinator_role(t.structure);
            f.participants.push(ParticipantRow {
                role: role_index(role),
                organisation: TextField::new(&t.organisation, false),
            });
        }
        // The first language of theirs the guide has.
        if let Some(langs) = f.languages.get(f.guide) {
            let theirs = targets.iter().flat_map(|t| &t.languages);
            if let Some(i) = theirs
                .filter_map(|l| langs.iter().position(|g| g == l))
                .next()
            {
                f.language = i;
            }
        }
        f.focus = FormField::Consent;
        f
    }

    /// The fields in the order Tab visits them.
    pub fn fields(&self) -> Vec<FormField> {
        let mut f = vec![FormField::Guide, FormField::Language, FormField::Response];
        f.extend((0..self.kinds().len()).map(FormField::Structure));
        if self.asks_name() {
            f.push(FormField::OtherLabel);
        }
        for i in 0..self.participants.len() {
            f.push(FormField::Role(i));
            f.push(FormField::Organisation(i));
        }
        f.extend([
            FormField::AddParticipant,
            FormField::Interviewer,
            FormField::Consent,
            FormField::Start,
        ]);
        f
    }

    /// The chosen guide's respondent types, in the order it declares them.
    pub fn kinds(&self) -> &[Kind] {
        self.kinds.get(self.guide).map_or(&[], Vec::as_slice)
    }

    /// The role a new participant starts with: the coordinator of the guide's first type.
    fn first_role(&self) -> usize {
        first_role_of(self.kinds())
    }

    /// Is a type ticked that asks for its name?
    pub fn asks_name(&self) -> bool {
        self.kinds()
            .iter()
            .zip(&self.structures)
            .any(|(k, on)| k.named && *on)
    }

    pub fn language_code(&self) -> &str {
        self.languages
            .get(self.guide)
            .and_then(|l| l.get(self.language))
            .map(String::as_str)
            .unwrap_or("en")
    }

    pub fn ctx(&self) -> Ctx {
        if self.text_field().is_some() {
            Ctx::FormText
        } else {
            Ctx::Form
        }
    }

    pub fn error(&self, field: FormField, lang: crate::i18n::UiLang) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, id)| crate::i18n::t(lang, id))
    }

    fn text_field(&self) -> Option<&TextField> {
        match self.focus {
            FormField::Response => Some(&self.response),
            FormField::OtherLabel => Some(&self.other_label),
            FormField::Organisation(i) => self.participants.get(i).map(|p| &p.organisation),
            FormField::Interviewer => Some(&self.interviewer),
            _ => None,
        }
    }

    fn text_field_mut(&mut self) -> Option<&mut TextField> {
        match self.focus {
            FormField::Response => Some(&mut self.response),
            FormField::OtherLabel => Some(&mut self.other_label),
            FormField::Organisation(i) => self.participants.get_mut(i).map(|p| &mut p.organisation),
            FormField::Interviewer => Some(&mut self.interviewer),
            _ => None,
        }
    }

    fn step(&mut self, by: isize) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let next = (at + by).clamp(0, fields.len() as isize - 1) as usize;
        self.focus = fields[next];
    }

    /// The structures sit side by side, so ← → walk along them; elsewhere they change the
    /// choice under the cursor.
    fn sideways(&mut self, by: isize) {
        match self.focus {
            FormField::Structure(i) => {
                let last = self.kinds().len() as isize - 1;
                self.focus = FormField::Structure((i as isize + by).clamp(0, last) as usize);
            }
            _ => self.cycle(by),
        }
    }

    /// Whether `action` does something on the focused field, for the hint bar.
    pub fn offers(&self, action: Action) -> bool {
        let choice = matches!(
            self.focus,
            FormField::Guide | FormField::Language | FormField::Role(_) | FormField::Consent
        );
        match action {
            Action::Toggle => matches!(self.focus, FormField::Structure(_) | FormField::Consent),
            Action::Left | Action::Right => choice,
            _ => true,
        }
    }

    fn cycle(&mut self, by: isize) {
        let wrap = |v: usize, n: usize| ((v as isize + by).rem_euclid(n.max(1) as isize)) as usize;
        match self.focus {
            FormField::Guide => {
                let before = self.first_role();
                self.guide = wrap(self.guide, self.guide_ids.len());
                self.language = 0;
                // Another guide, other respondent types: start again from its first, and
                // the participants nobody chose a role for take its role.
                self.structures = first_ticked(self.kinds().len());
                let after = self.first_role();
                for p in &mut self.participants {
                    if p.role == before {
                        p.role = after;
                    }
                }
            }
            FormField::Language => {
                let n = self.languages.get(self.guide).map_or(1, Vec::len);
                self.language = wrap(self.language, n);
            }
            FormField::Role(i) => {
                if let Some(p) = self.participants.get_mut(i) {
                    p.role = wrap(p.role, ROLES.len());
                }
            }
            FormField::Consent => {
                let order = [None, Some(true), Some(false)];
                let at = order.iter().position(|c| *c == self.consent).unwrap_or(0);
                self.consent = order[wrap(at, order.len())];
            }
            FormField::Structure(i) => {
                if let Some(on) = self.structures.get_mut(i) {
                    *on = !*on;
                }
            }
            _ => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.text_field_mut() {
            f.paste(text);
        }
    }

    fn add_participant(&mut self) {
        // A second participant is most often the CP or GBV AOR coordinator.
        let role = self.participants.len().min(2);
        self.participants.push(ParticipantRow {
            role,
            organisation: TextField::new("", false),
        });
        self.focus = FormField::Role(self.participants.len() - 1);
    }

    /// A key on the form: the call it creates comes back as an effect.
    pub fn update(
        &mut self,
        input: Input,
        action: Option<Action>,
        guides: &[Arc<LoadedGuide>],
        now: Timestamp,
    ) -> Outcome {
        match self.step_key(input, action, guides.len()) {
            Step::Stay => Outcome::stay(),
            // Discarding what was typed asks first; an untouched form just closes.
            Step::Cancel if self.typed_anything() => Outcome::asking(super::outcome::Dialog {
                title: Words::msg("dialog-discard-title"),
                body: Words::msg("dialog-discard-body"),
                choices: vec![
                    super::outcome::DialogChoice {
                        key: 'd',
                        label: Words::msg("dialog-discard-yes"),
                        then: super::outcome::Then::Discard,
                    },
                    super::outcome::DialogChoice {
                        key: 'k',
                        label: Words::msg("dialog-discard-no"),
                        then: super::outcome::Then::Nothing,
                    },
                ],
            }),
            Step::Cancel => Outcome::go(Go::Home),
            Step::Create(g, call) => {
                let Some(guide) = guides.get(g) else {
                    return Outcome::said(Level::Error, Words::msg("form-error-no-guide"));
                };
                match plan_call(guide.clone(), &call, now) {
                    Ok(change) => Outcome::effects(vec![Effect::CreateCall(change)]),
                    Err(e) => Outcome::said(Level::Error, e.said()),
                }
            }
        }
    }

    /// Whether anything was typed or ticked that leaving would lose.
    fn typed_anything(&self) -> bool {
        !self.response.is_empty()
            || !self.other_label.is_empty()
            || self.structures != first_ticked(self.kinds().len())
            || self.consent.is_some()
            || self.participants.len() > 1
            || self.participants.iter().any(|p| !p.organisation.is_empty())
    }

    pub fn step_key(&mut self, input: Input, action: Option<Action>, guides: usize) -> Step {
        match action {
            Some(Action::Back) => return Step::Cancel,
            Some(Action::NextField) => self.step(1),
            Some(Action::PrevField) => self.step(-1),
            Some(Action::Left) => self.sideways(-1),
            Some(Action::Right) => self.sideways(1),
            Some(Action::Toggle) => self.cycle(1),
            Some(Action::Submit) => return self.submit(guides),
            Some(Action::Delete) => {
                if let FormField::Role(i) | FormField::Organisation(i) = self.focus
                    && self.participants.len() > 1
                {
                    self.participants.remove(i);
                    self.focus = FormField::Role(i.min(self.participants.len() - 1));
                }
            }
            Some(Action::Select) => match self.focus {
                FormField::Start => return self.submit(guides),
                FormField::AddParticipant => self.add_participant(),
                _ => self.step(1),
            },
            _ => {
                if let Some(f) = self.text_field_mut()
                    && f.input(input)
                {
                    let focus = self.focus;
                    self.errors.retain(|(f, _)| *f != focus);
                }
            }
        }
        Step::Stay
    }

    fn submit(&mut self, guides: usize) -> Step {
        self.errors.clear();
        let response = self.response.text().trim().to_string();
        if response.is_empty() {
            self.errors
                .push((FormField::Response, "form-error-response"));
        }
        if !self.structures.iter().any(|s| *s) {
            self.errors
                .push((FormField::Structure(0), "form-error-structures"));
        }
        let other_label = self.other_label.text().trim().to_string();
        if self.asks_name() && other_label.is_empty() {
            self.errors
                .push((FormField::OtherLabel, "form-error-other"));
        }
        let interviewer = self.interviewer.text().trim().to_string();
        if interviewer.is_empty() {
            self.errors
                .push((FormField::Interviewer, "form-error-interviewer"));
        }
        if self.guide >= guides {
            self.errors.push((FormField::Guide, "form-error-no-guide"));
            return Step::Stay;
        }
        if let Some((first, _)) = self.errors.first() {
            self.focus = *first;
            return Step::Stay;
        }
        let structures = self
            .kinds()
            .iter()
            .zip(&self.structures)
            .filter(|(_, on)| **on)
            .map(|(k, _)| {
                let label = if k.named {
                    other_label.clone()
                } else {
                    String::new()
                };
                (k.id, label)
            })
            .collect();
        let participants = self
            .participants
            .iter()
            .map(|p| Participant {
                role: ROLES[p.role].0.to_string(),
                organisation: p.organisation.text().trim().to_string(),
                name: String::new(),
            })
            .collect();
        Step::Create(
            self.guide,
            Box::new(NewCall {
                response,
                interviewer,
                language: self.language_code().to_string(),
                structures,
                participants,
                consent: self.consent,
            }),
        )
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
