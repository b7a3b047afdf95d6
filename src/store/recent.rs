//! The newest entries of the record without reading all of it: what a board that reloads after
//! a colleague's save needs to say who changed what.

use super::{Store, StoreError, fold, lines};
use crate::model::HistoryEntry;

impl Store {
    /// The last `n` entries of the history file, then the journal's entries not yet folded into
    /// it (those are newer), oldest first. A version 1 board keeps its history inside the board
    /// file: none are read for it.
    pub fn recent_history(&self, n: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        let real = self.real_path();
        let mut entries: Vec<HistoryEntry> = lines::read_tail(&lines::history_path(&real), n)?;
        let (journal, _) = lines::read::<Vec<HistoryEntry>>(&lines::journal_path(&real))?;
        let pending = fold::unfolded(&entries, &journal);
        entries.extend(pending);
        Ok(entries)
    }
}
