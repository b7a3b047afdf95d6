//! The key hints of each screen, built from the keymap in use: the footer, the review bar and the
//! help box's closing line all come from these lists, so no hint names a key the keymap does not
//! bind (a keys file that moves review to `R` changes every hint that mentions it).
//!
//! Dialog keys are fixed (a dialog takes typed text, so the keymap does not apply to it); they are
//! listed here once, for the footer and for help.

use super::{App, Dialog, Overlay, View};
use crate::action::Action;
use crate::i18n::Strings;
use crate::text::width;

/// A key (or keys, `L/H`) and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
}

/// The fixed keys of each dialog, in order of use.
pub fn dialog_keys(s: &'static Strings, dialog: &Dialog) -> Vec<Hint> {
    let keys: Vec<(&str, &'static str)> = match dialog {
        Dialog::Note(_) => vec![
            ("Enter", s.key_save),
            ("Esc", s.key_cancel),
            ("Alt-Enter", s.key_new_line),
            ("Ctrl-T", s.key_decision),
        ],
        Dialog::Task(_) => vec![
            ("Tab", s.key_next_field),
            ("Enter", s.key_save),
            ("Esc", s.key_cancel),
            ("Up/Down", s.key_pick_unit),
        ],
        Dialog::Search(_) => vec![("Enter", s.key_keep), ("Esc", s.key_clear)],
        Dialog::Filter(_) => vec![
            ("Up/Down", s.key_row),
            ("Left/Right", s.key_change),
            ("Enter", s.key_apply),
            ("x", s.key_clear_all),
            ("Esc", s.key_cancel),
        ],
        Dialog::ConfirmDelete { .. } => vec![("y", s.key_delete), (s.key_other_keys, s.key_cancel)],
    };
    keys.into_iter()
        .map(|(k, label)| Hint {
            keys: k.to_string(),
            label,
        })
        .collect()
}

/// Every dialog key once, for help: the keys of the note and task dialogs and the delete prompt.
pub fn all_dialog_keys(s: &'static Strings) -> Vec<Hint> {
    [
        ("Enter", s.key_save),
        ("Esc", s.key_cancel),
        ("Alt-Enter", s.key_new_line),
        ("Ctrl-T", s.key_decision),
        ("Tab", s.key_next_field),
        ("Up/Down", s.key_pick_unit),
        ("y", s.key_confirm_delete),
    ]
    .into_iter()
    .map(|(k, label)| Hint {
        keys: k.to_string(),
        label,
    })
    .collect()
}

impl App {
    /// An action's shortest key (hints are short), none when it is unbound or refused read-only.
    fn hint_key(&self, action: Action) -> Option<String> {
        if self.read_only.is_some() && action.changes_board() {
            return None;
        }
        self.keymap
            .keys_for(action)
            .map(|k| k.label())
            .min_by_key(|label| width(label))
    }

    /// A pair such as `L/H` for two actions, or whichever of them is bound.
    fn hint_pair(&self, a: Action, b: Action) -> Option<String> {
        match (self.hint_key(a), self.hint_key(b)) {
            (Some(a), Some(b)) => Some(format!("{a}/{b}")),
            (a, b) => a.or(b),
        }
    }

    fn describe(&self, action: Action) -> &'static str {
        self.lang.action(action)
    }

    /// Meeting review: move through the tasks, change one, leave.
    pub fn review_hints(&self) -> Vec<Hint> {
        let s = self.lang.strings();
        collect(vec![
            (self.hint_key(Action::Down), s.key_next),
            (self.hint_key(Action::Up), s.key_previous),
            (
                self.hint_pair(Action::MoveNext, Action::MovePrevious),
                s.key_status,
            ),
            (self.hint_key(Action::AddNote), s.key_note),
            (self.hint_key(Action::Back), s.key_leave),
        ])
    }

    /// Help's closing line: the keys that close it.
    pub fn help_hints(&self) -> Vec<Hint> {
        let s = self.lang.strings();
        collect(vec![
            (
                self.hint_pair(Action::Back, Action::ToggleHelp),
                s.key_close,
            ),
            (self.hint_pair(Action::Down, Action::Up), s.key_scroll),
        ])
    }

    /// The footer's hints for what is on top: a dialog, the detail, help, review or a view.
    pub fn footer_hints(&self) -> Vec<Hint> {
        let s = self.lang.strings();
        if let Some(dialog) = &self.dialog {
            return dialog_keys(s, dialog);
        }
        match (&self.overlay, &self.review) {
            (Some(Overlay::Detail { .. }), _) => collect(vec![
                (self.hint_key(Action::Back), s.key_back),
                (self.hint_pair(Action::Down, Action::Up), s.key_scroll),
                (self.hint_key(Action::AddNote), s.key_note),
                (
                    self.hint_pair(Action::MoveNext, Action::MovePrevious),
                    s.key_status,
                ),
                (self.hint_key(Action::Undo), self.describe(Action::Undo)),
            ]),
            (Some(Overlay::Help { .. }), _) => collect(vec![
                (self.hint_key(Action::Back), s.key_close),
                (self.hint_pair(Action::Down, Action::Up), s.key_scroll),
            ]),
            (None, Some(_)) => self.review_hints(),
            (None, None) => {
                let mut actions = vec![Action::ToggleHelp, Action::Quit];
                // The dashboard has no task to open or move.
                if self.view != View::Dashboard {
                    actions.extend([Action::OpenDetail, Action::MoveNext, Action::MovePrevious]);
                }
                actions.extend([Action::NextView, Action::Undo]);
                collect(
                    actions
                        .into_iter()
                        .map(|a| (self.hint_key(a), self.describe(a)))
                        .collect(),
                )
            }
        }
    }
}

/// The hints whose action has a key.
fn collect(wanted: Vec<(Option<String>, &'static str)>) -> Vec<Hint> {
    wanted
        .into_iter()
        .filter_map(|(keys, label)| Some(Hint { keys: keys?, label }))
        .collect()
}

/// Hints as one line of text: `j 下一项  k 上一项`.
pub fn joined(hints: &[Hint]) -> String {
    hints
        .iter()
        .map(|h| format!("{} {}", h.keys, h.label))
        .collect::<Vec<_>>()
        .join("  ")
}
