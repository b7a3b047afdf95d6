//! Figures for the dashboard, the meeting review and the report. Pure functions of a board and the
//! date in use, so that every number shown on screen or on paper is tested here once.
//!
//! Units are counted under their canonical name (an alias such as 区网信办 counts for 区委网信办), and a
//! unit named both lead and cooperating on one task counts once, as lead, as in the unit lanes.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::{Board, Note, Role, Status, Task, TaskId, Urgency};

pub mod progress;

/// Counts for the whole board on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub total: usize,
    /// Tasks per status, indexed by [`Status::index`]; see [`Summary::count`].
    pub by_status: [usize; 4],
    /// Not done, deadline passed.
    pub overdue: usize,
    /// Not done, deadline today or within `settings.warn_days`.
    pub due_soon: usize,
    /// Not done, deadline further away.
    pub on_track: usize,
    pub done_on_time: usize,
    pub done_late: usize,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        self.by_status[status.index()]
    }

    pub fn done(&self) -> usize {
        self.count(Status::Done)
    }

    /// 按期完成率: tasks done on time as a share (0.0–1.0) of the tasks done. `None` while nothing is
    /// done, so that a fresh board shows "no figure" rather than 0 % or NaN.
    pub fn on_time_share_of_done(&self) -> Option<f64> {
        share(self.done_on_time, self.done())
    }

    /// Tasks done on time as a share of all tasks (progress against the whole plan). `None` for a
    /// board without tasks.
    pub fn on_time_share_of_all(&self) -> Option<f64> {
        share(self.done_on_time, self.total)
    }
}

/// `part / whole`, or `None` when `whole` is zero.
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

pub fn summary(board: &Board, today: NaiveDate) -> Summary {
    let mut s = Summary {
        total: board.tasks.len(),
        ..Summary::default()
    };
    for task in &board.tasks {
        s.by_status[task.status.index()] += 1;
        match board.urgency(task, today) {
            Urgency::Overdue { .. } => s.overdue += 1,
            Urgency::DueSoon { .. } => s.due_soon += 1,
            Urgency::OnTrack { .. } => s.on_track += 1,
            Urgency::DoneOnTime => s.done_on_time += 1,
            Urgency::DoneLate { .. } => s.done_late += 1,
        }
    }
    s
}

/// One unit's line in the per-unit table. `done`, `done_on_time` and `overdue` count all the
/// unit's tasks, lead or cooperating; the ranking uses only the tasks it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub unit: String,
    pub lead: usize,
    pub cooperating: usize,
    pub done: usize,
    pub done_on_time: usize,
    pub overdue: usize,
    /// Overdue tasks the unit leads, with their days overdue, in id order.
    pub overdue_lead: Vec<(TaskId, i64)>,
}

impl UnitRow {
    pub fn tasks(&self) -> usize {
        self.lead + self.cooperating
    }

    /// Done on time as a share of the unit's tasks done; `None` while none is done.
    pub fn on_time_rate(&self) -> Option<f64> {
        share(self.done_on_time, self.done)
    }

    /// Days overdue of the overdue tasks it leads, added up.
    pub fn overdue_lead_days(&self) -> i64 {
        self.overdue_lead.iter().map(|(_, d)| d).sum()
    }
}

/// The per-unit table: every unit, in plan order.
pub fn unit_table(board: &Board, today: NaiveDate) -> Vec<UnitRow> {
    let mut rows: Vec<UnitRow> = board
        .units_in_plan_order()
        .into_iter()
        .map(|unit| UnitRow {
            unit: unit.to_string(),
            lead: 0,
            cooperating: 0,
            done: 0,
            done_on_time: 0,
            overdue: 0,
            overdue_lead: Vec::new(),
        })
        .collect();
    for task in &board.tasks {
        let urgency = board.urgency(task, today);
        for (unit, role) in board.units_of(task) {
            let Some(row) = rows.iter_mut().find(|r| r.unit == unit) else {
                continue;
            };
            match role {
                Role::Lead => row.lead += 1,
                Role::Cooperating => row.cooperating += 1,
            }
            match urgency {
                Urgency::Overdue { days } => {
                    row.overdue += 1;
                    if role == Role::Lead {
                        row.overdue_lead.push((task.id, days));
                    }
                }
                Urgency::DoneOnTime => {
                    row.done += 1;
                    row.done_on_time += 1;
                }
                Urgency::DoneLate { .. } => row.done += 1,
                Urgency::DueSoon { .. } | Urgency::OnTrack { .. } => {}
            }
        }
    }
    rows
}

/// A unit's place in the overdue ranking (逾期排名).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueRank {
    /// 1 for the first; units tied on both counts share a rank (1, 1, 3).
    pub rank: usize,
    pub unit: String,
    /// The overdue tasks it leads, with their days overdue, in id order.
    pub tasks: Vec<(TaskId, i64)>,
}

impl OverdueRank {
    pub fn days(&self) -> i64 {
        self.tasks.iter().map(|(_, d)| d).sum()
    }

    /// The longest delay among its overdue tasks (a figure that means something, where the sum of
    /// days across tasks does not).
    pub fn longest(&self) -> i64 {
        self.tasks.iter().map(|(_, d)| *d).max().unwrap_or(0)
    }

    /// The median delay (the lower of the middle two for an even count).
    pub fn median(&self) -> i64 {
        let mut days: Vec<i64> = self.tasks.iter().map(|(_, d)| *d).collect();
        days.sort_unstable();
        days.get(days.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or(0)
    }
}

/// Units leading at least one overdue task: most overdue lead tasks first, then most days overdue
/// in total, then plan order. Cooperating units are not ranked: the lead answers for the deadline.
pub fn overdue_ranking(board: &Board, today: NaiveDate) -> Vec<OverdueRank> {
    let mut rows: Vec<UnitRow> = unit_table(board, today)
        .into_iter()
        .filter(|r| !r.overdue_lead.is_empty())
        .collect();
    // Stable sort: plan order breaks the remaining ties.
    rows.sort_by_key(|r| Reverse((r.overdue_lead.len(), r.overdue_lead_days())));
    let mut out: Vec<OverdueRank> = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let key = (row.overdue_lead.len(), row.overdue_lead_days());
        let rank = match out.last() {
            Some(prev) if (prev.tasks.len(), prev.days()) == key => prev.rank,
            _ => i + 1,
        };
        out.push(OverdueRank {
            rank,
            unit: row.unit,
            tasks: row.overdue_lead,
        });
    }
    out
}

/// Overdue tasks with their days overdue: most days first, then id.
pub fn overdue_tasks(board: &Board, today: NaiveDate) -> Vec<(&Task, i64)> {
    let mut out: Vec<(&Task, i64)> = board
        .tasks
        .iter()
        .filter_map(|t| match board.urgency(t, today) {
            Urgency::Overdue { days } => Some((t, days)),
            _ => None,
        })
        .collect();
    out.sort_by_key(|(t, days)| (Reverse(*days), t.id));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineTask {
    pub id: TaskId,
    pub status: Status,
    pub urgency: Urgency,
}

/// One deadline and the tasks due then, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub deadline: NaiveDate,
    pub tasks: Vec<TimelineTask>,
}

impl Milestone {
    pub fn count(&self, status: Status) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }

    pub fn overdue(&self) -> usize {
        self.tasks.iter().filter(|t| t.urgency.is_overdue()).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub today: NaiveDate,
    /// Each distinct deadline, earliest first.
    pub milestones: Vec<Milestone>,
    /// How many deadlines lie strictly before today: today's marker goes after that many milestones
    /// (on the next one when [`Timeline::today_is_deadline`]).
    pub passed: usize,
}

impl Timeline {
    pub fn today_is_deadline(&self) -> bool {
        self.milestones
            .get(self.passed)
            .is_some_and(|m| m.deadline == self.today)
    }
}

pub fn timeline(board: &Board, today: NaiveDate) -> Timeline {
    let mut milestones: Vec<Milestone> = Vec::new();
    let mut tasks: Vec<&Task> = board.tasks.iter().collect();
    tasks.sort_by_key(|t| (t.deadline, t.id));
    for task in tasks {
        let entry = TimelineTask {
            id: task.id,
            status: task.status,
            urgency: board.urgency(task, today),
        };
        match milestones.last_mut() {
            Some(m) if m.deadline == task.deadline => m.tasks.push(entry),
            _ => milestones.push(Milestone {
                deadline: task.deadline,
                tasks: vec![entry],
            }),
        }
    }
    let passed = milestones.iter().filter(|m| m.deadline < today).count();
    Timeline {
        today,
        milestones,
        passed,
    }
}

/// Why a task comes up when it does in a meeting review. Ordered: earlier groups come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiscussionGroup {
    /// Overdue, or blocked (需协调) whatever its deadline.
    OverdueOrBlocked,
    DueSoon,
    /// Not done and not due soon.
    OnTrack,
    /// Done tasks come last: there is least to discuss.
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiscussionItem {
    pub id: TaskId,
    pub group: DiscussionGroup,
    pub urgency: Urgency,
}

/// Every task in the order a meeting should discuss it: by group, then most days overdue, then
/// earliest deadline, then id.
pub fn needs_discussion(board: &Board, today: NaiveDate) -> Vec<DiscussionItem> {
    let mut items: Vec<(DiscussionItem, NaiveDate)> = board
        .tasks
        .iter()
        .map(|task| {
            let urgency = board.urgency(task, today);
            let group = match urgency {
                _ if task.status == Status::Blocked => DiscussionGroup::OverdueOrBlocked,
                Urgency::Overdue { .. } => DiscussionGroup::OverdueOrBlocked,
                Urgency::DueSoon { .. } => DiscussionGroup::DueSoon,
                Urgency::OnTrack { .. } => DiscussionGroup::OnTrack,
                Urgency::DoneOnTime | Urgency::DoneLate { .. } => DiscussionGroup::Done,
            };
            let item = DiscussionItem {
                id: task.id,
                group,
                urgency,
            };
            (item, task.deadline)
        })
        .collect();
    items.sort_by_key(|(item, deadline)| {
        let days = match item.urgency {
            Urgency::Overdue { days } => days,
            _ => 0,
        };
        (item.group, Reverse(days), *deadline, item.id)
    });
    items.into_iter().map(|(item, _)| item).collect()
}

/// A task nobody has written about lately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleTask {
    pub id: TaskId,
    /// The date of its latest note; `None` when it has none.
    pub last_note: Option<NaiveDate>,
    /// Days since the latest note, or since the plan was issued when there is none.
    pub days_silent: i64,
}

/// Days without activity if the task is stale: not done, and its last activity (a note, a status
/// change, an edit, a milestone, a request — or, with none, the day it was added or the board was
/// made) lies more than `settings.stale_days` before today.
pub fn stale_days(board: &Board, task: &Task, today: NaiveDate) -> Option<i64> {
    if task.status == Status::Done {
        return None;
    }
    let since = task.last_activity().unwrap_or_else(|| board.start_date());
    let days = (today - since).num_days();
    (days > i64::from(board.settings.stale_days)).then_some(days)
}

/// Stale tasks in id order.
pub fn stale_tasks(board: &Board, today: NaiveDate) -> Vec<StaleTask> {
    let mut out: Vec<StaleTask> = board
        .tasks
        .iter()
        .filter_map(|task| {
            stale_days(board, task, today).map(|days_silent| StaleTask {
                id: task.id,
                last_note: task.latest_note().map(|n| n.at.date_naive()),
                days_silent,
            })
        })
        .collect();
    out.sort_by_key(|s| s.id);
    out
}

/// Notes dated from `since` through `until` (both inclusive, by the note's own date), oldest first,
/// then by task id.
pub fn notes_since(board: &Board, since: NaiveDate, until: NaiveDate) -> Vec<(TaskId, &Note)> {
    let mut out: Vec<(TaskId, &Note)> = board
        .tasks
        .iter()
        .flat_map(|t| t.notes.iter().map(move |n| (t.id, n)))
        .filter(|(_, n)| (since..=until).contains(&n.at.date_naive()))
        .collect();
    out.sort_by_key(|(id, n)| (n.at, *id));
    out
}

// The tests are long enough to live in their own file: src/model/stats/tests.rs.
#[cfg(test)]
mod tests;
