//! Language columns: XLSForm names a language in its column header as `Name (code)`
//! (`label::English (en)`), a guide by its code alone (`en`). Names for the common codes of
//! humanitarian work; any other code is its own name, which pyxform accepts as well.

const NAMES: &[(&str, &str)] = &[
    ("am", "Amharic"),
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("de", "German"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fa", "Persian"),
    ("fr", "French"),
    ("ha", "Hausa"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("my", "Burmese"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("so", "Somali"),
    ("sw", "Swahili"),
    ("ti", "Tigrinya"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("zh", "Chinese"),
];

/// `English (en)` for `en`; `pt-BR (pt-BR)` for a code without a name here.
pub fn language_column(code: &str) -> String {
    let base = code.split('-').next().unwrap_or(code);
    match NAMES.iter().find(|(c, _)| *c == code || *c == base) {
        Some((c, name)) if *c == code => format!("{name} ({code})"),
        Some((_, name)) => format!("{name} {code} ({code})"),
        None => format!("{code} ({code})"),
    }
}

/// The code of a header's language part: `English (en)` gives `en`. `None` when it names
/// no code in parentheses (`English`, `Deutsch`), which the import refuses: a guide's
/// languages are codes.
pub fn column_language(suffix: &str) -> Option<String> {
    let s = suffix.trim();
    let open = s.rfind('(')?;
    let code = s[open + 1..].strip_suffix(')')?.trim();
    let ok = !code.is_empty()
        && code.len() <= 35
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_headers_convert_both_ways() {
        assert_eq!(language_column("en"), "English (en)");
        assert_eq!(language_column("fr"), "French (fr)");
        assert_eq!(language_column("pt-br"), "Portuguese pt-br (pt-br)");
        assert_eq!(language_column("xx"), "xx (xx)");
        for code in ["en", "fr", "pt-br", "xx"] {
            assert_eq!(
                column_language(&language_column(code)).as_deref(),
                Some(code)
            );
        }
        assert_eq!(
            column_language("Português (pt-BR)").as_deref(),
            Some("pt-BR")
        );
        assert_eq!(column_language("English"), None);
        assert_eq!(column_language("English ()"), None);
    }
}
