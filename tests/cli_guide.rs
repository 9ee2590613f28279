//! `stocktake guide list` and `stocktake guide check`, run as the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn stocktake(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(cwd)
        // Keep the user's own config dir out of the test.
        .env("XDG_CONFIG_HOME", cwd.join("no-config"))
        .env("HOME", cwd)
        .output()
        .expect("run stocktake")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shipped_guides_pass_check() {
    let out = stocktake(
        &[
            "guide",
            "check",
            "interview-guides/gpc-attt-coordinator.toml",
            "interview-guides/tip-indicators-labour.toml",
            "interview-guides/retired/gpc-attt-coordinator-1.toml",
            "interview-guides/retired/gpc-attt-coordinator-2.toml",
        ],
        root(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("gpc-attt-coordinator.toml: ok: gpc-attt-coordinator version 3"));
    assert!(stdout.contains("tip-indicators-labour.toml: ok: tip-indicators-labour version 1"));
    assert!(stdout.contains("gpc-attt-coordinator-1.toml: ok: gpc-attt-coordinator version 1"));
    assert!(stdout.contains("gpc-attt-coordinator-2.toml: ok: gpc-attt-coordinator version 2"));
}

#[test]
fn check_prints_compiler_style_errors_and_exits_1() {
    let out = stocktake(
        &[
            "guide",
            "check",
            "interview-guides/tip-indicators-labour.toml",
            "tests/fixtures/broken-guides/28-several-problems.toml",
        ],
        root(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[0],
        "tests/fixtures/broken-guides/28-several-problems.toml:14:1: unknown key `requried` in a question; did you mean `required`?"
    );
    assert_eq!(lines.len(), 6, "five problems and a summary line: {stderr}");
    assert_eq!(lines[5], "1 of 2 guide files refused");
}

#[test]
fn check_reports_a_missing_file() {
    let out = stocktake(&["guide", "check", "no-such-guide.toml"], root());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("no-such-guide.toml: cannot read the guide:"),
        "{stderr}"
    );
}

#[test]
fn list_from_anywhere_shows_the_bundled_guides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = stocktake(&["guide", "list"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{stdout}");
    assert!(rows[0].starts_with("gpc-attt-coordinator"));
    assert!(rows[0].contains("bundled"));
    assert!(rows[1].starts_with("tip-indicators-labour"));
}

#[test]
fn list_says_which_copy_of_a_guide_id_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).expect("mkdir");
    let text = std::fs::read_to_string(root().join("interview-guides/tip-indicators-labour.toml"))
        .expect("read guide")
        .replacen("version = \"1\"", "version = \"1-field-test\"", 1);
    std::fs::write(mine.join("labour.toml"), text).expect("write");
    let out = stocktake(&["guide", "list", "--guides", "mine"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("tip-indicators-labour") && l.contains("1-field-test"))
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: tip-indicators-labour (version 1) from bundled:tip-indicators-labour.toml is a different guide with the same id; using the one from mine/labour.toml"),
        "{stderr}"
    );
}

#[test]
fn list_skips_a_broken_guide_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let guides = dir.path().join("interview-guides");
    std::fs::create_dir(&guides).expect("mkdir");
    std::fs::write(guides.join("draft.toml"), "id = \"draft\"\n").expect("write");
    let out = stocktake(&["guide", "list"], dir.path());
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "warning: skipped interview-guides/draft.toml:1:1: the guide has no `version`"
        ),
        "{stderr}"
    );
}

#[test]
fn escape_sequences_in_a_guide_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("evil.toml");
    std::fs::write(&f, "id = \"x\"\n\"ti\\u001b]0;pwned\\u0007tle\" = 1\n").expect("write");
    let out = stocktake(&["guide", "check", "evil.toml"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("ti\\u{1b}]0;pwned\\u{7}tle"), "{stderr}");
}

/// As `stocktake`, with the locale given and no language flag or variable.
fn stocktake_in(args: &[&str], cwd: &Path, locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        // English unless a test asks otherwise: the words follow the locale.
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(cwd)
        .env("XDG_CONFIG_HOME", cwd.join("no-config"))
        .env("HOME", cwd)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("run stocktake")
}

#[test]
fn guide_check_and_list_speak_french_and_keep_ids_and_digests() {
    let out = stocktake_in(
        &[
            "--ui-language",
            "fr",
            "guide",
            "check",
            "interview-guides/gpc-attt-coordinator.toml",
            "tests/no-such-guide.toml",
        ],
        root(),
        "C.UTF-8",
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "gpc-attt-coordinator.toml\u{a0}: correct\u{a0}: gpc-attt-coordinator version 3, "
        ) && stdout.contains(" questions, sha256:"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with("1 fichier de guide refusé sur 2\n"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().expect("dir");
    let list = stocktake_in(&["guide", "list"], dir.path(), "fr_FR.UTF-8");
    let stdout = String::from_utf8_lossy(&list.stdout);
    let header = stdout.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("ID") && header.contains("OÙ") && header.contains("TITRE"),
        "{stdout}"
    );
    assert!(stdout.contains("fourni"), "{stdout}");
    let missing = stocktake_in(
        &["guide", "export", "no-such-guide", "--xlsform", "x.xlsx"],
        dir.path(),
        "fr_FR.UTF-8",
    );
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("aucun guide n'a cet identifiant\u{a0}; `stocktake guide list` montre"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
}
