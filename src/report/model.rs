//! What a report says, as data: for each guide, the distribution of every summary question
//! per group of sessions (the Figure-1 table), frequency tables and cross-tabs of every
//! choice question, free texts with who said them, and the data quality. `build.rs`
//! computes it from the collation database; rendering to HTML, Markdown, CSV or XLSX only
//! formats it.

use std::collections::BTreeSet;

use crate::collate::Quarantined;
use crate::guide::{Guide, QuestionType, Structure};

pub use super::answers::{Answer, Answers, WITHHELD};
pub use super::group::Group;
use super::say::Say;

/// How much a quote says about who said it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Attribution {
    /// No attribution: the quote alone.
    None,
    /// The type of structure only (Protection Cluster, CP AOR, GBV AOR, Other
    /// structure): in most responses there is one coordinator per structure, so the
    /// response and a structure together name a person.
    #[default]
    Structure,
    /// The response and the structure, custom labels included.
    Response,
}

impl Attribution {
    pub const ALL: [Attribution; 3] = [
        Attribution::None,
        Attribution::Structure,
        Attribution::Response,
    ];

    /// The name `--attribution` and the config file take.
    pub fn name(self) -> &'static str {
        match self {
            Attribution::None => "none",
            Attribution::Structure => "structure",
            Attribution::Response => "response",
        }
    }

    pub fn parse(s: &str) -> Option<Attribution> {
        Attribution::ALL.into_iter().find(|a| a.name() == s)
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub structure: Option<Structure>,
    pub guide: Option<String>,
    /// Who said what, in the free texts and the data quality list.
    pub attribution: Attribution,
    /// Counts of sessions from 1 to `min_cell - 1` are suppressed in every table of
    /// counts (0 or 1: nothing is).
    pub min_cell: usize,
    /// When the report is made: attempts logged later than this come from a clock ahead
    /// of the collator's, and are said. `None`: not checked.
    pub now: Option<jiff::Timestamp>,
    /// Put in the free texts the interviewers marked sensitive (left out by default).
    pub include_sensitive: bool,
    /// The codebook the themes use, given with `--codebook`; else the one shipped beside
    /// each guide, if any.
    pub codebook: Option<crate::guide::Codebook>,
    /// An HXL hashtag row under the wide tables' header.
    pub hxl: bool,
    /// The rapid-analysis matrix's columns: sections, or questions.
    pub matrix_by: super::MatrixBy,
    /// Keep every row of the matrix in the report (`stocktake analyse` browses them all);
    /// else only the rows HTML and Markdown show, the files making the rest as they write.
    pub matrix_whole: bool,
    /// `--report-language`: the language of the report's own words. `None`: its guide's
    /// first language ([`Report::language`]).
    pub language: Option<crate::i18n::UiLang>,
}

/// One session's current state, as the report counts it.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub digest: String,
    pub session_id: String,
    pub revision: u32,
    pub response: String,
    pub structure: Structure,
    pub structure_label: String,
    /// The group its tables count it in. Shared by the sessions of a group: a copy each
    /// was about 240 bytes a session (four texts and two structure ids).
    pub group: std::sync::Arc<Group>,
    pub interviewer: String,
    pub completed_at: String,
    pub guide_version: String,
    pub unresolved: bool,
    /// Its answers, as the report counts them, where the report keeps them: the sections
    /// whose HTML lists the sessions behind each count (up to 500 sessions). Elsewhere
    /// empty: the writers read each session's again ([`GuideSection::each_session`]).
    pub answers: Answers,
    /// The required questions it was asked and has no answer to (for the data quality).
    pub missing_required: Vec<String>,
    /// The questions not asked of this session: hidden by skip logic given its answers,
    /// not for its structure, or not in its guide's version. Whether or not it has an
    /// answer to them (the collation keeps only the questions touched).
    /// Ids shared with every other session's (`QuestionIds`): a `String` each was 28 MB
    /// of the heap peak at 100,000 sessions (heaptrack).
    pub hidden: BTreeSet<std::sync::Arc<str>>,
    /// Questions whose answer the collator took from another revision of the head's
    /// conflict (`stocktake resolve --answer`): (question, digest of that revision).
    pub chosen: Vec<(String, String)>,
    /// What the session file says of consent: `None` when it was not asked; `Some(false)`,
    /// the participants refused notes being taken and the session carries no free text.
    pub consent: Option<bool>,
    /// The digest of the guide version it was made with.
    pub guide_digest: String,
    /// Questions whose answers do not compare with the newest version's (`guide diff`:
    /// an option relabelled, a type changed, …): left out of the pooled tables and
    /// counted apart, per version.
    pub apart: BTreeSet<String>,
}

impl SessionRow {
    pub fn is_hidden(&self, question: &str) -> bool {
        self.hidden.contains(question)
    }

    pub fn consent_refused(&self) -> bool {
        self.consent == Some(false)
    }
}

/// A row of a distribution: an option, or one of the ways of not answering.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: String,
    pub label: String,
    pub count: usize,
    /// Of the denominator, rounded half away from zero.
    pub percent: u32,
    /// Not shown: fewer sessions than the report's minimum cell, or shown it would let a
    /// reader work out one that is (see `suppress.rs`).
    pub suppressed: bool,
}

#[derive(Debug, Clone)]
pub struct Distribution {
    pub question: String,
    pub text: String,
    pub kind: QuestionType,
    /// `None`: all groups together.
    pub group: Option<Group>,
    /// Sessions that were asked it (skip logic showed it).
    pub n: usize,
    /// Sessions it was hidden for: not in `n`.
    pub hidden: usize,
    /// The campaign's targets for this group (for all groups: of the structures it was
    /// put to), when the collation has a campaign.
    pub targeted: Option<usize>,
    pub rows: Vec<Count>,
    /// `Some(["2"])`: it counts only these versions' sessions (in order, each once), the
    /// others' answers not comparing (they are counted apart: [`Apart`]). `None`: every
    /// version's.
    pub versions: Option<Vec<String>>,
}

impl Distribution {
    pub fn structure(&self) -> Option<Structure> {
        self.group.as_ref().map(|g| g.structure)
    }

    /// "n = 26 protection clusters", "n = 26 protection clusters of 31 targeted",
    /// "n = 12 sessions (version 2 only)".
    pub fn denominator(&self, say: Say) -> String {
        let n = match &self.group {
            Some(g) => g.count(say, self.n),
            None => say.sessions(self.n),
        };
        let n = with_targets(say, say.tr("rpt-n", &[("n", n.into())]), self.targeted);
        match &self.versions {
            Some(v) => say.tr(
                "rpt-n-versions-only",
                &[("n", n.into()), ("versions", say.versions(v).into())],
            ),
            None => n,
        }
    }

    /// "hidden for 3 sessions (not in n)", when it was hidden for any.
    pub fn hidden_note(&self, say: Say) -> Option<String> {
        hidden_note(say, self.hidden)
    }
}

/// "n = 26 protection clusters" and, with a campaign, " of 31 targeted".
pub fn with_targets(say: Say, n: String, targeted: Option<usize>) -> String {
    match targeted {
        Some(t) => say.tr(
            "rpt-n-of-targeted",
            &[("n", n.into()), ("targeted", t.into())],
        ),
        None => n,
    }
}

/// "hidden for 3 sessions (skip logic, or not for that structure): not in n".
pub fn hidden_note(say: Say, hidden: usize) -> Option<String> {
    (hidden > 0).then(|| {
        say.tr(
            "rpt-hidden-for",
            &[("sessions", say.sessions(hidden).into())],
        )
    })
}

impl CrossTab {
    /// The column headings after "answer", as (name, denominator): ("all", "n = 40 of 52
    /// targeted"), then ("Protection Cluster", "n = 26 of 31 targeted"), …; `n` is the all
    /// column's. The name is the part to escape: it may come from a session file.
    pub fn headings(&self, say: Say, n: usize) -> Vec<(String, String)> {
        let n_is = |n: usize| say.tr("rpt-n", &[("n", say.n(n).into())]);
        let all = with_targets(say, n_is(n), self.all_targeted);
        let all = match &self.versions {
            Some(v) => say.tr(
                "rpt-n-versions-only-short",
                &[("n", all.into()), ("versions", say.versions(v).into())],
            ),
            None => all,
        };
        std::iter::once((say.t("rpt-all"), all))
            .chain(
                self.groups
                    .iter()
                    .zip(&self.n)
                    .zip(&self.targeted)
                    .map(|((g, n), t)| (g.name().to_string(), with_targets(say, n_is(*n), *t))),
            )
            .collect()
    }
}

/// One cell of a cross-tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub count: usize,
    pub percent: u32,
    pub suppressed: bool,
}

#[derive(Debug, Clone)]
pub struct CrossTab {
    pub question: String,
    pub text: String,
    pub groups: Vec<Group>,
    /// One row per value: its label, then a cell per group.
    pub rows: Vec<(String, Vec<Cell>)>,
    pub n: Vec<usize>,
    pub hidden: Vec<usize>,
    /// Targets per group, and over all groups, when the collation has a campaign.
    pub targeted: Vec<Option<usize>>,
    pub all_targeted: Option<usize>,
    /// As [`Distribution::versions`].
    pub versions: Option<Vec<String>>,
}

/// A question whose answers in one older version do not compare with the newest's: that
/// version's own counts, under its own wording, and why (`stocktake guide diff`).
#[derive(Debug, Clone)]
pub struct Apart {
    pub question: String,
    pub version: String,
    /// The first change that makes them incomparable, said: "option `wg` relabelled:
    /// \"A\" → \"B\"".
    pub why: crate::i18n::Words,
    /// Over all that version's sessions, with its own options and labels.
    pub frequency: Distribution,
}

#[derive(Debug, Clone)]
pub struct TextItem {
    pub question: String,
    /// `answer`, `other`, `note`, `general note`.
    pub kind: &'static str,
    pub text: String,
    /// Who said it, at the report's attribution level: empty for `none`.
    pub by: String,
}

#[derive(Debug, Clone, Default)]
pub struct Quality {
    pub sessions_by_group: Vec<(Group, usize)>,
    pub revisions: usize,
    pub conflicts: usize,
    pub conflicts_resolved: usize,
    /// Sessions whose head was picked by rule because a conflict is unresolved: (session
    /// id, who).
    pub unresolved_sessions: Vec<(String, String)>,
    pub quarantined: Vec<Quarantined>,
    /// (who, questions) for heads missing required answers.
    pub missing_required: Vec<(String, Vec<String>)>,
    /// (who, question, short digest of the revision its answer was taken from).
    pub answers_chosen: Vec<(String, String, String)>,
    /// Sessions whose participants refused notes being taken (who): their free text
    /// never left the interviewer's machine, so they add nothing to "What was said".
    pub consent_refused: Vec<String>,
    /// Texts marked sensitive: (how many there are, whether the report includes them).
    pub sensitive: (usize, bool),
    /// The heads' end-of-call read-backs: (confirmed, corrections asked, not read back).
    pub read_back: (usize, usize, usize),
}

#[derive(Debug, Clone)]
pub struct GuideSection {
    pub guide: Guide,
    /// (version, sessions) that contributed.
    pub versions: Vec<(String, usize)>,
    pub sessions: Vec<SessionRow>,
    pub summaries: Vec<Distribution>,
    pub frequencies: Vec<Distribution>,
    pub crosstabs: Vec<CrossTab>,
    /// Per question: its text, the first texts said to it, and how many there are; last,
    /// with an empty text, the notes pad's entries on no question (the general notes).
    pub texts: Vec<(String, Vec<TextItem>, usize)>,
    /// The matrix, the themes and the coders' agreement.
    pub analysis: super::analysis::Analysis,
    /// The notes pad entries of its sessions (those the report may show): the matrix rows
    /// are made from them again as `matrix.csv` and the REFI-QDA project are written.
    pub notes: Vec<crate::collate::GeneralNote>,
    /// Questions not pooled across versions, each older version's counts apart.
    pub apart: Vec<Apart>,
    /// Versions whose guide the collation holds but this program cannot read: whether
    /// their answers compare could not be checked (they are pooled, and that is said).
    pub unchecked: Vec<String>,
    /// How answers came to be, for the questions whose sessions marked it (file v4).
    pub how: Vec<super::provenance::QuestionHow>,
    /// Where its sessions' answers are read again as the tables are written.
    pub source: super::heads::AnswerSource,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub options: ReportOptions,
    pub coverage: super::coverage::Coverage,
    pub sections: Vec<GuideSection>,
    pub quality: Quality,
}

impl Report {
    /// Does any table of the report hold a suppressed cell?
    pub fn suppresses(&self) -> bool {
        self.sections.iter().any(|s| {
            s.frequencies
                .iter()
                .chain(&s.summaries)
                .any(|d| d.rows.iter().any(|c| c.suppressed))
        })
    }

    /// A count as the data files write it: `x` when suppressed, else plain digits in every
    /// language (a script reads them). One mark for every suppressed cell, small or not:
    /// marking the small ones apart would tell a reader which cells hold the rest of a
    /// column's total. The HTML and Markdown write theirs with [`Say::count`].
    pub fn count_text(&self, count: usize, suppressed: bool) -> String {
        if suppressed {
            SUPPRESSED.to_string()
        } else {
            count.to_string()
        }
    }

    /// What the report did with the texts interviewers marked sensitive, when there are
    /// any: said at the top, where a reader looks first.
    pub fn sensitive_said(&self, say: Say) -> Option<String> {
        let (n, included) = self.quality.sensitive;
        let id = if included {
            "rpt-sensitive-included"
        } else {
            "rpt-sensitive-left-out"
        };
        (n > 0).then(|| {
            say.tr(
                id,
                &[
                    ("n", n.into()),
                    ("withheld", super::answers::WITHHELD.into()),
                ],
            )
        })
    }

    /// What the suppression mark means, for the footnote under a table that has one.
    pub fn suppression_note(&self, say: Say) -> String {
        say.tr(
            "rpt-suppression-note",
            &[
                ("mark", SUPPRESSED.into()),
                ("k", self.options.min_cell.into()),
            ],
        )
    }
}

/// The mark of a suppressed count.
pub const SUPPRESSED: &str = "x";

/// Percent rounded half away from zero, so 5 of 26 reads 19 and 8 of 26 reads 31.
pub fn percent(count: usize, n: usize) -> u32 {
    if n == 0 {
        return 0;
    }
    ((count as f64 * 100.0 / n as f64) + 0.5).floor() as u32
}
