//! Meeting review: the tasks that need discussion, one a screen, in a fixed order for the meeting.

use crate::model::stats::{DiscussionGroup, needs_discussion};
use crate::model::{Board, TaskId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The order is fixed when the review starts, so moving a task's status during the meeting
    /// does not reshuffle what comes next.
    pub items: Vec<(TaskId, DiscussionGroup)>,
    pub index: usize,
    /// Scroll of the current task's page (long text, many notes).
    pub scroll: usize,
}

impl Review {
    pub fn start(
        board: &Board,
        today: chrono::NaiveDate,
        visible: impl Fn(TaskId) -> bool,
    ) -> Review {
        let items = needs_discussion(board, today)
            .into_iter()
            .filter(|item| visible(item.id))
            .map(|item| (item.id, item.group))
            .collect();
        Review {
            items,
            index: 0,
            scroll: 0,
        }
    }

    pub fn current(&self) -> Option<TaskId> {
        self.items.get(self.index).map(|(id, _)| *id)
    }

    pub fn group(&self) -> Option<DiscussionGroup> {
        self.items.get(self.index).map(|(_, g)| *g)
    }

    pub fn next(&mut self) {
        if self.index + 1 < self.items.len() {
            self.index += 1;
            self.scroll = 0;
        }
    }

    pub fn previous(&mut self) {
        if self.index > 0 {
            self.index -= 1;
            self.scroll = 0;
        }
    }

    /// Drops tasks deleted meanwhile (by anyone), staying on the same task where it still exists.
    pub fn retain_existing(&mut self, board: &Board) {
        let current = self.current();
        self.items.retain(|(id, _)| board.task(*id).is_some());
        self.index = current
            .and_then(|id| self.items.iter().position(|(i, _)| *i == id))
            .unwrap_or(self.index)
            .min(self.items.len().saturating_sub(1));
    }
}
