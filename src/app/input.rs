//! Keys and pastes while a dialog is open, and opening the dialogs.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::dialog::{Dialog, NoteDialog, Outcome, Problem, StartOutcome, TaskForm};
use super::editor::Editor;
use super::filter_form::{FilterForm, FilterOutcome};
use super::{App, ChangeKind, Effect, Mode};
use crate::action::Action;
use crate::model::Filter;

impl App {
    pub(super) fn on_dialog_key(&mut self, key: &KeyEvent) -> Effect {
        let Some(dialog) = self.dialog_mut() else {
            return Effect::None;
        };
        let outcome = match dialog {
            Dialog::Note(note) => note.on_key(key),
            Dialog::Task(form) => form.on_key(key),
            Dialog::ConfirmDelete { id, .. } => match key.code {
                KeyCode::Char('y' | 'Y') => {
                    Outcome::Submit(crate::model::Operation::DeleteTask { id: *id })
                }
                _ => Outcome::Cancel,
            },
            Dialog::Request(request) => request.on_key(key),
            Dialog::Decide(decide) => decide.on_key(key),
            Dialog::Search(_) => return self.on_search_key(key),
            Dialog::Milestone(dialog) => dialog.on_key(key),
            Dialog::Filter(form) => match form.on_key(key) {
                FilterOutcome::Stay => Outcome::Stay,
                FilterOutcome::Cancel => Outcome::Cancel,
                FilterOutcome::Apply(filter) => {
                    self.take_dialog();
                    self.set_filter(filter);
                    return Effect::None;
                }
            },
            Dialog::ChangesStart(start) => match start.on_key(key) {
                StartOutcome::Stay => Outcome::Stay,
                StartOutcome::Cancel => Outcome::Cancel,
                StartOutcome::Refused(reason) => {
                    self.error(reason);
                    return Effect::None;
                }
                StartOutcome::Apply(start) => {
                    self.take_dialog();
                    self.set_changes_start(start);
                    return Effect::None;
                }
            },
        };
        self.on_dialog_outcome(outcome)
    }

    /// Search narrows the view with every key; Enter keeps the search, Esc drops it.
    fn on_search_key(&mut self, key: &KeyEvent) -> Effect {
        let Some(Dialog::Search(editor)) = self.dialog_mut() else {
            return Effect::None;
        };
        let keep = match key.code {
            KeyCode::Enter => Some(true),
            KeyCode::Esc => Some(false),
            _ => {
                editor.input(key);
                None
            }
        };
        let text = editor.text();
        if let Some(keep) = keep {
            self.take_dialog();
            if !keep {
                let filter = Filter {
                    text: None,
                    ..self.filter.clone()
                };
                self.set_filter(filter);
                return Effect::None;
            }
        }
        let text = (!text.trim().is_empty()).then_some(text);
        if text != self.filter.text {
            let filter = Filter {
                text,
                ..self.filter.clone()
            };
            self.set_filter(filter);
        }
        Effect::None
    }

    pub(super) fn open_finder(&mut self, action: Action) {
        let dialog = match action {
            Action::Search => Dialog::Search(Editor::new(
                self.filter.text.as_deref().unwrap_or(""),
                false,
            )),
            _ => {
                let units = self
                    .board
                    .units_in_plan_order()
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let mut years: Vec<i32> = self
                    .board
                    .tasks
                    .iter()
                    .map(|t| chrono::Datelike::year(&t.deadline))
                    .collect();
                years.sort_unstable();
                years.dedup();
                Dialog::Filter(FilterForm::new(&self.filter, units, years))
            }
        };
        self.push(Mode::Dialog(Box::new(dialog)));
    }

    /// Bracketed paste goes to the open text input, cleaned there; elsewhere it is ignored.
    pub fn on_paste(&mut self, text: &str) {
        match self.dialog_mut() {
            Some(Dialog::Note(note)) => note.editor.paste(text),
            Some(Dialog::Task(form)) => form.paste(text),
            Some(Dialog::Filter(form)) => form.paste(text),
            Some(Dialog::Milestone(dialog)) => dialog.paste(text),
            Some(Dialog::ChangesStart(start)) => start.paste(text),
            Some(Dialog::Request(request)) => request.paste(text),
            Some(Dialog::Decide(decide)) => decide.paste(text),
            Some(Dialog::Search(editor)) => {
                editor.paste(text);
                let text = Some(editor.text()).filter(|t| !t.trim().is_empty());
                let filter = Filter {
                    text,
                    ..self.filter.clone()
                };
                self.set_filter(filter);
            }
            _ => {}
        }
    }

    pub(super) fn on_dialog_outcome(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::Stay => Effect::None,
            Outcome::Cancel => {
                self.take_dialog();
                Effect::None
            }
            Outcome::Invalid(problem) => {
                let s = self.lang.strings();
                let text = match problem {
                    Problem::NeedTitle => s.need_title,
                    Problem::NeedDeadline => s.need_date,
                    Problem::NeedLeadUnit => s.need_lead_unit,
                    Problem::ConfirmDiscard => s.confirm_discard,
                    Problem::NeedDue => self.lang.milestone_board().need_due,
                    Problem::NeedCompletedOn => self.lang.milestone_board().need_completed_on,
                    Problem::DueAfterDeadline => self.lang.milestone_board().after_deadline,
                    Problem::CompletedInFuture => self.lang.milestone_board().in_future,
                    Problem::NeedNote => s.approvals.need_note,
                    Problem::NeedReason => s.approvals.need_reason,
                    Problem::NeedLaterDate(deadline) => {
                        let text = format!("{} {deadline}", s.approvals.need_later_prefix);
                        self.error(text);
                        return Effect::None;
                    }
                };
                self.error(text.to_string());
                Effect::None
            }
            Outcome::Submit(op) => {
                // Kept until the save's outcome: a failed save gives the dialog back with what
                // was typed in it, rather than losing it.
                self.submitted = self.take_dialog();
                Effect::Apply {
                    op,
                    kind: ChangeKind::New,
                }
            }
        }
    }

    /// Opens the dialog of a change action, on `task` where it needs one.
    pub(super) fn open_dialog(&mut self, action: Action, task: Option<crate::model::TaskId>) {
        if self.refuse_changes() || self.refuse_dialog(action, task) {
            return;
        }
        // A city view offers the units of the task's own board (the board shown, for a new one).
        let board_of = task
            .and_then(crate::model::city::split)
            .map(|(index, _)| index)
            .filter(|_| action != Action::AddTask)
            .or(self.filter.board);
        let known_units = || self.units_offered(board_of);
        let selected = task.and_then(|id| self.board.task(id));
        let dialog = match (action, selected) {
            (Action::AddNote, Some(task)) => Some(Dialog::Note(NoteDialog::new(task.id))),
            (Action::EditTask, Some(task)) => {
                Some(Dialog::Task(TaskForm::edit(task, known_units())))
            }
            (Action::DeleteTask, Some(task)) => Some(Dialog::ConfirmDelete {
                id: task.id,
                title: task.title.clone(),
            }),
            (Action::AddTask, _) => {
                // The plan's deadlines are year ends: offer the end of this year, or of next
                // year when this one is within the warning window. Never one already past.
                let year_end = |year| chrono::NaiveDate::from_ymd_opt(year, 12, 31);
                let this_year = chrono::Datelike::year(&self.today);
                let warn = i64::from(self.board.settings.warn_days);
                let deadline = year_end(this_year)
                    .filter(|d| (*d - self.today).num_days() > warn)
                    .or_else(|| year_end(this_year + 1))
                    .unwrap_or(self.today);
                Some(Dialog::Task(TaskForm::new_task(
                    self.next_task_id(),
                    deadline,
                    known_units(),
                )))
            }
            _ => None,
        };
        if let Some(dialog) = dialog {
            self.push(Mode::Dialog(Box::new(dialog)));
        }
    }
}
