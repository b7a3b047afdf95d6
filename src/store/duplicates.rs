//! Keys written twice in one of the board file's maps (`unit_aliases: {…}`). ron reads a map into a
//! `BTreeMap` and keeps the last value of a repeated key without a word, so the first one would be
//! accepted by `check` and silently dropped by the next save. This scan of the text, run once ron
//! has accepted it, finds the second key and its place, like a duplicate task id.

use std::collections::HashMap;
use std::path::Path;

use super::error::StoreError;
use super::locate::line_col;
use crate::ron_text::{comment_end, quoted_end, raw_string_end, raw_string_start};

/// A key met a second time: its text (decoded when it is a string), its byte offset, and the field
/// the map is the value of (`unit_aliases`), when it is one.
#[derive(Debug, PartialEq, Eq)]
struct Duplicate {
    key: String,
    at: usize,
    map: Option<String>,
}

/// The first duplicate map key in `text` as a located error, if there is one.
pub fn check(text: &str, path: &Path) -> Result<(), StoreError> {
    let Some(dup) = find(text) else {
        return Ok(());
    };
    let (line, column) = line_col(text, dup.at);
    // Maps whose keys are unit names (version 1's unit_aliases, version 2's roles.units).
    let what = match dup.map.as_deref() {
        Some("unit_aliases" | "units") => "unit",
        _ => "key",
    };
    let place = dup.map.map(|m| format!(" in {m}")).unwrap_or_default();
    Err(StoreError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: format!(
            "duplicate {what} `{}`{place} (expected each {what} once)",
            dup.key
        ),
    })
}

/// One open bracket. A map (`{`) remembers its keys and where the key being read starts.
enum Open {
    Other,
    Map {
        name: Option<String>,
        keys: HashMap<String, usize>,
        /// Where the current entry's key starts; None once its `:` has been read.
        key_start: Option<usize>,
        expecting_key: bool,
    },
}

fn find(text: &str) -> Option<Duplicate> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    // The field whose value comes next (`name:` just read), to name a map that opens here.
    let mut field: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let Some(end) = comment_end(bytes, i) {
            i = end;
            continue;
        }
        // A map entry's key starts at its first token.
        if let Some(Open::Map {
            key_start,
            expecting_key,
            ..
        }) = stack.last_mut()
            && *expecting_key
            && b != b'}'
        {
            *key_start = Some(i);
            *expecting_key = false;
        }
        let token_end = literal_end(bytes, i);
        if let Some(end) = token_end {
            i = end;
            continue;
        }
        if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let ident = &text[start..i];
            let mut next = i;
            while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                next += 1;
            }
            field = (bytes.get(next) == Some(&b':')).then(|| ident.to_string());
            continue;
        }
        match b {
            b'{' => {
                let name = field.take();
                stack.push(Open::Map {
                    name,
                    keys: HashMap::new(),
                    key_start: None,
                    expecting_key: true,
                });
            }
            b'(' | b'[' => {
                field = None;
                stack.push(Open::Other);
            }
            b'}' | b')' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Open::Map {
                    name,
                    keys,
                    key_start,
                    ..
                }) = stack.last_mut()
                    && let Some(start) = key_start.take()
                    && let Some(raw) = text.get(start..i)
                {
                    let key = key_text(raw);
                    if keys.insert(key.clone(), start).is_some() {
                        return Some(Duplicate {
                            key,
                            at: start,
                            map: name.clone(),
                        });
                    }
                }
            }
            b',' => {
                if let Some(Open::Map {
                    key_start,
                    expecting_key,
                    ..
                }) = stack.last_mut()
                {
                    *key_start = None;
                    *expecting_key = true;
                }
                field = None;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A key as compared: a string's value (so `"区科委"` and `"\u{533a}科委"` are one key), else
/// the text without spaces.
fn key_text(raw: &str) -> String {
    let raw = raw.trim();
    ron::from_str::<String>(raw)
        .unwrap_or_else(|_| raw.chars().filter(|c| !c.is_whitespace()).collect())
}

/// The offset after a string, raw string or char literal starting at `i`.
fn literal_end(bytes: &[u8], i: usize) -> Option<usize> {
    if let Some(hashes) = raw_string_start(bytes, i) {
        return Some(raw_string_end(bytes, i, hashes));
    }
    matches!(bytes[i], b'"' | b'\'').then(|| quoted_end(bytes, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dup(text: &str) -> Option<(String, usize, Option<String>)> {
        find(text).map(|d| (d.key, d.at, d.map))
    }

    #[test]
    fn a_repeated_unit_is_found_at_its_second_key() {
        let text = r#"(unit_aliases: {"区委网信办": ["区网信办"], "区委网信办": ["网信办"]})"#;
        let second = text.rfind("\"区委网信办\"").unwrap();
        assert_eq!(
            dup(text),
            Some(("区委网信办".into(), second, Some("unit_aliases".into())))
        );
    }

    #[test]
    fn distinct_keys_values_that_repeat_and_keys_in_other_maps_are_fine() {
        let text = r#"(a: {"x": ["y"], "y": ["y"]}, b: {"x": [], "z": {"x": 1}})"#;
        assert_eq!(dup(text), None);
    }

    #[test]
    fn keys_are_compared_by_value_not_spelling() {
        let text = "(m: {\"区\": 1, \"\\u{533a}\": 2})";
        assert_eq!(dup(text).map(|d| d.0), Some("区".to_string()));
    }

    #[test]
    fn strings_comments_and_chars_that_look_like_keys_are_skipped() {
        let text = "(m: {\n  // \"a\": 1,\n  \"a\": \"b: {, }\", /* \"a\": */ \"c\": 'x',\n  r#\"d\"#: '}', \"e\": ':'\n})";
        assert_eq!(dup(text), None);
        let again = "(m: {\"a\": 1, /* x */ r\"a\": 2})";
        assert_eq!(dup(again).map(|d| d.0), Some("a".to_string()));
    }

    #[test]
    fn nested_maps_have_keys_of_their_own() {
        let text =
            r#"(roles: Some((units: {"区商务委": ["a"], "区科委": ["b"], "区商务委": []})))"#;
        let (key, _, map) = dup(text).unwrap();
        assert_eq!((key.as_str(), map.as_deref()), ("区商务委", Some("units")));
    }

    #[test]
    fn the_message_names_the_place_the_unit_and_the_map() {
        let text = "(\n    unit_aliases: {\n        \"甲\": [],\n        \"甲\": [],\n    },\n)";
        let err = check(text, Path::new("board.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "board.ron:4:9: duplicate unit `甲` in unit_aliases (expected each unit once)"
        );
    }
}
