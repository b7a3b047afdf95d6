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
        self.sync_detail_record();
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
