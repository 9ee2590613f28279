//! `stocktake plan`: the call campaign from the command line. Import the campaign file,
//! list the targets with where each stands, log an attempt, write the callbacks calendar.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use jiff::Timestamp;

use super::open_store;
use super::table::{Column, Table, Width};
use crate::campaign::{Attempt, Outcome, Progress, State, Target, parse_campaign, plan};
use crate::neutralise;

pub(super) fn import(
    lang: UiLang,
    data_dir: Option<&Path>,
    file: &Path,
    rules: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let shown = neutralise::line(&file.display().to_string()).into_owned();
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{shown}: cannot read: {e}"))?;
    let targets = parse_campaign(&bytes, &shown)?;
    let rules_text = match rules {
        None => None,
        Some(p) => {
            let shown = neutralise::line(&p.display().to_string()).into_owned();
            let text = std::fs::read_to_string(p)
                .map_err(|e| anyhow::anyhow!("{shown}: cannot read: {e}"))?;
            crate::campaign::Rules::parse(&text, &shown)?;
            Some(text)
        }
    };
    let mut store = open_store(lang, data_dir)?;
    let r = store.import_campaign(&targets, rules_text.as_deref())?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{shown}: {} target(s): {} new, {} updated, {} unchanged",
        targets.len(),
        r.added,
        r.updated,
        r.unchanged
    )?;
    if r.flagged > 0 {
        writeln!(
            out,
            "{} target(s) no longer in the file kept, because attempts were logged: flagged as removed",
            r.flagged
        )?;
    }
    if r.dropped > 0 {
        writeln!(
            out,
            "{} target(s) no longer in the file, never tried: dropped",
            r.dropped
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The collator's copy of the campaign: the targets a collation's coverage is of.
pub(super) fn import_for_collation(
    lang: UiLang,
    db: &Path,
    file: &Path,
) -> anyhow::Result<ExitCode> {
    let shown = neutralise::line(&file.display().to_string()).into_owned();
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{shown}: cannot read: {e}"))?;
    let targets = parse_campaign(&bytes, &shown)?;
    // The campaign may well come before the first files: the database is made as
    // collate makes it.
    super::db_to_write(lang, db)?;
    let new = !db.exists();
    let mut cdb = crate::collate::CollationDb::open(db)?;
    cdb.set_targets(&targets)?;
    writeln!(
        io::stdout().lock(),
        "{shown}: {} target(s): the coverage of {}{} is of this campaign",
        targets.len(),
        neutralise::line(&db.display().to_string()),
        if new {
            " (a new collation database)"
        } else {
            ""
        }
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A time as the interviewer and the respondent each read it.
fn when(t: Timestamp, target: &Target) -> String {
    let here = t
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%a %d %b %H:%M")
        .to_string();
    match target
        .timezone
        .as_deref()
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
    {
        Some(tz) => format!(
            "{here} (theirs {})",
            t.to_zoned_datetime(tz).strftime("%H:%M")
        ),
        None => here,
    }
}

pub fn state_label(p: &Progress) -> String {
    match p.state {
        State::Done(o) => o.label().to_string(),
        State::Due if p.callback => "callback due".into(),
        State::Due => "due".into(),
        State::NotTried => "not tried".into(),
        State::Waiting if p.callback => "callback".into(),
        State::Waiting => "waiting".into(),
        State::Exhausted => "tried enough".into(),
        State::NeedsContact => "needs a new contact".into(),
    }
}

pub(super) fn list(lang: UiLang, data_dir: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(lang, data_dir)?;
    let targets = store.targets()?;
    let attempts = store.attempts()?;
    let rules = store.campaign_rules()?;
    let now = Timestamp::now();
    let rows = plan(&targets, &attempts, &rules, now);
    let mut out = io::stdout().lock();
    if json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|p| {
                serde_json::json!({
                    "target": p.target.id,
                    "response": p.target.response,
                    "structure": p.target.structure.as_str(),
                    "structure_label": p.target.structure_label,
                    "coordinator": p.target.coordinator,
                    "organisation": p.target.organisation,
                    "contact": p.target.contact,
                    "timezone": p.target.timezone,
                    "status": state_label(p),
                    "final": p.best.map(Outcome::as_str),
                    "aapor": p.best.map(|o| o.aapor().0).unwrap_or("3.11"),
                    "attempts": p.attempts,
                    "next": p.next.map(|t| t.to_string()),
                    "callback": p.callback,
                    "sessions": p.sessions,
                    "removed": p.target.removed,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No campaign yet: stocktake plan import CAMPAIGN.csv (columns response, structure, coordinator, organisation, contact, timezone, language)"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table: Vec<[String; 6]> = vec![
        [
            "TARGET",
            "STATUS",
            "TRIES",
            "NEXT",
            "COORDINATOR",
            "SESSIONS",
        ]
        .map(String::from),
    ];
    table.extend(rows.iter().map(|p| {
        let t = &p.target;
        let who = [t.coordinator.as_str(), t.organisation.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        [
            if t.removed {
                format!("{} (removed)", t.id)
            } else {
                t.id.clone()
            },
            state_label(p),
            p.attempts.to_string(),
            p.next.map(|n| when(n, t)).unwrap_or_default(),
            who,
            p.sessions.len().to_string(),
        ]
        .map(|c| neutralise::line(&c).into_owned())
    }));
    Table {
        columns: &[
            Column::left(Width::Widest, ""),
            Column::left(Width::Widest, "  "),
            Column::left(Width::Widest, "  "),
            Column::left(Width::Widest, "  "),
            Column::left(Width::Widest, "  "),
            Column::left(Width::Natural, "  "),
        ],
        indent: "",
        trim: true,
    }
    .write(&mut out, &table)?;
    let (done, due, left) = crate::campaign::totals(&rows);
    writeln!(out, "{done} done, {due} due now, {left} left")?;
    Ok(ExitCode::SUCCESS)
}

fn time(s: &str, what: &str) -> anyhow::Result<Timestamp> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    // A local time without a zone: the interviewer's own.
    s.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::system()).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "--{what} `{}` is not a time; write e.g. 2018-03-15T14:30 (your local time) or 2018-03-15T11:30:00Z",
                neutralise::line(s)
            )
        })
}

pub(super) struct Log<'a> {
    pub target: &'a str,
    pub outcome: &'a str,
    pub at: Option<&'a str>,
    pub callback: Option<&'a str>,
    pub note: Option<&'a str>,
}

pub(super) fn log(lang: UiLang, data_dir: Option<&Path>, l: Log<'_>) -> anyhow::Result<ExitCode> {
    let mut store = open_store(lang, data_dir)?;
    let targets = store.targets()?;
    let Some(target) = targets.iter().find(|t| t.id == l.target) else {
        let near: Vec<&str> = targets
            .iter()
            .map(|t| t.id.as_str())
            .filter(|id| id.contains(l.target.split('/').next().unwrap_or("")))
            .take(5)
            .collect();
        anyhow::bail!(
            "no target `{}` in the campaign{}; `stocktake plan list` shows them all",
            neutralise::line(l.target),
            if near.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", near.join(", "))
            }
        );
    };
    let outcome = Outcome::parse(l.outcome).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown outcome `{}`; use one of {}",
            neutralise::line(l.outcome),
            Outcome::ALL.map(Outcome::as_str).join(", ")
        )
    })?;
    let now = Timestamp::now();
    let at = l.at.map(|s| time(s, "at")).transpose()?.unwrap_or(now);
    // As on the Plan screen: "+2h", "tomorrow 9:00", a clock time in the respondent's own
    // zone (they say "call me at three"), or an exact time.
    let theirs = target
        .timezone
        .as_deref()
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
        .unwrap_or_else(jiff::tz::TimeZone::system);
    let callback = l
        .callback
        .map(|s| match s.parse::<Timestamp>() {
            Ok(t) => Ok(t),
            Err(_) => crate::campaign::parse_when(s, at.max(now), &theirs).map_err(|e| {
                anyhow::anyhow!(
                    "--callback {e} (clock times are the respondent's; or give one with its zone, 2018-03-15T11:30:00Z)"
                )
            }),
        })
        .transpose()?;
    match (outcome, callback) {
        (Outcome::Callback, None) => {
            anyhow::bail!("a callback needs its time: --callback 2018-03-15T14:30")
        }
        (Outcome::Callback, Some(c)) if c <= at => anyhow::bail!(
            "the callback time is not after the attempt ({}): a callback is in the future",
            at
        ),
        (o, Some(_)) if o != Outcome::Callback => {
            anyhow::bail!("--callback goes with --outcome callback only")
        }
        _ => {}
    }
    let attempt = Attempt {
        id: ulid::Ulid::generate().to_string(),
        target: target.id.clone(),
        at,
        outcome,
        callback,
        note: l.note.unwrap_or("").to_string(),
        interviewer: crate::store::login_name(),
        sessions: Vec::new(),
    };
    store.log_attempt(&attempt)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "logged: {}: {} (AAPOR {}){}",
        neutralise::line(&target.name()),
        outcome.label(),
        outcome.aapor().0,
        callback
            .map(|c| format!(", call back {}", when(c, target)))
            .unwrap_or_default()
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn calendar(
    lang: UiLang,
    data_dir: Option<&Path>,
    out_file: &Path,
) -> anyhow::Result<ExitCode> {
    let store = open_store(lang, data_dir)?;
    let now = Timestamp::now();
    let rows = plan(
        &store.targets()?,
        &store.attempts()?,
        &store.campaign_rules()?,
        now,
    );
    let ics = crate::campaign::calendar(&rows, now);
    let events = ics.matches("BEGIN:VEVENT").count();
    crate::fs::write_bytes(
        out_file,
        &crate::fs::NewFile::PRIVATE_REPLACE,
        ics.as_bytes(),
    )
    .map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot write the calendar: {e}",
            neutralise::line(&out_file.display().to_string())
        )
    })?;
    writeln!(
        io::stdout().lock(),
        "{}: {events} callback(s)",
        neutralise::line(&out_file.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
