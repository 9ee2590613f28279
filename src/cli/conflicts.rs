//! `stocktake conflicts` (each conflict's revisions, who made them and where they came
//! from, and the answers they differ on, by their labels) and `stocktake resolve` (the
//! revision to keep, or a single answer from another revision; `--undo` for either).
//! Every command ends saying what is left to do.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{existing_db, now_text, show, structure_shown};
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
fn answer_text(a: Option<&AnswerRow>, q: Option<&Question>, lang: &str) -> String {
    let Some(a) = a else {
        return "(no answer recorded)".to_string();
    };
    let mut t = match (&a.status, &a.value) {
        (AnswerStatus::Answered, Some(Value::Choices(vs))) => vs
            .iter()
            .map(|v| label(q, lang, v))
            .collect::<Vec<_>>()
            .join(", "),
        (AnswerStatus::Answered, Some(v)) => label(q, lang, &v.to_text()),
        (AnswerStatus::Answered, None) | (AnswerStatus::Unanswered, _) => "(no answer)".into(),
        (status, _) => format!("[{}]", status.as_str().replace('_', " ")),
    };
    if !a.other.is_empty() {
        t.push_str(&format!(" (other: {})", a.other));
    }
    if !a.note.is_empty() {
        t.push_str(&format!(" · note: {}", a.note));
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
        writeln!(out, "no conflicts")?;
        return Ok(ExitCode::SUCCESS);
    }
    let w = width();
    for c in &list {
        let first = &c.members[0];
        let parent = if c.parent.is_empty() {
            "two first revisions".to_string()
        } else {
            format!("parent {}", short(&c.parent))
        };
        writeln!(
            out,
            "session {} · {} · {} · {parent}",
            show(&c.session_id),
            show(&first.response),
            structure_shown(first.structure, &first.structure_label)
        )?;
        let diff = cdb.conflict_diff(c)?;
        for (i, m) in c.members.iter().enumerate() {
            writeln!(
                out,
                "  {}  revision {}, completed {}, made by {} (as the file records it), collated {}",
                short(&m.digest),
                m.revision,
                show(&m.completed_at),
                show(m.made_by()),
                show(&diff.imported[i])
            )?;
            for p in &diff.paths[i] {
                let by = owner(p).map_or(String::new(), |o| format!(" (file owner: {})", show(o)));
                writeln!(out, "  {:12}  from {}{by}", "", show(p))?;
            }
        }
        let head = heads
            .iter()
            .find(|h| h.row.session_id == c.session_id)
            .map(|h| h.row.digest.clone());
        let kept = match (&c.winner, &head) {
            (Some(w), _) => format!("resolved: {} is kept", short(w)),
            (None, Some(h)) if c.members.iter().any(|m| m.digest == *h) => format!(
                "unresolved: until you pick, the report uses {} (the highest revision, then the latest completed)",
                short(h)
            ),
            (None, _) => "unresolved: a later revision builds on one of these".to_string(),
        };
        writeln!(out, "  {kept}")?;
        let guide = guide_of(&cdb, c)?;
        let lang = guide
            .as_ref()
            .map_or("en".to_string(), |g| g.default_language().to_string());
        let mine: Vec<_> = choices
            .iter()
            .filter(|a| a.session_id == c.session_id && a.parent == c.parent)
            .collect();
        for (qid, answers) in &diff.differing {
            let q = guide.as_ref().and_then(|g| g.question(qid));
            let text = q.map_or(String::new(), |q| q.text.get(&lang, &lang).to_string());
            let head = format!("{qid}: {text}");
            writeln!(
                out,
                "\n  {}",
                text_lines(&head, "  ", full, w.saturating_sub(2))
            )?;
            let chosen = mine.iter().find(|a| a.question == *qid);
            for (m, a) in c.members.iter().zip(answers) {
                let mark = match chosen {
                    Some(ch) if ch.source == m.digest => "  ✓ chosen",
                    _ => "",
                };
                let said = answer_text(a.as_ref(), q, &lang);
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
            writeln!(
                out,
                "  (the answers are the same; only notes' times or participants differ)"
            )?;
        }
        writeln!(out)?;
    }
    let open = list.iter().filter(|c| c.winner.is_none()).count();
    let shown = show(db.display());
    if open == 0 {
        writeln!(
            out,
            "{} conflict(s), all resolved: nothing left to do (to take a choice back: stocktake resolve --undo --db {shown} DIGEST)",
            list.len()
        )?;
    } else {
        writeln!(
            out,
            "{} conflict(s), {open} unresolved. To do: pick the revision to keep in each, stocktake resolve --db {shown} DIGEST; to take one answer from another revision, stocktake resolve --db {shown} --answer QUESTION DIGEST{}",
            list.len(),
            if full {
                ""
            } else {
                "; --full shows every text whole"
            }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What is left of the conflict a command just changed, as its last line says.
fn left_to_do(cdb: &CollationDb, db: &str, session: &str, parent: &str) -> anyhow::Result<String> {
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
        format!(
            "this conflict still needs the revision to keep: stocktake resolve --db {db} DIGEST"
        )
    } else {
        "this conflict is resolved".to_string()
    };
    said.push_str(&match others {
        0 if this => String::new(),
        0 => "; no conflict is left".to_string(),
        n => format!("; {n} other conflict(s) unresolved: stocktake conflicts --db {db}"),
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
            writeln!(
                out,
                "the pick is taken back: the conflict of {} is unresolved again",
                short(&r.digest)
            )?;
            (r.session_id, r.parent)
        }
        (false, None) => {
            let c = cdb.resolve(digest, &now_text())?;
            let w = c.winner.clone().unwrap_or_default();
            writeln!(
                out,
                "{} is kept over {}; the report uses it (undo: stocktake resolve --undo --db {shown} {})",
                short(&w),
                c.members
                    .iter()
                    .filter(|m| m.digest != w)
                    .map(|m| short(&m.digest))
                    .collect::<Vec<_>>()
                    .join(", "),
                short(&w)
            )?;
            (c.session_id, c.parent)
        }
        (true, Some(q)) => {
            let r = cdb.find_revision(digest)?;
            cdb.unchoose_answer(digest, q, &now_text())?;
            writeln!(
                out,
                "{}: the choice is taken back; the answer comes from the revision kept again",
                show(q)
            )?;
            (r.session_id, r.parent)
        }
        (false, Some(q)) => {
            let (r, _) = cdb.choose_answer(digest, q, &now_text())?;
            writeln!(
                out,
                "{}: the report uses the answer of {}, whichever revision is kept (undo: stocktake resolve --undo --db {shown} --answer {} {})",
                show(q),
                short(&r.digest),
                show(q),
                short(&r.digest)
            )?;
            (r.session_id, r.parent)
        }
    };
    writeln!(out, "{}", left_to_do(&cdb, &shown, &session, &parent)?)?;
    Ok(ExitCode::SUCCESS)
}
