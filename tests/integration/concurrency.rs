//! Many users, one file: several real `ftz-board` processes changing one board at the same time,
//! processes killed mid-write, a lock held by someone else, and `--read-only`.
//!
//! Every test runs the built binary on a board in its own temporary folder and judges only what a
//! user can observe: the file, the command's exit code and its message.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use ftz_board::model::{Board, Change, Status};

const BIN: &str = env!("CARGO_BIN_EXE_ftz-board");

/// A board created from the built-in plan in a fresh folder (kept alive by the `TempDir`).
fn new_board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let out = ftz(&path, "creator", &["init"]).output().unwrap();
    assert!(out.status.success(), "init failed: {}", text(&out.stderr));
    (dir, path)
}

fn ftz(board: &Path, user: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("-f").arg(board).arg("--user").arg(user).args(args);
    // The machine's settings must not change the outcome: the default lock wait, a known language.
    cmd.env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .env_remove("FTZ_BOARD_LANG");
    cmd
}

fn run(board: &Path, user: &str, args: &[&str]) -> Output {
    ftz(board, user, args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A board as saved: the board (its file with the journal replayed) and its history.
struct Saved {
    board: Board,
    history: ftz_board::model::History,
}

/// Reads and validates the board and its history as `ftz-board` itself would.
fn load(board: &Path) -> Saved {
    let store = ftz_board::store::Store::new(board);
    let fail = |e: ftz_board::store::StoreError| -> ! { panic!("the board does not load: {e}") };
    Saved {
        board: store.load().unwrap_or_else(|e| fail(e)).board,
        history: store.load_history().unwrap_or_else(|e| fail(e)),
    }
}

fn lock_file(board: &Path) -> File {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(ftz_board::store::lock_path(board))
        .unwrap()
}

/// Status changes of one task as recorded in the history, oldest first.
fn status_history(saved: &Saved, task: u32) -> Vec<(String, Status, Status)> {
    saved
        .history
        .for_task(task)
        .filter_map(|e| match &e.change {
            Change::Status { from, to, .. } => Some((e.user.clone(), *from, *to)),
            _ => None,
        })
        .collect()
}

/// Each recorded change must start where the previous one ended: a change applied to a stale copy
/// of the file would break the chain.
fn assert_unbroken_chain(saved: &Saved, task: u32) -> Status {
    let mut current = Status::NotStarted;
    for (i, (user, from, to)) in status_history(saved, task).into_iter().enumerate() {
        assert_eq!(
            from, current,
            "task {task}: change {i} by {user} starts from {from:?}, but the task was {current:?}"
        );
        current = to;
    }
    assert_eq!(
        saved.board.task(task).unwrap().status,
        current,
        "task {task} does not end with the last recorded change"
    );
    current
}

#[test]
fn four_processes_making_25_changes_each_at_once_lose_none_of_them() {
    const WORKERS: u32 = 4;
    const CHANGES: u32 = 25;
    let cycle = ["in_progress", "blocked", "done", "not_started"];
    let (_dir, board) = new_board();
    let start = Arc::new(Barrier::new(WORKERS as usize));
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let board = board.clone();
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let user = format!("worker{w}");
                // Each worker owns one task's status (tasks 16–19), so its own sequence is the
                // expected end state; its notes go to tasks all the workers share.
                let own_task = (16 + w).to_string();
                start.wait();
                let mut statuses = 0;
                for i in 0..CHANGES {
                    let out = if i % 5 == 4 {
                        let to = cycle[statuses % cycle.len()];
                        statuses += 1;
                        run(&board, &user, &["status", &own_task, to])
                    } else {
                        let task = ((w * 7 + i) % 19 + 1).to_string();
                        run(&board, &user, &["note", &task, &format!("{user} note {i}")])
                    };
                    assert!(
                        out.status.success(),
                        "{user} change {i} failed: {}",
                        text(&out.stderr)
                    );
                }
                statuses
            })
        })
        .collect();
    let statuses: Vec<usize> = workers.into_iter().map(|w| w.join().unwrap()).collect();

    let saved = load(&board);
    let notes: BTreeSet<(u32, String)> = saved
        .board
        .tasks
        .iter()
        .flat_map(|t| t.notes.iter().map(move |n| (t.id, n.text.clone())))
        .collect();
    let noted_in_history: Vec<String> = saved
        .history
        .entries()
        .iter()
        .filter_map(|e| match &e.change {
            Change::NoteAdded { note } => Some(note.text.clone()),
            _ => None,
        })
        .collect();
    let mut expected_notes = BTreeSet::new();
    for w in 0..WORKERS {
        for i in (0..CHANGES).filter(|i| i % 5 != 4) {
            let note = format!("worker{w} note {i}");
            expected_notes.insert(((w * 7 + i) % 19 + 1, note.clone()));
            assert!(noted_in_history.contains(&note), "history lacks `{note}`");
        }
    }
    assert_eq!(notes, expected_notes, "notes on the board differ");
    assert_eq!(
        noted_in_history.len(),
        expected_notes.len(),
        "history has extra notes"
    );

    for (w, count) in statuses.into_iter().enumerate() {
        let task = 16 + w as u32;
        let recorded = status_history(&saved, task);
        assert_eq!(recorded.len(), count, "task {task}: {recorded:?}");
        let end = assert_unbroken_chain(&saved, task);
        assert_eq!(end.name(), cycle[(count - 1) % cycle.len()]);
    }
    let total = (WORKERS * CHANGES) as usize;
    assert_eq!(saved.history.len(), total, "history length");
    // Rotation keeps ten old versions however many changes there were.
    assert_eq!(ftz_board::store::list_backups(&board).len(), 10);
}

#[test]
fn the_same_status_changed_by_two_processes_ends_with_the_later_value_and_both_are_in_history() {
    let (_dir, board) = new_board();
    let start = Arc::new(Barrier::new(2));
    let plans = [
        ("alice", ["in_progress", "blocked"]),
        ("bob", ["done", "not_started"]),
    ];
    let workers: Vec<_> = plans
        .into_iter()
        .map(|(user, targets)| {
            let (board, start) = (board.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                let mut changed = 0;
                for i in 0..12 {
                    let out = run(&board, user, &["status", "3", targets[i % 2]]);
                    assert!(out.status.success(), "{user}: {}", text(&out.stderr));
                    // "nothing to change" when the other one already set this very value.
                    if text(&out.stdout).contains("->") {
                        changed += 1;
                    }
                }
                changed
            })
        })
        .collect();
    let changed: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();

    let saved = load(&board);
    let recorded = status_history(&saved, 3);
    assert_eq!(
        recorded.len(),
        changed,
        "every reported change is in history"
    );
    assert_unbroken_chain(&saved, 3);
    for user in ["alice", "bob"] {
        assert!(
            recorded.iter().any(|(u, _, _)| u == user),
            "{user}'s changes are missing from {recorded:?}"
        );
    }
}

/// A small xorshift generator: the kill moments vary from run to run, and the seed printed in a
/// failure reproduces them.
struct Jitter(u64);

impl Jitter {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn processes_killed_at_random_moments_leave_a_valid_file_and_no_lock() {
    let (_dir, board) = new_board();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut jitter = Jitter(seed);
    // How long one change takes here decides the range of kill moments: up to 1.5 times that, so
    // kills land before, during and after the write. The fastest of three runs: one slowed by a
    // burst of load elsewhere would put most kills after the process had finished.
    let fastest = (0..3)
        .map(|_| {
            let started = Instant::now();
            assert!(
                run(&board, "probe", &["note", "1", "probe"])
                    .status
                    .success()
            );
            started.elapsed()
        })
        .min()
        .unwrap();
    let span = (fastest.as_micros() as u64 * 3 / 2).max(2_000);

    let mut kept: BTreeSet<String> = BTreeSet::from(["probe".to_string()]);
    let mut killed = 0;
    // At least 30 rounds; on a machine whose speed varies, more until five processes were killed
    // mid-run (a bounded number, so a board that cannot be killed mid-run still fails).
    let mut rounds = 0;
    while rounds < 30 || (killed < 5 && rounds < 120) {
        let round = rounds;
        rounds += 1;
        let note = format!("round {round}");
        let mut child = ftz(&board, "victim", &["note", "2", &note])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(jitter.below(span)));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if status.signal() == Some(9) {
            killed += 1;
        }
        let context = format!("round {round} (seed {seed}, {status})");

        let now = load(&board);
        let notes: BTreeSet<String> = now
            .board
            .tasks
            .iter()
            .flat_map(|t| t.notes.iter().map(|n| n.text.clone()))
            .collect();
        assert!(
            notes.is_superset(&kept),
            "{context}: an earlier note was lost"
        );
        if status.success() {
            assert!(
                notes.contains(&note),
                "{context}: a finished change is missing"
            );
        }
        kept = notes;

        // The kernel dropped the dead process's flock: the lock is free at once.
        let lock = lock_file(&board);
        assert!(lock.try_lock().is_ok(), "{context}: the lock is still held");
        drop(lock);
    }
    assert!(
        killed >= 5,
        "only {killed} of {rounds} processes were killed mid-run (seed {seed})"
    );
    let next = run(&board, "next", &["status", "2", "in_progress"]);
    assert!(
        next.status.success(),
        "after the kills: {}",
        text(&next.stderr)
    );
    assert_eq!(
        load(&board).board.task(2).unwrap().status,
        Status::InProgress
    );
}

#[test]
fn a_change_while_someone_holds_the_lock_fails_after_the_timeout_naming_the_holder() {
    let (_dir, board) = new_board();
    let before = std::fs::read(&board).unwrap();
    // Hold the lock the way another ftz-board would, with its name in the lock file.
    let mut lock = lock_file(&board);
    lock.lock().unwrap();
    write!(lock, "alice (pid 4242)").unwrap();

    let started = Instant::now();
    let mut child = ftz(&board, "bob", &["status", "1", "done"])
        .env("FTZ_BOARD_LOCK_TIMEOUT_MS", "700")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Never a hang: the change must give up on its own well before this.
    let deadline = started + Duration::from_secs(15);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the change hangs on a held lock");
        std::thread::sleep(Duration::from_millis(20));
    }
    let waited = started.elapsed();
    let out = child.wait_with_output().unwrap();
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        waited >= Duration::from_millis(700),
        "gave up after {waited:?}, before the timeout"
    );
    assert!(message.contains("locked by alice (pid 4242)"), "{message}");
    assert!(message.contains("try again"), "{message}");
    assert_eq!(std::fs::read(&board).unwrap(), before, "the file changed");

    drop(lock);
    let out = run(&board, "bob", &["status", "1", "done"]);
    assert!(out.status.success(), "once released: {}", text(&out.stderr));
}

#[test]
fn a_read_only_change_is_refused_and_leaves_the_file_untouched() {
    let (_dir, board) = new_board();
    let before = std::fs::read(&board).unwrap();
    for args in [&["status", "1", "done"][..], &["note", "1", "不应写入"][..]] {
        let out = ftz(&board, "carol", &["--read-only"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains("read-only"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(std::fs::read(&board).unwrap(), before);
    assert!(
        ftz_board::store::list_backups(&board).is_empty(),
        "a backup was made"
    );
}

/// The journal's write path (issue 17): a board big enough to be changed through the journal,
/// folded every third change, and 200 writers killed at random moments of the journal append or
/// the fold. Every change that was acknowledged (exit 0) is on the board and in the history exactly
/// once; one killed mid-way is there once or not at all; the board checks clean throughout.
#[test]
fn two_hundred_writers_killed_in_journal_appends_and_folds_lose_no_acknowledged_change() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.ron");
    let made = Command::new(BIN)
        .args(["sample", "--tasks", "700", "--history", "0", "--output"])
        .arg(&board)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    let size = std::fs::metadata(&board).unwrap().len();
    assert!(
        size > 512 * 1024,
        "{size} bytes: too small to use the journal"
    );
    let writer = |note: &str| {
        let mut cmd = ftz(&board, "victim", &["note", "7", note]);
        cmd.env("FTZ_BOARD_FOLD_AT_ENTRIES", "3");
        cmd
    };
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut jitter = Jitter(seed);
    // Kill moments up to 1.5 times the slowest of three changes, one of which folds.
    let slowest = (0..3)
        .map(|i| {
            let started = Instant::now();
            assert!(
                writer(&format!("probe {i}"))
                    .output()
                    .unwrap()
                    .status
                    .success()
            );
            started.elapsed()
        })
        .max()
        .unwrap();
    let span = (slowest.as_micros() as u64 * 3 / 2).max(2_000);
    let mut acknowledged: Vec<String> = (0..3).map(|i| format!("probe {i}")).collect();
    let mut killed = 0;
    for round in 0..200 {
        let note = format!("kill {round}");
        let mut child = writer(&note)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(jitter.below(span)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.signal() == Some(9) {
            killed += 1;
        } else if status.success() {
            acknowledged.push(note.clone());
        }
        let context = format!("round {round} (seed {seed}, {status})");
        let saved = load(&board);
        let notes: Vec<&str> = saved
            .board
            .task(7)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        for kept in &acknowledged {
            let times = notes.iter().filter(|n| **n == kept.as_str()).count();
            assert_eq!(
                times, 1,
                "{context}: `{kept}` is on the board {times} times"
            );
        }
        assert!(
            notes.iter().filter(|n| **n == note.as_str()).count() <= 1,
            "{context}: the killed change is there twice"
        );
        let lock = lock_file(&board);
        assert!(lock.try_lock().is_ok(), "{context}: the lock is still held");
    }
    let saved = load(&board);
    let recorded: Vec<String> = saved
        .history
        .entries()
        .iter()
        .filter_map(|e| match &e.change {
            Change::NoteAdded { note } => Some(note.text.clone()),
            _ => None,
        })
        .collect();
    for kept in &acknowledged {
        let times = recorded.iter().filter(|r| *r == kept).count();
        assert_eq!(
            times, 1,
            "`{kept}` is in the history {times} times (seed {seed})"
        );
    }
    let check = run(&board, "checker", &["check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert_eq!(
        text(&check.stderr),
        "",
        "check after the kills (seed {seed})"
    );
    assert!(
        killed >= 40,
        "only {killed} of 200 writers were killed mid-run (seed {seed})"
    );
    eprintln!(
        "200 kills on the journal path: {killed} mid-run, {} acknowledged, all kept (seed {seed})",
        acknowledged.len()
    );
}
