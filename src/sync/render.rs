//! Rendering a session revision as a session file: the exact bytes, in a stable order, so
//! the same revision always gives the same file and digest. A revision is written in the
//! oldest format that can say all of it: `stocktake.session.v1`, or `v2` when some of its
//! text is marked sensitive or someone other than the interviewer made it (all that v2
//! adds), or `v3` when the revision was read back to the coordinator, or `v4` when it says
//! how an answer came to be (volunteered or prompted, the answer before the definition, who
//! said it), so that a collator who has not upgraded still reads every other file.

use std::fmt::Write;

use crate::guide::{Digest, LoadedGuide, Question};
use crate::session::{AnswerStatus, Earlier, Elicited, Session, Speaker, Value, format_number};

pub const FORMAT: &str = "stocktake.session.v1";
/// v1 with `sensitive = true` on answers and notes the interviewer marked, and
/// `edited_by` on a revision someone other than the interviewer made.
pub const FORMAT_V2: &str = "stocktake.session.v2";
/// v2 with `read_back = { at, confirmed }`: the end-of-call read-back of the revision.
pub const FORMAT_V3: &str = "stocktake.session.v3";
/// v3 with answers' `volunteered`, `prompted`, `before_definition` and `said_by`, and
/// notes' `said_by`: how an answer came to be, and who on the call said it.
pub const FORMAT_V4: &str = "stocktake.session.v4";

/// A TOML basic string: every control character escaped, so a file is one line per key
/// and can be read safely by anything.
pub fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn str_array(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Everything after the digest line.
pub fn render_body(s: &Session, guide: &LoadedGuide) -> String {
    let g = &guide.guide;
    // Only what may leave the machine is ever written (no free text without consent).
    let sent = s.as_sent(g);
    let s: &Session = &sent;
    let lang = s.language.as_str();
    let dl = g.default_language();
    let mut o = String::new();
    let format = if s.has_provenance() {
        FORMAT_V4
    } else if s.read_back.is_some() {
        FORMAT_V3
    } else if s.has_sensitive() || s.edited_by.is_some() {
        FORMAT_V2
    } else {
        FORMAT
    };
    let _ = writeln!(o, "format = {}", toml_str(format));
    let _ = writeln!(o, "session_id = {}", toml_str(&s.id));
    let _ = writeln!(o, "call_id = {}", toml_str(&s.call_id));
    let _ = writeln!(o, "revision = {}", s.revision);
    if let Some(p) = s.parent {
        let _ = writeln!(o, "parent = {}", toml_str(&p.to_string()));
    }
    let _ = writeln!(o, "status = {}", toml_str(s.status.as_str()));
    let _ = writeln!(o, "interviewer = {}", toml_str(&s.interviewer));
    if let Some(e) = &s.edited_by {
        let _ = writeln!(o, "edited_by = {}", toml_str(e));
    }
    let _ = writeln!(o, "language = {}", toml_str(&s.language));
    let _ = writeln!(o, "started_at = {}", s.started_at);
    if let Some(c) = s.completed_at {
        let _ = writeln!(o, "completed_at = {c}");
    }
    if let Some(r) = s.read_back {
        let _ = writeln!(
            o,
            "read_back = {{ at = {}, confirmed = {} }}",
            r.at, r.confirmed
        );
    }
    let _ = writeln!(o, "\n[guide]");
    let _ = writeln!(o, "id = {}", toml_str(&s.guide.id));
    let _ = writeln!(o, "version = {}", toml_str(&s.guide.version));
    let _ = writeln!(o, "digest = {}", toml_str(&s.guide.digest.to_string()));
    let _ = writeln!(o, "\n[respondent]");
    let _ = writeln!(o, "response = {}", toml_str(&s.response));
    let _ = writeln!(o, "structure = {}", toml_str(s.structure.as_str()));
    let _ = writeln!(o, "structure_label = {}", toml_str(&s.structure_label));
    if let Some(c) = s.consent {
        let _ = writeln!(o, "consent = {c}");
    }
    for p in &s.participants {
        let _ = writeln!(o, "\n[[participants]]");
        let _ = writeln!(o, "role = {}", toml_str(&p.role));
        let _ = writeln!(o, "organisation = {}", toml_str(&p.organisation));
        if !p.name.is_empty() {
            let _ = writeln!(o, "name = {}", toml_str(&p.name));
        }
    }
    let vis = s.visibility(g);
    // Answers in guide order; one the guide no longer has keeps its place at the end.
    let mut ids: Vec<&str> = g
        .questions()
        .map(|q| q.id.as_str())
        .filter(|id| s.answers.contains_key(*id))
        .collect();
    ids.extend(
        s.answers
            .keys()
            .map(String::as_str)
            .filter(|id| g.question(id).is_none()),
    );
    for id in ids {
        let a = &s.answers[id];
        let q = g.question(id);
        let _ = writeln!(o, "\n[answers.{id}]");
        let _ = writeln!(o, "status = {}", toml_str(a.status().as_str()));
        if let (AnswerStatus::Answered, Some(v)) = (a.status(), &a.value) {
            let _ = writeln!(o, "type = {}", toml_str(v.kind().as_str()));
            let (value, label) = value_and_label(v, q, lang, dl);
            let _ = writeln!(o, "value = {value}");
            if let Some(label) = label {
                let _ = writeln!(o, "label = {label}");
            }
        }
        for mark in [Elicited::Volunteered, Elicited::Prompted] {
            let values: Vec<String> = a
                .elicited_now()
                .into_iter()
                .filter(|(_, m)| *m == mark)
                .map(|(v, _)| v.to_string())
                .collect();
            if !values.is_empty() {
                let _ = writeln!(o, "{} = {}", mark.as_str(), str_array(&values));
            }
        }
        if let Some(e) = &a.provenance.before_definition {
            let _ = writeln!(o, "before_definition = {}", earlier(e, q, lang, dl));
        }
        if !a.other.is_empty() {
            let _ = writeln!(o, "other = {}", toml_str(&a.other));
        }
        if !a.note.is_empty() {
            let _ = writeln!(o, "note = {}", toml_str(&a.note));
        }
        if a.sensitive {
            let _ = writeln!(o, "sensitive = true");
        }
        if let Some(p) = &a.said_by {
            let _ = writeln!(o, "said_by = {}", speaker(p));
        }
        let _ = writeln!(o, "hidden = {}", !vis.is_visible(id));
        if let Some(t) = a.first_changed_at {
            let _ = writeln!(o, "first_changed_at = {t}");
        }
        if let Some(t) = a.changed_at {
            let _ = writeln!(o, "changed_at = {t}");
        }
    }
    for n in &s.notes {
        let _ = writeln!(o, "\n[[notes]]");
        let _ = writeln!(o, "at = {}", n.at);
        let _ = writeln!(o, "text = {}", toml_str(&n.text));
        if let Some(q) = &n.question {
            let _ = writeln!(o, "question = {}", toml_str(q));
        }
        if n.sensitive {
            let _ = writeln!(o, "sensitive = true");
        }
        if let Some(p) = &n.said_by {
            let _ = writeln!(o, "said_by = {}", speaker(p));
        }
    }
    o
}

/// An earlier answer as an inline table: its status, and its type and value when it had one.
fn earlier(e: &Earlier, q: Option<&Question>, lang: &str, dl: &str) -> String {
    let status = match (e.special, &e.value) {
        (Some(sp), _) => AnswerStatus::Special(sp),
        (None, Some(_)) => AnswerStatus::Answered,
        (None, None) => AnswerStatus::Unanswered,
    };
    match (&e.value, e.special) {
        (Some(v), None) => {
            let (value, _) = value_and_label(v, q, lang, dl);
            format!(
                "{{ status = {}, type = {}, value = {value} }}",
                toml_str(status.as_str()),
                toml_str(v.kind().as_str())
            )
        }
        _ => format!("{{ status = {} }}", toml_str(status.as_str())),
    }
}

fn speaker(p: &Speaker) -> String {
    format!(
        "{{ role = {}, organisation = {} }}",
        toml_str(&p.role),
        toml_str(&p.organisation)
    )
}

fn value_and_label(
    v: &Value,
    q: Option<&Question>,
    lang: &str,
    dl: &str,
) -> (String, Option<String>) {
    let label_of = |value: &str| -> String {
        q.and_then(|q| q.option(value))
            .map(|c| c.label.get(lang, dl).to_string())
            .unwrap_or_default()
    };
    match v {
        Value::Choice(c) => (toml_str(c), Some(toml_str(&label_of(c)))),
        Value::Choices(cs) => {
            let labels: Vec<String> = cs.iter().map(|c| label_of(c)).collect();
            (str_array(cs), Some(str_array(&labels)))
        }
        Value::YesNo(_) | Value::Text(_) | Value::Date(_) => (toml_str(&v.to_text()), None),
        // TOML integers for whole numbers; otherwise the shortest exact float.
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (format_number(*n), None),
        Value::Number(n) => {
            let s = format!("{n:?}");
            (s, None)
        }
        Value::Scale(n) => (n.to_string(), None),
    }
}

/// The whole file: the digest line, then the body it covers.
pub fn render(s: &Session, guide: &LoadedGuide) -> Vec<u8> {
    let body = render_body(s, guide);
    let digest = Digest::of(body.as_bytes());
    format!("digest = {}\n{body}", toml_str(&digest.to_string())).into_bytes()
}

/// The digest a session revision's file carries: what the next revision names as parent.
pub fn revision_digest(s: &Session, guide: &LoadedGuide) -> Digest {
    Digest::of(render_body(s, guide).as_bytes())
}
