//! The header (plan, views, date, read-only mark) and the footer (message or keys, file path).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, width};
use crate::action::Action;
use crate::app::{App, Dialog, Overlay, View};
use crate::i18n::Lang;

/// What follows the tabs at the right of the header, styled: the date and the read-only mark.
fn trailing(app: &App) -> Vec<Span<'static>> {
    let (date, mark) = app.header_trailing();
    let mut spans = vec![Span::styled(date, app.theme.header)];
    spans.extend(mark.map(|mark| Span::styled(mark, app.theme.error)));
    spans
}

pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.header);
    let current = if app.review.is_some() {
        None
    } else {
        Some(app.view)
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
    let plan = &app.board.plan;
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
    let theme = &app.theme;
    let s = app.lang.strings();
    let w = usize::from(area.width);
    let notice = if let Some(message) = &app.message {
        let style = if message.is_error {
            theme.error
        } else {
            theme.info
        };
        Some((safe(&message.text).into_owned(), style))
    } else {
        app.file_problem.as_ref().map(|problem| {
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
    width(app.lang.strings().file) + width(&safe(&app.file_label)) + 2
}

/// ` 文件 PATH` in at most `room` cells. A long path loses its beginning, not the file's name.
fn file_label(app: &App, room: usize) -> String {
    let prefix = format!(" {} ", app.lang.strings().file);
    let path = safe(&app.file_label);
    let path_room = room.saturating_sub(width(&prefix));
    if width(&path) <= path_room {
        return format!("{prefix}{path}");
    }
    let ellipsis = app.theme.ellipsis;
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
    let theme = &app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in hints(app) {
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

/// (key, what it does) for the footer, in order of use.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let s = app.lang.strings();
    if let Some(dialog) = &app.dialog {
        return dialog_hints(app, dialog);
    }
    let read_only = app.read_only.is_some();
    // An action's shortest key (the footer is short), and a pair such as `L/H` for two actions.
    let key = |action: Action| {
        if read_only && action.changes_board() {
            return None;
        }
        app.keymap
            .keys_for(action)
            .map(|k| k.label())
            .min_by_key(|label| width(label))
    };
    let pair = |a: Action, b: Action| match (key(a), key(b)) {
        (Some(a), Some(b)) => Some(format!("{a}/{b}")),
        (a, b) => a.or(b),
    };
    let describe = |action: Action| match app.lang {
        Lang::Zh => action.describe().0,
        Lang::En => action.describe().1,
    };
    let wanted: Vec<(Option<String>, &'static str)> = match (&app.overlay, &app.review) {
        (Some(Overlay::Detail { .. }), _) => vec![
            (key(Action::Back), s.key_back),
            (pair(Action::Down, Action::Up), s.key_scroll),
            (key(Action::AddNote), s.key_note),
            (pair(Action::MoveNext, Action::MovePrevious), s.key_status),
            (key(Action::Undo), describe(Action::Undo)),
        ],
        (Some(Overlay::Help { .. }), _) => vec![
            (key(Action::Back), s.key_close),
            (pair(Action::Down, Action::Up), s.key_scroll),
        ],
        (None, Some(_)) => vec![
            (key(Action::Down), s.key_next),
            (key(Action::Up), s.key_previous),
            (pair(Action::MoveNext, Action::MovePrevious), s.key_status),
            (key(Action::AddNote), s.key_note),
            (key(Action::Back), s.key_leave),
        ],
        (None, None) => {
            let mut actions = vec![Action::ToggleHelp, Action::Quit];
            // The dashboard has no task to open or move.
            if app.view != View::Dashboard {
                actions.extend([Action::OpenDetail, Action::MoveNext, Action::MovePrevious]);
            }
            actions.extend([Action::NextView, Action::Undo]);
            actions.into_iter().map(|a| (key(a), describe(a))).collect()
        }
    };
    wanted
        .into_iter()
        .filter_map(|(key, label)| Some((key?, label)))
        .collect()
}

/// The fixed keys of each dialog (they are not in the keymap: a dialog takes typed text).
fn dialog_hints(app: &App, dialog: &Dialog) -> Vec<(String, &'static str)> {
    let s = app.lang.strings();
    let keys: Vec<(&str, &'static str)> = match dialog {
        Dialog::Note(_) => vec![
            ("Enter", s.key_save),
            ("Esc", s.key_cancel),
            ("Alt-Enter", s.key_new_line),
            ("Ctrl-T", s.key_decision),
        ],
        Dialog::Task(_) => vec![
            ("Tab", s.key_next_field),
            ("Enter", s.key_save),
            ("Esc", s.key_cancel),
            ("Up/Down", s.key_pick_unit),
        ],
        Dialog::Search(_) => vec![("Enter", s.key_keep), ("Esc", s.key_clear)],
        Dialog::Filter(_) => vec![
            ("Up/Down", s.key_row),
            ("Left/Right", s.key_change),
            ("Enter", s.key_apply),
            ("x", s.key_clear_all),
            ("Esc", s.key_cancel),
        ],
        Dialog::ConfirmDelete { .. } => vec![("y", s.key_delete), (s.key_other_keys, s.key_cancel)],
    };
    keys.into_iter().map(|(k, l)| (k.to_string(), l)).collect()
}
