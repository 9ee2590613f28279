//! The dependency rule of `src/lib.rs`: domain modules never name the terminal.

use std::path::Path;

const DOMAIN: &[&str] = &["guide", "session", "store", "sync", "collate", "report"];
const TERMINAL: &[&str] = &["ratatui", "crossterm", "ratatui_textarea"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn domain_modules_do_not_depend_on_the_terminal() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut checked = 0;
    for module in DOMAIN {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        let single = src.join(format!("{module}.rs"));
        if single.exists() {
            files.push(single);
        }
        for f in files {
            checked += 1;
            let text = std::fs::read_to_string(&f).expect("read source");
            for (n, line) in text.lines().enumerate() {
                if TERMINAL.iter().any(|t| line.contains(t)) {
                    offenders.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        checked > 0,
        "no domain module found under {}",
        src.display()
    );
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
