//! Milestones (工作节点) and traffic lights (红黄绿灯), as a user of the shell, a script reading
//! the export, and a reader of the reports meets them: every `milestone` command with good and
//! bad arguments, the board file (round trip, bad files with their located messages), undo and
//! the board as of a date, and the lights in the export and every report format.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use calamine::{Reader, Xlsx, open_workbook};
use chrono::{DateTime, FixedOffset, NaiveDate};
use common::{BIN, snapshot};
use ftz_board::model::{
    Change, HistoryCheck, Light, Milestone, Operation, Via, check_history, light::light,
};
use ftz_board::store::{self, Store};
use serde_json::{Value, json};

/// The board is made on this day (from the built-in plan, whose deadlines are 2024-12-31 and
/// 2025-12-31) and most commands run then.
const MADE: &str = "2025-05-20T10:00:00+08:00";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A board file in a temporary folder, and the binary run on it at chosen moments.
struct Board {
    dir: tempfile::TempDir,
}

impl Board {
    fn new() -> Board {
        let board = Board {
            dir: tempfile::tempdir().unwrap(),
        };
        board.ok_at(MADE, &["init"]);
        board
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("board.ron")
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env("FTZ_BOARD_NOW", now)
            .env("HOME", self.dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("FTZ_BOARD_FILE")
            .env_remove("FTZ_BOARD_LANG")
            .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
            .env("USER", "tester")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_at(MADE, args)
    }

    /// Runs, expects exit 0 and returns stdout.
    fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_at(MADE, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn store(&self) -> Store {
        Store::new(self.path())
    }

    fn milestones(&self, task: u32) -> Vec<Milestone> {
        let board = self.store().load().unwrap().board;
        board.task(task).unwrap().milestones.clone()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn milestone(number: u32, title: &str, due: &str, units: &[&str], done: Option<&str>) -> Milestone {
    Milestone {
        number,
        title: title.into(),
        due: day(due),
        units: units.iter().map(|u| u.to_string()).collect(),
        completed_on: done.map(day),
    }
}

// ---- the commands ----

#[test]
fn adding_numbers_each_milestone_after_the_last_defaults_its_units_and_writes_one_line() {
    let b = Board::new();
    assert_eq!(
        b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]),
        "board.ron: task 2 milestone 1 added\n"
    );
    assert_eq!(
        b.ok(&[
            "milestone",
            "add",
            "2",
            "--due",
            "2025-09-30",
            "--unit",
            "区商务委",
            "--unit",
            "区网信办",
            "完成验收"
        ]),
        "board.ron: task 2 milestone 2 added\n"
    );
    assert_eq!(
        b.milestones(2),
        vec![
            // Without --unit: the task's lead unit. 区网信办 is stored as the annex spells it.
            milestone(1, "完成方案", "2025-06-30", &["莘庄海关"], None),
            milestone(
                2,
                "完成验收",
                "2025-09-30",
                &["区商务委", "区委网信办"],
                None
            ),
        ]
    );
    let text = std::fs::read_to_string(b.path()).unwrap();
    assert!(
        text.contains(
            "            milestones: [\n                (number: 1, title: \"完成方案\", due: \"2025-06-30\", units: [\"莘庄海关\"], completed_on: None),\n                (number: 2, title: \"完成验收\","
        ),
        "{text}"
    );
    // Deleting the last and adding again does not reuse a number still held by another.
    b.ok(&["milestone", "delete", "2.1"]);
    b.ok(&["milestone", "add", "2", "--due", "2025-07-31", "补充材料"]);
    let numbers: Vec<u32> = b.milestones(2).iter().map(|m| m.number).collect();
    assert_eq!(numbers, vec![2, 3]);
}

#[test]
fn done_reopen_edit_and_delete_each_say_what_they_did() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]);
    assert_eq!(
        b.ok(&["milestone", "done", "2.1"]),
        "board.ron: task 2 milestone 1 done on 2025-05-20\n"
    );
    assert_eq!(
        b.ok(&["milestone", "reopen", "2.1"]),
        "board.ron: task 2 milestone 1 reopened\n"
    );
    assert_eq!(
        b.ok(&["milestone", "done", "2.1", "--on", "2025-05-18"]),
        "board.ron: task 2 milestone 1 done on 2025-05-18\n"
    );
    assert_eq!(
        b.ok(&[
            "milestone",
            "edit",
            "2.1",
            "--title",
            "完成实施方案",
            "--due",
            "2025-07-15",
            "--unit",
            "区商务委"
        ]),
        "board.ron: task 2 milestone 1 changed\n"
    );
    assert_eq!(
        b.milestones(2),
        vec![milestone(
            1,
            "完成实施方案",
            "2025-07-15",
            &["区商务委"],
            Some("2025-05-18")
        )]
    );
    assert_eq!(
        b.ok(&["milestone", "delete", "2.1"]),
        "board.ron: task 2 milestone 1 deleted\n"
    );
    assert_eq!(b.milestones(2), vec![]);
    // Every change is in the history, as milestone(number, from, to), by the user who made it.
    let history = b.store().load_history().unwrap();
    let kinds: Vec<(&str, bool, bool)> = history
        .entries()
        .iter()
        .map(|e| match &e.change {
            Change::Milestone { from, to, .. } => {
                assert_eq!((e.user.as_str(), e.task), ("tester", Some(2)));
                ("milestone", from.is_some(), to.is_some())
            }
            other => (other.kind(), false, false),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("milestone", false, true),
            ("milestone", true, true),
            ("milestone", true, true),
            ("milestone", true, true),
            ("milestone", true, true),
            ("milestone", true, false),
        ]
    );
}

#[test]
fn a_milestone_due_after_its_task_s_deadline_is_kept_with_a_warning() {
    let b = Board::new();
    let out = b.run(&["milestone", "add", "2", "--due", "2026-03-01", "验收"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "board.ron: task 2 milestone 1 added\n");
    assert_eq!(
        stderr(&out),
        "ftz-board: warning: milestone 2.1 is due 2026-03-01, after the task's deadline 2025-12-31\n"
    );
    assert_eq!(b.milestones(2).len(), 1);
    // Moving one there by an edit warns too.
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "方案"]);
    let out = b.run(&["milestone", "edit", "2.2", "--due", "2026-01-10"]);
    assert_eq!(
        stderr(&out),
        "ftz-board: warning: milestone 2.2 is due 2026-01-10, after the task's deadline 2025-12-31\n"
    );
    assert!(
        b.ok(&["milestone", "list", "2"])
            .contains("（晚于任务时间节点）")
    );
}

#[test]
fn bad_arguments_exit_1_with_what_was_expected_and_change_nothing() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]);
    let before = snapshot(&b.path());
    let cases: &[(&[&str], &str)] = &[
        (
            &["milestone", "add", "99", "--due", "2025-06-30", "x"],
            "no task with id 99",
        ),
        (
            &["milestone", "add", "二", "--due", "2025-06-30", "x"],
            "`二` is not a task number (expected a number such as 3)",
        ),
        (
            &["milestone", "add", "2", "--due", "2025-02-30", "x"],
            "`2025-02-30` is not a date (expected YYYY-MM-DD)",
        ),
        (
            &["milestone", "add", "2", "--due", "2025-06-30", "  "],
            "the title must not be empty",
        ),
        (
            &["milestone", "done", "2"],
            "`2` is not a milestone (expected TASK.N, such as 3.2)",
        ),
        (
            &["milestone", "done", "2.0"],
            "`2.0` is not a milestone (expected TASK.N, such as 3.2)",
        ),
        (
            &["milestone", "done", "x.1"],
            "`x.1` is not a milestone (expected TASK.N, such as 3.2)",
        ),
        (&["milestone", "done", "2.5"], "task 2 has no milestone 5"),
        (&["milestone", "done", "99.1"], "no task with id 99"),
        (
            &["milestone", "done", "2.1", "--on", "2025-05-21"],
            "2025-05-21 has not come yet (expected a completion date up to today)",
        ),
        (
            &["milestone", "done", "2.1", "--on", "05-18"],
            "`05-18` is not a date (expected YYYY-MM-DD)",
        ),
        (&["milestone", "reopen", "2.9"], "task 2 has no milestone 9"),
        (&["milestone", "delete", "2.9"], "task 2 has no milestone 9"),
        (
            &["milestone", "edit", "2.1"],
            "milestone edit: nothing to change (expected --title, --due or --unit)",
        ),
        (
            &["milestone", "edit", "2.1", "--due", "2025-13-01"],
            "`2025-13-01` is not a date (expected YYYY-MM-DD)",
        ),
        (
            &["milestone", "edit", "2.1", "--title", ""],
            "the title must not be empty",
        ),
        (
            &["--read-only", "milestone", "done", "2.1"],
            "--read-only: not changing the file",
        ),
        (&["milestone", "list", "99"], "no task with id 99"),
    ];
    for (args, message) in cases {
        let out = b.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), format!("ftz-board: {message}\n"), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert_eq!(snapshot(&b.path()), before, "{args:?} changed the file");
    }
    // A missing --due is a usage error (clap's exit code 2), naming what is missing.
    let out = b.run(&["milestone", "add", "2", "完成方案"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--due <YYYY-MM-DD>"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&b.path()), before);
}

#[test]
fn reopening_an_open_milestone_or_completing_it_again_on_its_day_changes_nothing() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]);
    let before = snapshot(&b.path());
    assert_eq!(
        b.ok(&["milestone", "reopen", "2.1"]),
        "board.ron: nothing to change\n"
    );
    assert_eq!(snapshot(&b.path()), before);
    b.ok(&["milestone", "done", "2.1"]);
    assert_eq!(
        b.ok(&["milestone", "done", "2.1", "--on", "2025-05-20"]),
        "board.ron: nothing to change\n"
    );
}

#[test]
fn list_shows_each_milestone_with_its_urgency_units_and_the_task_s_light() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-05-10", "完成调研"]);
    b.ok(&[
        "milestone",
        "add",
        "2",
        "--due",
        "2025-06-10",
        "--unit",
        "区商务委",
        "完成方案",
    ]);
    b.ok(&["milestone", "done", "2.1", "--on", "2025-05-12"]);
    assert_eq!(
        b.ok(&["milestone", "list", "2"]),
        "2. 拓展公用型保税仓库功能  [◍ 黄灯]  节点 1/2\n\
         \x20 2.1  2025-05-10  完成日期 2025-05-12  晚 2 天完成  莘庄海关  完成调研\n\
         \x20 2.2  2025-06-10  -  剩 21 天  区商务委  完成方案\n"
    );
    assert_eq!(
        b.ok(&["--lang", "en", "--ascii", "milestone", "list", "2"]),
        "2. 拓展公用型保税仓库功能  [! yellow]  milestone 1/2\n\
         \x20 2.1  2025-05-10  completed 2025-05-12  done 2 days late  莘庄海关  完成调研\n\
         \x20 2.2  2025-06-10  -  due in 21 days  区商务委  完成方案\n"
    );
    // Without a task: every task that has milestones; a task without says so when asked for.
    b.ok(&["milestone", "add", "5", "--due", "2025-05-01", "调研"]);
    let all = b.ok(&["milestone", "list"]);
    assert!(all.starts_with("2. 拓展公用型保税仓库功能"), "{all}");
    assert!(
        all.contains(
            "5. 探索医疗服务贸易创新  [◉ 红灯]  节点 0/1\n  5.1  2025-05-01  -  逾期 19 天"
        )
    );
    assert_eq!(all.lines().count(), 5);
    assert_eq!(
        b.ok(&["milestone", "list", "7"]),
        "7. 促进高端装备领域跨区域产业合作  [◌ 绿灯]  节点 0/0\n  尚未分解节点\n"
    );
    // --unit narrows to that unit's tasks.
    let unit = b.ok(&["--unit", "区卫生健康委", "milestone", "list"]);
    assert!(
        unit.starts_with("5. ") && !unit.contains("2. 拓展"),
        "{unit}"
    );
}

// ---- undo, and the board as of a date ----

#[test]
fn undoing_a_milestone_change_puts_it_back_and_the_history_still_matches_the_board() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]);
    let store = b.store();
    let done = store
        .apply(
            &Operation::CompleteMilestone {
                id: 2,
                number: 1,
                on: Some(day("2025-05-19")),
            },
            "tester",
        )
        .unwrap();
    assert!(b.milestones(2)[0].completed_on.is_some());
    store
        .apply(
            &Operation::Revert {
                via: Via::Undo,
                entries: done.entries,
            },
            "tester",
        )
        .unwrap();
    assert_eq!(b.milestones(2)[0].completed_on, None);
    let deleted = store
        .apply(&Operation::DeleteMilestone { id: 2, number: 1 }, "tester")
        .unwrap();
    assert!(b.milestones(2).is_empty());
    store
        .apply(
            &Operation::Revert {
                via: Via::Undo,
                entries: deleted.entries,
            },
            "tester",
        )
        .unwrap();
    assert_eq!(
        b.milestones(2),
        vec![milestone(1, "完成方案", "2025-06-30", &["莘庄海关"], None)]
    );
    let board = store.load().unwrap().board;
    assert_eq!(
        check_history(&board, &store.load_history().unwrap()),
        HistoryCheck::Consistent
    );
}

#[test]
fn the_board_as_of_a_date_shows_its_milestones_as_they_then_were() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-06-30", "完成方案"]);
    b.ok_at("2025-06-10T10:00:00+08:00", &["milestone", "done", "2.1"]);
    b.ok_at(
        "2025-06-20T10:00:00+08:00",
        &["milestone", "add", "2", "--due", "2025-08-31", "完成验收"],
    );
    b.ok_at("2025-07-01T10:00:00+08:00", &["milestone", "delete", "2.1"]);
    let at = |date: &str| {
        let json: Value = serde_json::from_str(
            &b.ok_at("2025-07-02T10:00:00+08:00", &["export", "--as-of", date]),
        )
        .unwrap();
        json["tasks"][1]["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["number"].as_u64().unwrap(), m["completed_on"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(at("2025-05-19"), vec![]);
    assert_eq!(at("2025-06-01"), vec![(1, Value::Null)]);
    assert_eq!(at("2025-06-15"), vec![(1, json!("2025-06-10"))]);
    assert_eq!(
        at("2025-06-25"),
        vec![(1, json!("2025-06-10")), (2, Value::Null)]
    );
    assert_eq!(at("2025-07-01"), vec![(2, Value::Null)]);
    let listed = b.ok_at(
        "2025-07-02T10:00:00+08:00",
        &["--as-of", "2025-06-01", "milestone", "list", "2"],
    );
    assert!(listed.contains("2.1  2025-06-30  -  剩 29 天"), "{listed}");
}

// ---- the board file ----

/// A board file with `task` as its only task block.
fn file_with(task: &str) -> String {
    format!(
        "(\n    version: 2,\n    plan: (\n        title: \"方案\",\n        document_number: \"闵府发〔2024〕17号\",\n        issued_on: \"2024-11-01\",\n        issuer: \"闵行区人民政府\",\n    ),\n    tasks: [\n        (\n            id: 1,\n            title: \"提升能级\",\n            deadline: \"2025-12-31\",\n            lead_units: [\"莘庄海关\"],\n{task}        ),\n    ],\n)\n"
    )
}

#[test]
fn bad_milestones_in_a_file_are_refused_with_their_place_and_what_was_expected() {
    let cases = [
        (
            "            milestones: [\n                (number: 1, title: \"\", due: \"2025-06-30\"),\n            ],\n",
            "16:36: milestone 1.1 has an empty title (expected what is to be done by then)",
        ),
        (
            "            milestones: [\n                (number: 1, title: \"方案\", due: \"2025-06-31\"),\n            ],\n",
            "16:48: `2025-06-31` is not a date (expected YYYY-MM-DD)",
        ),
        (
            "            milestones: [\n                (number: 1, title: \"方案\", due: \"2025-06-30\"),\n                (number: 1, title: \"验收\", due: \"2025-09-30\"),\n            ],\n",
            "17:26: task 1 has two milestones numbered 1 (expected each number once)",
        ),
        (
            "            milestones: [\n                (number: 0, title: \"方案\", due: \"2025-06-30\"),\n            ],\n",
            "16:26: task 1 has a milestone numbered 0 (expected a number from 1)",
        ),
        (
            "            milestones: [\n                (number: 1, title: \"方案\"),\n            ],\n",
            "16:40: missing field `due` in Milestone",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    for (task, message) in cases {
        std::fs::write(&path, file_with(task)).unwrap();
        let before = snapshot(&path);
        let out = Command::new(BIN)
            .args(["check"])
            .current_dir(dir.path())
            .env_remove("FTZ_BOARD_FILE")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{message}");
        assert_eq!(stderr(&out), format!("ftz-board: board.ron:{message}\n"));
        // The same message from the store, and the file is left as it was.
        let err = Store::new(&path).load().unwrap_err();
        assert_eq!(err.to_string(), format!("{}:{message}", path.display()));
        assert_eq!(snapshot(&path), before);
    }
}

#[test]
fn milestones_round_trip_through_the_file_one_line_each_by_number() {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.task_mut(3).unwrap().milestones = vec![
        milestone(
            1,
            "形成企业清单",
            "2024-12-15",
            &["区商务委"],
            Some("2024-12-10"),
        ),
        milestone(2, "完成培育", "2025-06-30", &["区商务委", "莘庄海关"], None),
    ];
    let text = store::to_text(&board);
    assert!(text.contains(
        "                (number: 1, title: \"形成企业清单\", due: \"2024-12-15\", units: [\"区商务委\"], completed_on: Some(\"2024-12-10\")),\n                (number: 2, title: \"完成培育\", due: \"2025-06-30\", units: [\"区商务委\", \"莘庄海关\"], completed_on: None),\n            ],"
    ));
    let read = store::parse(&text, Path::new("board.ron")).unwrap();
    assert_eq!(read, board);
    assert_eq!(store::to_text(&read), text);
}

#[test]
fn the_built_in_plan_has_no_milestones_of_its_own() {
    // The plan stays exactly the document, which breaks no task into milestones.
    let plan = ftz_board::plan::builtin_plan().unwrap();
    assert!(plan.tasks.iter().all(|t| t.milestones.is_empty()));
}

// ---- lights in the export and the reports ----

/// Task 2 (due 2025-12-31) with one milestone missed and completed late, one due soon; task 5
/// with one missed and open; reports on 2025-06-01.
fn reported() -> Board {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-05-10", "完成调研"]);
    b.ok(&[
        "milestone",
        "add",
        "2",
        "--due",
        "2025-06-10",
        "--unit",
        "区商务委",
        "完成方案",
    ]);
    b.ok_at("2025-05-25T10:00:00+08:00", &["milestone", "done", "2.1"]);
    b.ok_at(
        "2025-05-25T11:00:00+08:00",
        &["milestone", "add", "5", "--due", "2025-05-28", "调研"],
    );
    b
}

#[test]
fn the_export_gives_each_task_its_milestones_light_and_red_record() {
    let b = reported();
    let json = b.json(&["export", "--today", "2025-06-01"]);
    let task2 = &json["tasks"][1];
    assert_eq!(
        task2["milestones"],
        json!([
            {"number": 1, "title": "完成调研", "due": "2025-05-10", "units": ["莘庄海关"],
             "completed_on": "2025-05-25", "urgency": "done_late"},
            {"number": 2, "title": "完成方案", "due": "2025-06-10", "units": ["区商务委"],
             "completed_on": null, "urgency": "due_soon"},
        ])
    );
    assert_eq!(task2["light"], "yellow");
    // Red from the board's first day (2.1 was already missed) until it was completed.
    assert_eq!(
        task2["was_red"],
        json!([{"from": "2025-05-20", "until": "2025-05-25"}])
    );
    assert_eq!(json["tasks"][4]["light"], "red");
    assert_eq!(
        json["tasks"][4]["was_red"],
        json!([{"from": "2025-05-29", "until": null}])
    );
    for task in json["tasks"].as_array().unwrap() {
        let light = task["light"].as_str().unwrap();
        assert!(
            ["red", "yellow", "green", "none"].contains(&light),
            "{light}"
        );
        assert!(task["milestones"].is_array());
    }
}

#[test]
fn the_markdown_report_lists_lights_red_first_and_milestones_by_unit() {
    let b = reported();
    let md = b.ok(&["report", "--today", "2025-06-01", "--format", "md"]);
    assert!(
        md.contains("| ◉ 红灯 | 12 |\n| ◍ 黄灯 | 1 |\n| ◌ 绿灯 | 6 |"),
        "{md}"
    );
    let lights = md.split("、红黄绿灯（红灯在前）").nth(1).unwrap();
    let rows: Vec<&str> = lights
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
        .collect();
    assert_eq!(rows[0], "| 序号 | 任务 | 灯 | 节点 | 曾亮红灯 |");
    assert!(rows[1].contains("红灯（任务逾期 152 天）"), "{}", rows[1]);
    let task5 = rows.iter().position(|r| r.starts_with("| 5 |")).unwrap();
    let task2 = rows.iter().position(|r| r.starts_with("| 2 |")).unwrap();
    assert!(task5 < task2);
    assert!(rows[task5].contains("节点 1 逾期 4 天"), "{}", rows[task5]);
    assert!(
        rows[task2]
            .contains("| 黄灯（节点 2 剩 9 天） | 1/2 | 曾亮红灯：2025-05-20 至 2025-05-25 |"),
        "{}",
        rows[task2]
    );
    assert!(md.contains(
        "### 近期节点（30 天内到期），按责任单位\n\n| 单位 | 任务 | 节点 | 节点日期 | 期限情况 |\n| --- | --- | --- | --- | --- |\n| 区商务委 | 2 拓展公用型保税仓库功能 | 2.2 完成方案 | 2025-06-10 | 剩 9 天 |\n"
    ));
    assert!(md.contains(
        "### 逾期节点，按责任单位\n\n| 单位 | 任务 | 节点 | 节点日期 | 期限情况 |\n| --- | --- | --- | --- | --- |\n| 区卫生健康委 | 5 探索医疗服务贸易创新 | 5.1 调研 | 2025-05-28 | 逾期 4 天 |\n| 新虹桥国际医学中心 | 5 探索医疗服务贸易创新 | 5.1 调研 | 2025-05-28 | 逾期 4 天 |\n"
    ));
    // The per-unit table counts lights.
    assert!(
        md.contains("| 单位 | 牵头 | 配合 | 已完成 | 逾期 | 按期完成率 | 红灯 | 黄灯 | 绿灯 |")
    );
    assert!(
        md.contains("| 莘庄海关 | 2 | 1 | 0 | 2 | — | 2 | 1 | 0 |"),
        "{md}"
    );
}

#[test]
fn csv_json_and_the_workbook_carry_the_lights_too() {
    let b = reported();
    let csv = b.ok(&["report", "--today", "2025-06-01", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",进展,灯,节点,下一节点,曾亮红灯"),
        "{header}"
    );
    let task2 = csv.lines().find(|l| l.starts_with("2,")).unwrap();
    assert!(
        task2.ends_with(
            ",黄灯（节点 2 剩 9 天）,1/2,2.2 2025-06-10 完成方案,曾亮红灯：2025-05-20 至 2025-05-25"
        ),
        "{task2}"
    );

    let json = b.json(&["report", "--today", "2025-06-01", "--format", "json"]);
    assert_eq!(
        json["light_counts"],
        json!({"red": 12, "yellow": 1, "green": 6, "none": 0})
    );
    let lights = json["lights"].as_array().unwrap();
    let order: Vec<&str> = lights
        .iter()
        .map(|l| l["light"].as_str().unwrap())
        .collect();
    assert!(order.is_sorted_by_key(|l| {
        ["red", "yellow", "green", "none"]
            .iter()
            .position(|x| x == l)
    }));
    assert_eq!(
        json["upcoming_milestones"],
        json!([{"unit": "区商务委", "milestones": [{"task": 2, "number": 2, "title": "完成方案",
            "due": "2025-06-10", "urgency": "due_soon", "days_left": 9, "days_overdue": null}]}])
    );
    assert_eq!(json["missed_milestones"][0]["unit"], "区卫生健康委");
    assert_eq!(
        json["missed_milestones"][0]["milestones"][0]["days_overdue"],
        4
    );
    let unit = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "莘庄海关")
        .unwrap();
    assert_eq!(
        (unit["red"].clone(), unit["yellow"].clone()),
        (json!(2), json!(1))
    );

    let path = b.dir.path().join("r.xlsx");
    b.ok(&[
        "report",
        "--today",
        "2025-06-01",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert!(names.contains(&"红黄绿灯".to_string()) && names.contains(&"节点".to_string()));
    let sheet = wb.worksheet_range("红黄绿灯").unwrap();
    let first = sheet.rows().nth(1).unwrap();
    assert_eq!(first[2].to_string(), "红灯（任务逾期 152 天）");
    let nodes = wb.worksheet_range("节点").unwrap();
    let text: Vec<String> = nodes
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(text.contains(&"2.2 完成方案".to_string()) && text.contains(&"逾期节点".to_string()));
}

#[test]
fn the_word_report_has_the_lights_and_milestone_sections() {
    let b = reported();
    let path = b.dir.path().join("r.docx");
    b.ok(&[
        "report",
        "--today",
        "2025-06-01",
        "--format",
        "docx",
        "-o",
        path.to_str().unwrap(),
    ]);
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    for text in [
        "红黄绿灯（红灯在前）",
        "近期节点（30 天内到期），按责任单位",
        "曾亮红灯：2025-05-20 至 2025-05-25",
    ] {
        assert!(xml.contains(text), "{text}");
    }
}

#[test]
fn the_sample_boards_for_the_benches_carry_milestones_with_every_light() {
    let board = ftz_board::sample::generate_board(500, 1);
    let with = board
        .tasks
        .iter()
        .filter(|t| !t.milestones.is_empty())
        .count();
    assert!(with > 250, "{with} of 500 tasks have milestones");
    let today = day("2025-06-01");
    for wanted in Light::ALL {
        assert!(
            board
                .tasks
                .iter()
                .any(|t| light(&board, t, today) == wanted),
            "no {wanted:?} task"
        );
    }
    assert_eq!(ftz_board::model::validate(&board), vec![]);
}

/// Time reconstruction through a whole sequence of milestone changes made at one-day steps:
/// each day's board is the board as of that day.
#[test]
fn stepping_through_a_week_of_milestone_changes_gives_each_day_s_board() {
    let b = Board::new();
    let store = b.store();
    let at = |d: &str| -> DateTime<chrono::Utc> {
        DateTime::<FixedOffset>::parse_from_rfc3339(&format!("{d}T10:00:00+08:00"))
            .unwrap()
            .to_utc()
    };
    let ops = [
        (
            "2025-05-21",
            Operation::AddMilestone {
                id: 4,
                title: "节点一".into(),
                due: "2025-06-30".into(),
                units: vec![],
            },
        ),
        (
            "2025-05-22",
            Operation::AddMilestone {
                id: 4,
                title: "节点二".into(),
                due: "2025-08-30".into(),
                units: vec!["区科委".into()],
            },
        ),
        (
            "2025-05-23",
            Operation::CompleteMilestone {
                id: 4,
                number: 1,
                on: None,
            },
        ),
        (
            "2025-05-24",
            Operation::EditMilestone {
                id: 4,
                number: 2,
                title: Some("节点二（调整）".into()),
                due: None,
                units: None,
            },
        ),
        (
            "2025-05-25",
            Operation::ReopenMilestone { id: 4, number: 1 },
        ),
        (
            "2025-05-26",
            Operation::DeleteMilestone { id: 4, number: 2 },
        ),
    ];
    let mut expected = Vec::new();
    for (d, op) in &ops {
        let applied = store.apply_at(op, "tester", Some(at(d))).unwrap();
        expected.push((day(d), applied.board.task(4).unwrap().milestones.clone()));
    }
    let current = store.load().unwrap().board;
    let history = store.load_history().unwrap();
    for (date, milestones) in &expected {
        let as_of = ftz_board::model::AsOf::at(&current, &history, *date);
        assert_eq!(
            &as_of.board.task(4).unwrap().milestones,
            milestones,
            "{date}"
        );
    }
}

#[test]
fn changes_say_what_happened_to_each_milestone() {
    let b = Board::new();
    b.ok(&["milestone", "add", "2", "--due", "2025-05-10", "完成调研"]);
    b.ok_at("2025-05-21T10:00:00+08:00", &["milestone", "done", "2.1"]);
    b.ok_at("2025-05-22T10:00:00+08:00", &["milestone", "reopen", "2.1"]);
    b.ok_at(
        "2025-05-23T10:00:00+08:00",
        &["milestone", "edit", "2.1", "--title", "完成调研摸底"],
    );
    b.ok_at("2025-05-24T10:00:00+08:00", &["milestone", "delete", "2.1"]);
    let text = b.ok_at(
        "2025-05-25T10:00:00+08:00",
        &["changes", "--since", "2025-05-01"],
    );
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("节点")).collect();
    assert_eq!(
        lines,
        vec![
            "  2025-05-20 10:00  tester  新增节点 1：完成调研（2025-05-10）",
            "  2025-05-21 10:00  tester  节点 1 完成：完成调研（超期 11 天）",
            "  2025-05-22 10:00  tester  节点 1 重新打开：完成调研",
            "  2025-05-23 10:00  tester  节点 1：完成调研 -> 完成调研摸底（2025-05-10）",
            "  2025-05-24 10:00  tester  删除节点 1：完成调研摸底",
        ]
    );
    let json: Value = serde_json::from_str(&b.ok_at(
        "2025-05-25T10:00:00+08:00",
        &["changes", "--since", "2025-05-01", "--format", "json"],
    ))
    .unwrap();
    let done = &json["changes"][1];
    assert_eq!(
        (
            &done["kind"],
            &done["milestone"],
            &done["completion"],
            &done["days_late"]
        ),
        (
            &json!("milestone"),
            &json!("done"),
            &json!("late"),
            &json!(11)
        )
    );
}
