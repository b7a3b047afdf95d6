//! Board <-> RON text. Parsing checks the rules of the model too, and places every error.

use std::path::Path;

use super::error::{StoreError, describe_ron_error};
use super::locate::{self, locate};
use super::v1;
use crate::model::{Board, HistoryEntry, validate};

/// The file's bytes as text, or an error naming the line and column of the first byte that is not
/// UTF-8 (a file saved as GBK by a Windows editor is the usual case). Never replaces bad bytes:
/// a board read with replacement characters would destroy the original text on its next save.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column) = locate::line_col(&good, good.len());
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: "the file is not UTF-8 text (expected UTF-8; was it saved as GBK?)".into(),
        }
    })
}

/// The bytes as a string, checked with SIMD (std's check was a third of a change to the plan after
/// 50,000 changes, issue 17's profile). Only a failed check is repeated by std's, which says where
/// the first bad byte is.
pub(super) fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
}

/// [`decode`] then [`parse`]: for text read outside the store, e.g. after a watcher event.
pub fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Board, StoreError> {
    parse(&decode(bytes, path)?, path)
}

/// A board file read: the board (version 2, whatever version the file is) and, for a version 1
/// file, the history it held, upgraded.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub board: Board,
    /// `Some` for a version 1 file: its history, converted (see `store::v1`).
    pub v1_history: Option<Vec<HistoryEntry>>,
}

/// Parses and validates a board file's text. `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Board, StoreError> {
    parse_file(text, path).map(|parsed| parsed.board)
}

/// Parses and validates a board file of any version this build reads.
pub fn parse_file(text: &str, path: &Path) -> Result<Parsed, StoreError> {
    // Some editors start a UTF-8 file with a byte-order mark; it is not part of the board, and
    // editors do not count it as a column.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let located = |e: ron::error::SpannedError| StoreError::Parse {
        path: path.to_path_buf(),
        // ron counts columns in characters and starts at 1, as editors do.
        line: e.span.start.line,
        column: e.span.start.col,
        message: describe_ron_error(&e.code),
    };
    let declared = declared_version(text);
    if let Some(version) = declared.filter(|v| *v == 0 || *v > crate::model::CURRENT_VERSION) {
        // Said before anything else: a newer file's fields would only confuse the message.
        let (line, column) = locate(text, &crate::model::Place::Version);
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: crate::model::unsupported_version(version),
        });
    }
    let (mut board, v1_history) = if declared == Some(1) {
        let old: v1::BoardV1 = ron::Options::default().from_str(text).map_err(located)?;
        let (board, history) = v1::upgrade(old);
        (board, Some(history))
    } else {
        let board: Board = ron::Options::default().from_str(text).map_err(located)?;
        (board, None)
    };
    super::duplicates::check(text, path)?;
    if let Some(problem) = validate(&board).into_iter().next() {
        let (line, column) = locate(text, &problem.place);
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: problem.message,
        });
    }
    // Meetings are a set of days: a hand edit may list one twice or out of order.
    board.meetings.sort_unstable();
    board.meetings.dedup();
    Ok(Parsed { board, v1_history })
}

/// The number after the file's `version:`, read without parsing the whole file.
pub(super) fn declared_version(text: &str) -> Option<u32> {
    let at = locate::value_of(text, "version")?;
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_needs_escaping_is_written_escaped_and_reads_back_the_same() {
        let mut board = crate::plan::builtin_plan().unwrap();
        let odd = "引号\"反斜杠\\换行\n制表\t退格\u{8}右到左\u{202E}单引号'结束";
        board.tasks[0].text = odd.to_string();
        let text = super::super::to_text(&board);
        assert!(
            !text.contains('\u{202E}') && !text.contains('\u{8}'),
            "controls are escaped"
        );
        let back = parse(&text, std::path::Path::new("t.ron")).unwrap();
        assert_eq!(back.tasks[0].text, odd);
    }

    #[test]
    fn the_version_is_read_from_the_top_of_the_file() {
        assert_eq!(declared_version("(\n    version: 1,\n"), Some(1));
        assert_eq!(declared_version("( // v\n version:2, tasks: [])"), Some(2));
        assert_eq!(declared_version("(tasks: [])"), None);
    }
}
