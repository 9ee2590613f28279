//! The accessible mode (`stocktake --accessible`, or `STOCKTAKE_ACCESSIBLE=1`): no
//! alternate screen and no cursor addressing. Each prompt is printed as plain lines
//! (section, question n of N, its text, guidance, numbered options, the current answer) and
//! each command is read as a line, so a screen reader speaks it in order and the terminal's
//! own line editing works. It drives the same interview and the same effects as the full
//! screen, so what it saves is saved exactly as there.

mod commands;
mod complete;
mod new_call;
mod prompt;
mod provenance;
mod read_back;
mod rest;

use std::io::{self, BufRead, Write};

use jiff::Timestamp;

use super::effects::Runner;
use super::msg::{Effect, Event};
use crate::guide::{Catalog, Structure};
use crate::i18n::{FluentValue, UiChoice, UiLang};
use crate::interview::{Interview, Typed};
use crate::neutralise::line;
use crate::outbox::Sending;
use crate::session::Special;
use crate::store::{Claim, Store};

pub use prompt::describe;

pub struct Accessible<'a> {
    pub store: Store,
    pub catalog: Catalog,
    pub user: String,
    pub sending: Sending,
    pub names: Vec<String>,
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    /// The language chosen for the program's words; inside a call, [`Accessible::lang`]
    /// is the call's where nothing was chosen, as on the full screen.
    pub ui: UiChoice,
    lang: UiLang,
    runner: Runner,
}

impl<'a> Accessible<'a> {
    pub fn new(
        store: Store,
        catalog: Catalog,
        user: &str,
        sending: Sending,
        names: Vec<String>,
        input: &'a mut dyn BufRead,
        out: &'a mut dyn Write,
    ) -> Accessible<'a> {
        Accessible {
            store,
            catalog,
            user: user.to_string(),
            sending,
            names,
            input,
            out,
            ui: UiChoice::default(),
            lang: UiLang::En,
            runner: Runner::default(),
        }
    }

    /// The program's words in the language chosen (English until then).
    pub fn with_ui(mut self, ui: UiChoice) -> Accessible<'a> {
        self.ui = ui;
        self.lang = ui.lang;
        self
    }

    fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    fn tr(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        crate::i18n::tr(self.lang, id, args)
    }

    /// One line of input, trimmed; `None` at the end of input.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut l = String::new();
        if self.input.read_line(&mut l)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        Ok(Some(l.trim().to_string()))
    }

    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    /// Carry out effects; say what the interviewer must know (saved, not saved, sent).
    fn run(&mut self, effects: Vec<Effect>) -> io::Result<Vec<Event>> {
        let mut all = Vec::new();
        for e in effects {
            let events = self
                .runner
                .carry_out(e, &mut self.store, &self.catalog, &self.sending);
            for ev in &events {
                match ev {
                    Event::NotSaved { message, .. } => {
                        let message = message.in_lang(self.lang);
                        let m = self.tr("acc-not-saved-yet", &[("message", line(&message).into())]);
                        self.say(&m)?
                    }
                    Event::Failed(m) => self.say(&line(&m.in_lang(self.lang)))?,
                    Event::SyncFailed(m) => self.say(&line(&m.in_lang(self.lang)))?,
                    Event::Synced { files, outbox } => {
                        let m = self.tr(
                            "acc-sent",
                            &[("files", (*files).into()), ("outbox", line(outbox).into())],
                        );
                        self.say(&m)?
                    }
                    Event::LockLost { .. } => self.say(&self.t("acc-lock-lost"))?,
                    _ => {}
                }
            }
            all.extend(events);
        }
        Ok(all)
    }

    /// The list of sessions, then commands until `quit`.
    pub fn main(&mut self) -> io::Result<()> {
        self.say(&self.t("acc-welcome"))?;
        loop {
            let rows = self.store.summaries().unwrap_or_default();
            if rows.is_empty() {
                self.say(&self.t("acc-no-sessions"))?;
            } else {
                self.say(&self.tr("acc-sessions", &[("n", rows.len().into())]))?;
                for (n, r) in rows.iter().enumerate() {
                    let structure = Structure::parse(&r.structure)
                        .map(|s| prompt::structure_name(s, &r.structure_label, self.lang))
                        .unwrap_or_else(|| r.structure.clone());
                    self.say(&self.tr(
                        "acc-session-row",
                        &[
                            ("n", (n + 1).into()),
                            ("response", line(&r.response).into()),
                            ("structure", line(&structure).into()),
                            ("status", r.status.as_str().into()),
                            ("answered", r.required_answered.into()),
                            ("required", r.required.into()),
                        ],
                    ))?;
                }
            }
            let Some(cmd) = self.ask(&self.t("acc-home-prompt"))? else {
                return Ok(());
            };
            let (word, rest) = cmd.split_once(' ').unwrap_or((cmd.as_str(), ""));
            match commands::canonical(word).0 {
                "quit" | "q" | "exit" => return Ok(()),
                "help" | "?" => self.say(&self.t("acc-help-home"))?,
                "new" | "n" => self.new_call()?,
                "open" | "o" => match rest
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| rows.get(n.wrapping_sub(1)))
                {
                    Some(r) => {
                        let (call, id) = (r.call_id.clone(), r.id.clone());
                        self.open(&call, &id)?
                    }
                    None => self.say(&self.t("acc-open-which"))?,
                },
                "" => {}
                other => self.say(&self.tr("acc-unknown", &[("word", line(other).into())]))?,
            }
        }
    }

    fn open(&mut self, call_id: &str, session_id: &str) -> io::Result<()> {
        let events = self.run(vec![Effect::OpenCall {
            call_id: call_id.to_string(),
            session_id: session_id.to_string(),
            claim: Claim::IfFree,
            read_only: false,
        }])?;
        if events
            .iter()
            .any(|e| matches!(e, Event::LockConflict { .. }))
        {
            self.say(&self.t("acc-read-only"))?;
            let events = self.run(vec![Effect::OpenCall {
                call_id: call_id.to_string(),
                session_id: session_id.to_string(),
                claim: Claim::IfFree,
                read_only: true,
            }])?;
            return self.opened(events);
        }
        self.opened(events)
    }

    fn opened(&mut self, events: Vec<Event>) -> io::Result<()> {
        let Some(o) = events.into_iter().find_map(|e| match e {
            Event::CallOpened(o) => Some(o),
            _ => None,
        }) else {
            return Ok(());
        };
        let read_only = o
            .read_only
            .then_some(crate::interview::ReadOnly::HeldElsewhere);
        let mut iv = Interview::new(o.call, o.guide, o.sessions, read_only);
        let focus = o.focus.min(iv.sessions.len().saturating_sub(1));
        // Inside a call its language, where none was chosen, as on the full screen.
        if self.ui.follows_call
            && let Some(l) = UiLang::parse(iv.lang())
        {
            self.lang = l;
        }
        let result = self.interview(&mut iv, focus);
        self.lang = self.ui.lang;
        self.run(vec![Effect::CloseCall {
            sessions: iv.session_ids(),
        }])?;
        result
    }

    fn interview(&mut self, iv: &mut Interview, mut i: usize) -> io::Result<()> {
        let mut at = iv.resume(i).0;
        let ui = self.lang;
        self.say(&prompt::call_header(iv, ui))?;
        self.say(&describe(iv, i, at, ui))?;
        loop {
            let Some(cmd) = self.ask(&self.t("acc-interview-prompt"))? else {
                return Ok(());
            };
            let now = Timestamp::now();
            // `= TEXT` is always an answer, even one that starts with a command's word.
            let (cmd, forced) = match cmd.strip_prefix('=') {
                Some(text) => (text.trim().to_string(), true),
                None => (cmd, false),
            };
            let (word, rest) = match cmd.split_once(' ') {
                _ if forced => ("=".to_string(), String::new()),
                Some((w, r)) => (w.to_string(), r.trim().to_string()),
                None => (cmd.clone(), String::new()),
            };
            let q = iv.question(at).id.clone();
            let mut show = true;
            // On a question answered in words, a word that moves or completes is a command
            // only alone on its line: "back in 2015 …" is an answer, never lost.
            let typed_text = matches!(
                iv.question(at).kind,
                crate::guide::QuestionType::Text | crate::guide::QuestionType::LongText
            );
            let alone_only = [
                "next",
                "back",
                "b",
                "review",
                "r",
                "readback",
                "complete",
                "leave",
                "quit",
                "q",
                "unanswered",
                "u",
                "rest",
                "definition",
                "said",
                "volunteered",
                "prompted",
                "help",
                "dk",
                "declined",
                "na",
                "clear",
            ];
            let (english, french) = commands::canonical(&word);
            let word =
                if typed_text && !rest.is_empty() && (french || alone_only.contains(&english)) {
                    "=".to_string()
                } else {
                    english.to_string()
                };
            let result = match word.as_str() {
                "help" | "?" => {
                    self.say(&self.t("acc-help-interview"))?;
                    show = false;
                    None
                }
                "leave" | "quit" | "q" => return Ok(()),
                // Not `n`: that is "no" to a yes/no question.
                "" | "next" => {
                    match iv.step(i, at, true) {
                        Some(n) => at = n,
                        None => self.say(&self.t("acc-last-question"))?,
                    }
                    None
                }
                "back" | "b" => {
                    match iv.step(i, at, false) {
                        Some(n) => at = n,
                        None => self.say(&self.t("acc-first-question"))?,
                    }
                    None
                }
                "go" | "g" => {
                    let visible = iv.visible(i);
                    match rest
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| visible.get(n.wrapping_sub(1)))
                    {
                        Some(n) => at = *n,
                        None => {
                            self.say(&self.tr("acc-go-which", &[("n", visible.len().into())]))?
                        }
                    }
                    None
                }
                "find" | "f" => {
                    let want = rest.to_lowercase();
                    let lang = iv.lang().to_string();
                    let found = iv.visible(i).into_iter().find(|n| {
                        let x = iv.question(*n);
                        x.id.contains(&want)
                            || x.text.get(&lang, &lang).to_lowercase().contains(&want)
                    });
                    match found {
                        Some(n) => at = n,
                        None => {
                            self.say(&self.tr("acc-find-none", &[("words", line(&rest).into())]))?
                        }
                    }
                    None
                }
                "unanswered" | "u" => {
                    match iv.next_unanswered(i, at) {
                        Some(n) => at = n,
                        None => self.say(&self.t("acc-all-answered"))?,
                    }
                    None
                }
                "structure" | "s" => {
                    match rest
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=iv.sessions.len()).contains(n))
                    {
                        Some(n) => {
                            i = n - 1;
                            at = iv.resume(i).0;
                            self.say(&self.tr(
                                "acc-now-recording",
                                &[("structure", prompt::structure_of(iv, i).into())],
                            ))?;
                        }
                        None => self.say(&prompt::structures(iv, i, ui))?,
                    }
                    None
                }
                "review" | "r" => {
                    self.say(&prompt::review(iv, i, ui))?;
                    show = false;
                    None
                }
                "readback" => {
                    self.read_back(iv, i)?;
                    show = false;
                    None
                }
                "rest" => {
                    if let Some(n) = self.mark_rest(iv, i, at, &rest)? {
                        at = n;
                    }
                    None
                }
                "volunteered" | "prompted" | "definition" | "said" => {
                    self.mark_how(iv, i, at, &word, &rest)?;
                    show = false;
                    None
                }
                "note" => Some(iv.set_note(i, &q, &rest, now)),
                "pad" | "p" => {
                    if rest.is_empty() {
                        self.say(&self.t("acc-pad-how"))?;
                        None
                    } else {
                        Some(iv.add_note(i, &rest, Some(&q), now).map(|(_, c)| c))
                    }
                }
                "other" => Some(iv.set_other(i, &q, &rest, now)),
                "dk" => Some(iv.set_special(i, &q, Special::DontKnow, now)),
                "declined" => Some(iv.set_special(i, &q, Special::Declined, now)),
                "na" => Some(iv.set_special(i, &q, Special::NotAsked, now)),
                "clear" => Some(iv.clear_answer(i, &q, now)),
                "complete" => {
                    self.complete(iv, i)?;
                    show = false;
                    None
                }
                _ => match prompt::parse_answer(iv.question(at), iv.session(i), &cmd, ui) {
                    Ok(prompt::Answer::Value(v)) => Some(iv.set_value(i, &q, v, now)),
                    Ok(prompt::Answer::Typed) => match iv.type_answer(i, &q, &cmd, now) {
                        Ok(Typed::Saved(c)) => Some(Ok(c)),
                        Ok(Typed::Invalid(e)) => {
                            self.say(&self.tr(
                                "acc-not-saved",
                                &[(
                                    "reason",
                                    crate::tui::asks::answer_error(&e).in_lang(self.lang).into(),
                                )],
                            ))?;
                            show = false;
                            None
                        }
                        Err(e) => Some(Err(e)),
                    },
                    Err(message) => {
                        self.say(&message)?;
                        show = false;
                        None
                    }
                },
            };
            if let Some(r) = result {
                match r {
                    Ok(change) => {
                        let events = self.run(vec![Effect::Persist(change)])?;
                        if events.iter().any(|e| matches!(e, Event::Saved { .. })) {
                            // Say what was saved: a screen reader user hears it, not sees it.
                            let now_said = iv
                                .questions()
                                .find(|x| x.id == q)
                                .map(|x| prompt::answer_of(iv, i, x, ui))
                                .unwrap_or_default();
                            self.say(&self.tr("acc-saved", &[("answer", now_said.into())]))?;
                        }
                    }
                    Err(e) => {
                        let m = crate::tui::asks::refusal_words(e).in_lang(self.lang);
                        self.say(&line(&m))?
                    }
                }
                // An answer moves on, as the full screen's auto-advance does; a note stays.
                if !matches!(word.as_str(), "note" | "pad" | "other" | "clear")
                    && let Some(n) = iv.step(i, at, true)
                {
                    at = n;
                }
            }
            if show {
                self.say(&describe(iv, i, at, ui))?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{UiLang, tr};
    use crate::session::Status;

    /// Every status a session can have is said in words on the list, in every language:
    /// only a value no stocktake writes would be shown as it is stored.
    #[test]
    fn every_status_on_the_list_is_said_in_words() {
        for status in [Status::Draft, Status::InProgress, Status::Completed] {
            let row = |lang| {
                tr(
                    lang,
                    "acc-session-row",
                    &[
                        ("n", 1.into()),
                        ("response", "Mali".into()),
                        ("structure", "CP AOR".into()),
                        ("status", status.as_str().into()),
                        ("answered", 0.into()),
                        ("required", 1.into()),
                    ],
                )
            };
            let (en, fr) = (row(UiLang::En), row(UiLang::Fr));
            assert!(!en.contains('_') && !fr.contains('_'), "{en} / {fr}");
            assert_ne!(en, fr);
        }
    }
}
