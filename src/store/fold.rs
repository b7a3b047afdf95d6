//! Folding the journal into the board file and the history (see `docs/FORMAT.md`): when it is
//! due, in which order the files are written so that a crash at any instant loses nothing, and how
//! a fold interrupted half way is recognised.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::lines::{self, history_path, journal_path};
use super::{Stamp, State, Store, StoreError, atomic, backup, to_text};
use crate::model::{Board, HistoryEntry};

/// A board file this small is rewritten with every change: that costs a few milliseconds, and
/// keeps the journal empty, so git always sees every change.
const ALWAYS_FOLD_BELOW: usize = 512 * 1024;
/// A larger board is rewritten once the journal reaches this share of it (1/16) …
const JOURNAL_SHARE: u64 = 16;
/// … or holds this many entries: the cost of a fold is spread over the changes it folds.
const MAX_JOURNAL_ENTRIES: usize = 2000;

/// The journal's entries that the history does not end with already: those still to be appended.
/// (A fold that was interrupted after appending them to the history left them in the journal too.)
pub fn unfolded(history: &[HistoryEntry], journal: &[Vec<HistoryEntry>]) -> Vec<HistoryEntry> {
    let pending: Vec<&HistoryEntry> = journal.iter().flatten().collect();
    let already = (0..=pending.len())
        .rev()
        .find(|&k| {
            k <= history.len()
                && history[history.len() - k..]
                    .iter()
                    .zip(&pending[..k])
                    .all(|(h, p)| h == *p)
        })
        .unwrap_or(0);
    pending[already..].iter().map(|e| (*e).clone()).collect()
}

/// The time of the newest entry recorded anywhere: a new change is never stamped earlier.
pub fn newest_entry_time(
    real: &Path,
    state: &State,
) -> Result<Option<DateTime<FixedOffset>>, StoreError> {
    if let Some(entry) = state.journal.iter().flatten().last() {
        return Ok(Some(entry.at));
    }
    if let Some(v1) = &state.parsed.v1_history {
        return Ok(v1.last().map(|e| e.at));
    }
    let tail: Vec<HistoryEntry> = lines::read_tail(&history_path(real), 1)?;
    Ok(tail.last().map(|e| e.at))
}

/// A fold done: the new board's stamp, and the new board file, kept locked until the change is
/// finished.
pub struct Folded {
    pub stamp: Stamp,
    pub _version_lock: Option<std::fs::File>,
}

/// Whether the journal should be folded now (see the constants above).
pub fn is_due(state: &State) -> bool {
    let entries: usize = state.journal.iter().map(Vec::len).sum();
    state.parsed.v1_history.is_some()
        || state.board_len < ALWAYS_FOLD_BELOW
        || state.journal_len * JOURNAL_SHARE >= state.board_len as u64
        || entries >= most_journal_entries()
}

/// [`MAX_JOURNAL_ENTRIES`], or `FTZ_BOARD_FOLD_AT_ENTRIES` where set: the crash tests fold every
/// few changes to land their kills inside folds, and an operator can fold sooner.
fn most_journal_entries() -> usize {
    std::env::var("FTZ_BOARD_FOLD_AT_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(MAX_JOURNAL_ENTRIES)
}

/// Folds when it is due (see the constants above); `None` when it is not.
pub fn fold_if_due(
    store: &Store,
    real: &Path,
    board: &Board,
    state: &State,
) -> Result<Option<Folded>, StoreError> {
    if is_due(state) {
        fold(store, real, board, state).map(Some)
    } else {
        Ok(None)
    }
}

/// Writes `board` (the board file with the journal replayed) as the new board file, appends the
/// journal's entries to the history and empties the journal — in that order, so that at every
/// instant the changes are in the journal, or in both other files.
pub fn fold(
    store: &Store,
    real: &Path,
    board: &Board,
    state: &State,
) -> Result<Folded, StoreError> {
    let journal_entries: usize = state.journal.iter().map(Vec::len).sum();
    let history = history_path(real);
    let text = to_text(board);
    let version = match &state.parsed.v1_history {
        // Upgrading a version 1 file: the history file first, whole, so that the version 1 file
        // (which still holds the history) is replaced only once its history is safe elsewhere.
        Some(v1) => {
            let mut all = v1.clone();
            all.extend(state.journal.iter().flatten().cloned());
            let mut lines_text = String::new();
            for entry in &all {
                lines_text.push_str(&super::compact(entry));
                lines_text.push('\n');
            }
            atomic::write_atomic_like(&history, lines_text.as_bytes(), real)?;
            Some(replace_board(store, real, &text)?)
        }
        None => {
            let tail: Vec<HistoryEntry> = lines::read_tail(&history, journal_entries)?;
            let pending = unfolded(&tail, &state.journal);
            let version = if board_text_unchanged(state, &text) {
                None
            } else {
                Some(replace_board(store, real, &text)?)
            };
            if !pending.is_empty() {
                lines::append(&history, &pending)?;
            }
            version
        }
    };
    lines::clear(&journal_path(real))?;
    Ok(Folded {
        stamp: Stamp::of(text.as_bytes(), 0),
        _version_lock: version,
    })
}

/// Replaces the board file; the version replaced becomes a backup only if that succeeds. Returns
/// the new version, locked (see `atomic::write_atomic_like`).
fn replace_board(store: &Store, real: &Path, text: &str) -> Result<std::fs::File, StoreError> {
    let backup = backup::Pending::make(real, store.backups);
    let file = atomic::write_atomic_like(real, text.as_bytes(), real)?;
    if let Some(backup) = backup {
        backup.commit();
    }
    Ok(file)
}

/// Whether the board file already holds exactly `text` (nothing to rewrite, e.g. a fold with an
/// empty journal of a canonical file).
fn board_text_unchanged(state: &State, text: &str) -> bool {
    super::digest::of(text.as_bytes()) == state.board_stamp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Change;

    fn entry(day: u32) -> HistoryEntry {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, day).unwrap();
        HistoryEntry {
            at: date
                .and_hms_opt(9, 0, 0)
                .unwrap()
                .and_local_timezone(FixedOffset::east_opt(8 * 3600).unwrap())
                .unwrap(),
            user: "u".into(),
            task: None,
            change: Change::Meeting { date },
            via: None,
        }
    }

    #[test]
    fn journal_entries_already_at_the_end_of_the_history_are_not_appended_again() {
        let history = vec![entry(1), entry(2), entry(3)];
        let journal = vec![vec![entry(2), entry(3)], vec![entry(4)]];
        assert_eq!(unfolded(&history, &journal), vec![entry(4)]);
        assert_eq!(unfolded(&history[..1], &journal).len(), 3);
        assert_eq!(unfolded(&history, &[]), vec![]);
    }
}
