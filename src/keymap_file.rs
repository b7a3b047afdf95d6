//! Key bindings from a RON file: `~/.config/ftz-board/keys.ron` (under `$XDG_CONFIG_HOME` when it
//! is set) or `--keys PATH`.
//!
//! ```ron
//! (
//!     bindings: {
//!         "MoveNext": ["L", "Shift-Right"],
//!         "Quit": ["q", "Ctrl-c"],
//!     },
//! )
//! ```
//!
//! An action listed in the file gets exactly the keys listed (its default keys are dropped); other
//! actions keep theirs. Every problem — syntax, an unknown action or key, one key bound to two
//! actions — is reported as `PATH:LINE:COLUMN: message` before the terminal is touched, so a typo
//! never leaves someone with a board that ignores their keys.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::action::Action;
use crate::keymap::{Key, Keymap};
use crate::store::StoreError;
use crate::store::locate::line_col;

mod scan;

use scan::Located;

/// One problem in a keys file, placed at the offending text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, line, column) = (self.path.display(), self.line, self.column);
        // The message quotes the file (an unknown action or key): cleaned like board text.
        let text = format!("{path}:{line}:{column}: {}", self.message);
        f.write_str(&crate::model::sanitize::clean_line(&text))
    }
}

/// The action's name in a keys file: its name in `Action`. Taken from `Debug` so that a new action
/// is named the moment it exists, without a table to keep in step.
pub fn action_name(action: Action) -> String {
    format!("{action:?}")
}

pub fn action_from_name(name: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|a| action_name(*a) == name)
}

/// Where the keys file is looked for when `--keys` is not given: `$XDG_CONFIG_HOME/ftz-board/`,
/// or `$HOME/.config/ftz-board/` (the XDG rule: a relative XDG_CONFIG_HOME is ignored).
pub fn default_path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let config = match xdg_config_home.filter(|p| Path::new(p).is_absolute()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(config.join("ftz-board").join("keys.ron"))
}

/// The keymap to use: the file given with `--keys` (which must exist), else the default file when
/// there is one, else the built-in keymap. The error lists every problem, one a line.
///
/// A default file that exists but cannot be read (under `sudo -u`, `$HOME` may be another user's)
/// does not stop the board: the built-in keymap is used and the second value says why, for the
/// footer.
pub fn load(explicit: Option<&Path>) -> Result<(Keymap, Option<String>), String> {
    let (path, required) = match explicit {
        Some(path) => (path.to_path_buf(), true),
        None => {
            let xdg = std::env::var("XDG_CONFIG_HOME").ok();
            let home = std::env::var("HOME").ok();
            match default_path(xdg.as_deref(), home.as_deref()) {
                Some(path) => (path, false),
                None => return Ok((Keymap::default(), None)),
            }
        }
    };
    let bytes = match crate::store::read_regular(&path, crate::store::KEYS_LIMIT, "keys") {
        Ok(bytes) => bytes,
        Err(StoreError::Io { source, .. })
            if !required && source.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok((Keymap::default(), None));
        }
        Err(e) => {
            let message = match e {
                StoreError::Io { source, .. } => {
                    format!("{}: cannot read the keys file: {source}", path.display())
                }
                // A FIFO, a device, a huge file: "PATH: not a regular file (a FIFO); …".
                other if required => other.to_string(),
                other => {
                    let text = other.to_string();
                    let prefix = format!("{}: ", path.display());
                    let reason = text.strip_prefix(&prefix).unwrap_or(&text);
                    format!("{prefix}cannot read the keys file: {reason}")
                }
            };
            return if required {
                Err(message)
            } else {
                Ok((Keymap::default(), Some(message)))
            };
        }
    };
    let text = crate::store::decode(bytes, &path).map_err(|e| e.to_string())?;
    let keymap = parse(&text, &path).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
        lines.join("\n")
    })?;
    Ok((keymap, None))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    bindings: BTreeMap<String, Vec<String>>,
}

/// Reads a keys file's text into a keymap (the defaults with the file's overrides), or every
/// problem found. `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Keymap, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let problem = |at: usize, message: String| {
        let (line, column) = line_col(text, at);
        Problem {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    // ron checks the syntax and the shape; the scan below finds where each string stands.
    let parsed: KeysFile = ron::Options::default().from_str(text).map_err(|e| {
        vec![Problem {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: describe_ron_error(&e.code),
        }]
    })?;
    let entries = scan::entries(text);
    let scanned: BTreeMap<String, Vec<String>> = entries
        .iter()
        .map(|e| {
            let keys = e.keys.iter().map(|k| k.text.clone()).collect();
            (e.action.text.clone(), keys)
        })
        .collect();
    if scanned != parsed.bindings {
        // Only a form the scan does not know (e.g. a key written as a char literal) gets here.
        return Err(vec![problem(
            0,
            "cannot place the bindings in the text (write each action and key in double quotes)"
                .into(),
        )]);
    }
    let mut problems = Vec::new();
    let mut overrides: Vec<(Action, Vec<(Key, usize)>)> = Vec::new();
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &entries {
        let Located { text: name, at } = &entry.action;
        if let Some(first) = first_seen.insert(name.clone(), *at) {
            let first_line = line_col(text, first).0;
            problems.push(problem(
                *at,
                format!("`{name}` is listed twice (first at line {first_line}); keep one list"),
            ));
            continue;
        }
        let Some(action) = action_from_name(name) else {
            problems.push(problem(*at, unknown_action(name)));
            continue;
        };
        let mut keys: Vec<(Key, usize)> = Vec::new();
        for key in &entry.keys {
            match Key::parse(&key.text) {
                Some(k) if keys.iter().any(|(seen, _)| *seen == k) => {}
                Some(k) => keys.push((k, key.at)),
                None => problems.push(problem(key.at, unknown_key(&key.text))),
            }
        }
        if action == Action::Quit && entry.keys.is_empty() {
            problems.push(problem(
                *at,
                "`Quit` needs at least one key, or the board could not be left".into(),
            ));
        }
        overrides.push((action, keys));
    }
    let keymap = combine(
        &overrides,
        |at, message| problems.push(problem(at, message)),
        text,
    );
    if problems.is_empty() {
        Ok(keymap)
    } else {
        problems.sort_by_key(|p| (p.line, p.column));
        Err(problems)
    }
}

/// The defaults less the keys of every overridden action, plus the overrides; reports each key
/// that ends up bound to two actions, at the place in the file that bound it.
fn combine(
    overrides: &[(Action, Vec<(Key, usize)>)],
    mut report: impl FnMut(usize, String),
    text: &str,
) -> Keymap {
    let overridden = |action: Action| overrides.iter().any(|(a, _)| *a == action);
    // (key, action, where the file bound it; None for a default binding)
    let mut bound: Vec<(Key, Action, Option<usize>)> = Keymap::default()
        .bindings()
        .iter()
        .filter(|(_, action)| !overridden(*action))
        .map(|(key, action)| (*key, *action, None))
        .collect();
    for (action, keys) in overrides {
        for (key, at) in keys {
            let clash = bound.iter().find(|(k, a, _)| k == key && a != action);
            if let Some((_, other, other_at)) = clash {
                let (label, this, other) = (key.label(), action_name(*action), action_name(*other));
                let whence = match other_at {
                    Some(at) => format!("bound at line {}", line_col(text, *at).0),
                    None => format!(
                        "its default key; list `{other}` in this file to give it other keys"
                    ),
                };
                report(
                    *at,
                    format!("`{label}` is bound to both `{this}` and `{other}` ({whence})"),
                );
                continue;
            }
            bound.push((*key, *action, Some(*at)));
        }
    }
    Keymap::from_bindings(bound.into_iter().map(|(k, a, _)| (k, a)).collect())
}

fn unknown_action(name: &str) -> String {
    let names: Vec<String> = Action::ALL
        .iter()
        .map(|a| format!("`{}`", action_name(*a)))
        .collect();
    format!(
        "unknown action `{name}` (expected one of {})",
        names.join(", ")
    )
}

fn unknown_key(text: &str) -> String {
    let after_shift = text
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("shift-"))
        .map(|_| &text[6..]);
    if let Some(c) = after_shift.filter(|rest| rest.chars().count() == 1) {
        return format!(
            "`{text}` depends on the keyboard layout: write the character it types instead of \
             `{c}` with Shift"
        );
    }
    format!(
        "unknown key `{text}` (expected a character such as `q` or `L`, or one of Enter, Esc, Tab, \
         Shift-Tab, Space, Backspace, Delete, Insert, Up, Down, Left, Right, PgUp, PgDn, Home, End, \
         F1 to F24; any of them after Ctrl-, Alt- or Shift-)"
    )
}

/// ron's message for a syntax or shape error, in the words of the rest of ftz-board.
fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { found, .. } => {
            format!("unknown field `{found}` (expected `bindings`)")
        }
        other => crate::store::describe_ron_syntax(other),
    }
}
