//! The interactive board's state and its `update`: actions in, effects out. `update` never draws and
//! never touches the disk; the main loop carries out the [`Effect`] it returns.

mod dialog;
mod editor;
mod grouping;
mod navigation;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

pub use dialog::{Dialog, NoteDialog, Outcome, TaskForm};
pub use editor::Editor;
pub use grouping::{Grouping, UnitRow};
pub use navigation::{StatusCursor, UnitCursor};

use crate::action::Action;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::model::{Board, Operation, Status, TaskId};
use crate::store::StoreError;
use crate::ui::theme::{Theme, ThemeName};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Status,
    Units,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Detail { id: TaskId, scroll: usize },
    Help { scroll: usize },
}

/// Why changes are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// `--read-only` was given.
    Requested,
    /// The file (or its folder) is not writable for this user.
    NotWritable,
}

/// What the main loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    Quit,
    /// Apply this change to the file (under the lock) and hand the result to `App::on_applied`.
    Apply {
        op: Operation,
        kind: ChangeKind,
    },
}

/// Whether a change is new, an undo or a redo: decides which stack its inverse goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    New,
    Undo,
    Redo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    pub board: Board,
    /// The file path as shown in the footer.
    pub file_label: String,
    /// Who is making changes (shown in the note editor; recorded by the store).
    pub user: String,
    pub today: NaiveDate,
    pub lang: Lang,
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: View,
    pub overlay: Option<Overlay>,
    /// A dialog taking typed input; while open it gets every key.
    pub dialog: Option<Dialog>,
    pub grouping: Grouping,
    pub status_cursor: StatusCursor,
    pub unit_cursor: UnitCursor,
    /// The terminal's size, kept from resize events so scrolling knows what fits.
    pub screen: Rect,
    pub message: Option<Message>,
    pub read_only: Option<ReadOnly>,
    /// Set while the file on disk is invalid: we show the last good board and refuse to write.
    pub file_problem: Option<String>,
    undo: Vec<Operation>,
    redo: Vec<Operation>,
}

impl App {
    pub fn new(board: Board, file_label: String, today: NaiveDate, lang: Lang) -> App {
        let mut app = App {
            board,
            file_label,
            user: String::new(),
            today,
            lang,
            keymap: Keymap::default(),
            theme: Theme::new(ThemeName::Default, false),
            view: View::Status,
            overlay: None,
            dialog: None,
            grouping: Grouping::default(),
            status_cursor: StatusCursor::default(),
            unit_cursor: UnitCursor::default(),
            screen: Rect::new(0, 0, 80, 24),
            message: None,
            read_only: None,
            file_problem: None,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        app.regroup();
        app
    }

    /// Recomputes the cached groupings and keeps the cursors on the tasks they were on.
    fn regroup(&mut self) {
        let selected_status = self.selected_in_status_view();
        let selected_unit = self.selected_in_unit_view();
        self.grouping = Grouping::compute(&self.board, self.today, |_| true);
        self.status_cursor.follow(&self.grouping, selected_status);
        self.unit_cursor.follow(&self.grouping, selected_unit);
        self.keep_cursors_in_view();
    }

    fn keep_cursors_in_view(&mut self) {
        let body = crate::ui::layout::body(self.screen);
        self.status_cursor
            .scroll_into_view(crate::ui::layout::cards_per_column(body));
        self.unit_cursor
            .scroll_into_view(&self.grouping, crate::ui::layout::unit_rows_visible(body));
    }

    pub fn selected_in_status_view(&self) -> Option<TaskId> {
        self.status_cursor.selected(&self.grouping)
    }

    pub fn selected_in_unit_view(&self) -> Option<(TaskId, String)> {
        self.unit_cursor.selected(&self.grouping)
    }

    /// The task the current view points at.
    pub fn selected_task(&self) -> Option<TaskId> {
        match self.view {
            View::Status => self.selected_in_status_view(),
            View::Units => self.selected_in_unit_view().map(|(id, _)| id),
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.keep_cursors_in_view();
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Effect {
        if let Some(dialog) = self.dialog.as_mut() {
            let outcome = match dialog {
                Dialog::Note(note) => note.on_key(key),
                Dialog::Task(form) => form.on_key(key),
                Dialog::ConfirmDelete { id, .. } => match key.code {
                    KeyCode::Char('y' | 'Y') => Outcome::Submit(Operation::DeleteTask { id: *id }),
                    _ => Outcome::Cancel,
                },
            };
            return self.on_dialog_outcome(outcome);
        }
        match self.keymap.action_for(key) {
            Some(action) => self.update(action),
            None => Effect::None,
        }
    }

    /// Bracketed paste goes to the open text input, cleaned there; elsewhere it is ignored.
    pub fn on_paste(&mut self, text: &str) {
        match self.dialog.as_mut() {
            Some(Dialog::Note(note)) => note.editor.paste(text),
            Some(Dialog::Task(form)) => form.paste(text),
            _ => {}
        }
    }

    fn on_dialog_outcome(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::Stay => Effect::None,
            Outcome::Cancel => {
                self.dialog = None;
                Effect::None
            }
            Outcome::Invalid(field) => {
                let s = self.lang.strings();
                let text = match field.as_str() {
                    "title" => s.need_title,
                    "deadline" => s.need_date,
                    _ => s.need_lead_unit,
                };
                self.error(text.to_string());
                Effect::None
            }
            Outcome::Submit(op) => {
                self.dialog = None;
                Effect::Apply {
                    op,
                    kind: ChangeKind::New,
                }
            }
        }
    }

    fn open_dialog(&mut self, action: Action) {
        if self.refuse_changes() {
            return;
        }
        let known_units = || -> Vec<String> {
            self.board
                .units_in_plan_order()
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        let selected = self.selected_task().and_then(|id| self.board.task(id));
        self.dialog = match (action, selected) {
            (Action::AddNote, Some(task)) => Some(Dialog::Note(NoteDialog::new(task.id))),
            (Action::EditTask, Some(task)) => {
                Some(Dialog::Task(TaskForm::edit(task, known_units())))
            }
            (Action::DeleteTask, Some(task)) => Some(Dialog::ConfirmDelete {
                id: task.id,
                title: task.title.clone(),
            }),
            (Action::AddTask, _) => {
                let deadline = self
                    .board
                    .tasks
                    .iter()
                    .map(|t| t.deadline)
                    .max()
                    .unwrap_or(self.today);
                Some(Dialog::Task(TaskForm::new_task(
                    self.board.next_id(),
                    deadline,
                    known_units(),
                )))
            }
            _ => None,
        };
    }

    pub fn update(&mut self, action: Action) -> Effect {
        self.message = None;
        if action == Action::Quit {
            return Effect::Quit;
        }
        if let Some(overlay) = self.overlay.take() {
            self.overlay = self.update_overlay(overlay, action);
            return Effect::None;
        }
        let body = crate::ui::layout::body(self.screen);
        match action {
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextView => self.switch_view(match self.view {
                View::Status => View::Units,
                View::Units => View::Status,
            }),
            Action::ShowStatusView => self.switch_view(View::Status),
            Action::ShowUnitView => self.switch_view(View::Units),
            Action::OpenDetail => {
                if let Some(id) = self.selected_task() {
                    self.overlay = Some(Overlay::Detail { id, scroll: 0 });
                }
            }
            Action::MoveNext | Action::MovePrevious => return self.move_selected(action),
            Action::AddNote | Action::EditTask | Action::AddTask | Action::DeleteTask => {
                self.open_dialog(action)
            }
            Action::Undo => return self.take_undo(ChangeKind::Undo),
            Action::Redo => return self.take_undo(ChangeKind::Redo),
            Action::Back | Action::Quit => {}
            navigation => match self.view {
                View::Status => self.status_cursor.navigate(
                    navigation,
                    &self.grouping,
                    crate::ui::layout::cards_per_column(body),
                ),
                View::Units => self.unit_cursor.navigate(
                    navigation,
                    &self.grouping,
                    crate::ui::layout::unit_rows_visible(body),
                ),
            },
        }
        Effect::None
    }

    fn switch_view(&mut self, view: View) {
        // Carry the selected task across views so switching keeps your place.
        if let Some(id) = self.selected_task() {
            match view {
                View::Status => self.status_cursor.follow(&self.grouping, Some(id)),
                View::Units => self
                    .unit_cursor
                    .follow(&self.grouping, Some((id, String::new()))),
            }
        }
        self.view = view;
        self.keep_cursors_in_view();
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Option<Overlay> {
        let scrolled = |scroll: usize| match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(10),
            Action::PageDown => scroll.saturating_add(10),
            Action::First => 0,
            _ => scroll,
        };
        match (overlay, action) {
            (_, Action::Back) => None,
            (Overlay::Help { .. }, Action::ToggleHelp) => None,
            (Overlay::Detail { .. }, Action::OpenDetail) => None,
            (Overlay::Help { scroll }, _) => Some(Overlay::Help {
                scroll: scrolled(scroll),
            }),
            (Overlay::Detail { id, scroll }, _) => Some(Overlay::Detail {
                id,
                scroll: scrolled(scroll),
            }),
        }
    }

    fn refuse_changes(&mut self) -> bool {
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

    fn move_selected(&mut self, action: Action) -> Effect {
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

    fn take_undo(&mut self, kind: ChangeKind) -> Effect {
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

    fn describe_change(&self, op: &Operation, kind: ChangeKind) -> String {
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
            ChangeKind::New => format!("{what} · {}", s.saved),
            ChangeKind::Undo => format!("{}: {what}", s.undone),
            ChangeKind::Redo => format!("{}: {what}", s.redone),
        }
    }

    /// Moves the cursor of the current view onto a task (after a change moved it).
    fn follow_task(&mut self, id: TaskId) {
        match self.view {
            View::Status => self.status_cursor.follow(&self.grouping, Some(id)),
            View::Units => {
                let unit = self
                    .selected_in_unit_view()
                    .map(|(_, u)| u)
                    .unwrap_or_default();
                self.unit_cursor.follow(&self.grouping, Some((id, unit)));
            }
        }
        self.keep_cursors_in_view();
    }

    /// Replaces the board (after a save or when someone else changed the file), keeping selection
    /// and scroll position on the same tasks.
    pub fn set_board(&mut self, board: Board) {
        self.board = board;
        if let Some(Overlay::Detail { id, .. }) = &self.overlay
            && self.board.task(*id).is_none()
        {
            self.overlay = None;
        }
        self.regroup();
    }

    pub fn user_label(&self) -> &str {
        &self.user
    }

    pub fn info(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: false,
        });
    }

    pub fn error(&mut self, text: String) {
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    /// Tasks per status, for column headers.
    pub fn column_count(&self, status: Status) -> usize {
        self.grouping.columns[status.index()].len()
    }
}
