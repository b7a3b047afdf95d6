//! Derived, cached groupings of the board for the views: recomputed when the board changes, never
//! per frame, so a key press costs the same with 19 tasks or 10,000.

use chrono::NaiveDate;

use crate::model::{Board, Role, Status, TaskId, unit_lanes};

/// One line of the unit view: a unit's heading or one of its tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitRow {
    /// Index into `Grouping::lanes`.
    Heading(usize),
    /// A sub-heading splitting a lane into lead and cooperating tasks.
    RoleHeading(usize, Role),
    Task {
        lane: usize,
        id: TaskId,
        role: Role,
    },
    Gap,
}

#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Task ids per status column, in id order.
    pub columns: [Vec<TaskId>; 4],
    pub lanes: Vec<crate::model::UnitLane>,
    pub unit_rows: Vec<UnitRow>,
}

impl Grouping {
    pub fn compute(board: &Board, today: NaiveDate, visible: impl Fn(TaskId) -> bool) -> Grouping {
        let mut columns: [Vec<TaskId>; 4] = Default::default();
        for task in &board.tasks {
            if visible(task.id) {
                columns[task.status.index()].push(task.id);
            }
        }
        for column in &mut columns {
            column.sort_unstable();
        }
        let mut lanes = unit_lanes(board, today);
        for lane in &mut lanes {
            lane.tasks.retain(|(id, _)| visible(*id));
        }
        lanes.retain(|lane| !lane.tasks.is_empty());
        let mut unit_rows = Vec::new();
        for (index, lane) in lanes.iter().enumerate() {
            unit_rows.push(UnitRow::Heading(index));
            for role in [Role::Lead, Role::Cooperating] {
                let mut tasks = lane.tasks.iter().filter(|(_, r)| *r == role).peekable();
                if tasks.peek().is_none() {
                    continue;
                }
                unit_rows.push(UnitRow::RoleHeading(index, role));
                for (id, role) in tasks {
                    unit_rows.push(UnitRow::Task {
                        lane: index,
                        id: *id,
                        role: *role,
                    });
                }
            }
            unit_rows.push(UnitRow::Gap);
        }
        Grouping {
            columns,
            lanes,
            unit_rows,
        }
    }

    pub fn column_of(&self, id: TaskId) -> Option<(Status, usize)> {
        Status::ALL.into_iter().find_map(|status| {
            self.columns[status.index()]
                .binary_search(&id)
                .ok()
                .map(|row| (status, row))
        })
    }

    /// The unit-view row showing this task in this lane (or any lane when `unit` is None).
    pub fn unit_row_of(&self, id: TaskId, unit: Option<&str>) -> Option<usize> {
        self.unit_rows.iter().position(|row| match row {
            UnitRow::Task { lane, id: rid, .. } => {
                *rid == id && unit.is_none_or(|u| self.lanes[*lane].unit == u)
            }
            _ => false,
        })
    }
}
