//! The stack of modes above the board's view: meeting review, the detail, help and each dialog.
//! The top of the stack gets the action (a dialog gets the raw key: it takes typed text); a mode
//! that is done (Esc, mostly) leaves the stack, and what it opens goes on top of it. Each mode is
//! one type in one file with its handling (`handle`, returning an effect) and its key hints
//! (`hints`, built from the keymap in use); `ui` draws the stack bottom to top. With no mode
//! open, the view shown gets the action: each of the four is a type in its own file
//! (`status_view.rs`, `unit_view.rs`, `dashboard_view.rs`, `changes.rs`) and takes what is its
//! own (moves, scrolling, its clicks); what every view shares is `board.rs`'s.
//!
//! Nothing outside the stack decides who gets a key.

mod approvals;
mod board;
mod changes;
mod conflicts;
mod dashboard_view;
mod detail;
mod help;
mod review;
mod status_view;
mod unit_view;

pub use approvals::Approvals;
pub use board::hints as board_hints;
pub use changes::{ChangesView, Row as ChangesRow, Start, Window as ChangesWindow};
pub use conflicts::ConflictList;
pub use dashboard_view::DashboardView;
pub use detail::Detail;
pub use help::Help;
pub use review::Review;
pub(crate) use status_view::Clicked;
pub use status_view::StatusView;
pub use unit_view::UnitView;

use super::{App, Dialog, Effect, Overlay};
use crate::action::Action;
use crate::model::TaskId;

/// One layer on top of the board's view.
pub enum Mode {
    Review(Review),
    Detail(Detail),
    Help(Help),
    /// Boxed: a dialog (an editor, a form) is much larger than the other modes.
    Dialog(Box<Dialog>),
    /// The open requests, for the office to decide (`p`).
    Approvals(Approvals),
    /// The merge conflicts, for the office to settle (`C`).
    Conflicts(ConflictList),
}

/// What a mode did with an action: whether it stays open, and the effect for the main loop.
pub(crate) struct Step {
    pub keep: bool,
    pub effect: Effect,
}

impl Step {
    pub fn stay() -> Step {
        Step {
            keep: true,
            effect: Effect::None,
        }
    }

    pub fn close() -> Step {
        Step {
            keep: false,
            effect: Effect::None,
        }
    }

    pub fn effect(effect: Effect) -> Step {
        Step { keep: true, effect }
    }
}

/// Where a move key takes a list's selection from `at`, in a list whose last index is `last`
/// (the approvals, the merge conflicts).
pub(crate) fn list_step(at: usize, last: usize, action: Action) -> usize {
    match action {
        Action::Up | Action::Left => at.saturating_sub(1),
        Action::Down | Action::Right => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(10),
        Action::PageDown => (at + 10).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => at,
    }
}

/// The keys that move a selection or scroll a page: the views take these for themselves.
pub(crate) fn is_move(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
    )
}

/// A wheel notch's step from `value`, by `by`, within `0..=max`.
pub(crate) fn wheel_step(value: usize, down: bool, by: usize, max: usize) -> usize {
    if down {
        (value + by).min(max)
    } else {
        value.saturating_sub(by).min(max)
    }
}

impl App {
    /// Hands an action to the top mode, or to the view when none is open. The mode is taken off
    /// the stack while it works (it changes the app), and put back where it was, below whatever
    /// it opened, unless it is done.
    pub(super) fn dispatch(&mut self, action: Action) -> Effect {
        let Some(mut mode) = self.modes.pop() else {
            return self.on_board_action(action);
        };
        let depth = self.modes.len();
        let step = match &mut mode {
            Mode::Review(review) => review.handle(self, action),
            Mode::Detail(detail) => detail.handle(self, action),
            Mode::Help(help) => help.handle(action),
            Mode::Approvals(approvals) => approvals.handle(self, action),
            Mode::Conflicts(list) => list.handle(self, action),
            // A dialog reads keys, not actions (see `on_key`): an action from elsewhere (the mouse)
            // does nothing to it.
            Mode::Dialog(_) => Step::stay(),
        };
        if step.keep {
            self.modes.insert(depth, mode);
        }
        step.effect
    }

    pub(super) fn push(&mut self, mode: Mode) {
        self.modes.push(mode);
    }

    /// The modes open, bottom first (for drawing).
    pub fn modes(&self) -> &[Mode] {
        &self.modes
    }

    /// The open dialog: always the top of the stack while it is open.
    pub fn dialog(&self) -> Option<&Dialog> {
        match self.modes.last() {
            Some(Mode::Dialog(dialog)) => Some(dialog.as_ref()),
            _ => None,
        }
    }

    pub(super) fn dialog_mut(&mut self) -> Option<&mut Dialog> {
        match self.modes.last_mut() {
            Some(Mode::Dialog(dialog)) => Some(dialog.as_mut()),
            _ => None,
        }
    }

    /// Closes the open dialog and returns it.
    pub(super) fn take_dialog(&mut self) -> Option<Dialog> {
        match self.modes.last() {
            Some(Mode::Dialog(_)) => match self.modes.pop() {
                Some(Mode::Dialog(dialog)) => Some(*dialog),
                _ => None,
            },
            _ => None,
        }
    }

    /// The detail or help box, whichever is highest in the stack.
    pub fn overlay(&self) -> Option<Overlay> {
        self.modes.iter().rev().find_map(|mode| match mode {
            Mode::Detail(d) => Some(Overlay::Detail {
                id: d.id,
                scroll: d.scroll,
            }),
            Mode::Help(h) => Some(Overlay::Help { scroll: h.scroll }),
            _ => None,
        })
    }

    /// Closes the detail or help box on top (a click on a header tab does, before switching).
    pub(super) fn close_overlays(&mut self) {
        while let Some(Mode::Detail(_) | Mode::Help(_)) = self.modes.last() {
            self.modes.pop();
        }
    }

    /// The approvals list, when open.
    pub fn approvals(&self) -> Option<&Approvals> {
        self.modes.iter().find_map(|mode| match mode {
            Mode::Approvals(approvals) => Some(approvals),
            _ => None,
        })
    }

    /// The conflict picker, when open.
    pub fn conflict_list(&self) -> Option<&ConflictList> {
        self.modes.iter().find_map(|mode| match mode {
            Mode::Conflicts(list) => Some(list),
            _ => None,
        })
    }

    pub fn review(&self) -> Option<&Review> {
        self.modes.iter().find_map(|mode| match mode {
            Mode::Review(review) => Some(review),
            _ => None,
        })
    }

    /// Closes a detail whose task is gone (deleted, by anyone).
    pub(super) fn close_details_without_task(&mut self) {
        let board = &self.board;
        self.modes.retain(|mode| match mode {
            Mode::Detail(d) => board.task(d.id).is_some(),
            _ => true,
        });
    }

    /// The task the topmost mode shows: the detail's, the review's current one.
    pub(super) fn task_of_modes(&self) -> Option<Option<TaskId>> {
        self.modes.iter().rev().find_map(|mode| match mode {
            Mode::Detail(d) => Some(Some(d.id)),
            Mode::Review(r) => Some(r.current()),
            _ => None,
        })
    }
}
