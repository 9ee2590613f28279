//! The program's own words in the interviewer's language, through Fluent: one `.ftl` file
//! per language beside this module, compiled in, so a shared server needs nothing
//! installed. Plurals follow each language's rules (Fluent's selectors, CLDR plural
//! categories). `docs/translating.md` says how to add a language.
//!
//! Which language: `--ui-language`, else `ui_language` in the config file, else
//! `LC_ALL` / `LC_MESSAGES` / `LANG`, else English.

mod names;
mod reason;
mod stored;
mod words;

use std::sync::OnceLock;

pub use names::{language_name, language_shown};
#[cfg(test)]
pub use reason::assert_said_everywhere;
pub use reason::{Reason, written_in};
pub use words::{Phrase, Words};

/// An argument of a message: a number (formatted and plural-selected per language) or text.
pub use fluent::FluentValue;
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource};

/// A language the program's words are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Fr,
}

/// Each language's words, one file per concern (the home list and shared words; the keys'
/// hints and help; the interview; the analyse screens; the accessible mode; the command
/// line's summaries and errors; the errors' reasons; the guide checker's problems; `--help`;
/// the report files' headings and notes; what the file readers find wrong in a file; the
/// refusals worded where they are found), in the order of [`FILES`]. The parity test
/// compares the files pairwise, so a translator sees which
/// file lacks which id.
const SOURCES: [(UiLang, &str, [&str; FILES.len()]); 2] = [
    (
        UiLang::En,
        "en",
        [
            include_str!("en.ftl"),
            include_str!("en-keys.ftl"),
            include_str!("en-interview.ftl"),
            include_str!("en-analyse.ftl"),
            include_str!("en-accessible.ftl"),
            include_str!("en-cli.ftl"),
            include_str!("en-reasons.ftl"),
            include_str!("en-check.ftl"),
            include_str!("en-help.ftl"),
            include_str!("en-report.ftl"),
            include_str!("en-read.ftl"),
            include_str!("en-refusals.ftl"),
        ],
    ),
    (
        UiLang::Fr,
        "fr",
        [
            include_str!("fr.ftl"),
            include_str!("fr-keys.ftl"),
            include_str!("fr-interview.ftl"),
            include_str!("fr-analyse.ftl"),
            include_str!("fr-accessible.ftl"),
            include_str!("fr-cli.ftl"),
            include_str!("fr-reasons.ftl"),
            include_str!("fr-check.ftl"),
            include_str!("fr-help.ftl"),
            include_str!("fr-report.ftl"),
            include_str!("fr-read.ftl"),
            include_str!("fr-refusals.ftl"),
        ],
    ),
];

/// What each source file holds, for the parity test's messages: `<code><suffix>.ftl`.
pub const FILES: [&str; 12] = [
    "",
    "-keys",
    "-interview",
    "-analyse",
    "-accessible",
    "-cli",
    // Why something failed (the errors of the layers below), and what the guide checker finds.
    "-reasons",
    "-check",
    // `--help` and clap's errors.
    "-help",
    // The report files' own words.
    "-report",
    // What the session and attempt file readers find wrong in a file.
    "-read",
    // What the collation, the store, the config and the campaign refuse, worded where found.
    "-refusals",
];

impl UiLang {
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Fr => "fr",
        }
    }

    /// `en`, `fr`, `fr-FR`, `fr_CA.UTF-8`: by the language part.
    pub fn parse(s: &str) -> Option<UiLang> {
        let lang = s
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(UiLang::En),
            "fr" => Some(UiLang::Fr),
            _ => None,
        }
    }

    /// The language of the locale, as POSIX ranks its variables; `None` for a locale this
    /// program has no words in (`C`, `POSIX`, `de_DE`…).
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Option<UiLang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| get(v))
            .find(|v| !v.is_empty())
            .and_then(|v| UiLang::parse(&v))
    }

    /// `flag`, else `config`, else the locale, else English.
    pub fn choose(flag: Option<&str>, config: Option<&str>) -> UiLang {
        UiChoice::new(flag, config, |v| std::env::var(v).ok()).lang
    }
}

/// The language chosen for the program's words, and whether a call may override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UiChoice {
    pub lang: UiLang,
    /// Neither `--ui-language` (nor its variable) nor the config's `ui_language` said
    /// which: inside a call the words follow the call's language. A locale is a machine's
    /// setting, often a shared server's; the call's language is the interviewer's choice
    /// for this call, so it wins over the locale but never over an explicit choice.
    pub follows_call: bool,
}

impl UiChoice {
    pub fn new(
        flag: Option<&str>,
        config: Option<&str>,
        locale: impl Fn(&str) -> Option<String>,
    ) -> UiChoice {
        match flag
            .and_then(UiLang::parse)
            .or_else(|| config.and_then(UiLang::parse))
        {
            Some(lang) => UiChoice {
                lang,
                follows_call: false,
            },
            None => UiChoice {
                lang: UiLang::from_locale(locale).unwrap_or_default(),
                follows_call: true,
            },
        }
    }
}

fn parse(src: &str) -> FluentResource {
    // The sources are ours and checked by the tests below; a broken entry is skipped
    // rather than taking the program down.
    FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r)
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static B: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    B.get_or_init(|| {
        SOURCES.map(|(_, code, srcs)| {
            let lang: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
            let mut b = FluentBundle::new_concurrent(vec![lang]);
            // No Unicode isolation marks: a terminal would show them as stray cells.
            b.set_use_isolating(false);
            // NUMBER() lets a message keep a number ungrouped: an option's number is
            // typed as it is shown.
            let _ = b.add_builtins();
            b.set_formatter(Some(match code {
                "fr" => |v, _| grouped(v, separator(UiLang::Fr)),
                _ => |v, _| grouped(v, separator(UiLang::En)),
            }));
            for src in srcs {
                b.add_resource_overriding(parse(src));
            }
            b
        })
    })
}

/// What a language puts between groups of three digits.
fn separator(lang: UiLang) -> &'static str {
    match lang {
        UiLang::Fr => "\u{202f}",
        UiLang::En => ",",
    }
}

/// `n` as the messages of `lang` write a whole number: grouped from five digits on
/// (`12,500`, `12 500`), plainly below. For text put together outside a message (a
/// report's table cells), so it reads like the words around it.
pub fn whole(lang: UiLang, n: u64) -> String {
    grouped(&FluentValue::from(n), separator(lang)).unwrap_or_else(|| n.to_string())
}

/// A whole number of five digits or more in groups of three, as each language writes
/// them: 12,500 in English, 12 500 in French (a narrow no-break space, so a wrapped line
/// never splits a number). Shorter numbers, fractions and those a message marks
/// `NUMBER($n, useGrouping: "false")` are left to Fluent, which writes them plainly.
fn grouped(v: &FluentValue, sep: &str) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let o = &n.options;
    if !o.use_grouping
        || n.value.fract() != 0.0
        || n.value.abs() < 10_000.0
        || n.value.abs() > 1e15
        || o.minimum_fraction_digits.is_some()
    {
        return None;
    }
    let digits = (n.value.abs() as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    Some(if n.value < 0.0 {
        format!("-{out}")
    } else {
        out
    })
}

/// The message `id` in `lang`, else in English, else `None`.
pub fn lookup(lang: UiLang, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    for l in [lang, UiLang::En] {
        let b = &bundles()[l as usize];
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return Some(
                b.format_pattern(pattern, Some(&a), &mut errors)
                    .into_owned(),
            );
        }
    }
    None
}

/// The message `id` in `lang`, with `args`; English where `lang` lacks it, and the id
/// itself where both do (a test keeps that from shipping).
pub fn tr(lang: UiLang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    lookup(lang, id, args).unwrap_or_else(|| id.to_string())
}

/// A message without arguments.
pub fn t(lang: UiLang, id: &str) -> String {
    tr(lang, id, &[])
}

/// `Wed 13:00` in `lang` (`mer. 13:00`): jiff's `strftime` names weekdays in English only.
pub fn day_time(lang: UiLang, t: &jiff::ZonedDateTime) -> String {
    weekday_then(lang, t, t.strftime("%H:%M").to_string())
}

/// `Wed 14 Mar 13:00` in English, `mer. 14/03 13:00` in French: a day within weeks of
/// today, as `stocktake plan` shows the next call (months by number where the program
/// has no month names of its own).
pub fn day_date_time(lang: UiLang, t: &jiff::ZonedDateTime) -> String {
    let rest = match lang {
        UiLang::En => t.strftime("%d %b %H:%M"),
        UiLang::Fr => t.strftime("%d/%m %H:%M"),
    };
    weekday_then(lang, t, rest.to_string())
}

/// The weekday's short name in `lang`, then `rest`.
fn weekday_then(lang: UiLang, t: &jiff::ZonedDateTime, rest: String) -> String {
    use jiff::civil::Weekday as W;
    let day = match t.weekday() {
        W::Monday => "mon",
        W::Tuesday => "tue",
        W::Wednesday => "wed",
        W::Thursday => "thu",
        W::Friday => "fri",
        W::Saturday => "sat",
        W::Sunday => "sun",
    };
    tr(
        lang,
        "day-time",
        &[("day", day.into()), ("time", rest.into())],
    )
}

/// The message ids of each of a language's source files, for the parity test and
/// translators' tools.
pub fn ids(lang: UiLang) -> Vec<Vec<String>> {
    SOURCES[lang as usize]
        .2
        .iter()
        .map(|src| {
            parse(src)
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_named_in_each_language() {
        let t: jiff::Timestamp = "2026-12-02T13:00:00Z".parse().expect("a time");
        let z = t.to_zoned_datetime(jiff::tz::TimeZone::UTC);
        assert_eq!(day_time(UiLang::En, &z), "Wed 13:00");
        assert_eq!(day_time(UiLang::Fr, &z), "mer. 13:00");
        assert_eq!(
            day_date_time(UiLang::En, &z),
            z.strftime("%a %d %b %H:%M").to_string()
        );
        assert_eq!(day_date_time(UiLang::Fr, &z), "mer. 02/12 13:00");
    }

    #[test]
    fn every_message_is_in_every_language_and_every_source_parses() {
        let english = ids(UiLang::En);
        for (lang, code, srcs) in SOURCES {
            let mine = ids(lang);
            for (f, src) in srcs.iter().enumerate() {
                let file = format!("{code}{}.ftl", FILES[f]);
                assert!(
                    FluentResource::try_new(src.to_string()).is_ok(),
                    "{file} does not parse"
                );
                let missing: Vec<_> = english[f].iter().filter(|i| !mine[f].contains(i)).collect();
                let extra: Vec<_> = mine[f].iter().filter(|i| !english[f].contains(i)).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{file}: missing {missing:?}, not in en{}.ftl {extra:?}",
                    FILES[f]
                );
                let mut sorted = mine[f].clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(sorted.len(), mine[f].len(), "{file} has an id twice");
            }
        }
        // One id in two files of a language would let one silently override the other.
        let all: Vec<&String> = english.iter().flatten().collect();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "an id is in two English files");
    }

    #[test]
    fn plurals_follow_the_language() {
        let n = |n: i64| [("shown", FluentValue::from(n))];
        assert_eq!(tr(UiLang::En, "home-sessions", &n(1)), "1 session");
        assert_eq!(tr(UiLang::En, "home-sessions", &n(0)), "0 sessions");
        // French counts 0 and 1 as singular.
        let fr = |k: i64| {
            tr(
                UiLang::Fr,
                "home-unsynced",
                &[("waiting", FluentValue::from(k))],
            )
        };
        assert!(fr(0).starts_with("↑ 0 terminée,"), "{}", fr(0));
        assert!(fr(2).starts_with("↑ 2 terminées,"), "{}", fr(2));
    }

    #[test]
    fn the_language_comes_from_the_flag_the_config_or_the_locale() {
        assert_eq!(UiLang::parse("fr_CA.UTF-8"), Some(UiLang::Fr));
        assert_eq!(UiLang::parse("de_DE"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        assert_eq!(
            UiLang::from_locale(env(&[("LANG", "fr_FR.UTF-8")])),
            Some(UiLang::Fr)
        );
        assert_eq!(
            UiLang::from_locale(env(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "en_GB")])),
            Some(UiLang::En),
            "LC_MESSAGES before LANG"
        );
        assert_eq!(UiLang::from_locale(env(&[("LANG", "C")])), None);
        assert_eq!(UiLang::choose(Some("fr"), Some("en")), UiLang::Fr);
        assert_eq!(UiLang::choose(None, Some("fr")), UiLang::Fr);
        let fr_locale = env(&[("LANG", "fr_FR.UTF-8")]);
        assert_eq!(
            UiChoice::new(None, None, fr_locale),
            UiChoice {
                lang: UiLang::Fr,
                follows_call: true
            },
            "the locale is a default a call's language overrides"
        );
        assert_eq!(
            UiChoice::new(None, Some("en"), env(&[("LANG", "fr_FR.UTF-8")])),
            UiChoice {
                lang: UiLang::En,
                follows_call: false
            },
            "the config is a choice"
        );
        assert!(!UiChoice::new(Some("fr"), None, env(&[])).follows_call);
    }

    #[test]
    fn an_unknown_id_falls_back_to_english_then_to_itself() {
        assert_eq!(t(UiLang::Fr, "no-such-message"), "no-such-message");
        assert_eq!(t(UiLang::Fr, "home-col-rev"), "RÉV");
    }

    #[test]
    fn a_blank_line_in_a_message_is_kept_and_numbers_select_exactly() {
        let body = |open: i64| {
            tr(
                UiLang::En,
                "dialog-complete-body",
                &[
                    ("response", "Mali".into()),
                    ("structure", "CP AOR".into()),
                    ("open", open.into()),
                    ("shown", 12.into()),
                ],
            )
        };
        assert_eq!(
            body(0),
            "Mark Mali · CP AOR completed? It can be reopened later as a new revision.\n\nEvery question is answered."
        );
        assert!(
            body(1).ends_with("\n\n1 of 12 questions has no answer."),
            "{}",
            body(1)
        );
        assert!(
            body(3).ends_with("\n\n3 of 12 questions have no answer."),
            "{}",
            body(3)
        );
    }

    #[test]
    fn large_counts_are_grouped_per_language_and_option_numbers_never() {
        let n = |lang, k: i64| tr(lang, "rest-marked", &[("n", k.into())]);
        assert!(
            n(UiLang::En, 12_500).starts_with("12,500 questions"),
            "{}",
            n(UiLang::En, 12_500)
        );
        assert!(
            n(UiLang::Fr, 12_500).starts_with("12\u{202f}500 questions"),
            "{}",
            n(UiLang::Fr, 12_500)
        );
        assert!(n(UiLang::Fr, 9_999).starts_with("9999 questions"));
        assert_eq!(
            tr(UiLang::Fr, "no-such-option", &[("n", 12_345.into())]),
            "Il n'y a pas d'option 12345"
        );
    }
}
