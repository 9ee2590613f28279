//! The user's config file, `<XDG config>/stocktake/config.toml` (or `$STOCKTAKE_CONFIG`).
//! Optional; every key is optional. A mistake in it is reported at its line and column.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::guide::line_col;
use crate::i18n::Words;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where completed sessions are written (a shared folder, a Syncthing folder, …).
    pub outbox: Option<PathBuf>,
    /// age recipients (`age1…`) every session file is encrypted to, besides the guide's.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Names the check before completing a session looks for in notes and typed answers
    /// (besides the participants' own), e.g. the coordinators of the responses called.
    #[serde(default)]
    pub sensitive_names: Vec<String>,
    /// The report's default `--attribution`: one of [`ATTRIBUTION_LEVELS`].
    pub attribution: Option<String>,
    /// The report's default `--min-cell`.
    pub min_cell: Option<usize>,
    /// The language of the program's own words, `en` or `fr` (else the locale's).
    pub ui_language: Option<String>,
    /// Move to the next question once a single choice, a yes/no or a scale is answered
    /// for the first time (`docs/keys.md`); on unless `auto_advance = false`.
    pub auto_advance: Option<bool>,
}

/// The names `report --attribution` takes (`report::Attribution`; the config may not
/// name the report module, and `tests/cli_report.rs` checks the two agree).
pub const ATTRIBUTION_LEVELS: [&str; 3] = ["none", "structure", "response"];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}:{col}: {message} (allowed keys: outbox, recipients, sensitive_names, attribution, min_cell, ui_language, auto_advance)"
    )]
    Invalid {
        path: String,
        line: usize,
        col: usize,
        message: crate::i18n::Phrase,
    },
}

/// The TOML parser's words stay as it said them; ours about a value are words of
/// `en-refusals.ftl`.
impl crate::i18n::Reason for ConfigError {
    fn words(&self) -> Words {
        match self {
            ConfigError::Io { path, source } => Words::msg("why-config-io")
                .arg("path", path.clone())
                .with("error", source.said()),
            ConfigError::Invalid {
                path,
                line,
                col,
                message,
            } => Words::msg("why-config-invalid")
                .arg("path", path.clone())
                .arg("line", line.to_string())
                .arg("col", col.to_string())
                .with("what", message.words()),
        }
    }
}

pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STOCKTAKE_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "stocktake").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// The config at `path`; no file is an empty config.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Io {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        let config: Config = toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
            ConfigError::Invalid {
                path: path.display().to_string(),
                line,
                col,
                message: e.message().trim().into(),
            }
        })?;
        for r in &config.recipients {
            if crate::sync::parse_recipient(r).is_err() {
                let at = text.find(r.as_str()).unwrap_or(0);
                let (line, col) = line_col(&text, at);
                return Err(ConfigError::Invalid {
                    path: path.display().to_string(),
                    line,
                    col,
                    message: Words::msg("why-config-not-recipient")
                        .arg("recipient", r.clone())
                        .into(),
                });
            }
        }
        if let Some(a) = &config.attribution
            && !ATTRIBUTION_LEVELS.contains(&a.as_str())
        {
            let at = text.find("attribution").unwrap_or(0);
            let (line, col) = line_col(&text, at);
            return Err(ConfigError::Invalid {
                path: path.display().to_string(),
                line,
                col,
                message: Words::msg("why-config-attribution")
                    .arg("given", a.clone())
                    .arg("known", ATTRIBUTION_LEVELS.join(", "))
                    .into(),
            });
        }
        if let Some(l) = &config.ui_language
            && crate::i18n::UiLang::parse(l).is_none()
        {
            let at = text.find("ui_language").unwrap_or(0);
            let (line, col) = line_col(&text, at);
            return Err(ConfigError::Invalid {
                path: path.display().to_string(),
                line,
                col,
                message: Words::msg("why-config-ui-language")
                    .arg("given", l.clone())
                    .into(),
            });
        }
        Ok(config)
    }

    /// Whether the interview moves on after a first closed answer: on by default.
    pub fn auto_advance(&self) -> bool {
        self.auto_advance.unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ui_language_stocktake_does_not_speak_is_refused_where_it_is_written() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "min_cell = 3\nui_language = \"de\"\n").expect("write");
        let e = Config::load(&p).expect_err("refused").to_string();
        assert!(
            e.contains(":2:1: ui_language `de` is not one stocktake speaks: en, fr"),
            "{e}"
        );
        std::fs::write(&p, "ui_language = \"fr\"\n").expect("write");
        assert_eq!(
            Config::load(&p).expect("fr").ui_language.as_deref(),
            Some("fr")
        );
    }

    /// Each value refused is said as it always was in English, and in French too; what
    /// the TOML parser said stays its own.
    #[test]
    fn a_config_value_refused_says_what_it_said_and_is_french_in_french() {
        use crate::i18n::{Reason, UiLang, assert_said_everywhere};
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("c.toml");
        let shown = p.display().to_string();
        let allowed = "(allowed keys: outbox, recipients, sensitive_names, attribution, min_cell, ui_language, auto_advance)";
        for (text, english) in [
            (
                "recipients = [\"age2x\"]\n",
                "1:16: `age2x` is not an age recipient (age1…; see stocktake keys new)",
            ),
            (
                "attribution = \"everyone\"\n",
                "1:1: attribution `everyone` is not one of none, structure, response",
            ),
            (
                "ui_language = \"de\"\n",
                "1:1: ui_language `de` is not one stocktake speaks: en, fr",
            ),
        ] {
            std::fs::write(&p, text).expect("write");
            let e = Config::load(&p).expect_err("refused");
            assert_eq!(e.to_string(), format!("{shown}:{english} {allowed}"));
            assert_said_everywhere(&e);
            assert!(e.reason(UiLang::Fr).contains("clés permises"));
        }
        std::fs::write(&p, "min_cell = \"x\n").expect("write");
        let e = Config::load(&p).expect_err("not TOML");
        assert_eq!(e.reason(UiLang::En), e.to_string());
    }

    #[test]
    fn a_missing_file_is_an_empty_config() {
        assert_eq!(
            Config::load(Path::new("/nonexistent/config.toml")).expect("ok"),
            Config::default()
        );
    }

    #[test]
    fn report_defaults_are_read_and_checked() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "attribution = \"none\"\nmin_cell = 5\n").expect("write");
        let c = Config::load(&p).expect("ok");
        assert_eq!(
            (c.attribution.as_deref(), c.min_cell),
            (Some("none"), Some(5))
        );
        std::fs::write(&p, "min_cell = 5\nattribution = \"names\"\n").expect("write");
        let e = Config::load(&p).expect_err("bad level");
        assert!(
            e.to_string().contains(
                "config.toml:2:1: attribution `names` is not one of none, structure, response"
            ),
            "{e}"
        );
    }

    #[test]
    fn auto_advance_is_on_unless_turned_off() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("config.toml");
        assert!(Config::default().auto_advance());
        std::fs::write(&p, "auto_advance = false\n").expect("write");
        assert!(!Config::load(&p).expect("ok").auto_advance());
        std::fs::write(&p, "auto_advance = \"no\"\n").expect("write");
        let e = Config::load(&p).expect_err("not a boolean");
        assert!(e.to_string().contains("config.toml:1:16"), "{e}");
    }

    #[test]
    fn a_typo_is_reported_where_it_is() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "# mine\noutbx = \"/srv/x\"\n").expect("write");
        let e = Config::load(&p).expect_err("typo");
        assert!(
            e.to_string()
                .contains("config.toml:2:1: unknown field `outbx`"),
            "{e}"
        );
        std::fs::write(&p, "outbox = \"/srv/stocktake/outbox\"\n").expect("write");
        assert_eq!(
            Config::load(&p).expect("ok").outbox,
            Some(PathBuf::from("/srv/stocktake/outbox"))
        );
    }
}
