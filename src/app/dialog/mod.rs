//! Dialogs that take typed input: the note editor (`note.rs`), the task form (`task_form.rs`),
//! the delete confirmation, search and the filter form (`../filter_form.rs`), each with its keys.
//! While one is open it receives keys directly (typing `q` into a note must not quit).

mod changes_start;
mod milestone;
mod note;
mod request;
mod request_decide;
mod task_form;

pub use changes_start::{StartDialog, StartOutcome};
pub use milestone::{CompleteForm, MilestoneDialog, MilestoneField, MilestoneForm};
pub use note::NoteDialog;
pub use request::{RequestDialog, RequestKind};
pub use request_decide::DecideDialog;
pub use task_form::TaskForm;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::editor::Editor;
use super::hints::Hint;
use crate::i18n::Strings;
use crate::model::{Operation, TaskId};

pub enum Dialog {
    Note(NoteDialog),
    Task(TaskForm),
    ConfirmDelete {
        id: TaskId,
        title: String,
    },
    /// The search line (`/`): narrows the views as you type.
    Search(Editor),
    Filter(super::filter_form::FilterForm),
    /// A milestone's form, completion date or delete confirmation (`milestone.rs`).
    Milestone(MilestoneDialog),
    /// Where the changes view starts (`S`).
    ChangesStart(StartDialog),
    /// A unit's request to the office: closure (`o`) or extension (`y`).
    /// Boxed: two editors, much larger than the other dialogs.
    Request(Box<RequestDialog>),
    /// The office's decision on an open request (from the approvals list).
    Decide(Box<DecideDialog>),
}

/// What a key in a dialog led to.
pub enum Outcome {
    Stay,
    Cancel,
    /// Close the dialog and apply this change.
    Submit(Operation),
    /// Stay open and show this problem (e.g. an empty title).
    Invalid(Problem),
}

/// Why a dialog stays open after Enter or Esc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NeedTitle,
    NeedDeadline,
    NeedLeadUnit,
    /// Esc over typed text: a second Esc discards it.
    ConfirmDiscard,
    /// A milestone's due date that is not a date.
    NeedDue,
    /// A milestone's completion date that is not a date.
    NeedCompletedOn,
    /// A milestone due after its task's deadline: allowed, after this warning.
    DueAfterDeadline,
    /// A milestone completed on a day that has not come yet.
    CompletedInFuture,
    /// A closure request without a note of what was done.
    NeedNote,
    /// An extension without its reason, or a return or refusal without one.
    NeedReason,
    /// An extension to a date not after the deadline (given).
    NeedLaterDate(chrono::NaiveDate),
}

/// Esc (or Ctrl-C) over typed text asks first: the first press arms, the second discards; any
/// other key disarms. Returns the outcome when the key was a cancel key.
pub(super) fn cancel_with_care(
    key: &KeyEvent,
    has_input: bool,
    armed: &mut bool,
) -> Option<Outcome> {
    if !is_cancel(key) {
        *armed = false;
        return None;
    }
    if has_input && !*armed {
        *armed = true;
        return Some(Outcome::Invalid(Problem::ConfirmDiscard));
    }
    Some(Outcome::Cancel)
}

pub(super) fn is_enter(key: &KeyEvent) -> bool {
    key.code == KeyCode::Enter && !key.modifiers.contains(KeyModifiers::ALT)
}

pub(super) fn is_new_line(key: &KeyEvent) -> bool {
    (key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::ALT))
        || (key.code == KeyCode::Char('j') && key.modifiers.contains(KeyModifiers::CONTROL))
}

pub(super) fn is_cancel(key: &KeyEvent) -> bool {
    key.code == KeyCode::Esc
        || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// A fixed key of a dialog and what it does.
fn hint(keys: &str, label: &'static str) -> Hint {
    Hint {
        keys: keys.to_string(),
        label,
    }
}

impl Dialog {
    /// The dialog's fixed keys, in order of use, for the footer.
    pub fn hints(&self, s: &'static Strings) -> Vec<Hint> {
        match self {
            Dialog::Note(_) => NoteDialog::hints(s),
            Dialog::Task(_) => TaskForm::hints(s),
            Dialog::Search(_) => vec![hint("Enter", s.key_keep), hint("Esc", s.key_clear)],
            Dialog::Filter(_) => super::filter_form::FilterForm::hints(s),
            Dialog::Milestone(dialog) => dialog.hints(s),
            Dialog::ChangesStart(start) => start.hints(s),
            Dialog::Request(request) => RequestDialog::hints(s, request.kind),
            Dialog::Decide(_) => DecideDialog::hints(s),
            Dialog::ConfirmDelete { .. } => {
                vec![
                    hint("y", s.key_delete),
                    hint(s.key_other_keys, s.key_cancel),
                ]
            }
        }
    }
}
