//! The reasons of the layers below in French, through the real binary: what the guide
//! checker finds (its `file:line:col:` unchanged, so an editor still jumps there), what the
//! collation database and the system said. English stays byte for byte as it was.

use std::path::Path;
use std::process::{Command, Output};

const NBSP: char = '\u{a0}';

fn stocktake(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stocktake"))
        .args(args)
        .env("STOCKTAKE_CONFIG", "/nonexistent/config.toml")
        .env("STOCKTAKE_DATA_DIR", data)
        .env_remove("STOCKTAKE_OUTBOX")
        .env_remove("STOCKTAKE_IDENTITY")
        .env_remove("STOCKTAKE_UI_LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run stocktake")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `file:line:col: ` and the problem after it.
fn split(line: &str) -> (String, String) {
    let mut parts = line.splitn(4, ": ");
    let place = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    // The file name holds no `: `; the place ends at the first one.
    (place.to_string(), rest.join(": "))
}

#[test]
fn every_broken_guide_is_refused_in_french_at_the_same_places() {
    let dir = tempfile::tempdir().expect("dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-guides");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20);
    for f in &files {
        let shown = f.display().to_string();
        let en = stocktake(dir.path(), &["guide", "check", &shown]);
        let fr = stocktake(
            dir.path(),
            &["--ui-language", "fr", "guide", "check", &shown],
        );
        assert_eq!(en.status.code(), Some(1), "{shown}");
        assert_eq!(fr.status.code(), Some(1), "{shown}");
        // English: exactly the corpus's lines, after the file's name, then the count.
        let expected = std::fs::read_to_string(f.with_extension("expected")).expect("expected");
        let want: String = expected.lines().map(|l| format!("{shown}:{l}\n")).collect();
        assert_eq!(
            text(&en.stderr),
            format!("{want}1 of 1 guide file refused\n"),
            "{shown}"
        );
        let problems = |o: &Output| -> String {
            text(&o.stderr)
                .lines()
                .filter(|l| l.starts_with(&shown))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        let (en_lines, fr_out) = (problems(&en), problems(&fr));
        let fr_lines: Vec<&str> = fr_out.lines().collect();
        assert_eq!(
            en_lines.lines().count(),
            fr_lines.len(),
            "{shown}:\n{fr_out}"
        );
        for (e, f) in en_lines.lines().zip(&fr_lines) {
            let ((ep, em), (fp, fm)) = (split(e), split(f));
            assert_eq!(ep, fp, "the place is the same in every language");
            assert!(fp.starts_with(&format!("{shown}:")), "{f}");
            // TOML's own words stay English after a French lead.
            if !em.starts_with("TOML syntax") {
                assert_ne!(em, fm, "{f} is not French");
            }
            assert!(!fm.contains("check-"), "a message id leaked: {f}");
        }
        assert!(text(&fr.stderr).contains("refusé"), "{}", text(&fr.stderr));
    }
}

#[test]
fn a_guide_problem_reads_as_french() {
    let dir = tempfile::tempdir().expect("dir");
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken-guides/03-unknown-key-question.toml")
        .display()
        .to_string();
    let out = stocktake(dir.path(), &["--ui-language", "fr", "guide", "check", &f]);
    assert_eq!(
        text(&out.stderr),
        format!(
            "{f}:14:1: clé inconnue `guidence` dans une question{NBSP}; vouliez-vous dire `guidance`{NBSP}?\n1 fichier de guide refusé sur 1\n"
        )
    );
}

#[test]
fn a_damaged_collation_database_and_a_missing_file_are_said_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("bad.db");
    std::fs::write(&db, "not a database at all, just text\n".repeat(100)).expect("write");
    let db = db.display().to_string();
    let realistic = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/realistic")
        .display()
        .to_string();
    let fr = stocktake(
        dir.path(),
        &["--ui-language", "fr", "collate", "--db", &db, &realistic],
    );
    assert_eq!(fr.status.code(), Some(1));
    // What SQLite found, named in French, with its code to look up.
    assert_eq!(
        text(&fr.stderr),
        format!("stocktake: {db}{NBSP}: ce n'est pas une base de données SQLite (code 26)\n")
    );
    let en = stocktake(dir.path(), &["collate", "--db", &db, &realistic]);
    assert_eq!(
        text(&en.stderr),
        format!("stocktake: {db}: file is not a database: Error code 26: file is not a database\n")
    );
    // What the system said, named in French, with its number.
    let none = dir.path().join("none.toml").display().to_string();
    let fr = stocktake(
        dir.path(),
        &["--ui-language", "fr", "guide", "check", &none],
    );
    assert!(
        text(&fr.stderr).starts_with(&format!(
            "{none}{NBSP}: impossible de lire le guide{NBSP}: fichier ou dossier introuvable (erreur système 2)"
        )),
        "{}",
        text(&fr.stderr)
    );
    let en = stocktake(dir.path(), &["guide", "check", &none]);
    assert!(
        text(&en.stderr).starts_with(&format!(
            "{none}: cannot read the guide: No such file or directory (os error 2)"
        )),
        "{}",
        text(&en.stderr)
    );
}

/// A realistic session file, as a test changes it and with its digest made right again,
/// so that only the change is wrong.
fn redigested(body_change: impl Fn(&str) -> String) -> Vec<u8> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/realistic/mali_protection_cluster_01M8TWTYRT1SKB8YYB3XMJ6FJ6_r1.toml",
    );
    let text = std::fs::read_to_string(src).expect("fixture");
    let (_, body) = text.split_once('\n').expect("a digest line");
    let body = body_change(body);
    let digest = stocktake::guide::Digest::of(body.as_bytes());
    format!("digest = \"{digest}\"\n{body}").into_bytes()
}

#[test]
fn a_damaged_session_file_is_quarantined_in_french_and_its_stored_reason_read_in_french_later() {
    let dir = tempfile::tempdir().expect("dir");
    let files = dir.path().join("in");
    std::fs::create_dir(&files).expect("dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/realistic/mali_protection_cluster_01M8TWTYRT1SKB8YYB3XMJ6FJ6_r1.toml",
    );
    let crlf = std::fs::read_to_string(&fixture)
        .expect("fixture")
        .replace('\n', "\r\n");
    std::fs::write(files.join("crlf.toml"), crlf).expect("write");
    let lower =
        redigested(|b| b.replace("01M8TWTYRT1SKB8YYB3XMJ6FJ6", "01m8twtyrt1skb8yyb3xmj6fj6"));
    std::fs::write(files.join("lower.toml"), lower).expect("write");
    let folder = files.display().to_string();
    let (fr_db, en_db) = (
        dir.path().join("fr.db").display().to_string(),
        dir.path().join("en.db").display().to_string(),
    );

    let en = stocktake(dir.path(), &["collate", "--db", &en_db, &folder]);
    assert_eq!(en.status.code(), Some(2), "{}", text(&en.stderr));
    let en_err = text(&en.stderr);
    let crlf_en = format!(
        "quarantined (corrupt): {folder}/crlf.toml:1:83: the file has Windows line endings (CRLF), and a session file's lines end in LF only: it was converted in transit (a mail client, a Windows share, git's autocrlf); collate the original file\n"
    );
    assert!(en_err.contains(&crlf_en), "{en_err}");
    let lower_en = "`session_id` = \"01m8twtyrt1skb8yyb3xmj6fj6\" is a ULID in lower case; the format has ids in upper case (01M8TWTYRT1SKB8YYB3XMJ6FJ6)\n";
    assert!(
        en_err.contains(&format!("quarantined (invalid): {folder}/lower.toml:"))
            && en_err.contains(lower_en),
        "{en_err}"
    );

    let fr = stocktake(
        dir.path(),
        &["--ui-language", "fr", "collate", "--db", &fr_db, &folder],
    );
    assert_eq!(fr.status.code(), Some(2), "{}", text(&fr.stderr));
    let fr_err = text(&fr.stderr);
    let crlf_fr = format!(
        "en quarantaine (corrompu){NBSP}: {folder}/crlf.toml:1:83: le fichier a des fins de ligne Windows (CRLF)"
    );
    assert!(fr_err.contains(&crlf_fr), "{fr_err}");
    assert!(
        fr_err.contains("`session_id` = \"01m8twtyrt1skb8yyb3xmj6fj6\" est un ULID en minuscules"),
        "{fr_err}"
    );
    assert!(!fr_err.contains("Windows line endings"), "{fr_err}");

    // Later, a collation of another folder lists the quarantine the English run stored:
    // in French from its words, in English exactly as stored.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).expect("dir");
    let other = other.display().to_string();
    let later_fr = stocktake(
        dir.path(),
        &["--ui-language", "fr", "collate", "--db", &en_db, &other],
    );
    let later_fr = text(&later_fr.stderr);
    assert!(later_fr.contains(&crlf_fr), "{later_fr}");
    let later_en = stocktake(dir.path(), &["collate", "--db", &en_db, &other]);
    let later_en = text(&later_en.stderr);
    assert!(later_en.contains(&crlf_en), "{later_en}");
    assert!(later_en.contains(lower_en), "{later_en}");
    // The English stays in the database for scripts, the words beside it.
    let conn = rusqlite::Connection::open(&en_db).expect("db");
    let (reason, words): (String, String) = conn
        .query_row(
            "SELECT reason, reason_words FROM quarantine WHERE path LIKE '%crlf.toml'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert!(crlf_en.contains(&reason), "{reason}");
    assert!(words.contains("why-file-crlf"), "{words}");
}

/// A guide or a codebook that is a folder, an XLSForm written where no folder is: the
/// system's part named in French, as everywhere else, not "not a regular file" or
/// "(os error 2)". Each said whole, as the terminal shows it.
#[test]
fn a_folder_as_a_guide_and_an_export_into_nowhere_are_said_in_french() {
    let data = tempfile::tempdir().expect("data");
    let folder = data.path().join("g2");
    std::fs::create_dir(&folder).expect("mkdir");
    let folder = folder.display().to_string();
    let fr = |args: &[&str]| {
        let mut all = vec!["--ui-language", "fr"];
        all.extend_from_slice(args);
        let out = stocktake(data.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        (text(&out.stdout), text(&out.stderr))
    };
    let (out, err) = fr(&["guide", "check", &folder]);
    assert_eq!(
        format!("{out}{err}"),
        format!(
            "{folder}{NBSP}: impossible de lire le guide{NBSP}: ce n'est pas un fichier ordinaire (un dossier, un FIFO ou un périphérique){NBSP}; un guide est un fichier .toml\n1 fichier de guide refusé sur 1\n"
        )
    );
    let (_, err) = fr(&[
        "guide",
        "export",
        "gpc-attt-coordinator",
        "--xlsform",
        "/nonexistent/x.xlsx",
    ]);
    assert_eq!(
        err,
        format!(
            "stocktake: /nonexistent/x.xlsx{NBSP}: impossible d'écrire le XLSForm{NBSP}: fichier ou dossier introuvable (erreur système 2)\n"
        )
    );
    // A codebook that is a folder, or not there: as a guide would be.
    let (_, err) = fr(&["analyse", "--db", "nothing.db", "--codebook", &folder]);
    assert_eq!(
        err,
        format!(
            "stocktake: {folder}{NBSP}: ce n'est pas un fichier ordinaire{NBSP}: donnez le fichier .toml du livre de codes\n"
        )
    );
    let (_, err) = fr(&[
        "analyse",
        "--db",
        "nothing.db",
        "--codebook",
        "/nonexistent/codes.toml",
    ]);
    assert_eq!(
        err,
        format!(
            "stocktake: /nonexistent/codes.toml{NBSP}: fichier ou dossier introuvable (erreur système 2)\n"
        )
    );
}
