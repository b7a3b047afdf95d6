use super::*;
use crate::model::{Board, Status};

fn board(ids: &[TaskId]) -> Board {
    let mut board = crate::plan::builtin_plan().unwrap();
    board.tasks.retain(|t| ids.contains(&t.id));
    board
}

fn boards() -> [(&'static str, Board); 2] {
    [("闵行", board(&[1, 2, 3])), ("浦东", board(&[1, 5]))]
}

fn members<'a>(boards: &'a [(&'static str, Board)]) -> Vec<Member<'a>> {
    boards
        .iter()
        .map(|(name, board)| Member { name, board })
        .collect()
}

#[test]
fn letters_run_a_to_z_then_aa() {
    assert_eq!(letter(0), "A");
    assert_eq!(letter(25), "Z");
    assert_eq!(letter(26), "AA");
    assert_eq!(letter(27), "AB");
}

#[test]
fn every_task_of_every_board_is_in_the_combined_board_under_its_own_number() {
    let combined = combine(&members(&boards())).unwrap();
    let ids: Vec<_> = combined.tasks.iter().map(|t| label(t.id)).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "B1", "B5"]);
    let b1 = combined.task(join(1, 1)).unwrap();
    assert!(
        b1.lead_units.iter().all(|u| u.starts_with("浦东/")),
        "{:?}",
        b1.lead_units
    );
    assert_eq!(split(b1.id), Some((1, 1)));
}

#[test]
fn the_same_unit_in_two_boards_stays_two_units() {
    let combined = combine(&members(&boards())).unwrap();
    let a1 = &combined.task(join(0, 1)).unwrap().lead_units;
    let b1 = &combined.task(join(1, 1)).unwrap().lead_units;
    assert_ne!(a1, b1);
    assert_eq!(own_unit("闵行", &a1[0]), own_unit("浦东", &b1[0]));
}

#[test]
fn a_change_goes_to_its_task_s_board_with_that_board_s_numbers_and_names() {
    let boards = boards();
    let members = members(&boards);
    let op = Operation::SetStatus {
        id: join(1, 5),
        to: Status::Done,
    };
    let (index, own) = to_member(&op, &members, None).unwrap();
    assert_eq!(index, 1);
    assert_eq!(
        own,
        Operation::SetStatus {
            id: 5,
            to: Status::Done
        }
    );
    let units = Operation::EditField {
        id: join(0, 2),
        field: Field::LeadUnits,
        value: "闵行/区商务委、区科委".into(),
    };
    let (index, own) = to_member(&units, &members, None).unwrap();
    assert_eq!(index, 0);
    assert_eq!(
        own,
        Operation::EditField {
            id: 2,
            field: Field::LeadUnits,
            value: "区商务委、区科委".into()
        }
    );
}

#[test]
fn a_new_task_or_a_meeting_needs_a_board_chosen() {
    let boards = boards();
    let members = members(&boards);
    let meeting = Operation::RecordMeeting {
        date: "2025-03-01".parse().unwrap(),
    };
    assert_eq!(
        to_member(&meeting, &members, None),
        Err(Unroutable::NoBoardChosen)
    );
    assert_eq!(to_member(&meeting, &members, Some(1)).unwrap().0, 1);
    let mut task = members[0].board.tasks[0].clone();
    task.id = 9_999_999;
    task.lead_units = vec!["浦东/区商务委".into()];
    let (index, own) = to_member(
        &Operation::AddTask {
            task: Box::new(task),
        },
        &members,
        Some(1),
    )
    .unwrap();
    assert_eq!(index, 1);
    let Operation::AddTask { task } = own else {
        panic!("{own:?}")
    };
    assert_eq!(task.id, 6, "the board's next free number");
    assert_eq!(task.lead_units, ["区商务委"]);
}

#[test]
fn a_batch_over_two_boards_or_an_unknown_number_is_refused() {
    let boards = boards();
    let members = members(&boards);
    let note = |id| Operation::AddNote {
        id,
        text: "x".into(),
        decision: false,
    };
    let both = Operation::Batch(vec![note(join(0, 1)), note(join(1, 1))]);
    assert_eq!(
        to_member(&both, &members, None),
        Err(Unroutable::SeveralBoards)
    );
    assert_eq!(
        to_member(&note(join(7, 1)), &members, None),
        Err(Unroutable::UnknownTask(join(7, 1)))
    );
}

#[test]
fn history_entries_go_round_trip_for_undo() {
    let entry = HistoryEntry {
        at: "2025-03-04T10:00:00+08:00".parse().unwrap(),
        user: "lina".into(),
        task: Some(5),
        change: Change::Meeting {
            date: "2025-03-04".parse().unwrap(),
        },
        via: None,
    };
    let city_entries = entries_in_city(1, vec![entry.clone()]);
    assert_eq!(city_entries[0].task, Some(join(1, 5)));
    let revert = Operation::Revert {
        via: crate::model::Via::Undo,
        entries: city_entries,
    };
    let (index, own) = to_member(&revert, &members(&boards()), None).unwrap();
    assert_eq!(index, 1);
    assert_eq!(
        own,
        Operation::Revert {
            via: crate::model::Via::Undo,
            entries: vec![entry]
        }
    );
}

#[test]
fn a_board_numbered_past_the_stride_cannot_join() {
    let mut boards = boards();
    boards[1].1.tasks[0].id = STRIDE;
    assert!(combine(&members(&boards)).unwrap_err().contains("浦东"));
}

#[test]
fn a_board_s_part_of_the_city_reads_as_that_board_again() {
    let boards = boards();
    let members = members(&boards);
    let combined = combine(&members).unwrap();
    assert_eq!(own_board(&combined, 1, members[1]), boards[1].1);
    assert_eq!(own_board(&combined, 0, members[0]), boards[0].1);
}
