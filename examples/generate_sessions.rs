//! Writes N fully answered session files of the coordinator guide, with notes, into a
//! folder: the input of the collation benchmark and the scale run.
//!
//! cargo run --release --example generate_sessions -- 10000 /tmp/sessions [RECIPIENT]
//!
//! With an age recipient (`stocktake keys new` prints one), each file is encrypted to it
//! and named `….toml.age`, as `stocktake sync` writes them for an encrypting team.

use std::path::PathBuf;

use stocktake::guide::{Catalog, QuestionType, Structure};
use stocktake::interview::{NewCall, plan_call};
use stocktake::session::Change;
use stocktake::session::{Participant, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (
        args.next().and_then(|n| n.parse::<usize>().ok()),
        args.next(),
    ) else {
        eprintln!("usage: generate_sessions N DIR [RECIPIENT]");
        std::process::exit(2);
    };
    let recipient = args.next().map(|r| {
        stocktake::sync::parse_recipient(&r).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        })
    });
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("output folder");
    let catalog = Catalog::bundled();
    let g = std::sync::Arc::new(
        catalog
            .get("gpc-attt-coordinator")
            .expect("bundled guide")
            .clone(),
    );
    let structures = [
        Structure::ProtectionCluster,
        Structure::CpAor,
        Structure::GbvAor,
    ];
    let engagement = [
        "mechanism_in_place",
        "aware_not_discussed",
        "anecdotal_only",
        "not_working_not_aware",
    ];
    for i in 0..n {
        let call = NewCall {
            response: format!("Response {}", i / 3),
            interviewer: format!("interviewer{}", i % 7),
            language: "en".into(),
            structures: vec![(structures[i % 3], String::new())],
            participants: vec![Participant {
                role: "protection_cluster_coordinator".into(),
                organisation: "UNHCR".into(),
                name: String::new(),
            }],
            consent: Some(true),
        };
        let now = jiff::Timestamp::from_second(1_521_018_000 + i as i64).expect("time");
        let Change::CreateCall { mut sessions, .. } =
            plan_call(g.clone(), &call, now).expect("call")
        else {
            unreachable!("plan_call makes a call")
        };
        let mut s = sessions.remove(0);
        for (k, q) in g.guide.questions().enumerate() {
            let v = match q.kind {
                QuestionType::Single if q.id == "tip_engagement" => {
                    Value::Choice(engagement[(i * 7 + k) % 4].into())
                }
                QuestionType::Single => {
                    Value::Choice(q.options[(i + k) % q.options.len()].value.clone())
                }
                QuestionType::Multi => Value::Choices(
                    q.options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| (i + j + k) % 3 == 0)
                        .map(|(_, o)| o.value.clone())
                        .collect(),
                ),
                QuestionType::YesNo => Value::YesNo((i + k) % 2 == 0),
                QuestionType::Number => Value::Number((i % 100) as f64),
                QuestionType::Scale => Value::Scale(q.min.unwrap_or(1.0) as i64),
                QuestionType::Date => Value::Date(jiff::civil::date(2018, 3, 14)),
                QuestionType::Text | QuestionType::LongText => Value::Text(format!(
                    "Session {i}: the coordinator described the working group and its members at length."
                )),
            };
            if !matches!(&v, Value::Choices(c) if c.is_empty()) {
                s.set_value(&g.guide, &q.id, v, now).expect("value");
            }
            s.set_note(
                &g.guide,
                &q.id,
                "Probed further; see the general notes for what was said out of order.",
                now,
            )
            .expect("note");
        }
        s.add_note(
            "Mentions a GBV hotline that records TIP cases.",
            Some("tip_activities"),
            &g.guide,
            now,
        )
        .expect("note");
        s.complete(&g.guide, now).expect("complete");
        let name = stocktake::sync::file_name(&s);
        let text = stocktake::sync::render(&s, &g);
        match &recipient {
            None => std::fs::write(dir.join(name), text).expect("write"),
            Some(r) => std::fs::write(
                dir.join(format!("{name}{}", stocktake::sync::ENCRYPTED_SUFFIX)),
                stocktake::sync::encrypt(&text, std::slice::from_ref(r)).expect("encrypt"),
            )
            .expect("write"),
        }
    }
    eprintln!("wrote {n} session files to {}", dir.display());
}
