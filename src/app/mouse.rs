//! The mouse: a click selects a card (status view) or a task row (unit view), a click on the
//! selected one opens it (so a double-click opens a card), the wheel scrolls the column or list
//! under the pointer, a click on a header tab switches views, a click beside an overlay closes it.
//!
//! Positions come from the app's `Geometry`, worked out by the same layout functions the drawing uses, and whatever a key
//! can do goes through `update` as that key's action, so the mouse never behaves differently.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::modes::Clicked;
use super::{App, Effect, View};
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
    click_view(app, body, at)
}

/// The action of the header tab under column `x`, from the tab list the header is drawn with.
fn tab_at(app: &App, x: u16) -> Option<Action> {
    let header = app.geometry.header;
    app.header_tab_areas(header)
        .into_iter()
        .find(|(_, area)| area.contains(Position::new(x, header.y)))
        .map(|(action, _)| action)
}

/// A click on the view shown: it says what it did; opening goes through `update` as `Enter`.
fn click_view(app: &mut App, body: Rect, at: Position) -> Effect {
    let clicked = match app.view {
        View::Status => app.status_view.click(&app.grouping, at),
        View::Units => app.unit_view.click(&app.grouping, body, at),
        _ => Clicked::Nothing,
    };
    match clicked {
        Clicked::Open => app.update(Action::OpenDetail),
        Clicked::Selected => {
            app.message = None;
            Effect::None
        }
        Clicked::Nothing => Effect::None,
    }
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
        View::Status => app.status_view.wheel(&app.grouping, at, down),
        View::Units => {
            let visible = app.geometry.unit_rows_visible;
            app.unit_view.wheel(&app.grouping, visible, down);
        }
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
