//! The command line's definitions (clap): every subcommand, its options and its help.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::guide::Structure;
use crate::report::{Attribution, Format};

#[derive(Debug, Parser)]
#[command(
    name = "stocktake",
    version,
    about = "Capture semi-structured interviews, sync them as files, collate them into a report"
)]
pub struct Cli {
    /// Also look for guides in DIR (repeatable); these win over every other place.
    #[arg(long = "guides", value_name = "DIR", global = true)]
    pub guides: Vec<PathBuf>,

    /// Where interviews are kept (default: the XDG data dir, e.g. ~/.local/share/stocktake).
    #[arg(long, value_name = "DIR", global = true, env = "STOCKTAKE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where completed sessions are written as files (else `outbox` in the config file).
    #[arg(long, value_name = "DIR", global = true, env = "STOCKTAKE_OUTBOX")]
    pub outbox: Option<PathBuf>,

    /// Plain lines instead of the full screen, for a screen reader: each prompt printed
    /// in reading order, each answer or command typed as a line.
    #[arg(
        long,
        env = "STOCKTAKE_ACCESSIBLE",
        action = clap::ArgAction::SetTrue,
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    pub accessible: bool,

    /// The language of the program's own words: en or fr (else `ui_language` in the config
    /// file, else LC_ALL / LC_MESSAGES / LANG).
    #[arg(
        long,
        value_name = "LANG",
        global = true,
        env = "STOCKTAKE_UI_LANGUAGE"
    )]
    pub ui_language: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List or validate interview guides.
    #[command(subcommand)]
    Guide(GuideCommand),
    /// List the sessions in the local store, newest call first.
    Sessions {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
        /// Every column (session and call ids, guide, exact times): wider than 80
        /// columns.
        #[arg(long)]
        wide: bool,
    },
    /// Write every completed session revision not yet written into the outbox.
    Sync {
        /// The outbox folder (else --outbox, STOCKTAKE_OUTBOX or the config file).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Write every revision completed here again, written before or not (a copy on
        /// a USB stick, or encrypted after turning encryption on); a different file
        /// under the same name is never replaced.
        #[arg(long)]
        again: bool,
    },
    /// Bring session files into the local store, to review them or continue them here
    /// (folders are walked).
    Import {
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
    },
    /// Merge session files (folders are walked) into a collation database.
    Collate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The collation database (created if missing).
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// An age identity file that opens encrypted session files (repeatable; else
        /// STOCKTAKE_IDENTITY, several separated by `:`, empty entries ignored).
        // Not clap's `env`: it refuses an empty STOCKTAKE_IDENTITY outright.
        #[arg(long = "identity", value_name = "FILE")]
        identities: Vec<PathBuf>,
        /// Quarantine session files that are not encrypted.
        #[arg(long)]
        require_encrypted: bool,
    },
    /// Create or show the collator's age key.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// List conflicts: revisions of a session edited in two places, who made each and
    /// where it came from, and the answers they differ on.
    Conflicts {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Every text whole, not cut to the width of a line.
        #[arg(long)]
        full: bool,
    },
    /// The synthesis screen: the rapid-analysis matrix (a row per session, a column per
    /// section), cell summaries, and coding of free text with the guide's codebook.
    Analyse {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The codebook to code with (docs/codebook.md); default: the one shipped beside
        /// the guide.
        #[arg(long, value_name = "FILE")]
        codebook: Option<PathBuf>,
        /// Who is coding, as each summary and coding records it (default: your login).
        #[arg(long, value_name = "NAME")]
        coder: Option<String>,
        /// The guide whose sessions to analyse (default: the first).
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
        /// Show the texts interviewers marked sensitive.
        #[arg(long = "include-sensitive")]
        include_sensitive: bool,
    },
    /// Bring another coder's codings (from their collation database) into this one, so
    /// the report can say how far the coders agree.
    MergeCodings {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The other coders' collation databases.
        #[arg(value_name = "OTHER_DB", required = true)]
        from: Vec<PathBuf>,
    },
    /// Write the report: summary tables and charts, frequencies, texts, data quality.
    Report {
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write into (created private: 0700).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Any of html, md, csv, xlsx, qdpx (a REFI-QDA project) and qdc (its codebook),
        /// comma-separated (default: html, md, csv and xlsx).
        #[arg(
            long,
            value_name = "LIST",
            value_delimiter = ',',
            default_value = "html,md,csv,xlsx"
        )]
        format: Vec<FormatArg>,
        /// Only this respondent type (its id: cp_aor, community_leader).
        #[arg(long, value_name = "ID")]
        structure: Option<StructureArg>,
        /// Only sessions of this guide id.
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
        /// Who the quotes are attributed to: none, structure (its type only; the
        /// default, else `attribution` in the config file) or response (the response and
        /// the structure, which often names a person).
        #[arg(long, value_name = "LEVEL")]
        attribution: Option<AttributionArg>,
        /// Show no count of sessions under K in the tables and charts (and none that
        /// would give one away); default: `min_cell` in the config file, else none.
        #[arg(long = "min-cell", value_name = "K")]
        min_cell: Option<usize>,
        /// Put in the free texts interviewers marked sensitive (by default they are left
        /// out, and the tables say `[sensitive]` where they were).
        #[arg(long = "include-sensitive")]
        include_sensitive: bool,
        /// The codebook the themes use (docs/codebook.md); default: the one shipped
        /// beside each guide, if any.
        #[arg(long, value_name = "FILE")]
        codebook: Option<PathBuf>,
        /// Put an HXL hashtag row under the header of the wide CSV tables (tags from the
        /// questions' `hxl` keys, and standard ones for country, structure and date).
        #[arg(long)]
        hxl: bool,
        /// The rapid-analysis matrix's columns: the guide's sections, or its questions
        /// (a question's cell gets its own summary in `stocktake analyse`, key `v`).
        #[arg(long, value_enum, default_value_t = MatrixByArg::Section)]
        matrix_by: MatrixByArg,
        /// The language of the report's headings, notes and labels: en or fr. Default:
        /// the first language of the report's guide (with several guides, the one with
        /// the most sessions; on a tie, the first by id), English if stocktake has no
        /// words in it. Not --ui-language: a report is read by others. Column names,
        /// sheet names, codes and ids stay the same in every language.
        #[arg(long = "report-language", value_name = "LANG")]
        report_language: Option<String>,
    },
    /// The call campaign: who to call, every attempt, callbacks, coverage.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Pick the revision to keep in its conflict, or with --answer the revision one
    /// answer comes from (--undo takes either back).
    Resolve {
        /// The revision's digest (at least 8 hex digits, as `conflicts` shows).
        #[arg(value_name = "DIGEST")]
        digest: String,
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Take back the choice made in this revision's conflict (with --answer: that
        /// answer's choice only).
        #[arg(long)]
        undo: bool,
        /// Use this question's answer from DIGEST, whichever revision is kept.
        #[arg(long, value_name = "QUESTION")]
        answer: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Read the campaign file: a CSV with response, structure, coordinator, organisation,
    /// contact, timezone, language (other columns kept as notes). All or nothing.
    Import {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// The campaign's rules for trying again (TOML: max_tries, [retry_after]).
        #[arg(long, value_name = "FILE.toml")]
        rules: Option<PathBuf>,
        /// For the collator: the campaign a collation database reports coverage of.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Every target, what to do first at the top: status, tries, next callback, sessions.
    List {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Log an attempt at a target (its id, as `plan list` shows it).
    Log {
        #[arg(value_name = "TARGET")]
        target: String,
        /// completed, partial, callback, no_answer, busy, line_failed, wrong_contact,
        /// refused, not_available, ineligible.
        #[arg(long, value_name = "CODE")]
        outcome: String,
        /// When the attempt was made (default: now); your local time, or UTC with Z.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// With --outcome callback: when to call again.
        #[arg(long, value_name = "TIME")]
        callback: Option<String>,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Write every pending callback as a calendar (iCalendar, RFC 5545).
    Calendar {
        #[arg(long, value_name = "FILE.ics")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create a new identity file (readable by you alone) and print its public recipient.
    New {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Print the public recipient of an identity file, to put in a guide or config.
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideCommand {
    /// List the guides found: bundled, ./interview-guides/, the config dir, --guides.
    List,
    /// Validate guide files; prints file:line:col: message for each problem, exit 1 if any.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// What changed between two versions of a guide (files or ids), one line per change,
    /// classified; exit 0 when every question's answers compare, 1 when some do not or
    /// an id is reused with another type, 2 when a guide cannot be read.
    Diff {
        #[arg(value_name = "OLD")]
        old: String,
        #[arg(value_name = "NEW")]
        new: String,
        /// One JSON object, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write a guide (a .toml file, or the id of a guide `guide list` shows) as an
    /// XLSForm for ODK, KoboToolbox or pyxform (docs/xlsform.md).
    Export {
        #[arg(value_name = "GUIDE")]
        guide: String,
        /// The workbook to write (replaced if it exists).
        #[arg(long, value_name = "OUT.xlsx", required = true)]
        xlsform: PathBuf,
    },
    /// Read an XLSForm (.xlsx) as a guide; fails, writing nothing, when part of the form
    /// cannot be carried, unless --lossy (docs/xlsform.md).
    Import {
        #[arg(value_name = "FORM.xlsx")]
        form: PathBuf,
        /// The guide to write (never replaced: name a new file).
        #[arg(long, value_name = "GUIDE.toml")]
        out: PathBuf,
        /// Write the guide without what it cannot carry, listed in a comment at its top.
        #[arg(long)]
        lossy: bool,
    },
}

/// `--format`: the names are the report's own (`Format::name`), so clap lists and
/// accepts exactly those, and `markdown` as another name of `md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatArg(pub Format);

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            FormatArg(Format::Html),
            FormatArg(Format::Markdown),
            FormatArg(Format::Csv),
            FormatArg(Format::Xlsx),
            FormatArg(Format::Qdpx),
            FormatArg(Format::Qdc),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let v = PossibleValue::new(self.0.name());
        Some(match self.0 {
            Format::Markdown => v.alias("markdown"),
            _ => v,
        })
    }
}

/// `--attribution`: the names of [`Attribution`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttributionArg(pub Attribution);

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixByArg {
    Section,
    Question,
}

impl From<MatrixByArg> for crate::report::MatrixBy {
    fn from(a: MatrixByArg) -> Self {
        match a {
            MatrixByArg::Section => crate::report::MatrixBy::Section,
            MatrixByArg::Question => crate::report::MatrixBy::Question,
        }
    }
}

impl ValueEnum for AttributionArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            AttributionArg(Attribution::None),
            AttributionArg(Attribution::Structure),
            AttributionArg(Attribution::Response),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()))
    }
}

/// `--structure`: a respondent type's id, any a guide may declare (`cp_aor`,
/// `community_leader`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructureArg(pub Structure);

impl std::str::FromStr for StructureArg {
    type Err = NotAStructure;

    fn from_str(s: &str) -> Result<StructureArg, NotAStructure> {
        Structure::parse(s)
            .map(StructureArg)
            .ok_or_else(|| NotAStructure(s.to_string()))
    }
}

/// `--structure` given something that cannot be a respondent type's id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a respondent type id: lowercase letters, digits, _ or - (protection_cluster, cp_aor, gbv_aor, other, or one a guide declares)"
)]
pub struct NotAStructure(pub String);

impl crate::i18n::Reason for NotAStructure {
    fn words(&self) -> crate::i18n::Words {
        crate::i18n::Words::msg("why-not-a-structure").arg("typed", self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_and_structure_is_offered_under_its_own_name() {
        for f in FormatArg::value_variants() {
            assert_eq!(FormatArg::from_str(f.0.name(), false), Ok(*f));
        }
        assert_eq!(
            FormatArg::from_str("markdown", false),
            Ok(FormatArg(Format::Markdown))
        );
        assert!(FormatArg::from_str("pdf", false).is_err());
        for name in [
            "protection_cluster",
            "cp_aor",
            "gbv_aor",
            "other",
            "community_leader",
        ] {
            assert_eq!(
                name.parse::<StructureArg>().map(|s| s.0.to_string()),
                Ok(name.into())
            );
        }
        assert!("Community Leader".parse::<StructureArg>().is_err());
    }

    #[test]
    fn the_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
