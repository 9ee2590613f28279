//! Every screen drawn into a `TestBackend` at 60×20, 80×24, 120×40 and 200×60 (the sizes
//! issue 17 names, from the smallest a shared server gives to a wide desktop) and compared with its
//! reviewed snapshot (`tests/snapshots/`). Styles are checked too: with colour, only the 16
//! basic ANSI colours; with NO_COLOR, none at all, and the style runs are snapshotted so a
//! change of emphasis is a reviewed change.

mod support;

use ratatui::style::{Color, Modifier};
use stocktake::guide::Catalog;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (120, 40), (200, 60)];

fn driver(color: bool) -> Driver {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    Driver::new(store, Catalog::bundled(), "amina", Theme { color })
}

/// A store with a campaign of four targets, one tried, one with a callback.
fn driver_with_campaign(color: bool) -> Driver {
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let csv = "response,structure,coordinator,organisation,contact,timezone,language\n\
South Sudan,protection_cluster,Amina Yusuf,UNHCR,+211 912 345 678,Africa/Juba,en\n\
South Sudan,cp_aor,Joseph,UNICEF,joseph@example.org,Africa/Juba,en\n\
Iraq,gbv_aor,Dana,UNFPA,skype:dana.k,Asia/Baghdad,ar en\n\
Mali,other: Cash Working Group,Awa,WFP,,Africa/Bamako,fr\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    store.import_campaign(&targets, None).expect("import");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color });
    // Iraq rang out; Mali's coordinator asked to be called in two hours.
    d.press("p<down><down>o4<up>o3+2h<enter><esc>");
    d
}

/// The bundled guides and the test guide of issue 16's "fewer keys"
/// (`tests/fixtures/guides/fewer-keys.toml`), chosen on the form with `<S-tab><S-tab><left>`.
fn driver_fewer(color: bool) -> Driver {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let dirs = stocktake::guide::GuideDirs {
        flag: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guides")],
        ..Default::default()
    };
    Driver::new(store, Catalog::discover(&dirs), "amina", Theme { color })
}

/// The states issue 16's "fewer keys" and "review" added, drawn at every size.
fn fewer_states() -> Vec<State> {
    let coordinator = driver as fn(bool) -> Driver;
    let fewer = driver_fewer as fn(bool) -> Driver;
    vec![
        // Alt-S on the first question of Coordination: asked first, with the count.
        (
            "dialog_rest_section",
            "nSouth Sudan<C-s>1<C-f>mechanism coord<enter><A-s>",
            coordinator,
        ),
        // "No challenges" ticked after two others: they are unticked, and it is said.
        (
            "exclusive_ticked",
            "n<S-tab><S-tab><left><tab><tab>Iraq<C-s>126",
            fewer,
        ),
        // The most important challenge before any is ticked: said, not an empty box.
        (
            "options_from_empty",
            "n<S-tab><S-tab><left><tab><tab>Iraq<C-s><pgdn>",
            fewer,
        ),
        // Two ticked: only those two offered, the long label wrapped.
        (
            "options_from_two",
            "n<S-tab><S-tab><left><tab><tab>Iraq<C-s>34<pgdn>",
            fewer,
        ),
        // The review of what was recorded: the answer, its note, an attached pad note, and
        // where the other structure on the call said something else.
        (
            "review_recorded",
            "nSouth Sudan<tab><tab><space><C-s>12Refugees mostly<esc><C-g>Met the GBV AOR at the hub<C-a><esc><C-t>13<C-t><A-r>",
            coordinator,
        ),
        // The call's details, on a participant's role: the focus and how to change it.
        (
            "call_details",
            "nSouth Sudan<C-s><A-c><tab><tab>",
            coordinator,
        ),
        // The end-of-call read-back, and the same once the coordinator confirmed it.
        ("read_back", "nSouth Sudan<C-s>12<A-r>b", coordinator),
        (
            "read_back_confirmed",
            "nSouth Sudan<C-s>12<A-r>by",
            coordinator,
        ),
        // Seventeen options at 60×20: the window keeps the cursor's option whole, and says
        // what is above and below.
        (
            "long_list_markers",
            "nSouth Sudan<C-s>1<C-f>challenges you face<enter>14",
            coordinator,
        ),
    ]
}

#[test]
fn fewer_keys_screens_at_every_size() {
    for (name, keys, start) in fewer_states() {
        for color in [true, false] {
            let mut d = start(color);
            d.press(keys);
            if color {
                for (w, h) in SIZES {
                    insta::assert_snapshot!(format!("{name}_{w}x{h}"), d.screen(w, h));
                }
            } else {
                let t = d.draw(80, 24);
                for c in t.backend().buffer().content() {
                    assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{name}");
                }
                insta::assert_snapshot!(format!("{name}_styles_no_color"), style_runs(&t));
            }
        }
    }
}

/// A state: its name, the keys that reach it, and the driver they start from.
type State = (&'static str, &'static str, fn(bool) -> Driver);

/// Every state, with the driver it starts from.
fn all_states() -> Vec<State> {
    let mut v: Vec<State> = states()
        .into_iter()
        .map(|(n, k)| (n, k, driver as fn(bool) -> Driver))
        .collect();
    for (n, k) in [
        ("home_campaign", ""),
        ("plan", "p"),
        ("plan_log", "po"),
        ("plan_callback", "po3tomorrow 9:"),
    ] {
        v.push((n, k, driver_with_campaign));
    }
    v
}

/// The states a user sees, each reached by keys from an empty store.
fn states() -> Vec<(&'static str, &'static str)> {
    vec![
        ("home_empty", ""),
        ("form_new", "n"),
        // Consent focused: its label is the longest, and the ◀ must not touch it.
        (
            "form_consent",
            "n<tab><tab><tab><tab><tab><tab><tab><tab><tab><right>",
        ),
        ("form_errors", "n<tab><space><tab><tab><tab><space><C-s>"),
        // Chosen, moved on by itself, and back with PgUp: the status line says so.
        (
            "interview_choice",
            "nSouth Sudan<tab><tab><space><C-s>1<C-f>mechanism coord<enter>2<pgup>",
        ),
        (
            "interview_multi_other",
            "nSouth Sudan<C-s><C-f>perceived<enter>138begging rings",
        ),
        (
            "interview_long_text",
            "nSouth Sudan<C-s><C-f>promising<enter>A CP AOR is writing a TIP manual for front-line workers on child trafficking.<tab>Police family unit asked for a module.",
        ),
        ("interview_special", "nSouth Sudan<C-s><pgdn><A-d>"),
        // Consent refused on the form: said in the header on every screen of the call.
        (
            "interview_no_consent",
            "nSouth Sudan<tab><tab><tab><tab><tab><tab><tab><tab><tab><right><right><C-s><tab>x",
        ),
        // Seventeen options: two-digit numbers, 1 waiting for its second digit.
        (
            "interview_long_list",
            "nSouth Sudan<C-s>1<C-f>challenges you face<enter>151",
        ),
        (
            "interview_scale",
            "n<S-tab><S-tab><right><tab><tab>Camp A<C-s>21<pgdn><pgdn>4<pgup>",
        ),
        (
            "interview_number_error",
            "n<S-tab><S-tab><right><tab><tab>Camp A<C-s>11<C-f>how many<enter>twelve",
        ),
        (
            "notes_pad",
            "nSouth Sudan<C-s><C-g>Mentions a GBV hotline that records TIP cases.<enter>The NGO network meets in Juba.<up><C-a>",
        ),
        ("find", "nSouth Sudan<C-s><C-f>referral"),
        // A structure joined the call: the two not on it, Other, and a name being typed.
        ("add_structure", "nSouth Sudan<C-s>1+Shel"),
        // Five structures on a call, two of them added late: every tab stays in view.
        (
            "five_tabs",
            "nSouth Sudan<tab><tab><space><tab><space><C-s>1+Shelter Cluster<enter>+Education Cluster<enter>",
        ),
        ("review", "nSouth Sudan<C-s>1<A-r>"),
        // How answers came to be: no before the definition and yes after it; two forms of
        // trafficking, one volunteered and one prompted; then the review says all of it.
        (
            "interview_provenance",
            "nSouth Sudan<C-s>1<C-f>perceived<enter>2<pgup><A-b>1<pgdn>13<A-v><up><up><A-p>",
        ),
        (
            "interview_after_definition",
            "nSouth Sudan<C-s>1<C-f>perceived<enter>2<pgup><A-b>1",
        ),
        (
            "review_provenance",
            "nSouth Sudan<C-s>1<C-f>perceived<enter>2<pgup><A-b>1<pgdn>13<A-v><up><up><A-p><A-r><down><down><down><down><down><down>",
        ),
        // Before sending: a phone number and an e-mail address found in the notes.
        (
            "guard",
            "nSouth Sudan<C-s>1<pgup><tab>Focal point: call +211 912 345 678 after 5pm<esc><C-g>Write to focal.point@example.org<esc><C-f>overall<enter>1<pgup><A-r>c<down>",
        ),
        ("guidance", "nSouth Sudan<C-s><C-f>definition<enter><A-g>"),
        ("help_interview", "nSouth Sudan<C-s>?"),
        // The help scrolls: a page down shows its end.
        (
            "help_interview_scrolled",
            "nSouth Sudan<C-s>?<pgdn><pgdn><pgdn><pgdn>",
        ),
        // A letter on a choice starts the question's note, framed as the field typed in.
        (
            "interview_typing_on_choice",
            "nSouth Sudan<C-s>1<pgup>Line dropped twice; GBV AOR left",
        ),
        (
            "dialog_complete",
            "nSouth Sudan<C-s>1<C-f>overall<enter>1<pgup><A-r>c",
        ),
        (
            "home_list",
            "nSouth Sudan<tab><tab><space><C-s>1<esc>nCôte d'Ivoire<C-s><esc>n南スーダン<C-s>2<esc>",
        ),
        ("home_filter", "nSouth Sudan<C-s>1<esc>nMali<C-s><esc>/mal"),
        (
            "interview_wide_notes",
            "nالسودان<C-s><tab>المنسق: لا توجد آلية بعد. 南スーダンの調整官は「まだ」と言った。 Côte d’Ivoire: réunion mensuelle, très utile.<esc>",
        ),
        (
            "dialog_reopen",
            "nSouth Sudan<C-s>1<C-f>overall<enter>1<A-r>cy<enter>",
        ),
    ]
}

/// Non-default style runs, one line per row that has any: `row: col-col style`.
fn style_runs(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            let mut s = String::new();
            if c.fg != Color::Reset {
                s.push_str(&format!("{:?}", c.fg));
            }
            if c.bg != Color::Reset {
                s.push_str(&format!(" on {:?}", c.bg));
            }
            if !c.modifier.is_empty() {
                s.push_str(&format!(" {:?}", c.modifier));
            }
            if s.is_empty() {
                continue;
            }
            match runs.last_mut() {
                Some((_, end, style)) if *end + 1 == x && *style == s => *end = x,
                _ => runs.push((x, x, s)),
            }
        }
        if !runs.is_empty() {
            let r: Vec<String> = runs
                .iter()
                .map(|(a, b, s)| format!("{a}-{b} {}", s.trim()))
                .collect();
            out.push_str(&format!("{y:2}: {}\n", r.join(" | ")));
        }
    }
    out
}

#[test]
fn every_screen_at_every_size() {
    for (name, keys, start) in all_states() {
        let mut d = start(true);
        d.press(keys);
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), d.screen(w, h));
        }
    }
}

#[test]
fn colour_uses_only_the_16_basic_colours() {
    let basic = [
        Color::Reset,
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    for (name, keys, start) in all_states() {
        let mut d = start(true);
        d.press(keys);
        let t = d.draw(80, 24);
        for c in t.backend().buffer().content() {
            assert!(
                basic.contains(&c.fg) && basic.contains(&c.bg),
                "{name}: {:?} on {:?}",
                c.fg,
                c.bg
            );
        }
        insta::assert_snapshot!(format!("{name}_styles_colour"), style_runs(&t));
    }
}

#[test]
fn no_color_uses_no_colour_at_all_and_still_shows_focus() {
    for (name, keys, start) in all_states() {
        let mut d = start(false);
        d.press(keys);
        let t = d.draw(80, 24);
        let cells = t.backend().buffer().content();
        for c in cells {
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{name}");
        }
        // Meaning survives: something on screen is emphasised (focus, titles, keys).
        assert!(
            cells
                .iter()
                .any(|c| c.modifier.intersects(Modifier::BOLD | Modifier::REVERSED)),
            "{name}"
        );
        insta::assert_snapshot!(format!("{name}_styles_no_color"), style_runs(&t));
    }
}

#[test]
fn below_the_smallest_size_every_screen_says_how_big_it_must_be() {
    for (name, keys, start) in all_states() {
        let mut d = start(false);
        d.press(keys);
        for (w, h) in [(49, 24), (80, 15), (40, 12)] {
            let s = d
                .screen(w, h)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                s.contains(&format!(
                    "This terminal is {w}×{h}; stocktake needs at least 50×16."
                )),
                "{name} at {w}x{h}: {s}"
            );
            assert!(s.contains("Keys are paused"), "{name} at {w}x{h}: {s}");
        }
        let s = d.screen(50, 16);
        assert!(
            !s.contains("stocktake needs at least"),
            "{name} at 50x16: {s}"
        );
    }
    let mut d = driver(false);
    d.press("n");
    insta::assert_snapshot!("too_small_40x12", d.screen(40, 12));
    // At exactly the smallest size a live call works; a column or a row less, it says so.
    let mut d = driver(false);
    d.press("nSouth Sudan<C-s>1");
    insta::assert_snapshot!("interview_50x16", d.screen(50, 16));
    insta::assert_snapshot!("too_small_49x16", d.screen(49, 16));
    insta::assert_snapshot!("too_small_50x15", d.screen(50, 15));
}

#[test]
fn the_home_list_in_french() {
    let mut d = driver_with_campaign(false);
    d.app.ui = stocktake::i18n::UiLang::Fr;
    d.press("nIraq<C-s><esc>");
    let s = d.screen(80, 24);
    assert!(s.contains("RÉPONSE"), "{s}");
    assert!(s.contains("campagne\u{a0}:"), "{s}");
    assert!(!s.contains("RESPONSE"), "{s}");
    insta::assert_snapshot!("home_french_80x24", s);
    let mut d = driver(false);
    d.app.ui = stocktake::i18n::UiLang::Fr;
    assert!(
        d.screen(80, 24)
            .contains("Aucun entretien pour l'instant. Appuyez sur n pour commencer un appel.")
    );
    assert!(
        d.screen(40, 12)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("Ce terminal fait 40×12")
    );
}
