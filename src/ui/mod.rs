//! Drawing. Every function here reads the app and writes cells; none changes state.

mod approvals;
mod changes;
pub(crate) mod chrome;
mod conflicts;
pub mod dashboard;
mod detail;
mod detail_milestones;
mod dialogs;
pub mod filter_bar;
mod help;
mod list_box;
mod marks;
mod milestone_dialog;
mod request_dialogs;
mod review;
mod status_board;
mod unit_board;
mod unit_names;

// Shared with the app; re-exported so that drawing code (and older paths) find them here too.
pub use crate::{layout, text, theme};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Mode, View};

pub fn draw(app: &App, frame: &mut Frame) {
    if let Some(cursor) = render(app, frame.area(), frame.buffer_mut()) {
        frame.set_cursor_position(cursor);
    }
}

/// Draws the whole screen. Returns where the text cursor belongs when a text input is open.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if layout::too_small(area) {
        let s = app.lang().strings();
        let text = format!(
            "{} ({}x{})",
            s.too_small,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        Paragraph::new(Line::styled(text, app.theme().text))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return None;
    }
    let [header, headline, conflict_bar, filter, body, footer] =
        layout::frame_areas(area, app.bars());
    chrome::header(app, header, buf);
    chrome::headline(app, headline, buf);
    conflicts::bar(app, conflict_bar, buf);
    filter_bar::render(app, filter, buf);
    // The view, then the modes open above it, bottom to top; the footer goes with the view (it
    // shows the top mode's hints) and is covered by nothing but a dialog.
    // Review takes the body's place (it is drawn with the modes).
    match app.view() {
        _ if app.review().is_some() => {}
        View::Status => status_board::render(app, body, buf),
        View::Units => unit_board::render(app, body, buf),
        View::Dashboard => dashboard::render(app, body, buf),
        View::Changes => changes::render(app, body, buf),
    }
    chrome::footer(app, footer, buf);
    let mut cursor = None;
    for mode in app.modes() {
        cursor = match mode {
            Mode::Review(review) => {
                review::render(app, review, body, buf);
                None
            }
            Mode::Detail(detail) => {
                detail::render(app, detail, area, buf);
                None
            }
            Mode::Help(help) => {
                help::render(app, help.scroll, area, buf);
                None
            }
            Mode::Dialog(dialog) => dialogs::render(app, dialog, area, buf),
            Mode::Approvals(approvals) => {
                approvals::render(app, approvals, body, buf);
                None
            }
            Mode::Conflicts(list) => {
                conflicts::render(app, list, body, buf);
                None
            }
        };
    }
    cursor
}

/// The frame of an overlay or dialog: the focused border, titled.
pub(crate) fn overlay_block<'a>(app: &App, title: String) -> ratatui::widgets::Block<'a> {
    let theme = app.theme();
    ratatui::widgets::Block::bordered()
        .border_set(theme.border_set)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title))
}

/// Clears a box for an overlay. Besides blanking the box, it removes any wide character that
/// straddles the box's left or right edge: the terminal would otherwise draw its second half over
/// our border (ratatui skips the cell hidden behind a wide character).
pub(crate) fn clear_box(area: Rect, buf: &mut Buffer) {
    ratatui::widgets::Clear.render(area, buf);
    let bounds = buf.area;
    for y in area.top()..area.bottom() {
        if area.left() > bounds.left() {
            let cell = &mut buf[(area.left() - 1, y)];
            if text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
        if area.right() < bounds.right() {
            // The cell right of the box may be the hidden half of a character we just cleared.
            let cell = &mut buf[(area.right(), y)];
            if cell.symbol().is_empty() {
                cell.set_symbol(" ");
            }
        }
    }
}
