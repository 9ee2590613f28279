//! Problems found in a guide, located in its source: printed compiler-style as
//! `file:line:col: message`, one line each, so an editor can jump to them.

use std::fmt;
use std::ops::Range;

use crate::i18n::{Reason, Words};

/// One problem, at a byte offset of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    /// In English, as logs, tests and the XLSForm import's notes read it.
    pub message: String,
    /// The same, to be said in any language: its message id and what it names.
    pub words: Words,
}

/// Every problem found in one guide file, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct GuideErrors {
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for GuideErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: {}", self.origin, p.line, p.col, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for GuideErrors {}

/// One `file:line:col: problem` a line, the place as editors read it in every language.
impl Reason for GuideErrors {
    fn words(&self) -> Words {
        let mut lines = self.problems.iter().map(|p| {
            Words::msg("why-at")
                .arg("file", self.origin.clone())
                .arg("line", p.line.to_string())
                .arg("col", p.col.to_string())
                .with("what", p.words.clone())
        });
        let Some(first) = lines.next() else {
            return Words::Text(String::new());
        };
        lines.fold(first, |all, next| {
            Words::msg("why-lines")
                .with("first", all)
                .with("then", next)
        })
    }
}

/// Collects problems while a guide is read; turns byte spans into line:column.
pub(crate) struct Diagnostics<'s> {
    source: &'s str,
    found: Vec<(usize, Words)>,
}

impl<'s> Diagnostics<'s> {
    pub fn new(source: &'s str) -> Self {
        Diagnostics {
            source,
            found: Vec::new(),
        }
    }

    /// A problem as a message id with what it names, so it can be said in any language;
    /// a parser's own words as `Words::Text`.
    pub fn error(&mut self, span: &Range<usize>, words: Words) {
        self.found.push((span.start, words));
    }

    pub fn source(&self) -> &'s str {
        self.source
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn finish(mut self, origin: &str) -> GuideErrors {
        // Stable sort: two problems at one place keep the order they were found in.
        self.found.sort_by_key(|(at, _)| *at);
        self.found.dedup();
        let problems = self
            .found
            .into_iter()
            .map(|(at, words)| {
                let (line, col) = line_col(self.source, at);
                Problem {
                    line,
                    col,
                    message: words.en(),
                    words,
                }
            })
            .collect();
        GuideErrors {
            origin: origin.to_string(),
            problems,
        }
    }
}

/// 1-based line and column (in characters, as editors count) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The closest candidate to a misspelt name, if one is close enough to be a typo.
pub(crate) fn suggest<'a>(wrong: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(wrong, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let s = "a = 1\né = \"x\" z";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 6), (2, 1));
        // Eight characters (nine bytes: `é` is two) precede `z`.
        let z = s.find('z').unwrap();
        assert_eq!(line_col(s, z), (2, 9));
    }

    #[test]
    fn suggestion_finds_typos_only() {
        let keys = ["guidance", "required", "show_if", "text"];
        assert_eq!(suggest("guidence", &keys), Some("guidance"));
        assert_eq!(suggest("requried", &keys), Some("required"));
        assert_eq!(suggest("showif", &keys), Some("show_if"));
        assert_eq!(suggest("colour", &keys), None);
    }
}
