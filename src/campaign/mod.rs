//! The call campaign: who to call (a target per response and structure), every attempt
//! with its outcome and callback, when to try again, the calendar of callbacks, the files
//! that carry attempts to the collator, and the coverage a report can state honestly.
//! No terminal and no store: `store` keeps the campaign, `tui` and `cli` show it.

mod calendar;
mod coverage;
mod file;
mod import;
mod outcome;
mod progress;
mod target;
mod when;

pub use calendar::calendar;
pub use coverage::{Coverage, Rate, StructureKey, coverage};
pub use file::{
    FORMAT as ATTEMPTS_FORMAT, attempt_file_name, is_attempt_file, parse_attempt, render_attempt,
};
pub use import::{ImportError, RowError, RowProblem, parse_campaign};
pub use outcome::{Group, Outcome};
pub use progress::{Progress, State, plan, progress, totals};
pub use target::{Attempt, DEFAULT_MAX_TRIES, Rules, RulesError, RulesProblem, Target, target_id};
pub use when::{WhenError, parse_when};
