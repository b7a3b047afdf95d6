//! The status view (按状态, `1`): one column per status. Its state is the cursor, the card density
//! (`z`) and where its columns and cards are; it takes the moves within the columns, `z`, and the
//! mouse on its cards. The keys every view shares are `board.rs`'s; `ui::status_board` draws it.

use ratatui::layout::{Position, Rect};

use super::board::{finding_hints, task_hints};
use crate::action::Action;
use crate::app::grouping::Grouping;
use crate::app::hints::HintSource;
use crate::app::navigation::StatusCursor;
use crate::layout::{Density, StatusLayout};

#[derive(Debug, Default)]
pub struct StatusView {
    cursor: StatusCursor,
    density: Density,
    /// Worked out with the geometry and whenever the columns change (`relayout`).
    layout: StatusLayout,
}

/// What a click on the view did.
pub(crate) enum Clicked {
    /// On the selected card: open it (a double-click opens a card).
    Open,
    /// Moved the selection.
    Selected,
    Nothing,
}

impl StatusView {
    pub fn cursor(&self) -> &StatusCursor {
        &self.cursor
    }

    pub fn density(&self) -> Density {
        self.density
    }

    pub fn layout(&self) -> &StatusLayout {
        &self.layout
    }

    /// The layout of a body of this size for the cards `grouping` shows, at this view's density.
    pub fn layout_for(&self, grouping: &Grouping, body: Rect) -> StatusLayout {
        let counts = grouping.columns.each_ref().map(Vec::len);
        let full_lines = if grouping.milestones_shown { 4 } else { 3 };
        StatusLayout::new(body, counts, self.density, full_lines)
    }

    /// The view's own actions; false for those it leaves to the board.
    pub(crate) fn handle(&mut self, action: Action, grouping: &Grouping, body: Rect) -> bool {
        match action {
            Action::ToggleDensity => {
                self.density = self.density.next();
                self.relayout(grouping, body);
            }
            _ if super::is_move(action) => {
                self.cursor.navigate(action, grouping, self.layout.visible)
            }
            _ => return false,
        }
        true
    }

    /// The columns or the body changed: place the cards again, the selection still in sight.
    pub(crate) fn relayout(&mut self, grouping: &Grouping, body: Rect) {
        self.layout = self.layout_for(grouping, body);
        self.cursor.scroll_into_view(grouping, self.layout.visible);
    }

    pub(crate) fn follow(&mut self, grouping: &Grouping, id: Option<crate::model::TaskId>) {
        self.cursor.follow(grouping, id);
    }

    /// The footer's middle: the task keys, finding, and the density in use.
    pub(crate) fn hints(&self, keys: &HintSource) -> Vec<(Option<String>, &'static str)> {
        let mut wanted = task_hints(keys);
        wanted.extend(finding_hints(keys));
        wanted.push((keys.key(Action::ToggleDensity), keys.density()));
        wanted
    }

    /// A card under the pointer, as (column, row in that column), or just the column when the
    /// pointer is on a column but not on a card.
    fn card_at(&self, grouping: &Grouping, at: Position) -> Option<(usize, Option<usize>)> {
        let layout = &self.layout;
        let column = layout.columns.iter().position(|area| area.contains(at))?;
        let area = layout.columns[column];
        let inner = Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        );
        if !inner.contains(at) {
            return Some((column, None));
        }
        // The line after each full card is a gap, and a card cut off at the bottom is not drawn.
        let slot = layout.slot_at(column, at.y - inner.y, inner.height);
        let ids = &grouping.columns[column];
        let scroll = self.cursor.scroll[column].min(ids.len().saturating_sub(1));
        let row = slot.map(|slot| scroll + slot);
        Some((column, row.filter(|&row| row < ids.len())))
    }

    pub(crate) fn click(&mut self, grouping: &Grouping, at: Position) -> Clicked {
        let Some((column, row)) = self.card_at(grouping, at) else {
            return Clicked::Nothing;
        };
        let cursor = &mut self.cursor;
        if let Some(row) = row {
            if cursor.column == column && cursor.rows[column] == row {
                return Clicked::Open;
            }
            cursor.rows[column] = row;
        }
        cursor.column = column;
        Clicked::Selected
    }

    /// Scrolls the column under the pointer by one card; that column's selection stays in view.
    pub(crate) fn wheel(&mut self, grouping: &Grouping, at: Position, down: bool) {
        let Some((column, _)) = self.card_at(grouping, at) else {
            return;
        };
        let visible = self.layout.visible[column];
        let len = grouping.columns[column].len();
        let cursor = &mut self.cursor;
        let scroll = super::wheel_step(cursor.scroll[column], down, 1, len.saturating_sub(visible));
        cursor.scroll[column] = scroll;
        let last_shown = (scroll + visible - 1).min(len.saturating_sub(1));
        cursor.rows[column] = cursor.rows[column].clamp(scroll.min(last_shown), last_shown);
    }
}
