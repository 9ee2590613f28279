//! The bounds the v1 format sets on fields beyond their TOML types: ids that are ULIDs,
//! participant roles from the known list, a completed status, revisions no real chain
//! reaches, integers an f64 holds exactly, times stocktake can hold. Each refusal names
//! the field, and its line and column where the parser kept them.

use std::ops::Range;

use jiff::Timestamp;
use toml::Spanned;
use toml::value::Datetime;

use super::{ReadError, why};
use crate::guide::line_col;
use crate::i18n::Words;
use crate::session::{ROLES, Status};

// The session owns the bound, so that what reopening refuses to start and what a reader
// refuses to read can never drift apart.
pub use crate::session::MAX_REVISION;

/// The largest integer an f64 (what a number answer is) holds exactly: 2^53.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// A value as an error message quotes it: escaped, and cut short when long (a refusal is
/// printed on every collate and kept in the quarantine: a file must not fill either).
pub(super) fn shown(v: &str) -> String {
    const SHOWN: usize = 32;
    let chars = v.chars().count();
    if chars > SHOWN {
        let head: String = v.chars().take(SHOWN).collect();
        format!("{head:?}… ({chars} characters)")
    } else {
        format!("{v:?}")
    }
}

/// [`shown`] for text quoted as it is, such as a TOML value already in its own syntax.
pub(super) fn cut(v: &str) -> String {
    const SHOWN: usize = 32;
    let chars = v.chars().count();
    if chars > SHOWN {
        let head: String = v.chars().take(SHOWN).collect();
        format!("{head}… ({chars} characters)")
    } else {
        v.to_string()
    }
}

/// Where in the file a refusal points.
pub(super) struct At<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl At<'_> {
    fn invalid(&self, span: Range<usize>, message: Words) -> ReadError {
        let (line, col) = line_col(self.text, span.start);
        ReadError::InvalidAt {
            file: self.file.into(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A ULID in its canonical form: 26 upper-case Crockford base32 characters, the
    /// first at most 7 (128 bits). Ids key sessions and name files, so one spelling only.
    pub fn ulid(&self, what: &str, v: Spanned<String>) -> Result<String, ReadError> {
        let span = v.span();
        let v = v.into_inner();
        let crockford =
            |b: u8| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"ILOU".contains(&b));
        if v.len() == 26 && v.bytes().all(crockford) && v.as_bytes()[0] <= b'7' {
            return Ok(v);
        }
        let upper = v.to_ascii_uppercase();
        let message = if upper != v
            && upper.len() == 26
            && upper.bytes().all(crockford)
            && upper.as_bytes()[0] <= b'7'
        {
            why::ulid_lower_case(what, shown(&v), &upper)
        } else {
            why::not_ulid(what, shown(&v))
        };
        Err(self.invalid(span, message))
    }

    pub fn role(&self, what: &str, v: Spanned<String>) -> Result<String, ReadError> {
        if ROLES.iter().any(|(r, _)| *r == v.get_ref()) {
            return Ok(v.into_inner());
        }
        let known: Vec<&str> = ROLES.iter().map(|(r, _)| *r).collect();
        Err(self.invalid(
            v.span(),
            why::not_role(what, shown(v.get_ref()), known.join(", ")),
        ))
    }

    /// Only completed revisions are written: a file in any other state was not made by
    /// `stocktake sync`, and a collator must not count a half-done interview.
    pub fn status(&self, v: Spanned<String>) -> Result<Status, ReadError> {
        match Status::parse(v.get_ref()) {
            Some(Status::Completed) => Ok(Status::Completed),
            Some(_) => Err(self.invalid(v.span(), why::status_not_completed(shown(v.get_ref())))),
            None => Err(self.invalid(v.span(), why::unknown_status(shown(v.get_ref())))),
        }
    }

    pub fn revision(&self, v: Spanned<u32>) -> Result<u32, ReadError> {
        match *v.get_ref() {
            0 => Err(self.invalid(v.span(), why::revision_zero())),
            n if n > MAX_REVISION => {
                Err(self.invalid(v.span(), why::revision_too_high(n, MAX_REVISION)))
            }
            n => Ok(n),
        }
    }
}

/// An integer answer as the f64 it becomes, refusing one the f64 would round.
pub(super) fn exact_number(n: i64) -> Option<f64> {
    (n.unsigned_abs() <= MAX_EXACT_INTEGER).then_some(n as f64)
}

pub(super) fn number_too_large(n: i64) -> Words {
    why::number_too_large(n, MAX_EXACT_INTEGER)
}

/// A TOML offset datetime as a timestamp. Every such time is valid RFC 3339, but jiff
/// (and so stocktake) holds times only up to 9999-12-30T22:00:00Z, so that any of them
/// can be shown in any time zone; a later one is refused as what it is.
/// A date, a time with seconds and an offset, as jiff reads their text, without the text:
/// every time of every answer goes through here, and writing each out to parse it again
/// was a tenth of reading a file. Anything else (no seconds, a leap second, a local time)
/// is for the text's parser and its errors.
fn whole(d: &Datetime) -> Option<Timestamp> {
    let (date, time, offset) = (d.date?, d.time?, d.offset?);
    let second = time.second.filter(|s| *s <= 59)?;
    let small = |n: u8| i8::try_from(n).ok();
    let dt = jiff::civil::DateTime::new(
        i16::try_from(date.year).ok()?,
        small(date.month)?,
        small(date.day)?,
        small(time.hour)?,
        small(time.minute)?,
        small(second)?,
        i32::try_from(time.nanosecond.unwrap_or(0)).ok()?,
    )
    .ok()?;
    let minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => minutes,
    };
    jiff::tz::Offset::from_seconds(i32::from(minutes) * 60)
        .ok()?
        .to_timestamp(dt)
        .ok()
}

pub(super) fn time(what: &str, d: &Datetime) -> Result<Timestamp, Words> {
    if let Some(t) = whole(d) {
        return Ok(t);
    }
    d.to_string().parse::<Timestamp>().map_err(|_| {
        if d.date.is_some() && d.time.is_some() && d.offset.is_some() {
            let last = Timestamp::from_second(Timestamp::MAX.as_second()).unwrap_or(Timestamp::MAX);
            why::time_too_late(what, d.to_string(), last.to_string())
        } else {
            why::not_a_time(what, d.to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use toml::value::{Date, Datetime, Offset, Time};

    use super::*;

    proptest! {
        #[test]
        fn a_time_read_without_its_text_is_the_time_its_text_says(
            year in 0u16..=9999, month in 0u8..=13, day in 0u8..=32,
            hour in 0u8..=25, minute in 0u8..=61, second in proptest::option::of(0u8..=61),
            nanosecond in proptest::option::of(0u32..=1_000_000_001),
            offset in proptest::option::of(-1500i16..=1500),
        ) {
            let d = Datetime {
                date: Some(Date { year, month, day }),
                time: Some(Time { hour, minute, second, nanosecond }),
                offset: Some(offset.map_or(Offset::Z, |minutes| Offset::Custom { minutes })),
            };
            if let Some(t) = whole(&d) {
                prop_assert_eq!(d.to_string().parse::<Timestamp>().ok(), Some(t));
            }
        }
    }

    #[test]
    fn the_times_stocktake_writes_are_read_without_their_text() {
        for text in [
            "2018-03-14T09:17:16Z",
            "2026-12-02T23:59:59.123456789Z",
            "2018-03-14T09:17:16+05:30",
        ] {
            let d: Datetime = text.parse().expect("datetime");
            assert_eq!(whole(&d), text.parse::<Timestamp>().ok(), "{text}");
        }
    }
}
