//! The interview: one tab per structure on the call, each with its own session, place in
//! the guide and save state. Answers go into the in-memory session through its validating
//! methods, and every change becomes an effect that saves it.

use jiff::Timestamp;
use ratatui_textarea::{Input, Key};

use super::app::{Dialog, DialogChoice, Level, Then};
use super::keymap::{Action, Ctx};
use super::msg::{Effect, OpenedCall};
use super::panels::{AddStructure, FindPanel, NotesPad, Panel, ReviewPanel};
use super::text_field::TextField;
use crate::guide::{LoadedGuide, Question, QuestionType};
use crate::session::{
    Call, Field, Session, SessionError, Special, Status, Value, format_number, parse_typed,
};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything on screen is committed; when the last commit happened.
    Saved(Option<Timestamp>),
    Saving,
    Failed(String),
    ReadOnly(String),
}

/// One row of a choice widget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionRow {
    Choice(usize),
    Yes,
    No,
    DontKnow,
    Scale(i64),
}

pub struct Tab {
    pub session: Session,
    /// Index of the current question in guide order.
    pub current: usize,
    pub field: Field,
    /// Typing in a text field (letters are text, not commands).
    pub editing: bool,
    /// Cursor in a choice widget.
    pub option: usize,
    pub answer: TextField,
    pub other: TextField,
    pub note: TextField,
    pub save: SaveState,
    /// A failed save is retried by writing the whole session, and until that works every
    /// save writes the whole session, so nothing typed meanwhile is missed.
    pub needs_full_save: bool,
    /// Inline validation of what is typed (a number, a date).
    pub field_error: Option<String>,
}

pub struct CallView {
    pub call: Call,
    pub guide: LoadedGuide,
    pub tabs: Vec<Tab>,
    pub active: usize,
    pub panel: Option<Panel>,
    /// The first digit of a two-digit option number (lists of more than ten options),
    /// waiting for the second; any other key takes that digit's own option first, Esc
    /// drops it.
    pub pending_digit: Option<usize>,
}

pub enum Outcome {
    Stay(Vec<Effect>),
    Home(Vec<Effect>),
    Ask(Dialog, Vec<Effect>),
    Say(Level, String, Vec<Effect>),
}

pub fn option_rows(q: &Question) -> Vec<OptionRow> {
    match q.kind {
        QuestionType::Single | QuestionType::Multi => {
            (0..q.options.len()).map(OptionRow::Choice).collect()
        }
        QuestionType::YesNo => vec![OptionRow::Yes, OptionRow::No, OptionRow::DontKnow],
        QuestionType::Scale => {
            let lo = q.min.unwrap_or(1.0) as i64;
            let hi = q.max.unwrap_or(5.0) as i64;
            (lo..=hi).map(OptionRow::Scale).collect()
        }
        _ => Vec::new(),
    }
}

pub fn is_text_kind(q: &Question) -> bool {
    matches!(
        q.kind,
        QuestionType::Text | QuestionType::LongText | QuestionType::Number | QuestionType::Date
    )
}

pub fn has_other(q: &Question) -> bool {
    q.options.iter().any(|o| o.other)
}

impl Tab {
    fn new(session: Session, guide: &LoadedGuide, read_only: bool) -> Tab {
        let mut t = Tab {
            save: match (read_only, session.status) {
                (false, _) => SaveState::Saved(None),
                (true, Status::Completed) => SaveState::ReadOnly(
                    "this session is completed; reopen it from the list (a new revision) to change it".into(),
                ),
                (true, _) => SaveState::ReadOnly("another stocktake edits it".into()),
            },
            session,
            current: 0,
            field: Field::Answer,
            editing: false,
            option: 0,
            answer: TextField::new("", false),
            other: TextField::new("", false),
            note: TextField::new("", true),
            needs_full_save: false,
            field_error: None,
        };
        let questions: Vec<&Question> = guide.guide.questions().collect();
        let vis = t.session.visibility(&guide.guide);
        let resume = t
            .session
            .position
            .question
            .as_deref()
            .and_then(|id| questions.iter().position(|q| q.id == id));
        let field = t.session.position.field;
        let start = match resume {
            Some(i) if vis.is_visible(&questions[i].id) => i,
            Some(i) => (i..questions.len())
                .chain(0..i)
                .find(|j| vis.is_visible(&questions[*j].id))
                .unwrap_or(0),
            None => questions
                .iter()
                .position(|q| vis.is_visible(&q.id))
                .unwrap_or(0),
        };
        t.load_question(guide, start);
        if resume == Some(start) {
            t.field = field;
            if field == Field::Other && !has_other(questions[start]) {
                t.field = Field::Answer;
            }
        }
        t.editing = t.is_text_field(questions[start]);
        t
    }

    pub fn read_only(&self) -> bool {
        matches!(self.save, SaveState::ReadOnly(_))
    }

    /// Build the editors of question `index` from what is recorded.
    fn load_question(&mut self, guide: &LoadedGuide, index: usize) {
        let Some(q) = guide.guide.questions().nth(index) else {
            return;
        };
        self.current = index;
        self.field = Field::Answer;
        self.field_error = None;
        let a = self.session.answers.get(&q.id).cloned().unwrap_or_default();
        let text = match &a.value {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::Number(n)) => format_number(*n),
            Some(Value::Date(d)) => d.to_string(),
            _ => String::new(),
        };
        self.answer = TextField::new(&text, q.kind == QuestionType::LongText);
        self.other = TextField::new(&a.other, false);
        self.note = TextField::new(&a.note, true);
        let rows = option_rows(q);
        self.option = rows
            .iter()
            .position(|r| row_selected(q, &a.value, a.special, *r))
            .unwrap_or(0);
        self.editing = is_text_kind(q);
    }

    fn is_text_field(&self, q: &Question) -> bool {
        match self.field {
            Field::Answer => is_text_kind(q),
            Field::Other | Field::Note => true,
        }
    }

    fn fields(q: &Question) -> Vec<Field> {
        let mut f = vec![Field::Answer];
        if has_other(q) {
            f.push(Field::Other);
        }
        f.push(Field::Note);
        f
    }
}

/// Whether a choice row shows as chosen for the recorded value.
pub fn row_selected(
    q: &Question,
    value: &Option<Value>,
    special: Option<Special>,
    row: OptionRow,
) -> bool {
    match (row, value) {
        (OptionRow::Choice(i), Some(Value::Choice(v))) => q.options[i].value == *v,
        (OptionRow::Choice(i), Some(Value::Choices(vs))) => vs.contains(&q.options[i].value),
        (OptionRow::Yes, Some(Value::YesNo(true))) | (OptionRow::No, Some(Value::YesNo(false))) => {
            true
        }
        (OptionRow::DontKnow, _) => special == Some(Special::DontKnow),
        (OptionRow::Scale(n), Some(Value::Scale(m))) => n == *m,
        _ => false,
    }
}

impl CallView {
    pub fn new(opened: OpenedCall) -> CallView {
        let tabs = opened
            .sessions
            .into_iter()
            .map(|s| Tab::new(s, &opened.guide, opened.read_only))
            .collect();
        CallView {
            call: opened.call,
            guide: opened.guide,
            tabs,
            active: opened.focus,
            panel: None,
            pending_digit: None,
        }
    }

    pub fn lang(&self) -> &str {
        &self.call.language
    }

    /// A structure joined the call: its session becomes the last tab, and the one shown.
    pub fn add_tab(&mut self, session: Session) {
        self.tabs.push(Tab::new(session, &self.guide, false));
        self.active = self.tabs.len() - 1;
        self.panel = None;
    }

    pub fn tab(&self) -> &Tab {
        &self.tabs[self.active]
    }

    pub fn question(&self) -> &Question {
        self.question_at(self.tab().current)
    }

    pub fn question_at(&self, index: usize) -> &Question {
        self.guide
            .guide
            .questions()
            .nth(index)
            .or_else(|| self.guide.guide.questions().next())
            .expect("a loaded guide has questions")
    }

    /// Section index of a question, by its place in guide order.
    pub fn section_of(&self, index: usize) -> usize {
        let mut n = index;
        for (si, s) in self.guide.guide.sections.iter().enumerate() {
            if n < s.questions.len() {
                return si;
            }
            n -= s.questions.len();
        }
        0
    }

    /// Indices (guide order) of the questions skip logic shows in the active session.
    pub fn visible(&self) -> Vec<usize> {
        let vis = self.tab().session.visibility(&self.guide.guide);
        self.guide
            .guide
            .questions()
            .enumerate()
            .filter(|(_, q)| vis.is_visible(&q.id))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn session_ids(&self) -> Vec<String> {
        self.tabs.iter().map(|t| t.session.id.clone()).collect()
    }

    pub fn all_completed(&self) -> bool {
        self.tabs
            .iter()
            .all(|t| t.session.status == Status::Completed)
    }

    pub fn ctx(&self) -> Ctx {
        match &self.panel {
            Some(Panel::Notes(_)) => Ctx::Notes,
            Some(Panel::Find(_)) => Ctx::Find,
            Some(Panel::Review(_)) => Ctx::Review,
            Some(Panel::Guidance(_)) => Ctx::Guidance,
            Some(Panel::AddStructure(_)) => Ctx::AddStructure,
            None if self.tab().editing => Ctx::InterviewText,
            None => Ctx::Interview,
        }
    }

    fn tab_by_id(&mut self, session: &str) -> Option<&mut Tab> {
        self.tabs.iter_mut().find(|t| t.session.id == session)
    }

    pub fn saved(&mut self, session: &str, at: Timestamp, full: bool) {
        if let Some(t) = self.tab_by_id(session)
            && !t.read_only()
        {
            if full {
                t.needs_full_save = false;
            }
            if !t.needs_full_save {
                t.save = SaveState::Saved(Some(at));
            }
        }
    }

    pub fn save_failed(&mut self, session: &str, message: &str) {
        if let Some(t) = self.tab_by_id(session) {
            t.save = SaveState::Failed(message.to_string());
            t.needs_full_save = true;
        }
    }

    pub fn lock_lost(&mut self, session: &str) {
        if let Some(t) = self.tab_by_id(session) {
            t.save = SaveState::ReadOnly("taken over by another stocktake".into());
            t.editing = false;
        }
    }

    pub fn completed(&mut self, session: &str) {
        if let Some(t) = self.tab_by_id(session) {
            t.editing = false;
        }
    }

    pub fn replace_session(&mut self, session: Session) {
        let guide = self.guide.clone();
        if let Some(t) = self.tab_by_id(&session.id) {
            let current = t.current;
            t.session = session;
            t.save = SaveState::Saved(None);
            t.load_question(&guide, current);
        }
    }

    /// Once a second: a save that failed is tried again, whole.
    pub fn retry_failed_saves(&mut self) -> Vec<Effect> {
        self.tabs
            .iter_mut()
            .filter(|t| matches!(t.save, SaveState::Failed(_)))
            .map(|t| {
                t.save = SaveState::Saving;
                Effect::SaveAll {
                    session: t.session.id.clone(),
                }
            })
            .collect()
    }

    /// The effect that saves a change, marking the tab as saving.
    pub(super) fn save(&mut self, effect: Effect) -> Effect {
        let t = &mut self.tabs[self.active];
        t.save = SaveState::Saving;
        if t.needs_full_save {
            return Effect::SaveAll {
                session: t.session.id.clone(),
            };
        }
        effect
    }

    pub(super) fn goto(&mut self, index: usize) -> Vec<Effect> {
        let guide = self.guide.clone();
        let t = &mut self.tabs[self.active];
        t.load_question(&guide, index);
        self.position_effect()
    }

    fn position_effect(&mut self) -> Vec<Effect> {
        let qid = self.question().id.clone();
        let t = &mut self.tabs[self.active];
        t.session.position.question = Some(qid);
        t.session.position.field = t.field;
        if t.read_only() || t.session.status == Status::Completed {
            return Vec::new();
        }
        vec![Effect::SavePosition {
            session: t.session.id.clone(),
        }]
    }

    fn step_question(&mut self, forward: bool) -> Outcome {
        let visible = self.visible();
        let cur = self.tab().current;
        let next = if forward {
            visible.iter().find(|i| **i > cur).copied()
        } else {
            visible.iter().rev().find(|i| **i < cur).copied()
        };
        match next {
            Some(i) => Outcome::Stay(self.goto(i)),
            None if forward => Outcome::Say(
                Level::Info,
                "Last question. Press r to review and complete.".into(),
                Vec::new(),
            ),
            None => Outcome::Say(Level::Info, "First question.".into(), Vec::new()),
        }
    }

    fn step_section(&mut self, forward: bool) -> Outcome {
        let visible = self.visible();
        let here = self.section_of(self.tab().current);
        let target = if forward {
            visible
                .iter()
                .find(|i| self.section_of(**i) > here)
                .copied()
        } else {
            // The first visible question of the previous section that has any.
            let before: Vec<usize> = visible
                .iter()
                .copied()
                .filter(|i| self.section_of(*i) < here)
                .collect();
            before
                .last()
                .map(|last| self.section_of(*last))
                .and_then(|s| before.iter().find(|i| self.section_of(**i) == s).copied())
        };
        match target {
            Some(i) => Outcome::Stay(self.goto(i)),
            None => Outcome::Say(Level::Info, "No more sections that way.".into(), Vec::new()),
        }
    }

    fn next_unanswered(&mut self) -> Outcome {
        let visible = self.visible();
        let cur = self.tab().current;
        let qs: Vec<&Question> = self.guide.guide.questions().collect();
        let answers = &self.tab().session.answers;
        let open = |i: &usize| !answers.get(&qs[*i].id).is_some_and(|a| a.is_settled());
        let after = visible.iter().filter(|i| **i > cur).find(|i| open(i));
        let before = visible.iter().filter(|i| **i <= cur).find(|i| open(i));
        match after.or(before).copied() {
            Some(i) if i == cur => Outcome::Say(
                Level::Info,
                "This is the only unanswered question.".into(),
                Vec::new(),
            ),
            Some(i) => Outcome::Stay(self.goto(i)),
            None => Outcome::Say(
                Level::Info,
                "Every question shown is answered. Press r to review and complete.".into(),
                Vec::new(),
            ),
        }
    }

    fn set_field(&mut self, forward: bool) -> Vec<Effect> {
        let q = self.question().clone();
        let t = &mut self.tabs[self.active];
        let fields = Tab::fields(&q);
        let at = fields.iter().position(|f| *f == t.field).unwrap_or(0);
        let n = fields.len();
        t.field = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        t.editing = t.is_text_field(&q);
        self.position_effect()
    }

    pub fn update(&mut self, input: Input, action: Option<Action>, now: Timestamp) -> Outcome {
        if self.panel.is_some() {
            return super::panels::update(self, input, action, now);
        }
        let pending = self.pending_digit.take();
        if let Some(d) = pending {
            let digit = matches!(input.key, Key::Char('0'..='9')) && !input.ctrl && !input.alt;
            // Space or Enter take the option under the cursor, which is d's own.
            if !digit && action != Some(Action::Select) {
                if action == Some(Action::Back) {
                    // Esc takes back the digit, and only that.
                    return Outcome::Stay(Vec::new());
                }
                // Any other key means d alone was meant, as on a short list: take it, then
                // do what the key does (1 then PgDn ticks option 1 and moves on).
                return match self.choose(d - 1, now) {
                    Outcome::Stay(mut effects) => match self.act(input, action, None, now) {
                        Outcome::Stay(e) => {
                            effects.extend(e);
                            Outcome::Stay(effects)
                        }
                        Outcome::Home(e) => {
                            effects.extend(e);
                            Outcome::Home(effects)
                        }
                        Outcome::Ask(dialog, e) => {
                            effects.extend(e);
                            Outcome::Ask(dialog, effects)
                        }
                        Outcome::Say(level, text, e) => {
                            effects.extend(e);
                            Outcome::Say(level, text, effects)
                        }
                    },
                    refused => refused,
                };
            }
        }
        self.act(input, action, pending, now)
    }

    /// What a key does in the interview, `pending` the first digit of a two-digit option
    /// number typed just before.
    fn act(
        &mut self,
        input: Input,
        action: Option<Action>,
        pending: Option<usize>,
        now: Timestamp,
    ) -> Outcome {
        match action {
            Some(Action::NextQuestion) => self.step_question(true),
            Some(Action::PrevQuestion) => self.step_question(false),
            Some(Action::NextSection) => self.step_section(true),
            Some(Action::PrevSection) => self.step_section(false),
            Some(Action::NextUnanswered) => self.next_unanswered(),
            Some(Action::NextField) => Outcome::Stay(self.set_field(true)),
            Some(Action::PrevField) => Outcome::Stay(self.set_field(false)),
            Some(Action::NextTab) | Some(Action::PrevTab) => {
                if self.tabs.len() == 1 {
                    return Outcome::Say(
                        Level::Info,
                        "Only one structure on this call.".into(),
                        Vec::new(),
                    );
                }
                let n = self.tabs.len();
                self.active = if action == Some(Action::NextTab) {
                    (self.active + 1) % n
                } else {
                    (self.active + n - 1) % n
                };
                Outcome::Stay(Vec::new())
            }
            Some(Action::NotesPad) => {
                self.panel = Some(Panel::Notes(NotesPad::new(self.question().id.clone())));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Find) => {
                self.panel = Some(Panel::Find(FindPanel::new(self)));
                Outcome::Stay(Vec::new())
            }
            Some(Action::AddStructure) => {
                if let Some(why) = self.tabs.iter().find_map(|t| match &t.save {
                    SaveState::ReadOnly(why) => Some(why.clone()),
                    _ => None,
                }) {
                    return Outcome::Say(
                        Level::Warn,
                        format!("Cannot add a structure: {why}"),
                        Vec::new(),
                    );
                }
                self.panel = Some(Panel::AddStructure(Box::new(AddStructure::new(self))));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Review) => {
                self.panel = Some(Panel::Review(ReviewPanel::default()));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Guidance) => {
                self.panel = Some(Panel::Guidance(0));
                Outcome::Stay(Vec::new())
            }
            Some(Action::Language) => {
                let langs = &self.guide.guide.languages;
                let at = langs
                    .iter()
                    .position(|l| *l == self.call.language)
                    .unwrap_or(0);
                self.call.language = langs[(at + 1) % langs.len()].clone();
                let lang = self.call.language.clone();
                for t in &mut self.tabs {
                    t.session.language = lang.clone();
                }
                Outcome::Say(
                    Level::Info,
                    format!("Guide language: {lang}"),
                    vec![Effect::SaveCall],
                )
            }
            Some(Action::Back) => {
                let t = &mut self.tabs[self.active];
                if t.editing {
                    t.editing = false;
                    Outcome::Stay(Vec::new())
                } else {
                    Outcome::Home(vec![Effect::CloseCall {
                        sessions: self.session_ids(),
                    }])
                }
            }
            Some(Action::DontKnow) => self.special(Special::DontKnow, now),
            Some(Action::Declined) => self.special(Special::Declined, now),
            Some(Action::NotAsked) => self.special(Special::NotAsked, now),
            Some(Action::Clear) => self.edit_answer(now, |s, g, q, now| s.clear_answer(g, q, now)),
            Some(Action::Up) | Some(Action::Down) => {
                let q = self.question().clone();
                let t = &mut self.tabs[self.active];
                let rows = option_rows(&q);
                if t.field == Field::Answer && !rows.is_empty() {
                    t.option = if action == Some(Action::Up) {
                        t.option.saturating_sub(1)
                    } else {
                        (t.option + 1).min(rows.len() - 1)
                    };
                    Outcome::Stay(Vec::new())
                } else {
                    Outcome::Stay(self.set_field(action == Some(Action::Down)))
                }
            }
            Some(Action::Select) => {
                let q = self.question().clone();
                let t = &mut self.tabs[self.active];
                if t.is_text_field(&q) {
                    t.editing = true;
                    return Outcome::Stay(Vec::new());
                }
                let option = t.option;
                self.choose(option, now)
            }
            Some(Action::Edit) => {
                let q = self.question().clone();
                let t = &mut self.tabs[self.active];
                if t.is_text_field(&q) {
                    t.editing = true;
                }
                Outcome::Stay(Vec::new())
            }
            _ => self.typed(input, pending, now),
        }
    }

    /// A key no binding took: text for the field being edited, or a digit choosing an option.
    fn typed(&mut self, input: Input, pending: Option<usize>, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        if self.tab().editing {
            if input.key == Key::Enter
                && self.tab().field == Field::Answer
                && q.kind != QuestionType::LongText
            {
                // Enter after a short answer moves on: the fastest path on a live call.
                return self.step_question(true);
            }
            let t = &mut self.tabs[self.active];
            // ↑ and ↓ at the edge of a text field move to the neighbouring field, so the
            // arrows alone walk through a question.
            let field = match t.field {
                Field::Answer => &t.answer,
                Field::Other => &t.other,
                Field::Note => &t.note,
            };
            let plain = !input.ctrl && !input.alt && !input.shift;
            if plain && input.key == Key::Down && field.at_last_line() && t.field != Field::Note {
                return Outcome::Stay(self.set_field(true));
            }
            if plain && input.key == Key::Up && field.at_first_line() && t.field != Field::Answer {
                return Outcome::Stay(self.set_field(false));
            }
            let t = &mut self.tabs[self.active];
            let changed = match t.field {
                Field::Answer => t.answer.input(input),
                Field::Other => t.other.input(input),
                Field::Note => t.note.input(input),
            };
            return if changed {
                self.text_changed(now)
            } else {
                Outcome::Stay(Vec::new())
            };
        }
        if let Key::Char(c @ '0'..='9') = input.key
            && !input.ctrl
            && !input.alt
            && self.tab().field == Field::Answer
        {
            let d = c as usize - '0' as usize;
            let count = option_rows(&q).len();
            let n = match pending {
                Some(first) => first * 10 + d,
                // 0 is the tenth option, as on a list of ten.
                None if d == 0 => 10,
                // On a list of more than ten, a digit that starts a two-digit number waits
                // for the second, with the cursor on its own option; any other key takes
                // that option first (see `update`), so 1 then PgDn means option 1 as on a
                // short list.
                None if count > 10 && d * 10 <= count => {
                    self.pending_digit = Some(d);
                    self.tabs[self.active].option = d - 1;
                    return Outcome::Say(
                        Level::Info,
                        format!(
                            "{d}… a second digit picks {}–{}; any other key takes {d}; Esc cancels",
                            d * 10,
                            (d * 10 + 9).min(count)
                        ),
                        Vec::new(),
                    );
                }
                None => d,
            };
            if (1..=count).contains(&n) {
                self.tabs[self.active].option = n - 1;
                return self.choose(n - 1, now);
            }
            return Outcome::Say(Level::Warn, format!("There is no option {n}"), Vec::new());
        }
        Outcome::Stay(Vec::new())
    }

    pub fn paste(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        if self.panel.is_some() {
            return super::panels::paste(self, text, now);
        }
        let q = self.question().clone();
        let t = &mut self.tabs[self.active];
        if !t.is_text_field(&q) {
            // Pasting onto a choice means the note: nothing pasted is dropped.
            t.field = Field::Note;
        }
        t.editing = true;
        let changed = match t.field {
            Field::Answer => t.answer.paste(text),
            Field::Other => t.other.paste(text),
            Field::Note => t.note.paste(text),
        };
        if !changed {
            return Vec::new();
        }
        match self.text_changed(now) {
            Outcome::Stay(e) | Outcome::Home(e) | Outcome::Ask(_, e) | Outcome::Say(_, _, e) => e,
        }
    }

    /// The field being typed in changed: record it in the session and save it.
    fn text_changed(&mut self, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let guide = self.guide.clone();
        let t = &mut self.tabs[self.active];
        if let Some(why) = refuse_edit(t) {
            return Outcome::Say(Level::Warn, why, Vec::new());
        }
        let field = t.field;
        let result = match field {
            Field::Note => t.session.set_note(&guide.guide, &q.id, &t.note.text(), now),
            Field::Other => t
                .session
                .set_other(&guide.guide, &q.id, &t.other.text(), now),
            Field::Answer => {
                let text = t.answer.text();
                t.field_error = None;
                if text.trim().is_empty() {
                    t.session.clear_answer(&guide.guide, &q.id, now)
                } else {
                    match parse_typed(&q, &text) {
                        Ok(v) => t.session.set_value(&guide.guide, &q.id, v, now),
                        Err(e) => {
                            // Not stored: the last valid value stays until this one is.
                            t.field_error = Some(format!("not saved: {e}"));
                            return Outcome::Stay(Vec::new());
                        }
                    }
                }
            }
        };
        self.after_edit(result, &q.id, field)
    }

    fn after_edit(&mut self, result: Result<(), SessionError>, qid: &str, field: Field) -> Outcome {
        if let Err(e) = result {
            return Outcome::Say(Level::Error, e.to_string(), Vec::new());
        }
        let session = self.tab().session.id.clone();
        let save = self.save(Effect::SaveAnswer {
            session,
            question: qid.to_string(),
            field,
        });
        Outcome::Stay(vec![save])
    }

    fn edit_answer(
        &mut self,
        now: Timestamp,
        f: impl FnOnce(&mut Session, &crate::guide::Guide, &str, Timestamp) -> Result<(), SessionError>,
    ) -> Outcome {
        let q = self.question().clone();
        let guide = self.guide.clone();
        let t = &mut self.tabs[self.active];
        if let Some(why) = refuse_edit(t) {
            return Outcome::Say(Level::Warn, why, Vec::new());
        }
        let result = f(&mut t.session, &guide.guide, &q.id, now);
        if result.is_ok() {
            // Show what is now recorded (a cleared text field, a special status).
            let (field, editing, option) = (t.field, t.editing, t.option);
            t.load_question(&guide, t.current);
            t.field = field;
            t.editing = editing && t.is_text_field(&q);
            t.option = option;
        }
        self.after_edit(result, &q.id, Field::Answer)
    }

    fn special(&mut self, special: Special, now: Timestamp) -> Outcome {
        let outcome = self.edit_answer(now, |s, g, q, now| s.set_special(g, q, special, now));
        if let Outcome::Stay(effects) = outcome {
            return Outcome::Say(
                Level::Info,
                format!("Recorded: {}", special.label()),
                effects,
            );
        }
        outcome
    }

    /// Choose (or for multi, tick or untick) the option in row `index`.
    fn choose(&mut self, index: usize, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let rows = option_rows(&q);
        let Some(row) = rows.get(index).copied() else {
            return Outcome::Stay(Vec::new());
        };
        let current = self
            .tab()
            .session
            .answers
            .get(&q.id)
            .and_then(|a| a.value.clone());
        let value = match row {
            OptionRow::DontKnow => return self.special(Special::DontKnow, now),
            OptionRow::Yes => Value::YesNo(true),
            OptionRow::No => Value::YesNo(false),
            OptionRow::Scale(n) => Value::Scale(n),
            OptionRow::Choice(i) if q.kind == QuestionType::Single => {
                Value::Choice(q.options[i].value.clone())
            }
            OptionRow::Choice(i) => {
                let mut vs = match current {
                    Some(Value::Choices(vs)) => vs,
                    _ => Vec::new(),
                };
                let v = q.options[i].value.clone();
                if let Some(at) = vs.iter().position(|x| *x == v) {
                    vs.remove(at);
                } else {
                    vs.push(v);
                }
                Value::Choices(vs)
            }
        };
        let outcome = if matches!(&value, Value::Choices(vs) if vs.is_empty()) {
            self.edit_answer(now, |s, g, q, now| s.clear_answer(g, q, now))
        } else {
            self.edit_answer(now, |s, g, q, now| s.set_value(g, q, value, now))
        };
        // Choosing an "other" option asks for the specifics at once.
        if let (OptionRow::Choice(i), Outcome::Stay(_)) = (row, &outcome)
            && q.options[i].other
            && row_selected(
                &q,
                &self
                    .tab()
                    .session
                    .answers
                    .get(&q.id)
                    .and_then(|a| a.value.clone()),
                None,
                row,
            )
        {
            let t = &mut self.tabs[self.active];
            t.field = Field::Other;
            t.editing = true;
        }
        outcome
    }

    /// Complete the active session: every visible required question answered.
    pub fn complete(&mut self, now: Timestamp) -> Result<Vec<Effect>, String> {
        let guide = self.guide.clone();
        let t = &mut self.tabs[self.active];
        if let Some(why) = refuse_edit(t) {
            return Err(why);
        }
        t.session
            .complete(&guide.guide, now)
            .map_err(|e| e.to_string())?;
        t.editing = false;
        Ok(vec![Effect::Complete {
            session: t.session.id.clone(),
        }])
    }

    /// Ask before completing, or say what is missing.
    pub(super) fn ask_complete(&self) -> Outcome {
        let missing = self.tab().session.missing_required(&self.guide.guide);
        if !missing.is_empty() {
            let lang = self.lang();
            let dl = self.guide.guide.default_language();
            let names: Vec<String> = missing
                .iter()
                .map(|q| q.text.get(lang, dl).to_string())
                .collect();
            return Outcome::Say(
                Level::Warn,
                format!("Still required: {}", names.join(" · ")),
                Vec::new(),
            );
        }
        let s = &self.tab().session;
        // Said before the keypress that sends it: a call cut short is completed on purpose,
        // one with a page left unasked by accident is not.
        let p = s.progress(&self.guide.guide);
        let open = p.visible.saturating_sub(p.answered);
        let unanswered = match open {
            0 => "Every question is answered.".to_string(),
            1 => format!("1 of {} questions has no answer.", p.visible),
            n => format!("{n} of {} questions have no answer.", p.visible),
        };
        Outcome::Ask(
            Dialog {
                title: "Complete session".into(),
                body: format!(
                    "Mark {} · {} completed? It can be reopened later as a new revision.\n\n{unanswered}",
                    s.response,
                    s.structure.label(self.lang())
                ),
                choices: vec![
                    DialogChoice {
                        key: 'y',
                        label: "complete",
                        then: Then::CompleteSession,
                    },
                    DialogChoice {
                        key: 'n',
                        label: "not yet",
                        then: Then::Nothing,
                    },
                ],
            },
            Vec::new(),
        )
    }
}

/// Why this tab cannot be edited now, if it cannot.
fn refuse_edit(t: &Tab) -> Option<String> {
    if let SaveState::ReadOnly(why) = &t.save {
        return Some(format!("Read-only: {why}"));
    }
    if t.session.status == Status::Completed {
        return Some(
            "This session is completed; reopen it from the list (a new revision) to change it"
                .into(),
        );
    }
    None
}
