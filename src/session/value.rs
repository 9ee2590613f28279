//! A recorded value, typed by the kind of question it answers, and its one text form
//! (`Value::to_text` / `Value::from_text`), the form collation rows and skip logic use.

use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// single: one option value
    Choice(String),
    /// multi: option values, in the guide's option order
    Choices(Vec<String>),
    YesNo(bool),
    /// text and long_text
    Text(String),
    Number(f64),
    Date(Date),
    Scale(i64),
}

/// The kind of a [`Value`]: the `type` of a session file's answer and of a collation
/// row, so a value reads back without its guide. `text` covers `long_text` questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ValueKind {
    Single,
    Multi,
    YesNo,
    Text,
    Number,
    Date,
    Scale,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<ValueKind> {
        s.parse().ok()
    }
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Choice(_) => ValueKind::Single,
            Value::Choices(_) => ValueKind::Multi,
            Value::YesNo(_) => ValueKind::YesNo,
            Value::Text(_) => ValueKind::Text,
            Value::Number(_) => ValueKind::Number,
            Value::Date(_) => ValueKind::Date,
            Value::Scale(_) => ValueKind::Scale,
        }
    }

    /// The value as one text: a multi choice's values joined by newlines (option values
    /// are identifiers, so they hold none), a yes/no as `yes`/`no`, a number as people
    /// write it, a date as `YYYY-MM-DD`. [`Value::from_text`] reads it back.
    pub fn to_text(&self) -> String {
        match self {
            Value::Choice(v) | Value::Text(v) => v.clone(),
            Value::Choices(v) => v.join("\n"),
            Value::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
            Value::Number(n) => format_number(*n),
            Value::Date(d) => d.to_string(),
            Value::Scale(n) => n.to_string(),
        }
    }

    /// The value [`Value::to_text`] wrote as `kind`, or `None` if the text cannot be one.
    pub fn from_text(kind: ValueKind, text: &str) -> Option<Value> {
        Some(match kind {
            ValueKind::Single => Value::Choice(text.to_string()),
            ValueKind::Multi if text.is_empty() => Value::Choices(Vec::new()),
            ValueKind::Multi => Value::Choices(text.split('\n').map(str::to_string).collect()),
            ValueKind::YesNo => match text {
                "yes" => Value::YesNo(true),
                "no" => Value::YesNo(false),
                _ => return None,
            },
            ValueKind::Text => Value::Text(text.to_string()),
            ValueKind::Number => Value::Number(text.parse().ok().filter(|n: &f64| n.is_finite())?),
            ValueKind::Date => Value::Date(text.parse().ok().filter(|_| text.len() == 10)?),
            ValueKind::Scale => Value::Scale(text.parse().ok()?),
        })
    }
}

/// Numbers as people write them: no trailing `.0` on whole numbers.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_from_its_text() {
        let values = [
            Value::Choice("wg_embedded".into()),
            Value::Choices(vec!["forced_labour".into(), "other".into()]),
            Value::Choices(Vec::new()),
            Value::YesNo(true),
            Value::YesNo(false),
            Value::Text("Two lines,\nand ünïcode".into()),
            Value::Number(12.0),
            Value::Number(-0.1),
            Value::Number(1e300),
            Value::Date(jiff::civil::date(2018, 3, 14)),
            Value::Scale(-3),
        ];
        for v in values {
            let text = v.to_text();
            assert_eq!(
                Value::from_text(v.kind(), &text),
                Some(v.clone()),
                "{text:?}"
            );
            assert_eq!(ValueKind::parse(v.kind().as_str()), Some(v.kind()));
        }
        assert_eq!(Value::Number(12.0).to_text(), "12");
        assert_eq!(ValueKind::YesNo.as_str(), "yes_no");
        for (kind, bad) in [
            (ValueKind::YesNo, "maybe"),
            (ValueKind::Number, "twelve"),
            (ValueKind::Number, "NaN"),
            (ValueKind::Date, "2018-3-4"),
            (ValueKind::Scale, "2.5"),
        ] {
            assert_eq!(Value::from_text(kind, bad), None, "{bad}");
        }
    }
}
