//! "rest" in the accessible mode: mark the rest of the section (or with "rest guide",
//! of the guide) not asked, after saying how many questions and asking, as the full
//! screen's Alt-S and Alt-E do.

use std::io;

use jiff::Timestamp;

use super::Accessible;
use crate::interview::{Interview, Rest};
use crate::tui::msg::Effect;

impl Accessible<'_> {
    /// Mark them once confirmed; the question to go on to, when it changes.
    pub(super) fn mark_rest(
        &mut self,
        iv: &mut Interview,
        i: usize,
        at: usize,
        words: &str,
    ) -> io::Result<Option<usize>> {
        let Some(rest) = super::commands::rest_scope(words) else {
            self.say(&self.t("acc-rest-how"))?;
            return Ok(None);
        };
        let open = iv.rest_open(i, at, rest);
        let whose = match rest {
            Rest::Section => "section",
            Rest::Guide => "guide",
        };
        if open.is_empty() {
            self.say(&self.tr("acc-rest-nothing", &[("whose", whose.into())]))?;
            return Ok(None);
        }
        let Some(a) = self.ask(&self.tr(
            "acc-rest-ask",
            &[("n", open.len().into()), ("whose", whose.into())],
        ))?
        else {
            return Ok(None);
        };
        if !matches!(a.as_str(), "y" | "yes" | "o" | "oui") {
            self.say(&self.t("acc-rest-none-marked"))?;
            return Ok(None);
        }
        match iv.mark_rest(i, at, rest, Timestamp::now()) {
            Ok(Some(change)) => {
                self.run(vec![Effect::Persist(change)])?;
                self.say(&self.tr("acc-rest-marked", &[("n", open.len().into())]))?;
            }
            Ok(None) => return Ok(None),
            Err(e) => {
                let m = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                self.say(&crate::neutralise::line(&m))?;
                return Ok(None);
            }
        }
        let next = match rest {
            Rest::Section => iv.step_section(i, at, true),
            Rest::Guide => None,
        }
        .or_else(|| iv.next_unanswered(i, at));
        Ok(next)
    }
}
