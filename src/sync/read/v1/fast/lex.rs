//! The values of a session file's lines, as `render` writes them: basic strings with their
//! escapes, integers, booleans, UTC date-times to the second, one-line arrays and inline
//! tables. Apart from the lines and tables they fill (`fast.rs`), so each can be read alone.

use std::ops::Range;
use std::str::FromStr;

use toml::value::Datetime;

use super::{Val, assignment};

/// The value starting at byte `i` of `s` (which starts at byte `base` of the file), and the
/// byte after it.
pub(super) fn value(s: &str, i: usize, base: usize) -> Option<(Val, usize)> {
    let b = s.as_bytes();
    match *b.get(i)? {
        b'"' => {
            let (text, end) = basic_string(s, i)?;
            Some((Val::Str(text), end))
        }
        b'[' => {
            let mut items = Vec::new();
            let mut j = i + 1;
            if b.get(j) == Some(&b']') {
                return Some((Val::Strs(items), j + 1));
            }
            loop {
                if b.get(j) != Some(&b'"') {
                    return None;
                }
                let (text, end) = basic_string(s, j)?;
                items.push(text);
                if b.get(end) == Some(&b']') {
                    return Some((Val::Strs(items), end + 1));
                }
                if b.get(end..end + 2)? != b", " {
                    return None;
                }
                j = end + 2;
            }
        }
        b'{' => {
            let mut keys: Vec<(String, Val, Range<usize>)> = Vec::new();
            let mut j = i + 1;
            if b.get(j) == Some(&b'}') {
                return Some((Val::Table(keys), j + 1));
            }
            if b.get(j) != Some(&b' ') {
                return None;
            }
            j += 1;
            loop {
                let (key, _) = assignment(s.get(j..)?)?;
                if keys.iter().any(|(k, _, _)| k == key) {
                    return None;
                }
                let at = j + key.len() + 3;
                let (v, end) = value(s, at, base)?;
                keys.push((key.to_string(), v, base + at..base + end));
                match b.get(end..end + 2)? {
                    b", " => j = end + 2,
                    b" }" => return Some((Val::Table(keys), end + 2)),
                    _ => return None,
                }
            }
        }
        b't' if s[i..].starts_with("true") => Some((Val::Bool(true), i + 4)),
        b'f' if s[i..].starts_with("false") => Some((Val::Bool(false), i + 5)),
        b'0'..=b'9' | b'-' => {
            let len = s[i..]
                .find([' ', ',', ']', '}', '\t'])
                .unwrap_or(s.len() - i);
            let token = &s[i..i + len];
            let end = i + len;
            if token.len() >= 10 && token.as_bytes().get(4) == Some(&b'-') {
                let t = utc_second(token).or_else(|| Datetime::from_str(token).ok())?;
                return Some((Val::Time(t), end));
            }
            number(token).map(|v| (v, end))
        }
        _ => None,
    }
}

/// `2018-03-14T09:17:16Z`, the time the writer writes for every answer, made without
/// the general date-time lexer; other shapes, and values near the edges of their ranges
/// (which that lexer is the judge of), are left to it.
pub(super) fn utc_second(token: &str) -> Option<Datetime> {
    let b = token.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    if b[16] != b':' || b[19] != b'Z' {
        return None;
    }
    let n = |from: usize, len: usize| -> Option<u16> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0u16, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u16::from(d - b'0'))
        })
    };
    let small = |from| n(from, 2).and_then(|v| u8::try_from(v).ok());
    let (year, month, day) = (n(0, 4)?, small(5)?, small(8)?);
    let (hour, minute, second) = (small(11)?, small(14)?, small(17)?);
    let plain = (1..=12).contains(&month)
        && (1..=28).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 59;
    plain.then_some(Datetime {
        date: Some(toml::value::Date { year, month, day }),
        time: Some(toml::value::Time {
            hour,
            minute,
            second: Some(second),
            nanosecond: None,
        }),
        offset: Some(toml::value::Offset::Z),
    })
}

/// A decimal integer, or a float as Rust's `{:?}` writes one (`2.5`, `1e-7`), in TOML's
/// grammar: no `+`, no leading zero, no `_`, no `inf` or `nan`, digits on both sides of a
/// point.
pub(super) fn number(token: &str) -> Option<Val> {
    let unsigned = token.strip_prefix('-').unwrap_or(token);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(k) => (&unsigned[..k], Some(&unsigned[k + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit());
    if !digits(whole) || (whole.len() > 1 && whole.starts_with('0')) {
        return None;
    }
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    if let Some(e) = exponent {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        if !digits(e) {
            return None;
        }
    }
    if fraction.is_none() && exponent.is_none() {
        return Some(Val::Int(token.parse().ok()?));
    }
    let x: f64 = token.parse().ok()?;
    x.is_finite().then_some(Val::Float(x))
}

/// The basic string opening at byte `i` (a `"`), unescaped, and the byte after its closing
/// quote. Declines a multi-line string, a raw control character and an escape TOML 1.0
/// does not have.
pub(super) fn basic_string(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(i..i + 3) == Some(b"\"\"\"") {
        return None;
    }
    let mut out = String::with_capacity(64);
    let mut j = i + 1;
    loop {
        // Copy the run up to the next quote, backslash or control character at once.
        let run = b[j..]
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20 || c == 0x7f)?;
        out.push_str(&s[j..j + run]);
        j += run;
        match b[j] {
            b'"' => return Some((out, j + 1)),
            b'\\' => {
                let (c, len) = match *b.get(j + 1)? {
                    b'"' => ('"', 2),
                    b'\\' => ('\\', 2),
                    b'n' => ('\n', 2),
                    b't' => ('\t', 2),
                    b'r' => ('\r', 2),
                    b'b' => ('\u{8}', 2),
                    b'f' => ('\u{c}', 2),
                    b'u' => (hex(s.get(j + 2..j + 6)?)?, 6),
                    b'U' => (hex(s.get(j + 2..j + 10)?)?, 10),
                    _ => return None,
                };
                out.push(c);
                j += len;
            }
            // A tab may stand for itself in a basic string; the writer escapes it.
            b'\t' => {
                out.push('\t');
                j += 1;
            }
            _ => return None,
        }
    }
}

fn hex(digits: &str) -> Option<char> {
    if !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(digits, 16).ok()?)
}
