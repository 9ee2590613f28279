//! Words decided now and shown later: a message id with its arguments, put into a
//! language only when drawn. A screen's outcome (a status message, a dialog) needs no
//! language of its own, and a message on screen when `L` switches the call's language
//! is redrawn in the new one.

use std::borrow::Cow;

use fluent::FluentValue;
use fluent::types::FluentNumber;

use super::UiLang;

/// An argument kept until the words are said: text, or a number (plural selectors, digits
/// per language). Not a `FluentValue`, which may hold a value no other thread can share,
/// and words travel inside errors (`anyhow` needs them `Send + Sync`).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(FluentNumber),
}

impl Arg {
    fn value(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::Number(n.clone()),
        }
    }
}

impl From<FluentValue<'static>> for Arg {
    fn from(v: FluentValue<'static>) -> Arg {
        match v {
            FluentValue::Number(n) => Arg::Number(n),
            FluentValue::String(s) => Arg::Text(s.into_owned()),
            // Neither is made by this program's messages.
            FluentValue::Custom(_) | FluentValue::None | FluentValue::Error => {
                Arg::Text(String::new())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    /// Already words: a name, a path, what a library or the system said.
    Text(String),
    /// A message of the `.ftl` files. `nested` are arguments that are words themselves
    /// (an error's cause, a phrase), put into the same language as the message. Names are
    /// the program's own, or read back from where words were stored (`Words::from_json`).
    Msg {
        id: Cow<'static, str>,
        args: Vec<(Cow<'static, str>, Arg)>,
        nested: Vec<(Cow<'static, str>, Words)>,
    },
    /// An error's reason: in English exactly its `Display` (what logs, tests and stored
    /// reasons read, byte for byte), in another language `other`.
    English { en: String, other: Box<Words> },
}

impl Words {
    pub fn msg(id: &'static str) -> Words {
        Words::Msg {
            id: Cow::Borrowed(id),
            args: Vec::new(),
            nested: Vec::new(),
        }
    }

    /// The same message with one more argument: a number (plural selectors, digits per
    /// language) or a string.
    pub fn arg(mut self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Words {
        if let Words::Msg { args, .. } = &mut self {
            args.push((Cow::Borrowed(name), Arg::from(value.into())));
        }
        self
    }

    /// The same message with an argument that is words too, said in the message's language.
    pub fn with(mut self, name: &'static str, value: impl Into<Words>) -> Words {
        if let Words::Msg { nested, .. } = &mut self {
            nested.push((Cow::Borrowed(name), value.into()));
        }
        self
    }

    pub fn in_lang(&self, lang: UiLang) -> String {
        match self {
            Words::Text(s) => s.clone(),
            Words::Msg { id, args, nested } => {
                let mut all: Vec<(&str, FluentValue<'_>)> =
                    args.iter().map(|(k, v)| (k.as_ref(), v.value())).collect();
                for (k, w) in nested {
                    all.push((k.as_ref(), FluentValue::from(w.in_lang(lang))));
                }
                super::tr(lang, id, &all)
            }
            Words::English { en, .. } if lang == UiLang::En => en.clone(),
            Words::English { other, .. } => other.in_lang(lang),
        }
    }

    /// In English: for tests, and for logs that are read by whoever maintains stocktake.
    pub fn en(&self) -> String {
        self.in_lang(UiLang::En)
    }

    /// Every message id these words use, nested ones too: for the tests that check each
    /// is written in every language.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Words::Text(_) => Vec::new(),
            Words::Msg { id, nested, .. } => {
                let mut out = vec![id.as_ref()];
                for (_, w) in nested {
                    out.extend(w.ids());
                }
                out
            }
            Words::English { other, .. } => other.ids(),
        }
    }
}

impl From<String> for Words {
    fn from(s: String) -> Words {
        Words::Text(s)
    }
}

impl From<&str> for Words {
    fn from(s: &str) -> Words {
        Words::Text(s.to_string())
    }
}

/// Words an error carries in a field, worded where the problem was found (a reader's
/// `file:line:col: message`, a check's refusal): its `Display` is the English, which the
/// error's own `Display` (logs, tests, stored reasons) prints byte for byte, and
/// [`Phrase::words`] says it in any language.
// Boxed: errors carry it in their variants, and a `Result` with a large error is slow.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase(Box<Words>);

impl Phrase {
    pub fn words(&self) -> Words {
        (*self.0).clone()
    }
}

impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl From<Words> for Phrase {
    fn from(w: Words) -> Phrase {
        Phrase(Box::new(w))
    }
}

impl From<String> for Phrase {
    fn from(s: String) -> Phrase {
        Phrase(Box::new(Words::Text(s)))
    }
}

impl From<&str> for Phrase {
    fn from(s: &str) -> Phrase {
        Phrase(Box::new(Words::Text(s.to_string())))
    }
}
