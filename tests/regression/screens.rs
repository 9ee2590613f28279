//! Bugs of what the screens show: text cut, wrapped, scrolled or hidden at some size.

use crate::support::TestClock;
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::app::Screen;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;

use super::common::*;

#[test]
fn option_numbers_do_not_stop_at_two_digits() {
    let dir = tempfile::tempdir().expect("dir");
    let guides = tempfile::tempdir().expect("guides");
    let options: Vec<String> = (1..=10_000)
        .map(|i| format!("  {{ value = \"o{i}\", label = \"Option {i}\" }},"))
        .collect();
    std::fs::write(
        guides.path().join("long.toml"),
        format!(
            "id = \"long-list\"\nversion = \"1\"\ntitle = \"A very long list\"\nlanguages = [\"en\"]\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.questions]]\nid = \"pick\"\ntype = \"single\"\ntext = \"Pick one\"\noptions = [\n{}\n]\n",
            options.join("\n")
        ),
    )
    .expect("guide");
    let mut catalog = Catalog::discover(&stocktake::guide::GuideDirs {
        flag: vec![guides.path().to_path_buf()],
        project: None,
        config: None,
    });
    catalog.guides.retain(|g| g.guide.id == "long-list");
    let (_tc, clock) = TestClock::new();
    let (store, _) = Store::open(dir.path(), clock).expect("store");
    let mut d = Driver::new(store, catalog, "amina", Theme { color: false });
    d.press("nMali<C-s>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview: {}", d.screen(80, 24))
    };
    assert_eq!(v.question().id, "pick", "{}", d.screen(80, 24));
    d.press("123<pgdn>");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert_eq!(
        stored.answers["pick"].value,
        Some(stocktake::session::Value::Choice("o123".into()))
    );
    d.press("<pgup>4567");
    let Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let stored = d.store.load_session(&v.session().id).expect("stored");
    assert_eq!(
        stored.answers["pick"].value,
        Some(stocktake::session::Value::Choice("o4567".into()))
    );
}

#[test]
fn heavy_combining_characters_widen_a_fitted_line() {
    use unicode_width::UnicodeWidthStr;
    // One letter carrying 60 marks: a terminal spills them into the next cells.
    let zalgo = format!("Mal{}i", "\u{336}".repeat(60));
    let f = stocktake::neutralise::fit(&zalgo, 30);
    let marks = f.chars().filter(|c| *c == '\u{336}').count();
    assert!(marks <= 4, "{marks} marks kept");
    assert!(f.ends_with('…'), "the cut is visible: {f}");
    assert!(f.width() <= 30);
}

/// Issue 16: the section's guidance (the call's introduction script) was never shown.
#[test]
fn section_guidance_is_shown_on_its_first_question_and_in_the_guidance() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>");
    let s = d.screen(80, 24);
    assert!(s.contains("§ The country or response"), "{s}");
    assert!(s.contains("(Alt-G: all)"), "{s}");
    d.press("<A-g>");
    let s = d.screen(80, 24);
    assert!(s.contains("Introduce the Task Team"), "{s}");
    // Not on the section's other questions.
    d.press("<esc>1<pgdn>");
    assert!(
        !d.screen(80, 24).contains("§ The country"),
        "{}",
        d.screen(80, 24)
    );
}

/// Issue 16: the help said "20/41 · ↑↓ scroll" and did not scroll.
#[test]
fn the_help_overlay_scrolls() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>?");
    let top = d.screen(80, 24);
    assert!(top.contains("↑↓ scroll"), "{top}");
    d.press("<down><down><down>");
    assert_eq!(d.app.help_scroll, 3);
    assert_ne!(d.screen(80, 24), top);
    // Holding ↓ stops at the end, so ↑ moves at once.
    d.press(&"<down>".repeat(200));
    let end = d.app.help_scroll;
    d.press("<up>");
    assert_eq!(d.app.help_scroll, end - 1);
}

/// Issue 16: the editor wrapped at every word boundary, so a `;` could start a line.
#[test]
fn word_wrap_never_starts_a_line_with_punctuation() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1");
    // A note typed on the consent question, at every width where `;` meets the edge.
    d.press("Line dropped twice; GBV AOR coordinator left; after 30 minutes; again; and again;");
    for w in 60..=90 {
        let s = d.screen(w, 24);
        for line in s.lines() {
            let text = line.rsplit('│').next().unwrap_or(line);
            assert!(
                !text.trim_start().starts_with(';'),
                "at {w} columns a line starts with `;`:\n{s}"
            );
        }
    }
}

/// Issue 16: after a resize the editor kept the scroll of the old size, hiding the start
/// of a text that now fits.
#[test]
fn the_text_being_typed_is_not_left_scrolled_after_a_resize() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s><C-f>promising<enter>");
    for i in 1..=12 {
        d.press(&format!("Line {i}<enter>"));
    }
    assert!(!d.screen(80, 24).contains("Line 1\n"), "scrolled at 80x24");
    let big = d.screen(120, 60);
    assert!(big.contains("Line 1 ") || big.contains("Line 1\n"), "{big}");
    assert!(big.contains("Line 12"), "{big}");
}

/// Issue 16: Esc on the new-call form discarded everything typed at once.
#[test]
fn esc_on_the_new_call_form_asks_before_discarding() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<esc>");
    assert!(d.screen(80, 24).contains("Discard this call?"));
    d.press("k");
    assert!(matches!(d.app.screen, Screen::NewCall(_)));
    assert!(d.screen(80, 24).contains("South Sudan"));
}

#[test]
fn a_status_message_longer_than_the_line_was_cut_at_its_end() {
    let (_dir, mut d, _clock) = on_disk();
    let text = "Session completed, but not written to the outbox: /home/amina/stocktake/outbox is not writable; fix its permissions, then press s on the home list to send it.";
    d.app.say(stocktake::tui::outcome::Level::Error, text);
    for (w, h) in [(80, 24), (60, 20)] {
        let screen = d.screen(w, h);
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(text),
            "{w}x{h}: the whole message, wrapped:\n{screen}"
        );
        assert!(
            screen.lines().last().is_some_and(|l| l.contains("help")),
            "the hint bar stays last:\n{screen}"
        );
    }
}

/// Issue 17: at small sizes a long-text answer box had no rows at all (four structures on
/// the call, a section's introduction and the question's guidance took them), so the
/// interviewer typed into an invisible field.
#[test]
fn a_long_text_answer_box_had_no_rows_on_a_small_terminal() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<tab><tab><space><tab><space><tab><space><tab>Anti-Trafficking Working Group<C-s>1");
    for q in ["learn from each other", "promising"] {
        d.press(&format!(
            "<C-f>{q}<enter>Said at length, over several lines of the answer box.<esc>"
        ));
        // A message long enough to take three lines of the status bar at 50 columns.
        d.app.say(
            stocktake::tui::outcome::Level::Info,
            "Anti-Trafficking Working Group added to the call, in its own tab: Ctrl-T switches to it, and Alt-T back to the one before.",
        );
        for (w, h) in [(50, 16), (60, 20), (80, 24), (120, 40), (200, 60)] {
            let s = d.screen(w, h);
            assert!(answer_box_rows(&s) >= 3, "{q} at {w}x{h}:\n{s}");
        }
    }
}

/// Issue 17: with four structures on the call, one with a long name, the tab bar at 60
/// columns read `1   2   3   4 Anti-Trafficking Working Group`: every name but one gone.
#[test]
fn the_tab_bar_kept_one_long_name_and_left_the_others_as_numbers() {
    let (_dir, mut d, _) = on_disk();
    d.press("nSouth Sudan<tab><tab><space><tab><space><tab><space><tab>Anti-Trafficking Working Group<C-s>");
    for (w, h) in [(50, 16), (60, 20), (80, 24)] {
        let s = d.screen(w, h);
        let tabs = s.lines().nth(1).unwrap_or_default();
        for name in ["1 Prot", "2 CP", "3 GBV", "4 Anti"] {
            assert!(tabs.contains(name), "{name} at {w}x{h}: {tabs}");
        }
    }
}

/// Issue 17: at 60 columns the home title cut the campaign's totals mid-word
/// ("2 lef"), with nothing to say that more was there.
#[test]
fn the_home_title_cut_the_campaign_totals_mid_word() {
    let (_dir, mut d, _) = on_disk();
    let csv =
        "response,structure,coordinator\nSouth Sudan,protection_cluster,Amina\nIraq,gbv_aor,Dana\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    d.store.import_campaign(&targets, None).expect("import");
    d.press("p<esc>");
    let s = d.screen(50, 16);
    let title = s.lines().next().unwrap_or_default().trim_end();
    assert!(title.ends_with('…'), "{title}");
    assert!(
        d.screen(80, 24).contains("2 due now, 0 left"),
        "{}",
        d.screen(80, 24)
    );
}

/// Issue 17: the column beside the question at 120 columns cut its own message to "No
/// guidance for this question" (one column short), with nothing to say it was cut.
#[test]
fn the_guidance_column_cut_its_no_guidance_message() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s>1");
    for (w, h) in [(120, 40), (200, 60)] {
        let s = d.screen(w, h);
        // The column's text: what is right of the last rule on each line.
        let column = s
            .lines()
            .filter_map(|l| l.rsplit_once('│').map(|(_, r)| r.trim()))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(column.contains("No guidance for this question."), "{s}");
    }
}

/// Issue 17: at 60 columns the plan's next call read "Wed 11:00 (theirs 11:…".
#[test]
fn the_plan_cut_the_next_call_at_60_columns() {
    let (_dir, mut d, _) = on_disk();
    let csv = "response,structure,coordinator,timezone\nMali,cp_aor,Awa,Africa/Bamako\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    d.store.import_campaign(&targets, None).expect("import");
    d.press("po3+2h<enter>");
    let s = d.screen(60, 20);
    assert!(!s.contains("(theirs"), "{s}");
    assert!(
        s.contains("Africa/Bamako:"),
        "their time, under the list: {s}"
    );
    assert!(
        d.screen(80, 24).contains("(theirs "),
        "{}",
        d.screen(80, 24)
    );
}

/// F1 opened no help in the call's details (Alt-C), where `?` is typed as text: the help
/// key of every other text field did nothing there.
#[test]
fn f1_opened_no_help_in_the_call_details() {
    let (_dir, mut d, _) = on_disk();
    d.press("nIraq<C-s><A-c><f1>");
    let s = d.screen(80, 24);
    assert!(d.app.help.is_some(), "{s}");
    d.press("<esc>");
    assert!(d.app.help.is_none(), "{}", d.screen(80, 24));
}
