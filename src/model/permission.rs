//! Who may do what (权限), when the board names its office and the units' members (`roles`).
//!
//! Every change is an [`Operation`]; [`check`] says whether a person may make it. The store calls
//! it under the lock, just before applying, so the shell and the board obey the same rules. What
//! an operation needs is an [`Act`] (on a task, or board-wide); each act is either a right of the
//! task's units' members or the office's alone. An undo needs what its inverse change needs, so a
//! member may take back their own note but not the office's decision.
//!
//! This is a rule of the program, not a lock on the file: the file's own permissions (README) are
//! what keep a person from editing it by other means.

use super::{Board, Change, HistoryEntry, Operation, Roles, Status, Task, TaskId};

/// What an operation does, as far as permission goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    // The members' rights, on tasks where their unit leads or cooperates.
    AddNote,
    /// Taking back one's own note (an undo).
    RemoveOwnNote,
    /// Completing a milestone, or taking the completion back (工作节点完成).
    CompleteMilestone,
    /// 申请销号 or 延期申请.
    FileRequest,
    /// Taking back an open request (an undo of filing it).
    WithdrawRequest,
    /// Moving among not started, in progress and blocked (not to or from done).
    SetStatus,
    // The office's alone.
    /// 销号: moving a task to done.
    Close,
    /// Moving a done task back.
    Reopen,
    /// Title, text, deadline, units.
    EditPlan,
    /// Adding, editing or deleting a milestone.
    EditMilestone,
    RemoveNote,
    AddTask,
    DeleteTask,
    DecideRequest,
    ChangeRoles,
    RecordMeeting,
    ResolveConflict,
}

impl Act {
    /// Whether members of the task's units may do it (else only the office).
    pub fn is_member_right(self) -> bool {
        matches!(
            self,
            Act::AddNote
                | Act::RemoveOwnNote
                | Act::CompleteMilestone
                | Act::FileRequest
                | Act::WithdrawRequest
                | Act::SetStatus
        )
    }
}

/// Why a change is not allowed, naming who may make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 只有专班办公室可以…
    OfficeOnly(Act),
    /// Only members of the task's lead or cooperating units (and the office) may.
    UnitsOnly { act: Act, task: TaskId },
    /// The person is named nowhere in `roles`: they may read the board only.
    NotNamed { login: String },
    /// The board has roles, and the user id running us has no login name to look up.
    NoLogin,
}

/// Whether `who` may make `op` on `board`. Without roles anyone may (as before roles existed).
pub fn check(
    roles: Option<&Roles>,
    who: &str,
    op: &Operation,
    board: &Board,
) -> Result<(), Refusal> {
    let Some(roles) = roles else {
        return Ok(());
    };
    let mut needed = Vec::new();
    acts(op, who, board, &mut needed);
    for (act, task) in needed {
        allows(roles, who, act, task.and_then(|id| board.task(id)), board)?;
    }
    Ok(())
}

/// Whether `who` may do `act` on `task` (`None` for a board-wide act): for a board that asks
/// before offering an action (grey it out, or explain).
pub fn allows(
    roles: &Roles,
    who: &str,
    act: Act,
    task: Option<&Task>,
    board: &Board,
) -> Result<(), Refusal> {
    if roles.is_office(who) {
        return Ok(());
    }
    if !roles.knows(who) {
        return Err(Refusal::NotNamed {
            login: who.to_string(),
        });
    }
    if !act.is_member_right() {
        return Err(Refusal::OfficeOnly(act));
    }
    // A task that does not exist is the operation's own error (no such task), not a refusal.
    let Some(task) = task else {
        return Ok(());
    };
    if is_member_of(roles, who, task, board) {
        Ok(())
    } else {
        Err(Refusal::UnitsOnly { act, task: task.id })
    }
}

/// Whether `who` may only read this board (named nowhere in its roles, or no login name at all):
/// a board can open read-only for them and say why ([`Refusal::NotNamed`]) before anything is tried.
pub fn reads_only(roles: Option<&Roles>, who: Option<&str>) -> bool {
    match (roles, who) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(roles), Some(who)) => !roles.knows(who),
    }
}

/// Whether `who` belongs to one of the task's lead or cooperating units (by any known spelling).
pub fn is_member_of(roles: &Roles, who: &str, task: &Task, board: &Board) -> bool {
    let units = board.units_of(task);
    roles
        .units_of(who)
        .any(|unit| units.iter().any(|(u, _)| *u == board.canonical_unit(unit)))
}

/// What the operation needs. Every operation is matched here without a catch-all, so a new one
/// (milestone operations, say: completing one is [`Act::CompleteMilestone`], a member right;
/// adding, editing or deleting one is [`Act::EditMilestone`]) cannot be forgotten.
fn acts(op: &Operation, who: &str, board: &Board, out: &mut Vec<(Act, Option<TaskId>)>) {
    match op {
        Operation::SetStatus { id, to } => {
            let from = board.task(*id).map(|t| t.status);
            out.push((status_act(from, *to), Some(*id)));
        }
        Operation::AddNote { id, .. } => out.push((Act::AddNote, Some(*id))),
        Operation::EditField { id, .. } => out.push((Act::EditPlan, Some(*id))),
        Operation::AddTask { .. } => out.push((Act::AddTask, None)),
        Operation::DeleteTask { id } => out.push((Act::DeleteTask, Some(*id))),
        Operation::RecordMeeting { .. } => out.push((Act::RecordMeeting, None)),
        Operation::RequestClose { id, .. } | Operation::RequestExtend { id, .. } => {
            out.push((Act::FileRequest, Some(*id)))
        }
        Operation::Decide { id, .. } => out.push((Act::DecideRequest, Some(*id))),
        Operation::SetRoles { .. } => out.push((Act::ChangeRoles, None)),
        Operation::ResolveConflict { task, .. } => out.push((Act::ResolveConflict, *task)),
        // Marking a milestone done (or not done after all) is the unit's report of progress;
        // what the milestones are is part of the plan.
        Operation::CompleteMilestone { id, .. } | Operation::ReopenMilestone { id, .. } => {
            out.push((Act::CompleteMilestone, Some(*id)))
        }
        Operation::AddMilestone { id, .. }
        | Operation::EditMilestone { id, .. }
        | Operation::DeleteMilestone { id, .. } => out.push((Act::EditMilestone, Some(*id))),
        Operation::Batch(ops) => {
            for op in ops {
                acts(op, who, board, out);
            }
        }
        Operation::Revert { entries, .. } => {
            for entry in entries {
                out.push((undo_act(entry, who), entry.task));
            }
        }
    }
}

fn status_act(from: Option<Status>, to: Status) -> Act {
    if to == Status::Done {
        Act::Close
    } else if from == Some(Status::Done) {
        Act::Reopen
    } else {
        Act::SetStatus
    }
}

/// What undoing (or redoing) an entry needs: what its inverse change would need as a change.
fn undo_act(entry: &HistoryEntry, who: &str) -> Act {
    match entry.inverse_change() {
        Some(change) => change_act(&change, who),
        // A version 1 entry cannot be undone anyway; asking the office is the safe answer.
        None => Act::EditPlan,
    }
}

/// What a change needs, for undo and redo.
pub fn change_act(change: &Change, who: &str) -> Act {
    match change {
        Change::Status { from, to, .. } => status_act(Some(*from), *to),
        Change::NoteAdded { .. } => Act::AddNote,
        Change::NoteRemoved { note } if note.author == who => Act::RemoveOwnNote,
        Change::NoteRemoved { .. } => Act::RemoveNote,
        // The plan's fields and the board's settings are the office's.
        Change::Field { .. } | Change::Setting { .. } | Change::Legacy(_) => Act::EditPlan,
        Change::TaskAdded { .. } => Act::AddTask,
        Change::TaskDeleted { .. } => Act::DeleteTask,
        Change::Milestone { from, to, .. } => match (from, to) {
            (Some(a), Some(b)) if a.completed_on != b.completed_on => {
                let without_completion = |m: &super::Milestone| super::Milestone {
                    completed_on: None,
                    ..m.clone()
                };
                if without_completion(a) == without_completion(b) {
                    Act::CompleteMilestone
                } else {
                    Act::EditMilestone
                }
            }
            _ => Act::EditMilestone,
        },
        Change::Request {
            decision: Some(_), ..
        } => Act::DecideRequest,
        Change::Request {
            from: None,
            to: Some(_),
            ..
        } => Act::FileRequest,
        Change::Request {
            from: Some(_),
            to: None,
            ..
        } => Act::WithdrawRequest,
        Change::Request { .. } => Act::DecideRequest,
        Change::Meeting { .. } | Change::MeetingRemoved { .. } => Act::RecordMeeting,
        Change::Roles { .. } => Act::ChangeRoles,
        Change::ConflictResolved { .. } | Change::ConflictRestored { .. } => Act::ResolveConflict,
    }
}

#[cfg(test)]
mod tests;
