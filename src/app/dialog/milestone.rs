//! The milestone dialogs of the detail view (drawn by `ui::milestone_dialog`): the form (`m` adds,
//! `M` edits the selected one), the completion date (`x` on an open milestone) and the delete
//! confirmation (`X`). Each checks what it can before the change goes to the store, so a typo
//! keeps the dialog open with its reason rather than failing the save.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Outcome, Problem, cancel_with_care, hint, is_enter};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Milestone, Operation, Task, TaskId, join_units, parse_units};

pub enum MilestoneDialog {
    Form(MilestoneForm),
    /// Boxed: its editor is much larger than the other variants.
    Complete(Box<CompleteForm>),
    ConfirmDelete {
        id: TaskId,
        number: u32,
        title: String,
    },
}

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneField {
    Title,
    Due,
    Units,
}

impl MilestoneField {
    pub const ALL: [MilestoneField; 3] = [
        MilestoneField::Title,
        MilestoneField::Due,
        MilestoneField::Units,
    ];
}

/// A new milestone (`number` is `None`) or an existing one being edited.
pub struct MilestoneForm {
    pub id: TaskId,
    pub number: Option<u32>,
    /// The task's deadline: a due date after it is allowed, after a warning.
    pub deadline: NaiveDate,
    /// One editor per field of `MilestoneField::ALL`.
    pub editors: Vec<Editor>,
    pub focus: usize,
    /// The values the form opened with, to tell an edit from none.
    original: Vec<String>,
    discard_armed: bool,
    /// The warning about a due date after the deadline was shown: Enter again saves.
    late_armed: bool,
}

impl MilestoneForm {
    /// A new milestone on `task`: its units default to the task's lead units.
    pub fn new_milestone(task: &Task) -> MilestoneForm {
        let units = join_units(&task.lead_units);
        MilestoneForm::with(task, None, [String::new(), String::new(), units])
    }

    pub fn edit(task: &Task, m: &Milestone) -> MilestoneForm {
        let values = [m.title.clone(), m.due.to_string(), join_units(&m.units)];
        MilestoneForm::with(task, Some(m.number), values)
    }

    fn with(task: &Task, number: Option<u32>, values: [String; 3]) -> MilestoneForm {
        MilestoneForm {
            id: task.id,
            number,
            deadline: task.deadline,
            editors: values.iter().map(|v| Editor::new(v, false)).collect(),
            focus: 0,
            original: values.to_vec(),
            discard_armed: false,
            late_armed: false,
        }
    }

    pub fn focused_field(&self) -> MilestoneField {
        MilestoneField::ALL[self.focus]
    }

    pub fn value(&self, field: MilestoneField) -> String {
        let index = MilestoneField::ALL
            .iter()
            .position(|f| *f == field)
            .unwrap_or(0);
        self.editors
            .get(index)
            .map(Editor::text)
            .unwrap_or_default()
    }

    fn has_changes(&self) -> bool {
        MilestoneField::ALL
            .iter()
            .zip(&self.original)
            .any(|(f, before)| self.value(*f).trim() != before.trim())
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        if let Some(outcome) = cancel_with_care(key, self.has_changes(), &mut self.discard_armed) {
            return outcome;
        }
        let count = self.editors.len();
        match key.code {
            KeyCode::Tab => self.focus = (self.focus + 1) % count,
            KeyCode::BackTab => self.focus = (self.focus + count - 1) % count,
            _ if is_enter(key) => return self.submit(),
            _ => {
                // Any edit takes back the warning: the new date is checked afresh.
                self.late_armed = false;
                if let Some(editor) = self.editors.get_mut(self.focus) {
                    editor.input(key);
                }
            }
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        self.late_armed = false;
        if let Some(editor) = self.editors.get_mut(self.focus) {
            editor.paste(text);
        }
    }

    fn submit(&mut self) -> Outcome {
        let title = self.value(MilestoneField::Title).trim().to_string();
        if title.is_empty() {
            return Outcome::Invalid(Problem::NeedTitle);
        }
        let due_text = self.value(MilestoneField::Due).trim().to_string();
        let Ok(due) = due_text.parse::<NaiveDate>() else {
            return Outcome::Invalid(Problem::NeedDue);
        };
        // As the shell does: kept, but said. Here it is said first, and Enter again keeps it.
        if due > self.deadline && !self.late_armed {
            self.late_armed = true;
            return Outcome::Invalid(Problem::DueAfterDeadline);
        }
        let units = parse_units(&self.value(MilestoneField::Units));
        let Some(number) = self.number else {
            return Outcome::Submit(Operation::AddMilestone {
                id: self.id,
                title,
                due: due.to_string(),
                units,
            });
        };
        let [title_before, due_before, units_before] = [0, 1, 2].map(|i| {
            self.original
                .get(i)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        });
        let title = (title != title_before).then_some(title);
        let due = (due_before.parse::<NaiveDate>().ok() != Some(due)).then(|| due.to_string());
        let units = (units != parse_units(&units_before)).then_some(units);
        if title.is_none() && due.is_none() && units.is_none() {
            return Outcome::Cancel;
        }
        Outcome::Submit(Operation::EditMilestone {
            id: self.id,
            number,
            title,
            due,
            units,
        })
    }
}

/// Marking a milestone done: the date, today unless changed.
pub struct CompleteForm {
    pub id: TaskId,
    pub number: u32,
    pub title: String,
    pub today: NaiveDate,
    pub editor: Editor,
}

impl CompleteForm {
    pub fn new(id: TaskId, m: &Milestone, today: NaiveDate) -> CompleteForm {
        CompleteForm {
            id,
            number: m.number,
            title: m.title.clone(),
            today,
            editor: Editor::new(&today.to_string(), false),
        }
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        // A date alone is quickly typed again: Esc cancels at once.
        if super::is_cancel(key) {
            return Outcome::Cancel;
        }
        if !is_enter(key) {
            self.editor.input(key);
            return Outcome::Stay;
        }
        let Ok(on) = self.editor.text().trim().parse::<NaiveDate>() else {
            return Outcome::Invalid(Problem::NeedCompletedOn);
        };
        if on > self.today {
            return Outcome::Invalid(Problem::CompletedInFuture);
        }
        Outcome::Submit(Operation::CompleteMilestone {
            id: self.id,
            number: self.number,
            on: Some(on),
        })
    }
}

impl MilestoneDialog {
    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        match self {
            MilestoneDialog::Form(form) => form.on_key(key),
            MilestoneDialog::Complete(form) => form.on_key(key),
            MilestoneDialog::ConfirmDelete { id, number, .. } => match key.code {
                KeyCode::Char('y' | 'Y') => Outcome::Submit(Operation::DeleteMilestone {
                    id: *id,
                    number: *number,
                }),
                _ => Outcome::Cancel,
            },
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self {
            MilestoneDialog::Form(form) => form.paste(text),
            MilestoneDialog::Complete(form) => form.editor.paste(text),
            MilestoneDialog::ConfirmDelete { .. } => {}
        }
    }

    pub fn hints(&self, s: &'static Strings) -> Vec<Hint> {
        match self {
            MilestoneDialog::Form(_) => vec![
                hint("Tab", s.key_next_field),
                hint("Enter", s.key_save),
                hint("Esc", s.key_cancel),
            ],
            MilestoneDialog::Complete(_) => {
                vec![hint("Enter", s.key_save), hint("Esc", s.key_cancel)]
            }
            MilestoneDialog::ConfirmDelete { .. } => vec![
                hint("y", s.key_delete),
                hint(s.key_other_keys, s.key_cancel),
            ],
        }
    }
}
