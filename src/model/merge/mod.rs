//! A three-way merge of boards by meaning: what `ftz-board merge-driver` does for git (the rules
//! are in `docs/FORMAT.md`, "Merging"). The result is a board; written canonically, merging it
//! again with either side changes nothing.

mod milestones;
pub mod setting;
mod task;
mod three;
pub mod values;

use std::collections::BTreeMap;

use super::{Board, CURRENT_VERSION, Conflict, Roles, TaskId};
use three::{Pick, pick, set, sorted_set};

/// A merged board and the conflicts this merge found (also in `board.conflicts`).
#[derive(Debug, Clone)]
pub struct Merged {
    pub board: Board,
    pub new_conflicts: Vec<Conflict>,
}

/// The conflicts a merge finds, as it finds them.
#[derive(Default)]
struct Clashes {
    found: Vec<Conflict>,
}

impl Clashes {
    fn add(
        &mut self,
        task: Option<TaskId>,
        field: &str,
        ours: String,
        theirs: String,
        by: [&str; 2],
    ) {
        self.found.push(Conflict {
            task,
            field: field.to_string(),
            ours,
            theirs,
            ours_by: by[0].to_string(),
            theirs_by: by[1].to_string(),
        });
    }
}

/// Merges `ours` and `theirs`, both changed from `base`. Where they clash, ours stays in the board
/// and a [`Conflict`] says what theirs had.
pub fn merge(base: &Board, ours: &Board, theirs: &Board) -> Merged {
    let mut clashes = Clashes::default();
    let mut board = ours.clone();
    board.version = CURRENT_VERSION;
    for name in setting::NAMES {
        let value = |b: &Board| setting::get(b, name).unwrap_or_default();
        match pick(Some(&value(base)), &value(ours), &value(theirs)) {
            Pick::Clean(text) => {
                let _ = setting::set(&mut board, name, &text);
            }
            Pick::Clash { ours, theirs } => clashes.add(None, name, ours, theirs, ["", ""]),
        }
    }
    board.created_on = match pick(Some(&base.created_on), &ours.created_on, &theirs.created_on) {
        Pick::Clean(day) => day,
        // Bookkeeping, not a decision: the earlier day is when the board was made.
        Pick::Clash { ours, theirs } => earlier(ours, theirs),
    };
    board.roles = roles(base, ours, theirs, &mut clashes);
    board.unit_aliases = map_of_sets(&base.unit_aliases, &ours.unit_aliases, &theirs.unit_aliases);
    board.meetings = sorted_set(&base.meetings, &ours.meetings, &theirs.meetings);
    board.tasks = task::merge_all(&base.tasks, &ours.tasks, &theirs.tasks, &mut clashes);
    board.conflicts = set(&base.conflicts, &ours.conflicts, &theirs.conflicts);
    let mut new_conflicts = Vec::new();
    for conflict in clashes.found {
        // The same clash found again (the result merged once more with a side) is not new.
        if !board.conflicts.iter().any(|c| same_clash(c, &conflict)) {
            board.conflicts.push(conflict.clone());
            new_conflicts.push(conflict);
        }
    }
    Merged {
        board,
        new_conflicts,
    }
}

/// The earlier of two days that may be missing.
fn earlier(
    a: Option<chrono::NaiveDate>,
    b: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The same two values disagreeing over the same thing, whichever side each is on.
fn same_clash(a: &Conflict, b: &Conflict) -> bool {
    a.task == b.task
        && a.field == b.field
        && ((a.ours == b.ours && a.theirs == b.theirs)
            || (a.ours == b.theirs && a.theirs == b.ours))
}

/// The roles: changed on one side, that side; changed on both, the office and each unit's members
/// as sets. Only roles switched on (or off) on one side and changed on the other clash.
fn roles(base: &Board, ours: &Board, theirs: &Board, clashes: &mut Clashes) -> Option<Roles> {
    match pick(Some(&base.roles), &ours.roles, &theirs.roles) {
        Pick::Clean(roles) => roles,
        Pick::Clash {
            ours: Some(o),
            theirs: Some(t),
        } => {
            let b = base.roles.clone().unwrap_or_default();
            Some(Roles {
                office: set(&b.office, &o.office, &t.office),
                units: map_of_sets(&b.units, &o.units, &t.units),
            })
        }
        Pick::Clash { ours, theirs } => {
            let text = values::ron_text;
            clashes.add(None, "roles", text(&ours), text(&theirs), ["", ""]);
            ours
        }
    }
}

/// A map of name lists (unit aliases, unit members) merged as a set of (key, name) pairs: a name
/// added on either side is in, one removed on either side is out; a key left with none goes.
fn map_of_sets(
    base: &BTreeMap<String, Vec<String>>,
    ours: &BTreeMap<String, Vec<String>>,
    theirs: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, Vec<String>> {
    let pairs = |map: &BTreeMap<String, Vec<String>>| -> Vec<(String, String)> {
        map.iter()
            .flat_map(|(k, names)| names.iter().map(move |n| (k.clone(), n.clone())))
            .collect()
    };
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, name) in set(&pairs(base), &pairs(ours), &pairs(theirs)) {
        out.entry(key).or_default().push(name);
    }
    // A key kept on both sides with an empty list (a unit without members yet) stays.
    for (key, names) in ours.iter().chain(theirs) {
        if names.is_empty()
            && !(base.contains_key(key) && !(ours.contains_key(key) && theirs.contains_key(key)))
        {
            out.entry(key.clone()).or_default();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Note;

    fn names(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|n| n.to_string()).collect()))
            .collect()
    }

    #[test]
    fn a_name_removed_on_one_side_is_gone_and_one_added_on_the_other_is_in() {
        let base = names(&[("区科委", &["科委", "科技委"])]);
        let ours = names(&[("区科委", &["科委"])]);
        let theirs = names(&[
            ("区科委", &["科委", "科技委", "区科技委"]),
            ("区商务委", &[]),
        ]);
        let merged = map_of_sets(&base, &ours, &theirs);
        assert_eq!(
            merged,
            names(&[("区科委", &["科委", "区科技委"]), ("区商务委", &[])])
        );
    }

    #[test]
    fn a_note_marked_a_decision_on_one_side_stays_marked() {
        let note = Note {
            at: chrono::DateTime::parse_from_rfc3339("2025-03-01T10:00:00+08:00").unwrap(),
            author: "lina".into(),
            text: "会议决定".into(),
            decision: false,
        };
        let marked = Note {
            decision: true,
            ..note.clone()
        };
        let merged = task::notes(
            std::slice::from_ref(&note),
            std::slice::from_ref(&note),
            std::slice::from_ref(&marked),
        );
        assert_eq!(merged, [marked]);
    }

    #[test]
    fn a_clash_found_again_from_the_other_side_is_the_same_clash() {
        let c = |ours: &str, theirs: &str| Conflict {
            task: Some(3),
            field: "status".into(),
            ours: ours.into(),
            theirs: theirs.into(),
            ours_by: "lina".into(),
            theirs_by: "wang".into(),
        };
        assert!(same_clash(&c("done", "blocked"), &c("blocked", "done")));
        assert!(!same_clash(
            &c("done", "blocked"),
            &c("done", "in_progress")
        ));
    }
}
