//! stocktake: capture semi-structured interviews on a terminal, keep every keystroke,
//! sync completed sessions as files, and collate them into one database and report.
//!
//! # Module map and the dependency rule
//!
//! ```text
//! guide  ←  session  ←  store, sync  ←  outbox  ←  tui, cli
//! ```
//!
//! - [`guide`]: the interview guide model, its TOML loader and validation, skip logic.
//! - [`session`]: calls and sessions, answers validated against the guide, the status machine.
//! - [`store`]: the local SQLite store: every edit committed, history, locks, privacy.
//! - [`sync`]: session files: rendering, the verifying reader, the atomic outbox writer.
//! - [`outbox`]: carries completed revisions from the store into the outbox.
//! - [`config`]: the optional user config file.
//! - [`tui`]: the interview screens: state + pure update + view, and the terminal loop.
//! - [`neutralise`]: makes untrusted text inert before it is shown anywhere.
//! - `cli`: argument parsing and one small function per subcommand (the binary's edge).
//!
//! The domain modules (`guide`, `session`, `store`, `sync`, `collate`, `report`) never
//! name `ratatui`, `crossterm` or `ratatui_textarea`: a test (`tests/architecture.rs`)
//! fails if they do. Errors are `thiserror` enums here; `anyhow` lives only in `cli`.

pub mod cli;
pub mod collate;
pub mod config;
pub mod fs;
pub mod guide;
pub mod neutralise;
pub mod outbox;
pub mod report;
pub mod session;
pub mod sql;
pub mod store;
pub mod sync;
pub mod tui;
