//! The changes view: a line saying what the window is (since the last meeting, or why not), then
//! each task's heading and its changes, one a line — when, who, what — worded as
//! `ftz-board changes` words them. And the start dialog (`S`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::dialogs::{centred, editor, frame};
use super::text::{safe, truncate, width};
use crate::app::{App, ChangesRow, ChangesWindow, StartDialog, joined};
use crate::model::changes::ChangeItem;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let labels = app.lang().changes_labels();
    let block = Block::bordered()
        .border_set(theme.border_set)
        .border_style(theme.border_focus)
        .title(Line::styled(format!(" {} ", labels.title), theme.title));
    let inner = block.inner(body);
    block.render(body, buf);
    let area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    if area.height == 0 || area.width == 0 {
        return;
    }
    let w = usize::from(area.width);
    let view = app.changes_view();
    let Some(window) = view.window() else {
        // The history is read after the first frame: until it is here there is nothing to say.
        put(buf, area, 0, labels.loading, theme.dim, w, theme.ellipsis);
        return;
    };
    let mut summary = app.lang().changes_window(
        window.reason,
        window.since,
        window.until,
        window.items.len(),
    );
    if let Some(day) = window.incomplete_until {
        summary.push_str(&app.lang().changes_incomplete(day));
    }
    put(buf, area, 0, &summary, theme.info, w, theme.ellipsis);
    if window.rows.is_empty() {
        if area.height > 2 {
            put(buf, area, 2, labels.nothing, theme.dim, w, theme.ellipsis);
        }
        return;
    }
    let visible = usize::from(area.height - 1);
    // The cursor is kept in view by the app for the body it knows; clamp again for this one.
    let mut scroll = view.scroll().min(view.cursor());
    if view.cursor() >= scroll + visible {
        scroll = view.cursor() + 1 - visible;
    }
    // Long windows: the month and day are enough when the line is short.
    let time_format = if w >= 70 {
        "%Y-%m-%d %H:%M"
    } else {
        "%m-%d %H:%M"
    };
    for (i, row) in window.rows.iter().enumerate().skip(scroll).take(visible) {
        let y = (i - scroll + 1) as u16;
        let (text, style) = match row {
            ChangesRow::Task { task, first, count } => {
                (heading(app, window, *task, *first, *count), theme.title)
            }
            ChangesRow::Item(index) => {
                let Some(item) = window.items.get(*index) else {
                    continue;
                };
                (item_line(app, item, time_format), item_style(app, item))
            }
        };
        let style = if i == view.cursor() {
            theme.selected
        } else {
            style
        };
        if i == view.cursor() {
            buf.set_style(Rect::new(area.x, area.y + y, area.width, 1), theme.selected);
        }
        put(buf, area, y, &text, style, w, theme.ellipsis);
    }
}

/// One line of text at row `y` of `area`, cut to fit.
fn put(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style, w: usize, ellipsis: &str) {
    if y >= area.height {
        return;
    }
    let text = truncate(text, w, ellipsis);
    buf.set_stringn(area.x, area.y + y, text, w, style);
}

/// "#3 支持企业申请AEO认证": the title on the board shown, else as the changes last had it (a
/// task deleted since).
fn heading(
    app: &App,
    window: &ChangesWindow,
    task: Option<u32>,
    first: usize,
    count: usize,
) -> String {
    let Some(id) = task else {
        return app.lang().changes_labels().board_wide.to_string();
    };
    let title = app.board().task(id).map(|t| t.title.as_str()).or_else(|| {
        window.items[first..first + count]
            .iter()
            .rev()
            .map(|i| i.title.as_str())
            .find(|t| !t.is_empty())
    });
    format!("#{} {}", app.task_number(id), safe(title.unwrap_or("")))
}

/// "  2025-06-01 10:00  lina  状态 推进中 -> 已完成（按期完成）".
fn item_line(app: &App, item: &ChangeItem, time_format: &str) -> String {
    let who = if item.user.is_empty() {
        "-".to_string()
    } else {
        safe(&item.user).into_owned()
    };
    format!(
        "  {}  {who}  {}",
        item.at.format(time_format),
        crate::report::changes::describe(item, app.lang(), "->")
    )
}

/// Red for a deadline that passed, the done colours for a completion; words say the same.
fn item_style(app: &App, item: &ChangeItem) -> Style {
    let theme = app.theme();
    match (item.kind, item.completion) {
        ("became_overdue", _) => theme.overdue,
        (_, Some("late")) => theme.done_late,
        (_, Some(_)) => theme.done,
        _ => theme.text,
    }
}

/// The start dialog: what the window is now, the date typed, and how to pick one.
pub fn start_dialog(
    app: &App,
    dialog: &StartDialog,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let theme = app.theme();
    let labels = dialog.labels();
    let boxed = centred(area, 72.min(area.width), 6);
    super::clear_box(boxed, buf);
    let hints = joined(&dialog.hints(app.lang().strings()));
    let block = frame(app, format!(" {} ", labels.start_title), &hints);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    if inner.height == 0 || inner.width < 3 {
        return None;
    }
    let w = usize::from(inner.width);
    let now = app.changes_view().window().map(|window| {
        app.lang().changes_window(
            window.reason,
            window.since,
            window.until,
            window.items.len(),
        )
    });
    let mut y = 0;
    if let Some(now) = now
        && inner.height > 2
    {
        put(buf, inner, y, &now, theme.dim, w, theme.ellipsis);
        y += 1;
    }
    let prompt = "> ";
    buf.set_string(inner.x, inner.y + y, prompt, theme.key);
    let input = Rect::new(
        inner.x + width(prompt) as u16,
        inner.y + y,
        inner.width.saturating_sub(width(prompt) as u16),
        1,
    );
    let cursor = editor(&dialog.editor, input, buf);
    if y + 1 < inner.height {
        put(
            buf,
            inner,
            y + 1,
            labels.start_help,
            theme.dim,
            w,
            theme.ellipsis,
        );
    }
    // A refused start says why under the input.
    if let Some(message) = app.message()
        && message.is_error
        && y + 2 < inner.height
    {
        put(
            buf,
            inner,
            y + 2,
            &safe(&message.text),
            theme.error,
            w,
            theme.ellipsis,
        );
    }
    cursor
}
