//! One key task of the plan, with its progress notes.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Status;

/// A task's number in the plan (1–19 for the built-in plan).
pub type TaskId = u32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: TaskId,
    /// The first sentence of the task, as the document words it.
    pub title: String,
    /// The rest of the task's paragraph.
    #[serde(default)]
    pub text: String,
    #[serde(with = "super::dates::date")]
    pub deadline: NaiveDate,
    /// 牵头单位: one or two in the plan; at least one is required.
    pub lead_units: Vec<String>,
    /// 配合单位
    #[serde(default)]
    pub cooperating_units: Vec<String>,
    #[serde(default)]
    pub status: Status,
    /// Set when the task moves to done, cleared when it moves back.
    #[serde(default, with = "super::dates::optional_date")]
    pub completed_on: Option<NaiveDate>,
    /// When the task was added on the board (None for the plan's own tasks, which date from
    /// the plan). Staleness counts from here when there is no note.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_on: Option<NaiveDate>,
    /// Progress notes (进展), oldest first as they were written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// A dated progress note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub at: DateTime<FixedOffset>,
    pub author: String,
    pub text: String,
    /// Recorded as a decision of a coordination meeting (会议决定).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decision: bool,
}

/// A unit's part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 牵头
    Lead,
    /// 配合
    Cooperating,
}

impl Task {
    pub fn new(id: TaskId, title: &str, lead_units: Vec<String>, deadline: NaiveDate) -> Task {
        Task {
            id,
            title: title.to_string(),
            text: String::new(),
            deadline,
            lead_units,
            cooperating_units: Vec::new(),
            status: Status::NotStarted,
            completed_on: None,
            created_on: None,
            notes: Vec::new(),
        }
    }

    /// The unit's role in this task, lead taking precedence.
    pub fn role_of(&self, unit: &str) -> Option<Role> {
        if self.lead_units.iter().any(|u| u == unit) {
            Some(Role::Lead)
        } else if self.cooperating_units.iter().any(|u| u == unit) {
            Some(Role::Cooperating)
        } else {
            None
        }
    }

    /// Every unit with its role, leads first, in the order the plan names them.
    pub fn units(&self) -> impl Iterator<Item = (&str, Role)> {
        let leads = self.lead_units.iter().map(|u| (u.as_str(), Role::Lead));
        let coops = self
            .cooperating_units
            .iter()
            .map(|u| (u.as_str(), Role::Cooperating));
        leads.chain(coops)
    }

    pub fn latest_note(&self) -> Option<&Note> {
        self.notes.iter().max_by_key(|n| n.at)
    }
}
