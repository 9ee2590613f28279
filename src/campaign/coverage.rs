//! Honest coverage: of the targets, how many were reached, how many not and why (AAPOR's
//! dispositions), attempts per completed interview, and AAPOR's response, cooperation,
//! refusal and contact rates, each with the counts it is made of.

use std::collections::BTreeMap;

use super::outcome::Group;
use super::progress::Progress;
use super::{Attempt, Outcome};
use crate::guide::Structure;

/// A structure as the coverage table groups it: a custom one by its own label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StructureKey {
    pub structure: Structure,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub targets: usize,
    /// Targets whose final disposition falls in each AAPOR group (never tried: UH).
    pub groups: BTreeMap<Group, usize>,
    /// Final dispositions, by the outcome that decided them (never tried is `None`).
    pub finals: BTreeMap<Option<Outcome>, usize>,
    pub attempts: usize,
    /// Targets of each structure, and how many of them completed an interview.
    pub by_structure: BTreeMap<StructureKey, (usize, usize)>,
    /// Targets left out of a later campaign file, with attempts: counted, and said.
    pub removed: usize,
}

impl Coverage {
    pub fn count(&self, g: Group) -> usize {
        self.groups.get(&g).copied().unwrap_or(0)
    }

    pub fn completes(&self) -> usize {
        self.count(Group::Complete)
    }

    /// Attempts made for each completed interview, when there is one.
    pub fn attempts_per_complete(&self) -> Option<f64> {
        (self.completes() > 0).then(|| self.attempts as f64 / self.completes() as f64)
    }

    fn ratio(num: usize, den: usize) -> Option<f64> {
        (den > 0).then(|| num as f64 / den as f64)
    }

    /// Eligible and unknown-eligibility targets: the denominator of RR1, RR2 and REF1.
    fn base(&self) -> usize {
        [
            Group::Complete,
            Group::Partial,
            Group::Refusal,
            Group::NonContact,
            Group::Other,
            Group::UnknownHousehold,
            Group::UnknownOther,
        ]
        .iter()
        .map(|g| self.count(*g))
        .sum()
    }

    /// AAPOR RR1: I / ((I+P) + (R+NC+O) + (UH+UO)).
    pub fn rr1(&self) -> Option<f64> {
        Coverage::ratio(self.completes(), self.base())
    }

    /// AAPOR RR2: (I+P) / the same.
    pub fn rr2(&self) -> Option<f64> {
        Coverage::ratio(self.completes() + self.count(Group::Partial), self.base())
    }

    /// AAPOR COOP1: I / ((I+P) + R + O).
    pub fn coop1(&self) -> Option<f64> {
        let den = self.completes()
            + self.count(Group::Partial)
            + self.count(Group::Refusal)
            + self.count(Group::Other);
        Coverage::ratio(self.completes(), den)
    }

    /// AAPOR REF1: R / ((I+P) + (R+NC+O) + (UH+UO)).
    pub fn ref1(&self) -> Option<f64> {
        Coverage::ratio(self.count(Group::Refusal), self.base())
    }

    /// AAPOR CON1: ((I+P) + R + O) / ((I+P) + R + O + NC + (UH+UO)).
    pub fn con1(&self) -> Option<f64> {
        let reached = self.completes()
            + self.count(Group::Partial)
            + self.count(Group::Refusal)
            + self.count(Group::Other);
        Coverage::ratio(reached, self.base())
    }
}

/// The coverage of a campaign from each target's progress and every attempt logged.
pub fn coverage(plan: &[Progress], attempts: &[Attempt]) -> Coverage {
    let mut c = Coverage {
        targets: plan.len(),
        groups: BTreeMap::new(),
        finals: BTreeMap::new(),
        attempts: 0,
        by_structure: BTreeMap::new(),
        removed: 0,
    };
    for p in plan {
        let group = p.best.map_or(Group::UnknownHousehold, Outcome::group);
        *c.groups.entry(group).or_default() += 1;
        *c.finals.entry(p.best).or_default() += 1;
        c.attempts += p.attempts;
        c.removed += usize::from(p.target.removed);
        let key = StructureKey {
            structure: p.target.structure,
            label: p.target.structure_label.trim().to_lowercase(),
        };
        let e = c.by_structure.entry(key).or_default();
        e.0 += 1;
        e.1 += usize::from(p.best == Some(Outcome::Completed));
    }
    // Attempts at targets no longer in the campaign count too: they were made.
    let known: std::collections::HashSet<&str> =
        plan.iter().map(|p| p.target.id.as_str()).collect();
    c.attempts += attempts
        .iter()
        .filter(|a| !known.contains(a.target.as_str()))
        .count();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{Rules, Target, plan};

    fn target(id: &str, s: Structure) -> Target {
        Target {
            id: id.into(),
            response: id.into(),
            structure: s,
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

    fn attempt(id: &str, t: &str, outcome: Outcome) -> Attempt {
        Attempt {
            id: id.into(),
            target: t.into(),
            at: jiff::Timestamp::UNIX_EPOCH,
            outcome,
            callback: None,
            note: String::new(),
            interviewer: "amina".into(),
            sessions: Vec::new(),
        }
    }

    #[test]
    fn rates_follow_aapor_formulas() {
        let targets = [
            target("a", Structure::ProtectionCluster),
            target("b", Structure::ProtectionCluster),
            target("c", Structure::CpAor),
            target("d", Structure::CpAor),
            target("e", Structure::GbvAor),
        ];
        let tries = [
            attempt("1", "a", Outcome::NoAnswer),
            attempt("2", "a", Outcome::Completed),
            attempt("3", "b", Outcome::Refused),
            attempt("4", "c", Outcome::Partial),
            attempt("5", "d", Outcome::Ineligible),
        ];
        let p = plan(
            &targets,
            &tries,
            &Rules::default(),
            jiff::Timestamp::UNIX_EPOCH,
        );
        let c = coverage(&p, &tries);
        // I=1, P=1, R=1, UH=1 (e never tried), not eligible 1.
        assert_eq!(c.rr1(), Some(0.25));
        assert_eq!(c.rr2(), Some(0.5));
        assert_eq!(c.coop1(), Some(1.0 / 3.0));
        assert_eq!(c.ref1(), Some(0.25));
        assert_eq!(c.con1(), Some(0.75));
        assert_eq!(c.attempts_per_complete(), Some(5.0));
        assert_eq!(c.finals[&None], 1, "e was never tried");
    }
}
