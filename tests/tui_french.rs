//! The screens in French, drawn into a `TestBackend` and compared with reviewed
//! snapshots: the program's words from `src/i18n/fr*.ftl`. English is in
//! `tui_snapshots.rs`; these are the same kinds of state with longer words, so a French
//! label that would be cut shows here, at 80×24 and at the smallest common size, 60×20.

mod support;

use stocktake::guide::Catalog;
use stocktake::i18n::UiLang;
use stocktake::store::Store;
use stocktake::tui::driver::Driver;
use stocktake::tui::theme::Theme;
use support::TestClock;

/// No language chosen and a French locale: the list and the form in French, and a call
/// held in French (`<S-tab><right>` on the form) in French too.
fn french() -> Driver {
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    d.app.ui = UiLang::Fr;
    d.app.ui_follows_call = true;
    d
}

/// A call in French on South Sudan, then `keys`.
const CALL: &str = "n<S-tab><right><tab>Soudan du Sud<C-s>";

fn states() -> Vec<(&'static str, String)> {
    vec![
        ("form_new", "n".to_string()),
        // The call held in French: the guide's title and its respondent types in French.
        ("form_call_in_french", "n<S-tab><right>".to_string()),
        // Refused: the errors beside their fields.
        (
            "form_errors",
            "n<tab><space><tab><tab><tab><space><C-s>".to_string(),
        ),
        ("interview_choice", format!("{CALL}1<C-f>mécanisme<enter>")),
        // A multiple choice with Other chosen and its specify field typed in.
        (
            "interview_multi_other",
            format!("{CALL}<C-f>perçue<enter>138réseaux de mendicité"),
        ),
        ("review", format!("{CALL}1<A-r>")),
        ("read_back", format!("{CALL}12<A-r>b")),
        ("help_interview", format!("{CALL}?")),
        (
            "dialog_complete",
            format!("{CALL}1<C-f>Globalement<enter>1<pgup><A-r>c"),
        ),
        (
            "notes_pad",
            format!("{CALL}<C-g>Mentionne une ligne d'écoute."),
        ),
        // Empty: its placeholder, drawn in the language of the moment.
        ("notes_pad_empty", format!("{CALL}<C-g>")),
        // The participants' roles are the program's words, not the guide's.
        ("call_details", format!("{CALL}<A-c>")),
        // The check before sending: what it found, in words.
        (
            "guard",
            format!(
                "{CALL}<C-g>Rappeler au +211 912 345 678<esc>1<C-f>Globalement<enter>1<pgup><A-r>c"
            ),
        ),
    ]
}

#[test]
fn every_french_screen_at_80x24_and_60x20() {
    for (name, keys) in states() {
        let mut d = french();
        d.press(&keys);
        for (w, h) in [(80, 24), (60, 20)] {
            insta::assert_snapshot!(format!("{name}_fr_{w}x{h}"), d.screen(w, h));
        }
    }
}

#[test]
fn no_english_is_left_on_the_interview_screen() {
    let mut d = french();
    d.press(&format!("{CALL}1"));
    let s = d.screen(80, 24);
    for english in ["Answer", "saved", " of ", "required", "help", "next"] {
        assert!(!s.contains(english), "{english:?} in:\n{s}");
    }
    assert!(s.contains("✓ enregistré"), "{s}");
}

/// The notes pad's refusals are French too: Alt-W with no note chosen.
#[test]
fn the_notes_pad_says_what_to_do_first_in_french() {
    let mut d = french();
    d.press(&format!("{CALL}<C-g><A-w>"));
    let s = d.screen(80, 24);
    assert!(
        s.contains("Choisissez d'abord une note (↑), puis Alt-W dit qui l'a dite"),
        "{s}"
    );
    assert!(!s.contains("Select a note"), "{s}");
}

/// Who said an answer is named in French: the participant's role as the new-call form
/// names it, not the English of the session file's table.
#[test]
fn who_said_it_is_named_in_french() {
    let mut d = french();
    d.press(&format!("{CALL}11<A-w>"));
    let s = d.screen(80, 24);
    assert!(s.contains("Coordinateur du Cluster Protection"), "{s}");
    assert!(!s.contains("Protection Cluster Coordinator"), "{s}");
    // The definition explained on a question not answered yet: "rien encore" kept.
    let mut d = french();
    d.press(&format!("{CALL}1<A-b>"));
    let s = d.screen(80, 24);
    assert!(s.contains("(rien encore)"), "{s}");
    assert!(!s.contains("nothing yet"), "{s}");
}

/// The Plan screen in French: a campaign of two targets, one logged as "call back".
#[test]
fn the_plan_screen_in_french() {
    let (_tc, clock) = TestClock::new();
    let mut store = Store::open_in_memory(clock).expect("store");
    let csv = "response,structure,coordinator,organisation,contact,timezone,language\n\
Mali,protection_cluster,Awa,UNHCR,+223 20 00 00 00,Africa/Bamako,fr\n\
Mali,cp_aor,Moussa,UNICEF,moussa@example.org,Africa/Bamako,fr\n";
    let targets = stocktake::campaign::parse_campaign(csv.as_bytes(), "c.csv").expect("campaign");
    store.import_campaign(&targets, None).expect("import");
    let mut d = Driver::new(store, Catalog::bundled(), "amina", Theme { color: false });
    d.app.ui = UiLang::Fr;
    d.press("po4");
    let s = d.screen(80, 24);
    assert!(s.contains("CIBLE"), "{s}");
    insta::assert_snapshot!("plan_fr_80x24", s);
    d.press("o");
    insta::assert_snapshot!("plan_log_fr_80x24", d.screen(80, 24));
}

/// A second stocktake opening a session the first holds: the dialog's words are French,
/// and so are those around who holds it (its user, process and host are data).
#[test]
fn a_session_open_elsewhere_says_so_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let (_tc, clock) = TestClock::new();
    let (a_store, _) = Store::open(dir.path(), clock.clone()).expect("a");
    let mut a = Driver::new(a_store, Catalog::bundled(), "amina", Theme { color: false });
    a.press("nIraq<C-s>");
    let (b_store, _) = Store::open(dir.path(), clock).expect("b");
    let mut b = Driver::new(b_store, Catalog::bundled(), "amina", Theme { color: false });
    b.app.ui = UiLang::Fr;
    b.press("<enter>");
    let body = b
        .app
        .dialog
        .as_ref()
        .map(|d| d.body.in_lang(UiLang::Fr))
        .unwrap_or_default();
    assert!(
        body.starts_with("Cette session est en cours de modification par "),
        "{body}"
    );
    assert!(body.contains(" (processus "), "{body}");
    assert!(body.contains(") depuis le 2018-03-14 09:00 UTC."), "{body}");
    assert!(!body.contains("since"), "{body}");
}

/// A guide from outside stocktake, in a French form: the dialog is French, the guide's id,
/// where it comes from and its recipients are data.
#[test]
fn a_guide_from_outside_stocktake_is_asked_about_in_french() {
    let planted = tempfile::tempdir().expect("cwd");
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("interview-guides/gpc-attt-coordinator.toml"),
    )
    .expect("bundled guide");
    let changed = source.replacen("\n[[sections]]", "\n# changed\n[[sections]]", 1);
    std::fs::write(planted.path().join("gpc-attt-coordinator.toml"), changed).expect("plant");
    let catalog = Catalog::discover(&stocktake::guide::GuideDirs {
        flag: Vec::new(),
        project: Some(planted.path().to_path_buf()),
        config: None,
    });
    let (_tc, clock) = TestClock::new();
    let store = Store::open_in_memory(clock).expect("store");
    let mut d = Driver::new(store, catalog, "amina", Theme { color: false });
    d.app.ui = UiLang::Fr;
    d.press("nMali<C-s>");
    let s = d.screen(100, 30);
    assert!(s.contains("Un guide venu d'ailleurs que stocktake"), "{s}");
    assert!(s.contains("Il remplace le guide fourni"), "{s}");
    assert!(s.contains("u l'utiliser"), "{s}");
    assert!(!s.contains("comes from"), "{s}");
}
