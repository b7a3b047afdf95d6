//! Issue 15 in a real terminal: `e` never replaces a report, and a colleague's change is named
//! (who and what) when the board takes it in.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::BIN;
use crate::driver::{Launch, Pty};

const WAIT: Duration = Duration::from_secs(15);

fn cli(dir: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .current_dir(dir)
        .args(["-f", "board.ron"])
        .args(args)
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ftz-board {args:?} failed: {err}");
}

/// A board from the built-in plan, open at 160x30 (room for the export message in full).
fn open_board() -> (tempfile::TempDir, Pty) {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["init"]);
    let pty = Launch::new(dir.path())
        .args(&["-f", "board.ron"])
        .size(160, 30)
        .spawn();
    pty.wait_for_text("提升虹桥", WAIT);
    (dir, pty)
}

fn reports(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ftz-report-"))
        .collect();
    names.sort();
    names
}

/// The screen row that holds `text`, wherever the layout puts it.
fn row_with(pty: &Pty, text: &str) -> String {
    pty.rows()
        .into_iter()
        .find(|r| r.contains(text))
        .unwrap_or_default()
}

#[test]
fn exporting_twice_keeps_the_first_report_and_says_where_the_second_went() {
    let (dir, mut pty) = open_board();
    pty.send(b"e");
    pty.wait_for_text("已导出", WAIT);
    let first = reports(dir.path());
    assert_eq!(first.len(), 2, "{first:?}");
    let md = first.iter().find(|n| n.ends_with(".md")).unwrap().clone();
    let before = std::fs::read(dir.path().join(&md)).unwrap();
    // Something on the board changes, then a second export the same day.
    pty.send(b"L");
    pty.wait_for_text("已保存", WAIT);
    pty.send(b"e");
    pty.wait_for_text("-2.xlsx", WAIT);
    let all = reports(dir.path());
    assert_eq!(all.len(), 4, "two new files beside the first two: {all:?}");
    for name in &first {
        assert!(all.contains(name), "{name} is gone: {all:?}");
    }
    assert_eq!(
        std::fs::read(dir.path().join(&md)).unwrap(),
        before,
        "the first report is as it was"
    );
    let second: Vec<&String> = all.iter().filter(|n| !first.contains(n)).collect();
    let message = row_with(&pty, "已导出");
    for name in &second {
        assert!(name.contains("-2."), "{name}");
        assert!(message.contains(name.as_str()), "{message}");
    }
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    let shown_folder = message.contains(&folder.display().to_string())
        || message.contains(&dir.path().display().to_string());
    assert!(shown_folder, "the folder is named: {message}");
}

#[test]
fn a_unit_filtered_board_exports_that_units_report() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["init"]);
    let mut pty = Launch::new(dir.path())
        .args(&["-f", "board.ron", "--unit", "商务委"])
        .size(160, 30)
        .spawn();
    pty.wait_for_text("区商务委", WAIT);
    pty.send(b"e");
    pty.wait_for_text("已导出", WAIT);
    let names = reports(dir.path());
    let md = names
        .iter()
        .find(|n| n.ends_with("-区商务委.md"))
        .unwrap_or_else(|| panic!("{names:?}"));
    let text = std::fs::read_to_string(dir.path().join(md)).unwrap();
    let title = text.lines().next().unwrap();
    assert!(title.contains("区商务委"), "{title}");
}

#[test]
fn a_colleagues_change_from_the_shell_is_named_on_the_open_board() {
    let (dir, pty) = open_board();
    cli(dir.path(), &["--user", "李娜", "status", "3", "done"]);
    pty.wait_for_text("李娜 把 #3 移至 已完成", WAIT);
    cli(dir.path(), &["--user", "王芳", "note", "4", "已对接"]);
    pty.wait_for_text("王芳 为 #4 写了进展", WAIT);
}
