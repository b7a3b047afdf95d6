//! Reading and writing board files.
//!
//! Every change goes through [`Store::apply`]: lock, re-read the file, apply the operation, write
//! atomically, unlock. Two people changing different tasks therefore both keep their change, and a
//! crash at any point leaves the old or the new file whole.

mod access;
mod atomic;
mod backup;
mod codec;
mod duplicates;
mod error;
pub mod locate;
mod lock;
mod regular;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use access::check_writable;
pub use atomic::folder_of;
pub use backup::{backup_folder, list_backups};
pub use codec::{decode, parse, parse_bytes, to_text};
pub use error::StoreError;
pub(crate) use error::describe_ron_syntax;
pub use lock::lock_path;
pub use regular::{BOARD_LIMIT, KEYS_LIMIT, read_regular};

use crate::model::{Board, Context, Operation};

/// Identifies a version of the file by its content, so that a board can tell its own saves from
/// other people's when the folder watcher reports a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(u64);

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        Stamp(h.finish())
    }
}

/// A board as read, with the stamp of the text it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub board: Board,
    pub stamp: Stamp,
}

/// The result of one change.
#[derive(Debug, Clone)]
pub struct Applied {
    pub board: Board,
    pub stamp: Stamp,
    /// What undo applies.
    pub inverse: Operation,
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// How many old versions to keep in `<file>.backups/`.
    pub backups: usize,
    /// How long to wait for another process's lock before giving up with a message.
    pub lock_timeout: Duration,
    /// Who `create` says holds the lock (a change names the user it is recorded under).
    pub user: String,
}

impl Store {
    /// A store with the defaults: 10 backups, 5 s lock wait. `FTZ_BOARD_LOCK_TIMEOUT_MS` changes the
    /// wait (scripts that would rather fail fast; tests).
    pub fn new(path: impl Into<PathBuf>) -> Store {
        let lock_timeout = std::env::var("FTZ_BOARD_LOCK_TIMEOUT_MS")
            .ok()
            .and_then(|ms| ms.trim().parse::<u64>().ok())
            .map_or(Duration::from_secs(5), Duration::from_millis);
        Store {
            path: path.into(),
            backups: 10,
            lock_timeout,
            user: crate::identity::user_name(None),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    fn read(&self) -> Result<String, StoreError> {
        let bytes = read_regular(&self.path, BOARD_LIMIT, "board")?;
        decode(bytes, &self.path)
    }

    /// The file that changes are made to: the board path with a symbolic link at its end followed.
    /// A board shared as `~/board.ron -> /srv/ftz/board.ron` must be locked, backed up and replaced
    /// where it really is: renaming over the link would leave colleagues on the old file and give
    /// this user a private copy, and a lock beside the link would lock nobody else out.
    pub fn real_path(&self) -> PathBuf {
        match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone())
            }
            _ => self.path.clone(),
        }
    }

    pub fn load(&self) -> Result<Loaded, StoreError> {
        let text = self.read()?;
        let board = parse(&text, &self.path)?;
        Ok(Loaded {
            board,
            stamp: Stamp::of(text.as_bytes()),
        })
    }

    /// Creates the board file; refuses if one exists (checked under the lock, so two `init`s at once
    /// cannot both write).
    pub fn create(&self, board: &Board) -> Result<Stamp, StoreError> {
        let real = self.real_path();
        let _lock = lock::BoardLock::acquire(&real, self.lock_timeout, &self.user)?;
        atomic::remove_stale_temps(&real);
        // Anything at the path, even a link to nowhere, is not ours to replace.
        if std::fs::symlink_metadata(&self.path).is_ok() {
            return Err(StoreError::Exists {
                path: self.path.clone(),
            });
        }
        let text = to_text(board);
        atomic::write_atomic(&real, text.as_bytes())?;
        Ok(Stamp::of(text.as_bytes()))
    }

    /// Applies one change to the current file under the lock. On any error the file is untouched.
    pub fn apply(&self, op: &Operation, ctx: &Context) -> Result<Applied, StoreError> {
        let real = self.real_path();
        access::check_writable(&real)?;
        let _lock = lock::BoardLock::acquire(&real, self.lock_timeout, &ctx.user)?;
        atomic::remove_stale_temps(&real);
        let mut board = self.load()?.board;
        let inverse = op.apply(&mut board, ctx)?;
        board.sort_tasks();
        let text = to_text(&board);
        // The version being replaced becomes a backup only if the save succeeds.
        let backup = backup::Pending::make(&real, self.backups);
        atomic::write_atomic(&real, text.as_bytes())?;
        if let Some(backup) = backup {
            backup.commit();
        }
        Ok(Applied {
            board,
            stamp: Stamp::of(text.as_bytes()),
            inverse,
        })
    }
}
