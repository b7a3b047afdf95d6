//! The whole board: the plan's facts, settings, tasks and history.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{HistoryEntry, Role, Task, TaskId, Urgency};

/// The file format version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub version: u32,
    pub plan: PlanInfo,
    #[serde(default)]
    pub settings: Settings,
    /// Other spellings of a unit's name found in the document, e.g. the body says 区网信办 where the
    /// annex (authoritative) says 区委网信办. Search finds a unit by any of them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unit_aliases: BTreeMap<String, Vec<String>>,
    pub tasks: Vec<Task>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
}

/// What the document says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    pub title: String,
    pub document_number: String,
    #[serde(with = "super::dates::date")]
    pub issued_on: NaiveDate,
    pub issuer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A task not done whose deadline is this many days away or fewer is "due soon".
    #[serde(default = "default_warn_days")]
    pub warn_days: u32,
    /// A task with no note for this many days is marked stale.
    #[serde(default = "default_stale_days")]
    pub stale_days: u32,
    /// Fixes "today" to a UTC offset such as "+08:00", for a server kept in UTC.
    /// `None` uses the machine's local time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
}

fn default_warn_days() -> u32 {
    30
}

fn default_stale_days() -> u32 {
    30
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            warn_days: default_warn_days(),
            stale_days: default_stale_days(),
            utc_offset: None,
        }
    }
}

/// Parses "+08:00", "-05:30", "+8", "UTC" into an offset.
pub fn parse_utc_offset(text: &str) -> Option<FixedOffset> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("utc") || t == "Z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => return None,
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None => (rest.parse::<i32>().ok()?, 0),
    };
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

impl Settings {
    /// The offset used for "today" and for timestamps of changes.
    pub fn offset(&self) -> FixedOffset {
        self.utc_offset
            .as_deref()
            .and_then(parse_utc_offset)
            .unwrap_or_else(|| *chrono::Local::now().offset())
    }

    pub fn today(&self) -> NaiveDate {
        Utc::now().with_timezone(&self.offset()).date_naive()
    }
}

impl Board {
    /// Tasks are kept in id order (the store writes them so), which makes this a binary search;
    /// a hand-edited file out of order still finds its tasks through the scan.
    pub fn task(&self, id: TaskId) -> Option<&Task> {
        match self.tasks.binary_search_by_key(&id, |t| t.id) {
            Ok(index) => Some(&self.tasks[index]),
            Err(_) => self.tasks.iter().find(|t| t.id == id),
        }
    }

    pub fn task_mut(&mut self, id: TaskId) -> Option<&mut Task> {
        match self.tasks.binary_search_by_key(&id, |t| t.id) {
            Ok(index) => Some(&mut self.tasks[index]),
            Err(_) => self.tasks.iter_mut().find(|t| t.id == id),
        }
    }

    pub fn urgency(&self, task: &Task, today: NaiveDate) -> Urgency {
        Urgency::of(task, today, self.settings.warn_days)
    }

    /// The next free task number.
    pub fn next_id(&self) -> TaskId {
        self.tasks.iter().map(|t| t.id).max().unwrap_or(0) + 1
    }

    /// Every unit once under its canonical name (aliases folded), in the order it first appears
    /// in the plan (leads of a task before its cooperating units).
    pub fn units_in_plan_order(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for task in &self.tasks {
            for (unit, _) in task.units() {
                let unit = self.canonical_unit(unit);
                if seen.insert(unit) {
                    out.push(unit);
                }
            }
        }
        out
    }

    /// A task's units under their canonical names, each once, leads first (a unit named both lead
    /// and cooperating on one task counts as lead).
    pub fn units_of<'a>(&'a self, task: &'a Task) -> Vec<(&'a str, Role)> {
        let mut out: Vec<(&str, Role)> = Vec::new();
        for (unit, role) in task.units() {
            let unit = self.canonical_unit(unit);
            if !out.iter().any(|(u, _)| *u == unit) {
                out.push((unit, role));
            }
        }
        out
    }

    /// The canonical name for a unit written any known way.
    pub fn canonical_unit<'a>(&'a self, name: &'a str) -> &'a str {
        for (canonical, aliases) in &self.unit_aliases {
            if aliases.iter().any(|a| a == name) {
                return canonical;
            }
        }
        name
    }

    /// Keeps tasks in id order, the order the file is written in.
    pub fn sort_tasks(&mut self) {
        self.tasks.sort_by_key(|t| t.id);
    }
}
