//! Helpers shared by both test binaries: fixtures, the binary's path and screen dumps of a ratatui
//! buffer. The pseudo-terminal driver is `tests/pty/driver.rs`.
//!
//! Each test binary uses only some of these, hence the `dead_code` allowance where it is included.

use std::path::{Path, PathBuf};

use std::time::SystemTime;

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// A row as written in the tests, with `…` standing for the theme's ellipsis, whichever glyph that
/// is.
pub fn row(app: &ftz_board::app::App, text: &str) -> String {
    text.replace('…', app.theme().ellipsis)
}

/// The first row that shows `text`; fails with the whole screen when none does.
pub fn find_row<'a>(rows: &'a [String], text: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(text))
        .unwrap_or_else(|| panic!("no row shows {text:?}:\n{}", rows.join("\n")))
}

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_ftz-board");

/// `tests/fixtures/<name>`, relative to the package root (the tests' working directory), so that
/// messages naming it read the same on every machine.
pub fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures").join(name)
}

/// Copies a fixture into `dir` and returns the copy's path.
pub fn copy_fixture(name: &str, dir: &Path) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(fixture(name), &to).unwrap();
    to
}

/// Every invalid fixture with the exact message (after `PATH:`) a user sees for it.
pub const BAD_FIXTURES: [(&str, &str); 12] = [
    (
        "bad-missing-comma.ron",
        "26:34: expected `,` before this (a comma is missing after the previous value)",
    ),
    (
        "bad-unknown-status.ron",
        "21:21: unknown status `doingg` (expected one of `not_started`, `in_progress`, `blocked`, `done`)",
    ),
    (
        "bad-duplicate-id.ron",
        "33:17: duplicate task id 1 (expected each id once)",
    ),
    (
        "bad-date.ron",
        "27:24: `2024-13-01` is not a date (expected YYYY-MM-DD)",
    ),
    (
        "bad-empty-title.ron",
        "26:20: task 2 has an empty title (expected its first sentence)",
    ),
    (
        "bad-no-lead-unit.ron",
        "34:47: task 3 has no lead unit (expected at least one 牵头单位)",
    ),
    (
        "bad-unknown-field.ron",
        "38:13: unknown field `owner` in Task (expected one of `id`, `title`, `text`, `deadline`, \
         `original_deadline`, `lead_units`, `cooperating_units`, `status`, `completed_on`, \
         `created_on`, `updated_on`, `updated_by`, `notes`, `milestones`, `request`)",
    ),
    (
        "bad-version.ron",
        "2:14: unsupported version 3 (expected a version from 1 to 2; was it written by a newer ftz-board?)",
    ),
    (
        "bad-truncated.ron",
        "24:10: the file ends too early (a bracket or quote left open?)",
    ),
    (
        "bad-completed-not-done.ron",
        "38:27: task 3 has a completion date but status not_started (expected status done, or \
         completed_on: None)",
    ),
    (
        "bad-blank-unit.ron",
        "20:32: task 1 has a blank unit name in cooperating_units (expected names such as \"区科委\")",
    ),
    (
        "bad-utc-offset.ron",
        "12:21: `+8小时` is not a UTC offset (expected e.g. \"+08:00\")",
    ),
];

/// Bytes and modification time, to show a file was not touched.
pub fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

/// The buffer's rows as a user sees them: the cell hidden behind the right half of a wide character
/// is skipped, so a row of Chinese reads naturally and its display width is the screen's width.
pub fn screen_rows(buf: &Buffer) -> Vec<String> {
    let width = usize::from(buf.area.width);
    buf.content
        .chunks(width)
        .map(|row| {
            let mut line = String::new();
            let mut hidden = 0;
            for cell in row {
                if hidden == 0 {
                    line.push_str(cell.symbol());
                }
                hidden = hidden.max(cell.symbol().width()).saturating_sub(1);
            }
            line
        })
        .collect()
}

/// Cells hidden behind a wide character that hold something other than a blank: on a real
/// terminal that text garbles the wide character. Returns (x, y, symbol) of each.
pub fn garbled_cells(buf: &Buffer) -> Vec<(usize, usize, String)> {
    let width = usize::from(buf.area.width);
    let mut found = Vec::new();
    for (y, row) in buf.content.chunks(width).enumerate() {
        let mut hidden = 0;
        for (x, cell) in row.iter().enumerate() {
            if hidden > 0 && cell.symbol() != " " {
                found.push((x, y, cell.symbol().to_string()));
            }
            hidden = hidden.max(cell.symbol().width()).saturating_sub(1);
        }
    }
    found
}

/// Asserts that every row fills the screen exactly (no wide character cut in half or hanging over
/// the edge) and that no wide character is overwritten.
pub fn assert_rows_aligned(buf: &Buffer) {
    let rows = screen_rows(buf);
    for (y, row) in rows.iter().enumerate() {
        assert_eq!(
            row.width(),
            usize::from(buf.area.width),
            "row {y} is not {} cells wide: {row:?}\n{}",
            buf.area.width,
            rows.join("\n")
        );
    }
    assert_eq!(garbled_cells(buf), vec![], "\n{}", rows.join("\n"));
}
