//! `stocktake guide diff OLD NEW`: one line per change between two versions of a guide,
//! classified, and an exit code a script can act on: 0 every question's answers compare,
//! 1 some do not (or an id is reused with another type), 2 a guide cannot be read.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::guide::named_guide;
use super::{say, show};
use crate::guide::{Change, ChangeClass, GuideDiff, diff as diff_guides};
use crate::i18n::UiLang;

/// Exit codes, as docs/guide-format.md lists them.
const NOT_COMPARABLE: u8 = 1;
const CANNOT_READ: u8 = 2;

fn quoted(s: &str) -> String {
    // One line per change: a text's newlines are shown, not obeyed.
    format!("\"{}\"", show(s.replace('\n', "\\n")))
}

fn line(lang: UiLang, c: &Change) -> String {
    let whose = c
        .question
        .as_deref()
        .map_or_else(|| say(lang, "gdiff-guide", &[]), show);
    let verdict = if c.comparable || c.class == ChangeClass::TypeChanged {
        String::new()
    } else {
        format!(" ({})", say(lang, "gdiff-not-comparable", &[]))
    };
    // Our own words for before and after ("optional", "always") in the language; the
    // guide's texts as they are.
    let (old, new) = match &c.values_said {
        Some((o, n)) => (o.in_lang(lang), n.in_lang(lang)),
        None => (c.old.clone(), c.new.clone()),
    };
    let texts = match (old.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => quoted(&new),
        (false, true) => say(lang, "gdiff-was", &[("text", quoted(&old).into())]),
        _ if old == new => say(lang, "gdiff-unchanged", &[("text", quoted(&old).into())]),
        (false, false) => format!("{} → {}", quoted(&old), quoted(&new)),
    };
    let parts: Vec<String> = [show(c.said.in_lang(lang)), texts]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!(
        "{whose}: {}{verdict}: {}",
        c.class.words().in_lang(lang),
        parts.join(": ")
    )
}

fn summary(lang: UiLang, d: &GuideDiff) -> String {
    let changes = say(lang, "diff-changes", &[("n", d.changes.len().into())]);
    let apart = d.incomparable_questions();
    if d.refused() {
        let reused: Vec<&str> = d
            .changes
            .iter()
            .filter(|c| c.class == ChangeClass::TypeChanged)
            .filter_map(|c| c.question.as_deref())
            .collect();
        let args = [
            ("changes", changes.into()),
            ("ids", reused.join(", ").into()),
            ("n", reused.len().into()),
        ];
        return say(lang, "diff-refused", &args);
    }
    if apart.is_empty() {
        return say(lang, "diff-all-compare", &[("changes", changes.into())]);
    }
    let args = [
        ("changes", changes.into()),
        ("n", apart.len().into()),
        ("ids", apart.join(", ").into()),
    ];
    say(lang, "diff-apart", &args)
}

pub(super) fn diff(
    lang: UiLang,
    flag_dirs: &[PathBuf],
    old: &str,
    new: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut err = io::stderr().lock();
    let mut read = |name: &str| -> io::Result<Option<crate::guide::Guide>> {
        match named_guide(lang, flag_dirs, name) {
            Ok(g) => Ok(Some(g)),
            Err(lines) => {
                for l in lines {
                    writeln!(err, "{l}")?;
                }
                Ok(None)
            }
        }
    };
    let (Some(a), Some(b)) = (read(old)?, read(new)?) else {
        return Ok(ExitCode::from(CANNOT_READ));
    };
    if a.id != b.id {
        let args = [
            ("old", show(old).into()),
            ("old_id", show(&a.id).into()),
            ("new", show(new).into()),
            ("new_id", show(&b.id).into()),
        ];
        writeln!(err, "{}", say(lang, "diff-not-same-guide", &args))?;
        return Ok(ExitCode::from(CANNOT_READ));
    }
    let d = diff_guides(&a, &b);
    let mut out = io::stdout().lock();
    if json {
        let v = serde_json::json!({
            "id": d.id,
            "old_version": d.old_version,
            "new_version": d.new_version,
            "comparable": d.comparable(),
            "refused": d.refused(),
            "not_comparable": d.incomparable_questions(),
            "changes": d.changes,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        let args = [
            ("id", show(&d.id).into()),
            ("old", show(&d.old_version).into()),
            ("new", show(&d.new_version).into()),
        ];
        writeln!(out, "{}", say(lang, "diff-header", &args))?;
        for c in &d.changes {
            writeln!(out, "{}", line(lang, c))?;
        }
        if d.changes.is_empty() {
            writeln!(out, "{}", say(lang, "diff-no-change", &[]))?;
        } else {
            writeln!(out, "{}", summary(lang, &d))?;
        }
    }
    if !d.changes.is_empty() && d.old_version == d.new_version {
        let args = [("version", show(&d.new_version).into())];
        writeln!(err, "{}", say(lang, "diff-same-version", &args))?;
    }
    Ok(if d.comparable() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(NOT_COMPARABLE)
    })
}
