//! The panels that open over the interview: the general notes pad, find a question, review
//! and complete, the full guidance of a question, and adding a structure that joined late.

use jiff::Timestamp;
use ratatui_textarea::Input;

use super::app::Level;
use super::interview::{CallView, Outcome};
use super::keymap::Action;
use super::msg::Effect;
use super::text_field::TextField;
use crate::guide::Structure;

pub enum Panel {
    Notes(NotesPad),
    Find(FindPanel),
    Review(ReviewPanel),
    /// Scroll offset.
    Guidance(u16),
    AddStructure(Box<AddStructure>),
}

/// A structure that joined the call late: which one, the name of an Other, and the
/// organisation of the coordinator who joined (optional).
pub struct AddStructure {
    /// The structures not yet on the call, then Other (a call may have several).
    pub choices: Vec<Structure>,
    pub cursor: usize,
    pub label: TextField,
    pub organisation: TextField,
    /// Typing goes to the organisation, not the name.
    pub on_organisation: bool,
}

impl AddStructure {
    pub fn new(view: &CallView) -> AddStructure {
        let on_call: Vec<Structure> = view.tabs.iter().map(|t| t.session.structure).collect();
        let mut choices: Vec<Structure> = Structure::ALL
            .iter()
            .copied()
            .filter(|s| *s != Structure::Other && !on_call.contains(s))
            .collect();
        choices.push(Structure::Other);
        let mut label = TextField::new("", false);
        label.set_placeholder("e.g. Shelter Cluster");
        let mut organisation = TextField::new("", false);
        organisation.set_placeholder("e.g. UNICEF (optional)");
        AddStructure {
            choices,
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
        let role = match self.chosen() {
            Structure::ProtectionCluster => "protection_cluster_coordinator",
            Structure::CpAor => "cp_aor_coordinator",
            Structure::GbvAor => "gbv_aor_coordinator",
            Structure::Other => "other",
        };
        Some(crate::session::Participant {
            role: role.into(),
            organisation,
            name: String::new(),
        })
    }

    pub fn chosen(&self) -> Structure {
        self.choices
            .get(self.cursor)
            .copied()
            .unwrap_or(Structure::Other)
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
        let mut input = TextField::new("", true);
        input.set_placeholder("Type a note; Enter starts another");
        NotesPad {
            input,
            editing: None,
            selected: None,
            question,
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
    pub fn new(view: &CallView) -> FindPanel {
        let mut f = FindPanel {
            query: TextField::new("", false),
            results: Vec::new(),
            cursor: 0,
        };
        f.refresh(view);
        f
    }

    fn refresh(&mut self, view: &CallView) {
        let needle = self.query.text().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let lang = view.lang();
        let dl = view.guide.guide.default_language();
        let qs: Vec<_> = view.guide.guide.questions().collect();
        self.results = view
            .visible()
            .into_iter()
            .filter(|i| {
                let q = qs[*i];
                let hay = format!("{} {} {}", q.id, q.text.get(lang, dl), q.text.get(dl, dl))
                    .to_lowercase();
                words.iter().all(|w| hay.contains(w))
            })
            .collect();
        self.cursor = self.cursor.min(self.results.len().saturating_sub(1));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Section(usize),
    /// An unanswered visible question, by guide order index.
    Question(usize),
}

#[derive(Default)]
pub struct ReviewPanel {
    /// Index into the question rows.
    pub cursor: usize,
}

/// The review list: each section, then its unanswered questions.
pub fn review_rows(view: &CallView) -> Vec<ReviewRow> {
    let answers = &view.tab().session.answers;
    let qs: Vec<_> = view.guide.guide.questions().collect();
    let visible = view.visible();
    let mut rows = Vec::new();
    for si in 0..view.guide.guide.sections.len() {
        rows.push(ReviewRow::Section(si));
        for i in visible.iter().filter(|i| view.section_of(**i) == si) {
            if !answers.get(&qs[*i].id).is_some_and(|a| a.is_settled()) {
                rows.push(ReviewRow::Question(*i));
            }
        }
    }
    rows
}

pub fn update(
    view: &mut CallView,
    input: Input,
    action: Option<Action>,
    now: Timestamp,
) -> Outcome {
    let Some(panel) = view.panel.take() else {
        return Outcome::Stay(Vec::new());
    };
    match panel {
        Panel::AddStructure(mut add) => match action {
            Some(Action::Back) => Outcome::Stay(Vec::new()),
            Some(Action::Up) | Some(Action::Down) => {
                add.cursor = if action == Some(Action::Up) {
                    add.cursor.saturating_sub(1)
                } else {
                    (add.cursor + 1).min(add.choices.len().saturating_sub(1))
                };
                view.panel = Some(Panel::AddStructure(add));
                Outcome::Stay(Vec::new())
            }
            Some(Action::NextField) => {
                add.on_organisation = !add.on_organisation;
                view.panel = Some(Panel::AddStructure(add));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Open) => {
                let structure = add.chosen();
                let label = add.label.text().trim().to_string();
                let joined = add.joined();
                if structure == Structure::Other && label.is_empty() {
                    view.panel = Some(Panel::AddStructure(add));
                    return Outcome::Say(
                        Level::Warn,
                        "Type the other structure's name first.".into(),
                        Vec::new(),
                    );
                }
                Outcome::Stay(vec![Effect::AddSession {
                    like: view.tab().session.id.clone(),
                    structure,
                    label,
                    joined,
                }])
            }
            _ => {
                if add.on_organisation {
                    add.organisation.input(input);
                } else if add.label.input(input) {
                    // Typing a name means Other: the choice moves there.
                    add.cursor = add.choices.len().saturating_sub(1);
                }
                view.panel = Some(Panel::AddStructure(add));
                Outcome::Stay(Vec::new())
            }
        },
        Panel::Guidance(scroll) => {
            match action {
                Some(Action::Back) => {}
                Some(Action::Up) => view.panel = Some(Panel::Guidance(scroll.saturating_sub(1))),
                Some(Action::Down) => view.panel = Some(Panel::Guidance(scroll.saturating_add(1))),
                _ => view.panel = Some(Panel::Guidance(scroll)),
            }
            Outcome::Stay(Vec::new())
        }
        Panel::Find(mut f) => match action {
            Some(Action::Back) => Outcome::Stay(Vec::new()),
            Some(Action::Up) => {
                f.cursor = f.cursor.saturating_sub(1);
                view.panel = Some(Panel::Find(f));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Down) => {
                f.cursor = (f.cursor + 1).min(f.results.len().saturating_sub(1));
                view.panel = Some(Panel::Find(f));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Open) => match f.results.get(f.cursor) {
                Some(i) => Outcome::Stay(view.goto(*i)),
                None => {
                    view.panel = Some(Panel::Find(f));
                    Outcome::Say(Level::Info, "No question matches.".into(), Vec::new())
                }
            },
            _ => {
                if f.query.input(input) {
                    f.cursor = 0;
                    f.refresh(view);
                }
                view.panel = Some(Panel::Find(f));
                Outcome::Stay(Vec::new())
            }
        },
        Panel::Review(mut r) => {
            let questions: Vec<usize> = review_rows(view)
                .into_iter()
                .filter_map(|row| match row {
                    ReviewRow::Question(i) => Some(i),
                    ReviewRow::Section(_) => None,
                })
                .collect();
            match action {
                Some(Action::Back) => Outcome::Stay(Vec::new()),
                Some(Action::Open) => match questions.get(r.cursor) {
                    Some(i) => Outcome::Stay(view.goto(*i)),
                    None => {
                        view.panel = Some(Panel::Review(r));
                        Outcome::Stay(Vec::new())
                    }
                },
                Some(Action::Complete) => {
                    view.panel = Some(Panel::Review(r));
                    let outcome = view.ask_complete();
                    if matches!(outcome, Outcome::Ask(..)) {
                        view.panel = None;
                    }
                    outcome
                }
                other => {
                    let last = questions.len().saturating_sub(1);
                    r.cursor = match other {
                        Some(Action::Up) => r.cursor.saturating_sub(1),
                        Some(Action::Down) => (r.cursor + 1).min(last),
                        Some(Action::Top) => 0,
                        Some(Action::Bottom) => last,
                        _ => r.cursor,
                    };
                    view.panel = Some(Panel::Review(r));
                    Outcome::Stay(Vec::new())
                }
            }
        }
        Panel::Notes(mut pad) => {
            let outcome = notes(view, &mut pad, input, action, now);
            if !matches!(action, Some(Action::Back)) {
                view.panel = Some(Panel::Notes(pad));
            }
            outcome
        }
    }
}

fn notes(
    view: &mut CallView,
    pad: &mut NotesPad,
    input: Input,
    action: Option<Action>,
    now: Timestamp,
) -> Outcome {
    let count = view.tab().session.notes.len();
    match action {
        Some(Action::Back) => Outcome::Stay(Vec::new()),
        Some(Action::Up) => {
            pad.selected = match pad.selected {
                None if count > 0 => Some(count - 1),
                None => None,
                Some(i) => Some(i.saturating_sub(1)),
            };
            Outcome::Stay(Vec::new())
        }
        Some(Action::Down) => {
            pad.selected = pad.selected.and_then(|i| (i + 1 < count).then_some(i + 1));
            Outcome::Stay(Vec::new())
        }
        Some(Action::Submit) => {
            pad.editing = None;
            pad.selected = None;
            pad.input = NotesPad::new(pad.question.clone()).input;
            Outcome::Stay(Vec::new())
        }
        Some(Action::Edit) => {
            if let Some(n) = pad.selected.and_then(|i| view.tab().session.notes.get(i)) {
                pad.editing = Some(n.seq);
                pad.input = TextField::new(&n.text, true);
                pad.selected = None;
            }
            Outcome::Stay(Vec::new())
        }
        Some(Action::Attach) => {
            let target = pad
                .selected
                .and_then(|i| view.tab().session.notes.get(i))
                .map(|n| (n.seq, n.question.clone()))
                .or_else(|| {
                    pad.editing.and_then(|seq| {
                        view.tab()
                            .session
                            .notes
                            .iter()
                            .find(|n| n.seq == seq)
                            .map(|n| (n.seq, n.question.clone()))
                    })
                });
            let Some((seq, attached)) = target else {
                return Outcome::Say(
                    Level::Info,
                    "Pick a note with ↑ first, or type one.".into(),
                    Vec::new(),
                );
            };
            let to = if attached.as_deref() == Some(pad.question.as_str()) {
                None
            } else {
                Some(pad.question.clone())
            };
            let guide = view.guide.clone();
            let t = &mut view.tabs[view.active];
            if let Err(e) = t.session.attach_note(seq, to.as_deref(), &guide.guide, now) {
                return Outcome::Say(Level::Error, e.to_string(), Vec::new());
            }
            let session = t.session.id.clone();
            let save = view.save(Effect::SaveNote { session, seq });
            // The question's words, not its id: the id means little on a live call.
            let said = match to {
                Some(q) => {
                    let words = guide
                        .guide
                        .questions()
                        .find(|x| x.id == q)
                        .map(|x| x.text.get(view.lang(), guide.guide.default_language()))
                        .unwrap_or(&q);
                    format!("Note attached to “{}”", crate::neutralise::fit(words, 50))
                }
                None => "Note detached".to_string(),
            };
            Outcome::Say(Level::Info, said, vec![save])
        }
        _ => {
            if pad.input.input(input) {
                typed_note(view, pad, now)
            } else {
                Outcome::Stay(Vec::new())
            }
        }
    }
}

fn typed_note(view: &mut CallView, pad: &mut NotesPad, now: Timestamp) -> Outcome {
    let text = pad.input.text();
    let guide = view.guide.clone();
    let t = &mut view.tabs[view.active];
    if t.read_only() || t.session.status == crate::session::Status::Completed {
        return Outcome::Say(
            Level::Warn,
            "Read-only: this note is not saved".into(),
            Vec::new(),
        );
    }
    let result = match pad.editing {
        Some(seq) => t.session.edit_note(seq, &text, now).map(|_| seq),
        None if text.trim().is_empty() => return Outcome::Stay(Vec::new()),
        None => t.session.add_note(&text, None, &guide.guide, now),
    };
    match result {
        Ok(seq) => {
            pad.editing = Some(seq);
            let session = t.session.id.clone();
            Outcome::Stay(vec![view.save(Effect::SaveNote { session, seq })])
        }
        Err(e) => Outcome::Say(Level::Error, e.to_string(), Vec::new()),
    }
}

pub fn paste(view: &mut CallView, text: &str, now: Timestamp) -> Vec<Effect> {
    match view.panel.take() {
        Some(Panel::Notes(mut pad)) => {
            let effects = if pad.input.paste(text) {
                match typed_note(view, &mut pad, now) {
                    Outcome::Stay(e)
                    | Outcome::Home(e)
                    | Outcome::Ask(_, e)
                    | Outcome::Say(_, _, e) => e,
                }
            } else {
                Vec::new()
            };
            view.panel = Some(Panel::Notes(pad));
            effects
        }
        Some(Panel::Find(mut f)) => {
            f.query.paste(text);
            f.refresh(view);
            view.panel = Some(Panel::Find(f));
            Vec::new()
        }
        Some(Panel::AddStructure(mut add)) => {
            if add.on_organisation {
                add.organisation.paste(text);
            } else if add.label.paste(text) {
                add.cursor = add.choices.len().saturating_sub(1);
            }
            view.panel = Some(Panel::AddStructure(add));
            Vec::new()
        }
        other => {
            view.panel = other;
            Vec::new()
        }
    }
}
