//! The interview screen's keys that reach the other structures on the call: a call-level
//! fact saved for them with the edit that made it, and Alt-A, this answer for all of them.

use crate::i18n::Words;
use jiff::Timestamp;

use super::asks::refused;
use super::interview::CallView;
use super::msg::Effect;
use super::outcome::{Level, Outcome};
use crate::session::Change;

impl CallView {
    /// The other sessions' tabs show what is now recorded for them.
    fn reload_tabs_of(&mut self, changes: &[Change]) {
        for change in changes {
            if let Some(j) = change.session().and_then(|s| self.interview.position_of(s)) {
                let t = &mut self.tabs[j];
                t.load(&self.interview, j, t.current);
            }
        }
    }

    /// A call-level fact answered here is the other structures' answer too: saved now,
    /// with the edit that made it, whichever key or panel made it.
    pub(super) fn with_shared(&mut self, mut outcome: Outcome) -> Outcome {
        let shared = self.interview.take_shared();
        if shared.is_empty() {
            return outcome;
        }
        self.reload_tabs_of(&shared);
        outcome
            .effects
            .extend(shared.into_iter().map(Effect::Persist));
        if outcome.say.is_none() {
            outcome.say = Some((Level::Info, Words::msg("call-fact-shared")));
        }
        outcome
    }

    /// Alt-A: this question's answer for every other structure on the call that may take it.
    pub(super) fn copy_to_call(&mut self, now: Timestamp) -> Outcome {
        let q = self.question().id.clone();
        match self.interview.copy_to_call(self.active, &q, now) {
            Ok((changes, _)) if changes.is_empty() => {
                Outcome::said(Level::Info, Words::msg("copy-nothing"))
            }
            Ok((changes, names)) => {
                self.reload_tabs_of(&changes);
                Outcome::effects(changes.into_iter().map(Effect::Persist).collect()).say(
                    Level::Info,
                    Words::msg("copied").arg("structures", names.join(", ")),
                )
            }
            Err(e) => refused(e),
        }
    }
}
