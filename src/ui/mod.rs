//! Drawing. Every function here reads the app and writes cells; none changes state.

mod chrome;
mod detail;
mod help;
pub mod layout;
mod status_board;
pub mod text;
pub mod theme;
mod unit_board;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Overlay, View};

pub fn draw(app: &App, frame: &mut Frame) {
    render(app, frame.area(), frame.buffer_mut());
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if layout::too_small(area) {
        let s = app.lang.strings();
        let text = format!(
            "{} ({}x{})",
            s.too_small,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        Paragraph::new(Line::styled(text, app.theme.text))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let [header, body, footer] = layout::frame_areas(area);
    chrome::header(app, header, buf);
    match app.view {
        View::Status => status_board::render(app, body, buf),
        View::Units => unit_board::render(app, body, buf),
    }
    chrome::footer(app, footer, buf);
    match &app.overlay {
        Some(Overlay::Detail { id, scroll }) => detail::render(app, *id, *scroll, area, buf),
        Some(Overlay::Help { scroll }) => help::render(app, *scroll, area, buf),
        None => {}
    }
}
