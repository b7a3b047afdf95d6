//! Reporting cycles (定期上报): periods, who has reported in one, and how timely each unit is.
//!
//! A period is a calendar month (`monthly(day)`) or an ISO week, Monday to Sunday
//! (`weekly(weekday)`); reports are due by the cycle's day inside it (day 31 in a 30-day month is
//! its last day). A lead unit has reported on a task in a period when one of its members added a
//! note to the task in it (without roles: when anyone did). A report by the due day is on time,
//! one later in the period late; none at all is missing once the due day has passed.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Board, ReportCycle, Status, Task, TaskId, parse_weekday};

/// One reporting period, first and last day included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Reports are due by the end of this day.
    pub due: NaiveDate,
    /// `2026-11` for a month, `2026-W53` for an ISO week.
    pub label: String,
}

/// Where one unit stands with one task in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// 本期已报, by the due day.
    OnTime { on: NaiveDate },
    /// 本期已报, after the due day.
    Late { on: NaiveDate },
    /// 未报: nothing yet, and the due day is still to come (or is today).
    NotYet,
    /// 逾期未报: nothing, and the due day has passed.
    Overdue,
}

impl ReportState {
    pub fn is_reported(self) -> bool {
        matches!(self, ReportState::OnTime { .. } | ReportState::Late { .. })
    }

    /// The stable name for JSON.
    pub fn name(self) -> &'static str {
        match self {
            ReportState::OnTime { .. } => "on_time",
            ReportState::Late { .. } => "late",
            ReportState::NotYet => "not_yet",
            ReportState::Overdue => "overdue",
        }
    }
}

impl ReportCycle {
    /// The period containing `day`; `None` for a weekday the file misspells (`check` says so).
    pub fn period_of(&self, day: NaiveDate) -> Option<Period> {
        match self {
            ReportCycle::Monthly { day: due_day } => {
                let start = day.with_day(1)?;
                let end = last_of_month(start)?;
                let due = start.with_day((*due_day).clamp(1, end.day()))?;
                let label = format!("{:04}-{:02}", start.year(), start.month());
                Some(Period {
                    start,
                    end,
                    due,
                    label,
                })
            }
            ReportCycle::Weekly { weekday } => {
                let weekday = parse_weekday(weekday)?;
                let start = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
                let end = start + Days::new(6);
                let due = start + Days::new(u64::from(weekday.num_days_from_monday()));
                // ISO weeks: the week of 2026-12-28 is 2026-W53, that of 2025-12-29 is 2026-W01.
                let week = start.iso_week();
                let label = format!("{:04}-W{:02}", week.year(), week.week());
                Some(Period {
                    start,
                    end,
                    due,
                    label,
                })
            }
        }
    }

    /// The period before `period`.
    pub fn previous(&self, period: &Period) -> Option<Period> {
        self.period_of(period.start.pred_opt()?)
    }

    /// The last `n` periods up to and including the one containing `day`, oldest first.
    pub fn last_periods(&self, day: NaiveDate, n: usize) -> Vec<Period> {
        let mut out: Vec<Period> = Vec::with_capacity(n);
        let mut next = self.period_of(day);
        while let Some(period) = next.filter(|_| out.len() < n) {
            next = self.previous(&period);
            out.push(period);
        }
        out.reverse();
        out
    }

    /// A period as typed: `YYYY-MM` (monthly), `YYYY-Www` (weekly), or any day in it as
    /// YYYY-MM-DD. The error says what was expected.
    pub fn parse_period(&self, text: &str) -> Result<Period, String> {
        let t = text.trim();
        let expected = match self {
            ReportCycle::Monthly { .. } => "YYYY-MM or YYYY-MM-DD",
            ReportCycle::Weekly { .. } => "YYYY-Www (an ISO week, e.g. 2026-W05) or YYYY-MM-DD",
        };
        let day = t.parse::<NaiveDate>().ok().or_else(|| match self {
            ReportCycle::Monthly { .. } => {
                NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d")
                    .ok()
                    .filter(|_| t.len() == 7)
            }
            ReportCycle::Weekly { .. } => {
                let (year, week) = t.split_once("-W").or_else(|| t.split_once("-w"))?;
                NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)
            }
        });
        let bad = || {
            format!(
                "`{}` is not a reporting period (expected {expected})",
                super::sanitize::clean_line(t)
            )
        };
        day.and_then(|d| self.period_of(d)).ok_or_else(bad)
    }
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(chrono::Months::new(1))?.pred_opt()
}

/// The board's current period (本期) on `today`; `None` without a cycle.
pub fn current_period(board: &Board, today: NaiveDate) -> Option<Period> {
    board.settings.report_cycle.as_ref()?.period_of(today)
}

/// Whether the task owes its lead units' reports in the period: it was on the board by the due
/// day and not done by then.
pub fn owes_report(board: &Board, task: &Task, period: &Period) -> bool {
    let since = task.created_on.unwrap_or_else(|| board.start_date());
    let done_by_due =
        task.status == Status::Done && task.completed_on.is_none_or(|c| c <= period.due);
    since <= period.due && !done_by_due
}

/// Where `unit` stands with `task` in the period, as of `today`. Without roles any note counts.
pub fn report_state(
    board: &Board,
    task: &Task,
    unit: &str,
    period: &Period,
    today: NaiveDate,
) -> ReportState {
    let by_unit = |author: &str| match &board.roles {
        None => true,
        Some(roles) => roles
            .units_of(author)
            .any(|u| board.canonical_unit(u) == board.canonical_unit(unit)),
    };
    let first = task
        .notes
        .iter()
        .map(|n| (n.at.date_naive(), n))
        .filter(|(day, n)| {
            (period.start..=period.end).contains(day) && *day <= today && by_unit(&n.author)
        })
        .map(|(day, _)| day)
        .min();
    match first {
        Some(on) if on <= period.due => ReportState::OnTime { on },
        Some(on) => ReportState::Late { on },
        None if today > period.due => ReportState::Overdue,
        None => ReportState::NotYet,
    }
}

/// Every lead unit of the task (canonical names) with where it stands, when the task owes a
/// report in the period (else empty): for a card or a detail view.
pub fn task_reports<'a>(
    board: &'a Board,
    task: &'a Task,
    period: &Period,
    today: NaiveDate,
) -> Vec<(&'a str, ReportState)> {
    if !owes_report(board, task, period) {
        return Vec::new();
    }
    board
        .units_of(task)
        .into_iter()
        .filter(|(_, role)| *role == super::Role::Lead)
        .map(|(unit, _)| (unit, report_state(board, task, unit, period, today)))
        .collect()
}

/// The tasks `unit` leads that owe a report in the period, each with where the unit stands.
pub fn unit_reports(
    board: &Board,
    unit: &str,
    period: &Period,
    today: NaiveDate,
) -> Vec<(TaskId, ReportState)> {
    let unit = board.canonical_unit(unit);
    board
        .tasks
        .iter()
        .filter(|task| {
            board
                .units_of(task)
                .iter()
                .any(|(u, role)| *u == unit && *role == super::Role::Lead)
        })
        .filter(|task| owes_report(board, task, period))
        .map(|task| (task.id, report_state(board, task, unit, period, today)))
        .collect()
}

/// One unit's open tasks not reported in a period (催报), and the members to chase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub unit: String,
    /// Login names from `roles` (empty without roles).
    pub members: Vec<String>,
    pub tasks: Vec<(TaskId, ReportState)>,
}

/// Per lead unit, in plan order, the open tasks not yet reported in the period.
pub fn reminders(board: &Board, period: &Period, today: NaiveDate) -> Vec<Reminder> {
    let mut by_unit = UnitIndex::new(board);
    let mut tasks: Vec<Vec<(TaskId, ReportState)>> = vec![Vec::new(); by_unit.len()];
    for task in board.tasks.iter().filter(|t| t.status != Status::Done) {
        for (unit, state) in task_reports(board, task, period, today) {
            if !state.is_reported() {
                tasks[by_unit.index(unit)].push((task.id, state));
            }
        }
    }
    by_unit
        .units
        .into_iter()
        .zip(tasks)
        .filter(|(_, tasks)| !tasks.is_empty())
        .map(|(unit, tasks)| Reminder {
            unit: unit.to_string(),
            members: members_of(board, unit),
            tasks,
        })
        .collect()
}

/// The lead units in plan order, and each one's place in it: one pass over the tasks serves
/// every unit, however big the board.
struct UnitIndex<'a> {
    units: Vec<&'a str>,
    places: std::collections::HashMap<&'a str, usize>,
}

impl<'a> UnitIndex<'a> {
    fn new(board: &'a Board) -> UnitIndex<'a> {
        let units = lead_units(board);
        let places = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
        UnitIndex { units, places }
    }

    fn len(&self) -> usize {
        self.units.len()
    }

    /// Every lead unit of the board is in the index; `lead_units` and `task_reports` agree.
    fn index(&mut self, unit: &'a str) -> usize {
        let next = self.units.len();
        let place = *self.places.entry(unit).or_insert(next);
        if place == next {
            self.units.push(unit);
        }
        place
    }
}

fn members_of(board: &Board, unit: &str) -> Vec<String> {
    let Some(roles) = &board.roles else {
        return Vec::new();
    };
    roles
        .units
        .iter()
        .filter(|(u, _)| board.canonical_unit(u) == unit)
        .flat_map(|(_, members)| members.iter().cloned())
        .collect()
}

/// Every unit that leads a task, canonical, in plan order.
pub fn lead_units(board: &Board) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for task in &board.tasks {
        for (unit, role) in board.units_of(task) {
            if role == super::Role::Lead && !out.contains(&unit) {
                out.push(unit);
            }
        }
    }
    out
}

/// One unit's reports over some periods (a row of the timeliness table).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelinessRow {
    pub unit: String,
    pub on_time: usize,
    pub late: usize,
    /// Not reported, the due day passed.
    pub missing: usize,
    /// Not yet reported, the due day still to come: counted in no rate.
    pub pending: usize,
}

impl TimelinessRow {
    /// Reports made (on time or late) out of those due (上报率), as a percentage; `None` when
    /// none were due.
    pub fn rate(&self) -> Option<u32> {
        percent(
            self.on_time + self.late,
            self.on_time + self.late + self.missing,
        )
    }

    /// Reports made by the due day out of those due (按时上报率).
    pub fn on_time_rate(&self) -> Option<u32> {
        percent(self.on_time, self.on_time + self.late + self.missing)
    }

    fn add(&mut self, state: ReportState) {
        match state {
            ReportState::OnTime { .. } => self.on_time += 1,
            ReportState::Late { .. } => self.late += 1,
            ReportState::Overdue => self.missing += 1,
            ReportState::NotYet => self.pending += 1,
        }
    }
}

fn percent(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((part * 100 + whole / 2) / whole) as u32)
}

/// The timeliness table: per lead unit over the periods, and the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeliness {
    pub periods: Vec<Period>,
    pub rows: Vec<TimelinessRow>,
    pub total: TimelinessRow,
}

/// The timeliness table over the last `n` periods up to the one containing `today`; `None`
/// without a cycle.
pub fn timeliness(board: &Board, today: NaiveDate, n: usize) -> Option<Timeliness> {
    let cycle = board.settings.report_cycle.as_ref()?;
    let periods = cycle.last_periods(today, n);
    let mut by_unit = UnitIndex::new(board);
    let mut rows: Vec<TimelinessRow> = Vec::new();
    let mut total = TimelinessRow::default();
    for period in &periods {
        for task in &board.tasks {
            for (unit, state) in task_reports(board, task, period, today) {
                let place = by_unit.index(unit);
                if rows.len() <= place {
                    rows.resize_with(place + 1, TimelinessRow::default);
                }
                rows[place].add(state);
                total.add(state);
            }
        }
    }
    rows.resize_with(by_unit.len(), TimelinessRow::default);
    for (row, unit) in rows.iter_mut().zip(&by_unit.units) {
        row.unit = unit.to_string();
    }
    Some(Timeliness {
        periods,
        rows,
        total,
    })
}

#[cfg(test)]
mod tests;
