//! The approvals list (`p`, 待审批申请): every open request, oldest first, for the office to decide
//! (drawn by `ui::approvals`). The list is read from the board each time, so a request filed or
//! decided in another board appears or goes at the next reload; the selection stays on its task.

use super::Step;
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind};
use crate::model::request::open_requests;
use crate::model::{Board, Request, Task, TaskId};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Approvals {
    /// The selected request's task: kept by task, not by place, so a request leaving the list
    /// does not move the selection onto another.
    selected: Option<TaskId>,
}

impl Approvals {
    /// The open requests, oldest first.
    pub fn items(board: &Board) -> Vec<(&Task, &Request)> {
        open_requests(board)
    }

    /// Where the selection is in the list (the first request when its own has gone).
    pub fn index(&self, board: &Board) -> usize {
        let items = Approvals::items(board);
        self.selected
            .and_then(|id| items.iter().position(|(t, _)| t.id == id))
            .unwrap_or(0)
    }

    pub fn selected(&self, board: &Board) -> Option<TaskId> {
        let items = Approvals::items(board);
        items.get(self.index(board)).map(|(t, _)| t.id)
    }

    fn step(&mut self, board: &Board, action: Action) {
        let items = Approvals::items(board);
        let Some(last) = items.len().checked_sub(1) else {
            return;
        };
        let at = self.index(board);
        let to = super::list_step(at, last, action);
        self.selected = Some(items[to].0.id);
    }

    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Step {
        match action {
            Action::Back | Action::Approvals => return Step::close(),
            Action::OpenDetail => {
                if let Some(id) = self.selected(app.board()) {
                    self.selected = Some(id);
                    app.open_decide(id);
                }
            }
            Action::Undo => return Step::effect(app.take_undo(ChangeKind::Undo)),
            Action::Redo => return Step::effect(app.take_undo(ChangeKind::Redo)),
            navigation => self.step(app.board(), navigation),
        }
        Step::stay()
    }

    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        keys.collect(vec![
            (keys.key(Action::OpenDetail), s.approvals.key_decide),
            (keys.pair(Action::Down, Action::Up), s.key_next),
            (keys.key(Action::Undo), keys.describe(Action::Undo)),
            (keys.key(Action::Back), s.key_close),
        ])
    }
}
