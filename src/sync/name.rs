//! Session file names: `<date>_<country-slug>_<structure>_<session-id>_r<revision>.toml`,
//! ASCII only, never a path: a hostile country name cannot leave the folder. An encrypted
//! file is named by its session id and revision alone, `<session-id>_r<revision>.toml.age`:
//! the date, country and structure are what the encryption is there to protect.

use crate::session::Session;

/// Longest slug of the response (country) in a file name.
const MAX_SLUG: usize = 40;

/// The response as a file-name-safe ASCII slug: transliterated to ASCII first (so
/// "Україна" keeps its country rather than falling back to `response`), then anything
/// but a letter or digit becomes a dash.
pub fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::new();
    for c in ascii.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "response".to_string()
    } else {
        out
    }
}

/// A session id as a file name may hold it. Session ids are ULIDs we made, but a file
/// read from elsewhere could carry anything.
fn safe_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(32)
        .collect()
}

/// The file name of an encrypted session revision: nothing the ciphertext hides.
pub fn encrypted_file_name(session_id: &str, revision: u32) -> String {
    format!(
        "{}_r{revision}.toml{}",
        safe_id(session_id),
        super::crypt::SUFFIX
    )
}

/// The file name of a session revision.
pub fn file_name(s: &Session) -> String {
    let when = s.completed_at.unwrap_or(s.started_at);
    let date = when.strftime("%Y-%m-%d");
    let id = safe_id(&s.id);
    format!(
        "{date}_{}_{}_{id}_r{}.toml",
        slug(&s.response),
        s.structure.as_str(),
        s.revision
    )
}

/// A name we would write: ASCII, no separator, no leading dot, bounded.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !name.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_safe() {
        assert_eq!(slug("South Sudan"), "south-sudan");
        assert_eq!(slug("Côte d'Ivoire"), "cote-d-ivoire");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("南スーダン"), "nan-sudan");
        assert_eq!(slug("Україна"), "ukrayina");
        assert_eq!(slug("🙂"), "slight-smile");
        assert_eq!(slug("\u{200b}"), "response");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug(&"x".repeat(500)).len(), MAX_SLUG);
        assert_eq!(slug("a\u{0}b/c\\d"), "a-b-c-d");
    }

    #[test]
    fn encrypted_names_say_nothing_the_ciphertext_hides() {
        assert_eq!(
            encrypted_file_name("01JD8M5W6T3Q8Z3V4X2K9P7R1N", 2),
            "01JD8M5W6T3Q8Z3V4X2K9P7R1N_r2.toml.age"
        );
        assert_eq!(encrypted_file_name("../../x", 1), "x_r1.toml.age");
        assert!(is_safe_name(&encrypted_file_name(
            "01JD8M5W6T3Q8Z3V4X2K9P7R1N",
            9
        )));
    }

    #[test]
    fn only_plain_names_are_safe() {
        assert!(is_safe_name(
            "2018-03-14_south-sudan_cp_aor_01JD8M5W6T3Q8Z3V4X2K9P7R1N_r2.toml"
        ));
        for bad in [
            "", ".x.toml", "a/b.toml", "..toml", "a..b", "é.toml", "a b.toml", "a\0b",
        ] {
            assert!(!is_safe_name(bad), "{bad:?}");
        }
    }
}
