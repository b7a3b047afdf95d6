//! The version 2 files (docs/FORMAT.md): the journal and its fold at every crash point, the upgrade
//! of a version 1 file, the board as of any date, and the check of history against the board.

use crate::common;

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ftz_board::model::{
    AsOf, Board, Change, Completeness, Field, History, HistoryCheck, LegacyChange, Operation,
    Status, Task, Via, check_history,
};
use ftz_board::store::{self, Store};
use proptest::prelude::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> Option<DateTime<Utc>> {
    Some(
        DateTime::<FixedOffset>::parse_from_rfc3339(s)
            .unwrap()
            .to_utc(),
    )
}

fn status(id: u32, to: Status) -> Operation {
    Operation::SetStatus { id, to }
}

fn note(id: u32, text: &str) -> Operation {
    Operation::AddNote {
        id,
        text: text.into(),
        decision: false,
    }
}

fn plan_store(dir: &Path) -> Store {
    let store = Store::new(dir.join("board.ron"));
    store
        .create(&ftz_board::plan::builtin_plan().unwrap())
        .unwrap();
    store
}

/// A board big enough (over 512 KiB) that a change stays in the journal until a fold is due.
fn big_store(dir: &Path) -> Store {
    let path = dir.join("board.ron");
    std::fs::write(
        &path,
        store::to_text(&ftz_board::sample::generate_board(1000, 1)),
    )
    .unwrap();
    Store::new(path)
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |t| t.lines().count())
}

#[test]
fn a_small_board_is_folded_with_every_change_so_the_journal_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_store(dir.path());
    store
        .apply_at(
            &status(1, Status::InProgress),
            "lina",
            at("2025-03-01T10:00:00+08:00"),
        )
        .unwrap();
    store
        .apply_at(&note(1, "已对接"), "lina", at("2025-03-02T10:00:00+08:00"))
        .unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("status: in_progress,"), "{text}");
    assert!(text.contains("updated_on: Some(\"2025-03-02\"),"), "{text}");
    assert_eq!(lines(&store::history_path(store.path())), 2);
    assert_eq!(lines(&store::journal_path(store.path())), 0);
    // One note a line in the board file.
    assert!(
        text.lines().any(|l| l
            .trim_start()
            .starts_with("(at: \"2025-03-02T10:00:00+08:00\", author: \"lina\"")),
        "{text}"
    );
}

#[test]
fn a_change_to_a_big_board_is_one_journal_line_until_the_fold() {
    let dir = tempfile::tempdir().unwrap();
    let store = big_store(dir.path());
    let before = std::fs::read(store.path()).unwrap();
    let applied = store
        .apply_at(
            &note(7, "进展顺利"),
            "lina",
            at("2026-11-01T10:00:00+08:00"),
        )
        .unwrap();
    assert_eq!(
        std::fs::read(store.path()).unwrap(),
        before,
        "board file untouched"
    );
    assert_eq!(lines(&store::journal_path(store.path())), 1);
    assert_eq!(lines(&store::history_path(store.path())), 0);
    // Readers see the change all the same.
    let loaded = store.load().unwrap().board;
    assert_eq!(loaded.task(7), applied.board.task(7));
    assert_eq!(
        store.load_history().unwrap().entries(),
        applied.entries.as_slice()
    );
    // The fold writes it into the board and the history and empties the journal.
    store.fold().unwrap();
    assert_ne!(std::fs::read(store.path()).unwrap(), before);
    assert_eq!(lines(&store::journal_path(store.path())), 0);
    assert_eq!(lines(&store::history_path(store.path())), 1);
    assert_eq!(store.load().unwrap().board.task(7), applied.board.task(7));
    assert_eq!(
        store.load_history().unwrap().entries(),
        applied.entries.as_slice()
    );
}

/// The change left in the journal by `a_change_to_a_big_board…`, and the board with it.
fn journal_only(dir: &Path) -> (Store, Board, History) {
    let store = big_store(dir);
    let applied = store
        .apply_at(
            &status(8, Status::Done),
            "lina",
            at("2026-11-01T10:00:00+08:00"),
        )
        .unwrap();
    (store, applied.board, History::new(applied.entries))
}

#[test]
fn a_writer_killed_mid_append_leaves_a_torn_line_that_is_ignored_and_cut() {
    let dir = tempfile::tempdir().unwrap();
    let (store, board, history) = journal_only(dir.path());
    let journal = store::journal_path(store.path());
    let mut torn = std::fs::read(&journal).unwrap();
    torn.extend_from_slice(b"[(at: \"2026-11-02T10:00:00+08:00\", user: \"x\", task: 9, cha");
    std::fs::write(&journal, &torn).unwrap();
    assert_eq!(store.load().unwrap().board, board);
    assert_eq!(store.load_history().unwrap(), history);
    store
        .apply_at(&note(9, "下一条"), "lina", at("2026-11-03T10:00:00+08:00"))
        .unwrap();
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(!text.contains("cha\n") && text.ends_with('\n'));
}

#[test]
fn a_fold_killed_after_writing_the_board_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, board, history) = journal_only(dir.path());
    // The fold's first step: the new board file. The history and the journal are as they were.
    std::fs::write(store.path(), store::to_text(&board)).unwrap();
    assert_eq!(store.load().unwrap().board, board);
    assert_eq!(store.load_history().unwrap(), history);
    store.fold().unwrap();
    assert_eq!(store.load_history().unwrap(), history);
    assert_eq!(lines(&store::history_path(store.path())), 1);
}

#[test]
fn a_fold_killed_before_emptying_the_journal_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, board, history) = journal_only(dir.path());
    std::fs::write(store.path(), store::to_text(&board)).unwrap();
    let line = store::compact(&history.entries()[0]);
    std::fs::write(store::history_path(store.path()), format!("{line}\n")).unwrap();
    assert_eq!(store.load().unwrap().board, board);
    assert_eq!(store.load_history().unwrap(), history, "not counted twice");
    store
        .apply_at(&note(9, "之后"), "lina", at("2026-11-05T10:00:00+08:00"))
        .unwrap();
    store.fold().unwrap();
    let all = store.load_history().unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(lines(&store::history_path(store.path())), 2);
}

#[test]
fn a_change_is_never_stamped_before_the_newest_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_store(dir.path());
    let late = store
        .apply_at(&note(2, "先"), "a", at("2025-06-01T10:00:00+08:00"))
        .unwrap();
    // A writer whose clock is behind (or who read the time before waiting for the lock).
    let early = store
        .apply_at(&note(2, "后"), "b", at("2025-05-01T10:00:00+08:00"))
        .unwrap();
    assert_eq!(early.entries[0].at, late.entries[0].at);
    let history = store.load_history().unwrap();
    let texts: Vec<&str> = history
        .entries()
        .iter()
        .map(|e| match &e.change {
            Change::NoteAdded { note } => note.text.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(texts, ["先", "后"]);
}

// ---- version 1 ----

fn v1_copy(dir: &Path) -> Store {
    Store::new(common::copy_fixture("v1-with-history.ron", dir))
}

#[test]
fn a_version_1_file_loads_with_its_history_converted_and_what_is_missing_marked() {
    let dir = tempfile::tempdir().unwrap();
    let store = v1_copy(dir.path());
    let loaded = store.load().unwrap();
    assert!(loaded.upgrade_pending);
    assert_eq!(loaded.board.task(3).unwrap().status, Status::Blocked);
    assert_eq!(loaded.board.task(20).unwrap().status, Status::InProgress);
    assert_eq!(
        loaded.board.task(3).unwrap().updated_on,
        Some(day("2025-02-06"))
    );
    let history = store.load_history().unwrap();
    assert_eq!(history.len(), 16);
    let changes: Vec<&Change> = history.entries().iter().map(|e| &e.change).collect();
    // Moving away from done clears the date of the move to done.
    assert_eq!(
        changes[3],
        &Change::Status {
            from: Status::Done,
            to: Status::Blocked,
            was_completed_on: Some(day("2025-01-28")),
            completed_on: None,
        }
    );
    assert!(
        matches!(changes[1], Change::NoteAdded { note } if note.text == "已完成企业摸排" && note.author == "lina")
    );
    assert!(matches!(changes[4], Change::NoteAdded { note } if note.decision));
    // Task 20, deleted and brought back by undo: both entries are whole again.
    assert!(
        matches!(changes[9], Change::TaskAdded { task } if task.status == Status::NotStarted && task.text == "开展无人机物流试点。")
    );
    assert!(
        matches!(changes[11], Change::TaskDeleted { task } if task.status == Status::InProgress)
    );
    // What version 1 never recorded stays marked as such.
    assert!(matches!(
        changes[5],
        Change::Legacy(LegacyChange::NoteAdded { .. })
    ));
    assert!(matches!(
        changes[14],
        Change::Legacy(LegacyChange::TaskDeleted { .. })
    ));
    assert!(matches!(
        changes[15],
        Change::Legacy(LegacyChange::Status { .. })
    ));
    assert_eq!(history.incomplete_until(), Some(day("2025-05-25")));
}

#[test]
fn the_first_change_upgrades_a_version_1_file_and_keeps_the_old_one_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = v1_copy(dir.path());
    let v1_text = std::fs::read_to_string(store.path()).unwrap();
    let before = store.load().unwrap().board;
    store
        .apply_at(
            &note(1, "升级后第一条"),
            "lina",
            at("2026-12-01T10:00:00+08:00"),
        )
        .unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(!text.contains("history:"));
    assert_eq!(lines(&store::history_path(store.path())), 17);
    let after = store.load().unwrap();
    assert!(!after.upgrade_pending);
    assert_eq!(after.board.task(3), before.task(3));
    let backups = store::list_backups(store.path());
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), v1_text);
    // The converted history reads back the same from its own file.
    let history = store.load_history().unwrap();
    assert_eq!(history.len(), 17);
    assert!(matches!(
        history.entries()[9].change,
        Change::TaskAdded { .. }
    ));
}

#[test]
fn a_version_1_board_as_of_a_date_is_marked_incomplete_before_its_last_legacy_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = v1_copy(dir.path());
    let board = store.load().unwrap().board;
    let history = store.load_history().unwrap();
    let feb = AsOf::at(&board, &history, day("2025-02-01"));
    let task = feb.board.task(3).unwrap();
    assert_eq!(
        (task.status, task.completed_on),
        (Status::Done, Some(day("2025-01-28")))
    );
    assert!(feb.board.task(20).is_none(), "task 20 was added in April");
    assert_eq!(
        feb.completeness(&history),
        Completeness::IncompleteBefore(day("2025-05-25"))
    );
    let june = AsOf::at(&board, &history, day("2025-06-01"));
    assert_eq!(june.completeness(&history), Completeness::Complete);
    assert_eq!(june.board, board);
}

// ---- the board as of a date ----

#[derive(Debug, Clone)]
enum Step {
    Status(u32, usize),
    Note(u32),
    Title(u32),
    Deadline(u32, u32),
    Add,
    Delete(u32),
    UndoLast,
    Meeting,
    RequestClose(u32),
    RequestExtend(u32, u32),
    Decide(u32, usize),
    MilestoneAdd(u32, u32),
    MilestoneDone(u32, u32),
    MilestoneReopen(u32, u32),
    MilestoneEdit(u32, u32),
    MilestoneDelete(u32, u32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1u32..24, 0usize..4).prop_map(|(id, s)| Step::Status(id, s)),
        (1u32..24).prop_map(Step::Note),
        (1u32..24).prop_map(Step::Title),
        (1u32..24, 1u32..28).prop_map(|(id, d)| Step::Deadline(id, d)),
        Just(Step::Add),
        (1u32..24).prop_map(Step::Delete),
        Just(Step::UndoLast),
        Just(Step::Meeting),
        // Requests and decisions on a few tasks, so that decisions meet open requests.
        (1u32..5).prop_map(Step::RequestClose),
        (1u32..5, 1u32..28).prop_map(|(id, d)| Step::RequestExtend(id, d)),
        (1u32..5, 0usize..3).prop_map(|(id, d)| Step::Decide(id, d)),
        // Milestones on a few tasks only, so that completing, reopening, editing and deleting
        // meet milestones added before.
        (1u32..4, 1u32..28).prop_map(|(id, d)| Step::MilestoneAdd(id, d)),
        (1u32..4, 1u32..4).prop_map(|(id, n)| Step::MilestoneDone(id, n)),
        (1u32..4, 1u32..4).prop_map(|(id, n)| Step::MilestoneReopen(id, n)),
        (1u32..4, 1u32..4).prop_map(|(id, n)| Step::MilestoneEdit(id, n)),
        (1u32..4, 1u32..4).prop_map(|(id, n)| Step::MilestoneDelete(id, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random changes, one a day; the board walked back to the day of step k is the board as it
    /// was right after step k.
    #[test]
    fn the_board_at_each_step_s_day_is_the_board_right_after_that_step(
        steps in prop::collection::vec(step(), 1..30)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = plan_store(dir.path());
        let mut saved: Vec<(NaiveDate, Board)> = Vec::new();
        let mut last: Option<Vec<ftz_board::model::HistoryEntry>> = None;
        let start = day("2025-01-01");
        for (k, step) in steps.iter().enumerate() {
            let date = start + chrono::Days::new(k as u64);
            let op = match step {
                Step::Status(id, s) => status(*id, Status::ALL[*s]),
                Step::Note(id) => note(*id, &format!("第{k}条")),
                Step::Title(id) => Operation::EditField { id: *id, field: Field::Title, value: format!("标题{k}") },
                Step::Deadline(id, d) => Operation::EditField { id: *id, field: Field::Deadline, value: format!("2026-02-{d:02}") },
                Step::Add => Operation::AddTask { task: Box::new(Task::new(0, &format!("新任务{k}"), vec!["区科委".into()], day("2026-12-31"))) },
                Step::Delete(id) => Operation::DeleteTask { id: *id },
                Step::UndoLast => match last.take() {
                    Some(entries) => Operation::Revert { via: Via::Undo, entries },
                    None => continue,
                },
                Step::Meeting => Operation::RecordMeeting { date },
                Step::RequestClose(id) => Operation::RequestClose { id: *id, note: format!("完成{k}") },
                Step::RequestExtend(id, d) => Operation::RequestExtend { id: *id, to: day(&format!("2027-03-{d:02}")), reason: format!("理由{k}") },
                Step::Decide(id, d) => Operation::Decide {
                    id: *id,
                    decision: [
                        ftz_board::model::Decision::Approve,
                        ftz_board::model::Decision::Return(format!("退回{k}")),
                        ftz_board::model::Decision::Refuse(format!("不同意{k}")),
                    ][*d].clone(),
                },
                Step::MilestoneAdd(id, d) => Operation::AddMilestone { id: *id, title: format!("节点{k}"), due: format!("2025-03-{d:02}"), units: Vec::new() },
                Step::MilestoneDone(id, n) => Operation::CompleteMilestone { id: *id, number: *n, on: None },
                Step::MilestoneReopen(id, n) => Operation::ReopenMilestone { id: *id, number: *n },
                Step::MilestoneEdit(id, n) => Operation::EditMilestone { id: *id, number: *n, title: Some(format!("节点{k}改")), due: None, units: Some(vec!["区商务委".into()]) },
                Step::MilestoneDelete(id, n) => Operation::DeleteMilestone { id: *id, number: *n },
            };
            let now = date.and_hms_opt(2, 0, 0).unwrap().and_utc();
            match store.apply_at(&op, "tester", Some(now)) {
                Ok(applied) => {
                    last = Some(applied.entries);
                    saved.push((date, applied.board));
                }
                Err(_) => continue,
            }
        }
        let current = store.load().unwrap().board;
        let history = store.load_history().unwrap();
        prop_assert_eq!(check_history(&current, &history), HistoryCheck::Consistent);
        for (date, expected) in &saved {
            let as_of = AsOf::at(&current, &history, *date);
            prop_assert_eq!(&as_of.board, expected, "on {}", date);
        }
        // Stepping the date one day at a time back and forth agrees with walking back afresh.
        let mut stepping = AsOf::at(&current, &history, start + chrono::Days::new(steps.len() as u64));
        for (date, expected) in saved.iter().rev().chain(saved.iter()) {
            stepping.step_to(&history, *date);
            prop_assert_eq!(&stepping.board, expected, "stepping to {}", date);
        }
    }
}

#[test]
fn before_the_board_was_made_the_board_says_nothing_was_recorded() {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.created_on = Some(day("2026-12-02"));
    let history = History::default();
    let as_of = AsOf::at(&board, &history, day("2025-06-30"));
    assert_eq!(
        as_of.completeness(&history),
        Completeness::BeforeBoard(day("2026-12-02"))
    );
}

#[test]
fn a_hand_edit_is_found_at_the_newest_entry_it_contradicts() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_store(dir.path());
    store
        .apply_at(
            &status(4, Status::InProgress),
            "lina",
            at("2025-03-01T10:00:00+08:00"),
        )
        .unwrap();
    store
        .apply_at(&note(6, "无关"), "lina", at("2025-03-02T10:00:00+08:00"))
        .unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    let edited = text.replacen("status: in_progress,", "status: done,", 1);
    assert_ne!(edited, text);
    std::fs::write(store.path(), edited).unwrap();
    let board = store.load().unwrap().board;
    let history = store.load_history().unwrap();
    let HistoryCheck::Inconsistent(found) = check_history(&board, &history) else {
        panic!("the hand edit went unnoticed");
    };
    assert_eq!((found.index, found.entry.task), (0, Some(4)));
}

// ---- big boards: read only what a change touches, parse on all cores ----

#[test]
fn a_big_board_parsed_on_all_cores_is_the_board_parsed_the_ordinary_way() {
    let dir = tempfile::tempdir().unwrap();
    let store = big_store(dir.path());
    let text = std::fs::read_to_string(store.path()).unwrap();
    let ordinary = store::parse(&text, store.path()).unwrap();
    assert_eq!(store.load().unwrap().board, ordinary);
    // A problem in one block is still found and placed exactly.
    let bad = text.replacen("status: in_progress,", "status: doing,", 1);
    std::fs::write(store.path(), &bad).unwrap();
    let err = store.load().unwrap_err().to_string();
    assert!(err.contains("unknown status `doing`"), "{err}");
    assert_eq!(
        err,
        store::parse(&bad, store.path()).unwrap_err().to_string()
    );
}

#[test]
fn a_change_reading_only_its_task_gives_the_board_a_whole_read_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = big_store(dir.path());
    store.partial_reads = true;
    let whole_dir = tempfile::tempdir().unwrap();
    let whole = big_store(whole_dir.path());
    let ops = [
        note(500, "只读一项"),
        status(999, Status::Blocked),
        Operation::EditField {
            id: 3,
            field: Field::Title,
            value: "改名".into(),
        },
        Operation::AddTask {
            task: Box::new(Task::new(
                0,
                "新任务",
                vec!["区科委".into()],
                day("2027-01-01"),
            )),
        },
        Operation::DeleteTask { id: 7 },
        note(1001, "新任务的第一条"),
    ];
    for (i, op) in ops.iter().enumerate() {
        let when = at(&format!("2026-11-0{}T10:00:00+08:00", i + 1));
        let part = store.apply_at(op, "lina", when).unwrap();
        let all = whole.apply_at(op, "lina", when).unwrap();
        assert_eq!(part.entries, all.entries, "step {i}");
        // The partial read holds the touched tasks only.
        assert!(
            part.board.tasks.len() < 10,
            "step {i}: {} tasks",
            part.board.tasks.len()
        );
    }
    assert_eq!(store.load().unwrap().board, whole.load().unwrap().board);
    assert_eq!(store.load_history().unwrap(), whole.load_history().unwrap());
    assert_eq!(
        store.load().unwrap().board.task(1001).unwrap().notes.len(),
        1
    );
    // A fold needs the whole board, and gets it.
    store.fold().unwrap();
    assert_eq!(store.load().unwrap().board, whole.load().unwrap().board);
}

/// A change from the shell to a big board reads only its own task (`store/sieve.rs`), so a hand
/// edit that broke another task is not its to find. The change is made, and the whole read of the
/// fold finds the problem, says where it is, and leaves the change in the journal; `check` says
/// the same. Nothing is lost and the broken file is not rewritten.
#[test]
fn a_shell_change_beside_a_broken_task_is_kept_and_the_fold_names_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let store = big_store(dir.path());
    let text = std::fs::read_to_string(store.path()).unwrap();
    let broken_at = text.find("            id: 900,").unwrap();
    let status_at = broken_at + text[broken_at..].find("status: ").unwrap();
    let mut broken = text.clone();
    broken.replace_range(status_at..status_at + "status: ".len(), "status: doing_");
    std::fs::write(store.path(), &broken).unwrap();
    let line = broken[..status_at].lines().count();

    let out = std::process::Command::new(common::BIN)
        .args(["--file"])
        .arg(store.path())
        .args(["--user", "lina", "note", "5", "只动第五项"])
        .env("FTZ_BOARD_FOLD_AT_ENTRIES", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("the change is saved in") && stderr.contains(&format!("board.ron:{line}:")),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(store.path()).unwrap(), broken);
    let journal = std::fs::read_to_string(store::journal_path(store.path())).unwrap();
    assert!(journal.contains("只动第五项"), "{journal}");

    let check = std::process::Command::new(common::BIN)
        .args(["check", "--file"])
        .arg(store.path())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let said = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(said.contains(&format!(":{line}:")), "{said}");
}
