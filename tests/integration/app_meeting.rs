//! Meeting features driven headlessly: search, filter, review, dashboard and export, as the
//! operator at the projector uses them.

use crate::common;

use ftz_board::action::Action;
use ftz_board::app::{App, Effect, View};
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Context, Filter, Operation, RoleFilter, Status};
use ftz_board::plan::builtin_plan;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The plan on 2025-06-01 with a little progress: 3 done on time, 5 blocked, 9 in progress.
fn board() -> Board {
    let mut board = builtin_plan().unwrap();
    let ctx = Context {
        user: "办公室".into(),
        now: "2024-12-20T10:00:00+08:00".parse().unwrap(),
    };
    for op in [
        Operation::SetStatus {
            id: 3,
            to: Status::Done,
        },
        Operation::SetStatus {
            id: 5,
            to: Status::Blocked,
        },
        Operation::SetStatus {
            id: 9,
            to: Status::InProgress,
        },
        Operation::AddNote {
            id: 9,
            text: "已与浦东知识产权保护中心签约".into(),
            decision: false,
        },
    ] {
        op.apply(&mut board, &ctx).unwrap();
    }
    board
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(
        board(),
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        Lang::Zh,
    );
    app.resize(width, height);
    app
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(app: &mut App, code: KeyCode) -> Effect {
    app.on_key(&KeyEvent::new(code, KeyModifiers::NONE))
}

fn screen(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.screen());
    ftz_board::ui::render(app, app.screen(), &mut buf);
    common::screen_rows(&buf)
}

fn shown_ids(app: &App) -> Vec<u32> {
    let mut ids: Vec<u32> = app.grouping().columns.iter().flatten().copied().collect();
    ids.sort_unstable();
    ids
}

#[test]
fn typing_a_search_narrows_the_board_as_you_type_and_escape_brings_everything_back() {
    let mut app = app_at(120, 40);
    app.on_key(&key('/'));
    for c in "财政".chars() {
        app.on_key(&key(c));
    }
    assert_eq!(
        shown_ids(&app),
        [13, 14, 15],
        "区财政局 leads 13, 14 and 15"
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app)[2].contains("搜索 \"财政\""),
        "the active search is shown"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(shown_ids(&app).len(), 19);
}

#[test]
fn search_finds_notes_and_the_other_spelling_of_a_unit() {
    let mut app = app_at(120, 40);
    app.set_filter(Filter {
        text: Some("签约".into()),
        ..Filter::default()
    });
    assert_eq!(shown_ids(&app), [9]);
    app.set_filter(Filter {
        text: Some("区网信办".into()),
        ..Filter::default()
    });
    assert_eq!(
        shown_ids(&app),
        [19],
        "the body's spelling finds the annex's 区委网信办"
    );
}

#[test]
fn the_filter_dialog_narrows_by_unit_role_and_status() {
    let mut app = app_at(120, 40);
    app.on_key(&key('f'));
    // Unit row: step to the third unit in plan order (区商务委).
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Down); // role
    press(&mut app, KeyCode::Right); // lead
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.filter().unit,
        Some(("区商务委".to_string(), RoleFilter::Lead))
    );
    assert_eq!(shown_ids(&app), [3, 4]);
    let top = screen(&app);
    assert!(
        top[2].contains("区商务委 (牵头)") && top[2].contains("2/19"),
        "{}",
        top[2]
    );
}

#[test]
fn a_unit_filter_keeps_the_unit_view_to_that_units_lane() {
    let mut app = app_at(120, 40);
    app.set_filter(Filter {
        unit: Some(("区科委".into(), RoleFilter::Either)),
        ..Filter::default()
    });
    app.update(Action::ShowUnitView);
    assert_eq!(app.grouping().lanes.len(), 1);
    assert_eq!(app.grouping().lanes[0].unit, "区科委");
    let rows = screen(&app);
    assert!(rows.iter().any(|r| r.contains("牵头任务▸ 6")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("配合任务  9")));
}

#[test]
fn review_starts_with_overdue_and_blocked_tasks_and_counts_through_all() {
    let mut app = app_at(120, 40);
    app.on_key(&key('r'));
    let review = app.review().cloned().expect("review mode");
    assert_eq!(review.items.len(), 19);
    let first_ids: Vec<u32> = review.items.iter().take(11).map(|(id, _)| *id).collect();
    // On 2025-06-01 the 2024 tasks not done are 152 days overdue; blocked task 5 joins them.
    assert!(first_ids.contains(&5), "{first_ids:?}");
    assert!(!first_ids.contains(&3), "a done task is discussed last");
    assert!(screen(&app).iter().any(|r| r.contains("会议审阅 1/19")));
    app.update(Action::Down);
    assert!(screen(&app).iter().any(|r| r.contains("会议审阅 2/19")));
}

#[test]
fn status_changes_in_review_keep_the_meeting_order() {
    let mut app = app_at(120, 40);
    app.on_key(&key('r'));
    let order = app.review().cloned().unwrap().items;
    let current = app.selected_task().unwrap();
    let Effect::Apply { op, kind } = app.on_key(&key('L')) else {
        panic!("a status change")
    };
    assert_eq!(op.task_id(), Some(current));
    let mut board = app.board().clone();
    let ctx = Context {
        user: "x".into(),
        now: board.settings.local_time(chrono::Utc::now()),
    };
    let entries = op.apply(&mut board, &ctx).unwrap();
    app.on_applied(op, kind, Ok((board, entries)));
    assert_eq!(app.review().cloned().unwrap().items, order);
    assert_eq!(app.selected_task(), Some(current));
}

#[test]
fn escape_leaves_review_and_e_asks_for_an_export() {
    let mut app = app_at(120, 40);
    app.on_key(&key('r'));
    press(&mut app, KeyCode::Esc);
    assert!(app.review().is_none());
    assert_eq!(app.on_key(&key('e')), Effect::Export);
    app.on_exported(Ok(vec!["/srv/ftz-report-2025-06-01.xlsx".into()]));
    assert!(
        app.message()
            .unwrap()
            .text
            .contains("ftz-report-2025-06-01.xlsx")
    );
}

#[test]
fn the_dashboard_shows_counts_timeline_units_and_ranking_at_160x48() {
    let mut app = app_at(160, 48);
    app.update(Action::ShowDashboard);
    assert_eq!(app.view(), View::Dashboard);
    let text = screen(&app).join("\n");
    // 11 tasks due 2024-12-31: 3 done, 10 overdue on 2025-06-01.
    assert!(text.contains("逾期 10"), "{text}");
    assert!(
        text.contains("2024-12-31  11 项  已完成 1  逾期 10"),
        "{text}"
    );
    assert!(
        text.contains("2025-12-31  8 项  已完成 0  逾期 0"),
        "{text}"
    );
    assert!(text.contains("完成 1/19 (5%)"), "{text}");
    assert!(text.contains("逾期排名"), "{text}");
    // 区财政局 leads three overdue 2024 tasks: first place.
    assert!(text.contains(" 1. 区财政局"), "{text}");
}

#[test]
fn the_dashboard_scrolls_on_a_small_terminal_and_every_row_fits() {
    let mut app = app_at(80, 24);
    app.update(Action::ShowDashboard);
    let top = screen(&app);
    assert!(top.iter().any(|r| r.contains("概况")));
    assert!(
        !top.iter().any(|r| r.contains("逾期排名")),
        "the ranking is below the fold"
    );
    app.update(Action::Last);
    let bottom = screen(&app);
    assert!(bottom.iter().any(|r| r.contains("逾期排名")));
    for row in top.iter().chain(&bottom) {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(row.as_str()),
            80,
            "{row}"
        );
    }
}

#[test]
fn searching_a_number_finds_that_task() {
    let mut app = app_at(120, 40);
    app.set_filter(Filter {
        text: Some("19".into()),
        ..Filter::default()
    });
    assert_eq!(shown_ids(&app), [19]);
    app.set_filter(Filter {
        text: Some("#3".into()),
        ..Filter::default()
    });
    assert_eq!(shown_ids(&app), [3]);
}

#[test]
fn a_new_task_is_offered_a_deadline_that_is_not_already_past() {
    let mut app = app_at(120, 40);
    app.on_key(&key('a'));
    let Some(ftz_board::app::Dialog::Task(form)) = app.dialog() else {
        panic!("the task form")
    };
    let deadline = &form
        .fields
        .iter()
        .find(|(f, _)| *f == ftz_board::model::Field::Deadline)
        .unwrap()
        .1;
    // Today is 2025-06-01 in these tests: the end of this year is more than 30 days away.
    assert_eq!(deadline.text(), "2025-12-31");
}

#[test]
fn the_dashboard_scrolls_back_up_at_once_after_jumping_to_the_end() {
    let mut app = app_at(80, 24);
    app.update(Action::ShowDashboard);
    app.update(Action::Last);
    let bottom = app.dashboard_scroll();
    assert!(bottom > 0);
    for _ in 0..5 {
        app.update(Action::Down);
    }
    assert_eq!(app.dashboard_scroll(), bottom, "no scrolling past the end");
    app.update(Action::Up);
    assert_eq!(
        app.dashboard_scroll(),
        bottom - 1,
        "one key up moves up at once"
    );
    let rows = screen(&app);
    // The marker has a row of its own at the foot of the page.
    let marker = rows
        .iter()
        .find(|r| r.contains(&format!("[{}-", bottom)))
        .unwrap_or_else(|| panic!("a range marker:\n{}", rows.join("\n")));
    assert!(marker.trim_start().starts_with('['), "{marker}");
}

#[test]
fn the_detail_of_a_stale_task_says_how_long_it_has_had_no_note() {
    let mut app = app_at(120, 40);
    // Task 1 has no note, and 2025-06-01 is 212 days after the plan's 2024-11-01.
    app.update(Action::OpenDetail);
    let text = screen(&app).join("\n");
    assert!(text.contains("进展 (0)  [久未更新: 212 天]"), "{text}");
}
