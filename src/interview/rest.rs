//! "Mark the rest not asked": the coordinator dropped off, or time ran out. Every
//! question shown from here to the end of the section (or of the guide) that has no
//! answer yet is recorded as not asked, in one change and one undo step. Required
//! questions are left open: they need a real answer (the interviewer's classification is
//! made after the call, whoever dropped off).

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::session::{Change, Field, Special};

/// How far "the rest" reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    Section,
    Guide,
}

impl Interview {
    /// Guide-order indices of the questions `mark_rest` would mark in session `i` from
    /// question `from` (itself included): shown, not required, and with no answer or
    /// status yet.
    pub fn rest_open(&self, i: usize, from: usize, rest: Rest) -> Vec<usize> {
        let s = &self.sessions[i];
        let section = self.section_of(from);
        self.visible(i)
            .into_iter()
            .filter(|&n| n >= from)
            .filter(|&n| rest == Rest::Guide || self.section_of(n) == section)
            .filter(|&n| !self.question(n).required)
            .filter(|&n| {
                !s.answers
                    .get(&self.question(n).id)
                    .is_some_and(|a| a.is_settled())
            })
            .collect()
    }

    /// Record every question of [`Interview::rest_open`] as not asked: one
    /// [`Change::Answers`], one undo step. `None` when there is nothing to mark.
    pub fn mark_rest(
        &mut self,
        i: usize,
        from: usize,
        rest: Rest,
        now: Timestamp,
    ) -> Result<Option<Change>, Refusal> {
        self.may_edit(i)?;
        let open = self.rest_open(i, from, rest);
        if open.is_empty() {
            return Ok(None);
        }
        let ids: Vec<String> = open.iter().map(|&n| self.question(n).id.clone()).collect();
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        let mut changes = Vec::new();
        let mut steps = Vec::new();
        for q in &ids {
            let old = super::field_text(s.answers.get(q), Field::Answer);
            s.set_special(&guide.guide, q, Special::NotAsked, now)?;
            let new = super::field_text(s.answers.get(q), Field::Answer);
            changes.push(Change::answer(s, &guide.guide, q, Field::Answer));
            steps.push((format!("answer:{q}"), old, new));
        }
        let session = s.id.clone();
        if !self.replaying
            && let Some(h) = self.histories.get_mut(i)
        {
            h.record_group(steps, now);
        }
        Ok(Some(Change::Answers { session, changes }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Structure;
    use crate::session::Value;

    fn interview() -> Interview {
        crate::interview::test_call(&[Structure::GbvAor])
    }

    fn special(iv: &Interview, q: &str) -> Option<Special> {
        iv.sessions[0].answers.get(q).and_then(|a| a.special)
    }

    #[test]
    fn the_rest_of_a_section_is_marked_in_one_change_and_undone_in_one_step() {
        let mut iv = interview();
        let t = Timestamp::UNIX_EPOCH;
        let start = iv.index_of("tip_mechanism").expect("q");
        let planning = iv.index_of("planning_documents").expect("q");
        iv.set_value(0, "tip_mechanism", Value::Choice("none".into()), t)
            .expect("answer");
        iv.set_note(0, "planning_documents", "HRP draft only", t)
            .expect("note");
        let open = iv.rest_open(0, start, Rest::Section);
        assert!(!open.contains(&start), "answered: kept");
        assert!(open.contains(&planning), "a note is not an answer");
        // Shown only: the follow-ups of "other efforts known" and "parallel systems" are not.
        assert_eq!(open.len(), 7, "{open:?}");
        let Some(Change::Answers { changes, .. }) =
            iv.mark_rest(0, start, Rest::Section, t).expect("marked")
        else {
            panic!("one change of several answers");
        };
        assert_eq!(changes.len(), 7);
        assert_eq!(special(&iv, "planning_documents"), Some(Special::NotAsked));
        assert_eq!(
            iv.sessions[0].answers["planning_documents"].note,
            "HRP draft only"
        );
        assert_eq!(
            iv.sessions[0].answers["tip_mechanism"].value,
            Some(Value::Choice("none".into()))
        );
        assert_eq!(
            special(&iv, "tip_activities"),
            None,
            "the next section is not"
        );
        assert_eq!(iv.mark_rest(0, start, Rest::Section, t), Ok(None));
        // One undo takes all seven back; one redo marks them again.
        let u = iv.undo(0, t).expect("undo").expect("undone");
        assert!(matches!(u.change, Change::Answers { ref changes, .. } if changes.len() == 7));
        assert_eq!(special(&iv, "planning_documents"), None);
        assert_eq!(special(&iv, "authorities_reluctant"), None);
        assert_eq!(
            iv.sessions[0].answers["tip_mechanism"].value,
            Some(Value::Choice("none".into())),
            "what was answered before stays"
        );
        iv.redo(0, t).expect("redo").expect("redone");
        assert_eq!(
            special(&iv, "authorities_reluctant"),
            Some(Special::NotAsked)
        );
    }

    #[test]
    fn the_rest_of_the_guide_reaches_the_end_but_leaves_required_questions() {
        let mut iv = interview();
        let t = Timestamp::UNIX_EPOCH;
        let from = iv.index_of("challenges").expect("q");
        iv.mark_rest(0, from, Rest::Guide, t).expect("marked");
        assert_eq!(special(&iv, "limitations"), Some(Special::NotAsked));
        assert_eq!(
            special(&iv, "tip_engagement"),
            None,
            "required: the classification is still to be made"
        );
        assert_eq!(special(&iv, "baseline"), None, "before it: untouched");
    }
}
