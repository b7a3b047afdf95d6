//! The summary: overdue, due soon, on-time rate and total; the lights with the share done; one
//! bar per status with its whole name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{ascii, fitting_parts, light_style, percent, put};
use crate::app::{App, Dashboard};
use crate::model::{Light, Status};
use crate::ui::text::{fit, width};

pub(super) fn summary(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = app.theme();
    let sum = &dash.summary;
    if area.height == 0 {
        return;
    }
    // Words first: they carry the meaning on any terminal.
    fitting_parts(
        vec![
            (
                format!("{} {}", s.urgency_overdue, sum.overdue),
                theme.overdue,
            ),
            (
                format!("{} {}", s.urgency_due_soon, sum.due_soon),
                theme.due_soon,
            ),
            (
                format!(
                    "{} {}",
                    s.dash_on_time_rate,
                    percent(sum.on_time_share_of_done(), app)
                ),
                theme.text,
            ),
            (
                format!("{} {}", s.total, app.lang().count_tasks(sum.total)),
                theme.dim,
            ),
        ],
        area,
        buf,
    );
    let done = sum.count(Status::Done);
    let share = if sum.total == 0 {
        0.0
    } else {
        done as f64 / sum.total as f64 * 100.0
    };
    let mut lights: Vec<(String, ratatui::style::Style)> =
        [Light::Red, Light::Yellow, Light::Green]
            .into_iter()
            .map(|light| {
                (
                    format!(
                        "{} {}",
                        app.lang().light_badge(light, ascii(app)),
                        dash.lights.count(light)
                    ),
                    light_style(app, light),
                )
            })
            .collect();
    lights.push((
        format!("{} {done}/{} ({share:.0}%)", s.dash_done_share, sum.total),
        theme.done,
    ));
    fitting_parts(
        lights,
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        },
        buf,
    );
    // One bar per status: the whole name, the count, then the bar (a share of all tasks).
    let label_width = Status::ALL
        .iter()
        .map(|st| width(app.lang().status(*st)))
        .max()
        .unwrap_or(0);
    let count_width = sum.total.to_string().len();
    for (i, status) in Status::ALL.iter().enumerate() {
        let y = area.y + 2 + i as u16;
        if y >= area.bottom() {
            break;
        }
        let n = sum.count(*status);
        let name = app.lang().status(*status);
        let head = format!(
            "{} {n:>count_width$} ",
            fit(name, label_width, theme.ellipsis)
        );
        let room = usize::from(area.width);
        if width(&head) > room {
            put(
                app,
                buf,
                area.x,
                y,
                app.lang().status(*status),
                room,
                theme.text,
            );
            continue;
        }
        buf.set_string(area.x, y, &head, theme.text);
        let bar_room = room - width(&head);
        let len = if sum.total == 0 {
            0
        } else {
            (n * bar_room).div_ceil(sum.total)
        };
        let style = match status {
            Status::Done => theme.done,
            Status::Blocked => theme.due_soon,
            _ => theme.info,
        };
        buf.set_string(
            area.x + width(&head) as u16,
            y,
            theme.bar.repeat(len.min(bar_room)),
            style,
        );
    }
}
