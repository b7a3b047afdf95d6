//! Roles, sign-off, extensions and reporting cycles from the shell: the real binary, real
//! operating-system accounts where the tests run as root, exit codes and the text people see.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use common::BIN;
use serde_json::Value;

const NOW: &str = "2025-05-20T10:00:00+08:00";

/// An account to run the binary as.
#[derive(Debug, Clone)]
struct User {
    name: String,
    uid: u32,
    gid: u32,
}

/// Runs `ftz-board ARGS` in `dir` at `now`, as `user` (through setpriv) when given. `$USER` is
/// set to a name that is in nobody's roles, so a test passes only if the login name is used.
fn run_as(user: Option<&User>, dir: &Path, now: &str, args: &[&str]) -> Output {
    let mut cmd = match user {
        Some(u) => {
            let mut c = Command::new("setpriv");
            c.arg(format!("--reuid={}", u.uid))
                .arg(format!("--regid={}", u.gid))
                .args(["--clear-groups", "--", "sh", "-c"])
                // A shared board's files stay writable for the others (README: umask).
                .arg("umask 000 && exec \"$0\" \"$@\"")
                .arg(BIN);
            c
        }
        None => Command::new(BIN),
    };
    cmd.args(args)
        .current_dir(dir)
        .env("FTZ_BOARD_NOW", now)
        .env("HOME", dir)
        .env("USER", "tester")
        .env("LOGNAME", "tester")
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_as(None, dir, NOW, args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// The refusal's message (exit 1).
#[track_caller]
fn refused(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    stderr(out)
}

/// A board made by `init`, with `insert` (roles, a cycle) written into it by hand.
fn board_with(insert: &str, settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // Made at the start of April: April's and May's reports are owed.
    ok(&run_as(
        None,
        dir.path(),
        "2025-04-01T09:00:00+08:00",
        &["init"],
    ));
    let path = dir.path().join("board.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("    tasks: [", &format!("{insert}    tasks: ["), 1);
    let text = text.replacen(
        "    settings: (",
        &format!("    settings: (\n{settings}"),
        1,
    );
    std::fs::write(&path, text).unwrap();
    let check = run(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    dir
}

fn roles_text(office: &str, shangwu: &str, kewei: &str) -> String {
    format!(
        "    roles: Some((office: [\"{office}\"], units: {{\"区商务委\": [\"{shangwu}\"], \"区科委\": [\"{kewei}\"]}})),\n"
    )
}

fn export(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["export"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&run(dir, &args))).unwrap()
}

fn task(json: &Value, id: u64) -> Value {
    json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
        .clone()
}

// ---- who may do what ----

#[test]
fn without_roles_anyone_may_do_anything_and_check_says_so() {
    let dir = board_with("", "");
    let out = ok(&run(dir.path(), &["check"]));
    assert!(
        out.contains("no roles: anyone who can write the file may change anything"),
        "{out}"
    );
    ok(&run(dir.path(), &["status", "3", "done"]));
    ok(&run(dir.path(), &["meeting"]));
}

#[test]
fn a_person_named_nowhere_reads_the_board_but_changes_nothing_whatever_user_they_claim() {
    // Nobody running this test is called ftzb-office-only.
    let dir = board_with(&roles_text("ftzb-office-only", "ftzb-x", "ftzb-y"), "");
    let board = dir.path().join("board.ron");
    let before = std::fs::read(&board).unwrap();
    ok(&run(dir.path(), &["list"]));
    let out = run(
        dir.path(),
        &["--user", "ftzb-office-only", "note", "3", "进展"],
    );
    let message = refused(&out);
    assert!(
        message.contains("未列入看板的角色（roles），只能查看，不能修改"),
        "{message}"
    );
    assert!(
        message.contains("they may read the board but change nothing"),
        "{message}"
    );
    let out = run(
        dir.path(),
        &["--user", "ftzb-office-only", "status", "3", "done"],
    );
    refused(&out);
    assert_eq!(std::fs::read(&board).unwrap(), before);
    let check = run(dir.path(), &["check"]);
    assert!(
        stderr(&check).contains("the roles are not the ones last recorded (edited by hand?)"),
        "{}",
        stderr(&check)
    );
    let out = ok(&check);
    assert!(
        out.contains("roles: office ftzb-office-only; 2 units with 2 members"),
        "{out}"
    );
}

/// The throwaway accounts, made once for the whole run; `Err` says why they cannot be.
fn accounts() -> &'static Result<[User; 4], String> {
    static ACCOUNTS: OnceLock<Result<[User; 4], String>> = OnceLock::new();
    ACCOUNTS.get_or_init(|| {
        if ftz_board::identity::os_login().as_deref() != Some("root") {
            return Err("not running as root: cannot make accounts to run as".into());
        }
        for tool in ["useradd", "setpriv"] {
            if Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .is_ok_and(|o| !o.status.success())
            {
                return Err(format!("{tool} is missing"));
            }
        }
        let make = |name: &str| -> Result<User, String> {
            let id = |flag: &str| {
                Command::new("id")
                    .args([flag, name])
                    .output()
                    .ok()
                    .filter(|o| o.status.success())
                    .and_then(|o| {
                        String::from_utf8_lossy(&o.stdout)
                            .trim()
                            .parse::<u32>()
                            .ok()
                    })
            };
            if id("-u").is_none() {
                let out = Command::new("useradd")
                    .args([
                        "--system",
                        "--no-create-home",
                        "--shell",
                        "/usr/sbin/nologin",
                        name,
                    ])
                    .output()
                    .map_err(|e| e.to_string())?;
                if !out.status.success() {
                    return Err(format!(
                        "useradd {name}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    ));
                }
            }
            match (id("-u"), id("-g")) {
                (Some(uid), Some(gid)) => Ok(User {
                    name: name.into(),
                    uid,
                    gid,
                }),
                _ => Err(format!("no uid for {name} after useradd")),
            }
        };
        Ok([
            make("ftzb-office")?,
            make("ftzb-lina")?,
            make("ftzb-wang")?,
            make("ftzb-none")?,
        ])
    })
}

/// A board whose folder and files every account may write, so that only the roles decide.
fn shared_board(office: &User, lina: &User, wang: &User) -> tempfile::TempDir {
    let dir = board_with(&roles_text(&office.name, &lina.name, &wang.name), "");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let mode = if path.is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    dir
}

#[test]
fn each_permission_rule_holds_for_real_accounts() {
    let [office, lina, wang, none] = match accounts() {
        Ok(users) => users,
        Err(reason) => {
            eprintln!("skipped: {reason}");
            return;
        }
    };
    let dir = shared_board(office, lina, wang);
    let d = dir.path();
    let as_ = |u: &User, args: &[&str]| run_as(Some(u), d, NOW, args);
    let deadline_6 = task(&export(d, &[]), 6)["deadline"].clone();

    // lina is 区商务委: it leads task 3 and cooperates on task 1; 区科委 leads task 6 alone.
    ok(&as_(lina, &["note", "3", "已完成主体工作"]));
    ok(&as_(lina, &["note", "1", "配合推进"]));
    ok(&as_(lina, &["status", "3", "blocked"]));
    let m = refused(&as_(lina, &["note", "6", "越权"]));
    assert!(
        m.contains("只有任务 #6 的牵头、配合单位成员或专班办公室可以添加进展"),
        "{m}"
    );
    let m = refused(&as_(lina, &["status", "3", "done"]));
    assert!(m.contains("只有专班办公室可以销号"), "{m}");
    let m = refused(&as_(lina, &["meeting"]));
    assert!(m.contains("只有专班办公室可以记录会议"), "{m}");
    ok(&as_(lina, &["request", "close", "3", "已完成，附验收材料"]));
    // Claiming to be the office changes nothing: the login name decides.
    let m = refused(&as_(
        lina,
        &["--user", &office.name, "decide", "3", "approve"],
    ));
    assert!(m.contains("只有专班办公室可以审批申请"), "{m}");
    // wang (区科委) may ask for more time on 区科委's task, not on 区商务委's.
    ok(&as_(
        wang,
        &["request", "extend", "6", "--to", "2026-06-30", "资金未到位"],
    ));
    let m = refused(&as_(wang, &["request", "close", "4", "完成"]));
    assert!(
        m.contains("只有任务 #4 的牵头、配合单位成员或专班办公室可以提出申请"),
        "{m}"
    );
    // Someone named nowhere reads only.
    ok(&as_(none, &["requests"]));
    let m = refused(&as_(none, &["note", "3", "x"]));
    assert!(
        m.contains(&format!("{} 未列入看板的角色", none.name)),
        "{m}"
    );
    // The office decides, closes, reopens, records meetings.
    ok(&as_(office, &["decide", "3", "approve"]));
    ok(&as_(
        office,
        &["decide", "6", "refuse", "--reason", "不符合延期条件"],
    ));
    ok(&as_(office, &["status", "4", "done"]));
    ok(&as_(office, &["status", "4", "in_progress"]));
    ok(&as_(office, &["meeting"]));
    // Only the office changes the roles.
    let m = refused(&as_(lina, &["roles", "office", "add", &lina.name]));
    assert!(m.contains("只有专班办公室可以修改角色"), "{m}");
    ok(&as_(
        office,
        &["roles", "unit", "区科委", "add", &none.name],
    ));
    ok(&as_(none, &["note", "6", "新成员的进展"]));
    ok(&as_(
        office,
        &["roles", "unit", "区科委", "remove", &none.name],
    ));
    refused(&as_(none, &["note", "6", "已移出"]));
    let m = refused(&as_(lina, &["status", "3", "in_progress"]));
    assert!(m.contains("只有专班办公室可以重新打开已完成的任务"), "{m}");

    // The history names the accounts, never $USER ("tester") or --user.
    let history = std::fs::read_to_string(d.join("board.ron.history")).unwrap();
    assert!(!history.contains("tester"), "{history}");
    for u in [office, lina, wang] {
        assert!(
            history.contains(&format!("user: \"{}\"", u.name)),
            "{} missing:\n{history}",
            u.name
        );
    }
    let json = export(d, &[]);
    assert_eq!(task(&json, 3)["status"], "done");
    assert_eq!(
        task(&json, 6)["deadline"],
        deadline_6,
        "the extension was refused"
    );
}

// ---- sign-off and extensions ----

#[test]
fn a_closure_request_is_listed_then_approved_with_the_request_s_date_as_completion() {
    let dir = board_with("", "");
    let d = dir.path();
    let out = ok(&run_as(
        None,
        d,
        "2025-05-02T09:00:00+08:00",
        &["request", "close", "3", "已完成，附验收材料"],
    ));
    assert!(out.contains("task 3 closure requested (申请销号)"), "{out}");
    let list = ok(&run(d, &["requests"]));
    assert!(
        list.contains("#3 ") && list.contains("申请销号：已完成，附验收材料"),
        "{list}"
    );
    let pending = task(&export(d, &[]), 3);
    assert_eq!(pending["request"]["close"]["note"], "已完成，附验收材料");
    assert_eq!(
        pending["request"]["close"]["by"], "tester",
        "no roles: the display name"
    );
    let again = run(d, &["request", "extend", "3", "--to", "2026-01-31", "x"]);
    assert!(refused(&again).contains("task 3 already has an open request"));
    ok(&run_as(
        None,
        d,
        "2025-05-12T09:00:00+08:00",
        &["decide", "3", "approve"],
    ));
    let json = export(d, &[]);
    assert_eq!(task(&json, 3)["status"], "done");
    assert_eq!(task(&json, 3)["completed_on"], "2025-05-02");
    assert_eq!(ok(&run(d, &["requests"])), "没有待审批的申请\n");
    // Looking back to before the decision: the task was still waiting for sign-off.
    let before = export(d, &["--today", "2025-05-05"]);
    assert_ne!(task(&before, 3)["status"], "done");
}

#[test]
fn a_returned_closure_goes_back_to_in_progress_and_a_wrong_answer_is_refused() {
    let dir = board_with("", "");
    let d = dir.path();
    ok(&run(d, &["request", "close", "3", "完成"]));
    let m = refused(&run(d, &["decide", "3", "refuse"]));
    assert!(
        m.contains("task 3's request is a closure (申请销号): approve or return it"),
        "{m}"
    );
    ok(&run(
        d,
        &["decide", "3", "return", "--reason", "缺验收材料"],
    ));
    assert_eq!(task(&export(d, &[]), 3)["status"], "in_progress");
    let m = refused(&run(d, &["decide", "3", "approve"]));
    assert!(m.contains("task 3 has no open request"), "{m}");
}

#[test]
fn a_granted_extension_moves_the_deadline_and_keeps_the_original_and_a_late_one_is_marked() {
    let dir = board_with("", "");
    let d = dir.path();
    let deadline = task(&export(d, &[]), 6)["deadline"]
        .as_str()
        .unwrap()
        .to_string();
    // NOW (2025-05-20) is after task 6's deadline of 2024-12-31? Then the request is late.
    let late = deadline.as_str() < "2025-05-20";
    ok(&run(
        d,
        &["request", "extend", "6", "--to", "2026-06-30", "资金未到位"],
    ));
    let list = ok(&run(d, &["--lang", "en", "requests"]));
    assert!(list.contains("extension to 2026-06-30"), "{list}");
    assert_eq!(list.contains("asked late"), late, "{list}");
    ok(&run(d, &["decide", "6", "approve"]));
    let json = export(d, &[]);
    assert_eq!(task(&json, 6)["deadline"], "2026-06-30");
    assert_eq!(task(&json, 6)["original_deadline"], deadline.as_str());
    assert_eq!(task(&json, 6)["request"], Value::Null);
    let board = std::fs::read_to_string(d.join("board.ron")).unwrap();
    assert!(
        board.contains(&format!("original_deadline: Some(\"{deadline}\")")),
        "{board}"
    );
    let m = refused(&run(
        d,
        &["request", "extend", "6", "--to", "2026-01-01", "再延"],
    ));
    assert!(
        m.contains("task 6's deadline is 2026-06-30: an extension must be to a later date"),
        "{m}"
    );
}

// ---- reporting cycles and remind ----

fn cycle_board() -> tempfile::TempDir {
    board_with("", "        report_cycle: Some(monthly(day: 5)),\n")
}

fn remind(dir: &Path, now: &str, args: &[&str]) -> Output {
    let mut all = vec!["remind"];
    all.extend_from_slice(args);
    run_as(None, dir, now, &all)
}

#[test]
fn remind_lists_the_unreported_open_tasks_per_unit_and_exits_3_until_all_have_reported() {
    let dir = cycle_board();
    let d = dir.path();
    let out = remind(d, "2025-05-03T10:00:00+08:00", &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("催报 2025-05（2025-05-01 至 2025-05-31，截止 2025-05-05）\n"),
        "{text}"
    );
    assert!(text.contains("区科委（"), "{text}");
    assert!(text.contains("#6 ") && text.contains(" — 未报"), "{text}");
    // One unit's own list, for a mail to it alone.
    let out = remind(d, "2025-05-03T10:00:00+08:00", &["--unit", "区科委"]);
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    let units: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains("项未报"))
        .collect();
    assert_eq!(units.len(), 1, "{}", stdout(&out));
    assert!(units[0].starts_with("区科委（"), "{units:?}");
    // After the due day the same tasks are overdue.
    let text = stdout(&remind(d, "2025-05-06T10:00:00+08:00", &["--lang", "en"]));
    assert!(text.contains("— overdue, not reported"), "{text}");

    // Every lead unit reports on every open task: nothing missing, exit 0.
    let json: Value = serde_json::from_slice(
        &remind(d, "2025-05-03T10:00:00+08:00", &["--format", "json"]).stdout,
    )
    .unwrap();
    let mut ids: Vec<u64> = Vec::new();
    for unit in json["units"].as_array().unwrap() {
        for t in unit["tasks"].as_array().unwrap() {
            assert_eq!(t["state"], "not_yet");
            ids.push(t["id"].as_u64().unwrap());
        }
    }
    assert_eq!(json["period"], "2025-05");
    assert_eq!(json["due"], "2025-05-05");
    assert_eq!(json["missing"].as_u64().unwrap() as usize, ids.len());
    ids.sort();
    ids.dedup();
    for id in ids {
        ok(&run_as(
            None,
            d,
            "2025-05-04T10:00:00+08:00",
            &["note", &id.to_string(), "本月进展"],
        ));
    }
    let out = remind(d, "2025-05-06T10:00:00+08:00", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("各单位本期均已上报"));
    // April had no notes: all missing there.
    let out = remind(d, "2025-05-06T10:00:00+08:00", &["--period", "2025-04"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).contains("逾期未报"));
}

#[test]
fn remind_without_a_cycle_or_with_a_bad_period_says_what_is_expected() {
    let dir = board_with("", "");
    let m = refused(&remind(dir.path(), NOW, &[]));
    assert!(
        m.contains("no reporting cycle: set settings.report_cycle"),
        "{m}"
    );
    let dir = cycle_board();
    let m = refused(&remind(dir.path(), NOW, &["--period", "2025-13"]));
    assert!(
        m.contains("`2025-13` is not a reporting period (expected YYYY-MM or YYYY-MM-DD)"),
        "{m}"
    );
}

#[test]
fn a_weekly_cycle_names_its_iso_week_across_the_year_end() {
    let dir = board_with(
        "",
        "        report_cycle: Some(weekly(weekday: \"tue\")),\n",
    );
    let out = remind(dir.path(), "2027-01-02T10:00:00+08:00", &[]);
    let text = stdout(&out);
    assert!(
        text.starts_with("催报 2026-W53（2026-12-28 至 2027-01-03，截止 2026-12-29）"),
        "{text}"
    );
}

#[test]
fn the_report_has_the_timeliness_table_the_open_requests_and_the_original_deadline() {
    let dir = cycle_board();
    let d = dir.path();
    // 区科委 leads task 6 alone: on time in April, late in May.
    ok(&run_as(
        None,
        d,
        "2025-04-03T10:00:00+08:00",
        &["note", "6", "四月进展"],
    ));
    ok(&run_as(
        None,
        d,
        "2025-05-12T10:00:00+08:00",
        &["note", "6", "五月进展"],
    ));
    ok(&run(
        d,
        &["request", "extend", "6", "--to", "2026-06-30", "资金未到位"],
    ));
    ok(&run(d, &["decide", "6", "approve"]));
    ok(&run(d, &["request", "close", "3", "已完成，附验收材料"]));
    let md = ok(&run(d, &["report", "--today", "2025-06-10"]));
    assert!(
        md.contains("定期上报及时情况（2025-01 至 2025-06，6 期）"),
        "{md}"
    );
    // April on time, May late, June due on the 5th and missed.
    assert!(
        md.contains("| 区科委 | 1 | 1 | 1 | 0 | 67% | 33% |"),
        "{md}"
    );
    assert!(md.contains("已批准延期的任务（1 项）"), "{md}");
    assert!(
        md.contains("| 6 | 支持科研仪器设备共享 | 2024-12-31 | 2026-06-30 | 区科委 |"),
        "{md}"
    );
    let csv = ok(&run(d, &["report", "--format", "csv"]));
    assert!(csv.contains("2026-06-30（原定 2024-12-31）"), "{csv}");
    assert!(md.contains("待审批申请（1 项）"), "{md}");
    assert!(md.contains("申请销号（待销号）"), "{md}");
    let json: Value = serde_json::from_str(&ok(&run(
        d,
        &["report", "--format", "json", "--today", "2025-06-10"],
    )))
    .unwrap();
    let kewei = json["timeliness"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "区科委")
        .unwrap()
        .clone();
    assert_eq!(
        (
            kewei["on_time"].as_u64(),
            kewei["late"].as_u64(),
            kewei["missing"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(json["requests"][0]["task"], 3);
    // Without a cycle the report has no such table.
    let plain = board_with("", "");
    let md = ok(&run(plain.path(), &["report"]));
    assert!(!md.contains("定期上报及时情况"), "{md}");
}

#[test]
fn roles_are_named_from_the_shell_and_the_office_s_last_member_stays() {
    let dir = board_with("", "");
    let d = dir.path();
    assert_eq!(
        ok(&run(d, &["roles"])),
        "no roles: anyone who can write the file may change anything\n"
    );
    let me = ftz_board::identity::os_login().unwrap_or_default();
    ok(&run(d, &["roles", "office", "add", &me]));
    ok(&run(d, &["roles", "unit", "区网信办", "add", "lina"]));
    // A unit named by another spelling is stored under the plan's name.
    assert_eq!(
        ok(&run(d, &["roles"])),
        format!("专班办公室 (office): {me}\n区委网信办: lina\n")
    );
    let m = refused(&run(d, &["roles", "office", "remove", &me]));
    assert!(m.contains("not removing the office's last member"), "{m}");
    let m = refused(&run(d, &["roles", "unit", "区火星办", "add", "x"]));
    assert!(m.contains("unknown unit `区火星办`"), "{m}");
    let history = std::fs::read_to_string(d.join("board.ron.history")).unwrap();
    assert_eq!(history.matches("change: roles(").count(), 2, "{history}");
    let check = run(d, &["check"]);
    assert_eq!(
        stderr(&check),
        "",
        "roles set through the shell are on record"
    );
}

/// The board saves through the same `Store::apply` as the shell: the rule holds there too, and
/// its footer says it in the user's language.
#[test]
fn the_board_s_own_saves_obey_the_roles_and_say_who_may() {
    use ftz_board::i18n::Lang;
    use ftz_board::model::{OpError, Operation, Status};
    use ftz_board::store::{Store, StoreError};
    let dir = board_with(&roles_text("zhangwei", "lina", "wangfang"), "");
    let path = dir.path().join("board.ron");
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::new(&path);
    store.login = Some("lina".into());
    let close = Operation::SetStatus {
        id: 3,
        to: Status::Done,
    };
    // The display name the board was given does not matter, only the login.
    let err = store.apply(&close, "zhangwei").unwrap_err();
    let StoreError::Rejected(reason @ OpError::NotAllowed(_)) = &err else {
        panic!("not refused: {err}");
    };
    assert_eq!(Lang::Zh.op_error(reason), "只有专班办公室可以销号");
    assert_eq!(
        Lang::En.op_error(reason),
        "only the task force office (专班办公室) may close a task (销号)"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let note = Operation::AddNote {
        id: 3,
        text: "进展".into(),
        decision: false,
    };
    let applied = store.apply(&note, "显示名").unwrap();
    assert_eq!(applied.entries[0].user, "lina");
    store.login = None;
    let err = store.apply(&note, "lina").unwrap_err().to_string();
    assert!(err.contains("this user id has no login name"), "{err}");
}
