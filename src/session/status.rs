//! The session status machine: draft → in progress → completed, and reopening a completed
//! session (which starts a new revision). Anything else is refused, not ignored.

use std::fmt;

/// `as_str`/`parse` give the stored name (`in_progress`, from strum); `Display` the
/// human one (`in progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Created with its call; nothing recorded yet. Only drafts can be deleted.
    Draft,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// Any change to answers, notes, participants.
    Edit,
    Complete,
    Reopen,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(*.from, *.event))]
pub struct IllegalTransition {
    pub from: Status,
    pub event: Event,
}

fn describe(from: Status, event: Event) -> String {
    match (from, event) {
        (Status::Completed, Event::Edit) => {
            "this session is completed; reopen it (a new revision) to change it".into()
        }
        (Status::Completed, Event::Complete) => "this session is already completed".into(),
        (_, Event::Reopen) => "only a completed session can be reopened".into(),
        (_, Event::Delete) => {
            "only a draft (nothing recorded yet) can be deleted; this session holds answers".into()
        }
        (Status::Draft, Event::Complete) => {
            "a session with nothing recorded cannot be completed".into()
        }
        (from, event) => format!("{event:?} is not allowed on a {from} session"),
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Status> {
        s.parse().ok()
    }

    /// The status after `event`, or why it is not allowed. `Delete` yields the same status:
    /// the caller removes the session.
    pub fn apply(self, event: Event) -> Result<Status, IllegalTransition> {
        use Event::*;
        use Status::*;
        match (self, event) {
            (Draft | InProgress, Edit) => Ok(InProgress),
            (InProgress, Complete) => Ok(Completed),
            (Completed, Reopen) => Ok(InProgress),
            (Draft, Delete) => Ok(Draft),
            (from, event) => Err(IllegalTransition { from, event }),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The stored name with spaces: a second list of names could drift from the first.
        f.write_str(&self.as_str().replace('_', " "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            Just(Event::Edit),
            Just(Event::Complete),
            Just(Event::Reopen),
            Just(Event::Delete)
        ]
    }

    /// The table of legal moves, written out independently of `apply`.
    fn legal(from: Status, e: Event) -> Option<Status> {
        let table = [
            (Status::Draft, Event::Edit, Status::InProgress),
            (Status::InProgress, Event::Edit, Status::InProgress),
            (Status::InProgress, Event::Complete, Status::Completed),
            (Status::Completed, Event::Reopen, Status::InProgress),
            (Status::Draft, Event::Delete, Status::Draft),
        ];
        table
            .iter()
            .find(|(f, ev, _)| *f == from && *ev == e)
            .map(|(_, _, to)| *to)
    }

    proptest! {
        #[test]
        fn only_legal_transitions_are_accepted(events in proptest::collection::vec(event(), 0..40)) {
            let mut s = Status::Draft;
            let mut left_draft = false;
            for e in events {
                match (s.apply(e), legal(s, e)) {
                    (Ok(next), Some(want)) => {
                        prop_assert_eq!(next, want);
                        s = next;
                        left_draft |= s != Status::Draft;
                        // Once anything was recorded, a session never becomes a draft again.
                        prop_assert!(!(left_draft && s == Status::Draft));
                    }
                    (Err(err), None) => {
                        prop_assert_eq!(err.from, s);
                        prop_assert!(!err.to_string().is_empty());
                    }
                    (got, want) => prop_assert!(false, "{s:?} --{e:?}--> {got:?}, table says {want:?}"),
                }
            }
        }
    }

    #[test]
    fn stored_and_shown_names() {
        assert_eq!(Status::InProgress.as_str(), "in_progress");
        assert_eq!(Status::InProgress.to_string(), "in progress");
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("in progress"), None);
        assert_eq!(Status::parse("Completed"), None);
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = Status::Completed.apply(Event::Edit).unwrap_err();
        assert_eq!(
            e.to_string(),
            "this session is completed; reopen it (a new revision) to change it"
        );
        let e = Status::InProgress.apply(Event::Delete).unwrap_err();
        assert!(e.to_string().starts_with("only a draft"));
    }
}
