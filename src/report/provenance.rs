//! How the answers came to be, for each question whose sessions marked it (session file
//! v4): how many answers were given again after the definition of trafficking was
//! explained and how many of those changed, from what to what ("3 of 7 reconsidered after
//! the definition: no → yes 3"), and for each option how often it was volunteered and how
//! often prompted. Counts of the report's head sessions, as every table's; small counts
//! are suppressed as in every table (`--min-cell`).

use std::collections::{BTreeMap, HashMap};

use super::say::{AnswerWord, Say};
use crate::collate::MarkedAnswer;
use crate::guide::{Guide, QuestionType};
use crate::session::Special;

/// One question's split.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionHow {
    pub question: String,
    pub text: String,
    /// Answers marked as given again after the definition was explained.
    pub marked: usize,
    /// Of them, those whose final answer differs from the one before.
    pub changed: usize,
    /// Closed questions only: (before, final, sessions), the changes in words, most first.
    pub moves: Vec<(String, String, usize)>,
    /// (option label, volunteered, prompted), in the guide's order.
    pub options: Vec<(String, usize, usize)>,
    /// Answers with any option marked volunteered or prompted.
    pub elicited: usize,
}

fn words(guide: &Guide, q: &str, status: &str, value: Option<&str>, lang: &str) -> String {
    if let Some(sp) = Special::parse(status) {
        return AnswerWord::said(sp).in_guide(lang).to_string();
    }
    let Some(value) = value else {
        return AnswerWord::NothingYet.in_guide(lang).to_string();
    };
    let question = guide.question(q);
    let yes_no = question.is_some_and(|q| q.kind == QuestionType::YesNo);
    value
        .split('\n')
        .map(|v| match v {
            "yes" if yes_no => AnswerWord::SaidYes.in_guide(lang).to_string(),
            "no" if yes_no => AnswerWord::SaidNo.in_guide(lang).to_string(),
            v => question
                .and_then(|q| q.option(v))
                .map_or_else(|| v.to_string(), |o| o.label.get(lang, lang).to_string()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One head of the report, as the split counts it.
pub struct Head<'a> {
    pub digest: &'a str,
    /// (question, revision) whose answer the collator took from another revision of the
    /// head's conflict: that revision's marks count, as its answer does in the tables.
    pub chosen: &'a [(String, String)],
    /// The questions skip logic hides for this head (against the report's guide).
    pub hidden: &'a std::collections::BTreeSet<std::sync::Arc<str>>,
}

/// The split of `guide`'s questions over the marked answers of `heads`.
pub fn summarise(guide: &Guide, marked: &[MarkedAnswer], heads: &[Head<'_>]) -> Vec<QuestionHow> {
    let lang = guide.default_language();
    let mut of_revision: HashMap<&str, Vec<&MarkedAnswer>> = HashMap::new();
    for m in marked {
        of_revision.entry(m.digest.as_str()).or_default().push(m);
    }
    let mut by_q: BTreeMap<&str, Vec<&MarkedAnswer>> = BTreeMap::new();
    for h in heads {
        let taken = |q: &str| {
            h.chosen
                .iter()
                .find(|(c, _)| c == q)
                .map(|(_, s)| s.as_str())
        };
        for m in of_revision.get(h.digest).into_iter().flatten() {
            if taken(&m.question).is_none() && !h.hidden.contains(m.question.as_str()) {
                by_q.entry(m.question.as_str()).or_default().push(m);
            }
        }
        for (q, source) in h.chosen {
            if h.hidden.contains(q.as_str()) {
                continue;
            }
            if let Some(m) = of_revision
                .get(source.as_str())
                .and_then(|ms| ms.iter().find(|m| m.question == *q))
            {
                by_q.entry(m.question.as_str()).or_default().push(m);
            }
        }
    }
    let mut out = Vec::new();
    for q in guide.questions() {
        let Some(answers) = by_q.get(q.id.as_str()) else {
            continue;
        };
        let closed = !matches!(q.kind, QuestionType::Text | QuestionType::LongText);
        let mut how = QuestionHow {
            question: q.id.clone(),
            text: q.text.get(lang, lang).to_string(),
            marked: 0,
            changed: 0,
            moves: Vec::new(),
            options: Vec::new(),
            elicited: 0,
        };
        let mut moves: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut per_option: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for a in answers {
            if let Some((status, value)) = &a.before {
                how.marked += 1;
                if (status.as_str(), value.as_deref()) != (a.status.as_str(), a.value.as_deref()) {
                    how.changed += 1;
                    if closed {
                        let from = words(guide, &q.id, status, value.as_deref(), lang);
                        let to = words(guide, &q.id, &a.status, a.value.as_deref(), lang);
                        *moves.entry((from, to)).or_default() += 1;
                    }
                }
            }
            if !a.volunteered.is_empty() || !a.prompted.is_empty() {
                how.elicited += 1;
            }
            for v in &a.volunteered {
                per_option.entry(v).or_default().0 += 1;
            }
            for v in &a.prompted {
                per_option.entry(v).or_default().1 += 1;
            }
        }
        how.moves = moves.into_iter().map(|((f, t), n)| (f, t, n)).collect();
        how.moves
            .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        let labelled = |v: &str| match q.option(v) {
            Some(o) => o.label.get(lang, lang).to_string(),
            None if v == "yes" => AnswerWord::Yes.in_guide(lang).to_string(),
            None if v == "no" => AnswerWord::No.in_guide(lang).to_string(),
            None => v.to_string(),
        };
        let mut order: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
        order.extend(["yes", "no"]);
        for v in order {
            if let Some((vol, pro)) = per_option.get(v) {
                how.options.push((labelled(v), *vol, *pro));
            }
        }
        out.push(how);
    }
    out
}

/// A count as the tables show it: `<K` from 1 to K−1; digits as the language writes them.
pub fn shown(say: Say, n: usize, min_cell: usize) -> String {
    if n > 0 && n < min_cell {
        format!("<{min_cell}")
    } else {
        say.n(n)
    }
}

fn small(n: usize, min_cell: usize) -> bool {
    n > 0 && n < min_cell
}

/// The sentence of a question's reconsidered answers, as both reports print it. Changed,
/// kept and the moves add up to what is shown as answered again: when any of them is
/// small, all of them are withheld, or the small one could be worked out from the rest.
pub fn reconsidered_line(say: Say, h: &QuestionHow, min_cell: usize) -> Option<String> {
    if h.marked == 0 {
        return None;
    }
    let kept = h.marked - h.changed;
    let withhold = reconsidered_withheld(h, min_cell);
    let count = |n: usize| {
        if withhold {
            format!("<{min_cell}")
        } else {
            say.n(n)
        }
    };
    let mut s = say.tr(
        "rpt-how-again",
        &[
            ("marked", shown(say, h.marked, min_cell).into()),
            ("changed", count(h.changed).into()),
        ],
    );
    if !h.moves.is_empty() {
        let moves: Vec<String> = h
            .moves
            .iter()
            .map(|(f, t, n)| format!("{f} → {t} {}", count(*n)))
            .collect();
        s.push_str(&format!(" ({})", say.semicolons(&moves)));
    }
    s.push_str(" · ");
    s.push_str(&say.tr("rpt-how-kept", &[("kept", count(kept).into())]));
    Some(s)
}

/// Whether a question's changed, kept and moved counts are withheld (see
/// [`reconsidered_line`]).
pub(super) fn reconsidered_withheld(h: &QuestionHow, min_cell: usize) -> bool {
    small(h.changed, min_cell)
        || small(h.marked - h.changed, min_cell)
        || h.moves.iter().any(|(_, _, n)| small(*n, min_cell))
}

/// The option rows' counts as the tables show them: all withheld when any is small (a
/// single choice's rows add up to the answers marked).
pub fn option_cells(say: Say, h: &QuestionHow, min_cell: usize) -> Vec<(String, String, String)> {
    let withhold = small(h.elicited, min_cell)
        || h.options
            .iter()
            .any(|(_, v, p)| small(*v, min_cell) || small(*p, min_cell));
    let count = |n: usize| {
        if withhold {
            format!("<{min_cell}")
        } else {
            say.n(n)
        }
    };
    h.options
        .iter()
        .map(|(label, v, p)| (label.clone(), count(*v), count(*p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Catalog;

    fn marked(digest: &str, q: &str, status: &str, value: Option<&str>) -> MarkedAnswer {
        MarkedAnswer {
            digest: digest.into(),
            question: q.into(),
            status: status.into(),
            value: value.map(str::to_string),
            volunteered: Vec::new(),
            prompted: Vec::new(),
            before: None,
            hidden: false,
        }
    }

    #[test]
    fn reconsidered_answers_are_counted_with_their_moves_and_only_heads_count() {
        let g = Catalog::bundled()
            .get("gpc-attt-coordinator")
            .cloned()
            .expect("guide")
            .guide;
        let mut all = Vec::new();
        for (d, before, now) in [
            ("a", "no", "yes"),
            ("b", "no", "yes"),
            ("c", "no", "no"),
            ("old", "no", "yes"),
        ] {
            let mut m = marked(d, "tip_is_issue", "answered", Some(now));
            m.before = Some(("answered".into(), Some(before.into())));
            all.push(m);
        }
        let mut forms = marked("a", "tip_forms", "answered", Some("forced_labour\nother"));
        forms.volunteered = vec!["forced_labour".into()];
        forms.prompted = vec!["other".into()];
        all.push(forms);
        let none = std::collections::BTreeSet::new();
        let head = |digest| Head {
            digest,
            chosen: &[],
            hidden: &none,
        };
        let heads = [head("a"), head("b"), head("c")];
        let s = summarise(&g, &all, &heads);
        assert_eq!(s.len(), 2);
        let issue = &s[0];
        assert_eq!(
            (issue.marked, issue.changed),
            (3, 2),
            "the old revision is not a head"
        );
        assert_eq!(issue.moves, [("no".to_string(), "yes".to_string(), 2)]);
        assert_eq!(
            reconsidered_line(Say::default(), issue, 1).as_deref(),
            Some(
                "answered again after the definition was explained: 3 · changed: 2 (no → yes 2) · kept: 1"
            )
        );
        // Kept is 1: shown, it and the 3 answered again would give the changed ones away.
        assert_eq!(
            reconsidered_line(Say::default(), issue, 2).as_deref(),
            Some(
                "answered again after the definition was explained: 3 · changed: <2 (no → yes <2) · kept: <2"
            )
        );
        assert_eq!(
            s[1].options,
            [
                ("Forced labour".to_string(), 1, 0),
                ("Other".to_string(), 0, 1)
            ]
        );
        let lt2 = || "<2".to_string();
        assert_eq!(
            option_cells(Say::default(), &s[1], 2),
            [
                ("Forced labour".to_string(), lt2(), lt2()),
                ("Other".to_string(), lt2(), lt2())
            ],
            "one small cell withholds the table"
        );
        // An answer the collator took from another revision counts that revision's marks;
        // a question skip logic hides counts none.
        let chosen = vec![("tip_is_issue".to_string(), "old".to_string())];
        let took = [Head {
            digest: "c",
            chosen: &chosen,
            hidden: &none,
        }];
        let s = summarise(&g, &all, &took);
        assert_eq!((s[0].marked, s[0].changed), (1, 1), "old's yes, not c's no");
        let hidden: std::collections::BTreeSet<std::sync::Arc<str>> =
            [std::sync::Arc::from("tip_is_issue")].into();
        let hid = [Head {
            digest: "a",
            chosen: &[],
            hidden: &hidden,
        }];
        assert!(
            summarise(&g, &all, &hid)
                .iter()
                .all(|h| h.question != "tip_is_issue")
        );
    }
}
