//! Attempt files (`stocktake.attempts.v1`): one logged attempt each, so interviewers share
//! their call logs without a server, through the same outbox as their session files.
//! Written and checked exactly as session files are: a digest line over every byte after
//! it, atomic and never overwritten, encrypted the same way; merged by attempt id, so
//! files arriving in any order give the same campaign.

use std::fmt::Write;

use jiff::Timestamp;
use serde::Deserialize;
use toml::value::Datetime;

use super::{Attempt, Outcome};
use crate::guide::Digest;
use crate::i18n::Words;
use crate::sync::why::attempt as why;
use crate::sync::{ReadError, check_digest, toml_str};

pub const FORMAT: &str = "stocktake.attempts.v1";

/// Longest note on an attempt.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// The file name of an attempt: its id only (where and whom it concerns is inside, and
/// encrypted with it when encryption is on).
pub fn attempt_file_name(a: &Attempt) -> String {
    let id: String =
        a.id.chars()
            .filter(char::is_ascii_alphanumeric)
            .take(32)
            .collect();
    format!("attempt_{id}.toml")
}

/// An attempt's exact bytes: the digest line, then the body it covers.
pub fn render_attempt(a: &Attempt) -> Vec<u8> {
    let mut o = String::new();
    // Writing into a String cannot fail.
    let mut line = |s: String| {
        o.push_str(&s);
        o.push('\n');
    };
    line(format!("format = {}", toml_str(FORMAT)));
    line(format!("attempt_id = {}", toml_str(&a.id)));
    line(format!("target = {}", toml_str(&a.target)));
    line(format!("at = {}", a.at));
    line(format!("outcome = {}", toml_str(a.outcome.as_str())));
    if let Some(c) = a.callback {
        line(format!("callback = {c}"));
    }
    line(format!("interviewer = {}", toml_str(&a.interviewer)));
    if !a.note.is_empty() {
        line(format!("note = {}", toml_str(&a.note)));
    }
    let sessions: Vec<String> = a.sessions.iter().map(|s| toml_str(s)).collect();
    line(format!("sessions = [{}]", sessions.join(", ")));
    let digest = Digest::of(o.as_bytes());
    let mut out = String::new();
    // A String sink never fails.
    if writeln!(out, "digest = {}", toml_str(&digest.to_string())).is_err() {
        return Vec::new();
    }
    out.push_str(&o);
    out.into_bytes()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    digest: String,
    format: String,
    attempt_id: String,
    target: String,
    at: Datetime,
    outcome: String,
    callback: Option<Datetime>,
    interviewer: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    sessions: Vec<String>,
}

fn invalid(file: &str, message: Words) -> ReadError {
    ReadError::Invalid {
        file: file.into(),
        message: message.into(),
    }
}

fn is_ulid(s: &str) -> bool {
    s.len() == 26 && s.parse::<ulid::Ulid>().is_ok() && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether these bytes claim to be an attempt file (rather than a session file).
pub fn is_attempt_file(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    String::from_utf8_lossy(head).contains(&format!("format = \"{FORMAT}\""))
}

/// Read and verify an attempt file.
pub fn parse_attempt(bytes: &[u8], file: &str) -> Result<(Digest, Attempt), ReadError> {
    let digest = check_digest(bytes, file)?;
    let text = std::str::from_utf8(bytes).map_err(|_| invalid(file, why::not_utf8()))?;
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| crate::guide::line_col(text, s.start))
            .unwrap_or((1, 1));
        ReadError::Syntax {
            file: file.into(),
            line,
            col,
            message: e.message().trim().to_string(),
        }
    })?;
    if raw.format != FORMAT {
        return Err(ReadError::UnknownFormat {
            file: file.into(),
            found: raw.format,
        });
    }
    if raw.digest != digest.to_string() {
        return Err(ReadError::Tampered { file: file.into() });
    }
    if !is_ulid(&raw.attempt_id) {
        return Err(invalid(file, why::not_ulid()));
    }
    let target_ok = !raw.target.is_empty()
        && raw.target.len() <= 200
        && raw
            .target
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_/".contains(&b));
    if !target_ok {
        return Err(invalid(file, why::not_target()));
    }
    let outcome = Outcome::parse(&raw.outcome)
        .ok_or_else(|| invalid(file, why::unknown_outcome(raw.outcome.clone())))?;
    let time = |what: &str, d: &Datetime| -> Result<Timestamp, ReadError> {
        d.to_string()
            .parse()
            .map_err(|_| invalid(file, why::not_a_time(what)))
    };
    let at = time("at", &raw.at)?;
    let callback = raw
        .callback
        .as_ref()
        .map(|c| time("callback", c))
        .transpose()?;
    if callback.is_some() != (outcome == Outcome::Callback) {
        return Err(invalid(file, why::callback_without_outcome()));
    }
    if raw.note.chars().count() > MAX_NOTE_CHARS || raw.interviewer.chars().count() > 200 {
        return Err(invalid(file, why::too_long()));
    }
    if raw.sessions.len() > 20 || !raw.sessions.iter().all(|s| is_ulid(s)) {
        return Err(invalid(file, why::sessions()));
    }
    Ok((
        digest,
        Attempt {
            id: raw.attempt_id,
            target: raw.target,
            at,
            outcome,
            callback,
            note: raw.note,
            interviewer: raw.interviewer,
            sessions: raw.sessions,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt() -> Attempt {
        Attempt {
            id: ulid::Ulid::generate().to_string(),
            target: "south-sudan/cp_aor".into(),
            at: "2018-03-14T09:00:00Z".parse().expect("time"),
            outcome: Outcome::Callback,
            callback: Some("2018-03-15T09:00:00Z".parse().expect("time")),
            note: "Asked to call after the \"HCT\" meeting\nthird line".into(),
            interviewer: "amina".into(),
            sessions: vec![ulid::Ulid::generate().to_string()],
        }
    }

    #[test]
    fn an_attempt_survives_its_file_and_damage_is_seen() {
        let a = attempt();
        let bytes = render_attempt(&a);
        assert!(is_attempt_file(&bytes));
        let (_, back) = parse_attempt(&bytes, "a.toml").expect("reads");
        assert_eq!(back, a);
        let mut bad = bytes.clone();
        let at = bad.len() - 3;
        bad[at] ^= 1;
        assert!(matches!(
            parse_attempt(&bad, "a.toml"),
            Err(ReadError::Tampered { .. })
        ));
        assert_eq!(attempt_file_name(&a), format!("attempt_{}.toml", a.id));
    }
}
