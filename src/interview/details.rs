//! The call's details after it started (issue 16): the country or response and the call's
//! note for the whole call, and each structure's participants. Each change is saved as its
//! own change and kept in the sessions' history; nothing already sent changes.

use jiff::Timestamp;

use super::{Interview, ReadOnly, Refusal};
use crate::session::{Change, MAX_TEXT_CHARS, Participant, ROLES, Status};

/// Why call details were not changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DetailsRefusal {
    #[error("The country or response cannot be empty")]
    NoResponse,
    #[error(
        "{0} is completed and was sent as it was: reopen it from the list to change the call's country"
    )]
    Sent(String),
    #[error("Read-only: {0}")]
    ReadOnly(ReadOnly),
    /// Refused as an edit is (completed, no consent…).
    #[error("{0}")]
    Refused(Refusal),
    #[error("Participant {0}: `{1}` is not a role")]
    UnknownRole(usize, String),
    #[error("A text is longer than {MAX_TEXT_CHARS} characters")]
    TooLong,
}

impl From<Refusal> for DetailsRefusal {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::ReadOnly(why) => DetailsRefusal::ReadOnly(why),
            r => DetailsRefusal::Refused(r),
        }
    }
}

fn bounded(s: &str) -> Result<(), DetailsRefusal> {
    if s.chars().count() > MAX_TEXT_CHARS {
        return Err(DetailsRefusal::TooLong);
    }
    Ok(())
}

impl Interview {
    /// The call's country or response and note; `None` when nothing changed.
    pub fn set_call_details(
        &mut self,
        response: &str,
        note: &str,
    ) -> Result<Option<Change>, DetailsRefusal> {
        let response = response.trim();
        if response.is_empty() {
            return Err(DetailsRefusal::NoResponse);
        }
        bounded(response)?;
        bounded(note)?;
        if response == self.call.response && note == self.call.note {
            return Ok(None);
        }
        if let Some(i) = (0..self.sessions.len()).find(|&i| self.access(i) != &super::Access::Edit)
        {
            return Err(self.may_edit(i).err().map_or_else(
                || DetailsRefusal::ReadOnly(ReadOnly::CallHeld),
                DetailsRefusal::from,
            ));
        }
        if response != self.call.response
            && let Some(s) = self.sessions.iter().find(|s| s.status == Status::Completed)
        {
            return Err(DetailsRefusal::Sent(
                s.structure_name(&self.guide.guide, self.lang()),
            ));
        }
        self.call.response = response.to_string();
        self.call.note = note.to_string();
        for s in &mut self.sessions {
            s.response = response.to_string();
        }
        Ok(Some(Change::CallDetails {
            call: self.call.id.clone(),
            response: self.call.response.clone(),
            note: self.call.note.clone(),
            ended_at: self.call.ended_at,
        }))
    }

    /// Session `i`'s participants as they are now; `None` when nothing changed.
    pub fn set_participants(
        &mut self,
        i: usize,
        participants: Vec<Participant>,
        now: Timestamp,
    ) -> Result<Option<Change>, DetailsRefusal> {
        for (n, p) in participants.iter().enumerate() {
            if !ROLES.iter().any(|(id, _)| *id == p.role) {
                return Err(DetailsRefusal::UnknownRole(n + 1, p.role.clone()));
            }
            bounded(&p.organisation)?;
            bounded(&p.name)?;
        }
        if participants == self.sessions[i].participants {
            return Ok(None);
        }
        self.may_edit(i)?;
        let guide = self.guide.clone();
        let s = &mut self.sessions[i];
        s.participants = participants;
        s.updated_at = now;
        Ok(Some(Change::header(s, &guide.guide)))
    }
}

impl crate::i18n::Reason for DetailsRefusal {
    fn words(&self) -> crate::i18n::Words {
        use crate::i18n::Words;
        match self {
            DetailsRefusal::NoResponse => Words::msg("why-details-no-response"),
            DetailsRefusal::Sent(structure) => {
                Words::msg("why-details-sent").arg("structure", structure.clone())
            }
            DetailsRefusal::ReadOnly(why) => {
                Words::msg("refused-read-only").with("why", crate::i18n::Reason::words(why))
            }
            DetailsRefusal::Refused(r) => crate::i18n::Reason::words(r),
            DetailsRefusal::UnknownRole(n, role) => Words::msg("why-details-unknown-role")
                .arg("n", n.to_string())
                .arg("role", role.clone()),
            DetailsRefusal::TooLong => {
                Words::msg("why-details-too-long").arg("max", MAX_TEXT_CHARS.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Structure;

    fn interview() -> Interview {
        crate::interview::test_call(&[Structure::GbvAor, Structure::CpAor])
    }

    fn p(role: &str, org: &str) -> Participant {
        Participant {
            role: role.into(),
            organisation: org.into(),
            name: String::new(),
        }
    }

    #[test]
    fn the_country_changes_for_every_session_of_the_call_and_nothing_changed_is_no_change() {
        let mut iv = interview();
        assert_eq!(iv.set_call_details("Iraq", ""), Ok(None));
        let c = iv
            .set_call_details("  Iraq (Kurdistan) ", "Line dropped")
            .expect("ok");
        assert!(
            matches!(c, Some(Change::CallDetails { ref response, .. }) if response == "Iraq (Kurdistan)")
        );
        assert!(iv.sessions.iter().all(|s| s.response == "Iraq (Kurdistan)"));
        assert_eq!(
            iv.set_call_details(" ", ""),
            Err(DetailsRefusal::NoResponse)
        );
    }

    #[test]
    fn a_completed_session_keeps_the_country_it_was_sent_with() {
        let mut iv = interview();
        iv.sessions[1].status = Status::Completed;
        let e = iv.set_call_details("Syria", "").expect_err("sent");
        assert!(
            e.to_string()
                .starts_with("Child Protection AOR is completed"),
            "{e}"
        );
        assert_eq!(iv.call.response, "Iraq", "nothing changed");
        // The note alone is not in any file: it may change.
        assert!(iv.set_call_details("Iraq", "Called back at 3").is_ok());
    }

    #[test]
    fn participants_need_a_known_role_and_change_one_session() {
        let mut iv = interview();
        let now = Timestamp::UNIX_EPOCH;
        assert_eq!(
            iv.set_participants(0, vec![p("chief", "UNFPA")], now),
            Err(DetailsRefusal::UnknownRole(1, "chief".into()))
        );
        let c = iv
            .set_participants(0, vec![p("gbv_aor_coordinator", "UNFPA")], now)
            .expect("ok");
        assert!(matches!(c, Some(Change::Header { .. })));
        assert_eq!(iv.sessions[0].participants[0].organisation, "UNFPA");
        assert!(
            iv.sessions[1]
                .participants
                .iter()
                .all(|p| p.organisation != "UNFPA")
        );
    }
}
