//! Who a session is about: the respondent types a guide declares (`respondents`), each an
//! id with its names in the guide's languages, and the four coordination structures a
//! guide without that key has.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

use super::model::Text;

/// The longest id: the same rule as every other id of a guide.
const ID_MAX: usize = 64;

/// A respondent type's id, as session files carry it in `respondent.structure`:
/// `protection_cluster`, `community_leader`, … Any guide id is one (see
/// [`super::is_identifier`]); whether a guide declares it is the guide's business.
///
/// Still named `Structure`, and still `Copy`, from when it was an enum of the four
/// coordination structures: an id is at most 64 ASCII bytes, kept inline, so code written
/// against the enum reads the same, and the four are still constants of that name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Structure {
    bytes: [u8; ID_MAX],
    len: u8,
}

#[allow(non_upper_case_globals)]
impl Structure {
    pub const ProtectionCluster: Structure = Structure::of("protection_cluster");
    pub const CpAor: Structure = Structure::of("cp_aor");
    pub const GbvAor: Structure = Structure::of("gbv_aor");
    pub const Other: Structure = Structure::of("other");
}

impl Structure {
    /// The respondent types of a guide without `respondents`, in their order.
    pub const DEFAULTS: [Structure; 4] = [
        Structure::ProtectionCluster,
        Structure::CpAor,
        Structure::GbvAor,
        Structure::Other,
    ];

    /// A constant id; not for text from outside (that goes through [`Structure::parse`]).
    const fn of(s: &str) -> Structure {
        let b = s.as_bytes();
        assert!(
            !b.is_empty() && b.len() <= ID_MAX,
            "a respondent id is 1 to 64 bytes"
        );
        let mut bytes = [0u8; ID_MAX];
        let mut i = 0;
        while i < b.len() {
            bytes[i] = b[i];
            i += 1;
        }
        Structure {
            bytes,
            len: b.len() as u8,
        }
    }

    /// An id, if `s` is one (lowercase ASCII letters, digits, `_` and `-`, 1–64 of them).
    pub fn parse(s: &str) -> Option<Structure> {
        super::is_identifier(s).then(|| Structure::of(s))
    }

    pub fn as_str(&self) -> &str {
        // Only ever built from an identifier, which is ASCII.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// One of the four types a guide without `respondents` has.
    pub fn is_default(self) -> bool {
        Structure::DEFAULTS.contains(&self)
    }

    /// A name where no guide is at hand (a list of sessions from several guides): a
    /// default type's English name, else the id itself. Wherever the session's guide is
    /// known, [`super::Guide::respondent_name`] says what that guide calls it.
    pub fn label(self, lang: &str) -> Cow<'static, str> {
        match Respondent::default_of(self) {
            Some(r) => Cow::Owned(r.label.get(lang, "en").to_string()),
            None => Cow::Owned(self.as_str().to_string()),
        }
    }

    /// As [`Structure::label`], short enough for tabs and tick boxes at 80 columns.
    pub fn short_label(self, lang: &str) -> Cow<'static, str> {
        match Respondent::default_of(self) {
            Some(r) => Cow::Owned(r.short_name(lang, "en").to_string()),
            None => Cow::Owned(self.as_str().to_string()),
        }
    }
}

impl fmt::Debug for Structure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Structure({:?})", self.as_str())
    }
}

impl fmt::Display for Structure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialOrd for Structure {
    fn partial_cmp(&self, other: &Structure) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The four default types first, in their usual order, then any other id by name: so a
/// list sorted without its guide at hand still reads Protection Cluster, CP AOR, … A
/// report orders its groups by the guide's own declaration instead.
impl Ord for Structure {
    fn cmp(&self, other: &Structure) -> Ordering {
        let rank = |s: &Structure| {
            Structure::DEFAULTS
                .iter()
                .position(|d| d == s)
                .unwrap_or(Structure::DEFAULTS.len())
        };
        (rank(self), self.as_str()).cmp(&(rank(other), other.as_str()))
    }
}

impl Serialize for Structure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The name people read for a respondent where no guide is at hand: a custom `other`
/// structure's own label (trimmed), else the type's English name (or its id).
pub fn structure_name(structure: Structure, label: &str) -> Cow<'_, str> {
    structure_name_in(structure, label, "en")
}

/// As [`structure_name`], a default type named in `lang` (English where it has no name
/// in it): for a screen in that language.
pub fn structure_name_in<'a>(structure: Structure, label: &'a str, lang: &str) -> Cow<'a, str> {
    let label = label.trim();
    if !label.is_empty() && (structure == Structure::Other || !structure.is_default()) {
        Cow::Borrowed(label)
    } else {
        structure.label(lang)
    }
}

/// A respondent type a guide declares: `{ id, label, plural?, short?, other? }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Respondent {
    pub id: Structure,
    /// Its name: the new-call form's tick box, the interview's tab, the report's headings.
    pub label: Text,
    /// How the report counts them: "n = 200 community leaders". `None`: "n = 200
    /// sessions of <label>".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plural: Option<Text>,
    /// A shorter name for tabs and tick boxes at 80 columns; `None`: the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// Choosing it asks the interviewer to name it ("Other: Shelter Cluster"), and each
    /// name is its own group in the report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
}

impl Respondent {
    /// The types of a guide without `respondents`: the coordination structures the
    /// coordinator guide was written for.
    pub fn defaults() -> Vec<Respondent> {
        let t = |en: &str, fr: &str| {
            Text(
                [("en", en), ("fr", fr)]
                    .into_iter()
                    .map(|(l, s)| (l.to_string(), s.to_string()))
                    .collect(),
            )
        };
        let r = |id, label: Text, short: Text, plural: Text, other| Respondent {
            id,
            label,
            plural: Some(plural),
            short: Some(short),
            other,
        };
        vec![
            r(
                Structure::ProtectionCluster,
                t("Protection Cluster", "Cluster Protection"),
                t("Protection Cluster", "Cluster Protection"),
                t("protection clusters", "clusters Protection"),
                false,
            ),
            r(
                Structure::CpAor,
                t(
                    "Child Protection AOR",
                    "Domaine de responsabilité Protection de l'enfance",
                ),
                t("CP AOR", "DR PE"),
                t("CP AORs", "DR PE"),
                false,
            ),
            r(
                Structure::GbvAor,
                t("GBV AOR", "Domaine de responsabilité VBG"),
                t("GBV AOR", "DR VBG"),
                t("GBV AORs", "DR VBG"),
                false,
            ),
            r(
                Structure::Other,
                t("Other structure", "Autre structure"),
                t("Other", "Autre"),
                t("other structures", "autres structures"),
                true,
            ),
        ]
    }

    fn default_of(id: Structure) -> Option<Respondent> {
        Respondent::defaults().into_iter().find(|r| r.id == id)
    }

    /// Are these exactly the defaults? Then a guide written back leaves the key out.
    pub fn are_defaults(list: &[Respondent]) -> bool {
        list == Respondent::defaults().as_slice()
    }

    pub fn name<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.label.get(lang, default_lang)
    }

    pub fn short_name<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match &self.short {
            Some(s) => s.get(lang, default_lang),
            None => self.label.get(lang, default_lang),
        }
    }

    /// "200 community leaders", "1 community leader" (the label, for one), or without a
    /// plural "200 sessions of Community leader".
    pub fn count(&self, n: usize, lang: &str, default_lang: &str) -> String {
        let label = self.label.get(lang, default_lang);
        match &self.plural {
            Some(_) if n == 1 => format!("1 {label}"),
            Some(p) => format!("{n} {}", p.get(lang, default_lang)),
            None if n == 1 => format!("1 session of {label}"),
            None => format!("{n} sessions of {label}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_kept_inline_and_compares_as_the_enum_did() {
        let s = Structure::parse("community_leader").expect("an id");
        assert_eq!(s.as_str(), "community_leader");
        assert_eq!(Structure::parse("cp_aor"), Some(Structure::CpAor));
        assert_eq!(Structure::parse("Community Leader"), None);
        assert_eq!(Structure::parse(""), None);
        assert_eq!(Structure::parse(&"a".repeat(65)), None);
        let long = "a".repeat(64);
        assert_eq!(Structure::parse(&long).map(|s| s.as_str().len()), Some(64));
        let mut all = vec![
            s,
            Structure::Other,
            Structure::ProtectionCluster,
            Structure::CpAor,
        ];
        all.sort();
        assert_eq!(
            all,
            [
                Structure::ProtectionCluster,
                Structure::CpAor,
                Structure::Other,
                s
            ]
        );
        assert!(matches!(Structure::CpAor, Structure::CpAor));
        assert_eq!(format!("{s:?}"), "Structure(\"community_leader\")");
    }

    #[test]
    fn the_defaults_count_as_the_report_always_has() {
        let d = Respondent::defaults();
        assert_eq!(d[0].count(26, "en", "en"), "26 protection clusters");
        assert_eq!(d[2].count(1, "en", "en"), "1 GBV AOR");
        assert_eq!(d[1].short_name("fr", "en"), "DR PE");
        assert!(Respondent::are_defaults(&d));
        let ki = Respondent {
            id: Structure::parse("youth").expect("id"),
            label: Text::new("en", "Youth"),
            plural: None,
            short: None,
            other: false,
        };
        assert_eq!(ki.count(3, "en", "en"), "3 sessions of Youth");
        assert_eq!(ki.short_name("en", "en"), "Youth");
        assert_eq!(
            Structure::CpAor.label("fr"),
            "Domaine de responsabilité Protection de l'enfance"
        );
        assert_eq!(ki.id.label("en"), "youth");
    }
}
