//! What a screen or panel hands back to its parent after a key: effects to carry out, a
//! message to show, a question to ask, and where to go. Children return, parents apply: no
//! screen changes the application around it.

use super::msg::Effect;
use crate::i18n::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

/// A question that needs an answer before anything else happens. Its words are put in
/// the screen's language when drawn; its keys are the same in every language.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub title: Words,
    pub body: Words,
    pub choices: Vec<DialogChoice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DialogChoice {
    pub key: char,
    pub label: Words,
    pub then: Then,
}

/// What a dialog choice does.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Nothing,
    Effects(Vec<Effect>),
    CompleteSession,
    /// Quit stocktake (asked first where `q` could be a slip).
    Quit,
    /// Mark the open questions from here to the end of the section or guide not asked.
    MarkRest(crate::interview::Rest),
    /// Leave the new-call form without keeping it.
    Discard,
    /// Leave the call (to the list, or quitting) although some changes are not saved.
    LeaveUnsaved {
        quit: bool,
    },
    /// Leave a call started from campaign targets, logging `outcome` for those whose
    /// session is not completed (`None`: log nothing for them).
    EndCall {
        outcome: Option<crate::campaign::Outcome>,
        quit: bool,
    },
}

/// Where the screen goes after the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Go {
    #[default]
    Stay,
    /// Close the panel (or overlay) that handled the key.
    Close,
    /// Close the panel and show the question at this guide-order index.
    Question(usize),
    /// Back to the list of sessions.
    Home,
    /// The new-call form.
    NewCall,
    /// The campaign's Plan screen.
    Plan,
    /// Close the panel and check the session's free text before completing it.
    Guard,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub effects: Vec<Effect>,
    pub say: Option<(Level, Words)>,
    pub ask: Option<Dialog>,
    pub go: Go,
    /// With `Go::NewCall`: the campaign targets the call is for (the form filled in).
    pub from_targets: Vec<crate::campaign::Target>,
}

impl Outcome {
    pub fn stay() -> Outcome {
        Outcome::default()
    }

    pub fn go(go: Go) -> Outcome {
        Outcome {
            go,
            ..Outcome::default()
        }
    }

    pub fn effects(effects: Vec<Effect>) -> Outcome {
        Outcome {
            effects,
            ..Outcome::default()
        }
    }

    pub fn said(level: Level, text: impl Into<Words>) -> Outcome {
        Outcome::stay().say(level, text)
    }

    pub fn asking(dialog: Dialog) -> Outcome {
        Outcome {
            ask: Some(dialog),
            ..Outcome::default()
        }
    }

    pub fn say(mut self, level: Level, text: impl Into<Words>) -> Outcome {
        self.say = Some((level, text.into()));
        self
    }

    pub fn with(mut self, effect: Effect) -> Outcome {
        self.effects.push(effect);
        self
    }

    pub fn then_go(mut self, go: Go) -> Outcome {
        self.go = go;
        self
    }

    /// `self`, then `next`: effects in order; the later message, dialog and move win.
    pub fn and(mut self, next: Outcome) -> Outcome {
        self.effects.extend(next.effects);
        Outcome {
            effects: self.effects,
            say: next.say.or(self.say),
            ask: next.ask.or(self.ask),
            go: if next.go == Go::Stay {
                self.go
            } else {
                next.go
            },
            from_targets: if next.from_targets.is_empty() {
                self.from_targets
            } else {
                next.from_targets
            },
        }
    }
}
