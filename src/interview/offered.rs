//! Which options a question offers in a session: all of them, or with `options_from`,
//! those ticked in the question named (the single most important of the challenges
//! named), and the one recorded, so that unticking it there never hides an answer.

use crate::guide::Question;
use crate::session::{Session, Value};

/// The values ticked in `q`'s `options_from` question, in session `s`; `None` when the
/// question offers all its options.
pub fn ticked_in_source<'a>(q: &Question, s: &'a Session) -> Option<Vec<&'a str>> {
    let from = q.options_from.as_deref()?;
    Some(match s.answers.get(from).and_then(|a| a.value.as_ref()) {
        Some(Value::Choices(vs)) => vs.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    })
}

/// Indices into `q.options` of the options offered in session `s`, in the guide's order.
pub fn offered(q: &Question, s: &Session) -> Vec<usize> {
    let Some(ticked) = ticked_in_source(q, s) else {
        return (0..q.options.len()).collect();
    };
    let recorded: Vec<&str> = match s.answers.get(&q.id).and_then(|a| a.value.as_ref()) {
        Some(Value::Choice(v)) => vec![v.as_str()],
        Some(Value::Choices(vs)) => vs.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    (0..q.options.len())
        .filter(|&k| {
            let v = q.options[k].value.as_str();
            ticked.contains(&v) || recorded.contains(&v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::guide::{Place, load_guide_file};
    use crate::session::Value;

    #[test]
    fn only_what_was_ticked_there_is_offered_and_an_answer_stays_in_view() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/guides/fewer-keys.toml"
        );
        let g = load_guide_file(std::path::Path::new(path), Place::Flag).expect("guide");
        let main = g.guide.question("main_challenge").expect("q").clone();
        let t = Timestamp::UNIX_EPOCH;
        let new = crate::interview::NewCall {
            response: "Iraq".into(),
            interviewer: "amina".into(),
            language: "en".into(),
            structures: vec![(crate::guide::Structure::CpAor, String::new())],
            participants: Vec::new(),
            consent: Some(true),
        };
        let crate::session::Change::CreateCall { mut sessions, .. } =
            crate::interview::plan_call(std::sync::Arc::new(g.clone()), &new, t).expect("plan")
        else {
            panic!("not a call");
        };
        let mut s = sessions.remove(0);
        assert_eq!(
            offered(&main, &s),
            Vec::<usize>::new(),
            "nothing ticked yet"
        );
        s.set_value(
            &g.guide,
            "challenges",
            Value::Choices(vec!["resources".into(), "no_shelters".into()]),
            t,
        )
        .expect("tick");
        assert_eq!(offered(&main, &s), vec![1, 3], "in the guide's order");
        s.set_value(
            &g.guide,
            "main_challenge",
            Value::Choice("resources".into()),
            t,
        )
        .expect("choose");
        s.set_value(
            &g.guide,
            "challenges",
            Value::Choices(vec!["no_shelters".into()]),
            t,
        )
        .expect("untick");
        assert_eq!(offered(&main, &s), vec![1, 3], "the answer stays in view");
        let all = g.guide.question("challenges").expect("q");
        assert_eq!(offered(all, &s).len(), all.options.len());
    }
}
