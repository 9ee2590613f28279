//! Why something failed, in the reader's language. Each error keeps its `Display` in
//! English (logs, tests and the reasons stored in databases read it) and says itself as
//! [`Words`] for the other languages: a message id with its fields, its causes nested.
//! What SQLite, age, a TOML parser or the system said stays as they said it, after our
//! own words: those are not ours to translate. The system's common failures are named.

use std::io;

use super::{UiLang, Words};
#[cfg(test)]
use super::{ids, t};

pub trait Reason: std::fmt::Display {
    /// What went wrong, as words to be said in a language later.
    fn words(&self) -> Words;

    /// The words, pinned to this error's `Display` in English.
    fn said(&self) -> Words {
        Words::English {
            en: self.to_string(),
            other: Box::new(self.words()),
        }
    }

    fn reason(&self, lang: UiLang) -> String {
        self.said().in_lang(lang)
    }
}

/// The failures of the system every user meets, named; any other (and an error a
/// library made, with its own message) as the system or the library said it.
impl Reason for io::Error {
    fn words(&self) -> Words {
        use io::ErrorKind as K;
        if self.get_ref().is_some() {
            return Words::Text(self.to_string());
        }
        let id = match self.kind() {
            K::NotFound => "why-io-not-found",
            K::PermissionDenied => "why-io-permission-denied",
            K::AlreadyExists => "why-io-already-exists",
            K::StorageFull => "why-io-storage-full",
            K::ReadOnlyFilesystem => "why-io-read-only",
            K::IsADirectory => "why-io-is-a-folder",
            K::NotADirectory => "why-io-not-a-folder",
            K::DirectoryNotEmpty => "why-io-folder-not-empty",
            K::QuotaExceeded => "why-io-quota",
            K::FileTooLarge => "why-io-file-too-large",
            K::Interrupted => "why-io-interrupted",
            K::UnexpectedEof => "why-io-unexpected-eof",
            K::InvalidData => "why-io-invalid-data",
            K::TimedOut => "why-io-timed-out",
            K::CrossesDevices => "why-io-crosses-devices",
            K::ResourceBusy => "why-io-busy",
            _ => return Words::Text(self.to_string()),
        };
        // The system's own number, so a search for the error still finds it.
        match self.raw_os_error() {
            Some(code) => Words::msg(id).with(
                "os",
                Words::msg("why-io-os-code").arg("code", code.to_string()),
            ),
            None => Words::msg(id).with("os", ""),
        }
    }
}

/// What SQLite said, the failures a user meets named (in English as SQLite says them,
/// byte for byte, through `said`); any other as SQLite said it.
impl Reason for rusqlite::Error {
    fn words(&self) -> Words {
        use rusqlite::ErrorCode as C;
        let rusqlite::Error::SqliteFailure(e, _) = self else {
            return Words::Text(self.to_string());
        };
        let id = match e.code {
            C::NotADatabase => "why-sqlite-not-a-database",
            C::DatabaseCorrupt => "why-sqlite-corrupt",
            C::DatabaseBusy | C::DatabaseLocked => "why-sqlite-busy",
            C::ReadOnly => "why-sqlite-read-only",
            C::DiskFull => "why-sqlite-full",
            C::CannotOpen => "why-sqlite-cannot-open",
            C::PermissionDenied => "why-sqlite-permission",
            C::SystemIoFailure => "why-sqlite-io",
            _ => return Words::Text(self.to_string()),
        };
        // SQLite's code stays, for whoever looks it up.
        Words::msg(id).arg("code", e.extended_code.to_string())
    }
}

/// Whether `id` is written in `lang` itself, not only in English.
pub fn written_in(lang: UiLang, id: &str) -> bool {
    super::bundles()[lang as usize].get_message(id).is_some()
}

/// For the tests beside each error: its English words say what its `Display` says, and
/// every message it uses is written in every language, not left to fall back to English.
#[cfg(test)]
pub fn assert_said_everywhere(r: &dyn Reason) {
    let w = r.words();
    assert_eq!(w.en(), r.to_string(), "the English .ftl and Display differ");
    for id in w.ids() {
        for lang in UiLang::ALL {
            assert!(written_in(lang, id), "`{id}` is not written in {lang:?}");
        }
    }
    if !w.ids().is_empty() {
        assert_ne!(r.reason(UiLang::Fr), r.to_string(), "no French for {r}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's failures a user meets are named in French; English stays SQLite's own.
    #[test]
    fn what_sqlite_says_is_named_in_the_programs_language() {
        let failure = |code: i32| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                Some("file is not a database".into()),
            )
        };
        let e = failure(26);
        assert_eq!(e.reason(UiLang::En), e.to_string());
        assert_eq!(
            e.reason(UiLang::Fr),
            "ce n'est pas une base de données SQLite (code 26)"
        );
        for code in [3, 5, 6, 8, 10, 11, 13, 14] {
            let e = failure(code);
            assert_ne!(e.reason(UiLang::Fr), e.to_string(), "code {code}");
            for id in e.words().ids() {
                assert!(written_in(UiLang::Fr, id), "{id}");
            }
        }
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Every reason and every guide problem the code names is written in every language:
    /// a variant given a new message id without its French fails here, as does a message
    /// id mistyped in the code (which would be shown as the id itself).
    #[test]
    fn every_message_the_code_names_for_a_reason_is_written_in_every_language() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut named = 0;
        let mut missing = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            for (at, _) in text.match_indices("Words::msg(\"") {
                let rest = &text[at + "Words::msg(\"".len()..];
                let Some(end) = rest.find('"') else { continue };
                let id = &rest[..end];
                named += 1;
                for lang in UiLang::ALL {
                    if !written_in(lang, id) {
                        missing.push(format!("{}: `{id}` in {lang:?}", f.display()));
                    }
                }
            }
            for prefix in ["\"why-", "\"check-"] {
                for (at, _) in text.match_indices(prefix) {
                    let rest = &text[at + 1..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .unwrap_or(rest.len());
                    let id = &rest[..end];
                    if rest[end..].starts_with('"') && !id.ends_with('-') {
                        named += 1;
                        for lang in UiLang::ALL {
                            if !written_in(lang, id) {
                                missing.push(format!("{}: `{id}` in {lang:?}", f.display()));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            named > 200,
            "only {named} message ids found under {}",
            src.display()
        );
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "not written:\n{}", missing.join("\n"));
    }

    /// The French of each guide problem is French: not the English left in its place.
    #[test]
    fn every_guide_problem_has_its_own_french() {
        for (en, fr) in ids(UiLang::En).iter().zip(ids(UiLang::Fr)) {
            for id in en.iter().filter(|id| id.starts_with("check-")) {
                assert!(fr.contains(id), "{id}");
                let (e, f) = (t(UiLang::En, id), t(UiLang::Fr, id));
                assert_ne!(e, f, "`{id}` says the same in French");
            }
        }
    }

    #[test]
    fn the_systems_common_failures_are_named_and_the_rest_kept() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(e.reason(UiLang::En), e.to_string());
        assert_eq!(
            e.reason(UiLang::Fr),
            "fichier ou dossier introuvable (erreur système 2)"
        );
        assert_said_everywhere(&e);
        let mine = io::Error::other("a library's words");
        assert_eq!(mine.reason(UiLang::Fr), "a library's words");
        for kind in [
            io::ErrorKind::NotFound,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::AlreadyExists,
            io::ErrorKind::StorageFull,
            io::ErrorKind::ReadOnlyFilesystem,
            io::ErrorKind::IsADirectory,
            io::ErrorKind::NotADirectory,
            io::ErrorKind::DirectoryNotEmpty,
            io::ErrorKind::QuotaExceeded,
            io::ErrorKind::FileTooLarge,
            io::ErrorKind::Interrupted,
            io::ErrorKind::UnexpectedEof,
            io::ErrorKind::InvalidData,
            io::ErrorKind::TimedOut,
            io::ErrorKind::CrossesDevices,
            io::ErrorKind::ResourceBusy,
        ] {
            let w = io::Error::from(kind).words();
            for id in w.ids() {
                assert!(written_in(UiLang::Fr, id), "{id}");
                assert!(written_in(UiLang::En, id), "{id}");
            }
            assert!(!w.ids().is_empty(), "{kind:?}");
        }
    }
}
