//! The office's decision on a task's open request (from the approvals list, `p`): approve, or
//! send a closure back (退回) / refuse an extension (不同意), the latter two with a reason.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Outcome, Problem, cancel_with_care, hint, is_enter};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Decision, Operation, Request, TaskId};

pub struct DecideDialog {
    pub id: TaskId,
    /// The request decided, as it was when the dialog opened (drawn in it).
    pub request: Request,
    /// Approve (false) or the other answer (true): 退回 for a closure, 不同意 for an extension.
    pub against: bool,
    pub reason: Editor,
    discard_armed: bool,
}

impl DecideDialog {
    pub fn new(id: TaskId, request: Request) -> DecideDialog {
        DecideDialog {
            id,
            request,
            against: false,
            reason: Editor::new("", false),
            discard_armed: false,
        }
    }

    pub fn is_closure(&self) -> bool {
        matches!(self.request, Request::Close { .. })
    }

    pub fn hints(s: &'static Strings) -> Vec<Hint> {
        vec![
            hint("Enter", s.approvals.key_decide),
            hint("Tab/Up/Down", s.approvals.key_choose),
            hint("Esc", s.key_cancel),
        ]
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        let typed = !self.reason.text().trim().is_empty();
        if let Some(outcome) = cancel_with_care(key, typed, &mut self.discard_armed) {
            return outcome;
        }
        if matches!(
            key.code,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down
        ) {
            self.against = !self.against;
            return Outcome::Stay;
        }
        if is_enter(key) {
            return self.submit();
        }
        self.reason.input(key);
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        self.reason.paste(text);
    }

    fn submit(&self) -> Outcome {
        let reason = self.reason.text().trim().to_string();
        let decision = match (self.against, self.is_closure()) {
            (false, _) => Decision::Approve,
            (true, _) if reason.is_empty() => return Outcome::Invalid(Problem::NeedReason),
            (true, true) => Decision::Return(reason),
            (true, false) => Decision::Refuse(reason),
        };
        Outcome::Submit(Operation::Decide {
            id: self.id,
            decision,
        })
    }
}
