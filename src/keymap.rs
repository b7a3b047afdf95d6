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
        // Shift+Tab arrives as BackTab, with or without Shift reported: BackTab already says Shift.
        if let KeyCode::Char(_) | KeyCode::BackTab = event.code {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key {
            code: event.code,
            modifiers,
        }
    }

    /// Reads a key as written in a keys file or shown by [`Key::label`]: a character (`q`, `L`,
    /// `?`), or a name (`Enter`, `PgDn`, `F5`, …), after any of `Ctrl-`, `Alt-`, `Shift-`.
    /// Names and modifiers are case-insensitive; a character is taken as written, so `L` is
    /// Shift-l. None when the text names no key a terminal can send.
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A modifier needs something after it, so `-` and `Ctrl--` still name the minus key.
        while let Some((word, after)) = rest.split_once('-')
            && !after.is_empty()
        {
            modifiers |= match word.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => KeyModifiers::CONTROL,
                "alt" | "meta" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => break,
            };
            rest = after;
        }
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Key::parse_char(c, modifiers);
        }
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        let code = match rest.to_ascii_lowercase().as_str() {
            "space" => return Key::parse_char(' ', modifiers),
            "tab" if shift => {
                return Some(Key::plain(KeyCode::BackTab).with(modifiers - KeyModifiers::SHIFT));
            }
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "backspace" => KeyCode::Backspace,
            name => match name.strip_prefix('f').map(str::parse::<u8>) {
                Some(Ok(n)) if (1..=24).contains(&n) => KeyCode::F(n),
                _ => return None,
            },
        };
        Some(Key::plain(code).with(modifiers))
    }

    /// A character key: Shift is folded into the character (as `from_event` does), so it may only
    /// go with a letter; with Ctrl a letter is lower case, because terminals send Ctrl-Shift-c
    /// exactly as Ctrl-c.
    fn parse_char(c: char, modifiers: KeyModifiers) -> Option<Key> {
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        // Shift-1 is whatever the keyboard layout makes it: the file must say `!`.
        if c.is_control() || (shift && !c.is_alphabetic()) {
            return None;
        }
        let c = if modifiers.contains(KeyModifiers::CONTROL) {
            c.to_lowercase().next().unwrap_or(c)
        } else if shift {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c
        };
        Some(Key::char(c).with(modifiers - KeyModifiers::SHIFT))
    }

    const fn with(self, modifiers: KeyModifiers) -> Key {
        Key {
            code: self.code,
            modifiers,
        }
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

/// The default keymap, as documented in the README: vi letters beside the arrows, Shift to move a
/// task, and every key a plain one so it works over any terminal or SSH client.
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
            (Key::char('3'), Action::ShowDashboard),
            (Key::char('4'), Action::ShowChanges),
            (Key::char('S'), Action::PickChangesStart),
            (Key::char('/'), Action::Search),
            (Key::char('f'), Action::Filter),
            (Key::char('r'), Action::Review),
            (Key::char('e'), Action::Export),
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
            (Key::char('['), Action::DayBack),
            (Key::char(']'), Action::DayForward),
            (Key::char('{'), Action::WeekBack),
            (Key::char('}'), Action::WeekForward),
            (Key::char('<'), Action::MonthBack),
            (Key::char('>'), Action::MonthForward),
            (Key::char('('), Action::PreviousMeeting),
            (Key::char(')'), Action::NextMeeting),
            (Key::char('t'), Action::BackToToday),
            (Key::char('o'), Action::RequestClose),
            (Key::char('y'), Action::RequestExtend),
            (Key::char('p'), Action::Approvals),
            (Key::char('C'), Action::Conflicts),
            (Key::char('z'), Action::ToggleDensity),
            (Key::char('?'), Action::ToggleHelp),
            (Key::char('q'), Action::Quit),
            (Key::ctrl('c'), Action::Quit),
            (Key::char('m'), Action::AddMilestone),
            (Key::char('M'), Action::EditMilestone),
            (Key::char('x'), Action::ToggleMilestone),
            (Key::char('X'), Action::DeleteMilestone),
            (Key::char('s'), Action::NextBoard),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// A keymap with exactly these bindings (the keys file builds one from the defaults and its
    /// overrides, after checking for conflicts).
    pub fn from_bindings(bindings: Vec<(Key, Action)>) -> Keymap {
        Keymap { bindings }
    }

    /// Every (key, action) pair, in binding order.
    pub fn bindings(&self) -> &[(Key, Action)] {
        &self.bindings
    }

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

    /// "k/Up" style label of all keys for an action, or None when it is unbound.
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
    #[test]
    fn no_key_is_bound_twice_in_the_default_keymap() {
        let map = Keymap::default();
        let mut seen: Vec<(Key, Action)> = Vec::new();
        for (key, action) in map.bindings() {
            if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                panic!("{} is bound to {first:?} and {action:?}", key.label());
            }
            seen.push((*key, *action));
        }
        // The request and approvals keys (issue 14) and the conflicts key (issue 16) are there,
        // each once.
        for (c, action) in [
            ('o', Action::RequestClose),
            ('y', Action::RequestExtend),
            ('p', Action::Approvals),
            ('C', Action::Conflicts),
        ] {
            assert_eq!(
                map.action_for(&press(KeyCode::Char(c), KeyModifiers::NONE)),
                Some(action)
            );
        }
    }

    #[test]
    fn every_default_key_reads_back_from_its_label() {
        for (key, action) in Keymap::default().bindings() {
            assert_eq!(
                Key::parse(&key.label()),
                Some(*key),
                "{action:?}: {}",
                key.label()
            );
        }
    }

    #[test]
    fn key_names_read_as_a_user_writes_them() {
        assert_eq!(Key::parse("L"), Some(Key::char('L')));
        assert_eq!(Key::parse("shift-l"), Some(Key::char('L')));
        assert_eq!(Key::parse("Ctrl-C"), Some(Key::ctrl('c')));
        assert_eq!(Key::parse("ctrl-shift-c"), Some(Key::ctrl('c')));
        assert_eq!(Key::parse("Shift-Right"), Some(Key::shift(KeyCode::Right)));
        assert_eq!(Key::parse("pagedown"), Some(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("Space"), Some(Key::char(' ')));
        assert_eq!(Key::parse("-"), Some(Key::char('-')));
        assert_eq!(
            Key::parse("Alt--"),
            Some(Key::char('-').with(KeyModifiers::ALT))
        );
        assert_eq!(Key::parse("F12"), Some(Key::plain(KeyCode::F(12))));
        assert_eq!(Key::parse("Shift-Tab"), Some(Key::plain(KeyCode::BackTab)));
        for bad in [
            "", "Ctrl-", "Hyper-x", "F0", "F25", "Shift-1", "Enterr", "\u{7}",
        ] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn shift_tab_matches_whether_or_not_the_terminal_reports_shift() {
        let mut map = Keymap::default();
        map.bindings
            .push((Key::plain(KeyCode::BackTab), Action::NextView));
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                map.action_for(&press(KeyCode::BackTab, modifiers)),
                Some(Action::NextView)
            );
        }
    }
}
