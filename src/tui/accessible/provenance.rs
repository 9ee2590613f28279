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
        let ui = self.lang;
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
                    let m = self.tr(
                        "acc-no-such-option",
                        &[("n", line(rest).into_owned().into())],
                    );
                    return self.say(&m);
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
                    let m = self.tr(
                        "acc-not-the-answer",
                        &[("n", rest.into()), ("word", word.into())],
                    );
                    return self.say(&m);
                }
                iv.toggle_elicited(i, &q.id, option.as_deref(), mark, now)
                    .map(|(change, now_marked, value)| {
                        let label = q
                            .option(&value)
                            .map(|o| o.label.get(&lang, &dl).to_string())
                            .unwrap_or(value);
                        let said = crate::i18n::tr(
                            ui,
                            "acc-marked",
                            &[
                                ("label", label.into()),
                                ("mark", now_marked.map_or("none", |m| m.as_str()).into()),
                            ],
                        );
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
                        .map(|e| {
                            crate::interview::earlier_words(
                                &q,
                                e,
                                &lang,
                                &dl,
                                &crate::tui::interview::fixed_words(&lang),
                            )
                        })
                        .unwrap_or_default();
                    crate::i18n::tr(ui, "acc-definition", &[("before", before.into())])
                } else {
                    crate::i18n::t(ui, "acc-definition-off")
                };
                (change, said)
            }),
            _ => iv.attribute_answer(i, &q.id, now).map(|(change, who)| {
                let said = match who {
                    Some(s) => {
                        crate::i18n::tr(ui, "acc-said-by", &[("who", s.short_in(ui).into())])
                    }
                    None => crate::i18n::t(ui, "acc-said-by-no-one"),
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
            Err(crate::interview::Refusal::NothingChosen) => {
                self.say(&self.t("acc-nothing-chosen"))
            }
            Err(crate::interview::Refusal::NoOneToAttribute) => {
                self.say(&self.t("acc-no-participants"))
            }
            Err(e) => {
                let m = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                self.say(&line(&m))
            }
        }
    }
}
