//! Keys as the TUI sees them: `ratatui_textarea::Input`, which carries no terminal type, so
//! `update` is tested without a terminal. Key strings like `"n<tab>Kenya<C-g><pgdn>"` name
//! keys in tests and in the keymap table alike.

use ratatui_textarea::{Input, Key};

pub fn key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

/// One key from its name: `a`, `?`, `<enter>`, `<C-g>`, `<A-d>`, `<S-tab>`, `<pgdn>`, `<f1>`.
pub fn parse_key(name: &str) -> Option<Input> {
    let inner = match name.strip_prefix('<').and_then(|n| n.strip_suffix('>')) {
        None => {
            let mut chars = name.chars();
            let c = chars.next()?;
            return chars.next().is_none().then(|| key(Key::Char(c)));
        }
        Some(i) => i,
    };
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    let mut rest = inner;
    loop {
        if let Some(r) = rest.strip_prefix("C-") {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("A-") {
            alt = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("S-") {
            shift = true;
            rest = r;
        } else {
            break;
        }
    }
    let k = match rest.to_ascii_lowercase().as_str() {
        "enter" | "cr" => Key::Enter,
        "esc" => Key::Esc,
        "tab" => Key::Tab,
        "bs" | "backspace" => Key::Backspace,
        "del" | "delete" => Key::Delete,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "home" => Key::Home,
        "end" => Key::End,
        "pgup" | "pageup" => Key::PageUp,
        "pgdn" | "pagedown" => Key::PageDown,
        "space" => Key::Char(' '),
        "lt" => Key::Char('<'),
        f if f.starts_with('f') && f.len() > 1 => Key::F(f[1..].parse().ok()?),
        _ => {
            let mut chars = rest.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            Key::Char(c)
        }
    };
    Some(Input {
        key: k,
        ctrl,
        alt,
        shift,
    })
}

/// A key string as a sequence of keys; `<...>` names one key, any other character is
/// itself. Unknown names are an error so a typo in a test cannot pass silently.
pub fn parse_keys(s: &str) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[..=end];
            out.push(parse_key(name).ok_or_else(|| format!("unknown key {name}"))?);
            rest = &rest[end + 1..];
            continue;
        }
        out.push(key(Key::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    Ok(out)
}

/// How a key is written in the hint bar and help (`Ctrl-G`, `PgDn`, `?`), the named keys
/// as `lang` names them (`key-<name>` of the `.ftl` files: `Échap`, `Entrée`, `PgSuiv` in
/// French, as a French keyboard labels them).
pub fn display_in(name: &str, lang: crate::i18n::UiLang) -> String {
    let named = |id: &str, english: &str| {
        crate::i18n::lookup(lang, &format!("key-{id}"), &[]).unwrap_or_else(|| english.into())
    };
    let Some(inner) = name.strip_prefix('<').and_then(|n| n.strip_suffix('>')) else {
        return name.to_string();
    };
    let mut out = String::new();
    let mut rest = inner;
    loop {
        if let Some(r) = rest.strip_prefix("C-") {
            out.push_str("Ctrl-");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("A-") {
            out.push_str("Alt-");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("S-") {
            out.push_str(&named("shift", "Shift"));
            out.push('-');
            rest = r;
        } else {
            break;
        }
    }
    let base = match rest {
        "enter" => named("enter", "Enter"),
        "esc" => named("esc", "Esc"),
        "tab" => named("tab", "Tab"),
        "bs" => named("bs", "Backspace"),
        "del" => named("del", "Del"),
        "up" => "↑".to_string(),
        "down" => "↓".to_string(),
        "left" => "←".to_string(),
        "right" => "→".to_string(),
        "pgup" => named("pgup", "PgUp"),
        "pgdn" => named("pgdn", "PgDn"),
        "home" => named("home", "Home"),
        "end" => named("end", "End"),
        "space" => named("space", "Space"),
        f if f.starts_with('f') && f.len() > 1 => f.to_uppercase(),
        c if out.is_empty() => c.to_string(),
        c => c.to_uppercase(),
    };
    out.push_str(&base);
    out
}

/// Whether `input` is the key `want` (parsed from its name once). Shift is ignored for
/// characters, which already carry their case.
pub fn is(want: &Input, input: &Input) -> bool {
    let shift_matters = !matches!(want.key, Key::Char(_));
    want.key == input.key
        && want.ctrl == input.ctrl
        && want.alt == input.alt
        && (!shift_matters || want.shift == input.shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_strings_parse() {
        let ks = parse_keys("n<tab>Ké<C-g><A-d><S-tab><pgdn><f1><lt>").expect("valid");
        assert_eq!(ks.len(), 10);
        assert_eq!(ks[0].key, Key::Char('n'));
        assert_eq!(ks[1].key, Key::Tab);
        assert_eq!(ks[3].key, Key::Char('é'));
        assert!(ks[4].ctrl && ks[4].key == Key::Char('g'));
        assert!(ks[5].alt && ks[5].key == Key::Char('d'));
        assert!(ks[6].shift && ks[6].key == Key::Tab);
        assert_eq!(ks[7].key, Key::PageDown);
        assert_eq!(ks[8].key, Key::F(1));
        assert_eq!(ks[9].key, Key::Char('<'));
        assert!(parse_keys("<nonsense>").is_err());
    }

    #[test]
    fn display_names_are_what_users_know() {
        let display = |k| display_in(k, crate::i18n::UiLang::En);
        assert_eq!(display("<C-g>"), "Ctrl-G");
        assert_eq!(display("<pgdn>"), "PgDn");
        assert_eq!(display("<A-d>"), "Alt-D");
        assert_eq!(display("?"), "?");
        assert_eq!(display("<S-tab>"), "Shift-Tab");
        // As a French keyboard labels them.
        let fr = |k| display_in(k, crate::i18n::UiLang::Fr);
        assert_eq!(fr("<esc>"), "Échap");
        assert_eq!(fr("<enter>"), "Entrée");
        assert_eq!(fr("<S-tab>"), "Maj-Tab");
        assert_eq!(fr("<C-g>"), "Ctrl-G");
        assert_eq!(fr("<pgdn>"), "PgSuiv");
    }

    #[test]
    fn shift_is_ignored_for_characters_only() {
        let upper_q = Input {
            key: Key::Char('Q'),
            ctrl: false,
            alt: false,
            shift: true,
        };
        let q = parse_key("Q").expect("key");
        assert!(is(&q, &upper_q));
        let tab = parse_key("<tab>").expect("key");
        assert!(!is(&tab, &parse_key("<S-tab>").expect("key")));
    }
}
