//! A call from its start to its sessions' files: the rules that are the interview's, not
//! the screen's. Which guide a new call uses, the consent asked once for every structure
//! on the line (and copied to one that joins later), the role of a structure's
//! coordinator, reopening a completed session, and freezing a revision as its file.

use std::sync::Arc;

use jiff::Timestamp;

use super::{Interview, Refusal};
use crate::guide::{Digest, LoadedGuide, QuestionType, Structure};
use crate::session::{
    Call, Change, GuideRef, Participant, RevisionFile, Session, SessionError, Value,
};

/// The guide the task team runs, pre-selected for a new call.
const DEFAULT_GUIDE: &str = "gpc-attt-coordinator";

/// What the new-call form gathers.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCall {
    pub response: String,
    pub interviewer: String,
    pub language: String,
    /// One session per entry; the label is for `Structure::Other`.
    pub structures: Vec<(Structure, String)>,
    pub participants: Vec<Participant>,
    pub consent: Option<bool>,
}

/// Which of `guides` a new call starts on: the coordinator guide when there is one.
pub fn default_guide(guides: &[Arc<LoadedGuide>]) -> usize {
    guides
        .iter()
        .position(|g| g.guide.id == DEFAULT_GUIDE)
        .unwrap_or(0)
}

/// The participant role of a structure's coordinator.
pub fn coordinator_role(structure: Structure) -> &'static str {
    match structure {
        Structure::ProtectionCluster => "protection_cluster_coordinator",
        Structure::CpAor => "cp_aor_coordinator",
        Structure::GbvAor => "gbv_aor_coordinator",
        // An `other` structure, and the types a guide declares of its own: there is no
        // coordinator role to assume.
        _ => "other",
    }
}

/// The consent given on the form, as the answer to the guide's consent question.
fn answer_consent(
    s: &mut Session,
    guide: &LoadedGuide,
    consent: Option<bool>,
    now: Timestamp,
) -> Result<(), SessionError> {
    // The guide's consent question (checked to be yes/no when the guide was loaded).
    if let (Some(consent), Some(q)) = (consent, guide.guide.consent.question.as_deref())
        && guide
            .guide
            .question(q)
            .is_some_and(|q| q.kind == QuestionType::YesNo)
    {
        s.set_value(&guide.guide, q, Value::YesNo(consent), now)?;
    }
    Ok(())
}

/// A new call and its sessions, as one change: the store creates all of it and holds
/// every session, or none of it.
pub fn plan_call(
    guide: Arc<LoadedGuide>,
    new: &NewCall,
    now: Timestamp,
) -> Result<Change, SessionError> {
    let call = Call {
        id: ulid::Ulid::generate().to_string(),
        guide: GuideRef {
            id: guide.guide.id.clone(),
            version: guide.guide.version.clone(),
            digest: guide.digest,
        },
        response: new.response.clone(),
        interviewer: new.interviewer.clone(),
        language: new.language.clone(),
        started_at: now,
        ended_at: None,
        note: String::new(),
    };
    let mut sessions = Vec::new();
    for (structure, label) in &new.structures {
        let mut s = Session::draft(
            &call,
            *structure,
            label,
            new.participants.clone(),
            new.consent,
            now,
        );
        answer_consent(&mut s, &guide, new.consent, now)?;
        sessions.push(s);
    }
    Ok(Change::CreateCall {
        guide,
        call,
        sessions,
    })
}

impl Interview {
    /// A structure that joined the call late: a session like session `like` (the call's
    /// participants, plus `joined` when named, and its consent as that session recorded
    /// it). It joins the interview once the store has it: [`Interview::push`].
    pub fn add_structure(
        &self,
        like: usize,
        structure: Structure,
        label: &str,
        joined: Option<Participant>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if let Some(why) = self.access.iter().find_map(|a| match a {
            super::Access::ReadOnly(why) => Some(*why),
            super::Access::Edit => None,
        }) {
            return Err(Refusal::ReadOnly(why));
        }
        let model = &self.sessions[like];
        let mut participants = model.participants.clone();
        if let Some(p) = joined
            && !participants.contains(&p)
        {
            participants.push(p);
        }
        let label = if self.guide.guide.asks_name(structure) {
            label.trim()
        } else {
            ""
        };
        let consent = model.consent_given(&self.guide.guide);
        let mut call = self.call.clone();
        call.response = model.response.clone();
        call.interviewer = model.interviewer.clone();
        let mut s = Session::draft(&call, structure, label, participants, model.consent, now);
        answer_consent(&mut s, &self.guide, consent, now)?;
        Ok(Change::AddSession {
            guide: self.guide.clone(),
            session: s,
        })
    }
}

/// Start the next revision of completed session `s`, whose last revision was frozen as
/// the file with digest `parent`, made by `by`: recorded when that is not the session's
/// interviewer (a colleague's session, imported and reopened here), so that the
/// collator sees who made each revision.
pub fn reopen(
    s: &mut Session,
    guide: &LoadedGuide,
    parent: Digest,
    now: Timestamp,
    by: &str,
) -> Result<Change, SessionError> {
    s.reopen(parent, now)?;
    let by = by.trim();
    if !by.is_empty() && by != s.interviewer.trim() {
        s.edited_by = Some(by.to_string());
    }
    Ok(Change::header(s, &guide.guide))
}

/// The file a completed revision is frozen as.
pub fn freeze(s: &Session, guide: &LoadedGuide) -> RevisionFile {
    let s = &as_sent(s, guide);
    RevisionFile {
        digest: crate::sync::revision_digest(s, guide),
        file_name: crate::sync::file_name(s),
        content: crate::sync::render(s, guide),
    }
}

/// The session as its file carries it: a specify text whose Other option is no longer
/// chosen stays in the store (choosing Other again brings it back) but is not sent.
pub fn as_sent(s: &Session, guide: &LoadedGuide) -> Session {
    let mut s = s.clone();
    for (qid, a) in s.answers.iter_mut() {
        if a.other.is_empty() {
            continue;
        }
        let Some(q) = guide.guide.question(qid) else {
            continue;
        };
        if !other_chosen(q, a.value.as_ref()) {
            a.other.clear();
        }
    }
    s
}

/// Whether `value` chooses an option of `q` that asks to specify.
pub fn other_chosen(q: &crate::guide::Question, value: Option<&crate::session::Value>) -> bool {
    use crate::session::Value;
    let is_other = |v: &String| q.options.iter().any(|o| o.other && o.value == *v);
    match value {
        Some(Value::Choice(v)) => is_other(v),
        Some(Value::Choices(vs)) => vs.iter().any(is_other),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Catalog;
    use crate::session::Status;

    fn guide() -> Arc<LoadedGuide> {
        Arc::new(
            Catalog::bundled()
                .get(DEFAULT_GUIDE)
                .cloned()
                .expect("bundled"),
        )
    }

    fn new_call(consent: Option<bool>) -> NewCall {
        NewCall {
            response: "Mali".into(),
            interviewer: "amina".into(),
            language: "fr".into(),
            structures: vec![
                (Structure::ProtectionCluster, String::new()),
                (Structure::Other, "Shelter Cluster".into()),
            ],
            participants: vec![Participant {
                role: "ngo".into(),
                organisation: "X".into(),
                name: String::new(),
            }],
            consent,
        }
    }

    #[test]
    fn a_new_call_asks_consent_once_for_every_structure() {
        let Change::CreateCall { call, sessions, .. } =
            plan_call(guide(), &new_call(Some(true)), Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a new call");
        };
        assert_eq!(sessions.len(), 2);
        for s in &sessions {
            assert_eq!(s.call_id, call.id);
            assert_eq!(s.language, "fr");
            assert_eq!(
                s.answers["consent"].value,
                Some(Value::YesNo(true)),
                "{}",
                s.structure.as_str()
            );
            assert_eq!(s.status, Status::InProgress);
        }
        assert_eq!(sessions[1].structure_label, "Shelter Cluster");
        let Change::CreateCall { sessions, .. } =
            plan_call(guide(), &new_call(None), Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a new call");
        };
        assert!(sessions.iter().all(|s| s.answers.is_empty()));
        assert!(sessions.iter().all(|s| s.status == Status::Draft));
    }

    #[test]
    fn a_structure_that_joins_takes_the_consent_the_call_recorded() {
        let g = guide();
        let Change::CreateCall { call, sessions, .. } =
            plan_call(g.clone(), &new_call(Some(true)), Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a new call");
        };
        let mut iv = Interview::new(call, g.clone(), sessions, None);
        // Consent withdrawn on the call after it started: the newcomer follows the answer.
        iv.sessions[0]
            .set_value(
                &g.guide,
                "consent",
                Value::YesNo(false),
                Timestamp::UNIX_EPOCH,
            )
            .expect("edit");
        let joined = Participant {
            role: coordinator_role(Structure::GbvAor).into(),
            organisation: "UNFPA".into(),
            name: String::new(),
        };
        let Change::AddSession { session, .. } = iv
            .add_structure(
                0,
                Structure::GbvAor,
                "ignored",
                Some(joined.clone()),
                Timestamp::UNIX_EPOCH,
            )
            .expect("add")
        else {
            panic!("not a session");
        };
        assert_eq!(session.answers["consent"].value, Some(Value::YesNo(false)));
        assert_eq!(session.structure_label, "");
        assert_eq!(session.participants.last(), Some(&joined));
        assert_eq!(session.call_id, iv.call.id);
    }

    #[test]
    fn a_read_only_call_takes_no_structure() {
        let g = guide();
        let Change::CreateCall { call, sessions, .. } =
            plan_call(g.clone(), &new_call(None), Timestamp::UNIX_EPOCH).expect("plan")
        else {
            panic!("not a new call");
        };
        let iv = Interview::new(
            call,
            g,
            sessions,
            Some(crate::interview::ReadOnly::HeldElsewhere),
        );
        assert_eq!(
            iv.add_structure(0, Structure::CpAor, "", None, Timestamp::UNIX_EPOCH),
            Err(Refusal::ReadOnly(crate::interview::ReadOnly::HeldElsewhere))
        );
    }
}
