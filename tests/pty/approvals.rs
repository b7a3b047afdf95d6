//! Sign-off across two boards on one file: a unit member requests closure in one, the office
//! confirms it in another, and the first board, refreshing, shows the task done. Where the tests
//! run as root (and `setpriv` and `useradd` exist) the two boards run as two accounts made for it,
//! since the roles go by the real uid's login; otherwise both run as this login, named in the
//! office and in the unit, and the test says which path ran.

use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::common::BIN;
use crate::driver::{Launch, Pty};

const TASK: u32 = 3;

/// An account to run a board as: (login, uid, gid); `None` runs as this process's user.
type Account = Option<(String, u32, u32)>;

fn id(flag: &str, name: &str) -> Option<u32> {
    let out = Command::new("id").args([flag, name]).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
        .flatten()
}

fn has(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A throwaway system account (made once; kept for later runs).
fn account(name: &str) -> Option<(String, u32, u32)> {
    if id("-u", name).is_none() {
        let made = Command::new("useradd")
            .args([
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                name,
            ])
            .output()
            .ok()?;
        if !made.status.success() {
            eprintln!("useradd {name}: {}", String::from_utf8_lossy(&made.stderr));
            return None;
        }
    }
    Some((name.to_string(), id("-u", name)?, id("-g", name)?))
}

/// The office's and the member's accounts: two made for the test when running as root, else
/// this login for both.
fn accounts() -> (Account, Account, String, String) {
    let me = ftz_board::identity::os_login().expect("this uid has a login name");
    if me == "root"
        && has("setpriv")
        && has("useradd")
        && let (Some(office), Some(member)) = (account("ftzb-pty-office"), account("ftzb-pty-lina"))
    {
        println!(
            "two accounts: {} (office) and {} (unit)",
            office.0, member.0
        );
        let names = (office.0.clone(), member.0.clone());
        return (Some(office), Some(member), names.0, names.1);
    }
    println!("one identity, {me}, in both the office and the unit (not root, or no setpriv)");
    (None, None, me.clone(), me)
}

/// `board.ron` in a folder everyone may write, so that only the roles decide.
fn shared_board(dir: &Path, office: &str, member: &str) {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    let lead = board.task(TASK).unwrap().lead_units[0].clone();
    let mut units = std::collections::BTreeMap::new();
    units.insert(lead, vec![member.to_string()]);
    board.roles = Some(ftz_board::model::Roles {
        office: vec![office.to_string()],
        units,
    });
    ftz_board::store::Store::new(dir.join("board.ron"))
        .create(&board)
        .unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
}

fn open(dir: &Path, account: &Account) -> Pty {
    let mut argv: Vec<OsString> = Vec::new();
    if let Some((_, uid, gid)) = account {
        argv.extend(
            [
                "setpriv".to_string(),
                format!("--reuid={uid}"),
                format!("--regid={gid}"),
                "--clear-groups".into(),
                "--".into(),
                "sh".into(),
                "-c".into(),
                // The files the board makes stay writable for the other account.
                "umask 000 && exec \"$0\" \"$@\"".into(),
            ]
            .map(OsString::from),
        );
    }
    argv.extend([BIN, "-f", "board.ron"].map(OsString::from));
    let tui = Launch::new(dir).argv(argv).size(120, 32).spawn();
    tui.wait_until("the board", |s| s.contains("未启动 19"));
    tui
}

/// Narrows the board to task 3 (the one card, selected).
fn select_task(tui: &mut Pty) {
    tui.send(b"/#3");
    tui.wait_for_text("\"#3\"", crate::driver::PATIENCE);
    tui.press(b"\r", Some("未启动 1"), None);
}

#[test]
fn a_member_requests_closure_and_the_office_confirms_it_in_another_board() {
    let dir = tempfile::tempdir().unwrap();
    let (office, member, office_name, member_name) = accounts();
    shared_board(dir.path(), &office_name, &member_name);

    let mut unit = open(dir.path(), &member);
    select_task(&mut unit);
    unit.press(b"o", Some("申请销号 #3"), None);
    unit.send(b"done, acceptance papers attached");
    unit.press(b"\r", Some("#3 已申请销号"), None);

    let mut desk = open(dir.path(), &office);
    desk.press(b"p", Some("待审批申请 1"), None);
    desk.wait_until("the request in the list", |s| {
        s.contains("申请销号") && s.contains(&member_name) && s.contains("acceptance papers")
    });
    desk.press(b"\r", Some("[x] 同意"), None);
    desk.press(b"\r", Some("#3 已审批: 同意"), None);
    desk.wait_for_text("没有待审批的申请", crate::driver::PATIENCE);

    // The member's board reloads the file and shows the task done.
    unit.wait_until("task 3 done in the member's board", |s| {
        // 未启动 is now an empty strip (its count on its own line), 已完成 a column of one.
        s.contains("已完成 1") && !s.contains("未启动 ")
    });
    let board = ftz_board::store::Store::new(dir.path().join("board.ron"))
        .load()
        .unwrap()
        .board;
    let task = board.task(TASK).unwrap();
    assert_eq!(task.status, ftz_board::model::Status::Done);
    assert!(task.request.is_none());
    desk.send(b"q");
    unit.send(b"q");
    assert_eq!(desk.wait_exit(crate::driver::PATIENCE), 0);
    assert_eq!(unit.wait_exit(crate::driver::PATIENCE), 0);
}
