//! A tmux server of a test's own, for driving any full-screen command: keys in with
//! `send-keys`, the screen out with `capture-pane`, every wait a poll with a deadline.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn new(name: &str, dir: &Path) -> Tmux {
        Tmux::with_options(name, dir, "")
    }

    /// A server configured before any pane exists: no user config, Esc passed on at once,
    /// a pane that exits kept to be read, and `extra` appended.
    pub fn with_options(name: &str, dir: &Path, extra: &str) -> Tmux {
        let t = Tmux {
            socket: format!("stocktake-test-{}-{name}", std::process::id()),
        };
        let conf = dir.join("tmux.conf");
        std::fs::write(
            &conf,
            format!("set -g exit-empty off\nset -g escape-time 0\nset -g remain-on-exit on\nset -g history-limit 100\n{extra}"),
        )
        .expect("tmux.conf");
        t.cmd(&["-f", &conf.display().to_string(), "start-server"]);
        t
    }

    pub fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (the CI script installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Run `argv` in `dir` in a pane of `width`×`height`, with `env` set.
    pub fn start(
        &self,
        session: &str,
        (width, height): (u16, u16),
        dir: &Path,
        env: &[(&str, &str)],
        argv: &[&str],
        wait: &str,
    ) {
        let mut args: Vec<String> = vec![
            "new-session".into(),
            "-d".into(),
            "-s".into(),
            session.into(),
            "-x".into(),
            width.to_string(),
            "-y".into(),
            height.to_string(),
            "-c".into(),
            dir.display().to_string(),
            "-e".into(),
            "TERM=xterm-256color".into(),
        ];
        for (k, v) in env {
            args.push("-e".into());
            args.push(format!("{k}={v}"));
        }
        args.extend(argv.iter().map(|a| a.to_string()));
        self.cmd(&args.iter().map(String::as_str).collect::<Vec<_>>());
        self.wait_for(session, wait);
    }

    /// The real stocktake at 80×24 on `dir`'s own data, no config file, as amina, waiting
    /// for its list.
    pub fn stocktake(&self, session: &str, dir: &Path) {
        let data = dir.join("data").display().to_string();
        let config = dir.join("no-config.toml").display().to_string();
        self.start(
            session,
            (80, 24),
            dir,
            &[
                ("STOCKTAKE_DATA_DIR", &data),
                ("STOCKTAKE_CONFIG", &config),
                ("USER", "amina"),
            ],
            &[env!("CARGO_BIN_EXE_stocktake")],
            "stocktake",
        );
    }

    /// From the list, a new call on `response` with the form's defaults (the Protection
    /// Cluster alone), waiting for its first question.
    pub fn new_call(&self, session: &str, response: &str) {
        self.keys(session, &["n"]);
        // The form opens on the country.
        self.wait_for(session, "New call");
        self.type_text(session, response);
        self.keys(session, &["C-s"]);
        self.wait_for(session, "Q 1/");
    }

    pub fn keys(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    pub fn type_text(&self, session: &str, text: &str) {
        self.cmd(&["send-keys", "-t", session, "-l", text]);
    }

    pub fn screen(&self, session: &str) -> String {
        self.cmd(&["capture-pane", "-t", session, "-p"])
    }

    /// The screen once it shows `text` and has stopped changing: stocktake sends only the
    /// cells that changed, so a capture can land in the middle of a frame, with the text
    /// already there and the rest of the page still the last one's.
    pub fn wait_for(&self, session: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut last: Option<String> = None;
        loop {
            let s = self.screen(session);
            if s.contains(text) {
                if last.as_deref() == Some(s.as_str()) {
                    return s;
                }
                last = Some(s);
                std::thread::sleep(Duration::from_millis(25));
                continue;
            }
            last = None;
            assert!(
                Instant::now() < deadline,
                "waited 10 s for {text:?}; the screen is:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Esc alone: waiting for its effect keeps it from merging with the next key into Alt.
    pub fn escape(&self, session: &str, then_visible: &str) {
        self.keys(session, &["Escape"]);
        self.wait_for(session, then_visible);
    }

    /// Is the pane's program still running?
    pub fn dead(&self, session: &str) -> bool {
        self.cmd(&["display-message", "-p", "-t", session, "#{pane_dead}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}
