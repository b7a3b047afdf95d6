//! Actions in, effects out: the checks that hold whatever is open, then the mode stack
//! (`modes/`). `update` never draws and never touches the disk.

use super::{App, Effect};
use crate::action::Action;

impl App {
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.update_views(action);
        // The roles are asked before the store is: a refusal is said as one, not as a failed save.
        let effect = self.vet(effect);
        self.sync_detail_record();
        effect
    }

    fn update_views(&mut self, action: Action) -> Effect {
        self.message = None;
        // One change at a time: the next would be made on a board the saving one is changing,
        // and quitting now would drop the change being saved without a word.
        if self.saving && (action.changes_board() || action == Action::Quit) {
            self.info(self.lang.strings().save_busy.to_string());
            return Effect::None;
        }
        if action == Action::Quit {
            return Effect::Quit;
        }
        // The date in use is the whole board's, whichever mode is open (a dialog takes keys, not
        // actions, so typing is never taken for a step).
        if App::is_time_step(action) {
            self.step_time(action);
            return Effect::None;
        }
        self.dispatch(action)
    }
}
