//! Changes to a board, as values.
//!
//! Every change — from the board, the command line or an undo — is an [`Operation`]. The store applies
//! it to the *current* file under a lock, so two users changing different tasks both keep their change.
//! Applying returns the inverse operation, which is what undo applies.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Board, Change, HistoryEntry, Note, Status, Task, TaskId, Via};
use crate::model::sanitize::{clean_line, clean_text};

/// A field of a task that can be edited in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Deadline,
    LeadUnits,
    CooperatingUnits,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::Text,
        Field::Deadline,
        Field::LeadUnits,
        Field::CooperatingUnits,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Deadline => "deadline",
            Field::LeadUnits => "lead_units",
            Field::CooperatingUnits => "cooperating_units",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    SetStatus {
        id: TaskId,
        to: Status,
    },
    /// A new note, stamped with the time and author of the change that adds it.
    AddNote {
        id: TaskId,
        text: String,
        /// Recorded as a decision of a coordination meeting (会议决定).
        decision: bool,
    },
    /// Puts a removed note back as it was (the inverse of `RemoveNote`).
    RestoreNote {
        id: TaskId,
        note: Note,
    },
    /// Removes the note with exactly this time and text (the inverse of `AddNote`).
    RemoveNote {
        id: TaskId,
        at: DateTime<FixedOffset>,
        text: String,
    },
    /// `value` as typed: units separated by `、` or `,`; a date as YYYY-MM-DD.
    EditField {
        id: TaskId,
        field: Field,
        value: String,
    },
    /// Adds a new task, keeping the tasks in id order.
    AddTask {
        task: Task,
    },
    /// Puts a deleted task back as it was (the inverse of `DeleteTask`).
    RestoreTask {
        task: Task,
    },
    DeleteTask {
        id: TaskId,
    },
    /// Several changes made as one (a form that edits several fields): applied in order, all or
    /// nothing, undone as one.
    Batch(Vec<Operation>),
    /// Applies `then` only if the task still shows what an earlier change left: an undo must not
    /// overwrite what a colleague changed since.
    IfUnchanged {
        check: Check,
        then: Box<Operation>,
    },
    /// An undo or a redo: applied like `op`, and recorded in the history as what it is.
    Revert {
        via: Via,
        op: Box<Operation>,
    },
}

/// What an undo expects to find before it puts the old value back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Status {
        id: TaskId,
        is: Status,
    },
    Field {
        id: TaskId,
        field: Field,
        is: String,
    },
}

impl Check {
    fn holds(&self, board: &Board) -> bool {
        match self {
            Check::Status { id, is } => board.task(*id).is_some_and(|t| t.status == *is),
            Check::Field { id, field, is } => board
                .task(*id)
                .is_some_and(|t| field_value(t, *field) == *is),
        }
    }

    fn task_id(&self) -> TaskId {
        match self {
            Check::Status { id, .. } | Check::Field { id, .. } => *id,
        }
    }
}

/// Who makes a change and when: recorded in history.
#[derive(Debug, Clone)]
pub struct Context {
    pub user: String,
    pub now: DateTime<FixedOffset>,
}

impl Context {
    /// Now, to the second (history need not be finer), in the board's time zone.
    pub fn now(user: String, offset: FixedOffset) -> Context {
        let now = chrono::Utc::now().with_timezone(&offset);
        let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
        Context { user, now }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpError {
    NoSuchTask(TaskId),
    DuplicateId(TaskId),
    EmptyTitle,
    NoLeadUnit,
    BadDate(String),
    Unchanged,
    /// Someone else changed the task since; the undo would overwrite their change.
    ChangedMeanwhile(TaskId),
}

impl std::fmt::Display for OpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpError::NoSuchTask(id) => write!(f, "no task with id {id}"),
            OpError::DuplicateId(id) => write!(f, "a task with id {id} exists already"),
            OpError::EmptyTitle => write!(f, "the title must not be empty"),
            OpError::NoLeadUnit => write!(f, "a task needs at least one lead unit (牵头单位)"),
            OpError::BadDate(s) => write!(f, "`{s}` is not a date (expected YYYY-MM-DD)"),
            OpError::Unchanged => write!(f, "nothing to change"),
            OpError::ChangedMeanwhile(id) => {
                write!(
                    f,
                    "task {id} was changed by someone else since; not undoing over it"
                )
            }
        }
    }
}

impl std::error::Error for OpError {}

/// Splits "区科委、大零号湾集团" or "区科委, 大零号湾集团" into clean, non-empty unit names.
pub fn parse_units(value: &str) -> Vec<String> {
    value
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(|u| clean_line(u).trim().to_string())
        .filter(|u| !u.is_empty())
        .collect()
}

pub fn join_units(units: &[String]) -> String {
    units.join("、")
}

fn field_value(task: &Task, field: Field) -> String {
    match field {
        Field::Title => task.title.clone(),
        Field::Text => task.text.clone(),
        Field::Deadline => task.deadline.to_string(),
        Field::LeadUnits => join_units(&task.lead_units),
        Field::CooperatingUnits => join_units(&task.cooperating_units),
    }
}

impl Operation {
    /// The task this operation concerns (for keeping the selection on it).
    pub fn task_id(&self) -> TaskId {
        match self {
            Operation::SetStatus { id, .. }
            | Operation::AddNote { id, .. }
            | Operation::RestoreNote { id, .. }
            | Operation::RemoveNote { id, .. }
            | Operation::EditField { id, .. }
            | Operation::DeleteTask { id } => *id,
            Operation::AddTask { task } | Operation::RestoreTask { task } => task.id,
            Operation::Batch(ops) => ops.first().map_or(0, Operation::task_id),
            Operation::IfUnchanged { check, .. } => check.task_id(),
            Operation::Revert { op, .. } => op.task_id(),
        }
    }

    /// Applies the operation, appends what it did to the history and returns its inverse.
    /// On error the board is unchanged.
    pub fn apply(&self, board: &mut Board, ctx: &Context) -> Result<Operation, OpError> {
        match self {
            Operation::Batch(ops) => return apply_batch(ops, board, ctx),
            Operation::IfUnchanged { check, then } => {
                if !check.holds(board) {
                    return Err(OpError::ChangedMeanwhile(check.task_id()));
                }
                return then.apply(board, ctx);
            }
            Operation::Revert { via, op } => {
                let first_new = board.history.len();
                let inverse = op.apply(board, ctx)?;
                for entry in &mut board.history[first_new..] {
                    entry.via = Some(*via);
                }
                return Ok(Operation::Revert {
                    via: via.opposite(),
                    op: Box::new(inverse),
                });
            }
            _ => {}
        }
        let (inverse, change) = self.apply_inner(board, ctx)?;
        board.history.push(HistoryEntry {
            at: ctx.now,
            user: ctx.user.clone(),
            task: self.task_id(),
            change,
            via: None,
        });
        Ok(inverse)
    }

    fn apply_inner(
        &self,
        board: &mut Board,
        ctx: &Context,
    ) -> Result<(Operation, Change), OpError> {
        match self {
            Operation::SetStatus { id, to } => {
                let task = board.task_mut(*id).ok_or(OpError::NoSuchTask(*id))?;
                let from = task.status;
                if from == *to {
                    return Err(OpError::Unchanged);
                }
                task.status = *to;
                task.completed_on = (*to == Status::Done).then(|| ctx.now.date_naive());
                Ok((
                    Operation::IfUnchanged {
                        check: Check::Status { id: *id, is: *to },
                        then: Box::new(Operation::SetStatus { id: *id, to: from }),
                    },
                    Change::Status { from, to: *to },
                ))
            }
            Operation::AddNote { id, text, decision } => {
                let note = Note {
                    at: ctx.now,
                    author: clean_line(&ctx.user),
                    text: clean_text(text.trim()),
                    decision: *decision,
                };
                restore_note(board, *id, note)
            }
            Operation::RestoreNote { id, note } => restore_note(board, *id, note.clone()),
            Operation::RemoveNote { id, at, text } => {
                let task = board.task_mut(*id).ok_or(OpError::NoSuchTask(*id))?;
                let index = task
                    .notes
                    .iter()
                    .position(|n| n.at == *at && n.text == *text)
                    .ok_or(OpError::Unchanged)?;
                let note = task.notes.remove(index);
                let change = Change::NoteRemoved {
                    text: note.text.clone(),
                };
                Ok((Operation::RestoreNote { id: *id, note }, change))
            }
            Operation::EditField { id, field, value } => {
                // A unit typed in another known spelling is stored as the plan names it.
                let value = match field {
                    Field::LeadUnits | Field::CooperatingUnits => canonical_units(board, value),
                    _ => value.clone(),
                };
                let task = board.task_mut(*id).ok_or(OpError::NoSuchTask(*id))?;
                let from = field_value(task, *field);
                set_field(task, *field, &value)?;
                let to = field_value(task, *field);
                if from == to {
                    return Err(OpError::Unchanged);
                }
                Ok((
                    Operation::IfUnchanged {
                        check: Check::Field {
                            id: *id,
                            field: *field,
                            is: to.clone(),
                        },
                        then: Box::new(Operation::EditField {
                            id: *id,
                            field: *field,
                            value: from.clone(),
                        }),
                    },
                    Change::Field {
                        field: field.name().to_string(),
                        from,
                        to,
                    },
                ))
            }
            Operation::AddTask { task } | Operation::RestoreTask { task } => {
                let restoring = matches!(self, Operation::RestoreTask { .. });
                if board.task(task.id).is_some() {
                    return Err(OpError::DuplicateId(task.id));
                }
                let mut task = task.clone();
                task.title = clean_line(task.title.trim());
                task.text = clean_text(&task.text);
                let units = |list: &[String]| -> Vec<String> {
                    list.iter()
                        .flat_map(|u| parse_units(u))
                        .map(|u| board.canonical_unit(&u).to_string())
                        .collect()
                };
                task.lead_units = units(&task.lead_units);
                task.cooperating_units = units(&task.cooperating_units);
                // A new task is not stale on the day it is added; a restored one keeps its dates.
                if !restoring {
                    task.created_on = Some(ctx.now.date_naive());
                }
                if task.title.is_empty() {
                    return Err(OpError::EmptyTitle);
                }
                if task.lead_units.is_empty() {
                    return Err(OpError::NoLeadUnit);
                }
                let change = Change::TaskAdded {
                    title: task.title.clone(),
                };
                let at = board.tasks.partition_point(|t| t.id < task.id);
                let id = task.id;
                board.tasks.insert(at, task);
                Ok((Operation::DeleteTask { id }, change))
            }
            // Applied by `apply` itself before it gets here.
            Operation::Batch(_) | Operation::IfUnchanged { .. } | Operation::Revert { .. } => {
                Err(OpError::Unchanged)
            }
            Operation::DeleteTask { id } => {
                let index = board
                    .tasks
                    .iter()
                    .position(|t| t.id == *id)
                    .ok_or(OpError::NoSuchTask(*id))?;
                let task = board.tasks.remove(index);
                let change = Change::TaskDeleted {
                    title: task.title.clone(),
                };
                Ok((Operation::RestoreTask { task }, change))
            }
        }
    }
}

/// The units in `value` under the names the plan uses (aliases folded), joined again.
fn canonical_units(board: &Board, value: &str) -> String {
    let units: Vec<String> = parse_units(value)
        .iter()
        .map(|u| board.canonical_unit(u).to_string())
        .collect();
    join_units(&units)
}

fn restore_note(board: &mut Board, id: TaskId, note: Note) -> Result<(Operation, Change), OpError> {
    let task = board.task_mut(id).ok_or(OpError::NoSuchTask(id))?;
    if note.text.is_empty() {
        return Err(OpError::Unchanged);
    }
    let inverse = Operation::RemoveNote {
        id,
        at: note.at,
        text: note.text.clone(),
    };
    let change = Change::NoteAdded {
        text: note.text.clone(),
    };
    task.notes.push(note);
    Ok((inverse, change))
}

/// Applies each operation in turn; on the first error the board is restored and the error returned.
fn apply_batch(ops: &[Operation], board: &mut Board, ctx: &Context) -> Result<Operation, OpError> {
    let before = board.clone();
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        match op.apply(board, ctx) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                *board = before;
                return Err(e);
            }
        }
    }
    if inverses.is_empty() {
        return Err(OpError::Unchanged);
    }
    inverses.reverse();
    Ok(Operation::Batch(inverses))
}

fn set_field(task: &mut Task, field: Field, value: &str) -> Result<(), OpError> {
    match field {
        Field::Title => {
            let title = clean_line(value.trim());
            if title.is_empty() {
                return Err(OpError::EmptyTitle);
            }
            task.title = title;
        }
        Field::Text => task.text = clean_text(value.trim()),
        Field::Deadline => {
            task.deadline = value
                .trim()
                .parse::<NaiveDate>()
                .map_err(|_| OpError::BadDate(clean_line(value)))?;
        }
        Field::LeadUnits => {
            let units = parse_units(value);
            if units.is_empty() {
                return Err(OpError::NoLeadUnit);
            }
            task.lead_units = units;
        }
        Field::CooperatingUnits => task.cooperating_units = parse_units(value),
    }
    Ok(())
}
