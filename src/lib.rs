//! stocktake: capture semi-structured interviews on a terminal, keep every keystroke,
//! sync completed sessions as files, and collate them into one database and report.
//!
//! # Module map and the dependency rule
//!
//! ```text
//! guide  ←  session  ←  store, sync  ←  interview, outbox  ←  tui, cli
//!                  sync, campaign  ←  collate  ←  report  ←  cli
//! ```
//!
//! Each module may name (`crate::X`, `super::…::X`) only the modules on its row; the
//! leaves marked "any module" may be named by all. `tests/architecture.rs` reads this
//! table and fails on any other edge, and on a `pub mod` missing from it.
//!
//! | module | may use | what it owns |
//! |---|---|---|
//! | [`neutralise`] | nothing; any module may use it | makes untrusted text inert before it is shown anywhere |
//! | [`fs`] | nothing; any module may use it | files written whole or not at all, with the mode we choose |
//! | [`i18n`] | nothing; any module may use it | the program's own words in English and French (Fluent) |
//! | [`guide`] | | the interview guide model, its TOML loader and validation, skip logic |
//! | [`session`] | guide | calls and sessions, answers validated against the guide, the status machine |
//! | [`sql`] | guide, session | SQLite codecs (`ToSql`/`FromSql`) for the domain's types |
//! | [`campaign`] | guide, session, sync | the call campaign: targets, attempts, callbacks, coverage; no store, no terminal |
//! | [`store`] | guide, session, sql, campaign | the local SQLite store: every edit committed, history, locks, privacy, the campaign |
//! | [`sync`] | guide, session | session files: rendering, the verifying reader, the atomic outbox writer |
//! | [`config`] | guide, sync | the optional user config file |
//! | `interview` | guide, session, sync, store | the interview's state and rules, no terminal (store's types only: the store never names it) |
//! | [`outbox`] | guide, session, store, sync, campaign | carries completed revisions from the store into the outbox |
//! | [`collate`] | guide, session, sync, sql, campaign | merges session files into the collation database; conflicts; quarantine |
//! | [`report`] | guide, session, collate, campaign | tables, charts, HTML, Markdown, CSV and XLSX from a collation |
//! | [`tui`] | guide, session, store, sync, config, interview, outbox, campaign | the interview screens: state + pure update + view, and the terminal loop |
//! | [`analyse`] | guide, session, collate, report, tui | the collator's analysis screen: the matrix, summaries, coding |
//! | [`xlsform`] | guide | XLSForm (ODK, KoboToolbox): a guide exported as a form, a form imported as a guide |
//! | [`cli`] | guide, session, store, sync, config, outbox, collate, report, tui, campaign, analyse, xlsform | argument parsing and one small function per subcommand (the binary's edge) |
//!
//! The domain modules (`guide`, `session`, `campaign`, `store`, `sync`, `collate`, `report`) never
//! name `ratatui`, `crossterm` or `ratatui_textarea`: the same test fails if they do.
//! Errors are `thiserror` enums here; `anyhow` lives only in `cli`.

pub mod analyse;
pub mod campaign;
pub mod cli;
pub mod collate;
pub mod config;
pub mod fs;
pub mod guide;
pub mod i18n;
pub mod interview;
pub mod neutralise;
pub mod outbox;
pub mod report;
pub mod session;
pub mod sql;
pub mod store;
pub mod sync;
pub mod tui;
pub mod xlsform;
