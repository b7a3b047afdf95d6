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
    roles_summary(&loaded.board, &path.to_string());
    roles_record(&loaded.board, &history, &path.to_string());
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

/// What `roles` means for this board: who may change what, or that anyone may.
fn roles_summary(board: &crate::model::Board, path: &str) {
    use crate::model::sanitize::clean_line;
    let Some(roles) = &board.roles else {
        println!(
            "{path}: no roles: anyone who can write the file may change anything (see README, Roles)"
        );
        return;
    };
    let members: std::collections::BTreeSet<&str> =
        roles.units.values().flatten().map(String::as_str).collect();
    let office: Vec<String> = roles.office.iter().map(|m| clean_line(m)).collect();
    println!(
        "{path}: roles: office {}; {} units with {} members",
        if office.is_empty() {
            "(none)".to_string()
        } else {
            office.join(", ")
        },
        roles.units.len(),
        members.len()
    );
    if roles.office.is_empty() {
        eprintln!(
            "ftz-board: warning: {path}: roles name no office: nobody may close tasks, edit the plan or decide requests"
        );
    }
    let known = board.units_in_plan_order();
    for unit in roles.units.keys() {
        if !known.contains(&board.canonical_unit(unit)) {
            eprintln!(
                "ftz-board: warning: {path}: roles name the unit `{}`, which no task names (a typo?)",
                clean_line(unit)
            );
        }
    }
}

/// Roles written into the file by hand, not through `ftz-board roles`: the file's permissions let
/// that happen, and the record then says nothing of who named whom, so `check` says so.
fn roles_record(board: &crate::model::Board, history: &crate::model::History, path: &str) {
    use crate::model::Change;
    let recorded = history
        .entries()
        .iter()
        .rev()
        .find_map(|e| match &e.change {
            Change::Roles { to, .. } => Some(to),
            _ => None,
        });
    let unrecorded = match recorded {
        Some(to) => to.as_deref() != board.roles.as_ref(),
        None => board.roles.is_some(),
    };
    if unrecorded {
        eprintln!(
            "ftz-board: warning: {path}: the roles are not the ones last recorded (edited by hand?); `ftz-board roles` records who changes them"
        );
    }
}
