//! The unit view (按单位, `2`): each unit's tasks, lead and cooperating apart. Its state is the
//! cursor; it takes the moves in the list and the mouse on its rows. The keys every view shares
//! are `board.rs`'s; `ui::unit_board` draws it.

use ratatui::layout::{Position, Rect};

use super::board::{finding_hints, task_hints};
use super::status_view::Clicked;
use crate::action::Action;
use crate::app::grouping::{Grouping, UnitRow};
use crate::app::hints::HintSource;
use crate::app::navigation::UnitCursor;
use crate::model::TaskId;

/// Rows of the list one wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

#[derive(Debug, Default)]
pub struct UnitView {
    cursor: UnitCursor,
}

impl UnitView {
    pub fn cursor(&self) -> &UnitCursor {
        &self.cursor
    }

    /// The selected task and the unit whose row it is.
    pub fn selected(&self, grouping: &Grouping) -> Option<(TaskId, String)> {
        self.cursor.selected(grouping)
    }

    /// The view's own actions (the moves); false for those it leaves to the board.
    pub(crate) fn handle(&mut self, action: Action, grouping: &Grouping, visible: usize) -> bool {
        let moves = super::is_move(action);
        if moves {
            self.cursor.navigate(action, grouping, visible);
        }
        moves
    }

    pub(crate) fn follow(&mut self, grouping: &Grouping, selected: Option<(TaskId, String)>) {
        self.cursor.follow(grouping, selected);
    }

    pub(crate) fn scroll_into_view(&mut self, grouping: &Grouping, visible: usize) {
        self.cursor.scroll_into_view(grouping, visible);
    }

    /// The footer's middle: the task keys and finding.
    pub(crate) fn hints(&self, keys: &HintSource) -> Vec<(Option<String>, &'static str)> {
        let mut wanted = task_hints(keys);
        wanted.extend(finding_hints(keys));
        wanted
    }

    pub(crate) fn click(&mut self, grouping: &Grouping, body: Rect, at: Position) -> Clicked {
        let rows = &grouping.unit_rows;
        let scroll = self.cursor.scroll.min(rows.len().saturating_sub(1));
        // The list flows down each pane and on into the next, as `ui::unit_board` draws it.
        let panes = crate::layout::unit_panes(body);
        let Some(pane) = panes.iter().position(|p| p.contains(at)) else {
            return Clicked::Nothing;
        };
        let before: usize = panes[..pane].iter().map(|p| usize::from(p.height)).sum();
        let row = scroll + before + usize::from(at.y - panes[pane].y);
        if !matches!(rows.get(row), Some(UnitRow::Task { .. })) {
            return Clicked::Nothing;
        }
        if self.cursor.row == row {
            return Clicked::Open;
        }
        self.cursor.row = row;
        Clicked::Selected
    }

    /// Scrolls the list; the selection moves to the nearest task still in view.
    pub(crate) fn wheel(&mut self, grouping: &Grouping, visible: usize, down: bool) {
        let rows = &grouping.unit_rows;
        let cursor = &mut self.cursor;
        let max = rows.len().saturating_sub(visible);
        cursor.scroll = super::wheel_step(cursor.scroll, down, WHEEL_ROWS, max);
        let scroll = cursor.scroll;
        let shown = scroll..(scroll + visible).min(rows.len());
        if shown.contains(&cursor.row) {
            return;
        }
        let is_task = |r: &usize| matches!(rows[*r], UnitRow::Task { .. });
        let nearest = if cursor.row < scroll {
            shown.clone().find(is_task)
        } else {
            shown.clone().rev().find(is_task)
        };
        if let Some(row) = nearest {
            cursor.row = row;
        }
        // Deliberately not `scroll_into_view`: it pulls the list back to show a unit's heading,
        // which would undo the scroll the wheel just made.
    }
}
