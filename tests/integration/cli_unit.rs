//! `--unit` on the command line: "my unit's work" in the listing, the export and the report.

use std::process::Command;

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ftz-board"))
        .current_dir(dir)
        .args(["--file", "board.ron"])
        .args(args)
        // The listing is in the language FTZ_BOARD_LANG chooses; these tests read the Chinese one.
        .env_remove("FTZ_BOARD_LANG")
        .output()
        .unwrap()
}

fn board_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["init"]).status.success());
    dir
}

#[test]
fn list_with_a_unit_shows_only_that_units_tasks_by_any_spelling() {
    let dir = board_dir();
    let out = run(dir.path(), &["--unit", "区网信办", "list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(" 19. 试点数据跨境流动"), "{text}");
    assert_eq!(text.matches(". ").count(), 1, "only task 19: {text}");
}

#[test]
fn export_and_report_with_a_unit_cover_lead_and_cooperating_tasks() {
    let dir = board_dir();
    let out = run(dir.path(), &["export", "--unit", "区科委"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<u64> = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_u64().unwrap())
        .collect();
    // 区科委 leads 6 and cooperates on 9, 10 and 15.
    assert_eq!(ids, [6, 9, 10, 15]);
    let out = run(
        dir.path(),
        &["report", "--format", "json", "--unit", "区科委"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_unknown_unit_lists_the_known_ones_and_exits_1() {
    let dir = board_dir();
    let out = run(dir.path(), &["--unit", "区外办", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown unit `区外办`") && err.contains("区委网信办"),
        "{err}"
    );
}

#[test]
fn the_export_says_by_how_many_days_a_task_was_done_late() {
    let dir = board_dir();
    assert!(run(dir.path(), &["status", "3", "done"]).status.success());
    let out = run(dir.path(), &["export"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let task = &json["tasks"][2];
    let done: chrono::NaiveDate = task["completed_on"].as_str().unwrap().parse().unwrap();
    let deadline: chrono::NaiveDate = task["deadline"].as_str().unwrap().parse().unwrap();
    // Completed today, after the 2024 deadline.
    assert_eq!(task["urgency"], "done_late");
    assert_eq!(
        task["days_late"].as_i64().unwrap(),
        (done - deadline).num_days()
    );
    assert!(task["days_overdue"].is_null());
}
