//! Meeting review: the tasks that need discussion, one a screen, in a fixed order for the meeting
//! (drawn by `ui::review`).

use super::{Detail, Help, Mode, Step};
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind, Effect};
use crate::model::lights::red_first;
use crate::model::stats::{DiscussionGroup, needs_discussion};
use crate::model::{Board, Light, Meeting, Operation, TaskId};

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
        let mut items: Vec<(TaskId, DiscussionGroup)> = needs_discussion(board, today)
            .into_iter()
            .filter(|item| visible(item.id))
            .map(|item| (item.id, item.group))
            .collect();
        // Red lights first, in the order of `red_first` (blocked, longest missed, earliest
        // deadline); the rest as they were.
        let reds: Vec<TaskId> = red_first(board, today)
            .into_iter()
            .take_while(|t| t.light == Light::Red)
            .map(|t| t.id)
            .collect();
        items.sort_by_key(|(id, _)| reds.iter().position(|r| r == id).unwrap_or(usize::MAX));
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

impl App {
    /// What opening the review records: today's meeting, the first time on a day, through the
    /// normal change path (saved under the lock, in the history). Nothing when the board is
    /// read-only (looking back at a past date, a read-only file, an invalid file on disk), when
    /// a save is under way, or when today's meeting is already on record.
    pub(crate) fn meeting_on_review(&self) -> Effect {
        let today = self.today;
        if self.read_only.is_some()
            || self.file_problem.is_some()
            || self.saving
            || self.board.meetings.contains(&Meeting(today))
            // A city view records a meeting on the board it shows; with every board shown the
            // meeting is no one board's.
            || (self.is_city() && self.city_board_shown().is_none())
        {
            return Effect::None;
        }
        Effect::Apply {
            op: Operation::RecordMeeting { date: today },
            kind: ChangeKind::New,
        }
    }
}

/// Meeting review's keys: next/previous task, change its status, add a note, leave.
impl Review {
    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Step {
        match action {
            Action::Down | Action::Right | Action::PageDown => self.next(),
            Action::Up | Action::Left | Action::PageUp => self.previous(),
            Action::First => {
                self.index = 0;
                self.scroll = 0;
            }
            Action::Last => {
                self.index = self.items.len().saturating_sub(1);
                self.scroll = 0;
            }
            Action::Back | Action::Review => return Step::close(),
            Action::ToggleHelp => app.push(Mode::Help(Help::default())),
            Action::OpenDetail => {
                if let Some(id) = self.current() {
                    app.push(Mode::Detail(Detail::new(id)));
                }
            }
            Action::MoveNext | Action::MovePrevious => {
                return Step::effect(app.move_task(self.current(), action));
            }
            Action::AddNote | Action::EditTask => app.open_dialog(action, self.current()),
            Action::Undo => return Step::effect(app.take_undo(ChangeKind::Undo)),
            Action::Redo => return Step::effect(app.take_undo(ChangeKind::Redo)),
            Action::Export => return Step::effect(Effect::Export),
            _ => {}
        }
        Step::stay()
    }

    /// For the footer and the review's own bar.
    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        keys.collect(vec![
            (keys.key(Action::Down), s.key_next),
            (keys.key(Action::Up), s.key_previous),
            (
                keys.pair(Action::MoveNext, Action::MovePrevious),
                s.key_status,
            ),
            (keys.key(Action::AddNote), s.key_note),
            (keys.key(Action::Back), s.key_leave),
        ])
    }
}
