//! The accessible mode's new-call questions: guide, response, structures, language, one
//! line each, refused whole on a wrong answer so that nothing half-made is created.

use crate::i18n::Reason;
use std::io;
use std::sync::Arc;

use jiff::Timestamp;

use super::Accessible;
use crate::guide::{LoadedGuide, Structure};
use crate::interview::{NewCall, coordinator_role, default_guide, plan_call};
use crate::neutralise::line;
use crate::session::Participant;
use crate::tui::msg::Effect;

impl Accessible<'_> {
    pub(super) fn new_call(&mut self) -> io::Result<()> {
        let guides: Vec<Arc<LoadedGuide>> =
            self.catalog.guides.iter().cloned().map(Arc::new).collect();
        if guides.is_empty() {
            return self.say(&self.t("acc-no-guide"));
        }
        let mut g = default_guide(&guides);
        if guides.len() > 1 {
            for (n, x) in guides.iter().enumerate() {
                self.say(&format!(
                    "{}. {}",
                    n + 1,
                    line(
                        x.guide
                            .title
                            .get(self.lang.code(), x.guide.default_language())
                    )
                ))?;
            }
            let Some(a) = self.ask(&self.tr("acc-guide-number", &[("n", (g + 1).into())]))? else {
                return Ok(());
            };
            if let Ok(n) = a.parse::<usize>()
                && (1..=guides.len()).contains(&n)
            {
                g = n - 1;
            }
        }
        let guide = guides[g].clone();
        let Some(response) = self.ask(&self.t("acc-response"))? else {
            return Ok(());
        };
        if response.is_empty() {
            return self.say(&self.t("acc-need-response"));
        }
        let types = &guide.guide.respondents;
        let lang = guide.guide.default_language();
        // In the program's language where the guide has it, as the guides' titles above:
        // the call's language is only asked after.
        let ui = self.lang.code();
        for (n, r) in types.iter().enumerate() {
            self.say(&format!("{}. {}", n + 1, line(r.name(ui, lang))))?;
        }
        let Some(a) = self.ask(&self.t("acc-respondents"))? else {
            return Ok(());
        };
        let mut structures: Vec<(Structure, String)> = Vec::new();
        for part in a.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part
                .parse::<usize>()
                .ok()
                .and_then(|n| types.get(n.wrapping_sub(1)))
            {
                Some(r) if r.other => {
                    let Some(label) = self.ask(&self.tr(
                        "acc-other-name",
                        &[(
                            "kind",
                            line(&r.name(ui, lang).to_lowercase()).into_owned().into(),
                        )],
                    ))?
                    else {
                        return Ok(());
                    };
                    structures.push((r.id, label));
                }
                Some(r) if !structures.iter().any(|(x, _)| *x == r.id) => {
                    structures.push((r.id, String::new()))
                }
                Some(_) => {}
                None => {
                    let m = self.tr(
                        "acc-not-a-respondent",
                        &[("typed", line(part).into_owned().into())],
                    );
                    return self.say(&m);
                }
            }
        }
        if structures.is_empty() {
            return self.say(&self.t("acc-need-structure"));
        }
        let languages = guide.guide.languages.clone();
        let mut language = guide.guide.default_language().to_string();
        if languages.len() > 1 {
            let shown: Vec<String> = languages
                .iter()
                .map(|l| crate::i18n::language_shown(l))
                .collect();
            let prompt = self.tr(
                "acc-call-language",
                &[
                    ("languages", shown.join(", ").into()),
                    ("default", crate::i18n::language_shown(&language).into()),
                ],
            );
            // An answer that is not a language of the guide is asked again, not replaced
            // by the default unseen: the call's language decides every text read out.
            loop {
                let Some(a) = self.ask(&prompt)? else {
                    return Ok(());
                };
                if a.is_empty() {
                    break;
                }
                match chosen_language(&languages, &a) {
                    Some(l) => {
                        language = l;
                        break;
                    }
                    None => self.say(&self.tr(
                        "acc-unknown-language",
                        &[("answer", a.into()), ("languages", shown.join(", ").into())],
                    ))?,
                }
            }
        }
        let participants = structures
            .iter()
            .map(|(s, _)| Participant {
                role: coordinator_role(*s).to_string(),
                organisation: String::new(),
                name: String::new(),
            })
            .collect();
        let new = NewCall {
            response,
            interviewer: self.user.clone(),
            language,
            structures,
            participants,
            consent: None,
        };
        match plan_call(guide, &new, Timestamp::now()) {
            Ok(change) => {
                let events = self.run(vec![Effect::CreateCall(change)])?;
                self.opened(events)
            }
            Err(e) => {
                let m = self.tr("acc-not-created", &[("reason", e.reason(self.lang).into())]);
                self.say(&m)
            }
        }
    }
}

/// A language of the guide named by its code or its own name, in any case: "fr",
/// "FR", "français" and "Français (fr)" all choose French.
fn chosen_language(languages: &[String], answer: &str) -> Option<String> {
    let a = answer.trim().to_lowercase();
    languages
        .iter()
        .find(|l| {
            let shown = crate::i18n::language_shown(l).to_lowercase();
            let name = crate::i18n::language_name(l).map(str::to_lowercase);
            a == l.to_lowercase() || a == shown || name.as_deref() == Some(a.as_str())
        })
        .cloned()
}
