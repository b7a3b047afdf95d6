//! The figures of `stats` on a small board whose every number is worked out by hand, on a fixed day.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{Board, Note, PlanInfo, Settings, Status, Task};

const SHANGWU: &str = "区商务委";
const HAIGUAN: &str = "莘庄海关";
const KEWEI: &str = "区科委";
const WANGXIN: &str = "区委网信办";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn note(when: &str, text: &str) -> Note {
    Note {
        at: at(when),
        author: "张三".into(),
        text: text.into(),
        decision: false,
    }
}

fn task(id: u32, deadline: &str, lead: &[&str], coop: &[&str], status: Status) -> Task {
    Task {
        cooperating_units: coop.iter().map(|u| u.to_string()).collect(),
        status,
        ..Task::new(
            id,
            &format!("任务{id}"),
            lead.iter().map(|u| u.to_string()).collect(),
            day(deadline),
        )
    }
}

fn done(mut t: Task, on: &str) -> Task {
    t.completed_on = Some(day(on));
    t
}

fn with_notes(mut t: Task, notes: Vec<Note>) -> Task {
    t.notes = notes;
    t
}

fn board(tasks: Vec<Task>) -> Board {
    Board {
        settings: Settings::default(),
        unit_aliases: BTreeMap::from([(WANGXIN.to_string(), vec!["区网信办".to_string()])]),
        tasks,
        ..Board::empty(PlanInfo {
            title: "方案".into(),
            document_number: "闵府发〔2024〕17号".into(),
            issued_on: day("2024-11-01"),
            issuer: "闵行区人民政府".into(),
        })
    }
}

/// On 2025-06-01 (warn 30 days, stale 30 days):
/// 1 overdue 152 · 2 overdue 31 · 3 blocked, due in 14 · 4 done on time · 5 done 10 days late ·
/// 6 on track (its lead written as the alias 区网信办) · 7 blocked and overdue 12 · 8 due in 9.
fn sample() -> Board {
    use Status::*;
    board(vec![
        with_notes(
            task(1, "2024-12-31", &[SHANGWU], &[HAIGUAN], NotStarted),
            vec![note("2025-05-02T09:00:00+08:00", "已对接")],
        ),
        with_notes(
            task(2, "2025-05-01", &[HAIGUAN], &[SHANGWU], InProgress),
            vec![note("2025-05-01T23:30:00+08:00", "推进中")],
        ),
        with_notes(
            task(3, "2025-06-15", &[SHANGWU], &[], Blocked),
            vec![note("2025-05-25T10:00:00+08:00", "需区里协调")],
        ),
        done(
            task(4, "2025-12-31", &[KEWEI], &[SHANGWU], Done),
            "2025-03-01",
        ),
        done(task(5, "2024-12-31", &[KEWEI], &[], Done), "2025-01-10"),
        with_notes(
            task(
                6,
                "2025-12-31",
                &["区网信办"],
                &[WANGXIN, KEWEI],
                InProgress,
            ),
            vec![
                note("2025-06-01T08:00:00+08:00", "今天的进展"),
                note("2025-06-05T08:00:00+08:00", "报告日之后"),
            ],
        ),
        task(7, "2025-05-20", &[HAIGUAN], &[], Blocked),
        task(8, "2025-06-10", &[KEWEI], &[], NotStarted),
    ])
}

const TODAY: &str = "2025-06-01";

#[test]
fn summary_counts_each_status_and_each_urgency() {
    let s = summary(&sample(), day(TODAY));
    assert_eq!(s.total, 8);
    assert_eq!(
        Status::ALL.map(|st| s.count(st)),
        [2, 2, 2, 2],
        "not started, in progress, blocked, done"
    );
    assert_eq!((s.overdue, s.due_soon, s.on_track), (3, 2, 1));
    assert_eq!((s.done_on_time, s.done_late, s.done()), (1, 1, 2));
}

#[test]
fn on_time_shares_divide_by_done_and_by_all_tasks() {
    let s = summary(&sample(), day(TODAY));
    assert_eq!(s.on_time_share_of_done(), Some(0.5));
    assert_eq!(s.on_time_share_of_all(), Some(1.0 / 8.0));
}

#[test]
fn with_nothing_done_the_on_time_rate_is_none_not_nan() {
    let mut b = sample();
    b.tasks.retain(|t| t.status != Status::Done);
    let s = summary(&b, day(TODAY));
    assert_eq!(s.on_time_share_of_done(), None);
    assert_eq!(s.on_time_share_of_all(), Some(0.0));
    let empty = summary(&board(Vec::new()), day(TODAY));
    assert_eq!(empty.on_time_share_of_all(), None);
    assert!(
        unit_table(&b, day(TODAY))
            .iter()
            .all(|r| r.on_time_rate().is_none())
    );
}

#[test]
fn unit_table_lists_every_unit_in_plan_order_with_its_counts() {
    let rows = unit_table(&sample(), day(TODAY));
    let units: Vec<&str> = rows.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(units, [SHANGWU, HAIGUAN, KEWEI, WANGXIN]);
    let line = |r: &UnitRow| (r.lead, r.cooperating, r.done, r.overdue, r.on_time_rate());
    assert_eq!(line(&rows[0]), (2, 2, 1, 2, Some(1.0)));
    assert_eq!(line(&rows[1]), (2, 1, 0, 3, None));
    assert_eq!(line(&rows[2]), (3, 1, 2, 0, Some(0.5)));
    assert_eq!(rows[1].overdue_lead, [(2, 31), (7, 12)]);
    assert_eq!(rows[1].overdue_lead_days(), 43);
}

#[test]
fn a_unit_written_by_its_alias_and_by_its_name_counts_once_as_lead() {
    let rows = unit_table(&sample(), day(TODAY));
    let wangxin = rows.iter().find(|r| r.unit == WANGXIN).unwrap();
    assert_eq!((wangxin.lead, wangxin.cooperating), (1, 0));
    assert!(!rows.iter().any(|r| r.unit == "区网信办"));
}

#[test]
fn overdue_ranking_puts_more_overdue_lead_tasks_before_more_days() {
    let ranking = overdue_ranking(&sample(), day(TODAY));
    let lines: Vec<(usize, &str, usize, i64)> = ranking
        .iter()
        .map(|r| (r.rank, r.unit.as_str(), r.tasks.len(), r.days()))
        .collect();
    // 海关 leads two overdue tasks (43 days); 商务委 one, though 152 days. 海关 only cooperates on
    // task 1, which therefore does not count for it. Units with no overdue lead task are not ranked.
    assert_eq!(lines, [(1, HAIGUAN, 2, 43), (2, SHANGWU, 1, 152)]);
}

#[test]
fn overdue_ranking_ties_share_a_rank_and_keep_plan_order() {
    use Status::NotStarted;
    let b = board(vec![
        task(1, "2025-01-01", &[KEWEI], &[], NotStarted),
        task(2, "2025-01-01", &[SHANGWU], &[], NotStarted),
        task(3, "2024-12-31", &[HAIGUAN], &[], NotStarted),
    ]);
    let ranking = overdue_ranking(&b, day("2025-01-11"));
    let lines: Vec<(usize, &str, i64)> = ranking
        .iter()
        .map(|r| (r.rank, r.unit.as_str(), r.days()))
        .collect();
    assert_eq!(lines, [(1, HAIGUAN, 11), (2, KEWEI, 10), (2, SHANGWU, 10)]);
}

#[test]
fn overdue_tasks_come_most_days_first() {
    let b = sample();
    let list: Vec<(u32, i64)> = overdue_tasks(&b, day(TODAY))
        .iter()
        .map(|(t, d)| (t.id, *d))
        .collect();
    assert_eq!(list, [(1, 152), (2, 31), (7, 12)]);
}

#[test]
fn timeline_groups_tasks_by_deadline_and_places_today() {
    let t = timeline(&sample(), day(TODAY));
    let shape: Vec<(String, Vec<u32>)> = t
        .milestones
        .iter()
        .map(|m| {
            (
                m.deadline.to_string(),
                m.tasks.iter().map(|x| x.id).collect(),
            )
        })
        .collect();
    let expected = [
        ("2024-12-31", vec![1, 5]),
        ("2025-05-01", vec![2]),
        ("2025-05-20", vec![7]),
        ("2025-06-10", vec![8]),
        ("2025-06-15", vec![3]),
        ("2025-12-31", vec![4, 6]),
    ];
    let expected: Vec<(String, Vec<u32>)> = expected
        .into_iter()
        .map(|(d, ids)| (d.to_string(), ids))
        .collect();
    assert_eq!(shape, expected);
    assert_eq!(t.passed, 3);
    assert!(!t.today_is_deadline());
    let first = &t.milestones[0];
    assert_eq!((first.overdue(), first.count(Status::Done)), (1, 1));
}

#[test]
fn timeline_marks_today_on_a_deadline_day_as_not_yet_passed() {
    let t = timeline(&sample(), day("2025-05-20"));
    assert_eq!(t.passed, 2);
    assert!(t.today_is_deadline());
    let before_all = timeline(&sample(), day("2024-01-01"));
    assert_eq!(before_all.passed, 0);
    let after_all = timeline(&sample(), day("2026-01-01"));
    assert_eq!(after_all.passed, after_all.milestones.len());
    assert!(!after_all.today_is_deadline());
}

#[test]
fn meeting_review_takes_overdue_and_blocked_first_then_due_soon_then_the_rest() {
    let order = needs_discussion(&sample(), day(TODAY));
    let ids: Vec<u32> = order.iter().map(|i| i.id).collect();
    // Task 3 is blocked but not overdue: it still comes before task 8, due sooner.
    assert_eq!(ids, [1, 2, 7, 3, 8, 6, 5, 4]);
    let groups: Vec<DiscussionGroup> = order.iter().map(|i| i.group).collect();
    use DiscussionGroup::*;
    assert_eq!(
        groups,
        [
            OverdueOrBlocked,
            OverdueOrBlocked,
            OverdueOrBlocked,
            OverdueOrBlocked,
            DueSoon,
            OnTrack,
            Done,
            Done
        ]
    );
}

#[test]
fn stale_means_no_note_for_more_than_stale_days() {
    let b = sample();
    let stale = stale_tasks(&b, day(TODAY));
    let ids: Vec<(u32, Option<NaiveDate>, i64)> = stale
        .iter()
        .map(|s| (s.id, s.last_note, s.days_silent))
        .collect();
    // Task 1's note is exactly 30 days old: not stale. Task 2's is 31. Tasks 7 and 8 have no notes
    // and the plan was issued 212 days ago. Done tasks are never stale.
    assert_eq!(
        ids,
        [
            (2, Some(day("2025-05-01")), 31),
            (7, None, 212),
            (8, None, 212)
        ]
    );
}

#[test]
fn a_task_without_notes_goes_stale_only_after_stale_days_from_the_issue_date() {
    let b = sample();
    let t8 = b.task(8).unwrap();
    assert_eq!(stale_days(&b, t8, day("2024-12-01")), None);
    assert_eq!(stale_days(&b, t8, day("2024-12-02")), Some(31));
}

#[test]
fn notes_since_keeps_the_dates_asked_for_oldest_first() {
    let b = sample();
    let notes = notes_since(&b, day("2025-05-02"), day(TODAY));
    let got: Vec<(u32, &str)> = notes.iter().map(|(id, n)| (*id, n.text.as_str())).collect();
    // 2025-05-01 23:30 +08:00 is before the window; 2025-06-05 is after the report date.
    assert_eq!(got, [(1, "已对接"), (3, "需区里协调"), (6, "今天的进展")]);
}

#[test]
fn an_empty_board_has_no_milestones_rankings_or_review_items() {
    let b = board(Vec::new());
    let t = timeline(&b, day(TODAY));
    assert!(t.milestones.is_empty() && !t.today_is_deadline());
    assert!(overdue_ranking(&b, day(TODAY)).is_empty());
    assert!(needs_discussion(&b, day(TODAY)).is_empty());
    assert!(unit_table(&b, day(TODAY)).is_empty());
}
