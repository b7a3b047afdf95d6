//! The board's words (issue 15): a refused undo, a colleague's change, done late against
//! overdue, a move past the ends of the statuses, the filter dialog's keys and its unit row.

use ftz_board::app::{App, Effect};
use ftz_board::i18n::Lang;
use ftz_board::model::{Context, HistoryEntry, Operation, Status, Urgency};
use ftz_board::plan::builtin_plan;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app_in(lang: Lang) -> App {
    let today = "2025-06-01".parse().unwrap();
    let mut app = App::new(builtin_plan().unwrap(), "board.ron".into(), today, lang);
    app.resize(120, 40);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctx(user: &str) -> Context {
    let settings = builtin_plan().unwrap().settings;
    Context {
        user: user.into(),
        now: settings.local_time(chrono::Utc::now()),
    }
}

/// Carries out an effect the way the main loop does, on the app's own board.
fn apply(app: &mut App, effect: Effect) {
    let Effect::Apply { op, kind } = effect else {
        panic!("expected a change, got {effect:?}");
    };
    let mut board = app.board().clone();
    let result = op
        .apply(&mut board, &ctx("测试"))
        .map(|entries| (board, entries))
        .map_err(Into::into);
    app.on_applied(op, kind, result);
}

fn footer(app: &App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf).pop().unwrap()
}

/// The whole screen, rows joined.
fn screen(app: &App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf).join("\n")
}

/// A colleague's change made on the app's board: the board and the entries it recorded.
fn colleague(app: &App, user: &str, op: Operation) -> (ftz_board::model::Board, Vec<HistoryEntry>) {
    let mut board = app.board().clone();
    let entries = op.apply(&mut board, &ctx(user)).unwrap();
    (board, entries)
}

#[test]
fn an_undo_refused_because_a_colleague_changed_the_task_says_not_undone_and_why() {
    for (lang, refused, why) in [
        (
            Lang::Zh,
            "无法撤销「#1 已移至 推进中」",
            "任务 #1 此后已被他人修改",
        ),
        (
            Lang::En,
            "cannot undo \"#1 moved to In progress\"",
            "task 1 was changed by someone else since",
        ),
    ] {
        let mut app = app_in(lang);
        let effect = app.on_key(&key(KeyCode::Char('L')));
        apply(&mut app, effect);
        let (theirs, _) = colleague(
            &app,
            "李娜",
            Operation::SetStatus {
                id: 1,
                to: Status::Done,
            },
        );
        app.set_board(theirs);
        let undo = app.on_key(&key(KeyCode::Char('u')));
        apply(&mut app, undo);
        let message = app.message().unwrap().text.clone();
        assert!(message.starts_with(refused), "{message}");
        assert!(message.contains(why), "{message}");
        assert!(!message.contains("保存失败") && !message.contains("save failed"));
    }
}

#[test]
fn a_colleagues_change_taken_in_names_who_and_what() {
    let mut app = app_in(Lang::Zh);
    let (theirs, entries) = colleague(
        &app,
        "李娜",
        Operation::SetStatus {
            id: 3,
            to: Status::Done,
        },
    );
    app.on_file_changed(Ok(theirs), std::path::Path::new("board.ron"));
    app.on_colleague_changes(entries);
    assert!(
        footer(&app).contains("李娜 把 #3 移至 已完成"),
        "{}",
        footer(&app)
    );

    // Several at once: the first, and how many in all.
    let mut app = app_in(Lang::En);
    let (mut theirs, mut entries) = colleague(
        &app,
        "Li Na",
        Operation::SetStatus {
            id: 3,
            to: Status::Done,
        },
    );
    entries.extend(
        Operation::AddNote {
            id: 4,
            text: "对接完成".into(),
            decision: false,
        }
        .apply(&mut theirs, &ctx("Li Na"))
        .unwrap(),
    );
    app.on_file_changed(Ok(theirs), std::path::Path::new("board.ron"));
    app.on_colleague_changes(entries);
    assert!(
        footer(&app).contains("Li Na moved #3 to Done, and 1 more change"),
        "{}",
        footer(&app)
    );
}

#[test]
fn done_late_and_overdue_read_differently_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let overdue = Urgency::Overdue { days: 701 };
        let late = Urgency::DoneLate { days_late: 701 };
        for (a, b) in [
            (lang.urgency(overdue), lang.urgency(late)),
            (lang.urgency_short(overdue), lang.urgency_short(late)),
        ] {
            // Not the same words around the number in another order.
            let words = |s: &str| {
                let mut w: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
                w.sort();
                w
            };
            assert_ne!(words(&a), words(&b), "{a} / {b}");
        }
    }
    assert_eq!(
        Lang::Zh.urgency_short(Urgency::DoneLate { days_late: 701 }),
        "晚701天"
    );
    assert_eq!(
        Lang::Zh.urgency(Urgency::Overdue { days: 701 }),
        "逾期 701 天"
    );
    assert!(
        !Lang::Zh
            .urgency(Urgency::DoneLate { days_late: 3 })
            .contains("超期")
    );
}

#[test]
fn a_move_past_the_first_or_last_status_says_so() {
    let mut app = app_in(Lang::Zh);
    // Task 1 is 未启动.
    assert_eq!(app.on_key(&key(KeyCode::Char('H'))), Effect::None);
    assert!(
        footer(&app).contains("已是第一个状态：未启动"),
        "{}",
        footer(&app)
    );
    for _ in 0..3 {
        let effect = app.on_key(&key(KeyCode::Char('L')));
        apply(&mut app, effect);
    }
    assert_eq!(app.board().task(1).unwrap().status, Status::Done);
    assert_eq!(app.on_key(&key(KeyCode::Char('L'))), Effect::None);
    assert!(
        footer(&app).contains("已是最后一个状态：已完成"),
        "{}",
        footer(&app)
    );

    let mut app = app_in(Lang::En);
    app.on_key(&key(KeyCode::Char('H')));
    assert!(
        footer(&app).contains("already in the first status: Not started"),
        "{}",
        footer(&app)
    );
}

#[test]
fn the_filter_dialog_names_keys_as_the_footer_does_and_its_unit_row_takes_typing() {
    let mut app = app_in(Lang::Zh);
    app.on_key(&key(KeyCode::Char('f')));
    let shown = screen(&app);
    assert!(
        shown.contains("Up/Down") && shown.contains("Left/Right"),
        "{shown}"
    );
    assert!(
        !shown.contains("上/下") && !shown.contains("左/右"),
        "{shown}"
    );
    assert!(shown.contains("可输入名称筛选"), "{shown}");
    for c in "商务".chars() {
        app.on_key(&key(KeyCode::Char(c)));
    }
    let shown = screen(&app);
    assert!(
        shown.contains("< 区商务委 >") && shown.contains("商务：1 个单位"),
        "{shown}"
    );
    app.on_key(&key(KeyCode::Enter));
    assert_eq!(
        app.filter().unit.as_ref().map(|(u, _)| u.as_str()),
        Some("区商务委")
    );
}
