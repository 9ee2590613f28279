//! `stocktake plan` through the real binary: a campaign imported from a spreadsheet's CSV,
//! attempts logged, the list of what to do first, the callbacks calendar, attempt files
//! written to the outbox.

use std::path::Path;
use std::process::{Command, Output};

fn stocktake(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .env("STOCKTAKE_DATA_DIR", data)
        .env("STOCKTAKE_CONFIG", data.join("no-config.toml"))
        .env("USER", "amina")
        .env("TZ", "UTC")
        .output()
        .expect("run stocktake")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

const CAMPAIGN: &str = "\u{feff}Response;Structure;Coordinator;Organisation;Contact;Timezone;Language;Region\r\n\
South Sudan;Protection Cluster;Amina Yusuf;UNHCR;+211 912 345 678;Africa/Juba;en;East\r\n\
South Sudan;CP AOR;;UNICEF;pc-ss@example.org\u{1b}[2J;Africa/Juba;en;East\r\n\
Iraq;gbv_aor;Dana;UNFPA;skype:dana.k;Asia/Baghdad;ar en;North\r\n";

#[test]
fn a_campaign_from_import_to_calendar() {
    let data = tempfile::tempdir().expect("data");
    let csv = data.path().join("campaign.csv");
    std::fs::write(&csv, CAMPAIGN).expect("csv");
    let csv_s = csv.display().to_string();
    let o = stocktake(data.path(), &["plan", "import", &csv_s]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        out,
        format!("{csv_s}: 3 target(s): 3 new, 0 updated, 0 unchanged\n")
    );
    // The same file again changes nothing.
    let (out, _) = text(&stocktake(data.path(), &["plan", "import", &csv_s]));
    assert_eq!(
        out,
        format!("{csv_s}: 3 target(s): 0 new, 0 updated, 3 unchanged\n")
    );

    let (out, err) = text(&stocktake(data.path(), &["plan", "list"]));
    assert!(out.starts_with("TARGET"), "{out}{err}");
    assert!(out.contains("south-sudan/cp_aor"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "a contact's escape sequence never reaches the terminal"
    );
    assert!(out.ends_with("0 done, 3 due now, 0 left\n"), "{out}");

    // A callback in the past is refused; one in the future is logged.
    let o = stocktake(
        data.path(),
        &[
            "plan",
            "log",
            "iraq/gbv_aor",
            "--outcome",
            "callback",
            "--at",
            "2030-01-01T09:00:00Z",
            "--callback",
            "2029-12-31T09:00:00Z",
        ],
    );
    assert!(!o.status.success());
    assert!(
        text(&o).1.contains("a callback is in the future"),
        "{}",
        text(&o).1
    );
    let o = stocktake(
        data.path(),
        &[
            "plan",
            "log",
            "iraq/gbv_aor",
            "--outcome",
            "callback",
            "--callback",
            "2099-03-15T07:30:00Z",
            "--note",
            "after the HCT",
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.starts_with("logged: Iraq · GBV AOR: call back (AAPOR 2.21), call back"),
        "{out}"
    );
    assert!(out.contains("(theirs 10:30)"), "Baghdad is UTC+3: {out}");
    let o = stocktake(
        data.path(),
        &["plan", "log", "iraq/gbv", "--outcome", "busy"],
    );
    assert!(
        text(&o)
            .1
            .contains("no target `iraq/gbv` in the campaign (did you mean iraq/gbv_aor?)"),
        "{}",
        text(&o).1
    );
    let o = stocktake(
        data.path(),
        &["plan", "log", "iraq/gbv_aor", "--outcome", "hung_up"],
    );
    assert!(
        text(&o)
            .1
            .contains("unknown outcome `hung_up`; use one of completed, partial"),
        "{}",
        text(&o).1
    );

    let (out, _) = text(&stocktake(data.path(), &["plan", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&out).expect("json");
    let iraq = list
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["target"] == "iraq/gbv_aor")
        .expect("iraq");
    assert_eq!(iraq["status"], "callback");
    assert_eq!(iraq["aapor"], "2.21");
    assert_eq!(iraq["attempts"], 1);

    let ics = data.path().join("callbacks.ics");
    let o = stocktake(
        data.path(),
        &["plan", "calendar", "--out", &ics.display().to_string()],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    let cal = std::fs::read_to_string(&ics).expect("ics");
    assert_eq!(cal.matches("BEGIN:VEVENT").count(), 1);
    assert!(
        cal.contains("DTSTART;TZID=Asia/Baghdad:20990315T103000"),
        "{cal}"
    );

    // Attempts leave with the sessions: one file each, in the outbox.
    let outbox = data.path().join("outbox");
    std::fs::create_dir(&outbox).expect("outbox");
    let o = stocktake(
        data.path(),
        &["sync", "--to", &outbox.display().to_string()],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    let names: Vec<String> = std::fs::read_dir(&outbox)
        .expect("outbox")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("attempt_") && names[0].ends_with(".toml"),
        "{names:?}"
    );
    let bytes = std::fs::read(outbox.join(&names[0])).expect("file");
    let (_, a) = stocktake::campaign::parse_attempt(&bytes, "f").expect("valid attempt file");
    assert_eq!(a.target, "iraq/gbv_aor");

    // A second interviewer takes the first one's attempts into her own Plan: the callback
    // is hers to keep now, and hers never to send again.
    let bea = tempfile::tempdir().expect("bea");
    assert!(
        stocktake(bea.path(), &["plan", "import", &csv_s])
            .status
            .success()
    );
    let folder = outbox.display().to_string();
    let (out, err) = text(&stocktake(bea.path(), &["import", &folder]));
    assert!(
        out.contains(": call attempt imported: iraq/gbv_aor · call back at "),
        "{out}{err}"
    );
    let (out, _) = text(&stocktake(bea.path(), &["import", &folder]));
    assert!(
        out.contains("call attempt already here, nothing changed"),
        "{out}"
    );
    let (out, _) = text(&stocktake(bea.path(), &["plan", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&out).expect("json");
    let iraq = list
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["target"] == "iraq/gbv_aor")
        .expect("iraq");
    assert_eq!(
        (&iraq["status"], &iraq["attempts"]),
        (&"callback".into(), &1.into())
    );
    let hers = bea.path().join("outbox");
    std::fs::create_dir(&hers).expect("outbox");
    let o = stocktake(bea.path(), &["sync", "--to", &hers.display().to_string()]);
    assert!(o.status.success(), "{}", text(&o).1);
    assert_eq!(std::fs::read_dir(&hers).expect("outbox").count(), 0);
}

#[test]
fn a_bad_campaign_row_changes_nothing_and_a_removed_target_with_attempts_is_kept() {
    let data = tempfile::tempdir().expect("data");
    let csv = data.path().join("c.csv");
    std::fs::write(
        &csv,
        "response,structure\nMali,protection_cluster\nMali,cp_aor\n",
    )
    .expect("csv");
    let csv_s = csv.display().to_string();
    assert!(
        stocktake(data.path(), &["plan", "import", &csv_s])
            .status
            .success()
    );
    let o = stocktake(
        data.path(),
        &["plan", "log", "mali/cp_aor", "--outcome", "no_answer"],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    // A bad row: refused whole, with where.
    std::fs::write(
        &csv,
        "response,structure,timezone\nMali,protection_cluster,Mars/Olympus\n",
    )
    .expect("csv");
    let o = stocktake(data.path(), &["plan", "import", &csv_s]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o).1,
        format!(
            "stocktake: {csv_s}:2: unknown time zone `Mars/Olympus`; use an IANA name such as Africa/Juba or Asia/Baghdad\n"
        )
    );
    let (out, _) = text(&stocktake(data.path(), &["plan", "list"]));
    assert!(out.contains("mali/cp_aor"), "nothing changed: {out}");
    // The CP AOR leaves the campaign after an attempt: kept, flagged.
    std::fs::write(&csv, "response,structure\nMali,protection_cluster\n").expect("csv");
    let (out, _) = text(&stocktake(data.path(), &["plan", "import", &csv_s]));
    assert!(
        out.contains("1 target(s) no longer in the file kept"),
        "{out}"
    );
    let (out, _) = text(&stocktake(data.path(), &["plan", "list"]));
    assert!(out.contains("mali/cp_aor (removed)"), "{out}");
}

/// As `stocktake`, with only the locale and the flags choosing the language.
fn stocktake_in(data: &Path, args: &[&str], locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .env("STOCKTAKE_DATA_DIR", data)
        .env("STOCKTAKE_CONFIG", data.join("no-config.toml"))
        .env("USER", "amina")
        .env("TZ", "UTC")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("run stocktake")
}

#[test]
fn the_campaign_in_french_with_the_json_unchanged() {
    let data = tempfile::tempdir().expect("data");
    let csv = data.path().join("campaign.csv");
    std::fs::write(&csv, CAMPAIGN).expect("csv");
    let csv_s = csv.display().to_string();
    let fr = |args: &[&str]| {
        let mut all = vec!["--ui-language", "fr"];
        all.extend_from_slice(args);
        text(&stocktake_in(data.path(), &all, "C.UTF-8"))
    };
    let (out, err) = fr(&["plan", "import", &csv_s]);
    assert_eq!(
        out,
        format!("{csv_s}\u{a0}: 3 cibles\u{a0}: 3 nouvelles, 0 mise à jour, 0 inchangée\n"),
        "{err}"
    );
    let (out, _) = fr(&["plan", "list"]);
    assert!(out.starts_with("CIBLE") && out.contains("ESSAIS"), "{out}");
    assert!(out.contains("à appeler"), "{out}");
    assert!(
        out.ends_with("0 fait, 3 à appeler maintenant, 0 restant\n"),
        "{out}"
    );
    let (out, err) = fr(&[
        "plan",
        "log",
        "iraq/gbv_aor",
        "--outcome",
        "callback",
        "--at",
        "2030-01-01T09:00:00Z",
        "--callback",
        "2030-01-02T09:00:00Z",
    ]);
    assert!(
        out.starts_with("noté\u{a0}: ")
            && out.contains("\u{a0}: à rappeler (AAPOR 2.21)")
            && out.contains(", rappel mer. 02/01 09:00 (là-bas 12:00)"),
        "{out}{err}"
    );
    let (_, err) = text(&stocktake_in(
        data.path(),
        &["plan", "log", "iraq/gbv_aor", "--outcome", "maybe"],
        "fr_FR.UTF-8",
    ));
    assert!(
        err.contains("résultat inconnu `maybe`\u{a0}; utilisez l'un de completed, "),
        "{err}"
    );
    // What a script reads stays in English codes.
    let (json, _) = fr(&["plan", "list", "--json"]);
    assert!(json.contains("\"status\": \"callback\""), "{json}");
}

/// A campaign file's bad rows, a rules file's mistake and a callback time typed wrong are
/// refused in French, each at its place (`FILE:line:`), the typed text as it was typed.
#[test]
fn a_bad_campaign_file_rules_and_callback_time_are_refused_in_french() {
    let data = tempfile::tempdir().expect("data");
    let csv = data.path().join("bad.csv");
    std::fs::write(
        &csv,
        "response,structure,timezone\nIraq,Shelter Cluster,\nIraq,gbv_aor,Mars/Olympus\nYemen,cp_aor,\nYemen,CP AOR,\n,cp_aor,\n",
    )
    .expect("csv");
    let csv_s = csv.display().to_string();
    let fr = |args: &[&str]| {
        let mut all = vec!["--ui-language", "fr"];
        all.extend_from_slice(args);
        stocktake_in(data.path(), &all, "C.UTF-8")
    };
    let o = fr(&["plan", "import", &csv_s]);
    assert!(!o.status.success());
    let (_, err) = text(&o);
    for want in [
        format!("{csv_s}:2: structure inconnue `Shelter Cluster`\u{a0}; utilisez"),
        format!("{csv_s}:3: fuseau horaire inconnu `Mars/Olympus`\u{a0}; utilisez un nom IANA"),
        format!("{csv_s}:5: Yemen · CP AOR est déjà à la ligne 4"),
        format!("{csv_s}:6: pas de réponse (pays) sur cette ligne"),
    ] {
        assert!(err.contains(&want), "{want}\n{err}");
    }
    for english in ["unknown", "already on line", "no response"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    // The same file in English, word for word as before.
    let (_, en) = text(&stocktake_in(
        data.path(),
        &["plan", "import", &csv_s],
        "C.UTF-8",
    ));
    assert!(
        en.contains(&format!("{csv_s}:5: Yemen · CP AOR is already on line 4")),
        "{en}"
    );

    let good = data.path().join("campaign.csv");
    std::fs::write(&good, CAMPAIGN).expect("csv");
    let rules = data.path().join("rules.toml");
    std::fs::write(&rules, "[retry_after]\nnoanswer = \"2h\"\n").expect("rules");
    let rules_s = rules.display().to_string();
    let o = fr(&[
        "plan",
        "import",
        &good.display().to_string(),
        "--rules",
        &rules_s,
    ]);
    assert!(!o.status.success());
    let (_, err) = text(&o);
    assert!(
        err.contains(&format!("{rules_s}:2:1: `noanswer` n'est pas un résultat\u{a0}; utilisez l'un de\u{a0}: completed")),
        "{err}"
    );

    let o = fr(&["plan", "import", &good.display().to_string()]);
    assert!(o.status.success(), "{}", text(&o).1);
    let o = fr(&[
        "plan",
        "log",
        "iraq/gbv_aor",
        "--outcome",
        "callback",
        "--callback",
        "bientôt",
    ]);
    assert!(!o.status.success());
    let (_, err) = text(&o);
    assert!(
        err.contains("`bientôt` n'est pas une heure\u{a0}: tapez +2h"),
        "{err}"
    );
    assert!(!err.contains("is not a time"), "{err}");
}
