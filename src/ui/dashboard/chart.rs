//! The chart over time (issue 12): tasks done, overdue and needing coordination at the end of
//! each week from the plan's date to the date in use. Each series is a strip of its own, named in
//! words with its latest figure, so it reads without colour; the strips share one scale (the
//! tasks there were) and one dated axis. Block glyphs, or ASCII marks with `--ascii`, each
//! series with its own full mark.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{ascii, put};
use crate::app::{App, Dashboard, SERIES_ROWS};
use crate::model::Status;
use crate::model::stats::progress::WeekPoint;
use crate::ui::text::{fit, width};

/// A series: its name, its figure of a point, its colour and its full ASCII mark.
type Series<'a> = (&'a str, fn(&WeekPoint) -> usize, Style, &'static str);

const BLOCKS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// The chart's points: the weeks before the date in use and the date in use itself.
fn points(app: &App, dash: &Dashboard) -> Option<Vec<WeekPoint>> {
    let mut points = app.progress_weeks()?.to_vec();
    let sum = &dash.summary;
    if app.today() >= app.board().plan.issued_on {
        points.push(WeekPoint {
            date: app.today(),
            total: sum.total,
            done: sum.count(Status::Done),
            overdue: sum.overdue,
            blocked: sum.count(Status::Blocked),
        });
    }
    Some(points)
}

/// The glyph of one row of a strip: `level` eighths of that row filled.
fn glyph(level: usize, ascii: bool, full: &'static str) -> &'static str {
    match (ascii, level) {
        (_, 0) => " ",
        (false, l) => BLOCKS[l.min(8)],
        (true, 1..=3) => ".",
        (true, 4..=6) => ":",
        (true, _) => full,
    }
}

pub(super) fn progress(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let labels = app.lang().dashboard_labels();
    if area.height == 0 {
        return;
    }
    let Some(points) = points(app, dash) else {
        put(
            app,
            buf,
            area.x,
            area.y,
            labels.history_loading,
            usize::from(area.width),
            theme.dim,
        );
        return;
    };
    if points.is_empty() {
        put(
            app,
            buf,
            area.x,
            area.y,
            labels.no_weeks,
            usize::from(area.width),
            theme.dim,
        );
        return;
    }
    let last = points[points.len() - 1];
    let series: [Series; 3] = [
        (app.lang().status(Status::Done), |p| p.done, theme.done, "#"),
        (
            app.lang().strings().urgency_overdue,
            |p| p.overdue,
            theme.overdue,
            "X",
        ),
        (
            app.lang().status(Status::Blocked),
            |p| p.blocked,
            theme.due_soon,
            "?",
        ),
    ];
    // Left of the strips: each series' name and its figure on the date in use.
    let name_width = series.iter().map(|(n, ..)| width(n)).max().unwrap_or(0);
    let figure_width = points
        .iter()
        .map(|p| p.total)
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let head_width = name_width + 1 + figure_width + 1;
    let room = usize::from(area.width);
    // On the narrowest screens the strip keeps at least 12 cells and the names give way.
    let head_width = head_width.min(room.saturating_sub(12));
    let strip = room.saturating_sub(head_width);
    if strip == 0 {
        return;
    }
    let scale = points.iter().map(|p| p.total).max().unwrap_or(0).max(1);
    let levels = usize::from(SERIES_ROWS) * 8;
    // One column per week when they fit; else each column shows the last week it covers.
    let columns = points.len().min(strip);
    // Few weeks (a young plan) spread over the strip rather than huddle at its left.
    let cell = (strip / columns).max(1);
    let point_of = |c: usize| &points[((c + 1) * points.len()).div_ceil(columns) - 1];
    for (k, (name, value, style, full)) in series.iter().enumerate() {
        let top = area.y + k as u16 * SERIES_ROWS;
        if top >= area.bottom() {
            break;
        }
        let head = format!(
            "{} {:>figure_width$}",
            fit(name, name_width, theme.ellipsis),
            value(&last)
        );
        put(
            app,
            buf,
            area.x,
            top,
            &head,
            head_width.saturating_sub(1),
            theme.text,
        );
        for c in 0..columns {
            let v = value(point_of(c));
            let mut level = (v * levels).div_ceil(scale);
            if v > 0 {
                level = level.max(1);
            }
            for row in 0..SERIES_ROWS {
                let y = top + SERIES_ROWS - 1 - row;
                if y >= area.bottom() {
                    continue;
                }
                let here = level.saturating_sub(usize::from(row) * 8).min(8);
                let x = area.x + (head_width + c * cell) as u16;
                let mark = glyph(here, ascii(app), full).repeat(cell);
                buf.set_string(x, y, mark, *style);
            }
        }
    }
    // The dated axis under the strips: the first week's month at the left, the last at the right.
    let y = area.y + 3 * SERIES_ROWS;
    if y < area.bottom() {
        let first = points[0].date.format("%Y-%m").to_string();
        let end = last.date.format("%Y-%m").to_string();
        let x0 = area.x + head_width as u16;
        let used = x0 + (columns * cell) as u16;
        if width(&first) + 1 + width(&end) <= columns * cell {
            buf.set_string(x0, y, &first, theme.dim);
            buf.set_string(used - width(&end) as u16, y, &end, theme.dim);
        } else if width(&end) <= strip {
            buf.set_string(x0, y, &end, theme.dim);
        }
    }
}
