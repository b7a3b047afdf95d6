//! Settling a merge conflict: the office picks a side (see `Operation::ResolveConflict`).
//!
//! The board holds ours while a conflict is open, so picking ours only records the decision;
//! picking theirs records it and then the change that sets theirs, as an edit would. Both go
//! into the history and undo together.

use super::history::boxed;
use super::merge::{setting, values};
use super::{Board, Change, Conflict, Field, Milestone, OpError, Request, Roles, Side, TaskId};

/// The conflict on the board about this task (or, with `None`, the board's own fields) and
/// field.
pub fn find<'a>(board: &'a Board, task: Option<TaskId>, field: &str) -> Option<&'a Conflict> {
    board
        .conflicts
        .iter()
        .find(|c| c.task == task && c.field == field)
}

/// The changes that settle `conflict` as `chose`: the decision first, then (if the board does not
/// already hold it) the change to the chosen value.
pub fn changes(board: &Board, conflict: &Conflict, chose: Side) -> Result<Vec<Change>, OpError> {
    let value = match chose {
        Side::Ours => &conflict.ours,
        Side::Theirs => &conflict.theirs,
    };
    let mut out = vec![Change::ConflictResolved {
        conflict: Box::new(conflict.clone()),
        chose,
    }];
    let unreadable = || OpError::BadConflict(conflict.field.clone());
    let Some(id) = conflict.task else {
        // The board's own fields.
        if conflict.field == "roles" {
            let to: Option<Roles> = values::from_ron(value).ok_or_else(unreadable)?;
            if to != board.roles {
                out.push(Change::Roles {
                    from: boxed(board.roles.clone()),
                    to: boxed(to),
                });
            }
        } else {
            let from = setting::get(board, &conflict.field).ok_or_else(unreadable)?;
            setting::set(&mut board.clone(), &conflict.field, value).ok_or_else(unreadable)?;
            if from != *value {
                out.push(Change::Setting {
                    name: conflict.field.clone(),
                    from,
                    to: value.clone(),
                });
            }
        }
        return Ok(out);
    };
    let task = board.task(id).ok_or(OpError::NoSuchTask(id))?;
    let field = conflict.field.as_str();
    if field == "deleted" {
        // The deleting side's value is "": picking it deletes the task, which is still here.
        if value.is_empty() {
            out.push(Change::TaskDeleted {
                task: Box::new(task.clone()),
            });
        }
    } else if field == "status" {
        let (to, completed_on) = values::parse_status_text(value).ok_or_else(unreadable)?;
        if (to, completed_on) != (task.status, task.completed_on) {
            out.push(Change::Status {
                from: task.status,
                to,
                was_completed_on: task.completed_on,
                completed_on,
            });
        }
    } else if field == "request" {
        let to: Option<Request> = values::from_ron(value).ok_or_else(unreadable)?;
        if to != task.request {
            out.push(Change::Request {
                from: boxed(task.request.clone()),
                to: boxed(to),
                decision: None,
            });
        }
    } else if let Some(number) = field.strip_prefix("milestone ") {
        let number: u32 = number.trim().parse().map_err(|_| unreadable())?;
        let to: Option<Milestone> = values::from_ron(value).ok_or_else(unreadable)?;
        let from = task.milestone(number).cloned();
        if to != from {
            out.push(Change::Milestone {
                number,
                from: boxed(from),
                to: boxed(to),
            });
        }
    } else {
        let field = Field::named(field).ok_or_else(unreadable)?;
        let from = field.get(task);
        field.set(&mut task.clone(), value).map_err(OpError::from)?;
        if from != *value {
            out.push(Change::Field {
                field: field.name().to_string(),
                from,
                to: value.clone(),
            });
        }
    }
    Ok(out)
}
