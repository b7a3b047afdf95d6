//! Version 1 files (the first build's format: the history inside the board file, entries without
//! the values undoing them needs) and their upgrade to version 2. See `docs/FORMAT.md`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

use crate::model::{
    Board, Change, HistoryEntry, LegacyChange, Note, PlanInfo, Settings, Status, Task, TaskId, Via,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardV1 {
    #[serde(rename = "version")]
    _version: u32,
    plan: PlanInfo,
    #[serde(default)]
    settings: SettingsV1,
    #[serde(default)]
    unit_aliases: BTreeMap<String, Vec<String>>,
    tasks: Vec<TaskV1>,
    #[serde(default)]
    history: Vec<EntryV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsV1 {
    #[serde(default = "thirty")]
    warn_days: u32,
    #[serde(default = "thirty")]
    stale_days: u32,
    #[serde(default)]
    utc_offset: Option<String>,
}

fn thirty() -> u32 {
    30
}

impl Default for SettingsV1 {
    fn default() -> Self {
        SettingsV1 {
            warn_days: 30,
            stale_days: 30,
            utc_offset: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskV1 {
    id: TaskId,
    title: String,
    #[serde(default)]
    text: String,
    #[serde(with = "crate::model::dates::date")]
    deadline: NaiveDate,
    lead_units: Vec<String>,
    #[serde(default)]
    cooperating_units: Vec<String>,
    #[serde(default)]
    status: Status,
    #[serde(default, with = "crate::model::dates::optional_date")]
    completed_on: Option<NaiveDate>,
    #[serde(default, with = "crate::model::dates::optional_date")]
    created_on: Option<NaiveDate>,
    #[serde(default)]
    notes: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryV1 {
    at: DateTime<FixedOffset>,
    user: String,
    task: TaskId,
    change: ChangeV1,
    #[serde(default)]
    via: Option<Via>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ChangeV1 {
    Status {
        from: Status,
        to: Status,
    },
    NoteAdded {
        text: String,
    },
    NoteRemoved {
        text: String,
    },
    Field {
        field: String,
        from: String,
        to: String,
    },
    TaskAdded {
        title: String,
    },
    TaskDeleted {
        title: String,
    },
}

/// A version 1 file read as version 2: the board, and its history converted entry by entry.
pub fn upgrade(old: BoardV1) -> (Board, Vec<HistoryEntry>) {
    let mut board = Board::empty(old.plan);
    board.settings = Settings {
        warn_days: old.settings.warn_days,
        stale_days: old.settings.stale_days,
        utc_offset: old.settings.utc_offset,
        ..Settings::default()
    };
    board.unit_aliases = old.unit_aliases;
    board.created_on = old.history.first().map(|e| e.at.date_naive());
    board.tasks = old
        .tasks
        .into_iter()
        .map(|t| Task {
            text: t.text,
            cooperating_units: t.cooperating_units,
            status: t.status,
            completed_on: t.completed_on,
            created_on: t.created_on,
            notes: t.notes,
            ..Task::new(t.id, &t.title, t.lead_units, t.deadline)
        })
        .collect();
    board.sort_tasks();
    let mut entries = forward_pass(&board, old.history);
    backward_pass(&board, &mut entries);
    for task in &mut board.tasks {
        let id = task.id;
        let newest = entries.iter().rev().find(|e| e.task == Some(id));
        task.updated_on = newest.map(HistoryEntry::date);
        task.updated_by = newest.map(|e| e.user.clone());
    }
    (board, entries)
}

/// Status, note and field entries, completed from the history before them and the board now.
/// Added and deleted tasks are left as `legacy` for the backward pass.
fn forward_pass(board: &Board, history: Vec<EntryV1>) -> Vec<HistoryEntry> {
    // The day each task was last completed, as the entries so far tell it.
    let mut completed: HashMap<TaskId, NaiveDate> = HashMap::new();
    // Notes added by entries so far and not removed since, per task (for a later removal).
    let mut added: HashMap<TaskId, Vec<Note>> = HashMap::new();
    let mut out = Vec::with_capacity(history.len());
    for old in history {
        let id = old.task;
        let day = old.at.date_naive();
        let author = crate::model::sanitize::clean_line(&old.user);
        let change = match old.change {
            ChangeV1::Status { from, to } => {
                let completed_on = (to == Status::Done).then_some(day);
                let change = match (from == Status::Done, completed.get(&id)) {
                    // Moving away from done clears the date of the last move to done.
                    (true, Some(was)) => Change::Status {
                        from,
                        to,
                        was_completed_on: Some(*was),
                        completed_on,
                    },
                    // Done before the history began: the date it clears is not known.
                    (true, None) => Change::Legacy(LegacyChange::Status { from, to }),
                    (false, _) => Change::Status {
                        from,
                        to,
                        was_completed_on: None,
                        completed_on,
                    },
                };
                if to == Status::Done {
                    completed.insert(id, day);
                }
                change
            }
            ChangeV1::NoteAdded { text } => {
                let on_task = board.task(id).and_then(|t| {
                    t.notes
                        .iter()
                        .find(|n| n.at == old.at && n.text == text)
                        .cloned()
                });
                match on_task {
                    Some(note) => {
                        added.entry(id).or_default().push(note.clone());
                        Change::NoteAdded { note }
                    }
                    None => Change::Legacy(LegacyChange::NoteAdded { text }),
                }
            }
            ChangeV1::NoteRemoved { text } => {
                let known = added.get_mut(&id).and_then(|notes| {
                    let at = notes.iter().rposition(|n| n.text == text)?;
                    Some(notes.remove(at))
                });
                match known {
                    Some(note) => Change::NoteRemoved { note },
                    None => Change::Legacy(LegacyChange::NoteRemoved { text }),
                }
            }
            ChangeV1::Field { field, from, to } => Change::Field { field, from, to },
            ChangeV1::TaskAdded { title } => Change::Legacy(LegacyChange::TaskAdded { title }),
            ChangeV1::TaskDeleted { title } => Change::Legacy(LegacyChange::TaskDeleted { title }),
        };
        out.push(HistoryEntry {
            at: old.at,
            user: author,
            task: Some(id),
            change,
            via: old.via,
        });
    }
    out
}

/// Walks back from the board, undoing each entry, to find what an added task held when it was
/// added (the board at that moment) and what a deleted task held when it was deleted (when a
/// later undo brought it back as it was).
fn backward_pass(board: &Board, entries: &mut [HistoryEntry]) {
    let mut walked = board.clone();
    // A task put back later, as it was put back: what its earlier deletion removed.
    let mut restored: HashMap<TaskId, Task> = HashMap::new();
    for entry in entries.iter_mut().rev() {
        let id = entry.task.unwrap_or_default();
        match &entry.change {
            Change::Legacy(LegacyChange::TaskAdded { .. }) => {
                if let Some(task) = walked.task(id).cloned() {
                    if entry.via.is_some() {
                        restored.insert(id, task.clone());
                    }
                    entry.change = Change::TaskAdded {
                        task: Box::new(task),
                    };
                }
            }
            Change::Legacy(LegacyChange::TaskDeleted { .. }) => {
                if let Some(task) = restored.remove(&id) {
                    entry.change = Change::TaskDeleted {
                        task: Box::new(task),
                    };
                }
            }
            _ => {}
        }
        let _ = entry.undo(&mut walked);
    }
}
