//! Attempt files from several interviewers, collated in any order and in any split across
//! runs, give the same campaign: the same attempts, the same state for each target, the
//! same coverage. Two interviewers logging the same target both count.

use std::path::Path;

use proptest::prelude::*;
use stocktake::campaign::{
    Attempt, Outcome, Rules, coverage, parse_campaign, plan, render_attempt,
};
use stocktake::collate::{CollationDb, Keys, collate};
use stocktake::guide::Catalog;

const CAMPAIGN: &str = "response,structure\nSouth Sudan,protection_cluster\nSouth Sudan,cp_aor\nIraq,gbv_aor\nMali,protection_cluster\n";
const TARGETS: [&str; 4] = [
    "south-sudan/protection_cluster",
    "south-sudan/cp_aor",
    "iraq/gbv_aor",
    "mali/protection_cluster",
];

fn attempt(i: usize, target: usize, outcome: usize, hour: i64, who: usize) -> Attempt {
    let outcome = Outcome::ALL[outcome % Outcome::ALL.len()];
    let at = jiff::Timestamp::from_second(1_521_018_000 + hour * 3600).expect("time");
    Attempt {
        // Deterministic ULIDs: the same case always writes the same files.
        id: ulid::Ulid::from_parts(1_521_018_000_000 + i as u64, i as u128).to_string(),
        target: TARGETS[target % TARGETS.len()].to_string(),
        at,
        outcome,
        callback: (outcome == Outcome::Callback).then(|| {
            at.checked_add(jiff::SignedDuration::from_hours(5))
                .expect("time")
        }),
        note: String::new(),
        interviewer: ["amina", "bea"][who % 2].to_string(),
        sessions: Vec::new(),
    }
}

fn write(dir: &Path, attempts: &[Attempt]) {
    std::fs::create_dir_all(dir).expect("dir");
    for a in attempts {
        std::fs::write(
            dir.join(stocktake::campaign::attempt_file_name(a)),
            render_attempt(a),
        )
        .expect("write");
    }
}

/// Collate `runs` (folders) one after another into a new database; what it then says.
fn campaign_after(db: &Path, runs: &[&Path]) -> (Vec<Attempt>, String) {
    let mut cdb = CollationDb::open(db).expect("db");
    for run in runs {
        collate(
            &mut cdb,
            &[run.to_path_buf()],
            &Catalog::bundled(),
            &Keys::default(),
            "2018-03-20T00:00:00Z",
            &mut |_, _, _| {},
        )
        .expect("collate");
    }
    let targets = parse_campaign(CAMPAIGN.as_bytes(), "c.csv").expect("campaign");
    cdb.set_targets(&targets).expect("targets");
    let attempts = cdb.attempts().expect("attempts");
    let now = jiff::Timestamp::from_second(1_521_018_000 + 48 * 3600).expect("time");
    let p = plan(
        &cdb.targets().expect("targets"),
        &attempts,
        &Rules::default(),
        now,
    );
    let c = coverage(&p, &attempts);
    let summary = format!(
        "{:?} {:?} {:?} {:?}",
        p.iter()
            .map(|x| (&x.target.id, x.state, x.next))
            .collect::<Vec<_>>(),
        c.groups,
        c.rate(stocktake::campaign::Rate::Rr1),
        c.attempts
    );
    (attempts, summary)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn attempt_files_merge_the_same_in_any_order(
        cases in proptest::collection::vec((0usize..4, 0usize..10, 0i64..40, 0usize..2), 1..12),
        split in 0usize..12,
    ) {
        let attempts: Vec<Attempt> = cases
            .iter()
            .enumerate()
            .map(|(i, (t, o, h, w))| attempt(i, *t, *o, *h, *w))
            .collect();
        let work = tempfile::tempdir().expect("dir");
        let (a, b) = (work.path().join("amina"), work.path().join("bea"));
        let cut = split.min(attempts.len());
        write(&a, &attempts[..cut]);
        write(&b, &attempts[cut..]);
        // A copy of one interviewer's files in a third place: the same attempts, once.
        let copy = work.path().join("usb");
        write(&copy, &attempts[..cut]);
        let (x, sx) = campaign_after(&work.path().join("x.db"), &[&a, &b]);
        let (y, sy) = campaign_after(&work.path().join("y.db"), &[&b, &copy, &a]);
        prop_assert_eq!(x.len(), attempts.len(), "every attempt counts once");
        prop_assert_eq!(&x, &y);
        prop_assert_eq!(sx, sy);
    }
}

#[test]
fn two_interviewers_logging_the_same_target_both_count_and_the_later_callback_wins() {
    let work = tempfile::tempdir().expect("dir");
    let first = attempt(1, 2, 2, 1, 0);
    let mut later = attempt(2, 2, 2, 3, 1);
    later.callback = Some(jiff::Timestamp::from_second(1_521_018_000 + 30 * 3600).expect("time"));
    write(&work.path().join("a"), std::slice::from_ref(&first));
    write(&work.path().join("b"), std::slice::from_ref(&later));
    let (attempts, _) = campaign_after(
        &work.path().join("c.db"),
        &[&work.path().join("b"), &work.path().join("a")],
    );
    assert_eq!(attempts.len(), 2);
    let now = jiff::Timestamp::from_second(1_521_018_000 + 4 * 3600).expect("time");
    let targets = parse_campaign(CAMPAIGN.as_bytes(), "c.csv").expect("campaign");
    let p = plan(&targets, &attempts, &Rules::default(), now);
    let iraq = p
        .iter()
        .find(|x| x.target.id == "iraq/gbv_aor")
        .expect("iraq");
    assert_eq!(iraq.attempts, 2);
    assert_eq!(iraq.next, later.callback);
}
