//! Words decided now and shown later: a message id with its arguments, put into a
//! language only when drawn. A screen's outcome (a status message, a dialog) needs no
//! language of its own, and a message on screen when `L` switches the call's language
//! is redrawn in the new one.

use fluent::FluentValue;

use super::UiLang;

#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    /// Already words: a name, a path, an error from a layer below the screens.
    Text(String),
    /// A message of the `.ftl` files.
    Msg {
        id: &'static str,
        args: Vec<(&'static str, FluentValue<'static>)>,
    },
}

impl Words {
    pub fn msg(id: &'static str) -> Words {
        Words::Msg {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more argument: a number (plural selectors, digits per
    /// language) or a string.
    pub fn arg(mut self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Words {
        if let Words::Msg { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    pub fn in_lang(&self, lang: UiLang) -> String {
        match self {
            Words::Text(s) => s.clone(),
            Words::Msg { id, args } => super::tr(lang, id, args),
        }
    }

    /// In English: for tests, and for logs that are read by whoever maintains stocktake.
    pub fn en(&self) -> String {
        self.in_lang(UiLang::En)
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
