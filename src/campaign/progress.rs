//! Where each target stands: its attempts in order (by time, then id, so attempts from
//! several interviewers merged in any order give the same answer), the outcome that says
//! most, whether it is done, due now, waiting, or tried as often as the rules allow, and
//! when to call next.

use jiff::Timestamp;

use super::{Attempt, Outcome, Rules, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Nothing more to try (completed, refused, not active).
    Done(Outcome),
    /// A callback whose time has come, or a retry whose wait is over.
    Due,
    /// Never tried.
    NotTried,
    /// Not yet: a callback or a retry later.
    Waiting,
    /// Tried `max_tries` times without an interview.
    Exhausted,
    /// Reached a wrong contact: a new one is needed before another try.
    NeedsContact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub target: Target,
    pub attempts: usize,
    /// The outcome that says most about the target so far (its final disposition).
    pub best: Option<Outcome>,
    /// The most recent attempt's outcome.
    pub last: Option<Outcome>,
    pub state: State,
    /// When to call next: the callback asked for, or when the retry wait ends.
    pub next: Option<Timestamp>,
    /// That time is a callback the respondent asked for (not a retry).
    pub callback: bool,
    /// The attempt that set the pending callback.
    pub callback_attempt: Option<String>,
    pub sessions: Vec<String>,
}

/// Where `target` stands after `attempts` (those of other targets are ignored).
pub fn progress(target: &Target, attempts: &[Attempt], rules: &Rules, now: Timestamp) -> Progress {
    let mut mine: Vec<&Attempt> = attempts.iter().filter(|a| a.target == target.id).collect();
    mine.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let best = mine.iter().map(|a| a.outcome).max_by_key(|o| o.rank());
    let latest = mine.last().copied();
    let mut sessions: Vec<String> = mine.iter().flat_map(|a| a.sessions.clone()).collect();
    sessions.dedup();
    let (mut next, mut callback, mut callback_attempt) = (None, false, None);
    let state = match (best, latest) {
        (_, None) => State::NotTried,
        (Some(b), _) if b.is_final() => State::Done(b),
        (_, Some(last)) => {
            if last.outcome == Outcome::Callback {
                next = last.callback;
                callback = last.callback.is_some();
                callback_attempt = Some(last.id.clone());
            } else if let Some(wait) = rules.retry_after.get(&last.outcome) {
                next = last.at.checked_add(*wait).ok();
            }
            if mine.len() as u32 >= rules.max_tries && !callback {
                State::Exhausted
            } else if last.outcome == Outcome::WrongContact {
                State::NeedsContact
            } else {
                match next {
                    Some(t) if t > now => State::Waiting,
                    _ => State::Due,
                }
            }
        }
    };
    Progress {
        target: target.clone(),
        attempts: mine.len(),
        best,
        last: latest.map(|a| a.outcome),
        state,
        next,
        callback,
        callback_attempt,
        sessions,
    }
}

/// Every target, what to do first at the top: callbacks whose time has come, then other
/// targets due, then those never tried, then the ones waiting (soonest first), then the
/// ones that need a new contact or were tried enough, then those done.
pub fn plan(
    targets: &[Target],
    attempts: &[Attempt],
    rules: &Rules,
    now: Timestamp,
) -> Vec<Progress> {
    let mut all: Vec<Progress> = targets
        .iter()
        .map(|t| progress(t, attempts, rules, now))
        .collect();
    let order = |p: &Progress| match p.state {
        State::Due if p.callback => 0,
        State::Due => 1,
        State::NotTried => 2,
        State::Waiting => 3,
        State::NeedsContact => 4,
        State::Exhausted => 5,
        State::Done(_) => 6,
    };
    // Stable: targets alike stay in the campaign file's order, the author's.
    all.sort_by_key(|p| (order(p), p.next));
    all
}

/// How many targets are done, due now, and left (neither done nor due).
pub fn totals(plan: &[Progress]) -> (usize, usize, usize) {
    let done = plan
        .iter()
        .filter(|p| matches!(p.state, State::Done(_)))
        .count();
    let due = plan
        .iter()
        .filter(|p| matches!(p.state, State::Due | State::NotTried))
        .count();
    (done, due, plan.len() - done - due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Structure;

    fn target(id: &str) -> Target {
        Target {
            id: id.into(),
            response: id.into(),
            structure: Structure::ProtectionCluster,
            structure_label: String::new(),
            coordinator: String::new(),
            organisation: String::new(),
            contact: String::new(),
            timezone: None,
            languages: Vec::new(),
            notes: Default::default(),
            removed: false,
        }
    }

    fn at(h: i64) -> Timestamp {
        Timestamp::from_second(1_521_018_000 + h * 3600).expect("time")
    }

    fn attempt(id: &str, t: &str, h: i64, outcome: Outcome, callback: Option<i64>) -> Attempt {
        Attempt {
            id: id.into(),
            target: t.into(),
            at: at(h),
            outcome,
            callback: callback.map(at),
            note: String::new(),
            interviewer: "amina".into(),
            sessions: Vec::new(),
        }
    }

    #[test]
    fn no_answer_waits_four_hours_then_is_due() {
        let t = target("a");
        let tries = [attempt("1", "a", 0, Outcome::NoAnswer, None)];
        let p = progress(&t, &tries, &Rules::default(), at(1));
        assert_eq!((p.state, p.next), (State::Waiting, Some(at(4))));
        let p = progress(&t, &tries, &Rules::default(), at(5));
        assert_eq!(p.state, State::Due);
    }

    #[test]
    fn the_later_callback_wins_whatever_order_attempts_arrive_in() {
        let t = target("a");
        let mut tries = vec![
            attempt("1", "a", 0, Outcome::Callback, Some(10)),
            attempt("2", "a", 2, Outcome::Callback, Some(30)),
        ];
        let p = progress(&t, &tries, &Rules::default(), at(3));
        assert_eq!(
            (p.state, p.next, p.callback),
            (State::Waiting, Some(at(30)), true)
        );
        tries.reverse();
        assert_eq!(
            progress(&t, &tries, &Rules::default(), at(3)).next,
            Some(at(30))
        );
    }

    #[test]
    fn an_interview_is_final_and_enough_tries_end_the_others() {
        let rules = Rules {
            max_tries: 2,
            ..Rules::default()
        };
        let done = [
            attempt("1", "a", 0, Outcome::NoAnswer, None),
            attempt("2", "a", 5, Outcome::Completed, None),
        ];
        let p = progress(&target("a"), &done, &rules, at(6));
        assert_eq!(p.state, State::Done(Outcome::Completed));
        let tried = [
            attempt("1", "b", 0, Outcome::NoAnswer, None),
            attempt("2", "b", 5, Outcome::Busy, None),
        ];
        assert_eq!(
            progress(&target("b"), &tried, &rules, at(9)).state,
            State::Exhausted
        );
    }

    #[test]
    fn callbacks_due_come_first_then_never_tried() {
        let targets = [target("a"), target("b"), target("c")];
        let tries = [
            attempt("1", "a", 0, Outcome::NoAnswer, None),
            attempt("2", "c", 0, Outcome::Callback, Some(1)),
        ];
        let order: Vec<String> = plan(&targets, &tries, &Rules::default(), at(2))
            .into_iter()
            .map(|p| p.target.id)
            .collect();
        assert_eq!(order, ["c", "b", "a"]);
        assert_eq!(
            totals(&plan(&targets, &tries, &Rules::default(), at(2))),
            (0, 2, 1)
        );
    }
}
