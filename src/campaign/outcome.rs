//! What a call attempt ended in, and what that is in AAPOR's Standard Definitions (final
//! disposition codes; the telephone table, read for a list of establishments, here the
//! coordination structures of each response).

use jiff::SignedDuration;

/// The outcome an interviewer logs for one attempt.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Outcome {
    /// The interview was done and its session completed.
    Completed,
    /// Begun, not finished (the line dropped, the coordinator had to leave).
    Partial,
    /// Reached; asked to be called again at a time.
    Callback,
    NoAnswer,
    Busy,
    /// The line failed (telecommunication problems).
    LineFailed,
    /// The contact does not reach the coordinator (a wrong number or address).
    WrongContact,
    Refused,
    /// The coordinator was not available (e.g. an AOR coordinator absent from the call).
    NotAvailable,
    /// No such structure is active in the response.
    Ineligible,
}

/// AAPOR's groups of final dispositions, as the outcome rates use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// I: complete interview.
    Complete,
    /// P: partial interview.
    Partial,
    /// R: refusal and break-off.
    Refusal,
    /// NC: non-contact.
    NonContact,
    /// O: other eligible, non-interview.
    Other,
    /// UH: unknown if eligible, nobody reached (never tried, no answer, busy, line).
    UnknownHousehold,
    /// UO: unknown eligibility, other.
    UnknownOther,
    /// Not eligible: out of the rates' denominators.
    NotEligible,
}

impl Group {
    /// The letter AAPOR's formulas use: I, P, R, NC, O, UH, UO; NE for not eligible.
    pub fn letter(self) -> &'static str {
        match self {
            Group::Complete => "I",
            Group::Partial => "P",
            Group::Refusal => "R",
            Group::NonContact => "NC",
            Group::Other => "O",
            Group::UnknownHousehold => "UH",
            Group::UnknownOther => "UO",
            Group::NotEligible => "NE",
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Completed,
        Outcome::Partial,
        Outcome::Callback,
        Outcome::NoAnswer,
        Outcome::Busy,
        Outcome::LineFailed,
        Outcome::WrongContact,
        Outcome::Refused,
        Outcome::NotAvailable,
        Outcome::Ineligible,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        s.parse().ok()
    }

    /// What the interviewer reads in lists and menus.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Partial => "partial",
            Outcome::Callback => "call back",
            Outcome::NoAnswer => "no answer",
            Outcome::Busy => "busy",
            Outcome::LineFailed => "line failed",
            Outcome::WrongContact => "wrong contact",
            Outcome::Refused => "refused",
            Outcome::NotAvailable => "not available",
            Outcome::Ineligible => "not active (ineligible)",
        }
    }

    /// The AAPOR final disposition code, if this were the last word on the target.
    pub fn aapor(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Completed => ("1.1", "Complete"),
            Outcome::Partial => ("1.2", "Partial"),
            Outcome::Refused => ("2.11", "Refusal"),
            Outcome::Callback | Outcome::NotAvailable => ("2.21", "Respondent never available"),
            Outcome::Busy => ("3.12", "Always busy"),
            Outcome::NoAnswer => ("3.13", "No answer"),
            Outcome::LineFailed => ("3.16", "Technical phone problems"),
            Outcome::WrongContact => ("3.90", "Other unknown eligibility (wrong contact)"),
            Outcome::Ineligible => ("4.10", "Out of sample (no such structure active)"),
        }
    }

    pub fn group(self) -> Group {
        match self {
            Outcome::Completed => Group::Complete,
            Outcome::Partial => Group::Partial,
            Outcome::Refused => Group::Refusal,
            Outcome::Callback | Outcome::NotAvailable => Group::NonContact,
            Outcome::Busy | Outcome::NoAnswer | Outcome::LineFailed => Group::UnknownHousehold,
            Outcome::WrongContact => Group::UnknownOther,
            Outcome::Ineligible => Group::NotEligible,
        }
    }

    /// Which outcome says more about a target, when it has several: an interview beats a
    /// refusal, which beats having reached nobody. The target's final disposition is its
    /// attempts' highest.
    pub fn rank(self) -> u8 {
        match self {
            Outcome::Completed => 9,
            Outcome::Ineligible => 8,
            Outcome::Partial => 7,
            Outcome::Refused => 6,
            Outcome::Callback => 5,
            Outcome::NotAvailable => 4,
            Outcome::WrongContact => 3,
            Outcome::LineFailed => 2,
            Outcome::Busy => 1,
            Outcome::NoAnswer => 0,
        }
    }

    /// Nothing more to try: the interview is done, refused, or there is no one to call.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Outcome::Completed | Outcome::Refused | Outcome::Ineligible
        )
    }

    /// How long to wait before trying again, unless the campaign says otherwise.
    pub fn default_retry(self) -> Option<SignedDuration> {
        let hours = |h: i64| Some(SignedDuration::from_hours(h));
        match self {
            Outcome::NoAnswer => hours(4),
            Outcome::Busy => Some(SignedDuration::from_mins(30)),
            Outcome::LineFailed => hours(1),
            Outcome::NotAvailable | Outcome::Partial => hours(24),
            // A callback has its own time; a wrong contact needs a new one first.
            Outcome::Callback | Outcome::WrongContact => None,
            Outcome::Completed | Outcome::Refused | Outcome::Ineligible => None,
        }
    }
}
