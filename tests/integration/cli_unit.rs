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

fn ids_listed(out: &std::process::Output) -> Vec<String> {
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .filter_map(|l| {
            l.trim_start()
                .split_once(". ")
                .map(|(id, _)| id.to_string())
        })
        .filter(|id| id.parse::<u32>().is_ok())
        .collect()
}

#[test]
fn a_unique_part_of_a_unit_name_is_enough_wherever_unit_is_taken() {
    let dir = board_dir();
    let d = dir.path();
    // Any unique part: the same tasks as the whole name.
    let whole = run(d, &["--unit", "区商务委", "list"]);
    let part = run(d, &["--unit", "商务委", "list"]);
    assert!(
        part.status.success(),
        "{}",
        String::from_utf8_lossy(&part.stderr)
    );
    assert!(!ids_listed(&whole).is_empty());
    assert_eq!(ids_listed(&part), ids_listed(&whole));
    // A part of an alias counts: 网信 is in 区网信办, the body's spelling of 区委网信办.
    let out = run(d, &["export", "--unit", "网信"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["tasks"].as_array().unwrap().len(), 1);
    // The report names the unit it found, not the part typed.
    let out = run(d, &["report", "--format", "md", "--unit", "商务委"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().contains("区商务委"), "{text}");
    let out = run(d, &["changes", "--since", "2020-01-01", "--unit", "商务委"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // remind, on a board with a reporting cycle: only that unit's list.
    let path = d.join("board.ron");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "    settings: (",
        "    settings: (\n        report_cycle: Some(monthly(day: 5)),",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let out = run(d, &["remind", "--unit", "科委"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let units: Vec<&str> = text.lines().filter(|l| l.contains("项未报")).collect();
    assert_eq!(units.len(), 1, "{text}");
    assert!(units[0].starts_with("区科委（"), "{text}");
}

#[test]
fn a_part_of_several_unit_names_exits_1_listing_the_candidates() {
    let dir = board_dir();
    for args in [
        &["--unit", "海关", "list"][..],
        &["report", "--format", "md", "--unit", "海关"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("unit `海关` is ambiguous") && err.contains("莘庄海关、龙吴海关"),
            "{err}"
        );
    }
}

#[test]
fn a_unit_that_matches_nothing_offers_the_close_names() {
    let dir = board_dir();
    let out = run(dir.path(), &["--unit", "区科技委", "export"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown unit `区科技委` (did you mean: 区科委?)"),
        "{err}"
    );
}
