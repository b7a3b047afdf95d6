//! Meeting review: one task a screen, large and readable on a projector.
//!
//! On a wide screen the task (title, standing, units, its whole text) takes the left column and
//! what has happened to it (milestones, the latest notes, its recent changes) the right, so a
//! 200x60 projector is filled; on a narrow one the same parts follow one another and scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, wrap};
use crate::app::{App, Review, joined};
use crate::model::stats::DiscussionGroup;
use crate::model::{Light, Task};

/// How many of the latest notes and changes a page shows: more on a tall screen.
fn shown(height: u16) -> (usize, usize) {
    if height >= 40 { (6, 12) } else { (3, 5) }
}

/// From this width the page has two columns.
const TWO_COLUMNS: u16 = 120;

pub fn render(app: &App, review: &Review, body: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let Some(task) = review.current().and_then(|id| app.board().task(id)) else {
        return;
    };
    let group = match review.group() {
        Some(DiscussionGroup::OverdueOrBlocked) => s.group_overdue_blocked,
        Some(DiscussionGroup::DueSoon) => s.group_due_soon,
        Some(DiscussionGroup::OnTrack) => s.group_on_track,
        Some(DiscussionGroup::Done) | None => s.group_done,
    };
    let progress = format!(
        " {} {}/{}  {group} ",
        s.review_title,
        review.index + 1,
        review.items.len()
    );
    let block = super::overlay_block(app, progress).title_bottom(Line::styled(
        format!(" {} ", joined(&app.review_hints())),
        theme.dim,
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    let area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let (notes, changes) = shown(area.height);
    if area.width >= TWO_COLUMNS {
        let left_width = area.width * 11 / 20;
        let left = Rect {
            width: left_width.saturating_sub(2),
            ..area
        };
        let right = Rect {
            x: area.x + left_width,
            width: area.width - left_width,
            ..area
        };
        let main = task_lines(app, task, usize::from(left.width));
        let side = record_lines(app, task, usize::from(right.width), notes, changes);
        draw(&main, review.scroll, left, buf);
        draw(&side, review.scroll, right, buf);
    } else {
        let w = usize::from(area.width);
        let mut lines = task_lines(app, task, w);
        lines.push(Line::raw(""));
        lines.extend(record_lines(app, task, w, notes, changes));
        draw(&lines, review.scroll, area, buf);
    }
}

fn draw(lines: &[Line], scroll: usize, area: Rect, buf: &mut Buffer) {
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(area.height)));
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
    }
}

/// The task itself: title, standing (status, deadline, urgency, light), units, the whole text.
fn task_lines(app: &App, task: &Task, w: usize) -> Vec<Line<'static>> {
    let s = app.lang().strings();
    let theme = app.theme();
    let urgency = app.board().urgency(task, app.today());
    let light = app.board().light(task, app.today());
    let mut lines: Vec<Line> = Vec::new();
    for part in wrap(&format!("#{} {}", app.task_number(task.id), task.title), w) {
        lines.push(Line::styled(part, theme.title));
    }
    lines.push(Line::raw(""));
    let mut standing = vec![
        Span::styled(format!("{} ", s.status), theme.dim),
        Span::styled(
            format!("{}   ", app.lang().status(task.status)),
            theme.title,
        ),
        Span::styled(format!("{} ", s.deadline), theme.dim),
        Span::styled(format!("{}   ", task.deadline), theme.title),
        Span::styled(
            format!(" {} ", app.lang().urgency(urgency)),
            theme.urgency(urgency),
        ),
    ];
    if light != Light::None {
        let badge = app.lang().light_badge(light, theme.bar == "#");
        let style = match light {
            Light::Red => theme.overdue,
            Light::Yellow => theme.due_soon,
            _ => theme.on_track,
        };
        standing.push(Span::raw("  "));
        standing.push(Span::styled(badge, style));
    }
    lines.push(Line::from(standing));
    lines.extend(super::detail::unit_lines(app, task, w));
    lines.push(Line::raw(""));
    for part in wrap(&task.text, w) {
        lines.push(Line::styled(part, theme.text));
    }
    lines
}

/// What has happened to the task: its milestones, the latest notes, its recent changes (up to
/// the date in use: looking back shows nothing later).
fn record_lines(
    app: &App,
    task: &Task,
    w: usize,
    notes: usize,
    changes: usize,
) -> Vec<Line<'static>> {
    let s = app.lang().strings();
    let labels = app.lang().dashboard_labels();
    let theme = app.theme();
    let today = app.today();
    let mut lines: Vec<Line> = Vec::new();
    if !task.milestones.is_empty() {
        let done = task.milestones.iter().filter(|m| m.is_done()).count();
        lines.push(Line::styled(
            format!(
                "{} ({done}/{})",
                labels.milestones_heading,
                task.milestones.len()
            ),
            theme.dim,
        ));
        let warn = app.board().settings.warn_days;
        for m in &task.milestones {
            let (state, style) = match m.completed_on {
                Some(on) => (
                    format!("{} {on}", app.lang().milestone_labels().completed_on),
                    theme.done,
                ),
                None => {
                    let u = m.urgency(today, warn);
                    (app.lang().urgency(u), theme.urgency(u))
                }
            };
            let head = format!("{}. {}  ", m.number, m.due);
            let title_room = w.saturating_sub(head.len() + crate::text::width(&state) + 2);
            lines.push(Line::from(vec![
                Span::styled(head, theme.key),
                Span::styled(
                    truncate(&safe(&m.title), title_room, theme.ellipsis).into_owned(),
                    theme.text,
                ),
                Span::raw("  "),
                Span::styled(state, style),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let heading = format!("{} ({})", s.latest_notes, task.notes.len());
    lines.extend(super::detail::notes_section(
        app,
        task,
        heading,
        w,
        notes,
        "%Y-%m-%d %H:%M",
    ));
    let recent: Vec<_> = app
        .history()
        .for_task(task.id)
        .rev()
        .filter(|e| e.date() <= today)
        .take(changes)
        .collect();
    if !recent.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(labels.history_heading.to_string(), theme.dim));
        for entry in recent {
            let head = format!(
                "{} {}",
                entry.at.format("%Y-%m-%d %H:%M"),
                safe(&entry.user)
            );
            lines.push(Line::styled(
                truncate(&head, w, theme.ellipsis).into_owned(),
                theme.key,
            ));
            let what = super::detail::describe_change(app, &entry.change);
            for part in wrap(&what, w.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {part}")));
            }
        }
    }
    lines
}
