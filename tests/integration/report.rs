//! `ftz-board report`: each format is produced by the real binary on a board with known statuses and
//! notes, parsed back, and its figures compared with the model's statistics for the same day.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use ftz_board::model::stats::{self, Summary};
use ftz_board::model::{Board, Note, Status};
use ftz_board::plan::builtin_plan;
use ftz_board::report::{Format, default_report_path, write_report};
use serde_json::{Value, json};

const TODAY: &str = "2025-06-01";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn note(board: &mut Board, id: u32, at: &str, text: &str, decision: bool) {
    board.task_mut(id).unwrap().notes.push(Note {
        at: at.parse().unwrap(),
        author: "王五".into(),
        text: text.into(),
        decision,
    });
}

/// On 2025-06-01: task 1 done on time, task 3 done 15 days late, tasks 4 (overdue) and 7 (on track)
/// blocked, task 2 in progress, the rest not started. Nine 2024 tasks are overdue by 152 days.
fn reported_board() -> Board {
    let mut b = builtin_plan().unwrap();
    for (id, status, done) in [
        (1, Status::Done, Some("2024-12-20")),
        (3, Status::Done, Some("2025-01-15")),
        (4, Status::Blocked, None),
        (7, Status::Blocked, None),
        (2, Status::InProgress, None),
    ] {
        let t = b.task_mut(id).unwrap();
        t.status = status;
        t.completed_on = done.map(day);
    }
    b.task_mut(13).unwrap().title = "=HYPERLINK(\"http://example.com\")".into();
    note(
        &mut b,
        4,
        "2025-05-20T15:00:00+08:00",
        "请商务委牵头协调",
        true,
    );
    note(&mut b, 2, "2025-04-01T09:00:00+08:00", "已启动调研", false);
    note(
        &mut b,
        12,
        "2025-05-28T10:30:00+08:00",
        "审批|公式, \"引号\"\n第二行",
        false,
    );
    b
}

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn with_board(board: &Board) -> Dir {
        let dir = tempfile::tempdir().unwrap();
        let text = ftz_board::store::to_text(board);
        std::fs::write(dir.path().join("board.ron"), text).unwrap();
        Dir { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn report(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_ftz-board"))
            .arg("--file")
            .arg(self.path("board.ron"))
            .args(["--today", TODAY, "report"])
            .args(args)
            .env_remove("FTZ_BOARD_LANG")
            .output()
            .unwrap()
    }

    fn report_ok(&self, args: &[&str]) -> String {
        let out = self.report(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "report {args:?} failed: {stderr}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn model() -> (Board, Summary) {
    let board = reported_board();
    let summary = stats::summary(&board, day(TODAY));
    (board, summary)
}

/// The label → value pairs of the summary, as the md table and the xlsx sheet label them.
fn expected_summary(s: &Summary) -> Vec<(&'static str, String)> {
    vec![
        ("任务总数", s.total.to_string()),
        ("未启动", s.count(Status::NotStarted).to_string()),
        ("推进中", s.count(Status::InProgress).to_string()),
        ("需协调", s.count(Status::Blocked).to_string()),
        ("已完成", s.done().to_string()),
        ("逾期未完成", s.overdue.to_string()),
        ("30 天内到期", s.due_soon.to_string()),
        ("按期完成", s.done_on_time.to_string()),
        ("超期完成", s.done_late.to_string()),
    ]
}

#[test]
fn the_fixture_has_the_figures_the_tests_rely_on() {
    let (_, s) = model();
    assert_eq!(Status::ALL.map(|st| s.count(st)), [14, 1, 2, 2]);
    assert_eq!((s.overdue, s.due_soon, s.on_track), (9, 0, 8));
    assert_eq!(s.on_time_share_of_done(), Some(0.5));
}

/// The text of the Markdown section whose heading starts with `heading`, up to the next heading.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(heading)
        .unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &md[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Cells of the first Markdown table row that starts with `| first |`.
fn md_row<'a>(text: &'a str, first: &str) -> Option<Vec<&'a str>> {
    let prefix = format!("| {first} |");
    let line = text.lines().find(|l| l.starts_with(&prefix))?;
    Some(line.trim_matches('|').split(" | ").map(str::trim).collect())
}

#[test]
fn markdown_report_states_the_models_figures() {
    let dir = Dir::with_board(&reported_board());
    let md = dir.report_ok(&["--format", "md"]);
    let (board, s) = model();
    assert!(md.contains("报告日期：2025-06-01"));
    let totals = section(&md, "## 一、总体情况");
    for (label, value) in expected_summary(&s) {
        assert_eq!(
            md_row(totals, label),
            Some(vec![label, value.as_str()]),
            "{label}"
        );
    }
    assert_eq!(
        md_row(totals, "按期完成率（占已完成）").unwrap()[1],
        "50.0%"
    );
    assert_eq!(md_row(totals, "按期完成占全部任务").unwrap()[1], "5.3%");
    let overdue = section(&md, &format!("## 二、逾期任务（{} 项）", s.overdue));
    for (task, days) in stats::overdue_tasks(&board, day(TODAY)) {
        let row = md_row(overdue, &task.id.to_string()).unwrap();
        assert_eq!(row[3], days.to_string(), "days overdue of task {}", task.id);
    }
    let blocked = section(&md, "## 三、需协调任务（2 项）");
    assert!(md_row(blocked, "4").is_some() && md_row(blocked, "7").is_some());
    let units = section(&md, "## 四、各单位情况");
    for unit in stats::unit_table(&board, day(TODAY)) {
        let row = md_row(units, &unit.unit).unwrap();
        let counts = [unit.lead, unit.cooperating, unit.done, unit.overdue];
        assert_eq!(row[1..5], counts.map(|n| n.to_string()), "{}", unit.unit);
    }
    let ranking: Vec<Vec<&str>> = section(&md, "## 五、逾期排名")
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 名次") && !l.starts_with("| ---"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    let expected: Vec<Vec<String>> = stats::overdue_ranking(&board, day(TODAY))
        .iter()
        .map(|r| {
            let ids: Vec<String> = r.tasks.iter().map(|(id, _)| id.to_string()).collect();
            let (n, days) = (r.tasks.len(), r.days());
            vec![
                r.rank.to_string(),
                r.unit.clone(),
                n.to_string(),
                days.to_string(),
                ids.join("、"),
            ]
        })
        .collect();
    assert_eq!(ranking, expected);
    assert_eq!(
        ranking[..2].iter().map(|r| r[1]).collect::<Vec<_>>(),
        ["区市场监管局", "区财政局"]
    );
}

#[test]
fn markdown_report_lists_only_recent_notes_and_keeps_tables_intact() {
    let dir = Dir::with_board(&reported_board());
    let md = dir.report_ok(&["--format", "md"]);
    // Default window: 30 days back, from 2025-05-02. The April note is left out.
    assert!(md.contains("## 六、近期进展（2025-05-02 至 2025-06-01，2 条）"));
    assert!(md.contains("任务 4「开展离岸经贸业务」 王五：【会议决定】请商务委牵头协调"));
    assert!(
        md.contains("审批|公式, \"引号\" 第二行"),
        "note on one line"
    );
    assert!(!md.contains("已启动调研"));
    assert!(md.contains("| 13 | =HYPERLINK(\"http://example.com\") |"));
    let earlier = dir.report_ok(&["--format", "md", "--since", "2025-04-01"]);
    assert!(earlier.contains("已启动调研"));
}

/// A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends mid-record"
    );
    rows
}

#[test]
fn csv_report_has_a_bom_and_one_row_per_task_matching_the_model() {
    let dir = Dir::with_board(&reported_board());
    let text = dir.report_ok(&["--format", "csv"]);
    let body = text
        .strip_prefix('\u{FEFF}')
        .expect("UTF-8 byte-order mark");
    let rows = parse_csv(body);
    let (board, s) = model();
    assert_eq!(rows.len(), 1 + board.tasks.len());
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let by_id: HashMap<&str, &Vec<String>> = rows[1..].iter().map(|r| (r[0].as_str(), r)).collect();
    for status in Status::ALL {
        let label = ftz_board::i18n::Lang::Zh.status(status);
        let n = rows[1..].iter().filter(|r| r[col("状态")] == label).count();
        assert_eq!(n, s.count(status), "{label}");
    }
    let overdue: Vec<(String, String)> = rows[1..]
        .iter()
        .filter(|r| !r[col("逾期天数")].is_empty())
        .map(|r| (r[0].clone(), r[col("逾期天数")].clone()))
        .collect();
    let expected: Vec<(String, String)> = {
        let mut v: Vec<_> = stats::overdue_tasks(&board, day(TODAY))
            .iter()
            .map(|(t, d)| (t.id.to_string(), d.to_string()))
            .collect();
        v.sort_by_key(|(id, _)| id.parse::<u32>().unwrap());
        v
    };
    assert_eq!(overdue, expected);
    assert_eq!(by_id["1"][col("牵头单位")], "莘庄海关、龙吴海关");
    assert_eq!(by_id["3"][col("完成日期")], "2025-01-15");
    assert_eq!(
        by_id["13"][col("任务")],
        "'=HYPERLINK(\"http://example.com\")"
    );
    let notes = &by_id["12"][col("进展")];
    assert_eq!(notes, "2025-05-28 10:30 王五：审批|公式, \"引号\"\n第二行");
}

#[test]
fn json_report_carries_the_models_figures() {
    let dir = Dir::with_board(&reported_board());
    let text = dir.report_ok(&["--format", "json"]);
    let json: Value = serde_json::from_str(&text).unwrap();
    let (board, s) = model();
    let summary = &json["summary"];
    assert_eq!(json["today"], TODAY);
    assert_eq!(json["since"], "2025-05-02");
    for (key, value) in [
        ("total", s.total),
        ("not_started", s.count(Status::NotStarted)),
        ("blocked", s.count(Status::Blocked)),
        ("done", s.done()),
        ("overdue", s.overdue),
        ("due_soon", s.due_soon),
        ("done_late", s.done_late),
    ] {
        assert_eq!(summary[key], value, "{key}");
    }
    assert_eq!(summary["on_time_share_of_done"], 0.5);
    let pick = |list: &str, keys: &[&str]| -> Vec<Value> {
        let items = json[list].as_array().unwrap().iter();
        items
            .map(|o| keys.iter().map(|k| o[*k].clone()).collect())
            .collect()
    };
    let overdue = stats::overdue_tasks(&board, day(TODAY));
    let expected: Vec<Value> = overdue.iter().map(|(t, d)| json!([t.id, d])).collect();
    assert_eq!(pick("overdue", &["id", "days_overdue"]), expected);
    let units = stats::unit_table(&board, day(TODAY));
    let expected: Vec<Value> = units
        .iter()
        .map(|u| json!([u.unit, u.lead, u.overdue, u.on_time_rate()]))
        .collect();
    assert_eq!(
        pick("units", &["unit", "lead", "overdue", "on_time_rate"]),
        expected
    );
    let ranking = stats::overdue_ranking(&board, day(TODAY));
    let expected: Vec<Value> = ranking
        .iter()
        .map(|r| json!([r.rank, r.unit, r.days()]))
        .collect();
    assert_eq!(
        pick("overdue_ranking", &["rank", "unit", "days_overdue"]),
        expected
    );
    assert_eq!(
        pick("notes", &["task", "decision"]),
        [json!([4, true]), json!([12, false])]
    );
}

fn sheet(workbook: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = workbook.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

/// A numeric cell's value; text that looks like a number does not count.
fn number(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

#[test]
fn xlsx_report_opens_with_summary_task_and_unit_sheets_and_the_models_figures() {
    let dir = Dir::with_board(&reported_board());
    let path = dir.path("report.xlsx");
    let out = dir.report_ok(&["--format", "xlsx", "--output", path.to_str().unwrap()]);
    assert!(out.contains("report.xlsx"), "says where: {out}");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names[..3], ["汇总", "任务", "单位"]);
    let (board, s) = model();
    let summary: HashMap<String, Data> = sheet(&mut wb, "汇总")
        .into_iter()
        .map(|r| (cell_text(&r[0]), r[1].clone()))
        .collect();
    for (label, value) in expected_summary(&s) {
        assert_eq!(cell_text(&summary[label]), value, "{label}");
    }
    assert_eq!(summary["按期完成率（占已完成）"], Data::Float(0.5));
    let tasks = sheet(&mut wb, "任务");
    assert_eq!(tasks.len(), 1 + board.tasks.len());
    let days_col = tasks[0]
        .iter()
        .position(|h| cell_text(h) == "逾期天数")
        .unwrap();
    let overdue_days: i64 = tasks[1..]
        .iter()
        .filter_map(|r| number(&r[days_col]))
        .map(|d| d as i64)
        .sum();
    assert_eq!(overdue_days, 9 * 152);
    let units = sheet(&mut wb, "单位");
    let table = stats::unit_table(&board, day(TODAY));
    assert_eq!(units.len(), 1 + table.len());
    let rank_col = units[0]
        .iter()
        .position(|h| cell_text(h) == "逾期排名")
        .unwrap();
    for rank in stats::overdue_ranking(&board, day(TODAY)) {
        let row = units
            .iter()
            .find(|r| cell_text(&r[0]) == rank.unit)
            .unwrap();
        assert_eq!(
            number(&row[rank_col]),
            Some(rank.rank as f64),
            "{}",
            rank.unit
        );
    }
}

#[test]
fn xlsx_without_output_is_refused_with_a_message() {
    let dir = Dir::with_board(&reported_board());
    let out = dir.report(&["--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --output"));
}

#[test]
fn an_existing_output_file_is_kept_unless_forced() {
    let dir = Dir::with_board(&reported_board());
    let path = dir.path("report.md");
    std::fs::write(&path, "minutes of last week").unwrap();
    let out = dir.report(&["--format", "md", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "minutes of last week"
    );
    dir.report_ok(&["--format", "md", "-o", path.to_str().unwrap(), "--force"]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("推进情况报告")
    );
    assert_eq!(
        dir.files(),
        ["board.ron", "report.md"],
        "no temporary files left"
    );
}

#[test]
fn a_since_date_after_the_report_date_is_refused() {
    let dir = Dir::with_board(&reported_board());
    let out = dir.report(&["--since", "2025-07-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("after the report date"));
}

#[test]
fn the_boards_export_writes_a_dated_file_and_will_not_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let board = reported_board();
    let path = default_report_path(dir.path(), day("2026-11-26"), Format::Xlsx);
    assert_eq!(path, dir.path().join("ftz-report-2026-11-26.xlsx"));
    let since = ftz_board::report::default_since(day(TODAY));
    write_report(&board, day(TODAY), since, Format::Xlsx, &path, false).unwrap();
    let written = std::fs::read(&path).unwrap();
    let again = write_report(&board, day(TODAY), since, Format::Csv, &path, false);
    assert!(matches!(again, Err(ftz_board::report::ReportError::Exists(p)) if p == path));
    assert_eq!(std::fs::read(&path).unwrap(), written);
    assert!(Path::new(&path).exists());
}
