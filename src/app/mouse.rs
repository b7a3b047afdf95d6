//! The mouse: a click selects a card (status view) or a task row (unit view), a click on the
//! selected one opens it (so a double-click opens a card), the wheel scrolls the column or list
//! under the pointer, a click on a header tab switches views, a click beside an overlay closes it.
//!
//! Positions come from the app's `Geometry`, worked out by the same layout functions the drawing uses, and whatever a key
//! can do goes through `update` as that key's action, so the mouse never behaves differently.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{App, Effect, UnitRow, View};
use crate::action::Action;

/// Rows of the unit list one wheel notch scrolls (cards in a column scroll one at a time).
const WHEEL_ROWS: usize = 3;

pub(super) fn on_mouse(app: &mut App, event: &MouseEvent) -> Effect {
    // A dialog takes typed input only; the screen may be too small to show anything clickable.
    if app.dialog().is_some() || app.geometry.too_small {
        return Effect::None;
    }
    let at = Position::new(event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(app, at),
        MouseEventKind::ScrollDown => wheel(app, at, true),
        MouseEventKind::ScrollUp => wheel(app, at, false),
        _ => Effect::None,
    }
}

fn click(app: &mut App, at: Position) -> Effect {
    if at.y == app.screen.y {
        return match tab_at(app, at.x) {
            Some(action) => {
                app.close_overlays();
                app.update(action)
            }
            None => Effect::None,
        };
    }
    if app.overlay().is_some() {
        if !app.geometry.overlay.contains(at) {
            return app.update(Action::Back);
        }
        return Effect::None;
    }
    let body = app.body();
    if app.review().is_some() || !body.contains(at) {
        return Effect::None;
    }
    match app.view {
        View::Status => click_status(app, at),
        View::Units => click_units(app, body, at),
        _ => Effect::None,
    }
}

/// The action of the header tab under column `x`, from the tab list the header is drawn with.
fn tab_at(app: &App, x: u16) -> Option<Action> {
    let header = app.geometry.header;
    app.header_tab_areas(header)
        .into_iter()
        .find(|(_, area)| area.contains(Position::new(x, header.y)))
        .map(|(action, _)| action)
}

/// A card under the pointer, as (column, row in that column), or just the column when the
/// pointer is on a column but not on a card.
fn card_at(app: &App, at: Position) -> Option<(usize, Option<usize>)> {
    let layout = app.status_layout;
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
    let ids = &app.grouping.columns[column];
    let scroll = app.status_cursor.scroll[column].min(ids.len().saturating_sub(1));
    let row = slot.map(|slot| scroll + slot);
    Some((column, row.filter(|&row| row < ids.len())))
}

fn click_status(app: &mut App, at: Position) -> Effect {
    let Some((column, row)) = card_at(app, at) else {
        return Effect::None;
    };
    let cursor = &mut app.status_cursor;
    if let Some(row) = row {
        if cursor.column == column && cursor.rows[column] == row {
            return app.update(Action::OpenDetail);
        }
        cursor.rows[column] = row;
    }
    cursor.column = column;
    app.message = None;
    Effect::None
}

fn click_units(app: &mut App, body: Rect, at: Position) -> Effect {
    let rows = &app.grouping.unit_rows;
    let scroll = app.unit_cursor.scroll.min(rows.len().saturating_sub(1));
    // The list flows down each pane and on into the next, as `ui::unit_board` draws it.
    let panes = crate::layout::unit_panes(body);
    let Some(pane) = panes.iter().position(|p| p.contains(at)) else {
        return Effect::None;
    };
    let before: usize = panes[..pane].iter().map(|p| usize::from(p.height)).sum();
    let row = scroll + before + usize::from(at.y - panes[pane].y);
    if !matches!(rows.get(row), Some(UnitRow::Task { .. })) {
        return Effect::None;
    }
    if app.unit_cursor.row == row {
        return app.update(Action::OpenDetail);
    }
    app.unit_cursor.row = row;
    app.message = None;
    Effect::None
}

fn wheel(app: &mut App, at: Position, down: bool) -> Effect {
    if app.overlay().is_some() {
        let step = if down { Action::Down } else { Action::Up };
        for _ in 0..WHEEL_ROWS {
            app.update(step);
        }
        return Effect::None;
    }
    let body = app.body();
    if app.review().is_some() || !body.contains(at) {
        return Effect::None;
    }
    match app.view {
        View::Status => wheel_column(app, at, down),
        View::Units => wheel_units(app, down),
        // The changes view scrolls as its keys do.
        View::Changes => {
            let step = if down { Action::Down } else { Action::Up };
            for _ in 0..WHEEL_ROWS {
                app.update(step);
            }
        }
        _ => {}
    }
    Effect::None
}

/// Scrolls the column under the pointer by one card; that column's selection stays in view.
fn wheel_column(app: &mut App, at: Position, down: bool) {
    let Some((column, _)) = card_at(app, at) else {
        return;
    };
    let visible = app.status_layout.visible[column];
    let len = app.grouping.columns[column].len();
    let cursor = &mut app.status_cursor;
    let scroll = step(cursor.scroll[column], down, 1, len.saturating_sub(visible));
    cursor.scroll[column] = scroll;
    let last_shown = (scroll + visible - 1).min(len.saturating_sub(1));
    cursor.rows[column] = cursor.rows[column].clamp(scroll.min(last_shown), last_shown);
}

/// Scrolls the unit list; the selection moves to the nearest task still in view.
fn wheel_units(app: &mut App, down: bool) {
    let visible = app.geometry.unit_rows_visible;
    let rows = &app.grouping.unit_rows;
    let cursor = &mut app.unit_cursor;
    let scroll = step(
        cursor.scroll,
        down,
        WHEEL_ROWS,
        rows.len().saturating_sub(visible),
    );
    cursor.scroll = scroll;
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

fn step(value: usize, down: bool, by: usize, max: usize) -> usize {
    if down {
        (value + by).min(max)
    } else {
        value.saturating_sub(by).min(max)
    }
}
