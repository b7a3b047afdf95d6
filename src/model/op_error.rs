//! Why a change was refused: the errors of [`super::Operation::apply`], in English (the Chinese
//! words are in `i18n`).

use super::TaskId;
use super::field::FieldError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpError {
    NoSuchTask(TaskId),
    EmptyTitle,
    NoLeadUnit,
    BadDate(String),
    Unchanged,
    /// Someone else changed the task since; the undo would overwrite their change.
    ChangedMeanwhile(Option<TaskId>),
    /// No open merge conflict about this task (or the board, `None`) and field.
    NoSuchConflict(Option<TaskId>, String),
    /// A conflict whose value this build cannot read back (a hand edit); carries the field.
    BadConflict(String),
    /// The board's roles do not let this person make the change.
    NotAllowed(super::permission::Refusal),
    /// The task already has an open request: the office decides it first.
    RequestOpen(TaskId),
    /// A decision asked for on a task without an open request.
    NoOpenRequest(TaskId),
    /// A request on a task that is done already.
    AlreadyDone(TaskId),
    /// A closure request needs its note, an extension its reason.
    RequestNeedsText(TaskId),
    /// An extension to a date not after the current deadline.
    ExtensionNotLater {
        id: TaskId,
        deadline: chrono::NaiveDate,
    },
    /// A closure is approved or returned; an extension approved or refused.
    WrongDecision {
        id: TaskId,
        closure: bool,
    },
    /// The task has no milestone with this number.
    NoSuchMilestone(TaskId, u32),
    /// A milestone completed on a day that has not come yet.
    FutureDate(chrono::NaiveDate),
}

impl From<FieldError> for OpError {
    fn from(e: FieldError) -> Self {
        match e {
            FieldError::EmptyTitle => OpError::EmptyTitle,
            FieldError::NoLeadUnit => OpError::NoLeadUnit,
            FieldError::BadDate(text) => OpError::BadDate(text),
        }
    }
}

impl std::fmt::Display for OpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpError::NoSuchTask(id) => write!(f, "no task with id {id}"),
            OpError::EmptyTitle => write!(f, "the title must not be empty"),
            OpError::NoLeadUnit => write!(f, "a task needs at least one lead unit (牵头单位)"),
            OpError::BadDate(s) => write!(f, "`{s}` is not a date (expected YYYY-MM-DD)"),
            OpError::Unchanged => write!(f, "nothing to change"),
            OpError::ChangedMeanwhile(Some(id)) => write!(
                f,
                "task {id} was changed by someone else since; not undoing over it"
            ),
            OpError::ChangedMeanwhile(None) => write!(
                f,
                "the board was changed by someone else since; not undoing over it"
            ),
            OpError::NoSuchConflict(task, field) => match task {
                Some(id) => write!(f, "no open merge conflict about `{field}` of task {id}"),
                None => write!(f, "no open merge conflict about `{field}` of the board"),
            },
            OpError::BadConflict(field) => write!(
                f,
                "the conflict about `{field}` holds a value that does not read back (edited by hand?)"
            ),
            OpError::NotAllowed(refusal) => write!(f, "{refusal}"),
            OpError::RequestOpen(id) => write!(
                f,
                "task {id} already has an open request; the office decides it first (ftz-board requests)"
            ),
            OpError::NoOpenRequest(id) => write!(f, "task {id} has no open request"),
            OpError::AlreadyDone(id) => write!(f, "task {id} is done already"),
            OpError::RequestNeedsText(id) => write!(
                f,
                "a request on task {id} needs its text: what was done (closure) or why (extension)"
            ),
            OpError::ExtensionNotLater { id, deadline } => write!(
                f,
                "task {id}'s deadline is {deadline}: an extension must be to a later date"
            ),
            OpError::WrongDecision { id, closure: true } => write!(
                f,
                "task {id}'s request is a closure (申请销号): approve or return it"
            ),
            OpError::WrongDecision { id, closure: false } => write!(
                f,
                "task {id}'s request is an extension (延期申请): approve or refuse it"
            ),
            OpError::NoSuchMilestone(id, number) => {
                write!(f, "task {id} has no milestone {number}")
            }
            OpError::FutureDate(day) => write!(
                f,
                "{day} has not come yet (expected a completion date up to today)"
            ),
        }
    }
}

impl std::error::Error for OpError {}
