//! A text input built on ratatui-textarea (Chinese input, paste, cursor by display width, word
//! deletion), with our cleaning of whatever is typed or pasted.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{TextArea, WrapMode};

use crate::model::sanitize::{clean_line, clean_text};

pub struct Editor {
    pub area: TextArea<'static>,
    multi_line: bool,
}

impl Editor {
    pub fn new(initial: &str, multi_line: bool) -> Editor {
        let lines: Vec<String> = if multi_line {
            initial.split('\n').map(str::to_string).collect()
        } else {
            vec![clean_line(initial)]
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor { area, multi_line }
    }

    pub fn text(&self) -> String {
        let joined = self.area.lines().join("\n");
        if self.multi_line {
            clean_text(&joined)
        } else {
            clean_line(&joined)
        }
    }

    pub fn set_text(&mut self, text: &str) {
        *self = Editor::new(text, self.multi_line);
    }

    /// Passes a key to the text area. Enter is the caller's (save); Alt-Enter or Ctrl-J make a new
    /// line in a multi-line editor.
    pub fn input(&mut self, key: &KeyEvent) -> bool {
        self.area.input(*key)
    }

    pub fn new_line(&mut self) {
        if self.multi_line {
            self.area.insert_newline();
        }
    }

    /// Bracketed paste: cleaned, and flattened to one line where only one is allowed.
    pub fn paste(&mut self, text: &str) {
        let text = if self.multi_line {
            clean_text(text)
        } else {
            clean_line(text)
        };
        self.area.insert_str(text);
    }
}
