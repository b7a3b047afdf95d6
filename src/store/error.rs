//! One error type for everything the store does; its messages are for people and name the file,
//! the line and the column.

use std::fmt;
use std::path::PathBuf;

use crate::model::OpError;

#[derive(Debug)]
pub enum StoreError {
    /// The file system refused: `action` says what we were doing ("read", "write", …).
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// The file is not a board: a syntax error or a value of the wrong kind.
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Another process holds the lock for longer than we wait.
    Locked {
        path: PathBuf,
        holder: Option<String>,
    },
    /// The lock file is not one we may use: a symbolic link, a hard link, a FIFO (`reason`).
    LockRefused { path: PathBuf, reason: String },
    /// The user may not change the board (`reason` says why): the open board shows it read-only.
    ReadOnly { path: PathBuf, reason: &'static str },
    /// `init` refuses to overwrite.
    Exists { path: PathBuf },
    /// A FIFO, a device, a folder where a file was expected (`kind` says which). `what` is the
    /// kind of file expected ("board", "keys").
    NotRegular {
        path: PathBuf,
        kind: &'static str,
        what: &'static str,
    },
    /// More than `limit` bytes: not a board (or keys) file, and not to be read into memory.
    TooLarge {
        path: PathBuf,
        limit: u64,
        what: &'static str,
    },
    /// The change itself is not possible (unknown task id, empty title, …).
    Rejected(OpError),
}

impl fmt::Display for StoreError {
    /// The message, cleaned like board text: it quotes the file (a bad value, a token ron found, a
    /// path, the lock holder's note), and whatever a file holds must not reach a terminal as an
    /// escape sequence through stderr or the footer.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::model::sanitize::clean_line(&self.raw_message()))
    }
}

impl StoreError {
    fn raw_message(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_raw(&mut out);
        out
    }

    fn write_raw(&self, f: &mut impl fmt::Write) -> fmt::Result {
        match self {
            StoreError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            StoreError::Parse {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            StoreError::Locked { path, holder } => {
                write!(f, "{}: the board is locked by ", path.display())?;
                match holder {
                    Some(h) => write!(f, "{h}")?,
                    None => write!(f, "another process")?,
                }
                write!(f, "; try again in a moment")
            }
            StoreError::Exists { path } => write!(
                f,
                "{}: a board file exists already; not overwriting it",
                path.display()
            ),
            StoreError::LockRefused { path, reason } => write!(
                f,
                "{}: {reason}; not changing the board (remove it, and the next change makes a \
                 new lock file)",
                path.display()
            ),
            // The words the open board uses when an editing key is pressed on a read-only board.
            StoreError::ReadOnly { path, reason } => write!(
                f,
                "{}: {} ({reason})",
                path.display(),
                crate::i18n::Lang::En.strings().read_only_refused
            ),
            StoreError::NotRegular { path, kind, what } => write!(
                f,
                "{}: not a regular file ({kind}); expected a {what} file",
                path.display()
            ),
            StoreError::TooLarge { path, limit, what } => write!(
                f,
                "{}: larger than {} (is it a {what} file?)",
                path.display(),
                super::regular::size_in_words(*limit)
            ),
            StoreError::Rejected(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<OpError> for StoreError {
    fn from(e: OpError) -> Self {
        StoreError::Rejected(e)
    }
}

/// Rewords ron's messages where ours say more (which status names exist, which fields).
pub(crate) fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        E::NoSuchEnumVariant {
            expected, found, ..
        } if expected.contains(&"not_started") => format!(
            "unknown status `{found}` (expected one of {})",
            list(expected)
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value `{found}` (expected one of {})",
            list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{} (expected one of {})",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            list(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "missing field `{field}`{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        other => describe_ron_syntax(other),
    }
}

/// ron's syntax messages in our words: said as what was expected, lower-case after the location.
/// Shared by board files and the key bindings file.
pub(crate) fn describe_ron_syntax(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (a bracket or quote left open?)".to_string(),
        ron::Error::ExpectedComma => {
            "expected `,` before this (a comma is missing after the previous value)".to_string()
        }
        other => {
            let text = other.to_string();
            // ron capitalises its messages; ours are lower-case after the location.
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}
