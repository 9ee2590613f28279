//! What each key does on the interview screen. Edits go through the interview's intents,
//! which refuse what may not change and return the change to save; this turns a key into
//! an intent and the intent's result into an [`Outcome`].

use crate::i18n::Reason;
use crate::i18n::Words;
use jiff::Timestamp;
use ratatui_textarea::{Input, Key};

use super::asks::refused;
use super::guard_panel::GuardPanel;
use super::interview::{CallView, Tab, option_rows};
use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use super::panels::{AddStructure, FindPanel, NotesPad, Panel};
use super::review::ReviewPanel;
use crate::guide::QuestionType;
use crate::interview::{Refusal, Typed};
use crate::session::{Change, Field, Special};

impl CallView {
    pub fn update(&mut self, input: Input, action: Option<Action>, now: Timestamp) -> Outcome {
        let outcome = self.dispatch(input, action, now);
        let outcome = self.with_shared(outcome);
        self.saving(&outcome.effects);
        outcome
    }

    fn dispatch(&mut self, input: Input, action: Option<Action>, now: Timestamp) -> Outcome {
        // Undo works the same over the pad, the review and the check before sending.
        if matches!(action, Some(Action::Undo) | Some(Action::Redo)) {
            return self.undo(action == Some(Action::Undo), now);
        }
        if let Some(panel) = &mut self.panel {
            let at = super::panels::At {
                session: self.active,
                question: self.tabs[self.active].current,
            };
            let outcome = panel.update(&mut self.interview, at, input, action, now);
            if matches!(panel, Panel::Guard(_)) {
                // A redaction changes a text the question pane may be showing.
                let i = self.active;
                self.tabs[i].reload(&self.interview, i);
            }
            return match outcome.go {
                Go::Close => {
                    let was_pad = matches!(self.panel, Some(Panel::Notes(_)));
                    self.panel = None;
                    let moved = if was_pad {
                        self.position_effect()
                    } else {
                        Vec::new()
                    };
                    outcome.then_go(Go::Stay).and(Outcome::effects(moved))
                }
                Go::Question(index) => {
                    self.panel = None;
                    let moved = self.goto(index);
                    outcome.then_go(Go::Stay).and(Outcome::effects(moved))
                }
                Go::Guard => {
                    let guard = GuardPanel::new(self.sensitive_names.clone());
                    let open = guard.open(&self.interview, self.active).len();
                    if open == 0 {
                        // Nothing to check: straight to the question.
                        self.panel = None;
                        return crate::tui::asks::ask_complete(&self.interview, self.active);
                    }
                    self.panel = Some(Panel::Guard(guard));
                    Outcome::said(Level::Warn, Words::msg("guard-check").arg("n", open))
                }
                _ => outcome,
            };
        }
        let pending = self.pending_digit.take();
        if let Some(d) = pending {
            let digit = matches!(input.key, Key::Char('0'..='9')) && !input.ctrl;
            // Space or Enter take the option under the cursor, which is d's own.
            if !digit && action != Some(Action::Select) {
                if action == Some(Action::Back) {
                    // Esc takes back the digit, and only that.
                    return Outcome::stay();
                }
                // Any other key means d alone was meant, as on a short list: take it, then
                // do what the key does (1 then PgDn ticks option 1 and moves on).
                let first = self.choose(d - 1, false, now);
                if first.say.as_ref().is_some_and(|(l, _)| *l != Level::Info) {
                    return first;
                }
                return first.and(self.act(input, action, None, now));
            }
        }
        self.act(input, action, pending, now)
    }

    /// What a key does in the interview, `pending` the digits of an option number typed
    /// just before, waiting for more.
    fn act(
        &mut self,
        input: Input,
        action: Option<Action>,
        pending: Option<usize>,
        now: Timestamp,
    ) -> Outcome {
        let i = self.active;
        let cur = self.tabs[i].current;
        match action {
            Some(Action::NextQuestion) => self.step_question(true),
            Some(Action::PrevQuestion) => self.step_question(false),
            Some(Action::NextSection) | Some(Action::PrevSection) => {
                let forward = action == Some(Action::NextSection);
                match self.interview.step_section(i, cur, forward) {
                    Some(n) => Outcome::effects(self.goto(n)),
                    None => Outcome::said(Level::Info, Words::msg("no-more-sections")),
                }
            }
            Some(Action::NextUnanswered) => match self.interview.next_unanswered(i, cur) {
                Some(n) if n == cur => Outcome::said(Level::Info, Words::msg("only-unanswered")),
                Some(n) => Outcome::effects(self.goto(n)),
                None => Outcome::said(Level::Info, Words::msg("all-answered")),
            },
            Some(Action::NextField) => Outcome::effects(self.set_field(true)),
            Some(Action::PrevField) => Outcome::effects(self.set_field(false)),
            Some(Action::NextTab) | Some(Action::PrevTab) => {
                let n = self.tabs.len();
                if n == 1 {
                    return Outcome::said(Level::Info, Words::msg("only-one-structure"));
                }
                self.active = if action == Some(Action::NextTab) {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                // Said, besides the tab bar: the words typed next go to this structure.
                let name = self.session().structure_name(self.guide(), self.lang());
                Outcome::said(Level::Info, Words::msg("now-structure").arg("name", name))
            }
            Some(Action::NotesPad) => {
                self.panel = Some(Panel::Notes(NotesPad::new(self.question().id.clone())));
                // Saved as the place: a restart lands in the pad again.
                Outcome::effects(self.position_effect())
            }
            Some(Action::Find) => {
                self.panel = Some(Panel::Find(FindPanel::new(&self.interview, i)));
                Outcome::stay()
            }
            Some(Action::AddStructure) => {
                if let Some(why) = (0..self.tabs.len()).find_map(|k| self.read_only(k)) {
                    return Outcome::said(
                        Level::Warn,
                        Words::msg("cannot-add-structure")
                            .with("why", crate::i18n::Reason::words(&why)),
                    );
                }
                self.panel = Some(Panel::AddStructure(Box::new(AddStructure::new(
                    &self.interview,
                ))));
                Outcome::stay()
            }
            Some(Action::RestOfSection) => self.ask_mark_rest(crate::interview::Rest::Section),
            Some(Action::RestOfGuide) => self.ask_mark_rest(crate::interview::Rest::Guide),
            Some(Action::Review) => {
                self.panel = Some(Panel::Review(ReviewPanel::default()));
                Outcome::stay()
            }
            Some(Action::CopyToCall) => self.copy_to_call(now),
            Some(Action::Volunteered) => {
                self.mark_elicited(crate::session::Elicited::Volunteered, now)
            }
            Some(Action::Prompted) => self.mark_elicited(crate::session::Elicited::Prompted, now),
            Some(Action::Definition) => self.mark_definition(now),
            Some(Action::SaidBy) => self.attribute(now),
            Some(Action::CallDetails) => {
                let details = super::call_details::CallDetails::new(&self.interview, self.active);
                self.panel = Some(Panel::CallDetails(Box::new(details)));
                Outcome::stay()
            }
            Some(Action::Guidance) => {
                self.panel = Some(Panel::Guidance(0));
                Outcome::stay()
            }
            Some(Action::Language) => {
                let lang = self.interview.next_language();
                match self.interview.set_language(&lang) {
                    Some(change) => Outcome::said(
                        Level::Info,
                        Words::msg("guide-language").arg("lang", lang.clone()),
                    )
                    .with(Effect::Persist(change)),
                    None => Outcome::said(
                        Level::Info,
                        Words::msg("guide-language-read-only").arg("lang", lang.clone()),
                    ),
                }
            }
            Some(Action::Back) => {
                let choice = !super::interview::is_text_kind(self.question());
                let t = &mut self.tabs[i];
                if t.editing {
                    t.editing = false;
                    // Leaving the note of a choice question goes back to its options,
                    // where digits and Space choose again.
                    if choice && t.field != Field::Answer {
                        t.field = Field::Answer;
                        return Outcome::effects(self.position_effect());
                    }
                    Outcome::stay()
                } else {
                    Outcome::go(Go::Home)
                }
            }
            Some(Action::Undo) => self.undo(true, now),
            Some(Action::Redo) => self.undo(false, now),
            Some(Action::DontKnow) => self.special(Special::DontKnow, now),
            Some(Action::Declined) => self.special(Special::Declined, now),
            Some(Action::NotAsked) => self.special(Special::NotAsked, now),
            Some(Action::Clear) => {
                let q = self.question().id.clone();
                let had = self
                    .session()
                    .answers
                    .get(&q)
                    .is_some_and(|a| a.value.is_some() || a.special.is_some());
                if !had {
                    return Outcome::said(Level::Info, Words::msg("clear-nothing"));
                }
                let r = self.interview.clear_answer(i, &q, now);
                let ok = r.is_ok();
                let outcome = self.edited(r);
                if ok {
                    return outcome.say(Level::Info, Words::msg("cleared"));
                }
                outcome
            }
            Some(Action::Up) | Some(Action::Down) => {
                let rows = option_rows(self.question(), self.session()).len();
                let t = &mut self.tabs[i];
                if t.field == Field::Answer && rows > 0 {
                    t.option = if action == Some(Action::Up) {
                        t.option.saturating_sub(1)
                    } else {
                        (t.option + 1).min(rows - 1)
                    };
                    Outcome::stay()
                } else {
                    Outcome::effects(self.set_field(action == Some(Action::Down)))
                }
            }
            Some(Action::Select) => {
                let q = self.question().clone();
                let t = &mut self.tabs[i];
                if t.is_text_field(&q) {
                    t.editing = true;
                    return Outcome::stay();
                }
                let option = t.option;
                self.choose(option, true, now)
            }
            Some(Action::Edit) => {
                let q = self.question().clone();
                let t = &mut self.tabs[i];
                if t.is_text_field(&q) {
                    t.editing = true;
                }
                Outcome::stay()
            }
            _ => self.typed(input, pending, now),
        }
    }

    pub(super) fn step_question(&mut self, forward: bool) -> Outcome {
        let (i, cur) = (self.active, self.tabs[self.active].current);
        match self.interview.step(i, cur, forward) {
            Some(n) => Outcome::effects(self.goto(n)),
            None if forward => Outcome::said(Level::Info, Words::msg("last-question")),
            None => Outcome::said(Level::Info, Words::msg("first-question")),
        }
    }

    fn set_field(&mut self, forward: bool) -> Vec<Effect> {
        let q = self.question().clone();
        let value = self
            .session()
            .answers
            .get(&q.id)
            .and_then(|a| a.value.clone());
        let t = &mut self.tabs[self.active];
        let fields = Tab::fields(&q, value.as_ref());
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

    /// A key no binding took: text for the field being edited, or a digit choosing an option.
    fn typed(&mut self, input: Input, pending: Option<usize>, now: Timestamp) -> Outcome {
        let q = self.question().clone();
        let i = self.active;
        // Alt with a digit picks an option from any field of a question that has them, a
        // note being typed included: the coordinator names the answer while the
        // interviewer is still writing down what they said before it.
        if let Key::Char('0'..='9') = input.key
            && input.alt
            && !input.ctrl
            && !option_rows(&q, self.session()).is_empty()
        {
            let t = &mut self.tabs[i];
            t.field = Field::Answer;
            t.editing = false;
        }
        let mut moved = Outcome::stay();
        if let Key::Char(c) = input.key
            && !input.ctrl
            && !input.alt
            && !self.tabs[i].editing
            && (!c.is_ascii_digit() || self.tabs[i].field != Field::Answer)
        {
            // A character no key takes is text, never a command: it goes into the field
            // under the cursor, or on a choice into the question's note, which is then
            // framed as the field being typed in.
            let t = &mut self.tabs[i];
            if !t.is_text_field(&q) {
                t.field = Field::Note;
                moved = Outcome::effects(self.position_effect())
                    .say(Level::Info, Words::msg("typing-in-note"));
            }
            self.tabs[i].editing = true;
        }
        if self.tabs[i].editing {
            if input.key == Key::Enter
                && self.tabs[i].field == Field::Answer
                && q.kind != QuestionType::LongText
            {
                // Enter after a short answer moves on: the fastest path on a live call.
                return self.step_question(true);
            }
            return moved.and(self.typing(input, now));
        }
        if let Key::Char(c @ '0'..='9') = input.key
            && !input.ctrl
            && self.tabs[i].field == Field::Answer
        {
            let d = c as usize - '0' as usize;
            let count = option_rows(&q, self.session()).len();
            // Alt on a number's last digit: that option ends the answer. It never waits for
            // more digits, so on a list of 17, Alt-1 is option 1 and 1 Alt-5 is option 15.
            let then_next = input.alt;
            let n = match pending {
                // Saturating: a long run of digits is simply no option.
                Some(so_far) => so_far.saturating_mul(10).saturating_add(d),
                // 0 is the tenth option, as on a list of ten.
                None if d == 0 => 10,
                None => d,
            };
            // On a list of more than ten, a number that more digits could still make into
            // an option waits for them, with the cursor on its own option; any other key
            // takes that option first (see `dispatch`), so 1 then PgDn means option 1 as on
            // a short list, and on a list of 10,000, 1 2 3 then PgDn means option 123.
            if count > 10 && !then_next && n >= 1 && n.saturating_mul(10) <= count {
                self.pending_digit = Some(n);
                self.tabs[i].option = n - 1;
                let next = if pending.is_none() {
                    "second"
                } else {
                    "another"
                };
                return Outcome::said(
                    Level::Info,
                    Words::msg("digit-waiting")
                        .arg("n", n)
                        .arg("next", next)
                        .arg("from", n * 10)
                        .arg("to", (n * 10 + 9).min(count)),
                );
            }
            if (1..=count).contains(&n) {
                self.tabs[i].option = n - 1;
                if then_next {
                    return self.choose_then_next(n - 1, now);
                }
                return self.choose(n - 1, true, now);
            }
            return Outcome::said(Level::Warn, Words::msg("no-such-option").arg("n", n));
        }
        Outcome::stay()
    }

    /// A key for the text field being typed in.
    fn typing(&mut self, input: Input, now: Timestamp) -> Outcome {
        let i = self.active;
        let t = &mut self.tabs[i];
        // ↑ and ↓ at the edge of a text field move to the neighbouring field, so the
        // arrows alone walk through a question.
        let field = t.field;
        let editor = t.editor();
        let plain = !input.ctrl && !input.alt && !input.shift;
        if plain && input.key == Key::Down && editor.at_last_line() && field != Field::Note {
            return Outcome::effects(self.set_field(true));
        }
        if plain && input.key == Key::Up && editor.at_first_line() && field != Field::Answer {
            return Outcome::effects(self.set_field(false));
        }
        // Nothing typed into a session that cannot change, or free text where consent
        // was refused, not even on screen; the cursor still moves, to read a long text.
        if let Err(why) = self.may_type() {
            if self.tabs[i].editor().browse(input) {
                return refused(why);
            }
            return Outcome::stay();
        }
        if self.tabs[i].editor().input(input) {
            self.text_changed(now)
        } else {
            Outcome::stay()
        }
    }

    pub fn paste(&mut self, text: &str, now: Timestamp) -> Outcome {
        if let Some(panel) = &mut self.panel {
            let at = super::panels::At {
                session: self.active,
                question: self.tabs[self.active].current,
            };
            let outcome = panel.paste(&mut self.interview, at, text, now);
            self.saving(&outcome.effects);
            return outcome;
        }
        let i = self.active;
        let q = self.question().clone();
        if !self.tabs[i].is_text_field(&q) {
            // Pasting onto a choice means the note: nothing pasted is dropped.
            self.tabs[i].field = Field::Note;
        }
        if let Err(why) = self.may_type() {
            return Outcome::said(
                Level::Warn,
                Words::msg("nothing-pasted").with("why", super::asks::refusal_words(why)),
            );
        }
        let t = &mut self.tabs[i];
        t.editing = true;
        if !t.editor().paste(text) {
            return Outcome::stay();
        }
        let outcome = self.text_changed(now);
        self.saving(&outcome.effects);
        outcome
    }

    /// Whether the field with the focus takes typing now: the session must be editable,
    /// and free text (not a number or a date) needs consent when the guide says so.
    fn may_type(&self) -> Result<(), Refusal> {
        let i = self.active;
        let q = self.question();
        let free_text = match self.tabs[i].field {
            Field::Note | Field::Other => true,
            Field::Answer => matches!(q.kind, QuestionType::Text | QuestionType::LongText),
        };
        if free_text {
            self.interview.may_write_text(i)
        } else {
            self.interview.may_edit(i)
        }
    }

    /// The field being typed in changed: record it in the session and save it.
    fn text_changed(&mut self, now: Timestamp) -> Outcome {
        let q = self.question().id.clone();
        let i = self.active;
        let t = &mut self.tabs[i];
        let text = t.editor().text();
        let result = match t.field {
            Field::Note => self.interview.set_note(i, &q, &text, now),
            Field::Other => self.interview.set_other(i, &q, &text, now),
            Field::Answer => {
                t.field_error = None;
                match self.interview.type_answer(i, &q, &text, now) {
                    Ok(Typed::Saved(change)) => Ok(change),
                    Ok(Typed::Invalid(e)) => {
                        let why = super::asks::answer_error(&e).in_lang(self.ui_lang());
                        self.tabs[i].field_error =
                            Some(self.tr("field-not-saved", &[("why", why.into())]));
                        return Outcome::stay();
                    }
                    Err(e) => Err(e),
                }
            }
        };
        match result {
            Ok(change) => Outcome::effects(vec![Effect::Persist(change)]),
            Err(e) => refused(e),
        }
    }

    /// An edit of the answer made by a key (not typing): show what is now recorded.
    pub(super) fn edited(&mut self, result: Result<Change, Refusal>) -> Outcome {
        match result {
            Ok(change) => {
                let i = self.active;
                let q = self.question().clone();
                let t = &mut self.tabs[i];
                // Show what is now recorded (a cleared text field, a special status).
                let (field, editing, option) = (t.field, t.editing, t.option);
                t.load(&self.interview, i, t.current);
                let t = &mut self.tabs[i];
                t.field = field;
                t.editing = editing && t.is_text_field(&q);
                t.option = option;
                Outcome::effects(vec![Effect::Persist(change)])
            }
            Err(e) => refused(e),
        }
    }

    pub(super) fn special(&mut self, special: Special, now: Timestamp) -> Outcome {
        let q = self.question().id.clone();
        let r = self.interview.set_special(self.active, &q, special, now);
        let ok = r.is_ok();
        let outcome = self.edited(r);
        if ok {
            let id = match special {
                Special::DontKnow => "recorded-dont-know",
                Special::Declined => "recorded-declined",
                Special::NotAsked => "recorded-not-asked",
            };
            return outcome.say(Level::Info, Words::msg(id));
        }
        outcome
    }

    /// Complete the active session: every visible required question answered.
    pub fn complete(&mut self, now: Timestamp) -> Outcome {
        let i = self.active;
        match self.interview.complete(i, now) {
            Ok(change) => {
                self.tabs[i].editing = false;
                let outcome = Outcome::effects(vec![Effect::Persist(change)]);
                self.saving(&outcome.effects);
                outcome
            }
            Err(e) => Outcome::said(Level::Error, e.said()),
        }
    }
}
