//! Changes to a board, as values.
//!
//! Every change — from the board, the command line or an undo — is an [`Operation`]. The store
//! applies it to the *current* board under the lock, so two users changing different tasks both
//! keep their change. Applying returns the history entries it made; the board is changed by
//! redoing them, so what the history says and what the board holds cannot drift apart. Undo is
//! [`Operation::Revert`] of those entries.

use chrono::{DateTime, FixedOffset};

use super::history::boxed;
pub use super::op_error::OpError;
use super::{Board, Change, Field, HistoryEntry, Note, Status, Task, TaskId, Via};
use crate::model::field::parse_units;
use crate::model::sanitize::{clean_line, clean_text};

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
    /// `value` as typed: units separated by `、` or `,`; a date as YYYY-MM-DD.
    EditField {
        id: TaskId,
        field: Field,
        value: String,
    },
    /// Adds a new task. Its number is the one asked for, or the next free one when a colleague
    /// took that number meanwhile.
    AddTask {
        task: Box<Task>,
    },
    DeleteTask {
        id: TaskId,
    },
    /// Records that a coordination meeting was held on this day.
    RecordMeeting {
        date: chrono::NaiveDate,
    },
    /// 申请销号: a unit asks the office to close the task, saying what was done.
    RequestClose {
        id: TaskId,
        note: String,
    },
    /// 延期申请: a unit asks for a later deadline, with the reason.
    RequestExtend {
        id: TaskId,
        to: chrono::NaiveDate,
        reason: String,
    },
    /// The office decides the task's open request: approve, return (a closure) or refuse (an
    /// extension).
    Decide {
        id: TaskId,
        decision: super::Decision,
    },
    /// Names the office and the units' members anew (`None`: no roles, anyone may change anything).
    SetRoles {
        roles: Option<super::Roles>,
    },
    /// Adds a milestone numbered after the task's last. `due` as typed (YYYY-MM-DD); `units` as
    /// typed (each may hold several), the task's lead units when none is given. A due date after
    /// the task's deadline is accepted: the caller warns (`model::milestones::after_deadline`).
    AddMilestone {
        id: TaskId,
        title: String,
        due: String,
        units: Vec<String>,
    },
    /// Changes what is given of milestone `number`; `None` leaves a part as it is.
    EditMilestone {
        id: TaskId,
        number: u32,
        title: Option<String>,
        due: Option<String>,
        units: Option<Vec<String>>,
    },
    /// Marks a milestone done on `on` (today when `None`; never a day after today).
    CompleteMilestone {
        id: TaskId,
        number: u32,
        on: Option<chrono::NaiveDate>,
    },
    /// Clears a milestone's completion date.
    ReopenMilestone {
        id: TaskId,
        number: u32,
    },
    DeleteMilestone {
        id: TaskId,
        number: u32,
    },
    /// Several changes made as one (a form that edits several fields): applied in order, all or
    /// nothing, undone as one.
    Batch(Vec<Operation>),
    /// An undo (or the redo of an undo): puts back what `entries` changed, provided the board still
    /// shows what they left — an undo never overwrites what a colleague changed since.
    Revert {
        via: Via,
        entries: Vec<HistoryEntry>,
    },
    /// Settles a merge conflict (about `task`, or the board's own fields with `None`) by taking
    /// one side's value (see `model::resolve`).
    ResolveConflict {
        task: Option<TaskId>,
        field: String,
        chose: super::Side,
    },
}

/// Who makes a change and when: recorded in the history. The store takes the time under the lock.
#[derive(Debug, Clone)]
pub struct Context {
    pub user: String,
    pub now: DateTime<FixedOffset>,
}

/// The `id` field of the operations that name one existing task by it, as a reference of the
/// operation's own mutability: one list for `existing_task` and `existing_task_mut`.
macro_rules! existing_task_field {
    ($op:expr) => {
        match $op {
            Operation::SetStatus { id, .. }
            | Operation::AddNote { id, .. }
            | Operation::EditField { id, .. }
            | Operation::DeleteTask { id }
            | Operation::RequestClose { id, .. }
            | Operation::RequestExtend { id, .. }
            | Operation::Decide { id, .. }
            | Operation::AddMilestone { id, .. }
            | Operation::EditMilestone { id, .. }
            | Operation::CompleteMilestone { id, .. }
            | Operation::ReopenMilestone { id, .. }
            | Operation::DeleteMilestone { id, .. } => Some(id),
            Operation::AddTask { .. }
            | Operation::RecordMeeting { .. }
            | Operation::SetRoles { .. }
            | Operation::ResolveConflict { .. }
            | Operation::Batch(_)
            | Operation::Revert { .. } => None,
        }
    };
}

impl Operation {
    /// The task this operation concerns (for keeping the selection on it); `None` for a
    /// board-wide change.
    pub fn task_id(&self) -> Option<TaskId> {
        if let Some(id) = self.existing_task() {
            return Some(id);
        }
        match self {
            Operation::AddTask { task } => Some(task.id),
            Operation::ResolveConflict { task, .. } => *task,
            Operation::Batch(ops) => ops.iter().find_map(Operation::task_id),
            Operation::Revert { entries, .. } => entries.iter().find_map(|e| e.task),
            _ => None,
        }
    }

    /// The one task already on the board that this operation changes, for the operations that
    /// name a task by its id; `None` for the others (adding a task, batches, reverts, board-wide
    /// changes). What a change reads of a big board (`store::partial`) follows from it too.
    pub fn existing_task(&self) -> Option<TaskId> {
        existing_task_field!(self).copied()
    }

    /// The same task number, to change it (the city view gives a change its board's numbers).
    pub fn existing_task_mut(&mut self) -> Option<&mut TaskId> {
        existing_task_field!(self)
    }

    /// Applies the operation: checks it against the board, records what it does as history
    /// entries and redoes them on the board. Returns the entries (never empty). On error the
    /// board is unchanged.
    pub fn apply(&self, board: &mut Board, ctx: &Context) -> Result<Vec<HistoryEntry>, OpError> {
        let mut made = Made::default();
        match self.apply_into(board, ctx, &mut made) {
            Ok(()) if made.entries.is_empty() => Err(OpError::Unchanged),
            Ok(()) => Ok(made.entries),
            Err(e) => {
                made.take_back(board);
                Err(e)
            }
        }
    }

    fn apply_into(&self, board: &mut Board, ctx: &Context, made: &mut Made) -> Result<(), OpError> {
        let today = ctx.now.date_naive();
        match self {
            Operation::SetStatus { id, to } => {
                let task = board.task(*id).ok_or(OpError::NoSuchTask(*id))?;
                if task.status == *to {
                    return Err(OpError::Unchanged);
                }
                let change = Change::Status {
                    from: task.status,
                    to: *to,
                    was_completed_on: task.completed_on,
                    completed_on: (*to == Status::Done).then_some(today),
                };
                record(board, ctx, Some(*id), change, None, made);
            }
            Operation::AddNote { id, text, decision } => {
                let task = board.task(*id).ok_or(OpError::NoSuchTask(*id))?;
                let mut note = Note {
                    at: ctx.now,
                    author: clean_line(&ctx.user),
                    text: clean_text(text.trim()),
                    decision: *decision,
                };
                if note.text.is_empty() {
                    return Err(OpError::Unchanged);
                }
                // A note is known by its time, author and text (merges unite notes by it, and
                // replaying the history puts each note once). The same words by the same person
                // in the same second are a second note all the same: date it a second later.
                while task.notes.iter().any(|n| n.same_as(&note)) {
                    note.at += chrono::TimeDelta::seconds(1);
                }
                record(
                    board,
                    ctx,
                    Some(*id),
                    Change::NoteAdded { note },
                    None,
                    made,
                );
            }
            Operation::EditField { id, field, value } => {
                let task = board.task(*id).ok_or(OpError::NoSuchTask(*id))?;
                // A unit typed in another known spelling is stored as the plan names it.
                let value = match field {
                    Field::LeadUnits | Field::CooperatingUnits => canonical_units(board, value),
                    _ => value.clone(),
                };
                let mut edited = task.clone();
                field.set(&mut edited, &value)?;
                let (from, to) = (field.get(task), field.get(&edited));
                if from == to {
                    return Err(OpError::Unchanged);
                }
                let change = Change::Field {
                    field: field.name().to_string(),
                    from,
                    to,
                };
                record(board, ctx, Some(*id), change, None, made);
            }
            Operation::AddTask { task } => {
                let task = new_task(board, task, today)?;
                let id = task.id;
                let change = Change::TaskAdded {
                    task: Box::new(task),
                };
                record(board, ctx, Some(id), change, None, made);
            }
            Operation::DeleteTask { id } => {
                let task = board.task(*id).ok_or(OpError::NoSuchTask(*id))?.clone();
                let change = Change::TaskDeleted {
                    task: Box::new(task),
                };
                record(board, ctx, Some(*id), change, None, made);
            }
            Operation::RecordMeeting { date } => {
                if board.meetings.contains(&super::Meeting(*date)) {
                    return Err(OpError::Unchanged);
                }
                record(
                    board,
                    ctx,
                    None,
                    Change::Meeting { date: *date },
                    None,
                    made,
                );
            }
            Operation::RequestClose { id, note } => {
                let changes = super::request::close(board, ctx, *id, note)?;
                record_all(board, ctx, *id, changes, made);
            }
            Operation::RequestExtend { id, to, reason } => {
                let changes = super::request::extend(board, ctx, *id, *to, reason)?;
                record_all(board, ctx, *id, changes, made);
            }
            Operation::Decide { id, decision } => {
                let changes = super::request::decide(board, *id, decision)?;
                record_all(board, ctx, *id, changes, made);
            }
            Operation::SetRoles { roles } => {
                let roles = roles.as_ref().map(super::Roles::cleaned);
                if board.roles == roles {
                    return Err(OpError::Unchanged);
                }
                let change = Change::Roles {
                    from: boxed(board.roles.clone()),
                    to: boxed(roles),
                };
                record(board, ctx, None, change, None, made);
            }
            Operation::AddMilestone { .. }
            | Operation::EditMilestone { .. }
            | Operation::CompleteMilestone { .. }
            | Operation::ReopenMilestone { .. }
            | Operation::DeleteMilestone { .. } => {
                let (id, asked) = self.milestone_asked().ok_or(OpError::Unchanged)?;
                let change = super::milestone_ops::change(board, id, asked, today)?;
                record(board, ctx, Some(id), change, None, made);
            }
            Operation::Batch(ops) => {
                for op in ops {
                    op.apply_into(board, ctx, made)?;
                }
            }
            Operation::ResolveConflict { task, field, chose } => {
                let conflict = super::resolve::find(board, *task, field)
                    .ok_or_else(|| OpError::NoSuchConflict(*task, field.clone()))?
                    .clone();
                for change in super::resolve::changes(board, &conflict, *chose)? {
                    record(board, ctx, *task, change, None, made);
                }
            }
            Operation::Revert { via, entries } => {
                for entry in entries.iter().rev() {
                    if !entry.shows_after(board) {
                        return Err(OpError::ChangedMeanwhile(entry.task));
                    }
                    let change = entry
                        .inverse_change()
                        .ok_or(OpError::ChangedMeanwhile(entry.task))?;
                    record(board, ctx, entry.task, change, Some(*via), made);
                }
            }
        }
        Ok(())
    }
}

impl Operation {
    /// A milestone operation as `milestone_ops` takes it; `None` for any other.
    fn milestone_asked(&self) -> Option<(TaskId, super::milestone_ops::Asked<'_>)> {
        use super::milestone_ops::Asked;
        Some(match self {
            Operation::AddMilestone {
                id,
                title,
                due,
                units,
            } => (*id, Asked::Add { title, due, units }),
            Operation::EditMilestone {
                id,
                number,
                title,
                due,
                units,
            } => (
                *id,
                Asked::Edit {
                    number: *number,
                    title: title.as_deref(),
                    due: due.as_deref(),
                    units: units.as_deref(),
                },
            ),
            Operation::CompleteMilestone { id, number, on } => (
                *id,
                Asked::Complete {
                    number: *number,
                    on: *on,
                },
            ),
            Operation::ReopenMilestone { id, number } => (*id, Asked::Reopen { number: *number }),
            Operation::DeleteMilestone { id, number } => (*id, Asked::Delete { number: *number }),
            _ => return None,
        })
    }
}

/// The entries an operation has made so far, and what to restore should a later step fail.
#[derive(Default)]
struct Made {
    entries: Vec<HistoryEntry>,
    /// Each touched task's `updated_on` and `updated_by` before the first entry touched it.
    updated: Vec<(TaskId, Option<chrono::NaiveDate>, Option<String>)>,
}

impl Made {
    /// Takes back the entries already applied, newest first (a batch that failed half way).
    fn take_back(&self, board: &mut Board) {
        for entry in self.entries.iter().rev() {
            let _ = entry.undo(board);
        }
        for (id, updated_on, updated_by) in &self.updated {
            if let Some(task) = board.task_mut(*id) {
                task.updated_on = *updated_on;
                task.updated_by = updated_by.clone();
            }
        }
    }
}

/// Makes the history entry and applies it to the board.
fn record(
    board: &mut Board,
    ctx: &Context,
    task: Option<TaskId>,
    change: Change,
    via: Option<Via>,
    made: &mut Made,
) {
    let entry = HistoryEntry {
        at: ctx.now,
        user: clean_line(&ctx.user),
        task,
        change,
        via,
    };
    if let Some(id) = task
        && !made.updated.iter().any(|(t, _, _)| *t == id)
        && let Some(task) = board.task(id)
    {
        made.updated
            .push((id, task.updated_on, task.updated_by.clone()));
    }
    // The change was checked against this board just now: redoing it cannot miss.
    let _ = entry.redo(board);
    made.entries.push(entry);
}

/// Records changes to one task computed together (they touch different parts of it).
fn record_all(board: &mut Board, ctx: &Context, id: TaskId, changes: Vec<Change>, made: &mut Made) {
    for change in changes {
        record(board, ctx, Some(id), change, None, made);
    }
}

/// A task as it is added: text cleaned, units under the plan's names, dated today, and
/// numbered with the next free id if its own is taken.
fn new_task(board: &Board, task: &Task, today: chrono::NaiveDate) -> Result<Task, OpError> {
    let mut task = task.clone();
    if board.task(task.id).is_some() || task.id == 0 {
        task.id = board.next_id();
    }
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
    task.created_on = Some(today);
    task.updated_on = None;
    task.updated_by = None;
    if task.title.is_empty() {
        return Err(OpError::EmptyTitle);
    }
    if task.lead_units.is_empty() {
        return Err(OpError::NoLeadUnit);
    }
    Ok(task)
}

/// The units in `value` under the names the plan uses (aliases folded), joined again.
fn canonical_units(board: &Board, value: &str) -> String {
    let units: Vec<String> = parse_units(value)
        .iter()
        .map(|u| board.canonical_unit(u).to_string())
        .collect();
    super::join_units(&units)
}
