//! What happened in a window of days: the changes recorded in the history, and the tasks that
//! became overdue meanwhile (which no one records: a deadline passes). For the changes view,
//! `ftz-board changes` and the stage evaluation.
//!
//! The board is walked through the window entry by entry (see `model::time`), so each change is
//! judged against the board as it stood when it was made: a completion is on time or late by the
//! deadline of that day, and a task became overdue only if it was not done when its deadline
//! passed.

use std::collections::BTreeSet;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::Serialize;

use super::time::{AsOf, History};
use super::{Board, Change, HistoryEntry, Status, TaskId, Via};

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeItem {
    /// The task concerned; `None` for a board-wide entry (a meeting).
    pub task: Option<TaskId>,
    /// The task's title when it happened (or when it was deleted).
    pub title: String,
    pub at: DateTime<FixedOffset>,
    /// Who made the change; empty for a deadline that passed.
    pub user: String,
    /// `status`, `note`, `decision`, `note_removed`, `field`, `task_added`, `task_deleted`,
    /// `became_overdue`, `milestone`, `request`, `meeting`, …
    pub kind: &'static str,
    /// The field of a `field` change (`title`, `deadline`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Before and after: status names for a status change, the field's text for a field change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A note's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For a move to done: `on_time` or `late`, by the deadline then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    /// The deadline that passed, for `became_overdue`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
    /// For a `milestone` change: `added`, `done`, `reopened`, `edited` or `deleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<&'static str>,
}

/// The window and what happened in it, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub changes: Vec<ChangeItem>,
}

impl Changes {
    /// The items grouped by task (in id order; board-wide items first), each group oldest first.
    pub fn by_task(&self) -> Vec<(Option<TaskId>, Vec<&ChangeItem>)> {
        let tasks: BTreeSet<Option<TaskId>> = self.changes.iter().map(|c| c.task).collect();
        tasks
            .into_iter()
            .map(|task| {
                let items = self.changes.iter().filter(|c| c.task == task).collect();
                (task, items)
            })
            .collect()
    }
}

/// Everything that happened from the start of `since` to the end of `until`, on the board whose
/// present state is `current` with `history`. `keep` says which tasks to report (a unit's).
pub fn changes(
    current: &Board,
    history: &History,
    since: NaiveDate,
    until: NaiveDate,
    keep: impl Fn(&Board, TaskId) -> bool,
) -> Changes {
    let before = since.checked_sub_days(Days::new(1)).unwrap_or(since);
    let mut walk = AsOf::at(current, history, before);
    let entries = history.between(since, until);
    let deadlines = deadlines_in_window(&walk.board, entries, before, until);
    // The board's time zone: its setting, else that of its changes.
    let offset = current
        .settings
        .utc_offset
        .as_deref()
        .and_then(super::parse_utc_offset)
        .or_else(|| entries.first().map(|e| *e.at.offset()))
        .unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc));
    let mut out = Vec::new();
    let mut pending = deadlines.into_iter().peekable();
    let at_end = until.checked_add_days(Days::new(1)).unwrap_or(until);
    for entry in entries {
        // Deadlines that passed before this entry's day are judged on the board as it then was.
        while let Some(&day) = pending.peek() {
            if day >= entry.date() {
                break;
            }
            passed_deadline(&walk.board, day, offset, &keep, &mut out);
            pending.next();
        }
        if let Some(item) = describe(&walk.board, entry) {
            let task_kept = entry.task.is_none_or(|id| {
                keep(&walk.board, id) || deleted_task_kept(entry, &keep, &walk.board)
            });
            if task_kept {
                out.push(item);
            }
        }
        let _ = entry.redo(&mut walk.board);
    }
    for day in pending {
        if day < at_end {
            passed_deadline(&walk.board, day, offset, &keep, &mut out);
        }
    }
    out.sort_by_key(|c| c.at);
    Changes {
        since,
        until,
        changes: out,
    }
}

/// Whether a task entry's task, deleted since, is one to report (judged on the task as deleted).
fn deleted_task_kept(
    entry: &HistoryEntry,
    keep: &impl Fn(&Board, TaskId) -> bool,
    board: &Board,
) -> bool {
    match &entry.change {
        Change::TaskDeleted { task } | Change::TaskAdded { task } => {
            let mut alone = Board::empty(board.plan.clone());
            alone.unit_aliases = board.unit_aliases.clone();
            alone.tasks.push((**task).clone());
            keep(&alone, task.id)
        }
        _ => false,
    }
}

/// The days (deadline + 1) on which a task may have become overdue in the window: the deadlines
/// the tasks had at the start, and those set by changes in it.
fn deadlines_in_window(
    start: &Board,
    entries: &[HistoryEntry],
    before: NaiveDate,
    until: NaiveDate,
) -> BTreeSet<NaiveDate> {
    let mut days: BTreeSet<NaiveDate> = start.tasks.iter().map(|t| t.deadline).collect();
    for entry in entries {
        match &entry.change {
            Change::Field { field, to, .. } if field == "deadline" => {
                days.extend(to.parse::<NaiveDate>().ok());
            }
            Change::TaskAdded { task } => {
                days.insert(task.deadline);
            }
            _ => {}
        }
    }
    days.into_iter()
        .filter(|d| *d >= before && *d < until)
        .collect()
}

/// The tasks whose deadline was `deadline` and that were not done at the end of that day.
fn passed_deadline(
    board: &Board,
    deadline: NaiveDate,
    offset: FixedOffset,
    keep: &impl Fn(&Board, TaskId) -> bool,
    out: &mut Vec<ChangeItem>,
) {
    let Some(next_day) = deadline.checked_add_days(Days::new(1)) else {
        return;
    };
    let at = next_day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single());
    let Some(at) = at else { return };
    for task in &board.tasks {
        if task.deadline == deadline && task.status != Status::Done && keep(board, task.id) {
            out.push(ChangeItem {
                deadline: Some(deadline),
                ..item(Some(task.id), task.title.clone(), at, "", "became_overdue")
            });
        }
    }
}

fn item(
    task: Option<TaskId>,
    title: String,
    at: DateTime<FixedOffset>,
    user: &str,
    kind: &'static str,
) -> ChangeItem {
    ChangeItem {
        task,
        title,
        at,
        user: user.to_string(),
        kind,
        field: None,
        from: None,
        to: None,
        text: None,
        completion: None,
        days_late: None,
        deadline: None,
        via: None,
        milestone: None,
    }
}

/// The entry as an item, judged on `board` as it stood just before it.
fn describe(board: &Board, entry: &HistoryEntry) -> Option<ChangeItem> {
    let task = entry.task.and_then(|id| board.task(id));
    let title = task.map(|t| t.title.clone()).unwrap_or_default();
    let base = |kind| ChangeItem {
        via: entry.via,
        ..item(entry.task, title.clone(), entry.at, &entry.user, kind)
    };
    Some(match &entry.change {
        Change::Status { from, to, .. } => {
            let mut out = ChangeItem {
                from: Some(from.name().into()),
                to: Some(to.name().into()),
                ..base("status")
            };
            if *to == Status::Done
                && let Some(task) = task
            {
                let late = (entry.date() - task.deadline).num_days();
                out.completion = Some(if late > 0 { "late" } else { "on_time" });
                out.days_late = (late > 0).then_some(late);
            }
            out
        }
        Change::NoteAdded { note } => ChangeItem {
            text: Some(note.text.clone()),
            ..base(if note.decision { "decision" } else { "note" })
        },
        Change::NoteRemoved { note } => ChangeItem {
            text: Some(note.text.clone()),
            ..base("note_removed")
        },
        Change::Field { field, from, to } => ChangeItem {
            field: Some(field.clone()),
            from: Some(from.clone()),
            to: Some(to.clone()),
            ..base("field")
        },
        Change::TaskAdded { task } => ChangeItem {
            title: task.title.clone(),
            ..base("task_added")
        },
        Change::TaskDeleted { task } => ChangeItem {
            title: task.title.clone(),
            ..base("task_deleted")
        },
        Change::Milestone { number, from, to } => {
            let done = match (from, to) {
                (Some(f), Some(t)) if f.completed_on.is_none() => {
                    t.completed_on.map(|d| (d, t.due))
                }
                _ => None,
            };
            let milestone = match (from, to) {
                (None, _) => "added",
                (_, None) => "deleted",
                _ if done.is_some() => "done",
                (Some(f), Some(t)) if f.completed_on.is_some() && t.completed_on.is_none() => {
                    "reopened"
                }
                _ => "edited",
            };
            let days_late = done.and_then(|(on, due)| (on > due).then(|| (on - due).num_days()));
            ChangeItem {
                field: Some(number.to_string()),
                from: from.as_ref().map(|m| m.title.clone()),
                to: to.as_ref().map(|m| m.title.clone()),
                completion: done.map(|_| {
                    if days_late.is_some() {
                        "late"
                    } else {
                        "on_time"
                    }
                }),
                days_late,
                deadline: to.as_ref().or(from.as_ref()).map(|m| m.due),
                milestone: Some(milestone),
                ..base("milestone")
            }
        }
        Change::Meeting { date } => ChangeItem {
            to: Some(date.to_string()),
            ..base("meeting")
        },
        other => base(other.kind()),
    })
}
