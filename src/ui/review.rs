//! Meeting review: one task a screen, large and readable on a projector.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::wrap;
use crate::app::{App, Review, joined};
use crate::model::stats::DiscussionGroup;

/// How many of the latest notes a review page shows.
const NOTES_SHOWN: usize = 3;

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
    let block = Block::bordered()
        .border_set(theme.border_set)
        .border_style(theme.border_focus)
        .title(Line::styled(progress, theme.title))
        .title_bottom(Line::styled(
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
    let w = usize::from(area.width);
    let urgency = app.board().urgency(task, app.today());
    let mut lines: Vec<Line> = Vec::new();
    for part in wrap(&format!("#{} {}", task.id, task.title), w) {
        lines.push(Line::styled(part, theme.title));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
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
    ]));
    lines.extend(super::detail::unit_lines(app, task, w));
    lines.push(Line::raw(""));
    for part in wrap(&task.text, w) {
        lines.push(Line::styled(part, theme.text));
    }
    lines.push(Line::raw(""));
    let heading = format!("{} ({})", s.latest_notes, task.notes.len());
    lines.extend(super::detail::notes_section(
        app,
        task,
        heading,
        w,
        NOTES_SHOWN,
        "%Y-%m-%d %H:%M",
    ));
    let scroll = review
        .scroll
        .min(lines.len().saturating_sub(usize::from(area.height)));
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        line.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
    }
}
