//! The board through time from the shell: `--today`/`--as-of` on list, export and report show the
//! board as it stood then; meetings; `changes`; the stage evaluation in every format; the Word
//! document.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, FixedOffset, NaiveDate};
use ftz_board::model::{Field, Operation, Status, Task};
use ftz_board::store::Store;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_ftz-board");

fn at(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    Some(
        DateTime::<FixedOffset>::parse_from_rfc3339(s)
            .unwrap()
            .to_utc(),
    )
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A board with a known half year: the plan (deadlines 2024-12-31 and 2025-12-31), then
/// - 2025-01-10 lina: #3 in progress; 2025-01-20 lina: note on #3
/// - 2025-02-01 zhangwei: meeting; decision on #9
/// - 2025-03-05 lina: #3 done (late: its deadline was 2024-12-31)
/// - 2025-03-10 zhangwei: #5 deadline 2025-12-31 -> 2025-03-31 (so it becomes overdue on 04-01)
/// - 2025-04-15 zhangwei: #20 added; 2025-04-20 zhangwei: #12 deleted
/// - 2025-05-01 wangfang: #7 blocked; 2025-05-02 zhangwei: meeting
/// - 2025-06-01 lina: #17 done (on time)
struct Board {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Board {
    fn new() -> Board {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        let store = Store::new(&path);
        store
            .create(&ftz_board::plan::builtin_plan().unwrap())
            .unwrap();
        let ops: Vec<(&str, &str, Operation)> = vec![
            (
                "2025-01-10T10:00:00+08:00",
                "lina",
                status(3, Status::InProgress),
            ),
            (
                "2025-01-20T10:00:00+08:00",
                "lina",
                note(3, "已完成企业摸排", false),
            ),
            (
                "2025-02-01T15:00:00+08:00",
                "zhangwei",
                meeting("2025-02-01"),
            ),
            (
                "2025-02-01T15:30:00+08:00",
                "zhangwei",
                note(9, "由区市场监管局牵头推进", true),
            ),
            ("2025-03-05T10:00:00+08:00", "lina", status(3, Status::Done)),
            (
                "2025-03-10T10:00:00+08:00",
                "zhangwei",
                Operation::EditField {
                    id: 5,
                    field: Field::Deadline,
                    value: "2025-03-31".into(),
                },
            ),
            (
                "2025-04-15T10:00:00+08:00",
                "zhangwei",
                Operation::AddTask {
                    task: Box::new(Task::new(
                        20,
                        "新增：低空经济应用场景",
                        vec!["区经委".into()],
                        day("2026-12-31"),
                    )),
                },
            ),
            (
                "2025-04-20T10:00:00+08:00",
                "zhangwei",
                Operation::DeleteTask { id: 12 },
            ),
            (
                "2025-05-01T10:00:00+08:00",
                "wangfang",
                status(7, Status::Blocked),
            ),
            (
                "2025-05-02T15:00:00+08:00",
                "zhangwei",
                meeting("2025-05-02"),
            ),
            (
                "2025-06-01T10:00:00+08:00",
                "lina",
                status(17, Status::Done),
            ),
        ];
        for (when, user, op) in ops {
            store.apply_at(&op, user, at(when)).unwrap();
        }
        Board { _dir: dir, path }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .arg("--file")
            .arg(&self.path)
            .args(args)
            .env("FTZ_BOARD_NOW", "2025-06-30T10:00:00+08:00")
            .env_remove("FTZ_BOARD_LANG")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn folder(&self) -> &Path {
        self.path.parent().unwrap()
    }
}

fn status(id: u32, to: Status) -> Operation {
    Operation::SetStatus { id, to }
}

fn note(id: u32, text: &str, decision: bool) -> Operation {
    Operation::AddNote {
        id,
        text: text.into(),
        decision,
    }
}

fn meeting(date: &str) -> Operation {
    Operation::RecordMeeting { date: day(date) }
}

fn task(export: &Value, id: u64) -> Option<&Value> {
    export["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
}

#[test]
fn the_board_as_of_a_date_shows_statuses_notes_and_tasks_as_they_then_were() {
    let board = Board::new();
    // Before task 3 was done, before task 20 existed and while task 12 still did.
    let then = board.json(&["--as-of", "2025-02-15", "export", "--format", "json"]);
    assert_eq!(then["today"], "2025-02-15");
    assert_eq!(task(&then, 3).unwrap()["status"], "in_progress");
    assert_eq!(task(&then, 3).unwrap()["completed_on"], Value::Null);
    assert!(task(&then, 20).is_none());
    assert!(task(&then, 12).is_some());
    assert_eq!(task(&then, 5).unwrap()["deadline"], "2025-12-31");
    assert_eq!(
        task(&then, 9).unwrap()["notes"].as_array().unwrap().len(),
        1
    );
    assert_eq!(
        then["history"].as_array().unwrap().len(),
        4,
        "only the changes made by then"
    );
    // `--today` is the same thing.
    let same = board.json(&["--today", "2025-02-15", "export", "--format", "json"]);
    assert_eq!(same, then);
    // Now.
    let now = board.json(&["export", "--format", "json"]);
    assert_eq!(task(&now, 3).unwrap()["completed_on"], "2025-03-05");
    assert_eq!(task(&now, 5).unwrap()["urgency"], "overdue");
    assert!(task(&now, 12).is_none() && task(&now, 20).is_some());
}

#[test]
fn a_back_dated_report_counts_what_was_done_by_then_not_what_is_done_now() {
    let board = Board::new();
    let report = board.json(&["--today", "2025-02-15", "report", "--format", "json"]);
    assert_eq!(report["today"], "2025-02-15");
    assert_eq!(report["summary"]["done"], 0);
    assert_eq!(report["summary"]["in_progress"], 1);
    let notes = report["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .all(|n| n["at"].as_str().unwrap() < "2025-02-16")
    );
    let list = board.ok(&["--as-of", "2025-02-15", "list"]);
    assert!(list.contains("## 已完成 (0)"), "{list}");
    let list_now = board.ok(&["list"]);
    assert!(list_now.contains("## 已完成 (2)"), "{list_now}");
}

#[test]
fn meetings_are_recorded_listed_and_give_changes_their_start() {
    let board = Board::new();
    let listed = board.ok(&["meetings"]);
    assert_eq!(listed, "2025-02-01\tzhangwei\n2025-05-02\tzhangwei\n");
    let out = board.ok(&["meeting", "--date", "2025-06-20"]);
    assert_eq!(
        out,
        format!("{}: meeting recorded on 2025-06-20\n", board.path.display())
    );
    // The same day twice is nothing new.
    let again = board.ok(&["meeting", "--date", "2025-06-20"]);
    assert!(again.ends_with("nothing to change\n"), "{again}");
    let listed = board.ok(&["meetings"]);
    assert_eq!(listed.lines().count(), 3);
    // Since the last meeting before 2025-06-10: 2025-05-02.
    let since = board.json(&[
        "changes",
        "--since",
        "last-meeting",
        "--until",
        "2025-06-10",
        "--format",
        "json",
    ]);
    assert_eq!(since["since"], "2025-05-02");
    let kinds: Vec<&str> = since["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["meeting", "status"]);
}

#[test]
fn changes_lists_every_kind_of_change_with_who_and_when() {
    let board = Board::new();
    let all = board.json(&[
        "changes",
        "--since",
        "2025-01-01",
        "--until",
        "2025-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(all["since"], "2025-01-01");
    assert_eq!(all["until"], "2025-06-30");
    let changes = all["changes"].as_array().unwrap();
    let find = |kind: &str, task: u64| {
        changes
            .iter()
            .find(|c| c["kind"] == kind && c["task"] == task)
            .unwrap_or_else(|| panic!("no {kind} on #{task}: {changes:#?}"))
    };
    let done = changes
        .iter()
        .find(|c| c["task"] == 3 && c["to"] == "done")
        .unwrap();
    assert_eq!(
        (
            &done["from"],
            &done["completion"],
            &done["days_late"],
            &done["user"]
        ),
        (
            &Value::from("in_progress"),
            &Value::from("late"),
            &Value::from(64),
            &Value::from("lina")
        )
    );
    let on_time = changes
        .iter()
        .find(|c| c["task"] == 17 && c["to"] == "done")
        .unwrap();
    assert_eq!(on_time["completion"], "on_time");
    assert_eq!(find("note", 3)["text"], "已完成企业摸排");
    assert_eq!(find("decision", 9)["user"], "zhangwei");
    let field = find("field", 5);
    assert_eq!(
        (&field["field"], &field["from"], &field["to"]),
        (
            &Value::from("deadline"),
            &Value::from("2025-12-31"),
            &Value::from("2025-03-31")
        )
    );
    assert_eq!(find("task_added", 20)["title"], "新增：低空经济应用场景");
    assert_eq!(find("task_deleted", 12)["title"], "深化商事登记制度改革");
    // The 2024 tasks not done became overdue on the window's first day; task 5 when its new
    // deadline passed.
    let overdue: Vec<u64> = changes
        .iter()
        .filter(|c| c["kind"] == "became_overdue")
        .map(|c| c["task"].as_u64().unwrap())
        .collect();
    assert_eq!(overdue, [1, 3, 4, 6, 9, 11, 12, 13, 14, 15, 16, 5]);
    let became = find("became_overdue", 5);
    assert_eq!(
        (&became["at"], &became["deadline"]),
        (
            &Value::from("2025-04-01T00:00:00+08:00"),
            &Value::from("2025-03-31")
        )
    );
    // Ordered by time.
    let times: Vec<&str> = changes.iter().map(|c| c["at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
}

#[test]
fn the_tasks_that_became_overdue_at_the_end_of_2024_are_found_in_a_window_over_new_year() {
    let board = Board::new();
    let window = board.json(&[
        "changes",
        "--since",
        "2024-12-25",
        "--until",
        "2025-01-05",
        "--format",
        "json",
    ]);
    let overdue: Vec<u64> = window["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "became_overdue")
        .map(|c| c["task"].as_u64().unwrap())
        .collect();
    assert_eq!(overdue, [1, 3, 4, 6, 9, 11, 12, 13, 14, 15, 16]);
}

#[test]
fn changes_in_text_and_markdown_group_by_task_and_narrow_to_a_unit() {
    let board = Board::new();
    let text = board.ok(&["changes", "--since", "2025-01-01"]);
    assert!(
        text.starts_with("变化 2025-01-01 至 2025-06-30（共 "),
        "{text}"
    );
    let task3 = text.split("\n#3 ").nth(1).unwrap();
    let task3 = task3.split("\n\n").next().unwrap();
    assert!(task3.starts_with("支持企业申请AEO认证"), "{task3}");
    assert!(
        task3.contains("2025-03-05 10:00  lina  状态 推进中 -> 已完成（超期 64 天完成）"),
        "{task3}"
    );
    assert!(task3.contains("lina  进展：已完成企业摸排"), "{task3}");
    let english = board.ok(&["--lang", "en", "changes", "--since", "2025-01-01"]);
    assert!(
        english.contains("status In progress -> Done (64 days late)"),
        "{english}"
    );
    let md = board.ok(&["changes", "--since", "2025-01-01", "--format", "md"]);
    assert!(md.contains("## #5 探索医疗服务贸易创新"), "{md}");
    assert!(
        md.contains("| 2025-03-10 10:00 | zhangwei | 时间节点：2025-12-31 → 2025-03-31 |"),
        "{md}"
    );
    // One unit's changes: 区商务委 leads task 3 and cooperates on 11; it has nothing to do with 9.
    let unit = board.json(&[
        "--unit",
        "区商务委",
        "changes",
        "--since",
        "2025-01-01",
        "--format",
        "json",
    ]);
    let tasks: Vec<u64> = unit["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["task"].as_u64())
        .collect();
    assert!(tasks.contains(&3) && !tasks.contains(&9), "{tasks:?}");
}

#[test]
fn bad_windows_are_refused_with_what_was_expected() {
    let board = Board::new();
    let out = board.run(&["changes", "--since", "去年"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "ftz-board: `去年` is not a date (expected YYYY-MM-DD or last-meeting)\n"
    );
    let out = board.run(&[
        "changes",
        "--since",
        "last-meeting",
        "--until",
        "2025-01-15",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no meeting recorded before 2025-01-15"));
    let out = board.run(&["report", "--from", "2025-06-01", "--to", "2025-01-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not before --to"));
}

#[test]
fn the_stage_evaluation_compares_the_board_at_both_dates() {
    let board = Board::new();
    let report = board.json(&[
        "report",
        "--from",
        "2025-02-15",
        "--to",
        "2025-06-30",
        "--format",
        "json",
    ]);
    let stage = &report["stage"];
    assert_eq!(
        (&stage["from"], &stage["to"]),
        (&Value::from("2025-02-15"), &Value::from("2025-06-30"))
    );
    let completed: Vec<(u64, bool)> = stage["completed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_u64().unwrap(), c["on_time"].as_bool().unwrap()))
        .collect();
    assert_eq!(completed, [(3, false), (17, true)]);
    let became: Vec<u64> = stage["became_overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(became, [5]);
    let newly_blocked: Vec<u64> = stage["newly_blocked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(newly_blocked, [7]);
    // Overdue at both dates: the 2024 tasks not done, less task 12 (deleted) and 3 (done).
    let still: Vec<u64> = stage["still_overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(still, [1, 4, 6, 9, 11, 13, 14, 15, 16]);
    assert_eq!(stage["summary_from"]["done"], 0);
    assert_eq!(stage["summary_to"]["done"], 2);
    let shangwu = stage["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "区商务委")
        .unwrap();
    assert_eq!(
        (&shangwu["done_from"], &shangwu["done_to"]),
        (&Value::from(0), &Value::from(1))
    );
    // The notes and decisions of the period (after 2025-02-15): none in this board's history
    // but the decision of 02-01 is before it.
    assert!(report["notes"].as_array().unwrap().is_empty());
    assert_eq!(report["since"], "2025-02-16");
}

#[test]
fn the_stage_evaluation_reads_the_same_in_markdown_csv_and_the_workbook() {
    let board = Board::new();
    let args = ["report", "--from", "2025-02-15", "--to", "2025-06-30"];
    let md = board.ok(&[&args[..], &["--format", "md"]].concat());
    assert!(
        md.starts_with("# 闵府发〔2024〕17号 阶段性评估报告（2025-02-15 至 2025-06-30）"),
        "{md}"
    );
    assert!(md.contains("## 二、阶段性评估"));
    assert!(md.contains("### 期内完成（2 项：按期 1 项，超期 1 项）"));
    assert!(
        md.contains("| 3 | 支持企业申请AEO认证 | 2025-03-05 | 超期 64 天完成 |"),
        "{md}"
    );
    assert!(md.contains("| 需协调 | 0 | 1 | +1 |"), "{md}");
    assert!(
        md.contains("## 七、期内进展与会议决定（2025-02-16 至 2025-06-30，0 条）"),
        "{md}"
    );
    let csv = board.ok(&[&args[..], &["--format", "csv"]].concat());
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("期初状态,期内完成,期内新增逾期,持续逾期,新增需协调"),
        "{header}"
    );
    let row3 = csv.lines().find(|l| l.starts_with("3,")).unwrap();
    assert!(row3.ends_with(",推进中,超期 64 天完成,,,"), "{row3}");
    let xlsx = board.folder().join("stage.xlsx");
    board.ok(&[
        &args[..],
        &["--format", "xlsx", "-o", xlsx.to_str().unwrap()],
    ]
    .concat());
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert!(book.sheet_names().contains(&"阶段评估".to_string()));
    let sheet = book.worksheet_range("阶段评估").unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        cells.contains(&"期内新增逾期（1 项）".to_string()),
        "{cells:?}"
    );
}

#[test]
fn the_word_report_is_an_a4_official_document_with_the_chinese_intact() {
    let board = Board::new();
    let path = board.folder().join("报告.docx");
    board.ok(&[
        "report",
        "--from",
        "2025-02-15",
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
    assert!(xml.contains("闵府发〔2024〕17号 阶段性评估报告（2025-02-15 至 2025-06-30）"));
    assert!(xml.contains("支持企业申请AEO认证"));
    // A4 and the 公文 margins, in twips.
    assert!(
        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "page size"
    );
    assert!(
        xml.contains(r#"w:top="2098""#) && xml.contains(r#"w:left="1587""#),
        "margins"
    );
    // Title in 小标宋 二号, body in 仿宋 三号, headings in 黑体.
    assert!(
        xml.contains(r#"w:eastAsia="方正小标宋简体""#) && xml.contains(r#"<w:sz w:val="44" />"#)
    );
    assert!(xml.contains(r#"w:eastAsia="仿宋""#) && xml.contains(r#"<w:sz w:val="32" />"#));
    assert!(xml.contains(r#"w:eastAsia="黑体""#));
    // Tables with a shaded header row.
    assert!(xml.contains("<w:tbl>") && xml.contains(r#"w:fill="D9D9D9""#));
    // A workbook or document cannot go to the terminal.
    let out = board.run(&["report", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_word_report_converts_to_a_pdf_where_libreoffice_is_installed() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        println!(
            "skipped: LibreOffice (soffice) is not installed; .ci/run installs it when it can"
        );
        return;
    };
    let board = Board::new();
    let path = board.folder().join("report.docx");
    board.ok(&["report", "--format", "docx", "-o", path.to_str().unwrap()]);
    let profile = board.folder().join("lo-profile");
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(board.folder())
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(board.folder().join("report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("MediaBox[0 0 595.3") || text.contains("MediaBox [0 0 595.3"),
        "an A4 page (595 x 842 points)"
    );
}

#[test]
fn a_report_on_a_date_before_the_board_was_made_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .arg("init")
        .env("FTZ_BOARD_NOW", "2026-12-02T10:00:00+08:00")
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = Command::new(BIN)
        .current_dir(dir.path())
        .args(["--today", "2025-06-30", "report", "--format", "md"])
        .env("FTZ_BOARD_NOW", "2026-12-02T10:00:00+08:00")
        .output()
        .unwrap();
    let md = String::from_utf8(report.stdout).unwrap();
    assert!(
        md.contains("> 注：本看板建立于 2026-12-02，此前的变更没有记录"),
        "{md}"
    );
}
