//! The whole board: the plan's facts, settings, roles, meetings, tasks and merge conflicts.
//! The history lives beside it (see `docs/FORMAT.md`), not in it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Role, Task, TaskId, Urgency};

/// The file format version this build writes. Version 1 files are read and upgraded.
pub const CURRENT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub version: u32,
    pub plan: PlanInfo,
    /// The day this board file was made: a task with no activity is stale counting from here.
    #[serde(
        default,
        with = "super::dates::optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_on: Option<NaiveDate>,
    #[serde(default)]
    pub settings: Settings,
    /// Who may do what; `None` lets anyone who can write the file change anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Roles>,
    /// Other spellings of a unit's name found in the document, e.g. the body says 区网信办 where the
    /// annex (authoritative) says 区委网信办. Search finds a unit by any of them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unit_aliases: BTreeMap<String, Vec<String>>,
    /// Days a coordination meeting was held, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    pub tasks: Vec<Task>,
    /// What a git merge could not decide, until the office picks a side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A coordination meeting, by its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Meeting(#[serde(with = "super::dates::date")] pub NaiveDate);

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
    /// A deadline or milestone this many days away or fewer is near (临期, yellow).
    #[serde(default = "default_warn_days")]
    pub warn_days: u32,
    /// A task with no activity for longer than this many days is marked stale.
    #[serde(default = "default_stale_days")]
    pub stale_days: u32,
    /// Yellow when progress (milestones done) lags the time elapsed by this many points or more.
    #[serde(default = "default_behind_yellow")]
    pub behind_yellow: u32,
    /// When units report on their tasks (定期上报); `None` keeps no cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_cycle: Option<ReportCycle>,
    /// Fixes "today" to a UTC offset such as "+08:00", for a server kept in UTC.
    /// `None` uses the machine's local time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
}

/// A reporting cycle: each lead unit reports on each open task once a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ReportCycle {
    /// Reports are due by this day of each month (a day past the month's end means its last day).
    Monthly { day: u32 },
    /// Reports are due by this weekday each week: "mon" … "sun".
    Weekly { weekday: String },
}

/// The office and the units' members, by login name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// 专班办公室: may close tasks, edit the plan, decide requests and change roles.
    #[serde(default)]
    pub office: Vec<String>,
    /// Members of each unit: may write notes, complete milestones and file requests on the
    /// tasks their unit leads or cooperates on.
    #[serde(default)]
    pub units: BTreeMap<String, Vec<String>>,
}

/// Which side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Ours,
    Theirs,
}

/// Something two merged versions changed to two different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The task concerned; `None` for the board's own settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskId>,
    /// What differs: a field name (`status`, `deadline`, …), `milestone 2 due`, or `deleted`.
    pub field: String,
    /// The value each side has, as text ("" for a task one side deleted).
    pub ours: String,
    pub theirs: String,
    pub ours_by: String,
    pub theirs_by: String,
}

fn default_warn_days() -> u32 {
    30
}

fn default_stale_days() -> u32 {
    30
}

fn default_behind_yellow() -> u32 {
    10
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            warn_days: default_warn_days(),
            stale_days: default_stale_days(),
            behind_yellow: default_behind_yellow(),
            report_cycle: None,
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
    /// The offset used for "today" and for timestamps of changes at the moment `now`: the
    /// board's `utc_offset`, else the machine's local offset then.
    pub fn offset_at(&self, now: DateTime<Utc>) -> FixedOffset {
        self.utc_offset
            .as_deref()
            .and_then(parse_utc_offset)
            .unwrap_or_else(|| *now.with_timezone(&chrono::Local).offset())
    }

    /// The board's date at the moment `now`.
    pub fn today_at(&self, now: DateTime<Utc>) -> NaiveDate {
        self.local_time(now).date_naive()
    }

    /// `now` in the board's time zone, to the second (history need not be finer).
    pub fn local_time(&self, now: DateTime<Utc>) -> DateTime<FixedOffset> {
        let local = now.with_timezone(&self.offset_at(now));
        chrono::Timelike::with_nanosecond(&local, 0).unwrap_or(local)
    }
}

impl Roles {
    pub fn is_office(&self, login: &str) -> bool {
        self.office.iter().any(|m| m == login)
    }

    /// The units a person belongs to.
    pub fn units_of<'a>(&'a self, login: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.units
            .iter()
            .filter(move |(_, members)| members.iter().any(|m| m == login))
            .map(|(unit, _)| unit.as_str())
    }

    /// The roles with names cleaned like board text, each once, and units without members dropped.
    pub fn cleaned(&self) -> Roles {
        let names = |list: &[String]| {
            let mut out: Vec<String> = Vec::new();
            for name in list.iter().map(|n| super::sanitize::clean_line(n.trim())) {
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
            out
        };
        Roles {
            office: names(&self.office),
            units: self
                .units
                .iter()
                .map(|(unit, members)| (super::sanitize::clean_line(unit.trim()), names(members)))
                .filter(|(unit, members)| !unit.is_empty() && !members.is_empty())
                .collect(),
        }
    }

    /// Whether the person is named anywhere.
    pub fn knows(&self, login: &str) -> bool {
        self.is_office(login) || self.units_of(login).next().is_some()
    }
}

impl Board {
    /// A board with the plan's facts and no tasks.
    pub fn empty(plan: PlanInfo) -> Board {
        Board {
            version: CURRENT_VERSION,
            plan,
            created_on: None,
            settings: Settings::default(),
            roles: None,
            unit_aliases: BTreeMap::new(),
            meetings: Vec::new(),
            tasks: Vec::new(),
            conflicts: Vec::new(),
        }
    }

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

    /// Puts a task in its place by id (replacing one with the same id).
    pub fn put_task(&mut self, task: Task) {
        match self.tasks.binary_search_by_key(&task.id, |t| t.id) {
            Ok(index) => self.tasks[index] = task,
            Err(index) if self.tasks.is_sorted_by_key(|t| t.id) => self.tasks.insert(index, task),
            Err(_) => {
                self.tasks.retain(|t| t.id != task.id);
                self.tasks.push(task);
                self.sort_tasks();
            }
        }
    }

    /// Takes a task out; `None` when there is none with that id.
    pub fn remove_task(&mut self, id: TaskId) -> Option<Task> {
        let index = self.tasks.iter().position(|t| t.id == id)?;
        Some(self.tasks.remove(index))
    }

    pub fn urgency(&self, task: &Task, today: NaiveDate) -> Urgency {
        Urgency::of(task, today, self.settings.warn_days)
    }

    /// The next free task number.
    pub fn next_id(&self) -> TaskId {
        self.tasks.iter().map(|t| t.id).max().unwrap_or(0) + 1
    }

    /// The day staleness counts from for a task without any activity: the board's creation, or
    /// the plan's issue date for a board that does not say when it was made.
    pub fn start_date(&self) -> NaiveDate {
        self.created_on.unwrap_or(self.plan.issued_on)
    }

    /// Every unit once under its canonical name (aliases folded), in the order it first appears
    /// in the plan (leads of a task before its cooperating units).
    pub fn units_in_plan_order(&self) -> Vec<&str> {
        // foldhash rather than std's SipHash: at 10,000 tasks this set took a tenth of opening
        // the board (issue 17's profile), and nothing here needs SipHash's resistance to chosen
        // keys (a few hundred unit names).
        let mut seen = foldhash::HashSet::default();
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
