//! The real binary in pseudo-terminals set up like the ones users have: NO_COLOR, 16 colours under
//! `TERM=screen`, 256 colours under tmux, English, no mouse; and what it must never do (ask where
//! the cursor is, leave the terminal in a mode) on any way out.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::driver::{Launch, Pty};

const WAIT: Duration = Duration::from_secs(10);

/// The board on a 100x30 pseudo-terminal with exactly the environment given (plus a private HOME,
/// so no user's keys file is read).
fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Pty {
    Launch::new(dir)
        .args(args)
        .size(100, 30)
        .only_env(env)
        .spawn()
}

/// The parameters of every SGR sequence (`ESC [ … m`) in the output.
fn sgr_sequences(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find("\x1b[") {
        rest = &rest[at + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            found.push(rest[..end].to_string());
        }
    }
    found
}

/// SGR parameters that set a colour: 30-39, 40-49, 90-97, 100-107 (38 and 48 included).
fn sets_colour(params: &str) -> bool {
    params.split([';', ':']).any(|p| {
        matches!(
            p.parse::<u32>(),
            Ok(30..=39 | 40..=49 | 90..=97 | 100..=107)
        )
    })
}

fn board_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn with_no_color_the_board_sends_no_colour_at_all_and_marks_by_attributes() {
    let dir = board_dir();
    let env = [
        ("TERM", "xterm-256color"),
        ("COLORTERM", "truecolor"),
        ("NO_COLOR", "1"),
    ];
    let mut term = start(dir.path(), &[], &env);
    term.wait_for_text("按状态", WAIT);
    // Every view and overlay once.
    term.press(b"?", Some("快捷键"), None);
    term.press(b"\x1b", None, Some("快捷键"));
    term.press(b"2", Some("配合任务"), None);
    term.press(b"\r", Some("任务内容"), None);
    term.press(b"\x1b", None, Some("任务内容"));
    term.press(b"3", Some("概况"), None);
    term.press(b"1", None, Some("概况"));
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0);
    for pattern in ["38;", "48;"] {
        assert!(!raw.contains(pattern), "{pattern:?} in the output");
    }
    let coloured: Vec<String> = sgr_sequences(&raw)
        .into_iter()
        .filter(|p| sets_colour(p))
        .collect();
    assert_eq!(coloured, Vec::<String>::new());
    // The selection and the header are shown in reverse video instead, headings in bold.
    let sgr = sgr_sequences(&raw);
    assert!(sgr.iter().any(|p| p == "7"), "no reverse video");
    assert!(sgr.iter().any(|p| p == "1"), "no bold");
}

#[test]
fn the_same_board_with_colours_does_send_colour_sequences() {
    // The control for the test above: the scan finds colours when there are some.
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "xterm-256color")]);
    term.wait_for_text("按状态", WAIT);
    term.send(b"q");
    let (_, raw) = term.finish();
    assert!(sgr_sequences(&raw).iter().any(|p| sets_colour(p)));
}

#[test]
fn lang_en_shows_english_labels_in_the_terminal() {
    let dir = board_dir();
    let mut term = start(dir.path(), &["--lang", "en"], &[("TERM", "xterm-256color")]);
    // The footer (the start-up message) is the frame's last row: once it is there, so is the rest.
    term.wait_until("the whole first frame", |s| {
        s.contains("By status") && s.contains("created from the built-in plan")
    });
    let text = term.with_screen(|s| s.contents());
    for label in ["By unit", "Not started", "Today"] {
        assert!(text.contains(label), "{label:?} missing:\n{text}");
    }
    term.press(b"?", Some("go to first"), None);
    term.press(b"\x1b", None, Some("go to first"));
    // The footer's key hints, once the start-up message is gone. The help overlay can be gone
    // from the screen before the frame has reached the footer, so wait for the footer itself.
    let hints = ["? help", "n note", "Enter detail"];
    let footer = |s: &str| s.lines().last().unwrap_or_default().to_string();
    term.wait_until(&format!("the key hints {hints:?} in the footer"), |s| {
        hints.iter().all(|hint| footer(s).contains(hint))
    });
    term.send(b"q");
    assert_eq!(term.finish().0, 0);
}

#[test]
fn ftz_board_lang_selects_english_too() {
    let dir = board_dir();
    let env = [("TERM", "xterm-256color"), ("FTZ_BOARD_LANG", "en")];
    let mut term = start(dir.path(), &[], &env);
    term.wait_for_text("Not started", WAIT);
    term.send(b"q");
    assert_eq!(term.finish().0, 0);
}

#[test]
fn under_term_screen_the_board_draws_with_the_sixteen_colours_and_exits_cleanly() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "screen")]);
    term.wait_for_text("按状态", WAIT);
    term.wait_for_text("需协调", WAIT);
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0);
    // crossterm writes the named colours as `38;5;N` with N below 16; nothing beyond them.
    for params in sgr_sequences(&raw) {
        let numbers: Vec<u32> = params.split(';').filter_map(|p| p.parse().ok()).collect();
        for pair in numbers.windows(3) {
            if matches!(pair[0], 38 | 48) {
                assert!(pair[1] == 5 && pair[2] < 16, "{params}");
            }
        }
    }
    assert!(
        raw.ends_with_modes_left(),
        "terminal not restored: {:?}",
        tail(&raw)
    );
}

#[test]
fn under_tmux_with_256_colours_the_palette_uses_indexed_colours() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "tmux-256color")]);
    term.wait_for_text("按状态", WAIT);
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0);
    assert!(raw.contains("38;5;"), "no indexed colour");
    assert!(!raw.contains("38;2;"), "true colour without COLORTERM");
}

#[test]
fn resizing_repaints_without_asking_where_the_cursor_is() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "tmux-256color")]);
    term.wait_for_text("按状态", WAIT);
    term.resize(60, 20);
    // The header is redrawn for the new width: its right-aligned date comes into the first 60
    // columns (at 100 columns it was beyond them).
    let start = Instant::now();
    while !term
        .with_screen(|s| s.contents())
        .lines()
        .next()
        .unwrap_or_default()
        .contains("今天")
    {
        assert!(
            start.elapsed() < WAIT,
            "no redraw:\n{}",
            term.with_screen(|s| s.contents())
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    term.press(b"2", Some("配合任务"), None);
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0, "the board ended with an error:\n{}", tail(&raw));
    assert!(!raw.contains("\x1b[6n"), "a cursor-position query was sent");
}

#[test]
fn a_terminal_reporting_65535_by_65535_is_drawn_within_the_cap_and_quits_cleanly() {
    let dir = board_dir();
    let mut term = Launch::new(dir.path())
        .args(&["--lang", "en"])
        .only_env(&[("TERM", "xterm-256color")])
        // The screen kept here is the cap's size: what is drawn must fit it exactly.
        .size(1000, 500)
        .reported_size(65535, 65535)
        .spawn();
    // The header's right end (the date) is within the 1000 columns drawn.
    term.wait_screen("the header drawn 1000 columns wide", |s| {
        let header = s.contents_between(0, 0, 0, 1000);
        header.contains("闵府发") && header.contains("Today")
    });
    // Keys still work: the board did not abort on a screen buffer of 4 billion cells.
    term.send(b"2");
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0, "the board ended with an error:\n{}", tail(&raw));
    assert!(
        raw.ends_with_modes_left(),
        "terminal not restored: {:?}",
        tail(&raw)
    );
    // At most 1000x500 cells were drawn: a few megabytes at most, never gigabytes.
    assert!(raw.len() < 64 << 20, "{} bytes written", raw.len());
}

#[test]
fn an_abort_as_after_a_failed_allocation_restores_the_terminal() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "xterm-256color")]);
    term.wait_for_text("按状态", WAIT);
    // Rust aborts when an allocation fails: no panic hook runs, only a SIGABRT handler.
    let status = std::process::Command::new("kill")
        .args(["-ABRT", &term.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, raw) = term.finish();
    assert_ne!(code, 0, "an abort must still end the board as an abort");
    assert!(
        raw.ends_with_modes_left(),
        "terminal not restored: {:?}",
        tail(&raw)
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "xterm-256color")]);
    term.wait_for_text("按状态", WAIT);
    let pid = term.pid();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (_, raw) = term.finish();
    assert!(
        raw.ends_with_modes_left(),
        "terminal not restored: {:?}",
        tail(&raw)
    );
}

#[test]
fn a_click_on_a_header_tab_switches_the_view_and_no_mouse_leaves_the_mouse_alone() {
    let dir = board_dir();
    let mut term = start(dir.path(), &[], &[("TERM", "xterm-256color")]);
    term.wait_for_text("按单位", WAIT);
    let first_row = term
        .with_screen(|s| s.contents())
        .lines()
        .next()
        .unwrap()
        .to_string();
    // Columns of a CJK row: each Han character takes two cells.
    let before: String = first_row.split("按单位").next().unwrap().to_string();
    let column = unicode_width::UnicodeWidthStr::width(before.as_str()) + 1;
    // SGR mouse report: press and release of the left button (1-based column and row).
    term.press(
        format!("\x1b[<0;{column};1M\x1b[<0;{column};1m").as_bytes(),
        Some("配合任务"),
        None,
    );
    term.send(b"q");
    let (_, raw) = term.finish();
    assert!(
        raw.contains("\x1b[?1000h"),
        "mouse capture was not turned on"
    );
    assert!(raw.contains("\x1b[?1000l"), "mouse capture was left on");
    // Clicks and the wheel only: no report for every mouse move over the SSH link.
    assert!(!raw.contains("\x1b[?1003h"), "any-motion mouse tracking");

    let mut term = start(dir.path(), &["--no-mouse"], &[("TERM", "xterm-256color")]);
    term.wait_for_text("按单位", WAIT);
    term.send(b"q");
    let (code, raw) = term.finish();
    assert_eq!(code, 0);
    assert!(
        !raw.contains("\x1b[?1000h"),
        "--no-mouse captured the mouse"
    );
}

fn tail(raw: &str) -> &str {
    let start = raw.len().saturating_sub(200);
    let start = (start..raw.len())
        .find(|i| raw.is_char_boundary(*i))
        .unwrap_or(raw.len());
    &raw[start..]
}

trait Restored {
    fn ends_with_modes_left(&self) -> bool;
}

impl Restored for String {
    /// Every mode the board turns on is turned off after it was last turned on: mouse capture,
    /// bracketed paste, the alternate screen.
    fn ends_with_modes_left(&self) -> bool {
        [
            ("\x1b[?1000h", "\x1b[?1000l"),
            ("\x1b[?2004h", "\x1b[?2004l"),
            ("\x1b[?1049h", "\x1b[?1049l"),
        ]
        .iter()
        .all(|(on, off)| match (self.rfind(on), self.rfind(off)) {
            (Some(on), Some(off)) => off > on,
            (None, _) => true,
            (Some(_), None) => false,
        }) && self.contains("\x1b[?1049l")
    }
}

#[test]
fn an_unreadable_keys_file_in_the_config_folder_only_warns() {
    // Under `sudo -u`, HOME may be another user's; the board must still start.
    let dir = board_dir();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("ftz-board/keys.ron")).unwrap();
    let xdg = config.to_str().unwrap();
    let env = [("TERM", "xterm-256color"), ("XDG_CONFIG_HOME", xdg)];
    let mut term = start(dir.path(), &["--lang", "en"], &env);
    term.wait_for_text("cannot read the keys file", WAIT);
    term.wait_for_text("By status", WAIT);
    term.send(b"q");
    assert_eq!(term.finish().0, 0);
}
