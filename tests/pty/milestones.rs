//! Milestones in the real board: a milestone added in a task's detail turns its light red when it
//! is already due, completing it turns the light back, and `u` undoes the completion.

use std::time::Duration;

use ftz_board::store::Store;

use crate::driver::{Launch, Pty};

const WAIT: Duration = Duration::from_secs(15);

/// The built-in plan with every deadline at the end of 2025: on 2025-06-30 each task is green.
fn open(dir: &std::path::Path) -> Pty {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    for task in &mut board.tasks {
        task.deadline = "2025-12-31".parse().unwrap();
    }
    Store::new(dir.join("board.ron")).create(&board).unwrap();
    Launch::new(dir)
        .args(&["--file", "board.ron"])
        .env("FTZ_BOARD_NOW", "2025-06-30T10:00:00+08:00")
        .size(120, 36)
        .spawn()
}

#[test]
fn a_milestone_already_due_turns_the_light_red_completing_it_green_and_u_red_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(dir.path());
    pty.wait_for_text("今天 2025-06-30", WAIT);
    pty.send(b"\r");
    pty.wait_for("the detail, green, no milestones", WAIT, |s| {
        s.contains("任务详情 #") && s.contains("◌ 绿灯") && s.contains("尚未分解节点")
    });
    pty.send(b"m");
    pty.wait_for_text("新增节点 #", WAIT);
    pty.send("完成方案报批".as_bytes());
    pty.send(b"\t2025-06-01\r");
    pty.wait_for("the milestone, missed, and the light red", WAIT, |s| {
        s.contains("1  2025-06-01  逾期 29 天") && s.contains("◉ 红灯") && s.contains("已保存")
    });
    pty.send(b"x");
    pty.wait_for_text("完成日期: 2025-06-30", WAIT);
    pty.send(b"\r");
    pty.wait_for("the milestone done and the light green", WAIT, |s| {
        s.contains("完成日期 2025-06-30") && s.contains("◌ 绿灯") && !s.contains("◉ 红灯")
    });
    pty.send(b"u");
    pty.wait_for("the completion undone: red again", WAIT, |s| {
        s.contains("已撤销") && s.contains("逾期 29 天") && s.contains("◉ 红灯")
    });
    let board = Store::new(dir.path().join("board.ron"))
        .load()
        .unwrap()
        .board;
    let task = board
        .tasks
        .iter()
        .find(|t| !t.milestones.is_empty())
        .unwrap();
    assert_eq!(task.milestones[0].completed_on, None, "the undo is saved");
    pty.send(b"q");
    pty.wait_for_exit();
}
