//! Reading and writing boards: `board.ron`, its history and its journal (see `docs/FORMAT.md`).
//!
//! Every change goes through [`Store::apply`]: lock, read the board and its journal, apply the
//! operation, append its entries to the journal and fsync (the change is made), fold the journal
//! into the board and the history when that is cheap, unlock. Two people changing different tasks
//! therefore both keep their change, and a crash at any point loses nothing acknowledged.

mod access;
mod atomic;
mod backup;
mod cache;
mod canonical;
mod codec;
mod digest;
mod duplicates;
mod error;
mod fast;
mod fold;
mod lines;
pub mod locate;
mod lock;
pub mod merge;
mod partial;
mod quick;
mod recent;
mod regular;
mod scan;
mod sieve;
mod stream;
mod v1;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use access::check_writable;
pub use atomic::folder_of;
pub use backup::{backup_folder, list_backups};
pub use cache::ReadCache;
pub use canonical::{compact, to_text};
pub use codec::{Parsed, decode, parse, parse_bytes, parse_file};
pub use error::StoreError;
pub(crate) use error::describe_ron_syntax;
pub use lines::{history_path, journal_path};
pub use lock::{lock_holder, lock_path};
pub use regular::{BOARD_LIMIT, KEYS_LIMIT, read_regular};

use crate::clock::Clock;
use crate::model::{Board, Context, History, HistoryEntry, Operation};

/// Identifies a version of the board on disk, so that an open board can tell its own saves from
/// other people's when the folder watcher reports a change: the board file's content and how
/// much of the journal has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    board: u64,
    journal: u64,
}

impl Stamp {
    fn of(board_text: &[u8], journal_len: u64) -> Stamp {
        Stamp {
            board: digest::of(board_text),
            journal: journal_len,
        }
    }
}

/// A board as read, with the stamp of the files it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub board: Board,
    pub stamp: Stamp,
    /// The file is version 1; it is upgraded by the next change.
    pub upgrade_pending: bool,
}

/// The result of one change.
#[derive(Debug, Clone)]
pub struct Applied {
    pub board: Board,
    pub stamp: Stamp,
    /// The history entries the change made (what undo reverts).
    pub entries: Vec<HistoryEntry>,
    /// Set when the change is saved in the journal but folding it into the board file failed (a
    /// full disk): it is safe, and the next change tries the fold again.
    pub fold_failed: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// How many old versions to keep in `<file>.backups/`.
    pub backups: usize,
    /// How long to wait for another process's lock before giving up with a message.
    pub lock_timeout: Duration,
    /// Where "now" comes from (the time of each change is taken under the lock).
    pub clock: Clock,
    /// Who `create` and `fold` say hold the lock (a change names the user it is recorded under).
    pub user: String,
    /// Who is making changes where the board has roles: the real user id's login name
    /// ([`crate::identity::os_login`]), not the display name a change is given, which anyone can
    /// set. `None` when the uid has no login name; a board with roles then refuses changes.
    pub login: Option<String>,
    /// Read only the tasks a change touches of a big board (the command line, which shows only
    /// what the change made). [`Applied::board`] then holds just those tasks.
    pub partial_reads: bool,
}

/// The board file and the journal as read together under one view of the disk.
struct State {
    parsed: Parsed,
    /// Only some tasks were read (see `partial.rs`): enough for a change, not for a fold.
    partial: bool,
    /// The board file's bytes as read (for the stamp and the fold's decision).
    board_len: usize,
    board_stamp: u64,
    /// The journal's changes, each the entries of one change.
    journal: Vec<Vec<HistoryEntry>>,
    journal_len: u64,
}

impl Store {
    /// A store with the defaults: 10 backups, 5 s lock wait, the system clock.
    /// `FTZ_BOARD_LOCK_TIMEOUT_MS` changes the wait (scripts that would rather fail fast; tests).
    pub fn new(path: impl Into<PathBuf>) -> Store {
        let lock_timeout = std::env::var("FTZ_BOARD_LOCK_TIMEOUT_MS")
            .ok()
            .and_then(|ms| ms.trim().parse::<u64>().ok())
            .map_or(Duration::from_secs(5), Duration::from_millis);
        Store {
            path: path.into(),
            backups: 10,
            lock_timeout,
            clock: crate::clock::system_now,
            user: crate::identity::user_name(None),
            login: crate::identity::os_login(),
            partial_reads: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
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

    fn read_state(&self) -> Result<State, StoreError> {
        self.read_state_for(None)
    }

    /// [`Store::read_state`]; with `touched`, a big board in the canonical layout is read with only
    /// those tasks (and the header): all a change to them needs (see `partial.rs`).
    fn read_state_for(&self, touched: Option<&partial::Touched>) -> Result<State, StoreError> {
        if let Some(touched) = touched
            && let Some((board, sieved)) = partial::read_for(&self.path, touched)?
        {
            let parsed = Parsed {
                board,
                v1_history: None,
            };
            return self.state_of(parsed, sieved.len, sieved.digest, true);
        }
        if let Some(streamed) = stream::read(&self.path)? {
            let parsed = Parsed {
                board: streamed.board,
                v1_history: None,
            };
            return self.state_of(parsed, streamed.len, streamed.digest, false);
        }
        let text = read_limited(&self.path)?;
        // A big board in the canonical layout is parsed on all cores; any other, or any problem,
        // the ordinary way (which also places the problem exactly).
        let parsed = match fast::parse_canonical(&text, &self.path) {
            Some(board) => Parsed {
                board,
                v1_history: None,
            },
            None => parse_file(&text, &self.path)?,
        };
        let digest = digest::of(text.as_bytes());
        self.state_of(parsed, text.len(), digest, false)
    }

    fn state_of(
        &self,
        parsed: Parsed,
        board_len: usize,
        board_stamp: u64,
        partial: bool,
    ) -> Result<State, StoreError> {
        let (journal, journal_len) = lines::read(&journal_path(&self.real_path()))?;
        Ok(State {
            parsed,
            partial,
            board_len,
            board_stamp,
            journal,
            journal_len,
        })
    }

    /// The board as it stands: the board file with the journal's changes replayed.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let state = self.read_state()?;
        Ok(state.into_loaded())
    }

    /// The whole history: the history file (or a version 1 file's own), then the journal's
    /// changes not yet folded into it. Read only when something needs it (the board as of a date,
    /// `changes`, `check`, a task's record), never for the first frame.
    pub fn load_history(&self) -> Result<History, StoreError> {
        // A version 2 board keeps no history of its own: the history file and the journal are
        // all there is to read, and parsing the board (as big as the history, often) is not
        // needed. Only a file that does not say so at its top is read whole.
        if self.declares_current_version() {
            let real = self.real_path();
            let mut entries = lines::read(&history_path(&real))?.0;
            let (journal, _) = lines::read(&journal_path(&real))?;
            let pending = fold::unfolded(&entries, &journal);
            entries.extend(pending);
            return Ok(History::new(entries));
        }
        let state = self.read_state()?;
        let mut entries = match state.parsed.v1_history {
            Some(entries) => entries,
            None => lines::read(&history_path(&self.real_path()))?.0,
        };
        let pending = fold::unfolded(&entries, &state.journal);
        entries.extend(pending);
        Ok(History::new(entries))
    }

    /// Whether the board file's first 64 KiB declare the current version (a regular file only).
    fn declares_current_version(&self) -> bool {
        use std::io::Read;
        let Ok(file) = std::fs::File::open(&self.path) else {
            return false;
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return false;
        }
        let mut head = Vec::new();
        if file.take(64 * 1024).read_to_end(&mut head).is_err() {
            return false;
        }
        codec::declared_version(&String::from_utf8_lossy(&head))
            == Some(crate::model::CURRENT_VERSION)
    }

    /// Creates the board file; refuses if one exists (checked under the lock, so two `init`s at once
    /// cannot both write).
    pub fn create(&self, board: &Board) -> Result<Stamp, StoreError> {
        self.create_with_history(board, &[])
    }

    /// [`Store::create`] with a history that led to the board (a sample board's, oldest first).
    pub fn create_with_history(
        &self,
        board: &Board,
        history: &[HistoryEntry],
    ) -> Result<Stamp, StoreError> {
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
        // A history or journal left by an earlier board of this name is not this board's.
        lines::clear(&journal_path(&real))?;
        atomic::write_atomic_like(
            &history_path(&real),
            lines::to_text(history).as_bytes(),
            &real,
        )?;
        Ok(Stamp::of(text.as_bytes(), 0))
    }

    /// Applies one change to the current board under the lock, at the time the store's clock
    /// gives then. On any error nothing is written.
    pub fn apply(&self, op: &Operation, user: &str) -> Result<Applied, StoreError> {
        self.apply_at(op, user, None)
    }

    /// [`Store::apply`] at a given moment (tests; a change replayed from elsewhere). `None` reads
    /// the clock once the lock is held.
    pub fn apply_at(
        &self,
        op: &Operation,
        user: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Applied, StoreError> {
        self.apply_with(op, user, at, None)
    }

    /// [`Store::apply`] for a board that stays open: when the files are as its last change left
    /// them, they are not read again (see `cache.rs`).
    pub fn apply_cached(
        &self,
        op: &Operation,
        user: &str,
        cache: &mut ReadCache,
    ) -> Result<Applied, StoreError> {
        self.apply_with(op, user, None, Some(cache))
    }

    fn apply_with(
        &self,
        op: &Operation,
        user: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
        mut cache: Option<&mut ReadCache>,
    ) -> Result<Applied, StoreError> {
        let real = self.real_path();
        // A FIFO or a device named as the board is refused before a lock file is made beside it.
        regular::ensure_regular(&self.path, "board")?;
        access::check_writable(&real)?;
        let _lock = lock::BoardLock::acquire(&real, self.lock_timeout, user)?;
        atomic::remove_stale_temps(&real);
        let touched = if self.partial_reads {
            partial::touched(op)
        } else {
            None
        };
        let cached = cache.as_deref_mut().and_then(|c| c.take_if_current(&real));
        let state = match cached {
            Some(state) => state,
            None => self.read_state_for(touched.as_ref())?,
        };
        let last_at = fold::newest_entry_time(&real, &state)?;
        let mut loaded = state.replayed();
        let now = loaded
            .board
            .settings
            .local_time(at.unwrap_or_else(|| (self.clock)()));
        // Never before the newest entry: the history's order is the order changes were made in.
        let now = last_at.map_or(now, |last| now.max(last));
        let ctx = Context {
            user: self.author(&loaded.board, op, user)?,
            now,
        };
        let entries = op.apply(&mut loaded.board, &ctx)?;
        loaded.board.sort_tasks();
        let mut state = loaded.state;
        state.journal_len = lines::append(&journal_path(&real), &[&entries])?;
        state.journal.push(entries.clone());
        // The change is made. Folding it in is housekeeping: should it fail (a full disk), the
        // change stays in the journal and the next change tries again.
        let unfolded = Stamp {
            board: state.board_stamp,
            journal: state.journal_len,
        };
        let due = fold::is_due(&state);
        let mut unread = None;
        let (mut loaded, state) = if due && state.partial {
            // A fold needs the whole board: read it again (the lock is held; the journal now
            // holds this change too). The partial read looked only at its tasks: a problem in
            // another (a hand edit) shows now, and leaves the change in the journal unfolded.
            match self.read_state() {
                Ok(whole) => {
                    let Replayed { board, state } = whole.replayed();
                    (board, state)
                }
                Err(e) => {
                    unread = Some(e.to_string());
                    (loaded.board, state)
                }
            }
        } else {
            (loaded.board, state)
        };
        loaded.sort_tasks();
        let folding = match unread {
            Some(problem) => Err(problem),
            None => fold::fold_if_due(self, &real, &loaded, &state).map_err(|e| e.to_string()),
        };
        let (stamp, fold_failed, _version) = match folding {
            Ok(Some(folded)) => (folded.stamp, None, Some(folded)),
            Ok(None) => (unfolded, None, None),
            Err(e) => (unfolded, Some(e), None),
        };
        // A failed fold may have left the files half way: the next change reads them.
        if let Some(cache) = cache
            && fold_failed.is_none()
        {
            let folded = _version.is_some() || stamp.journal == 0;
            cache.keep(
                &real,
                &loaded,
                cache::After {
                    board_stamp: stamp.board,
                    journal: if folded { Vec::new() } else { state.journal },
                    journal_len: stamp.journal,
                },
            );
        }
        Ok(Applied {
            board: loaded,
            stamp,
            entries,
            fold_failed,
        })
    }

    /// The one place permission is decided (every change passes here, from the shell and the
    /// board alike). With roles, the change is checked against them and recorded under the
    /// login name; without, anyone may and it is recorded under the display name `user`.
    fn author(&self, board: &Board, op: &Operation, user: &str) -> Result<String, StoreError> {
        use crate::model::permission::{Refusal, check};
        let Some(roles) = &board.roles else {
            return Ok(user.to_string());
        };
        let refused = |r| StoreError::Rejected(crate::model::OpError::NotAllowed(r));
        let login = self
            .login
            .clone()
            .ok_or_else(|| refused(Refusal::NoLogin))?;
        check(Some(roles), &login, op, board).map_err(refused)?;
        Ok(login)
    }

    /// Folds the journal into the board file and the history now, whatever its size (before a
    /// commit to git, for instance).
    pub fn fold(&self) -> Result<Stamp, StoreError> {
        let real = self.real_path();
        access::check_writable(&real)?;
        let _lock = lock::BoardLock::acquire(&real, self.lock_timeout, &self.user)?;
        atomic::remove_stale_temps(&real);
        let state = self.read_state()?;
        let loaded = state.replayed();
        fold::fold(self, &real, &loaded.board, &loaded.state).map(|folded| folded.stamp)
    }
}

/// A board read with its journal replayed, and what it was read from.
struct Replayed {
    board: Board,
    state: State,
}

impl State {
    fn replayed(mut self) -> Replayed {
        // Moved out, not cloned: at 10,000 tasks a second copy of the board is 14 MB of peak
        // memory. Nothing reads the parsed board after this.
        let plan = self.parsed.board.plan.clone();
        let mut board = std::mem::replace(&mut self.parsed.board, Board::empty(plan));
        for entry in self.journal.iter().flatten() {
            // Replaying an entry the board already holds changes nothing; one that does not fit
            // (its task deleted by a later version of the file) is skipped.
            let _ = entry.redo(&mut board);
        }
        board.sort_tasks();
        Replayed { board, state: self }
    }

    fn into_loaded(self) -> Loaded {
        let stamp = Stamp {
            board: self.board_stamp,
            journal: self.journal_len,
        };
        let upgrade_pending = self.parsed.v1_history.is_some();
        let replayed = self.replayed();
        Loaded {
            board: replayed.board,
            stamp,
            upgrade_pending,
        }
    }
}

/// Reads a regular file of at most [`BOARD_LIMIT`] bytes as UTF-8 text (see [`decode`]): a FIFO
/// or a device named as a board is refused rather than read for ever.
pub(crate) fn read_limited(path: &Path) -> Result<String, StoreError> {
    let bytes = read_regular(path, BOARD_LIMIT, "board")?;
    decode(bytes, path)
}
