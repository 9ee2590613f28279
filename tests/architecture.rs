//! The dependency rule of `src/lib.rs`: domain modules never name the terminal, and each
//! module names (`crate::X`, `super::…::X`) only the modules its row of the doc comment's
//! table allows. The table is read from `src/lib.rs` itself, so the rule has one source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const DOMAIN: &[&str] = &[
    "guide", "session", "campaign", "store", "sync", "collate", "report",
];
const TERMINAL: &[&str] = &["ratatui", "crossterm", "ratatui_textarea"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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

/// Every source file of a top-level module (`src/X.rs` or `src/X/…`); none when the
/// module is listed but not there (yet).
fn module_files(module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&src().join(module), &mut files);
    let single = src().join(format!("{module}.rs"));
    if single.exists() {
        files.push(single);
    }
    files.sort();
    files
}

#[test]
fn domain_modules_do_not_depend_on_the_terminal() {
    let mut offenders = Vec::new();
    let mut checked = 0;
    for module in DOMAIN {
        for f in module_files(module) {
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
        src().display()
    );
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// What each module may name, from the table in `src/lib.rs`'s doc comment.
struct Rules {
    allowed: BTreeMap<String, BTreeSet<String>>,
    /// Leaves any module may name.
    open: BTreeSet<String>,
}

impl Rules {
    fn parse(lib: &str) -> Rules {
        let mut allowed = BTreeMap::new();
        let mut open = BTreeSet::new();
        for line in lib.lines().filter_map(|l| l.strip_prefix("//! |")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let (Some(module), Some(uses)) = (cells.first(), cells.get(1)) else {
                continue;
            };
            let module = module.trim_matches(|c| matches!(c, '[' | ']' | '`'));
            if module == "module" || module.starts_with("---") {
                continue;
            }
            if uses.contains("any module may use it") {
                open.insert(module.to_string());
            }
            let uses: BTreeSet<String> = uses
                .split(',')
                .map(str::trim)
                .filter(|u| u.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .filter(|u| !u.is_empty())
                .map(str::to_string)
                .collect();
            allowed.insert(module.to_string(), uses);
        }
        Rules { allowed, open }
    }

    fn may_use(&self, from: &str, to: &str) -> bool {
        from == to
            || self.open.contains(to)
            || self.allowed.get(from).is_some_and(|u| u.contains(to))
    }
}

/// The module path of a file under `src/`: `collate/db.rs` is `[collate, db]`, a
/// `mod.rs` is its folder.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The top-level modules a file's source names, each with its line: `crate::X`,
/// `crate::{X, Y}`, and `super::…::X` when the `super`s climb to the crate root.
fn named_modules(path: &[String], text: &str, modules: &BTreeSet<String>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        loop {
            // Whichever of the two comes first on the rest of the line.
            let (at, is_crate) = match (rest.find("crate::"), rest.find("super::")) {
                (Some(c), Some(s)) if s < c => (s, false),
                (Some(c), _) => (c, true),
                (None, Some(s)) => (s, false),
                (None, None) => break,
            };
            let preceded = rest[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            let mut tail = &rest[at..];
            let mut depth = 0;
            if is_crate {
                tail = &tail["crate::".len()..];
            } else {
                while let Some(t) = tail.strip_prefix("super::") {
                    depth += 1;
                    tail = t;
                }
            }
            rest = tail;
            if preceded {
                continue;
            }
            // A `super` chain names a top-level module only when it climbs to the root.
            if !is_crate && depth != path.len() {
                continue;
            }
            let names: Vec<&str> = match tail.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|g| g.trim().split("::").next().unwrap_or(""))
                    .collect(),
                None => vec![
                    tail.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or(""),
                ],
            };
            for name in names {
                if modules.contains(name) {
                    out.push((n + 1, name.to_string()));
                }
            }
        }
    }
    out
}

/// Every edge from `module`'s files that the rules do not allow.
fn violations(rules: &Rules, module: &str, files: &[(PathBuf, String)]) -> Vec<String> {
    let modules: BTreeSet<String> = rules.allowed.keys().cloned().collect();
    let mut out = Vec::new();
    for (rel, text) in files {
        for (line, to) in named_modules(&module_path(rel), text, &modules) {
            if !rules.may_use(module, &to) {
                out.push(format!(
                    "src/{}:{line}: {module} may not use {to}",
                    rel.display()
                ));
            }
        }
    }
    out
}

fn lib_rules() -> (Rules, String) {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("read lib.rs");
    (Rules::parse(&lib), lib)
}

fn sources(module: &str) -> Vec<(PathBuf, String)> {
    module_files(module)
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("read source");
            (
                f.strip_prefix(src()).expect("under src").to_path_buf(),
                text,
            )
        })
        .collect()
}

#[test]
fn the_table_names_every_module_of_lib_rs() {
    let (rules, lib) = lib_rules();
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').to_string())
        .collect();
    assert!(declared.len() > 5, "{declared:?}");
    let listed: BTreeSet<String> = rules.allowed.keys().cloned().collect();
    let missing: Vec<_> = declared.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "lib.rs's table does not list {missing:?}"
    );
    for (module, uses) in &rules.allowed {
        for u in uses {
            assert!(
                listed.contains(u),
                "{module} may use {u}, which the table does not list"
            );
        }
    }
}

#[test]
fn every_crate_path_follows_the_dependency_rule() {
    let (rules, _) = lib_rules();
    let mut offenders = Vec::new();
    let mut checked = 0;
    for module in rules.allowed.keys() {
        let files = sources(module);
        checked += files.len();
        offenders.extend(violations(&rules, module, &files));
    }
    assert!(checked > 20, "only {checked} files checked");
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// The bug: collate built `crate::report::Answer` while report imports collate.
#[test]
fn collate_does_not_depend_on_report() {
    let (rules, _) = lib_rules();
    assert!(!rules.may_use("collate", "report"));
    let files = sources("collate");
    assert!(!files.is_empty());
    let v = violations(&rules, "collate", &files);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

/// The checker itself, on sources made up for it: the edges `interview` is meant to
/// have pass, the two it must never have fail, and every way of naming a module counts.
#[test]
fn the_checker_catches_forbidden_edges() {
    let (rules, _) = lib_rules();
    let file = |path: &str, text: &str| vec![(PathBuf::from(path), text.to_string())];
    let ok = file(
        "interview/state.rs",
        "use crate::guide::Guide;\nuse crate::store::{Store, StoreError};\nuse crate::{session, sync};\n",
    );
    assert_eq!(violations(&rules, "interview", &ok), Vec::<String>::new());
    let bad = file("store/mod.rs", "use crate::interview::Interview;\n");
    assert_eq!(
        violations(&rules, "store", &bad),
        ["src/store/mod.rs:1: store may not use interview"]
    );
    let bad = file("interview/mod.rs", "fn f() { crate::tui::run(); }\n");
    assert_eq!(violations(&rules, "interview", &bad).len(), 1);
    // From src/collate/query.rs, super::super:: is the crate root; from
    // src/collate/mod.rs one super:: is.
    let bad = file(
        "collate/query.rs",
        "use super::super::report::Answer;\nuse super::db::X;\n",
    );
    assert_eq!(
        violations(&rules, "collate", &bad),
        ["src/collate/query.rs:1: collate may not use report"]
    );
    let bad = file("collate/mod.rs", "use super::report;\n");
    assert_eq!(violations(&rules, "collate", &bad).len(), 1);
    let bad = file("session/x.rs", "use crate::{guide::Guide, store::Store};\n");
    assert_eq!(
        violations(&rules, "session", &bad),
        ["src/session/x.rs:1: session may not use store"]
    );
    // The leaves are open to all; comments and longer names do not count.
    let fine = file(
        "guide/x.rs",
        "use crate::neutralise;\n// crate::store in a comment\nlet t = my_crate::store::x;\n",
    );
    assert_eq!(violations(&rules, "guide", &fine), Vec::<String>::new());
}
