//! The stage evaluation (阶段性评估): the board at the start and at the end of a period side by
//! side — what was completed in it (on time or late), what became overdue, what stayed overdue,
//! what newly needs coordination, and each unit's figures at both dates.

use chrono::NaiveDate;

use super::changes::Changes;
use super::stats::{self, Summary, UnitRow};
use super::{Board, Status, TaskId, Urgency};

/// A task completed in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    pub id: TaskId,
    pub title: String,
    pub completed_on: NaiveDate,
    /// `None` when done by the deadline.
    pub days_late: Option<i64>,
}

/// A task overdue at both ends of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillOverdue {
    pub id: TaskId,
    pub title: String,
    pub days_at_start: i64,
    pub days_at_end: i64,
}

/// A unit's figures at both dates; `start` is `None` for a unit that had no task then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChange {
    pub unit: String,
    pub start: Option<UnitRow>,
    pub end: UnitRow,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub summary_start: Summary,
    pub summary_end: Summary,
    pub completed: Vec<Completed>,
    /// Tasks whose deadline passed in the period while they were not done: (id, title, deadline).
    pub became_overdue: Vec<(TaskId, String, NaiveDate)>,
    pub still_overdue: Vec<StillOverdue>,
    /// Tasks needing coordination (需协调) at the end that did not at the start.
    pub newly_blocked: Vec<(TaskId, String)>,
    pub units: Vec<UnitChange>,
    /// Each task's status at the start (tasks added later have none).
    pub start_status: Vec<(TaskId, Status)>,
}

impl Stage {
    pub fn start_status_of(&self, id: TaskId) -> Option<Status> {
        self.start_status
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, s)| *s)
    }
}

/// The evaluation of the period from the end of `from` to the end of `to`, from the board at each
/// date and what happened between (`changes` over the days after `from` through `to`).
pub fn stage(
    start: &Board,
    end: &Board,
    changes: &Changes,
    from: NaiveDate,
    to: NaiveDate,
) -> Stage {
    let completed = end
        .tasks
        .iter()
        .filter(|t| t.status == Status::Done)
        .filter_map(|t| {
            let on = t.completed_on?;
            (on > from && on <= to).then(|| Completed {
                id: t.id,
                title: t.title.clone(),
                completed_on: on,
                days_late: (on > t.deadline).then(|| (on - t.deadline).num_days()),
            })
        })
        .collect();
    let became_overdue = changes
        .changes
        .iter()
        .filter(|c| c.kind == "became_overdue")
        .filter_map(|c| Some((c.task?, c.title.clone(), c.deadline?)))
        .collect();
    let overdue_days = |board: &Board, id: TaskId, date: NaiveDate| {
        let task = board.task(id)?;
        match board.urgency(task, date) {
            Urgency::Overdue { days } => Some(days),
            _ => None,
        }
    };
    let still_overdue = end
        .tasks
        .iter()
        .filter_map(|t| {
            Some(StillOverdue {
                id: t.id,
                title: t.title.clone(),
                days_at_start: overdue_days(start, t.id, from)?,
                days_at_end: overdue_days(end, t.id, to)?,
            })
        })
        .collect();
    let newly_blocked = end
        .tasks
        .iter()
        .filter(|t| t.status == Status::Blocked)
        .filter(|t| start.task(t.id).is_none_or(|s| s.status != Status::Blocked))
        .map(|t| (t.id, t.title.clone()))
        .collect();
    let before = stats::unit_table(start, from);
    let units = stats::unit_table(end, to)
        .into_iter()
        .map(|row| UnitChange {
            unit: row.unit.clone(),
            start: before.iter().find(|b| b.unit == row.unit).cloned(),
            end: row,
        })
        .collect();
    Stage {
        from,
        to,
        summary_start: stats::summary(start, from),
        summary_end: stats::summary(end, to),
        completed,
        became_overdue,
        still_overdue,
        newly_blocked,
        units,
        start_status: start.tasks.iter().map(|t| (t.id, t.status)).collect(),
    }
}
