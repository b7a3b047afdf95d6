//! Derived, cached groupings of the board for the views: recomputed when the board changes, never
//! per frame, so a key press costs the same with 19 tasks or 10,000.

use chrono::NaiveDate;

use crate::model::{Board, Role, Status, Task, TaskId, unit_lanes};

/// One line of the unit view: a unit's heading or one of its tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitRow {
    /// Index into `Grouping::lanes`.
    Heading(usize),
    /// A task of the lane; `first` on the first of its role, where the role's heading
    /// (牵头任务, 配合任务) stands beside it rather than on a line of its own, so that every unit
    /// fits on one screen.
    Task {
        lane: usize,
        id: TaskId,
        role: Role,
        first: bool,
    },
}

pub use super::dashboard::Dashboard;

/// The headline's figures over the tasks shown, as of the date in use (computed on change).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Headline {
    pub total: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub blocked: usize,
    pub done: usize,
    /// Tasks per light: red, yellow, green.
    pub lights: [usize; 3],
}

impl Headline {
    fn compute<'a>(tasks: impl Iterator<Item = &'a Task>, board: &Board, today: NaiveDate) -> Self {
        use crate::model::light::Light;
        let mut out = Headline::default();
        for task in tasks {
            out.total += 1;
            let urgency = board.urgency(task, today);
            out.overdue += usize::from(urgency.is_overdue());
            out.due_soon += usize::from(matches!(urgency, crate::model::Urgency::DueSoon { .. }));
            out.blocked += usize::from(task.status == Status::Blocked);
            out.done += usize::from(task.status == Status::Done);
            match board.light(task, today) {
                Light::Red => out.lights[0] += 1,
                Light::Yellow => out.lights[1] += 1,
                Light::Green => out.lights[2] += 1,
                Light::None => {}
            }
        }
        out
    }
}

#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Task ids per status column, in id order.
    pub columns: [Vec<TaskId>; 4],
    pub lanes: Vec<crate::model::UnitLane>,
    pub unit_rows: Vec<UnitRow>,
    /// Figures for the dashboard over the tasks shown; `None` until the dashboard is shown (see
    /// [`Grouping::fill_dashboard`]).
    pub dashboard: Option<Dashboard>,
    /// The headline's counts over the tasks shown.
    pub headline: Headline,
    /// Some task shown has milestones: full cards then give them a line.
    pub milestones_shown: bool,
}

impl Grouping {
    /// `visible` says which tasks the filter keeps; `only_unit`, when filtering by a unit, keeps
    /// the unit view to that unit's lane ("my unit's work").
    pub fn compute(
        board: &Board,
        today: NaiveDate,
        visible: impl Fn(&Task) -> bool,
        only_unit: Option<&str>,
    ) -> Grouping {
        let mut columns: [Vec<TaskId>; 4] = Default::default();
        let mut shown = std::collections::HashSet::new();
        for task in &board.tasks {
            if visible(task) {
                columns[task.status.index()].push(task.id);
                shown.insert(task.id);
            }
        }
        for column in &mut columns {
            column.sort_unstable();
        }
        let mut lanes = unit_lanes(board, today);
        if shown.len() < board.tasks.len() {
            // Counts in a lane's heading describe what the lane shows.
            let overdue: std::collections::HashSet<TaskId> = board
                .tasks
                .iter()
                .filter(|t| shown.contains(&t.id) && board.urgency(t, today).is_overdue())
                .map(|t| t.id)
                .collect();
            for lane in &mut lanes {
                lane.tasks.retain(|(id, _)| shown.contains(id));
                lane.overdue = lane
                    .tasks
                    .iter()
                    .filter(|(id, _)| overdue.contains(id))
                    .count();
            }
            // Most overdue first, as without a filter (the sort is stable: plan order next).
            lanes.sort_by_key(|l| std::cmp::Reverse(l.overdue));
        }
        lanes.retain(|lane| !lane.tasks.is_empty() && only_unit.is_none_or(|u| lane.unit == u));
        let mut unit_rows = Vec::new();
        for (index, lane) in lanes.iter().enumerate() {
            unit_rows.push(UnitRow::Heading(index));
            for role in [Role::Lead, Role::Cooperating] {
                let tasks = lane.tasks.iter().filter(|(_, r)| *r == role);
                for (n, (id, role)) in tasks.enumerate() {
                    unit_rows.push(UnitRow::Task {
                        lane: index,
                        id: *id,
                        role: *role,
                        first: n == 0,
                    });
                }
            }
        }
        let shown_tasks = || board.tasks.iter().filter(|t| shown.contains(&t.id));
        Grouping {
            columns,
            lanes,
            unit_rows,
            dashboard: None,
            headline: Headline::compute(shown_tasks(), board, today),
            milestones_shown: shown_tasks().any(|t| !t.milestones.is_empty()),
        }
    }

    /// Computes the dashboard's figures over the tasks shown, when they are not there yet. Only
    /// the dashboard reads them, and at 10,000 tasks they were a quarter of opening the board on
    /// the status view (issue 17's profile): they are made when the dashboard is shown.
    pub fn fill_dashboard(&mut self, board: &Board, today: NaiveDate) {
        if self.dashboard.is_some() {
            return;
        }
        let shown: usize = self.columns.iter().map(Vec::len).sum();
        // The dashboard describes what the filter keeps ("my unit's work" with --unit).
        let dashboard = if shown == board.tasks.len() {
            Dashboard::compute(board, today)
        } else {
            let mut ids: Vec<TaskId> = self.columns.iter().flatten().copied().collect();
            ids.sort_unstable();
            // Statistics read tasks only: leave the (possibly long) history behind.
            let narrowed = Board {
                tasks: board
                    .tasks
                    .iter()
                    .filter(|t| ids.binary_search(&t.id).is_ok())
                    .cloned()
                    .collect(),
                settings: board.settings.clone(),
                unit_aliases: board.unit_aliases.clone(),
                created_on: board.created_on,
                ..Board::empty(board.plan.clone())
            };
            Dashboard::compute(&narrowed, today)
        };
        self.dashboard = Some(dashboard);
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
