//! `cargo bench --bench writers`: 16 writers x 20 changes at once on the 10,000-task sample board
//! (issue 17: no lock timeout with the default 5 s wait, nothing lost). Each writer is a real
//! `ftz-board note` process; the figures are the whole run's wall time and each change's time from
//! start to exit (which includes its wait for the lock), printed for the closing note.
//!
//! `cargo bench --bench writers -- TASKS WRITERS CHANGES` measures another size.

mod support;

use std::path::Path;

use support::writers::{missing_notes, run_writers};

fn main() {
    let mut sizes = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .filter_map(|a| a.parse::<usize>().ok());
    let tasks = sizes.next().unwrap_or(10_000);
    let writers = sizes.next().unwrap_or(16);
    let changes = sizes.next().unwrap_or(20);
    let case = support::ScaleCase::new(tasks, 0);
    let board = case.store().path().to_path_buf();
    let binary = Path::new(env!("CARGO_BIN_EXE_ftz-board"));
    let run = run_writers(binary, &board, writers, changes);
    let missing = missing_notes(&board, &run, writers, changes);
    println!(
        "writers/{tasks}x{writers}x{changes}: {} changes in {:.2} s; per change median {:.0} ms, \
         p90 {:.0} ms, max {:.0} ms; lock timeouts {}; other failures {}; acknowledged notes missing {}",
        run.changes,
        run.wall.as_secs_f64(),
        run.percentile(0.5).as_secs_f64() * 1e3,
        run.percentile(0.9).as_secs_f64() * 1e3,
        run.percentile(1.0).as_secs_f64() * 1e3,
        run.lock_timeouts,
        run.failures.len(),
        missing.len(),
    );
    for failure in run.failures.iter().take(3) {
        println!("  failure: {}", failure.trim());
    }
    if run.lock_timeouts > 0 || !run.failures.is_empty() || !missing.is_empty() {
        std::process::exit(1);
    }
}
