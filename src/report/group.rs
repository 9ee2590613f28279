//! How sessions are grouped by the structure interviewed: the three named structures, and
//! each custom `other` structure under its own label, so that "Protection Sector (South)"
//! is never merged into one "Other". Labels are grouped trimmed and without regard to
//! case or repeated spaces; a group is shown under its most used spelling.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::guide::Structure;

/// The name people read for a structure: a custom `other` structure's own label
/// (trimmed), else the structure's English label.
pub fn structure_name(structure: Structure, label: &str) -> Cow<'_, str> {
    let label = label.trim();
    if structure == Structure::Other && !label.is_empty() {
        Cow::Borrowed(label)
    } else {
        Cow::Borrowed(structure.label("en"))
    }
}

/// One group of sessions in the report's tables.
#[derive(Debug, Clone)]
pub struct Group {
    pub structure: Structure,
    /// The label as grouped: empty for the named structures and an unlabelled `other`.
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

/// The named structures in their order, then the custom ones by label.
impl Ord for Group {
    fn cmp(&self, other: &Group) -> Ordering {
        (self.structure, &self.key).cmp(&(other.structure, &other.key))
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
    /// A named structure's group (or the unlabelled `other` one).
    pub fn named(structure: Structure) -> Group {
        Group {
            structure,
            key: String::new(),
            label: String::new(),
        }
    }

    /// Is this a custom `other` structure with a label of its own?
    pub fn is_custom(&self) -> bool {
        !self.key.is_empty()
    }

    /// "Protection Cluster", "GBV AOR", "Protection Sector (South)".
    pub fn name(&self) -> &str {
        if self.is_custom() {
            &self.label
        } else {
            self.structure.label("en")
        }
    }

    /// The structure's type alone, never a custom label: what an attribution at the
    /// `structure` level says ("Other structure" for every custom one).
    pub fn type_name(&self) -> &'static str {
        match self.structure {
            Structure::Other => "Other structure",
            s => s.label("en"),
        }
    }

    /// The custom label, empty for a named structure: the CSV's `structure_label`.
    pub fn custom_label(&self) -> &str {
        &self.label
    }

    /// "26 protection clusters", "1 GBV AOR", "2 sessions of Protection Sector (South)".
    pub fn count(&self, n: usize) -> String {
        if self.is_custom() {
            let what = if n == 1 { "session" } else { "sessions" };
            return format!("{n} {what} of {}", self.label);
        }
        let what = self.structure.plural();
        let what = if n == 1 {
            what.trim_end_matches('s')
        } else {
            what
        };
        format!("{n} {what}")
    }

    /// A short, file-name-safe tag: `protection_cluster`, `other-protection-sector-south`.
    pub fn tag(&self) -> String {
        if self.is_custom() {
            let mut tag = String::from("other-");
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

/// The groups of a report: every custom label's grouping key, shown under the spelling
/// most sessions used (the first in sort order on a tie), so the same sessions always
/// give the same headings.
#[derive(Debug, Default)]
pub struct Groups {
    shown: BTreeMap<String, String>,
}

impl Groups {
    pub fn new<'a>(labels: impl Iterator<Item = (Structure, &'a str)>) -> Groups {
        let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (s, label) in labels {
            let key = key_of(label);
            if s == Structure::Other && !key.is_empty() {
                *spellings
                    .entry(key)
                    .or_default()
                    .entry(label.trim().to_string())
                    .or_default() += 1;
            }
        }
        let shown = spellings
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
        Groups { shown }
    }

    pub fn of(&self, structure: Structure, label: &str) -> Group {
        let key = key_of(label);
        if structure != Structure::Other || key.is_empty() {
            return Group::named(structure);
        }
        let label = self
            .shown
            .get(&key)
            .cloned()
            .unwrap_or_else(|| label.trim().to_string());
        Group {
            structure,
            key,
            label,
        }
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
        let groups = Groups::new(labels.iter().map(|(s, l)| (*s, *l)));
        let g: Vec<Group> = labels.iter().map(|(s, l)| groups.of(*s, l)).collect();
        assert_eq!(g[0], g[1]);
        assert_eq!(g[1], g[2]);
        assert_eq!(
            g[0].name(),
            "Protection Sector (South)",
            "the spelling most used"
        );
        assert_ne!(g[0], g[3]);
        assert_eq!(g[4].name(), "Other");
        assert_eq!(g[5], Group::named(Structure::GbvAor));
        assert_eq!(g[5].name(), "GBV AOR");
        assert_eq!(g[0].count(2), "2 sessions of Protection Sector (South)");
        assert_eq!(g[5].count(1), "1 GBV AOR");
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
                "Other",
                "Cash Working Group",
                "Protection Sector (South)"
            ]
        );
    }
}
