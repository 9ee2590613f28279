//! What the accessible mode prints: each prompt as plain lines in reading order, and the
//! parsing of an answer typed as a line (an option's number, numbers for several, yes or
//! no, or the text itself).

use crate::guide::{Question, QuestionType};
use crate::i18n::{UiLang, t, tr};
use crate::interview::Interview;
use crate::interview::guard::Place;
use crate::neutralise::block;
use crate::session::{Value, format_number};

/// A structure by its name in the screen's language, a custom one by its own label,
/// where its guide is not at hand (the list of sessions).
pub fn structure_name(s: crate::guide::Structure, label: &str, ui: UiLang) -> String {
    block(&crate::guide::structure_name_in(s, label, ui.code())).into_owned()
}

/// A session's respondent as its guide names it.
pub fn structure_of(iv: &Interview, i: usize) -> String {
    let s = iv.session(i);
    block(&s.structure_name(&iv.guide.guide, iv.lang())).into_owned()
}

pub fn call_header(iv: &Interview, ui: UiLang) -> String {
    let names: Vec<String> = (0..iv.sessions.len())
        .map(|i| structure_of(iv, i))
        .collect();
    tr(
        ui,
        "acc-call-header",
        &[
            ("response", block(&iv.call.response).into_owned().into()),
            ("n", names.len().into()),
            ("names", names.join(", ").into()),
            ("lang", iv.lang().to_string().into()),
        ],
    )
}

pub fn structures(iv: &Interview, active: usize, ui: UiLang) -> String {
    let mut out = t(ui, "acc-structures");
    for i in 0..iv.sessions.len() {
        let s = iv.session(i);
        let p = s.progress(&iv.guide.guide);
        out.push('\n');
        out.push_str(&tr(
            ui,
            "acc-structure-row",
            &[
                ("n", (i + 1).into()),
                ("structure", structure_of(iv, i).into()),
                ("now", if i == active { "yes" } else { "no" }.into()),
                ("status", s.status.as_str().into()),
                ("answered", p.required_answered.into()),
                ("required", p.required.into()),
            ],
        ));
    }
    out
}

/// The current answer of question `q` in session `i`, in words.
pub fn answer_of(iv: &Interview, i: usize, q: &Question, ui: UiLang) -> String {
    let (lang, default) = (iv.lang(), iv.default_language());
    let Some(a) = iv.session(i).answers.get(&q.id) else {
        return t(ui, "acc-none");
    };
    let mut said = crate::interview::answer_words(
        q,
        a,
        lang,
        default,
        &crate::tui::interview::fixed_words(lang),
    );
    if said.is_empty() {
        said = t(ui, "acc-none");
    }
    if !a.other.is_empty() {
        said.push_str(&tr(ui, "acc-specify", &[("text", a.other.as_str().into())]));
    }
    if !a.note.is_empty() {
        said.push_str(&tr(ui, "acc-note", &[("text", a.note.as_str().into())]));
    }
    block(&said).into_owned()
}

/// The prompt of question `at` (guide order) for session `i`, as lines to be read in
/// order: where, the question, its guidance, the options, the answer so far.
pub fn describe(iv: &Interview, i: usize, at: usize, ui: UiLang) -> String {
    let (lang, default) = (iv.lang(), iv.default_language());
    let q = iv.question(at);
    let visible = iv.visible(i);
    let n = visible.iter().position(|v| *v == at).map_or(0, |p| p + 1);
    let section = &iv.guide.guide.sections[iv.section_of(at)];
    let mut out = tr(
        ui,
        "acc-where",
        &[
            ("structure", structure_of(iv, i).into()),
            ("section_no", (iv.section_of(at) + 1).into()),
            ("sections", iv.guide.guide.sections.len().into()),
            (
                "section",
                block(section.title.get(lang, default)).into_owned().into(),
            ),
        ],
    );
    out.push('\n');
    out.push_str(&tr(
        ui,
        "acc-question",
        &[
            ("n", n.into()),
            ("of", visible.len().into()),
            ("required", if q.required { "yes" } else { "no" }.into()),
            ("text", block(q.text.get(lang, default)).into_owned().into()),
        ],
    ));
    if let Some(g) = &q.guidance {
        out.push('\n');
        out.push_str(&tr(
            ui,
            "acc-guidance",
            &[("text", block(g.get(lang, default)).into_owned().into())],
        ));
    }
    match q.kind {
        QuestionType::Single | QuestionType::Multi => {
            out.push('\n');
            out.push_str(&t(
                ui,
                if q.kind == QuestionType::Multi {
                    "acc-options-multi"
                } else {
                    "acc-options-single"
                },
            ));
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
                out.push('\n');
                out.push_str(&tr(
                    ui,
                    "acc-options-none-yet",
                    &[("source", block(source).into_owned().into())],
                ));
            }
        }
        QuestionType::YesNo => out.push_str(&format!("\n{}", t(ui, "acc-answer-yes-no"))),
        QuestionType::Scale => out.push_str(&format!(
            "\n{}",
            tr(
                ui,
                "acc-answer-scale",
                &[
                    ("min", q.min.map_or("1".into(), format_number).into()),
                    ("max", q.max.map_or("5".into(), format_number).into()),
                ],
            )
        )),
        QuestionType::Number => out.push_str(&format!("\n{}", t(ui, "acc-answer-number"))),
        QuestionType::Date => out.push_str(&format!("\n{}", t(ui, "acc-answer-date"))),
        QuestionType::Text | QuestionType::LongText => {
            out.push_str(&format!("\n{}", t(ui, "acc-answer-text")))
        }
    }
    let answer = answer_of(iv, i, q, ui);
    let stop = if answer.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    out.push('\n');
    out.push_str(&tr(
        ui,
        "acc-current",
        &[("answer", format!("{answer}{stop}").into())],
    ));
    if iv.consent_refused(i) {
        out.push_str(&format!("\n{}", t(ui, "acc-no-consent")));
    }
    out
}

/// Every question asked of session `i` with its answer.
pub fn review(iv: &Interview, i: usize, ui: UiLang) -> String {
    let lang = iv.lang().to_string();
    let default = iv.default_language().to_string();
    let mut out = tr(
        ui,
        "acc-review",
        &[("structure", structure_of(iv, i).into())],
    );
    for (n, at) in iv.visible(i).into_iter().enumerate() {
        let q = iv.question(at);
        out.push('\n');
        out.push_str(&tr(
            ui,
            "acc-review-row",
            &[
                ("n", (n + 1).into()),
                (
                    "question",
                    block(q.text.get(&lang, &default)).into_owned().into(),
                ),
                ("answer", answer_of(iv, i, q, ui).into()),
            ],
        ));
    }
    let notes = &iv.session(i).notes;
    if !notes.is_empty() {
        out.push('\n');
        out.push_str(&tr(ui, "acc-general-notes", &[("n", notes.len().into())]));
        for note in notes {
            out.push_str(&format!("\n- {}", block(&note.text)));
        }
    }
    out
}

pub fn place(p: &Place, ui: UiLang) -> String {
    match p {
        Place::Answer(q) => tr(ui, "acc-place-answer", &[("q", q.as_str().into())]),
        Place::Other(q) => tr(ui, "acc-place-other", &[("q", q.as_str().into())]),
        Place::Note(q) => tr(ui, "acc-place-note", &[("q", q.as_str().into())]),
        Place::Pad(n) => tr(ui, "acc-place-pad", &[("n", (*n).into())]),
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
    ui: UiLang,
) -> Result<Answer, String> {
    let offered = crate::interview::offered(q, s);
    let numbers = || -> Result<Vec<usize>, String> {
        if offered.is_empty() && q.kind.has_options() {
            return Err(t(ui, "acc-no-option-yet"));
        }
        text.split([',', ' '])
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=offered.len()).contains(n))
                    .map(|n| offered[n - 1] + 1)
                    .ok_or_else(|| {
                        tr(
                            ui,
                            "acc-not-an-option",
                            &[
                                ("typed", crate::neutralise::line(p).into_owned().into()),
                                ("n", offered.len().into()),
                            ],
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
                _ => Err(t(ui, "acc-one-option")),
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
            _ => Err(t(ui, "acc-y-or-n")),
        },
        _ => Ok(Answer::Typed),
    }
}
