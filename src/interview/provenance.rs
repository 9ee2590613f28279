//! How an answer came to be, marked during the call: a chosen option volunteered or
//! prompted (Alt-V, Alt-P), the definition of trafficking explained at this point (Alt-B,
//! keeping the answer so far as the one given before it), and who on the call said an answer
//! or a general note (Alt-W, through the structure's participants). Each is an edit of its
//! own: saved, in the history, undone by Ctrl-Z.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::session::{Answer, Change, Elicited, Field, Speaker, Value};

impl Interview {
    /// The option a mark goes on: the one under the cursor (`at`) when it is ticked in a
    /// multiple choice, else the single choice or yes/no recorded.
    fn marked_option(&self, i: usize, q: &str, at: Option<&str>) -> Result<String, Refusal> {
        let a = self.sessions[i].answers.get(q);
        match a.and_then(|a| a.special.is_none().then_some(a.value.as_ref()).flatten()) {
            Some(Value::Choices(vs)) => match at {
                Some(v) if vs.iter().any(|c| c == v) => Ok(v.to_string()),
                _ => Err(Refusal::NothingChosen),
            },
            Some(v @ (Value::Choice(_) | Value::YesNo(_))) => Ok(v.to_text()),
            _ => Err(Refusal::NothingChosen),
        }
    }

    /// Alt-V / Alt-P: mark the chosen option (`at`, under the cursor in a multiple choice)
    /// `mark`, or take that mark off when it has it. Returns the change and the mark now.
    pub fn toggle_elicited(
        &mut self,
        i: usize,
        q: &str,
        at: Option<&str>,
        mark: Elicited,
        now: Timestamp,
    ) -> Result<(Change, Option<Elicited>, String), Refusal> {
        self.may_edit(i)?;
        let option = self.marked_option(i, q, at)?;
        let current = self.sessions[i]
            .answers
            .get(q)
            .and_then(|a| a.provenance.elicited.get(&option).copied());
        let next = (current != Some(mark)).then_some(mark);
        let change =
            self.edit_provenance(i, q, now, |s, g| s.set_elicited(g, q, &option, next, now))?;
        Ok((change, next, option))
    }

    /// Alt-B: the definition was explained now; again, the mark comes off. Returns the
    /// change and whether it is marked now.
    pub fn toggle_definition(
        &mut self,
        i: usize,
        q: &str,
        now: Timestamp,
    ) -> Result<(Change, bool), Refusal> {
        self.may_edit(i)?;
        let mut marked = false;
        let change = self.edit_provenance(i, q, now, |s, g| {
            marked = s.toggle_definition(g, q, now)?;
            Ok(())
        })?;
        Ok((change, marked))
    }

    fn edit_provenance(
        &mut self,
        i: usize,
        q: &str,
        now: Timestamp,
        f: impl FnOnce(
            &mut crate::session::Session,
            &crate::guide::Guide,
        ) -> Result<(), crate::session::SessionError>,
    ) -> Result<Change, Refusal> {
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        let old = provenance_text(s.answers.get(q));
        f(s, &guide.guide)?;
        let new = provenance_text(s.answers.get(q));
        let change = Change::answer(s, &guide.guide, q, Field::Answer);
        self.remember(i, format!("provenance:{q}"), old, new, now, false);
        Ok(change)
    }

    /// Alt-W on a question: the next participant of this structure said the answer (after
    /// the last, nobody). Returns the change and who it is now.
    pub fn attribute_answer(
        &mut self,
        i: usize,
        q: &str,
        now: Timestamp,
    ) -> Result<(Change, Option<Speaker>), Refusal> {
        self.may_edit(i)?;
        let current = self.sessions[i]
            .answers
            .get(q)
            .and_then(|a| a.said_by.clone());
        let next = self.next_speaker(i, current.as_ref())?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        let old = speaker_text(current.as_ref());
        s.set_said_by(&guide.guide, q, next.clone(), now)?;
        let change = Change::answer(s, &guide.guide, q, Field::Answer);
        self.remember(
            i,
            format!("said_by:{q}"),
            old,
            speaker_text(next.as_ref()),
            now,
            false,
        );
        Ok((change, next))
    }

    /// Alt-W in the notes pad: the next participant said general note `seq`.
    pub fn attribute_note(
        &mut self,
        i: usize,
        seq: u32,
        now: Timestamp,
    ) -> Result<(Change, Option<Speaker>), Refusal> {
        self.may_edit(i)?;
        let current = self.sessions[i]
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .and_then(|n| n.said_by.clone());
        let next = self.next_speaker(i, current.as_ref())?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        s.set_note_said_by(seq, next.clone(), now)?;
        let change = Change::note(s, &guide.guide, seq);
        self.remember(
            i,
            format!("general:{seq}:said_by"),
            speaker_text(current.as_ref()),
            speaker_text(next.as_ref()),
            now,
            false,
        );
        Ok((change, next))
    }

    /// The participant after `current` in this structure's list; nobody after the last.
    fn next_speaker(
        &self,
        i: usize,
        current: Option<&Speaker>,
    ) -> Result<Option<Speaker>, Refusal> {
        let people = &self.sessions[i].participants;
        if people.is_empty() {
            return Err(Refusal::NoOneToAttribute);
        }
        let next = match current.and_then(|c| people.iter().position(|p| c.is(p))) {
            None if current.is_some() => None,
            None => Some(0),
            Some(k) if k + 1 < people.len() => Some(k + 1),
            Some(_) => None,
        };
        Ok(next.map(|k| Speaker::of(&people[k])))
    }
}

/// What the history keeps of an answer's provenance.
pub fn provenance_text(a: Option<&Answer>) -> String {
    a.map(|a| a.provenance.text()).unwrap_or_default()
}

fn speaker_text(s: Option<&Speaker>) -> String {
    s.map(Speaker::text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Structure;
    use crate::interview::test_call;
    use crate::session::{Earlier, Participant};

    fn now() -> Timestamp {
        "2026-12-02T10:00:00Z".parse().expect("time")
    }

    fn person(role: &str, organisation: &str) -> Participant {
        Participant {
            role: role.into(),
            organisation: organisation.into(),
            name: String::new(),
        }
    }

    #[test]
    fn a_mark_goes_on_the_ticked_option_under_the_cursor_and_comes_off_again() {
        let mut iv = test_call(&[Structure::ProtectionCluster]);
        iv.toggle(0, "tip_forms", "forced_labour", now())
            .expect("tick");
        assert_eq!(
            iv.toggle_elicited(
                0,
                "tip_forms",
                Some("sexual_exploitation"),
                Elicited::Volunteered,
                now()
            )
            .map(|r| r.1),
            Err(Refusal::NothingChosen),
            "an option not ticked"
        );
        let (_, mark, option) = iv
            .toggle_elicited(
                0,
                "tip_forms",
                Some("forced_labour"),
                Elicited::Volunteered,
                now(),
            )
            .expect("mark");
        assert_eq!(
            (mark, option.as_str()),
            (Some(Elicited::Volunteered), "forced_labour")
        );
        let (_, mark, _) = iv
            .toggle_elicited(
                0,
                "tip_forms",
                Some("forced_labour"),
                Elicited::Prompted,
                now(),
            )
            .expect("the other mark");
        assert_eq!(mark, Some(Elicited::Prompted), "one or the other");
        let (_, mark, _) = iv
            .toggle_elicited(
                0,
                "tip_forms",
                Some("forced_labour"),
                Elicited::Prompted,
                now(),
            )
            .expect("off");
        assert_eq!(mark, None);
        // Each is one step of undo.
        iv.undo(0, now()).expect("step").expect("undone");
        assert_eq!(
            iv.session(0).answers["tip_forms"].elicited_now(),
            vec![("forced_labour", Elicited::Prompted)]
        );
    }

    #[test]
    fn the_definition_keeps_the_answer_so_far_and_undo_takes_it_back() {
        let mut iv = test_call(&[Structure::CpAor]);
        iv.set_value(0, "tip_is_issue", Value::YesNo(false), now())
            .expect("no");
        let (_, marked) = iv
            .toggle_definition(0, "tip_is_issue", now())
            .expect("mark");
        assert!(marked);
        iv.set_value(0, "tip_is_issue", Value::YesNo(true), now())
            .expect("yes");
        let a = &iv.session(0).answers["tip_is_issue"];
        assert_eq!(a.value, Some(Value::YesNo(true)));
        assert_eq!(
            a.provenance.before_definition,
            Some(Earlier {
                value: Some(Value::YesNo(false)),
                special: None
            })
        );
        // Undo the yes, then the mark: the answer is no again, with no mark.
        iv.undo(0, now()).expect("step").expect("yes undone");
        iv.undo(0, now()).expect("step").expect("mark undone");
        let a = &iv.session(0).answers["tip_is_issue"];
        assert_eq!(a.value, Some(Value::YesNo(false)));
        assert_eq!(a.provenance.before_definition, None);
        iv.redo(0, now()).expect("step").expect("mark redone");
        assert!(
            iv.session(0).answers["tip_is_issue"]
                .provenance
                .before_definition
                .is_some()
        );
    }

    #[test]
    fn alt_a_copies_an_answer_with_who_said_it_and_one_undo_takes_both_back() {
        let mut iv = test_call(&[Structure::ProtectionCluster, Structure::CpAor]);
        iv.sessions[0].participants = vec![person("cp_aor_coordinator", "UNICEF")];
        iv.set_value(0, "tip_is_issue", Value::YesNo(true), now())
            .expect("yes");
        iv.attribute_answer(0, "tip_is_issue", now())
            .expect("said by");
        let (changes, _) = iv.copy_to_call(0, "tip_is_issue", now()).expect("copied");
        assert_eq!(changes.len(), 1);
        let theirs = &iv.session(1).answers["tip_is_issue"];
        assert_eq!(theirs.value, Some(Value::YesNo(true)));
        assert_eq!(
            theirs.said_by.as_ref().map(|s| s.organisation.as_str()),
            Some("UNICEF"),
            "with its attribution"
        );
        iv.undo(1, now()).expect("step").expect("undone");
        assert!(
            !iv.session(1).answers.contains_key("tip_is_issue"),
            "both, at once"
        );
    }

    #[test]
    fn a_note_moved_and_brought_back_keeps_its_mark_its_speaker_and_its_time() {
        let mut iv = test_call(&[Structure::ProtectionCluster, Structure::CpAor]);
        iv.sessions[0].participants = vec![person("ngo", "IRC")];
        let (seq, _) = iv
            .add_note(0, "Call +211 912 345 678", None, now())
            .expect("note");
        iv.set_note_sensitive(0, seq, true, now())
            .expect("sensitive");
        iv.attribute_note(0, seq, now()).expect("said by");
        let before = iv.session(0).notes.clone();
        let later: Timestamp = "2026-12-02T10:05:00Z".parse().expect("time");
        iv.move_note(0, seq, 1, later).expect("moved");
        assert!(iv.session(0).notes.is_empty());
        assert_eq!(iv.session(1).notes[0].said_by, before[0].said_by);
        iv.undo(0, later).expect("step").expect("undone");
        assert_eq!(iv.session(0).notes, before, "whole, as it was");
        iv.undo(1, later).expect("step").expect("undone");
        assert!(iv.session(1).notes.iter().all(|n| n.text.is_empty()));
    }

    #[test]
    fn a_new_note_never_takes_the_number_of_one_moved_away() {
        let mut iv = test_call(&[Structure::ProtectionCluster, Structure::CpAor]);
        let (seq, _) = iv
            .add_note(0, "about the CP AOR", None, now())
            .expect("note");
        iv.move_note(0, seq, 1, now()).expect("moved");
        let (next, _) = iv
            .add_note(0, "about the cluster", None, now())
            .expect("note");
        assert_ne!(next, seq, "its undo would be the moved note's");
        // Undo takes the new note's text away, then brings the moved one back: both kept.
        iv.undo(0, now()).expect("step").expect("undone");
        iv.undo(0, now()).expect("step").expect("undone");
        let texts: Vec<&str> = iv
            .session(0)
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["about the CP AOR", ""]);
    }

    #[test]
    fn clearing_an_answer_with_marks_and_undoing_it_brings_them_back_in_one_step() {
        let mut iv = test_call(&[Structure::ProtectionCluster]);
        iv.sessions[0].participants = vec![person("ngo", "IRC")];
        iv.toggle(0, "tip_forms", "forced_labour", now())
            .expect("tick");
        iv.toggle_elicited(
            0,
            "tip_forms",
            Some("forced_labour"),
            Elicited::Volunteered,
            now(),
        )
        .expect("mark");
        iv.attribute_answer(0, "tip_forms", now()).expect("said by");
        let before = iv.session(0).answers["tip_forms"].clone();
        // Unticking the last option drops the row, marks and speaker with it.
        iv.toggle(0, "tip_forms", "forced_labour", now())
            .expect("untick");
        assert!(!iv.session(0).answers.contains_key("tip_forms"));
        iv.undo(0, now()).expect("step").expect("undone");
        let back = &iv.session(0).answers["tip_forms"];
        assert_eq!(
            (&back.value, &back.provenance, &back.said_by),
            (&before.value, &before.provenance, &before.said_by)
        );
    }

    #[test]
    fn alt_w_goes_through_the_participants_then_nobody() {
        let mut iv = test_call(&[Structure::GbvAor]);
        assert_eq!(
            iv.set_value(0, "tip_is_issue", Value::YesNo(true), now())
                .and_then(|_| iv.attribute_answer(0, "tip_is_issue", now()))
                .map(|r| r.1),
            Err(Refusal::NoOneToAttribute)
        );
        iv.sessions[0].participants = vec![
            Participant {
                role: "gbv_aor_coordinator".into(),
                organisation: "UNFPA".into(),
                name: String::new(),
            },
            Participant {
                role: "ngo".into(),
                organisation: "IRC".into(),
                name: "Sam".into(),
            },
        ];
        let who: Vec<Option<String>> = (0..3)
            .map(|_| {
                iv.attribute_answer(0, "tip_is_issue", now())
                    .expect("attribute")
                    .1
                    .map(|s| s.organisation)
            })
            .collect();
        assert_eq!(who, [Some("UNFPA".into()), Some("IRC".into()), None]);
        iv.undo(0, now()).expect("step").expect("undone");
        assert_eq!(
            iv.session(0).answers["tip_is_issue"]
                .said_by
                .as_ref()
                .map(|s| s.organisation.as_str()),
            Some("IRC")
        );
        let seq = iv
            .add_note(0, "the NGO says so", None, now())
            .expect("note")
            .0;
        let (_, who) = iv.attribute_note(0, seq, now()).expect("note");
        assert_eq!(who.map(|s| s.role), Some("gbv_aor_coordinator".into()));
        iv.undo(0, now()).expect("step").expect("undone");
        assert_eq!(iv.session(0).notes[0].said_by, None);
    }
}
