//! The Plan screen's state: the campaign's targets, what to do first at the top (callbacks
//! due, then never tried), each with the respondent's own time. A key logs an outcome;
//! Enter starts the call with the target's fields filled in (and every ticked target of
//! the same response, each its own session).

use crate::i18n::{UiLang, Words};
use jiff::Timestamp;
use ratatui_textarea::Input;

use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use super::text_field::TextField;
use crate::campaign::{Attempt, Outcome as CallOutcome, Progress, Target, parse_when, totals};

/// The campaign as the Plan screen shows it.
#[derive(Debug, Clone, Default)]
pub struct PlanData {
    pub rows: Vec<Progress>,
}

impl PlanData {
    pub fn totals(&self) -> (usize, usize, usize) {
        totals(&self.rows)
    }
}

/// Logging an outcome for the target under the cursor: the outcomes, then for a callback
/// the time it is asked for.
pub struct LogPanel {
    pub target: Target,
    pub cursor: usize,
    /// Typing the callback time.
    pub time: Option<TextField>,
    pub error: Option<crate::campaign::WhenError>,
}

#[derive(Default)]
pub struct PlanView {
    pub data: PlanData,
    pub cursor: usize,
    /// Targets ticked to call together (one response, several structures).
    pub ticked: Vec<String>,
    pub log: Option<LogPanel>,
}

impl PlanView {
    pub fn load(&mut self, data: PlanData) {
        let keep = self.selected().map(|p| p.target.id.clone());
        self.data = data;
        self.cursor = keep
            .and_then(|id| self.data.rows.iter().position(|p| p.target.id == id))
            .unwrap_or(0);
        let ids: Vec<&str> = self
            .data
            .rows
            .iter()
            .map(|p| p.target.id.as_str())
            .collect();
        self.ticked.retain(|t| ids.contains(&t.as_str()));
    }

    pub fn selected(&self) -> Option<&Progress> {
        self.data.rows.get(self.cursor)
    }

    pub fn update(
        &mut self,
        input: Input,
        action: Option<Action>,
        user: &str,
        now: Timestamp,
        ui: UiLang,
    ) -> Outcome {
        if self.log.is_some() {
            return self.update_log(input, action, user, now, ui);
        }
        let n = self.data.rows.len();
        match action {
            Some(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Action::Top) => self.cursor = 0,
            Some(Action::Bottom) => self.cursor = n.saturating_sub(1),
            Some(Action::Back) => return Outcome::go(Go::Home),
            Some(Action::Toggle) => {
                let Some(id) = self.selected().map(|p| p.target.id.clone()) else {
                    return Outcome::stay();
                };
                match self.ticked.iter().position(|t| *t == id) {
                    Some(at) => {
                        self.ticked.remove(at);
                    }
                    None => self.ticked.push(id),
                }
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
            }
            Some(Action::LogOutcome) => {
                let Some(p) = self.selected() else {
                    return Outcome::said(Level::Info, Words::msg("plan-no-target"));
                };
                self.log = Some(LogPanel {
                    target: p.target.clone(),
                    cursor: 0,
                    time: None,
                    error: None,
                });
            }
            Some(Action::Open) => return self.start_call(),
            _ => {}
        }
        Outcome::stay()
    }

    /// The targets a call starts with: those ticked, else the one under the cursor.
    fn start_call(&self) -> Outcome {
        let chosen: Vec<Target> = if self.ticked.is_empty() {
            self.selected()
                .map(|p| p.target.clone())
                .into_iter()
                .collect()
        } else {
            self.data
                .rows
                .iter()
                .filter(|p| self.ticked.contains(&p.target.id))
                .map(|p| p.target.clone())
                .collect()
        };
        let Some(first) = chosen.first() else {
            return Outcome::said(Level::Info, Words::msg("plan-no-target"));
        };
        if chosen.iter().any(|t| t.response != first.response) {
            return Outcome::said(Level::Warn, Words::msg("plan-one-response"));
        }
        let mut o = Outcome::go(Go::NewCall);
        o.from_targets = chosen;
        o
    }

    fn update_log(
        &mut self,
        input: Input,
        action: Option<Action>,
        user: &str,
        now: Timestamp,
        ui: UiLang,
    ) -> Outcome {
        let Some(log) = &mut self.log else {
            return Outcome::stay();
        };
        let all = CallOutcome::ALL;
        if let Some(field) = &mut log.time {
            match action {
                Some(Action::Back) => log.time = None,
                Some(Action::Submit) | Some(Action::Open) => {
                    let tz = log
                        .target
                        .timezone
                        .as_deref()
                        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
                        .unwrap_or_else(jiff::tz::TimeZone::system);
                    match parse_when(&field.text(), now, &tz) {
                        Ok(at) => {
                            return self.logged(CallOutcome::Callback, Some(at), user, now, ui);
                        }
                        Err(e) => log.error = Some(e),
                    }
                }
                _ => {
                    if field.input(input) {
                        log.error = None;
                    }
                }
            }
            return Outcome::stay();
        }
        match action {
            Some(Action::Back) => self.log = None,
            Some(Action::Up) => log.cursor = log.cursor.saturating_sub(1),
            Some(Action::Down) => log.cursor = (log.cursor + 1).min(all.len() - 1),
            Some(Action::Open) | Some(Action::Select) => {
                let chosen = all[log.cursor];
                return self.choose(chosen, user, now, ui);
            }
            _ => {
                if let ratatui_textarea::Key::Char(c @ '0'..='9') = input.key {
                    let n = if c == '0' {
                        10
                    } else {
                        c as usize - '0' as usize
                    };
                    if let Some(o) = all.get(n - 1) {
                        log.cursor = n - 1;
                        return self.choose(*o, user, now, ui);
                    }
                }
            }
        }
        Outcome::stay()
    }

    fn choose(&mut self, outcome: CallOutcome, user: &str, now: Timestamp, ui: UiLang) -> Outcome {
        if outcome == CallOutcome::Callback {
            if let Some(log) = &mut self.log {
                let mut field = TextField::new("", false);
                field.set_placeholder(&crate::i18n::t(ui, "plan-callback-placeholder"));
                log.time = Some(field);
            }
            return Outcome::stay();
        }
        self.logged(outcome, None, user, now, ui)
    }

    fn logged(
        &mut self,
        outcome: CallOutcome,
        callback: Option<Timestamp>,
        user: &str,
        now: Timestamp,
        ui: UiLang,
    ) -> Outcome {
        let Some(log) = self.log.take() else {
            return Outcome::stay();
        };
        let attempt = Attempt {
            id: ulid::Ulid::generate().to_string(),
            target: log.target.id.clone(),
            at: now,
            outcome,
            callback,
            note: String::new(),
            interviewer: user.to_string(),
            sessions: Vec::new(),
        };
        Outcome::said(
            Level::Info,
            Words::msg("plan-logged")
                .arg("target", log.target.name(ui.code()))
                .arg("outcome", outcome.as_str()),
        )
        .with(Effect::LogAttempt(attempt))
    }
}
