//! Completing a session in the accessible mode: what would stop it first, then the guard's
//! findings one by one (redact, mark sensitive, keep), then the completion and its sending,
//! as on the full screen.

use crate::i18n::Reason;
use std::io;

use jiff::Timestamp;

use super::{Accessible, prompt};
use crate::interview::{Interview, Typed};
use crate::neutralise::line;
use crate::tui::msg::{Effect, Event};

impl Accessible<'_> {
    /// Complete session `i`: first what the guard finds in its free text, one by one.
    pub(super) fn complete(&mut self, iv: &mut Interview, i: usize) -> io::Result<()> {
        // What would stop the completion is said before the check of names and numbers,
        // so no decision there is made for nothing.
        let mut probe = iv.session(i).clone();
        if let Err(e) = probe.complete(&iv.guide.guide, Timestamp::now()) {
            let m = self.tr(
                "acc-not-completed-why",
                &[("reason", line(&e.reason(self.lang)).into_owned().into())],
            );
            return self.say(&m);
        }
        let panel = crate::tui::guard_panel::GuardPanel::new(self.names.clone());
        let findings = panel.open(iv, i);
        for (n, f) in findings.iter().enumerate() {
            let m = self.tr(
                "acc-check",
                &[
                    ("n", (n + 1).into()),
                    ("of", findings.len().into()),
                    (
                        "kind",
                        crate::i18n::tr(self.lang, "guard-kind", &[("kind", f.kind.code().into())])
                            .into(),
                    ),
                    ("place", prompt::place(&f.place, self.lang).into()),
                    ("found", line(&f.found).into_owned().into()),
                ],
            );
            self.say(&m)?;
            loop {
                let Some(a) = self.ask(&self.t("acc-check-ask"))? else {
                    return Ok(());
                };
                let now = Timestamp::now();
                let change = match a.as_str() {
                    "c" => return self.say(&self.t("acc-not-completed")),
                    "k" => break,
                    "s" => match &f.place {
                        crate::interview::guard::Place::Pad(seq) => {
                            iv.set_note_sensitive(i, *seq, true, now)
                        }
                        crate::interview::guard::Place::Note(q)
                        | crate::interview::guard::Place::Other(q)
                        | crate::interview::guard::Place::Answer(q) => {
                            iv.set_answer_sensitive(i, q, true, now)
                        }
                    },
                    "x" => {
                        let Some(text) = crate::interview::guard::redact(
                            crate::tui::guard_panel::text_of(iv.session(i), &f.place),
                            &f.span,
                        ) else {
                            self.say(&self.t("acc-text-changed"))?;
                            return Ok(());
                        };
                        match &f.place {
                            crate::interview::guard::Place::Note(q) => {
                                iv.set_note(i, q, &text, now)
                            }
                            crate::interview::guard::Place::Other(q) => {
                                iv.set_other(i, q, &text, now)
                            }
                            crate::interview::guard::Place::Pad(seq) => {
                                iv.edit_note(i, *seq, &text, now)
                            }
                            crate::interview::guard::Place::Answer(q) => {
                                match iv.type_answer(i, q, &text, now) {
                                    Ok(Typed::Saved(c)) => Ok(c),
                                    Ok(Typed::Invalid(e)) => {
                                        let m = self.tr(
                                            "acc-not-redacted",
                                            &[(
                                                "reason",
                                                crate::tui::asks::answer_error(&e)
                                                    .in_lang(self.lang)
                                                    .into(),
                                            )],
                                        );
                                        self.say(&m)?;
                                        continue;
                                    }
                                    Err(e) => Err(e),
                                }
                            }
                        }
                    }
                    _ => continue,
                };
                match change {
                    Ok(c) => {
                        self.run(vec![Effect::Persist(c)])?;
                        break;
                    }
                    Err(e) => {
                        let m = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                        self.say(&line(&m))?;
                        return Ok(());
                    }
                }
            }
        }
        match iv.complete(i, Timestamp::now()) {
            Ok(change) => {
                let events = self.run(vec![Effect::Persist(change)])?;
                if events.iter().any(|e| matches!(e, Event::Completed { .. })) {
                    let m = self.tr(
                        "acc-completed",
                        &[("structure", prompt::structure_of(iv, i).into())],
                    );
                    self.say(&m)?;
                }
                Ok(())
            }
            Err(e) => {
                let why = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                let m = self.tr(
                    "acc-not-completed-error",
                    &[("reason", line(&why).into_owned().into())],
                );
                self.say(&m)
            }
        }
    }
}
