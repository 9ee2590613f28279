//! The one table from (context, key) to action. The hint bar and the `?` help are drawn
//! from it too, so what they say is what the keys do.

use ratatui_textarea::Input;

use super::keys::{display, matches};

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
    Help,
    Guidance,
    /// Adding a structure that joined the call: a list, and a name for Other.
    AddStructure,
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
}

pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [&'static str],
    pub action: Action,
    /// Short label for the hint bar; `None` keeps it to the `?` help.
    pub hint: Option<&'static str>,
    pub help: &'static str,
}

use Action as A;
use Ctx as C;

const INTERVIEW: &[Ctx] = &[C::Interview, C::InterviewText];

pub const BINDINGS: &[Binding] = &[
    // Home
    Binding {
        ctx: &[C::Home],
        keys: &["<enter>"],
        action: A::Open,
        hint: Some("open"),
        help: "open or resume the session (a completed one asks first)",
    },
    Binding {
        ctx: &[C::Home],
        keys: &["n"],
        action: A::NewCall,
        hint: Some("new call"),
        help: "start a new call",
    },
    Binding {
        ctx: &[C::Home],
        keys: &["/"],
        action: A::Filter,
        hint: Some("filter"),
        help: "filter the list as you type (country, structure, interviewer, status)",
    },
    Binding {
        ctx: &[C::Home],
        keys: &["d", "<del>"],
        action: A::Delete,
        hint: Some("delete draft"),
        help: "delete a draft session (nothing recorded yet), after confirming",
    },
    Binding {
        ctx: &[C::Home, C::Review],
        keys: &["<up>", "k"],
        action: A::Up,
        hint: None,
        help: "move up",
    },
    Binding {
        ctx: &[C::Home, C::Review],
        keys: &["<down>", "j"],
        action: A::Down,
        hint: None,
        help: "move down",
    },
    Binding {
        ctx: &[C::HomeFilter, C::Find, C::Notes, C::AddStructure],
        keys: &["<up>"],
        action: A::Up,
        hint: None,
        help: "move up (notes: select an earlier note)",
    },
    Binding {
        ctx: &[C::HomeFilter, C::Find, C::Notes, C::AddStructure],
        keys: &["<down>"],
        action: A::Down,
        hint: None,
        help: "move down",
    },
    Binding {
        ctx: &[C::Home, C::Review],
        keys: &["<home>", "g"],
        action: A::Top,
        hint: None,
        help: "first row",
    },
    Binding {
        ctx: &[C::Home, C::Review],
        keys: &["<end>", "G"],
        action: A::Bottom,
        hint: None,
        help: "last row",
    },
    Binding {
        ctx: &[C::HomeFilter],
        keys: &["<enter>"],
        action: A::Open,
        hint: Some("open"),
        help: "open the selected session",
    },
    Binding {
        ctx: &[C::HomeFilter],
        keys: &["<esc>"],
        action: A::Back,
        hint: Some("clear filter"),
        help: "clear the filter",
    },
    // New call form
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<tab>", "<down>"],
        action: A::NextField,
        hint: Some("next field"),
        help: "next field",
    },
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<S-tab>", "<up>"],
        action: A::PrevField,
        hint: Some("previous"),
        help: "previous field",
    },
    Binding {
        ctx: &[C::Form],
        keys: &["<space>"],
        action: A::Toggle,
        hint: Some("tick"),
        help: "tick or untick a structure, change consent",
    },
    Binding {
        ctx: &[C::Form],
        keys: &["<left>", "h"],
        action: A::Left,
        hint: Some("change"),
        help: "previous choice (guide, language, role, consent); the structure to the left",
    },
    Binding {
        ctx: &[C::Form],
        keys: &["<right>", "l"],
        action: A::Right,
        hint: None,
        help: "next choice (guide, language, role, consent); the structure to the right",
    },
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<enter>"],
        action: A::Select,
        hint: None,
        help: "next field; on a button: press it",
    },
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<C-s>", "<f10>"],
        action: A::Submit,
        hint: Some("start"),
        help: "create the call and start the interview",
    },
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<C-d>"],
        action: A::Delete,
        hint: None,
        help: "remove the participant under the cursor",
    },
    Binding {
        ctx: &[C::Form, C::FormText],
        keys: &["<esc>"],
        action: A::Back,
        hint: Some("cancel"),
        help: "cancel: nothing is kept",
    },
    // Interview. Table order is hint-bar order: what a newcomer needs comes first.
    Binding {
        ctx: &[C::InterviewText],
        keys: &["<esc>"],
        action: A::Back,
        hint: Some("leave field"),
        help: "leave the text field (then letters are commands again)",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<space>", "<enter>"],
        action: A::Select,
        hint: Some("choose"),
        help: "choose the option (multi: tick or untick); on a text field: type in it",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<pgdn>", "<C-n>"],
        action: A::NextQuestion,
        hint: Some("next"),
        help: "next question (skip logic leaves hidden ones out)",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<pgup>", "<C-p>"],
        action: A::PrevQuestion,
        hint: None,
        help: "previous question",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<tab>"],
        action: A::NextField,
        hint: Some("field"),
        help: "next field of this question: answer, specify, note",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<S-tab>"],
        action: A::PrevField,
        hint: None,
        help: "previous field of this question",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<C-g>"],
        action: A::NotesPad,
        hint: Some("notes"),
        help: "general notes pad: time-stamped notes for what is said out of order",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["r"],
        action: A::Review,
        hint: Some("review"),
        help: "review what is unanswered and complete the session",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<esc>"],
        action: A::Back,
        hint: Some("home"),
        help: "back to the list (everything is saved)",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<C-f>"],
        action: A::Find,
        hint: Some("find"),
        help: "jump to a question by searching its text",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<C-o>"],
        action: A::NextUnanswered,
        hint: None,
        help: "next unanswered question",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<C-t>"],
        action: A::NextTab,
        hint: None,
        help: "switch to the next structure on the call (each keeps its place)",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<A-d>"],
        action: A::DontKnow,
        hint: None,
        help: "record don't know",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<A-x>"],
        action: A::Declined,
        hint: None,
        help: "record declined (the respondent would not answer)",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<A-n>"],
        action: A::NotAsked,
        hint: None,
        help: "record not asked",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["+"],
        action: A::AddStructure,
        hint: None,
        help: "add a structure that joined the call late (its own session, in a new tab)",
    },
    Binding {
        ctx: INTERVIEW,
        keys: &["<f1>"],
        action: A::Help,
        hint: None,
        help: "help",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<right>"],
        action: A::NextQuestion,
        hint: None,
        help: "next question",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<left>"],
        action: A::PrevQuestion,
        hint: None,
        help: "previous question",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<up>", "k"],
        action: A::Up,
        hint: None,
        help: "previous option",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<down>", "j"],
        action: A::Down,
        hint: None,
        help: "next option",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["i", "e"],
        action: A::Edit,
        hint: None,
        help: "type in the field under the cursor",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["<del>", "<bs>"],
        action: A::Clear,
        hint: None,
        help: "clear the answer (the note stays)",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["]"],
        action: A::NextSection,
        hint: None,
        help: "next section",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["["],
        action: A::PrevSection,
        hint: None,
        help: "previous section",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["/"],
        action: A::Find,
        hint: None,
        help: "find a question",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["u"],
        action: A::NextUnanswered,
        hint: None,
        help: "next unanswered question",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["t"],
        action: A::NextTab,
        hint: None,
        help: "next structure",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["T"],
        action: A::PrevTab,
        hint: None,
        help: "previous structure",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["g"],
        action: A::Guidance,
        hint: None,
        help: "show all the guidance for this question",
    },
    Binding {
        ctx: &[C::Interview],
        keys: &["L"],
        action: A::Language,
        hint: None,
        help: "switch the guide's language for this call",
    },
    // Overlays
    Binding {
        ctx: &[C::Find],
        keys: &["<enter>"],
        action: A::Open,
        hint: Some("go"),
        help: "go to the question",
    },
    Binding {
        ctx: &[C::AddStructure],
        keys: &["<tab>", "<S-tab>"],
        action: A::NextField,
        hint: Some("field"),
        help: "between the other structure's name and the organisation of who joined",
    },
    Binding {
        ctx: &[C::AddStructure],
        keys: &["<enter>"],
        action: A::Open,
        hint: Some("add"),
        help: "add the structure: its own session, in a new tab",
    },
    Binding {
        ctx: &[C::Find, C::Notes, C::Review, C::Guidance, C::AddStructure],
        keys: &["<esc>"],
        action: A::Back,
        hint: Some("close"),
        help: "close",
    },
    Binding {
        ctx: &[C::Notes],
        keys: &["<enter>"],
        action: A::Submit,
        hint: Some("new note"),
        help: "finish this note; the next key starts another (every key is saved as you type)",
    },
    Binding {
        ctx: &[C::Notes],
        keys: &["<C-a>"],
        action: A::Attach,
        hint: Some("attach"),
        help: "attach the selected note to the current question, or detach it",
    },
    Binding {
        ctx: &[C::Notes],
        keys: &["<C-e>"],
        action: A::Edit,
        hint: Some("edit"),
        help: "edit the selected note",
    },
    Binding {
        ctx: &[C::Review],
        keys: &["<enter>"],
        action: A::Open,
        hint: Some("go to question"),
        help: "go to the question under the cursor",
    },
    Binding {
        ctx: &[C::Review],
        keys: &["c"],
        action: A::Complete,
        hint: Some("complete"),
        help: "mark the session completed (every required question answered)",
    },
    Binding {
        ctx: &[C::Guidance],
        keys: &["<up>", "k"],
        action: A::Up,
        hint: None,
        help: "scroll up",
    },
    Binding {
        ctx: &[C::Guidance],
        keys: &["<down>", "j"],
        action: A::Down,
        hint: None,
        help: "scroll down",
    },
    Binding {
        ctx: &[C::Guidance],
        keys: &["g"],
        action: A::Back,
        hint: None,
        help: "close",
    },
    // Everywhere outside text
    Binding {
        ctx: &[C::Home, C::Interview, C::Review],
        keys: &["?"],
        action: A::Help,
        hint: Some("help"),
        help: "all keys for this screen",
    },
    Binding {
        ctx: &[
            C::Home,
            C::Form,
            C::FormText,
            C::HomeFilter,
            C::Find,
            C::AddStructure,
            C::Notes,
        ],
        keys: &["<f1>"],
        action: A::Help,
        hint: None,
        help: "help",
    },
    Binding {
        ctx: &[C::Form],
        keys: &["?"],
        action: A::Help,
        hint: None,
        help: "all keys for this screen",
    },
    Binding {
        ctx: &[C::Home, C::Interview],
        keys: &["q"],
        action: A::Quit,
        hint: Some("quit"),
        help: "quit (everything is already saved)",
    },
    Binding {
        ctx: &[
            C::Home,
            C::HomeFilter,
            C::Form,
            C::FormText,
            C::Interview,
            C::InterviewText,
            C::Notes,
            C::Find,
            C::AddStructure,
            C::Review,
            C::Guidance,
            C::Help,
        ],
        keys: &["<C-c>"],
        action: A::Quit,
        hint: None,
        help: "quit (everything is already saved)",
    },
    Binding {
        ctx: &[C::Help],
        keys: &["<esc>", "?", "q", "<f1>"],
        action: A::Back,
        hint: Some("close"),
        help: "close the help",
    },
];

/// Keys handled by the screen itself rather than the table (digits pick options), listed
/// in the help all the same.
pub const HELP_ONLY: &[(Ctx, &str, &str)] = &[
    (
        C::Interview,
        "1-9 0",
        "pick option 1-10 (multi: tick/untick); longer lists: its number, 1 5 = 15",
    ),
    (
        C::InterviewText,
        "Enter",
        "in a short answer: done, next question; in a note: new line",
    ),
    (C::InterviewText, "Ctrl-U Ctrl-R", "undo, redo typing"),
    (C::HomeFilter, "letters", "filter: every word must match"),
];

pub fn lookup(ctx: Ctx, input: &Input) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx))
        .find(|b| b.keys.iter().any(|k| matches(k, input)))
        .map(|b| b.action)
}

/// (keys, label) for the hint bar, in table order, leaving out what `offered` says would
/// do nothing now (opening a row of an empty list).
pub fn hints(ctx: Ctx, offered: impl Fn(Action) -> bool) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx) && offered(b.action))
        .filter_map(|b| b.hint.map(|h| (display(b.keys[0]), h)))
        .collect()
}

/// (all keys, description) for the help screen.
pub fn help(ctx: Ctx) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| display(k)).collect();
            (keys.join(" "), b.help)
        })
        .chain(
            HELP_ONLY
                .iter()
                .filter(|(c, _, _)| *c == ctx)
                .map(|(_, k, h)| (k.to_string(), *h)),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::parse_key;

    fn k(s: &str) -> Input {
        parse_key(s).expect("key")
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        let all = [
            C::Home,
            C::HomeFilter,
            C::Form,
            C::FormText,
            C::Interview,
            C::InterviewText,
            C::Notes,
            C::Find,
            C::AddStructure,
            C::Review,
            C::Help,
            C::Guidance,
        ];
        for ctx in all {
            let mut seen: Vec<(&str, Action)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.ctx.contains(&ctx)) {
                for key in b.keys {
                    assert!(parse_key(key).is_some(), "{key} does not parse");
                    if let Some((_, other)) = seen.iter().find(|(s, _)| s == key) {
                        panic!("{key} in {ctx:?} is both {other:?} and {:?}", b.action);
                    }
                    seen.push((key, b.action));
                }
            }
        }
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
        let h = hints(C::Home, |_| true);
        assert_eq!(h[0], ("Enter".to_string(), "open"));
        assert!(h.iter().any(|(k, l)| k == "n" && *l == "new call"));
        assert!(help(C::Interview).iter().any(|(k, _)| k == "Alt-D"));
    }
}
