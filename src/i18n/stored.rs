//! Words kept for later, in a database (why a file was quarantined): as JSON, so that
//! they are said in whichever language reads them, not the one that wrote them.
//! `{"id": …, "args": {…}, "nested": {…}}` for a message, a string for words already
//! said, `{"en": …, "other": …}` for an error's reason pinned to its English. Reading
//! back accepts only messages this program has: words stored by a newer stocktake, or
//! altered, give `None`, and the reader shows the English stored beside them.

use std::borrow::Cow;

use fluent::FluentValue;
use serde_json::{Map, Value};

use super::words::Arg;
use super::{UiLang, Words};

/// How deep words may nest when read back: ours nest a few levels, a stored value that
/// nests more was not written by us.
const MAX_DEPTH: usize = 16;

impl Words {
    pub fn to_json(&self) -> String {
        json(self).to_string()
    }

    pub fn from_json(text: &str) -> Option<Words> {
        let v: Value = serde_json::from_str(text).ok()?;
        words(&v, 0)
    }
}

fn json(w: &Words) -> Value {
    match w {
        Words::Text(s) => Value::String(s.clone()),
        Words::Msg { id, args, nested } => {
            let mut a = Map::new();
            for (k, v) in args {
                let v = match v {
                    Arg::Text(s) => Value::String(s.clone()),
                    // A number's formatting options are the message's (NUMBER()), not kept.
                    Arg::Number(n) => {
                        serde_json::Number::from_f64(n.value).map_or(Value::Null, Value::Number)
                    }
                };
                a.insert(k.to_string(), v);
            }
            let mut n = Map::new();
            for (k, w) in nested {
                n.insert(k.to_string(), json(w));
            }
            let mut m = Map::new();
            m.insert("id".into(), Value::String(id.to_string()));
            m.insert("args".into(), Value::Object(a));
            m.insert("nested".into(), Value::Object(n));
            Value::Object(m)
        }
        Words::English { en, other } => {
            let mut m = Map::new();
            m.insert("en".into(), Value::String(en.clone()));
            m.insert("other".into(), json(other));
            Value::Object(m)
        }
    }
}

fn words(v: &Value, depth: usize) -> Option<Words> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::String(s) => Some(Words::Text(s.clone())),
        Value::Object(m) if m.contains_key("en") => Some(Words::English {
            en: m.get("en")?.as_str()?.to_string(),
            other: Box::new(words(m.get("other")?, depth + 1)?),
        }),
        Value::Object(m) => {
            let id = m.get("id")?.as_str()?;
            super::written_in(UiLang::En, id).then_some(())?;
            let mut args = Vec::new();
            for (k, v) in m.get("args")?.as_object()? {
                let arg = match v {
                    Value::String(s) => Arg::Text(s.clone()),
                    Value::Number(n) => Arg::from(FluentValue::from(n.as_f64()?)),
                    _ => return None,
                };
                args.push((Cow::Owned(k.clone()), arg));
            }
            let mut nested = Vec::new();
            for (k, w) in m.get("nested")?.as_object()? {
                nested.push((Cow::Owned(k.clone()), words(w, depth + 1)?));
            }
            Some(Words::Msg {
                id: Cow::Owned(id.to_string()),
                args,
                nested,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Reason;

    #[test]
    fn words_read_back_say_what_they_said_in_every_language() {
        let e = std::io::Error::from_raw_os_error(13);
        let w = Words::msg("why-path")
            .arg("path", "/srv/a.toml")
            .with("what", e.said());
        let counted = Words::msg("rest-marked").arg("n", 12_500);
        for w in [w, counted, Words::Text("as said".into())] {
            let back = Words::from_json(&w.to_json()).expect("read back");
            for lang in UiLang::ALL {
                assert_eq!(back.in_lang(lang), w.in_lang(lang));
            }
        }
    }

    #[test]
    fn words_not_ours_are_not_read_back() {
        for text in [
            "",
            "[1]",
            r#"{"id": "no-such-message", "args": {}, "nested": {}}"#,
            r#"{"id": "why-path", "args": {"path": [1]}, "nested": {}}"#,
            r#"{"id": "why-path"}"#,
        ] {
            assert_eq!(Words::from_json(text), None, "{text}");
        }
        let mut deep = String::from("\"x\"");
        for _ in 0..100 {
            deep = format!(r#"{{"id": "why-path", "args": {{}}, "nested": {{"what": {deep}}}}}"#);
        }
        assert_eq!(Words::from_json(&deep), None);
    }
}
