//! Tests of `edit.rs`: the intents, sensitive marks and the consent rule.

mod intents {
    use std::sync::Arc;

    use super::super::*;
    use crate::guide::{Catalog, Structure};
    use crate::interview::{NewCall, plan_call};

    fn interview(read_only: Option<crate::interview::ReadOnly>) -> Interview {
        interview_of("gpc-attt-coordinator", read_only)
    }

    fn interview_of(guide: &str, read_only: Option<crate::interview::ReadOnly>) -> Interview {
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
        Interview::new(call, g, sessions, read_only)
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
        let mut iv = interview(Some(crate::interview::ReadOnly::HeldElsewhere));
        let before = iv.sessions[0].clone();
        assert_eq!(
            iv.set_note(0, "tip_is_issue", "x", Timestamp::UNIX_EPOCH),
            Err(Refusal::ReadOnly(crate::interview::ReadOnly::HeldElsewhere))
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

mod sensitive_tests {
    use super::super::*;
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

mod consent_tests {
    use std::sync::Arc;

    use super::super::*;
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
