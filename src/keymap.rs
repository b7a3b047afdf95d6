//! Keys to actions, defined once. Help and the footer are generated from this table, so they always
//! show the keys that are actually bound.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// A key with the modifiers that matter (Shift is folded into the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::SHIFT,
        }
    }

    /// Normalises a terminal key event: terminals differ in whether they report Shift with an
    /// upper-case letter, so Shift is dropped for characters.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if let KeyCode::Char(_) = event.code {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        let code = match event.code {
            // Shift+Tab arrives as BackTab on most terminals.
            KeyCode::BackTab => KeyCode::BackTab,
            other => other,
        };
        Key { code, modifiers }
    }

    /// How help and the footer show the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            // Words, not arrows: arrows are ambiguous-width and shift text on some terminals.
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            label.push_str("Shift-");
        }
        label.push_str(&base);
        label
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let bindings = vec![
            (Key::plain(Up), Action::Up),
            (Key::char('k'), Action::Up),
            (Key::plain(Down), Action::Down),
            (Key::char('j'), Action::Down),
            (Key::plain(Left), Action::Left),
            (Key::char('h'), Action::Left),
            (Key::plain(Right), Action::Right),
            (Key::char('l'), Action::Right),
            (Key::plain(PageUp), Action::PageUp),
            (Key::plain(PageDown), Action::PageDown),
            (Key::plain(Home), Action::First),
            (Key::char('g'), Action::First),
            (Key::plain(End), Action::Last),
            (Key::char('G'), Action::Last),
            (Key::plain(Tab), Action::NextView),
            (Key::char('1'), Action::ShowStatusView),
            (Key::char('2'), Action::ShowUnitView),
            (Key::plain(Enter), Action::OpenDetail),
            (Key::plain(Esc), Action::Back),
            (Key::char('L'), Action::MoveNext),
            (Key::shift(Right), Action::MoveNext),
            (Key::char('H'), Action::MovePrevious),
            (Key::shift(Left), Action::MovePrevious),
            (Key::char('n'), Action::AddNote),
            (Key::char('c'), Action::EditTask),
            (Key::char('a'), Action::AddTask),
            (Key::char('d'), Action::DeleteTask),
            (Key::plain(Delete), Action::DeleteTask),
            (Key::char('u'), Action::Undo),
            (Key::ctrl('r'), Action::Redo),
            (Key::char('?'), Action::ToggleHelp),
            (Key::char('q'), Action::Quit),
            (Key::ctrl('c'), Action::Quit),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The keys bound to an action, in binding order.
    pub fn keys_for(&self, action: Action) -> impl Iterator<Item = &Key> {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| k)
    }

    /// "k/↑" style label of all keys for an action, or None when it is unbound.
    pub fn label_for(&self, action: Action) -> Option<String> {
        let labels: Vec<String> = self.keys_for(action).map(Key::label).collect();
        (!labels.is_empty()).then(|| labels.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn upper_case_letters_match_with_or_without_a_reported_shift() {
        let map = Keymap::default();
        assert_eq!(
            map.action_for(&press(KeyCode::Char('L'), KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('L'), KeyModifiers::NONE)),
            Some(Action::MoveNext)
        );
    }

    #[test]
    fn shift_arrow_moves_the_task_but_a_plain_arrow_moves_the_selection() {
        let map = Keymap::default();
        assert_eq!(
            map.action_for(&press(KeyCode::Right, KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Right, KeyModifiers::NONE)),
            Some(Action::Right)
        );
    }

    #[test]
    fn ctrl_c_quits_and_every_action_has_a_key() {
        let map = Keymap::default();
        assert_eq!(
            map.action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        for action in Action::ALL {
            assert!(map.label_for(action).is_some(), "{action:?} has no key");
        }
    }
}
