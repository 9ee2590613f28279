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
        let rest = match words {
            "" | "section" => Rest::Section,
            "guide" | "all" => Rest::Guide,
            _ => {
                self.say("Type rest (the rest of this section) or rest guide (to the end).")?;
                return Ok(None);
            }
        };
        let open = iv.rest_open(i, at, rest);
        let whose = match rest {
            Rest::Section => "of this section",
            Rest::Guide => "of the guide",
        };
        if open.is_empty() {
            self.say(&format!(
                "Nothing to mark: from here to the end {whose}, each question has an answer or is required."
            ))?;
            return Ok(None);
        }
        let Some(a) = self.ask(&format!(
            "Mark {} from here to the end {whose} not asked? Answered and required questions stay. Type y to mark them, n to keep asking: ",
            match open.len() {
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            }
        ))?
        else {
            return Ok(None);
        };
        if !matches!(a.as_str(), "y" | "yes" | "o" | "oui") {
            self.say("Nothing marked.")?;
            return Ok(None);
        }
        match iv.mark_rest(i, at, rest, Timestamp::now()) {
            Ok(Some(change)) => {
                self.run(vec![Effect::Persist(change)])?;
                self.say(&format!(
                    "Saved: {} questions marked not asked.",
                    open.len()
                ))?;
            }
            Ok(None) => return Ok(None),
            Err(e) => {
                self.say(&crate::neutralise::line(&e.to_string()))?;
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
