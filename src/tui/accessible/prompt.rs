//! What the accessible mode prints: each prompt as plain lines in reading order, and the
//! parsing of an answer typed as a line (an option's number, numbers for several, yes or
//! no, or the text itself).

use crate::guide::{Question, QuestionType};
use crate::interview::Interview;
use crate::interview::guard::Place;
use crate::neutralise::block;
use crate::session::{Value, format_number};

pub mod help {
    pub const HOME: &str =
        "Commands: new (a new call), open N (the session numbered N in the list), help, quit.";
    pub const INTERVIEW: &str = "\
To answer: the option's number (1); several numbers for a question with several answers (1,3);
y or n for yes or no; for a text, a number or a date, type it
(= TEXT is always an answer, even when it starts with a command's word).
dk: don't know. declined: declined to answer. na: not asked. clear: no answer.
note TEXT: the question's note (note alone clears it). other TEXT: the specify text.
pad TEXT: a general note, attached to this question.
Enter or next: next question. back: previous. go N: question N. find WORDS: a question by its words.
unanswered: the next question without an answer.
rest: mark the rest of this section not asked (rest guide: to the end), after asking.
volunteered N / prompted N: option N (or the answer given) was said unprompted / chosen after
the options were read (again: the mark comes off). definition: the definition was explained
now, the answer so far is kept as the one before it. said: who said it (the next participant).
structure N: record for another structure on the call (structure alone lists them).
review: every answer of this structure. readback: the end-of-call read-back, then whether the
coordinator confirmed it. complete: complete this structure's session.
leave: back to the list (everything is already saved). help: this list.";
}

/// A structure by its name, a custom one by its own label, where its guide is not at
/// hand (the list of sessions).
pub fn structure_name(s: crate::guide::Structure, label: &str) -> String {
    block(&crate::guide::structure_name(s, label)).into_owned()
}

/// A session's respondent as its guide names it.
pub fn structure_of(iv: &Interview, i: usize) -> String {
    let s = iv.session(i);
    block(&s.structure_name(&iv.guide.guide, "en")).into_owned()
}

pub fn call_header(iv: &Interview) -> String {
    let names: Vec<String> = (0..iv.sessions.len())
        .map(|i| structure_of(iv, i))
        .collect();
    format!(
        "Call: {}, {} structure(s): {}. Language {}.",
        block(&iv.call.response),
        names.len(),
        names.join(", "),
        iv.lang()
    )
}

pub fn structures(iv: &Interview, active: usize) -> String {
    let mut out = String::from("Structures on this call:");
    for i in 0..iv.sessions.len() {
        let s = iv.session(i);
        let p = s.progress(&iv.guide.guide);
        out.push_str(&format!(
            "\n{}. {}{}, {}, {} of {} required answered",
            i + 1,
            structure_of(iv, i),
            if i == active { " (now)" } else { "" },
            s.status.as_str().replace('_', " "),
            p.required_answered,
            p.required
        ));
    }
    out
}

/// The current answer of question `q` in session `i`, in words.
pub fn answer_of(iv: &Interview, i: usize, q: &Question) -> String {
    let (lang, default) = (iv.lang(), iv.default_language());
    let Some(a) = iv.session(i).answers.get(&q.id) else {
        return "none".into();
    };
    let mut said = crate::interview::answer_words(q, a, lang, default);
    if said.is_empty() {
        said = "none".into();
    }
    if !a.other.is_empty() {
        said.push_str(&format!("; specify: {}", a.other));
    }
    if !a.note.is_empty() {
        said.push_str(&format!("; note: {}", a.note));
    }
    block(&said).into_owned()
}

/// The prompt of question `at` (guide order) for session `i`, as lines to be read in
/// order: where, the question, its guidance, the options, the answer so far.
pub fn describe(iv: &Interview, i: usize, at: usize) -> String {
    let (lang, default) = (iv.lang(), iv.default_language());
    let q = iv.question(at);
    let visible = iv.visible(i);
    let n = visible.iter().position(|v| *v == at).map_or(0, |p| p + 1);
    let section = &iv.guide.guide.sections[iv.section_of(at)];
    let mut out = format!(
        "{}. Section {} of {}: {}.\nQuestion {n} of {}{}: {}",
        structure_of(iv, i),
        iv.section_of(at) + 1,
        iv.guide.guide.sections.len(),
        block(section.title.get(lang, default)),
        visible.len(),
        if q.required { ", required" } else { "" },
        block(q.text.get(lang, default))
    );
    if let Some(g) = &q.guidance {
        out.push_str(&format!("\nGuidance: {}", block(g.get(lang, default))));
    }
    match q.kind {
        QuestionType::Single | QuestionType::Multi => {
            out.push_str(if q.kind == QuestionType::Multi {
                "\nOptions, several may be given:"
            } else {
                "\nOptions, choose one:"
            });
            let offered = crate::interview::offered(q, iv.session(i));
            for (k, o) in offered.iter().map(|&c| &q.options[c]).enumerate() {
                out.push_str(&format!(
                    "\n{}. {}",
                    k + 1,
                    block(o.label.get(lang, default))
                ));
            }
            if offered.is_empty()
                && let Some(from) = q.options_from.as_deref()
            {
                let source = iv
                    .guide
                    .guide
                    .question(from)
                    .map_or(from, |s| s.text.get(lang, default));
                out.push_str(&format!(
                    "\nNone yet: the options are those ticked in \"{}\", and nothing is ticked there. Answer it first (find WORDS), or next.",
                    block(source)
                ));
            }
        }
        QuestionType::YesNo => out.push_str("\nAnswer y or n."),
        QuestionType::Scale => out.push_str(&format!(
            "\nA number from {} to {}.",
            q.min.map_or("1".into(), format_number),
            q.max.map_or("5".into(), format_number)
        )),
        QuestionType::Number => out.push_str("\nType a number."),
        QuestionType::Date => out.push_str("\nType a date, e.g. 2018-03-14."),
        QuestionType::Text | QuestionType::LongText => out.push_str("\nType the answer."),
    }
    let answer = answer_of(iv, i, q);
    let stop = if answer.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    out.push_str(&format!("\nCurrent answer: {answer}{stop}"));
    if iv.consent_refused(i) {
        out.push_str("\nConsent to notes was refused: record answers only, no notes.");
    }
    out
}

/// Every question asked of session `i` with its answer.
pub fn review(iv: &Interview, i: usize) -> String {
    let lang = iv.lang().to_string();
    let default = iv.default_language().to_string();
    let mut out = format!("Review of {}:", structure_of(iv, i));
    for (n, at) in iv.visible(i).into_iter().enumerate() {
        let q = iv.question(at);
        out.push_str(&format!(
            "\n{}. {}: {}",
            n + 1,
            block(q.text.get(&lang, &default)),
            answer_of(iv, i, q)
        ));
    }
    let notes = &iv.session(i).notes;
    if !notes.is_empty() {
        out.push_str(&format!("\n{} general note(s):", notes.len()));
        for note in notes {
            out.push_str(&format!("\n- {}", block(&note.text)));
        }
    }
    out
}

pub fn place(p: &Place) -> String {
    match p {
        Place::Answer(q) => format!("the answer to {q}"),
        Place::Other(q) => format!("the specify text of {q}"),
        Place::Note(q) => format!("the note of {q}"),
        Place::Pad(n) => format!("general note {n}"),
    }
}

pub enum Answer {
    Value(Value),
    /// Text for the question's own field: parsed as the full screen parses it.
    Typed,
}

/// A line typed as the answer to `q`.
/// Option numbers are those `describe` listed: with `options_from`, only what `s` offers.
pub fn parse_answer(
    q: &Question,
    s: &crate::session::Session,
    text: &str,
) -> Result<Answer, String> {
    let offered = crate::interview::offered(q, s);
    let numbers = || -> Result<Vec<usize>, String> {
        if offered.is_empty() && q.kind.has_options() {
            return Err(
                "Not saved: there is no option to choose yet (see the question's options).".into(),
            );
        }
        text.split([',', ' '])
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=offered.len()).contains(n))
                    .map(|n| offered[n - 1] + 1)
                    .ok_or_else(|| {
                        format!(
                            "Not saved: {:?} is not an option's number (1 to {}). Type help for the commands.",
                            crate::neutralise::line(p),
                            offered.len()
                        )
                    })
            })
            .collect()
    };
    match q.kind {
        QuestionType::Single => {
            let n = numbers()?;
            match n.as_slice() {
                [one] => Ok(Answer::Value(Value::Choice(
                    q.options[one - 1].value.clone(),
                ))),
                _ => Err("Not saved: give one option's number.".into()),
            }
        }
        QuestionType::Multi => {
            let mut n = numbers()?;
            n.sort_unstable();
            n.dedup();
            Ok(Answer::Value(Value::Choices(
                n.into_iter()
                    .map(|k| q.options[k - 1].value.clone())
                    .collect(),
            )))
        }
        QuestionType::YesNo => match text.to_lowercase().as_str() {
            "y" | "yes" | "oui" | "o" => Ok(Answer::Value(Value::YesNo(true))),
            "n" | "no" | "non" => Ok(Answer::Value(Value::YesNo(false))),
            _ => Err("Not saved: answer y or n.".into()),
        },
        _ => Ok(Answer::Typed),
    }
}
