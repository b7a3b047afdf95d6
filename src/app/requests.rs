//! Opening the request dialogs: a unit's closure or extension request on the selected task (`o`,
//! `y`), and the office's decision on an open one (Enter in the approvals list). Each is refused
//! before it opens when it could not be saved, with the reason (the roles', or the request's own:
//! a done task, a request already open).

use super::dialog::{DecideDialog, Dialog, RequestDialog, RequestKind};
use super::{App, Mode};
use crate::action::Action;
use crate::model::permission::Act;
use crate::model::{OpError, Status, TaskId};

impl App {
    /// `o` or `y` on `task`.
    pub(super) fn open_request(&mut self, action: Action, task: Option<TaskId>) {
        let kind = match action {
            Action::RequestClose => RequestKind::Close,
            _ => RequestKind::Extend,
        };
        let Some(id) = task else { return };
        if self.refuse_changes() || self.refuse_dialog(action, Some(id)) {
            return;
        }
        let Some(task) = self.board.task(id) else {
            return;
        };
        let problem = if task.status == Status::Done {
            Some(OpError::AlreadyDone(id))
        } else if task.request.is_some() {
            Some(OpError::RequestOpen(id))
        } else {
            None
        };
        if let Some(problem) = problem {
            self.error(self.lang.op_error(&problem));
            return;
        }
        let dialog = RequestDialog::new(id, kind, task.deadline);
        self.push(Mode::Dialog(Box::new(Dialog::Request(Box::new(dialog)))));
    }

    /// Enter on a request in the approvals list: the office's decision.
    pub(super) fn open_decide(&mut self, id: TaskId) {
        if self.refuse_changes() || self.refuse_act(Act::DecideRequest, Some(id)) {
            return;
        }
        let Some(request) = self.board.task(id).and_then(|t| t.request.clone()) else {
            return;
        };
        let dialog = DecideDialog::new(id, request);
        self.push(Mode::Dialog(Box::new(Dialog::Decide(Box::new(dialog)))));
    }
}
