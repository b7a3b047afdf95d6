//! Rules a board must satisfy beyond its syntax. The store turns each [`Problem`] into a message with
//! the file, line and column of the offending value.

use std::collections::HashSet;

use super::board::{CURRENT_VERSION, parse_utc_offset};
use super::{Board, Status};

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

pub fn validate(board: &Board) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |place, message: String| problems.push(Problem { place, message });

    if board.version == 0 || board.version > CURRENT_VERSION {
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

/// Says which versions this build reads, and the likely cause when the file is newer.
fn unsupported_version(found: u32) -> String {
    let expected = if CURRENT_VERSION == 1 {
        "version 1".to_string()
    } else {
        format!("a version from 1 to {CURRENT_VERSION}")
    };
    let hint = if found > CURRENT_VERSION {
        "; was it written by a newer ftz-board?"
    } else {
        ""
    };
    format!("unsupported version {found} (expected {expected}{hint})")
}
