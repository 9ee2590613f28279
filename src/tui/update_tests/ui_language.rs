//! Which language the program's words are in during a call: the call's when no language
//! was chosen (`docs/translating.md`), the chosen one otherwise.

use super::*;
use crate::i18n::UiLang;

/// A call held in English, opened with the program's language chosen as `ui`,
/// explicitly or not.
fn call_with(ui: UiLang, follows_call: bool) -> App {
    let mut a = in_interview();
    a.ui = ui;
    a.ui_follows_call = follows_call;
    if let Screen::Interview(v) = &mut a.screen {
        v.ui = ui;
        v.ui_follows_call = follows_call;
    }
    a
}

#[test]
fn with_no_language_chosen_the_words_follow_the_call_and_alt_l_switches_both() {
    // A French locale on a call held in English: the call's language wins.
    let mut a = call_with(UiLang::Fr, true);
    assert_eq!(a.lang(), UiLang::En);
    assert!(
        hint_labels(&a).contains(&"next".to_string()),
        "{:?}",
        hint_labels(&a)
    );
    keys(&mut a, "<A-l>");
    assert_eq!(
        a.lang(),
        UiLang::Fr,
        "the guide is now in French, and so are the words"
    );
    assert!(
        hint_labels(&a).contains(&"suivante".to_string()),
        "{:?}",
        hint_labels(&a)
    );
    let said = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(said, "Langue du guide\u{a0}: fr (Alt-L pour revenir)");
    keys(&mut a, "<A-l>");
    assert_eq!(a.lang(), UiLang::En);
    // Back on the list, outside any call: the locale's language again.
    keys(&mut a, "<esc>");
    assert!(matches!(a.screen, Screen::Home), "left the call");
    assert_eq!(a.lang(), UiLang::Fr);
}

#[test]
fn a_language_chosen_explicitly_stays_whatever_the_call_is_held_in() {
    let mut a = call_with(UiLang::En, false);
    keys(&mut a, "<A-l>");
    assert_eq!(
        a.lang(),
        UiLang::En,
        "--ui-language en wins over the call's French"
    );
    assert!(
        hint_labels(&a).contains(&"next".to_string()),
        "{:?}",
        hint_labels(&a)
    );
    let a = call_with(UiLang::Fr, false);
    assert_eq!(
        a.lang(),
        UiLang::Fr,
        "--ui-language fr wins over the call's English"
    );
}

#[test]
fn undo_says_what_it_put_back_in_the_language_of_the_call() {
    // French chosen: the undo's "what" is words of the screen, not of the layer below.
    let mut a = call_with(UiLang::Fr, false);
    keys(&mut a, "1");
    keys(&mut a, "<bs>");
    keys(&mut a, "<C-z>");
    let said = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    assert!(
        said.starts_with("Annulé\u{a0}: réponse de «\u{a0}"),
        "{said}"
    );
    assert!(said.ends_with("\u{a0}» — Ctrl-Y rétablit"), "{said}");
}

#[test]
fn why_an_answer_is_refused_is_said_in_the_screens_language_and_english_is_unchanged() {
    let e = crate::session::AnswerError::NotANumber {
        input: "douze".into(),
    };
    let said = |l| crate::tui::asks::answer_error(&e).in_lang(l);
    assert_eq!(said(UiLang::En), e.to_string());
    assert_eq!(
        said(UiLang::Fr),
        "«\u{a0}douze\u{a0}» n'est pas un nombre (par exemple 12 ou 3,5)"
    );
    // Long numbers grouped as each language writes them, as everywhere on the screens.
    let e = crate::session::AnswerError::TooLong { chars: 100_001 };
    assert_eq!(
        crate::tui::asks::answer_error(&e).en(),
        "the text is 100,001 characters long, more than the 100,000 allowed"
    );
}

/// The store's reason a change is not saved is words, not English text: said in French
/// on a French screen, and in the language of the moment after `Alt-L`.
#[test]
fn why_a_change_is_not_saved_is_said_in_the_language_of_the_screen() {
    use crate::i18n::Reason;
    let mut a = call_with(UiLang::Fr, false);
    let id = session_id(&a);
    keys(&mut a, "1");
    let full = crate::store::StoreError::DiskFull {
        path: "/d/stocktake.db".into(),
    };
    update(
        &mut a,
        Event::NotSaved {
            sessions: vec![id],
            message: full.said(),
            waiting: 1,
        },
    );
    let fr = full.reason(UiLang::Fr);
    assert_ne!(fr, full.to_string());
    assert!(flash(&a).starts_with(&fr), "{}", flash(&a));
    let mut en = call_with(UiLang::En, false);
    let id = session_id(&en);
    keys(&mut en, "1");
    update(
        &mut en,
        Event::NotSaved {
            sessions: vec![id],
            message: full.said(),
            waiting: 1,
        },
    );
    assert!(flash(&en).starts_with(&full.to_string()), "{}", flash(&en));
}

/// A structure added to the call is announced in the program's language, named as its
/// tab is (in the call's language).
#[test]
fn a_structure_added_to_the_call_is_announced_in_the_programs_language() {
    let mut a = call_with(UiLang::Fr, false);
    let mut s = view(&a).session().clone();
    s.id = "new-session".into();
    s.structure = crate::guide::Structure::GbvAor;
    assert_eq!(update(&mut a, Event::SessionAdded(Box::new(s))), vec![]);
    let said = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(
        said,
        "GBV AOR ajouté à l'appel, dans son propre onglet (Ctrl-T pour changer d'onglet)"
    );
}

/// Why a session is read-only is said in the screen's language: taken over, held
/// elsewhere or completed, the words were English inside a French "Lecture seule :".
#[test]
fn why_a_session_is_read_only_is_said_in_the_screens_language() {
    let mut a = call_with(UiLang::Fr, false);
    let id = view(&a).session().id.clone();
    update(&mut a, Event::LockLost { session: id });
    keys(&mut a, "1");
    let said = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(said, "Lecture seule\u{a0}: reprise par un autre stocktake");
    // The call's details refused the same way, not "Read-only: Read-only: …".
    let why = crate::interview::DetailsRefusal::from(crate::interview::Refusal::ReadOnly(
        crate::interview::ReadOnly::TakenOver,
    ));
    assert_eq!(
        why.to_string(),
        "Read-only: taken over by another stocktake"
    );
    assert_eq!(
        crate::i18n::Reason::reason(&why, UiLang::Fr),
        "Lecture seule\u{a0}: reprise par un autre stocktake"
    );
}
