//! The open detail's record of changes: which history entries are its task's, found when the
//! detail opens or the history grows rather than on every frame.

use super::{App, Overlay};
use crate::model::TaskId;

/// Which entries of the history are the open detail's task's, and for which task and history
/// length they were found.
#[derive(Debug, Default)]
pub(super) struct DetailRecord {
    id: Option<TaskId>,
    seen: usize,
    indices: Vec<usize>,
}

impl App {
    /// Every change recorded (the board's history file).
    pub fn history(&self) -> &crate::model::History {
        &self.history
    }

    pub fn set_history(&mut self, history: crate::model::History) {
        self.history = history;
        self.history_pending = false;
        self.sync_detail_record();
        self.refresh_dashboard();
        self.refresh_changes();
    }

    /// The history is being read in the background (see `tui`): until it arrives, what needs it
    /// (a task's record, looking back) knows it is not there yet rather than taking it as empty.
    pub fn set_history_pending(&mut self) {
        self.history_pending = true;
    }

    pub fn history_pending(&self) -> bool {
        self.history_pending
    }

    /// Whether the history must be read again (someone else's change came in since it was
    /// read), for the main loop; the read arrives through `on_history_loaded` like the first.
    pub fn take_history_refresh(&mut self) -> bool {
        std::mem::take(&mut self.history_stale)
    }

    /// The history read in the background arrives. Changes this board saved meanwhile are in it
    /// if they were made before it was read; those made after are kept from what the board had.
    pub fn on_history_loaded(&mut self, read: Result<crate::model::History, String>) {
        match read {
            Ok(mut history) => {
                let newest = history.entries().last().map(|e| e.at);
                let later: Vec<_> = self
                    .history
                    .entries()
                    .iter()
                    .filter(|e| newest.is_none_or(|n| e.at > n))
                    .cloned()
                    .collect();
                history.extend(later);
                self.set_history(history);
            }
            Err(problem) => {
                self.history_pending = false;
                self.refresh_changes();
                self.error(problem);
            }
        }
    }

    /// The open detail's task's changes, oldest first.
    pub fn detail_history(&self) -> impl DoubleEndedIterator<Item = &crate::model::HistoryEntry> {
        let entries = self.history.entries();
        self.detail_record
            .indices
            .iter()
            .filter_map(move |&i| entries.get(i))
    }

    /// Finds the open detail's entries again when the task or the history has changed.
    pub(super) fn sync_detail_record(&mut self) {
        let id = match self.overlay() {
            Some(Overlay::Detail { id, .. }) => Some(id),
            _ => None,
        };
        let seen = self.history.entries().len();
        let record = &self.detail_record;
        if record.id == id && record.seen == seen {
            return;
        }
        let indices = match id {
            Some(id) => self
                .history
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.task == Some(id))
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        self.detail_record = DetailRecord { id, seen, indices };
    }
}
