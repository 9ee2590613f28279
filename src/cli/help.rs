//! clap's `--help` in the program's language, and the errors a user meets while typing a
//! command. English is clap's own, as it always was. In another language every command's
//! about and every argument's help come from `en-help.ftl`'s twin, by the command's path
//! (`help-about-guide-check`, `help-arg-report-min-cell`), and clap's own words (its
//! headings, `[default: …]`, `Print help`) are replaced, since clap speaks English only.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{FluentValue, UiLang, tr};

/// The language of `--help` and of clap's errors, known before clap parses: the same rule
/// as [`super::cli_lang`], with `--ui-language` read from the raw arguments. A language
/// this program does not speak gives English here; `cli_lang` refuses it afterwards.
pub(super) fn lang_before_parsing(args: &[std::ffi::OsString]) -> UiLang {
    let mut flag = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--ui-language" {
            flag = it.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--ui-language=") {
            flag = Some(v.to_string());
        }
    }
    if flag.as_deref().is_some_and(|f| UiLang::parse(f).is_none()) {
        return UiLang::En;
    }
    // An unknown language in the environment is left aside, as `run` does.
    let flag = flag.or_else(|| {
        std::env::var("STOCKTAKE_UI_LANGUAGE")
            .ok()
            .filter(|v| UiLang::parse(v).is_some())
    });
    super::cli_lang(flag.as_deref()).unwrap_or_default()
}

/// The message id of a command's about (`path` is the names under `stocktake`).
fn about_id(path: &[&str]) -> String {
    if path.is_empty() {
        "help-about".to_string()
    } else {
        format!("help-about-{}", path.join("-"))
    }
}

/// The message id of an argument's help.
fn arg_id(path: &[&str], arg: &str) -> String {
    let arg = arg.replace('_', "-");
    if path.is_empty() {
        format!("help-arg-{arg}")
    } else {
        format!("help-arg-{}-{arg}", path.join("-"))
    }
}

fn say(lang: UiLang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr(lang, id, args)
}

/// `cmd` with its words in `lang`, its subcommands' too. English is left as clap has it.
pub(super) fn localised(cmd: Command, lang: UiLang) -> Command {
    if lang == UiLang::En {
        return cmd;
    }
    let cmd = in_lang(cmd, lang, &mut Vec::new());
    cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(say(lang, "help-version", &[]))
            .help_heading(say(lang, "help-heading-options", &[])),
    )
}

/// clap's default layout with its `Usage:` heading in the language.
fn template(lang: UiLang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        say(lang, "help-heading-usage", &[])
    )
}

fn in_lang(mut cmd: Command, lang: UiLang, path: &mut Vec<String>) -> Command {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    let about = say(lang, &about_id(&p), &[]);
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.get_help().is_some()))
        .collect();
    for (id, has_help) in ids {
        // An argument without help in English has none in any language.
        let help = if has_help {
            say(lang, &arg_id(&p, &id), &[])
        } else {
            String::new()
        };
        cmd = cmd.mut_arg(&id, |a| {
            let mut help = help;
            let takes_values = a.get_action().takes_values();
            // clap says these in English: said here, in the language, after the help.
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes_values && !values.is_empty() && !a.is_hide_possible_values_set() {
                help.push_str(&say(
                    lang,
                    "help-possible-values",
                    &[("values", values.join(", ").into())],
                ));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_values && !defaults.is_empty() && !a.is_hide_default_value_set() {
                help.push_str(&say(
                    lang,
                    "help-default",
                    &[("value", defaults.join(", ").into())],
                ));
            }
            if let Some(env) = a.get_env()
                && !a.is_hide_env_set()
            {
                help.push_str(&say(
                    lang,
                    "help-env",
                    &[("name", env.to_string_lossy().into_owned().into())],
                ));
            }
            let heading = if a.is_positional() {
                "help-heading-arguments"
            } else {
                "help-heading-options"
            };
            // `<FILE>` as `<FICHIER>`: `help-value-<name>`; a name without words stays.
            let value_names: Vec<String> = match a.get_value_names() {
                Some(names) => names.iter().map(|n| n.to_string()).collect(),
                None if takes_values && !a.is_positional() => {
                    vec![a.get_id().as_str().to_uppercase()]
                }
                None => Vec::new(),
            };
            let said: Vec<String> = value_names
                .iter()
                .map(|n| {
                    crate::i18n::lookup(lang, &format!("help-value-{}", n.to_lowercase()), &[])
                        .unwrap_or_else(|| n.clone())
                })
                .collect();
            let a = if said != value_names {
                a.value_names(said)
            } else {
                a
            };
            let a = a
                .help(help)
                .long_help(None)
                .hide_env(true)
                .help_heading(say(lang, heading, &[]));
            if takes_values {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| in_lang(s, lang, path));
        path.pop();
    }
    let has_subcommands = cmd.has_subcommands();
    let mut cmd = cmd
        .about(about)
        .long_about(None)
        .help_template(template(lang))
        .subcommand_help_heading(say(lang, "help-heading-commands", &[]))
        .subcommand_value_name(say(lang, "help-command-value", &[]))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(say(lang, "help-help", &[]))
                .help_heading(say(lang, "help-heading-options", &[])),
        );
    if has_subcommands {
        // clap's own `help` subcommand says its about in English; this one is ours.
        cmd = cmd.disable_help_subcommand(true).subcommand(
            Command::new("help")
                .about(say(lang, "help-subcommand", &[]))
                .help_template(template(lang))
                .disable_help_flag(true)
                .arg(
                    Arg::new("command")
                        .num_args(0..)
                        .value_name(say(lang, "help-command-value", &[]))
                        .action(ArgAction::Append),
                ),
        );
    }
    cmd
}

/// `stocktake help guide check` in a language: the command whose help to print, as
/// `stocktake guide check --help` prints it; `None` when `help` was not asked.
pub(super) fn help_asked(m: &clap::ArgMatches) -> Option<Vec<String>> {
    let mut path = vec![];
    let mut at = m;
    while let Some((name, sub)) = at.subcommand() {
        if name == "help" {
            path.extend(
                sub.get_many::<String>("command")
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            return Some(path);
        }
        path.push(name.to_string());
        at = sub;
    }
    None
}

/// One of clap's errors in `lang`: what happened, with the text typed, and what to do.
/// `None` for help and version (printed as they are) and for errors this program does not
/// word, which clap then says in English.
pub(super) fn error_in(lang: UiLang, e: &clap::Error) -> Option<String> {
    let text = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = || text(ContextKind::InvalidArg);
    let value = || text(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut s = say(
                lang,
                "help-error-unknown-argument",
                &[("arg", arg().into())],
            );
            let suggested = text(ContextKind::SuggestedArg);
            if !suggested.is_empty() {
                s.push_str(&say(
                    lang,
                    "help-error-did-you-mean",
                    &[("name", suggested.into())],
                ));
            }
            s
        }
        ErrorKind::InvalidSubcommand => {
            let mut s = say(
                lang,
                "help-error-unknown-command",
                &[("name", text(ContextKind::InvalidSubcommand).into())],
            );
            let suggested = text(ContextKind::SuggestedSubcommand);
            if !suggested.is_empty() {
                s.push_str(&say(
                    lang,
                    "help-error-did-you-mean",
                    &[("name", suggested.into())],
                ));
            }
            s
        }
        ErrorKind::MissingRequiredArgument => {
            say(lang, "help-error-missing", &[("args", arg().into())])
        }
        ErrorKind::MissingSubcommand => say(lang, "help-error-no-command", &[]),
        ErrorKind::InvalidValue if value().is_empty() => {
            say(lang, "help-error-no-value", &[("arg", arg().into())])
        }
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue);
            let mut s = say(
                lang,
                "help-error-invalid-value",
                &[("value", value().into()), ("arg", arg().into())],
            );
            if !valid.is_empty() {
                s.push_str(&say(
                    lang,
                    "help-error-valid-values",
                    &[("values", valid.into())],
                ));
            }
            s
        }
        // The reason is the value's own parser's (ours, or Rust's for a number).
        ErrorKind::ValueValidation => say(
            lang,
            "help-error-value-refused",
            &[
                ("value", value().into()),
                ("arg", arg().into()),
                ("why", e.source_reason(lang).into()),
            ],
        ),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            say(lang, "help-error-values-count", &[("arg", arg().into())])
        }
        ErrorKind::ArgumentConflict => say(
            lang,
            "help-error-conflict",
            &[
                ("arg", arg().into()),
                ("other", text(ContextKind::PriorArg).into()),
            ],
        ),
        ErrorKind::NoEquals => say(lang, "help-error-no-equals", &[("arg", arg().into())]),
        // A name or a target typed in another encoding than the terminal's.
        ErrorKind::InvalidUtf8 => say(lang, "help-error-invalid-utf8", &[]),
        _ => return None,
    };
    let usage = text(ContextKind::Usage);
    let usage = usage.trim_start();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(usage).trim_end();
    Some(if usage.is_empty() {
        say(lang, "help-error-short", &[("what", what.into())])
    } else {
        say(
            lang,
            "help-error",
            &[("what", what.into()), ("usage", usage.to_string().into())],
        )
    })
}

trait SourceReason {
    fn source_reason(&self, lang: UiLang) -> String;
}

impl SourceReason for clap::Error {
    /// Ours in the program's language; Rust's for a number put in our words there too
    /// (English keeps Rust's own, as it always printed).
    fn source_reason(&self, lang: UiLang) -> String {
        use crate::i18n::{Reason, Words};
        let Some(source) = std::error::Error::source(self) else {
            return String::new();
        };
        if let Some(e) = source.downcast_ref::<super::args::NotAStructure>() {
            return e.reason(lang);
        }
        if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
            use std::num::IntErrorKind as K;
            let id = match e.kind() {
                K::PosOverflow | K::NegOverflow => "why-number-too-large",
                K::Empty => "why-number-empty",
                _ => "why-not-a-whole-number",
            };
            return Words::English {
                en: e.to_string(),
                other: Box::new(Words::msg(id)),
            }
            .in_lang(lang);
        }
        source.to_string()
    }
}

/// Every message id the help of `cmd` in another language needs, for the test that no
/// command or argument lands without its words.
#[cfg(test)]
fn needed(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<String>) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    out.push(about_id(&p));
    for a in cmd.get_arguments().filter(|a| a.get_help().is_some()) {
        out.push(arg_id(&p, a.get_id().as_str()));
    }
    for s in cmd.get_subcommands() {
        path.push(s.get_name().to_string());
        needed(s, path, out);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::written_in;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_argument_has_its_words_in_every_language() {
        let mut ids = Vec::new();
        needed(&super::super::Cli::command(), &mut Vec::new(), &mut ids);
        assert!(ids.len() > 60, "{ids:?}");
        let missing: Vec<String> = ids
            .iter()
            .flat_map(|id| {
                UiLang::ALL
                    .iter()
                    .filter(|l| !written_in(**l, id))
                    .map(move |l| format!("{id} ({l:?})"))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "no help words for:\n{}",
            missing.join("\n")
        );
        // The French help is French, not English left in place.
        for id in &ids {
            assert_ne!(
                tr(UiLang::En, id, &[]),
                tr(UiLang::Fr, id, &[]),
                "`{id}` says the same in French"
            );
        }
    }

    #[test]
    fn the_english_words_say_what_the_definitions_say() {
        // en-help.ftl is for translators: it must not drift from the doc comments clap shows.
        fn walk(cmd: &Command, path: &mut Vec<String>) {
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(about) = cmd.get_about() {
                assert_eq!(tr(UiLang::En, &about_id(&p), &[]), about.to_string());
            }
            for a in cmd.get_arguments() {
                if let Some(h) = a.get_help() {
                    let id = arg_id(&p, a.get_id().as_str());
                    assert_eq!(tr(UiLang::En, &id, &[]), h.to_string(), "{id}");
                }
            }
            for s in cmd.get_subcommands() {
                path.push(s.get_name().to_string());
                walk(s, path);
                path.pop();
            }
        }
        walk(&super::super::Cli::command(), &mut Vec::new());
    }

    #[test]
    fn the_french_definitions_are_consistent() {
        localised(super::super::Cli::command(), UiLang::Fr).debug_assert();
    }
}
