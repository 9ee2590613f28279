//! Text fitting shared by every screen: wrap at word boundaries and truncate by display
//! width (so CJK, accents and Arabic script keep the layout), always on neutralised text.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::neutralise;

pub fn width(s: &str) -> usize {
    s.width()
}

pub use crate::neutralise::fit;

/// Pad or cut to exactly `cols` columns.
pub fn cell(s: &str, cols: usize) -> String {
    let f = fit(s, cols);
    let pad = cols.saturating_sub(f.width());
    format!("{f}{}", " ".repeat(pad))
}

/// Greedy word wrap to `max` columns; a word wider than a line is broken.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let text = neutralise::block(text);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split(' ') {
            let ww = word.width();
            if w > 0 && w + 1 + ww > max {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > max && w > 0 {
                    lines.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// At most `n` wrapped lines; true when text was left out.
pub fn wrap_at_most(text: &str, max: usize, n: usize) -> (Vec<String>, bool) {
    let mut lines = wrap(text, max);
    if lines.len() <= n {
        return (lines, false);
    }
    lines.truncate(n);
    if let Some(last) = lines.last_mut() {
        *last = fit(&format!("{last} …"), max);
    }
    (lines, true)
}

/// The first row of a window of `height` rows that keeps `cursor` in view.
pub fn scroll_to(cursor: usize, height: usize, total: usize) -> usize {
    if height == 0 || total <= height {
        return 0;
    }
    cursor.saturating_sub(height / 2).min(total - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_display_width() {
        assert_eq!(fit("南スーダン", 6), "南ス…");
        assert_eq!(fit("Côte d'Ivoire", 20), "Côte d'Ivoire");
        assert_eq!(width(&cell("السودان", 10)), 10);
    }

    #[test]
    fn wrap_breaks_at_words_and_inside_long_ones() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        let (lines, cut) = wrap_at_most("one two three four", 7, 2);
        assert!(cut);
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn control_characters_never_survive() {
        assert!(!fit("x\u{1b}]0;t\u{7}", 40).contains('\u{1b}'));
        assert!(wrap("x\u{1b}[2J", 40).iter().all(|l| !l.contains('\u{1b}')));
    }

    #[test]
    fn scrolling_keeps_the_cursor_in_view() {
        assert_eq!(scroll_to(0, 5, 20), 0);
        assert_eq!(scroll_to(10, 5, 20), 8);
        assert_eq!(scroll_to(19, 5, 20), 15);
        assert_eq!(scroll_to(3, 10, 5), 0);
    }
}
