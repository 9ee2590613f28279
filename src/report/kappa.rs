//! Agreement between two coders: per code, Cohen's kappa over the texts both coded, and
//! the texts where one applied the code and the other did not. A text is a unit (a note,
//! a typed answer, a specify text, a pad note) whatever spans inside it were coded: two
//! coders rarely cut the same span, and what matters for a theme is whether the text says
//! it.

use std::collections::{BTreeMap, BTreeSet};

use crate::collate::Coding;
use crate::guide::Codebook;

#[derive(Debug, Clone, PartialEq)]
pub struct CodeAgreement {
    pub code: String,
    pub label: String,
    /// Texts both coded with it, only the first, only the second, neither.
    pub both: usize,
    pub only_first: usize,
    pub only_second: usize,
    pub neither: usize,
    /// `None` when it cannot be computed: both coders applied the code to every text, or
    /// to none (no variation to agree on beyond chance).
    pub kappa: Option<f64>,
}

/// A text one coder coded with a code and the other did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub session_id: String,
    pub unit: String,
    pub code: String,
    /// Who applied it.
    pub by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub first: String,
    pub second: String,
    /// Texts both coders coded (with any code): the denominator.
    pub units: usize,
    pub codes: Vec<CodeAgreement>,
    pub disagreements: Vec<Disagreement>,
}

/// Cohen's kappa of a 2×2 table: agreement beyond chance, 1 perfect, 0 chance, below 0
/// worse than chance.
pub fn cohen_kappa(
    both: usize,
    only_first: usize,
    only_second: usize,
    neither: usize,
) -> Option<f64> {
    let n = (both + only_first + only_second + neither) as f64;
    if n == 0.0 {
        return None;
    }
    let observed = (both + neither) as f64 / n;
    let first = (both + only_first) as f64 / n;
    let second = (both + only_second) as f64 / n;
    let chance = first * second + (1.0 - first) * (1.0 - second);
    if (1.0 - chance).abs() < 1e-12 {
        return None;
    }
    Some((observed - chance) / (1.0 - chance))
}

/// The agreement of every pair of coders who coded some of the same texts.
pub fn agreement(codings: &[&Coding], book: Option<&Codebook>, lang: &str) -> Vec<Agreement> {
    // coder -> unit -> codes
    let mut by_coder: BTreeMap<&str, BTreeMap<(&str, &str), BTreeSet<&str>>> = BTreeMap::new();
    for c in codings {
        by_coder
            .entry(c.coder.as_str())
            .or_default()
            .entry((c.session_id.as_str(), c.unit.as_str()))
            .or_default()
            .insert(c.code.as_str());
    }
    let coders: Vec<&str> = by_coder.keys().copied().collect();
    let mut out = Vec::new();
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let (ca, cb) = (&by_coder[a], &by_coder[b]);
            let units: Vec<&(&str, &str)> = ca.keys().filter(|u| cb.contains_key(*u)).collect();
            if units.is_empty() {
                continue;
            }
            let codes: BTreeSet<&str> = units
                .iter()
                .flat_map(|u| ca[*u].iter().chain(cb[*u].iter()).copied())
                .collect();
            let mut per = Vec::new();
            let mut disagreements = Vec::new();
            for code in codes {
                let (mut both, mut only_a, mut only_b, mut neither) = (0, 0, 0, 0);
                for u in &units {
                    match (ca[*u].contains(code), cb[*u].contains(code)) {
                        (true, true) => both += 1,
                        (true, false) => {
                            only_a += 1;
                            disagreements.push(Disagreement {
                                session_id: u.0.to_string(),
                                unit: u.1.to_string(),
                                code: code.to_string(),
                                by: a.to_string(),
                            });
                        }
                        (false, true) => {
                            only_b += 1;
                            disagreements.push(Disagreement {
                                session_id: u.0.to_string(),
                                unit: u.1.to_string(),
                                code: code.to_string(),
                                by: b.to_string(),
                            });
                        }
                        (false, false) => neither += 1,
                    }
                }
                per.push(CodeAgreement {
                    code: code.to_string(),
                    label: book.map_or(code, |bk| bk.label(code, lang)).to_string(),
                    both,
                    only_first: only_a,
                    only_second: only_b,
                    neither,
                    kappa: cohen_kappa(both, only_a, only_b, neither),
                });
            }
            out.push(Agreement {
                first: a.to_string(),
                second: b.to_string(),
                units: units.len(),
                codes: per,
                disagreements,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_a_worked_example() {
        // The textbook table: 20 both yes, 5 / 10 one each, 15 both no, of 50:
        // observed .70, chance .50, kappa .40.
        let k = cohen_kappa(20, 5, 10, 15).expect("defined");
        assert!((k - 0.4).abs() < 1e-9, "{k}");
        assert_eq!(cohen_kappa(3, 0, 0, 0), None, "no variation");
        assert_eq!(cohen_kappa(0, 0, 0, 0), None);
        assert_eq!(cohen_kappa(2, 0, 0, 2), Some(1.0));
    }

    fn c(coder: &str, session: &str, unit: &str, code: &str) -> Coding {
        Coding {
            session_id: session.into(),
            unit: unit.into(),
            start: 0,
            end: 1,
            code: code.into(),
            coder: coder.into(),
            quote: "x".into(),
            digest: String::new(),
            at: String::new(),
        }
    }

    #[test]
    fn only_texts_both_coded_count_and_disagreements_name_who() {
        let all = [
            c("ana", "s1", "note:gaps", "resources"),
            c("ben", "s1", "note:gaps", "resources"),
            c("ana", "s2", "note:gaps", "resources"),
            c("ben", "s2", "note:gaps", "lack_of_data"),
            // Only ana coded this text: not in the denominator.
            c("ana", "s3", "note:gaps", "resources"),
        ];
        let refs: Vec<&Coding> = all.iter().collect();
        let a = agreement(&refs, None, "en");
        assert_eq!(a.len(), 1);
        assert_eq!(
            (a[0].first.as_str(), a[0].second.as_str(), a[0].units),
            ("ana", "ben", 2)
        );
        let res = a[0]
            .codes
            .iter()
            .find(|c| c.code == "resources")
            .expect("code");
        assert_eq!(
            (res.both, res.only_first, res.only_second, res.neither),
            (1, 1, 0, 0)
        );
        assert_eq!(a[0].disagreements.len(), 2);
        assert!(
            a[0].disagreements
                .iter()
                .any(|d| d.by == "ben" && d.code == "lack_of_data")
        );
    }
}
