//! The approvals list (待审批申请): one row a request (task, kind, who, when, the new date or the
//! note, a late request marked), and below it the selected request in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fit, safe, truncate, wrap};
use crate::app::{App, Approvals};
use crate::model::Request;

/// Rows kept for the selected request's full text when the body has room for it.
const DETAIL_ROWS: u16 = 6;

pub fn render(app: &App, approvals: &Approvals, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let l = app.lang().approval_labels();
    let board = app.board();
    let items = Approvals::items(board);
    let Some(frame) = super::list_box::ListBox::draw(
        app,
        format!(" {} {} ", l.list_title, items.len()),
        DETAIL_ROWS,
        area,
        buf,
    ) else {
        return;
    };
    let inner = frame.inner;
    if items.is_empty() {
        buf.set_string(inner.x + 1, inner.y, l.no_requests, theme.dim);
        return;
    }
    let (with_detail, list_rows) = (frame.with_detail, frame.list_rows);
    let selected = approvals.index(board);
    let first = frame.first_shown(selected);
    let w = usize::from(inner.width);
    for (row, (i, (task, request))) in items
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_rows))
        .enumerate()
    {
        let y = inner.y + row as u16;
        let line = row_text(app, task.id, &task.title, request);
        let style = if i == selected {
            theme.selected
        } else if is_late(request) {
            theme.overdue
        } else {
            theme.text
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        buf.set_string(inner.x, y, fit(&line, w, theme.ellipsis), style);
    }
    if with_detail && let Some((task, request)) = items.get(selected) {
        let top = inner.y + list_rows;
        buf.set_string(
            inner.x,
            top,
            theme.border_set.horizontal_top.repeat(w),
            theme.dim,
        );
        let area = Rect::new(inner.x, top + 1, inner.width, DETAIL_ROWS - 1);
        detail(app, task, request, area, buf);
    }
}

fn is_late(request: &Request) -> bool {
    matches!(request, Request::Extend { late: true, .. })
}

/// `#3  申请销号  lina  2025-05-20  title — note`.
fn row_text(app: &App, id: u32, title: &str, request: &Request) -> String {
    let l = app.lang().approval_labels();
    let e = app.theme().ellipsis;
    let (kind, what) = match request {
        Request::Close { note, .. } => (l.kind_close, one_line(note)),
        Request::Extend {
            to, reason, late, ..
        } => {
            let late = late_tag(app, *late);
            (
                l.kind_extend,
                format!("{} {to}{late} {}", l.new_deadline, one_line(reason)),
            )
        }
    };
    format!(
        "{} {} {} {} {} - {what}",
        fit(&format!("#{}", app.task_number(id)), 4, e),
        fit(kind, 10, e),
        fit(&safe(request.by()), 10, e),
        request.at().date_naive(),
        truncate(&safe(title), 24, e),
    )
}

fn one_line(text: &str) -> String {
    safe(text).replace('\n', " ")
}

/// The selected request in full: the task, who asked when, the deadline and what was asked.
fn detail(app: &App, task: &crate::model::Task, request: &Request, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let l = app.lang().approval_labels();
    let w = usize::from(area.width);
    let mut lines: Vec<(String, ratatui::style::Style)> = vec![(
        format!("#{} {}", app.task_number(task.id), safe(&task.title)),
        theme.title,
    )];
    lines.push((
        format!(
            "{} {}  {} {}  {} {}",
            l.by,
            safe(request.by()),
            l.asked_on,
            request.at().date_naive(),
            l.current_deadline,
            task.deadline
        ),
        theme.dim,
    ));
    let text = request_text(app, request);
    for part in text.split('\n') {
        lines.extend(wrap(part, w).into_iter().map(|l| (l, theme.text)));
    }
    for (row, (text, style)) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        let shown = truncate(&text, w, theme.ellipsis);
        buf.set_string(area.x, area.y + row as u16, shown, style);
    }
}

/// A request in full: the note of a closure, or the new date (marked when asked late) and the
/// reason of an extension. The approvals list and the decide dialog both show it.
pub(super) fn request_text(app: &App, request: &Request) -> String {
    let l = app.lang().approval_labels();
    match request {
        Request::Close { note, .. } => format!("{}: {}", l.note, safe(note)),
        Request::Extend {
            to, reason, late, ..
        } => format!(
            "{} {to}{}  {}: {}",
            l.new_deadline,
            late_tag(app, *late),
            l.reason,
            safe(reason)
        ),
    }
}

/// ` [逾期提出]` for an extension asked after the deadline, nothing otherwise.
fn late_tag(app: &App, late: bool) -> String {
    match late {
        true => format!(" [{}]", app.lang().approval_labels().late),
        false => String::new(),
    }
}
