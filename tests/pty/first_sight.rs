//! The first screen of a new board in a real terminal: the headline, the footer's keys once the
//! first run's message has gone, and a task that moved no longer stale.

use std::time::{Duration, Instant};

use crate::driver::Pty;

/// The footer's message stays 5 seconds: this allows for a loaded machine.
const WAIT: Duration = Duration::from_secs(20);

#[test]
fn a_new_board_shows_the_headline_and_its_keys_come_back_after_the_first_run_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&["--file", "b.ron"], dir.path(), 80, 24);
    pty.wait_for_text("已根据内置计划新建", WAIT);
    let shown = Instant::now();
    // Every deadline of the plan has passed (the board is made on the machine's date, after
    // 2025): all 19 overdue and red.
    pty.wait_for("the headline", WAIT, |s| {
        s.contains("共 19") && s.contains("逾期 19") && s.contains("红19")
    });
    let footer = |pty: &Pty| pty.rows().last().cloned().unwrap_or_default();
    assert!(!footer(&pty).contains("? 帮助"), "{}", footer(&pty));
    // No key pressed: the message goes by itself and the keys are back.
    pty.wait_for("the footer's keys", WAIT, |s| {
        s.contains("? 帮助  n 写进展") && !s.contains("已根据内置计划新建")
    });
    assert!(
        shown.elapsed() >= Duration::from_secs(4),
        "{:?}",
        shown.elapsed()
    );
    let keys = footer(&pty);
    assert!(
        keys.contains("Enter 详情") && keys.ends_with("b.ron"),
        "{keys}"
    );
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}

#[test]
fn an_old_task_moved_today_is_no_longer_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    // A board made long ago: every task untouched since, so stale.
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.created_on = Some("2025-01-01".parse().unwrap());
    ftz_board::store::Store::new(&path).create(&board).unwrap();
    let mut pty = Pty::spawn(&["--file", "b.ron"], dir.path(), 120, 40);
    // Full cards (`z` twice) show the stale mark.
    pty.wait_for_text("提升虹桥", WAIT);
    pty.send(b"zz");
    pty.wait_for("task 1 stale", WAIT, |s| {
        s.contains("久未更新") && s.contains("卡片:完整")
    });
    pty.send(b"L");
    pty.wait_for("task 1 moved", WAIT, |s| s.contains("推进中 1"));
    // Task 1's card in the second column (selected: `▸` in its border): its units line no
    // longer says stale.
    let rows = pty.rows();
    let at = rows
        .iter()
        .position(|r| r.contains("▸ 1 提升虹桥"))
        .unwrap();
    let units = &rows[at + 1];
    let second = units.split('│').nth(3).unwrap_or_default();
    assert!(
        second.contains("莘庄海关") && !second.contains("久未更新"),
        "{units}"
    );
    // The cards still in 未启动 stay stale.
    assert!(
        units
            .split('│')
            .nth(1)
            .unwrap_or_default()
            .contains("久未更新"),
        "{units}"
    );
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}
