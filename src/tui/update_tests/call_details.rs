//! The call's details after it started, and the interviewer's name remembered (issue 16).

use super::*;
use crate::tui::keymap::Ctx;

#[test]
fn the_new_call_form_starts_with_the_name_typed_on_the_last_call() {
    let mut a = app();
    let mut old = summary("a", "Juba", "completed");
    old.interviewer = "Amina Y.".into();
    old.call_started_at = "2026-11-30T09:00:00Z".into();
    let mut last = summary("b", "Bor", "draft");
    last.interviewer = "Amina Yusuf".into();
    last.call_started_at = "2026-12-01T09:00:00Z".into();
    // An imported colleague's older call does not change it either.
    let mut theirs = summary("c", "Wau", "completed");
    theirs.interviewer = "bea".into();
    theirs.call_started_at = "2026-10-01T09:00:00Z".into();
    update(&mut a, Event::HomeLoaded(vec![old, last, theirs]));
    keys(&mut a, "n");
    let Screen::NewCall(form) = &a.screen else {
        panic!("not on the form")
    };
    assert_eq!(form.interviewer.text(), "Amina Yusuf");
}

#[test]
fn a_first_call_starts_with_the_login_name() {
    let mut a = app();
    update(&mut a, Event::HomeLoaded(Vec::new()));
    keys(&mut a, "n");
    let Screen::NewCall(form) = &a.screen else {
        panic!("not on the form")
    };
    assert_eq!(form.interviewer.text(), "amina");
}

/// F1 opened no help in the call's details, where `?` is text: it opens the keys of the
/// panel now, and Esc closes them back onto it.
#[test]
fn f1_opens_the_help_of_the_call_details() {
    let mut a = in_interview();
    keys(&mut a, "<A-c>");
    assert_eq!(a.ctx(), Ctx::CallDetails, "typing in its first field");
    keys(&mut a, "<f1>");
    assert_eq!(a.help, Some(Ctx::CallDetails));
    keys(&mut a, "<esc>");
    assert_eq!(a.help, None);
    assert_eq!(a.ctx(), Ctx::CallDetails, "back on the panel");
}
