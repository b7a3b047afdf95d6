//! Where each string of a keys file stands: ron checks the file and reads its values but keeps no
//! positions, so this scan finds the offset of every string literal (skipping comments, honouring
//! escapes and raw strings) for messages that point at the offending action or key.

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
