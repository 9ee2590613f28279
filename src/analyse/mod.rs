//! `stocktake analyse`: the collator's screen for the synthesis. The rapid-analysis
//! matrix to move around, each cell read in full and summarised, and free text coded with
//! the guide's codebook, every change committed to the collation database as it is made.
//! State + pure `update` + `view`, as the interview screens are.

mod matrix_view;
pub mod run;
pub mod state;
pub mod view;

pub use state::{Effect, Mode, State, Target, find_words, update};
