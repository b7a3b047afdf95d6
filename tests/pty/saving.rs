//! A save that has to wait for someone else's lock (issue 11, item 5): the board goes on reading
//! keys, says whose lock it waits for, and when the wait ends in failure the typed note is given
//! back rather than lost.

use std::fs::OpenOptions;
use std::io::Write;
use std::process::Command;
use std::time::Duration;

use crate::common::BIN;
use crate::driver::Launch;

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn a_note_saved_while_alice_holds_the_lock_waits_visibly_and_survives_the_failure() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.ron");
    let init = Command::new(BIN)
        .args(["-f", board.to_str().unwrap(), "init"])
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap();
    assert!(init.status.success());
    // Alice's board is in the middle of a save (stopped there, say): her lock is held, her note
    // is in the lock file.
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(ftz_board::store::lock_path(&board))
        .unwrap();
    lock.lock().unwrap();
    lock.set_len(0).unwrap();
    write!(&lock, "alice (pid {})", std::process::id()).unwrap();

    let mut pty = Launch::new(dir.path())
        .size(100, 30)
        .env("FTZ_BOARD_LOCK_TIMEOUT_MS", "3000")
        .spawn();
    pty.wait_for_text("提升虹桥", WAIT);
    pty.press(b"n", Some("写进展 #1"), None);
    pty.send("锁等待中的进展".as_bytes());
    pty.wait_for_text("锁等待中的进展", WAIT);
    pty.send(b"\r");
    pty.wait_for_text("等待 alice 释放文件锁", WAIT);
    // The board is not frozen: help opens and closes while the save waits.
    pty.press(b"?", Some("快捷键"), None);
    pty.press(b"\x1b", None, Some("快捷键"));

    // The wait ends without the lock: the note comes back, with the reason.
    pty.wait_for("the note given back with the failure", WAIT, |s| {
        s.contains("写进展 #1") && s.contains("锁等待中的进展") && s.contains("保存失败")
    });
    // Alice's save ends; Enter saves the same note now.
    drop(lock);
    pty.send(b"\r");
    pty.wait_for_text("已添加进展", WAIT);
    let saved = ftz_board::store::Store::new(&board).load().unwrap().board;
    let notes: Vec<&str> = saved
        .task(1)
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(notes.last(), Some(&"锁等待中的进展"), "{notes:?}");
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}
