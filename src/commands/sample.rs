//! `ftz-board sample`: the benchmarks' generator as a command, so anyone can try the board at scale.

use std::path::Path;

use super::Failure;
use crate::sample::{Sample, generate, generate_with_history};
use crate::store::Store;

/// What to generate: `history` `None` keeps the board's own past (a few entries a task).
pub struct Asked<'a> {
    pub tasks: usize,
    pub history: Option<usize>,
    pub seed: u64,
    pub output: &'a Path,
}

/// A board of the size asked is at most this many tasks: ids are `u32`, and a board of a million
/// tasks is already some 1.6 GB.
const MOST_TASKS: usize = 1_000_000;

pub fn sample(asked: &Asked) -> Result<(), Failure> {
    if asked.tasks == 0 || asked.tasks > MOST_TASKS {
        return Err(Failure(format!(
            "--tasks {}: expected 1 to {MOST_TASKS}",
            asked.tasks
        )));
    }
    let Sample { board, history } = match asked.history {
        Some(entries) => generate_with_history(asked.tasks, entries, asked.seed),
        None => generate(asked.tasks, asked.seed),
    };
    // `create` refuses a path that exists, under the lock: a sample never replaces a board.
    Store::new(asked.output).create_with_history(&board, &history)?;
    println!(
        "{}: sample board of {} tasks with {} history entries (seed {})",
        asked.output.display(),
        board.tasks.len(),
        history.len(),
        asked.seed
    );
    Ok(())
}
