//! The one table printer of the command line (`guide list`, `sessions`): columns padded
//! to the terminal width of their cells (a CJK character takes two columns), each with
//! its alignment and the gap before it.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// As wide as the widest cell of the rows printed together.
    Widest,
    /// Not padded: the last column of a line that may run long.
    Natural,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub align: Align,
    pub width: Width,
    /// Printed before the cell.
    pub gap: &'static str,
}

impl Column {
    pub const fn left(width: Width, gap: &'static str) -> Column {
        Column {
            align: Align::Left,
            width,
            gap,
        }
    }
}

pub struct Table<'a> {
    pub columns: &'a [Column],
    /// Before every line.
    pub indent: &'static str,
    /// Trailing spaces dropped from each line.
    pub trim: bool,
}

impl Table<'_> {
    /// Print `rows` (a header is just the first row); cells are already made safe to show.
    pub fn write<R: AsRef<[String]>>(&self, out: &mut dyn Write, rows: &[R]) -> io::Result<()> {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.width {
                Width::Widest => rows
                    .iter()
                    .filter_map(|r| r.as_ref().get(i))
                    .map(|cell| cell.width())
                    .max()
                    .unwrap_or(0),
                Width::Natural => 0,
            })
            .collect();
        for r in rows {
            let mut line = String::from(self.indent);
            for ((cell, c), w) in r.as_ref().iter().zip(self.columns).zip(&widths) {
                line.push_str(c.gap);
                let pad = w.saturating_sub(cell.width());
                if c.align == Align::Right {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                line.push_str(cell);
                if c.align == Align::Left {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            let line = if self.trim { line.trim_end() } else { &line };
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(t: &Table<'_>, rows: &[Vec<String>]) -> String {
        let mut out = Vec::new();
        t.write(&mut out, rows).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_pad_by_characters_align_and_trim() {
        let cols = [
            Column::left(Width::Widest, ""),
            Column {
                align: Align::Right,
                width: Width::Widest,
                gap: "  ",
            },
            Column::left(Width::Natural, "  "),
        ];
        let t = Table {
            columns: &cols,
            indent: "",
            trim: true,
        };
        let text = print(
            &t,
            &[row(&["ID", "N", "TITLE"]), row(&["é-long", "38", ""])],
        );
        assert_eq!(text, "ID       N  TITLE\né-long  38\n");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let cols = [
            Column::left(Width::Widest, ""),
            Column::left(Width::Natural, " "),
        ];
        let t = Table {
            columns: &cols,
            indent: "",
            trim: true,
        };
        assert_eq!(
            print(&t, &[row(&["南スーダン", "x"]), row(&["Mali", "y"])]),
            "南スーダン x\nMali       y\n"
        );
    }
}
