//! The city dashboard's comparison: one row a board, from the combined board's tasks.

use chrono::NaiveDate;

use super::split;
use crate::model::cycle::timeliness;
use crate::model::lights::{LightCounts, light_counts};
use crate::model::{Board, stats};

/// One board's figures in the comparison.
#[derive(Debug, Clone)]
pub struct BoardRow {
    /// The board's place in the city (its letter, its name).
    pub index: usize,
    pub summary: stats::Summary,
    pub lights: LightCounts,
    /// Reports made out of those due over the last three periods (上报率), with a cycle.
    pub reporting: Option<u32>,
}

/// Periods the reporting rate covers, as the dashboard's reporting table.
const PERIODS: usize = 3;

/// A row for each board that has tasks in `board` (a combined board); nothing for a board of
/// one file.
pub fn board_rows(board: &Board, today: NaiveDate) -> Vec<BoardRow> {
    let mut indices: Vec<usize> = board
        .tasks
        .iter()
        .filter_map(|t| split(t.id).map(|(i, _)| i))
        .collect();
    indices.sort_unstable();
    indices.dedup();
    indices
        .into_iter()
        .map(|index| {
            let one = Board {
                tasks: board
                    .tasks
                    .iter()
                    .filter(|t| split(t.id).is_some_and(|(i, _)| i == index))
                    .cloned()
                    .collect(),
                settings: board.settings.clone(),
                created_on: board.created_on,
                ..Board::empty(board.plan.clone())
            };
            BoardRow {
                index,
                summary: stats::summary(&one, today),
                lights: light_counts(&one, today),
                reporting: timeliness(&one, today, PERIODS).and_then(|t| t.total.rate()),
            }
        })
        .collect()
}
