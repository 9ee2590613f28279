//! "readback" in the accessible mode: the end-of-call read-back of one structure, printed
//! as lines to read to the coordinator, then whether they confirmed it, recorded as the
//! full screen's review `b`, `y` and `n` record it.

use std::io;

use jiff::Timestamp;

use super::Accessible;
use super::prompt::structure_of;
use crate::interview::Interview;
use crate::neutralise::block;
use crate::tui::msg::Effect;

/// The read-back of session `i` as lines, in reading order.
pub fn sheet(iv: &Interview, i: usize) -> String {
    let (lang, dl) = (iv.lang(), iv.default_language());
    let sheet = iv.read_back_sheet(i);
    let mut out = format!(
        "Read back to the {}. Read this to the coordinator, then ask whether it is right.",
        structure_of(iv, i)
    );
    out.push_str("\nClassification:");
    if sheet.classification.is_empty() {
        out.push_str("\nNot classified yet: the classification is needed to complete.");
    }
    let line = |out: &mut String, n: usize, said: &str| {
        let q = iv.question(n);
        out.push_str(&format!(
            "\n{}: {}",
            block(q.text.get(lang, dl)),
            block(said)
        ));
    };
    for (n, said) in &sheet.classification {
        line(&mut out, *n, said);
    }
    out.push_str("\nWhat was said:");
    for (n, said) in &sheet.closed {
        line(&mut out, *n, said);
    }
    match sheet.open {
        0 => {}
        1 => out.push_str("\n1 closed question has no answer."),
        n => out.push_str(&format!("\n{n} closed questions have no answer.")),
    }
    if let Some(last) = sheet.last {
        out.push_str(&format!(
            "\nLast read back at {}: {}.{}",
            last.at.strftime("%H:%M UTC"),
            if last.confirmed {
                "confirmed"
            } else {
                "corrections asked"
            },
            if sheet.changed_since {
                " Answers changed since."
            } else {
                ""
            }
        ));
    }
    out
}

impl Accessible<'_> {
    /// Print the read-back, ask whether the coordinator confirmed it, and record the answer.
    pub(super) fn read_back(&mut self, iv: &mut Interview, i: usize) -> io::Result<()> {
        self.say(&sheet(iv, i))?;
        let Some(a) = self.ask(
            "Did the coordinator confirm it? Type y (confirmed), n (corrections asked), or Enter to record nothing: ",
        )?
        else {
            return Ok(());
        };
        let confirmed = match a.as_str() {
            "y" | "yes" | "o" | "oui" => true,
            "n" | "no" | "non" => false,
            _ => {
                self.say("Nothing recorded.")?;
                return Ok(());
            }
        };
        match iv.record_read_back(i, confirmed, Timestamp::now()) {
            Ok(change) => {
                self.run(vec![Effect::Persist(change)])?;
                self.say(if confirmed {
                    "Saved: read back and confirmed by the coordinator."
                } else {
                    "Saved: corrections asked. Correct the answers, then type readback again."
                })?;
            }
            Err(e) => self.say(&crate::neutralise::line(&e.to_string()))?,
        }
        Ok(())
    }
}
