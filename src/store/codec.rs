//! How values and times are written in SQLite columns: plain text a person can read with
//! `sqlite3`, and that reads back exactly.

use jiff::Timestamp;

use crate::session::Value;

/// (`value_kind`, `value`) columns of an answer.
pub fn encode_value(v: &Value) -> (&'static str, String) {
    match v {
        Value::Choice(c) => ("single", c.clone()),
        // Option values are identifiers ([a-z0-9_-]), so a newline cannot occur in one.
        Value::Choices(cs) => ("multi", cs.join("\n")),
        Value::YesNo(b) => ("yes_no", if *b { "yes" } else { "no" }.into()),
        Value::Text(t) => ("text", t.clone()),
        // Rust prints the shortest text that parses back to the same f64.
        Value::Number(n) => ("number", n.to_string()),
        Value::Date(d) => ("date", d.to_string()),
        Value::Scale(n) => ("scale", n.to_string()),
    }
}

pub fn decode_value(kind: &str, text: &str) -> Option<Value> {
    Some(match kind {
        "single" => Value::Choice(text.to_string()),
        "multi" if text.is_empty() => Value::Choices(Vec::new()),
        "multi" => Value::Choices(text.split('\n').map(str::to_string).collect()),
        "yes_no" => Value::YesNo(match text {
            "yes" => true,
            "no" => false,
            _ => return None,
        }),
        "text" => Value::Text(text.to_string()),
        "number" => Value::Number(text.parse().ok()?),
        "date" => Value::Date(text.parse().ok()?),
        "scale" => Value::Scale(text.parse().ok()?),
        _ => return None,
    })
}

pub fn ts(t: Timestamp) -> String {
    t.to_string()
}

pub fn parse_ts(s: &str) -> Option<Timestamp> {
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        let values = [
            Value::Choice("wg_embedded".into()),
            Value::Choices(vec!["a".into(), "b_c".into()]),
            Value::Choices(vec![]),
            Value::YesNo(false),
            Value::Text("line one\nligne deux — «ok»".into()),
            Value::Number(0.1 + 0.2),
            Value::Number(-1e300),
            Value::Date(jiff::civil::date(2018, 3, 14)),
            Value::Scale(-3),
        ];
        for v in values {
            let (k, t) = encode_value(&v);
            assert_eq!(decode_value(k, &t), Some(v));
        }
        assert_eq!(decode_value("yes_no", "maybe"), None);
        assert_eq!(decode_value("colour", "red"), None);
    }
}
