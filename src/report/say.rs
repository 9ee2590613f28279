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

    /// Items joined by semicolons, spaced as the language spaces a semicolon.
    pub fn semicolons(&self, items: &[String]) -> String {
        match self.lang {
            UiLang::En => items.join("; "),
            UiLang::Fr => items.join("\u{a0}; "),
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
        self.options.language.unwrap_or_else(|| {
            guides_language(self.sections.iter().map(|s| {
                (
                    s.guide.id.as_str(),
                    s.sessions.len(),
                    s.guide.default_language(),
                )
            }))
        })
    }

    pub fn say(&self) -> Say {
        Say::new(self.language())
    }
}

/// Of the report's guides as (id, sessions, first language), the language of the one with
/// the most sessions, the first id in order on a tie: one guide's language for the whole
/// report, the same whatever order the collation lists them in. English when there is no
/// guide, or stocktake has no words in that language.
fn guides_language<'a>(guides: impl Iterator<Item = (&'a str, usize, &'a str)>) -> UiLang {
    guides
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .and_then(|(_, _, lang)| UiLang::parse(lang))
        .unwrap_or_default()
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
    /// As a recorded answer is said in a sentence ("yes → no", "don't know"), lower case.
    SaidYes,
    SaidNo,
    SaidDontKnow,
    SaidDeclined,
    SaidNotAsked,
    NothingYet,
    /// A question skip logic hid from a session, as a value beside its answers (REFI-QDA).
    Hidden,
}

/// The program's language a guide's language is punctuated and said in: English where
/// stocktake has no words in it.
fn ui_lang_of_guide(guide_lang: &str) -> UiLang {
    // The plain codes without `parse`'s allocation: this is asked for every session's
    // answers as the matrix is written.
    match guide_lang {
        "en" => UiLang::En,
        "fr" => UiLang::Fr,
        other => UiLang::parse(other).unwrap_or_default(),
    }
}

/// What goes between a label and what it labels (`Question: answer`) in the guide's
/// language, as `rpt-labelled` writes it there: a matrix cell's text is the guide's words,
/// so it is punctuated in its language whatever the report's (and `matrix.csv` stays the
/// same bytes in every report language). Looked up once per language.
pub fn colon_in_guide(guide_lang: &str) -> &'static str {
    static COLONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let colons = COLONS.get_or_init(|| {
        UiLang::ALL
            .iter()
            .map(|l| {
                let marked = crate::i18n::tr(
                    *l,
                    "rpt-labelled",
                    &[("label", "\u{1}".into()), ("what", "\u{2}".into())],
                );
                marked
                    .split_once('\u{1}')
                    .and_then(|(_, rest)| rest.split_once('\u{2}'))
                    .map_or(": ", |(between, _)| between)
                    .to_string()
            })
            .collect()
    });
    let at = UiLang::ALL
        .iter()
        .position(|l| *l == ui_lang_of_guide(guide_lang))
        .unwrap_or(0);
    colons.get(at).map_or(": ", String::as_str)
}

impl AnswerWord {
    const ALL: [AnswerWord; 13] = [
        AnswerWord::Yes,
        AnswerWord::No,
        AnswerWord::DontKnow,
        AnswerWord::Declined,
        AnswerWord::NotAsked,
        AnswerWord::Unanswered,
        AnswerWord::SaidYes,
        AnswerWord::SaidNo,
        AnswerWord::SaidDontKnow,
        AnswerWord::SaidDeclined,
        AnswerWord::SaidNotAsked,
        AnswerWord::NothingYet,
        AnswerWord::Hidden,
    ];

    fn id(self) -> &'static str {
        match self {
            AnswerWord::Yes => "rpt-answer-yes",
            AnswerWord::No => "rpt-answer-no",
            AnswerWord::DontKnow => "rpt-answer-dont_know",
            AnswerWord::Declined => "rpt-answer-declined",
            AnswerWord::NotAsked => "rpt-answer-not_asked",
            AnswerWord::Unanswered => "rpt-answer-unanswered",
            AnswerWord::SaidYes => "rpt-said-yes",
            AnswerWord::SaidNo => "rpt-said-no",
            AnswerWord::SaidDontKnow => "rpt-said-dont_know",
            AnswerWord::SaidDeclined => "rpt-said-declined",
            AnswerWord::SaidNotAsked => "rpt-said-not_asked",
            AnswerWord::NothingYet => "rpt-said-nothing-yet",
            AnswerWord::Hidden => "rpt-answer-hidden",
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
        let at = UiLang::ALL
            .iter()
            .position(|l| *l == ui_lang_of_guide(guide_lang))
            .unwrap_or(0);
        let at_word = AnswerWord::ALL.iter().position(|w| *w == self).unwrap_or(0);
        words
            .get(at)
            .and_then(|w| w.get(at_word))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: [&str; 2] = [
        include_str!("../i18n/en-report.ftl"),
        include_str!("../i18n/fr-report.ftl"),
    ];

    #[test]
    fn no_report_message_holds_markup() {
        // The renderers put the words into HTML as they are: a `<` or `&` in a translation
        // would be markup.
        for src in SOURCES {
            for line in src.lines().filter(|l| !l.starts_with('#')) {
                // `->` is Fluent's selector, not text.
                assert!(
                    !line.replace("->", "").contains(['<', '>', '&']),
                    "markup in a report message: {line}"
                );
            }
        }
    }

    #[test]
    fn every_report_message_is_translated_but_the_words_french_shares() {
        // A message copied into fr-report.ftl untranslated passes the parity test; this
        // list is the only place where the French may be the English.
        const SHARED: &[&str] = &[
            "rpt-sessions",
            "rpt-versions",
            "rpt-n",
            "rpt-col-structure",
            "rpt-col-sessions",
            "rpt-col-disposition",
            "rpt-col-option",
            "rpt-col-session",
            "rpt-col-code",
            "rpt-col-kappa",
            "rpt-col-note",
            "rpt-kind-note",
            "rpt-session",
            "rpt-columns-apostrophe",
            // Codes, listed: the values a script finds in the column.
            "rpt-long-col-type",
            "rpt-long-col-status",
            // Only the order of words that are each said in the language.
            "rpt-apart-change",
        ];
        let file = crate::i18n::FILES
            .iter()
            .position(|f| *f == "-report")
            .expect("the report's file");
        let ids = &crate::i18n::ids(UiLang::En)[file];
        let same: Vec<&String> = ids
            .iter()
            .filter(|id| crate::i18n::t(UiLang::En, id) == crate::i18n::t(UiLang::Fr, id))
            .collect();
        let unlisted: Vec<&&String> = same
            .iter()
            .filter(|id| !SHARED.contains(&id.as_str()))
            .collect();
        assert!(
            unlisted.is_empty(),
            "French the same as the English: {unlisted:?}"
        );
        assert_eq!(same.len(), SHARED.len(), "a listed id is translated now");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let (en, fr) = (Say::new(UiLang::En), Say::new(UiLang::Fr));
        assert_eq!(
            en.n(12_500),
            "12500",
            "English as the reports always wrote it"
        );
        assert_eq!(fr.n(12_500), "12\u{202f}500");
        assert_eq!(fr.n(9_999), "9999");
        assert_eq!(en.cell(5, 19, false), "5 (19%)");
        assert_eq!(fr.cell(5, 19, false), "5 (19\u{a0}%)");
        assert_eq!(fr.cell(5, 19, true), "x");
        assert_eq!(en.decimal(1.8333, 1), "1.8");
        assert_eq!(fr.decimal(0.8512, 2), "0,85");
        assert_eq!(
            en.tr("rpt-sessions", &[("n", 12_500.into())]),
            "12500 sessions"
        );
        assert_eq!(
            fr.tr("rpt-sessions", &[("n", 12_500.into())]),
            "12\u{202f}500 sessions"
        );
        // French counts 0 and 1 as singular; an exact `[0]` still matches in English.
        assert_eq!(fr.sessions(1), "1 session");
        assert_eq!(
            en.tr("rpt-no-campaign", &[("attempts", 0.into())])
                .split(" has")
                .next(),
            Some("This collation")
        );
        assert_eq!(fr.versions(&["1".into(), "3".into()]), "versions 1, 3");
        let two = ["a".to_string(), "b".to_string()];
        assert_eq!(en.semicolons(&two), "a; b");
        assert_eq!(fr.semicolons(&two), "a\u{a0}; b");
    }

    #[test]
    fn the_report_follows_its_guide_of_most_sessions_and_ties_go_by_id() {
        let lang = |g: &[(&str, usize, &str)]| guides_language(g.iter().copied());
        assert_eq!(lang(&[]), UiLang::En);
        assert_eq!(lang(&[("a", 3, "fr")]), UiLang::Fr);
        assert_eq!(lang(&[("a", 3, "fr"), ("b", 5, "en")]), UiLang::En);
        assert_eq!(
            lang(&[("b", 5, "fr"), ("a", 5, "en")]),
            UiLang::En,
            "a first"
        );
        assert_eq!(lang(&[("a", 5, "fr-CA"), ("b", 5, "en")]), UiLang::Fr);
        assert_eq!(
            lang(&[("a", 5, "ar")]),
            UiLang::En,
            "no words in Arabic: English, not the next guide's language"
        );
    }

    #[test]
    fn the_columns_sheet_says_in_english_what_the_tables_document() {
        for (table, columns) in [
            ("long", super::super::LONG_COLUMNS),
            ("cov", super::super::COVERAGE_COLUMNS),
        ] {
            for (column, meaning) in columns {
                let id = format!("rpt-{table}-col-{column}");
                assert_eq!(
                    crate::i18n::lookup(UiLang::En, &id, &[]).as_deref(),
                    Some(*meaning),
                    "{id} in en-report.ftl"
                );
                assert!(crate::i18n::lookup(UiLang::Fr, &id, &[]).is_some());
            }
        }
    }

    #[test]
    fn answers_the_guide_does_not_word_follow_the_guide_language() {
        assert_eq!(AnswerWord::Yes.in_guide("fr"), "Oui");
        assert_eq!(AnswerWord::DontKnow.in_guide("en"), "Don't know");
        // What a REFI-QDA project gives a hidden question, in the guide's language too.
        assert_eq!(
            AnswerWord::Hidden.in_guide("en"),
            "not applicable (hidden by skip logic)"
        );
        assert_eq!(
            AnswerWord::Hidden.in_guide("fr"),
            "sans objet (masquée par la logique de saut)"
        );
        assert_eq!(
            AnswerWord::said(crate::session::Special::Declined).in_guide("fr"),
            "refuse de répondre"
        );
        assert_eq!(AnswerWord::SaidDontKnow.in_guide("ar"), "don't know");
    }
}
