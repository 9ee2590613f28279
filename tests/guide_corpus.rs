//! Every broken guide in `tests/fixtures/broken-guides/` must be refused with exactly the
//! `line:col: message` lines of its `.expected` file: the messages are the guide author's
//! only help, so a change to any of them is a deliberate, reviewed change.

use std::path::Path;

use stocktake::guide::{LoadError, Place, load_guide_file};

#[test]
fn every_broken_guide_gives_its_expected_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-guides");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "the corpus must hold at least 20 broken guides"
    );
    let mut mismatches = Vec::new();
    for f in &files {
        let expected = std::fs::read_to_string(f.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has no .expected file", f.display()));
        let got = match load_guide_file(f, Place::Flag) {
            Ok(_) => "(accepted)\n".to_string(),
            Err(LoadError::Invalid(errors)) => {
                let mut s = String::new();
                for p in &errors.problems {
                    s.push_str(&format!("{}:{}: {}\n", p.line, p.col, p.message));
                }
                s
            }
            Err(other) => format!("(unexpected error) {other}\n"),
        };
        if got != expected {
            mismatches.push(format!(
                "{}\n--- expected\n{expected}--- got\n{got}",
                f.display()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_problem_is_on_a_line_that_exists() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-guides");
    for e in std::fs::read_dir(&dir).expect("fixture folder").flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let lines = std::fs::read_to_string(&path)
            .expect("read")
            .lines()
            .count();
        if let Err(LoadError::Invalid(errors)) = load_guide_file(&path, Place::Flag) {
            for p in errors.problems {
                assert!(
                    p.line >= 1 && p.line <= lines + 1,
                    "{}: line {}",
                    path.display(),
                    p.line
                );
                assert!(p.col >= 1);
            }
        }
    }
}

#[test]
fn the_example_in_the_guide_format_doc_loads() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide-format.md"))
            .expect("read doc");
    let start = doc.find("```toml\nid = ").expect("the complete example") + "```toml\n".len();
    let len = doc[start..].find("```").expect("end of the example");
    let g = stocktake::guide::parse_guide(&doc[start..start + len], "docs/guide-format.md")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(g.id, "water-point-survey");
    assert_eq!(g.question_count(), 4);
}
