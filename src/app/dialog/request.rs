//! A unit's request to the office on one task (`o`: 申请销号 with a note of what was done; `y`:
//! 延期申请 with the new date and the reason). What the office decides is `request_decide.rs`.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Outcome, Problem, cancel_with_care, hint, is_enter, is_new_line};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Operation, TaskId};

/// Which request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Close,
    Extend,
}

pub struct RequestDialog {
    pub id: TaskId,
    pub kind: RequestKind,
    /// The task's deadline now: an extension must go past it.
    pub deadline: NaiveDate,
    /// The new deadline (an extension only).
    pub date: Editor,
    /// The note of what was done (closure), or the reason (extension).
    pub text: Editor,
    /// Whether the date field has the focus (an extension's first field).
    pub on_date: bool,
    discard_armed: bool,
}

impl RequestDialog {
    pub fn new(id: TaskId, kind: RequestKind, deadline: NaiveDate) -> RequestDialog {
        RequestDialog {
            id,
            kind,
            deadline,
            date: Editor::new("", false),
            text: Editor::new("", true),
            on_date: kind == RequestKind::Extend,
            discard_armed: false,
        }
    }

    pub fn hints(s: &'static Strings, kind: RequestKind) -> Vec<Hint> {
        let mut hints = vec![hint("Enter", s.approvals.key_submit)];
        if kind == RequestKind::Extend {
            hints.push(hint("Tab", s.approvals.key_field));
        }
        hints.extend([hint("Esc", s.key_cancel), hint("Alt-Enter", s.key_new_line)]);
        hints
    }

    fn typed(&self) -> bool {
        !self.text.text().trim().is_empty() || !self.date.text().trim().is_empty()
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        if let Some(outcome) = cancel_with_care(key, self.typed(), &mut self.discard_armed) {
            return outcome;
        }
        if self.kind == RequestKind::Extend && matches!(key.code, KeyCode::Tab | KeyCode::BackTab) {
            self.on_date = !self.on_date;
            return Outcome::Stay;
        }
        if is_enter(key) {
            return self.submit();
        }
        if is_new_line(key) {
            if !self.on_date {
                self.text.new_line();
            }
            return Outcome::Stay;
        }
        self.focused().input(key);
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        self.focused().paste(text);
    }

    fn focused(&mut self) -> &mut Editor {
        if self.on_date {
            &mut self.date
        } else {
            &mut self.text
        }
    }

    fn submit(&mut self) -> Outcome {
        let text = self.text.text().trim().to_string();
        match self.kind {
            RequestKind::Close if text.is_empty() => Outcome::Invalid(Problem::NeedNote),
            RequestKind::Close => Outcome::Submit(Operation::RequestClose {
                id: self.id,
                note: text,
            }),
            RequestKind::Extend => {
                let Ok(to) = self.date.text().trim().parse::<NaiveDate>() else {
                    self.on_date = true;
                    return Outcome::Invalid(Problem::NeedDeadline);
                };
                if to <= self.deadline {
                    self.on_date = true;
                    return Outcome::Invalid(Problem::NeedLaterDate(self.deadline));
                }
                if text.is_empty() {
                    self.on_date = false;
                    return Outcome::Invalid(Problem::NeedReason);
                }
                Outcome::Submit(Operation::RequestExtend {
                    id: self.id,
                    to,
                    reason: text,
                })
            }
        }
    }
}
