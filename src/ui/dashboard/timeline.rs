//! The deadlines on a line from the plan's date to the last deadline (or the date in use, if
//! later): a `+` per deadline and `|` for the date in use, the months under the ticks where they
//! fit, a caret naming the date in use; then one line per deadline with its tasks' standing.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Dashboard};
use crate::model::Status;
use crate::ui::text::width;

/// Places labels on a row without overlap: each wants to start at a column (or end there when
/// it would run past the right), and is left out when it would touch one already placed.
fn place(labels: &[(u16, String)], left: u16, right: u16) -> Vec<(u16, String)> {
    let mut placed: Vec<(u16, u16, String)> = Vec::new();
    for (at, text) in labels {
        let w = width(text) as u16;
        if w > right.saturating_sub(left) {
            continue;
        }
        let start = if at + w <= right { *at } else { right - w }.max(left);
        let end = start + w;
        // One blank cell between labels.
        if placed.iter().all(|(s, e, _)| end < *s || start > *e) {
            placed.push((start, end, text.clone()));
        }
    }
    placed.into_iter().map(|(s, _, t)| (s, t)).collect()
}

pub(super) fn timeline(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = app.theme();
    if area.height < 3 || area.width < 4 {
        return;
    }
    let tl = &dash.timeline;
    let start = app.board().plan.issued_on.min(tl.today);
    let end = tl
        .milestones
        .last()
        .map_or(tl.today, |m| m.deadline)
        .max(tl.today);
    let span = (end - start).num_days().max(1) as f64;
    let w = area.width;
    let x_of = |date: NaiveDate| {
        let f = ((date - start).num_days().max(0) as f64 / span).min(1.0);
        area.x + ((f * f64::from(w - 1)).round() as u16)
    };
    // ASCII marks: they are one cell wide on every terminal.
    buf.set_string(area.x, area.y, "-".repeat(usize::from(w)), theme.dim);
    for m in &tl.milestones {
        let style = if m.overdue() > 0 {
            theme.overdue
        } else {
            theme.on_track
        };
        buf.set_string(x_of(m.deadline), area.y, "+", style);
    }
    let tick = x_of(tl.today);
    buf.set_string(tick, area.y, "|", theme.key);
    // The months under the ticks: the plan's date first, then the last, then each deadline.
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let mut wanted = vec![(x_of(start), month(start))];
    let last = month(end);
    wanted.push((area.right().saturating_sub(width(&last) as u16), last));
    wanted.extend(
        tl.milestones
            .iter()
            .map(|m| (x_of(m.deadline), month(m.deadline))),
    );
    for (x, label) in place(&wanted, area.x, area.right()) {
        buf.set_string(x, area.y + 1, label, theme.dim);
    }
    // The caret points at the tick: the label starts there when it fits, else ends there (as it
    // does when today is past the last deadline, at the right end of the line).
    let words = format!("{} {}", s.today, tl.today);
    let after = format!("^ {words}");
    let (x, label) = if usize::from(tick) + width(&after) <= usize::from(area.right()) {
        (tick, after)
    } else {
        let before = format!("{words} ^");
        let x = (usize::from(tick) + 1).saturating_sub(width(&before));
        (x.max(usize::from(area.x)) as u16, before)
    };
    if usize::from(x) + width(&label) <= usize::from(area.right()) {
        buf.set_string(x, area.y + 2, label, theme.key);
    }

    for (i, m) in tl.milestones.iter().enumerate() {
        let y = area.y + 3 + i as u16;
        if y >= area.bottom() {
            break;
        }
        let mut parts = vec![
            (format!("{}", m.deadline), theme.title),
            (app.lang().count_tasks(m.tasks.len()), theme.text),
            (
                format!(
                    "{} {}",
                    app.lang().status(Status::Done),
                    m.count(Status::Done)
                ),
                theme.done,
            ),
            (
                format!("{} {}", s.urgency_overdue, m.overdue()),
                if m.overdue() > 0 {
                    theme.overdue
                } else {
                    theme.dim
                },
            ),
        ];
        if m.deadline < tl.today {
            parts.push((format!("({})", s.passed), theme.dim));
        }
        super::fitting_parts(
            parts,
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}
