//! One test per bug fixed, named after the bug, each failing on the code before its fix
//! (ripgrep's `tests/regression.rs`), in a module by concern under `tests/regression/`
//! (capture, screens, the command line, reports, files and sync, the store); add a new
//! one at the end of its module. The layering bug
//! `collate_does_not_depend_on_report` lives in `tests/architecture.rs`, beside the
//! checker it uses; the synthesis's (`stocktake analyse`, the report's matrix) live in
//! `tests/analysis/regression.rs`, beside the fixtures they need.

#[path = "regression/cli.rs"]
mod cli;
#[path = "regression/common.rs"]
mod common;
#[path = "regression/interview.rs"]
mod interview;
#[path = "regression/report.rs"]
mod report;
#[path = "regression/screens.rs"]
mod screens;
#[path = "regression/store.rs"]
mod store;
mod support;
#[path = "regression/sync.rs"]
mod sync;
