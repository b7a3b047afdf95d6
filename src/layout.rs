//! Screen geometry shared by drawing and by the app's scrolling and mouse logic, so both agree on
//! what fits and where things are. It knows sizes and counts, nothing of the app or of drawing:
//! `app` keeps a [`Geometry`] computed once per resize (or when the filter bar comes or goes), and
//! `ui` computes the same areas from the frame it is given.

use ratatui::layout::{Constraint, Layout, Rect};

mod status;
pub use status::{Density, STRIP_WIDTH, StatusLayout};

/// Below this the board shows a short message instead of a broken layout.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 10;

/// The most that is drawn, whatever size the terminal reports: a terminal (or a broken pty) may say
/// 65535x65535, and a screen buffer that size would take hundreds of gigabytes. Beyond this the
/// rest of the window stays blank.
pub const MAX_DRAWN_WIDTH: u16 = 1000;
pub const MAX_DRAWN_HEIGHT: u16 = 500;

/// The area drawn on a terminal of this reported size.
pub fn drawn_area(width: u16, height: u16) -> Rect {
    Rect::new(
        0,
        0,
        width.min(MAX_DRAWN_WIDTH),
        height.min(MAX_DRAWN_HEIGHT),
    )
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Header line, headline (the counts that matter, on every screen), the conflicts line (one
/// line while the board holds merge conflicts: they block `check` until settled, so they are in
/// sight on every view), filter bar (one line while a search or filter is active), body, footer
/// line.
pub fn frame_areas(area: Rect, bars: Bars) -> [Rect; 6] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(bars.conflicts)),
        Constraint::Length(u16::from(bars.filter)),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The one-line bars that come and go above the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bars {
    /// A search or filter is active.
    pub filter: bool,
    /// The board holds merge conflicts.
    pub conflicts: bool,
}

pub fn body(area: Rect, bars: Bars) -> Rect {
    frame_areas(area, bars)[4]
}

/// From this width on, a pane of the unit list has room for the role, the number, a whole title
/// of the plan, the light and the urgency; the list flows into as many panes as fit (up to three),
/// so that every unit of the plan is in sight at 120x40.
pub const UNIT_PANE_MIN: u16 = 56;

/// The panes of the unit list inside its border, left to right, two cells apart.
pub fn unit_panes(body: Rect) -> Vec<Rect> {
    let inner = Rect::new(
        body.x.saturating_add(1),
        body.y.saturating_add(1),
        body.width.saturating_sub(2),
        body.height.saturating_sub(2).max(1),
    );
    let n = (inner.width / UNIT_PANE_MIN).clamp(1, 3);
    let width = inner.width.saturating_sub(2 * (n - 1)) / n;
    (0..n)
        .map(|i| Rect::new(inner.x + i * (width + 2), inner.y, width, inner.height))
        .collect()
}

/// Lines of the unit view's list: every pane's (the body less its border).
pub fn unit_rows_visible(body: Rect) -> usize {
    unit_panes(body)
        .iter()
        .map(|p| usize::from(p.height))
        .sum::<usize>()
        .max(1)
}

/// The detail and help overlays cover the body, never the headline (the counts stay in sight on
/// every screen), leaving a margin on wide screens.
pub fn overlay(area: Rect) -> Rect {
    let [_, _, _, _, body, _] = frame_areas(area, Bars::default());
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

/// Width from which the dashboard's sections sit in two columns.
pub const DASHBOARD_TWO_COLUMNS: u16 = 120;

/// Where the dashboard's sections go on a page of some width: each column lists the sections (by
/// their index in the heights given) with their heights, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardPage {
    pub left: Vec<(usize, u16)>,
    pub right: Vec<(usize, u16)>,
    pub column_width: u16,
    /// How tall the whole page is (at least 1): the app clamps its scrolling with it.
    pub height: u16,
}

impl DashboardPage {
    /// On a wide screen the sections, in order, split where the two columns come out closest in
    /// height; all in one column otherwise.
    pub fn arrange(width: u16, heights: &[u16]) -> DashboardPage {
        let two = width >= DASHBOARD_TWO_COLUMNS && heights.len() > 1;
        let column_width = if two { width / 2 } else { width };
        let sections: Vec<(usize, u16)> = heights.iter().copied().enumerate().collect();
        let total: u32 = heights.iter().map(|h| u32::from(*h)).sum();
        let split = if two {
            (1..sections.len())
                .min_by_key(|k| {
                    let left: u32 = heights[..*k].iter().map(|h| u32::from(*h)).sum();
                    left.max(total - left)
                })
                .unwrap_or(sections.len())
        } else {
            sections.len()
        };
        let (left, right) = (sections[..split].to_vec(), sections[split..].to_vec());
        let height_of = |list: &[(usize, u16)]| list.iter().map(|(_, h)| *h).sum::<u16>();
        let height = height_of(&left).max(height_of(&right)).max(1);
        DashboardPage {
            left,
            right,
            column_width,
            height,
        }
    }

    /// Rows of the page shown in a body this tall: all of it, or all but the last row, which
    /// then says which rows are shown (so the marker never covers the page's text).
    pub fn view_height(&self, body_height: u16) -> u16 {
        if self.height > body_height {
            body_height.saturating_sub(1).max(1)
        } else {
            body_height
        }
    }

    /// The largest scroll in a body this tall.
    pub fn max_scroll(&self, body_height: u16) -> u16 {
        self.height.saturating_sub(self.view_height(body_height))
    }
}

/// The areas of one screen size, worked out once when the size (or the filter bar) changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub screen: Rect,
    pub too_small: bool,
    pub header: Rect,
    pub headline: Rect,
    pub conflict_bar: Rect,
    pub filter_bar: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub unit_rows_visible: usize,
    /// The box of the detail and help overlays.
    pub overlay: Rect,
}

impl Geometry {
    pub fn new(screen: Rect, bars: Bars) -> Geometry {
        let [header, headline, conflict_bar, bar, body, footer] = frame_areas(screen, bars);
        Geometry {
            screen,
            too_small: too_small(screen),
            header,
            headline,
            conflict_bar,
            filter_bar: bar,
            body,
            footer,
            unit_rows_visible: unit_rows_visible(body),
            overlay: overlay(screen),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_reported_terminal_is_drawn_at_the_cap_and_a_normal_one_whole() {
        assert_eq!(drawn_area(65535, 65535), Rect::new(0, 0, 1000, 500));
        assert_eq!(drawn_area(120, 40), Rect::new(0, 0, 120, 40));
        assert_eq!(drawn_area(2000, 30), Rect::new(0, 0, 1000, 30));
    }

    #[test]
    fn a_wide_dashboard_splits_its_sections_where_the_columns_are_closest_in_height() {
        let page = DashboardPage::arrange(140, &[12, 8, 5, 30]);
        assert_eq!(page.left, vec![(0, 12), (1, 8), (2, 5)]);
        assert_eq!(page.right, vec![(3, 30)]);
        assert_eq!((page.column_width, page.height), (70, 30));
        let narrow = DashboardPage::arrange(80, &[12, 8, 5, 30]);
        assert_eq!((narrow.right.len(), narrow.height), (0, 55));
    }
}
