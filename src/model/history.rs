//! The audit trail: who changed what, when. Append-only from the board's side.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Status, TaskId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub at: DateTime<FixedOffset>,
    pub user: String,
    pub task: TaskId,
    pub change: Change,
    /// Set when the change was an undo or a redo of an earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
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

/// What one change did, with enough detail to read it back in a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
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
