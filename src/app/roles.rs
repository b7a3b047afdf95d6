//! The board's side of the roles: who the person at the keyboard is (the real uid's login, set by
//! `commands::open`), whether the roles let them only read, and refusals said before anything is
//! typed or saved. The store decides again under the lock (`Store::apply`); asking here first
//! means a refusal reads as a refusal ("只有专班办公室可以销号"), never as a failed save.

use super::{App, ChangeKind, Effect};
use crate::action::Action;
use crate::model::permission::{self, Act, Refusal};
use crate::model::{Operation, TaskId};

impl App {
    /// Who the board's roles see (the login name of the real user id; `None` when it has none).
    pub fn set_login(&mut self, login: Option<String>) {
        self.login = login;
    }

    pub fn login(&self) -> Option<&str> {
        self.login.as_deref()
    }

    /// Why this person may only read the board: it has roles and names them nowhere (or they
    /// have no login name). Worked out from the board in use, so a colleague adding them to the
    /// roles takes effect at the next reload.
    pub fn roles_refusal(&self) -> Option<Refusal> {
        let roles = self.board.roles.as_ref()?;
        match self.login.as_deref() {
            None => Some(Refusal::NoLogin),
            Some(login) if !roles.knows(login) => Some(Refusal::NotNamed {
                login: login.to_string(),
            }),
            Some(_) => None,
        }
    }

    /// Whether the roles refuse `act` on `task` to this person; says why when they do.
    pub(super) fn refuse_act(&mut self, act: Act, task: Option<TaskId>) -> bool {
        let Some(roles) = self.board.roles.as_ref() else {
            return false;
        };
        let refusal = match self.login.as_deref() {
            None => Some(Refusal::NoLogin),
            Some(login) => {
                let task = task.and_then(|id| self.board.task(id));
                permission::allows(roles, login, act, task, &self.board).err()
            }
        };
        match refusal {
            Some(refusal) => {
                self.error(self.lang.refusal(&refusal));
                true
            }
            None => false,
        }
    }

    /// What opening an action's dialog asks of the roles, checked before the dialog opens so
    /// nobody types a note they may not save.
    pub(super) fn refuse_dialog(&mut self, action: Action, task: Option<TaskId>) -> bool {
        let act = match action {
            Action::AddNote => Act::AddNote,
            Action::EditTask => Act::EditPlan,
            Action::AddTask => return self.refuse_act(Act::AddTask, None),
            Action::DeleteTask => Act::DeleteTask,
            Action::RequestClose | Action::RequestExtend => Act::FileRequest,
            _ => return false,
        };
        task.is_some() && self.refuse_act(act, task)
    }

    /// Stops a change the roles refuse before it goes to the store, with the reason in the
    /// footer. What the change came from is kept: a dialog comes back with its text, an undo
    /// stays on its stack.
    pub(super) fn vet(&mut self, effect: Effect) -> Effect {
        let Effect::Apply { op, kind } = &effect else {
            return effect;
        };
        let Some(roles) = self.board.roles.as_ref() else {
            return effect;
        };
        let refusal = match self.login.as_deref() {
            None => Refusal::NoLogin,
            Some(login) => match permission::check(Some(roles), login, op, &self.board) {
                Ok(()) => return effect,
                Err(refusal) => refusal,
            },
        };
        self.error(self.lang.refusal(&refusal));
        if let Some(dialog) = self.submitted.take() {
            self.push(super::Mode::Dialog(Box::new(dialog)));
        }
        if let Operation::Revert { entries, .. } = op {
            let entry = super::changes::Undoable {
                entries: entries.clone(),
                label: self.reverting.take().unwrap_or_default(),
            };
            match kind {
                ChangeKind::Undo => self.undo.push(entry),
                ChangeKind::Redo => self.redo.push(entry),
                ChangeKind::New => {}
            }
        }
        Effect::None
    }
}
