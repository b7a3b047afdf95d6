//! The conflict picker (`C`, 合并冲突): every merge conflict in the board, for the office to settle
//! by picking a side (drawn by `ui::conflicts`). Enter on one opens the choice between 本方 and
//! 对方; Enter again keeps the side picked, as `Operation::ResolveConflict` through the lock and
//! into the history (so `u` undoes it like any change). The list is read from the board each
//! time: a settled conflict leaves it, an undone one comes back, and one settled in another
//! board goes at the next reload.

use super::Step;
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, ChangeKind, Effect};
use crate::model::permission::Act;
use crate::model::{Board, Conflict, Operation, Side, TaskId};

/// A conflict by what it is about: a task (or the board, `None`) and a field. The file has at
/// most one conflict for each.
type ConflictKey = (Option<TaskId>, String);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConflictList {
    /// Kept by what the conflict is about, not by place, so a conflict leaving the list does not
    /// move the selection onto another.
    selected: Option<ConflictKey>,
    /// While a side is being picked for the selected conflict: the side the cursor is on.
    picking: Option<Side>,
}

fn key_of(c: &Conflict) -> ConflictKey {
    (c.task, c.field.clone())
}

impl ConflictList {
    pub fn items(board: &Board) -> &[Conflict] {
        &board.conflicts
    }

    /// Where the selection is in the list (the first conflict when its own has gone).
    pub fn index(&self, board: &Board) -> usize {
        self.selected
            .as_ref()
            .and_then(|key| board.conflicts.iter().position(|c| key_of(c) == *key))
            .unwrap_or(0)
    }

    pub fn selected<'a>(&self, board: &'a Board) -> Option<&'a Conflict> {
        board.conflicts.get(self.index(board))
    }

    /// The side the cursor is on while one is being picked (and the conflict is still there).
    pub fn picking(&self, board: &Board) -> Option<Side> {
        self.picking.filter(|_| self.selected(board).is_some())
    }

    fn step(&mut self, board: &Board, action: Action) {
        let Some(last) = board.conflicts.len().checked_sub(1) else {
            return;
        };
        let at = self.index(board);
        let to = super::list_step(at, last, action);
        self.selected = Some(key_of(&board.conflicts[to]));
    }

    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Step {
        if let Some(side) = self.picking(app.board()) {
            return self.handle_pick(app, action, side);
        }
        self.picking = None;
        match action {
            Action::Back | Action::Conflicts => return Step::close(),
            Action::OpenDetail => {
                let Some(conflict) = self.selected(app.board()) else {
                    return Step::stay();
                };
                let (task, key) = (conflict.task, key_of(conflict));
                if app.refuse_changes() || app.refuse_act(Act::ResolveConflict, task) {
                    return Step::stay();
                }
                self.selected = Some(key);
                self.picking = Some(Side::Ours);
            }
            Action::Undo => return Step::effect(app.take_undo(ChangeKind::Undo)),
            Action::Redo => return Step::effect(app.take_undo(ChangeKind::Redo)),
            navigation => self.step(app.board(), navigation),
        }
        Step::stay()
    }

    /// Keys while a side is picked: any move switches side, Enter keeps it, Esc goes back to the
    /// list.
    fn handle_pick(&mut self, app: &mut App, action: Action, side: Side) -> Step {
        match action {
            Action::Back => self.picking = None,
            Action::Up | Action::Down | Action::Left | Action::Right => {
                self.picking = Some(match side {
                    Side::Ours => Side::Theirs,
                    Side::Theirs => Side::Ours,
                });
            }
            Action::OpenDetail => {
                // One change at a time (as `update` does for the keys that change the board).
                if app.saving {
                    app.info(app.lang.strings().save_busy.to_string());
                    return Step::stay();
                }
                let Some(conflict) = self.selected(app.board()) else {
                    return Step::stay();
                };
                let op = Operation::ResolveConflict {
                    task: conflict.task,
                    field: conflict.field.clone(),
                    chose: side,
                };
                self.picking = None;
                return Step::effect(Effect::Apply {
                    op,
                    kind: ChangeKind::New,
                });
            }
            _ => {}
        }
        Step::stay()
    }

    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let app = keys.app();
        let l = app.lang().conflict_labels();
        if self.picking(app.board()).is_some() {
            return keys.collect(vec![
                (keys.key(Action::OpenDetail), l.key_keep),
                (keys.pair(Action::Left, Action::Right), l.key_switch),
                (keys.key(Action::Back), l.key_back),
            ]);
        }
        let s = keys.strings();
        // A board that refuses changes offers no key to settle one (Enter says why).
        let reads_only = app.read_only().is_some() || app.roles_refusal().is_some();
        let pick = match reads_only || app.board().conflicts.is_empty() {
            true => None,
            false => keys.key(Action::OpenDetail),
        };
        keys.collect(vec![
            (pick, l.key_pick),
            (keys.pair(Action::Down, Action::Up), s.key_next),
            (keys.key(Action::Undo), keys.describe(Action::Undo)),
            (keys.key(Action::Back), s.key_close),
        ])
    }
}
