//! Alt with an option's number ends the answer: the option is chosen (on a multiple
//! choice, the last tick) and the next question follows, whatever the auto-advance
//! setting, from the answer or from the note (`docs/keys.md`, "The last tick").

use super::super::app::Screen;
use super::advance::on_fewer_keys;
use super::{flash, here, value, view};
use super::{in_interview, keys};
use crate::session::{Field, Value};

fn choices(vs: &[&str]) -> Option<Value> {
    Some(Value::Choices(vs.iter().map(|v| v.to_string()).collect()))
}

#[test]
fn alt_with_a_number_is_the_last_tick_and_moves_on() {
    let mut a = in_interview();
    keys(&mut a, "1");
    assert_eq!(here(&a), "populations");
    keys(&mut a, "1<A-3>");
    assert_eq!(value(&a, "populations"), choices(&["idps", "migrants"]));
    assert_eq!(here(&a), "multiple_crises");
    assert_eq!(
        flash(&a),
        "Ticked “Migrants”, 2 ticks; next question (PgUp: back)"
    );
    // The next question is a first answer as any other: a plain digit moves on by itself.
    keys(&mut a, "2");
    assert_eq!(here(&a), "definition_explained");
    // PgUp comes back; Alt on a tick already there keeps it and moves on again.
    keys(&mut a, "<pgup><pgup><A-1>");
    assert_eq!(value(&a, "populations"), choices(&["idps", "migrants"]));
    assert_eq!(here(&a), "multiple_crises");
    // One undo step takes back the last tick only.
    keys(&mut a, "<pgup><pgup><A-2><C-z>");
    assert_eq!(value(&a, "populations"), choices(&["idps", "migrants"]));
}

#[test]
fn alt_never_waits_for_a_second_digit_and_ends_a_longer_number() {
    let mut a = in_interview();
    keys(&mut a, "1<C-f>challenges you face<enter>");
    assert_eq!(here(&a), "challenges");
    let long = super::super::interview::option_rows(view(&a).question(), view(&a).session());
    assert_eq!(long.len(), 17);
    keys(&mut a, "<A-1>");
    assert_eq!(here(&a), "main_challenge", "Alt-1 is option 1 at once");
    keys(&mut a, "<pgup>1<A-5>");
    assert_eq!(
        here(&a),
        "main_challenge",
        "1 Alt-5 is option 15, the last tick"
    );
    assert_eq!(
        value(&a, "challenges"),
        choices(&["too_complex", "tools_inadequate"])
    );
    // 1 waits, and Alt on the second digit ends the number: 1 Alt-1 is option 11.
    keys(&mut a, "<pgup>1");
    assert_eq!(view(&a).pending_digit, Some(1));
    keys(&mut a, "<A-1>");
    assert_eq!(view(&a).pending_digit, None);
    assert_eq!(here(&a), "main_challenge");
    assert_eq!(
        value(&a, "challenges"),
        choices(&["too_complex", "lack_of_data", "tools_inadequate"])
    );
    // The most important of the three ticked, offered alone: 2 is the second of them.
    keys(&mut a, "2");
    assert_eq!(
        value(&a, "main_challenge"),
        Some(Value::Choice("lack_of_data".into()))
    );
    assert_eq!(here(&a), "overlooked_groups", "{}", flash(&a));
}

#[test]
fn alt_picks_from_the_note_being_typed_and_keeps_the_note() {
    let mut a = in_interview();
    keys(&mut a, "1");
    keys(&mut a, "Camps mostly");
    assert_eq!(view(&a).tab().field, Field::Note);
    keys(&mut a, "<A-1>");
    assert_eq!(value(&a, "populations"), choices(&["idps"]));
    assert_eq!(here(&a), "multiple_crises");
    let note = view(&a)
        .session()
        .answers
        .get("populations")
        .map(|x| x.note.clone());
    assert_eq!(note.as_deref(), Some("Camps mostly"));
}

#[test]
fn alt_moves_on_after_a_changed_answer_and_with_the_setting_off() {
    let mut a = in_interview();
    keys(&mut a, "1<pgup><A-2>");
    assert_eq!(value(&a, "consent"), Some(Value::YesNo(false)));
    assert_eq!(
        here(&a),
        "populations",
        "a changed answer moves on when asked to"
    );
    if let Screen::Interview(v) = &mut a.screen {
        v.auto_advance = false;
    }
    keys(&mut a, "<A-2>");
    assert_eq!(here(&a), "multiple_crises");
    keys(&mut a, "1");
    assert_eq!(
        here(&a),
        "multiple_crises",
        "a plain digit stays with the setting off"
    );
}

#[test]
fn alt_on_other_asks_for_the_specifics_first_and_on_none_says_what_it_unticked() {
    let mut a = on_fewer_keys();
    keys(&mut a, "12");
    let rows = super::super::interview::option_rows(view(&a).question(), view(&a).session());
    // "No challenges" (exclusive) is the sixth option of the fixture.
    assert!(rows.len() >= 6);
    keys(&mut a, "<A-6>");
    assert_eq!(value(&a, "challenges"), choices(&["none"]));
    assert_eq!(here(&a), "main_challenge");
    assert_eq!(
        flash(&a),
        "2 others unticked: it excludes them. Ctrl-Z undoes"
    );
    let mut a = on_fewer_keys();
    keys(&mut a, "<A-5>");
    assert_eq!(value(&a, "challenges"), choices(&["other"]));
    assert_eq!(here(&a), "challenges", "Other: its words come next");
    assert_eq!(
        (view(&a).tab().field, view(&a).tab().editing),
        (Field::Other, true)
    );
}
