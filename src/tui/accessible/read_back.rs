//! "readback" in the accessible mode: the end-of-call read-back of one structure, printed
//! as lines to read to the coordinator, then whether they confirmed it, recorded as the
//! full screen's review `b`, `y` and `n` record it.

use std::io;

use jiff::Timestamp;

use super::Accessible;
use super::prompt::structure_of;
use crate::i18n::{UiLang, t, tr};
use crate::interview::Interview;
use crate::neutralise::block;
use crate::tui::msg::Effect;

/// The read-back of session `i` as lines, in reading order.
pub fn sheet(iv: &Interview, i: usize, ui: UiLang) -> String {
    let (lang, dl) = (iv.lang(), iv.default_language());
    let sheet = iv.read_back_sheet(i, &crate::tui::interview::fixed_words(lang));
    let mut out = tr(
        ui,
        "acc-read-back",
        &[("structure", structure_of(iv, i).into())],
    );
    out.push_str(&format!("\n{}", t(ui, "acc-classification")));
    if sheet.classification.is_empty() {
        out.push_str(&format!("\n{}", t(ui, "acc-not-classified")));
    }
    let line = |out: &mut String, n: usize, said: &str| {
        let q = iv.question(n);
        out.push('\n');
        out.push_str(&tr(
            ui,
            "acc-said-row",
            &[
                ("question", block(q.text.get(lang, dl)).into_owned().into()),
                ("answer", block(said).into_owned().into()),
            ],
        ));
    };
    for (n, said) in &sheet.classification {
        line(&mut out, *n, said);
    }
    out.push_str(&format!("\n{}", t(ui, "acc-what-was-said")));
    for (n, said) in &sheet.closed {
        line(&mut out, *n, said);
    }
    if sheet.open > 0 {
        out.push_str(&format!(
            "\n{}",
            tr(ui, "acc-closed-open", &[("n", sheet.open.into())])
        ));
    }
    if let Some(last) = sheet.last {
        out.push_str(&format!(
            "\n{}",
            tr(
                ui,
                "acc-last-read-back",
                &[
                    ("at", last.at.strftime("%H:%M UTC").to_string().into()),
                    (
                        "confirmed",
                        if last.confirmed { "yes" } else { "no" }.into()
                    ),
                    (
                        "changed",
                        if sheet.changed_since { "yes" } else { "no" }.into()
                    ),
                ],
            )
        ));
    }
    out
}

impl Accessible<'_> {
    /// Print the read-back, ask whether the coordinator confirmed it, and record the answer.
    pub(super) fn read_back(&mut self, iv: &mut Interview, i: usize) -> io::Result<()> {
        self.say(&sheet(iv, i, self.lang))?;
        let Some(a) = self.ask(&self.t("acc-confirm-ask"))? else {
            return Ok(());
        };
        let confirmed = match a.as_str() {
            "y" | "yes" | "o" | "oui" => true,
            "n" | "no" | "non" => false,
            _ => {
                self.say(&self.t("acc-nothing-recorded"))?;
                return Ok(());
            }
        };
        match iv.record_read_back(i, confirmed, Timestamp::now()) {
            Ok(change) => {
                self.run(vec![Effect::Persist(change)])?;
                self.say(&self.t(if confirmed {
                    "acc-confirmed"
                } else {
                    "acc-corrections"
                }))?;
            }
            Err(e) => {
                let m = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                self.say(&crate::neutralise::line(&m))?
            }
        }
        Ok(())
    }
}
