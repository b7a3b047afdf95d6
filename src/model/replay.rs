//! Applying history entries to a board, forwards (redo) and backwards (undo).
//!
//! Every entry holds its values before and after, and redo *sets* the after-values rather than
//! applying a difference. So replaying entries a board already contains changes nothing, and
//! replaying a journal over any later version of the board arrives at the same board (see
//! `docs/FORMAT.md`). Undo sets the before-values: walking the history back from the present
//! gives the board as it stood at any moment.

use super::{
    Board, Change, Field, HistoryEntry, LegacyChange, Meeting, Milestone, Note, Status, Task,
    TaskId,
};

/// Why an entry does not fit the board it is applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The entry is about a task the board does not have.
    NoSuchTask(TaskId),
    /// The entry names a field this build does not know, or a value that does not parse.
    Unreadable(String),
    /// A version 1 entry without what undoing it needs.
    Incomplete,
}

/// Which of an entry's two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

impl HistoryEntry {
    /// Sets what the entry left, and marks the task as changed by the entry's user on its day.
    pub fn redo(&self, board: &mut Board) -> Result<(), Mismatch> {
        set(self, board, Side::After)?;
        if let Some(task) = self.task.and_then(|id| board.task_mut(id)) {
            let day = self.date();
            if task.updated_on.is_none_or(|d| d <= day) {
                task.updated_on = Some(day);
                task.updated_by = Some(self.user.clone());
            }
        }
        Ok(())
    }

    /// Sets what the entry found. The task's `updated_on` is left to the caller, which knows the
    /// entries that remain (see `model::time`).
    pub fn undo(&self, board: &mut Board) -> Result<(), Mismatch> {
        set(self, board, Side::Before)
    }

    /// Whether the board shows what the entry left: an undo is only made when it does, so that it
    /// never overwrites what someone changed since.
    pub fn shows_after(&self, board: &Board) -> bool {
        shows(self, board, Side::After)
    }

    /// The entry that puts back what this one changed; `None` for a version 1 entry that lacks
    /// the values.
    pub fn inverse_change(&self) -> Option<Change> {
        Some(match &self.change {
            Change::Status {
                from,
                to,
                was_completed_on,
                completed_on,
            } => Change::Status {
                from: *to,
                to: *from,
                was_completed_on: *completed_on,
                completed_on: *was_completed_on,
            },
            Change::NoteAdded { note } => Change::NoteRemoved { note: note.clone() },
            Change::NoteRemoved { note } => Change::NoteAdded { note: note.clone() },
            Change::Field { field, from, to } => Change::Field {
                field: field.clone(),
                from: to.clone(),
                to: from.clone(),
            },
            Change::TaskAdded { task } => Change::TaskDeleted { task: task.clone() },
            Change::TaskDeleted { task } => Change::TaskAdded { task: task.clone() },
            Change::Milestone { number, from, to } => Change::Milestone {
                number: *number,
                from: to.clone(),
                to: from.clone(),
            },
            Change::Request { from, to, .. } => Change::Request {
                from: to.clone(),
                to: from.clone(),
                decision: None,
            },
            Change::Meeting { date } => Change::MeetingRemoved { date: *date },
            Change::MeetingRemoved { date } => Change::Meeting { date: *date },
            Change::Roles { from, to } => Change::Roles {
                from: to.clone(),
                to: from.clone(),
            },
            Change::Setting { name, from, to } => Change::Setting {
                name: name.clone(),
                from: to.clone(),
                to: from.clone(),
            },
            Change::ConflictResolved { conflict, .. } => Change::ConflictRestored {
                conflict: conflict.clone(),
            },
            Change::ConflictRestored { conflict } => Change::ConflictResolved {
                conflict: conflict.clone(),
                chose: super::Side::Ours,
            },
            Change::Legacy(_) => return None,
        })
    }
}

/// A task as it stands, for comparing with a recorded one: when and by whom it was last changed
/// is bookkeeping, not content.
fn same_task(a: &Task, b: &Task) -> bool {
    let content = |t: &Task| Task {
        updated_on: None,
        updated_by: None,
        ..t.clone()
    };
    a.id == b.id && content(a) == content(b)
}

fn task_of<'a>(entry: &HistoryEntry, board: &'a mut Board) -> Result<&'a mut Task, Mismatch> {
    let id = entry
        .task
        .ok_or(Mismatch::Unreadable("a task entry without a task".into()))?;
    board.task_mut(id).ok_or(Mismatch::NoSuchTask(id))
}

fn field_of(name: &str) -> Result<Field, Mismatch> {
    Field::named(name).ok_or_else(|| Mismatch::Unreadable(format!("unknown field `{name}`")))
}

fn pick<T>(side: Side, before: T, after: T) -> T {
    match side {
        Side::Before => before,
        Side::After => after,
    }
}

fn set(entry: &HistoryEntry, board: &mut Board, side: Side) -> Result<(), Mismatch> {
    match &entry.change {
        Change::Status {
            from,
            to,
            was_completed_on,
            completed_on,
        } => {
            let task = task_of(entry, board)?;
            task.status = *pick(side, from, to);
            task.completed_on = *pick(side, was_completed_on, completed_on);
        }
        Change::NoteAdded { note } => set_note(task_of(entry, board)?, note, side == Side::After),
        Change::NoteRemoved { note } => {
            set_note(task_of(entry, board)?, note, side == Side::Before)
        }
        Change::Field { field, from, to } => {
            let field = field_of(field)?;
            let value = pick(side, from, to);
            field
                .set(task_of(entry, board)?, value)
                .map_err(|_| Mismatch::Unreadable(format!("`{value}` for {}", field.name())))?;
        }
        Change::TaskAdded { task } => set_task(board, task, side == Side::After),
        Change::TaskDeleted { task } => set_task(board, task, side == Side::Before),
        Change::Milestone { number, from, to } => set_milestone(
            task_of(entry, board)?,
            *number,
            pick(side, from, to).as_deref(),
        ),
        Change::Request { from, to, .. } => {
            task_of(entry, board)?.request = pick(side, from, to).as_deref().cloned();
        }
        Change::Meeting { date } => set_meeting(board, *date, side == Side::After),
        Change::MeetingRemoved { date } => set_meeting(board, *date, side == Side::Before),
        Change::Roles { from, to } => board.roles = pick(side, from, to).as_deref().cloned(),
        Change::Setting { name, from, to } => {
            let value = pick(side, from, to);
            super::merge::setting::set(board, name, value)
                .ok_or_else(|| Mismatch::Unreadable(format!("`{value}` for {name}")))?;
        }
        Change::ConflictResolved { conflict, .. } => {
            set_conflict(board, conflict, side == Side::Before)
        }
        Change::ConflictRestored { conflict } => set_conflict(board, conflict, side == Side::After),
        Change::Legacy(legacy) => return set_legacy(entry, legacy, board, side),
    }
    Ok(())
}

fn shows(entry: &HistoryEntry, board: &Board, side: Side) -> bool {
    let task = entry.task.and_then(|id| board.task(id));
    let has_note = |note: &Note| task.is_some_and(|t| t.notes.iter().any(|n| n.same_as(note)));
    match &entry.change {
        Change::Status {
            from,
            to,
            was_completed_on,
            completed_on,
        } => task.is_some_and(|t| {
            t.status == *pick(side, from, to)
                && t.completed_on == *pick(side, was_completed_on, completed_on)
        }),
        Change::NoteAdded { note } => has_note(note) == (side == Side::After),
        Change::NoteRemoved { note } => has_note(note) == (side == Side::Before),
        Change::Field { field, from, to } => match (Field::named(field), task) {
            (Some(field), Some(t)) => field.get(t) == *pick(side, from, to),
            _ => false,
        },
        Change::TaskAdded { task: added } => match side {
            Side::After => task.is_some_and(|t| same_task(t, added)),
            Side::Before => board.task(added.id).is_none(),
        },
        Change::TaskDeleted { task: deleted } => match side {
            Side::Before => board
                .task(deleted.id)
                .is_some_and(|t| same_task(t, deleted)),
            Side::After => board.task(deleted.id).is_none(),
        },
        Change::Milestone { number, from, to } => {
            task.is_some_and(|t| t.milestone(*number) == pick(side, from, to).as_deref())
        }
        Change::Request { from, to, .. } => {
            task.is_some_and(|t| t.request.as_ref() == pick(side, from, to).as_deref())
        }
        Change::Meeting { date } => {
            board.meetings.contains(&Meeting(*date)) == (side == Side::After)
        }
        Change::MeetingRemoved { date } => {
            board.meetings.contains(&Meeting(*date)) == (side == Side::Before)
        }
        Change::Roles { from, to } => board.roles.as_ref() == pick(side, from, to).as_deref(),
        Change::Setting { name, from, to } => {
            super::merge::setting::get(board, name).as_ref() == Some(pick(side, from, to))
        }
        Change::ConflictResolved { conflict, .. } => {
            board.conflicts.contains(conflict) == (side == Side::Before)
        }
        Change::ConflictRestored { conflict } => {
            board.conflicts.contains(conflict) == (side == Side::After)
        }
        Change::Legacy(LegacyChange::Status { from, to }) => {
            task.is_some_and(|t| t.status == *pick(side, from, to))
        }
        Change::Legacy(_) => true,
    }
}

/// Puts the note on the task (in time order) or takes it off; nothing when it already is so.
fn set_note(task: &mut Task, note: &Note, present: bool) {
    let at = task.notes.iter().position(|n| n.same_as(note));
    match (at, present) {
        (None, true) => {
            let place = task.notes.partition_point(|n| n.at <= note.at);
            task.notes.insert(place, note.clone());
        }
        (Some(index), false) => {
            task.notes.remove(index);
        }
        _ => {}
    }
}

/// Puts the task on the board (unless one with its id is there already: replaying a journal
/// never overwrites what a later version of the board holds) or takes it off.
fn set_task(board: &mut Board, task: &Task, present: bool) {
    if present {
        if board.task(task.id).is_none() {
            board.put_task(task.clone());
        }
    } else {
        board.remove_task(task.id);
    }
}

fn set_milestone(task: &mut Task, number: u32, value: Option<&Milestone>) {
    task.milestones.retain(|m| m.number != number);
    if let Some(milestone) = value {
        let place = task.milestones.partition_point(|m| m.number < number);
        task.milestones.insert(place, milestone.clone());
    }
}

fn set_meeting(board: &mut Board, date: chrono::NaiveDate, present: bool) {
    let meeting = Meeting(date);
    match (board.meetings.binary_search(&meeting), present) {
        (Err(place), true) => board.meetings.insert(place, meeting),
        (Ok(index), false) => {
            board.meetings.remove(index);
        }
        _ => {}
    }
}

fn set_conflict(board: &mut Board, conflict: &super::Conflict, present: bool) {
    let at = board.conflicts.iter().position(|c| c == conflict);
    match (at, present) {
        (None, true) => board.conflicts.push(conflict.clone()),
        (Some(index), false) => {
            board.conflicts.remove(index);
        }
        _ => {}
    }
}

/// What can be done with a version 1 entry: forwards, what it says; backwards, only what it
/// says enough for, and `Incomplete` for the rest.
fn set_legacy(
    entry: &HistoryEntry,
    legacy: &LegacyChange,
    board: &mut Board,
    side: Side,
) -> Result<(), Mismatch> {
    match (legacy, side) {
        (LegacyChange::Status { to, .. }, Side::After) => {
            let day = entry.date();
            let task = task_of(entry, board)?;
            task.status = *to;
            task.completed_on = (*to == Status::Done).then_some(day);
            Ok(())
        }
        (LegacyChange::Status { from, .. }, Side::Before) => {
            task_of(entry, board)?.status = *from;
            Err(Mismatch::Incomplete)
        }
        (LegacyChange::NoteRemoved { text }, Side::After) => {
            task_of(entry, board)?.notes.retain(|n| n.text != *text);
            Ok(())
        }
        (LegacyChange::NoteAdded { text }, Side::Before) => {
            task_of(entry, board)?.notes.retain(|n| n.text != *text);
            Ok(())
        }
        (LegacyChange::TaskDeleted { .. }, Side::After) => {
            if let Some(id) = entry.task {
                board.remove_task(id);
            }
            Ok(())
        }
        (LegacyChange::TaskAdded { .. }, Side::Before) => {
            if let Some(id) = entry.task {
                board.remove_task(id);
            }
            Ok(())
        }
        (LegacyChange::NoteAdded { .. } | LegacyChange::TaskAdded { .. }, Side::After) => Ok(()),
        (LegacyChange::NoteRemoved { .. } | LegacyChange::TaskDeleted { .. }, Side::Before) => {
            Err(Mismatch::Incomplete)
        }
    }
}
