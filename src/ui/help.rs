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
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        line.render(
            Rect::new(
                inner.x + 1,
                inner.y + i as u16,
                inner.width.saturating_sub(1),
                1,
            ),
            buf,
        );
    }
}
