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
        problem(
            Place::Version,
            format!(
                "unsupported version {} (expected 1 to {CURRENT_VERSION}; a newer ftz-board wrote this file?)",
                board.version
            ),
        );
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
