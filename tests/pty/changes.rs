//! The changes view in the real board: `4` lists what happened since the last meeting, a change
//! made from the shell meanwhile appears in it, and `S` starts it elsewhere.

use std::process::Command;
use std::time::Duration;

use crate::common::BIN;
use crate::time::{board_with_history, open};

const WAIT: Duration = Duration::from_secs(20);

/// A note from the shell, by another user, at a time in the window (the board's clock is fixed at
/// 2025-06-30 10:00 by `open`).
fn note_from_the_shell(dir: &std::path::Path, id: &str, text: &str) {
    let out = Command::new(BIN)
        .current_dir(dir)
        .args(["-f", "board.ron", "--user", "colleague", "note", id, text])
        .env("FTZ_BOARD_NOW", "2025-06-30T11:00:00+08:00")
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "note failed: {err}");
}

#[test]
fn the_changes_view_shows_a_change_made_from_the_shell_and_s_moves_its_start() {
    let dir = tempfile::tempdir().unwrap();
    board_with_history(dir.path());
    let mut pty = open(dir.path());
    pty.wait_for_text("今天 2025-06-30", WAIT);
    pty.send(b"4");
    pty.wait_for("the changes since the meeting of 05-02", WAIT, |s| {
        s.contains("自上次会议（2025-05-02）至 2025-06-30，共 2 项")
            && s.contains("#17 ")
            && s.contains("lina  状态")
    });
    assert!(
        !pty.contents().contains("#3 "),
        "#3 moved before the meeting"
    );
    note_from_the_shell(dir.path(), "9", "已与知识产权保护中心签约");
    pty.wait_for("the shell's note in the view", WAIT, |s| {
        s.contains("#9 ")
            && s.contains("colleague  进展：已与知识产权保护中心签约")
            && s.contains("共 3 项")
    });
    // `S`: a start typed as a date; #3's completion (03-05) comes into the window.
    pty.send(b"S");
    pty.wait_for_text("变化起始日期", WAIT);
    pty.send(b"2025-03-01\r");
    pty.wait_for("the window from 03-01", WAIT, |s| {
        s.contains("2025-03-01 至 2025-06-30，共 4 项") && s.contains("#3 ")
    });
    // Enter on nothing: since the last meeting again.
    pty.send(b"S");
    pty.wait_for_text("变化起始日期", WAIT);
    pty.send(b"\r");
    pty.wait_for_text("自上次会议（2025-05-02）", WAIT);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}
