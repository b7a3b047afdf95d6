//! The "by unit" grouping: one lane per unit with the unit's tasks and its role in each.

use chrono::NaiveDate;

use super::{Board, Role, TaskId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLane {
    pub unit: String,
    /// The unit's tasks in id order, with its role in each.
    pub tasks: Vec<(TaskId, Role)>,
    pub overdue: usize,
}

impl UnitLane {
    pub fn lead_count(&self) -> usize {
        self.tasks.iter().filter(|(_, r)| *r == Role::Lead).count()
    }
}

/// Every unit once, ordered by how many of its tasks are overdue (most first), then by the order it
/// first appears in the plan.
pub fn unit_lanes(board: &Board, today: NaiveDate) -> Vec<UnitLane> {
    let mut lanes: Vec<UnitLane> = board
        .units_in_plan_order()
        .into_iter()
        .map(|unit| UnitLane {
            unit: unit.to_string(),
            tasks: Vec::new(),
            overdue: 0,
        })
        .collect();
    let index: std::collections::HashMap<String, usize> = lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.unit.clone(), i))
        .collect();
    for task in &board.tasks {
        let overdue = board.urgency(task, today).is_overdue();
        for (unit, role) in board.units_of(task) {
            let Some(&i) = index.get(unit) else { continue };
            let lane = &mut lanes[i];
            lane.tasks.push((task.id, role));
            if overdue {
                lane.overdue += 1;
            }
        }
    }
    // Stable sort keeps plan order among units with equal overdue counts.
    lanes.sort_by_key(|l| std::cmp::Reverse(l.overdue));
    lanes
}
