//! How an answer came to be, marked during the call (issue 16): Alt-V / Alt-P on a chosen
//! option, Alt-B when the definition is explained, Alt-W for who said it; each saved,
//! said, and undone by Ctrl-Z.

use super::super::app::App;
use super::super::msg::Effect;
use super::{flash, view};
use super::{in_interview_staying, keys};
use crate::session::{Change, Earlier, Elicited, Value};

fn marks(a: &App, q: &str) -> Vec<(String, Elicited)> {
    view(a)
        .session()
        .answers
        .get(q)
        .map(|a| {
            a.elicited_now()
                .into_iter()
                .map(|(v, m)| (v.to_string(), m))
                .collect()
        })
        .unwrap_or_default()
}

fn saves_the_answer(e: &[Effect]) -> bool {
    matches!(e, [Effect::Persist(Change::Answer { .. })])
}

#[test]
fn alt_v_and_alt_p_mark_the_ticked_option_under_the_cursor() {
    let mut a = in_interview_staying();
    keys(&mut a, "1");
    let e = keys(&mut a, "<A-v>");
    assert!(saves_the_answer(&e), "{e:?}");
    assert_eq!(
        marks(&a, "consent"),
        [("yes".to_string(), Elicited::Volunteered)]
    );
    assert_eq!(
        flash(&a),
        "Yes: volunteered (said before the options were read). Alt-V again takes it off"
    );
    keys(&mut a, "<pgdn>1");
    assert_eq!(view(&a).question().id, "populations");
    keys(&mut a, "<A-p>");
    assert_eq!(
        marks(&a, "populations"),
        [("idps".to_string(), Elicited::Prompted)]
    );
    // An option not ticked takes no mark, and nothing is saved.
    let e = keys(&mut a, "<down><A-v>");
    assert!(e.is_empty(), "{e:?}");
    assert!(
        flash(&a).starts_with("Nothing chosen to mark"),
        "{}",
        flash(&a)
    );
    // Back on the ticked one, the same key again takes its mark off; Ctrl-Z puts it back.
    keys(&mut a, "<up><A-p>");
    assert!(marks(&a, "populations").is_empty());
    keys(&mut a, "<C-z>");
    assert_eq!(
        marks(&a, "populations"),
        [("idps".to_string(), Elicited::Prompted)]
    );
}

#[test]
fn alt_b_keeps_the_answer_before_the_definition_and_the_new_one_is_final() {
    let mut a = in_interview_staying();
    keys(&mut a, "1<pgdn><pgdn>");
    assert_eq!(view(&a).question().id, "multiple_crises");
    keys(&mut a, "2<A-b>");
    assert_eq!(
        flash(&a),
        "Definition explained: the answer before it is kept (no); record the answer now as the coordinator gives it"
    );
    keys(&mut a, "1");
    let answer = &view(&a).session().answers["multiple_crises"];
    assert_eq!(answer.value, Some(Value::YesNo(true)));
    assert_eq!(
        answer.provenance.before_definition,
        Some(Earlier {
            value: Some(Value::YesNo(false)),
            special: None
        })
    );
    let rec = view(&a)
        .interview
        .recorded(0, &crate::interview::Fixed::default());
    let how = &rec
        .iter()
        .find(|r| view(&a).interview.question(r.question).id == "multiple_crises")
        .expect("in the review")
        .how;
    assert_eq!(how.before_definition, Some(("no".to_string(), true)));
    // Undo the yes, then the mark.
    keys(&mut a, "<C-z><C-z>");
    let answer = &view(&a).session().answers["multiple_crises"];
    assert_eq!(answer.value, Some(Value::YesNo(false)));
    assert_eq!(answer.provenance.before_definition, None);
}

#[test]
fn alt_w_names_who_said_the_answer_and_a_note() {
    let mut a = in_interview_staying();
    keys(&mut a, "1");
    let e = keys(&mut a, "<A-w>");
    assert!(saves_the_answer(&e), "{e:?}");
    assert_eq!(flash(&a), "Said by X (Alt-W: the next participant)");
    keys(&mut a, "<A-w>");
    assert_eq!(
        flash(&a),
        "Said by no one in particular (Alt-W: the first participant)"
    );
    keys(&mut a, "<C-z>");
    assert_eq!(
        view(&a).session().answers["consent"]
            .said_by
            .as_ref()
            .map(|s| s.organisation.as_str()),
        Some("X")
    );
    keys(&mut a, "<C-g>a remark<enter><up>");
    let e = keys(&mut a, "<A-w>");
    assert!(
        matches!(e.as_slice(), [Effect::Persist(Change::Note { .. })]),
        "{e:?}"
    );
    assert_eq!(flash(&a), "Note said by X (Alt-W: the next participant)");
    assert!(view(&a).session().notes[0].said_by.is_some());
}
