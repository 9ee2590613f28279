//! `stocktake collate`: the checks before anything is created, the progress, and what
//! came of it.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::keys::{identity_files, read_identities};
use super::{Cli, db_to_write, now_text, say, seconds, show};
use crate::guide::{Catalog, GuideDirs};
use crate::i18n::UiLang;
use crate::neutralise;

pub(super) fn collate(
    cli: &Cli,
    lang: UiLang,
    paths: &[PathBuf],
    db: &Path,
    identities: &[PathBuf],
    require_encrypted: bool,
) -> anyhow::Result<ExitCode> {
    // Everything that can be checked is, before the database is created: a mistyped path
    // must not leave an empty database behind.
    for p in paths {
        if let Err(e) = std::fs::metadata(p) {
            anyhow::bail!(say(
                lang,
                "collate-path-missing",
                &[
                    ("path", p.display().to_string().into()),
                    ("error", super::io_reason(&e, lang).into()),
                    ("created", if db.exists() { "yes" } else { "no" }.into()),
                ]
            ));
        }
    }
    db_to_write(lang, db)?;
    let keys = crate::collate::Keys {
        identities: read_identities(lang, &identity_files(identities))?,
        require_encrypted,
    };
    let catalog = Catalog::discover(&GuideDirs::standard(cli.guides.clone()));
    let mut cdb = crate::collate::CollationDb::open(db)?;
    cdb.lock_for_collation(crate::collate::PATIENCE, &mut || {
        eprintln!(
            "{}",
            say(
                lang,
                "collate-waiting",
                &[("db", neutralise::line(&db.display().to_string()).into())]
            )
        );
    })?;
    let mut err = io::stderr();
    let tty = err.is_terminal();
    let started = std::time::Instant::now();
    let mut last_line = std::time::Instant::now();
    let mut progress = |done: usize, total: usize, s: &crate::collate::Summary| {
        let args = [
            ("done", done.into()),
            ("total", total.into()),
            ("quarantined", s.quarantined.into()),
        ];
        // Progress is a courtesy: a closed stderr must not stop the collation.
        if tty {
            let width = 30;
            let filled = (done * width).checked_div(total).unwrap_or(width);
            write!(
                err,
                "\r[{}{}]{}",
                "#".repeat(filled),
                ".".repeat(width - filled),
                say(lang, "collate-bar", &args)
            )
            .unwrap_or(());
        } else if done == total || last_line.elapsed().as_secs() >= 1 {
            // Plain lines for logs: at most one a second.
            writeln!(err, "{}", say(lang, "collate-progress", &args)).unwrap_or(());
            last_line = std::time::Instant::now();
        }
    };
    let summary =
        crate::collate::collate(&mut cdb, paths, &catalog, &keys, &now_text(), &mut progress)?;
    let mut err = io::stderr().lock();
    if tty {
        writeln!(err)?;
    }
    for q in cdb.quarantined()? {
        // The kind is a key the database stores, named per language; the reason is kept
        // as words too (in English as it was stored, and so for rows from before words).
        let kind = crate::i18n::lookup(
            lang,
            &format!("quarantine-kind-{}", q.kind.replace(' ', "-")),
            &[],
        )
        .unwrap_or_else(|| q.kind.clone());
        writeln!(
            err,
            "{}",
            say(
                lang,
                "collate-quarantined",
                &[
                    ("kind", show(&kind).into()),
                    ("reason", show(q.reason_in(lang)).into())
                ]
            )
        )?;
    }
    let conflicts = cdb.conflicts()?;
    let open = conflicts.iter().filter(|c| c.winner.is_none()).count();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{}{}",
        summary_words(lang, &summary),
        say(
            lang,
            "collate-took",
            &[("seconds", seconds(lang, started.elapsed()).into())]
        )
    )?;
    if open > 0 {
        writeln!(
            out,
            "{}",
            say(
                lang,
                "collate-conflicts",
                &[("open", open.into()), ("db", show(db.display()).into())]
            )
        )?;
    }
    Ok(if summary.quarantined > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// What a collation did, in words: the domain counts, the command line says them.
pub(super) fn summary_words(lang: UiLang, s: &crate::collate::Summary) -> String {
    let mut line = say(
        lang,
        "collate-summary",
        &[
            ("files", s.files.into()),
            ("new", s.new.into()),
            ("updated", s.updated.into()),
            ("duplicate", s.duplicate.into()),
            ("conflicting", s.conflicting.into()),
            ("quarantined", s.quarantined.into()),
        ],
    );
    if s.attempts > 0 {
        line.push_str(&say(
            lang,
            "collate-summary-attempts",
            &[("attempts", s.attempts.into())],
        ));
    }
    let c = &s.cleared;
    if c.total() > 0 {
        let parts: Vec<String> = [
            (c.imported, "collate-cleared-imported"),
            (c.gone, "collate-cleared-gone"),
            (c.readable, "collate-cleared-readable"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, id)| say(lang, id, &[("n", n.into())]))
        .collect();
        line.push_str(&say(
            lang,
            "collate-summary-cleared",
            &[("parts", parts.join(", ").into())],
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collate::{Cleared, Summary};

    #[test]
    fn the_english_summary_is_the_one_collate_always_printed() {
        let cases = [
            Summary::default(),
            Summary {
                files: 12_500,
                new: 1,
                updated: 2,
                duplicate: 3,
                conflicting: 4,
                quarantined: 5,
                attempts: 1,
                cleared: Cleared {
                    imported: 2,
                    gone: 1,
                    readable: 1,
                },
            },
            Summary {
                files: 1,
                cleared: Cleared {
                    readable: 2,
                    ..Cleared::default()
                },
                ..Summary::default()
            },
        ];
        for s in cases {
            assert_eq!(summary_words(UiLang::En, &s), s.to_string());
        }
    }

    #[test]
    fn the_french_summary_agrees_in_number() {
        let s = Summary {
            files: 1,
            new: 1,
            attempts: 2,
            cleared: Cleared {
                gone: 1,
                ..Cleared::default()
            },
            ..Summary::default()
        };
        assert_eq!(
            summary_words(UiLang::Fr, &s),
            "1 fichier\u{a0}: 1 nouveau, 0 mis à jour, 0 déjà présent, 0 en conflit, 0 en quarantaine\u{a0}; 2 tentatives d'appel\u{a0}; sortis de quarantaine\u{a0}: 1 introuvable désormais"
        );
    }
}
