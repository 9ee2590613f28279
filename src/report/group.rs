//! How sessions are grouped by the respondent type interviewed: each type its guide
//! declares (the four coordination structures by default), and each name given to an
//! `other` type under its own label, so that "Protection Sector (South)" is never merged
//! into one "Other". Labels are grouped trimmed and without regard to case or repeated
//! spaces; a group is shown under its most used spelling. A type no guide of the report
//! declares is kept, under its id, and flagged.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::say::Say;
use crate::guide::{Guide, Respondent, Structure};

pub use crate::guide::structure_name;

/// A respondent type as the report names it.
#[derive(Debug, Clone)]
struct Kind {
    id: Structure,
    name: String,
    plural: Option<String>,
    /// Its sessions name it (an `other` type): each name is a group of its own.
    named: bool,
}

/// One group of sessions in the report's tables.
#[derive(Debug, Clone)]
pub struct Group {
    pub structure: Structure,
    /// Where its type comes in the report's guides' declarations; undeclared ones last.
    rank: usize,
    /// No guide of the report declares its type: shown under the id, and flagged.
    undeclared: bool,
    type_name: String,
    plural: Option<String>,
    /// The label as grouped: empty for a type's own group and an unlabelled `other`.
    key: String,
    /// The label as shown (see [`Groups`]); empty where `key` is.
    label: String,
}

impl PartialEq for Group {
    fn eq(&self, other: &Group) -> bool {
        (self.structure, &self.key) == (other.structure, &other.key)
    }
}

impl Eq for Group {}

impl PartialOrd for Group {
    fn partial_cmp(&self, other: &Group) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The types in their guides' order, then the custom ones by label.
impl Ord for Group {
    fn cmp(&self, other: &Group) -> Ordering {
        (self.rank, self.structure, &self.key).cmp(&(other.rank, other.structure, &other.key))
    }
}

impl std::hash::Hash for Group {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.structure, &self.key).hash(h);
    }
}

/// A label as it is grouped: trimmed, spaces collapsed, lower case.
fn key_of(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Group {
    /// Is this a custom `other` structure with a label of its own?
    pub fn is_custom(&self) -> bool {
        !self.key.is_empty()
    }

    /// Does no guide of the report declare its type? Its sessions are kept, under the id.
    pub fn is_undeclared(&self) -> bool {
        self.undeclared
    }

    /// "Protection Cluster", "GBV AOR", "Community leader", "Protection Sector (South)".
    pub fn name(&self) -> &str {
        if self.is_custom() {
            &self.label
        } else {
            &self.type_name
        }
    }

    /// The type alone, never a custom label: what an attribution at the `structure`
    /// level says ("Other structure" for every custom one).
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The custom label, empty for a named structure: the CSV's `structure_label`.
    pub fn custom_label(&self) -> &str {
        &self.label
    }

    /// "26 protection clusters", "1 GBV AOR", "200 community leaders", "2 sessions of
    /// Protection Sector (South)", "3 sessions of `youth_group` (a type the guide does not
    /// declare)".
    pub fn count(&self, say: Say, n: usize) -> String {
        if self.is_custom() {
            return say.tr(
                "rpt-group-sessions-of",
                &[("n", n.into()), ("name", self.label.as_str().into())],
            );
        }
        if self.undeclared {
            return say.tr(
                "rpt-group-undeclared",
                &[("n", n.into()), ("id", self.structure.as_str().into())],
            );
        }
        match &self.plural {
            Some(_) if n == 1 => format!("1 {}", self.type_name),
            Some(p) => format!("{} {p}", say.n(n)),
            None => say.tr(
                "rpt-group-sessions-of",
                &[("n", n.into()), ("name", self.type_name.as_str().into())],
            ),
        }
    }

    /// A short, file-name-safe tag: `protection_cluster`, `other-protection-sector-south`.
    pub fn tag(&self) -> String {
        if self.is_custom() {
            let mut tag = format!("{}-", self.structure);
            for c in deunicode::deunicode(&self.key).chars() {
                if c.is_ascii_alphanumeric() {
                    tag.push(c.to_ascii_lowercase());
                } else if !tag.ends_with('-') {
                    tag.push('-');
                }
            }
            tag.trim_end_matches('-').to_string()
        } else {
            self.structure.as_str().to_string()
        }
    }
}

/// The groups of a report: the respondent types its guides declare, and every custom
/// label's grouping key, shown under the spelling most sessions used (the first in sort
/// order on a tie), so the same sessions always give the same headings.
#[derive(Debug)]
pub struct Groups {
    kinds: Vec<Kind>,
    shown: BTreeMap<(Structure, String), String>,
}

impl Default for Groups {
    fn default() -> Groups {
        Groups::new(std::iter::empty(), &[])
    }
}

impl Groups {
    /// `guides`: the report's guides, the one whose names win first (a type two guides
    /// declare is named as the first does). With none, the four default types.
    pub fn new<'a>(
        labels: impl Iterator<Item = (Structure, &'a str)>,
        guides: &[&Guide],
    ) -> Groups {
        let mut kinds: Vec<Kind> = Vec::new();
        let defaults = Respondent::defaults();
        let lists: Vec<(&[Respondent], &str)> = if guides.is_empty() {
            vec![(&defaults, "en")]
        } else {
            guides
                .iter()
                .map(|g| (g.respondents.as_slice(), g.default_language()))
                .collect()
        };
        for (list, lang) in lists {
            for r in list {
                if kinds.iter().any(|k| k.id == r.id) {
                    continue;
                }
                kinds.push(Kind {
                    id: r.id,
                    name: r.name(lang, lang).to_string(),
                    plural: r.plural.as_ref().map(|p| p.get(lang, lang).to_string()),
                    named: r.other,
                });
            }
        }
        let mut groups = Groups {
            kinds,
            shown: BTreeMap::new(),
        };
        let mut spellings: BTreeMap<(Structure, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (s, label) in labels {
            let key = key_of(label);
            if groups.names_apart(s) && !key.is_empty() {
                *spellings
                    .entry((s, key))
                    .or_default()
                    .entry(label.trim().to_string())
                    .or_default() += 1;
            }
        }
        groups.shown = spellings
            .into_iter()
            .filter_map(|(key, counts)| {
                // max_by_key keeps the last of equals: reversed, the first in sort order.
                let best = counts
                    .into_iter()
                    .rev()
                    .max_by_key(|(_, n)| *n)
                    .map(|(l, _)| l)?;
                Some((key, best))
            })
            .collect();
        groups
    }

    /// Are a type's sessions grouped by the name each gives? An `other` type's are, and
    /// so are an undeclared type's, rather than merge what may be different things.
    fn names_apart(&self, s: Structure) -> bool {
        self.kinds
            .iter()
            .find(|k| k.id == s)
            .is_none_or(|k| k.named)
    }

    /// A type's own group (or an `other` type's unlabelled one).
    pub fn named(&self, structure: Structure) -> Group {
        let at = self.kinds.iter().position(|k| k.id == structure);
        let kind = at.map(|i| &self.kinds[i]);
        Group {
            structure,
            rank: at.unwrap_or(self.kinds.len()),
            undeclared: kind.is_none(),
            type_name: kind.map_or_else(|| structure.to_string(), |k| k.name.clone()),
            plural: kind.and_then(|k| k.plural.clone()),
            key: String::new(),
            label: String::new(),
        }
    }

    /// The groups every table lists, with a session or not: each declared type that is
    /// not an `other` one (a type no one reached must not be silently absent).
    pub fn listed(&self) -> Vec<Group> {
        self.kinds
            .iter()
            .filter(|k| !k.named)
            .map(|k| self.named(k.id))
            .collect()
    }

    pub fn of(&self, structure: Structure, label: &str) -> Group {
        let key = key_of(label);
        let mut g = self.named(structure);
        if !self.names_apart(structure) || key.is_empty() {
            return g;
        }
        g.label = self
            .shown
            .get(&(structure, key.clone()))
            .cloned()
            .unwrap_or_else(|| label.trim().to_string());
        g.key = key;
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_structures_are_their_own_groups_whatever_their_spacing_or_case() {
        let labels = [
            (Structure::Other, " Protection Sector (South)"),
            (Structure::Other, "protection  sector (south) "),
            (Structure::Other, "Protection Sector (South)"),
            (Structure::Other, "Cash Working Group"),
            (Structure::Other, ""),
            (Structure::GbvAor, "ignored"),
        ];
        let groups = Groups::new(labels.iter().map(|(s, l)| (*s, *l)), &[]);
        let g: Vec<Group> = labels.iter().map(|(s, l)| groups.of(*s, l)).collect();
        assert_eq!(g[0], g[1]);
        assert_eq!(g[1], g[2]);
        assert_eq!(
            g[0].name(),
            "Protection Sector (South)",
            "the spelling most used"
        );
        assert_ne!(g[0], g[3]);
        assert_eq!(g[4].name(), "Other structure");
        assert_eq!(g[5], groups.named(Structure::GbvAor));
        assert_eq!(g[5].name(), "GBV AOR");
        let say = Say::default();
        assert_eq!(
            g[0].count(say, 2),
            "2 sessions of Protection Sector (South)"
        );
        assert_eq!(g[5].count(say, 1), "1 GBV AOR");
        assert_eq!(g[0].type_name(), "Other structure");
        assert_eq!(g[0].tag(), "other-protection-sector-south");
        let mut sorted = g.clone();
        sorted.sort();
        sorted.dedup();
        let names: Vec<&str> = sorted.iter().map(Group::name).collect();
        assert_eq!(
            names,
            [
                "GBV AOR",
                "Other structure",
                "Cash Working Group",
                "Protection Sector (South)"
            ]
        );
    }
}
