//! The lock that makes each read-modify-write exclusive across processes.
//!
//! It is a separate `<board>.lock` file: a lock on the board itself would be lost when a new version
//! is renamed over it. `flock(2)` (std's `File::lock`) is released by the kernel when the process dies,
//! so a killed board never blocks the others.
//!
//! The lock file sits in a folder colleagues can write, so it is opened as an untrusted path:
//! - without following a symbolic link (`O_NOFOLLOW`), and only when it is a regular file with a
//!   single name: a link planted as `board.ron.lock` must not make the next writer (root, say)
//!   truncate the file it names;
//! - after `flock`, the path must still name the file locked (device and inode). A lock file removed
//!   or replaced while a writer waited is not the lock any more: the writer starts again.
//!
//! Removing the lock file while someone *holds* it still lets the next writer create and lock a new
//! one. So each writer also locks the version of the board it is about to replace (the board file's
//! inode, found the same way: lock, then check the path still names it). That file cannot be
//! removed from under its holder without removing the board itself, and a save replaces it only
//! while holding it: whoever locks the current version next reads a board that has every change
//! made before.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::StoreError;

/// A lock file holding more than this is not one we wrote (a holder note is one short line): its
/// content is left alone, though the lock on it still works.
const MAX_NOTE: u64 = 4096;

/// Never follow a link at the end of the path; never wait in `open` (a FIFO without a writer).
const UNTRUSTED: libc::c_int = libc::O_NOFOLLOW | libc::O_NONBLOCK;

pub fn lock_path(board: &Path) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    board.with_file_name(name)
}

/// Held while it lives; dropping it releases the lock.
pub struct BoardLock {
    file: File,
    /// The version of the board locked too (None while there is no board yet, as for `init`).
    _version: Option<File>,
    /// Whether we could record our name in the lock file (and so must clear it again).
    recorded: bool,
}

impl BoardLock {
    /// Waits up to `timeout` for the lock. The lock file records `holder` (the name the change is
    /// recorded under) and our pid, for the message others get if they time out.
    pub fn acquire(board: &Path, timeout: Duration, holder: &str) -> Result<BoardLock, StoreError> {
        let path = lock_path(board);
        let deadline = Instant::now() + timeout;
        let (mut file, writable) = loop {
            let Some((file, writable)) = open_lock_file(board, &path)? else {
                // Removed between our looking and our opening: look again, within the wait.
                if Instant::now() >= deadline {
                    return Err(StoreError::Locked {
                        path: board.to_path_buf(),
                        holder: None,
                    });
                }
                continue;
            };
            if !wait_for_flock(&file, deadline).map_err(lock_error(&path))? {
                return Err(StoreError::Locked {
                    path: board.to_path_buf(),
                    holder: read_holder(&path),
                });
            }
            if still_named(&file, &path) {
                break (file, writable);
            }
            // Removed or replaced while we waited: the lock is whatever the path names now.
        };
        let version = lock_version(board, deadline)?;
        // Who we are, for a colleague who has to wait. Failing to write this is harmless.
        let recorded = writable && file.metadata().is_ok_and(|m| m.len() <= MAX_NOTE) && {
            let who = format!(
                "{} (pid {})",
                crate::model::sanitize::clean_line(holder),
                std::process::id()
            );
            file.set_len(0).is_ok()
                && file.rewind().is_ok()
                && file.write_all(who.as_bytes()).is_ok()
        };
        Ok(BoardLock {
            file,
            _version: version,
            recorded,
        })
    }
}

fn lock_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action: "lock",
        source,
    }
}

/// Takes `file`'s flock, waiting until `deadline`: false when someone else still holds it then.
///
/// The wait is the kernel's (a blocking flock in a helper thread), not a loop of attempts: with
/// 16 writers polling, whoever happened to try just after a release won, and a writer could lose
/// every round for the whole 5 s wait (39 of 320 changes timed out on the 10,000-task board). The
/// kernel wakes its waiters the moment the lock is released.
fn wait_for_flock(file: &File, deadline: Instant) -> std::io::Result<bool> {
    match file.try_lock() {
        Ok(()) => return Ok(true),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(e)) => return Err(e),
    }
    // The clone shares the open file (and so the lock) with `file`. Once the lock is ours the
    // helper drops its clone, and the lock lives on in `file`; if we stopped waiting first, the
    // helper's late lock is released as it drops the last descriptor of that open file.
    let waiter = file.try_clone()?;
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("flock-wait".into())
        .spawn(move || {
            let taken = waiter.lock();
            let _ = sender.send(taken);
        })?;
    let wait = deadline.saturating_duration_since(Instant::now());
    match receiver.recv_timeout(wait) {
        Ok(taken) => taken.map(|()| true),
        Err(_) => Ok(false),
    }
}

/// Whether `path` (not following a link) still names the file open as `file`.
fn still_named(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Locks the board file's current version, as the module explains. None when there is nothing to
/// lock (no board yet, or not a regular file: the read that follows says what is wrong).
fn lock_version(board: &Path, deadline: Instant) -> Result<Option<File>, StoreError> {
    loop {
        // Read-only: flock needs no more, and a descriptor opened for writing would tell every
        // watching board "written" when it closes.
        let Ok(file) = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(board)
        else {
            return Ok(None);
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Ok(None);
        }
        if !wait_for_flock(&file, deadline).map_err(lock_error(board))? {
            // Someone holds this version whose lock file was removed: their note went with it.
            return Err(StoreError::Locked {
                path: board.to_path_buf(),
                holder: None,
            });
        }
        let current = fs::metadata(board);
        match (file.metadata(), current) {
            (Ok(open), Ok(now)) if open.dev() == now.dev() && open.ino() == now.ino() => {
                return Ok(Some(file));
            }
            // Gone: the read that follows says so.
            (_, Err(_)) => return Ok(None),
            // A save replaced it while we waited: lock the new version.
            _ => {}
        }
    }
}

/// Opens (creating if need be) the lock file. flock(2) works on a descriptor opened for reading
/// only, so a user who may not write the lock file (another user created it under a strict
/// umask) can still take the lock; only the "who holds it" note is then left out. None when the
/// file was removed while we opened it (someone deleting lock files): the caller tries again.
fn open_lock_file(board: &Path, path: &Path) -> Result<Option<(File, bool)>, StoreError> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .mode(0o666)
        .custom_flags(UNTRUSTED);
    // O_CREAT|O_EXCL never follows a link either: it fails when anything is at the path.
    if let Ok(file) = options.clone().create_new(true).open(path) {
        if !check_lock_file(&file, path)? {
            return Ok(None);
        }
        share_like_board(&file, board);
        return Ok(Some((file, true)));
    }
    let opened = match options.open(path) {
        Err(e) if e.kind() == ErrorKind::PermissionDenied => OpenOptions::new()
            .read(true)
            .custom_flags(UNTRUSTED)
            .open(path)
            .map(|file| (file, false)),
        other => other.map(|file| (file, true)),
    };
    let (file, writable) = match opened {
        Ok(opened) => opened,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(open_error(path, e)),
    };
    Ok(check_lock_file(&file, path)?.then_some((file, writable)))
}

fn open_error(path: &Path, source: std::io::Error) -> StoreError {
    if source.raw_os_error() == Some(libc::ELOOP) {
        return StoreError::LockRefused {
            path: path.to_path_buf(),
            reason: "the lock file is a symbolic link (not following it)".into(),
        };
    }
    StoreError::Io {
        path: path.to_path_buf(),
        action: "open the lock file",
        source,
    }
}

/// Refuses a lock file that is not a regular file of its own: a FIFO or a device, or a hard link
/// to a file that has other names (which would be someone else's file under our name). False
/// when it has no name left (removed since we opened it).
fn check_lock_file(file: &File, path: &Path) -> Result<bool, StoreError> {
    let meta = file.metadata().map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        action: "open the lock file",
        source,
    })?;
    let kind = meta.file_type();
    let reason = if !kind.is_file() {
        let what = super::regular::kind_of(&kind);
        format!("the lock file is not a regular file ({what})")
    } else if meta.nlink() == 0 {
        return Ok(false);
    } else if meta.nlink() != 1 {
        format!(
            "the lock file has {} names (a hard link to another file)",
            meta.nlink()
        )
    } else {
        return Ok(true);
    };
    Err(StoreError::LockRefused {
        path: path.to_path_buf(),
        reason,
    })
}

/// A new lock file gets the board's group and permission bits (as a new version of the board does),
/// so that whoever may change the board may also note their name in the lock file. Best effort:
/// without it the lock still works.
pub(super) fn share_like_board(file: &File, board: &Path) {
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

/// Who holds `board`'s lock now, by the note in the lock file: the name and the process id, for a
/// board that waits to say whom it waits for. None when nobody has left a note.
pub fn lock_holder(board: &Path) -> Option<(String, Option<u32>)> {
    let note = read_holder(&lock_path(board))?;
    let parsed = note.strip_suffix(')').and_then(|rest| {
        let (name, pid) = rest.rsplit_once(" (pid ")?;
        Some((name.to_string(), pid.parse().ok()))
    });
    Some(parsed.unwrap_or((note, None)))
}

/// The holder's note, read as untrusted as the lock file is opened: no link followed, no FIFO
/// waited on, no more than a note's length read.
fn read_holder(path: &Path) -> Option<String> {
    use std::io::Read;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(UNTRUSTED)
        .open(path)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_NOTE).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
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
        let _held = BoardLock::acquire(&board, Duration::from_secs(1), "tester").unwrap();
        let started = Instant::now();
        // flock locks belong to an open file description, so a second open in the same process
        // contends like another process would.
        let Err(err) = BoardLock::acquire(&board, Duration::from_millis(200), "tester") else {
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
    fn the_holder_is_read_back_as_a_name_and_a_pid() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        std::fs::write(&board, "").unwrap();
        let lock = BoardLock::acquire(&board, Duration::from_secs(1), "alice").unwrap();
        let me = std::process::id();
        assert_eq!(lock_holder(&board), Some(("alice".to_string(), Some(me))));
        drop(lock);
        assert_eq!(lock_holder(&board), None);
    }

    #[test]
    fn releasing_the_lock_lets_the_next_taker_in_and_forgets_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        let held = BoardLock::acquire(&board, Duration::from_secs(1), "tester").unwrap();
        assert!(read_holder(&lock_path(&board)).is_some());
        drop(held);
        assert_eq!(read_holder(&lock_path(&board)), None);
        let started = Instant::now();
        let _next = BoardLock::acquire(&board, Duration::from_secs(5), "tester").unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_new_lock_file_may_be_written_by_whoever_may_write_the_board() {
        let dir = tempfile::tempdir().unwrap();
        let board = board_in(&dir);
        fs::write(&board, "").unwrap();
        // Group-writable, as a board shared by a task force's group is; the umask would give 0644.
        fs::set_permissions(&board, fs::Permissions::from_mode(0o660)).unwrap();
        drop(BoardLock::acquire(&board, Duration::from_secs(1), "tester").unwrap());
        let mode = fs::metadata(lock_path(&board)).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o660, "lock file mode {mode:o}");
    }

    #[test]
    fn a_zero_timeout_still_takes_a_free_lock() {
        let dir = tempfile::tempdir().unwrap();
        assert!(BoardLock::acquire(&board_in(&dir), Duration::ZERO, "tester").is_ok());
    }
}
