//! The note editor (`n`): a progress note for one task, or a decision of a coordination meeting.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Outcome, cancel_with_care, hint, is_enter, is_new_line};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Operation, TaskId};

pub struct NoteDialog {
    pub id: TaskId,
    pub editor: Editor,
    /// Record as a decision of a coordination meeting (会议决定).
    pub decision: bool,
    /// Esc was pressed once over typed text: a second Esc discards it.
    discard_armed: bool,
}

impl NoteDialog {
    pub fn new(id: TaskId) -> NoteDialog {
        NoteDialog {
            id,
            editor: Editor::new("", true),
            decision: false,
            discard_armed: false,
        }
    }

    pub fn hints(s: &'static Strings) -> Vec<Hint> {
        vec![
            hint("Enter", s.key_save),
            hint("Esc", s.key_cancel),
            hint("Alt-Enter", s.key_new_line),
            hint("Ctrl-T", s.key_decision),
        ]
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        let typed = !self.editor.text().trim().is_empty();
        if let Some(outcome) = cancel_with_care(key, typed, &mut self.discard_armed) {
            return outcome;
        }
        if is_new_line(key) {
            self.editor.new_line();
            return Outcome::Stay;
        }
        if key.code == KeyCode::Char('t') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.decision = !self.decision;
            return Outcome::Stay;
        }
        if is_enter(key) {
            let text = self.editor.text();
            if text.trim().is_empty() {
                return Outcome::Cancel;
            }
            return Outcome::Submit(Operation::AddNote {
                id: self.id,
                text: text.trim().to_string(),
                decision: self.decision,
            });
        }
        self.editor.input(key);
        Outcome::Stay
    }
}
