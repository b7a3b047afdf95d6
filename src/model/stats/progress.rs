//! The board week by week (issue 12's chart over time): how many tasks were done, overdue and
//! blocked (需协调) at the end of each week from the plan's date. One walk through the history
//! makes the whole series: the board is stood at the first week and stepped forward, each step
//! redoing only the entries of that week.

use chrono::{Days, NaiveDate};

use crate::model::{AsOf, Board, History, Status, TaskId};

/// The board's standing at the end of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPoint {
    pub date: NaiveDate,
    /// Tasks that existed then (among those counted).
    pub total: usize,
    pub done: usize,
    pub overdue: usize,
    pub blocked: usize,
}

/// The counts of `board` at the end of `date`, over the tasks `keep` accepts.
pub fn point(board: &Board, date: NaiveDate, keep: &dyn Fn(TaskId) -> bool) -> WeekPoint {
    let mut p = WeekPoint {
        date,
        total: 0,
        done: 0,
        overdue: 0,
        blocked: 0,
    };
    for task in board.tasks.iter().filter(|t| keep(t.id)) {
        p.total += 1;
        match task.status {
            Status::Done => p.done += 1,
            Status::Blocked => p.blocked += 1,
            _ => {}
        }
        if board.urgency(task, date).is_overdue() {
            p.overdue += 1;
        }
    }
    p
}

/// The days of the weekly points: `from`, then every seventh day, all before `until` (the caller
/// adds the point of `until` itself from the board it shows).
pub fn week_dates(from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut day = from;
    while day < until {
        out.push(day);
        match day.checked_add_days(Days::new(7)) {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// The weekly points before `until`, from the live board (every entry of `history` applied).
pub fn weekly(
    live: &Board,
    history: &History,
    from: NaiveDate,
    until: NaiveDate,
    keep: &dyn Fn(TaskId) -> bool,
) -> Vec<WeekPoint> {
    let dates = week_dates(from, until);
    let Some(first) = dates.first() else {
        return Vec::new();
    };
    let mut as_of = AsOf::at(live, history, *first);
    dates
        .iter()
        .map(|date| {
            as_of.step_to(history, *date);
            point(&as_of.board, *date, keep)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Context, Operation};
    use crate::plan::builtin_plan;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_task_done_in_a_week_counts_as_done_from_the_next_point_on() {
        let mut board = builtin_plan().unwrap();
        let issued = board.plan.issued_on;
        let ctx = Context {
            user: "办公室".into(),
            now: "2024-12-20T10:00:00+08:00".parse().unwrap(),
        };
        let entries = Operation::SetStatus {
            id: 3,
            to: Status::Done,
        }
        .apply(&mut board, &ctx)
        .unwrap();
        let history = History::new(entries);
        let weeks = weekly(&board, &history, issued, day("2025-02-01"), &|_| true);
        assert_eq!(weeks.first().map(|w| w.date), Some(issued));
        for w in &weeks {
            let expected = usize::from(w.date >= day("2024-12-20"));
            assert_eq!(w.done, expected, "{}", w.date);
            assert_eq!(w.total, 19);
        }
        // After 2024-12-31 the end-2024 tasks not done are overdue.
        let last = weeks.last().unwrap();
        assert!(last.overdue > 0 && last.overdue < 19, "{last:?}");
        let only_three = weekly(&board, &history, issued, day("2025-02-01"), &|id| id == 3);
        assert_eq!(only_three.last().map(|w| (w.total, w.done)), Some((1, 1)));
    }

    #[test]
    fn the_weeks_stop_before_the_end_and_an_empty_range_has_none() {
        let d = week_dates(day("2025-01-01"), day("2025-01-15"));
        assert_eq!(d, [day("2025-01-01"), day("2025-01-08")]);
        assert!(week_dates(day("2025-01-15"), day("2025-01-01")).is_empty());
    }
}
