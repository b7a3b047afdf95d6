//! A merge conflict settled in the real board (issue 16): two copies of one board change task 3's
//! status each their own way, the merge driver writes the conflict into the file, the board shows
//! it at the top, and `C`, a side and Enter settle it on disk, so that `check` passes again.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use ftz_board::model::Status;
use ftz_board::store::Store;

use crate::common::BIN;
use crate::driver::Launch;

const WAIT: Duration = Duration::from_secs(15);
const NOW: &str = "2025-06-30T10:00:00+08:00";

/// `ftz-board ARGS --user USER` in `dir`, at the test's date.
fn board(dir: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(["--user", user])
        .current_dir(dir)
        .env("FTZ_BOARD_NOW", NOW)
        .env("HOME", dir)
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap()
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `board.ron` (ours: lina marked task 3 done) merged by the driver with `theirs.ron` (wang marked
/// it blocked), from their common `base.ron`; the histories joined as git's union merge does.
fn conflicted_board(dir: &Path) {
    let mut plan = ftz_board::plan::builtin_plan().unwrap();
    for task in &mut plan.tasks {
        task.deadline = "2025-12-31".parse().unwrap();
    }
    Store::new(dir.join("base.ron")).create(&plan).unwrap();
    for name in ["board.ron", "theirs.ron"] {
        std::fs::copy(dir.join("base.ron"), dir.join(name)).unwrap();
    }
    let ours = board(dir, "lina", &["--file", "board.ron", "status", "3", "done"]);
    assert!(ours.status.success(), "{}", said(&ours));
    let theirs = board(
        dir,
        "wang",
        &["--file", "theirs.ron", "status", "3", "blocked"],
    );
    assert!(theirs.status.success(), "{}", said(&theirs));
    let merged = board(
        dir,
        "zhang",
        &[
            "merge-driver",
            "base.ron",
            "board.ron",
            "theirs.ron",
            "board.ron",
        ],
    );
    assert_eq!(merged.status.code(), Some(1), "{}", said(&merged));
    // In the board's default language, as git runs it.
    assert!(
        said(&merged).contains("board.ron：1 处合并冲突已作为数据写入文件"),
        "{}",
        said(&merged)
    );
    let theirs_history = std::fs::read_to_string(dir.join("theirs.ron.history")).unwrap();
    let mut history = std::fs::read_to_string(dir.join("board.ron.history")).unwrap();
    history.push_str(&theirs_history);
    std::fs::write(dir.join("board.ron.history"), history).unwrap();
    let check = board(dir, "zhang", &["--file", "board.ron", "check"]);
    assert_eq!(check.status.code(), Some(1), "{}", said(&check));
}

#[test]
fn a_conflict_from_the_merge_driver_is_settled_with_c_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    conflicted_board(dir.path());
    let mut pty = Launch::new(dir.path())
        .args(&["--file", "board.ron", "--user", "zhang"])
        .env("FTZ_BOARD_NOW", NOW)
        .size(80, 24)
        .spawn();
    pty.wait_for_text("合并冲突 1 处，按 C 处理", WAIT);
    pty.send(b"C");
    pty.wait_for("the picker with both sides", WAIT, |s| {
        s.contains("合并冲突 1")
            && s.contains("本方（lina）")
            && s.contains("对方（wang）：blocked")
    });
    pty.send(b"\r");
    pty.wait_for_text("采用哪一方", WAIT);
    pty.send(b"j\r");
    pty.wait_for("settled and saved", WAIT, |s| {
        s.contains("合并冲突已全部处理") && s.contains("已保存") && !s.contains("处，按 C 处理")
    });
    pty.send(b"q");
    pty.wait_for_exit();
    let board_now = Store::new(dir.path().join("board.ron"))
        .load()
        .unwrap()
        .board;
    assert!(board_now.conflicts.is_empty());
    assert_eq!(board_now.task(3).unwrap().status, Status::Blocked, "theirs");
    let check = board(dir.path(), "zhang", &["--file", "board.ron", "check"]);
    assert!(check.status.success(), "{}", said(&check));
}
