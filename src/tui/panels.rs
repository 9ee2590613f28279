//! The panels that open over the interview: the general notes pad, find a question, review
//! and complete, the full guidance of a question, and adding a structure that joined late.
//! A panel sees the interview and where the interviewer is; it returns an [`Outcome`]
//! (stay, close, go to a question, effects), and the interview screen applies it.

use crate::i18n::Words;
use jiff::Timestamp;
use ratatui_textarea::Input;

use super::asks::refused;
use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use super::text_field::TextField;
use crate::guide::Structure;
use crate::interview::{Interview, coordinator_role};

pub enum Panel {
    Notes(NotesPad),
    Guard(super::guard_panel::GuardPanel),
    Find(FindPanel),
    Review(super::review::ReviewPanel),
    /// Scroll offset.
    Guidance(u16),
    AddStructure(Box<AddStructure>),
    CallDetails(Box<super::call_details::CallDetails>),
}

/// Where the interviewer is when a panel handles a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// The session shown (index in the call).
    pub session: usize,
    /// The question shown (guide order).
    pub question: usize,
}

/// A structure that joined the call late: which one, the name of an Other, and the
/// organisation of the coordinator who joined (optional).
pub struct AddStructure {
    /// The guide's respondent types not yet on the call, then those that ask a name
    /// (Other: a call may have several).
    pub choices: Vec<Structure>,
    /// Where the first type that asks a name is in `choices`, if the guide has one.
    pub named_at: Option<usize>,
    pub cursor: usize,
    pub label: TextField,
    pub organisation: TextField,
    /// Typing goes to the organisation, not the name.
    pub on_organisation: bool,
}

impl AddStructure {
    pub fn new(iv: &Interview) -> AddStructure {
        let on_call: Vec<Structure> = iv.sessions.iter().map(|s| s.structure).collect();
        let types = &iv.guide.guide.respondents;
        let mut choices: Vec<Structure> = types
            .iter()
            .filter(|r| !r.other && !on_call.contains(&r.id))
            .map(|r| r.id)
            .collect();
        let named_at = types.iter().any(|r| r.other).then_some(choices.len());
        choices.extend(types.iter().filter(|r| r.other).map(|r| r.id));
        // Their placeholders are the screen's, in its language as it is when drawn.
        let label = TextField::new("", false);
        let organisation = TextField::new("", false);
        AddStructure {
            choices,
            named_at,
            cursor: 0,
            label,
            organisation,
            on_organisation: false,
        }
    }

    /// The coordinator who joined, as a participant of the new session, when named.
    pub fn joined(&self) -> Option<crate::session::Participant> {
        let organisation = self.organisation.text().trim().to_string();
        if organisation.is_empty() {
            return None;
        }
        Some(crate::session::Participant {
            role: coordinator_role(self.chosen()?).into(),
            organisation,
            name: String::new(),
        })
    }

    /// `None` only when every type of the guide is on the call already.
    pub fn chosen(&self) -> Option<Structure> {
        self.choices.get(self.cursor).copied()
    }

    fn update(
        &mut self,
        iv: &Interview,
        at: At,
        input: Input,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        match action {
            Some(Action::Back) => Outcome::go(Go::Close),
            Some(Action::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                Outcome::stay()
            }
            Some(Action::Down) => {
                self.cursor = (self.cursor + 1).min(self.choices.len().saturating_sub(1));
                Outcome::stay()
            }
            Some(Action::NextField) => {
                self.on_organisation = !self.on_organisation;
                Outcome::stay()
            }
            Some(Action::Open) => {
                let Some(structure) = self.chosen() else {
                    return Outcome::said(Level::Warn, Words::msg("add-structure-none-left"));
                };
                let label = self.label.text().trim().to_string();
                if iv.guide.guide.asks_name(structure) && label.is_empty() {
                    return Outcome::said(Level::Warn, Words::msg("add-structure-name-first"));
                }
                match iv.add_structure(at.session, structure, &label, self.joined(), now) {
                    Ok(change) => Outcome::go(Go::Close).with(Effect::AddSession(change)),
                    Err(e) => refused(e),
                }
            }
            _ => {
                if self.on_organisation {
                    self.organisation.input(input);
                } else if self.label.input(input)
                    && let Some(at) = self.named_at
                    && !self.chosen().is_some_and(|s| iv.guide.guide.asks_name(s))
                {
                    // Typing a name means Other: the choice moves there.
                    self.cursor = at;
                }
                Outcome::stay()
            }
        }
    }
}

pub struct NotesPad {
    pub input: TextField,
    /// The note being typed: created on its first key, then saved on every key.
    pub editing: Option<u32>,
    /// A note picked in the list (↑), to attach or edit.
    pub selected: Option<usize>,
    /// The question on screen when the pad opened: where notes get attached.
    pub question: String,
}

impl NotesPad {
    pub fn new(question: String) -> NotesPad {
        NotesPad {
            input: NotesPad::empty_input(),
            editing: None,
            selected: None,
            question,
        }
    }

    /// The note being typed shown as the session has it now (after an undo).
    pub fn reload(&mut self, iv: &Interview, session: usize) {
        let Some(seq) = self.editing else {
            return;
        };
        match iv.session(session).notes.iter().find(|n| n.seq == seq) {
            Some(n) if !n.text.is_empty() => self.input = TextField::new(&n.text, true),
            _ => {
                self.input = NotesPad::empty_input();
                self.editing = None;
            }
        }
    }

    /// Its placeholder is the screen's (`notes-placeholder`), in the language of the
    /// moment it is drawn.
    fn empty_input() -> TextField {
        TextField::new("", true)
    }

    fn update(
        &mut self,
        iv: &mut Interview,
        at: At,
        input: Input,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        let notes = &iv.session(at.session).notes;
        let count = notes.len();
        match action {
            Some(Action::Back) => Outcome::go(Go::Close),
            Some(Action::Up) => {
                self.selected = match self.selected {
                    None if count > 0 => Some(count - 1),
                    None => None,
                    Some(i) => Some(i.saturating_sub(1)),
                };
                Outcome::stay()
            }
            Some(Action::Down) => {
                self.selected = self.selected.and_then(|i| (i + 1 < count).then_some(i + 1));
                Outcome::stay()
            }
            Some(Action::Submit) => {
                self.editing = None;
                self.selected = None;
                self.input = NotesPad::empty_input();
                Outcome::stay()
            }
            Some(Action::Edit) => {
                if let Some(n) = self.selected.and_then(|i| notes.get(i)) {
                    self.editing = Some(n.seq);
                    self.input = TextField::new(&n.text, true);
                    self.selected = None;
                }
                Outcome::stay()
            }
            Some(Action::Attach) => self.attach(iv, at, now),
            Some(Action::MoveNote) => self.move_note(iv, at, now),
            Some(Action::SaidBy) => self.attribute(iv, at, now),
            _ => {
                if let Err(why) = iv.may_write_text(at.session) {
                    return if self.input.browse(input) {
                        refused(why)
                    } else {
                        Outcome::stay()
                    };
                }
                if self.input.input(input) {
                    self.typed(iv, at, now)
                } else {
                    Outcome::stay()
                }
            }
        }
    }

    /// Attach the selected note (or the one being typed) to the question the pad was
    /// opened on, or detach it if it is attached there already.
    fn attach(&mut self, iv: &mut Interview, at: At, now: Timestamp) -> Outcome {
        let notes = &iv.session(at.session).notes;
        let target = self
            .selected
            .and_then(|i| notes.get(i))
            .or_else(|| {
                self.editing
                    .and_then(|seq| notes.iter().find(|n| n.seq == seq))
            })
            .map(|n| (n.seq, n.question.clone()));
        let Some((seq, attached)) = target else {
            return Outcome::said(Level::Info, Words::msg("note-pick-first"));
        };
        let to = if attached.as_deref() == Some(self.question.as_str()) {
            None
        } else {
            Some(self.question.clone())
        };
        let change = match iv.attach_note(at.session, seq, to.as_deref(), now) {
            Ok(c) => c,
            Err(e) => return refused(e),
        };
        // The question's words, not its id: the id means little on a live call.
        let said = match to {
            Some(q) => {
                let words = iv
                    .guide
                    .guide
                    .question(&q)
                    .map(|x| x.text.get(iv.lang(), iv.default_language()))
                    .unwrap_or(&q);
                Words::msg("note-attached").arg("question", crate::neutralise::fit(words, 50))
            }
            None => Words::msg("note-detached"),
        };
        Outcome::said(Level::Info, said).with(Effect::Persist(change))
    }

    /// The selected note, moved to the next structure on the call (Alt-M again moves it on).
    fn move_note(&mut self, iv: &mut Interview, at: At, now: Timestamp) -> Outcome {
        let n = iv.sessions.len();
        if n < 2 {
            return Outcome::said(Level::Info, Words::msg("only-one-structure"));
        }
        let Some(seq) = self
            .selected
            .and_then(|i| iv.session(at.session).notes.get(i))
            .map(|n| n.seq)
        else {
            return Outcome::said(Level::Info, Words::msg("note-move-select-first"));
        };
        let to = (at.session + 1) % n;
        match iv.move_note(at.session, seq, to, now) {
            Ok((_, changes)) => {
                self.selected = None;
                let name = iv.session(to).structure_name(&iv.guide.guide, iv.lang());
                Outcome::effects(changes.into_iter().map(Effect::Persist).collect())
                    .say(Level::Info, Words::msg("note-moved").arg("structure", name))
            }
            Err(e) => refused(e),
        }
    }

    fn attribute(&mut self, iv: &mut Interview, at: At, now: Timestamp) -> Outcome {
        let Some(seq) = self
            .selected
            .and_then(|i| iv.session(at.session).notes.get(i))
            .map(|n| n.seq)
        else {
            return Outcome::said(
                Level::Info,
                crate::i18n::Words::msg("note-attribute-select-first"),
            );
        };
        match iv.attribute_note(at.session, seq, now) {
            Ok((change, who)) => {
                let said = match who {
                    Some(s) => crate::i18n::Words::msg("said-note-said-by").with("who", s.said()),
                    None => crate::i18n::Words::msg("said-note-said-by-no-one"),
                };
                Outcome::effects(vec![Effect::Persist(change)]).say(Level::Info, said)
            }
            Err(e) => refused(e),
        }
    }

    /// The text in the pad changed: a new note on its first key, then that note edited.
    fn typed(&mut self, iv: &mut Interview, at: At, now: Timestamp) -> Outcome {
        let text = self.input.text();
        let result = match self.editing {
            Some(seq) => iv.edit_note(at.session, seq, &text, now).map(|c| (seq, c)),
            None if text.trim().is_empty() => return Outcome::stay(),
            None => iv.add_note(at.session, &text, None, now),
        };
        match result {
            Ok((seq, change)) => {
                self.editing = Some(seq);
                Outcome::effects(vec![Effect::Persist(change)])
            }
            Err(e) => refused(e),
        }
    }
}

pub struct FindPanel {
    pub query: TextField,
    /// Matching questions (guide order indices).
    pub results: Vec<usize>,
    pub cursor: usize,
}

impl FindPanel {
    pub fn new(iv: &Interview, session: usize) -> FindPanel {
        let mut f = FindPanel {
            query: TextField::new("", false),
            results: Vec::new(),
            cursor: 0,
        };
        f.refresh(iv, session);
        f
    }

    fn refresh(&mut self, iv: &Interview, session: usize) {
        let needle = self.query.text().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let (lang, dl) = (iv.lang(), iv.default_language());
        self.results = iv
            .visible(session)
            .into_iter()
            .filter(|i| {
                let q = iv.question(*i);
                let hay = format!("{} {} {}", q.id, q.text.get(lang, dl), q.text.get(dl, dl))
                    .to_lowercase();
                words.iter().all(|w| hay.contains(w))
            })
            .collect();
        self.cursor = self.cursor.min(self.results.len().saturating_sub(1));
    }

    fn update(&mut self, iv: &Interview, at: At, input: Input, action: Option<Action>) -> Outcome {
        match action {
            Some(Action::Back) => Outcome::go(Go::Close),
            Some(Action::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                Outcome::stay()
            }
            Some(Action::Down) => {
                self.cursor = (self.cursor + 1).min(self.results.len().saturating_sub(1));
                Outcome::stay()
            }
            Some(Action::Open) => match self.results.get(self.cursor) {
                Some(i) => Outcome::go(Go::Question(*i)),
                None => Outcome::said(Level::Info, Words::msg("find-none")),
            },
            _ => {
                if self.query.input(input) {
                    self.cursor = 0;
                    self.refresh(iv, at.session);
                }
                Outcome::stay()
            }
        }
    }
}

impl Panel {
    pub fn update(
        &mut self,
        iv: &mut Interview,
        at: At,
        input: Input,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        match self {
            Panel::AddStructure(add) => add.update(iv, at, input, action, now),
            Panel::CallDetails(d) => d.update(iv, input, action, now),
            Panel::Guidance(scroll) => match action {
                Some(Action::Back) => Outcome::go(Go::Close),
                Some(Action::Up) => {
                    *scroll = scroll.saturating_sub(1);
                    Outcome::stay()
                }
                Some(Action::Down) => {
                    *scroll = scroll.saturating_add(1);
                    Outcome::stay()
                }
                _ => Outcome::stay(),
            },
            Panel::Find(f) => f.update(iv, at, input, action),
            Panel::Review(r) => r.update(iv, at.session, action, now),
            Panel::Notes(pad) => pad.update(iv, at, input, action, now),
            Panel::Guard(g) => g.update(iv, at.session, action, now),
        }
    }

    pub fn paste(&mut self, iv: &mut Interview, at: At, text: &str, now: Timestamp) -> Outcome {
        match self {
            Panel::Notes(pad) => {
                if let Err(why) = iv.may_write_text(at.session) {
                    return Outcome::said(
                        Level::Warn,
                        crate::i18n::Words::msg("nothing-pasted")
                            .with("why", super::asks::refusal_words(why)),
                    );
                }
                if pad.input.paste(text) {
                    pad.typed(iv, at, now)
                } else {
                    Outcome::stay()
                }
            }
            Panel::Find(f) => {
                f.query.paste(text);
                f.refresh(iv, at.session);
                Outcome::stay()
            }
            Panel::AddStructure(add) => {
                if add.on_organisation {
                    add.organisation.paste(text);
                } else if add.label.paste(text) {
                    add.cursor = add.choices.len().saturating_sub(1);
                }
                Outcome::stay()
            }
            Panel::CallDetails(d) => {
                d.paste(text);
                Outcome::stay()
            }
            Panel::Review(_) | Panel::Guidance(_) | Panel::Guard(_) => Outcome::stay(),
        }
    }
}
