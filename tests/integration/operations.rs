//! Changes and their undo, on the built-in plan: what a user sees after a change and after undoing it.

use chrono::{DateTime, FixedOffset};
use ftz_board::model::{
    Board, Change, Context, Field, HistoryEntry, OpError, Operation, Status, Task, Via,
};
use ftz_board::plan::builtin_plan;

/// The entries a change made, as undo takes them.
type Entries = Vec<HistoryEntry>;

/// Undoes a change (or redoes an undo) from its entries, as the board's undo does.
fn revert(via: Via, entries: Entries) -> Operation {
    Operation::Revert { via, entries }
}

/// A board and the history its changes recorded.
struct Recorded {
    board: Board,
    history: Vec<HistoryEntry>,
}

impl Recorded {
    fn plan() -> Recorded {
        Recorded {
            board: plan(),
            history: Vec::new(),
        }
    }

    fn apply(&mut self, op: Operation, c: &Context) -> Result<Entries, OpError> {
        let entries = op.apply(&mut self.board, c)?;
        self.history.extend(entries.iter().cloned());
        Ok(entries)
    }

    fn undo(&mut self, entries: Entries, c: &Context) -> Result<Entries, OpError> {
        self.apply(revert(Via::Undo, entries), c)
    }
}

fn ctx(at: &str) -> Context {
    Context {
        user: "张三".into(),
        now: DateTime::<FixedOffset>::parse_from_rfc3339(at).unwrap(),
    }
}

fn plan() -> Board {
    builtin_plan().unwrap()
}

#[test]
fn moving_to_done_records_the_completion_date_and_moving_back_clears_it() {
    let mut r = Recorded::plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let done = r
        .apply(
            Operation::SetStatus {
                id: 4,
                to: Status::Done,
            },
            &c,
        )
        .unwrap();
    assert_eq!(
        r.board.task(4).unwrap().completed_on,
        Some("2025-03-04".parse().unwrap())
    );
    r.undo(done, &c).unwrap();
    let task = r.board.task(4).unwrap();
    assert_eq!(task.status, Status::NotStarted);
    assert_eq!(task.completed_on, None);
}

#[test]
fn every_change_and_its_undo_are_in_the_history_with_who_and_when() {
    let mut r = Recorded::plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let moved = r
        .apply(
            Operation::SetStatus {
                id: 2,
                to: Status::Blocked,
            },
            &c,
        )
        .unwrap();
    r.undo(moved, &c).unwrap();
    assert_eq!(r.history.len(), 2);
    assert_eq!(r.history[0].user, "张三");
    assert_eq!(r.history[0].task, Some(2));
    assert_eq!(
        r.history[1].change,
        Change::Status {
            from: Status::Blocked,
            to: Status::NotStarted,
            was_completed_on: None,
            completed_on: None,
        }
    );
}

#[test]
fn undoing_a_note_removes_exactly_that_note_and_redo_puts_it_back() {
    let mut r = Recorded::plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let add = Operation::AddNote {
        id: 9,
        text: "已对接市级部门".into(),
        decision: false,
    };
    let added = r.apply(add, &c).unwrap();
    assert_eq!(r.board.task(9).unwrap().notes.len(), 1);
    let undone = r.undo(added, &c).unwrap();
    assert!(r.board.task(9).unwrap().notes.is_empty());
    r.apply(revert(Via::Redo, undone), &c).unwrap();
    assert_eq!(r.board.task(9).unwrap().notes[0].text, "已对接市级部门");
}

#[test]
fn a_note_is_cleaned_of_escape_sequences_before_it_is_stored() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let c = Context {
        user: "a\u{7}".into(),
        ..c
    };
    let text = "进展\u{1b}[2J顺利\u{202e}".to_string();
    Operation::AddNote {
        id: 1,
        text,
        decision: true,
    }
    .apply(&mut board, &c)
    .unwrap();
    let stored = &board.task(1).unwrap().notes[0];
    assert_eq!(stored.text, "进展[2J顺利");
    assert_eq!(stored.author, "a");
    assert!(stored.decision);
}

#[test]
fn deleting_a_task_and_undoing_puts_it_back_in_its_place_with_its_notes() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    Operation::AddNote {
        id: 12,
        text: "n".into(),
        decision: false,
    }
    .apply(&mut board, &c)
    .unwrap();
    let before = board.task(12).unwrap().clone();
    let deleted = Operation::DeleteTask { id: 12 }
        .apply(&mut board, &c)
        .unwrap();
    assert!(board.task(12).is_none());
    assert_eq!(board.tasks.len(), 18);
    revert(Via::Undo, deleted).apply(&mut board, &c).unwrap();
    assert_eq!(board.task(12), Some(&before));
    let ids: Vec<u32> = board.tasks.iter().map(|t| t.id).collect();
    assert_eq!(ids, (1..=19).collect::<Vec<_>>());
}

#[test]
fn editing_fields_validates_like_loading_does() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let edit = |field, value: &str| Operation::EditField {
        id: 3,
        field,
        value: value.into(),
    };
    assert_eq!(
        edit(Field::Title, "  ").apply(&mut board, &c),
        Err(OpError::EmptyTitle)
    );
    assert_eq!(
        edit(Field::LeadUnits, " 、 ").apply(&mut board, &c),
        Err(OpError::NoLeadUnit)
    );
    assert!(matches!(
        edit(Field::Deadline, "2025-02-30").apply(&mut board, &c),
        Err(OpError::BadDate(_))
    ));
    assert_eq!(board, plan(), "a refused edit changes nothing");

    edit(Field::CooperatingUnits, "莘庄海关、 龙吴海关,区数据局")
        .apply(&mut board, &c)
        .unwrap();
    assert_eq!(
        board.task(3).unwrap().cooperating_units,
        ["莘庄海关", "龙吴海关", "区数据局"]
    );
    edit(Field::Deadline, "2026-06-30")
        .apply(&mut board, &c)
        .unwrap();
    assert_eq!(board.task(3).unwrap().deadline.to_string(), "2026-06-30");
}

#[test]
fn a_batch_is_all_or_nothing_and_undoes_as_one() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let bad = Operation::Batch(vec![
        Operation::EditField {
            id: 5,
            field: Field::Title,
            value: "新标题".into(),
        },
        Operation::EditField {
            id: 5,
            field: Field::Deadline,
            value: "明年".into(),
        },
    ]);
    assert!(bad.apply(&mut board, &c).is_err());
    assert_eq!(board, plan(), "nothing of a failed batch remains");

    let good = Operation::Batch(vec![
        Operation::EditField {
            id: 5,
            field: Field::Title,
            value: "新标题".into(),
        },
        Operation::EditField {
            id: 5,
            field: Field::Deadline,
            value: "2026-01-31".into(),
        },
    ]);
    let made = good.apply(&mut board, &c).unwrap();
    assert_eq!(board.task(5).unwrap().title, "新标题");
    assert_eq!(made.len(), 2, "one history entry per field");
    revert(Via::Undo, made).apply(&mut board, &c).unwrap();
    assert_eq!(board.task(5).unwrap().title, plan().task(5).unwrap().title);
    assert_eq!(
        board.task(5).unwrap().deadline,
        plan().task(5).unwrap().deadline
    );
}

#[test]
fn adding_a_task_cleans_and_checks_it() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let deadline = "2026-12-31".parse().unwrap();
    let mut task = Task::new(
        20,
        " 新增任务\u{1b}[0m ",
        vec!["区科委、区经委".into()],
        deadline,
    );
    task.cooperating_units = vec!["区数据局".into()];
    let made = Operation::AddTask {
        task: Box::new(task.clone()),
    }
    .apply(&mut board, &c)
    .unwrap();
    let added = board.task(20).unwrap();
    assert_eq!(added.title, "新增任务[0m");
    assert_eq!(added.lead_units, ["区科委", "区经委"]);
    // A colleague took number 20 meanwhile: the new task gets the next free number.
    let again = Operation::AddTask {
        task: Box::new(task),
    }
    .apply(&mut board, &c)
    .unwrap();
    assert_eq!(again[0].task, Some(21));
    assert_eq!(board.task(21).unwrap().title, "新增任务[0m");
    revert(Via::Undo, again).apply(&mut board, &c).unwrap();
    revert(Via::Undo, made).apply(&mut board, &c).unwrap();
    assert!(board.task(20).is_none());
}

#[test]
fn undo_does_not_overwrite_a_colleagues_later_change() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let moved = Operation::SetStatus {
        id: 1,
        to: Status::InProgress,
    }
    .apply(&mut board, &c)
    .unwrap();
    // 李四 moves it on to done meanwhile.
    Operation::SetStatus {
        id: 1,
        to: Status::Done,
    }
    .apply(&mut board, &c)
    .unwrap();
    assert_eq!(
        revert(Via::Undo, moved).apply(&mut board, &c),
        Err(OpError::ChangedMeanwhile(Some(1)))
    );
    assert_eq!(
        board.task(1).unwrap().status,
        Status::Done,
        "their change stands"
    );

    let undo_edit = Operation::EditField {
        id: 2,
        field: Field::Title,
        value: "甲".into(),
    }
    .apply(&mut board, &c)
    .unwrap();
    Operation::EditField {
        id: 2,
        field: Field::Title,
        value: "乙".into(),
    }
    .apply(&mut board, &c)
    .unwrap();
    assert_eq!(
        revert(Via::Undo, undo_edit).apply(&mut board, &c),
        Err(OpError::ChangedMeanwhile(Some(2)))
    );
    assert_eq!(board.task(2).unwrap().title, "乙");
}

#[test]
fn undo_and_redo_are_recorded_as_such_in_the_history() {
    let mut r = Recorded::plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let moved = r
        .apply(
            Operation::SetStatus {
                id: 6,
                to: Status::Blocked,
            },
            &c,
        )
        .unwrap();
    let undone = r.undo(moved, &c).unwrap();
    assert!(undone.iter().all(|e| e.via == Some(Via::Undo)));
    r.apply(revert(Via::Redo, undone), &c).unwrap();
    let vias: Vec<Option<Via>> = r.history.iter().map(|h| h.via).collect();
    assert_eq!(vias, [None, Some(Via::Undo), Some(Via::Redo)]);
    assert_eq!(r.board.task(6).unwrap().status, Status::Blocked);
}

#[test]
fn a_unit_typed_in_its_other_spelling_is_stored_as_the_plan_names_it() {
    let mut board = plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    Operation::EditField {
        id: 5,
        field: Field::CooperatingUnits,
        value: "区网信办、区数据局".into(),
    }
    .apply(&mut board, &c)
    .unwrap();
    assert_eq!(
        board.task(5).unwrap().cooperating_units,
        ["区委网信办", "区数据局"]
    );
}

#[test]
fn a_task_added_today_is_not_stale_today() {
    let mut board = plan();
    let c = ctx("2026-11-26T10:00:00+08:00");
    let task = Task::new(
        20,
        "新任务",
        vec!["区科委".into()],
        "2027-12-31".parse().unwrap(),
    );
    Operation::AddTask {
        task: Box::new(task),
    }
    .apply(&mut board, &c)
    .unwrap();
    let added = board.task(20).unwrap();
    assert_eq!(added.created_on, Some("2026-11-26".parse().unwrap()));
    let today = "2026-11-26".parse().unwrap();
    assert_eq!(
        ftz_board::model::stats::stale_days(&board, added, today),
        None
    );
    let later = "2027-01-15".parse().unwrap();
    assert_eq!(
        ftz_board::model::stats::stale_days(&board, added, later),
        Some(50)
    );
}

#[test]
fn the_same_note_twice_in_one_second_is_kept_twice_and_the_history_replays_both() {
    let mut r = Recorded::plan();
    let c = ctx("2025-03-04T10:00:00+08:00");
    let note = || Operation::AddNote {
        id: 2,
        text: "已报送材料".into(),
        decision: false,
    };
    r.apply(note(), &c).unwrap();
    r.apply(note(), &c).unwrap();
    let notes = &r.board.task(2).unwrap().notes;
    assert_eq!(notes.len(), 2);
    assert_ne!(
        notes[0].at, notes[1].at,
        "each note keeps an identity of its own"
    );
    let history = ftz_board::model::History::new(r.history.clone());
    assert_eq!(
        ftz_board::model::check_history(&r.board, &history),
        ftz_board::model::HistoryCheck::Consistent
    );
    // Replayed onto the plan, both notes come back.
    let mut replayed = plan();
    for entry in &r.history {
        entry.redo(&mut replayed).unwrap();
    }
    assert_eq!(replayed.task(2).unwrap().notes.len(), 2);
}
