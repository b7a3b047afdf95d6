//! Lights across the board: counts for the whole board and per unit (the dashboard, the reports),
//! and every task in red-first order (the review, the reports' rankings).

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::light::{Light, Reason, signal};
use super::{Board, Status, TaskId};

/// How many tasks show each light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LightCounts {
    by_light: [usize; 4],
}

impl LightCounts {
    pub fn count(&self, light: Light) -> usize {
        self.by_light[index(light)]
    }

    fn add(&mut self, light: Light) {
        self.by_light[index(light)] += 1;
    }
}

fn index(light: Light) -> usize {
    match light {
        Light::Red => 0,
        Light::Yellow => 1,
        Light::Green => 2,
        Light::None => 3,
    }
}

/// Counts over the whole board.
pub fn light_counts(board: &Board, today: NaiveDate) -> LightCounts {
    let mut counts = LightCounts::default();
    for task in &board.tasks {
        counts.add(board.light(task, today));
    }
    counts
}

/// One unit's lights: over the tasks it leads or cooperates on (a unit named both ways on one
/// task counts it once, as in the unit lanes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLights {
    pub unit: String,
    pub counts: LightCounts,
}

/// Every unit in plan order with its lights.
pub fn unit_lights(board: &Board, today: NaiveDate) -> Vec<UnitLights> {
    let mut rows: Vec<UnitLights> = board
        .units_in_plan_order()
        .into_iter()
        .map(|unit| UnitLights {
            unit: unit.to_string(),
            counts: LightCounts::default(),
        })
        .collect();
    for task in &board.tasks {
        let light = board.light(task, today);
        for (unit, _) in board.units_of(task) {
            if let Some(row) = rows.iter_mut().find(|r| r.unit == unit) {
                row.counts.add(light);
            }
        }
    }
    rows
}

/// A task in red-first order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LitTask {
    pub id: TaskId,
    pub light: Light,
    /// The causes of its light, worst first (see [`super::light::signal`]).
    pub reasons: Vec<Reason>,
}

/// Every task red first, then yellow, green and done: within a light, blocked (需协调) tasks
/// first, then the longest missed (a milestone or the deadline), then the earliest deadline,
/// then the number.
pub fn red_first(board: &Board, today: NaiveDate) -> Vec<LitTask> {
    // Within a light: not blocked after blocked, longest missed, earliest deadline.
    type Within = (bool, Reverse<i64>, NaiveDate);
    let mut items: Vec<(LitTask, Within)> = board
        .tasks
        .iter()
        .map(|task| {
            let s = signal(board, task, today);
            let missed = s
                .reasons
                .iter()
                .map(|r| match r {
                    Reason::MilestoneMissed { days, .. } | Reason::DeadlineMissed { days } => *days,
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            let key = (
                task.status != Status::Blocked,
                Reverse(missed),
                task.deadline,
            );
            let item = LitTask {
                id: task.id,
                light: s.light,
                reasons: s.reasons,
            };
            (item, key)
        })
        .collect();
    items.sort_by_key(|(item, key)| (item.light, *key, item.id));
    items.into_iter().map(|(item, _)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Milestone, PlanInfo, Task};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn board() -> Board {
        let mut board = Board::empty(PlanInfo {
            title: "方案".into(),
            document_number: "文号".into(),
            issued_on: day("2024-11-01"),
            issuer: "区政府".into(),
        });
        let task = |id, lead: &str, deadline: &str| {
            let mut t = Task::new(id, "任务", vec![lead.into()], day(deadline));
            t.status = Status::InProgress;
            t
        };
        // 1: green; 2: red (deadline); 3: yellow (deadline near); 4: done; 5: red (milestone),
        // blocked; 6: red, missed longer than 2.
        let mut t1 = task(1, "区科委", "2026-12-31");
        t1.cooperating_units = vec!["区商务委".into()];
        let t2 = task(2, "区商务委", "2025-05-01");
        let t3 = task(3, "区科委", "2025-06-15");
        let mut t4 = task(4, "区商务委", "2025-01-01");
        t4.status = Status::Done;
        let mut t5 = task(5, "区科委", "2026-12-31");
        t5.status = Status::Blocked;
        t5.milestones = vec![Milestone {
            number: 1,
            title: "节点".into(),
            due: day("2025-05-30"),
            units: Vec::new(),
            completed_on: None,
        }];
        let t6 = task(6, "区科委", "2025-03-01");
        board.tasks = vec![t1, t2, t3, t4, t5, t6];
        board
    }

    #[test]
    fn counts_per_unit_cover_lead_and_cooperating_tasks() {
        let b = board();
        let today = day("2025-06-01");
        let all = light_counts(&b, today);
        let counts = |c: LightCounts| Light::ALL.map(|l| c.count(l));
        assert_eq!(counts(all), [3, 1, 1, 1]);
        let units = unit_lights(&b, today);
        let names: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(names, ["区科委", "区商务委"]);
        assert_eq!(counts(units[0].counts), [2, 1, 1, 0]);
        assert_eq!(counts(units[1].counts), [1, 0, 1, 1]);
    }

    #[test]
    fn red_first_puts_blocked_then_longest_missed_first_within_a_light() {
        let b = board();
        let order: Vec<(TaskId, Light)> = red_first(&b, day("2025-06-01"))
            .into_iter()
            .map(|t| (t.id, t.light))
            .collect();
        assert_eq!(
            order,
            vec![
                (5, Light::Red),
                (6, Light::Red),
                (2, Light::Red),
                (3, Light::Yellow),
                (1, Light::Green),
                (4, Light::None),
            ]
        );
    }
}
