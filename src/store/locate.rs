//! Finding where in the file's text a value lies, for validation errors that serde cannot place.
//!
//! The file is the one we parsed successfully, so the structure is known: the n-th task starts at the
//! n-th `id:` key after `tasks:`; its fields follow before the next task's `id:`.

use crate::model::Place;

/// (line, column), 1-based, column counted in characters.
pub fn locate(text: &str, place: &Place) -> (usize, usize) {
    let offset = match place {
        Place::Version => find_key(text, 0, text.len(), "version"),
        Place::Setting(name) => find_key(text, 0, text.len(), name),
        Place::Task { index, field } => task_span(text, *index)
            .and_then(|(start, end)| find_key(text, start, end, field).or(Some(start))),
        Place::Milestone {
            task,
            milestone,
            field,
        } => task_span(text, *task).and_then(|(start, end)| {
            let list = find_key(text, start, end, "milestones").unwrap_or(start);
            let number = nth_key(text, list, end, "number", *milestone).unwrap_or(list);
            // The milestone's fields follow its number, up to the next milestone's.
            let next = nth_key(text, number + 1, end, "number", 0).unwrap_or(end);
            find_key(text, number, next, field).or(Some(number))
        }),
    };
    line_col(text, offset.unwrap_or(0))
}

/// Byte range of the index-th task (from its `id:` key to the next task's).
fn task_span(text: &str, index: usize) -> Option<(usize, usize)> {
    let tasks = find_key(text, 0, text.len(), "tasks")?;
    let mut starts = Vec::new();
    let mut from = tasks;
    while let Some(at) = find_key(text, from, text.len(), "id") {
        starts.push(at);
        from = at + 2;
        if starts.len() > index + 1 {
            break;
        }
    }
    let start = *starts.get(index)?;
    let end = starts.get(index + 1).copied().unwrap_or(text.len());
    Some((start, end))
}

/// Offset of the value of the first `key:` in the text (outside strings and comments).
pub fn value_of(text: &str, key: &str) -> Option<usize> {
    find_key(text, 0, text.len(), key)
}

/// Offset of the value after the n-th (0-based) `key:` in text[from..to].
fn nth_key(text: &str, from: usize, to: usize, key: &str, n: usize) -> Option<usize> {
    let mut at = find_key(text, from, to, key)?;
    for _ in 0..n {
        at = find_key(text, at + 1, to, key)?;
    }
    Some(at)
}

/// Offset of the value after `key:` in text[from..to], where `key` stands as a whole word outside
/// strings.
fn find_key(text: &str, from: usize, to: usize, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut in_string = false;
    while i < to {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            // Skip a line comment.
            while i < to && bytes[i] != b'\n' {
                i += 1;
            }
        // Compared as bytes: `i` may be inside a Chinese character written outside quotes (a
        // file that does not parse), where slicing the text would panic. An ASCII key that
        // matches starts on a character boundary, so the slices below are safe.
        } else if bytes[i..to].starts_with(key.as_bytes())
            && (i == 0 || !is_ident(bytes[i - 1]))
            && !bytes.get(i + key.len()).copied().is_some_and(is_ident)
        {
            let rest = &text[i + key.len()..to];
            let trimmed = rest.trim_start();
            if let Some(value) = trimmed.strip_prefix(':') {
                let value_at = to - value.len();
                let skipped = value.len() - value.trim_start().len();
                return Some(value_at + skipped);
            }
        }
        i += 1;
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "(\n    version: 1,\n    tasks: [\n        (\n            id: 1,\n            title: \"a id: b\",\n        ),\n        (\n            id: 2,\n            title: \"\",\n        ),\n    ],\n)\n";

    #[test]
    fn finds_a_field_of_the_second_task() {
        let place = Place::Task {
            index: 1,
            field: "title",
        };
        assert_eq!(locate(TEXT, &place), (10, 20));
    }

    #[test]
    fn keys_inside_strings_are_ignored() {
        let place = Place::Task {
            index: 1,
            field: "id",
        };
        assert_eq!(locate(TEXT, &place), (9, 17));
    }

    #[test]
    fn chinese_outside_quotes_is_passed_over_not_split() {
        // A hand edit that forgot the quotes: the version is still found, and nothing panics.
        let text = "(\n    标题: 推进中,\n    version: 2,\n)";
        assert_eq!(
            value_of(text, "version").map(|at| line_col(text, at)),
            Some((3, 14))
        );
        let place = Place::Task {
            index: 0,
            field: "title",
        };
        assert_eq!(locate("(tasks: [(id: 1, 标题: 区科委)])", &place), (1, 15));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("区科委x", "区科委".len()), (1, 4));
    }
}
