//! The dashboard (总览, `3`): one page of figures that scrolls. Its state is how far it is
//! scrolled; it takes the scrolling keys. It has no task to open or move, so its footer offers
//! none. The keys every view shares are `board.rs`'s; `ui::dashboard` draws it.

use ratatui::layout::Rect;

use super::board::{finding_hints, scrolled};
use crate::action::Action;
use crate::app::grouping::Grouping;
use crate::app::hints::HintSource;

#[derive(Debug, Default)]
pub struct DashboardView {
    scroll: usize,
}

impl DashboardView {
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The scrolling keys; false for those it leaves to the board.
    pub(crate) fn handle(&mut self, action: Action, grouping: &Grouping, body: Rect) -> bool {
        // Left and Right have nothing to move on a page that only scrolls.
        let scrolls = super::is_move(action) && !matches!(action, Action::Left | Action::Right);
        if scrolls {
            // A page key moves a whole screen: as many rows as are shown.
            let (last, screen) = grouping.dashboard.as_ref().map_or((0, 1), |d| {
                let page = d.page(body.width);
                (page.max_scroll(body.height), page.view_height(body.height))
            });
            self.scroll = scrolled(self.scroll, action, usize::from(screen)).min(usize::from(last));
        }
        scrolls
    }

    pub(crate) fn hints(&self, keys: &HintSource) -> Vec<(Option<String>, &'static str)> {
        finding_hints(keys)
    }
}
