//! Helpers shared by the integration tests: fixtures, screen dumps of a ratatui buffer, and a driver
//! that runs the real binary in a pseudo-terminal and reads its screen with vt100.
//!
//! Each test binary uses only some of these, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// A row as written in the tests, with `…` standing for the theme's ellipsis, whichever glyph that
/// is.
pub fn row(app: &ftz_board::app::App, text: &str) -> String {
    text.replace('…', app.theme.ellipsis)
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

/// The real binary in a pseudo-terminal. A reader thread feeds everything the program writes to a
/// vt100 parser (the screen as a terminal would show it) and keeps the raw bytes too.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    // Kept so the terminal stays open until the test ends, and for resizing.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    /// Starts `ftz-board ARGS` in `dir` on a `cols`x`rows` terminal with `TERM=xterm-256color`.
    pub fn spawn(args: &[&str], dir: &Path, cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("USER", "tester");
        // A private HOME and no XDG_CONFIG_HOME: no keys file of the machine's user is read.
        cmd.env("HOME", dir);
        cmd.env_remove("XDG_CONFIG_HOME");
        cmd.env_remove("FTZ_BOARD_FILE");
        cmd.env_remove("FTZ_BOARD_LANG");
        cmd.env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Our copy of the terminal's other end must close, or reading never sees the end.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (screen.clone(), raw.clone());
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            // Ends with EOF or EIO once the program has exited.
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&chunk[..n]);
                raw_in.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        Pty {
            child,
            writer,
            screen,
            raw,
            reader: Some(reader),
            master: pair.master,
        }
    }

    /// The screen's text, one string per row.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.screen.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.get()).collect()
    }

    pub fn contents(&self) -> String {
        self.rows().join("\n")
    }

    /// Waits until `ready` holds for the screen's text, failing with the screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, ready: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let text = self.contents();
            if ready(&text) {
                return;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {what}; the screen shows:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_for_text(&self, text: &str, timeout: Duration) {
        self.wait_for(&format!("{text:?}"), timeout, |screen| {
            screen.contains(text)
        });
    }

    /// Resizes the terminal as a user dragging the window would: the program gets SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, so output drawn for the new size lands on a screen of that size.
        self.screen.lock().unwrap().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to exit and for the reader to drain its output; returns the exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "the board did not exit; the screen shows:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        status.exit_code()
    }

    /// Everything the program wrote to the terminal.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A failed test must not leave the board running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
