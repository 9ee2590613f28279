//! A digest line damaged in transit (issue 20.17): Windows line endings, a byte-order
//! mark, a digest in upper case. Each used to be "no digest line"; each now says what is
//! wrong with the line that is there, and is quarantined as corrupt.

use stocktake::guide::Structure;

use super::collate_in_process;
use super::support::files::{Factory, bytes};

fn damaged() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut f = Factory::new();
    let good = bytes(&f.session("Chad", Structure::CpAor, "anecdotal_only"));
    let text = String::from_utf8(good).expect("utf8");
    let (line, rest) = text.split_once('\n').expect("digest line");
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(text.as_bytes());
    vec![
        ("crlf.toml", text.replace('\n', "\r\n").into_bytes(), "1:"),
        ("bom.toml", bom, "1:1:"),
        (
            "upper.toml",
            format!(
                "{}\n{rest}",
                line.to_uppercase()
                    .replace("DIGEST = \"SHA256:", "digest = \"sha256:")
            )
            .into_bytes(),
            "1:",
        ),
    ]
}

#[test]
fn a_damaged_digest_line_says_what_is_wrong_with_it() {
    let expect = [
        ("crlf.toml", "the file has Windows line endings (CRLF)"),
        ("bom.toml", "the file starts with a byte-order mark"),
        ("upper.toml", "the digest is in upper case"),
    ];
    for ((name, file, at), (_, says)) in damaged().into_iter().zip(expect) {
        let e = stocktake::sync::parse_session_file(&file, name).expect_err(name);
        let msg = e.to_string();
        assert!(
            msg.starts_with(&format!("{name}:{at}"))
                && msg.contains(says)
                && !msg.contains("no digest line"),
            "{name}: {msg}"
        );
    }
}

#[test]
fn a_damaged_digest_line_is_quarantined_as_corrupt_with_its_reason() {
    let dir = tempfile::tempdir().expect("dir");
    for (name, file, _) in damaged() {
        std::fs::write(dir.path().join(name), file).expect("write");
    }
    let (summary, quarantined, _) = collate_in_process(dir.path(), &dir.path().join("c.db"));
    assert_eq!(summary.quarantined, 3, "{summary}");
    for q in quarantined {
        assert_eq!(q.kind, "corrupt", "{}", q.reason);
        assert!(!q.reason.contains("no digest line"), "{}", q.reason);
    }
}
