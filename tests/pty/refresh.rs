//! The board in a real pseudo-terminal while others change its file: live refresh, its own saves,
//! a broken file appearing underneath it, read-only boards, and hang-up/termination signals.
//!
//! The screen is reconstructed by vt100 from what the board writes; Chinese cannot be matched in
//! the raw stream (ratatui moves the cursor after wide characters). Every wait polls the screen
//! until a condition holds or a generous deadline passes, so a loaded machine is slower, not red.

mod screen;

use std::ffi::OsString;
use std::fs::OpenOptions;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::BIN;
use crate::driver::{Launch, Pty};
use screen::{COLS, ROWS, bytes_read, column, footer, header, selected_card, signal};

/// Opens `board.ron` in `dir` (by its relative name, as a user who `cd`s there would), keeping
/// every screen for claims about what never appeared.
fn open(dir: &Path, extra: &[&str]) -> Pty {
    let mut argv: Vec<OsString> = vec![BIN.into(), "-f".into(), "board.ron".into()];
    argv.extend(extra.iter().map(OsString::from));
    spawn(dir, argv)
}

fn spawn(dir: &Path, argv: Vec<OsString>) -> Pty {
    Launch::new(dir)
        .argv(argv)
        .size(COLS, ROWS)
        .frames()
        .spawn()
}

/// A folder with `board.ron` made from the built-in plan.
fn new_board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    cli(&path, &["init"]);
    (dir, path)
}

/// Runs a command-line change as another user would; it must succeed.
fn cli(board: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .arg("-f")
        .arg(board)
        .args(["--user", "colleague"])
        .args(args)
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ftz-board {args:?} failed: {err}");
}

/// Replaces the file as an editor that saves atomically would.
fn replace(board: &Path, text: &str) {
    let temp = board.with_file_name(".board.ron.editor");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, board).unwrap();
}

fn board_open(tui: &Pty) {
    tui.wait_screen("the board", |s| column(s, 0).contains("未启动 19"));
}

#[test]
fn a_change_from_another_process_is_on_screen_within_a_second_keeping_the_selection() {
    let (dir, board) = new_board();
    let mut tui = open(dir.path(), &[]);
    board_open(&tui);
    tui.send(b"jj");
    tui.wait_screen("task 3 selected", |s| {
        selected_card(s).is_some_and(|c| c.starts_with(" 3 "))
    });

    cli(&board, &["status", "1", "in_progress"]);
    let took = tui.wait_screen("task 1 under 推进中 and the reload message", |s| {
        let doing = column(s, 1);
        doing.contains("推进中 1")
            && doing.contains(" 1 提升虹桥")
            && footer(s).contains("colleague 把 #1 移至 推进中")
    });
    assert!(took < Duration::from_secs(1), "the redraw took {took:?}");
    tui.with_screen(|s| {
        assert!(column(s, 0).contains("未启动 18"), "{}", s.contents());
        let selected = selected_card(s).unwrap_or_default();
        assert!(
            selected.starts_with(" 3 "),
            "selection moved to {selected:?}"
        );
    });
}

#[test]
fn a_board_opened_through_a_symbolic_link_shows_changes_made_where_the_file_really_is() {
    let (_shared, board) = new_board();
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&board, home.path().join("board.ron")).unwrap();
    let tui = open(home.path(), &[]);
    board_open(&tui);
    cli(&board, &["status", "1", "in_progress"]);
    tui.wait_screen("task 1 under 推进中", |s| {
        column(s, 1).contains(" 1 提升虹桥") && footer(s).contains("colleague 把 #1 移至 推进中")
    });
}

#[test]
fn an_idle_board_stops_reading_the_file_once_others_have_changed_and_read_it() {
    let (dir, board) = new_board();
    let tui = open(dir.path(), &[]);
    board_open(&tui);
    cli(&board, &["status", "1", "in_progress"]);
    tui.wait_screen("the reload", |s| footer(s).contains("colleague 把 #1"));
    // A colleague reads the file, and the board itself has just read it for the reload.
    let _ = std::fs::read(&board).unwrap();
    let size = std::fs::metadata(&board).unwrap().len();
    let before = bytes_read(tui.pid());
    std::thread::sleep(Duration::from_millis(600));
    // The watcher may still take in the notice of that read (a few dozen bytes) and drop it; a
    // reload would read the whole file.
    let read = bytes_read(tui.pid()) - before;
    assert!(
        read < size,
        "an idle board kept reading: {read} bytes in 0.6 s"
    );
}

#[test]
fn the_boards_own_save_is_not_announced_as_someone_elses() {
    let (dir, board) = new_board();
    let mut tui = open(dir.path(), &[]);
    board_open(&tui);
    let pressed = Instant::now();
    tui.send(b"L");
    tui.wait_screen("the save", |s| footer(s).contains("已保存"));
    let text = std::fs::read_to_string(&board).unwrap();
    let saved = ftz_board::store::parse(&text, &board).unwrap();
    assert_eq!(saved.task(1).unwrap().status.name(), "in_progress");
    // The watcher reports our own rename tens of milliseconds later; give it ample time to be
    // (wrongly) taken for someone else's change before looking.
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        !tui.showed_since(pressed, "已载入") && !tui.showed_since(pressed, "tester 把"),
        "our own save was announced as a reload"
    );

    // The watcher is alive: someone else's change is announced, with who and what.
    cli(&board, &["status", "2", "in_progress"]);
    tui.wait_screen("the reload", |s| {
        footer(s).contains("colleague 把 #2 移至 推进中")
    });
}

#[test]
fn a_broken_file_keeps_the_last_good_board_with_a_located_warning_and_no_saving() {
    let (dir, board) = new_board();
    let mut tui = open(dir.path(), &[]);
    board_open(&tui);
    // Save something first: the warning must replace the "saved" message, not hide behind it.
    tui.send(b"L");
    tui.wait_screen("the save", |s| footer(s).contains("已保存"));
    let good = std::fs::read_to_string(&board).unwrap();

    // Task 2 is now the first one not started.
    let broken = good.replacen("status: not_started,", "status: doing,", 1);
    let (line, text) = broken
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("status: doing"))
        .unwrap();
    let column_of_value = text[..text.find("doing").unwrap()].chars().count() + 1;
    let location = format!("board.ron:{}:{column_of_value}:", line + 1);
    replace(&board, &broken);
    tui.wait_screen("the warning", |s| {
        let footer = footer(s);
        footer.contains("文件有误")
            && footer.contains(&location)
            && footer.contains("unknown status `doing`")
    });
    tui.with_screen(|s| {
        assert!(column(s, 0).contains("未启动 18"), "{}", s.contents());
        assert!(column(s, 1).contains(" 1 提升虹桥"), "{}", s.contents());
    });

    // Moving a task is refused; `?` afterwards proves the key was handled before we look.
    tui.send(b"L?");
    tui.wait_screen("help", |s| s.contents().contains("快捷键"));
    let now = std::fs::read_to_string(&board).unwrap();
    assert_eq!(now, broken, "the file was written");
    tui.send(b"\x1b");
    tui.wait_screen("help closed", |s| !s.contents().contains("快捷键"));

    // Someone fixes it, moving task 2 to 需协调 as they do: the warning goes, their change shows.
    replace(
        &board,
        &good.replacen("status: not_started,", "status: blocked,", 1),
    );
    tui.wait_screen("the fixed board", |s| {
        column(s, 2).contains(" 2 拓展公用型") && footer(s).contains("已载入他人的修改")
    });
    tui.with_screen(|s| assert!(!footer(s).contains("文件有误"), "{}", footer(s)));
}

#[test]
fn a_read_only_board_marks_its_header_and_refuses_to_move_tasks() {
    let (dir, board) = new_board();
    let before = std::fs::read(&board).unwrap();
    let mut tui = open(dir.path(), &["--read-only"]);
    board_open(&tui);
    tui.with_screen(|s| assert!(header(s).contains("[只读]"), "{}", header(s)));
    tui.send(b"L");
    tui.wait_screen("the refusal", |s| footer(s).contains("只读模式，不能修改"));
    // Nothing moved: 推进中 is still an empty strip, all 19 under 未启动.
    tui.with_screen(|s| {
        assert!(column(s, 0).contains("未启动 19"), "{}", s.contents());
        let doing = column(s, 1);
        assert!(
            doing.contains("推进中") && !doing.contains(" 1 "),
            "{}",
            s.contents()
        );
    });
    assert_eq!(std::fs::read(&board).unwrap(), before);
}

#[test]
fn a_board_file_the_user_may_not_write_opens_read_only() {
    let (dir, board) = new_board();
    // The folder stays writable for everyone; only the file is not.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&board, std::fs::Permissions::from_mode(0o444)).unwrap();
    // In practice the lock file is shared with the group; here anyone may write it, so that only
    // the board file's own mode can make the board read-only.
    let lock = ftz_board::store::lock_path(&board);
    std::fs::set_permissions(lock, std::fs::Permissions::from_mode(0o666)).unwrap();
    let before = std::fs::read(&board).unwrap();
    let mut argv: Vec<OsString> = vec![BIN.into(), "-f".into(), "board.ron".into()];
    if std::fs::metadata("/proc/self").unwrap().uid() == 0 {
        // Root may write any file, so look at it as an ordinary user: nobody (65534).
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root and setpriv is missing to drop to another user");
            return;
        }
        let drop_root = [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
        ];
        argv.splice(0..0, drop_root.map(OsString::from));
    }
    let mut tui = spawn(dir.path(), argv);
    board_open(&tui);
    tui.with_screen(|s| assert!(header(s).contains("[只读]"), "{}", header(s)));
    tui.send(b"L");
    tui.wait_screen("the refusal", |s| footer(s).contains("只读模式，不能修改"));
    assert_eq!(std::fs::read(&board).unwrap(), before);
}

/// A signal while a save may be under way: the board exits on its own, restores the terminal,
/// leaves a valid file and no lock behind.
fn ends_cleanly_on(signal_name: &str) {
    let (dir, board) = new_board();
    let mut tui = open(dir.path(), &[]);
    board_open(&tui);
    tui.send(b"L");
    assert!(signal(tui.pid(), signal_name), "kill -{signal_name} failed");
    let status = tui.wait_for_exit();
    assert!(status.success(), "exit after SIG{signal_name}: {status:?}");
    tui.with_screen(|s| assert!(!s.alternate_screen(), "the terminal was not restored"));

    let text = std::fs::read_to_string(&board).unwrap();
    ftz_board::store::parse(&text, &board).unwrap_or_else(|e| panic!("after the signal: {e}"));
    let lock = OpenOptions::new()
        .read(true)
        .open(ftz_board::store::lock_path(&board))
        .unwrap();
    assert!(lock.try_lock().is_ok(), "the lock is still held");
    drop(lock);
    cli(&board, &["note", "1", "after the board ended"]);
}

#[test]
fn sighup_from_a_dropped_connection_ends_the_board_cleanly() {
    ends_cleanly_on("HUP");
}

#[test]
fn sigterm_ends_the_board_cleanly() {
    ends_cleanly_on("TERM");
}
