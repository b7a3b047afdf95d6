//! Many writers at once (issue 17): `writers` real `ftz-board` processes, each making `changes`
//! notes on one board as fast as it can, all started together. Shared by `benches/writers.rs`
//! (the 16 x 20 figure on the 10,000-task board) and the integration tests (a small run that must
//! lose nothing).

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// What a run of many writers saw.
#[derive(Debug)]
pub struct WritersRun {
    pub changes: usize,
    /// Changes refused because the lock was not free within the wait.
    pub lock_timeouts: usize,
    /// Any other failure, with its message.
    pub failures: Vec<String>,
    /// The notes of the changes that failed (never acknowledged, so they may be missing).
    pub refused: std::collections::HashSet<String>,
    /// Each change's time from start to exit, sorted.
    pub latencies: Vec<Duration>,
    pub wall: Duration,
}

impl WritersRun {
    pub fn percentile(&self, p: f64) -> Duration {
        let last = self.latencies.len().saturating_sub(1);
        self.latencies
            .get(((last as f64) * p).round() as usize)
            .copied()
            .unwrap_or_default()
    }
}

/// The note writer `w` leaves as its change `i`: every note is told apart, so a lost one shows.
pub fn note_text(w: usize, i: usize) -> String {
    format!("writer{w} change {i}")
}

/// Runs the writers against `board` with `binary`, the default lock wait and no partial
/// environment of the caller's (the lock wait and the language are the defaults).
pub fn run_writers(binary: &Path, board: &Path, writers: usize, changes: usize) -> WritersRun {
    let tasks = ftz_board::store::Store::new(board)
        .load()
        .expect("the board loads")
        .board
        .tasks
        .iter()
        .map(|t| t.id)
        .collect::<Vec<_>>();
    let tasks = Arc::new(tasks);
    let start = Arc::new(Barrier::new(writers));
    let began = Instant::now();
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let (binary, board) = (binary.to_path_buf(), board.to_path_buf());
            let (tasks, start) = (Arc::clone(&tasks), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                (0..changes)
                    .map(|i| {
                        // Spread over the board: each writer touches its own tasks in turn.
                        let task = tasks[(w * 7919 + i * 104_729) % tasks.len()].to_string();
                        let began = Instant::now();
                        let out = Command::new(&binary)
                            .arg("-f")
                            .arg(&board)
                            .args(["--user", &format!("writer{w}"), "note", &task])
                            .arg(note_text(w, i))
                            .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
                            .env_remove("FTZ_BOARD_LANG")
                            .output()
                            .expect("ftz-board runs");
                        let said = String::from_utf8_lossy(&out.stderr).into_owned();
                        (began.elapsed(), out.status.success(), said, note_text(w, i))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut run = WritersRun {
        changes: writers * changes,
        lock_timeouts: 0,
        failures: Vec::new(),
        refused: Default::default(),
        latencies: Vec::new(),
        wall: Duration::ZERO,
    };
    for handle in handles {
        for (latency, ok, said, note) in handle.join().expect("a writer thread") {
            run.latencies.push(latency);
            if !ok {
                run.refused.insert(note);
            }
            match ok {
                true => {}
                false if said.contains("锁") || said.contains("lock") => run.lock_timeouts += 1,
                false => run.failures.push(said),
            }
        }
    }
    run.wall = began.elapsed();
    run.latencies.sort();
    run
}

/// The acknowledged notes of the run (all but `refused`) that are not both on the board and in
/// its history.
pub fn missing_notes(
    board: &Path,
    run: &WritersRun,
    writers: usize,
    changes: usize,
) -> Vec<String> {
    let store = ftz_board::store::Store::new(board);
    let saved = store.load().expect("the board loads").board;
    let history = store.load_history().expect("the history loads");
    let on_board: std::collections::HashSet<&str> = saved
        .tasks
        .iter()
        .flat_map(|t| t.notes.iter().map(|n| n.text.as_str()))
        .collect();
    let in_history: std::collections::HashSet<String> = history
        .entries()
        .iter()
        .filter_map(|e| match &e.change {
            ftz_board::model::Change::NoteAdded { note } => Some(note.text.clone()),
            _ => None,
        })
        .collect();
    (0..writers)
        .flat_map(|w| (0..changes).map(move |i| note_text(w, i)))
        .filter(|note| !run.refused.contains(note))
        .filter(|note| !on_board.contains(note.as_str()) || !in_history.contains(note))
        .collect()
}
