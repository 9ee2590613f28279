//! What Python's own tools say: pyxform (`xls2xform`, what Kobo and ODK Central run)
//! converts every exported guide without a warning, and a workbook that msoffcrypto
//! really encrypted is refused. `#[ignore]`d, so a developer's `cargo test` does not
//! pretend to have run them: `.ci/run` installs the tools in a venv and runs
//! `cargo test --test xlsform -- --ignored needs_python::`.

use std::process::Command;

use stocktake::guide::Catalog;
use stocktake::xlsform::{export, write_xlsform};

use super::{stocktake, text};

#[test]
#[ignore = "needs pyxform (xls2xform)"]
fn every_shipped_guide_converts_with_pyxform_without_a_warning() {
    let dir = tempfile::tempdir().expect("dir");
    // And the test guide of exclusive options and options_from, which the shipped ones
    // may not use.
    let fewer = stocktake::guide::load_guide_file(
        &super::root().join("tests/fixtures/guides/fewer-keys.toml"),
        stocktake::guide::Place::Flag,
    )
    .expect("fixture");
    for g in Catalog::bundled().guides.iter().chain([&fewer]) {
        let xlsx = dir.path().join(format!("{}.xlsx", g.guide.id));
        let xml = dir.path().join(format!("{}.xml", g.guide.id));
        write_xlsform(&export(&g.guide), &xlsx).expect("write");
        let out = Command::new("xls2xform")
            .arg("--json")
            .arg(&xlsx)
            .arg(&xml)
            .output()
            .expect("xls2xform on PATH");
        // Its verdict is one JSON line, on stderr in pyxform 4.
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            out.status.success()
                && said.contains("\"code\": 100")
                && said.contains("\"warnings\": []"),
            "{}: {said}",
            g.guide.id,
        );
        let form = std::fs::read_to_string(&xml).expect("the XForm");
        for q in g.guide.questions() {
            assert!(
                form.contains(&format!("/{}\"", q.id)),
                "{} in the XForm",
                q.id
            );
        }
    }
}

#[test]
#[ignore = "needs msoffcrypto-tool"]
fn a_workbook_encrypted_by_msoffcrypto_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = dir.path().join("plain.xlsx");
    let g = Catalog::bundled();
    let g = &g.get("tip-indicators-labour").expect("bundled").guide;
    write_xlsform(&export(g), &plain).expect("write");
    let done = Command::new("msoffcrypto-tool")
        .args(["-e", "-p", "secret"])
        .arg(&plain)
        .arg(dir.path().join("locked.xlsx"))
        .status()
        .expect("msoffcrypto-tool on PATH");
    assert!(done.success());
    let out = stocktake(
        &["guide", "import", "locked.xlsx", "--out", "g.toml"],
        dir.path(),
    );
    assert_eq!(
        text(&out.stderr),
        "locked.xlsx: is password-protected (encrypted); open it in Excel or LibreOffice, remove the password, save it, and import it again\n\
         locked.xlsx: not imported: correct the form and import it again; nothing was written\n"
    );
}
