//! The report's own words (headings, notes, captions, the numbers in them) in the
//! report's language, from `en-report.ftl` / `fr-report.ftl`. A report is read by others
//! than whoever writes it, so it follows `--report-language`, else its guide's first
//! language, never the collator's screen ([`Report::language`]).
//!
//! Messages hold no markup: the renderers escape what comes from a file before it is an
//! argument and put tags around the words, so one message serves HTML, Markdown and SVG.

use crate::i18n::{FluentValue, UiLang};

use super::model::{Report, SUPPRESSED};

/// The language of one report, and how its numbers are written in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Say {
    pub lang: UiLang,
}

impl Say {
    pub fn new(lang: UiLang) -> Say {
        Say { lang }
    }

    /// A message with its arguments. In English the numbers stay ungrouped (`12500`), as
    /// the reports have always written them and as the golden digests pin them; French
    /// groups them as the rest of the program does (`12 500`).
    pub fn tr(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        if self.lang != UiLang::En {
            return crate::i18n::tr(self.lang, id, args);
        }
        // Only the numbers grouping would touch: a number with other options no longer
        // equals a variant key (`[0]`), so the small ones keep theirs.
        let plain: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| match v {
                FluentValue::Number(n) if n.value.abs() >= 10_000.0 => {
                    let mut n = n.clone();
                    n.options.use_grouping = false;
                    (*k, FluentValue::Number(n))
                }
                v => (*k, v.clone()),
            })
            .collect();
        crate::i18n::tr(self.lang, id, &plain)
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.tr(id, &[])
    }

    /// A whole number as the messages write it: `12500`, `12 500` (narrow no-break space).
    pub fn n(&self, n: usize) -> String {
        match self.lang {
            UiLang::En => n.to_string(),
            lang => crate::i18n::whole(lang, n as u64),
        }
    }

    /// `19%`; in French `19 %`, a no-break space before the sign as before `:`.
    pub fn pct(&self, p: u32) -> String {
        match self.lang {
            UiLang::En => format!("{p}%"),
            UiLang::Fr => format!("{p}\u{a0}%"),
        }
    }

    /// `0.85`, `1.8`: a fraction with the language's decimal mark (`0,85`).
    pub fn decimal(&self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        match self.lang {
            UiLang::En => s,
            UiLang::Fr => s.replace('.', ","),
        }
    }

    /// A count as the tables show it: `x` when suppressed (the same mark in every
    /// language, as in the CSV).
    pub fn count(&self, count: usize, suppressed: bool) -> String {
        if suppressed {
            SUPPRESSED.to_string()
        } else {
            self.n(count)
        }
    }

    /// A count with its percentage: `5 (19%)`, or `x` alone.
    pub fn cell(&self, count: usize, percent: u32, suppressed: bool) -> String {
        if suppressed {
            SUPPRESSED.to_string()
        } else {
            format!("{} ({})", self.n(count), self.pct(percent))
        }
    }

    /// "version 2", "versions 1, 3".
    pub fn versions(&self, versions: &[String]) -> String {
        self.tr(
            "rpt-versions",
            &[
                ("n", versions.len().into()),
                ("list", versions.join(", ").into()),
            ],
        )
    }

    /// "1 session", "2 sessions".
    pub fn sessions(&self, n: usize) -> String {
        self.tr("rpt-sessions", &[("n", n.into())])
    }
}

impl Report {
    /// The language of the report's own words: `--report-language`, else the first
    /// language of its guide (with several, the guide of the most sessions, the first id
    /// in order on a tie), else English where stocktake has no words in that language.
    pub fn language(&self) -> UiLang {
        if let Some(lang) = self.options.language {
            return lang;
        }
        self.sections
            .iter()
            .max_by(|a, b| {
                a.sessions
                    .len()
                    .cmp(&b.sessions.len())
                    .then_with(|| b.guide.id.cmp(&a.guide.id))
            })
            .and_then(|s| UiLang::parse(s.guide.default_language()))
            .unwrap_or_default()
    }

    pub fn say(&self) -> Say {
        Say::new(self.language())
    }
}

/// The words of an answer the guide does not word itself: yes and no, and the ways of
/// not answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerWord {
    Yes,
    No,
    DontKnow,
    Declined,
    NotAsked,
    Unanswered,
    /// As a recorded answer is said in a sentence ("don't know"), lower case.
    SaidDontKnow,
    SaidDeclined,
    SaidNotAsked,
    NothingYet,
}

impl AnswerWord {
    const ALL: [AnswerWord; 10] = [
        AnswerWord::Yes,
        AnswerWord::No,
        AnswerWord::DontKnow,
        AnswerWord::Declined,
        AnswerWord::NotAsked,
        AnswerWord::Unanswered,
        AnswerWord::SaidDontKnow,
        AnswerWord::SaidDeclined,
        AnswerWord::SaidNotAsked,
        AnswerWord::NothingYet,
    ];

    fn id(self) -> &'static str {
        match self {
            AnswerWord::Yes => "rpt-answer-yes",
            AnswerWord::No => "rpt-answer-no",
            AnswerWord::DontKnow => "rpt-answer-dont_know",
            AnswerWord::Declined => "rpt-answer-declined",
            AnswerWord::NotAsked => "rpt-answer-not_asked",
            AnswerWord::Unanswered => "rpt-answer-unanswered",
            AnswerWord::SaidDontKnow => "rpt-said-dont_know",
            AnswerWord::SaidDeclined => "rpt-said-declined",
            AnswerWord::SaidNotAsked => "rpt-said-not_asked",
            AnswerWord::NothingYet => "rpt-said-nothing-yet",
        }
    }

    pub fn said(special: crate::session::Special) -> AnswerWord {
        use crate::session::Special;
        match special {
            Special::DontKnow => AnswerWord::SaidDontKnow,
            Special::Declined => AnswerWord::SaidDeclined,
            Special::NotAsked => AnswerWord::SaidNotAsked,
        }
    }

    /// The word in the guide's language `guide_lang`, like the option labels beside it
    /// (a French guide's table says "Oui" where its options are French, whatever the
    /// report's own language); in English where stocktake has no words in it. Looked up
    /// once per language: the matrix says them for every session.
    pub fn in_guide(self, guide_lang: &str) -> &'static str {
        static WORDS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
        let words = WORDS.get_or_init(|| {
            UiLang::ALL
                .iter()
                .map(|l| {
                    AnswerWord::ALL
                        .iter()
                        .map(|w| crate::i18n::t(*l, w.id()))
                        .collect()
                })
                .collect()
        });
        let lang = UiLang::parse(guide_lang).unwrap_or_default();
        let at = UiLang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let at_word = AnswerWord::ALL.iter().position(|w| *w == self).unwrap_or(0);
        words
            .get(at)
            .and_then(|w| w.get(at_word))
            .map_or("", String::as_str)
    }
}
