//! Help: every bound key and what it does, the dialog keys and the mouse (drawn by `ui::help`).

use super::Step;
use crate::action::Action;
use crate::app::hints::{Hint, HintSource};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    pub(crate) fn handle(&mut self, action: Action) -> Step {
        match action {
            Action::Back | Action::ToggleHelp => Step::close(),
            _ => {
                self.scroll = super::board::scrolled(self.scroll, action, 10);
                Step::stay()
            }
        }
    }

    /// The footer while help is open.
    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        keys.collect(vec![
            (keys.key(Action::Back), s.key_close),
            (keys.pair(Action::Down, Action::Up), s.key_scroll),
        ])
    }

    /// Help's closing line: the keys that close it.
    pub fn closing(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        keys.collect(vec![
            (keys.pair(Action::Back, Action::ToggleHelp), s.key_close),
            (keys.pair(Action::Down, Action::Up), s.key_scroll),
        ])
    }
}
