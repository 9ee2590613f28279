//! Who is to be called: a target per response and structure, with the coordinator, how to
//! reach them and their time zone; every attempt logged against a target; and the
//! campaign's rules for trying again.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use super::Outcome;
use crate::guide::Structure;

/// Most attempts a target gets before it is left, unless the campaign says otherwise.
pub const DEFAULT_MAX_TRIES: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `response/structure` (plus `/label` for a structure of its own), as file-name-safe
    /// ASCII: what `stocktake plan log TARGET` takes.
    pub id: String,
    pub response: String,
    pub structure: Structure,
    /// The name of a structure of its own (`structure = other`).
    pub structure_label: String,
    pub coordinator: String,
    pub organisation: String,
    /// Phone, e-mail, Skype or Teams handle: however the coordinator is reached.
    pub contact: String,
    /// The respondent's IANA time zone (`Africa/Juba`), when known.
    pub timezone: Option<String>,
    /// Languages the coordinator works in (`en`, `fr`).
    pub languages: Vec<String>,
    /// Columns of the campaign file this program does not know, kept as they were.
    pub notes: BTreeMap<String, String>,
    /// It was in the campaign, attempts were logged, and a later campaign file left it
    /// out: kept (its attempts count), and flagged.
    pub removed: bool,
}

/// A target's id: the response and structure as a slug, `south-sudan/cp_aor`.
pub fn target_id(response: &str, structure: Structure, label: &str) -> String {
    let base = format!("{}/{}", crate::sync::slug(response), structure.as_str());
    if structure == Structure::Other && !label.trim().is_empty() {
        format!("{base}/{}", crate::sync::slug(label))
    } else {
        base
    }
}

impl Target {
    /// "South Sudan · CP AOR", the structure's short name in `lang` ("DR PE" in French).
    pub fn name(&self, lang: &str) -> String {
        let structure = match self.structure {
            Structure::Other if !self.structure_label.is_empty() => self.structure_label.clone(),
            s => s.short_label(lang).to_string(),
        };
        format!("{} · {structure}", self.response)
    }
}

/// One call attempt, as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// ULID: attempts from several interviewers merge by it.
    pub id: String,
    pub target: String,
    pub at: Timestamp,
    pub outcome: Outcome,
    /// When to call again (with `callback`).
    pub callback: Option<Timestamp>,
    pub note: String,
    pub interviewer: String,
    /// The sessions the call produced.
    pub sessions: Vec<String>,
}

/// How the campaign tries again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub max_tries: u32,
    /// Wait before trying again after each outcome (those absent: not retried by time).
    pub retry_after: BTreeMap<Outcome, SignedDuration>,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            max_tries: DEFAULT_MAX_TRIES,
            retry_after: Outcome::ALL
                .into_iter()
                .filter_map(|o| o.default_retry().map(|d| (o, d)))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{col}: {problem}")]
pub struct RulesError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub problem: RulesProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesProblem {
    /// What the TOML reader said.
    #[error("{0}")]
    Toml(String),
    #[error("`max_tries` is a whole number from 1 to 100")]
    MaxTries,
    #[error("`{0}` is not an outcome; use one of {all}", all = Outcome::ALL.map(Outcome::as_str).join(", "))]
    NotAnOutcome(String),
    #[error("`{0}` waits for a duration such as \"4h\" or \"30m\"")]
    NotADuration(String),
    #[error("unknown key `{0}`; the rules have max_tries and [retry_after]")]
    UnknownKey(String),
}

impl crate::i18n::Reason for RulesError {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        let what = match &self.problem {
            RulesProblem::Toml(m) => Words::Text(m.clone()),
            RulesProblem::MaxTries => Words::msg("why-rules-max-tries"),
            RulesProblem::NotAnOutcome(o) => Words::msg("why-rules-not-an-outcome")
                .arg("outcome", o.clone())
                .arg("all", Outcome::ALL.map(Outcome::as_str).join(", ")),
            RulesProblem::NotADuration(o) => {
                Words::msg("why-rules-not-a-duration").arg("outcome", o.clone())
            }
            RulesProblem::UnknownKey(k) => {
                Words::msg("why-rules-unknown-key").arg("key", k.clone())
            }
        };
        Words::msg("why-at")
            .arg("file", self.file.clone())
            .arg("line", self.line.to_string())
            .arg("col", self.col.to_string())
            .with("what", what)
    }
}

impl Rules {
    /// Rules from TOML: `max_tries = 6` and a `[retry_after]` table of outcome = "4h".
    pub fn parse(text: &str, file: &str) -> Result<Rules, RulesError> {
        let err = |at: usize, problem: RulesProblem| {
            let (line, col) = crate::guide::line_col(text, at);
            RulesError {
                file: file.to_string(),
                line,
                col,
                problem,
            }
        };
        let table: toml::Spanned<toml::Table> = toml::from_str(text).map_err(|e| {
            err(
                e.span().map_or(0, |s| s.start),
                RulesProblem::Toml(e.message().trim().to_string()),
            )
        })?;
        let mut rules = Rules::default();
        let at_key = |key: &str| text.find(key).unwrap_or(0);
        for (key, value) in table.get_ref() {
            match (key.as_str(), value) {
                ("max_tries", toml::Value::Integer(n)) if (1..=100).contains(n) => {
                    rules.max_tries = *n as u32;
                }
                ("max_tries", _) => {
                    return Err(err(at_key("max_tries"), RulesProblem::MaxTries));
                }
                ("retry_after", toml::Value::Table(t)) => {
                    for (outcome, wait) in t {
                        let Some(o) = Outcome::parse(outcome) else {
                            return Err(err(
                                at_key(outcome),
                                RulesProblem::NotAnOutcome(outcome.clone()),
                            ));
                        };
                        let parsed = wait
                            .as_str()
                            .and_then(|w| w.parse::<SignedDuration>().ok())
                            .filter(|d| d.is_positive());
                        let Some(d) = parsed else {
                            return Err(err(
                                at_key(outcome),
                                RulesProblem::NotADuration(outcome.clone()),
                            ));
                        };
                        rules.retry_after.insert(o, d);
                    }
                }
                (other, _) => {
                    return Err(err(
                        at_key(other),
                        RulesProblem::UnknownKey(other.to_string()),
                    ));
                }
            }
        }
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_tell_structures_apart() {
        assert_eq!(
            target_id("South Sudan", Structure::CpAor, ""),
            "south-sudan/cp_aor"
        );
        assert_eq!(
            target_id("Україна", Structure::Other, "Protection Sector (South)"),
            "ukrayina/other/protection-sector-south"
        );
    }

    #[test]
    fn rules_read_from_toml_and_mistakes_say_where() {
        let r = Rules::parse(
            "max_tries = 3\n[retry_after]\nno_answer = \"2h\"\n",
            "r.toml",
        )
        .expect("rules");
        assert_eq!(r.max_tries, 3);
        assert_eq!(
            r.retry_after[&Outcome::NoAnswer],
            SignedDuration::from_hours(2)
        );
        assert_eq!(
            r.retry_after[&Outcome::Busy],
            SignedDuration::from_mins(30),
            "defaults kept"
        );
        let e = Rules::parse("[retry_after]\nnoanswer = \"2h\"\n", "r.toml").expect_err("typo");
        assert!(
            e.to_string()
                .starts_with("r.toml:2:1: `noanswer` is not an outcome"),
            "{e}"
        );
        let e = Rules::parse("[retry_after]\nbusy = \"soon\"\n", "r.toml").expect_err("bad");
        assert!(e.to_string().contains("duration such as"), "{e}");
    }
}
