//! The intents that change a session: each checks who may edit, changes the session
//! through its validating methods, and returns the change that saves exactly that.

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::guide::QuestionType;
use crate::session::{Change, Field, Position, Special, Status, Value, parse_typed};

/// What was typed into an answer's own text field.
// Made once per key and matched at once: boxing the change would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// Saved as the answer (or cleared, when the field is empty).
    Saved(Change),
    /// Not a value the question takes (a word in a number field): the last valid value
    /// stays until this one is.
    Invalid(crate::session::AnswerError),
}

impl Interview {
    fn edit_answer(
        &mut self,
        i: usize,
        q: &str,
        field: Field,
        now: Timestamp,
        f: impl FnOnce(
            &mut crate::session::Session,
            &crate::guide::Guide,
        ) -> Result<(), crate::session::SessionError>,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let before = s.answers.get(q).cloned();
        let old = super::field_text(s.answers.get(q), field);
        f(s, guide)?;
        let new = super::field_text(s.answers.get(q), field);
        let change = Change::answer(s, guide, q, field);
        let target = format!("{}:{q}", field.as_str());
        self.remember(i, target, old, new, now, change.is_typing());
        if field == Field::Answer {
            self.share_call_level(i, q, before.as_ref(), now);
        }
        Ok(change)
    }

    pub fn set_value(
        &mut self,
        i: usize,
        q: &str,
        value: Value,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| {
            s.set_value(g, q, value, now)
        })
    }

    pub fn set_special(
        &mut self,
        i: usize,
        q: &str,
        special: Special,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| {
            s.set_special(g, q, special, now)
        })
    }

    pub fn clear_answer(&mut self, i: usize, q: &str, now: Timestamp) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Answer, now, |s, g| s.clear_answer(g, q, now))
    }

    /// Tick or untick option `value` of a multiple choice; unticking the last one clears
    /// the answer.
    pub fn toggle(
        &mut self,
        i: usize,
        q: &str,
        value: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        let mut ticked = match self.sessions[i]
            .answers
            .get(q)
            .and_then(|a| a.value.clone())
        {
            Some(Value::Choices(vs)) => vs,
            _ => Vec::new(),
        };
        let exclusive = |v: &str| {
            self.guide
                .guide
                .question(q)
                .and_then(|x| x.option(v))
                .is_some_and(|o| o.exclusive)
        };
        match ticked.iter().position(|v| v == value) {
            Some(at) => {
                ticked.remove(at);
            }
            // "None" clears the others; any other clears "None".
            None if exclusive(value) => ticked = vec![value.to_string()],
            None => {
                ticked.retain(|v| !exclusive(v));
                ticked.push(value.to_string());
            }
        }
        if ticked.is_empty() {
            self.clear_answer(i, q, now)
        } else {
            self.set_value(i, q, Value::Choices(ticked), now)
        }
    }

    /// The text of an answer's own field (text, number, date), as typed.
    pub fn type_answer(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Typed, Refusal> {
        self.may_edit(i)?;
        let free_text = self
            .guide
            .guide
            .question(q)
            .is_some_and(|x| matches!(x.kind, QuestionType::Text | QuestionType::LongText));
        if free_text && !text.trim().is_empty() {
            self.may_write_text(i)?;
        }
        if text.trim().is_empty() {
            return self.clear_answer(i, q, now).map(Typed::Saved);
        }
        let Some(question) = self.guide.guide.question(q) else {
            return Err(Refusal::Session(
                crate::session::SessionError::UnknownQuestion {
                    guide: self.guide.guide.id.clone(),
                    question: q.to_string(),
                },
            ));
        };
        match parse_typed(question, text) {
            Ok(v) => self.set_value(i, q, v, now).map(Typed::Saved),
            Err(e) => Ok(Typed::Invalid(e)),
        }
    }

    pub fn set_other(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if !text.is_empty() {
            self.may_write_text(i)?;
        }
        self.edit_answer(i, q, Field::Other, now, |s, g| s.set_other(g, q, text, now))
    }

    pub fn set_note(
        &mut self,
        i: usize,
        q: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if !text.is_empty() {
            self.may_write_text(i)?;
        }
        self.edit_answer(i, q, Field::Note, now, |s, g| s.set_note(g, q, text, now))
    }

    /// A new general note in session `i`; returns its number.
    pub fn add_note(
        &mut self,
        i: usize,
        text: &str,
        question: Option<&str>,
        now: Timestamp,
    ) -> Result<(u32, Change), Refusal> {
        self.may_write_text(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let seq = s.add_note(text, question, guide, now)?;
        let change = Change::note(s, guide, seq);
        self.remember(
            i,
            format!("general:{seq}"),
            String::new(),
            text.to_string(),
            now,
            true,
        );
        Ok((seq, change))
    }

    pub fn edit_note(
        &mut self,
        i: usize,
        seq: u32,
        text: &str,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        // Emptying a note is always allowed: it removes text, it records none.
        if !text.is_empty() {
            self.may_write_text(i)?;
        } else {
            self.may_edit(i)?;
        }
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let old = s
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .map(|n| n.text.clone())
            .unwrap_or_default();
        s.edit_note(seq, text, now)?;
        let change = Change::note(s, guide, seq);
        self.remember(
            i,
            format!("general:{seq}"),
            old,
            text.to_string(),
            now,
            true,
        );
        Ok(change)
    }

    /// Mark the free text of question `q` in session `i` sensitive (or not).
    pub fn set_answer_sensitive(
        &mut self,
        i: usize,
        q: &str,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.edit_answer(i, q, Field::Note, now, |s, _| {
            s.set_answer_sensitive(q, sensitive, now)
        })
    }

    /// Mark general note `seq` of session `i` sensitive (or not).
    pub fn set_note_sensitive(
        &mut self,
        i: usize,
        seq: u32,
        sensitive: bool,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        s.set_note_sensitive(seq, sensitive, now)?;
        Ok(Change::note(s, guide, seq))
    }

    pub fn attach_note(
        &mut self,
        i: usize,
        seq: u32,
        question: Option<&str>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = &self.guide.guide;
        let s = &mut self.sessions[i];
        let old = s
            .notes
            .iter()
            .find(|n| n.seq == seq)
            .and_then(|n| n.question.clone())
            .unwrap_or_default();
        s.attach_note(seq, question, guide, now)?;
        let change = Change::note(s, guide, seq);
        let new = question.unwrap_or("").to_string();
        self.remember(i, format!("general:{seq}:question"), old, new, now, false);
        Ok(change)
    }

    /// The interviewer is now at `position` of session `i`. Saved for resuming only where
    /// the session can still change.
    pub fn move_to(&mut self, i: usize, position: Position) -> Option<Change> {
        let s = &mut self.sessions[i];
        s.position = position;
        (self.may_edit(i).is_ok()).then(|| Change::position(&self.sessions[i]))
    }

    /// Complete session `i`: every visible required question answered. Its revision is
    /// frozen as its file in the same change.
    pub fn complete(&mut self, i: usize, now: Timestamp) -> Result<Change, Refusal> {
        self.may_edit(i)?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        s.complete(&guide.guide, now)?;
        let file = super::freeze(s, &guide);
        Ok(Change::complete(s, &guide.guide, file))
    }

    /// Show the call in `language`. Saved (for every session, which are written in it)
    /// only when this stocktake holds the whole call; otherwise it is only how the guide
    /// is shown here, and `None` says so.
    pub fn set_language(&mut self, language: &str) -> Option<Change> {
        self.call.language = language.to_string();
        let held = self.all_held();
        for s in &mut self.sessions {
            // A completed session keeps the language its file was written in.
            if held && s.status != Status::Completed {
                s.language = language.to_string();
            }
        }
        held.then(|| Change::CallLanguage {
            call: self.call.id.clone(),
            language: language.to_string(),
        })
    }

    /// The next of the guide's languages after the one shown.
    pub fn next_language(&self) -> String {
        let langs = &self.guide.guide.languages;
        let at = langs
            .iter()
            .position(|l| *l == self.call.language)
            .unwrap_or(0);
        langs
            .get((at + 1) % langs.len().max(1))
            .cloned()
            .unwrap_or_else(|| self.call.language.clone())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::guide::{Catalog, Structure};
    use crate::interview::{NewCall, plan_call};

    fn interview(read_only: Option<&str>) -> Interview {
        interview_of("gpc-attt-coordinator", read_only)
    }

    fn interview_of(guide: &str, read_only: Option<&str>) -> Interview {
        let g = Arc::new(Catalog::bundled().get(guide).cloned().expect("bundled"));
        let new = NewCall {
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            structures: vec![
                (Structure::ProtectionCluster, String::new()),
                (Structure::CpAor, String::new()),
            ],
            participants: Vec::new(),
            consent: Some(true),
        };
        let Change::CreateCall { call, sessions, .. } =
            plan_call(g.clone(), &new, Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a call");
        };
        Interview::new(call, g, sessions, read_only.map(str::to_string))
    }

    #[test]
    fn an_edit_returns_the_change_that_saves_it() {
        let mut iv = interview(None);
        let c = iv
            .set_value(0, "tip_is_issue", Value::YesNo(true), Timestamp::UNIX_EPOCH)
            .expect("edit");
        let Change::Answer {
            session,
            question,
            answer,
            stamp,
            ..
        } = c
        else {
            panic!("not an answer: {c:?}");
        };
        assert_eq!(session, iv.sessions[0].id);
        assert_eq!(question, "tip_is_issue");
        assert_eq!(answer.and_then(|a| a.value), Some(Value::YesNo(true)));
        assert_eq!(stamp.progress, iv.sessions[0].progress(&iv.guide.guide));
        assert!(
            !iv.sessions[1].answers.contains_key("tip_is_issue"),
            "the other structure is untouched"
        );
    }

    #[test]
    fn nothing_changes_in_a_read_only_or_completed_session() {
        let mut iv = interview(Some("another stocktake edits it"));
        let before = iv.sessions[0].clone();
        assert_eq!(
            iv.set_note(0, "tip_is_issue", "x", Timestamp::UNIX_EPOCH),
            Err(Refusal::ReadOnly("another stocktake edits it".into()))
        );
        assert_eq!(iv.sessions[0], before);
        assert_eq!(iv.set_language("fr"), None, "shown in French, not saved");
        assert_eq!(iv.sessions[0].language, "en");

        let mut iv = interview(None);
        iv.set_value(
            0,
            "tip_engagement",
            Value::Choice("not_working_not_aware".into()),
            Timestamp::UNIX_EPOCH,
        )
        .expect("classify");
        assert!(matches!(
            iv.complete(0, Timestamp::UNIX_EPOCH),
            Ok(Change::Complete { .. })
        ));
        assert_eq!(
            iv.clear_answer(0, "consent", Timestamp::UNIX_EPOCH),
            Err(Refusal::Completed)
        );
        assert_eq!(
            iv.move_to(0, Position::default()),
            None,
            "a completed session does not move"
        );
    }

    #[test]
    fn typed_numbers_are_checked_before_anything_is_saved() {
        let mut iv = interview_of("tip-indicators-labour", None);
        assert!(matches!(
            iv.type_answer(0, "unpaid_known", "twelve", Timestamp::UNIX_EPOCH),
            Ok(Typed::Invalid(_))
        ));
        assert!(!iv.sessions[0].answers.contains_key("unpaid_known"));
        assert!(matches!(
            iv.type_answer(0, "unpaid_known", "12", Timestamp::UNIX_EPOCH),
            Ok(Typed::Saved(Change::Answer { .. }))
        ));
    }

    #[test]
    fn an_exclusive_option_clears_the_others_and_another_clears_it() {
        let (_, source) = crate::guide::BUNDLED
            .iter()
            .find(|(name, _)| name.contains("coordinator"))
            .expect("bundled source");
        let source = source.replace(
            "{ value = \"none\", label = { en = \"None\", fr = \"Aucune\" } },",
            "{ value = \"none\", label = { en = \"None\", fr = \"Aucune\" }, exclusive = true },",
        );
        let g =
            crate::guide::load_guide_str(source, "test", crate::guide::Place::Flag).expect("guide");
        let mut iv = interview(None);
        iv.guide = Arc::new(g);
        let t = Timestamp::UNIX_EPOCH;
        let ticked = |iv: &Interview| iv.sessions[0].answers["info_sources"].value.clone();
        iv.toggle(0, "info_sources", "community", t).expect("tick");
        iv.toggle(0, "info_sources", "un_agencies", t)
            .expect("tick");
        iv.toggle(0, "info_sources", "none", t).expect("none");
        assert_eq!(ticked(&iv), Some(Value::Choices(vec!["none".into()])));
        iv.toggle(0, "info_sources", "government", t).expect("tick");
        assert_eq!(ticked(&iv), Some(Value::Choices(vec!["government".into()])));
        // One step each: undoing "None" brings the two back.
        iv.toggle(0, "info_sources", "none", t).expect("none");
        iv.undo(0, t).expect("undo").expect("undone");
        assert_eq!(ticked(&iv), Some(Value::Choices(vec!["government".into()])));
        // Written with the others anyway (another tool), it is refused.
        assert!(matches!(
            iv.set_value(
                0,
                "info_sources",
                Value::Choices(vec!["none".into(), "community".into()]),
                t
            ),
            Err(Refusal::Session(crate::session::SessionError::Answer(
                crate::session::AnswerError::Exclusive { .. }
            )))
        ));
    }

    #[test]
    fn ticking_the_last_option_off_clears_the_answer() {
        let mut iv = interview(None);
        iv.toggle(0, "tip_forms", "forced_labour", Timestamp::UNIX_EPOCH)
            .expect("tick");
        let c = iv
            .toggle(0, "tip_forms", "forced_labour", Timestamp::UNIX_EPOCH)
            .expect("untick");
        assert!(matches!(c, Change::Answer { answer: None, .. }));
    }
}

#[cfg(test)]
mod sensitive_tests {
    use super::*;
    use crate::guide::Catalog;

    #[test]
    fn marking_sensitive_is_an_edit_that_carries_the_mark() {
        let g = std::sync::Arc::new(
            Catalog::bundled()
                .get("gpc-attt-coordinator")
                .cloned()
                .expect("bundled"),
        );
        let new = crate::interview::NewCall {
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            structures: vec![(crate::guide::Structure::CpAor, String::new())],
            participants: Vec::new(),
            consent: Some(true),
        };
        let t = Timestamp::UNIX_EPOCH;
        let Change::CreateCall { call, sessions, .. } =
            crate::interview::plan_call(g.clone(), &new, t).expect("plan")
        else {
            panic!("not a call");
        };
        let mut iv = Interview::new(call, g, sessions, None);
        assert!(
            iv.set_answer_sensitive(0, "baseline", true, t).is_err(),
            "nothing recorded, nothing to mark"
        );
        iv.set_note(0, "baseline", "call +964 770 123 4567", t)
            .expect("note");
        let c = iv
            .set_answer_sensitive(0, "baseline", true, t)
            .expect("mark");
        assert!(matches!(c, Change::Answer { answer: Some(ref a), .. } if a.sensitive));
        let (seq, _) = iv.add_note(0, "e-mail me", None, t).expect("pad");
        let c = iv.set_note_sensitive(0, seq, true, t).expect("mark");
        assert!(matches!(c, Change::Note { note: Some(ref n), .. } if n.sensitive));
        assert!(iv.sessions[0].has_sensitive());
        // Taking the text away leaves nothing marked behind.
        iv.set_note(0, "baseline", "", t).expect("empty");
        assert!(!iv.sessions[0].answers.contains_key("baseline"));
    }
}

#[cfg(test)]
mod consent_tests {
    use std::sync::Arc;

    use super::*;
    use crate::guide::{BUNDLED, Catalog, Place, Structure, load_guide_str};
    use crate::interview::{NewCall, Refusal, plan_call};

    /// An interview whose participants refused notes, on the coordinator guide, or on it
    /// with `extra` TOML appended (a `[consent]` rule).
    fn refused(extra: &str) -> Interview {
        let g = if extra.is_empty() {
            Catalog::bundled()
                .get("gpc-attt-coordinator")
                .cloned()
                .expect("bundled")
        } else {
            let (_, source) = BUNDLED
                .iter()
                .find(|(name, _)| name.contains("coordinator"))
                .expect("bundled source");
            load_guide_str(format!("{source}\n{extra}"), "test", Place::Flag).expect("guide")
        };
        let new = NewCall {
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            structures: vec![(Structure::CpAor, String::new())],
            participants: Vec::new(),
            consent: Some(false),
        };
        let g = Arc::new(g);
        let Change::CreateCall { call, sessions, .. } =
            plan_call(g.clone(), &new, Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a call");
        };
        Interview::new(call, g, sessions, None)
    }

    #[test]
    fn without_consent_free_text_is_refused_and_closed_answers_are_not() {
        let mut iv = refused("");
        let t = Timestamp::UNIX_EPOCH;
        assert!(iv.consent_refused(0));
        assert_eq!(iv.set_note(0, "baseline", "x", t), Err(Refusal::NoConsent));
        assert_eq!(iv.add_note(0, "x", None, t).err(), Some(Refusal::NoConsent));
        assert_eq!(
            iv.type_answer(0, "promising_practices", "A manual", t),
            Err(Refusal::NoConsent)
        );
        assert!(iv.set_value(0, "baseline", Value::YesNo(true), t).is_ok());
        // Emptying a field records no text: allowed.
        assert!(iv.set_note(0, "baseline", "", t).is_ok());
    }

    #[test]
    fn a_guide_may_keep_free_text_local_instead() {
        let mut iv = refused("[consent]\nwhen_refused = \"keep_local\"\n");
        let t = Timestamp::UNIX_EPOCH;
        assert!(iv.set_note(0, "baseline", "kept here", t).is_ok());
        // Kept in the session, never in what is sent.
        let s = &iv.sessions[0];
        assert_eq!(s.answers["baseline"].note, "kept here");
        let sent = s.as_sent(&iv.guide.guide);
        assert!(!sent.answers.contains_key("baseline"), "{:?}", sent.answers);
        assert_eq!(sent.consent, Some(false));
    }

    /// A reader refuses what `as_sent` takes out: each kind of free text is found, under
    /// the name the file gives it, and none is left in what is sent.
    #[test]
    fn the_free_text_a_reader_refuses_is_what_is_kept_from_sending() {
        const T: Timestamp = Timestamp::UNIX_EPOCH;
        type Write = fn(&mut Interview);
        let kinds: [(&str, Write); 4] = [
            ("answers.baseline.note", |iv| {
                iv.set_note(0, "baseline", "kept here", T).expect("note");
            }),
            ("answers.tip_forms.other", |iv| {
                iv.set_other(0, "tip_forms", "begging", T).expect("other");
            }),
            ("answers.promising_practices.value", |iv| {
                iv.type_answer(0, "promising_practices", "A manual", T)
                    .expect("text");
            }),
            ("[[notes]]", |iv| {
                iv.add_note(0, "an aside", None, T).expect("note");
            }),
        ];
        for (field, write) in kinds {
            let mut iv = refused("[consent]\nwhen_refused = \"keep_local\"\n");
            assert_eq!(iv.sessions[0].free_text_field(), None, "{field}");
            write(&mut iv);
            let s = &iv.sessions[0];
            assert_eq!(s.free_text_field().as_deref(), Some(field));
            assert_eq!(
                s.as_sent(&iv.guide.guide).free_text_field(),
                None,
                "{field}"
            );
        }
    }
}
