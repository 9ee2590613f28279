//! `--help` and clap's errors in French through the real binary; English is clap's own,
//! exactly as the definitions render it.

use std::process::{Command, Output};

use clap::CommandFactory;

const NBSP: char = '\u{a0}';

fn stocktake(args: &[&str], env: &[(&str, &str)]) -> Output {
    // No variable clap shows in the help is set: `[env: X=value]` would differ.
    let mut c = Command::new(env!("CARGO_BIN_EXE_stocktake"));
    c.args(args)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env_remove("STOCKTAKE_DATA_DIR")
        .env_remove("STOCKTAKE_OUTBOX")
        .env_remove("STOCKTAKE_ACCESSIBLE")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run stocktake")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_help_is_french_with_ui_language_fr_and_english_is_clap_own() {
    let fr = stocktake(&["--ui-language", "fr", "--help"], &[]);
    assert_eq!(fr.status.code(), Some(0));
    let out = text(&fr.stdout);
    assert!(
        out.starts_with("Saisir des entretiens semi-directifs"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Utilisation{NBSP}: stocktake [OPTIONS] [COMMANDE]"
        )),
        "{out}"
    );
    assert!(out.contains(&format!("Commandes{NBSP}:\n")), "{out}");
    assert!(out.contains("  report         Écrire le rapport"), "{out}");
    assert!(out.contains("-h, --help"), "{out}");
    assert!(out.contains("Afficher l'aide"), "{out}");
    assert!(
        !out.contains("Print help") && !out.contains("[env:"),
        "{out}"
    );
    // English: what clap renders from the definitions, byte for byte.
    let en = stocktake(&["--help"], &[]);
    assert_eq!(en.status.code(), Some(0));
    let want = stocktake::cli::Cli::command().render_help().to_string();
    assert_eq!(text(&en.stdout), want);
    // The locale says French too, as it does for every other word.
    let locale = stocktake(&["--help"], &[("LANG", "fr_FR.UTF-8")]);
    assert_eq!(text(&locale.stdout), out);
}

#[test]
fn a_subcommands_help_is_french_and_help_report_says_the_same() {
    let fr = stocktake(&["--ui-language", "fr", "report", "--help"], &[]);
    assert_eq!(fr.status.code(), Some(0));
    let out = text(&fr.stdout);
    assert!(out.starts_with("Écrire le rapport"), "{out}");
    assert!(
        out.contains("--out <DOSSIER>             Le dossier où écrire"),
        "{out}"
    );
    // Lines are wrapped as clap wraps them: the words are compared on one line.
    let flat = out.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "[valeurs possibles{NBSP}: section, question] [par défaut{NBSP}: section]"
        )),
        "{out}"
    );
    assert!(
        flat.contains(&format!("[variable{NBSP}: STOCKTAKE_DATA_DIR]")),
        "{out}"
    );
    assert!(
        !flat.contains("possible values") && !flat.contains("Print help"),
        "{out}"
    );
    let again = stocktake(&["--ui-language=fr", "help", "report"], &[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(text(&again.stdout), out);
    let en = stocktake(&["report", "--help"], &[]);
    let mut cli = stocktake::cli::Cli::command();
    cli.build();
    let want = cli
        .find_subcommand_mut("report")
        .expect("report")
        .render_help()
        .to_string();
    assert_eq!(text(&en.stdout), want);
}

#[test]
fn clap_errors_say_what_happened_and_what_to_do_in_french_with_exit_2() {
    let fr = stocktake(&["--ui-language", "fr", "--bogus"], &[]);
    assert_eq!(fr.status.code(), Some(2));
    let err = text(&fr.stderr);
    assert!(
        err.starts_with(&format!(
            "erreur{NBSP}: argument inattendu «{NBSP}--bogus{NBSP}»{NBSP}; vouliez-vous dire «{NBSP}--guides{NBSP}»{NBSP}?\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("essayez «{NBSP}--help{NBSP}»")),
        "{err}"
    );
    let en = stocktake(&["--bogus"], &[]);
    assert_eq!(en.status.code(), Some(2));
    assert!(
        text(&en.stderr).starts_with("error: unexpected argument '--bogus' found"),
        "{}",
        text(&en.stderr)
    );
    for (args, said) in [
        (
            &["reprot"][..],
            "sous-commande inconnue «\u{a0}reprot\u{a0}»",
        ),
        (
            &["report", "--db", "x"][..],
            "ces arguments obligatoires manquent",
        ),
        (
            &["report", "--db", "x", "--out", "y", "--format", "pdf"][..],
            "valeur «\u{a0}pdf\u{a0}» invalide pour «\u{a0}--format <LISTE>\u{a0}»",
        ),
        (&["collate", "--db"][..], "demande une valeur"),
        (
            &["sessions", "extra"][..],
            "argument inattendu «\u{a0}extra\u{a0}»",
        ),
    ] {
        let mut all = vec!["--ui-language", "fr"];
        all.extend(args);
        let out = stocktake(&all, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(said),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A language stocktake does not speak: clap in English, then the usual refusal.
    let de = stocktake(&["--ui-language", "de", "sessions"], &[]);
    assert_eq!(de.status.code(), Some(1));
    assert!(text(&de.stderr).contains("--ui-language `de` is not one stocktake speaks"));
}

/// An argument that is not UTF-8 (a name typed in a Latin-1 terminal) is said in French
/// too, with the usage; English stays clap's own.
#[test]
fn an_argument_that_is_not_utf8_is_refused_in_french() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"Mal\xee");
    let run = |lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_stocktake"))
            .args(["--ui-language", lang, "plan", "log"])
            .arg(bad)
            .args(["--outcome", "busy"])
            .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
            .env_remove("STOCKTAKE_UI_LANGUAGE")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("run stocktake")
    };
    let fr = run("fr");
    assert_eq!(fr.status.code(), Some(2));
    let err = text(&fr.stderr);
    assert!(
        err.starts_with(&format!(
            "erreur{NBSP}: un argument n'est pas du texte UTF-8{NBSP}; tapez-le de nouveau"
        )),
        "{err}"
    );
    assert!(err.contains("stocktake plan log [OPTIONS]"), "{err}");
    let en = text(&run("en").stderr);
    assert!(
        en.starts_with("error: invalid UTF-8 was detected in one or more arguments"),
        "{en}"
    );
}

/// A value our own parser or Rust's refuses gives its reason in French too: a structure
/// that cannot be an id, a --min-cell that is no number. English keeps its words.
#[test]
fn a_refused_value_says_why_in_french() {
    let common = ["report", "--db", "x.db", "--out", "r"];
    let run = |extra: &[&str], fr: bool| {
        let mut all: Vec<&str> = if fr {
            vec!["--ui-language", "fr"]
        } else {
            vec![]
        };
        all.extend(common);
        all.extend(extra);
        let out = stocktake(&all, &[]);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        text(&out.stderr)
    };
    let tail = format!("\nPour en savoir plus, essayez «{NBSP}--help{NBSP}».\n");
    assert_eq!(
        run(&["--structure", "Bad Name"], true),
        format!(
            "erreur{NBSP}: valeur «{NBSP}Bad Name{NBSP}» invalide pour «{NBSP}--structure <ID>{NBSP}»{NBSP}: `Bad Name` n'est pas l'identifiant d'un type de répondant{NBSP}: lettres minuscules, chiffres, _ ou - (protection_cluster, cp_aor, gbv_aor, other, ou l'un de ceux qu'un guide déclare)\n{tail}"
        )
    );
    assert_eq!(
        run(&["--min-cell", "abc"], true),
        format!(
            "erreur{NBSP}: valeur «{NBSP}abc{NBSP}» invalide pour «{NBSP}--min-cell <K>{NBSP}»{NBSP}: ce n'est pas un nombre entier positif\n{tail}"
        )
    );
    assert_eq!(
        run(&["--min-cell", "abc"], false),
        "error: invalid value 'abc' for '--min-cell <K>': invalid digit found in string\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        run(&["--structure", "Bad Name"], false),
        "error: invalid value 'Bad Name' for '--structure <ID>': `Bad Name` is not a respondent type id: lowercase letters, digits, _ or - (protection_cluster, cp_aor, gbv_aor, other, or one a guide declares)\n\nFor more information, try '--help'.\n"
    );
}
