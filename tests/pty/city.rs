//! The city view in the real board (issue 16): three boards in a folder opened with `--dir`, a
//! change made in it landing in its task's file only, and a colleague's change to another of the
//! files showing by itself.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ftz_board::model::Status;
use ftz_board::store::Store;

use crate::common::BIN;
use crate::driver::Launch;

const WAIT: Duration = Duration::from_secs(15);
const NOW: &str = "2025-06-30T10:00:00+08:00";

fn run(dir: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("FTZ_BOARD_NOW", NOW)
        .env("HOME", dir)
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn in_progress(dir: &Path, file: &str) -> Vec<u32> {
    let board = Store::new(dir.join(file)).load().unwrap().board;
    board
        .tasks
        .iter()
        .filter(|t| t.status == Status::InProgress)
        .map(|t| t.id)
        .collect()
}

#[test]
fn three_boards_open_as_one_and_a_change_lands_in_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    // Letters follow the files' order: A 临港, B 浦东, C 闵行.
    for name in ["闵行.ron", "浦东.ron", "临港.ron"] {
        run(dir.path(), &["init", "--file", name]);
    }
    let folder = dir.path().to_str().unwrap();
    let mut pty = Launch::new(dir.path())
        .args(&["--dir", folder, "--user", "zhang"])
        .env("FTZ_BOARD_NOW", NOW)
        .size(100, 30)
        .spawn();
    pty.wait_for("every board's tasks", WAIT, |s| {
        s.contains("3 个看板") && s.contains("共 57") && s.contains("A1 ")
    });
    // A new task needs a board to go to: refused before anything is typed.
    pty.send(b"a");
    pty.wait_for_text("请先按看板键选定一个看板 (s)", WAIT);
    // `s` shows A, then B.
    pty.send(b"s");
    pty.wait_for_text("只显示看板 A 临港", WAIT);
    pty.send(b"s");
    pty.wait_for("board B alone", WAIT, |s| {
        s.contains("B 浦东   共 19") && !s.contains("A1 ")
    });
    pty.send(b"L");
    pty.wait_for_text("已移至 推进中 - 已保存", WAIT);
    let moved: u32 = {
        let screen = pty.contents();
        let at = screen.find("#B").expect("the message names the task");
        screen[at + 2..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    assert_eq!(in_progress(dir.path(), "浦东.ron"), [moved]);
    // `e` reports the board shown, as that board alone: its 19 tasks, its own unit names.
    pty.send(b"e");
    pty.wait_for_text("已导出", WAIT);
    // Named by its board, in the file name and the title, so two boards' reports side by side
    // are told apart.
    let report = std::fs::read_to_string(dir.path().join("ftz-report-2025-06-30-浦东.md")).unwrap();
    assert!(
        report.starts_with("# 闵府发〔2024〕17号 浦东 推进情况报告"),
        "{report}"
    );
    assert!(report.contains("| 任务总数 | 19 |"), "{report}");
    assert!(!report.contains("浦东/"), "{report}");
    assert!(in_progress(dir.path(), "临港.ron").is_empty());
    assert!(in_progress(dir.path(), "闵行.ron").is_empty());
    // A colleague's note in the third file shows by itself, under the city's number.
    run(
        dir.path(),
        &[
            "--file",
            "闵行.ron",
            "--user",
            "wang",
            "note",
            "7",
            "已与市里对接",
        ],
    );
    pty.wait_for_text("wang 为 #C7 写了进展", WAIT);
    pty.send(b"q");
    pty.wait_for_exit();
}

#[test]
fn a_broken_file_stops_changes_to_its_board_only() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["浦东.ron", "临港.ron"] {
        run(dir.path(), &["init", "--file", name]);
    }
    let folder = dir.path().to_str().unwrap();
    let mut pty = Launch::new(dir.path())
        .args(&["--dir", folder, "--user", "zhang"])
        .env("FTZ_BOARD_NOW", NOW)
        .size(100, 30)
        .spawn();
    pty.wait_for_text("2 个看板", WAIT);
    // Someone breaks 浦东.ron (B) by hand.
    let path = dir.path().join("浦东.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("status: not_started", "status: doingg", 1);
    std::fs::write(&path, &broken).unwrap();
    pty.wait_for_text("doingg", WAIT);
    // B refuses, and says which file and why.
    pty.send(b"s");
    pty.wait_for_text("只显示看板 A 临港", WAIT);
    pty.send(b"s");
    pty.wait_for_text("只显示看板 B 浦东", WAIT);
    pty.send(b"L");
    pty.wait_for("the refusal", WAIT, |s| {
        s.contains("浦东.ron") && s.contains("doingg")
    });
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        broken,
        "never written over"
    );
    // A still saves.
    pty.send(b"s");
    pty.wait_for_text("显示全部看板", WAIT);
    pty.send(b"s");
    pty.wait_for_text("只显示看板 A 临港", WAIT);
    pty.send(b"L");
    pty.wait_for_text("已移至 推进中 - 已保存", WAIT);
    assert_eq!(in_progress(dir.path(), "临港.ron").len(), 1);
    pty.send(b"q");
    pty.wait_for_exit();
}
