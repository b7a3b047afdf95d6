//! Sign-off (销号) and extensions (延期): a unit files a request on a task, the office decides it.
//!
//! Each step is a set of changes to record: filing sets the task's open request; a decision
//! clears it (saying how it was decided) and, when approved, closes the task on the day the
//! request was made or moves its deadline, keeping the first one as 原定.

use chrono::NaiveDate;

use super::history::boxed;
use super::operation::{Context, OpError};
use super::sanitize::{clean_line, clean_text};
use super::{Board, Change, Decision, Field, Request, Status, Task, TaskId};

/// Filing a closure request (申请销号) with what was done.
pub(super) fn close(
    board: &Board,
    ctx: &Context,
    id: TaskId,
    note: &str,
) -> Result<Vec<Change>, OpError> {
    let task = open_task(board, id)?;
    let note = clean_text(note.trim());
    if note.is_empty() {
        return Err(OpError::RequestNeedsText(id));
    }
    let request = Request::Close {
        at: ctx.now,
        by: clean_line(&ctx.user),
        note,
    };
    Ok(vec![filed(task, request)])
}

/// Filing an extension request (延期申请): a later date and why. Filed after the deadline it is
/// marked late.
pub(super) fn extend(
    board: &Board,
    ctx: &Context,
    id: TaskId,
    to: NaiveDate,
    reason: &str,
) -> Result<Vec<Change>, OpError> {
    let task = open_task(board, id)?;
    if to <= task.deadline {
        return Err(OpError::ExtensionNotLater {
            id,
            deadline: task.deadline,
        });
    }
    let reason = clean_text(reason.trim());
    if reason.is_empty() {
        return Err(OpError::RequestNeedsText(id));
    }
    let request = Request::Extend {
        at: ctx.now,
        by: clean_line(&ctx.user),
        to,
        reason,
        late: ctx.now.date_naive() > task.deadline,
    };
    Ok(vec![filed(task, request)])
}

/// The office's decision on the task's open request.
pub(super) fn decide(
    board: &Board,
    id: TaskId,
    decision: &Decision,
) -> Result<Vec<Change>, OpError> {
    let task = board.task(id).ok_or(OpError::NoSuchTask(id))?;
    let request = task.request.clone().ok_or(OpError::NoOpenRequest(id))?;
    let decision = match decision {
        Decision::Approve => Decision::Approve,
        Decision::Return(reason) => Decision::Return(clean_text(reason.trim())),
        Decision::Refuse(reason) => Decision::Refuse(clean_text(reason.trim())),
    };
    let answered = Change::Request {
        from: Some(Box::new(request.clone())),
        to: None,
        decision: Some(decision.clone()),
    };
    let mut changes = vec![answered];
    match (&request, &decision) {
        (Request::Close { at, .. }, Decision::Approve) => {
            if task.status != Status::Done {
                changes.push(Change::Status {
                    from: task.status,
                    to: Status::Done,
                    was_completed_on: task.completed_on,
                    // The task was done when the unit said so, not when the office got to it.
                    completed_on: Some(at.date_naive()),
                });
            }
        }
        (Request::Close { .. }, Decision::Return(_)) => {
            if !matches!(task.status, Status::InProgress | Status::Done) {
                changes.push(Change::Status {
                    from: task.status,
                    to: Status::InProgress,
                    was_completed_on: task.completed_on,
                    completed_on: None,
                });
            }
        }
        (Request::Extend { to, .. }, Decision::Approve) => {
            if task.original_deadline.is_none() {
                changes.push(field(
                    task,
                    Field::OriginalDeadline,
                    task.deadline.to_string(),
                ));
            }
            changes.push(field(task, Field::Deadline, to.to_string()));
        }
        (Request::Extend { .. }, Decision::Refuse(_)) => {}
        (Request::Close { .. }, Decision::Refuse(_))
        | (Request::Extend { .. }, Decision::Return(_)) => {
            return Err(OpError::WrongDecision {
                id,
                closure: matches!(request, Request::Close { .. }),
            });
        }
    }
    Ok(changes)
}

/// A task that can take a request: it exists, is not done, and has none open.
fn open_task(board: &Board, id: TaskId) -> Result<&Task, OpError> {
    let task = board.task(id).ok_or(OpError::NoSuchTask(id))?;
    if task.status == Status::Done {
        return Err(OpError::AlreadyDone(id));
    }
    if task.request.is_some() {
        return Err(OpError::RequestOpen(id));
    }
    Ok(task)
}

fn filed(task: &Task, request: Request) -> Change {
    Change::Request {
        from: boxed(task.request.clone()),
        to: Some(Box::new(request)),
        decision: None,
    }
}

fn field(task: &Task, field: Field, to: String) -> Change {
    Change::Field {
        field: field.name().to_string(),
        from: field.get(task),
        to,
    }
}

impl Task {
    /// 待销号: the unit has asked for the task to be closed and the office has not decided.
    pub fn awaiting_close(&self) -> bool {
        matches!(self.request, Some(Request::Close { .. }))
    }

    /// The deadline asked for by an open extension request (延期申请), if any.
    pub fn extension_asked(&self) -> Option<NaiveDate> {
        match &self.request {
            Some(Request::Extend { to, .. }) => Some(*to),
            _ => None,
        }
    }
}

/// The open requests, oldest first: the office's review list (待审批).
pub fn open_requests(board: &Board) -> Vec<(&Task, &Request)> {
    let mut out: Vec<(&Task, &Request)> = board
        .tasks
        .iter()
        .filter_map(|t| t.request.as_ref().map(|r| (t, r)))
        .collect();
    out.sort_by_key(|(t, r)| (r.at(), t.id));
    out
}

#[cfg(test)]
mod tests;
