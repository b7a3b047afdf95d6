//! A change to a big board from the command line reads only what it touches: the header (plan,
//! settings, roles, meetings) and the blocks of the tasks it names, found by `scan.rs` without
//! parsing the rest. The journal is replayed over that as over the whole board; what concerns
//! other tasks does not fit and is skipped. A change then costs what it touches, not what the
//! file holds. Any file out of the canonical layout, or any change whose reach is not known
//! here, is read whole.

use std::collections::BTreeSet;
use std::path::Path;

use super::error::StoreError;
use super::sieve::{self, Sieved};
use crate::model::{Board, Operation, TaskId};

/// Below this a board is read whole: it is quick, and a small board is folded (rewritten) with
/// every change anyway, which needs all of it.
const PARTIAL_FROM: u64 = 512 * 1024;

/// The tasks a change needs to see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Touched {
    tasks: BTreeSet<TaskId>,
    /// Adding a task: the highest task number must be known too (the new one comes after it).
    adds: bool,
}

/// What `op` reads, or `None` when that is not known here (the board is then read whole).
pub fn touched(op: &Operation) -> Option<Touched> {
    let mut out = Touched::default();
    add(op, &mut out).then_some(out)
}

fn add(op: &Operation, out: &mut Touched) -> bool {
    if let Some(id) = op.existing_task() {
        out.tasks.insert(id);
        return true;
    }
    match op {
        Operation::AddTask { task } => {
            out.tasks.insert(task.id);
            out.adds = true;
        }
        Operation::RecordMeeting { .. } | Operation::SetRoles { .. } => {}
        Operation::Batch(ops) => return ops.iter().all(|op| add(op, out)),
        Operation::Revert { entries, .. } => {
            for entry in entries {
                out.tasks.extend(entry.task);
                out.adds |= matches!(entry.change, crate::model::Change::TaskAdded { .. });
            }
        }
        #[allow(unreachable_patterns)]
        _ => return false,
    }
    true
}

/// The board with only the touched tasks, read through the sieve (`sieve.rs`), with the file's
/// length and digest; `None` when it should be read whole.
pub fn read_for(path: &Path, touched: &Touched) -> Result<Option<(Board, Sieved)>, StoreError> {
    let wanted = sieve::Wanted {
        ids: &touched.tasks,
        last: touched.adds,
    };
    let Some(sieved) = sieve::read(path, &wanted, PARTIAL_FROM)? else {
        return Ok(None);
    };
    // Any problem is left to the whole read, which places it. A version 1 file is read whole,
    // and upgraded by this change (the fast parse takes version 2 only).
    Ok(super::fast::parse_canonical_any(&sieved.text, path).map(|board| (board, sieved)))
}
