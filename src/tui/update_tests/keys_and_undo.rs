//! `update` for keys that cannot surprise (a letter on a choice is text for its note, never a
//! command) and for undo and redo of edits.

use super::super::app::App;
use super::{flash, value, view};
use super::{in_interview, in_interview_staying, keys};
use crate::session::{Field, Value};

fn note(a: &App, q: &str) -> String {
    view(a)
        .session()
        .answers
        .get(q)
        .map(|a| a.note.clone())
        .unwrap_or_default()
}

#[test]
fn letters_on_a_choice_go_into_its_note_and_run_no_command() {
    let mut a = in_interview_staying();
    // Consent: yes. Then a sentence full of old command letters (L, t, r, q, u, g).
    keys(&mut a, "1");
    keys(
        &mut a,
        "Line dropped twice; GBV AOR left after 30 minutes, quiet ugly.",
    );
    let v = view(&a);
    assert_eq!(v.question().id, "consent");
    assert_eq!(v.lang(), "en", "L did not switch the language");
    assert!(v.panel.is_none(), "r did not open the review");
    assert!(a.dialog.is_none(), "q did not ask to quit once typing");
    assert!(!a.quit);
    assert_eq!(
        note(&a, "consent"),
        "Line dropped twice; GBV AOR left after 30 minutes, quiet ugly."
    );
    assert_eq!(
        value(&a, "consent"),
        Some(Value::YesNo(true)),
        "no option changed"
    );
    assert_eq!((v.tab().field, v.tab().editing), (Field::Note, true));
    // Esc goes back to the options, where digits choose again.
    keys(&mut a, "<esc>");
    assert_eq!(
        (view(&a).tab().field, view(&a).tab().editing),
        (Field::Answer, false)
    );
    keys(&mut a, "2");
    assert_eq!(value(&a, "consent"), Some(Value::YesNo(false)));
}

#[test]
fn q_on_a_choice_asks_before_quitting() {
    let mut a = in_interview();
    keys(&mut a, "q");
    assert!(a.dialog.is_some() && !a.quit);
    keys(&mut a, "s");
    assert!(a.dialog.is_none() && !a.quit);
    keys(&mut a, "qq");
    assert!(a.quit);
}

#[test]
fn clearing_says_how_to_undo_and_ctrl_z_brings_it_back_and_ctrl_y_redoes() {
    let mut a = in_interview_staying();
    keys(&mut a, "1");
    keys(&mut a, "<bs>");
    assert_eq!(value(&a, "consent"), None);
    assert_eq!(flash(&a), "Cleared — Ctrl-Z undoes");
    keys(&mut a, "<C-z>");
    assert_eq!(value(&a, "consent"), Some(Value::YesNo(true)));
    assert!(flash(&a).starts_with("Undone: answer of"), "{}", flash(&a));
    keys(&mut a, "<C-y>");
    assert_eq!(value(&a, "consent"), None);
    keys(&mut a, "<C-z><C-z>");
    assert_eq!(value(&a, "consent"), None, "back to before the first tick");
    keys(&mut a, "<C-z>");
    assert_eq!(flash(&a), "Nothing to undo.");
}

#[test]
fn undo_goes_back_to_the_question_it_changes_and_undoes_a_note_burst_whole() {
    let mut a = in_interview_staying();
    keys(&mut a, "1The note");
    keys(&mut a, "<esc><pgdn>");
    let here = view(&a).question().id.clone();
    assert_ne!(here, "consent");
    keys(&mut a, "<C-z>");
    assert_eq!(view(&a).question().id, "consent", "undo shows where it was");
    assert_eq!(note(&a, "consent"), "", "the burst of typing is one step");
    assert_eq!(view(&a).tab().field, Field::Note);
    keys(&mut a, "<C-y>");
    assert_eq!(note(&a, "consent"), "The note");
}
