//! A ratatui backend that sends the terminal as few bytes as a frame needs: on a slow SSH
//! link a typed character must cost about what it costs in nano, not a screenful.
//!
//! ratatui already diffs frames, so only changed cells arrive here; crossterm's backend
//! then still spends ~30 bytes a frame on a full style reset (`39m 49m 59m 0m`) and on hiding
//! a cursor that is already hidden, and moves the cursor with an absolute `ESC[row;colH`
//! even when it sits one cell away. This one remembers what the terminal already shows
//! (where its cursor is, whether it is visible, the pen it writes with), moves by the
//! shortest sequence, sets a style with the fewer of "change what differs" and "reset, then
//! set", and resets the pen once at the end of a frame only if it changed, so whatever
//! else writes to the terminal (leaving the alternate screen, a shell prompt) starts plain.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// What the terminal writes with: the attributes a cell's style sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

pub struct LeanBackend<W: Write> {
    writer: W,
    /// Where the terminal's cursor is, when it is known for sure.
    at: Option<Position>,
    cursor_shown: Option<bool>,
    /// The terminal's width, as last measured: writing into the last column leaves the
    /// cursor in a state terminals treat differently, so from there the next move is absolute.
    cols: std::cell::Cell<u16>,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> LeanBackend<W> {
        let cols = crossterm::terminal::size().map_or(0, |(c, _)| c);
        LeanBackend::sized(writer, cols)
    }

    /// A backend for a terminal `cols` wide (tests, which have no terminal to ask).
    pub fn sized(writer: W, cols: u16) -> LeanBackend<W> {
        LeanBackend {
            writer,
            at: None,
            cursor_shown: None,
            cols: std::cell::Cell::new(cols),
        }
    }

    pub fn writer(&self) -> &W {
        &self.writer
    }

    /// Puts the cursor at `to` by the shortest sequence from where it is.
    fn go(&mut self, to: Position) -> io::Result<()> {
        if self.at == Some(to) {
            return Ok(());
        }
        let absolute = format!("\x1b[{};{}H", to.y + 1, to.x + 1);
        let relative = match self.at {
            Some(at) if at.y == to.y && at.x > to.x => Some(match at.x - to.x {
                1 => "\x08".to_string(),
                n => format!("\x1b[{n}D"),
            }),
            Some(at) if at.y == to.y => Some(match to.x - at.x {
                1 => "\x1b[C".to_string(),
                n => format!("\x1b[{n}C"),
            }),
            _ => None,
        };
        let seq = match relative {
            Some(r) if r.len() < absolute.len() => r,
            _ => absolute,
        };
        self.writer.write_all(seq.as_bytes())?;
        self.at = Some(to);
        Ok(())
    }
}

/// The SGR parameters of a colour, as foreground (`base` 30), background (40) or underline.
fn color_params(c: Color, base: u8, out: &mut Vec<String>) {
    let reset = match base {
        30 => "39",
        40 => "49",
        _ => "59",
    };
    let named = |n: u8| -> String {
        if base == 50 {
            // Underline colours have no short form: by index.
            format!("58;5;{n}")
        } else if n < 8 {
            (base + n).to_string()
        } else {
            (base + 60 + n - 8).to_string()
        }
    };
    out.push(match c {
        Color::Reset => reset.to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => format!("{};5;{i}", if base == 50 { 58 } else { base + 8 }),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", if base == 50 { 58 } else { base + 8 }),
    });
}

const ON: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The parameters that take the terminal from `from` to `to`, changing only what differs.
fn diff_params(from: Pen, to: Pen) -> Vec<String> {
    let mut out = Vec::new();
    let removed = from.modifier - to.modifier;
    let mut added = to.modifier - from.modifier;
    // Bold and dim share their "off" (22): taking one off takes both, so re-add the other.
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        out.push("22".to_string());
        added |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    if removed.contains(Modifier::ITALIC) {
        out.push("23".to_string());
    }
    if removed.contains(Modifier::UNDERLINED) {
        out.push("24".to_string());
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        out.push("25".to_string());
        added |= to.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    if removed.contains(Modifier::REVERSED) {
        out.push("27".to_string());
    }
    if removed.contains(Modifier::HIDDEN) {
        out.push("28".to_string());
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        out.push("29".to_string());
    }
    for (m, p) in ON {
        if added.contains(m) {
            out.push(p.to_string());
        }
    }
    if from.fg != to.fg {
        color_params(to.fg, 30, &mut out);
    }
    if from.bg != to.bg {
        color_params(to.bg, 40, &mut out);
    }
    if from.underline != to.underline {
        color_params(to.underline, 50, &mut out);
    }
    out
}

/// The shorter of "change what differs" and "reset, then set what `to` needs".
fn sgr(from: Pen, to: Pen) -> String {
    let diff = format!("\x1b[{}m", diff_params(from, to).join(";"));
    let mut fresh = vec!["0".to_string()];
    fresh.extend(diff_params(Pen::PLAIN, to));
    let fresh = if fresh.len() == 1 {
        "\x1b[0m".to_string()
    } else {
        format!("\x1b[{}m", fresh.join(";"))
    };
    if fresh.len() <= diff.len() {
        fresh
    } else {
        diff
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Each frame starts and ends with a plain pen (see the module's comment).
        let mut pen = Pen::PLAIN;
        for (x, y, cell) in content {
            self.go(Position { x, y })?;
            let want = Pen::of(cell);
            if want != pen {
                self.writer.write_all(sgr(pen, want).as_bytes())?;
                pen = want;
            }
            let symbol = cell.symbol();
            self.writer.write_all(symbol.as_bytes())?;
            let w = symbol.width().max(1) as u16;
            let cols = self.cols.get();
            self.at = (cols > 0 && x + w < cols).then_some(Position { x: x + w, y });
        }
        if pen != Pen::PLAIN {
            self.writer.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.at = None;
        self.writer.flush()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.writer.write_all(b"\x1b[?25l")?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.writer.write_all(b"\x1b[?25h")?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        crossterm::cursor::position()
            .map(|(x, y)| Position { x, y })
            .map_err(io::Error::other)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.go(position.into())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.writer.write_all(seq)?;
        // Terminals differ on where a clear leaves the cursor: measure again from scratch.
        self.at = None;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let (cols, rows) = crossterm::terminal::size()?;
        self.cols.set(cols);
        Ok(Size {
            width: cols,
            height: rows,
        })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = crossterm::terminal::window_size()?;
        self.cols.set(w.columns);
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn frame(b: &mut LeanBackend<Vec<u8>>, cells: &[(u16, u16, &str, Style)]) -> String {
        b.writer.clear();
        let owned: Vec<(u16, u16, Cell)> = cells
            .iter()
            .map(|(x, y, s, st)| {
                let mut c = Cell::default();
                c.set_symbol(s).set_style(*st);
                (*x, *y, c)
            })
            .collect();
        b.draw(owned.iter().map(|(x, y, c)| (*x, *y, c)))
            .expect("draw");
        String::from_utf8_lossy(&b.writer).into_owned()
    }

    #[test]
    fn a_typed_character_with_a_block_cursor_costs_about_ten_bytes() {
        let rev = Style::new().add_modifier(Modifier::REVERSED);
        let mut b = LeanBackend::sized(Vec::new(), 80);
        // The first frame places the cursor absolutely.
        let first = frame(&mut b, &[(25, 13, "T", Style::new()), (26, 13, " ", rev)]);
        assert_eq!(first, "\x1b[14;26HT\x1b[7m \x1b[0m");
        // The next key: one cell back, the letter, the cursor cell, the reset.
        let next = frame(&mut b, &[(26, 13, "h", Style::new()), (27, 13, " ", rev)]);
        assert_eq!(next, "\x08h\x1b[7m \x1b[0m");
        assert_eq!(next.len(), 11);
    }

    #[test]
    fn nothing_changed_sends_nothing_and_the_cursor_is_hidden_once() {
        let mut b = LeanBackend::sized(Vec::new(), 80);
        assert_eq!(frame(&mut b, &[]), "");
        b.hide_cursor().expect("hide");
        b.hide_cursor().expect("hide again");
        assert_eq!(b.writer, b"\x1b[?25l");
    }

    #[test]
    fn a_style_is_changed_by_the_shorter_sequence_and_reset_at_the_end() {
        let bold_red = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let red = Style::new().fg(Color::Red);
        let mut b = LeanBackend::sized(Vec::new(), 80);
        let out = frame(
            &mut b,
            &[
                (0, 0, "a", bold_red),
                (1, 0, "b", red),
                (2, 0, "c", Style::new()),
            ],
        );
        // Bold off is one parameter; from red to plain a reset is shorter than "39".
        assert_eq!(out, "\x1b[1;1H\x1b[1;31ma\x1b[22mb\x1b[0mc");
        // Far moves on the same row are relative when that is shorter, else absolute.
        let out = frame(
            &mut b,
            &[(40, 0, "x", Style::new()), (2, 1, "y", Style::new())],
        );
        assert_eq!(out, "\x1b[37Cx\x1b[2;3Hy");
    }

    #[test]
    fn writing_into_the_last_column_makes_the_next_move_absolute() {
        let mut b = LeanBackend::sized(Vec::new(), 10);
        let out = frame(
            &mut b,
            &[(9, 0, "a", Style::new()), (8, 0, "b", Style::new())],
        );
        assert_eq!(out, "\x1b[1;10Ha\x1b[1;9Hb");
    }

    /// What a terminal shows after the bytes, for the sequences this backend writes.
    struct Screen {
        cols: u16,
        cells: Vec<(String, Pen)>,
        at: (u16, u16),
        pen: Pen,
    }

    impl Screen {
        fn new(cols: u16, rows: u16) -> Screen {
            Screen {
                cols,
                cells: vec![(" ".to_string(), Pen::PLAIN); usize::from(cols * rows)],
                at: (0, 0),
                pen: Pen::PLAIN,
            }
        }

        fn color(p: &[u16], i: &mut usize) -> Color {
            let named = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ];
            match p[*i] % 10 {
                8 if p[*i + 1] == 5 => {
                    *i += 2;
                    Color::Indexed(p[*i] as u8)
                }
                8 => {
                    *i += 4;
                    Color::Rgb(p[*i - 2] as u8, p[*i - 1] as u8, p[*i] as u8)
                }
                9 => Color::Reset,
                n if p[*i] >= 90 => named[usize::from(n) + 8],
                n => named[usize::from(n)],
            }
        }

        fn sgr(&mut self, p: &[u16]) {
            let mut i = 0;
            while i < p.len() {
                let m = &mut self.pen.modifier;
                match p[i] {
                    0 => self.pen = Pen::PLAIN,
                    n @ 1..=9 => *m |= ON[usize::from(n) - 1].0,
                    22 => *m -= Modifier::BOLD | Modifier::DIM,
                    23 => *m -= Modifier::ITALIC,
                    24 => *m -= Modifier::UNDERLINED,
                    25 => *m -= Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
                    27 => *m -= Modifier::REVERSED,
                    28 => *m -= Modifier::HIDDEN,
                    29 => *m -= Modifier::CROSSED_OUT,
                    30..=39 | 90..=97 => self.pen.fg = Screen::color(p, &mut i),
                    40..=49 | 100..=107 => {
                        let mut q: Vec<u16> = p.to_vec();
                        q[i] -= 10;
                        self.pen.bg = Screen::color(&q, &mut i);
                    }
                    58 | 59 => {
                        let mut q: Vec<u16> = p.to_vec();
                        q[i] -= 20;
                        self.pen.underline = Screen::color(&q, &mut i);
                    }
                    other => panic!("unexpected SGR {other}"),
                }
                i += 1;
            }
        }

        fn feed(&mut self, bytes: &[u8]) {
            let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
            let mut it = text.chars().peekable();
            while let Some(c) = it.next() {
                match c {
                    '\x08' => self.at.0 = self.at.0.saturating_sub(1),
                    '\x1b' => {
                        assert_eq!(it.next(), Some('['));
                        let mut params = String::new();
                        let cmd = loop {
                            let c = it.next().expect("a complete sequence");
                            if c.is_ascii_digit() || c == ';' || c == '?' {
                                params.push(c);
                            } else {
                                break c;
                            }
                        };
                        let n: Vec<u16> = params
                            .split(';')
                            .filter(|s| !s.is_empty())
                            .map(|s| s.parse().expect("number"))
                            .collect();
                        match cmd {
                            'H' => self.at = (n[1] - 1, n[0] - 1),
                            'D' => self.at.0 -= n.first().copied().unwrap_or(1),
                            'C' => self.at.0 += n.first().copied().unwrap_or(1),
                            'm' => self.sgr(if n.is_empty() { &[0] } else { &n }),
                            other => panic!("unexpected command {other}"),
                        }
                    }
                    c => {
                        let i = usize::from(self.at.1 * self.cols + self.at.0);
                        self.cells[i] = (c.to_string(), self.pen);
                        self.at.0 = (self.at.0 + 1).min(self.cols - 1);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// Whatever frames follow one another, the terminal ends up showing exactly the
        /// buffer, with a plain pen between frames.
        #[test]
        fn the_terminal_shows_exactly_the_buffer_after_any_frames(
            frames in proptest::collection::vec(
                proptest::collection::vec((0u16..12, 0u16..3, 0usize..4, 0usize..6), 0..20),
                1..6,
            )
        ) {
            let symbols = ["a", "b", " ", "é"];
            let styles = [
                Style::new(),
                Style::new().add_modifier(Modifier::REVERSED),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                Style::new().fg(Color::Indexed(208)).bg(Color::Blue),
                Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC).bg(Color::Rgb(1, 2, 3)),
                Style::new().fg(Color::DarkGray).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ];
            let area = ratatui::layout::Rect::new(0, 0, 12, 3);
            let mut shown = ratatui::buffer::Buffer::empty(area);
            let mut screen = Screen::new(12, 3);
            let mut b = LeanBackend::sized(Vec::new(), 12);
            for edits in frames {
                let mut next = shown.clone();
                for (x, y, s, st) in edits {
                    next[(x, y)].set_symbol(symbols[s]).set_style(styles[st]);
                }
                b.writer.clear();
                b.draw(shown.diff(&next).into_iter()).expect("draw");
                screen.feed(&b.writer);
                proptest::prop_assert_eq!(screen.pen, Pen::PLAIN);
                for y in 0..3u16 {
                    for x in 0..12u16 {
                        let want = &next[(x, y)];
                        let got = &screen.cells[usize::from(y * 12 + x)];
                        proptest::prop_assert_eq!(&got.0, want.symbol(), "at {},{}", x, y);
                        proptest::prop_assert_eq!(got.1, Pen::of(want), "at {},{}", x, y);
                    }
                }
                shown = next;
            }
        }
    }

    #[test]
    fn a_wide_character_moves_the_cursor_two_columns() {
        let mut b = LeanBackend::sized(Vec::new(), 80);
        let out = frame(
            &mut b,
            &[(0, 0, "語", Style::new()), (2, 0, "x", Style::new())],
        );
        assert_eq!(out, "\x1b[1;1H語x");
    }
}
