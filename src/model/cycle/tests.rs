//! Cycle arithmetic and report states on a small board, worked out by hand.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{Board, Note, Roles, Task};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn monthly(d: u32) -> ReportCycle {
    ReportCycle::Monthly { day: d }
}

fn weekly(w: &str) -> ReportCycle {
    ReportCycle::Weekly { weekday: w.into() }
}

fn period(cycle: &ReportCycle, d: &str) -> Period {
    cycle.period_of(day(d)).unwrap()
}

#[test]
fn a_monthly_period_is_the_calendar_month_due_on_its_day() {
    let p = period(&monthly(5), "2026-11-17");
    assert_eq!(
        (p.start, p.end, p.due),
        (day("2026-11-01"), day("2026-11-30"), day("2026-11-05"))
    );
    assert_eq!(p.label, "2026-11");
}

#[test]
fn a_cycle_day_of_31_is_the_last_day_of_a_shorter_month() {
    let c = monthly(31);
    assert_eq!(period(&c, "2026-02-10").due, day("2026-02-28"));
    assert_eq!(
        period(&c, "2028-02-10").due,
        day("2028-02-29"),
        "a leap year"
    );
    assert_eq!(period(&c, "2026-04-30").due, day("2026-04-30"));
    assert_eq!(period(&c, "2026-12-01").due, day("2026-12-31"));
    assert_eq!(period(&monthly(30), "2026-02-01").due, day("2026-02-28"));
}

#[test]
fn the_month_before_january_is_december_of_the_year_before() {
    let c = monthly(5);
    let jan = period(&c, "2027-01-31");
    let dec = c.previous(&jan).unwrap();
    assert_eq!(
        (dec.label.as_str(), dec.end),
        ("2026-12", day("2026-12-31"))
    );
    let labels: Vec<String> = c
        .last_periods(day("2027-02-01"), 4)
        .into_iter()
        .map(|p| p.label)
        .collect();
    assert_eq!(labels, ["2026-11", "2026-12", "2027-01", "2027-02"]);
}

#[test]
fn a_week_across_a_year_end_is_one_iso_week() {
    let c = weekly("tue");
    // 2026-12-28 is a Monday; the week ends on Sunday 2027-01-03 and is 2026's 53rd.
    let p = period(&c, "2027-01-02");
    assert_eq!(
        (p.start, p.end, p.due),
        (day("2026-12-28"), day("2027-01-03"), day("2026-12-29"))
    );
    assert_eq!(p.label, "2026-W53");
    // The week of 2025-12-29 belongs to 2026: its first ISO week.
    let p = period(&c, "2026-01-01");
    assert_eq!((p.start, p.label.as_str()), (day("2025-12-29"), "2026-W01"));
    let next = c.period_of(day("2027-01-04")).unwrap();
    assert_eq!(c.previous(&next).unwrap().label, "2026-W53");
    // A Sunday due day is the week's last.
    assert_eq!(period(&weekly("sun"), "2026-12-28").due, day("2027-01-03"));
}

#[test]
fn periods_are_typed_as_months_weeks_or_days() {
    assert_eq!(
        monthly(5).parse_period("2026-02").unwrap().end,
        day("2026-02-28")
    );
    assert_eq!(
        monthly(5).parse_period("2026-02-14").unwrap().label,
        "2026-02"
    );
    assert_eq!(
        weekly("fri").parse_period("2026-W53").unwrap().start,
        day("2026-12-28")
    );
    assert_eq!(
        weekly("fri").parse_period("2027-01-01").unwrap().label,
        "2026-W53"
    );
    let err = monthly(5).parse_period("2026-13").unwrap_err();
    assert_eq!(
        err,
        "`2026-13` is not a reporting period (expected YYYY-MM or YYYY-MM-DD)"
    );
    assert!(weekly("fri").parse_period("2026-W60").is_err());
}

// ---- report states ----

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn note(when: &str, author: &str) -> Note {
    Note {
        at: at(when),
        author: author.into(),
        text: "进展".into(),
        decision: false,
    }
}

/// Task 1 led by 区商务委, task 2 by 区科委 with 区商务委 cooperating; monthly, due the 5th.
fn board() -> Board {
    let mut board = crate::model::testing::empty_board();
    board.created_on = Some(day("2026-09-01"));
    board.settings.report_cycle = Some(monthly(5));
    board.tasks.push(Task::new(
        1,
        "一",
        vec!["区商务委".into()],
        day("2027-12-31"),
    ));
    let mut two = Task::new(2, "二", vec!["区科委".into()], day("2027-12-31"));
    two.cooperating_units = vec!["区商务委".into()];
    board.tasks.push(two);
    board
}

fn with_roles(mut board: Board) -> Board {
    let mut units = BTreeMap::new();
    units.insert("区商务委".to_string(), vec!["lina".to_string()]);
    units.insert("区科委".to_string(), vec!["wangfang".to_string()]);
    board.roles = Some(Roles {
        office: vec!["zhangwei".into()],
        units,
    });
    board
}

#[test]
fn a_note_by_the_due_day_is_on_time_after_it_late_and_none_missing_once_due() {
    let mut b = board();
    let nov = period(&monthly(5), "2026-11-01");
    let state =
        |b: &Board, today| report_state(b, b.task(1).unwrap(), "区商务委", &nov, day(today));
    assert_eq!(
        state(&b, "2026-11-05"),
        ReportState::NotYet,
        "the due day itself is still in time"
    );
    assert_eq!(state(&b, "2026-11-06"), ReportState::Overdue);
    b.tasks[0]
        .notes
        .push(note("2026-11-09T10:00:00+08:00", "x"));
    assert_eq!(
        state(&b, "2026-11-20"),
        ReportState::Late {
            on: day("2026-11-09")
        }
    );
    b.tasks[0]
        .notes
        .push(note("2026-11-05T23:00:00+08:00", "x"));
    assert_eq!(
        state(&b, "2026-11-20"),
        ReportState::OnTime {
            on: day("2026-11-05")
        }
    );
    // A note of October does not report on November.
    let mut b = board();
    b.tasks[0]
        .notes
        .push(note("2026-10-31T10:00:00+08:00", "x"));
    assert_eq!(state(&b, "2026-11-20"), ReportState::Overdue);
}

#[test]
fn with_roles_only_a_member_of_the_lead_unit_reports_for_it() {
    let mut b = with_roles(board());
    let nov = period(&monthly(5), "2026-11-01");
    b.tasks[1]
        .notes
        .push(note("2026-11-02T10:00:00+08:00", "lina"));
    b.tasks[1]
        .notes
        .push(note("2026-11-03T10:00:00+08:00", "zhangwei"));
    let two = b.task(2).unwrap();
    // lina is 区商务委 (cooperating), zhangwei the office: neither reports for 区科委.
    assert_eq!(
        report_state(&b, two, "区科委", &nov, day("2026-11-20")),
        ReportState::Overdue
    );
    assert_eq!(
        task_reports(&b, two, &nov, day("2026-11-20")),
        [("区科委", ReportState::Overdue)]
    );
    b.tasks[1]
        .notes
        .push(note("2026-11-04T10:00:00+08:00", "wangfang"));
    let two = b.task(2).unwrap();
    assert_eq!(
        report_state(&b, two, "区科委", &nov, day("2026-11-20")),
        ReportState::OnTime {
            on: day("2026-11-04")
        }
    );
}

#[test]
fn a_task_done_before_the_due_day_or_added_after_it_owes_nothing() {
    let mut b = board();
    let nov = period(&monthly(5), "2026-11-01");
    b.tasks[0].status = Status::Done;
    b.tasks[0].completed_on = Some(day("2026-11-03"));
    assert!(!owes_report(&b, &b.tasks[0], &nov));
    b.tasks[0].completed_on = Some(day("2026-11-20"));
    assert!(
        owes_report(&b, &b.tasks[0], &nov),
        "it was open on the due day"
    );
    b.tasks[1].created_on = Some(day("2026-11-06"));
    assert!(!owes_report(&b, &b.tasks[1], &nov));
    let before_board = period(&monthly(5), "2026-08-01");
    assert!(
        !owes_report(&b, &b.tasks[0], &before_board),
        "the board was made in September"
    );
}

#[test]
fn reminders_list_per_lead_unit_the_open_tasks_not_reported() {
    let mut b = with_roles(board());
    let nov = period(&monthly(5), "2026-11-01");
    b.tasks[0]
        .notes
        .push(note("2026-11-02T10:00:00+08:00", "lina"));
    let list = reminders(&b, &nov, day("2026-11-04"));
    assert_eq!(
        list,
        [Reminder {
            unit: "区科委".into(),
            members: vec!["wangfang".into()],
            tasks: vec![(2, ReportState::NotYet)],
        }]
    );
}

#[test]
fn the_timeliness_table_counts_each_unit_s_periods_and_its_rate() {
    let mut b = board();
    // 区商务委 on task 1: on time in September, late in October, nothing in November (due passed).
    b.tasks[0]
        .notes
        .push(note("2026-09-02T10:00:00+08:00", "x"));
    b.tasks[0]
        .notes
        .push(note("2026-10-20T10:00:00+08:00", "x"));
    // 区科委 on task 2: on time in November only; December not yet due.
    b.tasks[1]
        .notes
        .push(note("2026-11-01T10:00:00+08:00", "x"));
    let table = timeliness(&b, day("2026-12-02"), 4).unwrap();
    let labels: Vec<&str> = table.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2026-09", "2026-10", "2026-11", "2026-12"]);
    let row = |unit: &str| table.rows.iter().find(|r| r.unit == unit).unwrap().clone();
    let shangwu = row("区商务委");
    assert_eq!(
        (
            shangwu.on_time,
            shangwu.late,
            shangwu.missing,
            shangwu.pending
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(
        (shangwu.rate(), shangwu.on_time_rate()),
        (Some(67), Some(33))
    );
    let kewei = row("区科委");
    assert_eq!(
        (kewei.on_time, kewei.late, kewei.missing, kewei.pending),
        (1, 0, 2, 1)
    );
    assert_eq!(table.total.missing, 3);
    assert!(
        timeliness(
            &Board {
                settings: Default::default(),
                ..b
            },
            day("2026-12-02"),
            4
        )
        .is_none()
    );
}
