//! The lock that makes each read-modify-write exclusive across processes.
//!
//! It is a separate `<board>.lock` file: a lock on the board itself would be lost when a new version
//! is renamed over it. `flock(2)` (std's `File::lock`) is released by the kernel when the process dies,
//! so a killed board never blocks the others.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Read, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::StoreError;

/// The longest pause between two attempts: short enough that a waiting process follows the holder
/// within a few milliseconds, long enough that waiting costs next to no CPU.
const MAX_PAUSE: Duration = Duration::from_millis(25);

pub fn lock_path(board: &Path) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    board.with_file_name(name)
}

/// Held while it lives; dropping it releases the lock.
pub struct BoardLock {
    file: File,
    /// Whether we could record our name in the lock file (and so must clear it again).
    recorded: bool,
}

impl BoardLock {
    /// Waits up to `timeout` for the lock. The lock file records who holds it, for the message
    /// others get if they time out.
    pub fn acquire(board: &Path, timeout: Duration) -> Result<BoardLock, StoreError> {
        let path = lock_path(board);
        let (mut file, writable) = open_lock_file(board, &path)?;
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let now = Instant::now();
                    if now >= deadline {
                        return Err(StoreError::Locked {
                            path: board.to_path_buf(),
                            holder: read_holder(&path),
                        });
                    }
                    std::thread::sleep(pause.min(deadline - now));
                    pause = (pause * 2).min(MAX_PAUSE);
                }
                Err(TryLockError::Error(source)) => {
                    return Err(StoreError::Io {
                        path,
                        action: "lock",
                        source,
                    });
                }
            }
        }
        // Who we are, for a colleague who has to wait. Failing to write this is harmless.
        let recorded = writable && {
            let who = format!(
                "{} (pid {})",
                std::env::var("USER").unwrap_or_else(|_| "?".into()),
                std::process::id()
            );
            file.set_len(0).is_ok()
                && file.rewind().is_ok()
                && file.write_all(who.as_bytes()).is_ok()
        };
        Ok(BoardLock { file, recorded })
    }
}

/// Opens (creating if need be) the lock file. flock(2) works on a descriptor opened for reading
/// only, so a user who may not write the lock file (another user created it under a strict
/// umask) can still take the lock; only the "who holds it" note is then left out.
fn open_lock_file(board: &Path, path: &Path) -> Result<(File, bool), StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).mode(0o666);
    if let Ok(file) = options.clone().create_new(true).open(path) {
        share_like_board(&file, board);
        return Ok((file, true));
    }
    let read_write = options.open(path);
    let error = match read_write {
        Ok(file) => return Ok((file, true)),
        Err(e) => e,
    };
    if error.kind() == ErrorKind::PermissionDenied
        && let Ok(file) = File::open(path)
    {
        return Ok((file, false));
    }
    Err(StoreError::Io {
        path: path.to_path_buf(),
        action: "open the lock file",
        source: error,
    })
}

/// A new lock file gets the board's group and permission bits (as a new version of the board does),
/// so that whoever may change the board may also note their name in the lock file. Best effort:
/// without it the lock still works.
fn share_like_board(file: &File, board: &Path) {
    if let Ok(meta) = fs::metadata(board) {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
        let _ = file.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o666));
    }
}

impl Drop for BoardLock {
    fn drop(&mut self) {
        // Clear our name before unlocking, so nobody is told about a holder who has gone.
        if self.recorded {
            let _ = self.file.set_len(0);
        }
        let _ = self.file.unlock();
    }
}

fn read_holder(path: &Path) -> Option<String> {
    let mut text = String::new();
    fs::File::open(path).ok()?.read_to_string(&mut text).ok()?;
    let text = crate::model::sanitize::clean_line(text.trim());
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("board.ron")
    }

    #[test]
    fn the_lock_file_sits_next_to_the_board() {
        assert_eq!(
            lock_path(Path::new("/srv/ftz/board.ron")),
            Path::new("/srv/ftz/board.ron.lock")
        );
    }

    #[test]
    fn a_second_taker_gives_up_after_the_timeout_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        let _held = BoardLock::acquire(&board, Duration::from_secs(1)).unwrap();
        let started = Instant::now();
        // flock locks belong to an open file description, so a second open in the same process
        // contends like another process would.
        let Err(err) = BoardLock::acquire(&board, Duration::from_millis(200)) else {
            panic!("the lock was taken twice");
        };
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(200),
            "gave up after {waited:?}"
        );
        assert!(waited < Duration::from_secs(3), "hung for {waited:?}");
        let message = err.to_string();
        let pid = format!("(pid {})", std::process::id());
        assert!(message.contains(&pid), "{message}");
        assert!(
            message.contains("board.ron: the board is locked by"),
            "{message}"
        );
    }

    #[test]
    fn releasing_the_lock_lets_the_next_taker_in_and_forgets_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        let held = BoardLock::acquire(&board, Duration::from_secs(1)).unwrap();
        assert!(read_holder(&lock_path(&board)).is_some());
        drop(held);
        assert_eq!(read_holder(&lock_path(&board)), None);
        let started = Instant::now();
        let _next = BoardLock::acquire(&board, Duration::from_secs(5)).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_new_lock_file_may_be_written_by_whoever_may_write_the_board() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        fs::write(&board, "").unwrap();
        // Group-writable, as a board shared by a task force's group is; the umask would give 0644.
        fs::set_permissions(&board, fs::Permissions::from_mode(0o660)).unwrap();
        drop(BoardLock::acquire(&board, Duration::from_secs(1)).unwrap());
        let mode = fs::metadata(lock_path(&board)).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o660, "lock file mode {mode:o}");
    }

    #[test]
    fn a_zero_timeout_still_takes_a_free_lock() {
        let dir = tempfile::tempdir().unwrap();
        assert!(BoardLock::acquire(&board_in(&dir), Duration::ZERO).is_ok());
    }
}
