//! The detail of one task (drawn by `ui::detail`). Changes go to its task directly: a note, a
//! status move, an edit, undo, without leaving it.

use super::Step;
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind};
use crate::model::TaskId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub id: TaskId,
    pub scroll: usize,
}

impl Detail {
    pub fn new(id: TaskId) -> Detail {
        Detail { id, scroll: 0 }
    }

    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Step {
        match action {
            Action::MoveNext | Action::MovePrevious => {
                Step::effect(app.move_task(Some(self.id), action))
            }
            Action::Undo => Step::effect(app.take_undo(ChangeKind::Undo)),
            Action::Redo => Step::effect(app.take_undo(ChangeKind::Redo)),
            Action::AddNote | Action::EditTask => {
                app.open_dialog(action, Some(self.id));
                Step::stay()
            }
            Action::Back | Action::OpenDetail => Step::close(),
            _ => {
                self.scroll = super::board::scrolled(self.scroll, action, 10);
                Step::stay()
            }
        }
    }

    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        keys.collect(vec![
            (keys.key(Action::Back), s.key_back),
            (keys.pair(Action::Down, Action::Up), s.key_scroll),
            (keys.key(Action::AddNote), s.key_note),
            (
                keys.pair(Action::MoveNext, Action::MovePrevious),
                s.key_status,
            ),
            (keys.key(Action::Undo), keys.describe(Action::Undo)),
        ])
    }
}
