//! A guide language's name, as its speakers write it: the new-call form shows
//! "Français (fr)", which an interviewer who reads neither English nor codes still finds.

/// The endonym of a language code (ISO 639-1, as guides declare them), for the languages
/// of the humanitarian responses stocktake is used in; `None` for any other.
pub fn language_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ar" => "العربية",
        "bn" => "বাংলা",
        "en" => "English",
        "es" => "Español",
        "fa" => "فارسی",
        "fr" => "Français",
        "ha" => "Hausa",
        "my" => "မြန်မာ",
        "ps" => "پښتو",
        "pt" => "Português",
        "ru" => "Русский",
        "so" => "Soomaali",
        "sw" => "Kiswahili",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "ur" => "اردو",
        _ => return None,
    })
}

/// "Français (fr)", or the code alone when its name is not known.
pub fn language_shown(code: &str) -> String {
    match language_name(code) {
        Some(name) => format!("{name} ({code})"),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_language_shows_its_name_and_code_and_another_its_code() {
        assert_eq!(language_shown("fr"), "Français (fr)");
        assert_eq!(language_shown("en"), "English (en)");
        assert_eq!(language_shown("xx"), "xx");
    }
}
