//! How an answer came to be, in the accessible mode, as the full screen's Alt-V, Alt-P,
//! Alt-B and Alt-W: `volunteered N` / `prompted N` (option N, or the answer given),
//! `definition` (the definition was explained now: the answer so far is kept as the one
//! before it), `said` (who said it: the next participant). Each says what it did.

use std::io;

use jiff::Timestamp;

use super::Accessible;
use crate::guide::QuestionType;
use crate::interview::Interview;
use crate::neutralise::line;
use crate::session::Elicited;
use crate::tui::msg::Effect;

/// Option `n` (from 1) of the question as the prompt numbered it.
fn option_at(iv: &Interview, i: usize, at: usize, n: usize) -> Option<String> {
    let q = iv.question(at);
    match q.kind {
        QuestionType::YesNo => ["yes", "no"].get(n.wrapping_sub(1)).map(|v| v.to_string()),
        QuestionType::Single | QuestionType::Multi => crate::interview::offered(q, iv.session(i))
            .get(n.wrapping_sub(1))
            .and_then(|c| q.options.get(*c))
            .map(|o| o.value.clone()),
        _ => None,
    }
}

impl Accessible<'_> {
    pub(super) fn mark_how(
        &mut self,
        iv: &mut Interview,
        i: usize,
        at: usize,
        word: &str,
        rest: &str,
    ) -> io::Result<()> {
        let q = iv.question(at).clone();
        let now = Timestamp::now();
        let (lang, dl) = (iv.lang().to_string(), iv.default_language().to_string());
        let result = match word {
            "volunteered" | "prompted" => {
                let mark = if word == "volunteered" {
                    Elicited::Volunteered
                } else {
                    Elicited::Prompted
                };
                let option = rest
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| option_at(iv, i, at, n));
                if !rest.is_empty() && option.is_none() {
                    return self.say(&format!(
                        "There is no option {} here: give the number of a chosen option, or the word alone for the answer given.",
                        line(rest)
                    ));
                }
                // One answer: a number that is not it is a slip, not a mark to put elsewhere.
                let chosen = iv
                    .session(i)
                    .answers
                    .get(&q.id)
                    .and_then(|a| a.skip_values())
                    .unwrap_or_default();
                if let Some(v) = &option
                    && matches!(q.kind, QuestionType::Single | QuestionType::YesNo)
                    && !chosen.contains(v)
                {
                    return self.say(&format!(
                        "Option {rest} is not the answer given: type {word} alone to mark the answer given."
                    ));
                }
                iv.toggle_elicited(i, &q.id, option.as_deref(), mark, now)
                    .map(|(change, now_marked, value)| {
                        let label = q
                            .option(&value)
                            .map(|o| o.label.get(&lang, &dl).to_string())
                            .unwrap_or(value);
                        let said = match now_marked {
                            Some(m) => format!("{label}: {}.", m.as_str()),
                            None => format!("{label}: no longer marked."),
                        };
                        (change, said)
                    })
            }
            "definition" => iv.toggle_definition(i, &q.id, now).map(|(change, marked)| {
                let said = if marked {
                    let before = iv
                        .session(i)
                        .answers
                        .get(&q.id)
                        .and_then(|a| a.provenance.before_definition.as_ref())
                        .map(|e| crate::interview::earlier_words(&q, e, &lang, &dl))
                        .unwrap_or_default();
                    format!(
                        "Definition explained: the answer before it is kept ({before}). Type the answer the coordinator gives now."
                    )
                } else {
                    "No longer marked as answered again after the definition.".to_string()
                };
                (change, said)
            }),
            _ => iv.attribute_answer(i, &q.id, now).map(|(change, who)| {
                let said = match who {
                    Some(s) => format!("Said by {} (said again: the next participant).", s.short()),
                    None => "Said by no one in particular.".to_string(),
                };
                (change, said)
            }),
        };
        match result {
            Ok((change, said)) => {
                self.run(vec![Effect::Persist(change)])?;
                self.say(&line(&said))
            }
            // The full screen's words name its keys; these name the commands.
            Err(crate::interview::Refusal::NothingChosen) => self.say(
                "Nothing chosen to mark: answer first, or give the number of a chosen option (volunteered 3).",
            ),
            Err(crate::interview::Refusal::NoOneToAttribute) => self.say(
                "No participants recorded for this structure: who is on the call is asked when the call starts.",
            ),
            Err(e) => self.say(&line(&e.to_string())),
        }
    }
}
