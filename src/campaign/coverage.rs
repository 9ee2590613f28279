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

    /// Eligible and unknown-eligibility targets: the denominator of RR1, RR2, REF1, CON1.
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

    /// A rate's numerator and denominator, in targets.
    pub fn parts(&self, rate: Rate) -> (usize, usize) {
        let i = self.completes();
        let p = self.count(Group::Partial);
        let r = self.count(Group::Refusal);
        let o = self.count(Group::Other);
        match rate {
            Rate::Rr1 => (i, self.base()),
            Rate::Rr2 => (i + p, self.base()),
            Rate::Coop1 => (i, i + p + r + o),
            Rate::Ref1 => (r, self.base()),
            Rate::Con1 => (i + p + r + o, self.base()),
        }
    }

    /// The rate, when its denominator is not zero.
    pub fn rate(&self, rate: Rate) -> Option<f64> {
        let (num, den) = self.parts(rate);
        (den > 0).then(|| num as f64 / den as f64)
    }
}

/// AAPOR's outcome rates (Standard Definitions), as a report states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    Rr1,
    Rr2,
    Coop1,
    Ref1,
    Con1,
}

impl Rate {
    pub const ALL: [Rate; 5] = [Rate::Rr1, Rate::Rr2, Rate::Coop1, Rate::Ref1, Rate::Con1];

    /// "RR1".
    pub fn name(self) -> &'static str {
        match self {
            Rate::Rr1 => "RR1",
            Rate::Rr2 => "RR2",
            Rate::Coop1 => "COOP1",
            Rate::Ref1 => "REF1",
            Rate::Con1 => "CON1",
        }
    }

    /// What it measures, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Rate::Rr1 => "response rate: complete interviews",
            Rate::Rr2 => "response rate: complete and partial interviews",
            Rate::Coop1 => "cooperation rate: interviews of the targets reached",
            Rate::Ref1 => "refusal rate",
            Rate::Con1 => "contact rate: targets reached at all",
        }
    }

    /// AAPOR's formula, with I, P, R, NC, O, UH and UO as its groups.
    pub fn formula(self) -> &'static str {
        match self {
            Rate::Rr1 => "I / ((I+P) + (R+NC+O) + (UH+UO))",
            Rate::Rr2 => "(I+P) / ((I+P) + (R+NC+O) + (UH+UO))",
            Rate::Coop1 => "I / ((I+P) + R + O)",
            Rate::Ref1 => "R / ((I+P) + (R+NC+O) + (UH+UO))",
            Rate::Con1 => "((I+P) + R + O) / ((I+P) + (R+NC+O) + (UH+UO))",
        }
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
        assert_eq!(c.rate(Rate::Rr1), Some(0.25));
        assert_eq!(c.rate(Rate::Rr2), Some(0.5));
        assert_eq!(c.rate(Rate::Coop1), Some(1.0 / 3.0));
        assert_eq!(c.rate(Rate::Ref1), Some(0.25));
        assert_eq!(c.rate(Rate::Con1), Some(0.75));
        assert_eq!(c.parts(Rate::Coop1), (1, 3));
        assert_eq!(c.attempts_per_complete(), Some(5.0));
        assert_eq!(c.finals[&None], 1, "e was never tried");
    }
}
