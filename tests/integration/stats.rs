//! Statistics of the built-in plan (11 tasks due at the end of 2024, 8 at the end of 2025) on fixed
//! days, through the public API: the figures the dashboard shows in the first meetings.

use chrono::NaiveDate;
use ftz_board::model::stats::{self, DiscussionGroup};
use ftz_board::model::{Board, Status};
use ftz_board::plan::builtin_plan;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan() -> Board {
    builtin_plan().unwrap()
}

const DUE_2024: [u32; 11] = [1, 3, 4, 6, 9, 11, 12, 13, 14, 15, 16];

#[test]
fn on_new_years_day_2025_the_2024_tasks_are_one_day_overdue() {
    let board = plan();
    let s = stats::summary(&board, day("2025-01-01"));
    assert_eq!((s.total, s.overdue, s.due_soon, s.on_track), (19, 11, 0, 8));
    assert_eq!(s.count(Status::NotStarted), 19);
    assert_eq!(s.on_time_share_of_done(), None, "nothing done: no rate");
    assert_eq!(s.on_time_share_of_all(), Some(0.0));
    let overdue = stats::overdue_tasks(&board, day("2025-01-01"));
    assert!(overdue.iter().all(|(_, days)| *days == 1));
    let ids: Vec<u32> = overdue.iter().map(|(t, _)| t.id).collect();
    assert_eq!(ids, DUE_2024);
}

#[test]
fn the_warning_window_opens_thirty_days_before_the_first_deadline() {
    let board = plan();
    let before = stats::summary(&board, day("2024-11-30"));
    assert_eq!((before.due_soon, before.on_track), (0, 19));
    let opened = stats::summary(&board, day("2024-12-01"));
    assert_eq!((opened.due_soon, opened.on_track), (11, 8));
}

#[test]
fn the_ranking_on_new_years_day_2025_puts_the_units_leading_three_late_tasks_first() {
    let ranking = stats::overdue_ranking(&plan(), day("2025-01-01"));
    let lines: Vec<(usize, &str, usize)> = ranking
        .iter()
        .map(|r| (r.rank, r.unit.as_str(), r.tasks.len()))
        .collect();
    // 区市场监管局 leads 9, 12, 15 and 区财政局 13, 14, 15: tied, in plan order. Task 16 has two
    // leads; each is ranked for it.
    assert_eq!(
        lines,
        [
            (1, "区市场监管局", 3),
            (1, "区财政局", 3),
            (3, "区商务委", 2),
            (4, "莘庄海关", 1),
            (4, "龙吴海关", 1),
            (4, "区科委", 1),
            (4, "区经委", 1),
            (4, "区发展改革委", 1),
            (4, "区规划资源局", 1),
        ]
    );
}

#[test]
fn the_unit_table_covers_every_unit_and_every_lead_and_cooperating_place() {
    let board = plan();
    let table = stats::unit_table(&board, day("2025-01-01"));
    assert_eq!(table.len(), 22);
    assert_eq!(table[0].unit, "莘庄海关");
    let leads: usize = table.iter().map(|r| r.lead).sum();
    let coops: usize = table.iter().map(|r| r.cooperating).sum();
    let lead_places: usize = board.tasks.iter().map(|t| t.lead_units.len()).sum();
    let coop_places: usize = board.tasks.iter().map(|t| t.cooperating_units.len()).sum();
    assert_eq!((leads, coops), (lead_places, coop_places));
    let kewei = table.iter().find(|r| r.unit == "区科委").unwrap();
    assert_eq!((kewei.lead, kewei.cooperating, kewei.overdue), (1, 3, 3));
}

#[test]
fn the_timeline_has_the_two_deadlines_and_today_between_them() {
    let board = plan();
    let t = stats::timeline(&board, day("2025-06-01"));
    let sizes: Vec<(NaiveDate, usize)> = t
        .milestones
        .iter()
        .map(|m| (m.deadline, m.tasks.len()))
        .collect();
    assert_eq!(sizes, [(day("2024-12-31"), 11), (day("2025-12-31"), 8)]);
    assert_eq!(t.passed, 1);
    let on_deadline = stats::timeline(&board, day("2024-12-31"));
    assert_eq!(on_deadline.passed, 0);
    assert!(on_deadline.today_is_deadline());
}

#[test]
fn a_blocked_task_on_track_is_reviewed_right_after_the_overdue_ones() {
    let mut board = plan();
    board.task_mut(7).unwrap().status = Status::Blocked;
    let order = stats::needs_discussion(&board, day("2025-01-01"));
    let ids: Vec<u32> = order.iter().map(|i| i.id).collect();
    let mut expected = DUE_2024.to_vec();
    expected.extend([7, 2, 5, 8, 10, 17, 18, 19]);
    assert_eq!(ids, expected);
    assert_eq!(order[11].group, DiscussionGroup::OverdueOrBlocked);
    assert_eq!(order[12].group, DiscussionGroup::OnTrack);
}

#[test]
fn a_plan_without_notes_goes_stale_thirty_one_days_after_it_was_issued() {
    let board = plan();
    assert!(stats::stale_tasks(&board, day("2024-12-01")).is_empty());
    let stale = stats::stale_tasks(&board, day("2024-12-02"));
    assert_eq!(stale.len(), 19);
    assert!(
        stale
            .iter()
            .all(|s| s.last_note.is_none() && s.days_silent == 31)
    );
}
