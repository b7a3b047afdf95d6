//! Cursors of the two board views: where the selection is and how far each list is scrolled.

use super::grouping::{Grouping, UnitRow};
use crate::action::Action;
use crate::model::TaskId;

/// Selection in the status view: a column, and per column the selected row and the first visible row
/// (each column remembers its own place, as a person moving left and right expects).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusCursor {
    pub column: usize,
    pub rows: [usize; 4],
    pub scroll: [usize; 4],
}

impl StatusCursor {
    pub fn selected(&self, grouping: &Grouping) -> Option<TaskId> {
        grouping.columns[self.column]
            .get(self.rows[self.column])
            .copied()
    }

    /// `visible` is how many cards each column shows at once.
    pub fn navigate(&mut self, action: Action, grouping: &Grouping, visible: [usize; 4]) {
        let len = grouping.columns[self.column].len();
        let page = visible[self.column];
        let row = &mut self.rows[self.column];
        match action {
            Action::Up => *row = row.saturating_sub(1),
            Action::Down => *row = (*row + 1).min(len.saturating_sub(1)),
            Action::PageUp => *row = row.saturating_sub(page),
            Action::PageDown => *row = (*row + page).min(len.saturating_sub(1)),
            Action::First => *row = 0,
            Action::Last => *row = len.saturating_sub(1),
            Action::Left => self.column = self.column.saturating_sub(1),
            Action::Right => self.column = (self.column + 1).min(3),
            _ => {}
        }
        self.clamp(grouping);
        self.scroll_into_view(grouping, visible);
    }

    fn clamp(&mut self, grouping: &Grouping) {
        for (column, ids) in grouping.columns.iter().enumerate() {
            self.rows[column] = self.rows[column].min(ids.len().saturating_sub(1));
        }
    }

    /// Puts the cursor on `id` wherever it now is; without it, keeps rows in range.
    pub fn follow(&mut self, grouping: &Grouping, id: Option<TaskId>) {
        if let Some((status, row)) = id.and_then(|id| grouping.column_of(id)) {
            self.column = status.index();
            self.rows[self.column] = row;
        }
        // A search that leaves the cursor's column empty would leave nothing selected (Enter
        // doing nothing): go to the first column that shows a card.
        if grouping.columns[self.column].is_empty()
            && let Some(column) = grouping.columns.iter().position(|c| !c.is_empty())
        {
            self.column = column;
        }
        self.clamp(grouping);
    }

    /// Keeps each column's selected card visible, and never scrolled past its last card (a search
    /// that shrinks a column must not leave its first matches above the window).
    pub fn scroll_into_view(&mut self, grouping: &Grouping, visible: [usize; 4]) {
        for column in 0..4 {
            let visible = visible[column];
            let shown = scroll_to_show(self.scroll[column], self.rows[column], visible);
            let last_start = grouping.columns[column].len().saturating_sub(visible);
            self.scroll[column] = shown.min(last_start);
        }
    }
}

/// Selection in the unit view: an index into `Grouping::unit_rows` that is always a task row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitCursor {
    pub row: usize,
    pub scroll: usize,
}

impl UnitCursor {
    pub fn selected(&self, grouping: &Grouping) -> Option<(TaskId, String)> {
        match grouping.unit_rows.get(self.row)? {
            UnitRow::Task { lane, id, .. } => Some((*id, grouping.lanes[*lane].unit.clone())),
            _ => None,
        }
    }

    fn task_rows(grouping: &Grouping) -> impl DoubleEndedIterator<Item = usize> + '_ {
        grouping
            .unit_rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, UnitRow::Task { .. }))
            .map(|(i, _)| i)
    }

    fn lane_of(grouping: &Grouping, row: usize) -> Option<usize> {
        match grouping.unit_rows.get(row)? {
            UnitRow::Task { lane, .. } | UnitRow::Heading(lane) => Some(*lane),
        }
    }

    pub fn navigate(&mut self, action: Action, grouping: &Grouping, visible: usize) {
        let current = self.row;
        let next_task_after = |from: usize| Self::task_rows(grouping).find(|&r| r > from);
        let last_task_before = |to: usize| Self::task_rows(grouping).rev().find(|&r| r < to);
        let target = match action {
            Action::Down => next_task_after(current),
            Action::Up => last_task_before(current),
            Action::PageDown => Self::task_rows(grouping)
                .take_while(|&r| r <= current + visible)
                .last(),
            Action::PageUp => Self::task_rows(grouping)
                .find(|&r| r + visible >= current)
                .filter(|&r| r < current),
            Action::First => Self::task_rows(grouping).next(),
            Action::Last => Self::task_rows(grouping).last(),
            Action::Right => {
                // First task of the next unit.
                let lane = Self::lane_of(grouping, current);
                Self::task_rows(grouping)
                    .find(|&r| r > current && Self::lane_of(grouping, r) != lane)
            }
            Action::Left => {
                // First task of this unit, or of the previous unit when already there.
                let lane = Self::lane_of(grouping, current);
                let first_of_lane = Self::task_rows(grouping)
                    .find(|&r| Self::lane_of(grouping, r) == lane)
                    .filter(|&r| r < current);
                first_of_lane.or_else(|| {
                    let prev_lane = lane.and_then(|l| l.checked_sub(1));
                    Self::task_rows(grouping).find(|&r| Self::lane_of(grouping, r) == prev_lane)
                })
            }
            _ => None,
        };
        if let Some(row) = target {
            self.row = row;
        }
        self.ensure_on_task(grouping);
        self.scroll_into_view(grouping, visible);
    }

    fn ensure_on_task(&mut self, grouping: &Grouping) {
        if !matches!(grouping.unit_rows.get(self.row), Some(UnitRow::Task { .. })) {
            self.row = Self::task_rows(grouping)
                .find(|&r| r >= self.row)
                .or_else(|| Self::task_rows(grouping).last())
                .unwrap_or(0);
        }
    }

    /// Puts the cursor on the task in the same unit (or its first appearance when the unit is
    /// unknown or the task left it).
    pub fn follow(&mut self, grouping: &Grouping, selected: Option<(TaskId, String)>) {
        if let Some((id, unit)) = selected {
            let in_unit = (!unit.is_empty())
                .then(|| grouping.unit_row_of(id, Some(&unit)))
                .flatten();
            if let Some(row) = in_unit.or_else(|| grouping.unit_row_of(id, None)) {
                self.row = row;
            }
        }
        self.ensure_on_task(grouping);
    }

    /// Keeps the selected row visible; shows the unit's heading too when it fits.
    pub fn scroll_into_view(&mut self, grouping: &Grouping, visible: usize) {
        let heading = Self::lane_of(grouping, self.row).and_then(|lane| {
            grouping
                .unit_rows
                .iter()
                .position(|r| *r == UnitRow::Heading(lane))
        });
        let mut scroll = scroll_to_show(self.scroll, self.row, visible);
        if let Some(h) = heading
            && h < scroll
            && self.row - h < visible
        {
            scroll = h;
        }
        let max_scroll = grouping.unit_rows.len().saturating_sub(visible);
        self.scroll = scroll.min(max_scroll).min(self.row);
    }
}

/// The smallest change to `scroll` that keeps `row` within `visible` rows.
fn scroll_to_show(scroll: usize, row: usize, visible: usize) -> usize {
    let visible = visible.max(1);
    if row < scroll {
        row
    } else if row >= scroll + visible {
        row + 1 - visible
    } else {
        scroll
    }
}
