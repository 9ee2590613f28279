//! The rows of a choice widget in the room it has: each option's label wrapped under its
//! number and mark (never cut at 60 columns), and when the list is longer than the room,
//! a window that keeps the cursor's option whole, with "↑ 3 more above" and "↓ 5 more
//! below" where options are out of view.

use unicode_width::UnicodeWidthStr;

use super::layout::{fit, wrap};

/// A label wraps to at most this many lines; a longer one ends in "…".
const MAX_LINES: usize = 3;

/// One line of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListLine {
    /// A line of option row `row`: its number and mark on the first, indented after.
    Row { row: usize, text: String },
    /// How many options are above the window.
    Above(usize),
    /// How many options are below the window.
    Below(usize),
}

impl ListLine {
    pub fn marker_text(n: usize, above: bool, ui: crate::i18n::UiLang) -> String {
        let id = if above {
            "options-above"
        } else {
            "options-below"
        };
        format!("  {}", crate::i18n::tr(ui, id, &[("n", n.into())]))
    }
}

/// The lines of one row: `prefix` (number and mark) then the label, wrapped to `width`.
fn row_lines(prefix: &str, label: &str, width: usize) -> Vec<String> {
    let indent = prefix.width();
    let room = width.saturating_sub(indent).max(8);
    let mut lines = wrap(label, room);
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), room);
        }
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let lead = if k == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            fit(&format!("{lead}{l}"), width)
        })
        .collect()
}

/// How many lines every row takes at `width`, in all.
pub fn needed(rows: &[(String, String)], width: usize) -> usize {
    rows.iter().map(|(p, l)| row_lines(p, l, width).len()).sum()
}

/// The window of `rows` (prefix, label) that fits `height` lines of `width` columns with
/// row `cursor` whole in it.
pub fn window(
    rows: &[(String, String)],
    cursor: usize,
    width: usize,
    height: usize,
) -> Vec<ListLine> {
    let n = rows.len();
    if n == 0 || height == 0 {
        return Vec::new();
    }
    let lines: Vec<Vec<String>> = rows.iter().map(|(p, l)| row_lines(p, l, width)).collect();
    let cursor = cursor.min(n - 1);
    let total: usize = lines.iter().map(Vec::len).sum();
    let (mut top, mut end) = (0, n);
    if total > height {
        // Grow from the cursor's row, below then above, while the markers still fit.
        let fits = |top: usize, end: usize, used: usize| {
            used + usize::from(top > 0) + usize::from(end < n) <= height
        };
        top = cursor;
        end = cursor + 1;
        let mut used = lines[cursor].len();
        loop {
            let mut grew = false;
            if end < n && fits(top, end + 1, used + lines[end].len()) {
                used += lines[end].len();
                end += 1;
                grew = true;
            }
            if top > 0 && fits(top - 1, end, used + lines[top - 1].len()) {
                top -= 1;
                used += lines[top].len();
                grew = true;
            }
            if !grew {
                break;
            }
        }
    }
    let mut out = Vec::new();
    if top > 0 {
        out.push(ListLine::Above(top));
    }
    let below = usize::from(end < n);
    for (row, ls) in lines.iter().enumerate().take(end).skip(top) {
        for text in ls {
            out.push(ListLine::Row {
                row,
                text: text.clone(),
            });
        }
    }
    // The cursor's row alone may be taller than the room: its first lines, then the marker.
    let room = height.saturating_sub(below);
    if out.len() > room {
        out.truncate(room.max(1));
    }
    if end < n {
        out.push(ListLine::Below(n - end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(labels: &[&str]) -> Vec<(String, String)> {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("{} [ ] ", i + 1), l.to_string()))
            .collect()
    }

    fn text(lines: &[ListLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| match l {
                ListLine::Row { text, .. } => text.clone(),
                ListLine::Above(n) => ListLine::marker_text(*n, true, crate::i18n::UiLang::En),
                ListLine::Below(n) => ListLine::marker_text(*n, false, crate::i18n::UiLang::En),
            })
            .collect()
    }

    #[test]
    fn a_long_label_wraps_under_itself_instead_of_being_cut() {
        let r = rows(&[
            "Tools and materials inadequate or not designed for emergencies",
            "None",
        ]);
        assert_eq!(
            text(&window(&r, 0, 30, 10)),
            [
                "1 [ ] Tools and materials",
                "      inadequate or not",
                "      designed for emergencies",
                "2 [ ] None"
            ]
        );
        assert_eq!(needed(&r, 30), 4);
    }

    #[test]
    fn what_is_out_of_view_is_said_above_and_below() {
        let labels: Vec<String> = (1..=17).map(|i| format!("Option {i}")).collect();
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let r = rows(&labels);
        let w = window(&r, 0, 40, 6);
        assert_eq!(w.len(), 6);
        assert_eq!(w.last(), Some(&ListLine::Below(12)));
        let w = window(&r, 10, 40, 6);
        assert_eq!(w.first(), Some(&ListLine::Above(9)));
        assert_eq!(w.last(), Some(&ListLine::Below(4)));
        assert!(w.contains(&ListLine::Row {
            row: 10,
            text: "11 [ ] Option 11".into()
        }));
        let w = window(&r, 16, 40, 6);
        assert_eq!(w.first(), Some(&ListLine::Above(12)));
        assert!(!w.iter().any(|l| matches!(l, ListLine::Below(_))));
        assert_eq!(w.len(), 6);
    }

    #[test]
    fn the_cursor_row_is_always_shown_even_in_a_tiny_window() {
        let r = rows(&["a b c d e f g h i j k l m n o p", "two", "three"]);
        let w = window(&r, 0, 12, 2);
        assert!(matches!(w[0], ListLine::Row { row: 0, .. }), "{w:?}");
        assert_eq!(w.last(), Some(&ListLine::Below(2)));
        assert_eq!(w.len(), 2);
    }
}
