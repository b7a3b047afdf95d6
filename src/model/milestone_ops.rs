//! The milestone operations, checked against the board: each gives the one history entry's
//! change (`milestone(number, from, to)`), which `operation.rs` records and applies like any
//! other, so undo, replay and the board as of a date treat milestones as everything else.

use chrono::NaiveDate;

use super::field::parse_units;
use super::history::boxed;
use super::sanitize::clean_line;
use super::{Board, Change, Milestone, OpError, TaskId};

/// What a milestone operation asks for (see the `Operation` variants of the same names).
pub(super) enum Asked<'a> {
    Add {
        title: &'a str,
        due: &'a str,
        units: &'a [String],
    },
    Edit {
        number: u32,
        title: Option<&'a str>,
        due: Option<&'a str>,
        units: Option<&'a [String]>,
    },
    Complete {
        number: u32,
        on: Option<NaiveDate>,
    },
    Reopen {
        number: u32,
    },
    Delete {
        number: u32,
    },
}

/// The change that does what is asked of task `id`'s milestones on `today`.
pub(super) fn change(
    board: &Board,
    id: TaskId,
    asked: Asked,
    today: NaiveDate,
) -> Result<Change, OpError> {
    let task = board.task(id).ok_or(OpError::NoSuchTask(id))?;
    let existing = |number: u32| {
        task.milestone(number)
            .cloned()
            .ok_or(OpError::NoSuchMilestone(id, number))
    };
    let (number, from, to) = match asked {
        Asked::Add { title, due, units } => {
            let number = task.milestones.iter().map(|m| m.number).max().unwrap_or(0) + 1;
            let units = match canonical(board, units) {
                units if units.is_empty() => task.lead_units.clone(),
                units => units,
            };
            let milestone = Milestone {
                number,
                title: title_of(title)?,
                due: date_of(due)?,
                units,
                completed_on: None,
            };
            (number, None, Some(milestone))
        }
        Asked::Edit {
            number,
            title,
            due,
            units,
        } => {
            let before = existing(number)?;
            let mut after = before.clone();
            if let Some(title) = title {
                after.title = title_of(title)?;
            }
            if let Some(due) = due {
                after.due = date_of(due)?;
            }
            if let Some(units) = units {
                after.units = match canonical(board, units) {
                    units if units.is_empty() => task.lead_units.clone(),
                    units => units,
                };
            }
            (number, Some(before), Some(after))
        }
        Asked::Complete { number, on } => {
            let before = existing(number)?;
            let on = on.unwrap_or(today);
            if on > today {
                return Err(OpError::FutureDate(on));
            }
            let after = Milestone {
                completed_on: Some(on),
                ..before.clone()
            };
            (number, Some(before), Some(after))
        }
        Asked::Reopen { number } => {
            let before = existing(number)?;
            let after = Milestone {
                completed_on: None,
                ..before.clone()
            };
            (number, Some(before), Some(after))
        }
        Asked::Delete { number } => (number, Some(existing(number)?), None),
    };
    if from == to {
        return Err(OpError::Unchanged);
    }
    Ok(Change::Milestone {
        number,
        from: boxed(from),
        to: boxed(to),
    })
}

fn title_of(text: &str) -> Result<String, OpError> {
    let title = clean_line(text.trim());
    if title.is_empty() {
        Err(OpError::EmptyTitle)
    } else {
        Ok(title)
    }
}

fn date_of(text: &str) -> Result<NaiveDate, OpError> {
    text.trim()
        .parse()
        .map_err(|_| OpError::BadDate(clean_line(text.trim())))
}

/// Units as typed (each may hold several, separated by `、` or `,`), under the plan's names,
/// each once.
fn canonical(board: &Board, units: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for unit in units.iter().flat_map(|u| parse_units(u)) {
        let unit = board.canonical_unit(&unit).to_string();
        if !out.contains(&unit) {
            out.push(unit);
        }
    }
    out
}
