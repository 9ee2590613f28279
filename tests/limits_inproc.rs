//! Limits checked in this process: a 100 MB paste, a guide that is not UTF-8, a deeply
//! nested guide. (The 100 MB files are in `limits.rs`, alone, to measure memory.)

mod support;

const HUNDRED_MB: u64 = 100 * 1024 * 1024;

#[test]
fn a_hundred_megabyte_paste_keeps_what_fits_in_a_note() {
    use stocktake::tui::driver::Driver;
    let (_tc, clock) = support::TestClock::new();
    let store = stocktake::store::Store::open_in_memory(clock).expect("store");
    let mut d = Driver::new(
        store,
        stocktake::guide::Catalog::bundled(),
        "amina",
        stocktake::tui::theme::Theme { color: false },
    );
    d.press("nMali<C-s><tab>");
    d.paste(&"x".repeat(HUNDRED_MB as usize));
    let stocktake::tui::app::Screen::Interview(v) = &d.app.screen else {
        panic!("interview")
    };
    let s = d.store.load_session(&v.session().id).expect("stored");
    assert_eq!(
        s.answers["consent"].note.chars().count(),
        stocktake::session::MAX_TEXT_CHARS
    );
}

#[test]
fn a_guide_that_is_not_utf8_says_where() {
    let dir = tempfile::tempdir().expect("dir");
    let p = dir.path().join("latin1.toml");
    std::fs::write(&p, b"id = \"x\"\ntitle = \"C\xf4te d'Ivoire\"\n").expect("write");
    let e = stocktake::guide::load_guide_file(&p, stocktake::guide::Place::Flag)
        .expect_err("not utf-8");
    assert!(
        e.to_string()
            .ends_with("latin1.toml:2:11: the file is not UTF-8 text; save the guide as UTF-8"),
        "{e}"
    );
}

#[test]
fn a_deeply_nested_guide_is_refused_without_a_crash() {
    let text = format!(
        "id = \"x\"\nversion = \"1\"\ntitle = \"t\"\nv = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = stocktake::guide::parse_guide(&text, "deep.toml").expect_err("refused");
    assert!(e.to_string().starts_with("deep.toml:4:"), "{e}");
}
