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
use crate::store::locate::line_col;

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
        write!(f, "{path}:{line}:{column}: {}", self.message)
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
pub fn load(explicit: Option<&Path>) -> Result<Keymap, String> {
    let (path, required) = match explicit {
        Some(path) => (path.to_path_buf(), true),
        None => {
            let xdg = std::env::var("XDG_CONFIG_HOME").ok();
            let home = std::env::var("HOME").ok();
            match default_path(xdg.as_deref(), home.as_deref()) {
                Some(path) => (path, false),
                None => return Ok(Keymap::default()),
            }
        }
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Keymap::default());
        }
        Err(e) => return Err(format!("{}: cannot read the keys file: {e}", path.display())),
    };
    let text = crate::store::decode(bytes, &path).map_err(|e| e.to_string())?;
    parse(&text, &path).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
        lines.join("\n")
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    bindings: BTreeMap<String, Vec<String>>,
}

/// A string from the file and the byte offset of its opening quote.
#[derive(Debug, Clone)]
struct Located {
    text: String,
    at: usize,
}

/// One `"Action": [keys]` entry, as written.
struct Entry {
    action: Located,
    keys: Vec<Located>,
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
    let entries = entries(text);
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
    let keymap = combine(&overrides, |at, message| problems.push(problem(at, message)), text);
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
                    Some(at) => format!("line {}", line_col(text, *at).0),
                    None => format!("a default: list `{other}` in this file to give it other keys"),
                };
                report(
                    *at,
                    format!("`{label}` is bound to both `{other}` ({whence}) and `{this}`"),
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
        E::Eof => "the file ends too early (a bracket or quote left open?)".into(),
        E::ExpectedComma => {
            "expected `,` before this (a comma is missing after the previous value)".into()
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// The `"Action": [keys]` entries in the order written: a string followed by `:` names an action,
/// the strings after it are its keys. Only called on text ron has accepted.
fn entries(text: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (located, is_key_of_map) in strings(text) {
        if is_key_of_map {
            entries.push(Entry {
                action: located,
                keys: Vec::new(),
            });
        } else if let Some(entry) = entries.last_mut() {
            entry.keys.push(located);
        }
    }
    entries
}

/// Every string literal with its offset, and whether a `:` follows it (a map key).
fn strings(text: &str) -> Vec<(Located, bool)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(end) = comment_end(bytes, i) {
            i = end;
            continue;
        }
        let raw_hashes = raw_string_start(bytes, i);
        if bytes[i] != b'"' && raw_hashes.is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let end = match raw_hashes {
            Some(hashes) => raw_string_end(bytes, i, hashes),
            None => quoted_end(bytes, i),
        };
        let literal = &text[start..end];
        let value = ron::from_str::<String>(literal).unwrap_or_else(|_| literal.to_string());
        let mut next = end;
        loop {
            while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                next += 1;
            }
            match comment_end(bytes, next) {
                Some(after) => next = after,
                None => break,
            }
        }
        let is_key_of_map = bytes.get(next) == Some(&b':');
        found.push((
            Located {
                text: value,
                at: start,
            },
            is_key_of_map,
        ));
        i = end;
    }
    found
}

/// The offset after a `//` or (nested) `/* */` comment starting at `i`.
fn comment_end(bytes: &[u8], i: usize) -> Option<usize> {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(b'/'), Some(b'/')) => {
            let len = bytes[i..].iter().position(|b| *b == b'\n');
            Some(len.map_or(bytes.len(), |n| i + n))
        }
        (Some(b'/'), Some(b'*')) => {
            let (mut depth, mut j) = (0usize, i);
            while j < bytes.len() {
                match (bytes[j], bytes.get(j + 1)) {
                    (b'/', Some(b'*')) => (depth, j) = (depth + 1, j + 2),
                    (b'*', Some(b'/')) => {
                        (depth, j) = (depth - 1, j + 2);
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(bytes.len())
        }
        _ => None,
    }
}

/// `r"`, `r#"`, … starting at `i` (and not inside an identifier): the number of `#`.
fn raw_string_start(bytes: &[u8], i: usize) -> Option<usize> {
    let ident_before = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    if bytes[i] != b'r' || ident_before {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
    (bytes.get(i + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

fn raw_string_end(bytes: &[u8], start: usize, hashes: usize) -> usize {
    let mut j = start + 2 + hashes;
    while j < bytes.len() {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take(hashes).all(|b| *b == b'#') {
            return (j + 1 + hashes).min(bytes.len());
        }
        j += 1;
    }
    bytes.len()
}

fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}
