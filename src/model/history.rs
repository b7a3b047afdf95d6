//! The record of changes (留痕): who changed what, when, with the values before and after, so
//! that every entry can be undone and redone. See `docs/FORMAT.md`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Conflict, Milestone, Note, Request, Roles, Side, Status, Task, TaskId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub at: DateTime<FixedOffset>,
    pub user: String,
    /// The task concerned; `None` for a board-wide entry (a meeting, the roles).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "bare_task")]
    pub task: Option<TaskId>,
    pub change: Change,
    /// Set when the change was an undo or a redo of an earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
}

/// `task: 3` rather than `task: Some(3)`: every line of the history names its task.
mod bare_task {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(task: &Option<u32>, s: S) -> Result<S::Ok, S::Error> {
        match task {
            Some(id) => s.serialize_u32(*id),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        u32::deserialize(d).map(Some)
    }
}

/// How a change came about when it was not made afresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Undo,
    Redo,
}

impl Via {
    pub fn opposite(self) -> Via {
        match self {
            Via::Undo => Via::Redo,
            Via::Redo => Via::Undo,
        }
    }
}

/// The office's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// 同意: the task is closed, or the deadline moved.
    Approve,
    /// 退回: a closure request sent back, with the reason.
    Return(String),
    /// 不同意: an extension refused, with the reason.
    Refuse(String),
}

/// What one change did, with the values before and after. The big values (a milestone, a
/// request, the roles, a conflict) are boxed: an entry is a third the size it was, and the history
/// of a big board holds tens of thousands (issue 17's memory profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Status {
        from: Status,
        to: Status,
        #[serde(default, with = "super::dates::optional_date")]
        was_completed_on: Option<NaiveDate>,
        #[serde(default, with = "super::dates::optional_date")]
        completed_on: Option<NaiveDate>,
    },
    NoteAdded {
        note: Note,
    },
    NoteRemoved {
        note: Note,
    },
    /// A field of the task as text before and after (units joined with 、, dates as YYYY-MM-DD,
    /// "" for no date).
    Field {
        field: String,
        from: String,
        to: String,
    },
    TaskAdded {
        task: Box<Task>,
    },
    TaskDeleted {
        task: Box<Task>,
    },
    /// A milestone added (`from: None`), deleted (`to: None`), edited, completed or reopened.
    Milestone {
        number: u32,
        from: Option<Box<Milestone>>,
        to: Option<Box<Milestone>>,
    },
    /// The task's open request before and after; `decision` says how it was answered.
    Request {
        from: Option<Box<Request>>,
        to: Option<Box<Request>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<Decision>,
    },
    Meeting {
        #[serde(with = "super::dates::date")]
        date: NaiveDate,
    },
    MeetingRemoved {
        #[serde(with = "super::dates::date")]
        date: NaiveDate,
    },
    Roles {
        from: Option<Box<Roles>>,
        to: Option<Box<Roles>>,
    },
    /// A field of the board itself (`settings.warn_days`, `plan.title`) as text before and after:
    /// made when a merge conflict about it is settled.
    Setting {
        name: String,
        from: String,
        to: String,
    },
    /// A merge conflict settled by taking one side (the value changes in the entry after it).
    ConflictResolved {
        conflict: Box<Conflict>,
        chose: Side,
    },
    /// A settled conflict put back (an undo of the above).
    ConflictRestored {
        conflict: Box<Conflict>,
    },
    /// An entry of a version 1 file that lacks what undoing it needs.
    Legacy(LegacyChange),
}

/// What a version 1 file recorded where version 2 needs more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegacyChange {
    /// A move away from done whose completion date is not known.
    Status { from: Status, to: Status },
    /// A note removed: only its text was recorded.
    NoteRemoved { text: String },
    /// A note added that is no longer on its task.
    NoteAdded { text: String },
    /// A task deleted: only its title was recorded.
    TaskDeleted { title: String },
    /// A task added whose content then is unknown (it has been deleted since).
    TaskAdded { title: String },
}

/// A value for a boxed field of a [`Change`].
pub fn boxed<T>(value: Option<T>) -> Option<Box<T>> {
    value.map(Box::new)
}

impl HistoryEntry {
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    /// Whether this entry came from a version 1 file without what undoing it needs.
    pub fn is_incomplete(&self) -> bool {
        matches!(self.change, Change::Legacy(_))
    }
}

impl Change {
    /// The stable name of the change's kind, for exports.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Status { .. } => "status",
            Change::NoteAdded { note } if note.decision => "decision",
            Change::NoteAdded { .. } => "note",
            Change::NoteRemoved { .. } => "note_removed",
            Change::Field { .. } => "field",
            Change::TaskAdded { .. } => "task_added",
            Change::TaskDeleted { .. } => "task_deleted",
            Change::Milestone { .. } => "milestone",
            Change::Request { .. } => "request",
            Change::Meeting { .. } => "meeting",
            Change::MeetingRemoved { .. } => "meeting_removed",
            Change::Roles { .. } => "roles",
            Change::Setting { .. } => "setting",
            Change::ConflictResolved { .. } => "conflict_resolved",
            Change::ConflictRestored { .. } => "conflict_restored",
            Change::Legacy(_) => "legacy",
        }
    }
}

// The history of a big board holds tens of thousands of entries: a variant that makes them all
// bigger should be boxed (they were 232 bytes before issue 17's memory work).
const _: () = assert!(size_of::<HistoryEntry>() <= 136);
