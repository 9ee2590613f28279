//! Helpers shared by the integration tests: a controllable clock, the bundled guides, and
//! a call made the way the new-call screen makes one.
#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;
use stocktake::guide::{Catalog, LoadedGuide, Structure};
use stocktake::interview::{NewCall, plan_call};
use stocktake::session::{Call, Change, Participant, Session};
use stocktake::store::{Clock, Store, StoreError};

/// A clock that stands still until told to move, starting at 2018-03-14T09:00:00Z.
pub struct TestClock(pub Arc<AtomicI64>);

impl TestClock {
    pub fn new() -> (TestClock, Clock) {
        let secs = Arc::new(AtomicI64::new(1_521_018_000));
        let c = secs.clone();
        let clock: Clock =
            Arc::new(move || Timestamp::from_second(c.load(Ordering::SeqCst)).expect("valid time"));
        (TestClock(secs), clock)
    }

    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }

    pub fn now(&self) -> Timestamp {
        Timestamp::from_second(self.0.load(Ordering::SeqCst)).expect("valid time")
    }
}

pub fn guide(id: &str) -> LoadedGuide {
    Catalog::bundled()
        .get(id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} is bundled"))
}

/// The text of a bundled guide file, by its name (`tip-indicators-labour.toml`).
pub fn bundled_text(name: &str) -> &'static str {
    stocktake::guide::BUNDLED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("{name} is bundled"))
}

/// The bundled guide a session or file was made with: by its digest, whichever version.
pub fn guide_of(r: &stocktake::session::GuideRef) -> LoadedGuide {
    Catalog::bundled()
        .by_digest(&r.digest)
        .cloned()
        .unwrap_or_else(|| panic!("{} version {} is bundled", r.id, r.version))
}

/// Version 1 of the coordinator guide, retired and still bundled: to make what a file of
/// an older version holds.
pub fn coordinator_v1() -> LoadedGuide {
    let text = bundled_text("retired/gpc-attt-coordinator-1.toml");
    Catalog::bundled()
        .all
        .iter()
        .find(|g| g.source == text)
        .cloned()
        .expect("version 1 is bundled")
}

pub fn coordinator() -> LoadedGuide {
    guide("gpc-attt-coordinator")
}

pub fn new_call(structures: &[Structure]) -> NewCall {
    NewCall {
        response: "South Sudan".into(),
        interviewer: "amina".into(),
        language: "en".into(),
        structures: structures.iter().map(|s| (*s, String::new())).collect(),
        participants: vec![Participant {
            role: "protection_cluster_coordinator".into(),
            organisation: "UNHCR".into(),
            name: String::new(),
        }],
        consent: Some(true),
    }
}

/// Create a call the way the new-call screen does: planned by the interview, applied by
/// the store in one transaction, its sessions held for editing.
pub fn create_call(
    store: &mut Store,
    g: &LoadedGuide,
    call: &NewCall,
) -> Result<(Call, Vec<Session>), StoreError> {
    let change = plan_call(Arc::new(g.clone()), call, store.now())?;
    store.apply(&change)?;
    match change {
        Change::CreateCall { call, sessions, .. } => Ok((call, sessions)),
        other => panic!("plan_call made {other:?}"),
    }
}

/// Add a structure that joined the call of `like` late, as the interview screen does.
pub fn add_session(
    store: &mut Store,
    g: &LoadedGuide,
    like: &Session,
    structure: Structure,
    label: &str,
) -> Result<Session, StoreError> {
    let call = store.load_call(&like.call_id)?;
    let iv =
        stocktake::interview::Interview::new(call, Arc::new(g.clone()), vec![like.clone()], None);
    let change = iv
        .add_structure(0, structure, label, None, store.now())
        .unwrap_or_else(|e| panic!("refused: {e}"));
    store.apply(&change)?;
    match change {
        Change::AddSession { session, .. } => Ok(session),
        other => panic!("add_structure made {other:?}"),
    }
}

/// A store with one call of one protection-cluster session, locked for editing.
pub fn store_with_session() -> (Store, TestClock, LoadedGuide, Session) {
    let (tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("in-memory store");
    let g = coordinator();
    let (_, mut sessions) = create_call(&mut store, &g, &new_call(&[Structure::ProtectionCluster]))
        .expect("create call");
    let s = sessions.remove(0);
    (store, tc, g, s)
}

/// A session of the coordinator guide answered enough to complete, completed, and frozen
/// as its revision file, the way the interview screen does it.
pub fn completed_session(
    store: &mut Store,
    response: &str,
    structure: Structure,
    engagement: &str,
) -> Session {
    use stocktake::session::Value;
    let g = coordinator();
    let mut call = new_call(&[structure]);
    call.response = response.to_string();
    let (_, mut sessions) = create_call(store, &g, &call).expect("call");
    let mut s = sessions.remove(0);
    let now = store.now();
    s.set_value(&g.guide, "consent", Value::YesNo(true), now)
        .expect("consent");
    s.set_value(
        &g.guide,
        "tip_engagement",
        Value::Choice(engagement.into()),
        now,
    )
    .expect("classification");
    s.set_note(&g.guide, "tip_engagement", "Discussed at length.", now)
        .expect("note");
    s.complete(&g.guide, now).expect("complete");
    let file = stocktake::interview::freeze(&s, &g);
    store
        .apply(&Change::complete(&s, &g.guide, file))
        .expect("frozen");
    s
}

/// Session files as interviewers would send them, built in memory.
pub mod files {
    use super::*;
    use stocktake::guide::Digest;
    use stocktake::session::{Session, Value};

    pub struct Factory {
        pub store: Store,
        pub clock: TestClock,
    }

    impl Factory {
        pub fn new() -> Factory {
            let (clock, c) = TestClock::new();
            Factory {
                store: Store::open_in_memory(c).expect("store"),
                clock,
            }
        }

        /// A completed first revision classified as `engagement`.
        pub fn session(
            &mut self,
            response: &str,
            structure: Structure,
            engagement: &str,
        ) -> Session {
            self.clock.advance(60);
            completed_session(&mut self.store, response, structure, engagement)
        }

        /// The next revision of a completed session, changed by `edit`.
        pub fn revise(
            &mut self,
            s: &Session,
            edit: impl FnOnce(&mut Session, &stocktake::guide::Guide, jiff::Timestamp),
        ) -> Session {
            let g = coordinator();
            self.clock.advance(60);
            let now = self.clock.now();
            let mut next = s.clone();
            let parent = stocktake::sync::revision_digest(s, &g);
            next.reopen(parent, now).expect("reopen");
            edit(&mut next, &g.guide, now);
            next.complete(&g.guide, now).expect("complete");
            next
        }
    }

    /// A v2 file's body claiming v1, under a digest that matches it: only the format is
    /// wrong, so a reader's refusal can only be about the keys v1 does not have.
    pub fn claiming_v1(v2_text: &str) -> Vec<u8> {
        let body = v2_text
            .split_once('\n')
            .expect("digest line")
            .1
            .replace("stocktake.session.v2", "stocktake.session.v1");
        let digest = Digest::of(body.as_bytes());
        format!("digest = \"{digest}\"\n{body}").into_bytes()
    }

    pub fn bytes(s: &Session) -> Vec<u8> {
        stocktake::sync::render(s, &coordinator())
    }

    pub fn digest(s: &Session) -> Digest {
        stocktake::sync::revision_digest(s, &coordinator())
    }

    pub fn classify(
        engagement: &str,
    ) -> impl FnOnce(&mut Session, &stocktake::guide::Guide, jiff::Timestamp) + '_ {
        move |s, g, now| {
            s.set_value(g, "tip_engagement", Value::Choice(engagement.into()), now)
                .expect("edit");
        }
    }
}

/// A value question `q` accepts, chosen by `v`: texts with quotes and newlines, negative and
/// fractional numbers, so round trips exercise escaping.
pub fn some_value(q: &stocktake::guide::Question, v: usize) -> stocktake::session::Value {
    use stocktake::guide::QuestionType;
    use stocktake::session::Value;
    let opts: Vec<String> = q.options.iter().map(|o| o.value.clone()).collect();
    match q.kind {
        QuestionType::Single => Value::Choice(opts[v % opts.len()].clone()),
        QuestionType::Multi => Value::Choices(
            opts.iter()
                .enumerate()
                .filter(|(i, _)| (v >> i) & 1 == 1)
                .map(|(_, o)| o.clone())
                .collect(),
        ),
        QuestionType::YesNo => Value::YesNo(v.is_multiple_of(2)),
        QuestionType::Text | QuestionType::LongText => Value::Text(format!("answer \"{v}\"\nline")),
        QuestionType::Number => Value::Number((v % 100_000) as f64 / 8.0 - 50.0),
        QuestionType::Date => Value::Date(jiff::civil::date(
            2018,
            1 + (v % 12) as i8,
            1 + (v % 28) as i8,
        )),
        QuestionType::Scale => Value::Scale(q.min.unwrap_or(1.0) as i64),
    }
}
pub mod report_fr;
pub mod tmux;
