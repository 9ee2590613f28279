//! `stocktake plan`: the call campaign from the command line. Import the campaign file,
//! list the targets with where each stands, log an attempt, write the callbacks calendar.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::UiLang;

use jiff::Timestamp;

use super::table::{Column, Table, Width};
use super::{open_store, say};
use crate::campaign::{Attempt, Outcome, Progress, State, Target, parse_campaign, plan};
use crate::neutralise;

pub(super) fn import(
    lang: UiLang,
    data_dir: Option<&Path>,
    file: &Path,
    rules: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let shown = neutralise::line(&file.display().to_string()).into_owned();
    let bytes = std::fs::read(file).map_err(|e| cannot_read(lang, &shown, &e))?;
    let targets = parse_campaign(&bytes, &shown)?;
    let rules_text = match rules {
        None => None,
        Some(p) => {
            let shown = neutralise::line(&p.display().to_string()).into_owned();
            let text = std::fs::read_to_string(p).map_err(|e| cannot_read(lang, &shown, &e))?;
            crate::campaign::Rules::parse(&text, &shown)?;
            Some(text)
        }
    };
    let mut store = open_store(lang, data_dir)?;
    let r = store.import_campaign(&targets, rules_text.as_deref())?;
    let mut out = io::stdout().lock();
    let args = [
        ("file", shown.into()),
        ("n", targets.len().into()),
        ("new", r.added.into()),
        ("updated", r.updated.into()),
        ("unchanged", r.unchanged.into()),
    ];
    writeln!(out, "{}", say(lang, "plan-imported", &args))?;
    if r.flagged > 0 {
        writeln!(
            out,
            "{}",
            say(lang, "plan-flagged", &[("n", r.flagged.into())])
        )?;
    }
    if r.dropped > 0 {
        writeln!(
            out,
            "{}",
            say(lang, "plan-dropped", &[("n", r.dropped.into())])
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
    let bytes = std::fs::read(file).map_err(|e| cannot_read(lang, &shown, &e))?;
    let targets = parse_campaign(&bytes, &shown)?;
    // The campaign may well come before the first files: the database is made as
    // collate makes it.
    super::db_to_write(lang, db)?;
    let new = !db.exists();
    let mut cdb = crate::collate::CollationDb::open(db)?;
    cdb.set_targets(&targets)?;
    let args = [
        ("file", shown.into()),
        ("n", targets.len().into()),
        (
            "db",
            neutralise::line(&db.display().to_string())
                .into_owned()
                .into(),
        ),
        ("new", if new { "yes" } else { "no" }.into()),
    ];
    writeln!(
        io::stdout().lock(),
        "{}",
        say(lang, "plan-collation-targets", &args)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A file that could not be read, named, with why.
fn cannot_read(lang: UiLang, shown: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(say(
        lang,
        "plan-cannot-read",
        &[
            ("file", shown.into()),
            ("error", super::io_reason(e, lang).into()),
        ]
    ))
}

/// A time as the interviewer and the respondent each read it.
fn when(lang: UiLang, t: Timestamp, target: &Target) -> String {
    let here = crate::i18n::day_date_time(lang, &t.to_zoned_datetime(jiff::tz::TimeZone::system()));
    match target
        .timezone
        .as_deref()
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
    {
        Some(tz) => crate::i18n::tr(
            lang,
            "plan-next-theirs",
            &[
                ("here", here.into()),
                (
                    "theirs",
                    t.to_zoned_datetime(tz).strftime("%H:%M").to_string().into(),
                ),
            ],
        ),
        None => here,
    }
}

/// Where a target stands, in words for the table; `--json` keeps [`state_label`].
fn state_words(lang: UiLang, p: &Progress) -> String {
    let id = match p.state {
        State::Done(o) => return outcome_words(lang, o),
        State::Due if p.callback => "plan-cli-state-callback-due",
        State::Due => "plan-cli-state-due",
        State::NotTried => "plan-cli-state-not-tried",
        State::Waiting if p.callback => "plan-cli-state-callback",
        State::Waiting => "plan-cli-state-waiting",
        State::Exhausted => "plan-cli-state-exhausted",
        State::NeedsContact => "plan-cli-state-needs-contact",
    };
    say(lang, id, &[])
}

/// An outcome by the words the Plan screen gives it (`outcome-<code>`, the English
/// label in `en.ftl`).
fn outcome_words(lang: UiLang, o: Outcome) -> String {
    crate::i18n::lookup(lang, &format!("outcome-{}", o.as_str()), &[])
        .unwrap_or_else(|| o.label().to_string())
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
        writeln!(out, "{}", say(lang, "plan-cli-empty", &[]))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table: Vec<[String; 6]> = vec![
        [
            "plan-cli-col-target",
            "plan-cli-col-status",
            "plan-cli-col-tries",
            "plan-cli-col-next",
            "plan-cli-col-coordinator",
            "plan-cli-col-sessions",
        ]
        .map(|id| say(lang, id, &[])),
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
                say(lang, "plan-cli-removed", &[("id", t.id.clone().into())])
            } else {
                t.id.clone()
            },
            state_words(lang, p),
            p.attempts.to_string(),
            p.next.map(|n| when(lang, n, t)).unwrap_or_default(),
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
    let args = [
        ("done", done.into()),
        ("due", due.into()),
        ("left", left.into()),
    ];
    writeln!(out, "{}", say(lang, "plan-cli-totals", &args))?;
    Ok(ExitCode::SUCCESS)
}

fn time(lang: UiLang, s: &str, what: &str) -> anyhow::Result<Timestamp> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    // A local time without a zone: the interviewer's own.
    s.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::system()).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| {
            anyhow::anyhow!(say(
                lang,
                "plan-not-a-time",
                &[
                    ("flag", what.into()),
                    ("given", neutralise::line(s).into_owned().into())
                ]
            ))
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
        let near = if near.is_empty() {
            String::new()
        } else {
            say(
                lang,
                "plan-did-you-mean",
                &[("ids", near.join(", ").into())],
            )
        };
        anyhow::bail!(say(
            lang,
            "plan-cli-no-target",
            &[
                ("target", neutralise::line(l.target).into_owned().into()),
                ("near", near.into())
            ]
        ));
    };
    let outcome = Outcome::parse(l.outcome).ok_or_else(|| {
        anyhow::anyhow!(say(
            lang,
            "plan-unknown-outcome",
            &[
                ("given", neutralise::line(l.outcome).into_owned().into()),
                ("codes", Outcome::ALL.map(Outcome::as_str).join(", ").into())
            ]
        ))
    })?;
    let now = Timestamp::now();
    let at =
        l.at.map(|s| time(lang, s, "at"))
            .transpose()?
            .unwrap_or(now);
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
                // What is wrong with the time is the campaign's words, after the flag.
                anyhow::anyhow!(say(
                    lang,
                    "plan-bad-callback",
                    &[("error", crate::i18n::Reason::reason(&e, lang).into())]
                ))
            }),
        })
        .transpose()?;
    match (outcome, callback) {
        (Outcome::Callback, None) => {
            anyhow::bail!(say(lang, "plan-callback-needs-time", &[]))
        }
        (Outcome::Callback, Some(c)) if c <= at => anyhow::bail!(say(
            lang,
            "plan-callback-not-after",
            &[("at", at.to_string().into())]
        )),
        (o, Some(_)) if o != Outcome::Callback => {
            anyhow::bail!(say(lang, "plan-callback-only", &[]))
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
    let args = [
        (
            "target",
            neutralise::line(&target.name(lang.code()))
                .into_owned()
                .into(),
        ),
        ("outcome", outcome_words(lang, outcome).into()),
        ("code", outcome.aapor().0.into()),
    ];
    let call_back = callback
        .map(|c| {
            say(
                lang,
                "plan-cli-call-back",
                &[("when", when(lang, c, target).into())],
            )
        })
        .unwrap_or_default();
    writeln!(out, "{}{call_back}", say(lang, "plan-cli-logged", &args))?;
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
    let ics = crate::campaign::calendar(&rows, now, lang);
    let events = ics.matches("BEGIN:VEVENT").count();
    crate::fs::write_bytes(
        out_file,
        &crate::fs::NewFile::PRIVATE_REPLACE,
        ics.as_bytes(),
    )
    .map_err(|e| {
        anyhow::anyhow!(say(
            lang,
            "plan-calendar-cannot-write",
            &[
                (
                    "file",
                    neutralise::line(&out_file.display().to_string())
                        .into_owned()
                        .into()
                ),
                ("error", super::io_reason(&e, lang).into())
            ]
        ))
    })?;
    let args = [
        (
            "file",
            neutralise::line(&out_file.display().to_string())
                .into_owned()
                .into(),
        ),
        ("n", events.into()),
    ];
    writeln!(
        io::stdout().lock(),
        "{}",
        say(lang, "plan-calendar-written", &args)
    )?;
    Ok(ExitCode::SUCCESS)
}
