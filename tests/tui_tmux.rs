//! End to end: the real binary in tmux, keys sent with `send-keys`, the screen read with
//! `capture-pane`, and the database checked afterwards. Every wait polls for text with a
//! deadline; none sleeps and hopes. Each test has its own tmux server (socket). One test
//! binary (cargo builds each file of `tests/` as its own) with a module per concern under
//! `tests/tui_tmux/`, sharing the driver below.

#[path = "tui_tmux/flows.rs"]
mod flows;
mod support;
#[path = "tui_tmux/survival.rs"]
mod survival;
#[path = "tui_tmux/terminal.rs"]
mod terminal;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use stocktake::session::{Status, Value};
use stocktake::store::{Store, system_clock};

/// The shared driver (`tests/support/tmux.rs`: its waits let a frame finish drawing) over
/// a data folder of the test's own, with the ways these flows start the binary.
struct Tmux {
    // Declared first, dropped first: the server is killed before its folder goes.
    tmux: support::tmux::Tmux,
    data: tempfile::TempDir,
}

impl std::ops::Deref for Tmux {
    type Target = support::tmux::Tmux;

    fn deref(&self) -> &support::tmux::Tmux {
        &self.tmux
    }
}

impl Tmux {
    fn new(name: &str) -> Tmux {
        Tmux::with_options(name, "")
    }

    /// A server with `extra` appended to its configuration.
    fn with_options(name: &str, extra: &str) -> Tmux {
        let data = tempfile::tempdir().expect("data dir");
        Tmux {
            tmux: support::tmux::Tmux::with_options(name, data.path(), extra),
            data,
        }
    }

    fn start(&self, session: &str, width: u16, height: u16) {
        self.start_command(session, width, height, env!("CARGO_BIN_EXE_stocktake"));
    }

    fn start_command(&self, session: &str, width: u16, height: u16, bin: &str) {
        self.start_with(session, width, height, bin, &[]);
    }

    /// The binary started with `env` (`NAME=value`) besides the test's own.
    fn start_with(&self, session: &str, width: u16, height: u16, bin: &str, env: &[&str]) {
        let data = format!(
            "STOCKTAKE_DATA_DIR={}",
            self.data.path().join("data").display()
        );
        // Never the developer's own config (and its outbox).
        let config = format!(
            "STOCKTAKE_CONFIG={}",
            self.data.path().join("no-config.toml").display()
        );
        self.cmd(
            &[
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                "-e",
                &data,
                "-e",
                &config,
                "-e",
                "USER=amina",
                "-e",
                "TERM=xterm-256color",
            ]
            .into_iter()
            .chain(env.iter().flat_map(|e| ["-e", *e]))
            .chain([bin])
            .collect::<Vec<_>>(),
        );
        self.wait_for(session, "stocktake");
    }

    fn pane_pid(&self, session: &str) -> u32 {
        self.cmd(&["display-message", "-p", "-t", session, "#{pane_pid}"])
            .trim()
            .parse()
            .expect("pid")
    }

    fn store(&self) -> Store {
        Store::open(&self.data.path().join("data"), system_clock())
            .expect("store")
            .0
    }

    fn path(&self) -> PathBuf {
        self.data.path().to_path_buf()
    }
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ")
}

/// From the list, a new call for South Sudan with the CP AOR ticked too.
fn new_call(t: &Tmux, s: &str) {
    t.keys(s, &["n"]);
    t.wait_for(s, "New call");
    t.type_text(s, "South Sudan");
    t.keys(s, &["Tab", "Tab", "Space", "C-s"]);
    t.wait_for(s, "Q 1/28");
}
