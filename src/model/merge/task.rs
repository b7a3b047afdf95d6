//! Tasks merged by id, and each task field by field; notes united by identity.

use std::collections::{BTreeSet, HashMap};

use super::three::{Pick, pick};
use super::values::{ron_text, status_text};
use super::{Clashes, milestones};
use crate::model::{Field, Note, Task, TaskId};

/// A task's content: who changed it last and when is bookkeeping, and not compared.
fn same_content(a: &Task, b: &Task) -> bool {
    let content = |t: &Task| Task {
        updated_on: None,
        updated_by: None,
        ..t.clone()
    };
    content(a) == content(b)
}

/// The tasks of the merged board, in id order.
pub(super) fn merge_all<'a>(
    base: &'a [Task],
    ours: &'a [Task],
    theirs: &'a [Task],
    clashes: &mut Clashes,
) -> Vec<Task> {
    let ids: BTreeSet<_> = base
        .iter()
        .chain(ours)
        .chain(theirs)
        .map(|t| t.id)
        .collect();
    // By id, so that a board of 10,000 tasks merges in linear time.
    let by_id = |list: &'a [Task]| -> HashMap<TaskId, &'a Task> {
        list.iter().map(|t| (t.id, t)).collect()
    };
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let mut out = Vec::with_capacity(ids.len());
    let mut renumber = Vec::new();
    for id in ids {
        let find = |map: &HashMap<TaskId, &'a Task>| map.get(&id).copied();
        match (find(&b), find(&o), find(&t)) {
            (_, None, None) => {}
            (None, Some(task), None) | (None, None, Some(task)) => out.push(task.clone()),
            (Some(b), Some(o), None) => kept_or_deleted(b, o, true, &mut out, clashes),
            (Some(b), None, Some(t)) => kept_or_deleted(b, t, false, &mut out, clashes),
            (Some(b), Some(o), Some(t)) => out.push(merge_task(Some(b), o, t, clashes)),
            (None, Some(o), Some(t)) if same_content(o, t) => {
                out.push(merge_task(None, o, t, clashes))
            }
            // Two offices each added a task under the same number: both are kept.
            (None, Some(o), Some(t)) => {
                out.push(o.clone());
                renumber.push(t.clone());
            }
        }
    }
    for mut task in renumber {
        // Merged once more, theirs is already on the board under its new number.
        let here = out.iter().any(|t| {
            same_content(
                t,
                &Task {
                    id: t.id,
                    ..task.clone()
                },
            )
        });
        if !here {
            task.id = out.iter().map(|t| t.id).max().unwrap_or(0) + 1;
            out.push(task);
        }
    }
    out.sort_by_key(|t| t.id);
    out
}

/// A task one side deleted: gone if the other side left it alone, otherwise kept (as the side
/// that changed it has it) with a `deleted` conflict. The deleting side's value is "".
fn kept_or_deleted(
    base: &Task,
    kept: &Task,
    ours_kept: bool,
    out: &mut Vec<Task>,
    c: &mut Clashes,
) {
    if same_content(base, kept) {
        return;
    }
    let by = kept.updated_by.as_deref().unwrap_or_default();
    let (value, by) = (kept.title.clone(), by);
    if ours_kept {
        c.add(Some(kept.id), "deleted", value, String::new(), [by, ""]);
    } else {
        c.add(Some(kept.id), "deleted", String::new(), value, ["", by]);
    }
    out.push(kept.clone());
}

/// One task merged field by field. `base` is `None` for a task both sides added alike.
fn merge_task(base: Option<&Task>, o: &Task, t: &Task, c: &mut Clashes) -> Task {
    let by = [
        o.updated_by.as_deref().unwrap_or_default(),
        t.updated_by.as_deref().unwrap_or_default(),
    ];
    let mut out = o.clone();
    let id = Some(o.id);
    // The fields a person edits as text: the clash shows (and settling it sets) that text.
    for field in Field::ALL {
        let text = |task: &Task| field.get(task);
        if let Pick::Clash { ours, theirs } = pick(base.map(text).as_ref(), &text(o), &text(t)) {
            c.add(id, field.name(), ours, theirs, by);
        }
    }
    macro_rules! take {
        ($($field:ident),*) => {$(
            if let Pick::Clean(value) = pick(base.map(|b| &b.$field), &o.$field, &t.$field) {
                out.$field = value;
            }
        )*};
    }
    take!(
        title,
        text,
        deadline,
        original_deadline,
        lead_units,
        cooperating_units
    );
    let status = |task: &Task| (task.status, task.completed_on);
    match pick(base.map(status).as_ref(), &status(o), &status(t)) {
        Pick::Clean((status, day)) => (out.status, out.completed_on) = (status, day),
        Pick::Clash { ours, theirs } => c.add(
            id,
            "status",
            status_text(ours.0, ours.1),
            status_text(theirs.0, theirs.1),
            by,
        ),
    }
    match pick(base.map(|b| &b.request), &o.request, &t.request) {
        Pick::Clean(request) => out.request = request,
        Pick::Clash { ours, theirs } => {
            c.add(id, "request", ron_text(&ours), ron_text(&theirs), by)
        }
    }
    // Bookkeeping: the day a task was added is the earlier; the last change the later one.
    out.created_on = match pick(base.map(|b| &b.created_on), &o.created_on, &t.created_on) {
        Pick::Clean(day) => day,
        Pick::Clash { ours, theirs } => super::earlier(ours, theirs),
    };
    let updated = |task: &Task| (task.updated_on, task.updated_by.clone());
    (out.updated_on, out.updated_by) =
        match pick(base.map(updated).as_ref(), &updated(o), &updated(t)) {
            Pick::Clean(value) => value,
            Pick::Clash { ours, theirs } => ours.max(theirs),
        };
    out.notes = notes(base.map_or(&[], |b| &b.notes), &o.notes, &t.notes);
    out.milestones = milestones::merge(base.map_or(&[], |b| &b.milestones), o, t, c, by);
    out
}

/// Notes united by identity (time, author, text): every note either side has, once; a note one
/// side removed is gone. Oldest first; of notes written at the same moment, ours first.
pub(super) fn notes(base: &[Note], ours: &[Note], theirs: &[Note]) -> Vec<Note> {
    let find =
        |list: &[Note], note: &Note| list.iter().find(|n| n.same_as(note)).map(|n| n.decision);
    let mut out: Vec<Note> = Vec::with_capacity(ours.len().max(theirs.len()));
    for note in ours.iter().chain(theirs) {
        if out.iter().any(|n| n.same_as(note)) {
            continue;
        }
        let (b, o, t) = (find(base, note), find(ours, note), find(theirs, note));
        let decision = match (o, t) {
            (Some(o), Some(t)) => match pick(b.as_ref(), &o, &t) {
                Pick::Clean(d) => d,
                Pick::Clash { .. } => true,
            },
            // On one side only: new there (kept), or removed on the other (gone).
            (Some(d), None) | (None, Some(d)) if b.is_none() => d,
            _ => continue,
        };
        out.push(Note {
            decision,
            ..note.clone()
        });
    }
    out.sort_by_key(|n| n.at);
    out
}
