//! `stocktake sync` (the store's completed revisions into the outbox) and `stocktake
//! import` (session files into the store).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::UiLang;

use super::{Cli, config, open_store, say, show, user_message};
use crate::guide::{Catalog, GuideDirs};

/// Where completed sessions go: `sync --to`, else `--outbox` / `STOCKTAKE_OUTBOX`, else the
/// config file; encrypted to the config file's recipients (and each guide's).
pub(super) fn sending(cli: &Cli, to: Option<&Path>) -> anyhow::Result<crate::outbox::Sending> {
    let config = config()?;
    let outbox = to
        .or(cli.outbox.as_deref())
        .map(Path::to_path_buf)
        .or(config.outbox);
    let recipients = config
        .recipients
        .iter()
        .map(|r| crate::sync::parse_recipient(r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(crate::outbox::Sending { outbox, recipients })
}

pub(super) fn sync(
    cli: &Cli,
    lang: UiLang,
    to: Option<&Path>,
    again: bool,
) -> anyhow::Result<ExitCode> {
    let sending = sending(cli, to)?;
    let Some(dir) = sending.outbox.clone() else {
        let config = crate::config::config_path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| say(lang, "sync-the-config-file", &[]));
        anyhow::bail!(say(lang, "sync-no-outbox", &[("config", config.into())]));
    };
    let mut store = open_store(lang, cli.data_dir.as_deref())?;
    // Before writing anything: with nothing waiting, a mistyped folder would otherwise be
    // answered "nothing to sync".
    let waiting = match store.unsynced()?.len() {
        0 => String::new(),
        n => say(lang, "sync-still-waiting-suffix", &[("n", n.into())]),
    };
    match std::fs::metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            anyhow::bail!(say(
                lang,
                "sync-outbox-missing",
                &[
                    ("dir", dir.display().to_string().into()),
                    ("waiting", waiting.into())
                ]
            ))
        }
        Ok(m) if !m.is_dir() => anyhow::bail!(say(
            lang,
            "sync-outbox-not-folder",
            &[
                ("dir", dir.display().to_string().into()),
                ("waiting", waiting.into())
            ]
        )),
        _ => {}
    }
    let which = if again {
        crate::outbox::Which::Again
    } else {
        crate::outbox::Which::Waiting
    };
    let report = crate::outbox::sync_which(&mut store, &dir, &sending.recipients, which)?;
    let shown = show(dir.display());
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    for p in &report.written {
        let path = show(p.display());
        writeln!(out, "{}", say(lang, "cli-wrote", &[("path", path.into())]))?;
    }
    for p in &report.already {
        let path = show(p.display());
        writeln!(
            out,
            "{}",
            say(lang, "sync-already-there", &[("path", path.into())])
        )?;
    }
    if report.cleaned > 0 {
        writeln!(
            out,
            "{}",
            say(lang, "sync-cleaned", &[("n", report.cleaned.into())])
        )?;
    }
    for (name, e) in &report.failed {
        // What failed is the outbox's own words (the file system's), after the lead.
        let args = [("name", show(name).into()), ("error", show(e).into())];
        writeln!(err, "{}", say(lang, "sync-not-written", &args))?;
    }
    if report.plain > 0
        && let Some(x) = crate::outbox::exposure(&dir)
    {
        let who = if x.everyone {
            say(lang, "sync-exposed-everyone", &[])
        } else {
            say(
                lang,
                "sync-exposed-group",
                &[("group", show(&x.group).into())],
            )
        };
        let args = [
            ("n", report.plain.into()),
            ("dir", shown.clone().into()),
            ("mode", format!("{:04o}", x.mode).into()),
            ("who", who.into()),
        ];
        writeln!(err, "{}", say(lang, "sync-exposed", &args))?;
    }
    let waiting = store.unsynced()?.len();
    if !report.is_ok() {
        writeln!(
            err,
            "{}",
            say(lang, "sync-still-waiting", &[("n", waiting.into())])
        )?;
        return Ok(ExitCode::FAILURE);
    }
    if report.written.is_empty() && report.already.is_empty() {
        let sent = crate::outbox::sent(&store)?;
        if sent.is_empty() {
            let path = show(store.path().display());
            writeln!(
                out,
                "{}",
                say(lang, "sync-nothing", &[("store", path.into())])
            )?;
        } else {
            writeln!(
                out,
                "{}",
                say(lang, "sync-nothing-new", &[("dir", shown.clone().into())])
            )?;
            for s in &sent {
                let structure = match crate::guide::Structure::parse(&s.structure) {
                    Some(st) => super::structure_shown(st, &s.structure_label),
                    None => show(&s.structure),
                };
                if let Some(r) = &s.record {
                    let args = [
                        ("response", show(&s.response).into()),
                        ("structure", structure.into()),
                        ("revision", s.revision.into()),
                        ("file", show(&r.file_name).into()),
                        ("outbox", show(&r.outbox).into()),
                        ("at", show(&r.written_at).into()),
                    ];
                    writeln!(out, "{}", say(lang, "sync-sent-line", &args))?;
                }
            }
            writeln!(out, "{}", say(lang, "sync-again-hint", &[]))?;
        }
    } else {
        let args = [("n", report.written.len().into()), ("dir", shown.into())];
        writeln!(out, "{}", say(lang, "sync-written", &args))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The first bytes of every age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// Is this an age file? By its name or by its first bytes: import has no identity, and
/// reading one as TOML would only say "not UTF-8 text".
fn is_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(crate::sync::ENCRYPTED_SUFFIX));
    let mut head = [0u8; AGE_HEADER.len()];
    let starts = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == AGE_HEADER);
    named || starts
}

/// Only the head is read: the file may be anything, of any size.
fn starts_as_attempt_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(256);
    std::fs::File::open(path)
        .and_then(|f| f.take(256).read_to_end(&mut head))
        .is_ok_and(|_| crate::campaign::is_attempt_file(&head))
}

/// Another interviewer's call attempt, into this store's campaign: their callbacks and
/// outcomes then show on the Plan screen. It is theirs to send, so it is never synced
/// from here.
fn import_attempt(
    lang: UiLang,
    store: &mut crate::store::Store,
    path: &Path,
    shown: &str,
) -> anyhow::Result<String> {
    let max = crate::sync::MAX_FILE_BYTES;
    let (bytes, _) = crate::sync::read_regular(path, max, max)?;
    let (_, a) = crate::campaign::parse_attempt(&bytes, shown)?;
    let new = store.import_attempts(std::slice::from_ref(&a))? > 0;
    let outcome = crate::i18n::lookup(lang, &format!("outcome-{}", a.outcome.as_str()), &[])
        .unwrap_or_else(|| a.outcome.label().to_string());
    Ok(say(
        lang,
        "import-attempt",
        &[
            ("file", shown.into()),
            ("new", if new { "yes" } else { "no" }.into()),
            ("target", show(&a.target).into()),
            ("outcome", outcome.into()),
            ("at", a.at.to_string().into()),
        ],
    ))
}

pub(super) fn import(cli: &Cli, lang: UiLang, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    // Folders are walked as collate walks them, so `import DIR` takes a whole outbox.
    let found = crate::collate::find_files(paths)?;
    let mut failed = 0;
    for (dir, why) in &found.unreadable {
        failed += 1;
        eprintln!(
            "{}",
            say(
                lang,
                "import-unreadable-folder",
                &[
                    ("dir", show(dir.display()).into()),
                    ("why", super::io_reason(why, lang).into())
                ]
            )
        );
    }
    let files = found.files;
    if files.is_empty() && failed == 0 {
        let paths = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        anyhow::bail!(say(lang, "import-no-files", &[("paths", paths.into())]));
    }
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    let mut store = open_store(lang, cli.data_dir.as_deref())?;
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    for path in &files {
        let shown = show(path.display());
        let result = (|| -> anyhow::Result<String> {
            if is_encrypted(path) {
                anyhow::bail!(say(
                    lang,
                    "import-encrypted",
                    &[("file", shown.clone().into())]
                ));
            }
            if starts_as_attempt_file(path) {
                return import_attempt(lang, &mut store, path, &shown);
            }
            let crate::sync::Verified {
                file: f,
                guide,
                bytes,
            } = crate::sync::read_verified(path, &shown, |digest| {
                // Any version a file may name, not only each id's newest: a colleague's
                // file can be older than this machine's guide.
                match catalog.by_digest(digest) {
                    Some(g) => Some(g.clone()),
                    None => store.load_guide(digest).ok(),
                }
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file = crate::store::RevisionFile {
                digest: f.digest,
                file_name: name,
                content: bytes,
            };
            let what = match store.import_revision(&guide, &f.session, &file)? {
                crate::store::Imported::New => say(lang, "import-new", &[]),
                crate::store::Imported::Updated { from } => {
                    say(lang, "import-replacing", &[("from", from.into())])
                }
                crate::store::Imported::AlreadyHere => say(lang, "import-already", &[]),
            };
            let structure = super::structure_shown(f.session.structure, &f.session.structure_label);
            Ok(say(
                lang,
                "import-session",
                &[
                    ("file", shown.clone().into()),
                    ("what", what.into()),
                    ("response", show(&f.session.response).into()),
                    ("structure", structure.into()),
                    ("revision", f.session.revision.into()),
                ],
            ))
        })();
        match result {
            Ok(line) => writeln!(out, "{line}")?,
            Err(e) => {
                failed += 1;
                writeln!(err, "{}", show(user_message(&e, lang)))?;
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
