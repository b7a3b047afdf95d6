//! The lock that makes each read-modify-write exclusive across processes.
//!
//! It is a separate `<board>.lock` file: a lock on the board itself would be lost when a new version
//! is renamed over it. `flock(2)` (std's `File::lock`) is released by the kernel when the process dies,
//! so a killed board never blocks the others.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::StoreError;

pub fn lock_path(board: &Path) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    board.with_file_name(name)
}

/// Held while it lives; dropping it releases the lock.
pub struct BoardLock {
    file: File,
}

impl BoardLock {
    /// Waits up to `timeout` for the lock. The lock file records who holds it, for the message
    /// others get if they time out.
    pub fn acquire(board: &Path, timeout: Duration) -> Result<BoardLock, StoreError> {
        let path = lock_path(board);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o666)
            .open(&path)
            .map_err(|source| StoreError::Io {
                path: path.clone(),
                action: "open the lock file",
                source,
            })?;
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: board.to_path_buf(),
                        holder: read_holder(&path),
                    });
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
        let who = format!(
            "{} (pid {})",
            std::env::var("USER").unwrap_or_else(|_| "?".into()),
            std::process::id()
        );
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(who.as_bytes());
        Ok(BoardLock { file })
    }
}

impl Drop for BoardLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn read_holder(path: &Path) -> Option<String> {
    let mut text = String::new();
    fs::File::open(path).ok()?.read_to_string(&mut text).ok()?;
    let text = crate::model::sanitize::clean_line(text.trim());
    (!text.is_empty()).then_some(text)
}
