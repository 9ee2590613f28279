//! The files analysts load beside `long.csv` / `wide.csv`: the Frictionless
//! `datapackage.json`, the HXL row, Stata's `wide.do` and SPSS's `wide.sps`, from a real
//! collation through the real binary. Each must declare every column and every label;
//! `needs_python` has frictionless validate the package against the CSVs.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn stocktake(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stocktake"))
        .args(args)
        .current_dir(dir)
        .env("STOCKTAKE_CONFIG", dir.join("no-config.toml"))
        .env("STOCKTAKE_DATA_DIR", dir.join("data"))
        .output()
        .expect("run stocktake");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A report folder from the v1 session-file fixtures (both shipped guides).
fn report(dir: &Path, extra: &[&str]) -> std::path::PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-files/v1");
    for e in std::fs::read_dir(&fixtures).expect("fixtures").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") {
            std::fs::copy(e.path(), dir.join(&name)).expect("copy");
        }
    }
    let (code, _, err) = stocktake(dir, &["collate", "--db", "c.db", "."]);
    assert_eq!(code, 0, "{err}");
    let mut args = vec!["report", "--db", "c.db", "--out", "r", "--format", "csv"];
    args.extend(extra);
    let (code, _, err) = stocktake(dir, &args);
    assert_eq!(code, 0, "{err}");
    dir.join("r")
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .expect("csv");
    r.records()
        .map(|x| x.expect("row").iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_datapackage_describes_every_column_of_every_table() {
    let dir = tempfile::tempdir().expect("dir");
    let out = report(dir.path(), &[]);
    let package: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("datapackage.json")).expect("written"),
    )
    .expect("json");
    let resources = package["resources"].as_array().expect("resources");
    assert_eq!(resources.len(), 4, "long and wide of each guide");
    for r in resources {
        let path = out.join(r["path"].as_str().expect("path"));
        let header = &csv_rows(&path)[0];
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["name"].as_str().expect("name"))
            .collect();
        assert_eq!(&fields, header, "{}", path.display());
        let mut unique = fields.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            fields.len(),
            "{}: one name, one column",
            path.display()
        );
    }
    let wide = resources
        .iter()
        .find(|r| r["path"] == "wide_gpc-attt-coordinator.csv")
        .expect("wide");
    let missing: Vec<&str> = wide["schema"]["missingValues"]
        .as_array()
        .expect("mv")
        .iter()
        .map(|v| v.as_str().expect("s"))
        .collect();
    assert_eq!(
        missing,
        [
            "",
            "[dont_know]",
            "[declined]",
            "[not_asked]",
            "[hidden]",
            "[sensitive]"
        ]
    );
    let field = |name: &str| {
        wide["schema"]["fields"]
            .as_array()
            .expect("f")
            .iter()
            .find(|f| f["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    let engagement = field("tip_engagement");
    assert_eq!(engagement["constraints"]["enum"][0], "mechanism_in_place");
    assert_eq!(
        engagement["categories"][0]["label"],
        "Mechanisms in place, e.g. a TIP working group"
    );
    assert_eq!(
        field("consent.answer")["constraints"]["enum"],
        serde_json::json!(["yes", "no"])
    );
    assert_eq!(field("tip_forms.forced_labour")["type"], "integer");
    assert_eq!(field("revision")["type"], "integer");
}

#[test]
fn the_hxl_row_sits_under_the_header_of_the_wide_tables() {
    let dir = tempfile::tempdir().expect("dir");
    let out = report(dir.path(), &["--hxl"]);
    let rows = csv_rows(&out.join("wide_tip-indicators-labour.csv"));
    let tag = |col: &str| rows[1][rows[0].iter().position(|h| h == col).expect("col")].clone();
    assert_eq!(tag("response"), "#country+name");
    assert_eq!(tag("structure"), "#org+type+code");
    assert_eq!(tag("completed_at"), "#date+completed");
    assert_eq!(
        tag("approached_offers"),
        "",
        "no hxl key on the question: no tag"
    );
    assert!(rows.len() > 2, "the data follow");
    let long = csv_rows(&out.join("long_tip-indicators-labour.csv"));
    assert!(
        !long[1][0].starts_with('#'),
        "the long table has no HXL row"
    );
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("datapackage.json")).expect("json"))
            .expect("json");
    let wide = package["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["path"] == "wide_tip-indicators-labour.csv")
        .cloned()
        .expect("wide");
    assert_eq!(
        wide["dialect"]["commentRows"],
        serde_json::json!([2]),
        "a reader skips the HXL row"
    );
    let stata = std::fs::read_to_string(out.join("wide_tip-indicators-labour.do")).expect("do");
    assert!(stata.contains("rowrange(3)"), "Stata skips the HXL row");
    let spss = std::fs::read_to_string(out.join("wide_tip-indicators-labour.sps")).expect("sps");
    assert!(spss.contains("/FIRSTCASE=3"), "SPSS skips the HXL row");
}

#[test]
fn stata_and_spss_declare_every_variable_and_label() {
    let dir = tempfile::tempdir().expect("dir");
    let out = report(dir.path(), &[]);
    let catalog = stocktake::guide::Catalog::bundled();
    for id in ["gpc-attt-coordinator", "tip-indicators-labour"] {
        let header = &csv_rows(&out.join(format!("wide_{id}.csv")))[0];
        let stata = std::fs::read_to_string(out.join(format!("wide_{id}.do"))).expect("do");
        let spss = std::fs::read_to_string(out.join(format!("wide_{id}.sps"))).expect("sps");
        assert!(
            stata.contains(&format!("import delimited using `\"wide_{id}.csv\"'")),
            "{stata}"
        );
        assert!(spss.contains(&format!("/FILE='wide_{id}.csv'")));
        let guide = &catalog.get(id).expect("bundled").guide;
        for (i, col) in header.iter().enumerate() {
            let var: String = col
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let var = if var.starts_with(|c: char| c.is_ascii_digit()) {
                format!("q{var}")
            } else {
                var
            };
            let stata_var: String = var.chars().take(32).collect();
            assert!(
                stata.contains(&format!("rename v{} {stata_var}\n", i + 1)),
                "{id}: Stata names {col}"
            );
            assert!(
                stata.contains(&format!("label variable {stata_var} `\"")),
                "{id}: Stata labels {col}"
            );
            assert!(
                spss.contains(&format!("    v{} A32767", i + 1)),
                "{id}: SPSS reads {col}"
            );
            assert!(
                spss.contains(&format!("VARIABLE LABELS {var} '")),
                "{id}: SPSS labels {col}"
            );
        }
        for q in guide
            .questions()
            .filter(|q| q.kind == stocktake::guide::QuestionType::Single)
        {
            let var = q.id.replace('-', "_");
            let var = if var == "consent" {
                "consent_answer".to_string()
            } else {
                var
            };
            let stata_var: String = var.chars().take(32).collect();
            let define = stata
                .lines()
                .find(|l| l.starts_with(&format!("label define {stata_var}_l ")))
                .unwrap_or_else(|| panic!("{id}: {var}"));
            let values = spss
                .lines()
                .find(|l| l.starts_with(&format!("VALUE LABELS {var} ")))
                .unwrap_or_else(|| panic!("{id}: {var}"));
            for (n, o) in q.options.iter().enumerate() {
                let label = o.label.get("en", "en");
                let short: String = label.chars().take(80).collect();
                assert!(
                    define.contains(&format!(" {} `\"{short}\"'", n + 1)),
                    "{id}: {var} {label}"
                );
                assert!(
                    values.contains(&format!(" {} '{}'", n + 1, label.replace('\'', "''"))),
                    "{id}: {var} {label}"
                );
                assert!(stata.contains(&format!(
                    "replace _stk = {} if {stata_var} == `\"{}\"'",
                    n + 1,
                    o.value
                )));
            }
            for code in [
                ".a `\"Don't know\"'",
                ".b `\"Declined\"'",
                ".c `\"Not asked\"'",
            ] {
                assert!(define.contains(code), "{id}: {var} {code}");
            }
            for code in ["-97 'Don''t know'", "-98 'Declined'", "-99 'Not asked'"] {
                assert!(values.contains(code), "{id}: {var} {code}");
            }
            assert!(spss.contains(&format!("MISSING VALUES {var} (-99 THRU -95).")));
        }
    }
}

mod needs_python {
    use super::*;

    #[test]
    #[ignore = "needs frictionless"]
    fn frictionless_validates_the_package_with_and_without_hxl() {
        for extra in [&[][..], &["--hxl"][..]] {
            let dir = tempfile::tempdir().expect("dir");
            let out = report(dir.path(), extra);
            let run = Command::new("frictionless")
                .args(["validate", "--json", "datapackage.json"])
                .current_dir(&out)
                .output()
                .expect("frictionless on PATH");
            let said = String::from_utf8_lossy(&run.stdout);
            let report: Value =
                serde_json::from_str(&said).unwrap_or_else(|e| panic!("{e}: {said}"));
            assert_eq!(report["valid"], true, "{extra:?}: {said}");
        }
    }
}
