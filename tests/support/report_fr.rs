//! A collation of a French-first guide for the report's French tests: the coordinator
//! guide with `languages = ["fr", "en"]` under an id of its own, twelve sessions over four
//! structures with every kind of answer, a campaign, two coders and a summary.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use stocktake::collate::{CellSummary, Coding, CollationDb};
use stocktake::guide::{Catalog, GuideDirs, LoadedGuide, QuestionType, Structure};
use stocktake::interview::{NewCall, plan_call};
use stocktake::session::{Change, Elicited, Participant, Special, Value};

/// The coordinator guide with French first, under an id of its own.
pub const ID: &str = "gpc-attt-coordinateur";

const CAMPAIGN: &str = "response,structure,coordinator,organisation,contact,timezone,language\n\
Réponse 0,protection_cluster,Amina,HCR,amina@example.org,Africa/Bamako,fr\n\
Réponse 0,cp_aor,Ben,UNICEF,ben@example.org,Africa/Bamako,fr\n\
Réponse 9,gbv_aor,Chloé,FNUAP,chloe@example.org,Africa/Bamako,fr\n";

pub fn stocktake(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .output()
        .expect("run stocktake")
}

pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = stocktake(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The bundled coordinator guide with `languages = ["fr", "en"]`, in `dir/guides`.
fn french_first_guide(dir: &Path) -> LoadedGuide {
    let text = super::bundled_text("gpc-attt-coordinator.toml")
        .replacen(
            "id = \"gpc-attt-coordinator\"",
            &format!("id = \"{ID}\""),
            1,
        )
        .replacen(
            "languages = [\"en\", \"fr\"]",
            "languages = [\"fr\", \"en\"]",
            1,
        );
    assert!(text.contains("languages = [\"fr\", \"en\"]"));
    let guides = dir.join("guides");
    std::fs::create_dir_all(&guides).expect("mkdir");
    std::fs::write(guides.join("coordinateur.toml"), text).expect("guide");
    Catalog::discover(&GuideDirs {
        flag: vec![guides],
        ..GuideDirs::default()
    })
    .get(ID)
    .cloned()
    .expect("the French-first guide loads")
}

/// Twelve sessions of the French-first guide over four structures, with every kind of
/// answer, notes, marks of how answers came, a refused consent and a sensitive text;
/// a campaign, two coders' codings and a summary: every part of the report has words.
/// Free texts are French, so English found in a French report is the program's.
pub fn collation(dir: &Path) -> String {
    let g = Arc::new(french_first_guide(dir));
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("mkdir");
    let structures = [
        (Structure::ProtectionCluster, ""),
        (Structure::CpAor, ""),
        (Structure::GbvAor, ""),
        (Structure::Other, "Groupe de travail traite"),
    ];
    for i in 0..12usize {
        let (structure, label) = structures[i % 4];
        let call = NewCall {
            response: format!("Réponse {}", i / 4),
            interviewer: format!("enquêtrice{}", i % 3),
            language: "fr".into(),
            structures: vec![(structure, label.to_string())],
            participants: vec![Participant {
                role: "protection_cluster_coordinator".into(),
                organisation: "HCR".into(),
                name: String::new(),
            }],
            consent: Some(i != 5),
        };
        let now = jiff::Timestamp::from_second(1_521_018_000 + i as i64 * 60).expect("time");
        let Change::CreateCall { mut sessions, .. } =
            plan_call(g.clone(), &call, now).expect("call")
        else {
            panic!("plan_call makes a call")
        };
        let mut s = sessions.remove(0);
        // ULIDs are random: fixed ones, so the snapshot is the same on every run.
        s.id = format!("01M8VZG4{i:018}");
        s.call_id = format!("01M8VZG3{i:018}");
        for (k, q) in g.guide.questions().enumerate() {
            if (i + k) % 7 == 0 && !q.required {
                let sp = [Special::DontKnow, Special::Declined, Special::NotAsked][(i + k) % 3];
                let _ = s.set_special(&g.guide, &q.id, sp, now);
                continue;
            }
            let v = match q.kind {
                QuestionType::Text | QuestionType::LongText => Value::Text(format!(
                    "Séance {i} : le coordinateur décrit le groupe de travail."
                )),
                _ => super::some_value(q, i + k),
            };
            if matches!(&v, Value::Choices(c) if c.is_empty()) {
                continue;
            }
            if s.set_value(&g.guide, &q.id, v, now).is_err() {
                continue;
            }
            if (i + k) % 3 == 0 {
                let _ = s.set_note(&g.guide, &q.id, &format!("Remarque {i}/{k}."), now);
            }
        }
        // Asked again after the definition, and an option volunteered.
        if s.toggle_definition(&g.guide, "tip_is_issue", now).is_ok() {
            let _ = s.set_value(&g.guide, "tip_is_issue", Value::YesNo(i % 2 == 1), now);
        }
        if let Some(first) = s
            .answers
            .get("tip_forms")
            .and_then(|a| a.skip_values())
            .and_then(|v| v.first().cloned())
        {
            let _ = s.set_elicited(
                &g.guide,
                "tip_forms",
                &first,
                Some(Elicited::Volunteered),
                now,
            );
        }
        if i == 2 {
            let _ = s.set_answer_sensitive("tip_activities", true, now);
        }
        s.add_note("Une remarque sur aucune question.", None, &g.guide, now)
            .expect("pad note");
        s.complete(&g.guide, now).expect("complete");
        let name = stocktake::sync::file_name(&s);
        std::fs::write(files.join(name), stocktake::sync::render(&s, &g)).expect("write");
    }
    std::fs::write(dir.join("campaign.csv"), CAMPAIGN).expect("csv");
    let db = dir.join("c.db").display().to_string();
    ok(dir, &["plan", "import", "campaign.csv", "--db", &db]);
    ok(
        dir,
        &["--guides", "guides", "collate", "--db", &db, "files"],
    );
    let cdb = CollationDb::open(Path::new(&db)).expect("db");
    let heads = cdb.heads().expect("heads");
    for (h, coder) in heads.iter().take(3).flat_map(|h| [(h, "ana"), (h, "bea")]) {
        let answers = cdb.answers_of(&h.row.digest).expect("answers");
        let Some((q, a)) = answers.iter().find(|(_, a)| !a.note.is_empty()) else {
            continue;
        };
        let code = if coder == "ana" {
            "lack_of_data"
        } else {
            "government_reluctance"
        };
        cdb.add_coding(&Coding {
            session_id: h.row.session_id.clone(),
            unit: format!("note:{q}"),
            start: 0,
            end: 4,
            code: code.into(),
            coder: coder.into(),
            quote: a.note.chars().take(4).collect(),
            digest: h.row.digest.clone(),
            at: "2026-12-02T10:00:00Z".into(),
        })
        .expect("coding");
    }
    cdb.set_summary(&CellSummary {
        session_id: heads[0].row.session_id.clone(),
        section: "coordination".into(),
        text: "Synthèse : un groupe de travail existe.".into(),
        author: "ana".into(),
        at: "2026-12-02T10:00:00Z".into(),
        digest: heads[0].row.digest.clone(),
    })
    .expect("summary");
    db
}
