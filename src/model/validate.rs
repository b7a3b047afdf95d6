//! Rules a board must satisfy beyond its syntax. The store turns each [`Problem`] into a message with
//! the file, line and column of the offending value.

use std::collections::HashSet;

use super::board::{CURRENT_VERSION, parse_utc_offset};
use super::{Board, ReportCycle, Status, Task};

/// Where in the board a problem lies, so the store can find it in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Version,
    Setting(&'static str),
    /// The `field` of the task at `index` (position in the file, 0-based).
    Task {
        index: usize,
        field: &'static str,
    },
    /// The `field` of a milestone (`milestone` is its position in the task's list).
    Milestone {
        task: usize,
        milestone: usize,
        field: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

pub fn validate(board: &Board) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |place, message: String| problems.push(Problem { place, message });

    if board.version != CURRENT_VERSION {
        problem(Place::Version, unsupported_version(board.version));
    }
    if let Some(offset) = &board.settings.utc_offset
        && parse_utc_offset(offset).is_none()
    {
        problem(
            Place::Setting("utc_offset"),
            format!("`{offset}` is not a UTC offset (expected e.g. \"+08:00\")"),
        );
    }

    settings_problems(board, &mut problem);

    let mut seen = HashSet::new();
    for (index, task) in board.tasks.iter().enumerate() {
        let at = |field| Place::Task { index, field };
        if task.id == 0 {
            problem(
                at("id"),
                "task id 0 is not allowed (expected a number from 1)".into(),
            );
        }
        if !seen.insert(task.id) {
            problem(
                at("id"),
                format!("duplicate task id {} (expected each id once)", task.id),
            );
        }
        if task.title.trim().is_empty() {
            problem(
                at("title"),
                format!(
                    "task {} has an empty title (expected its first sentence)",
                    task.id
                ),
            );
        }
        if task.lead_units.iter().all(|u| u.trim().is_empty()) {
            problem(
                at("lead_units"),
                format!(
                    "task {} has no lead unit (expected at least one 牵头单位)",
                    task.id
                ),
            );
        }
        for (field, units) in [
            ("lead_units", &task.lead_units),
            ("cooperating_units", &task.cooperating_units),
        ] {
            // A blank name would show as a nameless lane in the unit view. Lead units that are all
            // blank have been reported above as no lead unit.
            let blank = |u: &String| u.trim().is_empty();
            if units.iter().any(blank) && !(field == "lead_units" && units.iter().all(blank)) {
                problem(
                    at(field),
                    format!(
                        "task {} has a blank unit name in {field} (expected names such as \"区科委\")",
                        task.id
                    ),
                );
            }
        }
        milestone_problems(index, task, &mut problem);
        if task.completed_on.is_some() && task.status != Status::Done {
            problem(
                at("completed_on"),
                format!(
                    "task {} has a completion date but status {} (expected status done, or completed_on: None)",
                    task.id,
                    task.status.name()
                ),
            );
        }
    }
    problems
}

fn settings_problems(board: &Board, problem: &mut impl FnMut(Place, String)) {
    let settings = &board.settings;
    if settings.behind_yellow > 100 {
        problem(
            Place::Setting("behind_yellow"),
            format!(
                "behind_yellow {} is more than 100 points (expected a number of percentage points from 0 to 100)",
                settings.behind_yellow
            ),
        );
    }
    match &settings.report_cycle {
        Some(ReportCycle::Monthly { day }) if !(1..=31).contains(day) => problem(
            Place::Setting("day"),
            format!("report day {day} is not a day of the month (expected 1 to 31)"),
        ),
        Some(ReportCycle::Weekly { weekday }) if parse_weekday(weekday).is_none() => problem(
            Place::Setting("weekday"),
            format!(
                "`{weekday}` is not a weekday (expected one of mon, tue, wed, thu, fri, sat, sun)"
            ),
        ),
        _ => {}
    }
}

fn milestone_problems(task_index: usize, task: &Task, problem: &mut impl FnMut(Place, String)) {
    let mut numbers = HashSet::new();
    for (index, milestone) in task.milestones.iter().enumerate() {
        let at = |field| Place::Milestone {
            task: task_index,
            milestone: index,
            field,
        };
        if milestone.number == 0 {
            problem(
                at("number"),
                format!(
                    "task {} has a milestone numbered 0 (expected a number from 1)",
                    task.id
                ),
            );
        }
        if !numbers.insert(milestone.number) {
            problem(
                at("number"),
                format!(
                    "task {} has two milestones numbered {} (expected each number once)",
                    task.id, milestone.number
                ),
            );
        }
        if milestone.title.trim().is_empty() {
            problem(
                at("title"),
                format!(
                    "milestone {}.{} has an empty title (expected what is to be done by then)",
                    task.id, milestone.number
                ),
            );
        }
    }
}

/// "mon" … "sun" (any case) or 周一 … 周日 as a weekday.
pub fn parse_weekday(text: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    let t = text.trim().to_lowercase();
    let days = [
        (Mon, "mon", "周一"),
        (Tue, "tue", "周二"),
        (Wed, "wed", "周三"),
        (Thu, "thu", "周四"),
        (Fri, "fri", "周五"),
        (Sat, "sat", "周六"),
        (Sun, "sun", "周日"),
    ];
    days.into_iter()
        .find(|(_, en, zh)| t.starts_with(en) || t == *zh)
        .map(|(day, _, _)| day)
}

/// Says which versions this build reads, and the likely cause when the file is newer.
pub fn unsupported_version(found: u32) -> String {
    let expected = format!("a version from 1 to {CURRENT_VERSION}");
    let hint = if found > CURRENT_VERSION {
        "; was it written by a newer ftz-board?"
    } else {
        ""
    };
    format!("unsupported version {found} (expected {expected}{hint})")
}
