//! Milestones (工作节点) as the board shows them: a card's progress and next milestone, the
//! milestones due soon (近期节点) and those missed, by responsible unit. Pure functions of a board
//! and the date in use.

use chrono::NaiveDate;

use super::{Board, Milestone, Status, Task, TaskId, Urgency};

/// What a card shows: `节点 2/5 06-30`, the next milestone coloured by its urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneSummary {
    pub done: usize,
    pub total: usize,
    /// The open milestone due first (by due date, then number); `None` when all are done.
    pub next: Option<NextMilestone>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextMilestone {
    pub number: u32,
    pub due: NaiveDate,
    pub urgency: Urgency,
}

/// A task's milestone progress and its next milestone; `None` for a task without milestones.
pub fn summary(board: &Board, task: &Task, today: NaiveDate) -> Option<MilestoneSummary> {
    if task.milestones.is_empty() {
        return None;
    }
    let next = next_open(task).map(|m| NextMilestone {
        number: m.number,
        due: m.due,
        urgency: m.urgency(today, board.settings.warn_days),
    });
    Some(MilestoneSummary {
        done: task.milestones.iter().filter(|m| m.is_done()).count(),
        total: task.milestones.len(),
        next,
    })
}

/// The open milestone due first (by due date, then number).
pub fn next_open(task: &Task) -> Option<&Milestone> {
    task.milestones
        .iter()
        .filter(|m| !m.is_done())
        .min_by_key(|m| (m.due, m.number))
}

/// The units answerable for a milestone, under their canonical names: its own units, or the
/// task's lead units when it names none.
pub fn responsible_units<'a>(board: &'a Board, task: &'a Task, m: &'a Milestone) -> Vec<&'a str> {
    let units = if m.units.iter().any(|u| !u.trim().is_empty()) {
        &m.units
    } else {
        &task.lead_units
    };
    let mut out: Vec<&str> = Vec::new();
    for unit in units {
        let unit = board.canonical_unit(unit);
        if !unit.trim().is_empty() && !out.contains(&unit) {
            out.push(unit);
        }
    }
    out
}

/// Whether the milestone is due after its task's deadline (allowed, with a warning).
pub fn after_deadline(task: &Task, m: &Milestone) -> bool {
    m.due > task.deadline
}

/// One milestone in a list across tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneItem<'a> {
    pub task: &'a Task,
    pub milestone: &'a Milestone,
    pub urgency: Urgency,
}

impl MilestoneItem<'_> {
    pub fn task_id(&self) -> TaskId {
        self.task.id
    }
}

/// Open milestones of tasks not done, with their urgency.
fn open_items(board: &Board, today: NaiveDate) -> impl Iterator<Item = MilestoneItem<'_>> {
    let warn_days = board.settings.warn_days;
    board
        .tasks
        .iter()
        .filter(|t| t.status != Status::Done)
        .flat_map(move |task| {
            task.milestones
                .iter()
                .filter(|m| !m.is_done())
                .map(move |milestone| MilestoneItem {
                    task,
                    milestone,
                    urgency: milestone.urgency(today, warn_days),
                })
        })
}

/// 近期节点: open milestones due today or within `warn_days`, soonest first (then task, number).
pub fn upcoming(board: &Board, today: NaiveDate) -> Vec<MilestoneItem<'_>> {
    let mut out: Vec<_> = open_items(board, today)
        .filter(|i| matches!(i.urgency, Urgency::DueSoon { .. }))
        .collect();
    out.sort_by_key(|i| (i.milestone.due, i.task.id, i.milestone.number));
    out
}

/// Missed milestones: open, due before today, on tasks not done; longest missed first.
pub fn missed(board: &Board, today: NaiveDate) -> Vec<MilestoneItem<'_>> {
    let mut out: Vec<_> = open_items(board, today)
        .filter(|i| i.urgency.is_overdue())
        .collect();
    out.sort_by_key(|i| (i.milestone.due, i.task.id, i.milestone.number));
    out
}

/// Items grouped by responsible unit: units in plan order (then any others in the order met), a
/// milestone of two units under each; items keep their order within a unit.
pub fn by_unit<'a>(
    board: &'a Board,
    items: &[MilestoneItem<'a>],
) -> Vec<(&'a str, Vec<MilestoneItem<'a>>)> {
    let mut groups: Vec<(&str, Vec<MilestoneItem>)> = board
        .units_in_plan_order()
        .into_iter()
        .map(|u| (u, Vec::new()))
        .collect();
    for item in items {
        for unit in responsible_units(board, item.task, item.milestone) {
            match groups.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.push(*item),
                None => groups.push((unit, vec![*item])),
            }
        }
    }
    groups.retain(|(_, list)| !list.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlanInfo;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn m(number: u32, due: &str, units: &[&str], done: Option<&str>) -> Milestone {
        Milestone {
            number,
            title: format!("节点{number}"),
            due: day(due),
            units: units.iter().map(|u| u.to_string()).collect(),
            completed_on: done.map(day),
        }
    }

    fn board() -> Board {
        let mut board = Board::empty(PlanInfo {
            title: "方案".into(),
            document_number: "文号".into(),
            issued_on: day("2024-11-01"),
            issuer: "区政府".into(),
        });
        board
            .unit_aliases
            .insert("区委网信办".into(), vec!["区网信办".into()]);
        let mut a = Task::new(1, "甲", vec!["区商务委".into()], day("2025-12-31"));
        a.cooperating_units = vec!["区委网信办".into()];
        a.milestones = vec![
            m(1, "2025-03-31", &[], Some("2025-03-30")),
            m(2, "2025-06-30", &["区网信办"], None),
            m(3, "2025-05-31", &[], None),
        ];
        let mut b = Task::new(2, "乙", vec!["区科委".into()], day("2025-12-31"));
        b.milestones = vec![m(1, "2025-06-10", &["区科委", "区商务委"], None)];
        let mut done = Task::new(3, "丙", vec!["区科委".into()], day("2025-12-31"));
        done.status = Status::Done;
        done.completed_on = Some(day("2025-05-01"));
        done.milestones = vec![m(1, "2025-05-01", &[], None)];
        board.tasks = vec![a, b, done];
        board
    }

    #[test]
    fn a_card_shows_milestones_done_and_the_next_open_one_by_date() {
        let b = board();
        let s = summary(&b, &b.tasks[0], day("2025-05-20")).unwrap();
        assert_eq!((s.done, s.total), (1, 3));
        // Number 3 is due before number 2.
        assert_eq!(
            s.next,
            Some(NextMilestone {
                number: 3,
                due: day("2025-05-31"),
                urgency: Urgency::DueSoon { days_left: 11 }
            })
        );
        assert_eq!(
            summary(
                &b,
                &Task::new(9, "x", vec![], day("2025-01-01")),
                day("2025-05-20")
            ),
            None
        );
    }

    #[test]
    fn upcoming_and_missed_leave_out_done_milestones_and_done_tasks() {
        let b = board();
        let today = day("2025-06-05");
        let ids = |items: Vec<MilestoneItem>| {
            items
                .iter()
                .map(|i| (i.task.id, i.milestone.number))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(upcoming(&b, today)), vec![(2, 1), (1, 2)]);
        assert_eq!(ids(missed(&b, today)), vec![(1, 3)]);
    }

    #[test]
    fn milestones_group_under_each_responsible_unit_in_plan_order_aliases_folded() {
        let b = board();
        let items = upcoming(&b, day("2025-06-05"));
        let groups: Vec<(&str, Vec<(TaskId, u32)>)> = by_unit(&b, &items)
            .into_iter()
            .map(|(u, list)| {
                (
                    u,
                    list.iter()
                        .map(|i| (i.task.id, i.milestone.number))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                ("区商务委", vec![(2, 1)]),
                ("区委网信办", vec![(1, 2)]),
                ("区科委", vec![(2, 1)]),
            ]
        );
    }

    #[test]
    fn a_milestone_without_units_answers_to_the_task_s_lead_units() {
        let b = board();
        let t = &b.tasks[0];
        assert_eq!(responsible_units(&b, t, &t.milestones[2]), vec!["区商务委"]);
        assert_eq!(
            responsible_units(&b, t, &t.milestones[1]),
            vec!["区委网信办"]
        );
    }

    #[test]
    fn milestone_urgency_counts_like_a_deadline() {
        let done_late = m(1, "2025-06-30", &[], Some("2025-07-03"));
        assert_eq!(
            done_late.urgency(day("2025-08-01"), 30),
            Urgency::DoneLate { days_late: 3 }
        );
        let open = m(1, "2025-06-30", &[], None);
        assert_eq!(
            open.urgency(day("2025-06-30"), 30),
            Urgency::DueSoon { days_left: 0 }
        );
        assert_eq!(
            open.urgency(day("2025-07-01"), 30),
            Urgency::Overdue { days: 1 }
        );
    }
}
