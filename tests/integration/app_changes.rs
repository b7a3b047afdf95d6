//! The changes view (`4`): what happened since the last meeting, grouped by task, with who and
//! when; `S` picks another start; the window follows the date in use.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ftz_board::action::Action;
use ftz_board::app::{App, ChangeKind, Effect, Overlay, Start, View};
use ftz_board::i18n::{Lang, SinceReason};
use ftz_board::model::{Operation, Status};
use ftz_board::store::Store;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app_time::app_with_history;
use crate::common::{find_row, screen_rows};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    DateTime::<FixedOffset>::parse_from_rfc3339(s)
        .unwrap()
        .to_utc()
}

fn press(app: &mut App, code: KeyCode) -> Effect {
    app.on_key(&KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn rows(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.screen());
    ftz_board::ui::render(app, app.screen(), &mut buf);
    screen_rows(&buf)
}

/// The app of `app_time` (meetings 02-01 and 05-02, today 2025-06-30), 120x40, changes view open.
fn changes_app() -> (tempfile::TempDir, Store, App) {
    let (dir, store, mut app) = app_with_history();
    app.resize(120, 40);
    press(&mut app, KeyCode::Char('4'));
    (dir, store, app)
}

fn window(app: &App) -> (SinceReason, NaiveDate, NaiveDate) {
    let w = app
        .changes_view()
        .window()
        .expect("the window is worked out");
    (w.reason, w.since, w.until)
}

fn kinds_of(app: &App, task: u32) -> Vec<&'static str> {
    let w = app.changes_view().window().unwrap();
    w.items
        .iter()
        .filter(|i| i.task == Some(task))
        .map(|i| i.kind)
        .collect()
}

#[test]
fn key_4_shows_what_changed_since_the_last_meeting_grouped_by_task_with_who_and_when() {
    let (_dir, _store, app) = changes_app();
    assert_eq!(app.view(), View::Changes);
    assert_eq!(
        window(&app),
        (
            SinceReason::LastMeeting,
            day("2025-05-02"),
            day("2025-06-30")
        )
    );
    let screen = rows(&app);
    assert!(find_row(&screen, " 4 变化 ").contains(" 3 总览 "));
    find_row(&screen, "自上次会议（2025-05-02）至 2025-06-30");
    find_row(&screen, "#17 ");
    // #17 was finished on 06-01 by lina, before its deadline (end of 2025): on time.
    let done = find_row(&screen, "2025-06-01 10:00  lina  状态");
    assert!(done.contains("未启动 -> 已完成（按期完成）"), "{done}");
    // Nothing before the meeting: #3 was finished on 03-05.
    assert!(!screen.iter().any(|r| r.contains("#3 ")), "{screen:#?}");
}

#[test]
fn tab_cycles_through_the_changes_view_and_back_to_the_status_view() {
    let (_dir, _store, mut app) = app_with_history();
    for view in [View::Units, View::Dashboard, View::Changes, View::Status] {
        app.update(Action::NextView);
        assert_eq!(app.view(), view);
    }
}

#[test]
fn stepping_the_date_moves_the_window_to_the_meeting_before_it() {
    let (_dir, _store, mut app) = changes_app();
    press(&mut app, KeyCode::Char('('));
    assert_eq!(app.today(), day("2025-05-02"));
    assert_eq!(
        window(&app),
        (
            SinceReason::LastMeeting,
            day("2025-02-01"),
            day("2025-05-02")
        )
    );
    assert_eq!(kinds_of(&app, 3), ["status"]);
    assert_eq!(kinds_of(&app, 20), ["task_added"]);
    assert_eq!(kinds_of(&app, 12), ["task_deleted"]);
    assert!(kinds_of(&app, 17).is_empty(), "#17 moved after 05-02");
    let screen = rows(&app);
    // A task deleted since keeps its heading, with its title as it was.
    find_row(&screen, "#12 ");
    find_row(&screen, "删除任务：");
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(window(&app).1, day("2025-05-02"));
}

#[test]
fn s_then_up_widens_the_window_to_the_meeting_before_and_enter_on_nothing_goes_back() {
    let (_dir, _store, mut app) = changes_app();
    press(&mut app, KeyCode::Char('S'));
    assert!(app.dialog().is_some(), "S opens the start dialog");
    press(&mut app, KeyCode::Up);
    find_row(&rows(&app), "> 2025-02-01");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog().is_none());
    assert_eq!(app.changes_view().start(), Start::Date(day("2025-02-01")));
    assert_eq!(
        window(&app),
        (SinceReason::Chosen, day("2025-02-01"), day("2025-06-30"))
    );
    assert_eq!(kinds_of(&app, 3), ["status"]);
    assert_eq!(kinds_of(&app, 17), ["status"]);
    // Empty: the default again.
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.changes_view().start(), Start::LastMeeting);
    assert_eq!(window(&app).1, day("2025-05-02"));
}

#[test]
fn s_takes_a_typed_date_and_refuses_text_that_is_not_one() {
    let (_dir, _store, mut app) = changes_app();
    press(&mut app, KeyCode::Char('S'));
    typed(&mut app, "2025-04-16");
    press(&mut app, KeyCode::Enter);
    assert_eq!(window(&app).1, day("2025-04-16"));
    // #20 was added on 04-15, #12 deleted on 04-20.
    assert!(kinds_of(&app, 20).is_empty());
    assert_eq!(kinds_of(&app, 12), ["task_deleted"]);
    press(&mut app, KeyCode::Char('S'));
    typed(&mut app, "soon");
    press(&mut app, KeyCode::Enter);
    assert!(app.dialog().is_some(), "the dialog stays open");
    assert_eq!(
        app.message().unwrap().text,
        "“soon”不是日期（应为 YYYY-MM-DD 或 last-meeting）"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.dialog().is_none());
    assert_eq!(window(&app).1, day("2025-04-16"));
    // `S` from another view opens the changes view with its dialog.
    app.update(Action::ShowStatusView);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.view(), View::Changes);
    assert!(app.dialog().is_some());
}

#[test]
fn without_a_meeting_the_view_says_so_and_shows_the_last_7_days() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("board.ron"));
    store
        .create(&ftz_board::plan::builtin_plan().unwrap())
        .unwrap();
    for (when, id) in [
        ("2025-06-20T09:00:00+08:00", 5),
        ("2025-06-27T09:00:00+08:00", 6),
    ] {
        let op = Operation::SetStatus {
            id,
            to: Status::InProgress,
        };
        store.apply_at(&op, "wang", Some(at(when))).unwrap();
    }
    let board = store.load().unwrap().board;
    let mut app = App::new(board, "board.ron".into(), day("2025-06-30"), Lang::En);
    app.set_history(store.load_history().unwrap());
    app.resize(100, 30);
    app.update(Action::ShowChanges);
    assert_eq!(
        window(&app),
        (
            SinceReason::NoMeetingWeek,
            day("2025-06-24"),
            day("2025-06-30")
        )
    );
    assert_eq!(kinds_of(&app, 6), ["status"]);
    assert!(
        kinds_of(&app, 5).is_empty(),
        "06-20 is more than a week ago"
    );
    let screen = rows(&app);
    find_row(
        &screen,
        "no meeting recorded yet: the last 7 days (2025-06-24 to 2025-06-30): 1",
    );
    find_row(&screen, "wang  status Not started -> In progress");
}

#[test]
fn the_view_says_loading_until_the_history_read_after_the_first_frame_arrives() {
    let (_dir, store, mut app) = app_with_history();
    let mut fresh = App::new(
        app.board().clone(),
        "board.ron".into(),
        day("2025-06-30"),
        Lang::Zh,
    );
    fresh.set_history_pending();
    fresh.resize(100, 30);
    fresh.update(Action::ShowChanges);
    find_row(&rows(&fresh), "正在读取变更记录");
    fresh.on_history_loaded(Ok(store.load_history().unwrap()));
    find_row(&rows(&fresh), "自上次会议（2025-05-02）");
    // (The app of the fixture had its history from the start.)
    app.update(Action::ShowChanges);
    assert!(app.changes_view().window().is_some());
}

#[test]
fn enter_opens_the_detail_of_the_task_under_the_cursor_and_l_jumps_to_the_next_task() {
    let (_dir, _store, mut app) = changes_app();
    // The meeting that opens the window comes first (board-wide), then #17.
    let w = app.changes_view().window().unwrap();
    assert_eq!(w.task_of(0), None);
    find_row(&rows(&app), "召开协调会 2025-05-02");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.changes_view().selected_task(), Some(17));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay(), Some(Overlay::Detail { id: 17, scroll: 0 }));
    press(&mut app, KeyCode::Esc);
    // The window of the meeting before: meetings, #3, #12 (deleted), #20.
    press(&mut app, KeyCode::Char('('));
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.changes_view().selected_task(), Some(3));
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.changes_view().selected_task(), Some(12));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay(), None, "#12 is not on the board of 05-02");
    assert!(app.message().unwrap().text.contains("已删除"));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.changes_view().selected_task(), Some(20));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.changes_view().selected_task(), Some(12));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.changes_view().selected_task(), Some(20));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.changes_view().selected_task(), None);
}

#[test]
fn a_change_made_in_the_board_appears_in_the_view_at_once() {
    let (_dir, store, mut app) = changes_app();
    // The cursor on #17: a note goes to it.
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('n'));
    typed(&mut app, "已对接海关");
    let Effect::Apply { op, kind } = press(&mut app, KeyCode::Enter) else {
        panic!("Enter saves the note");
    };
    assert_eq!(kind, ChangeKind::New);
    let applied = store
        .apply_at(&op, "zhang", Some(at("2025-06-30T11:00:00+08:00")))
        .unwrap();
    app.on_applied(op, kind, Ok((applied.board, applied.entries)));
    assert_eq!(kinds_of(&app, 17), ["status", "note"]);
    find_row(&rows(&app), "2025-06-30 11:00  zhang  进展：已对接海关");
}

#[test]
fn a_window_reaching_into_a_version_1_record_says_the_record_is_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(crate::common::copy_fixture(
        "v1-with-history.ron",
        dir.path(),
    ));
    let history = store.load_history().unwrap();
    let incomplete = history.incomplete_until().expect("version 1 left gaps");
    let board = store.load().unwrap().board;
    let mut app = App::new(board, "board.ron".into(), day("2025-06-30"), Lang::Zh);
    app.set_history(history);
    app.resize(140, 40);
    app.update(Action::PickChangesStart);
    typed(&mut app, "2024-01-01");
    press(&mut app, KeyCode::Enter);
    let line = format!("（{incomplete} 前的变更记录不完整）");
    find_row(&rows(&app), &line);
    // A window after the gap says nothing of it.
    app.update(Action::PickChangesStart);
    typed(&mut app, &(incomplete + chrono::Days::new(1)).to_string());
    press(&mut app, KeyCode::Enter);
    assert!(!rows(&app).iter().any(|r| r.contains("不完整")));
}
