//! The board's three views with no mode open: moving around, switching views, opening the
//! detail, help, review and the dialogs (drawn by `ui::status_board`, `ui::unit_board`,
//! `ui::dashboard`).

use super::{Approvals, ConflictList, Detail, Help, Mode, Review};
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind, Effect, View};
use crate::model::Filter;

impl App {
    pub(super) fn on_board_action(&mut self, action: Action) -> Effect {
        if let Some(effect) = self.on_view_action(action) {
            return effect;
        }
        match action {
            Action::ToggleHelp => self.push(Mode::Help(Help::default())),
            Action::NextView => self.switch_view(match self.view {
                View::Status => View::Units,
                View::Units => View::Dashboard,
                View::Dashboard => View::Changes,
                View::Changes => View::Status,
            }),
            Action::ShowStatusView => self.switch_view(View::Status),
            Action::ShowUnitView => self.switch_view(View::Units),
            Action::ShowDashboard => self.switch_view(View::Dashboard),
            Action::ShowChanges => self.switch_view(View::Changes),
            // From another view: the changes view, with its start dialog open.
            Action::PickChangesStart => {
                self.switch_view(View::Changes);
                return self.update(action);
            }
            Action::OpenDetail => {
                if let Some(id) = self.selected_task() {
                    self.push(Mode::Detail(Detail::new(id)));
                }
            }
            Action::MoveNext | Action::MovePrevious => {
                return self.move_task(self.selected_task(), action);
            }
            Action::AddTask if self.needs_board_chosen() => {}
            Action::NextBoard => return self.next_board(),
            Action::AddNote | Action::EditTask | Action::AddTask | Action::DeleteTask => {
                self.open_dialog(action, self.selected_task())
            }
            Action::RequestClose | Action::RequestExtend => {
                self.open_request(action, self.selected_task())
            }
            Action::Approvals => self.push(Mode::Approvals(Approvals::default())),
            Action::Conflicts => self.push(Mode::Conflicts(ConflictList::default())),
            Action::Search | Action::Filter => self.open_finder(action),
            Action::Review => return self.start_review(),
            Action::Export => return Effect::Export,
            Action::Undo => return self.take_undo(ChangeKind::Undo),
            Action::Redo => return self.take_undo(ChangeKind::Redo),
            Action::Back => {
                // Esc clears what was searched and filtered; the board shown in a city view is
                // the board key's to change.
                let cleared = Filter {
                    board: self.filter.board,
                    ..Filter::default()
                };
                if self.filter != cleared {
                    self.set_filter(cleared);
                }
            }
            // The views' own keys (moves, scrolling, `z`) were taken by `on_view_action`.
            _ => {}
        }
        Effect::None
    }

    fn start_review(&mut self) -> Effect {
        let (board, filter, today) = (&self.board, &self.filter, self.today);
        let review = Review::start(board, today, |id| {
            filter.is_empty()
                || board
                    .task(id)
                    .is_some_and(|t| filter.matches(board, t, today))
        });
        if review.items.is_empty() {
            self.info(self.lang.strings().no_tasks.to_string());
            Effect::None
        } else {
            self.push(Mode::Review(review));
            self.meeting_on_review()
        }
    }

    /// Replaces the filter and regroups, keeping the selection where the task is still shown.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.regroup();
    }

    /// Hands an action to the view shown; `None` for what it leaves to the board.
    fn on_view_action(&mut self, action: Action) -> Option<Effect> {
        let (grouping, body) = (&self.grouping, self.geometry.body);
        let taken = match self.view {
            View::Status => self.status_view.handle(action, grouping, body),
            View::Units => {
                let visible = self.geometry.unit_rows_visible;
                self.unit_view.handle(action, grouping, visible)
            }
            View::Dashboard => self.dashboard_view.handle(action, grouping, body),
            View::Changes => return self.on_changes_action(action),
        };
        taken.then_some(Effect::None)
    }

    fn switch_view(&mut self, view: View) {
        // Carry the selected task across views so switching keeps your place.
        if let Some(id) = self.selected_task() {
            match view {
                View::Status => self.status_view.follow(&self.grouping, Some(id)),
                View::Units => self
                    .unit_view
                    .follow(&self.grouping, Some((id, String::new()))),
                View::Dashboard | View::Changes => {}
            }
        }
        self.view = view;
        self.keep_cursors_in_view();
        self.refresh_dashboard();
        self.refresh_changes();
    }
}

/// The footer with no mode open: help first, then what a member does most on this screen (the
/// view's own list: write a note, open a task, move it, find one, the meeting's keys), and the
/// rest as they fit.
pub fn hints(app: &App, keys: &HintSource) -> Vec<Hint> {
    let middle = match app.view {
        View::Status => app.status_view.hints(keys),
        View::Units => app.unit_view.hints(keys),
        View::Dashboard => app.dashboard_view.hints(keys),
        View::Changes => return app.changes_view().hints(keys),
    };
    let one = |a: Action| (keys.key(a), keys.short(a));
    let mut wanted = vec![one(Action::ToggleHelp)];
    // A city view's first question is which boards are shown.
    if app.is_city() {
        wanted.push((
            keys.key(Action::NextBoard),
            app.lang().city_labels().switch_short,
        ));
    }
    wanted.extend(middle);
    wanted.extend([one(Action::NextView), one(Action::Undo), one(Action::Quit)]);
    keys.collect(wanted)
}

/// The hints of a view with tasks to work on: write a note, open one, move it.
pub(crate) fn task_hints(keys: &HintSource) -> Vec<(Option<String>, &'static str)> {
    vec![
        (keys.key(Action::AddNote), keys.short(Action::AddNote)),
        (keys.key(Action::OpenDetail), keys.short(Action::OpenDetail)),
        (
            keys.pair(Action::MoveNext, Action::MovePrevious),
            keys.short(Action::MoveNext),
        ),
    ]
}

/// Finding tasks, the meeting's review and the report: in every view's footer.
pub(crate) fn finding_hints(keys: &HintSource) -> Vec<(Option<String>, &'static str)> {
    [
        Action::Search,
        Action::Filter,
        Action::Review,
        Action::Export,
    ]
    .into_iter()
    .map(|a| (keys.key(a), keys.short(a)))
    .collect()
}

/// Scrolls a free-scrolling page (dashboard, detail, help) by an action.
pub(crate) fn scrolled(scroll: usize, action: Action, page: usize) -> usize {
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
