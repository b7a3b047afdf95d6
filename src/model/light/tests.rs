use chrono::{Days, NaiveDate};

use super::*;
use crate::model::{PlanInfo, Task};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The plan is issued 2024-11-01; warn_days 30, behind_yellow 10 (the defaults).
fn board(task: Task) -> Board {
    let mut board = Board::empty(PlanInfo {
        title: "方案".into(),
        document_number: "闵府发〔2024〕17号".into(),
        issued_on: day("2024-11-01"),
        issuer: "闵行区人民政府".into(),
    });
    board.tasks.push(task);
    board
}

fn milestone(number: u32, due: &str, done: Option<&str>) -> Milestone {
    Milestone {
        number,
        title: format!("节点{number}"),
        due: day(due),
        units: vec!["区科委".into()],
        completed_on: done.map(day),
    }
}

fn task(deadline: &str, milestones: Vec<Milestone>) -> Task {
    Task {
        milestones,
        status: Status::InProgress,
        ..Task::new(1, "任务", vec!["区科委".into()], day(deadline))
    }
}

fn on(board: &Board, today: &str) -> Signal {
    signal(board, &board.tasks[0], day(today))
}

#[test]
fn the_day_a_milestone_is_due_is_yellow_and_the_day_after_red() {
    let mut b = board(task("2025-12-31", vec![milestone(1, "2025-06-30", None)]));
    // Only the milestone's date counts here, not how far behind the schedule the task is.
    b.settings.behind_yellow = 100;
    assert_eq!(
        on(&b, "2025-06-30"),
        Signal {
            light: Light::Yellow,
            reasons: vec![Reason::MilestoneNear {
                number: 1,
                days_left: 0
            }]
        }
    );
    let after = on(&b, "2025-07-01");
    assert_eq!(after.light, Light::Red);
    assert_eq!(
        after.reasons[0],
        Reason::MilestoneMissed { number: 1, days: 1 }
    );
}

#[test]
fn a_milestone_is_near_from_warn_days_before_it() {
    let b = board(task("2025-12-31", vec![milestone(1, "2025-06-30", None)]));
    // Behind the schedule too by then, so look at the milestone's reason only.
    let near = |today: &str| {
        on(&b, today).reasons.contains(&Reason::MilestoneNear {
            number: 1,
            days_left: 30,
        })
    };
    assert!(near("2025-05-31"));
    assert!(
        !on(&b, "2025-05-30")
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::MilestoneNear { .. }))
    );
}

#[test]
fn a_milestone_completed_late_no_longer_makes_the_task_red() {
    let b = board(task(
        "2025-12-31",
        vec![milestone(1, "2025-06-30", Some("2025-07-10"))],
    ));
    assert_eq!(on(&b, "2025-07-11").light, Light::Green);
}

#[test]
fn a_missed_deadline_is_red_even_without_milestones() {
    let b = board(task("2024-12-31", Vec::new()));
    assert_eq!(
        on(&b, "2025-01-01"),
        Signal {
            light: Light::Red,
            reasons: vec![Reason::DeadlineMissed { days: 1 }]
        }
    );
    assert_eq!(on(&b, "2024-12-31").light, Light::Yellow);
    assert_eq!(on(&b, "2024-12-01").light, Light::Yellow);
    assert_eq!(on(&b, "2024-11-30").light, Light::Green);
}

#[test]
fn a_done_task_has_no_light_whatever_its_dates() {
    let mut t = task("2024-12-31", vec![milestone(1, "2024-11-30", None)]);
    t.status = Status::Done;
    t.completed_on = Some(day("2025-03-01"));
    assert_eq!(on(&board(t), "2026-01-01").light, Light::None);
}

/// The task runs 100 days, 2024-11-01 to 2025-02-09; two of its four milestones are done (50%),
/// the open two are due on the deadline, more than warn_days away until 2025-01-10.
fn half_done() -> Board {
    board(task(
        "2025-02-09",
        vec![
            milestone(1, "2024-11-20", Some("2024-11-20")),
            milestone(2, "2024-12-10", Some("2024-12-09")),
            milestone(3, "2025-02-09", None),
            milestone(4, "2025-02-09", None),
        ],
    ))
}

#[test]
fn exactly_behind_yellow_points_behind_is_yellow_and_one_less_is_green() {
    let b = half_done();
    let start = day("2024-11-01");
    // Day 60: 60% of the time has passed, 50% of the milestones are done: 10 points behind.
    let day_60 = (start + Days::new(60)).to_string();
    assert_eq!(
        on(&b, &day_60),
        Signal {
            light: Light::Yellow,
            reasons: vec![Reason::Behind { points: 10 }]
        }
    );
    // Day 59: 9 points behind.
    let day_59 = (start + Days::new(59)).to_string();
    assert_eq!(on(&b, &day_59).light, Light::Green);
    let s = schedule(&b, &b.tasks[0], day(&day_59)).unwrap();
    assert_eq!((s.progress_percent(), s.elapsed_percent()), (50, 59));
    assert_eq!(s.behind_points(), 9);
}

#[test]
fn the_behind_threshold_follows_the_setting() {
    let mut b = half_done();
    b.settings.behind_yellow = 9;
    assert_eq!(on(&b, "2024-12-30").light, Light::Yellow);
    b.settings.behind_yellow = 0;
    // Exactly on schedule (50% of the time, 50% done) is not behind, even at 0.
    assert_eq!(on(&b, "2024-12-21").light, Light::Green);
    assert_eq!(on(&b, "2024-12-22").light, Light::Yellow);
}

#[test]
fn a_task_added_later_counts_its_time_from_its_creation() {
    let mut b = half_done();
    // Created 2024-12-01: 70 days to the deadline; on 2024-12-29, 28 days = 40% elapsed, ahead.
    b.tasks[0].created_on = Some(day("2024-12-01"));
    assert_eq!(on(&b, "2024-12-31").light, Light::Green);
    let s = schedule(&b, &b.tasks[0], day("2024-12-29")).unwrap();
    assert_eq!(s.elapsed_percent(), 40);
    assert!(s.behind_points() < 0);
}

#[test]
fn red_comes_before_yellow_and_every_cause_is_listed_worst_first() {
    let b = board(task(
        "2025-07-15",
        vec![
            milestone(1, "2025-06-01", None),
            milestone(2, "2025-07-01", None),
        ],
    ));
    let s = on(&b, "2025-06-20");
    assert_eq!(s.light, Light::Red);
    assert_eq!(
        s.reasons[..3],
        [
            Reason::MilestoneMissed {
                number: 1,
                days: 19
            },
            Reason::MilestoneNear {
                number: 2,
                days_left: 11
            },
            Reason::DeadlineNear { days_left: 25 },
        ]
    );
    assert!(matches!(s.reasons[3], Reason::Behind { .. }));
    assert!(Light::Red < Light::Yellow && Light::Yellow < Light::Green);
}
