//! One key task of the plan, with its progress notes, milestones and open request.

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
    /// The deadline before the first extension granted (原定); `None` while never extended.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_deadline: Option<NaiveDate>,
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
    /// the plan).
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_on: Option<NaiveDate>,
    /// The last day anything happened to the task: a note, a status change, an edit, a milestone,
    /// a request. Staleness counts from here. Kept in the board (not derived from the history) so
    /// that the first frame needs no history.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_on: Option<NaiveDate>,
    /// Who made that last change: a merge conflict names each side's author from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    /// Progress notes (进展), oldest first as they were written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Milestones (工作节点), by number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The open request on the task, if any: closure (申请销号) or more time (延期申请).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Request>,
}

/// A dated progress note. Its identity is (time, author, text): merges unite notes by it.
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

impl Note {
    /// Whether two notes are the same note (the decision mark aside).
    pub fn same_as(&self, other: &Note) -> bool {
        self.at == other.at && self.author == other.author && self.text == other.text
    }
}

/// A step of a task with its own date (任务分解, 时间节点).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// 1, 2, … within the task.
    pub number: u32,
    pub title: String,
    #[serde(with = "super::dates::date")]
    pub due: NaiveDate,
    /// Responsible units; the task's lead units when it was added without any.
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default, with = "super::dates::optional_date")]
    pub completed_on: Option<NaiveDate>,
}

/// What a unit asks of the office about a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// 申请销号: the unit considers the task done and asks the office to close it.
    Close {
        at: DateTime<FixedOffset>,
        by: String,
        note: String,
    },
    /// 延期申请: the unit asks for a later deadline.
    Extend {
        at: DateTime<FixedOffset>,
        by: String,
        #[serde(with = "super::dates::date")]
        to: NaiveDate,
        reason: String,
        /// Asked after the deadline had passed.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        late: bool,
    },
}

impl Request {
    pub fn at(&self) -> DateTime<FixedOffset> {
        match self {
            Request::Close { at, .. } | Request::Extend { at, .. } => *at,
        }
    }

    pub fn by(&self) -> &str {
        match self {
            Request::Close { by, .. } | Request::Extend { by, .. } => by,
        }
    }
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
            original_deadline: None,
            lead_units,
            cooperating_units: Vec::new(),
            status: Status::NotStarted,
            completed_on: None,
            created_on: None,
            updated_on: None,
            updated_by: None,
            notes: Vec::new(),
            milestones: Vec::new(),
            request: None,
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

    pub fn milestone(&self, number: u32) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.number == number)
    }

    /// The day of the task's latest activity that the board itself shows: `updated_on`, or a
    /// note written later (a note added by hand to the file), or the day it was added.
    pub fn last_activity(&self) -> Option<NaiveDate> {
        let note = self.latest_note().map(|n| n.at.date_naive());
        [self.updated_on, note, self.created_on]
            .into_iter()
            .flatten()
            .max()
    }
}
