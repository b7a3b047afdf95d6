//! The canonical text of a board: what a save writes (see `docs/FORMAT.md`).
//!
//! serde writes the board as compact RON, so every field is written however the types change; this
//! module then lays that text out: the board's fields one a line, one task a block with one field a
//! line, one note, milestone, meeting or conflict a line, lists of unit names on one line. No line
//! holds two items, so diffs are small and git's line merge rarely conflicts.

use ron::ser::PrettyConfig;

use crate::model::Board;

/// How a value at a place in the board is laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// On one line, as serde wrote it.
    Compact,
    /// A struct with one field a line.
    Block,
    /// A list or a map with one item (entry) a line.
    Lines,
}

/// The layout rules. The path is the field names from the board down, "" standing for an item of
/// a list or a map.
fn shape(path: &[&str]) -> Shape {
    match path {
        [] | ["plan"] | ["settings"] | ["roles"] | ["tasks", ""] => Shape::Block,
        ["roles", "units"]
        | ["unit_aliases"]
        | ["meetings"]
        | ["conflicts"]
        | ["tasks"]
        | ["tasks", "", "notes"]
        | ["tasks", "", "milestones"] => Shape::Lines,
        _ => Shape::Compact,
    }
}

const INDENT: &str = "    ";

/// The text we write. Tasks are written in id order whatever order they are held in.
pub fn to_text(board: &Board) -> String {
    let sorted;
    let board = if board.tasks.is_sorted_by_key(|t| t.id) {
        board
    } else {
        let mut copy = board.clone();
        copy.sort_tasks();
        sorted = copy;
        &sorted
    };
    let compact = compact_text(board);
    let mut out = String::with_capacity(compact.len() + compact.len() / 3);
    write_value(&compact, &mut Vec::new(), 0, &mut out);
    out.push('\n');
    out
}

/// A value as compact RON: `(at: "…", author: "…", text: "…")`. Chinese is written as it is.
pub fn compact<T: serde::Serialize>(value: &T) -> String {
    compact_text(value)
}

fn compact_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let config = PrettyConfig::new()
        .new_line("")
        .indentor("")
        .separator(" ")
        .compact_structs(true)
        .compact_arrays(true)
        .compact_maps(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Serialising our own plain data types cannot fail (no maps with non-string keys, no
    // unsupported types); an error here would be a bug in the model, not something a user causes.
    let write = |config: PrettyConfig| {
        ron::ser::to_string_pretty(value, config)
            .unwrap_or_else(|e| panic!("a board always serialises to RON: {e}"))
    };
    // ron escapes every character through `char::escape_debug`, whose printable check is most of
    // the cost of writing Chinese text. Unescaped output is the same text whenever no string holds
    // a character that escaping changes; only when one does is the value written again, escaped.
    let fast = write(config.clone().escape_strings(false));
    if any_string_needs_escaping(&fast) {
        write(config)
    } else {
        fast
    }
}

/// Writes `value` (compact RON) at `path`, its first line already started, continuing lines
/// indented `depth` levels.
fn write_value(value: &str, path: &mut Vec<&'static str>, depth: usize, out: &mut String) {
    // `Some(x)` is laid out as `x` is, inside its wrapper.
    if let Some(inner) = value
        .strip_prefix("Some(")
        .and_then(|v| v.strip_suffix(')'))
        && shape(path) != Shape::Compact
    {
        out.push_str("Some(");
        write_value(inner, path, depth, out);
        out.push(')');
        return;
    }
    let (open, close) = match value.as_bytes().first() {
        Some(b'(') => ('(', ')'),
        Some(b'[') => ('[', ']'),
        Some(b'{') => ('{', '}'),
        _ => {
            out.push_str(value);
            return;
        }
    };
    let shape = shape(path);
    let inner = &value[1..value.len() - 1];
    let items = split_top_level(inner);
    if shape == Shape::Compact || items.is_empty() {
        out.push_str(value);
        return;
    }
    out.push(open);
    out.push('\n');
    for item in items {
        push_indent(out, depth + 1);
        match (shape, split_key(item)) {
            // A struct field, or a map entry: the key, then the value laid out by its own rule.
            (Shape::Block, Some((key, rest))) => {
                out.push_str(key);
                out.push_str(": ");
                path.push(field_name(key));
                write_value(rest, path, depth + 1, out);
                path.pop();
            }
            (Shape::Lines, Some((key, rest))) if open == '{' => {
                out.push_str(key);
                out.push_str(": ");
                path.push("");
                write_value(rest, path, depth + 1, out);
                path.pop();
            }
            (Shape::Lines, _) => {
                path.push("");
                write_value(item, path, depth + 1, out);
                path.pop();
            }
            _ => out.push_str(item),
        }
        out.push_str(",\n");
    }
    push_indent(out, depth);
    out.push(close);
}

/// The static name of a board or task field, for the layout rules; other keys (map keys, names
/// the rules do not mention) match no rule.
fn field_name(key: &str) -> &'static str {
    const NAMED: [&str; 10] = [
        "plan",
        "settings",
        "roles",
        "units",
        "unit_aliases",
        "meetings",
        "tasks",
        "notes",
        "milestones",
        "conflicts",
    ];
    NAMED.into_iter().find(|n| *n == key).unwrap_or("?")
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

/// The items of a container's inside, split at its own commas (not those inside strings or
/// nested values).
fn split_top_level(inner: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    for (i, b) in inner.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                items.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = inner[start..].trim();
    if !last.is_empty() {
        items.push(last);
    }
    items
}

/// `key: value` (a struct field or a map entry with a string key) split at its colon.
fn split_key(item: &str) -> Option<(&str, &str)> {
    let key_end = if item.starts_with('"') {
        let mut escaped = false;
        let mut end = None;
        for (i, b) in item.bytes().enumerate().skip(1) {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    end = Some(i + 1);
                    break;
                }
                _ => {}
            }
        }
        end?
    } else {
        item.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?
    };
    let rest = item[key_end..].strip_prefix(':')?;
    Some((&item[..key_end], rest.trim_start()))
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
    fn items_split_at_their_own_commas_only() {
        assert_eq!(
            split_top_level(r#"a: "x, y", b: [1, 2], c: (d: "\"", e: 3)"#),
            vec![r#"a: "x, y""#, "b: [1, 2]", r#"c: (d: "\"", e: 3)"#]
        );
        assert_eq!(
            split_key(r#""区商务委": ["a"]"#),
            Some((r#""区商务委""#, r#"["a"]"#))
        );
        assert_eq!(split_key("title: \"a: b\""), Some(("title", "\"a: b\"")));
    }
}
