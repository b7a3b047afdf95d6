//! What the header says: the view tabs and what follows them. The drawing styles these texts and
//! the mouse finds the tabs with the same list, so clicks land where the tabs are drawn.

use ratatui::layout::Rect;

use super::{App, ReadOnly, View};
use crate::action::Action;
use crate::layout::header_tab_areas;
use crate::text::width;

impl App {
    /// The view tabs in the header: which view, the action that shows it, and the text drawn
    /// (the key that shows it, as the keymap in use binds it).
    pub fn header_tabs(&self) -> [(View, Action, String); 4] {
        let s = self.lang.strings();
        let tab = |view, action, label: &str| {
            let key = self.keymap.label_for(action).unwrap_or_default();
            (view, action, format!(" {key} {label} "))
        };
        [
            tab(View::Status, Action::ShowStatusView, s.view_status),
            tab(View::Units, Action::ShowUnitView, s.view_units),
            tab(View::Dashboard, Action::ShowDashboard, s.view_dashboard),
            tab(
                View::Changes,
                Action::ShowChanges,
                self.lang.changes_labels().tab,
            ),
        ]
    }

    /// What follows the tabs at the right of the header: the date in use and, when changes are
    /// refused, the read-only mark.
    pub fn header_trailing(&self) -> (String, Option<String>) {
        let s = self.lang.strings();
        // Looking back (--today) says so: the date shown is not today.
        let label = if self.read_only == Some(ReadOnly::LookingBack) {
            s.as_of
        } else {
            s.today
        };
        let date = format!(" {label} {} ", self.today);
        let mark = self
            .read_only
            .as_ref()
            .map(|_| format!("[{}]", s.read_only))
            .or_else(|| {
                self.roles_refusal()
                    .map(|r| self.lang.roles_read_only_mark(&r))
            });
        (date, mark)
    }

    /// Where each tab is drawn in a header area.
    pub fn header_tab_areas(&self, header: Rect) -> Vec<(Action, Rect)> {
        let tabs = self.header_tabs();
        let widths: Vec<usize> = tabs.iter().map(|(_, _, text)| width(text)).collect();
        let (date, mark) = self.header_trailing();
        let trailing = width(&date) + mark.as_deref().map_or(0, width);
        header_tab_areas(header, &widths, trailing)
            .into_iter()
            .zip(tabs)
            .map(|(area, (_, action, _))| (action, area))
            .collect()
    }
}
