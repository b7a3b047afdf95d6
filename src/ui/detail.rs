//! The whole task: text wrapped, units with roles, deadline, status, urgency, notes and history.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::detail_milestones::{describe_milestone_change, light_lines, milestone_lines};
use super::layout::overlay;
use super::text::{safe, truncate, wrap};
use crate::app::{App, Detail};
use crate::model::{Change, LegacyChange, Task, Via, join_units};

pub fn render(app: &App, detail: &Detail, area: Rect, buf: &mut Buffer) {
    let Some(task) = app.board().task(detail.id) else {
        return;
    };
    let scroll = detail.scroll;
    let selected = detail.selected_index(task.milestones.len());
    let area = overlay(area);
    super::clear_box(area, buf);
    let title = format!(
        " {} #{} ",
        app.lang().strings().detail_title,
        app.task_number(task.id)
    );
    let block = super::overlay_block(app, title);
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let lines = detail_lines(app, task, selected, usize::from(inner.width));
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        line.render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}

/// All lines of the detail, wrapped to `w` cells.
/// Lead and cooperating units, each as "label: a、b" wrapped to `w` (shared with meeting review).
pub fn unit_lines(app: &App, task: &Task, w: usize) -> Vec<Line<'static>> {
    let s = app.lang().strings();
    let mut lines = Vec::new();
    for (label, list) in [
        (s.lead_units, &task.lead_units),
        (s.cooperating_units, &task.cooperating_units),
    ] {
        let value = if list.is_empty() {
            s.none.to_string()
        } else {
            safe(&join_units(list)).into_owned()
        };
        for part in wrap(&format!("{label}: {value}"), w) {
            lines.push(Line::styled(part, app.theme().text));
        }
    }
    lines
}

/// A heading, then the task's notes (or a line saying there are none): the notes part of the
/// detail view and of meeting review.
pub fn notes_section(
    app: &App,
    task: &Task,
    heading: String,
    w: usize,
    limit: usize,
    time_format: &str,
) -> Vec<Line<'static>> {
    let s = app.lang().strings();
    let mut lines = vec![Line::styled(heading, app.theme().dim)];
    if task.notes.is_empty() {
        lines.push(Line::styled(s.no_notes.to_string(), app.theme().dim));
    }
    lines.extend(note_lines(app, task, w, limit, time_format));
    lines
}

/// A task's notes, newest first, at most `limit`: a heading line (time, author, decision mark)
/// and the text wrapped under it. Shared by the detail view and meeting review.
pub fn note_lines(
    app: &App,
    task: &Task,
    w: usize,
    limit: usize,
    time_format: &str,
) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let s = app.lang().strings();
    let mut notes: Vec<_> = task.notes.iter().collect();
    notes.sort_by_key(|n| std::cmp::Reverse(n.at));
    let mut lines = Vec::new();
    for note in notes.into_iter().take(limit) {
        let mut head = format!("{} {}", note.at.format(time_format), safe(&note.author));
        if note.decision {
            head.push_str(&format!(" [{}]", s.decision));
        }
        lines.push(Line::styled(
            truncate(&head, w, theme.ellipsis).into_owned(),
            theme.key,
        ));
        for part in wrap(&note.text, w.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {part}"), theme.text));
        }
    }
    lines
}

pub fn detail_lines(
    app: &App,
    task: &Task,
    selected: Option<usize>,
    w: usize,
) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let lang = app.lang();
    let s = lang.strings();
    let urgency = app.board().urgency(task, app.today());
    let mut lines: Vec<Line> = Vec::new();
    let field = |label: &str, value: String, style: Style| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.dim),
            Span::styled(value, style),
        ])
    };
    for part in wrap(&task.title, w) {
        lines.push(Line::styled(part, theme.title));
    }
    lines.push(Line::raw(""));
    lines.push(field(
        s.status,
        lang.status(task.status).to_string(),
        theme.text,
    ));
    // An extended deadline keeps the plan's own beside it (原定).
    let deadline = match task.original_deadline {
        Some(original) => format!(
            "{} ({} {original})",
            task.deadline,
            lang.field(crate::model::Field::OriginalDeadline)
        ),
        None => task.deadline.to_string(),
    };
    lines.push(field(s.deadline, deadline, theme.text));
    lines.push(field(
        s.urgency,
        lang.urgency(urgency),
        theme.urgency(urgency),
    ));
    lines.extend(light_lines(app, task, w));
    lines.extend(super::marks::detail_line(app, task));
    if let Some(done) = task.completed_on {
        lines.push(field(s.completed_on, done.to_string(), theme.text));
    }
    lines.extend(unit_lines(app, task, w));
    lines.push(Line::raw(""));
    lines.extend(milestone_lines(app, task, selected, w));
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.text.to_string(), theme.dim));
    for part in wrap(&task.text, w) {
        lines.push(Line::raw(part));
    }

    lines.push(Line::raw(""));
    let mut heading = format!("{} ({})", s.notes, task.notes.len());
    if let Some(days) = crate::model::stats::stale_days(app.board(), task, app.today()) {
        heading.push_str(&format!("  [{}: {days} {}]", s.stale, s.days_unit));
    }
    lines.extend(notes_section(
        app,
        task,
        heading,
        w,
        usize::MAX,
        "%Y-%m-%d %H:%M %:z",
    ));

    let history: Vec<_> = app.detail_history().collect();
    if !history.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} ({})", s.history, history.len()),
            theme.dim,
        ));
        for entry in history.iter().rev() {
            let mut what = describe_change(app, &entry.change);
            match entry.via {
                Some(Via::Undo) => what.push_str(&format!(" [{}]", s.undone)),
                Some(Via::Redo) => what.push_str(&format!(" [{}]", s.redone)),
                None => {}
            }
            let head = format!(
                "{} {} ",
                entry.at.format("%Y-%m-%d %H:%M"),
                safe(&entry.user)
            );
            // The change under its time and author, indented like a note, on as many lines
            // as it needs (a note's own line breaks included).
            lines.push(Line::styled(head.trim_end().to_string(), theme.dim));
            for part in wrap(&what, w.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {part}")));
            }
        }
    }
    lines
}

pub fn describe_change(app: &App, change: &Change) -> String {
    if let Some(text) = describe_milestone_change(app, change) {
        return text;
    }
    let lang = app.lang();
    let s = lang.strings();
    match change {
        Change::Status { from, to, .. } => format!(
            "{}: {} -> {}",
            s.status,
            lang.status(*from),
            lang.status(*to)
        ),
        Change::NoteAdded { note } => format!("{}: {}", s.history_note_added, safe(&note.text)),
        Change::NoteRemoved { note } => {
            format!("{}: {}", s.history_note_removed, safe(&note.text))
        }
        Change::Field { field, from, to } => {
            let label = lang
                .field_named(field)
                .map_or_else(|| safe(field), Into::into);
            format!("{label}: {} -> {}", safe(from), safe(to))
        }
        Change::TaskAdded { task } => {
            format!("{}: {}", s.history_task_added, safe(&task.title))
        }
        Change::TaskDeleted { task } => {
            format!("{}: {}", s.history_task_deleted, safe(&task.title))
        }
        Change::Legacy(legacy) => match legacy {
            LegacyChange::Status { from, to } => format!(
                "{}: {} -> {}",
                s.status,
                lang.status(*from),
                lang.status(*to)
            ),
            LegacyChange::NoteAdded { text } => format!("{}: {}", s.history_note_added, safe(text)),
            LegacyChange::NoteRemoved { text } => {
                format!("{}: {}", s.history_note_removed, safe(text))
            }
            LegacyChange::TaskAdded { title } => {
                format!("{}: {}", s.history_task_added, safe(title))
            }
            LegacyChange::TaskDeleted { title } => {
                format!("{}: {}", s.history_task_deleted, safe(title))
            }
        },
        other => other.kind().to_string(),
    }
}
