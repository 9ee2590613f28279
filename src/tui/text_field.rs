//! A text field: ratatui-textarea with the rules stocktake needs. Pasted text arrives
//! neutralised (no escape sequence is ever stored or drawn raw), single-line fields turn
//! newlines into spaces, and long text wraps at word boundaries instead of scrolling sideways.

use ratatui_textarea::{Input, Key, TextArea, WrapMode};

use crate::neutralise;
use crate::session::MAX_TEXT_CHARS;

#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    multiline: bool,
    placeholder: Option<String>,
}

impl TextField {
    pub fn new(text: &str, multiline: bool) -> TextField {
        let lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_string).collect()
        } else {
            vec![text.replace('\n', " ")]
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(if multiline {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.set_max_histories(200);
        // Resume with the cursor after the text, where typing continues.
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextField {
            area,
            multiline,
            placeholder: None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    pub fn multiline(&self) -> bool {
        self.multiline
    }

    /// Feed a key; true when the text changed.
    pub fn input(&mut self, input: Input) -> bool {
        if !self.multiline && matches!(input.key, Key::Enter) {
            return false;
        }
        if let Key::Char(c) = input.key
            && !input.ctrl
            && !input.alt
            && self.text().chars().count() >= MAX_TEXT_CHARS
            && !c.is_control()
        {
            return false;
        }
        self.area.input(input)
    }

    /// Feed a key to a field that must not change (a read-only session): the cursor
    /// moves, the text stays. True when the key would have changed the text.
    pub fn browse(&mut self, input: Input) -> bool {
        let before = self.area.clone();
        if self.area.input(input) {
            self.area = before;
            return true;
        }
        false
    }

    /// Insert pasted text: control characters become visible escapes, `\r\n` a newline.
    pub fn paste(&mut self, text: &str) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.multiline {
            neutralise::block(&text).into_owned()
        } else {
            neutralise::line(&text.replace(['\n', '\t'], " ")).into_owned()
        };
        let room = MAX_TEXT_CHARS.saturating_sub(self.text().chars().count());
        let text: String = text.chars().take(room).collect();
        !text.is_empty() && self.area.insert_str(text)
    }

    /// The cursor is on the first line: ↑ has nowhere to go inside the field.
    pub fn at_first_line(&self) -> bool {
        self.area.cursor().0 == 0
    }

    /// The cursor is on the last line: ↓ has nowhere to go inside the field.
    pub fn at_last_line(&self) -> bool {
        self.area.cursor().0 + 1 >= self.area.lines().len()
    }

    /// What to draw while the field has the keyboard (see `text_view.rs`).
    pub fn view(&self) -> super::text_view::EditorView<'_> {
        super::text_view::EditorView {
            field: self,
            placeholder: None,
        }
    }

    /// As [`TextField::view`], with `placeholder` shown while it is empty.
    pub fn view_with_placeholder(&self, placeholder: String) -> super::text_view::EditorView<'_> {
        super::text_view::EditorView {
            field: self,
            placeholder: Some(placeholder),
        }
    }

    /// (line, column in characters) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    pub fn lines(&self) -> &[String] {
        self.area.lines()
    }

    pub fn placeholder(&self) -> Option<&str> {
        self.placeholder.as_deref()
    }

    pub fn set_placeholder(&mut self, text: &str) {
        self.placeholder = Some(text.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::parse_keys;

    fn typed(field: &mut TextField, keys: &str) {
        for k in parse_keys(keys).expect("keys") {
            field.input(k);
        }
    }

    #[test]
    fn typing_and_editing_keys_work() {
        let mut f = TextField::new("", true);
        typed(
            &mut f,
            "Meets montly<left><left>h<end> at UNHCR<enter>Second line",
        );
        assert_eq!(f.text(), "Meets monthly at UNHCR\nSecond line");
    }

    #[test]
    fn single_line_fields_ignore_enter_and_flatten_pastes() {
        let mut f = TextField::new("South", false);
        typed(&mut f, "<enter> Sudan");
        assert_eq!(f.text(), "South Sudan");
        let mut g = TextField::new("", false);
        g.paste("line one\r\nline two\tend");
        assert_eq!(g.text(), "line one line two end");
    }

    #[test]
    fn pasted_escape_sequences_are_stored_visible_and_inert() {
        let mut f = TextField::new("", true);
        f.paste("title\u{1b}]0;pwned\u{7} and \u{1b}]52;c;SGVsbG8=\u{7}\nok");
        let t = f.text();
        assert!(!t.contains('\u{1b}') && !t.contains('\u{7}'));
        assert_eq!(
            t,
            "title\\u{1b}]0;pwned\\u{7} and \\u{1b}]52;c;SGVsbG8=\\u{7}\nok"
        );
    }
}
