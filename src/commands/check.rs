//! `check`: is the board file valid, and does its history agree with it?

use super::Failure;
use crate::store::Store;

/// `check`: the board must load (exit 1 otherwise); the history is compared with it, and a
/// disagreement (a hand edit) is a warning, so that a board edited by hand still opens.
pub fn check(store: &Store, lang: crate::i18n::Lang) -> Result<(), Failure> {
    let loaded = store.load()?;
    let history = store.load_history()?;
    let path = store.path().display();
    println!("{path}: ok ({} tasks)", loaded.board.tasks.len());
    if loaded.upgrade_pending {
        println!("{path}: version 1 file; the next change upgrades it to version 2 (see README)");
    }
    let place = |index: usize, entry: &crate::model::HistoryEntry| {
        let file = if loaded.upgrade_pending {
            path.to_string()
        } else {
            crate::store::history_path(store.path())
                .display()
                .to_string()
        };
        format!(
            "{file}: entry {} of {} ({})",
            index + 1,
            history.len(),
            entry.at.to_rfc3339()
        )
    };
    match crate::model::check_history(&loaded.board, &history) {
        crate::model::HistoryCheck::Consistent => {}
        // Two offices changed the same thing and a merge kept one value: the record holds both
        // changes, which do not chain. Not a hand edit.
        crate::model::HistoryCheck::Inconsistent(found)
            if clashed(&loaded.board, &history, &found.entry) =>
        {
            println!(
                "{path}: {}: changed on both sides of a merge; the history keeps both changes (see docs/FORMAT.md, Merging)",
                place(found.index, &found.entry),
            )
        }
        crate::model::HistoryCheck::Inconsistent(found) => eprintln!(
            "ftz-board: warning: {}: {}; the board was changed without a record after it (a hand edit?)",
            place(found.index, &found.entry),
            crate::model::sanitize::clean_line(&found.problem)
        ),
        crate::model::HistoryCheck::ConsistentBackTo(found) => println!(
            "{path}: history agrees with the board back to {}; before it the record is incomplete (version 1)",
            found.entry.date()
        ),
    }
    // A merge that clashed left its conflicts as data: the board works, but is not settled.
    let conflicts = &loaded.board.conflicts;
    if !conflicts.is_empty() {
        for conflict in conflicts {
            println!("{path}: {}", super::resolve::conflict_line(conflict, lang));
        }
        return Err(Failure(format!(
            "{path}: {} merge conflict(s) to settle (ftz-board resolve TASK FIELD ours|theirs)",
            conflicts.len()
        )));
    }
    Ok(())
}

/// Whether the entry's task had a merge conflict about the same field (still open, or settled
/// in the history).
fn clashed(
    board: &crate::model::Board,
    history: &crate::model::History,
    entry: &crate::model::HistoryEntry,
) -> bool {
    use crate::model::Change;
    let field = match &entry.change {
        Change::Status { .. } => "status".to_string(),
        Change::Field { field, .. } => field.clone(),
        Change::Request { .. } => "request".to_string(),
        Change::Milestone { number, .. } => format!("milestone {number}"),
        _ => return false,
    };
    let about = |c: &crate::model::Conflict| c.task == entry.task && c.field == field;
    board.conflicts.iter().any(about)
        || history.entries().iter().any(|e| match &e.change {
            Change::ConflictResolved { conflict, .. } => about(conflict),
            _ => false,
        })
}
