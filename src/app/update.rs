//! Which screen an action goes to, and what it does there: the detail and help overlays, meeting
//! review, the three views. `update` never draws and never touches the disk.

use super::{App, ChangeKind, Effect, Overlay, Review, View};
use crate::action::Action;
use crate::layout::DashboardPage;
use crate::model::Filter;

impl App {
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.update_views(action);
        self.sync_detail_record();
        effect
    }

    fn update_views(&mut self, action: Action) -> Effect {
        self.message = None;
        // One change at a time: the next would be made on a board the saving one is changing,
        // and quitting now would drop the change being saved without a word.
        if self.saving && (action.changes_board() || action == Action::Quit) {
            self.info(self.lang.strings().save_busy.to_string());
            return Effect::None;
        }
        if action == Action::Quit {
            return Effect::Quit;
        }
        // The detail's task takes changes directly: note, status, edit, undo without leaving it.
        if let Some(Overlay::Detail { .. }) = self.overlay
            && action.changes_board()
            && !matches!(action, Action::AddTask | Action::DeleteTask)
        {
            return match action {
                Action::MoveNext | Action::MovePrevious => self.move_selected(action),
                Action::Undo => self.take_undo(ChangeKind::Undo),
                Action::Redo => self.take_undo(ChangeKind::Redo),
                _ => {
                    self.open_dialog(action);
                    Effect::None
                }
            };
        }
        if let Some(overlay) = self.overlay.take() {
            self.overlay = self.update_overlay(overlay, action);
            return Effect::None;
        }
        if self.review.is_some() {
            return self.update_review(action);
        }
        let body = self.body();
        match action {
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextView => self.switch_view(match self.view {
                View::Status => View::Units,
                View::Units => View::Dashboard,
                View::Dashboard => View::Status,
            }),
            Action::ShowStatusView => self.switch_view(View::Status),
            Action::ShowUnitView => self.switch_view(View::Units),
            Action::ShowDashboard => self.switch_view(View::Dashboard),
            Action::OpenDetail => {
                if let Some(id) = self.selected_task() {
                    self.overlay = Some(Overlay::Detail { id, scroll: 0 });
                }
            }
            Action::MoveNext | Action::MovePrevious => return self.move_selected(action),
            Action::AddNote | Action::EditTask | Action::AddTask | Action::DeleteTask => {
                self.open_dialog(action)
            }
            Action::Search | Action::Filter => self.open_finder(action),
            Action::Review => self.start_review(),
            Action::Export => return Effect::Export,
            Action::Undo => return self.take_undo(ChangeKind::Undo),
            Action::Redo => return self.take_undo(ChangeKind::Redo),
            Action::Back => {
                if !self.filter.is_empty() {
                    self.set_filter(Filter::default());
                }
            }
            Action::Quit => {}
            navigation => match self.view {
                View::Status => self.status_cursor.navigate(
                    navigation,
                    &self.grouping,
                    self.geometry.cards_per_column,
                ),
                View::Units => self.unit_cursor.navigate(
                    navigation,
                    &self.grouping,
                    self.geometry.unit_rows_visible,
                ),
                View::Dashboard => {
                    let page = self.grouping.dashboard.as_ref().map_or(0, |d| {
                        DashboardPage::arrange(body.width, &d.section_heights()).height
                    });
                    let last = usize::from(page.saturating_sub(body.height));
                    self.dashboard_scroll =
                        scrolled(self.dashboard_scroll, navigation, 10).min(last);
                }
            },
        }
        Effect::None
    }

    /// Keys in meeting review: next/previous task, change status, add a note, leave.
    fn update_review(&mut self, action: Action) -> Effect {
        let Some(review) = self.review.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::Down | Action::Right | Action::PageDown => review.next(),
            Action::Up | Action::Left | Action::PageUp => review.previous(),
            Action::First => {
                *review = Review {
                    index: 0,
                    scroll: 0,
                    ..review.clone()
                }
            }
            Action::Last => {
                review.index = review.items.len().saturating_sub(1);
                review.scroll = 0;
            }
            Action::Back | Action::Review => self.review = None,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::OpenDetail => {
                if let Some(id) = review.current() {
                    self.overlay = Some(Overlay::Detail { id, scroll: 0 });
                }
            }
            Action::MoveNext | Action::MovePrevious => return self.move_selected(action),
            Action::AddNote | Action::EditTask => self.open_dialog(action),
            Action::Undo => return self.take_undo(ChangeKind::Undo),
            Action::Redo => return self.take_undo(ChangeKind::Redo),
            Action::Export => return Effect::Export,
            _ => {}
        }
        Effect::None
    }

    fn start_review(&mut self) {
        let (board, filter, today) = (&self.board, &self.filter, self.today);
        let review = Review::start(board, today, |id| {
            filter.is_empty()
                || board
                    .task(id)
                    .is_some_and(|t| filter.matches(board, t, today))
        });
        if review.items.is_empty() {
            self.info(self.lang.strings().no_tasks.to_string());
        } else {
            self.review = Some(review);
        }
    }

    /// Replaces the filter and regroups, keeping the selection where the task is still shown.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.regroup();
    }

    fn switch_view(&mut self, view: View) {
        // Carry the selected task across views so switching keeps your place.
        if let Some(id) = self.selected_task() {
            match view {
                View::Status => self.status_cursor.follow(&self.grouping, Some(id)),
                View::Units => self
                    .unit_cursor
                    .follow(&self.grouping, Some((id, String::new()))),
                View::Dashboard => {}
            }
        }
        self.view = view;
        self.keep_cursors_in_view();
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Option<Overlay> {
        let scrolled = |scroll: usize| scrolled(scroll, action, 10);
        match (overlay, action) {
            (_, Action::Back) => None,
            (Overlay::Help { .. }, Action::ToggleHelp) => None,
            (Overlay::Detail { .. }, Action::OpenDetail) => None,
            (Overlay::Help { scroll }, _) => Some(Overlay::Help {
                scroll: scrolled(scroll),
            }),
            (Overlay::Detail { id, scroll }, _) => Some(Overlay::Detail {
                id,
                scroll: scrolled(scroll),
            }),
        }
    }
}

/// Scrolls a free-scrolling page (dashboard, detail, help) by an action.
fn scrolled(scroll: usize, action: Action, page: usize) -> usize {
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::First => 0,
        // Clamped by the view, which knows how long the page is.
        Action::Last => usize::MAX / 2,
        _ => scroll,
    }
}
