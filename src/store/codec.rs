//! Board <-> RON text. Parsing checks the rules of the model too, and places every error.

use std::path::Path;

use ron::ser::PrettyConfig;

use super::error::{StoreError, describe_ron_error};
use super::locate::locate;
use crate::model::{Board, validate};

/// Parses and validates a board file's text. `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Board, StoreError> {
    let board: Board = ron::Options::default().from_str(text).map_err(|e| {
        // ron counts columns in characters and starts at 1, as editors do.
        StoreError::Parse {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: describe_ron_error(&e.code),
        }
    })?;
    if let Some(problem) = validate(&board).into_iter().next() {
        let (line, column) = locate(text, &problem.place);
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: problem.message,
        });
    }
    Ok(board)
}

/// The text we write: 4-space indent, Chinese left readable, tasks in id order.
pub fn to_text(board: &Board) -> String {
    let config = PrettyConfig::new()
        .indentor("    ")
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Serialising our own plain data types cannot fail (no maps with non-string keys, no
    // unsupported types); an error here would be a bug in the model, not something a user causes.
    let mut text = ron::ser::to_string_pretty(board, config)
        .unwrap_or_else(|e| panic!("a board always serialises to RON: {e}"));
    text.push('\n');
    text
}
