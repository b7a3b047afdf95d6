//! Drawing the milestone dialogs (`app::dialog::milestone`): the form, the completion date and
//! the delete confirmation. Like the task form, a problem with what was typed shows inside the box,
//! and the text cursor's position is returned for input methods.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use super::dialogs::{centred, editor, frame};
use super::text::{safe, truncate, width};
use crate::app::{App, CompleteForm, MilestoneDialog, MilestoneField, MilestoneForm};

pub fn render(
    app: &App,
    dialog: &MilestoneDialog,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    match dialog {
        MilestoneDialog::Form(form) => milestone_form(app, form, area, buf),
        MilestoneDialog::Complete(form) => complete_form(app, form, area, buf),
        MilestoneDialog::ConfirmDelete { id, number, title } => {
            confirm(app, (*id, *number), title, area, buf);
            None
        }
    }
}

fn field_label(app: &App, field: MilestoneField) -> &'static str {
    let labels = app.lang().milestone_labels();
    match field {
        MilestoneField::Title => app.lang().milestone_board().title,
        MilestoneField::Due => labels.due,
        MilestoneField::Units => labels.units,
    }
}

/// The footer's error (a problem with what was typed) on the box's last line.
fn problem_line(app: &App, inner: Rect, buf: &mut Buffer) {
    if let Some(message) = app.message()
        && message.is_error
        && inner.height > 0
    {
        let text = truncate(
            &safe(&message.text),
            usize::from(inner.width),
            app.theme().ellipsis,
        )
        .into_owned();
        buf.set_string(inner.x, inner.bottom() - 1, text, app.theme().error);
    }
}

fn milestone_form(
    app: &App,
    form: &MilestoneForm,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let m = app.lang().milestone_board();
    let theme = app.theme();
    let boxed = centred(area, 72.min(area.width), 8.min(area.height));
    super::clear_box(boxed, buf);
    let heading = match form.number {
        None => format!(" {} #{} ", m.new_title, app.task_number(form.id)),
        Some(n) => format!(" {} #{}.{n} ", m.edit_title, app.task_number(form.id)),
    };
    let heading = truncate(
        &heading,
        usize::from(boxed.width.saturating_sub(4)),
        theme.ellipsis,
    )
    .into_owned();
    let block = frame(app, heading, m.form_hint);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    if inner.height == 0 || inner.width == 0 {
        return None;
    }
    let deadline = format!("{}: {}", m.task_deadline, form.deadline);
    buf.set_string(
        inner.x,
        inner.y,
        truncate(&deadline, usize::from(inner.width), theme.ellipsis),
        theme.dim,
    );
    let label_width = super::dialogs::label_column(
        MilestoneField::ALL.iter().map(|f| field_label(app, *f)),
        inner.width,
    );
    let value_width = inner.width.saturating_sub(label_width);
    let mut cursor = None;
    for (index, (field, field_editor)) in MilestoneField::ALL.iter().zip(&form.editors).enumerate()
    {
        let y = inner.y + 1 + index as u16;
        // The last line is the problem's.
        if y + 1 >= inner.bottom() {
            break;
        }
        let focused = *field == form.focused_field();
        let style = if focused { theme.key } else { theme.dim };
        let label = truncate(
            field_label(app, *field),
            usize::from(label_width),
            theme.ellipsis,
        );
        buf.set_string(inner.x, y, label, style);
        let value_area = Rect::new(inner.x + label_width, y, value_width, 1);
        if focused {
            cursor = editor(field_editor, value_area, buf);
        } else {
            let text = field_editor.text();
            let shown = truncate(&text, usize::from(value_width), theme.ellipsis);
            buf.set_string(value_area.x, y, shown, theme.text);
        }
    }
    problem_line(app, inner, buf);
    cursor
}

fn complete_form(app: &App, form: &CompleteForm, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let m = app.lang().milestone_board();
    let theme = app.theme();
    let boxed = centred(area, 64.min(area.width), 6.min(area.height));
    super::clear_box(boxed, buf);
    let heading = format!(
        " {} #{}.{} ",
        m.complete_title,
        app.task_number(form.id),
        form.number
    );
    let block = frame(app, heading, m.complete_hint);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    if inner.height < 2 || inner.width == 0 {
        return None;
    }
    buf.set_string(
        inner.x,
        inner.y,
        truncate(&safe(&form.title), usize::from(inner.width), theme.ellipsis),
        theme.title,
    );
    let label = format!("{}: ", app.lang().milestone_labels().completed_on);
    let label_width = u16::try_from(width(&label))
        .unwrap_or(10)
        .min(inner.width / 2);
    buf.set_string(
        inner.x,
        inner.y + 1,
        truncate(&label, usize::from(label_width), theme.ellipsis),
        theme.key,
    );
    let value_area = Rect::new(
        inner.x + label_width,
        inner.y + 1,
        inner.width.saturating_sub(label_width),
        1,
    );
    let cursor = editor(&form.editor, value_area, buf);
    if inner.height > 2 {
        problem_line(app, inner, buf);
    }
    cursor
}

fn confirm(app: &App, (id, number): (u32, u32), title: &str, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let m = app.lang().milestone_board();
    let theme = app.theme();
    let boxed = centred(area, 60.min(area.width), 5.min(area.height));
    super::clear_box(boxed, buf);
    let block = frame(
        app,
        format!(" {} #{}.{number}? ", m.delete_title, app.task_number(id)),
        s.confirm_hint,
    );
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    if inner.height == 0 {
        return;
    }
    let text = format!("#{}.{number} {}", app.task_number(id), safe(title));
    buf.set_string(
        inner.x + 1,
        inner.y + inner.height / 2,
        truncate(
            &text,
            usize::from(inner.width.saturating_sub(2)),
            theme.ellipsis,
        ),
        theme.title,
    );
}
