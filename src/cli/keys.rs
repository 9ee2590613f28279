//! `stocktake keys new` and `stocktake keys show`: the collator's age identity.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{now_text, say, show};

/// An identity file holds a key or two and comments; anything larger is not one.
const MAX_IDENTITY_BYTES: u64 = 64 * 1024;

/// The identity files to use: `--identity` when given, else `STOCKTAKE_IDENTITY` split at
/// `:`. Empty entries (an empty variable, a leading, trailing or doubled `:`) name no file
/// and are skipped.
pub(super) fn identity_files(flags: &[PathBuf]) -> Vec<PathBuf> {
    let from_env;
    let all = if flags.is_empty() {
        from_env = std::env::var_os("STOCKTAKE_IDENTITY")
            .map(|v| std::env::split_paths(&v).collect::<Vec<_>>())
            .unwrap_or_default();
        &from_env
    } else {
        flags
    };
    all.iter()
        .filter(|f| !f.as_os_str().is_empty())
        .cloned()
        .collect()
}

/// Every identity in the files named.
pub(super) fn read_identities(
    lang: UiLang,
    files: &[PathBuf],
) -> anyhow::Result<Vec<age::x25519::Identity>> {
    let mut out = Vec::new();
    for f in files {
        let shown = f.display().to_string();
        let mut bytes = Vec::new();
        std::fs::File::open(f)
            .and_then(|file| file.take(MAX_IDENTITY_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| {
                anyhow::anyhow!(say(
                    lang,
                    "keys-cannot-read",
                    &[
                        ("file", shown.clone().into()),
                        ("error", super::io_reason(&e, lang).into())
                    ]
                ))
            })?;
        let not_one = |why: String| {
            anyhow::anyhow!(say(
                lang,
                "keys-not-identity",
                &[("file", shown.clone().into()), ("why", why.into())]
            ))
        };
        if bytes.len() as u64 > MAX_IDENTITY_BYTES {
            return Err(not_one(say(lang, "keys-why-too-large", &[])));
        }
        let text =
            String::from_utf8(bytes).map_err(|_| not_one(say(lang, "keys-why-not-text", &[])))?;
        // age's own message for a line that is no key is "invalid Bech32 encoding": say
        // which line, and what an identity file looks like.
        let keys = text
            .lines()
            .map(str::trim)
            .enumerate()
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
        for (i, l) in keys {
            if !l.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-1") {
                return Err(not_one(say(
                    lang,
                    "keys-why-line",
                    &[("line", (i + 1).into())],
                )));
            }
        }
        out.extend(crate::sync::parse_identities(&text, &shown)?);
    }
    Ok(out)
}

pub(super) fn new(lang: UiLang, out: &Path) -> anyhow::Result<ExitCode> {
    let (recipient, text) = crate::sync::new_identity(&now_text());
    // Through a temp file: an identity file is there whole or not at all.
    crate::fs::write_bytes(out, &crate::fs::NewFile::PRIVATE_NEW, text.as_bytes()).map_err(
        |e| {
            anyhow::anyhow!(say(
                lang,
                "keys-cannot-create",
                &[
                    ("file", out.display().to_string().into()),
                    ("error", super::io_reason(&e, lang).into())
                ]
            ))
        },
    )?;
    writeln!(
        io::stderr(),
        "{}",
        say(
            lang,
            "keys-created",
            &[("file", show(out.display()).into())]
        )
    )?;
    writeln!(io::stdout(), "{recipient}")?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn show_key(lang: UiLang, file: &Path) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    for id in read_identities(lang, &[file.to_path_buf()])? {
        writeln!(out, "{}", id.to_public())?;
    }
    Ok(ExitCode::SUCCESS)
}
