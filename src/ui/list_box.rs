//! The frame of a list overlay (the approvals, the merge conflicts): cleared, bordered and
//! titled, with the list's rows above the selected item's full text when there is room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;

pub(crate) struct ListBox {
    pub inner: Rect,
    /// Rows for the list.
    pub list_rows: u16,
    /// The selected item's full text gets `detail_rows` under the list.
    pub with_detail: bool,
}

impl ListBox {
    /// Draws the frame; `None` when it leaves no room inside.
    pub fn draw(
        app: &App,
        title: String,
        detail_rows: u16,
        area: Rect,
        buf: &mut Buffer,
    ) -> Option<ListBox> {
        super::clear_box(area, buf);
        let block = super::overlay_block(app, title);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 4 || inner.height == 0 {
            return None;
        }
        let with_detail = inner.height >= detail_rows + 3;
        let list_rows = match with_detail {
            true => inner.height - detail_rows,
            false => inner.height,
        };
        Some(ListBox {
            inner,
            list_rows,
            with_detail,
        })
    }

    /// The first item shown: the selection stays in view without scroll state.
    pub fn first_shown(&self, selected: usize) -> usize {
        selected.saturating_sub(usize::from(self.list_rows).saturating_sub(1))
    }
}
