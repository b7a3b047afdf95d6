//! Drawing the request dialogs: a unit's closure or extension request, and the office's decision.
//! Each returns where the text cursor is (input methods put their window there).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use super::dialogs::{centred, editor, frame};
use super::text::{safe, truncate};
use crate::app::{App, DecideDialog, RequestDialog, RequestKind, joined};

/// The dialog's box and its inner area, cleared and framed.
fn boxed(app: &App, area: Rect, title: String, hint: &str, height: u16, buf: &mut Buffer) -> Rect {
    let boxed = centred(area, 84.min(area.width.saturating_sub(4)).max(30), height);
    super::clear_box(boxed, buf);
    let title = truncate(
        &title,
        usize::from(boxed.width.saturating_sub(4)),
        app.theme().ellipsis,
    )
    .into_owned();
    let block = frame(app, title, hint);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    inner
}

fn task_title(app: &App, id: u32) -> String {
    app.board()
        .task(id)
        .map(|t| safe(&t.title).into_owned())
        .unwrap_or_default()
}

/// One line of text at row `y` of `inner`, cut to fit; nothing below the box.
fn line(
    inner: Rect,
    y: u16,
    text: &str,
    style: ratatui::style::Style,
    app: &App,
    buf: &mut Buffer,
) {
    if y < inner.height {
        let text = truncate(text, usize::from(inner.width), app.theme().ellipsis);
        buf.set_string(inner.x, inner.y + y, text, style);
    }
}

/// The last error (a missing note, a date too early) on the box's last row.
fn problem(app: &App, inner: Rect, buf: &mut Buffer) {
    if let Some(message) = app.message()
        && message.is_error
        && inner.height > 2
    {
        line(
            inner,
            inner.height - 1,
            &safe(&message.text),
            app.theme().error,
            app,
            buf,
        );
    }
}

pub fn request(
    app: &App,
    dialog: &RequestDialog,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let s = app.lang().strings();
    let l = s.approvals;
    let theme = app.theme();
    let heading = match dialog.kind {
        RequestKind::Close => l.close_title,
        RequestKind::Extend => l.extend_title,
    };
    let title = format!(
        " {heading} #{} {} ",
        app.task_number(dialog.id),
        task_title(app, dialog.id)
    );
    let hint = joined(&RequestDialog::hints(s, dialog.kind));
    let inner = boxed(app, area, title, &hint, 13, buf);
    if inner.height < 3 {
        return None;
    }
    let who = format!(
        "{} {}  {} {}",
        l.by,
        safe(app.user_label()),
        l.asked_on,
        app.today()
    );
    line(inner, 0, &who, theme.dim, app, buf);
    let mut cursor = None;
    let mut y = 1;
    if dialog.kind == RequestKind::Extend {
        let deadline = format!("{} {}", l.current_deadline, dialog.deadline);
        line(inner, y, &deadline, theme.dim, app, buf);
        y += 1;
        let label = format!("{} (YYYY-MM-DD) ", l.new_deadline);
        let style = if dialog.on_date { theme.key } else { theme.dim };
        line(inner, y, &label, style, app, buf);
        let label_width = super::text::width(&label) as u16;
        let field = Rect::new(
            inner.x + label_width.min(inner.width),
            inner.y + y,
            inner.width.saturating_sub(label_width),
            1,
        );
        let at = editor(&dialog.date, field, buf);
        if dialog.on_date {
            cursor = at;
        }
        y += 1;
    }
    let label = match dialog.kind {
        RequestKind::Close => l.note,
        RequestKind::Extend => l.reason,
    };
    let style = if dialog.on_date { theme.dim } else { theme.key };
    line(inner, y, label, style, app, buf);
    y += 1;
    // The text gets the rows left, less the one for a problem.
    let rows = inner.height.saturating_sub(y + 1);
    if rows > 0 {
        let field = Rect::new(inner.x, inner.y + y, inner.width, rows);
        let at = editor(&dialog.text, field, buf);
        if !dialog.on_date {
            cursor = at;
        }
    }
    problem(app, inner, buf);
    cursor
}

pub fn decide(app: &App, dialog: &DecideDialog, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let s = app.lang().strings();
    let l = s.approvals;
    let theme = app.theme();
    let kind = if dialog.is_closure() {
        l.kind_close
    } else {
        l.kind_extend
    };
    let title = format!(
        " {} #{} {kind} {} ",
        l.decide_title,
        app.task_number(dialog.id),
        task_title(app, dialog.id)
    );
    let hint = joined(&DecideDialog::hints(s));
    let inner = boxed(app, area, title, &hint, 11, buf);
    if inner.height < 3 {
        return None;
    }
    let request = &dialog.request;
    let who = format!(
        "{} {}  {} {}",
        l.by,
        safe(request.by()),
        l.asked_on,
        request.at().date_naive()
    );
    line(inner, 0, &who, theme.dim, app, buf);
    let asked = super::approvals::request_text(app, request);
    line(inner, 1, &asked.replace('\n', " "), theme.text, app, buf);
    let against = if dialog.is_closure() {
        l.send_back
    } else {
        l.refuse
    };
    for (row, (word, chosen)) in [(l.approve, !dialog.against), (against, dialog.against)]
        .into_iter()
        .enumerate()
    {
        let mark = if chosen { "[x]" } else { "[ ]" };
        let style = if chosen { theme.key } else { theme.dim };
        line(
            inner,
            3 + row as u16,
            &format!("{mark} {word}"),
            style,
            app,
            buf,
        );
    }
    let label = format!("{}: ", l.reason);
    line(inner, 6, &label, theme.dim, app, buf);
    line(inner, 7, l.reason_hint, theme.dim, app, buf);
    problem(app, inner, buf);
    let label_width = super::text::width(&label) as u16;
    if inner.height > 6 && inner.width > label_width {
        let field = Rect::new(
            inner.x + label_width,
            inner.y + 6,
            inner.width - label_width,
            1,
        );
        return editor(&dialog.reason, field, buf);
    }
    None
}
