//! Untrusted text (guides, session files, file names, pasted notes) is shown only after
//! this: control characters, bidirectional controls and invisible characters become
//! visible escapes, so a file can never drive the terminal (set its title, write the
//! clipboard), reorder what is shown, or hide text from the reader.

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
        // Direction marks (LRM, RLM, ALM) reorder neighbouring text as the overrides do.
        '\u{200e}' | '\u{200f}' | '\u{61c}' => true,
        // Characters that draw nothing: a zero-width space, word joiner and invisible
        // operators, the deprecated format controls, a BOM inside text, interlinear
        // annotations, the Mongolian vowel separator, and the tag characters (which can
        // carry a hidden message). Zero-width joiners and non-joiners (U+200C, U+200D)
        // stay: Persian, Indic scripts and emoji need them, and they hide no text.
        '\u{200b}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{180e}'
        | '\u{e0000}'..='\u{e007f}' => true,
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

/// Combining marks kept on one character by [`fit`]. Real scripts stack at most a few
/// (Vietnamese two, Hebrew with points three); terminals keep a bounded number of bytes
/// per cell, and a character carrying dozens ("Zalgo" text) spills into the next cells
/// and shifts everything after it on the line.
pub const MAX_MARKS: usize = 4;

/// One line cut to `max` terminal columns (wide scripts count double), ending in `…` when
/// something was cut: for lists, tables and chart labels of a fixed width. Combining
/// marks beyond [`MAX_MARKS`] on one character are dropped, and that too ends in `…`.
pub fn fit(s: &str, max: usize) -> String {
    let s = line(s);
    if s.width() <= max && !too_many_marks(&s) {
        return s.into_owned();
    }
    // Room for the ellipsis when the text is too wide.
    let room = if s.width() > max {
        max.saturating_sub(1)
    } else {
        max
    };
    let mut out = String::new();
    let mut w = 0;
    let mut marks = 0;
    let mut cut = false;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if cw == 0 {
            marks += 1;
            if marks > MAX_MARKS {
                cut = true;
                continue;
            }
        } else {
            marks = 0;
        }
        if w + cw > room {
            cut = true;
            break;
        }
        out.push(c);
        w += cw;
    }
    if cut && max > 0 {
        // Only marks were dropped, so the ellipsis may not fit yet: make room for it.
        while out.width() + 1 > max && out.pop().is_some() {}
        out.push('…');
    }
    out
}

fn too_many_marks(s: &str) -> bool {
    let mut marks = 0;
    for c in s.chars() {
        if c.width() == Some(0) {
            marks += 1;
            if marks > MAX_MARKS {
                return true;
            }
        } else {
            marks = 0;
        }
    }
    false
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
    fn invisible_and_direction_characters_become_visible() {
        assert_eq!(line("pay\u{200b}pal"), "pay\\u{200b}pal");
        assert_eq!(
            line("a\u{200e}b\u{200f}c\u{61c}d"),
            "a\\u{200e}b\\u{200f}c\\u{61c}d"
        );
        assert_eq!(line("x\u{2060}\u{feff}y"), "x\\u{2060}\\u{feff}y");
        // A message in tag characters, invisible on most terminals.
        assert_eq!(line("ok\u{e0068}\u{e0069}"), "ok\\u{e0068}\\u{e0069}");
        // Joiners that scripts and emoji need are kept.
        for s in ["می\u{200c}خواهم", "👩\u{200d}💻"] {
            assert!(matches!(line(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn fit_drops_heavy_combining_marks_visibly_and_keeps_real_ones() {
        let zalgo = format!("Z{}algo", "\u{301}".repeat(40));
        let f = fit(&zalgo, 20);
        assert_eq!(f, format!("Z{}algo…", "\u{301}".repeat(MAX_MARKS)));
        assert!(f.chars().count() < 12, "{f}");
        // Vietnamese stacks two marks: untouched.
        let viet = "Vie\u{302}\u{323}t Nam";
        assert_eq!(fit(viet, 20), viet);
        // The width is still respected, with the ellipsis inside it.
        assert_eq!(fit(&zalgo, 3).width(), 3);
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abcd", 4), "abcd");
    }

    #[test]
    fn block_keeps_newlines_line_does_not() {
        assert_eq!(block("a\nb\tc\u{1b}"), "a\nb\tc\\u{1b}");
        assert_eq!(line("a\nb"), "a\\u{a}b");
    }
}
