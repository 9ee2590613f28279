//! Untrusted text (guides, session files, file names, pasted notes) is shown only after
//! this: control characters and bidirectional overrides become visible escapes, so a file
//! can never drive the terminal (set its title, write the clipboard, hide text).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// True for characters a terminal could act on or that reorder what is displayed.
fn is_dangerous(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_newlines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi embeddings, overrides and isolates (Trojan Source), and the line/paragraph
        // separators some terminals treat as newlines.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

/// Text for one line of output: every control character, newline and tab included,
/// written as a visible `\u{..}` escape.
///
/// ```
/// // An OSC sequence that would set the terminal title is shown, not obeyed.
/// assert_eq!(
///     stocktake::neutralise::line("a\u{1b}]0;x\u{7}b"),
///     "a\\u{1b}]0;x\\u{7}b"
/// );
/// ```
pub fn line(s: &str) -> Cow<'_, str> {
    neutralise(s, false)
}

/// Text that may span lines: newlines and tabs kept, everything else as in [`line`].
pub fn block(s: &str) -> Cow<'_, str> {
    neutralise(s, true)
}

/// One line cut to `max` terminal columns (wide scripts count double), ending in `…` when
/// something was cut: for lists, tables and chart labels of a fixed width.
pub fn fit(s: &str, max: usize) -> String {
    let s = line(s);
    if s.width() <= max {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

fn neutralise(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_dangerous(c, keep_newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_dangerous(c, keep_newlines) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        let osc = "title\u{1b}]0;pwned\u{7}end";
        assert_eq!(line(osc), "title\\u{1b}]0;pwned\\u{7}end");
        assert_eq!(line("a\u{9b}31m"), "a\\u{9b}31m");
        assert_eq!(line("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn ordinary_text_is_borrowed_untouched() {
        let s = "Côte d'Ivoire — 南スーダン — جنوب السودان";
        assert!(matches!(line(s), Cow::Borrowed(_)));
    }

    #[test]
    fn block_keeps_newlines_line_does_not() {
        assert_eq!(block("a\nb\tc\u{1b}"), "a\nb\tc\\u{1b}");
        assert_eq!(line("a\nb"), "a\\u{a}b");
    }
}
