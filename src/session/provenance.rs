//! How an answer came to be, which no peer records (session file v4): whether each chosen
//! option was said by the respondent unprompted or only after the options were read out,
//! what the answer was before the definition of trafficking was explained (the seed's
//! "after the trafficking definition was further explained, it was mentioned that possibly
//! some of the activities … might be defined as TIP"), and who on the call said it.
//!
//! The store and the history keep each as one line of text, written and read here only.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::answer::{Answer, Special};
use super::model::{Participant, Session, SessionError};
use super::value::{Value, ValueKind};
use crate::guide::{Guide, QuestionType};

/// How a chosen option came up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Elicited {
    /// Said by the respondent before any option was read out.
    Volunteered,
    /// Chosen after the interviewer read the options.
    Prompted,
}

impl Elicited {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An answer as it stood at some moment: a value, a special status, or nothing yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Earlier {
    pub value: Option<Value>,
    pub special: Option<Special>,
}

impl Earlier {
    pub fn of(a: Option<&Answer>) -> Earlier {
        Earlier {
            value: a.and_then(|a| a.value.clone()),
            special: a.and_then(|a| a.special),
        }
    }

    /// Whether `a` says the same now: the definition changed nothing.
    pub fn same_as(&self, a: Option<&Answer>) -> bool {
        *self == Earlier::of(a)
    }

    /// As the history writes an answer: the value's text, `[dont_know]`, or nothing.
    pub fn text(&self) -> String {
        match (&self.special, &self.value) {
            (Some(sp), _) => format!("[{}]", sp.as_str()),
            (None, Some(v)) => v.to_text(),
            (None, None) => String::new(),
        }
    }
}

/// Who on the call said it: a participant's role and organisation (names stay out:
/// many interviews record roles only, and a name is the most identifying thing here).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    pub role: String,
    pub organisation: String,
}

impl Speaker {
    pub fn of(p: &Participant) -> Speaker {
        Speaker {
            role: p.role.clone(),
            organisation: p.organisation.clone(),
        }
    }

    /// `role · organisation`, as the history shows participants; read by [`Speaker::parse`].
    pub fn text(&self) -> String {
        format!("{} · {}", self.role, self.organisation)
    }

    /// Role ids never hold ` · `, so the first one splits; `None` for an empty text.
    pub fn parse(s: &str) -> Option<Speaker> {
        if s.is_empty() {
            return None;
        }
        let (role, organisation) = s.split_once(" · ").unwrap_or((s, ""));
        Some(Speaker {
            role: role.to_string(),
            organisation: organisation.to_string(),
        })
    }

    pub fn is(&self, p: &Participant) -> bool {
        self.role == p.role && self.organisation == p.organisation
    }

    /// As a screen names them in a few words: the organisation, else the role's name in
    /// `lang` (`role-<id>` of the `.ftl` files), as the new-call form names the roles.
    pub fn short_in(&self, lang: crate::i18n::UiLang) -> String {
        self.said().in_lang(lang)
    }

    /// Who said it, as words to be said in a language later: the organisation as it was
    /// typed, else the role's name; a role stocktake does not know, as its id.
    pub fn said(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        if !self.organisation.trim().is_empty() {
            return Words::Text(self.organisation.trim().to_string());
        }
        match super::model::ROLES.iter().find(|(id, _)| *id == self.role) {
            Some((id, _)) => Words::Msg {
                id: format!("role-{id}").into(),
                args: Vec::new(),
                nested: Vec::new(),
            },
            None => Words::Text(self.role.clone()),
        }
    }
}

/// An answer's provenance: the marks on its options and its answer before the definition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Provenance {
    /// By option value (`yes`/`no` for a yes/no question). A mark on an option no longer
    /// chosen is kept, unwritten, so that ticking it again (or undoing the untick) brings
    /// it back; only marks on chosen options leave the machine.
    pub elicited: BTreeMap<String, Elicited>,
    /// Set when the interviewer marked that the definition was explained: the answer as it
    /// stood then. The answer now is the final one.
    pub before_definition: Option<Earlier>,
}

const BEFORE: &str = "before the definition";

impl Provenance {
    pub fn is_empty(&self) -> bool {
        self.elicited.is_empty() && self.before_definition.is_none()
    }

    /// One line for the store and the history, read back by [`Provenance::parse`]:
    /// `volunteered: a, b; prompted: c; before the definition (yes_no): no`. The earlier
    /// answer comes last, so that its text (which may hold anything) ends the line.
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        for mark in [Elicited::Volunteered, Elicited::Prompted] {
            let values: Vec<&str> = self
                .elicited
                .iter()
                .filter(|(_, m)| **m == mark)
                .map(|(v, _)| v.as_str())
                .collect();
            if !values.is_empty() {
                parts.push(format!("{}: {}", mark.as_str(), values.join(", ")));
            }
        }
        if let Some(e) = &self.before_definition {
            match &e.value {
                Some(v) if e.special.is_none() => {
                    parts.push(format!("{BEFORE} ({}): {}", v.kind().as_str(), v.to_text()))
                }
                _ => parts.push(format!("{BEFORE}: {}", e.text())),
            }
        }
        parts.join("; ")
    }

    /// What [`Provenance::text`] wrote; `None` for a line it cannot have written.
    pub fn parse(s: &str) -> Option<Provenance> {
        let mut p = Provenance::default();
        let mut rest = s;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix(BEFORE) {
                p.before_definition = Some(parse_earlier(after)?);
                break;
            }
            let (part, tail) = rest.split_once("; ").unwrap_or((rest, ""));
            let (mark, values) = part.split_once(": ")?;
            let mark: Elicited = mark.parse().ok()?;
            for v in values.split(", ") {
                if !crate::guide::is_identifier(v) {
                    return None;
                }
                p.elicited.insert(v.to_string(), mark);
            }
            rest = tail;
        }
        Some(p)
    }
}

fn parse_earlier(s: &str) -> Option<Earlier> {
    if let Some(typed) = s.strip_prefix(" (") {
        let (kind, text) = typed.split_once("): ")?;
        let value = Value::from_text(ValueKind::parse(kind)?, text)?;
        return Some(Earlier {
            value: Some(value),
            special: None,
        });
    }
    let text = s.strip_prefix(": ").or_else(|| s.strip_prefix(":"))?;
    if text.is_empty() {
        return Some(Earlier::default());
    }
    let special = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .and_then(Special::parse)?;
    Some(Earlier {
        value: None,
        special: Some(special),
    })
}

impl Answer {
    /// The marks on options chosen now, in the order they are chosen (a multiple
    /// choice's is the guide's): what a session file carries.
    pub fn elicited_now(&self) -> Vec<(&str, Elicited)> {
        // Nearly every answer has no marks: no need to list what it chose.
        if self.provenance.elicited.is_empty() {
            return Vec::new();
        }
        let chosen = self.skip_values().unwrap_or_default();
        chosen
            .iter()
            .filter_map(|c| self.provenance.elicited.get_key_value(c.as_str()))
            .map(|(v, m)| (v.as_str(), *m))
            .collect()
    }

    /// Anything only a v4 file can say.
    pub fn has_provenance(&self) -> bool {
        !self.elicited_now().is_empty()
            || self.provenance.before_definition.is_some()
            || self.said_by.is_some()
    }
}

impl Session {
    /// Mark chosen option `option` of question `qid` volunteered or prompted, or take the
    /// mark off (`None`).
    pub fn set_elicited(
        &mut self,
        guide: &Guide,
        qid: &str,
        option: &str,
        mark: Option<Elicited>,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let q = self.question(guide, qid)?;
        if !matches!(
            q.kind,
            QuestionType::Single | QuestionType::Multi | QuestionType::YesNo
        ) {
            return Err(SessionError::NoOptions(qid.to_string()));
        }
        let chosen = self
            .answers
            .get(qid)
            .and_then(Answer::skip_values)
            .unwrap_or_default();
        if !chosen.iter().any(|c| c == option) {
            return Err(SessionError::NotChosen {
                question: qid.to_string(),
                option: option.to_string(),
            });
        }
        self.edit(now)?;
        let a = self.touch(qid, now);
        match mark {
            Some(m) => a.provenance.elicited.insert(option.to_string(), m),
            None => a.provenance.elicited.remove(option),
        };
        Ok(())
    }

    /// The definition of trafficking was explained now: the answer so far is kept as the
    /// one given before it, and whatever follows is the final answer. Marking again takes
    /// the mark (and the kept answer) off. Returns whether it is marked now.
    pub fn toggle_definition(
        &mut self,
        guide: &Guide,
        qid: &str,
        now: Timestamp,
    ) -> Result<bool, SessionError> {
        self.question(guide, qid)?;
        self.edit(now)?;
        let before = Earlier::of(self.answers.get(qid));
        let a = self.touch(qid, now);
        let marked = match a.provenance.before_definition.take() {
            Some(_) => false,
            None => {
                a.provenance.before_definition = Some(before);
                true
            }
        };
        self.tidy(qid);
        Ok(marked)
    }

    /// Set (or clear) the earlier answer as undo and redo write it back.
    pub fn set_provenance(
        &mut self,
        guide: &Guide,
        qid: &str,
        provenance: Provenance,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        self.question(guide, qid)?;
        self.edit(now)?;
        self.touch(qid, now).provenance = provenance;
        self.tidy(qid);
        Ok(())
    }

    /// Who on the call gave the answer to `qid`; `None` takes the attribution off.
    pub fn set_said_by(
        &mut self,
        guide: &Guide,
        qid: &str,
        speaker: Option<Speaker>,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        self.question(guide, qid)?;
        if speaker.is_some() && self.answers.get(qid).is_none_or(|a| a.is_empty()) {
            return Err(SessionError::NothingToAttribute(qid.to_string()));
        }
        self.edit(now)?;
        if let Some(a) = self.answers.get_mut(qid) {
            a.said_by = speaker;
        }
        Ok(())
    }

    /// Who on the call said general note `seq`.
    pub fn set_note_said_by(
        &mut self,
        seq: u32,
        speaker: Option<Speaker>,
        now: Timestamp,
    ) -> Result<(), SessionError> {
        let i = self.note_index(seq)?;
        self.edit(now)?;
        self.notes[i].said_by = speaker;
        Ok(())
    }

    /// Anything only a v4 file can say.
    pub fn has_provenance(&self) -> bool {
        self.answers.values().any(Answer::has_provenance)
            || self.notes.iter().any(|n| n.said_by.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_line_reads_back_as_written() {
        let mut p = Provenance::default();
        assert_eq!(p.text(), "");
        assert_eq!(Provenance::parse(""), Some(p.clone()));
        p.elicited
            .insert("forced_labour".into(), Elicited::Volunteered);
        p.elicited.insert("other".into(), Elicited::Volunteered);
        p.elicited
            .insert("sexual_exploitation".into(), Elicited::Prompted);
        p.before_definition = Some(Earlier {
            value: Some(Value::Choices(vec!["a".into(), "b".into()])),
            special: None,
        });
        let line = p.text();
        assert_eq!(
            line,
            "volunteered: forced_labour, other; prompted: sexual_exploitation; before the definition (multi): a\nb"
        );
        assert_eq!(Provenance::parse(&line), Some(p));
    }

    #[test]
    fn an_earlier_answer_that_was_nothing_or_a_status_reads_back() {
        for e in [
            Earlier::default(),
            Earlier {
                value: None,
                special: Some(Special::DontKnow),
            },
            Earlier {
                value: Some(Value::Text("No; not us: GBV does.".into())),
                special: None,
            },
        ] {
            let p = Provenance {
                elicited: BTreeMap::new(),
                before_definition: Some(e),
            };
            assert_eq!(
                Provenance::parse(&p.text()),
                Some(p.clone()),
                "{}",
                p.text()
            );
        }
    }

    #[test]
    fn a_line_it_cannot_have_written_is_refused() {
        for bad in [
            "volunteered",
            "heard: a",
            "volunteered: Not An Id",
            "before the definition (nope): x",
            "before the definition: [maybe]",
        ] {
            assert_eq!(Provenance::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_speaker_is_its_role_and_organisation() {
        let s = Speaker {
            role: "cp_aor_coordinator".into(),
            organisation: "UNICEF · Juba".into(),
        };
        assert_eq!(Speaker::parse(&s.text()), Some(s));
        assert_eq!(Speaker::parse(""), None);
    }

    #[test]
    fn only_marks_on_chosen_options_are_current() {
        let mut a = Answer {
            value: Some(Value::Choices(vec!["a".into()])),
            ..Answer::default()
        };
        a.provenance.elicited.insert("a".into(), Elicited::Prompted);
        a.provenance
            .elicited
            .insert("b".into(), Elicited::Volunteered);
        assert_eq!(a.elicited_now(), vec![("a", Elicited::Prompted)]);
        a.special = Some(Special::Declined);
        assert!(a.elicited_now().is_empty());
        assert!(!a.has_provenance());
    }

    #[test]
    fn without_consent_a_typed_answer_before_the_definition_is_not_sent() {
        let g = crate::guide::Catalog::bundled()
            .get("gpc-attt-coordinator")
            .cloned()
            .expect("guide");
        let call = crate::session::Call {
            id: "01M8J1GE2X6WHQTXNK4FYN7182".into(),
            guide: crate::session::GuideRef {
                id: g.guide.id.clone(),
                version: g.guide.version.clone(),
                digest: g.digest,
            },
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            started_at: Timestamp::UNIX_EPOCH,
            ended_at: None,
            note: String::new(),
        };
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::draft(
            &call,
            crate::guide::Structure::CpAor,
            "",
            Vec::new(),
            Some(false),
            now,
        );
        let q = "promising_practices";
        s.set_value(&g.guide, q, Value::Text("A manual".into()), now)
            .expect("typed");
        s.toggle_definition(&g.guide, q, now).expect("mark");
        s.set_value(&g.guide, "tip_is_issue", Value::YesNo(false), now)
            .expect("no");
        s.toggle_definition(&g.guide, "tip_is_issue", now)
            .expect("mark");
        let sent = s.as_sent(&g.guide);
        assert!(!sent.answers.contains_key(q), "{:?}", sent.answers.get(q));
        assert!(
            sent.answers["tip_is_issue"]
                .provenance
                .before_definition
                .is_some(),
            "a closed answer is no free text"
        );
        assert_eq!(sent.free_text_field(), None);
        assert_eq!(
            s.free_text_field().as_deref(),
            Some("answers.promising_practices.value")
        );
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            "[a-z][a-z0-9_]{0,8}".prop_map(Value::Choice),
            proptest::collection::vec("[a-z][a-z0-9_]{0,8}", 1..4).prop_map(Value::Choices),
            any::<bool>().prop_map(Value::YesNo),
            "\\PC{1,40}".prop_map(Value::Text),
            (-1000i64..1000).prop_map(|n| Value::Number(n as f64)),
            (1i64..10).prop_map(Value::Scale),
        ]
    }

    proptest! {
        #[test]
        fn any_provenance_reads_back(
            marks in proptest::collection::btree_map("[a-z][a-z0-9_]{0,8}", any::<bool>(), 0..4),
            before in proptest::option::of(proptest::option::of(value())),
        ) {
            let p = Provenance {
                elicited: marks
                    .into_iter()
                    .map(|(v, b)| (v, if b { Elicited::Volunteered } else { Elicited::Prompted }))
                    .collect(),
                before_definition: before.map(|v| Earlier { value: v, special: None }),
            };
            prop_assert_eq!(Provenance::parse(&p.text()), Some(p));
        }
    }
}
