//! Key hints, built from the keymap in use: each mode lists its own (`modes/`), and the footer,
//! the review bar and help's closing line show those lists, so no hint names a key the keymap
//! does not bind (a keys file that moves review to `v` changes every hint that mentions it).

use super::modes::Mode;
use super::{App, Dialog};
use crate::action::Action;
use crate::i18n::Strings;
use crate::text::width;

/// A key (or keys, `L/H`) and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
}

/// What modes build their hints from: the keymap, the language, and whether changes are refused
/// (a read-only board offers no key that changes it).
pub struct HintSource<'a> {
    app: &'a App,
}

impl HintSource<'_> {
    pub fn strings(&self) -> &'static Strings {
        self.app.lang.strings()
    }

    /// An action's shortest key (hints are short), none when it is unbound or refused read-only.
    pub fn key(&self, action: Action) -> Option<String> {
        let reads_only = self.app.read_only.is_some() || self.app.roles_refusal().is_some();
        if reads_only && action.changes_board() {
            return None;
        }
        self.app
            .keymap
            .keys_for(action)
            .map(|k| k.label())
            .min_by_key(|label| width(label))
    }

    /// A pair such as `L/H` for two actions, or whichever of them is bound.
    pub fn pair(&self, a: Action, b: Action) -> Option<String> {
        match (self.key(a), self.key(b)) {
            (Some(a), Some(b)) => Some(format!("{a}/{b}")),
            (a, b) => a.or(b),
        }
    }

    /// The app the hints are for, for a mode whose hints depend on what it shows.
    pub(crate) fn app(&self) -> &App {
        self.app
    }

    /// The changes view's labels, in the language in use.
    pub fn changes_labels(&self) -> &'static crate::i18n::ChangesLabels {
        self.app.lang.changes_labels()
    }

    pub fn describe(&self, action: Action) -> &'static str {
        self.app.lang.action(action)
    }

    /// The footer's word or two for an action (help keeps the full description).
    pub fn short(&self, action: Action) -> &'static str {
        self.app.lang.action_short(action)
    }

    /// What `z` would say now: the card density in use (卡片:自动).
    pub fn density(&self) -> &'static str {
        self.app.lang.density(self.app.status_view.density())
    }

    /// The hints whose action has a key.
    pub fn collect(&self, wanted: Vec<(Option<String>, &'static str)>) -> Vec<Hint> {
        wanted
            .into_iter()
            .filter_map(|(keys, label)| Some(Hint { keys: keys?, label }))
            .collect()
    }
}

/// The fixed keys of a dialog, in order of use (a dialog takes typed text, so the keymap does not
/// apply to it); each dialog lists its own.
pub fn dialog_keys(s: &'static Strings, dialog: &Dialog) -> Vec<Hint> {
    dialog.hints(s)
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
    fn hint_source(&self) -> HintSource<'_> {
        HintSource { app: self }
    }

    /// The footer's hints: the top mode's, or the view's when none is open.
    pub fn footer_hints(&self) -> Vec<Hint> {
        let keys = self.hint_source();
        match self.modes.last() {
            Some(Mode::Dialog(dialog)) => dialog_keys(keys.strings(), dialog),
            Some(Mode::Detail(detail)) => detail.hints(&keys),
            Some(Mode::Help(help)) => help.hints(&keys),
            Some(Mode::Review(review)) => review.hints(&keys),
            Some(Mode::Approvals(approvals)) => approvals.hints(&keys),
            Some(Mode::Conflicts(list)) => list.hints(&keys),
            None => super::modes::board_hints(self, &keys),
        }
    }

    /// The review bar's hints (none when no review is open).
    pub fn review_hints(&self) -> Vec<Hint> {
        self.review()
            .map(|review| review.hints(&self.hint_source()))
            .unwrap_or_default()
    }

    /// Help's closing line.
    pub fn help_hints(&self) -> Vec<Hint> {
        super::modes::Help::default().closing(&self.hint_source())
    }
}

/// Hints as one line of text: `j 下一项  k 上一项`.
pub fn joined(hints: &[Hint]) -> String {
    hints
        .iter()
        .map(|h| format!("{} {}", h.keys, h.label))
        .collect::<Vec<_>>()
        .join("  ")
}
