//! The commands that change the board: each is one operation applied under the lock.

use super::Failure;
use crate::cli::Cli;
use crate::model::{Change, OpError, Operation};
use crate::store::{Applied, Store, StoreError};

/// Applies one change to the file under the lock and says what happened.
pub fn change(cli: &Cli, store: &Store, op: Operation) -> Result<(), Failure> {
    apply_change(cli, store, op).map(|_| ())
}

/// [`change`], giving back what the change made (`None` when there was nothing to change), for
/// a command that says more about it.
pub fn apply_change(cli: &Cli, store: &Store, op: Operation) -> Result<Option<Applied>, Failure> {
    if cli.read_only {
        return Err(Failure("--read-only: not changing the file".into()));
    }
    // The command shows only what the change made, so a big board is read only as far as the
    // change needs (store/partial.rs).
    let mut store = store.clone();
    store.partial_reads = true;
    match store.apply(&op, &cli.user_name()) {
        Ok(applied) => {
            if let Some(e) = &applied.fold_failed {
                eprintln!(
                    "ftz-board: warning: the change is saved in {}, but writing it into the board file failed ({e}); the next change tries again",
                    crate::store::journal_path(&store.real_path()).display()
                );
            }
            for entry in &applied.entries {
                let what = describe(&entry.change);
                match entry.task {
                    Some(id) => println!("{}: task {id} {what}", store.path().display()),
                    None => println!("{}: {what}", store.path().display()),
                }
            }
            Ok(Some(applied))
        }
        Err(StoreError::Rejected(OpError::Unchanged)) => {
            println!("{}: nothing to change", store.path().display());
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn describe(change: &Change) -> String {
    match change {
        Change::Status { from, to, .. } => format!("{} -> {}", from.name(), to.name()),
        Change::NoteAdded { .. } => "note added".into(),
        Change::NoteRemoved { .. } => "note removed".into(),
        Change::Field { field, .. } => format!("{field} changed"),
        Change::TaskAdded { .. } => "added".into(),
        Change::TaskDeleted { .. } => "deleted".into(),
        Change::Milestone {
            number, from: None, ..
        } => format!("milestone {number} added"),
        Change::Milestone {
            number, to: None, ..
        } => format!("milestone {number} deleted"),
        Change::Milestone {
            number,
            from: Some(from),
            to: Some(to),
        } => match (from.completed_on, to.completed_on) {
            (None, Some(on)) => format!("milestone {number} done on {on}"),
            (Some(_), None) => format!("milestone {number} reopened"),
            _ => format!("milestone {number} changed"),
        },
        Change::Request { to: Some(to), .. } => match &**to {
            crate::model::Request::Close { .. } => "closure requested (申请销号)".into(),
            crate::model::Request::Extend { to, .. } => {
                format!("extension to {to} requested (延期申请)")
            }
        },
        Change::Request {
            decision: Some(crate::model::Decision::Approve),
            ..
        } => "request approved (同意)".into(),
        Change::Request {
            decision: Some(crate::model::Decision::Return(_)),
            ..
        } => "closure returned (退回)".into(),
        Change::Request {
            decision: Some(crate::model::Decision::Refuse(_)),
            ..
        } => "extension refused (不同意)".into(),
        Change::Request { .. } => "request withdrawn".into(),
        Change::Meeting { date } => format!("meeting recorded on {date}"),
        Change::MeetingRemoved { date } => format!("meeting of {date} removed"),
        Change::Roles { .. } => "roles changed".into(),
        Change::Setting { name, .. } => format!("{name} changed"),
        Change::ConflictResolved { .. } => "conflict resolved".into(),
        Change::ConflictRestored { .. } => "conflict restored".into(),
        Change::Legacy(_) => "changed".into(),
    }
}
