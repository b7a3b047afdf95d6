//! The real binary in a pseudo-terminal, its screen read by vt100 (matching raw bytes fails on
//! Chinese: ratatui sends only the cells that changed, with cursor moves between them).

use crate::common;

use std::path::Path;
use std::time::Duration;

use crate::driver::Pty;
use common::snapshot;
use ftz_board::model::{Change, Status};
use ftz_board::store;

/// Generous: a debug build on two busy cores. The waits end as soon as the text is there.
const WAIT: Duration = Duration::from_secs(15);

const COLUMN_TITLES: [&str; 4] = ["未启动", "推进中", "需协调", "已完成"];

fn load(path: &Path) -> ftz_board::model::Board {
    store::Store::new(path).load().unwrap().board
}

fn history(path: &Path) -> ftz_board::model::History {
    store::Store::new(path).load_history().unwrap()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The text in terminal output, without escape sequences and control characters.
fn printable(output: &str) -> String {
    let mut text = String::new();
    let mut chars = output.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters, then a final byte from @ to ~. Others: ESC and one character.
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else if !c.is_control() {
            text.push(c);
        }
    }
    text
}

#[test]
fn moving_a_task_with_l_saves_it_and_quitting_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // No --file and no ./board.ron: the board creates it from the built-in plan.
    // No --today: a board looking back at another date is read-only.
    let mut pty = Pty::spawn(&[], dir.path(), 80, 24);
    pty.wait_for_text("提升虹桥", WAIT);
    // Waiting for every title (not just the first) also waits out a frame split across reads.
    pty.wait_for("19 tasks not started, and all four columns", WAIT, |s| {
        s.contains("未启动 19") && COLUMN_TITLES.iter().all(|t| s.contains(t))
    });
    assert!(dir.path().join("board.ron").exists());

    pty.send(b"L");
    pty.wait_for("task 1 in 推进中", WAIT, |s| {
        s.contains("未启动 18") && s.contains("推进中 1 ") && s.contains("已保存")
    });
    // The card moved with it, and the selection too: the second column's first card is task 1,
    // with the selection marker `▸` in its border.
    let second_column_card = pty.rows().iter().any(|r| {
        r.split(['│', '▸'])
            .nth(3)
            .is_some_and(|c| c.starts_with(" 1 提升虹桥"))
    });
    assert!(second_column_card, "{}", pty.contents());

    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);

    let board = load(&dir.path().join("board.ron"));
    assert_eq!(board.task(1).unwrap().status, Status::InProgress);
    let history = history(&dir.path().join("board.ron"));
    let history = history.entries();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].task, Some(1));
    assert_eq!(history[0].user, "tester");
    assert_eq!(
        history[0].change,
        Change::Status {
            from: Status::NotStarted,
            to: Status::InProgress,
            was_completed_on: None,
            completed_on: None,
        }
    );

    // The terminal is back as it was: main screen, cursor visible, nothing drawn after leaving.
    let raw = pty.raw();
    let entered = find(&raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = find(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    let after = String::from_utf8_lossy(&raw[left..]).into_owned();
    assert!(
        after.contains("\x1b[?25h"),
        "cursor not shown again: {after:?}"
    );
    assert_eq!(
        printable(&after).trim(),
        "",
        "output after leaving: {after:?}"
    );
}

#[test]
fn at_80x24_all_four_columns_show_and_looking_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let out = std::process::Command::new(common::BIN)
        .args(["init", "--file"])
        .arg(&path)
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap();
    assert!(out.status.success());
    let before = snapshot(&path);

    let mut pty = Pty::spawn(
        &["--file", "board.ron", "--today", "2025-06-01"],
        dir.path(),
        80,
        24,
    );
    // A frame can arrive in several reads: wait for its last row, the footer. With --today the
    // header says the board is looked at as of that date.
    pty.wait_for("the whole first frame", WAIT, |s| {
        s.contains("回顾 2025-06-01") && s.contains("文件 board.ron")
    });
    let rows = pty.rows();
    // The first column's title and the strips of the empty columns name every status.
    assert!(
        COLUMN_TITLES
            .iter()
            .all(|t| rows[2].contains(t) || rows[3].contains(t)),
        "{}",
        rows.join("\n")
    );
    assert!(rows[3].contains("逾期152天"), "{}", rows.join("\n"));
    assert!(rows[23].ends_with("文件 board.ron"), "{}", rows[23]);

    // Moving the selection and opening the detail only look at the board.
    pty.send(b"j");
    pty.send(b"\r");
    pty.wait_for_text("任务详情 #2", WAIT);
    pty.send(b"\x1b");
    pty.wait_for("the detail to close", WAIT, |s| !s.contains("任务详情 #2"));
    pty.send(b"\x03"); // Ctrl-C
    assert_eq!(pty.wait_exit(WAIT), 0);
    assert_eq!(snapshot(&path), before);
}

#[test]
fn resizing_redraws_for_the_new_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["--today", "2025-06-01"], dir.path(), 80, 24);
    pty.wait_for_text("未启动 19", WAIT);

    pty.resize(40, 8);
    pty.wait_for_text("终端太小", WAIT);

    pty.resize(120, 30);
    pty.wait_for("the board at 120x30", WAIT, |s| {
        s.contains("未启动 19") && !s.contains("终端太小")
    });
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}

#[test]
fn a_chinese_note_typed_and_pasted_in_the_board_is_saved_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["--user", "张三"], dir.path(), 100, 30);
    pty.wait_for_text("提升虹桥", WAIT);
    // Down to task 2, then `n`: the note editor names the task.
    pty.send(b"j");
    pty.send(b"n");
    pty.wait_for_text("写进展 #2", WAIT);
    // Typed as an input method delivers it (UTF-8 characters), then a bracketed paste carrying an
    // escape sequence, which must be cleaned before it is stored.
    pty.send("已与市商务委对接".as_bytes());
    pty.send("\x1b[200~，下周召开\x1b[31m专题会\x1b[201~".as_bytes());
    pty.wait_for_text("专题会", WAIT);
    pty.send(b"\r");
    pty.wait_for_text("已添加进展", WAIT);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);

    let board = load(&dir.path().join("board.ron"));
    let notes = &board.task(2).unwrap().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "已与市商务委对接，下周召开[31m专题会");
    assert_eq!(notes[0].author, "张三");
    let history = history(&dir.path().join("board.ron"));
    let last = history.entries().last().unwrap();
    assert_eq!((last.task, last.user.as_str()), (Some(2), "张三"));
    assert!(matches!(&last.change, Change::NoteAdded { .. }));
}
