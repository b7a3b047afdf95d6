//! The city view: several boards (one a district or office) seen as one. Each board keeps its own
//! file, lock and history; this module only translates between the boards and the one combined
//! board the interactive view works on.
//!
//! In the combined board, board `n` (1-based, in the order the files were named) owns the task
//! numbers `n * STRIDE + id`, and every unit name is qualified with the board's name
//! (`闵行/区商务委`): two districts' 区商务委 are different offices, and the unit view, the
//! ranking and the filter must keep them apart. A change made in the combined board is translated
//! back (`to_member`) and goes to its task's board only. History entries keep their board's unit
//! names; only their task numbers are translated, both ways, so an undo gives the board exactly
//! the entries it wrote.

use super::{
    Board, Change, Conflict, Field, HistoryEntry, Milestone, Operation, Task, TaskId, join_units,
    parse_units,
};

/// How far apart the boards' task numbers are in the combined board: more tasks than any board
/// holds (a board with a number this high cannot join a city view; `combine` says so).
pub const STRIDE: TaskId = 1_000_000;

/// Between a board's name and a unit's in a qualified unit name.
const QUALIFIER: char = '/';

/// One board of the city, as read from its file.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// Its name (the file name without `.ron`): qualifies its units.
    pub name: &'a str,
    pub board: &'a Board,
}

/// Board `index`'s letter (A, B, …, then AA…): task numbers are shown as `A3`, `B12`.
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = String::new();
    loop {
        out.insert(0, char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            return out;
        }
        n = n / 26 - 1;
    }
}

/// Which board (0-based) a combined task number belongs to, and its number there.
pub fn split(id: TaskId) -> Option<(usize, TaskId)> {
    let board = id / STRIDE;
    (board >= 1).then(|| ((board - 1) as usize, id % STRIDE))
}

/// The combined number of board `index`'s task `id`.
pub fn join(index: usize, id: TaskId) -> TaskId {
    (index as TaskId + 1) * STRIDE + id
}

/// A task number as the city view shows it: the board's letter and its own number (`B12`).
pub fn label(id: TaskId) -> String {
    match split(id) {
        Some((index, own)) => format!("{}{own}", letter(index)),
        None => id.to_string(),
    }
}

/// Why a change made in the city view cannot go to one board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unroutable {
    /// A board-wide change (a meeting, roles, a setting's conflict), or a new task, while every
    /// board is shown: pick one board first.
    NoBoardChosen,
    /// The change names tasks of two boards (an undo of changes to several boards at once
    /// cannot happen, but a forged batch could).
    SeveralBoards,
    /// A task number that belongs to no open board.
    UnknownTask(TaskId),
}

/// The combined board of `members`. Its plan and settings are the first board's (warning days,
/// cycles); its roles are none, because each board's roles are checked by its own store when a
/// change reaches it. Refuses a board with a task number of `STRIDE` or more.
pub fn combine(members: &[Member]) -> Result<Board, String> {
    let first = members.first().ok_or("no boards to combine")?;
    let mut combined = Board {
        roles: None,
        unit_aliases: Default::default(),
        meetings: Vec::new(),
        tasks: Vec::new(),
        conflicts: Vec::new(),
        ..first.board.clone()
    };
    for (index, member) in members.iter().enumerate() {
        if let Some(task) = member.board.tasks.iter().find(|t| t.id >= STRIDE) {
            return Err(format!(
                "{}: task {} is numbered too high for the city view (at most {})",
                member.name,
                task.id,
                STRIDE - 1
            ));
        }
        let q = |unit: &str| qualify(member.name, unit);
        combined.tasks.extend(
            member
                .board
                .tasks
                .iter()
                .map(|t| qualified_task(index, member.name, t)),
        );
        combined
            .meetings
            .extend(member.board.meetings.iter().copied());
        for (unit, aliases) in &member.board.unit_aliases {
            combined
                .unit_aliases
                .insert(q(unit), aliases.iter().map(|a| q(a)).collect());
        }
        combined.conflicts.extend(
            member
                .board
                .conflicts
                .iter()
                .map(|c| conflict_in_city(index, c)),
        );
    }
    combined.meetings.sort();
    combined.meetings.dedup();
    Ok(combined)
}

/// `闵行/区商务委`.
pub fn qualify(board: &str, unit: &str) -> String {
    format!("{board}{QUALIFIER}{unit}")
}

/// The unit's own name, when it is qualified with `board`'s name; as given otherwise (a unit
/// typed without its board is taken as that board's).
pub fn own_unit<'a>(board: &str, unit: &'a str) -> &'a str {
    unit.strip_prefix(board)
        .and_then(|rest| rest.strip_prefix(QUALIFIER))
        .unwrap_or(unit)
}

/// Board `index`'s part of a combined board (as the city view shows it, at the date in use), as
/// that board itself: its own numbers and unit names, its plan and settings.
pub fn own_board(combined: &Board, index: usize, member: Member) -> Board {
    let own = |units: &[String]| -> Vec<String> {
        units
            .iter()
            .map(|u| own_unit(member.name, u).to_string())
            .collect()
    };
    let tasks = combined
        .tasks
        .iter()
        .filter(|t| split(t.id).is_some_and(|(i, _)| i == index))
        .map(|t| Task {
            id: t.id % STRIDE,
            lead_units: own(&t.lead_units),
            cooperating_units: own(&t.cooperating_units),
            milestones: t
                .milestones
                .iter()
                .map(|m| Milestone {
                    units: own(&m.units),
                    ..m.clone()
                })
                .collect(),
            ..t.clone()
        })
        .collect();
    Board {
        tasks,
        ..member.board.clone()
    }
}

fn qualified_task(index: usize, board: &str, task: &Task) -> Task {
    let q = |units: &[String]| units.iter().map(|u| qualify(board, u)).collect();
    Task {
        id: join(index, task.id),
        lead_units: q(&task.lead_units),
        cooperating_units: q(&task.cooperating_units),
        milestones: task
            .milestones
            .iter()
            .map(|m| Milestone {
                units: q(&m.units),
                ..m.clone()
            })
            .collect(),
        ..task.clone()
    }
}

fn conflict_in_city(index: usize, c: &Conflict) -> Conflict {
    Conflict {
        task: c.task.map(|id| join(index, id)),
        ..c.clone()
    }
}

/// Board `index`'s history entries with the city's task numbers.
pub fn entries_in_city(index: usize, entries: Vec<HistoryEntry>) -> Vec<HistoryEntry> {
    entries
        .into_iter()
        .map(|e| renumber_entry(e, &|id| join(index, id)))
        .collect()
}

/// The history of every board, in the city's task numbers, ordered by time.
pub fn history_in_city(histories: Vec<Vec<HistoryEntry>>) -> super::History {
    let entries = histories
        .into_iter()
        .enumerate()
        .flat_map(|(index, entries)| entries_in_city(index, entries))
        .collect();
    super::History::new(entries)
}

fn renumber_entry(mut e: HistoryEntry, to: &dyn Fn(TaskId) -> TaskId) -> HistoryEntry {
    e.task = e.task.map(to);
    match &mut e.change {
        Change::TaskAdded { task } | Change::TaskDeleted { task } => task.id = to(task.id),
        Change::ConflictResolved { conflict, .. } | Change::ConflictRestored { conflict } => {
            conflict.task = conflict.task.map(to);
        }
        _ => {}
    }
    e
}

/// The change `op`, made in the combined board, as board `index` must apply it. `shown` is the
/// board the view is narrowed to, if any: where a new task or a board-wide change goes.
pub fn to_member(
    op: &Operation,
    members: &[Member],
    shown: Option<usize>,
) -> Result<(usize, Operation), Unroutable> {
    let index = match board_of(op, members.len())? {
        Some(index) => index,
        None => shown.ok_or(Unroutable::NoBoardChosen)?,
    };
    let member = &members[index];
    Ok((index, translate(op, member.name, member.board)))
}

/// The one board an operation's tasks belong to; `None` when it names no task.
fn board_of(op: &Operation, boards: usize) -> Result<Option<usize>, Unroutable> {
    let mut found: Option<usize> = None;
    let mut note = |id: TaskId| -> Result<(), Unroutable> {
        let (index, _) = split(id)
            .filter(|(i, _)| *i < boards)
            .ok_or(Unroutable::UnknownTask(id))?;
        match found {
            Some(other) if other != index => Err(Unroutable::SeveralBoards),
            _ => {
                found = Some(index);
                Ok(())
            }
        }
    };
    each_task(op, &mut note)?;
    Ok(found)
}

/// Calls `f` with every task number `op` names (a new task's own number excepted: it is taken
/// from its board).
fn each_task(
    op: &Operation,
    f: &mut dyn FnMut(TaskId) -> Result<(), Unroutable>,
) -> Result<(), Unroutable> {
    match op {
        Operation::Batch(ops) => ops.iter().try_for_each(|op| each_task(op, f)),
        Operation::Revert { entries, .. } => {
            entries.iter().filter_map(|e| e.task).try_for_each(&mut *f)
        }
        Operation::ResolveConflict { task, .. } => task.map_or(Ok(()), &mut *f),
        Operation::AddTask { .. }
        | Operation::RecordMeeting { .. }
        | Operation::SetRoles { .. } => Ok(()),
        other => other.existing_task().map_or(Ok(()), f),
    }
}

/// `op` with the board's own task numbers and unit names.
fn translate(op: &Operation, board_name: &str, board: &Board) -> Operation {
    let own = |id: TaskId| id % STRIDE;
    let units = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|u| own_unit(board_name, u).to_string())
            .collect()
    };
    let mut op = op.clone();
    match &mut op {
        Operation::Batch(ops) => {
            for inner in ops.iter_mut() {
                *inner = translate(inner, board_name, board);
            }
        }
        Operation::Revert { entries, .. } => {
            for e in entries.iter_mut() {
                *e = renumber_entry(e.clone(), &own);
            }
        }
        Operation::ResolveConflict { task, .. } => *task = task.map(own),
        Operation::AddTask { task } => {
            // The number the dialog offered is the combined board's next; the board's own next
            // free number is what it gets (the store moves it on if a colleague took it).
            task.id = board.tasks.iter().map(|t| t.id).max().unwrap_or(0) + 1;
            task.lead_units = units(&task.lead_units);
            task.cooperating_units = units(&task.cooperating_units);
            for m in &mut task.milestones {
                m.units = units(&m.units);
            }
        }
        Operation::EditField {
            field: Field::LeadUnits | Field::CooperatingUnits,
            value,
            ..
        } => *value = join_units(&units(&parse_units(value))),
        Operation::AddMilestone { units: list, .. } => *list = units(list),
        Operation::EditMilestone {
            units: Some(list), ..
        } => *list = units(list),
        _ => {}
    }
    if let Some(id) = op.existing_task_mut() {
        *id = own(*id);
    }
    op
}

mod compare;
pub use compare::{BoardRow, board_rows};

#[cfg(test)]
mod tests;
