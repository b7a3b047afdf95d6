//! Looking back in the board without restarting: stepping the date by day, week, month and from
//! meeting to meeting shows the board as it stood then, read-only; one key returns to today.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ftz_board::action::Action;
use ftz_board::app::{App, Effect, ReadOnly};
use ftz_board::i18n::Lang;
use ftz_board::model::{Operation, Status, Task};
use ftz_board::store::Store;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The plan with a known half year: #3 in progress (01-10), a meeting (02-01), #3 done (03-05),
/// #20 added (04-15), #12 deleted (04-20), a meeting (05-02), #17 done (06-01). Opened on
/// 2025-06-30.
pub fn app_with_history() -> (tempfile::TempDir, Store, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("board.ron"));
    store
        .create(&ftz_board::plan::builtin_plan().unwrap())
        .unwrap();
    let ops = [
        ("2025-01-10", status(3, Status::InProgress)),
        (
            "2025-02-01",
            Operation::RecordMeeting {
                date: day("2025-02-01"),
            },
        ),
        ("2025-03-05", status(3, Status::Done)),
        (
            "2025-04-15",
            Operation::AddTask {
                task: Box::new(Task::new(
                    20,
                    "新增：低空经济应用场景",
                    vec!["区经委".into()],
                    day("2026-12-31"),
                )),
            },
        ),
        ("2025-04-20", Operation::DeleteTask { id: 12 }),
        (
            "2025-05-02",
            Operation::RecordMeeting {
                date: day("2025-05-02"),
            },
        ),
        ("2025-06-01", status(17, Status::Done)),
    ];
    for (date, op) in ops {
        let at = DateTime::<FixedOffset>::parse_from_rfc3339(&format!("{date}T10:00:00+08:00"))
            .unwrap()
            .to_utc();
        store.apply_at(&op, "lina", Some(at)).unwrap();
    }
    let board = store.load().unwrap().board;
    let mut app = App::new(board, "board.ron".into(), day("2025-06-30"), Lang::Zh);
    app.set_history(store.load_history().unwrap());
    (dir, store, app)
}

fn status(id: u32, to: Status) -> Operation {
    Operation::SetStatus { id, to }
}

fn status_of(app: &App, id: u32) -> Option<Status> {
    app.board().task(id).map(|t| t.status)
}

#[test]
fn stepping_by_day_week_and_month_moves_the_date_in_use_and_the_header_says_so() {
    let (_dir, _store, mut app) = app_with_history();
    assert_eq!(app.header_trailing().0, " 今天 2025-06-30 ");
    app.update(Action::DayBack);
    assert_eq!(app.today(), day("2025-06-29"));
    app.update(Action::WeekBack);
    assert_eq!(app.today(), day("2025-06-22"));
    app.update(Action::MonthBack);
    assert_eq!(app.today(), day("2025-05-22"));
    // #17 was finished on 06-01: not yet on 05-22.
    assert_ne!(status_of(&app, 17), Some(Status::Done));
    let (date, mark) = app.header_trailing();
    assert_eq!(date, " 回顾 2025-05-22 ");
    assert_eq!(mark.as_deref(), Some("[只读]"));
    app.update(Action::MonthForward);
    assert_eq!(app.today(), day("2025-06-22"));
    assert_eq!(status_of(&app, 17), Some(Status::Done));
    // Forward stops at today.
    app.update(Action::MonthForward);
    assert_eq!(app.today(), day("2025-06-30"));
    assert!(!app.is_looking_back());
    assert_eq!(app.read_only(), None);
}

#[test]
fn stepping_from_meeting_to_meeting_shows_the_board_as_it_stood_then() {
    let (_dir, _store, mut app) = app_with_history();
    app.update(Action::PreviousMeeting);
    assert_eq!(app.today(), day("2025-05-02"));
    assert!(app.board().task(12).is_none(), "#12 was deleted on 04-20");
    assert!(app.board().task(20).is_some(), "#20 was added on 04-15");
    assert_eq!(status_of(&app, 3), Some(Status::Done));
    app.update(Action::PreviousMeeting);
    assert_eq!(app.today(), day("2025-02-01"));
    assert!(app.board().task(12).is_some());
    assert!(app.board().task(20).is_none());
    assert_eq!(status_of(&app, 3), Some(Status::InProgress));
    // No meeting before the first: the date stays and the footer says why.
    app.update(Action::PreviousMeeting);
    assert_eq!(app.today(), day("2025-02-01"));
    assert_eq!(app.message().unwrap().text, "这个方向没有记录的会议");
    app.update(Action::NextMeeting);
    assert_eq!(app.today(), day("2025-05-02"));
    assert!(app.board().task(12).is_none());
}

#[test]
fn a_board_looked_back_at_refuses_changes_and_one_key_returns_to_today_with_changes_allowed() {
    let (_dir, _store, mut app) = app_with_history();
    app.update(Action::PreviousMeeting);
    assert_eq!(app.read_only(), Some(&ReadOnly::LookingBack));
    assert_eq!(app.update(Action::MoveNext), Effect::None);
    assert!(app.message().unwrap().is_error);
    app.update(Action::BackToToday);
    assert_eq!(app.today(), day("2025-06-30"));
    assert_eq!(app.read_only(), None);
    assert_eq!(status_of(&app, 17), Some(Status::Done));
    assert!(app.board().task(12).is_none());
    assert!(matches!(app.update(Action::MoveNext), Effect::Apply { .. }));
}

#[test]
fn a_read_only_board_stays_read_only_after_looking_back() {
    let (_dir, _store, mut app) = app_with_history();
    app.set_read_only(Some(ReadOnly::Requested));
    app.update(Action::WeekBack);
    app.update(Action::BackToToday);
    assert_eq!(app.read_only(), Some(&ReadOnly::Requested));
}

#[test]
fn stepping_from_inside_the_detail_keeps_it_open_on_the_task_as_it_stood_then() {
    let (_dir, _store, mut app) = app_with_history();
    app.update(Action::OpenDetail);
    let id = app.selected_task().unwrap();
    app.update(Action::MonthBack);
    assert_eq!(app.today(), day("2025-05-30"));
    assert_eq!(app.selected_task(), Some(id), "the detail is still open");
    assert!(app.board().task(id).is_some());
}

/// The history is read after the first frame: until it is there, a step back would show today's
/// board under an old date, so the board says it is still reading and stays where it is.
#[test]
fn a_step_back_before_the_history_has_arrived_waits_for_it() {
    let (_dir, store, mut app) = app_with_history();
    let history = store.load_history().unwrap();
    app.set_history_pending();
    let today = app.today();
    app.update(Action::DayBack);
    assert_eq!(app.today(), today);
    assert!(!app.is_looking_back());
    app.on_history_loaded(Ok(history));
    app.update(Action::DayBack);
    assert_eq!(app.today(), today.pred_opt().unwrap());
    assert!(app.is_looking_back());
}
