//! Each rule of the permission table, on a board with an office and two units.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{Field, Milestone, Note, Via};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Task 1: 区商务委 leads, 区科委 cooperates. Task 2: 莘庄海关 alone. zhangwei is the office,
/// lina is 区商务委, wangfang 区科委, chenjie 莘庄海关 (under its alias 海关).
fn board() -> Board {
    let mut board = crate::model::testing::empty_board();
    let mut one = Task::new(1, "一", vec!["区商务委".into()], day("2026-12-31"));
    one.cooperating_units = vec!["区科委".into()];
    board.tasks.push(one);
    board.tasks.push(Task::new(
        2,
        "二",
        vec!["莘庄海关".into()],
        day("2026-12-31"),
    ));
    board
        .unit_aliases
        .insert("莘庄海关".into(), vec!["海关".into()]);
    let mut units = BTreeMap::new();
    units.insert("区商务委".to_string(), vec!["lina".to_string()]);
    units.insert("区科委".to_string(), vec!["wangfang".to_string()]);
    units.insert("海关".to_string(), vec!["chenjie".to_string()]);
    board.roles = Some(Roles {
        office: vec!["zhangwei".into()],
        units,
    });
    board
}

fn may(who: &str, op: &Operation) -> Result<(), Refusal> {
    let b = board();
    check(b.roles.as_ref(), who, op, &b)
}

fn note(id: u32) -> Operation {
    Operation::AddNote {
        id,
        text: "进展".into(),
        decision: false,
    }
}

#[test]
fn members_of_a_lead_or_cooperating_unit_may_note_and_file_requests_on_its_tasks() {
    assert_eq!(may("lina", &note(1)), Ok(()));
    assert_eq!(may("wangfang", &note(1)), Ok(()), "cooperating");
    assert_eq!(
        may("chenjie", &note(2)),
        Ok(()),
        "named under an alias of the unit"
    );
    let close = Operation::RequestClose {
        id: 1,
        note: "完成".into(),
    };
    assert_eq!(may("lina", &close), Ok(()));
    let extend = Operation::RequestExtend {
        id: 1,
        to: day("2027-01-31"),
        reason: "r".into(),
    };
    assert_eq!(may("wangfang", &extend), Ok(()));
    let blocked = Operation::SetStatus {
        id: 1,
        to: Status::Blocked,
    };
    assert_eq!(may("lina", &blocked), Ok(()));
}

#[test]
fn a_member_may_not_touch_another_unit_s_task() {
    assert_eq!(
        may("lina", &note(2)),
        Err(Refusal::UnitsOnly {
            act: Act::AddNote,
            task: 2
        })
    );
    let refusal = may("lina", &note(2)).unwrap_err();
    assert_eq!(
        refusal.zh(),
        "只有任务 #2 的牵头、配合单位成员或专班办公室可以添加进展"
    );
}

#[test]
fn only_the_office_closes_reopens_edits_adds_deletes_decides_and_records_meetings() {
    let done = Operation::SetStatus {
        id: 1,
        to: Status::Done,
    };
    let refusal = may("lina", &done).unwrap_err();
    assert_eq!(refusal, Refusal::OfficeOnly(Act::Close));
    assert_eq!(refusal.zh(), "只有专班办公室可以销号");
    let mut b = board();
    b.tasks[0].status = Status::Done;
    let reopen = Operation::SetStatus {
        id: 1,
        to: Status::InProgress,
    };
    assert_eq!(
        check(b.roles.as_ref(), "lina", &reopen, &b),
        Err(Refusal::OfficeOnly(Act::Reopen))
    );
    let office_only = [
        (
            Operation::EditField {
                id: 1,
                field: Field::Deadline,
                value: "2027-01-01".into(),
            },
            Act::EditPlan,
        ),
        (
            Operation::AddTask {
                task: Box::new(Task::new(
                    0,
                    "新",
                    vec!["区商务委".into()],
                    day("2027-01-01"),
                )),
            },
            Act::AddTask,
        ),
        (Operation::DeleteTask { id: 1 }, Act::DeleteTask),
        (
            Operation::Decide {
                id: 1,
                decision: crate::model::Decision::Approve,
            },
            Act::DecideRequest,
        ),
        (
            Operation::RecordMeeting {
                date: day("2026-11-01"),
            },
            Act::RecordMeeting,
        ),
    ];
    for (op, act) in office_only {
        assert_eq!(may("lina", &op), Err(Refusal::OfficeOnly(act)), "{op:?}");
        assert_eq!(may("zhangwei", &op), Ok(()), "{op:?}");
    }
    assert_eq!(may("zhangwei", &done), Ok(()));
    assert_eq!(
        may("zhangwei", &note(2)),
        Ok(()),
        "the office may note any task"
    );
}

#[test]
fn a_person_named_nowhere_reads_only_and_no_roles_lets_anyone() {
    let refusal = may("stranger", &note(1)).unwrap_err();
    assert_eq!(
        refusal,
        Refusal::NotNamed {
            login: "stranger".into()
        }
    );
    let mut b = board();
    assert!(reads_only(b.roles.as_ref(), Some("stranger")));
    assert!(reads_only(b.roles.as_ref(), None), "no login name");
    assert!(!reads_only(b.roles.as_ref(), Some("lina")));
    b.roles = None;
    assert!(!reads_only(None, Some("stranger")));
    assert_eq!(
        check(None, "stranger", &Operation::DeleteTask { id: 1 }, &b),
        Ok(())
    );
}

#[test]
fn a_batch_needs_every_one_of_its_rights() {
    let batch = Operation::Batch(vec![
        note(1),
        Operation::EditField {
            id: 1,
            field: Field::Title,
            value: "新".into(),
        },
    ]);
    assert_eq!(may("lina", &batch), Err(Refusal::OfficeOnly(Act::EditPlan)));
}

fn entry(user: &str, change: Change) -> HistoryEntry {
    HistoryEntry {
        at: DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap(),
        user: user.into(),
        task: Some(1),
        change,
        via: None,
    }
}

#[test]
fn an_undo_needs_what_its_inverse_needs() {
    let own = Note {
        at: DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap(),
        author: "lina".into(),
        text: "x".into(),
        decision: false,
    };
    let undo = |e| Operation::Revert {
        via: Via::Undo,
        entries: vec![e],
    };
    let added = entry("lina", Change::NoteAdded { note: own.clone() });
    assert_eq!(may("lina", &undo(added.clone())), Ok(()), "one's own note");
    assert_eq!(
        may("wangfang", &undo(added)),
        Err(Refusal::OfficeOnly(Act::RemoveNote))
    );
    let closed = entry(
        "zhangwei",
        Change::Status {
            from: Status::InProgress,
            to: Status::Done,
            was_completed_on: None,
            completed_on: Some(day("2026-11-02")),
        },
    );
    assert_eq!(
        may("lina", &undo(closed)),
        Err(Refusal::OfficeOnly(Act::Reopen))
    );
}

#[test]
fn completing_a_milestone_is_a_member_right_and_editing_one_the_office_s() {
    let m = Milestone {
        number: 1,
        title: "方案".into(),
        due: day("2026-06-30"),
        units: vec![],
        completed_on: None,
    };
    let completed = Milestone {
        completed_on: Some(day("2026-06-20")),
        ..m.clone()
    };
    let retitled = Milestone {
        title: "新方案".into(),
        ..completed.clone()
    };
    let change = |from: &Milestone, to: &Milestone| Change::Milestone {
        number: 1,
        from: Some(Box::new(from.clone())),
        to: Some(Box::new(to.clone())),
    };
    assert_eq!(
        change_act(&change(&m, &completed), "lina"),
        Act::CompleteMilestone
    );
    assert_eq!(
        change_act(&change(&completed, &m), "lina"),
        Act::CompleteMilestone
    );
    assert_eq!(
        change_act(&change(&m, &retitled), "lina"),
        Act::EditMilestone
    );
    assert_eq!(
        change_act(
            &Change::Milestone {
                number: 1,
                from: None,
                to: Some(Box::new(m))
            },
            "lina"
        ),
        Act::EditMilestone
    );
}
