//! Where each string of a keys file stands: ron checks the file and reads its values but keeps no
//! positions, so this scan finds the offset of every string literal (skipping comments, honouring
//! escapes and raw strings) for messages that point at the offending action or key.

use crate::ron_text::{comment_end, quoted_end, raw_string_end, raw_string_start};

/// A string from the file and the byte offset of its opening quote.
#[derive(Debug, Clone)]
pub(super) struct Located {
    pub text: String,
    pub at: usize,
}

/// One `"Action": [keys]` entry, as written.
pub(super) struct Entry {
    pub action: Located,
    pub keys: Vec<Located>,
}

/// The `"Action": [keys]` entries in the order written: a string followed by `:` names an action,
/// the strings after it are its keys. Only called on text ron has accepted.
pub(super) fn entries(text: &str) -> Vec<Entry> {
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
