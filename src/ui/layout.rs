//! Screen geometry shared by drawing and by the app's scrolling logic, so both agree on what fits.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the board shows a short message instead of a broken layout.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 10;

/// Lines one card takes in a status column, including the gap after it.
pub const CARD_HEIGHT: u16 = 4;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Header line, filter bar (one line while a search or filter is active), body, footer line.
pub fn frame_areas(area: Rect, filter_bar: bool) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(filter_bar)),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn body(area: Rect, filter_bar: bool) -> Rect {
    frame_areas(area, filter_bar)[2]
}

/// The four status columns, sharing the width evenly.
pub fn status_columns(body: Rect) -> [Rect; 4] {
    Layout::horizontal([Constraint::Ratio(1, 4); 4]).areas(body)
}

/// How many cards fit in a column of a body this size (at least one).
pub fn cards_per_column(body: Rect) -> usize {
    let inner = body.height.saturating_sub(2);
    usize::from(((inner + 1) / CARD_HEIGHT).max(1))
}

/// Lines of the unit view's list (the body less its border).
pub fn unit_rows_visible(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(2).max(1))
}

/// The detail and help overlays cover the body, leaving a margin on wide screens.
pub fn overlay(area: Rect) -> Rect {
    let body = body(area, false);
    let margin = if body.width > 100 {
        (body.width - 100) / 2
    } else {
        0
    };
    Rect {
        x: body.x + margin,
        width: body.width - 2 * margin,
        ..body
    }
}

/// Where the header's view tabs are, for the mouse. The header right-aligns its tabs followed by
/// `trailing` cells (the date, the read-only mark): the tabs start where all of that, ending at
/// the right edge, begins (at the left edge when it does not fit). `tabs` are the tabs' widths in
/// drawing order; each area is clipped to the header.
pub fn header_tab_areas(header: Rect, tabs: &[usize], trailing: usize) -> Vec<Rect> {
    let total = tabs.iter().sum::<usize>() + trailing;
    let start = usize::from(header.width).saturating_sub(total);
    let mut x = usize::from(header.x) + start;
    let right = usize::from(header.right());
    tabs.iter()
        .map(|&w| {
            let left = x.min(right);
            x += w;
            let width = x.min(right) - left;
            Rect::new(left as u16, header.y, width as u16, 1)
        })
        .collect()
}
