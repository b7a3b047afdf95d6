//! Asking for changes, and taking in their outcome: status moves, undo and redo, messages.

use super::{App, ChangeKind, Effect};
use crate::action::Action;
use crate::model::{Board, HistoryEntry, Operation, Via};
use crate::store::StoreError;

/// A change that undo (or redo) can make, and what the original change was, for the message.
#[derive(Debug, Clone)]
pub struct Undoable {
    /// The entries the change made: undo reverts them.
    pub entries: Vec<HistoryEntry>,
    pub label: String,
}

impl App {
    pub(super) fn refuse_changes(&mut self) -> bool {
        let reason = if self.read_only == Some(super::ReadOnly::LookingBack) {
            self.lang.strings().looking_back_refused.to_string()
        } else if self.read_only.is_some() {
            self.lang.strings().read_only_refused.to_string()
        } else if let Some(refusal) = self.roles_refusal() {
            self.lang.refusal(&refusal)
        } else if let Some(problem) = &self.file_problem {
            format!("{}: {problem}", self.lang.strings().file_invalid)
        } else {
            return false;
        };
        self.error(reason);
        true
    }

    /// Moves `task` (the one the mode in use shows) to the next or previous status.
    pub(super) fn move_task(
        &mut self,
        task: Option<crate::model::TaskId>,
        action: Action,
    ) -> Effect {
        let Some(id) = task else {
            return Effect::None;
        };
        let Some(task) = self.board.task(id) else {
            return Effect::None;
        };
        let to = match action {
            Action::MoveNext => task.status.next(),
            _ => task.status.previous(),
        };
        let Some(to) = to else {
            // Said, not silently ignored: `H` on 未启动 would otherwise seem broken.
            let text = self
                .lang
                .no_status_beyond(action == Action::MoveNext, task.status);
            self.info(text);
            return Effect::None;
        };
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
        let (stack, via) = match kind {
            ChangeKind::Redo => (&mut self.redo, Via::Redo),
            _ => (&mut self.undo, Via::Undo),
        };
        match stack.pop() {
            Some(entry) => {
                let op = Operation::Revert {
                    via,
                    entries: entry.entries,
                };
                self.reverting = Some(entry.label);
                Effect::Apply { op, kind }
            }
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
        result: Result<(Board, Vec<HistoryEntry>), StoreError>,
    ) {
        self.saving = false;
        let submitted = self.submitted.take();
        // Undo and redo say what they revert: the change as it was first made.
        let label = self
            .reverting
            .take()
            .unwrap_or_else(|| self.describe_change(&op));
        match result {
            Ok((board, entries)) => {
                self.history.extend(entries.iter().cloned());
                self.sync_detail_record();
                let entry = Undoable {
                    entries,
                    label: label.clone(),
                };
                match kind {
                    ChangeKind::New => {
                        self.undo.push(entry);
                        self.redo.clear();
                    }
                    ChangeKind::Undo => self.redo.push(entry),
                    ChangeKind::Redo => self.undo.push(entry),
                }
                self.file_problem = None;
                self.set_board(board);
                if let Some(id) = op.task_id() {
                    self.follow_task(id);
                }
                let s = self.lang.strings();
                self.info(match kind {
                    // Not `·`: ambiguous width, two cells in some East Asian terminal settings.
                    ChangeKind::New => format!("{label} - {}", s.saved),
                    ChangeKind::Undo => format!("{}: {label}", s.undone),
                    ChangeKind::Redo => format!("{}: {label}", s.redone),
                });
            }
            Err(e) => {
                let s = self.lang.strings();
                let why = match &e {
                    StoreError::Rejected(reason) => self.lang.op_error(reason),
                    other => other.to_string(),
                };
                // An undo the board refuses (a colleague changed the task since) is no failed
                // save: say that it was not undone, and why.
                let refused =
                    matches!(e, StoreError::Rejected(_)) && matches!(op, Operation::Revert { .. });
                let prefix = if refused {
                    self.lang.revert_refused(kind == ChangeKind::Redo, &label)
                } else {
                    s.save_failed.to_string()
                };
                match &e {
                    // A refusal by the board's roles is no failure to save: its reason (who may
                    // make the change) is the whole message.
                    StoreError::Rejected(crate::model::OpError::NotAllowed(refusal)) => {
                        self.error(self.lang.refusal(refusal))
                    }
                    _ => self.error(format!("{prefix}: {why}")),
                }
                // Keep an undo or redo that failed, so it can be tried again.
                if let Operation::Revert { entries, .. } = op {
                    let entry = Undoable { entries, label };
                    match kind {
                        ChangeKind::Undo => self.undo.push(entry),
                        ChangeKind::Redo => self.redo.push(entry),
                        ChangeKind::New => {}
                    }
                }
                // What the user typed is not lost: the dialog comes back as it was, the reason
                // in the footer beneath it; Enter tries again, Esc (twice) gives it up.
                if let Some(dialog) = submitted {
                    self.push(super::Mode::Dialog(Box::new(dialog)));
                }
            }
        }
    }

    /// Someone else changed the file (the main loop read it through the store): show their
    /// version, or keep ours and warn when theirs is invalid.
    pub fn on_file_changed(&mut self, read: Result<Board, StoreError>, path: &std::path::Path) {
        match read {
            Ok(board) => {
                self.file_problem = None;
                self.history_stale = true;
                self.set_board(board);
                self.info(self.lang.strings().reloaded.to_string());
            }
            Err(e) => {
                // Strict UTF-8 and full validation: a colleague's broken or GBK save is never
                // taken in and written back. Keep the last good board, which refuses to write
                // meanwhile.
                self.file_problem = Some(without_folder(&e.to_string(), path));
                // A message shown earlier ("saved") takes the footer's place and would hide the
                // warning.
                self.message = None;
            }
        }
    }

    /// The history entries the reload took in that others made (new since the last load,
    /// oldest first): the footer names who did what instead of a bare "reloaded", and the
    /// record (detail view) shows them.
    pub fn on_colleague_changes(&mut self, entries: Vec<HistoryEntry>) {
        let Some(first) = entries.first() else {
            return;
        };
        if self.file_problem.is_none() {
            self.info(self.lang.colleague_changes(first, entries.len()));
        }
        // While the history is still being read, that read brings them.
        if !self.history_pending() {
            self.history.extend(entries);
            self.sync_detail_record();
        }
    }

    /// The main loop has started saving the change of the last `Effect::Apply` (off the UI
    /// thread); until `on_applied`, keys are read but no other change is started.
    pub fn on_save_started(&mut self) {
        self.saving = true;
    }

    pub fn is_saving(&self) -> bool {
        self.saving
    }

    /// The save waits for the file lock `holder` has: say so, so a long wait is not a hang.
    pub fn on_lock_wait(&mut self, holder: &str) {
        let text = self.lang.waiting_for_lock(&crate::text::safe(holder));
        // The theme's ellipsis: `…` is two cells in some East Asian terminal settings.
        self.info(text.replace('…', self.theme.ellipsis));
    }

    /// A change in the user's words: "#3 已移至 已完成".
    pub(super) fn describe_change(&self, op: &Operation) -> String {
        let s = self.lang.strings();
        match op {
            Operation::SetStatus { id, to } => {
                format!(
                    "#{} {} {}",
                    self.task_number(*id),
                    s.moved_to,
                    self.lang.status(*to)
                )
            }
            Operation::AddNote { id, .. } => format!("#{} {}", self.task_number(*id), s.note_added),
            Operation::AddTask { task } => {
                format!("#{} {}", self.task_number(task.id), s.task_added)
            }
            Operation::DeleteTask { id } => {
                format!("#{} {}", self.task_number(*id), s.task_deleted)
            }
            Operation::RecordMeeting { date } => self.lang.meeting_recorded(*date),
            Operation::AddMilestone { id, .. } => {
                format!(
                    "#{} {}",
                    self.task_number(*id),
                    self.lang.milestone_board().added
                )
            }
            Operation::EditMilestone { id, number, .. }
            | Operation::CompleteMilestone { id, number, .. }
            | Operation::ReopenMilestone { id, number }
            | Operation::DeleteMilestone { id, number } => {
                let m = self.lang.milestone_board();
                let what = match op {
                    Operation::EditMilestone { .. } => m.edited,
                    Operation::CompleteMilestone { .. } => m.completed,
                    Operation::ReopenMilestone { .. } => m.reopened,
                    _ => m.deleted,
                };
                let word = self.lang.milestone_labels().milestone;
                format!("#{} {word} {number} {what}", self.task_number(*id))
            }
            Operation::RequestClose { id, .. } => {
                format!("#{} {}", self.task_number(*id), s.approvals.requested_close)
            }
            Operation::RequestExtend { id, .. } => {
                format!(
                    "#{} {}",
                    self.task_number(*id),
                    s.approvals.requested_extend
                )
            }
            Operation::Decide { id, decision } => {
                let l = s.approvals;
                let word = match decision {
                    crate::model::Decision::Approve => l.approve,
                    crate::model::Decision::Return(_) => l.send_back,
                    crate::model::Decision::Refuse(_) => l.refuse,
                };
                format!("#{} {}: {word}", self.task_number(*id), l.decided)
            }
            Operation::ResolveConflict { task, chose, .. } => {
                let l = self.lang.conflict_labels();
                let side = match chose {
                    crate::model::Side::Ours => l.ours,
                    crate::model::Side::Theirs => l.theirs,
                };
                let what = task.map_or(l.board.to_string(), |id| format!("#{id}"));
                format!("{what} {}: {} {side}", l.settled, l.kept)
            }
            other => match other.task_id() {
                Some(id) => format!("#{} {}", self.task_number(id), s.task_changed),
                None => s.task_changed.to_string(),
            },
        }
    }

    /// The outcome of an `Effect::Export`: where the reports were written.
    pub fn on_exported(
        &mut self,
        result: Result<Vec<std::path::PathBuf>, crate::report::ReportError>,
    ) {
        let s = self.lang.strings();
        match result {
            Ok(paths) => {
                let text = self.lang.exported_to(s.exported, &paths);
                self.info(text);
            }
            Err(e) => self.error(format!("{}: {e}", s.export_failed)),
        }
    }
}

/// "board.ron:35:21: …" rather than the whole path, so the footer has room for the problem.
fn without_folder(message: &str, path: &std::path::Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    match message.strip_prefix(&*path.display().to_string()) {
        Some(rest) => format!("{name}{rest}"),
        None => message.to_string(),
    }
}
