//! The one table from (context, key) to action. The hint bar and the `?` help are drawn
//! from it too, so what they say is what the keys do.

use std::sync::LazyLock;

use ratatui_textarea::Input;

use super::keys::{display_in, is, parse_key};
use crate::i18n::UiLang;

/// Where the keyboard is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Home,
    HomeFilter,
    /// New call form, focus on a choice, a tick box or a button.
    Form,
    /// New call form, typing in a text field.
    FormText,
    /// Interview, focus on a choice or on the question: letters are commands.
    Interview,
    /// Interview, typing in a text field: only keys that cannot be text are commands.
    InterviewText,
    Notes,
    Find,
    Review,
    /// The end-of-call read-back of the review: the coordinator confirms or corrects.
    ReadBack,
    Help,
    Guidance,
    /// Adding a structure that joined the call: a list, and a name for Other.
    AddStructure,
    /// Before completing: phone numbers, e-mails and names found in the free text.
    Guard,
    /// The call's details: typing in one of its text fields.
    CallDetails,
    /// The call's details: on a participant's role or on Add participant.
    CallDetailsChoice,
    /// The campaign: targets, what to do first.
    Plan,
    /// Choosing the outcome of an attempt.
    PlanLog,
    /// Typing the time of a callback.
    PlanTime,
}

impl Ctx {
    pub const ALL: [Ctx; 19] = [
        Ctx::Home,
        Ctx::HomeFilter,
        Ctx::Form,
        Ctx::FormText,
        Ctx::Interview,
        Ctx::InterviewText,
        Ctx::Notes,
        Ctx::Find,
        Ctx::Review,
        Ctx::ReadBack,
        Ctx::Help,
        Ctx::Guidance,
        Ctx::AddStructure,
        Ctx::Guard,
        Ctx::CallDetails,
        Ctx::CallDetailsChoice,
        Ctx::Plan,
        Ctx::PlanLog,
        Ctx::PlanTime,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    Open,
    NewCall,
    Filter,
    Delete,
    NextField,
    PrevField,
    Toggle,
    Submit,
    NextQuestion,
    PrevQuestion,
    NextSection,
    PrevSection,
    NextUnanswered,
    Find,
    NotesPad,
    NextTab,
    PrevTab,
    DontKnow,
    Declined,
    NotAsked,
    Clear,
    Select,
    Edit,
    Guidance,
    Review,
    Language,
    Attach,
    Complete,
    AddStructure,
    Redact,
    Keep,
    MarkSensitive,
    Plan,
    LogOutcome,
    /// Quit, once confirmed (a plain letter where a slip is likely).
    AskQuit,
    Undo,
    Redo,
    /// Mark the rest of the section not asked, once confirmed.
    RestOfSection,
    /// Mark the rest of the guide not asked, once confirmed.
    RestOfGuide,
    /// In the review: list only the questions still open, or every one.
    OnlyOpen,
    /// In the review: the end-of-call read-back.
    ReadBack,
    /// The coordinator confirmed what was read back.
    Confirm,
    /// The coordinator asked for corrections.
    Correct,
    /// The call's details: country, note, participants.
    CallDetails,
    /// This answer for every other structure on the call.
    CopyToCall,
    /// The selected general note belongs to the next structure on the call.
    MoveNote,
    /// The chosen option was said unprompted.
    Volunteered,
    /// The chosen option was chosen after the options were read.
    Prompted,
    /// The definition of trafficking was explained here: the answer so far is kept.
    Definition,
    /// Who on the call said the answer (or the selected note).
    SaidBy,
}

pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [&'static str],
    pub action: Action,
    /// Names its words in the `.ftl` files: `hint-<id>` and `help-<id>`. The English
    /// below stays here so the table reads on its own; a test keeps `en-keys.ftl` equal.
    pub id: &'static str,
    /// Short label for the hint bar; `None` keeps it to the `?` help.
    pub hint: Option<&'static str>,
    pub help: &'static str,
}

pub use super::bindings::{BINDINGS, HELP_ONLY};
#[cfg(test)]
use Action as A;
#[cfg(test)]
use Ctx as C;

/// The table's key names, parsed once: a key press is compared with keys, not strings.
static PARSED: LazyLock<Vec<Vec<Input>>> = LazyLock::new(|| {
    BINDINGS
        .iter()
        .map(|b| b.keys.iter().filter_map(|k| parse_key(k)).collect())
        .collect()
});

pub fn lookup(ctx: Ctx, input: &Input) -> Option<Action> {
    BINDINGS
        .iter()
        .zip(PARSED.iter())
        .filter(|(b, _)| b.ctx.contains(&ctx))
        .find(|(_, keys)| keys.iter().any(|k| is(k, input)))
        .map(|(b, _)| b.action)
}

/// (keys, label) for the hint bar in `lang`, in table order, leaving out what `offered`
/// says would do nothing now (opening a row of an empty list).
pub fn hints(ctx: Ctx, lang: UiLang, offered: impl Fn(Action) -> bool) -> Vec<(String, String)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx) && offered(b.action))
        .filter_map(|b| {
            b.hint
                .map(|h| (display_in(b.keys[0], lang), words(lang, "hint", b.id, h)))
        })
        .collect()
}

/// (all keys, description) for the help screen, in `lang`.
pub fn help(ctx: Ctx, lang: UiLang) -> Vec<(String, String)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| display_in(k, lang)).collect();
            (keys.join(" "), words(lang, "help", b.id, b.help))
        })
        .chain(
            HELP_ONLY
                .iter()
                .filter(|(c, _, _, _)| *c == ctx)
                .map(|(_, k, id, h)| (words(lang, "keys", id, k), words(lang, "help", id, h))),
        )
        .collect()
}

/// `<kind>-<id>` in `lang`; the table's own English where no `.ftl` file has it yet (a
/// binding just added), so a missing translation never shows an id.
fn words(lang: UiLang, kind: &str, id: &str, english: &str) -> String {
    crate::i18n::lookup(lang, &format!("{kind}-{id}"), &[]).unwrap_or_else(|| english.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Input {
        parse_key(s).expect("key")
    }

    /// Every (context, key) bound twice in `table`, compared as keys: two names for one
    /// key (`<cr>` and `<enter>`) clash too.
    fn clashes(table: &[Binding]) -> Vec<String> {
        let mut out = Vec::new();
        for ctx in Ctx::ALL {
            let mut seen: Vec<(Input, &str, Action)> = Vec::new();
            for b in table.iter().filter(|b| b.ctx.contains(&ctx)) {
                for name in b.keys {
                    let Some(key) = parse_key(name) else {
                        out.push(format!("{name} does not parse"));
                        continue;
                    };
                    if let Some((_, first, other)) = seen.iter().find(|(k, _, _)| is(k, &key)) {
                        out.push(format!(
                            "{name} in {ctx:?} is {:?}, but {first} (the same key) is {other:?}",
                            b.action
                        ));
                    }
                    seen.push((key, name, b.action));
                }
            }
        }
        out
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        assert_eq!(clashes(BINDINGS), Vec::<String>::new());
    }

    #[test]
    fn a_clash_through_another_name_of_the_key_is_found() {
        let table = [
            Binding {
                ctx: &[C::Home],
                keys: &["<enter>"],
                action: A::Open,
                id: "a",
                hint: None,
                help: "",
            },
            Binding {
                ctx: &[C::Home],
                keys: &["<cr>"],
                action: A::NewCall,
                id: "b",
                hint: None,
                help: "",
            },
        ];
        assert_eq!(clashes(&table).len(), 1, "{:?}", clashes(&table));
    }

    #[test]
    fn typing_contexts_bind_no_plain_characters() {
        // In these contexts a plain character must reach the text field.
        for ctx in [
            C::InterviewText,
            C::HomeFilter,
            C::FormText,
            C::Notes,
            C::Find,
            C::AddStructure,
        ] {
            for c in "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 /?[]é".chars() {
                let input = crate::tui::keys::key(ratatui_textarea::Key::Char(c));
                assert_eq!(lookup(ctx, &input), None, "{c:?} is taken in {ctx:?}");
            }
        }
    }

    #[test]
    fn arrows_alone_reach_every_interview_move() {
        assert_eq!(lookup(C::Interview, &k("<right>")), Some(A::NextQuestion));
        assert_eq!(lookup(C::Interview, &k("<left>")), Some(A::PrevQuestion));
        assert_eq!(lookup(C::Interview, &k("<down>")), Some(A::Down));
        assert_eq!(
            lookup(C::InterviewText, &k("<pgdn>")),
            Some(A::NextQuestion)
        );
        assert_eq!(lookup(C::InterviewText, &k("<C-g>")), Some(A::NotesPad));
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        let h = hints(C::Home, UiLang::En, |_| true);
        assert_eq!(h[0], ("Enter".to_string(), "open".to_string()));
        assert!(h.iter().any(|(k, l)| k == "n" && *l == "new call"));
        assert!(
            help(C::Interview, UiLang::En)
                .iter()
                .any(|(k, _)| k == "Alt-D")
        );
    }

    #[test]
    fn the_english_keys_file_says_what_the_table_says() {
        let en = |id: String| crate::i18n::lookup(UiLang::En, &id, &[]);
        let mut wrong = Vec::new();
        for b in BINDINGS {
            if en(format!("help-{}", b.id)).as_deref() != Some(b.help) {
                wrong.push(format!("help-{}", b.id));
            }
            if b.hint.is_some() && en(format!("hint-{}", b.id)).as_deref() != b.hint {
                wrong.push(format!("hint-{}", b.id));
            }
        }
        for (_, _, id, h) in HELP_ONLY {
            if en(format!("help-{id}")).as_deref() != Some(*h) {
                wrong.push(format!("help-{id}"));
            }
        }
        assert!(
            wrong.is_empty(),
            "src/i18n/en-keys.ftl differs from src/tui/bindings.rs (add or copy the words): {wrong:?}"
        );
        let mut ids: Vec<&str> = BINDINGS.iter().map(|b| b.id).collect();
        ids.extend(HELP_ONLY.iter().map(|(_, _, id, _)| *id));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "two bindings share an id");
    }
}
