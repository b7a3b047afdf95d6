//! Board <-> RON text. Parsing checks the rules of the model too, and places every error.

use std::path::Path;

use ron::ser::PrettyConfig;

use super::error::{StoreError, describe_ron_error};
use super::locate::{self, locate};
use crate::model::{Board, validate};

/// The file's bytes as text, or an error naming the line and column of the first byte that is not
/// UTF-8 (a file saved as GBK by a Windows editor is the usual case). Never replaces bad bytes:
/// a board read with replacement characters would destroy the original text on its next save.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|e| {
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

/// [`decode`] then [`parse`]: for text read outside the store, e.g. after a watcher event.
pub fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Board, StoreError> {
    parse(&decode(bytes, path)?, path)
}

/// Parses and validates a board file's text. `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Board, StoreError> {
    // Some editors start a UTF-8 file with a byte-order mark; it is not part of the board, and
    // editors do not count it as a column.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
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

/// The text we write: 4-space indent, Chinese left readable, tasks in id order, lists of unit
/// names on one line as in `data/plan.ron`.
pub fn to_text(board: &Board) -> String {
    let config = PrettyConfig::new()
        .indentor("    ")
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let sorted;
    let board = if board.tasks.is_sorted_by_key(|t| t.id) {
        board
    } else {
        let mut copy = board.clone();
        copy.sort_tasks();
        sorted = copy;
        &sorted
    };
    // Serialising our own plain data types cannot fail (no maps with non-string keys, no
    // unsupported types); an error here would be a bug in the model, not something a user causes.
    let text = ron::ser::to_string_pretty(board, config)
        .unwrap_or_else(|e| panic!("a board always serialises to RON: {e}"));
    let mut text = inline_string_lists(&text);
    text.push('\n');
    text
}

/// ron's pretty printer puts every element of a list on a line of its own; a short list of unit
/// names reads better, and diffs better, on one line: `lead_units: ["莘庄海关", "龙吴海关"],`.
/// Only lists whose every element is a string literal are joined. ron escapes newlines and quotes
/// inside strings, so each literal is one line and the joined text parses to the same value.
fn inline_string_lists(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.ends_with('[') {
            let items: Vec<&str> = lines[i + 1..]
                .iter()
                .map_while(|l| string_item(l))
                .collect();
            let close = lines.get(i + 1 + items.len()).map(|l| l.trim_start());
            if let Some(close @ ("]" | "],")) = close
                && !items.is_empty()
            {
                out.push(format!("{line}{}{close}", items.join(", ")));
                i += items.len() + 2;
                continue;
            }
        }
        out.push(line.to_string());
        i += 1;
    }
    out.join("\n")
}

/// `"text"` from a line holding exactly one string literal followed by a comma.
fn string_item(line: &str) -> Option<&str> {
    let item = line.trim_start().strip_suffix(',')?;
    let inner = item.strip_prefix('"')?.strip_suffix('"')?;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next()?;
            }
            '"' => return None,
            _ => {}
        }
    }
    Some(item)
}
