//! A guard on free text before a session is completed: phone numbers, e-mail addresses and
//! names (from a configured list, and the participants' own names) in notes and typed
//! answers. It only finds; the interviewer decides, for each finding, to redact it, mark the
//! text sensitive, or keep it. Nothing here changes a text.

use std::ops::Range;

use crate::guide::{Guide, QuestionType};
use crate::session::{Session, Value};

/// What a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Email,
    Name,
}

impl Kind {
    /// A stable name for the kind (`phone`, `email`, `name`): the screens say it in the
    /// interviewer's language from it.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Name => "name",
        }
    }

    /// In English, for logs and tests.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Phone => "a phone number",
            Kind::Email => "an e-mail address",
            Kind::Name => "a name",
        }
    }
}

/// Which text of the session a finding is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The typed answer of a text question.
    Answer(String),
    /// The specify text of a question's "other" option.
    Other(String),
    /// The note of a question.
    Note(String),
    /// A general note, by number.
    Pad(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    pub kind: Kind,
    /// Byte range of what was found in that text.
    pub span: Range<usize>,
    pub found: String,
}

/// Every finding in the free text of `s`, in guide order then the notes pad. `names` are
/// the configured names to look for; the participants' own names are added.
pub fn scan(s: &Session, guide: &Guide, names: &[String]) -> Vec<Finding> {
    let mut all_names: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(s.participants.iter().map(|p| p.name.as_str()))
        .map(str::trim)
        .filter(|n| n.chars().count() >= 2)
        .collect();
    all_names.sort_unstable();
    all_names.dedup();
    let mut out = Vec::new();
    let mut look = |place: Place, text: &str| {
        for (kind, span) in find(text, &all_names) {
            out.push(Finding {
                place: place.clone(),
                kind,
                found: text[span.clone()].to_string(),
                span,
            });
        }
    };
    for q in guide.questions() {
        let Some(a) = s.answers.get(&q.id) else {
            continue;
        };
        if let (QuestionType::Text | QuestionType::LongText, Some(Value::Text(t))) =
            (q.kind, &a.value)
        {
            look(Place::Answer(q.id.clone()), t);
        }
        look(Place::Other(q.id.clone()), &a.other);
        look(Place::Note(q.id.clone()), &a.note);
    }
    for n in &s.notes {
        look(Place::Pad(n.seq), &n.text);
    }
    out
}

/// What `text` holds that identifies someone, in order, without overlaps.
pub fn find(text: &str, names: &[&str]) -> Vec<(Kind, Range<usize>)> {
    let mut found: Vec<(Kind, Range<usize>)> =
        emails(text).into_iter().map(|r| (Kind::Email, r)).collect();
    for r in phones(text) {
        if !found.iter().any(|(_, f)| overlaps(f, &r)) {
            found.push((Kind::Phone, r));
        }
    }
    for r in names.iter().flat_map(|n| words(text, n)) {
        if !found.iter().any(|(_, f)| overlaps(f, &r)) {
            found.push((Kind::Name, r));
        }
    }
    found.sort_by_key(|(_, r)| r.start);
    found
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn emails(text: &str) -> Vec<Range<usize>> {
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_alphanumeric() || c == '-' || c == '.';
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let rest = &text[at + 1..];
        let len = rest
            .char_indices()
            .take_while(|(_, c)| domain(*c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let host = rest[..len].trim_end_matches('.');
        let tld = host.rsplit('.').next().unwrap_or("");
        if start < at && host.contains('.') && tld.chars().count() >= 2 {
            out.push(start..at + 1 + host.len());
        }
    }
    out
}

/// Runs of digits with the separators phone numbers are written with. Nine digits or more
/// (seven with a leading `+`), so years, counts and dates are not taken for numbers.
fn phones(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let plus = bytes[i] == b'+';
        if !(plus || bytes[i].is_ascii_digit()) || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut digits, mut end, mut j) = (0, i, i + usize::from(plus));
        let mut last_sep = false;
        while j < bytes.len() {
            match bytes[j] {
                b'0'..=b'9' => {
                    digits += 1;
                    end = j + 1;
                    last_sep = false;
                }
                b' ' | b'-' | b'.' | b'(' | b')' | b'/' if !last_sep => last_sep = true,
                _ => break,
            }
            j += 1;
        }
        let run = &text[start..end];
        let date = run.len() == 10 && run.as_bytes()[4] == b'-' && run.as_bytes()[7] == b'-';
        let long_enough = digits >= 9 || (plus && digits >= 7);
        let word_ends = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if long_enough && !date && word_ends && digits <= 15 {
            out.push(start..end);
        }
        i = end.max(i + 1);
    }
    out
}

/// Whole-word, case-insensitive occurrences of `name`.
fn words(text: &str, name: &str) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    let needle = name.to_lowercase();
    // Lower-casing can change byte lengths (rarely): only an exact match of lengths lets
    // the offsets stand for the original text.
    if needle.is_empty() || lower.len() != text.len() {
        return Vec::new();
    }
    let boundary = |s: &str| s.chars().next().is_none_or(|c| !c.is_alphanumeric());
    lower
        .match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| boundary(&text[..r.start].chars().rev().collect::<String>()))
        .filter(|r| boundary(&text[r.end..]))
        .collect()
}

/// `text` with the found part replaced by `[redacted]`: what the interviewer chose.
pub fn redact(text: &str, span: &Range<usize>) -> Option<String> {
    let before = text.get(..span.start)?;
    let after = text.get(span.end..)?;
    Some(format!("{before}[redacted]{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, names: &[&str]) -> Vec<(Kind, String)> {
        find(text, names)
            .into_iter()
            .map(|(k, r)| (k, text[r].to_string()))
            .collect()
    }

    #[test]
    fn phone_numbers_e_mails_and_names_are_found() {
        let t = "Call Amina Yusuf on +211 912 345 678 or 0912-345-678, or write to a.yusuf@example.org.";
        assert_eq!(
            kinds(t, &["Amina Yusuf"]),
            [
                (Kind::Name, "Amina Yusuf".to_string()),
                (Kind::Phone, "+211 912 345 678".to_string()),
                (Kind::Phone, "0912-345-678".to_string()),
                (Kind::Email, "a.yusuf@example.org".to_string()),
            ]
        );
    }

    #[test]
    fn years_counts_dates_and_parts_of_words_are_not_findings() {
        for t in [
            "Between 2017 and 2018, 1500 cases.",
            "Meeting on 2018-03-14 at 10:00.",
            "Ref ABC123456789 in the database",
            "an e-mail @ the office",
            "Aminata said so",
        ] {
            assert_eq!(kinds(t, &["Amina"]), [], "{t}");
        }
    }

    #[test]
    fn redacting_replaces_only_what_was_found() {
        let t = "Call +211 912 345 678 today";
        let r = &find(t, &[])[0].1;
        assert_eq!(redact(t, r).as_deref(), Some("Call [redacted] today"));
    }
}
