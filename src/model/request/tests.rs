//! The life of a request, applied as operations on a board in memory.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{Board, Context, Decision, OpError, Operation, Request, Status, Task};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(when: &str, user: &str) -> Context {
    Context {
        user: user.into(),
        now: DateTime::<FixedOffset>::parse_from_rfc3339(when).unwrap(),
    }
}

fn board() -> Board {
    let mut board = crate::model::testing::empty_board();
    let mut task = Task::new(1, "一", vec!["区商务委".into()], day("2026-12-31"));
    task.status = Status::InProgress;
    board.tasks.push(task);
    board
}

fn close(note: &str) -> Operation {
    Operation::RequestClose {
        id: 1,
        note: note.into(),
    }
}

fn decide(decision: Decision) -> Operation {
    Operation::Decide { id: 1, decision }
}

#[test]
fn an_approved_closure_completes_the_task_on_the_day_it_was_asked() {
    let mut b = board();
    close("已完成，附验收材料")
        .apply(&mut b, &ctx("2026-11-02T09:00:00+08:00", "lina"))
        .unwrap();
    assert!(b.task(1).unwrap().awaiting_close());
    assert_eq!(crate::model::request::open_requests(&b).len(), 1);
    let entries = decide(Decision::Approve)
        .apply(&mut b, &ctx("2026-11-10T09:00:00+08:00", "zhangwei"))
        .unwrap();
    let task = b.task(1).unwrap();
    assert_eq!(
        (task.status, task.completed_on),
        (Status::Done, Some(day("2026-11-02")))
    );
    assert!(task.request.is_none());
    assert_eq!(entries.len(), 2, "the decision and the status, recorded");
    // Undone as one: the request is open again and the task in progress.
    Operation::Revert {
        via: crate::model::Via::Undo,
        entries,
    }
    .apply(&mut b, &ctx("2026-11-10T09:01:00+08:00", "zhangwei"))
    .unwrap();
    let task = b.task(1).unwrap();
    assert_eq!((task.status, task.completed_on), (Status::InProgress, None));
    assert!(task.awaiting_close());
}

#[test]
fn a_returned_closure_goes_back_to_in_progress_with_the_reason() {
    let mut b = board();
    b.tasks[0].status = Status::Blocked;
    close("完成")
        .apply(&mut b, &ctx("2026-11-02T09:00:00+08:00", "lina"))
        .unwrap();
    let entries = decide(Decision::Return("缺验收材料".into()))
        .apply(&mut b, &ctx("2026-11-03T09:00:00+08:00", "zhangwei"))
        .unwrap();
    assert!(matches!(
        &entries[0].change,
        crate::model::Change::Request { decision: Some(Decision::Return(r)), .. } if r == "缺验收材料"
    ));
    assert_eq!(b.task(1).unwrap().status, Status::InProgress);
    assert!(b.task(1).unwrap().request.is_none());
}

#[test]
fn an_approved_extension_moves_the_deadline_and_keeps_the_first_as_original() {
    let mut b = board();
    let ext = |to: &str| Operation::RequestExtend {
        id: 1,
        to: day(to),
        reason: "资金未到位".into(),
    };
    ext("2027-03-31")
        .apply(&mut b, &ctx("2026-11-02T09:00:00+08:00", "lina"))
        .unwrap();
    assert_eq!(
        b.task(1).unwrap().extension_asked(),
        Some(day("2027-03-31"))
    );
    decide(Decision::Approve)
        .apply(&mut b, &ctx("2026-11-03T09:00:00+08:00", "zhangwei"))
        .unwrap();
    let task = b.task(1).unwrap();
    assert_eq!(
        (task.deadline, task.original_deadline),
        (day("2027-03-31"), Some(day("2026-12-31")))
    );
    // A second extension, asked after the deadline: marked late; 原定 stays the first deadline.
    ext("2027-06-30")
        .apply(&mut b, &ctx("2027-04-02T09:00:00+08:00", "lina"))
        .unwrap();
    assert!(matches!(
        b.task(1).unwrap().request,
        Some(Request::Extend { late: true, .. })
    ));
    decide(Decision::Approve)
        .apply(&mut b, &ctx("2027-04-03T09:00:00+08:00", "zhangwei"))
        .unwrap();
    let task = b.task(1).unwrap();
    assert_eq!(
        (task.deadline, task.original_deadline),
        (day("2027-06-30"), Some(day("2026-12-31")))
    );
}

#[test]
fn a_refused_extension_leaves_the_deadline() {
    let mut b = board();
    Operation::RequestExtend {
        id: 1,
        to: day("2027-03-31"),
        reason: "r".into(),
    }
    .apply(&mut b, &ctx("2026-11-02T09:00:00+08:00", "lina"))
    .unwrap();
    assert!(matches!(
        b.task(1).unwrap().request,
        Some(Request::Extend { late: false, .. })
    ));
    let wrong =
        decide(Decision::Return("x".into())).apply(&mut b, &ctx("2026-11-03T09:00:00+08:00", "z"));
    assert_eq!(
        wrong,
        Err(OpError::WrongDecision {
            id: 1,
            closure: false
        })
    );
    decide(Decision::Refuse("不符合条件".into()))
        .apply(&mut b, &ctx("2026-11-03T09:00:00+08:00", "z"))
        .unwrap();
    let task = b.task(1).unwrap();
    assert_eq!(
        (task.deadline, task.original_deadline, task.request.clone()),
        (day("2026-12-31"), None, None)
    );
}

#[test]
fn requests_that_cannot_be_made_say_why() {
    let mut b = board();
    let c = ctx("2026-11-02T09:00:00+08:00", "lina");
    assert_eq!(
        close("  ").apply(&mut b, &c),
        Err(OpError::RequestNeedsText(1))
    );
    assert_eq!(
        decide(Decision::Approve).apply(&mut b, &c),
        Err(OpError::NoOpenRequest(1))
    );
    let early = Operation::RequestExtend {
        id: 1,
        to: day("2026-12-31"),
        reason: "r".into(),
    };
    assert_eq!(
        early.apply(&mut b, &c),
        Err(OpError::ExtensionNotLater {
            id: 1,
            deadline: day("2026-12-31")
        })
    );
    close("完成").apply(&mut b, &c).unwrap();
    assert_eq!(
        close("再次").apply(&mut b, &c),
        Err(OpError::RequestOpen(1))
    );
    b.tasks[0].request = None;
    b.tasks[0].status = Status::Done;
    assert_eq!(
        close("完成").apply(&mut b, &c),
        Err(OpError::AlreadyDone(1))
    );
}
