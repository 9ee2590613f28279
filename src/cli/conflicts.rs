//! `stocktake conflicts` (each conflict's revisions, who made them and where they came
//! from, and the answers they differ on, by their labels) and `stocktake resolve` (the
//! revision to keep, or a single answer from another revision; `--undo` for either).
//! Every command ends saying what is left to do.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{existing_db, now_text, say, show, structure_shown};
use crate::collate::{AnswerRow, CollationDb, Conflict, short};
use crate::guide::{Guide, Place, Question, QuestionType, load_guide_str};
use crate::neutralise;
use crate::session::{AnswerStatus, Value};

/// Columns a line is fitted to without `--full` (or `$COLUMNS`).
const WIDTH: usize = 100;

fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(WIDTH)
}

/// The guide a conflict's revisions were made with, for question texts and labels.
fn guide_of(cdb: &CollationDb, c: &Conflict) -> anyhow::Result<Option<Guide>> {
    let digest = &c.members[0].guide_digest;
    Ok(cdb
        .guides()?
        .into_iter()
        .find(|g| g.digest == *digest)
        .and_then(|g| load_guide_str(g.source, &format!("collated:{}", g.id), Place::Bundled).ok())
        .map(|l| l.guide))
}

/// An option's label, in the guide's language; the value itself when the guide has none.
fn label(q: Option<&Question>, lang: &str, value: &str) -> String {
    match q {
        Some(q) if q.kind == QuestionType::YesNo => match value {
            "yes" => "Yes".into(),
            "no" => "No".into(),
            v => v.into(),
        },
        Some(q) => q
            .option(value)
            .map(|o| o.label.get(lang, lang).to_string())
            .unwrap_or_else(|| value.to_string()),
        None => value.to_string(),
    }
}

/// One revision's answer, in words (not yet neutralised or fitted).
fn answer_text(ui: UiLang, a: Option<&AnswerRow>, q: Option<&Question>, lang: &str) -> String {
    let Some(a) = a else {
        return say(ui, "conflicts-no-answer-recorded", &[]);
    };
    let mut t = match (&a.status, &a.value) {
        (AnswerStatus::Answered, Some(Value::Choices(vs))) => vs
            .iter()
            .map(|v| label(q, lang, v))
            .collect::<Vec<_>>()
            .join(", "),
        (AnswerStatus::Answered, Some(v)) => label(q, lang, &v.to_text()),
        (AnswerStatus::Answered, None) | (AnswerStatus::Unanswered, _) => {
            say(ui, "conflicts-no-answer", &[])
        }
        (status, _) => format!("[{}]", status.as_str().replace('_', " ")),
    };
    if !a.other.is_empty() {
        t.push_str(&say(
            ui,
            "conflicts-other",
            &[("text", a.other.clone().into())],
        ));
    }
    if !a.note.is_empty() {
        t.push_str(&say(
            ui,
            "conflicts-note",
            &[("text", a.note.clone().into())],
        ));
    }
    t
}

/// Who owns a file that is still where it was found: in a shared outbox, the user
/// whose sync wrote it. `/etc/passwd` by uid; the number where it has no name.
fn owner(path: &str) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::symlink_metadata(path).ok()?.uid();
    let name = std::fs::read_to_string("/etc/passwd").ok().and_then(|t| {
        t.lines().find_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?;
            (f.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_string())
        })
    });
    Some(name.unwrap_or_else(|| uid.to_string()))
}

/// A text printed whole (`--full`), its lines under `indent`, or fitted to one line.
fn text_lines(text: &str, indent: &str, full: bool, room: usize) -> String {
    if full {
        neutralise::block(text).replace('\n', &format!("\n{indent}"))
    } else {
        neutralise::fit(text, room)
    }
}

pub(super) fn conflicts(lang: UiLang, db: &Path, full: bool) -> anyhow::Result<ExitCode> {
    let cdb = existing_db(lang, db)?;
    let list = cdb.conflicts()?;
    let choices = cdb.answer_choices()?;
    let heads = cdb.heads()?;
    let mut out = io::stdout().lock();
    if list.is_empty() {
        writeln!(out, "{}", say(lang, "conflicts-none", &[]))?;
        return Ok(ExitCode::SUCCESS);
    }
    let w = width();
    for c in &list {
        let first = &c.members[0];
        let parent = if c.parent.is_empty() {
            say(lang, "conflicts-two-first", &[])
        } else {
            say(
                lang,
                "conflicts-parent",
                &[("digest", short(&c.parent).into())],
            )
        };
        let args = [
            ("session", show(&c.session_id).into()),
            ("response", show(&first.response).into()),
            (
                "structure",
                structure_shown(first.structure, &first.structure_label).into(),
            ),
            ("parent", parent.into()),
        ];
        writeln!(out, "{}", say(lang, "conflicts-session", &args))?;
        let diff = cdb.conflict_diff(c)?;
        for (i, m) in c.members.iter().enumerate() {
            let args = [
                ("digest", short(&m.digest).into()),
                ("revision", m.revision.into()),
                ("completed", show(&m.completed_at).into()),
                ("by", show(m.made_by()).into()),
                ("collated", show(&diff.imported[i]).into()),
            ];
            writeln!(out, "  {}", say(lang, "conflicts-revision", &args))?;
            for p in &diff.paths[i] {
                let by = owner(p).map_or(String::new(), |o| {
                    say(lang, "conflicts-owner", &[("owner", show(o).into())])
                });
                let args = [("path", show(p).into()), ("owner", by.into())];
                writeln!(out, "  {:12}  {}", "", say(lang, "conflicts-from", &args))?;
            }
        }
        let head = heads
            .iter()
            .find(|h| h.row.session_id == c.session_id)
            .map(|h| h.row.digest.clone());
        let kept = match (&c.winner, &head) {
            (Some(w), _) => say(lang, "conflicts-resolved", &[("digest", short(w).into())]),
            (None, Some(h)) if c.members.iter().any(|m| m.digest == *h) => say(
                lang,
                "conflicts-unresolved-head",
                &[("digest", short(h).into())],
            ),
            (None, _) => say(lang, "conflicts-unresolved-later", &[]),
        };
        writeln!(out, "  {kept}")?;
        let guide = guide_of(&cdb, c)?;
        // Question texts and option labels in the guide's first language: they are the
        // guide's words, not the command line's.
        let glang = guide
            .as_ref()
            .map_or("en".to_string(), |g| g.default_language().to_string());
        let mine: Vec<_> = choices
            .iter()
            .filter(|a| a.session_id == c.session_id && a.parent == c.parent)
            .collect();
        for (qid, answers) in &diff.differing {
            let q = guide.as_ref().and_then(|g| g.question(qid));
            let text = q.map_or(String::new(), |q| q.text.get(&glang, &glang).to_string());
            let head = format!("{qid}: {text}");
            writeln!(
                out,
                "\n  {}",
                text_lines(&head, "  ", full, w.saturating_sub(2))
            )?;
            let chosen = mine.iter().find(|a| a.question == *qid);
            for (m, a) in c.members.iter().zip(answers) {
                let mark = match chosen {
                    Some(ch) if ch.source == m.digest => {
                        format!("  {}", say(lang, "conflicts-chosen", &[]))
                    }
                    _ => String::new(),
                };
                let said = answer_text(lang, a.as_ref(), q, &glang);
                let room = w.saturating_sub(4 + 12 + 2 + mark.chars().count());
                writeln!(
                    out,
                    "    {}  {}{mark}",
                    short(&m.digest),
                    text_lines(&said, &" ".repeat(18), full, room)
                )?;
            }
        }
        if diff.differing.is_empty() {
            writeln!(out, "  {}", say(lang, "conflicts-same", &[]))?;
        }
        writeln!(out)?;
    }
    let open = list.iter().filter(|c| c.winner.is_none()).count();
    let shown = show(db.display());
    if open == 0 {
        let args = [("n", list.len().into()), ("db", shown.into())];
        writeln!(out, "{}", say(lang, "conflicts-all-resolved", &args))?;
    } else {
        let args = [
            ("n", list.len().into()),
            ("open", open.into()),
            ("db", shown.into()),
            ("full", if full { "yes" } else { "no" }.into()),
        ];
        writeln!(out, "{}", say(lang, "conflicts-open", &args))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What is left of the conflict a command just changed, as its last line says.
fn left_to_do(
    lang: UiLang,
    cdb: &CollationDb,
    db: &str,
    session: &str,
    parent: &str,
) -> anyhow::Result<String> {
    let open: Vec<Conflict> = cdb
        .conflicts()?
        .into_iter()
        .filter(|c| c.winner.is_none())
        .collect();
    let this = open
        .iter()
        .any(|c| c.session_id == session && c.parent == parent);
    let others = open.len() - usize::from(this);
    let mut said = if this {
        say(lang, "resolve-still-needs", &[("db", db.into())])
    } else {
        say(lang, "resolve-resolved", &[])
    };
    said.push_str(&match others {
        0 if this => String::new(),
        0 => say(lang, "resolve-none-left", &[]),
        n => say(
            lang,
            "resolve-others",
            &[("n", n.into()), ("db", db.into())],
        ),
    });
    Ok(said)
}

pub(super) fn resolve(
    lang: UiLang,
    db: &Path,
    digest: &str,
    undo: bool,
    answer: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let mut cdb = existing_db(lang, db)?;
    let shown = show(db.display());
    let mut out = io::stdout().lock();
    let (session, parent) = match (undo, answer) {
        (true, None) => {
            let r = cdb.find_revision(digest)?;
            cdb.unresolve(digest, &now_text())?;
            let args = [("digest", short(&r.digest).into())];
            writeln!(out, "{}", say(lang, "resolve-undone", &args))?;
            (r.session_id, r.parent)
        }
        (false, None) => {
            let c = cdb.resolve(digest, &now_text())?;
            let w = c.winner.clone().unwrap_or_default();
            let others = c
                .members
                .iter()
                .filter(|m| m.digest != w)
                .map(|m| short(&m.digest))
                .collect::<Vec<_>>()
                .join(", ");
            let args = [
                ("kept", short(&w).into()),
                ("others", others.into()),
                ("db", shown.clone().into()),
            ];
            writeln!(out, "{}", say(lang, "resolve-kept", &args))?;
            (c.session_id, c.parent)
        }
        (true, Some(q)) => {
            let r = cdb.find_revision(digest)?;
            cdb.unchoose_answer(digest, q, &now_text())?;
            let args = [("question", show(q).into())];
            writeln!(out, "{}", say(lang, "resolve-answer-undone", &args))?;
            (r.session_id, r.parent)
        }
        (false, Some(q)) => {
            let (r, _) = cdb.choose_answer(digest, q, &now_text())?;
            let args = [
                ("question", show(q).into()),
                ("digest", short(&r.digest).into()),
                ("db", shown.clone().into()),
            ];
            writeln!(out, "{}", say(lang, "resolve-answer-chosen", &args))?;
            (r.session_id, r.parent)
        }
    };
    writeln!(
        out,
        "{}",
        left_to_do(lang, &cdb, &shown, &session, &parent)?
    )?;
    Ok(ExitCode::SUCCESS)
}
