//! The errors of the layers below, said in the command line's language: each of our error
//! types by its [`Reason`]; anything else (anyhow's own text, a library's error) as it
//! says itself. English is every error's `Display`, as the command line always printed.

use std::error::Error;

use crate::i18n::{Reason, UiLang};

/// The error, in `lang`, if it is one of ours.
fn ours(e: &(dyn Error + 'static), lang: UiLang) -> Option<String> {
    macro_rules! try_each {
        ($($t:ty),* $(,)?) => {
            $(if let Some(r) = e.downcast_ref::<$t>() {
                return Some(r.reason(lang));
            })*
        };
    }
    try_each!(
        crate::store::StoreError,
        crate::session::SessionError,
        crate::session::AnswerError,
        crate::session::IllegalTransition,
        crate::collate::CollateError,
        crate::sync::ReadError,
        crate::sync::WriteError,
        crate::sync::CryptError,
        crate::config::ConfigError,
        crate::guide::LoadError,
        crate::guide::GuideErrors,
        crate::guide::CodebookError,
        crate::guide::BadDigest,
        crate::report::ReportError,
        crate::campaign::ImportError,
        crate::campaign::RulesError,
        crate::xlsform::ExportError,
        std::io::Error,
    );
    None
}

/// One error (not its causes) in `lang`.
fn reason(e: &(dyn Error + 'static), lang: UiLang) -> String {
    ours(e, lang).unwrap_or_else(|| e.to_string())
}

/// The error and its causes on one line, each cause once: our error types already name
/// their cause in their message, so `{:#}` would say it twice. Whether a cause is already
/// said is decided on the English, so every language says the same causes.
pub(crate) fn user_message(e: &anyhow::Error, lang: UiLang) -> String {
    let mut english = e.to_string();
    let mut msg = reason(e.as_ref(), lang);
    for cause in e.chain().skip(1) {
        // SQLite's code under its error, which the error's words already name (English
        // keeps printing both, as it always has).
        if lang != UiLang::En && cause.is::<rusqlite::ffi::Error>() {
            continue;
        }
        let en = cause.to_string();
        if !english.contains(&en) {
            english.push_str(": ");
            english.push_str(&en);
            msg.push_str(&crate::i18n::t(lang, "why-then"));
            msg.push_str(&reason(cause, lang));
        }
    }
    msg
}

/// An io::Error as an argument of a message.
pub(crate) fn io_reason(e: &std::io::Error, lang: UiLang) -> String {
    e.reason(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_said_everywhere;

    #[test]
    fn the_other_errors_are_said_in_every_language() {
        use crate::collate::CollateError as C;
        let p = || "/srv/season.db".to_string();
        let io = || std::io::Error::from_raw_os_error(2);
        let all: Vec<Box<dyn Reason>> = vec![
            Box::new(C::Io {
                path: p(),
                source: io(),
            }),
            Box::new(C::TooNew {
                path: p(),
                found: 9,
                supported: 4,
            }),
            Box::new(C::Refused {
                path: p(),
                message: "odd".into(),
            }),
            Box::new(C::Busy { path: p() }),
            Box::new(C::Running {
                path: p(),
                waited: 30,
            }),
            Box::new(crate::config::ConfigError::Io {
                path: p(),
                source: io(),
            }),
            Box::new(crate::config::ConfigError::Invalid {
                path: p(),
                line: 1,
                col: 2,
                message: "odd".into(),
            }),
            Box::new(crate::guide::LoadError::Io {
                path: p(),
                source: io(),
            }),
            Box::new(crate::guide::LoadError::NotAFile { path: p() }),
            Box::new(crate::guide::LoadError::TooLarge {
                path: p(),
                limit: 1024,
            }),
            Box::new(crate::guide::LoadError::NotUtf8 {
                path: p(),
                line: 1,
                col: 2,
            }),
            Box::new(crate::guide::CodebookError::Io {
                path: p(),
                source: io(),
            }),
            Box::new(crate::guide::CodebookError::NotAFile { path: p() }),
            Box::new(crate::guide::CodebookError::TooLarge {
                path: p(),
                kib: 256,
            }),
            Box::new(crate::guide::CodebookError::NotUtf8 { path: p() }),
            Box::new(crate::guide::BadDigest),
            Box::new(crate::report::ReportError::Write {
                path: p(),
                message: "odd".into(),
            }),
            Box::new(crate::report::ReportError::Io {
                path: p(),
                cause: io(),
            }),
            Box::new(crate::report::ReportError::NotAFolder { path: p() }),
            Box::new(crate::report::ReportError::ChartsFolder {
                path: p(),
                symlink: true,
            }),
            Box::new(crate::report::ReportError::ChartsFolder {
                path: p(),
                symlink: false,
            }),
            Box::new(crate::report::ReportError::ReadAgain {
                path: p(),
                cause: crate::collate::CollateError::Busy { path: p() },
            }),
            Box::new(crate::report::ReportError::WriterStopped),
            Box::new(crate::campaign::ImportError::NotUtf8 { file: p(), byte: 3 }),
            Box::new(crate::campaign::ImportError::Header {
                file: p(),
                message: "odd".into(),
            }),
            Box::new(crate::campaign::ImportError::NoColumns {
                file: p(),
                found: "country, name".into(),
            }),
            Box::new(crate::campaign::ImportError::Empty { file: p() }),
            Box::new(crate::campaign::ImportError::Rows(
                [
                    crate::campaign::RowProblem::Unreadable("odd".into()),
                    crate::campaign::RowProblem::NoResponse,
                    crate::campaign::RowProblem::UnknownStructure("Shelter".into()),
                    crate::campaign::RowProblem::UnknownTimeZone("Mars/Olympus".into()),
                    crate::campaign::RowProblem::NotALanguage("xx_1".into()),
                ]
                .into_iter()
                .enumerate()
                .map(|(i, problem)| crate::campaign::RowError {
                    file: p(),
                    line: i as u64 + 2,
                    problem,
                })
                .collect(),
            )),
            Box::new(crate::campaign::RulesError {
                file: p(),
                line: 1,
                col: 1,
                problem: crate::campaign::RulesProblem::MaxTries,
            }),
            Box::new(crate::campaign::RulesError {
                file: p(),
                line: 1,
                col: 1,
                problem: crate::campaign::RulesProblem::NotAnOutcome("noanswer".into()),
            }),
            Box::new(crate::campaign::RulesError {
                file: p(),
                line: 1,
                col: 1,
                problem: crate::campaign::RulesProblem::NotADuration("busy".into()),
            }),
            Box::new(crate::campaign::RulesError {
                file: p(),
                line: 1,
                col: 1,
                problem: crate::campaign::RulesProblem::UnknownKey("tries".into()),
            }),
            Box::new(super::super::args::NotAStructure("Bad Name".into())),
            Box::new(crate::xlsform::ExportError::Io {
                path: p(),
                source: io(),
            }),
            Box::new(crate::xlsform::ExportError::Write {
                path: p(),
                message: "odd".into(),
            }),
        ];
        for e in &all {
            assert_said_everywhere(e.as_ref());
        }
    }

    #[test]
    fn a_lead_and_its_causes_are_said_in_the_language_and_english_is_unchanged() {
        let e = anyhow::Error::new(crate::store::StoreError::Busy {
            path: "/d/store.db".into(),
        })
        .context("L'appel n'a pas été créé");
        assert_eq!(
            user_message(&e, UiLang::En),
            "L'appel n'a pas été créé: /d/store.db: the database is locked by another program; close it (an sqlite3 shell?) and try again"
        );
        assert_eq!(
            user_message(&e, UiLang::Fr),
            "L'appel n'a pas été créé\u{a0}: /d/store.db\u{a0}: la base est verrouillée par un autre programme\u{a0}; fermez-le (un shell sqlite3\u{a0}?) et réessayez"
        );
        // A cause our error already names is said once, in every language.
        let io = crate::collate::CollateError::Io {
            path: "/d/x".into(),
            source: std::io::Error::from_raw_os_error(13),
        };
        let e = anyhow::Error::new(io);
        assert_eq!(
            user_message(&e, UiLang::Fr),
            "/d/x\u{a0}: permission refusée (erreur système 13)"
        );
        assert_eq!(
            user_message(&e, UiLang::En),
            "/d/x: Permission denied (os error 13)"
        );
    }
}
