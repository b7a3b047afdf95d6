//! The header (plan, views, date, read-only mark) and the footer (message or keys, file path).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, width};
use crate::app::{App, Hint};

/// What follows the tabs at the right of the header, styled: the date and the read-only mark.
fn trailing(app: &App) -> Vec<Span<'static>> {
    let (date, mark) = app.header_trailing();
    let mut spans = vec![Span::styled(date, app.theme().header)];
    spans.extend(mark.map(|mark| Span::styled(mark, app.theme().error)));
    spans
}

pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    buf.set_style(area, theme.header);
    let current = if app.review().is_some() {
        None
    } else {
        Some(app.view())
    };
    let mut right: Vec<Span> = app
        .header_tabs()
        .into_iter()
        .map(|(view, _, text)| {
            let style = if current == Some(view) {
                theme
                    .header
                    .add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                theme.header
            };
            Span::styled(text, style)
        })
        .collect();
    right.extend(trailing(app));
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let plan = &app.board().plan;
    let left_room = usize::from(area.width).saturating_sub(right_width + 1);
    let left = format!(" {} {}", safe(&plan.document_number), safe(&plan.title));
    let left = truncate(&left, left_room, theme.ellipsis);
    let pad = usize::from(area.width).saturating_sub(width(&left) + right_width);
    let mut spans = vec![
        Span::styled(left.into_owned(), theme.header),
        Span::raw(" ".repeat(pad)),
    ];
    spans.extend(right);
    Line::from(spans).render(area, buf);
}

/// Below this many cells a file path says nothing useful, and the footer leaves it out.
const MIN_FILE_ROOM: usize = 12;

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let s = app.lang().strings();
    let w = usize::from(area.width);
    let notice = if let Some(message) = &app.message() {
        let style = if message.is_error {
            theme.error
        } else {
            theme.info
        };
        Some((safe(&message.text).into_owned(), style))
    } else {
        app.file_problem().as_ref().map(|problem| {
            (
                format!("{}: {}", s.file_invalid, safe(problem)),
                theme.error,
            )
        })
    };
    // A message is what the user must read now: it gets the line first, the file path what is
    // left. Otherwise the path keeps up to a third of the line and the keys get the rest.
    let file_room = match &notice {
        Some((text, style)) => {
            let text = truncate(text, w, theme.ellipsis);
            let used = width(&text);
            Line::styled(text.into_owned(), *style).render(area, buf);
            w.saturating_sub(used + 2)
        }
        None => {
            let file_room = file_width(app).min(w / 3);
            key_hints(app, w.saturating_sub(file_room + 1)).render(area, buf);
            file_room
        }
    };
    if file_room < MIN_FILE_ROOM {
        return;
    }
    let file = file_label(app, file_room);
    let x = area.x + area.width.saturating_sub(width(&file) as u16);
    buf.set_string(x, area.y, file, theme.dim);
}

fn file_width(app: &App) -> usize {
    width(app.lang().strings().file) + width(&safe(app.file_label())) + 2
}

/// ` 文件 PATH` in at most `room` cells. A long path loses its beginning, not the file's name.
fn file_label(app: &App, room: usize) -> String {
    let prefix = format!(" {} ", app.lang().strings().file);
    let path = safe(app.file_label());
    let path_room = room.saturating_sub(width(&prefix));
    if width(&path) <= path_room {
        return format!("{prefix}{path}");
    }
    let ellipsis = app.theme().ellipsis;
    let mut tail: Vec<char> = Vec::new();
    let mut used = width(ellipsis);
    for c in path.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > path_room {
            break;
        }
        used += cw;
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{prefix}{ellipsis}{tail}")
}

/// The keys that work in the current state, as many as fit: a dialog's own keys while one is
/// open, the overlay's or the review's, else the board's. Keys of actions come from the keymap;
/// editing keys are left out when changes are refused.
fn key_hints(app: &App, room: usize) -> Line<'static> {
    let theme = &app.theme();
    let mut spans = Vec::new();
    let mut used = 0;
    for Hint { keys: key, label } in app.footer_hints() {
        let cost = width(&key) + width(label) + 3;
        if used + cost > room {
            break;
        }
        used += cost;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), Style::new()));
    }
    Line::from(spans)
}
