//! Drawing the input dialogs: note editor, task form, delete confirmation. Each returns where the
//! text cursor is, so the terminal's cursor can sit there (input methods place their candidate
//! window at the terminal cursor).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::filter_bar;
use super::text::{fit, safe, truncate, width};
use crate::app::{App, Dialog, Editor, FilterForm, FilterRow, NoteDialog, TaskForm};
use crate::model::Field;

pub fn render(app: &App, dialog: &Dialog, area: Rect, buf: &mut Buffer) -> Option<Position> {
    match dialog {
        Dialog::Note(note) => note_dialog(app, note, area, buf),
        Dialog::Task(form) => task_form(app, form, area, buf),
        Dialog::ConfirmDelete { id, title } => {
            confirm(app, *id, title, area, buf);
            None
        }
        Dialog::Search(editor) => search_line(app, editor, area, buf),
        Dialog::Filter(form) => {
            filter_form(app, form, area, buf);
            None
        }
        Dialog::Milestone(dialog) => super::milestone_dialog::render(app, dialog, area, buf),
        Dialog::ChangesStart(start) => super::changes::start_dialog(app, start, area, buf),
        Dialog::Request(request) => super::request_dialogs::request(app, request, area, buf),
        Dialog::Decide(decide) => super::request_dialogs::decide(app, decide, area, buf),
    }
}

/// A box of the given size centred in `area` (clipped to it).
pub(super) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub(super) fn frame<'a>(app: &App, title: String, hint: &'a str) -> Block<'a> {
    super::overlay_block(app, title)
        .title_bottom(Line::styled(format!(" {hint} "), app.theme().dim))
}

/// Draws an editor and returns the screen position of its cursor.
pub(super) fn editor(editor: &Editor, area: Rect, buf: &mut Buffer) -> Option<Position> {
    (&editor.area).render(area, buf);
    let cursor = editor.area.screen_cursor();
    let (top, left) = editor.area.scroll_offset();
    let row = cursor.row.checked_sub(usize::from(top))?;
    let col = cursor.col.checked_sub(usize::from(left))?;
    let (row, col) = (u16::try_from(row).ok()?, u16::try_from(col).ok()?);
    (row < area.height && col < area.width).then(|| Position::new(area.x + col, area.y + row))
}

fn note_dialog(app: &App, note: &NoteDialog, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let s = app.lang().strings();
    let theme = &app.theme();
    let boxed = centred(area, 90.min(area.width.saturating_sub(4)).max(30), 12);
    super::clear_box(boxed, buf);
    let task_title = app
        .board()
        .task(note.id)
        .map(|t| safe(&t.title).into_owned())
        .unwrap_or_default();
    let title = format!(
        " {} #{} {} ",
        s.note_title,
        app.task_number(note.id),
        task_title
    );
    let title = truncate(
        &title,
        usize::from(boxed.width.saturating_sub(4)),
        theme.ellipsis,
    )
    .into_owned();
    let block = frame(app, title, s.note_hint);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    if inner.height < 2 {
        return None;
    }
    let flag = if note.decision { "[x]" } else { "[ ]" };
    let flag_line = Line::from(vec![
        Span::styled(
            format!("{flag} {}", s.decision),
            if note.decision { theme.key } else { theme.dim },
        ),
        Span::styled(format!("  {} {}", app.user_label(), app.today()), theme.dim),
    ]);
    flag_line.render(Rect { height: 1, ..inner }, buf);
    let text_area = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    editor(&note.editor, text_area, buf)
}

fn field_label(app: &App, field: Field) -> &'static str {
    app.lang().field(field)
}

fn task_form(app: &App, form: &TaskForm, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let s = app.lang().strings();
    let theme = &app.theme();
    let suggestions = form.suggestions();
    let boxed = centred(area, 100.min(area.width), 24.min(area.height));
    super::clear_box(boxed, buf);
    let heading = if form.is_new {
        s.new_task_title
    } else {
        s.edit_title
    };
    let block = frame(
        app,
        format!(" {heading} #{} ", app.task_number(form.id)),
        s.form_hint,
    );
    let inner = block.inner(boxed);
    block.render(boxed, buf);

    let label_width = label_column(
        Field::EDITABLE.iter().map(|f| field_label(app, *f)),
        inner.width,
    );
    let value_width = inner.width.saturating_sub(label_width);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let mut cursor = None;
    for (index, (field, field_editor)) in form.fields.iter().enumerate() {
        let focused = index == form.focus;
        // The text field gets several lines when focused; others one.
        let height: u16 = match (field, focused) {
            (Field::Text, true) => 6,
            _ => 1,
        };
        if y + height > bottom {
            break;
        }
        let label_style = if focused { theme.key } else { theme.dim };
        buf.set_string(inner.x, y, field_label(app, *field), label_style);
        let value_area = Rect::new(inner.x + label_width, y, value_width, height);
        if focused {
            cursor = editor(field_editor, value_area, buf);
        } else {
            let text = field_editor.text().replace('\n', " ");
            let shown = truncate(&text, usize::from(value_width), theme.ellipsis);
            buf.set_string(value_area.x, y, shown, theme.text);
        }
        y += height;
        if focused && !suggestions.is_empty() && y < bottom {
            buf.set_string(inner.x + label_width, y, s.suggestions, theme.dim);
            y += 1;
            for (i, unit) in suggestions.iter().enumerate() {
                if y >= bottom {
                    break;
                }
                let style = if form.suggestion == Some(i) {
                    theme.selected
                } else {
                    theme.text
                };
                buf.set_string(inner.x + label_width + 2, y, safe(unit), style);
                y += 1;
            }
        }
    }
    if let Some(message) = &app.message()
        && message.is_error
        && bottom > inner.y
    {
        buf.set_string(inner.x, bottom - 1, safe(&message.text), theme.error);
    }
    cursor
}

fn confirm(app: &App, id: u32, title: &str, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let boxed = centred(area, 60.min(area.width), 5);
    super::clear_box(boxed, buf);
    let block = frame(
        app,
        format!(" {} #{}? ", s.confirm_delete, app.task_number(id)),
        s.confirm_hint,
    );
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let text = format!("#{} {}", app.task_number(id), safe(title));
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

/// The search line sits over the footer, like a shell prompt.
fn search_line(app: &App, search: &Editor, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let s = app.lang().strings();
    let theme = &app.theme();
    let line = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    super::clear_box(line, buf);
    buf.set_style(line, theme.header);
    let label = format!(" {} / ", s.search_label);
    buf.set_string(line.x, line.y, &label, theme.key);
    let hint = format!(" {} ", s.search_hint);
    let label_width = width(&label) as u16;
    let hint_width = (width(&hint) as u16).min(line.width.saturating_sub(label_width + 10));
    let input = Rect {
        x: line.x + label_width,
        width: line.width.saturating_sub(label_width + hint_width),
        ..line
    };
    let hint = truncate(&hint, usize::from(hint_width), theme.ellipsis);
    buf.set_string(input.right(), line.y, hint, theme.dim);
    editor(search, input, buf)
}

fn filter_form(app: &App, form: &FilterForm, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let boxed = centred(area, 64.min(area.width), 9);
    super::clear_box(boxed, buf);
    let block = frame(app, format!(" {} ", s.filter_label), s.filter_hint);
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let d = &form.draft;
    let all = s.all.to_string();
    for (i, row) in FilterRow::ALL.iter().enumerate() {
        let (label, value) = match row {
            FilterRow::Unit => (
                s.unit_label,
                d.unit
                    .as_ref()
                    .map_or(all.clone(), |(u, _)| safe(u).into_owned()),
            ),
            FilterRow::Role => (
                s.role_label,
                d.unit.as_ref().map_or(all.clone(), |(_, r)| {
                    filter_bar::role_label(*r, app.lang()).to_string()
                }),
            ),
            FilterRow::Status => (
                s.status,
                d.status
                    .map_or(all.clone(), |st| app.lang().status(st).to_string()),
            ),
            FilterRow::Urgency => (
                s.urgency,
                d.urgency.map_or(all.clone(), |u| {
                    filter_bar::urgency_label(u, app.lang()).to_string()
                }),
            ),
            FilterRow::Year => (s.year_label, d.year.map_or(all.clone(), |y| y.to_string())),
        };
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let focused = i == form.row;
        let style = if focused { theme.selected } else { theme.text };
        let mut text = format!(" {}  < {} > ", fit(label, 10, theme.ellipsis), value);
        if *row == FilterRow::Unit && (focused || !form.unit_query.is_empty()) {
            let matches = form.matching_units().len();
            text.push_str(&app.lang().unit_typing(&safe(&form.unit_query), matches));
        }
        buf.set_string(
            inner.x + 1,
            y,
            truncate(
                &text,
                usize::from(inner.width.saturating_sub(2)),
                theme.ellipsis,
            ),
            style,
        );
    }
}

/// The width of a form's label column: the longest label and a gap, at most a third of the form.
pub(super) fn label_column<'a>(labels: impl Iterator<Item = &'a str>, form_width: u16) -> u16 {
    let widest = labels.map(width).max().unwrap_or(8) + 2;
    u16::try_from(widest).unwrap_or(12).min(form_width / 3)
}
