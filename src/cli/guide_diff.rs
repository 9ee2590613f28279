//! `stocktake guide diff OLD NEW`: one line per change between two versions of a guide,
//! classified, and an exit code a script can act on: 0 every question's answers compare,
//! 1 some do not (or an id is reused with another type), 2 a guide cannot be read.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::guide::named_guide;
use super::show;
use crate::guide::{Change, ChangeClass, GuideDiff, diff as diff_guides};

/// Exit codes, as docs/guide-format.md lists them.
const NOT_COMPARABLE: u8 = 1;
const CANNOT_READ: u8 = 2;

fn quoted(s: &str) -> String {
    // One line per change: a text's newlines are shown, not obeyed.
    format!("\"{}\"", show(s.replace('\n', "\\n")))
}

fn line(c: &Change) -> String {
    let whose = c
        .question
        .as_deref()
        .map_or_else(|| "(guide)".to_string(), show);
    let verdict = if c.comparable || c.class == ChangeClass::TypeChanged {
        ""
    } else {
        " (not comparable)"
    };
    let texts = match (c.old.is_empty(), c.new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => quoted(&c.new),
        (false, true) => format!("was {}", quoted(&c.old)),
        _ if c.old == c.new => format!("{} unchanged", quoted(&c.old)),
        (false, false) => format!("{} → {}", quoted(&c.old), quoted(&c.new)),
    };
    let parts: Vec<String> = [show(&c.what), texts]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{whose}: {}{verdict}: {}", c.class.name(), parts.join(": "))
}

fn summary(d: &GuideDiff) -> String {
    let n = d.changes.len();
    let changes = if n == 1 { "1 change" } else { "changes" };
    let changes = if n == 1 {
        changes.to_string()
    } else {
        format!("{n} {changes}")
    };
    let apart = d.incomparable_questions();
    if d.refused() {
        let reused: Vec<&str> = d
            .changes
            .iter()
            .filter(|c| c.class == ChangeClass::TypeChanged)
            .filter_map(|c| c.question.as_deref())
            .collect();
        return format!(
            "{changes}; refused: {} reuse{} an id with another type. Give the new question a new id, and keep or drop the old one",
            reused.join(", "),
            if reused.len() == 1 { "s" } else { "" }
        );
    }
    if apart.is_empty() {
        return format!("{changes}; every question's answers compare: a report pools them");
    }
    format!(
        "{changes}; the answers of {} do not compare across the versions: {} (a report counts them per version)",
        if apart.len() == 1 {
            "1 question".to_string()
        } else {
            format!("{} questions", apart.len())
        },
        apart.join(", ")
    )
}

pub(super) fn diff(
    lang: crate::i18n::UiLang,
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
        writeln!(
            err,
            "{} is guide `{}` and {} is guide `{}`: not two versions of one guide, so there is nothing to compare",
            show(old),
            show(&a.id),
            show(new),
            show(&b.id)
        )?;
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
        writeln!(
            out,
            "{}: version {} → {}",
            show(&d.id),
            show(&d.old_version),
            show(&d.new_version)
        )?;
        for c in &d.changes {
            writeln!(out, "{}", line(c))?;
        }
        if d.changes.is_empty() {
            writeln!(out, "no change")?;
        } else {
            writeln!(out, "{}", summary(&d))?;
        }
    }
    if !d.changes.is_empty() && d.old_version == d.new_version {
        writeln!(
            err,
            "note: both files say version {}; bump the new one's `version` so sessions tell them apart",
            show(&d.new_version)
        )?;
    }
    Ok(if d.comparable() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(NOT_COMPARABLE)
    })
}
