//! Traffic lights (红黄绿灯): how a task stands against its milestones, its deadline and its
//! schedule on a given day. Computed, never stored; "today" is passed in.
//!
//! The rule (README, "Milestones and traffic lights"):
//! - done tasks have no light;
//! - **red** when an open milestone's due date or the task's deadline has passed;
//! - **yellow** when an open milestone or the deadline is due today or within `warn_days`, or when
//!   progress (milestones done out of all) lags the schedule (the share of the task's time
//!   elapsed, from the plan's date or the task's creation to its deadline) by at least
//!   `behind_yellow` percentage points (and by more than nothing);
//! - **green** otherwise.
//!
//! A task without milestones has no measured progress, so only its deadline can make it red or
//! yellow.

use chrono::NaiveDate;

use super::{Board, Milestone, Status, Task, Urgency};

/// A task's light. Ordered as a review takes them: red first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Light {
    Red,
    Yellow,
    Green,
    /// A done task.
    None,
}

impl Light {
    pub const ALL: [Light; 4] = [Light::Red, Light::Yellow, Light::Green, Light::None];

    /// Stable English name for exports: `red`, `yellow`, `green`, `none`. The words and symbols
    /// people see are in `i18n/lights.rs`.
    pub fn name(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::None => "none",
        }
    }
}

/// Why a task has its light: every cause that applies, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An open milestone whose due date has passed (red).
    MilestoneMissed { number: u32, days: i64 },
    /// The task's deadline has passed (red).
    DeadlineMissed { days: i64 },
    /// An open milestone due today or within `warn_days` (yellow).
    MilestoneNear { number: u32, days_left: i64 },
    /// The deadline is today or within `warn_days` (yellow).
    DeadlineNear { days_left: i64 },
    /// Progress lags the schedule by this many whole points, at least `behind_yellow` (yellow).
    Behind { points: i64 },
}

impl Reason {
    pub fn light(self) -> Light {
        match self {
            Reason::MilestoneMissed { .. } | Reason::DeadlineMissed { .. } => Light::Red,
            _ => Light::Yellow,
        }
    }
}

/// A task's light with its causes (empty for green and none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub light: Light,
    pub reasons: Vec<Reason>,
}

/// Progress against time for a task with milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub done: usize,
    pub total: usize,
    /// Days from the start (plan's date or the task's creation) to today, within 0..=`span`.
    pub elapsed: i64,
    /// Days from the start to the deadline (at least 1).
    pub span: i64,
}

impl Schedule {
    /// Milestones done, in whole percent (rounded down).
    pub fn progress_percent(&self) -> i64 {
        (100 * self.done as i64) / self.total.max(1) as i64
    }

    /// Time elapsed, in whole percent (rounded down).
    pub fn elapsed_percent(&self) -> i64 {
        100 * self.elapsed / self.span
    }

    /// Points of progress behind the schedule, rounded down (negative when ahead). Computed
    /// exactly in integers, so that "exactly `behind_yellow` points behind" is exact.
    pub fn behind_points(&self) -> i64 {
        self.behind_scaled().div_euclid(self.scale())
    }

    /// Whether progress lags the schedule by more than nothing and by at least `points`.
    pub fn is_behind_by(&self, points: u32) -> bool {
        let behind = self.behind_scaled();
        behind > 0 && behind >= i64::from(points) * self.scale()
    }

    /// 100 × (elapsed/span − done/total), scaled by span × total to stay in integers.
    fn behind_scaled(&self) -> i64 {
        let total = self.total as i64;
        100 * (self.elapsed * total - self.done as i64 * self.span)
    }

    fn scale(&self) -> i64 {
        self.span * self.total as i64
    }
}

impl Milestone {
    pub fn is_done(&self) -> bool {
        self.completed_on.is_some()
    }

    /// How the milestone stands against its due date on `today`, in the terms of a task's
    /// deadline (overdue, due soon, on track, done on time, done late).
    pub fn urgency(&self, today: NaiveDate, warn_days: u32) -> Urgency {
        if let Some(done) = self.completed_on {
            return if done > self.due {
                Urgency::DoneLate {
                    days_late: (done - self.due).num_days(),
                }
            } else {
                Urgency::DoneOnTime
            };
        }
        let days_left = (self.due - today).num_days();
        if days_left < 0 {
            Urgency::Overdue { days: -days_left }
        } else if days_left <= i64::from(warn_days) {
            Urgency::DueSoon { days_left }
        } else {
            Urgency::OnTrack { days_left }
        }
    }
}

/// The day a task's time starts: its creation on the board, or the plan's date.
pub fn start_of(board: &Board, task: &Task) -> NaiveDate {
    task.created_on.unwrap_or(board.plan.issued_on)
}

/// Progress against time; `None` for a task without milestones.
pub fn schedule(board: &Board, task: &Task, today: NaiveDate) -> Option<Schedule> {
    if task.milestones.is_empty() {
        return None;
    }
    let start = start_of(board, task);
    let span = (task.deadline - start).num_days().max(1);
    let elapsed = (today - start).num_days().clamp(0, span);
    Some(Schedule {
        done: task.milestones.iter().filter(|m| m.is_done()).count(),
        total: task.milestones.len(),
        elapsed,
        span,
    })
}

/// The task's light on `today`, with every cause, worst first.
pub fn signal(board: &Board, task: &Task, today: NaiveDate) -> Signal {
    if task.status == Status::Done {
        return Signal {
            light: Light::None,
            reasons: Vec::new(),
        };
    }
    let warn_days = board.settings.warn_days;
    let mut red = Vec::new();
    let mut yellow = Vec::new();
    for m in task.milestones.iter().filter(|m| !m.is_done()) {
        match m.urgency(today, warn_days) {
            Urgency::Overdue { days } => red.push(Reason::MilestoneMissed {
                number: m.number,
                days,
            }),
            Urgency::DueSoon { days_left } => yellow.push(Reason::MilestoneNear {
                number: m.number,
                days_left,
            }),
            _ => {}
        }
    }
    match Urgency::of(task, today, warn_days) {
        Urgency::Overdue { days } => red.push(Reason::DeadlineMissed { days }),
        Urgency::DueSoon { days_left } => yellow.push(Reason::DeadlineNear { days_left }),
        _ => {}
    }
    if let Some(s) = schedule(board, task, today)
        && s.is_behind_by(board.settings.behind_yellow)
    {
        yellow.push(Reason::Behind {
            points: s.behind_points(),
        });
    }
    let light = if !red.is_empty() {
        Light::Red
    } else if !yellow.is_empty() {
        Light::Yellow
    } else {
        Light::Green
    };
    red.extend(yellow);
    Signal {
        light,
        reasons: red,
    }
}

/// The task's light on `today`.
pub fn light(board: &Board, task: &Task, today: NaiveDate) -> Light {
    signal(board, task, today).light
}

impl Board {
    /// [`light`] of one of the board's tasks, beside [`Board::urgency`].
    pub fn light(&self, task: &Task, today: NaiveDate) -> Light {
        light(self, task, today)
    }
}

#[cfg(test)]
mod tests;
