//! The interview screen's state: the interview itself (below the TUI, in `crate::interview`)
//! and, per structure on the call, a tab with the screen's own state: the question shown,
//! the field with the focus, the editors, and whether what is on screen is saved. The keys
//! are in `interview_keys.rs`.

use jiff::Timestamp;

use super::keymap::Ctx;
use super::msg::{Effect, OpenedCall};
use super::panels::Panel;
use super::text_field::TextField;
use crate::guide::{Guide, Question, QuestionType};
use crate::i18n::{FluentValue, UiLang, Words};
use crate::interview::{Access, Interview};
use crate::session::{Call, Change, Field, Position, Session, Special, Value, format_number};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything on screen is committed; when the last commit happened.
    Saved(Option<Timestamp>),
    Saving,
    /// Changes wait to be saved, for this reason; they are tried again every second.
    Failed(Words),
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

/// The screen's state for one session of the call.
pub struct Tab {
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
    /// Inline validation of what is typed (a number, a date).
    pub field_error: Option<String>,
}

pub struct CallView {
    pub interview: Interview,
    /// One per session, in the same order.
    pub tabs: Vec<Tab>,
    pub active: usize,
    pub panel: Option<Panel>,
    /// The digits of an option number typed so far (lists of more than ten options),
    /// waiting for more; any other key takes that number's own option first, Esc drops it.
    pub pending_digit: Option<usize>,
    /// Names the free-text check looks for, besides the participants' (the config's list).
    pub sensitive_names: Vec<String>,
    /// Move on after a first single choice, yes/no or scale answer (`docs/keys.md`).
    pub auto_advance: bool,
    /// The campaign targets the call was started from: an attempt is logged for each.
    pub from_targets: Vec<crate::campaign::Target>,
    /// The program's language as chosen (`App::ui`), and whether it follows the call's.
    pub ui: UiLang,
    pub ui_follows_call: bool,
}

/// The rows of a choice widget in session `s`: with `options_from`, only what is
/// offered there (`crate::interview::offered`).
pub fn option_rows(q: &Question, s: &Session) -> Vec<OptionRow> {
    match q.kind {
        QuestionType::Single | QuestionType::Multi => crate::interview::offered(q, s)
            .into_iter()
            .map(OptionRow::Choice)
            .collect(),
        QuestionType::YesNo => vec![OptionRow::Yes, OptionRow::No, OptionRow::DontKnow],
        QuestionType::Scale => {
            let lo = q.min.unwrap_or(1.0) as i64;
            let hi = q.max.unwrap_or(5.0) as i64;
            (lo..=hi).map(OptionRow::Scale).collect()
        }
        _ => Vec::new(),
    }
}

/// What a choice row says: the option's label (with "(specify)" on an Other, in the
/// program's language `ui`), Yes, No, Don't know (in the guide's: they are read out with
/// the question), or a scale point with its end label.
pub fn row_label(q: &Question, row: OptionRow, lang: &str, dl: &str, ui: UiLang) -> String {
    let read_out = |id| crate::i18n::t(UiLang::parse(lang).unwrap_or_default(), id);
    match row {
        OptionRow::Choice(c) => match q.options.get(c) {
            Some(o) if o.other => crate::i18n::tr(
                ui,
                "option-specify",
                &[("label", o.label.get(lang, dl).into())],
            ),
            Some(o) => o.label.get(lang, dl).to_string(),
            None => String::new(),
        },
        OptionRow::Yes => read_out("row-yes"),
        OptionRow::No => read_out("row-no"),
        OptionRow::DontKnow => read_out("row-dont-know"),
        OptionRow::Scale(n) => {
            let end = if Some(n as f64) == q.min {
                q.min_label.as_ref()
            } else if Some(n as f64) == q.max {
                q.max_label.as_ref()
            } else {
                None
            };
            match end {
                Some(e) => format!("{n}  {}", e.get(lang, dl)),
                None => n.to_string(),
            }
        }
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

impl Tab {
    /// The tab of session `i`, on the question and field it was left on.
    fn new(iv: &Interview, i: usize) -> Tab {
        let mut t = Tab {
            current: 0,
            field: Field::Answer,
            editing: false,
            option: 0,
            answer: TextField::new("", false),
            other: TextField::new("", false),
            note: TextField::new("", true),
            save: SaveState::Saved(None),
            field_error: None,
        };
        let (start, field) = iv.resume(i);
        t.load(iv, i, start);
        if let Some(field) = field {
            let q = iv.question(start);
            let value = iv
                .session(i)
                .answers
                .get(&q.id)
                .and_then(|a| a.value.as_ref());
            t.field = if field == Field::Other && !crate::interview::other_chosen(q, value) {
                Field::Answer
            } else {
                field
            };
        }
        t.editing = t.is_text_field(iv.question(start));
        t
    }

    /// Build the editors of question `index` from what session `i` recorded.
    pub fn load(&mut self, iv: &Interview, i: usize, index: usize) {
        let q = iv.question(index);
        self.current = index;
        self.field = Field::Answer;
        self.field_error = None;
        let a = iv
            .session(i)
            .answers
            .get(&q.id)
            .cloned()
            .unwrap_or_default();
        let text = match &a.value {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::Number(n)) => format_number(*n),
            Some(Value::Date(d)) => d.to_string(),
            _ => String::new(),
        };
        self.answer = TextField::new(&text, q.kind == QuestionType::LongText);
        self.other = TextField::new(&a.other, false);
        self.note = TextField::new(&a.note, true);
        let rows = option_rows(q, iv.session(i));
        self.option = rows
            .iter()
            .position(|r| row_selected(q, &a.value, a.special, *r))
            .unwrap_or(0);
        self.editing = is_text_kind(q);
    }

    /// The editors of the question shown rebuilt from what is recorded (after an edit
    /// made elsewhere, such as a redaction), keeping the focus where it was.
    pub fn reload(&mut self, iv: &Interview, i: usize) {
        let (field, editing, option) = (self.field, self.editing, self.option);
        self.load(iv, i, self.current);
        self.field = field;
        self.editing = editing;
        self.option = option;
    }

    pub fn is_text_field(&self, q: &Question) -> bool {
        match self.field {
            Field::Answer => is_text_kind(q),
            Field::Other | Field::Note => true,
        }
    }

    /// The fields Tab walks through: the specify text only while its Other option is
    /// chosen (`value` is what is recorded).
    pub fn fields(q: &Question, value: Option<&Value>) -> Vec<Field> {
        let mut f = vec![Field::Answer];
        if crate::interview::other_chosen(q, value) {
            f.push(Field::Other);
        }
        f.push(Field::Note);
        f
    }

    /// The editor of the field with the focus.
    pub fn editor(&mut self) -> &mut TextField {
        match self.field {
            Field::Answer => &mut self.answer,
            Field::Other => &mut self.other,
            Field::Note => &mut self.note,
        }
    }
}

impl CallView {
    pub fn new(opened: OpenedCall) -> CallView {
        let read_only = opened
            .read_only
            .then_some(crate::interview::ReadOnly::HeldElsewhere);
        let mut interview = Interview::new(opened.call, opened.guide, opened.sessions, read_only);
        for (i, entries) in opened.histories.iter().enumerate() {
            interview.set_history(i, crate::interview::History::from_store(entries));
        }
        let tabs: Vec<Tab> = (0..interview.sessions.len())
            .map(|i| Tab::new(&interview, i))
            .collect();
        let active = opened.focus.min(interview.sessions.len().saturating_sub(1));
        // Left (or killed) in the notes pad: back in the pad, over the question it was on.
        let in_pad = interview
            .sessions
            .get(active)
            .is_some_and(|s| s.position.pad);
        let panel = in_pad.then(|| {
            let current = tabs.get(active).map_or(0, |t: &Tab| t.current);
            Panel::Notes(super::panels::NotesPad::new(
                interview.question(current).id.clone(),
            ))
        });
        CallView {
            active,
            interview,
            tabs,
            panel,
            pending_digit: None,
            sensitive_names: Vec::new(),
            auto_advance: true,
            from_targets: Vec::new(),
            ui: UiLang::En,
            ui_follows_call: false,
        }
    }

    /// The guide's language for this call (`L` switches it).
    pub fn lang(&self) -> &str {
        self.interview.lang()
    }

    /// The language of the program's own words in this call: the call's language when
    /// none was chosen explicitly and stocktake speaks it, else the one chosen.
    pub fn ui_lang(&self) -> UiLang {
        if self.ui_follows_call {
            UiLang::parse(self.lang()).unwrap_or(self.ui)
        } else {
            self.ui
        }
    }

    /// The message `id` in [`CallView::ui_lang`].
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.ui_lang(), id)
    }

    /// The message `id` with `args`, in [`CallView::ui_lang`].
    pub fn tr(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        crate::i18n::tr(self.ui_lang(), id, args)
    }

    pub fn guide(&self) -> &Guide {
        &self.interview.guide.guide
    }

    pub fn call(&self) -> &Call {
        &self.interview.call
    }

    /// The session shown.
    pub fn session(&self) -> &Session {
        self.interview.session(self.active)
    }

    pub fn tab(&self) -> &Tab {
        &self.tabs[self.active]
    }

    /// Why the session shown cannot change, if it cannot (read-only, not completed).
    pub fn read_only(&self, i: usize) -> Option<crate::interview::ReadOnly> {
        match self.interview.access(i) {
            Access::ReadOnly(why) => Some(*why),
            Access::Edit => None,
        }
    }

    /// A structure joined the call: its session becomes the last tab, and the one shown.
    pub fn add_tab(&mut self, session: Session) {
        let i = self.interview.push(session);
        self.tabs.push(Tab::new(&self.interview, i));
        self.active = i;
        self.panel = None;
    }

    pub fn question(&self) -> &Question {
        self.interview.question(self.tab().current)
    }

    pub fn section_of(&self, index: usize) -> usize {
        self.interview.section_of(index)
    }

    /// Indices (guide order) of the questions skip logic shows in the active session.
    pub fn visible(&self) -> Vec<usize> {
        self.interview.visible(self.active)
    }

    pub fn session_ids(&self) -> Vec<String> {
        self.interview.session_ids()
    }

    pub fn all_completed(&self) -> bool {
        self.interview.all_completed()
    }

    /// Sessions whose changes wait to be saved.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.tabs.len())
            .filter(|i| matches!(self.tabs[*i].save, SaveState::Failed(_)))
            .collect()
    }

    pub fn ctx(&self) -> Ctx {
        match &self.panel {
            Some(Panel::Notes(_)) => Ctx::Notes,
            Some(Panel::Find(_)) => Ctx::Find,
            Some(Panel::Review(r)) if r.page == super::review::ReviewPage::ReadBack => {
                Ctx::ReadBack
            }
            Some(Panel::Review(_)) => Ctx::Review,
            Some(Panel::Guidance(_)) => Ctx::Guidance,
            Some(Panel::AddStructure(_)) => Ctx::AddStructure,
            Some(Panel::CallDetails(d)) if d.focus.is_text() => Ctx::CallDetails,
            Some(Panel::CallDetails(_)) => Ctx::CallDetailsChoice,
            Some(Panel::Guard(_)) => Ctx::Guard,
            None if self.tab().editing => Ctx::InterviewText,
            None => Ctx::Interview,
        }
    }

    fn tabs_of<'a>(&'a mut self, sessions: &'a [String]) -> impl Iterator<Item = &'a mut Tab> {
        let ids = self.interview.session_ids();
        self.tabs
            .iter_mut()
            .zip(ids)
            .filter(move |(_, id)| sessions.contains(id))
            .map(|(t, _)| t)
    }

    pub fn saved(&mut self, sessions: &[String], at: Timestamp) {
        for t in self.tabs_of(sessions) {
            t.save = SaveState::Saved(Some(at));
        }
    }

    pub fn not_saved(&mut self, sessions: &[String], message: &Words) {
        for t in self.tabs_of(sessions) {
            t.save = SaveState::Failed(message.clone());
        }
    }

    pub fn lock_lost(&mut self, session: &str) {
        if let Some(i) = self.interview.position_of(session) {
            self.interview.lose(i);
            self.tabs[i].editing = false;
            self.tabs[i].save = SaveState::Saved(None);
        }
    }

    pub fn completed(&mut self, session: &str) {
        if let Some(i) = self.interview.position_of(session) {
            self.tabs[i].editing = false;
        }
    }

    /// Once a second: whatever waits to be saved is tried again.
    pub fn retry(&mut self) -> Vec<Effect> {
        let unsaved = self.unsaved();
        if unsaved.is_empty() {
            return Vec::new();
        }
        let ids = self.interview.session_ids();
        for i in &unsaved {
            self.tabs[*i].save = SaveState::Saving;
        }
        vec![Effect::Retry {
            sessions: unsaved.iter().map(|i| ids[*i].clone()).collect(),
        }]
    }

    /// Effects that save changes mark their tabs as saving.
    pub(super) fn saving(&mut self, effects: &[Effect]) {
        for e in effects {
            let Effect::Persist(c) = e else { continue };
            if matches!(c, Change::Position { .. }) {
                continue;
            }
            let sessions: Vec<String> = match c.session() {
                Some(s) => vec![s.to_string()],
                None => self.interview.session_ids(),
            };
            for t in self.tabs_of(&sessions) {
                if !matches!(t.save, SaveState::Failed(_)) {
                    t.save = SaveState::Saving;
                }
            }
        }
    }

    /// Show question `index` of the active session, remembering the place.
    pub(super) fn goto(&mut self, index: usize) -> Vec<Effect> {
        let i = self.active;
        self.tabs[i].load(&self.interview, i, index);
        self.position_effect()
    }

    /// Save where the interviewer is in the active session.
    pub(super) fn position_effect(&mut self) -> Vec<Effect> {
        let i = self.active;
        let position = Position {
            question: Some(self.question().id.clone()),
            field: self.tabs[i].field,
            pad: matches!(self.panel, Some(Panel::Notes(_))),
        };
        self.interview
            .move_to(i, position)
            .map(Effect::Persist)
            .into_iter()
            .collect()
    }
}

/// Yes, no, don't know, declined, not asked as an answer is said in `lang` (the call's):
/// read out with the question, like its options, so in the guide's language where
/// stocktake speaks it, else English.
pub fn fixed_words(lang: &str) -> crate::interview::Fixed {
    let l = UiLang::parse(lang).unwrap_or_default();
    let t = |id| crate::i18n::t(l, id);
    crate::interview::Fixed {
        yes: t("said-yes"),
        no: t("said-no"),
        dont_know: t("said-dont-know"),
        declined: t("said-declined"),
        not_asked: t("said-not-asked"),
        nothing_yet: t("said-nothing-yet"),
        lang: l,
    }
}
