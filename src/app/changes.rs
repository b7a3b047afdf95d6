//! Asking for changes, and taking in their outcome: status moves, undo and redo, messages.

use super::{App, ChangeKind, Effect};
use crate::action::Action;
use crate::model::{Board, Operation};
use crate::store::StoreError;

impl App {
    pub(super) fn refuse_changes(&mut self) -> bool {
        let reason = if self.read_only.is_some() {
            self.lang.strings().read_only_refused.to_string()
        } else if let Some(problem) = &self.file_problem {
            format!("{}: {problem}", self.lang.strings().file_invalid)
        } else {
            return false;
        };
        self.error(reason);
        true
    }

    pub(super) fn move_selected(&mut self, action: Action) -> Effect {
        let Some(id) = self.selected_task() else {
            return Effect::None;
        };
        let Some(task) = self.board.task(id) else {
            return Effect::None;
        };
        let to = match action {
            Action::MoveNext => task.status.next(),
            _ => task.status.previous(),
        };
        let Some(to) = to else { return Effect::None };
        if self.refuse_changes() {
            return Effect::None;
        }
        Effect::Apply {
            op: Operation::SetStatus { id, to },
            kind: ChangeKind::New,
        }
    }

    pub(super) fn take_undo(&mut self, kind: ChangeKind) -> Effect {
        if self.refuse_changes() {
            return Effect::None;
        }
        let stack = match kind {
            ChangeKind::Redo => &mut self.redo,
            _ => &mut self.undo,
        };
        match stack.pop() {
            Some(op) => Effect::Apply { op, kind },
            None => {
                let s = self.lang.strings();
                let text = if kind == ChangeKind::Redo {
                    s.nothing_to_redo
                } else {
                    s.nothing_to_undo
                };
                self.info(text.to_string());
                Effect::None
            }
        }
    }

    /// The outcome of an `Effect::Apply`.
    pub fn on_applied(
        &mut self,
        op: Operation,
        kind: ChangeKind,
        result: Result<(Board, Operation), StoreError>,
    ) {
        match result {
            Ok((board, inverse)) => {
                match kind {
                    ChangeKind::New => {
                        self.undo.push(inverse);
                        self.redo.clear();
                    }
                    ChangeKind::Undo => self.redo.push(inverse),
                    ChangeKind::Redo => self.undo.push(inverse),
                }
                self.file_problem = None;
                self.set_board(board);
                self.follow_task(op.task_id());
                self.info(self.describe_change(&op, kind));
            }
            Err(e) => {
                // Keep an undo or redo that failed, so it can be tried again.
                match kind {
                    ChangeKind::Undo => self.undo.push(op),
                    ChangeKind::Redo => self.redo.push(op),
                    ChangeKind::New => {}
                }
                let s = self.lang.strings();
                self.error(format!("{}: {e}", s.save_failed));
            }
        }
    }

    pub(super) fn describe_change(&self, op: &Operation, kind: ChangeKind) -> String {
        let s = self.lang.strings();
        let what = match op {
            Operation::SetStatus { id, to } => {
                format!("#{id} {} {}", s.moved_to, self.lang.status(*to))
            }
            Operation::AddNote { id, .. } | Operation::RestoreNote { id, .. } => {
                format!("#{id} {}", s.note_added)
            }
            Operation::AddTask { task } => format!("#{} {}", task.id, s.task_added),
            Operation::DeleteTask { id } => format!("#{id} {}", s.task_deleted),
            other => format!("#{} {}", other.task_id(), s.task_changed),
        };
        match kind {
            // Not `·`: ambiguous width, two cells in some East Asian terminal settings.
            ChangeKind::New => format!("{what} - {}", s.saved),
            ChangeKind::Undo => format!("{}: {what}", s.undone),
            ChangeKind::Redo => format!("{}: {what}", s.redone),
        }
    }

    /// The outcome of an `Effect::Export`: where the reports were written.
    pub fn on_exported(&mut self, result: Result<Vec<std::path::PathBuf>, String>) {
        let s = self.lang.strings();
        match result {
            Ok(paths) => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                self.info(format!("{}: {}", s.exported, names.join(", ")));
            }
            Err(e) => self.error(format!("{}: {e}", s.export_failed)),
        }
    }
}
