//! Drawing a text field being typed in. Our own wrap, not the editor's: the editor breaks
//! at every word boundary of UAX #29, so a `;` or a `,` could start a line; here a line
//! breaks only at spaces, so punctuation stays with its word. The rows shown are worked out
//! afresh from the cursor on every frame, so a resize never leaves a stale scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthChar;

use super::text_field::TextField;

/// A text field as drawn while it has the keyboard: its text and a cursor cell.
pub struct EditorView<'a> {
    pub field: &'a TextField,
    /// Shown dim while the field is empty, in place of the field's own: the screen's
    /// words, in the language of the moment (`Alt-L` redraws them).
    pub placeholder: Option<String>,
}

fn char_w(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The rows one logical line takes at `width` columns, as (start, end) char indices. A
/// row ends after the space it breaks at (a space may hang past the edge); a word wider
/// than a row is cut where it must be.
pub fn rows_of(chars: &[char], width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let (mut start, mut w, mut last_space) = (0usize, 0usize, None::<usize>);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let cw = char_w(c);
        if w + cw > width && i > start {
            if c == ' ' {
                // A space at the edge hangs: the row breaks after it.
                last_space = Some(i);
                i += 1;
                continue;
            }
            let end = match last_space {
                Some(s) if s >= start => s + 1,
                _ => i,
            };
            rows.push((start, end));
            start = end;
            w = chars[start..i].iter().map(|c| char_w(*c)).sum();
            last_space = None;
            continue;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        w += cw;
        i += 1;
    }
    rows.push((start, chars.len()));
    rows
}

/// How many rows `field` takes at `width` columns, drawn as here.
pub fn height(field: &TextField, width: usize) -> usize {
    field
        .lines()
        .iter()
        .map(|l| {
            let chars: Vec<char> = l.chars().collect();
            rows_of(&chars, width).len()
        })
        .sum()
}

impl Widget for &EditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = area.width as usize;
        let (cur_row, cur_col) = self.field.cursor();
        let lines = self.field.lines();
        // Every visual row: (logical line, start, end), and the cursor's row and column.
        let mut visual: Vec<(usize, usize, usize)> = Vec::new();
        let mut cursor = (0usize, 0usize);
        for (r, line) in lines.iter().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            let rows = if self.field.multiline() {
                rows_of(&chars, width)
            } else {
                vec![(0, chars.len())]
            };
            let n = rows.len();
            for (k, (s, e)) in rows.into_iter().enumerate() {
                let last = k + 1 == n;
                if r == cur_row && s <= cur_col && (cur_col < e || last) {
                    let x: usize = chars[s..cur_col.min(chars.len())]
                        .iter()
                        .map(|c| char_w(*c))
                        .sum();
                    cursor = (visual.len(), x);
                }
                visual.push((r, s, e));
            }
        }
        let h = area.height as usize;
        let top = cursor.0.saturating_sub(h.saturating_sub(1));
        // A single line scrolls sideways to keep the cursor in view.
        let left = if self.field.multiline() {
            0
        } else {
            cursor.1.saturating_sub(width.saturating_sub(1))
        };
        let empty = lines.iter().all(|l| l.is_empty());
        if empty && let Some(p) = self.placeholder.as_deref().or(self.field.placeholder()) {
            let style = Style::new().add_modifier(Modifier::DIM);
            buf.set_stringn(area.x, area.y, p, width, style);
        }
        for (y, (r, s, e)) in visual.iter().skip(top).take(h).enumerate() {
            let chars: Vec<char> = lines[*r].chars().collect();
            let mut x = 0usize;
            let mut col = 0usize;
            for c in &chars[*s..*e] {
                let cw = char_w(*c);
                if col + cw <= left {
                    col += cw;
                    continue;
                }
                if x + cw > width {
                    break;
                }
                let cell = &mut buf[(area.x + x as u16, area.y + y as u16)];
                cell.set_char(*c);
                x += cw;
                col += cw;
            }
        }
        let cy = cursor.0.saturating_sub(top);
        let cx = cursor.1.saturating_sub(left).min(width - 1);
        if cy < h {
            let cell = &mut buf[(area.x + cx as u16, area.y + cy as u16)];
            cell.set_style(Style::new().add_modifier(Modifier::REVERSED));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(s: &str, w: usize) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        rows_of(&chars, w)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn punctuation_stays_with_its_word() {
        assert_eq!(
            rows("Line dropped twice; GBV", 18),
            ["Line dropped ", "twice; GBV"]
        );
        assert_eq!(rows("dropped twice; GBV", 13), ["dropped ", "twice; GBV"]);
        assert!(
            rows("a b c; d e f; g h i; j", 5)
                .iter()
                .all(|r| !r.starts_with(';'))
        );
    }

    #[test]
    fn a_long_word_is_cut_and_spaces_hang() {
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("abcd efgh", 4), ["abcd ", "efgh"]);
        assert_eq!(rows("", 4), [""]);
    }
}
