//! The task form (`c` edits a task, `a` adds one): each field in an editor, units completed from
//! those the board knows.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Outcome, Problem, cancel_with_care, hint, is_enter, is_new_line};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Field, Operation, Task, TaskId, join_units};

/// Editing a task's fields, or a new task (`id` is the number it will get).
pub struct TaskForm {
    pub id: TaskId,
    pub is_new: bool,
    pub fields: Vec<(Field, Editor)>,
    pub focus: usize,
    /// Units already known, for completion in the unit fields.
    pub known_units: Vec<String>,
    /// Highlighted completion, if any.
    pub suggestion: Option<usize>,
    /// Esc was pressed once over edits: a second Esc discards them.
    discard_armed: bool,
    original: Option<Task>,
}

impl TaskForm {
    pub fn edit(task: &Task, known_units: Vec<String>) -> TaskForm {
        let value = |field| match field {
            Field::Title => task.title.clone(),
            Field::Text => task.text.clone(),
            Field::Deadline => task.deadline.to_string(),
            Field::LeadUnits => join_units(&task.lead_units),
            Field::CooperatingUnits => join_units(&task.cooperating_units),
            Field::OriginalDeadline => String::new(),
        };
        TaskForm {
            id: task.id,
            is_new: false,
            fields: Field::EDITABLE
                .into_iter()
                .map(|f| (f, Editor::new(&value(f), f == Field::Text)))
                .collect(),
            focus: 0,
            known_units,
            suggestion: None,
            discard_armed: false,
            original: Some(task.clone()),
        }
    }

    pub fn new_task(id: TaskId, deadline: NaiveDate, known_units: Vec<String>) -> TaskForm {
        let mut form = TaskForm::edit(&Task::new(id, "", Vec::new(), deadline), known_units);
        form.is_new = true;
        form.original = None;
        form
    }

    pub fn hints(s: &'static Strings) -> Vec<Hint> {
        vec![
            hint("Tab", s.key_next_field),
            hint("Enter", s.key_save),
            hint("Esc", s.key_cancel),
            hint("Up/Down", s.key_pick_unit),
        ]
    }

    pub fn focused_field(&self) -> Field {
        self.fields[self.focus].0
    }

    fn value(&self, field: Field) -> String {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.text())
            .unwrap_or_default()
    }

    /// The fragment being typed in a unit field (after the last separator).
    fn fragment(&self) -> String {
        let text = self.fields[self.focus].1.text();
        text.rsplit(['、', ',', '，'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    }

    /// Known units matching what is being typed in a unit field.
    pub fn suggestions(&self) -> Vec<&str> {
        if !matches!(
            self.focused_field(),
            Field::LeadUnits | Field::CooperatingUnits
        ) {
            return Vec::new();
        }
        let fragment = self.fragment();
        let typed = self.fields[self.focus].1.text();
        let chosen: Vec<String> = crate::model::parse_units(&typed);
        self.known_units
            .iter()
            .filter(|u| fragment.is_empty() || u.contains(fragment.as_str()))
            .filter(|u| !chosen.iter().any(|c| c == *u))
            .map(String::as_str)
            .take(6)
            .collect()
    }

    fn accept_suggestion(&mut self, index: usize) {
        let Some(unit) = self.suggestions().get(index).map(|s| s.to_string()) else {
            return;
        };
        let editor = &mut self.fields[self.focus].1;
        let text = editor.text();
        let keep = match text.rfind(['、', ',', '，']) {
            Some(at) => {
                let sep_len = text[at..].chars().next().map_or(0, char::len_utf8);
                format!(
                    "{}、",
                    text[..at + sep_len].trim_end_matches(['、', ',', '，'])
                )
            }
            None => String::new(),
        };
        let keep = if keep == "、" { String::new() } else { keep };
        editor.set_text(&format!("{keep}{unit}、"));
        self.suggestion = None;
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        let edited = self.has_changes();
        if let Some(outcome) = cancel_with_care(key, edited, &mut self.discard_armed) {
            return outcome;
        }
        let count = self.fields.len();
        match key.code {
            KeyCode::Tab => {
                self.focus = (self.focus + 1) % count;
                self.suggestion = None;
                return Outcome::Stay;
            }
            KeyCode::BackTab => {
                self.focus = (self.focus + count - 1) % count;
                self.suggestion = None;
                return Outcome::Stay;
            }
            KeyCode::Down | KeyCode::Up if !self.suggestions().is_empty() => {
                let n = self.suggestions().len();
                self.suggestion = Some(match (self.suggestion, key.code) {
                    (None, KeyCode::Down) => 0,
                    (None, _) => n - 1,
                    (Some(i), KeyCode::Down) => (i + 1) % n,
                    (Some(i), _) => (i + n - 1) % n,
                });
                return Outcome::Stay;
            }
            _ => {}
        }
        if is_new_line(key) {
            self.fields[self.focus].1.new_line();
            return Outcome::Stay;
        }
        if is_enter(key) {
            if let Some(i) = self.suggestion {
                self.accept_suggestion(i);
                return Outcome::Stay;
            }
            return self.submit();
        }
        self.suggestion = None;
        self.fields[self.focus].1.input(key);
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        self.fields[self.focus].1.paste(text);
    }

    /// Whether any field differs from what the form opened with.
    fn has_changes(&self) -> bool {
        let blank = Task::new(self.id, "", Vec::new(), chrono::NaiveDate::MIN);
        let before = TaskForm::edit(self.original.as_ref().unwrap_or(&blank), Vec::new());
        Field::EDITABLE.into_iter().any(|f| {
            let now = normalised(f, &self.value(f));
            let then = normalised(f, &before.value(f));
            // A new task's prefilled deadline is not an edit.
            now != then && !(self.is_new && f == Field::Deadline)
        })
    }

    fn submit(&self) -> Outcome {
        let title = self.value(Field::Title);
        if title.trim().is_empty() {
            return Outcome::Invalid(Problem::NeedTitle);
        }
        let deadline = self.value(Field::Deadline);
        let Ok(deadline) = deadline.trim().parse::<NaiveDate>() else {
            return Outcome::Invalid(Problem::NeedDeadline);
        };
        let leads = crate::model::parse_units(&self.value(Field::LeadUnits));
        if leads.is_empty() {
            return Outcome::Invalid(Problem::NeedLeadUnit);
        }
        match &self.original {
            None => {
                let mut task = Task::new(self.id, title.trim(), leads, deadline);
                task.text = self.value(Field::Text).trim().to_string();
                task.cooperating_units =
                    crate::model::parse_units(&self.value(Field::CooperatingUnits));
                Outcome::Submit(Operation::AddTask {
                    task: Box::new(task),
                })
            }
            Some(original) => {
                let before = TaskForm::edit(original, Vec::new());
                let mut ops: Vec<Operation> = Field::EDITABLE
                    .into_iter()
                    .filter(|f| {
                        normalised(*f, &self.value(*f)) != normalised(*f, &before.value(*f))
                    })
                    .map(|field| Operation::EditField {
                        id: self.id,
                        field,
                        value: self.value(field),
                    })
                    .collect();
                match ops.len() {
                    0 => Outcome::Cancel,
                    1 => Outcome::Submit(ops.remove(0)),
                    _ => Outcome::Submit(Operation::Batch(ops)),
                }
            }
        }
    }
}

/// Compares values as they would be stored, so retyping a unit list the same way is no change.
fn normalised(field: Field, value: &str) -> String {
    match field {
        Field::LeadUnits | Field::CooperatingUnits => join_units(&crate::model::parse_units(value)),
        _ => value.trim().to_string(),
    }
}
