//! Finding your way through RON text without parsing it: comments, strings, raw strings and char
//! literals. Shared by the scans that place what ron reads but does not locate (the keys file's
//! bindings, duplicate keys in the board file's maps). Only used on text ron has accepted.

/// The offset after a `//` or (nested) `/* */` comment starting at `i`.
pub(crate) fn comment_end(bytes: &[u8], i: usize) -> Option<usize> {
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
pub(crate) fn raw_string_start(bytes: &[u8], i: usize) -> Option<usize> {
    let ident_before = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    if bytes[i] != b'r' || ident_before {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
    (bytes.get(i + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// The offset after the raw string starting at `start` with `hashes` `#`.
pub(crate) fn raw_string_end(bytes: &[u8], start: usize, hashes: usize) -> usize {
    let mut j = start + 2 + hashes;
    while j < bytes.len() {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take(hashes).all(|b| *b == b'#') {
            return (j + 1 + hashes).min(bytes.len());
        }
        j += 1;
    }
    bytes.len()
}

/// The offset after a string or char literal whose opening quote (`"` or `'`) is at `start`.
pub(crate) fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}
