//! Deadline urgency: computed from the task, the date in use and the warning window; never stored.

use chrono::NaiveDate;

use super::{Status, Task};

/// How a task stands against its deadline on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Urgency {
    /// Not done and the deadline has passed.
    Overdue { days: i64 },
    /// Not done, deadline today or within the warning window.
    DueSoon { days_left: i64 },
    /// Not done, deadline further away than the warning window.
    OnTrack { days_left: i64 },
    /// Done on or before the deadline (or done with no completion date recorded).
    DoneOnTime,
    /// Done after the deadline.
    DoneLate { days_late: i64 },
}

impl Urgency {
    pub fn of(task: &Task, today: NaiveDate, warn_days: u32) -> Urgency {
        if task.status == Status::Done {
            return match task.completed_on {
                Some(done) if done > task.deadline => Urgency::DoneLate {
                    days_late: (done - task.deadline).num_days(),
                },
                _ => Urgency::DoneOnTime,
            };
        }
        let days_left = (task.deadline - today).num_days();
        if days_left < 0 {
            Urgency::Overdue { days: -days_left }
        } else if days_left <= i64::from(warn_days) {
            Urgency::DueSoon { days_left }
        } else {
            Urgency::OnTrack { days_left }
        }
    }

    /// Stable English name for exports.
    pub fn name(self) -> &'static str {
        match self {
            Urgency::Overdue { .. } => "overdue",
            Urgency::DueSoon { .. } => "due_soon",
            Urgency::OnTrack { .. } => "on_track",
            Urgency::DoneOnTime => "done_on_time",
            Urgency::DoneLate { .. } => "done_late",
        }
    }

    /// Rank for "needs attention first" orderings: lower is more urgent.
    pub fn attention_rank(self) -> u8 {
        match self {
            Urgency::Overdue { .. } => 0,
            Urgency::DueSoon { .. } => 1,
            Urgency::OnTrack { .. } => 2,
            Urgency::DoneLate { .. } => 3,
            Urgency::DoneOnTime => 4,
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Urgency::Overdue { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(deadline: &str, status: Status, completed: Option<&str>) -> Task {
        Task {
            deadline: deadline.parse().unwrap(),
            status,
            completed_on: completed.map(|d| d.parse().unwrap()),
            ..Task::new(
                1,
                "标题",
                vec!["区科委".into()],
                "2024-12-31".parse().unwrap(),
            )
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_deadline_day_itself_is_due_not_overdue() {
        let t = task("2024-12-31", Status::InProgress, None);
        assert_eq!(
            Urgency::of(&t, day("2024-12-31"), 30),
            Urgency::DueSoon { days_left: 0 }
        );
    }

    #[test]
    fn the_day_after_the_deadline_is_one_day_overdue() {
        let t = task("2024-12-31", Status::NotStarted, None);
        assert_eq!(
            Urgency::of(&t, day("2025-01-01"), 30),
            Urgency::Overdue { days: 1 }
        );
    }

    #[test]
    fn the_warning_window_is_inclusive() {
        let t = task("2025-12-31", Status::NotStarted, None);
        assert_eq!(
            Urgency::of(&t, day("2025-12-01"), 30),
            Urgency::DueSoon { days_left: 30 }
        );
        assert_eq!(
            Urgency::of(&t, day("2025-11-30"), 30),
            Urgency::OnTrack { days_left: 31 }
        );
    }

    #[test]
    fn leap_years_count_february_29() {
        let t = task("2024-03-01", Status::Blocked, None);
        // 2024 is a leap year: Feb 28 -> Mar 1 is two days.
        assert_eq!(
            Urgency::of(&t, day("2024-02-28"), 1),
            Urgency::OnTrack { days_left: 2 }
        );
        let t = task("2024-02-29", Status::Blocked, None);
        assert_eq!(
            Urgency::of(&t, day("2025-02-28"), 30),
            Urgency::Overdue { days: 365 }
        );
    }

    #[test]
    fn a_year_after_the_2024_deadline_counts_365_days() {
        let t = task("2024-12-31", Status::InProgress, None);
        assert_eq!(
            Urgency::of(&t, day("2025-12-31"), 30),
            Urgency::Overdue { days: 365 }
        );
    }

    #[test]
    fn done_late_is_told_apart_from_done_on_time() {
        let on_time = task("2024-12-31", Status::Done, Some("2024-12-31"));
        let late = task("2024-12-31", Status::Done, Some("2025-01-10"));
        let undated = task("2024-12-31", Status::Done, None);
        let today = day("2026-01-01");
        assert_eq!(Urgency::of(&on_time, today, 30), Urgency::DoneOnTime);
        assert_eq!(
            Urgency::of(&late, today, 30),
            Urgency::DoneLate { days_late: 10 }
        );
        assert_eq!(Urgency::of(&undated, today, 30), Urgency::DoneOnTime);
    }
}
