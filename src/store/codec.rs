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
    let write = |config: PrettyConfig| {
        ron::ser::to_string_pretty(board, config)
            .unwrap_or_else(|e| panic!("a board always serialises to RON: {e}"))
    };
    // ron escapes every character through `char::escape_debug`, whose printable check is most of
    // the cost of writing Chinese text. Unescaped output is the same text whenever no string holds
    // a character that escaping changes; only when one does is the board written again, escaped.
    let fast = write(config.clone().escape_strings(false));
    let text = if any_string_needs_escaping(&fast) {
        write(config)
    } else {
        fast
    };
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

/// Whether unescaped RON output holds a string that escaped output would write differently: a raw
/// string (`r#"…"#`, which ron uses for `"` and `\\`) or a character `char::escape_debug` changes.
fn any_string_needs_escaping(text: &str) -> bool {
    let mut in_string = false;
    for c in text.chars() {
        match c {
            '"' => in_string = !in_string,
            // Outside strings only a raw string's `r#"` or `"#` brings these.
            '#' | '\\' if !in_string => return true,
            _ if !in_string => {}
            '\'' | '\\' => return true,
            ' '..='~' => {}
            // Chinese text: ideographs, CJK and full-width punctuation, quotes and dashes. Every
            // one is printable (a test checks each), so escaping leaves them as they are.
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3001}'..='\u{3029}'
            | '\u{FF01}'..='\u{FF5E}'
            | '\u{2010}'..='\u{2027}' => {}
            _ => {
                if c.escape_debug().len() != 1 {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_the_fast_path_skips_is_one_that_escaping_leaves_alone() {
        let ranges = [
            '\u{4E00}'..='\u{9FFF}',
            '\u{3001}'..='\u{3029}',
            '\u{FF01}'..='\u{FF5E}',
            '\u{2010}'..='\u{2027}',
        ];
        for c in ranges.into_iter().flatten() {
            assert_eq!(
                c.escape_debug().to_string(),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn text_that_needs_escaping_is_written_escaped_and_reads_back_the_same() {
        let mut board = crate::plan::builtin_plan().unwrap();
        let odd = "引号\"反斜杠\\换行\n制表\t退格\u{8}右到左\u{202E}单引号'结束";
        board.tasks[0].text = odd.to_string();
        let text = to_text(&board);
        assert!(
            !text.contains('\u{202E}') && !text.contains('\u{8}'),
            "controls are escaped"
        );
        let back = parse(&text, std::path::Path::new("t.ron")).unwrap();
        assert_eq!(back.tasks[0].text, odd);
    }
}
