//! The accessible mode's command words: English in every language, and the French words
//! understood in every language too, so a line is never refused for the language it is
//! typed in, and a French interviewer on an English server is understood as well.

/// The English command a word stands for, and whether it was a French word: on a
/// question answered in words, a French word followed by text is that text (the English
/// word still works), since "reste", "retour" or "dit" begin French sentences.
pub fn canonical(word: &str) -> (&str, bool) {
    let english = match word.to_lowercase().as_str() {
        "aide" => "help",
        "quitter" => "quit",
        "nouveau" => "new",
        "ouvrir" => "open",
        "suivant" => "next",
        "retour" => "back",
        "aller" => "go",
        "chercher" => "find",
        "manque" => "unanswered",
        "revue" => "review",
        "relecture" => "readback",
        "reste" => "rest",
        "spontané" | "spontane" => "volunteered",
        "suggéré" | "suggere" => "prompted",
        "définition" => "definition",
        "dit" => "said",
        "préciser" | "preciser" => "other",
        "bloc" => "pad",
        "nsp" => "dk",
        "refus" => "declined",
        "effacer" => "clear",
        "terminer" => "complete",
        "partir" => "leave",
        _ => return (word, false),
    };
    (english, true)
}

/// What the rest of a line after `rest` says: the section, or the whole guide.
pub fn rest_scope(words: &str) -> Option<crate::interview::Rest> {
    match words {
        "" | "section" => Some(crate::interview::Rest::Section),
        "guide" | "all" | "tout" => Some(crate::interview::Rest::Guide),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_words_stand_for_the_english_commands_and_english_stays() {
        assert_eq!(canonical("suivant"), ("next", true));
        assert_eq!(canonical("Aide"), ("help", true));
        assert_eq!(canonical("nsp"), ("dk", true));
        assert_eq!(canonical("next"), ("next", false));
        assert_eq!(canonical("1,3"), ("1,3", false));
    }
}
