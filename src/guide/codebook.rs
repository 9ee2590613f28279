//! Codebooks: the themes a collator codes free text with (`docs/codebook.md`). A codebook
//! is TOML beside its guide (`<guide file stem>.codebook.toml`), checked as strictly as a
//! guide: every problem at its `file:line:col`, nothing half-read.

use crate::i18n::Words;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostics, GuideErrors};
use super::load::is_identifier;
use super::model::Text;

pub const CODEBOOK_FORMAT: &str = "stocktake.codebook.v1";
/// A codebook is a few hundred codes at most; more is a mistake or an attack.
pub const MAX_CODEBOOK_BYTES: u64 = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub id: String,
    pub label: Text,
    pub description: Text,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codebook {
    /// The id of the guide whose texts it codes.
    pub guide: String,
    pub languages: Vec<String>,
    /// In the file's order, which is the order the collator sees them in.
    pub codes: Vec<Code>,
}

impl Codebook {
    pub fn code(&self, id: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }

    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("en")
    }

    /// The label of `id` in `lang`, or the id itself for a code no longer in the book
    /// (codings outlive a code's deletion, and say so).
    pub fn label<'a>(&'a self, id: &'a str, lang: &str) -> &'a str {
        self.code(id)
            .map(|c| c.label.get(lang, self.default_language()))
            .unwrap_or(id)
    }

    /// Is `id` somewhere under `ancestor` (a child, a grandchild, …)?
    pub fn is_under(&self, id: &str, ancestor: &str) -> bool {
        let mut at = self.code(id).and_then(|c| c.parent.as_deref());
        let mut steps = 0;
        while let Some(p) = at {
            if p == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.codes.len() {
                return false;
            }
            at = self.code(p).and_then(|c| c.parent.as_deref());
        }
        false
    }

    /// How deep a code sits under its parents (0 for a top-level code).
    pub fn depth(&self, id: &str) -> usize {
        let mut depth = 0;
        let mut at = self.code(id).and_then(|c| c.parent.as_deref());
        while let Some(p) = at {
            depth += 1;
            if depth > self.codes.len() {
                break;
            }
            at = self.code(p).and_then(|c| c.parent.as_deref());
        }
        depth
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    format: Spanned<String>,
    guide: Spanned<String>,
    languages: Spanned<Vec<String>>,
    #[serde(default)]
    codes: Vec<Spanned<RawCode>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCode {
    id: Spanned<String>,
    label: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    description: BTreeMap<String, String>,
    parent: Option<Spanned<String>>,
}

fn span<T>(s: &Spanned<T>) -> Range<usize> {
    s.span()
}

/// Read a codebook from its text; `origin` names it in errors.
pub fn parse_codebook(source: &str, origin: &str) -> Result<Codebook, GuideErrors> {
    let mut d = Diagnostics::new(source);
    let raw: RawBook = match toml::from_str(source) {
        Ok(r) => r,
        Err(e) => {
            let at = e.span().unwrap_or(0..0);
            // The TOML reader's own words.
            d.error(&at, Words::Text(e.message().trim().to_string()));
            return Err(d.finish(origin));
        }
    };
    if *raw.format.get_ref() != CODEBOOK_FORMAT {
        d.error(
            &span(&raw.format),
            Words::msg("check-codebook-format")
                .arg("found", format!("{:?}", raw.format.get_ref()))
                .arg("known", format!("{CODEBOOK_FORMAT:?}")),
        );
    }
    if !is_identifier(raw.guide.get_ref()) {
        d.error(&span(&raw.guide), Words::msg("check-codebook-guide"));
    }
    let languages = raw.languages.get_ref().clone();
    if languages.is_empty() {
        d.error(
            &span(&raw.languages),
            Words::msg("check-codebook-no-language"),
        );
    }
    let mut ids = BTreeSet::new();
    for c in &raw.codes {
        let c = c.get_ref();
        let id = c.id.get_ref();
        if !is_identifier(id) {
            d.error(
                &span(&c.id),
                Words::msg("check-code-bad-id").arg("id", format!("{id:?}")),
            );
        } else if !ids.insert(id.clone()) {
            d.error(
                &span(&c.id),
                Words::msg("check-code-twice").arg("id", format!("{id:?}")),
            );
        }
        for lang in &languages {
            if c.label
                .get_ref()
                .get(lang)
                .is_none_or(|l| l.trim().is_empty())
            {
                d.error(
                    &span(&c.label),
                    Words::msg("check-code-no-label")
                        .arg("id", format!("{id:?}"))
                        .arg("lang", format!("{lang:?}")),
                );
            }
        }
        for lang in c.label.get_ref().keys() {
            if !languages.contains(lang) {
                d.error(
                    &span(&c.label),
                    Words::msg("check-code-other-label")
                        .arg("id", format!("{id:?}"))
                        .arg("lang", format!("{lang:?}")),
                );
            }
        }
    }
    for c in &raw.codes {
        let c = c.get_ref();
        if let Some(p) = &c.parent
            && !ids.contains(p.get_ref())
        {
            d.error(
                &span(p),
                Words::msg("check-code-unknown-parent")
                    .arg("id", format!("{:?}", c.id.get_ref()))
                    .arg("parent", format!("{:?}", p.get_ref())),
            );
        }
    }
    let codes: Vec<Code> = raw
        .codes
        .into_iter()
        .map(|c| {
            let c = c.into_inner();
            Code {
                id: c.id.into_inner(),
                label: Text(c.label.into_inner()),
                description: Text(c.description),
                parent: c.parent.map(Spanned::into_inner),
            }
        })
        .collect();
    // A parent chain that comes back to itself would make every "under this theme" loop.
    let book = Codebook {
        guide: raw.guide.into_inner(),
        languages,
        codes,
    };
    for c in &book.codes {
        if book.depth(&c.id) > book.codes.len() {
            let at = source.find(&format!("\"{}\"", c.id)).unwrap_or(0);
            d.error(
                &(at..at),
                Words::msg("check-code-loop").arg("id", format!("{:?}", c.id)),
            );
        }
    }
    if d.is_empty() {
        Ok(book)
    } else {
        Err(d.finish(origin))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    /// What the system said of the file.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a regular file: give the codebook's .toml file")]
    NotAFile { path: String },
    #[error("{path}: larger than {kib} KiB: a codebook is a list of codes")]
    TooLarge { path: String, kib: u64 },
    #[error("{path}: not UTF-8 text")]
    NotUtf8 { path: String },
    #[error("{0}")]
    Invalid(GuideErrors),
}

impl crate::i18n::Reason for CodebookError {
    fn words(&self) -> crate::i18n::Words {
        let at = |path: &String, what: Words| {
            Words::msg("why-path")
                .arg("path", path.clone())
                .with("what", what)
        };
        match self {
            CodebookError::Io { path, source } => at(path, source.said()),
            CodebookError::NotAFile { path } => at(path, Words::msg("why-codebook-not-a-file")),
            CodebookError::TooLarge { path, kib } => at(
                path,
                Words::msg("why-codebook-too-large").arg("kib", kib.to_string()),
            ),
            CodebookError::NotUtf8 { path } => at(path, Words::msg("why-codebook-not-utf8")),
            CodebookError::Invalid(e) => e.words(),
        }
    }
}

/// Read a codebook file: regular files only, at most [`MAX_CODEBOOK_BYTES`].
pub fn load_codebook_file(path: &Path) -> Result<Codebook, CodebookError> {
    use std::io::Read;
    let shown = || path.display().to_string();
    let io = |source| CodebookError::Io {
        path: shown(),
        source,
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(CodebookError::NotAFile { path: shown() });
    }
    let mut bytes = Vec::new();
    f.take(MAX_CODEBOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_CODEBOOK_BYTES {
        return Err(CodebookError::TooLarge {
            path: shown(),
            kib: MAX_CODEBOOK_BYTES / 1024,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| CodebookError::NotUtf8 { path: shown() })?;
    parse_codebook(&text, &path.display().to_string()).map_err(CodebookError::Invalid)
}

/// The codebooks shipped beside the bundled guides.
pub const BUNDLED_CODEBOOKS: &[(&str, &str)] = &[(
    "interview-guides/gpc-attt-coordinator.codebook.toml",
    include_str!("../../interview-guides/gpc-attt-coordinator.codebook.toml"),
)];

/// The bundled codebook of guide `id`, if one ships.
pub fn bundled_codebook(guide_id: &str) -> Option<Codebook> {
    BUNDLED_CODEBOOKS
        .iter()
        .filter_map(|(origin, text)| parse_codebook(text, origin).ok())
        .find(|b| b.guide == guide_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_codebook_reads() {
        for (origin, text) in BUNDLED_CODEBOOKS {
            let b = parse_codebook(text, origin).unwrap_or_else(|e| panic!("{e}"));
            assert!(b.codes.len() >= 8, "{origin}");
        }
        let b = bundled_codebook("gpc-attt-coordinator").expect("shipped");
        assert_eq!(
            b.label("lack_of_knowledge", "fr"),
            "Manque de connaissances"
        );
        assert_eq!(b.label("gone", "en"), "gone", "a deleted code keeps its id");
    }

    #[test]
    fn every_problem_is_at_its_place() {
        let src = r#"format = "stocktake.codebook.v1"
guide = "g"
languages = ["en", "fr"]

[[codes]]
id = "a"
label = { en = "A" }

[[codes]]
id = "a"
label = { en = "A again", fr = "A encore", de = "A" }
parent = "nope"
"#;
        let e = parse_codebook(src, "book.toml").expect_err("bad");
        assert_eq!(
            e.to_string(),
            "book.toml:7:9: code \"a\" has no label in \"fr\", a language the codebook names\n\
             book.toml:10:6: code id \"a\" is used twice\n\
             book.toml:11:9: code \"a\" has a label in \"de\", which `languages` does not name\n\
             book.toml:12:10: code \"a\" has parent \"nope\", which is not a code of this codebook"
        );
    }

    #[test]
    fn a_parent_loop_is_refused() {
        let src = r#"format = "stocktake.codebook.v1"
guide = "g"
languages = ["en"]
[[codes]]
id = "a"
label = { en = "A" }
parent = "b"
[[codes]]
id = "b"
label = { en = "B" }
parent = "a"
"#;
        let e = parse_codebook(src, "loop.toml").expect_err("loop");
        assert!(e.to_string().contains("is its own ancestor"), "{e}");
    }

    #[test]
    fn an_unknown_key_and_a_newer_format_are_refused() {
        let e = parse_codebook(
            "format = \"stocktake.codebook.v9\"\nguide = \"g\"\nlanguages = [\"en\"]\n",
            "new.toml",
        )
        .expect_err("newer");
        assert_eq!(
            e.to_string(),
            "new.toml:1:10: `format` is \"stocktake.codebook.v9\": this stocktake reads \"stocktake.codebook.v1\" (a newer stocktake may read it)"
        );
        let e = parse_codebook(
            "format = \"stocktake.codebook.v1\"\nguide = \"g\"\nlanguages = [\"en\"]\ncolour = 1\n",
            "k.toml",
        )
        .expect_err("unknown");
        assert!(
            e.to_string()
                .starts_with("k.toml:4:1: unknown field `colour`"),
            "{e}"
        );
    }
}
