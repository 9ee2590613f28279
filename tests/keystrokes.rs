//! Keystrokes per structure (issue 16): one structure taken through the whole coordinator
//! guide, headless through the same engine as the terminal, every question shown answered
//! with the fewest keys the screen offers, then completed. Keys are counted apart from the
//! text typed (a text answer's letters, a number's digits), which no design can save.
//! `cargo test --test keystrokes -- --nocapture` prints the figures.

mod support;

use stocktake::guide::{Catalog, QuestionType};
use stocktake::session::Status;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

#[derive(Debug, Default)]
struct Count {
    /// The new-call form, from the list to the first question.
    form: usize,
    /// From the first question to the completed session.
    interview: usize,
    /// Characters typed as answers.
    text: usize,
    questions: usize,
    /// Of which multiple choice: their list has no last tick, so they take a PgDn.
    multi: usize,
}

fn keys(d: &mut Driver, keys: &str, n: &mut usize) {
    *n += stocktake::tui::keys::parse_keys(keys).expect("keys").len();
    d.press(keys);
}

fn question(d: &Driver) -> Option<(String, QuestionType)> {
    match &d.app.screen {
        Screen::Interview(v) => Some((v.question().id.clone(), v.question().kind)),
        _ => None,
    }
}

/// The CP AOR alone on a call, every question answered, completed.
/// `last_tick`: every closed answer is Alt with its number, which ends the answer and moves
/// on (a multiple choice's last tick; on a list of more than ten options, a digit that
/// does not wait for a second); else plain digits, and PgDn where nothing moved on by
/// itself.
fn walk(auto_advance: bool, last_tick: bool) -> (Count, Driver) {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: true });
    d.app.auto_advance = auto_advance;
    let mut c = Count::default();
    keys(&mut d, "n", &mut c.form);
    d.press("Juba");
    c.text += "Juba".len();
    // Off the Protection Cluster, onto the CP AOR; start.
    keys(&mut d, "<tab><space><tab><space><C-s>", &mut c.form);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let Some((id, kind)) = question(&d) else {
            panic!("left the interview: {}", d.screen(80, 24))
        };
        if !seen.insert(id.clone()) {
            break;
        }
        c.questions += 1;
        c.multi += usize::from(kind == QuestionType::Multi);
        let (answer, typed) = match kind {
            QuestionType::Single
            | QuestionType::YesNo
            | QuestionType::Scale
            | QuestionType::Multi
                if last_tick =>
            {
                ("<A-1>", 0)
            }
            QuestionType::Single | QuestionType::YesNo | QuestionType::Scale => ("1", 0),
            QuestionType::Multi => ("1", 0),
            QuestionType::Text | QuestionType::LongText => ("Said so.", 8),
            QuestionType::Number => ("12", 2),
            QuestionType::Date => ("2018-03-14", 10),
        };
        if typed > 0 {
            d.press(answer);
            c.text += typed;
        } else {
            keys(&mut d, answer, &mut c.interview);
        }
        let moved = question(&d).is_some_and(|(now, _)| now != id);
        if !moved {
            keys(&mut d, "<pgdn>", &mut c.interview);
        }
        if question(&d).is_some_and(|(now, _)| now == id) {
            // The last question: nothing after it, and an interviewer who sees "28 of 28"
            // does not press the PgDn that did nothing.
            c.interview -= usize::from(!moved);
            break;
        }
    }
    keys(&mut d, "<A-r>c", &mut c.interview);
    assert!(
        d.screen(80, 24).contains("Complete session"),
        "{}",
        d.screen(80, 24)
    );
    keys(&mut d, "y", &mut c.interview);
    (c, d)
}

#[test]
fn a_cp_aor_takes_one_key_per_question_and_three_to_complete() {
    let (on, d) = walk(true, true);
    let (pgdn, _) = walk(true, false);
    let (off, _) = walk(false, false);
    println!(
        "CP AOR, coordinator guide: {} questions, {} multiple choice; keys beyond typed text: {} with auto-advance and Alt on the last tick, {} with PgDn after it, {} without auto-advance; the form {}; typed {} characters",
        on.questions, on.multi, on.interview, pgdn.interview, off.interview, on.form, on.text
    );
    // Completed, every question shown answered: the count is of a real interview.
    let rows = d.store.summaries().expect("list");
    assert_eq!(rows.len(), 1);
    let s = d.store.load_session(&rows[0].id).expect("session");
    assert_eq!(s.status, Status::Completed);
    assert_eq!(s.structure.as_str(), "cp_aor");
    let g = support::coordinator();
    let p = s.progress(&g.guide);
    assert_eq!(p.answered, p.visible, "every question shown answered");
    assert_eq!(on.questions as u32, p.visible);
    // Issue 16 measured about 86 keys beyond typed text for the CP AOR and set half as the
    // goal. One key per question: a single choice moves on by itself, a multiple choice's
    // last tick is Alt with its number, a text is left with PgDn; and Alt-R c y to complete.
    assert_eq!(on.interview, on.questions + 3, "{on:?}");
    assert!(on.interview <= 86 / 2, "{on:?}");
    // Without Alt, PgDn says the ticks are all there: one key more per multiple choice but
    // the last question's (nothing after it to move to).
    assert_eq!(
        pgdn.interview,
        pgdn.questions + (pgdn.multi - 1) + 3,
        "{pgdn:?}"
    );
    // Auto-advance saves a key on every single choice, yes/no and scale.
    assert!(pgdn.interview < off.interview, "{pgdn:?} {off:?}");
}
