//! What a board that stays open remembers of its files between its own changes. The board and its
//! journal are replaced or appended to only under the lock; if neither file has changed since this
//! board last wrote them (same file, size and modification time), what it holds in memory is what
//! the files hold, and a change need not read them again. At 10,000 tasks that read is most of the
//! cost of a change; a colleague's change or a hand edit changes a file and the next change reads
//! everything as before.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::State;
use super::codec::Parsed;
use super::lines::journal_path;
use crate::model::{Board, HistoryEntry};

/// Which version of a file: replacing it (a new inode) or writing it (size, times) changes this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
}

impl FileId {
    /// `None` when the file is missing (a journal not made yet) or unreadable.
    fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        let ns = |secs: i64, nsec: i64| i128::from(secs) * 1_000_000_000 + i128::from(nsec);
        Some(FileId {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
        })
    }
}

/// The files as this board last left them. Empty until its first change.
#[derive(Debug, Default)]
pub struct ReadCache {
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    board_file: FileId,
    journal_file: Option<FileId>,
    /// The board with the journal replayed, as the files hold it.
    board: Board,
    board_len: usize,
    board_stamp: u64,
    journal: Vec<Vec<HistoryEntry>>,
    journal_len: u64,
}

impl ReadCache {
    /// The state the files hold, when neither has changed since it was kept; the cache is
    /// emptied either way (it is filled again after a change succeeds).
    pub(super) fn take_if_current(&mut self, real: &Path) -> Option<State> {
        let kept = self.kept.take()?;
        let current = FileId::of(real)? == kept.board_file
            && FileId::of(&journal_path(real)) == kept.journal_file;
        current.then_some(State {
            // The journal is replayed onto the board again when the change is made: replaying an
            // entry the board already shows changes nothing.
            parsed: Parsed {
                board: kept.board,
                v1_history: None,
            },
            partial: false,
            board_len: kept.board_len,
            board_stamp: kept.board_stamp,
            journal: kept.journal,
            journal_len: kept.journal_len,
        })
    }

    /// Remembers the files as a change just left them: `board` is the board they hold.
    pub(super) fn keep(&mut self, real: &Path, board: &Board, after: After) {
        self.kept = FileId::of(real).map(|board_file| Kept {
            board_file,
            journal_file: FileId::of(&journal_path(real)),
            board: board.clone(),
            board_len: board_file.len as usize,
            board_stamp: after.board_stamp,
            journal: after.journal,
            journal_len: after.journal_len,
        });
    }

    /// Forgets what was kept: the next change reads the files.
    pub fn clear(&mut self) {
        self.kept = None;
    }
}

/// What the files hold after a change, besides the board itself.
pub(super) struct After {
    pub board_stamp: u64,
    pub journal: Vec<Vec<HistoryEntry>>,
    pub journal_len: u64,
}
