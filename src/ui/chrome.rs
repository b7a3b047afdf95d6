//! The header (plan, views, date, read-only mark) and the footer (message or keys, file path).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, width};
use crate::action::Action;
use crate::app::{App, View};

pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = app.lang.strings();
    buf.set_style(area, theme.header);
    let tab = |view: View, action: Action, label: &str| {
        let key = app.keymap.label_for(action).unwrap_or_default();
        let text = format!(" {key} {label} ");
        if app.view == view {
            Span::styled(
                text,
                theme
                    .header
                    .add_modifier(ratatui::style::Modifier::REVERSED),
            )
        } else {
            Span::styled(text, theme.header)
        }
    };
    let mut right = vec![
        tab(View::Status, Action::ShowStatusView, s.view_status),
        tab(View::Units, Action::ShowUnitView, s.view_units),
        Span::styled(format!(" {} {} ", s.today, app.today), theme.header),
    ];
    if app.read_only.is_some() {
        right.push(Span::styled(format!("[{}]", s.read_only), theme.error));
    }
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

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = app.lang.strings();
    let file = format!(" {} {}", s.file, safe(&app.file_label));
    let file_width = width(&file).min(usize::from(area.width) / 3);
    let left_room = usize::from(area.width).saturating_sub(file_width + 1);

    let left: Line = if let Some(message) = &app.message {
        let style = if message.is_error {
            theme.error
        } else {
            theme.info
        };
        Line::styled(
            truncate(&safe(&message.text), left_room, theme.ellipsis).into_owned(),
            style,
        )
    } else if let Some(problem) = &app.file_problem {
        let text = format!("{}: {}", s.file_invalid, safe(problem));
        Line::styled(
            truncate(&text, left_room, theme.ellipsis).into_owned(),
            theme.error,
        )
    } else {
        key_hints(app, left_room)
    };
    left.render(area, buf);
    let file = truncate(&file, file_width, theme.ellipsis);
    let x = area.x + area.width.saturating_sub(width(&file) as u16);
    buf.set_string(x, area.y, file, theme.dim);
}

/// The most useful keys, as many as fit, from the keymap itself.
fn key_hints(app: &App, room: usize) -> Line<'static> {
    let theme = &app.theme;
    let wanted = [
        Action::ToggleHelp,
        Action::Quit,
        Action::OpenDetail,
        Action::MoveNext,
        Action::MovePrevious,
        Action::NextView,
        Action::Undo,
    ];
    let mut spans = Vec::new();
    let mut used = 0;
    for action in wanted {
        // Only the first key of each action keeps the footer short.
        let Some(key) = app.keymap.keys_for(action).next() else {
            continue;
        };
        let key = key.label();
        let (zh, en) = action.describe();
        let label = match app.lang {
            crate::i18n::Lang::Zh => zh,
            crate::i18n::Lang::En => en,
        };
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
