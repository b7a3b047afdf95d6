//! The detail of one task (drawn by `ui::detail`). Changes go to its task directly: a note, a
//! status move, an edit, its milestones, undo, without leaving it.
//!
//! When the task has milestones, j/k (Up/Down) move the milestone cursor, which `M`, `x` and `X`
//! act on, and the page keys (PgUp/PgDn, g/G) scroll the text; without milestones j/k scroll.

use super::{Mode, Step};
use crate::action::Action;
use crate::app::dialog::{CompleteForm, MilestoneDialog, MilestoneForm};
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind, Dialog, Effect};
use crate::model::{Milestone, Operation, TaskId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub id: TaskId,
    pub scroll: usize,
    /// The selected milestone, as an index into the task's list (clamped where used: a
    /// milestone may be deleted, by anyone, while the detail is open).
    pub milestone: usize,
}

impl Detail {
    pub fn new(id: TaskId) -> Detail {
        Detail {
            id,
            scroll: 0,
            milestone: 0,
        }
    }

    /// The index of the selected milestone in a list of `count`, `None` for an empty list.
    pub fn selected_index(&self, count: usize) -> Option<usize> {
        count.checked_sub(1).map(|last| self.milestone.min(last))
    }

    fn selected<'a>(&self, app: &'a App) -> Option<&'a Milestone> {
        let task = app.board.task(self.id)?;
        let index = self.selected_index(task.milestones.len())?;
        task.milestones.get(index)
    }

    fn milestone_count(&self, app: &App) -> usize {
        app.board.task(self.id).map_or(0, |t| t.milestones.len())
    }

    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Step {
        match action {
            Action::MoveNext | Action::MovePrevious => {
                Step::effect(app.move_task(Some(self.id), action))
            }
            Action::Undo => Step::effect(app.take_undo(ChangeKind::Undo)),
            Action::Redo => Step::effect(app.take_undo(ChangeKind::Redo)),
            Action::AddNote | Action::EditTask => {
                app.open_dialog(action, Some(self.id));
                Step::stay()
            }
            Action::AddMilestone
            | Action::EditMilestone
            | Action::ToggleMilestone
            | Action::DeleteMilestone => Step::effect(self.milestone_action(app, action)),
            Action::Back | Action::OpenDetail => Step::close(),
            Action::Up | Action::Down if self.milestone_count(app) > 0 => {
                let last = self.milestone_count(app) - 1;
                let at = self.milestone.min(last);
                self.milestone = match action {
                    Action::Up => at.saturating_sub(1),
                    _ => (at + 1).min(last),
                };
                Step::stay()
            }
            _ => {
                self.scroll = super::board::scrolled(self.scroll, action, 10);
                Step::stay()
            }
        }
    }

    /// `m`, `M`, `x`, `X`: open the milestone dialog, or reopen a done milestone at once.
    fn milestone_action(&mut self, app: &mut App, action: Action) -> Effect {
        if app.refuse_changes() {
            return Effect::None;
        }
        let Some(task) = app.board.task(self.id) else {
            return Effect::None;
        };
        if action == Action::AddMilestone {
            // The new one is numbered after the last, so it comes last: select it.
            self.milestone = task.milestones.len();
            let form = MilestoneForm::new_milestone(task);
            app.push(Mode::Dialog(Box::new(Dialog::Milestone(
                MilestoneDialog::Form(form),
            ))));
            return Effect::None;
        }
        let Some(m) = self.selected(app) else {
            let none = app.lang.milestone_labels().none_yet;
            app.info(none.to_string());
            return Effect::None;
        };
        let dialog = match action {
            Action::EditMilestone => MilestoneDialog::Form(MilestoneForm::edit(task, m)),
            Action::ToggleMilestone if m.is_done() => {
                return Effect::Apply {
                    op: Operation::ReopenMilestone {
                        id: self.id,
                        number: m.number,
                    },
                    kind: ChangeKind::New,
                };
            }
            Action::ToggleMilestone => {
                MilestoneDialog::Complete(Box::new(CompleteForm::new(self.id, m, app.today)))
            }
            _ => MilestoneDialog::ConfirmDelete {
                id: self.id,
                number: m.number,
                title: m.title.clone(),
            },
        };
        app.push(Mode::Dialog(Box::new(Dialog::Milestone(dialog))));
        Effect::None
    }

    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        let board = keys.app().lang().milestone_board();
        let has_milestones = keys
            .app()
            .board()
            .task(self.id)
            .is_some_and(|t| !t.milestones.is_empty());
        let mut wanted = vec![(keys.key(Action::Back), s.key_back)];
        if has_milestones {
            wanted.push((keys.pair(Action::Down, Action::Up), board.key_pick));
            wanted.push((keys.pair(Action::PageDown, Action::PageUp), board.key_page));
        } else {
            wanted.push((keys.pair(Action::Down, Action::Up), s.key_scroll));
        }
        wanted.push((keys.key(Action::AddNote), s.key_note));
        wanted.push((
            keys.key(Action::AddMilestone),
            keys.describe(Action::AddMilestone),
        ));
        if has_milestones {
            for action in [
                Action::EditMilestone,
                Action::ToggleMilestone,
                Action::DeleteMilestone,
            ] {
                wanted.push((keys.key(action), keys.describe(action)));
            }
        }
        wanted.push((
            keys.pair(Action::MoveNext, Action::MovePrevious),
            s.key_status,
        ));
        wanted.push((keys.key(Action::Undo), keys.describe(Action::Undo)));
        keys.collect(wanted)
    }
}
