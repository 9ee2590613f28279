//! Auto-advance: a first single choice, yes/no or scale answer moves on by itself; PgUp
//! comes back; a changed answer, a multi choice, an Other and typing stay.

use super::super::app::{App, Screen};
use super::super::msg::Effect;
use super::{flash, here, value, view};
use super::{in_interview, keys};
use crate::session::{Change, Field, Value};

#[test]
fn a_first_yes_no_answer_moves_on_and_pgup_comes_back_to_it() {
    let mut a = in_interview();
    let e = keys(&mut a, "1");
    assert_eq!(value(&a, "consent"), Some(Value::YesNo(true)));
    assert_eq!(here(&a), "populations");
    assert_eq!(flash(&a), "Recorded “Yes”; next question (PgUp: back)");
    // The answer is saved first, then the new place.
    assert!(
        matches!(
            e.as_slice(),
            [
                Effect::Persist(Change::Answer { .. }),
                Effect::Persist(Change::Position { .. })
            ]
        ),
        "{e:?}"
    );
    keys(&mut a, "<pgup>");
    assert_eq!(here(&a), "consent");
    assert_eq!(view(&a).tab().option, 0, "the cursor on the answer given");
}

#[test]
fn a_changed_answer_stays_so_it_can_be_read_back() {
    let mut a = in_interview();
    keys(&mut a, "1<pgup>2");
    assert_eq!(value(&a, "consent"), Some(Value::YesNo(false)));
    assert_eq!(here(&a), "consent");
    assert_eq!(flash(&a), "Answer changed. PgDn: next question");
    // The same answer again changes nothing and moves nothing.
    keys(&mut a, "2");
    assert_eq!(here(&a), "consent");
}

#[test]
fn multi_choices_and_notes_never_move_on() {
    let mut a = in_interview();
    keys(&mut a, "1");
    assert_eq!(here(&a), "populations");
    keys(&mut a, "13");
    assert_eq!(here(&a), "populations", "several ticks are one answer");
    assert_eq!(
        value(&a, "populations"),
        Some(Value::Choices(vec!["idps".into(), "migrants".into()]))
    );
    keys(&mut a, "<pgdn>");
    assert_eq!(here(&a), "multiple_crises");
    // A note first, then the answer: typing is never cut short.
    keys(&mut a, "Said twice 1");
    assert_eq!(here(&a), "multiple_crises");
    assert_eq!(view(&a).tab().field, Field::Note);
    assert_eq!(value(&a, "multiple_crises"), None, "the digit was text");
}

#[test]
fn a_single_choice_moves_on_but_its_other_asks_for_the_specifics() {
    let mut a = in_interview();
    keys(&mut a, "<C-f>engagement<enter>");
    assert_eq!(here(&a), "tip_engagement");
    keys(&mut a, "2");
    assert_eq!(here(&a), "limitations");
    // Other among the challenges (the 17th), then the most important one: only Other is
    // offered, and choosing it opens its specify field instead of moving on.
    keys(&mut a, "<C-f>challenges you face<enter>17<esc><pgdn>");
    assert_eq!(here(&a), "main_challenge");
    keys(&mut a, "1");
    assert_eq!(
        value(&a, "main_challenge"),
        Some(Value::Choice("other".into()))
    );
    assert_eq!(here(&a), "main_challenge");
    assert_eq!(
        (view(&a).tab().field, view(&a).tab().editing),
        (Field::Other, true)
    );
}

#[test]
fn the_setting_off_keeps_the_question() {
    let mut a = in_interview();
    if let Screen::Interview(v) = &mut a.screen {
        v.auto_advance = false;
    }
    keys(&mut a, "1");
    assert_eq!(here(&a), "consent");
}

#[test]
fn a_digit_that_waited_for_another_takes_its_option_without_moving_twice() {
    let mut a = in_interview();
    keys(&mut a, "<C-f>challenges you face<enter>1");
    assert_eq!(here(&a), "challenges");
    // 1 waits for a second digit on a list of 17; PgDn takes option 1 and moves once.
    keys(&mut a, "<pgdn>");
    assert_eq!(
        value(&a, "challenges"),
        Some(Value::Choices(vec!["too_complex".into()]))
    );
    assert_eq!(here(&a), "main_challenge");
    // The most important one offers only what was ticked: a list of one, nothing waits.
    keys(&mut a, "1");
    assert_eq!(
        value(&a, "main_challenge"),
        Some(Value::Choice("too_complex".into()))
    );
    assert_eq!(here(&a), "overlooked_groups");
}

/// An interview on the test guide `tests/fixtures/guides/fewer-keys.toml`.
pub(super) fn on_fewer_keys() -> App {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/guides/fewer-keys.toml"
    );
    let src = std::fs::read_to_string(path).expect("fixture");
    let g = crate::guide::load_guide_str(src, "fewer-keys.toml", crate::guide::Place::Flag)
        .expect("guide");
    super::in_interview_on(std::sync::Arc::new(g))
}

#[test]
fn an_option_that_excludes_the_others_unticks_them_and_says_so() {
    let mut a = on_fewer_keys();
    assert_eq!(here(&a), "challenges");
    keys(&mut a, "12");
    keys(&mut a, "6");
    assert_eq!(
        value(&a, "challenges"),
        Some(Value::Choices(vec!["none".into()]))
    );
    assert_eq!(
        flash(&a),
        "2 others unticked: it excludes them. Ctrl-Z undoes"
    );
    keys(&mut a, "4");
    assert_eq!(
        value(&a, "challenges"),
        Some(Value::Choices(vec!["resources".into()]))
    );
    assert_eq!(
        flash(&a),
        "“No challenges” unticked: it excludes others. Ctrl-Z undoes"
    );
    keys(&mut a, "<C-z>");
    assert_eq!(
        value(&a, "challenges"),
        Some(Value::Choices(vec!["none".into()]))
    );
    assert_eq!(here(&a), "challenges", "a multi choice never moves on");
}

#[test]
fn options_from_offers_only_what_was_ticked_there() {
    let mut a = on_fewer_keys();
    keys(&mut a, "<pgdn>");
    assert_eq!(here(&a), "main_challenge");
    assert_eq!(
        super::super::interview::option_rows(view(&a).question(), view(&a).session()).len(),
        0
    );
    keys(&mut a, "1");
    assert_eq!(flash(&a), "There is no option 1");
    assert_eq!(value(&a, "main_challenge"), None);
    keys(&mut a, "<pgup>24<pgdn>");
    assert_eq!(here(&a), "main_challenge");
    // Two rows: 1 is "No specialised shelters", 2 "Human or financial resources".
    keys(&mut a, "2");
    assert_eq!(
        value(&a, "main_challenge"),
        Some(Value::Choice("resources".into()))
    );
    assert_eq!(here(&a), "sources", "a first single choice moves on");
}

#[test]
fn the_rest_of_a_section_is_marked_not_asked_after_asking_and_undone_in_one_step() {
    let mut a = in_interview();
    keys(&mut a, "1<C-f>mechanism coord<enter>");
    assert_eq!(here(&a), "tip_mechanism");
    keys(&mut a, "<A-s>");
    let d = a.dialog.as_ref().expect("asks first");
    assert_eq!(d.title.en(), "Rest of the section not asked");
    assert!(
        d.body
            .en()
            .starts_with("Mark 8 questions from here to the end of “Coordination” not asked?"),
        "{}",
        d.body.en()
    );
    // n keeps asking: nothing marked.
    keys(&mut a, "n");
    assert!(a.dialog.is_none());
    assert_eq!(view(&a).session().answers.get("tip_mechanism"), None);
    let e = keys(&mut a, "<A-s>y");
    assert!(
        matches!(e.first(), Some(Effect::Persist(Change::Answers { changes, .. })) if changes.len() == 8),
        "{e:?}"
    );
    assert_eq!(here(&a), "tip_activities", "on to the next section");
    assert_eq!(flash(&a), "8 questions marked not asked — Ctrl-Z undoes");
    keys(&mut a, "<C-z>");
    assert_eq!(here(&a), "tip_mechanism", "undo shows where it was");
    assert!(
        view(&a)
            .session()
            .answers
            .values()
            .all(|x| x.special.is_none()),
        "all eight back in one step"
    );
    assert_eq!(
        flash(&a),
        "Undone: 8 answers marked not asked — Ctrl-Y redoes"
    );
}

#[test]
fn the_rest_of_the_guide_leaves_the_classification_and_goes_to_it() {
    let mut a = in_interview();
    keys(&mut a, "1<C-f>challenges you face<enter><A-e>");
    let d = a.dialog.as_ref().expect("asks first");
    assert!(
        d.body.en().contains("to the end of the guide"),
        "{}",
        d.body.en()
    );
    keys(&mut a, "y");
    assert_eq!(
        here(&a),
        "tip_engagement",
        "required: left for a real answer"
    );
    keys(&mut a, "<A-e>");
    assert!(a.dialog.is_none());
    assert_eq!(
        flash(&a),
        "Nothing to mark: from here to the end of the guide, each question has an answer or is required."
    );
}
