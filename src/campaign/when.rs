//! A callback time as an interviewer types it on a call: "+2h", "in 30m", "15:30",
//! "tomorrow 9:00", "2018-03-15 14:30". Clock times are the respondent's (the coordinator
//! says "call me at three"), in their time zone when the campaign knows it.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

fn clock(s: &str) -> Option<Time> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    Time::new(h, m, 0, 0).ok()
}

fn duration(s: &str) -> Option<SignedDuration> {
    let s = s.trim();
    let s = s
        .strip_prefix('+')
        .or_else(|| s.strip_prefix("in "))
        .or_else(|| s.strip_prefix("dans "))
        .unwrap_or(s);
    let (n, unit) = s
        .trim()
        .split_at(s.trim().find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = n.parse().ok()?;
    match unit.trim() {
        "m" | "min" | "mins" | "minutes" => Some(SignedDuration::from_mins(n)),
        "h" | "hour" | "hours" | "heure" | "heures" => Some(SignedDuration::from_hours(n)),
        "d" | "day" | "days" | "j" | "jour" | "jours" => Some(SignedDuration::from_hours(24 * n)),
        _ => None,
    }
}

/// Why a callback time was refused: said on the plan screen and after `--callback`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// What was typed, made safe to print.
    #[error("`{0}` is not a time: type +2h, 15:30, tomorrow 9:00 or 2018-03-15 14:30")]
    NotATime(String),
    #[error("that time has passed: a callback is in the future")]
    Passed,
}

impl crate::i18n::Reason for WhenError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            WhenError::NotATime(s) => Words::msg("why-when-not-a-time").arg("typed", s.clone()),
            WhenError::Passed => Words::msg("why-when-passed"),
        }
    }
}

/// When `input` means, typed at `now` about a respondent in `tz`. Always in the future.
/// The words understood are English and French (`tomorrow`/`demain`, `in 30m`/`dans
/// 30m`) in every language, as the accessible mode's commands are, and the digits and the
/// ISO dates.
pub fn parse_when(input: &str, now: Timestamp, tz: &TimeZone) -> Result<Timestamp, WhenError> {
    let s = input.trim().to_lowercase();
    let bad = || WhenError::NotATime(crate::neutralise::line(input.trim()).to_string());
    let here = now.to_zoned_datetime(tz.clone());
    let at = |d: Date, t: Time| -> Option<Timestamp> {
        DateTime::from_parts(d, t)
            .to_zoned_datetime(tz.clone())
            .ok()
            .map(|z| z.timestamp())
    };
    let t = if let Some(d) = duration(&s) {
        now.checked_add(d).ok()
    } else if let Some(rest) = s
        .strip_prefix("tomorrow")
        .or_else(|| s.strip_prefix("demain"))
    {
        let day = here.date().tomorrow().ok();
        day.zip(clock(rest)).and_then(|(d, t)| at(d, t))
    } else if let Some(t) = clock(&s).filter(|_| !s.contains('-')) {
        // Today at that time, or tomorrow if it has passed.
        at(here.date(), t)
            .filter(|x| *x > now)
            .or_else(|| here.date().tomorrow().ok().and_then(|d| at(d, t)))
    } else {
        let (d, t) = s.split_once(['t', ' ']).unwrap_or((&s, ""));
        d.parse::<Date>()
            .ok()
            .zip(clock(t))
            .and_then(|(d, t)| at(d, t))
    };
    match t {
        Some(t) if t > now => Ok(t),
        Some(_) => Err(WhenError::Passed),
        None => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2018-03-14T12:00:00Z".parse().expect("time")
    }

    #[test]
    fn the_ways_an_interviewer_types_a_callback() {
        let baghdad = TimeZone::get("Asia/Baghdad").expect("zone");
        let p = |s: &str| parse_when(s, now(), &baghdad).map(|t| t.to_string());
        assert_eq!(p("+2h").as_deref(), Ok("2018-03-14T14:00:00Z"));
        assert_eq!(p("in 30m").as_deref(), Ok("2018-03-14T12:30:00Z"));
        // 15:00 in Baghdad is noon UTC, already past: tomorrow.
        assert_eq!(p("15:00").as_deref(), Ok("2018-03-15T12:00:00Z"));
        assert_eq!(p("16:30").as_deref(), Ok("2018-03-14T13:30:00Z"));
        assert_eq!(p("tomorrow 9:00").as_deref(), Ok("2018-03-15T06:00:00Z"));
        // The French words too, in every language: the French help offers them.
        assert_eq!(p("demain 9:00").as_deref(), Ok("2018-03-15T06:00:00Z"));
        assert_eq!(p("dans 30m").as_deref(), Ok("2018-03-14T12:30:00Z"));
        assert_eq!(p("dans 2 heures").as_deref(), Ok("2018-03-14T14:00:00Z"));
        assert_eq!(p("+1j").as_deref(), Ok("2018-03-15T12:00:00Z"));
        assert_eq!(p("2018-03-20 10:00").as_deref(), Ok("2018-03-20T07:00:00Z"));
        assert_eq!(p("2018-03-01 10:00"), Err(WhenError::Passed));
        assert_eq!(p("soonish"), Err(WhenError::NotATime("soonish".into())));
    }

    #[test]
    fn why_a_time_is_refused_is_said_in_every_language() {
        crate::i18n::assert_said_everywhere(&WhenError::Passed);
        crate::i18n::assert_said_everywhere(&WhenError::NotATime("soonish".into()));
    }
}
