//! JSON that is safe to print to a terminal. serde_json escapes only `"`, `\` and C0 controls; it
//! writes DEL, C1 controls (U+009B is CSI, U+009D is OSC), bidi overrides, zero-width characters,
//! U+2028/U+2029 and tag characters as they are, and a JSON export piped to a terminal or pasted
//! into a chat would carry them. Every character the sanitiser removes from board text is written
//! here as a `\uXXXX` escape instead (a surrogate pair beyond U+FFFF): the text is unchanged for
//! whoever parses the JSON, and invisible to nobody.

use serde::Serialize;

use crate::model::sanitize::is_unsafe;

/// `value` as pretty JSON with a final newline, every unsafe character escaped.
pub fn to_safe_json<T: Serialize>(value: &T) -> String {
    // Plain data with string keys and finite numbers: serialising cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = escape_unsafe(&text);
    out.push('\n');
    out
}

/// Whether serde_json left `c` raw though it is unsafe. It escapes C0 controls inside strings
/// itself, so a C0 character in its output is the layout's own newline or indent.
fn needs_escape(c: char) -> bool {
    c >= '\u{7f}' && is_unsafe(c)
}

/// Escapes unsafe characters in serde_json's output. Outside strings that output is ASCII
/// punctuation, digits, keywords and whitespace, so every character escaped here stands inside a
/// string, where `\uXXXX` means the same.
fn escape_unsafe(json: &str) -> String {
    if !json.chars().any(needs_escape) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if needs_escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_read_back_the_same() {
        let odd = "a\u{7f}\u{9b}\u{9d}\u{202e}\u{200b}\u{61c}\u{2028}\u{2029}\u{e0041}b\u{1b}";
        let json = to_safe_json(&odd);
        assert_eq!(
            json,
            "\"a\\u007f\\u009b\\u009d\\u202e\\u200b\\u061c\\u2028\\u2029\\udb40\\udc41b\\u001b\"\n"
        );
        assert!(json.is_ascii());
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, odd);
    }

    #[test]
    fn the_layout_stays_as_serde_json_writes_it() {
        let value = serde_json::json!({"a": ["x\u{9b}", 1]});
        let json = to_safe_json(&value);
        assert_eq!(json, "{\n  \"a\": [\n    \"x\\u009b\",\n    1\n  ]\n}\n");
    }

    #[test]
    fn chinese_is_written_as_it_is() {
        assert_eq!(to_safe_json(&"区商务委“跨境通”"), "\"区商务委“跨境通”\"\n");
    }
}
