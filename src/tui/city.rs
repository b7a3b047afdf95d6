//! The main loop's side of a city view (`--file A --file B …`, `--dir DIR`): each board keeps
//! its own file, lock, history and read cache; the app sees their combined board
//! (`model::city`). A change goes to its task's board only, a colleague's save to one file is
//! read from that file only, and the history is every board's, read in the background.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use super::events::Event;
use crate::model::city::{self, Unroutable};
use crate::model::{Board, History, HistoryEntry, Operation};
use crate::store::{Applied, ReadCache, Stamp, Store, StoreError};

/// One board of the city as the loop keeps it.
pub struct Member {
    pub store: Store,
    /// Its name (the file's name without `.ron`): qualifies its units in the combined board.
    pub name: String,
    /// The board as last read or saved.
    pub board: Board,
    /// The version last read or written (a watcher event for it is our own save).
    pub stamp: Stamp,
    /// The files as our last save left them (see `Session::cache`).
    pub cache: Arc<Mutex<ReadCache>>,
    /// The newest history entry this board knows of: the entries after it are a colleague's.
    pub seen: Option<HistoryEntry>,
    /// Set while the file on disk does not read: the city keeps showing the board as last read
    /// and refuses changes to it (and to it only), saying why.
    pub problem: Option<String>,
}

/// What reading one board's file again gave.
pub enum Reload {
    /// The board changed: the combined board and the colleague's entries in the city's numbers.
    Changed(Box<Result<Board, StoreError>>, Vec<HistoryEntry>),
    /// The file does not read (its message): nothing else changes.
    Broken(String),
}

pub struct City {
    pub members: Vec<Member>,
}

impl City {
    fn views(&self) -> Vec<city::Member<'_>> {
        self.members
            .iter()
            .map(|m| city::Member {
                name: &m.name,
                board: &m.board,
            })
            .collect()
    }

    /// The boards as one: what the app shows.
    pub fn combined(&self) -> Result<Board, String> {
        city::combine(&self.views())
    }

    /// Which board a change made in the city view goes to, as that board must apply it.
    pub fn route(
        &self,
        op: &Operation,
        shown: Option<usize>,
    ) -> Result<(usize, Operation), Unroutable> {
        city::to_member(op, &self.views(), shown)
    }

    /// A save to board `index` ended well: keep its board, and give the app the combined board
    /// and the entries in the city's numbers.
    pub fn saved(
        &mut self,
        index: usize,
        applied: Applied,
    ) -> Result<(Board, Vec<HistoryEntry>), StoreError> {
        let member = &mut self.members[index];
        member.stamp = applied.stamp;
        if let Some(last) = applied.entries.last() {
            member.seen = Some(last.clone());
        }
        member.board = applied.board;
        let combined = self.combined().map_err(|e| self.problem(index, e))?;
        Ok((combined, city::entries_in_city(index, applied.entries)))
    }

    /// Board `index`'s file changed: read it. `None` when it is the version we have; else the
    /// combined board (or why the file does not read) and the colleague's entries since the
    /// last read, in the city's numbers.
    pub fn reload(&mut self, index: usize) -> Option<Reload> {
        let member = self.members.get_mut(index)?;
        let loaded = match member.store.load() {
            Ok(loaded) => loaded,
            Err(e) => {
                let text = e.to_string();
                member.problem = Some(text.clone());
                return Some(Reload::Broken(text));
            }
        };
        if loaded.stamp == member.stamp && member.problem.is_none() {
            return None;
        }
        member.problem = None;
        member.stamp = loaded.stamp;
        member.board = loaded.board;
        let news = super::reload::news(&member.store, &mut member.seen);
        let combined = self.combined().map_err(|e| self.problem(index, e));
        Some(Reload::Changed(
            Box::new(combined),
            city::entries_in_city(index, news),
        ))
    }

    /// Why board `index` takes no change now (its file does not read), if it does not.
    pub fn refusal(&self, index: usize) -> Option<&str> {
        self.members.get(index)?.problem.as_deref()
    }

    fn problem(&self, index: usize, message: String) -> StoreError {
        StoreError::Parse {
            path: self.members[index].store.path().to_path_buf(),
            line: 1,
            column: 1,
            message,
        }
    }

    pub fn path(&self, index: usize) -> &Path {
        self.members[index].store.path()
    }

    /// Reads every board's history on a thread of its own; it arrives as one
    /// `Event::HistoryLoaded`, ordered by time.
    pub fn load_history_in_background(&self, tx: Sender<Event>) {
        let stores: Vec<Store> = self.members.iter().map(|m| m.store.clone()).collect();
        std::thread::spawn(move || {
            let read: Result<Vec<Vec<HistoryEntry>>, StoreError> = stores
                .iter()
                .map(|s| s.load_history().map(|h| h.entries().to_vec()))
                .collect();
            let _ = tx.send(Event::HistoryLoaded(read.map(city::history_in_city)));
        });
    }
}

/// The combined history of boards already read (for `--today`, which needs it before the first
/// frame).
pub fn history_now(stores: &[&Store]) -> Result<History, StoreError> {
    let read: Result<Vec<Vec<HistoryEntry>>, StoreError> = stores
        .iter()
        .map(|s| s.load_history().map(|h| h.entries().to_vec()))
        .collect();
    read.map(city::history_in_city)
}
