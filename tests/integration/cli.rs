//! The command line as scripts and cron use it: the real binary, a temporary folder, exit codes and
//! the exact text on stdout and stderr.

use crate::common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{BAD_FIXTURES, BIN, copy_fixture, fixture, snapshot};
use ftz_board::plan::PLAN_RON;
use serde_json::Value;

/// Runs `ftz-board ARGS` in `dir` with a clean environment for the board's own variables and an
/// empty HOME: opening a board reads the keys file first, and the machine's user may have one.
/// The moment the commands run at: before the report dates the tests use, so a report with
/// `--today 2025-06-01` includes every change the test made.
const NOW: &str = "2025-05-20T10:00:00+08:00";

fn run_in(dir: &Path, args: &[&str]) -> Output {
    run_at(dir, NOW, args)
}

/// A command run at a given moment (`FTZ_BOARD_NOW`).
fn run_at(dir: &Path, now: &str, args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("FTZ_BOARD_NOW", now)
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .env("USER", "tester")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs in the package root, where fixture paths are relative.
fn run(args: &[&str]) -> Output {
    run_in(Path::new("."), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A temporary folder with `board.ron` made by `init`.
fn board_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir
}

fn export(dir: &Path, today: &str) -> Value {
    let out = run_in(dir, &["export", "--format", "json", "--today", today]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn init_creates_board_ron_from_the_built_in_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "board.ron: created from the built-in plan (19 tasks)\n"
    );
    let text = std::fs::read_to_string(dir.path().join("board.ron")).unwrap();
    // The plan as data/plan.ron gives it, dated with the day the board was made (staleness counts
    // from there).
    let (plan, rest) = PLAN_RON.split_once("    settings: (").unwrap();
    assert_eq!(
        text,
        format!("{plan}    created_on: Some(\"2025-05-20\"),\n    settings: ({rest}")
    );
}

#[test]
fn init_refuses_to_overwrite_an_existing_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture("good.ron", dir.path());
    let before = snapshot(&path);
    let out = run_in(dir.path(), &["init", "--file", "good.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "ftz-board: good.ron: a board file exists already; not overwriting it\n"
    );
    assert_eq!(snapshot(&path), before);
}

#[test]
fn check_says_ok_with_the_task_count_for_a_good_file() {
    let out = run(&["check", "--file", "tests/fixtures/good.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "tests/fixtures/good.ron: ok (3 tasks)\n\
         tests/fixtures/good.ron: no roles: anyone who can write the file may change anything (see README, Roles)\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn check_exits_1_with_file_line_column_and_the_problem_for_each_bad_file() {
    for (name, message) in BAD_FIXTURES {
        let path = fixture(name);
        let out = run(&["check", "--file", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(
            stderr(&out),
            format!("ftz-board: {}:{message}\n", path.display())
        );
        assert_eq!(stdout(&out), "", "{name}");
    }
}

#[test]
fn export_json_has_the_19_tasks_with_the_documented_fields() {
    let dir = board_dir();
    let json = export(dir.path(), "2025-06-01");
    let tasks = json["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 19);
    let fields = [
        "id",
        "title",
        "text",
        "deadline",
        "lead_units",
        "cooperating_units",
        "status",
        "completed_on",
        "urgency",
    ];
    for task in tasks {
        for field in fields {
            assert!(
                task.get(field).is_some(),
                "task {} has no {field}",
                task["id"]
            );
        }
        let deadline = task["deadline"].as_str().unwrap();
        assert!(
            deadline.len() == 10 && deadline.parse::<chrono::NaiveDate>().is_ok(),
            "{deadline}"
        );
        assert_eq!(task["status"], "not_started");
        assert!(task["completed_on"].is_null());
        assert!(!task["lead_units"].as_array().unwrap().is_empty());
    }
    let ids: Vec<u64> = tasks.iter().map(|t| t["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (1..=19).collect::<Vec<_>>());
    assert_eq!(tasks[0]["title"], "提升虹桥商务区保税物流中心（B 型）能级");
    assert_eq!(tasks[0]["deadline"], "2024-12-31");
    assert_eq!(
        tasks[0]["lead_units"],
        serde_json::json!(["莘庄海关", "龙吴海关"])
    );
}

#[test]
fn export_counts_urgency_from_the_date_given_with_today() {
    let dir = board_dir();
    let day_after = export(dir.path(), "2025-01-01");
    let task1 = &day_after["tasks"][0];
    assert_eq!(task1["urgency"], "overdue");
    assert_eq!(task1["days_overdue"], 1);
    // Task 2 is due at the end of 2025: a year away, on track.
    assert_eq!(day_after["tasks"][1]["urgency"], "on_track");

    let deadline_day = export(dir.path(), "2024-12-31");
    assert_eq!(deadline_day["tasks"][0]["urgency"], "due_soon");
    assert_eq!(deadline_day["tasks"][0]["days_left"], 0);
}

#[test]
fn list_groups_tasks_under_each_status_in_column_order() {
    let dir = board_dir();
    // Moved before the listing's date: the listing shows the board as it stood then.
    let moved = run_at(
        dir.path(),
        "2024-12-20T10:00:00+08:00",
        &["status", "4", "in_progress"],
    );
    assert_eq!(moved.status.code(), Some(0), "{}", stderr(&moved));
    let out = run_in(dir.path(), &["list", "--today", "2025-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 未启动 (18)",
            "## 推进中 (1)",
            "## 需协调 (0)",
            "## 已完成 (0)"
        ]
    );
    let in_progress = text.split("## 推进中 (1)\n").nth(1).unwrap();
    assert_eq!(
        in_progress.lines().next().unwrap(),
        "  4. 开展离岸经贸业务  [2024-12-31 逾期 1 天]  牵头单位: 区商务委"
    );
}

#[test]
fn status_accepts_english_and_chinese_names() {
    let dir = board_dir();
    let out = run_in(dir.path(), &["status", "1", "in_progress"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "board.ron: task 1 not_started -> in_progress\n"
    );
    let out = run_in(dir.path(), &["status", "2", "已完成"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "board.ron: task 2 not_started -> done\n");

    let json = export(dir.path(), "2025-06-01");
    assert_eq!(json["tasks"][0]["status"], "in_progress");
    assert_eq!(json["tasks"][1]["status"], "done");
    assert!(json["tasks"][1]["completed_on"].is_string());
    let text = std::fs::read_to_string(dir.path().join("board.ron")).unwrap();
    assert!(text.contains("status: in_progress,"));
    let history = std::fs::read_to_string(dir.path().join("board.ron.history")).unwrap();
    assert_eq!(history.lines().count(), 2, "{history}");
    assert!(history.contains("user: \"tester\""));
}

#[test]
fn status_with_an_unknown_task_or_status_exits_1_and_changes_nothing() {
    let dir = board_dir();
    let path = dir.path().join("board.ron");
    let before = snapshot(&path);

    let out = run_in(dir.path(), &["status", "99", "done"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "ftz-board: no task with id 99\n");

    let out = run_in(dir.path(), &["status", "1", "doingg"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "ftz-board: unknown status `doingg` (expected one of not_started, in_progress, blocked, \
         done (未启动, 推进中, 需协调, 已完成))\n"
    );
    assert_eq!(snapshot(&path), before);
}

#[test]
fn note_appends_a_progress_note_and_a_history_entry() {
    let dir = board_dir();
    let out = run_in(dir.path(), &["note", "3", "已召开协调会，明确分工"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "board.ron: task 3 note added\n");
    let json = export(dir.path(), "2025-06-01");
    let notes = json["tasks"][2]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "已召开协调会，明确分工");
    assert_eq!(notes[0]["author"], "tester");
    let history = json["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["task"], 3);
    let note = &history[0]["change"]["note_added"]["note"];
    assert_eq!(note["text"], "已召开协调会，明确分工");
    assert_eq!(note["author"], "tester");
    assert_eq!(note["at"], history[0]["at"]);
}

#[test]
fn the_ftz_board_file_variable_chooses_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture("good.ron", dir.path());
    let out = Command::new(BIN)
        .arg("check")
        .current_dir(dir.path())
        .env("FTZ_BOARD_FILE", &path)
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with(&format!("{}: ok (3 tasks)\n", path.display())),
        "{}",
        stdout(&out)
    );
    assert!(!dir.path().join("board.ron").exists());
}

#[test]
fn opening_a_bad_file_exits_1_with_the_message_before_touching_the_terminal() {
    for (name, message) in BAD_FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(name, dir.path());
        let before = snapshot(&path);
        let out = run_in(dir.path(), &["--file", name]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert_eq!(stderr(&out), format!("ftz-board: {name}:{message}\n"));
        // Not even the escape sequence that enters the alternate screen was written.
        assert_eq!(stdout(&out), "", "{name}");
        assert_eq!(snapshot(&path), before, "{name} changed");
        assert!(!dir.path().join(format!("{name}.lock")).exists(), "{name}");
    }
}

#[test]
fn sample_writes_the_board_and_history_asked_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "sample",
        "--tasks",
        "120",
        "--history",
        "900",
        "--seed",
        "5",
        "--output",
        "s.ron",
    ];
    let out = run_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "s.ron: sample board of 120 tasks with 900 history entries (seed 5)\n"
    );
    let history = std::fs::read_to_string(dir.path().join("s.ron.history")).unwrap();
    assert_eq!(history.lines().count(), 900);
    // The sample is a board like any other: it checks clean, history included.
    let check = run_in(dir.path(), &["--file", "s.ron", "check"]);
    assert_eq!(
        stdout(&check),
        "s.ron: ok (120 tasks)\n\
         s.ron: no roles: anyone who can write the file may change anything (see README, Roles)\n"
    );
    assert_eq!(stderr(&check), "");
    // The same arguments give the same file; an existing file is refused and left alone.
    let first = std::fs::read(dir.path().join("s.ron")).unwrap();
    let again = run_in(dir.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already; not overwriting it"));
    assert_eq!(std::fs::read(dir.path().join("s.ron")).unwrap(), first);
    let other = tempfile::tempdir().unwrap();
    run_in(other.path(), &args);
    assert_eq!(std::fs::read(other.path().join("s.ron")).unwrap(), first);
    let zero = run_in(dir.path(), &["sample", "--tasks", "0", "--output", "z.ron"]);
    assert_eq!(zero.status.code(), Some(1));
    assert_eq!(
        stderr(&zero),
        "ftz-board: --tasks 0: expected 1 to 1000000\n"
    );
}
