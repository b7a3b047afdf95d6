//! Help, generated from the keymap so it always shows the keys that are bound.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::overlay;
use super::text::{fit, width};
use crate::action::Action;
use crate::app::App;
use crate::i18n::Lang;

pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let rows: Vec<(String, &str)> = Action::ALL
        .iter()
        .filter_map(|&action| {
            let keys = app.keymap.label_for(action)?;
            let (zh, en) = action.describe();
            Some((keys, if app.lang == Lang::Zh { zh } else { en }))
        })
        .collect();
    let key_width = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(24);
    rows.into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(fit(&keys, key_width, theme.ellipsis), theme.key),
                Span::raw("  "),
                Span::styled(what.to_string(), theme.text),
            ])
        })
        .collect()
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = app.lang.strings();
    let area = overlay(area);
    super::clear_box(area, buf);
    let block = Block::bordered()
        .border_set(theme.border_set)
        .border_style(theme.border_focus)
        .title(Line::styled(format!(" {} ", s.help_title), theme.title))
        .title_bottom(Line::styled(format!(" {} ", s.help_close), theme.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = help_lines(app);
    let height = usize::from(inner.height).max(1);
    let line_width = lines.iter().map(Line::width).max().unwrap_or(0) + 2;
    // Two columns when the list does not fit in one and the box is wide enough (80x24 is).
    let columns = if lines.len() > height && 2 * line_width <= usize::from(inner.width) {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(columns);
    let scroll = scroll.min(per_column.saturating_sub(height));
    if per_column > height {
        // Say that the list goes on, and where we are in it.
        let shown = format!(
            " [{}-{}/{}] ",
            scroll + 1,
            (scroll + height).min(per_column),
            per_column
        );
        let x = area.right().saturating_sub(width(&shown) as u16 + 1);
        buf.set_string(x, area.y, shown, theme.key);
    }
    let column_width = inner.width / columns as u16;
    for (column, chunk) in lines.chunks(per_column.max(1)).enumerate() {
        for (i, line) in chunk.iter().skip(scroll).take(height).enumerate() {
            let x = inner.x + 1 + column as u16 * column_width;
            line.render(
                Rect::new(x, inner.y + i as u16, column_width.saturating_sub(1), 1),
                buf,
            );
        }
    }
}
