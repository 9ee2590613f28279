//! Bad workbooks: each refused with a message naming the file, the sheet and the row, and
//! nothing written.

use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::{stocktake, text, workbook};

fn survey_head() -> Vec<&'static str> {
    vec!["type", "name", "label"]
}

/// Import `form` in `dir`; the exact stderr, and that nothing was written.
fn refused(dir: &Path, form: &str) -> String {
    let out = stocktake(&["guide", "import", form, "--out", "g.toml"], dir);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(!dir.join("g.toml").exists(), "nothing is written");
    text(&out.stderr)
}

fn not_imported(form: &str) -> String {
    format!("{form}: not imported: correct the form and import it again; nothing was written\n")
}

#[test]
fn merged_cells_are_refused_by_row() {
    let dir = tempfile::tempdir().expect("dir");
    let mut book = Workbook::new();
    let s = book.add_worksheet().set_name("survey").expect("name");
    for (c, h) in survey_head().iter().enumerate() {
        s.write_string(0, c as u16, *h).expect("cell");
    }
    s.write_string(1, 0, "text").expect("cell");
    s.write_string(1, 1, "q1").expect("cell");
    s.merge_range(
        2,
        0,
        2,
        2,
        "Section heading",
        &rust_xlsxwriter::Format::new(),
    )
    .expect("merge");
    book.save(dir.path().join("merged.xlsx")).expect("save");
    assert_eq!(
        refused(dir.path(), "merged.xlsx"),
        format!(
            "merged.xlsx:survey:3: cells A3:C3 are merged; XLSForm reads one value per cell: unmerge them and fill each cell\n{}",
            not_imported("merged.xlsx")
        )
    );
}

#[test]
fn formulas_are_refused_by_cell() {
    let dir = tempfile::tempdir().expect("dir");
    let mut book = Workbook::new();
    let s = book.add_worksheet().set_name("survey").expect("name");
    for (c, h) in survey_head().iter().enumerate() {
        s.write_string(0, c as u16, *h).expect("cell");
    }
    s.write_string(1, 0, "text").expect("cell");
    s.write_string(1, 1, "q1").expect("cell");
    s.write_formula(1, 2, "=CONCATENATE(\"Name of \", \"head\")")
        .expect("formula");
    book.save(dir.path().join("formula.xlsx")).expect("save");
    assert_eq!(
        refused(dir.path(), "formula.xlsx"),
        format!(
            "formula.xlsx:survey:2: cell C2 holds a formula (=CONCATENATE(\"Name of \", \"head\")); XLSForm reads the cell's text: replace the formula by its value\n{}",
            not_imported("formula.xlsx")
        )
    );
}

#[test]
fn empty_rows_are_skipped_and_rows_keep_their_numbers() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(
        &dir.path().join("gaps.xlsx"),
        &[(
            "survey",
            vec![
                vec![],
                survey_head(),
                vec![],
                vec!["text", "q1", "First"],
                vec![],
                vec![],
                vec!["integer", "q1", "Again"],
            ],
        )],
    );
    assert_eq!(
        refused(dir.path(), "gaps.xlsx"),
        format!(
            "gaps.xlsx:survey:7: name `q1` is used twice (first on row 4); every name must be unique\n{}",
            not_imported("gaps.xlsx")
        )
    );
}

#[test]
fn languages_the_form_does_not_name_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(
        &dir.path().join("langs.xlsx"),
        &[
            (
                "survey",
                vec![
                    vec![
                        "type",
                        "name",
                        "label::English (en)",
                        "label::Deutsch",
                        "hint::Spanish (es)",
                    ],
                    vec!["text", "q1", "First", "Erste", "Primero"],
                ],
            ),
            (
                "settings",
                vec![vec!["default_language"], vec!["French (fr)"]],
            ),
        ],
    );
    assert_eq!(
        refused(dir.path(), "langs.xlsx"),
        format!(
            "langs.xlsx:survey:1: column `label::Deutsch` does not name its language's code; write it as `label::Deutsch (xx)` with the code, e.g. `label::English (en)`\n\
             langs.xlsx:settings:2: default_language `French (fr)` has no label column; the labels are in English (en): name one of them\n\
             langs.xlsx:survey:1: column `hint::Spanish (es)` is in a language no label column has; add its labels or remove the column\n{}",
            not_imported("langs.xlsx")
        )
    );
}

#[test]
fn duplicate_names_and_undefined_lists_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(
        &dir.path().join("dups.xlsx"),
        &[
            (
                "survey",
                vec![
                    survey_head(),
                    vec!["select_one colours", "fav", "Favourite colour"],
                    vec!["select_one sizes", "size", "Size"],
                    vec!["text", "fav", "Again"],
                ],
            ),
            (
                "choices",
                vec![
                    vec!["list_name", "name", "label"],
                    vec!["colours", "red", "Red"],
                    vec!["colours", "red", "Rouge"],
                ],
            ),
        ],
    );
    assert_eq!(
        refused(dir.path(), "dups.xlsx"),
        format!(
            "dups.xlsx:choices:3: choice `red` is in list `colours` twice (first on row 2); names must be unique within a list\n{}",
            not_imported("dups.xlsx")
        ),
        "the choices are read first: a list in doubt is not used"
    );
    workbook(
        &dir.path().join("lists.xlsx"),
        &[
            (
                "survey",
                vec![
                    survey_head(),
                    vec!["select_one colours", "fav", "Favourite colour"],
                    vec!["select_multiple sizes", "size", "Size"],
                    vec!["text", "fav", "Again"],
                ],
            ),
            (
                "choices",
                vec![
                    vec!["list_name", "name", "label"],
                    vec!["colours", "red", "Red"],
                ],
            ),
        ],
    );
    assert_eq!(
        refused(dir.path(), "lists.xlsx"),
        format!(
            "lists.xlsx:survey:3: `select_multiple sizes`: the list `sizes` is not on the choices sheet; add its choices there (list_name `sizes`)\n\
             lists.xlsx:survey:4: name `fav` is used twice (first on row 2); every name must be unique\n{}",
            not_imported("lists.xlsx")
        )
    );
}

#[test]
fn a_ten_thousand_row_choices_sheet_is_read_and_its_long_list_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let names: Vec<String> = (0..10_000).map(|i| format!("village_{i}")).collect();
    let mut choices = vec![vec!["list_name", "name", "label"]];
    choices.extend(
        names
            .iter()
            .map(|n| vec!["villages", n.as_str(), n.as_str()]),
    );
    workbook(
        &dir.path().join("big.xlsx"),
        &[
            (
                "survey",
                vec![
                    survey_head(),
                    vec!["select_one villages", "village", "Village"],
                ],
            ),
            ("choices", choices),
        ],
    );
    let started = std::time::Instant::now();
    let err = refused(dir.path(), "big.xlsx");
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert_eq!(
        err,
        format!(
            "big.xlsx:choices:1002: the list `villages` has 10000 choices, more than the 1000 a guide's question may offer; ask it as a text question instead\n{}",
            not_imported("big.xlsx")
        )
    );
}

#[test]
fn files_that_are_not_xlsx_are_told_for_what_they_are() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    std::fs::write(d.join("form.csv"), "type,name,label\ntext,q1,First\n").expect("write");
    std::fs::write(d.join("empty.xlsx"), "").expect("write");
    std::fs::write(d.join("zip.xlsx"), b"PK\x03\x04 not really a zip").expect("write");
    // An encrypted workbook is a compound file with an EncryptionInfo stream: its
    // signature and that stream's UTF-16 name are what tell it apart.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.resize(512, 0);
    encrypted.extend(
        "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    std::fs::write(d.join("locked.xlsx"), &encrypted).expect("write");
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.resize(512, 0);
    xls.extend("Workbook".encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(d.join("old.xls"), &xls).expect("write");
    let cases = [
        (
            "form.csv",
            "form.csv: is not an XLSX workbook (it does not start as a ZIP file does); an XLSForm is an .xlsx workbook",
        ),
        (
            "empty.xlsx",
            "empty.xlsx: is empty; an XLSForm is an .xlsx workbook",
        ),
        (
            "locked.xlsx",
            "locked.xlsx: is password-protected (encrypted); open it in Excel or LibreOffice, remove the password, save it, and import it again",
        ),
        (
            "old.xls",
            "old.xls: is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx",
        ),
        (
            "missing.xlsx",
            "missing.xlsx: cannot read it: No such file or directory (os error 2)",
        ),
    ];
    for (form, message) in cases {
        assert_eq!(
            refused(d, form),
            format!("{message}\n{}", not_imported(form)),
            "{form}"
        );
    }
    let zip = refused(d, "zip.xlsx");
    assert!(
        zip.starts_with("zip.xlsx: is a ZIP file but not an XLSX workbook ("),
        "{zip}"
    );
}

#[test]
fn a_form_without_a_survey_sheet_or_its_columns_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(
        &dir.path().join("nosurvey.xlsx"),
        &[("Sheet1", vec![survey_head()])],
    );
    assert_eq!(
        refused(dir.path(), "nosurvey.xlsx"),
        format!(
            "nosurvey.xlsx: has no `survey` sheet (its sheets: Sheet1); an XLSForm has a survey sheet, and usually choices and settings\n{}",
            not_imported("nosurvey.xlsx")
        )
    );
    workbook(
        &dir.path().join("nocols.xlsx"),
        &[("survey", vec![vec!["kind", "label"], vec!["text", "Q"]])],
    );
    assert_eq!(
        refused(dir.path(), "nocols.xlsx"),
        format!(
            "nocols.xlsx:survey:1: the survey sheet needs `type` and `name` columns\n{}",
            not_imported("nocols.xlsx")
        )
    );
}

/// A form's mistakes in French, each at the same `FILE:sheet:ROW:` as in English.
#[test]
fn a_forms_mistakes_are_refused_in_french_at_the_same_places() {
    let dir = tempfile::tempdir().expect("dir");
    workbook(
        &dir.path().join("lists.xlsx"),
        &[
            (
                "survey",
                vec![
                    survey_head(),
                    vec!["select_one colours", "fav", "Favourite colour"],
                    vec!["select_multiple sizes", "size", "Size"],
                    vec!["text", "fav", "Again"],
                    vec!["begin_group", "g", "Group"],
                    vec!["text", "t", ""],
                ],
            ),
            (
                "choices",
                vec![
                    vec!["list_name", "name", "label"],
                    vec!["colours", "red", "Red"],
                ],
            ),
        ],
    );
    let out = stocktake(
        &[
            "--ui-language",
            "fr",
            "guide",
            "import",
            "lists.xlsx",
            "--out",
            "g.toml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("g.toml").exists(), "nothing is written");
    let err = text(&out.stderr);
    for want in [
        "lists.xlsx:survey:3: `select_multiple sizes`\u{a0}: la liste `sizes` n'est pas sur la feuille choices\u{a0}; ajoutez-y ses choix (list_name `sizes`)\n",
        "lists.xlsx:survey:4: le nom `fav` sert deux fois (d'abord à la ligne 2)\u{a0}; chaque nom doit être unique\n",
        "lists.xlsx:survey:6: la question `t` n'a pas de libellé\n",
        "lists.xlsx:survey:5: le groupe `g` n'est jamais fermé\u{a0}; ajoutez une ligne end_group\n",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    for english in [
        "is not on the choices sheet",
        "is used twice",
        "has no label",
        "never closed",
    ] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    // What the workbook reader finds in the file itself, in French too.
    std::fs::write(dir.path().join("form.xlsx"), "type,name\n").expect("csv");
    let out = stocktake(
        &[
            "--ui-language",
            "fr",
            "guide",
            "import",
            "form.xlsx",
            "--out",
            "g.toml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "form.xlsx\u{a0}: n'est pas un classeur XLSX (il ne commence pas comme un fichier ZIP)"
        ),
        "{err}"
    );
}
