//! Milestones in the board, driven headlessly through `App`: the detail's keys (`m`, `M`, `x`,
//! `X`), the dialogs' checks, and the changes they ask for, saved and undone as the main loop does.

use chrono::NaiveDate;
use ftz_board::app::{App, ChangeKind, Effect, ReadOnly};
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Context, Operation, Roles};
use ftz_board::plan::builtin_plan;
use ftz_board::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2025-06-01";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx() -> Context {
    let settings = builtin_plan().unwrap().settings;
    Context {
        user: "测试".into(),
        now: settings.local_time(chrono::Utc::now()),
    }
}

/// The built-in plan, every deadline at the end of 2025 so that task 1 is green on `TODAY` (and
/// first in its column), with these milestones (title, due) on task 1.
fn board(milestones: &[(&str, &str)]) -> Board {
    let mut board = builtin_plan().unwrap();
    for task in &mut board.tasks {
        task.deadline = day("2025-12-31");
    }
    for (title, due) in milestones {
        let op = Operation::AddMilestone {
            id: 1,
            title: title.to_string(),
            due: due.to_string(),
            units: Vec::new(),
        };
        op.apply(&mut board, &ctx()).unwrap();
    }
    board
}

/// The app on `board`, task 1's detail open.
fn detail_of_task_1(board: Board) -> App {
    let mut app = App::new(board, "board.ron".into(), day(TODAY), Lang::Zh);
    app.resize(120, 40);
    assert_eq!(app.selected_task(), Some(1));
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, c: char) -> Effect {
    app.on_key(&key(KeyCode::Char(c)))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(press(app, c), Effect::None, "typing {c:?}");
    }
}

/// Clears the focused one-line field.
fn clear_field(app: &mut App) {
    for _ in 0..40 {
        app.on_key(&key(KeyCode::Backspace));
    }
}

/// Carries out an effect the way the main loop does, on the app's own board.
fn apply(app: &mut App, effect: Effect) {
    let Effect::Apply { op, kind } = effect else {
        panic!("expected a change, got {effect:?}");
    };
    let mut board = app.board().clone();
    let result = op
        .apply(&mut board, &ctx())
        .map(|entries| (board, entries))
        .map_err(Into::into);
    app.on_applied(op, kind, result);
}

fn screen(app: &App) -> Vec<String> {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf)
}

fn shows(app: &App, text: &str) -> bool {
    screen(app).iter().any(|r| r.contains(text))
}

fn footer(app: &App) -> String {
    screen(app).pop().unwrap()
}

fn titles(app: &App) -> Vec<String> {
    let task = app.board().task(1).unwrap();
    task.milestones.iter().map(|m| m.title.clone()).collect()
}

#[test]
fn m_adds_a_milestone_with_the_task_s_lead_units_and_u_and_ctrl_r_undo_and_redo_it() {
    let mut app = detail_of_task_1(board(&[]));
    assert!(shows(&app, "◌ 绿灯"), "{}", screen(&app).join("\n"));
    assert!(shows(&app, "尚未分解节点"));
    assert_eq!(press(&mut app, 'm'), Effect::None);
    assert!(shows(&app, "新增节点 #1"), "{}", screen(&app).join("\n"));
    let leads = app.board().task(1).unwrap().lead_units.clone();
    type_text(&mut app, "完成方案报批");
    app.on_key(&key(KeyCode::Tab));
    type_text(&mut app, "2025-05-20");
    let effect = app.on_key(&key(KeyCode::Enter));
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::AddMilestone {
                id: 1,
                title: "完成方案报批".into(),
                due: "2025-05-20".into(),
                units: leads.clone(),
            },
            kind: ChangeKind::New,
        }
    );
    apply(&mut app, effect);
    let m = &app.board().task(1).unwrap().milestones[0];
    assert_eq!((m.number, m.units.clone()), (1, leads));
    // Due before today and open: the task turns red, and the line says by how much.
    let rows = screen(&app);
    let row = crate::common::find_row(&rows, "完成方案报批");
    assert!(row.contains("> 1  2025-05-20  逾期 12 天"), "{row}");
    assert!(shows(&app, "◉ 红灯  节点 1 逾期 12 天"));
    assert!(footer(&app).contains("#1 已新增节点"), "{}", footer(&app));

    let undo = press(&mut app, 'u');
    apply(&mut app, undo);
    assert!(titles(&app).is_empty());
    assert!(shows(&app, "◌ 绿灯") && shows(&app, "尚未分解节点"));
    let redo = app.on_key(&KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    apply(&mut app, redo);
    assert_eq!(titles(&app), ["完成方案报批"]);
}

#[test]
fn the_form_keeps_an_empty_title_or_a_bad_date_open_and_warns_once_about_a_late_due_date() {
    let mut app = detail_of_task_1(board(&[]));
    press(&mut app, 'm');
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(
        app.dialog().is_some(),
        "an empty title keeps the dialog open"
    );
    assert!(shows(&app, "标题不能为空"), "{}", screen(&app).join("\n"));
    type_text(&mut app, "节点");
    app.on_key(&key(KeyCode::Tab));
    type_text(&mut app, "2025-13-01");
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(app.dialog().is_some());
    assert!(
        shows(&app, "节点日期须为日期，如 2025-06-30"),
        "{}",
        screen(&app).join("\n")
    );
    // After the task's deadline: said first, kept on a second Enter.
    clear_field(&mut app);
    type_text(&mut app, "2026-03-01");
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(shows(&app, "节点日期晚于任务时间节点；再按 Enter 仍保存"));
    assert!(shows(&app, "任务时间节点: 2025-12-31"));
    let Effect::Apply { op, .. } = app.on_key(&key(KeyCode::Enter)) else {
        panic!("a second Enter saves the late milestone");
    };
    assert!(matches!(op, Operation::AddMilestone { due, .. } if due == "2026-03-01"));
    assert!(app.dialog().is_none());
}

#[test]
fn j_k_pick_a_milestone_and_m_edits_only_what_changed() {
    let mut app = detail_of_task_1(board(&[("一期", "2025-07-01"), ("二期", "2025-09-30")]));
    assert!(crate::common::find_row(&screen(&app), "一期").contains("> 1"));
    press(&mut app, 'j');
    assert!(crate::common::find_row(&screen(&app), "二期").contains("> 2"));
    assert!(footer(&app).contains("选节点"), "{}", footer(&app));
    press(&mut app, 'M');
    assert!(shows(&app, "修改节点 #1.2"), "{}", screen(&app).join("\n"));
    // Unchanged, Enter asks for nothing.
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(app.dialog().is_none());
    press(&mut app, 'M');
    type_text(&mut app, "验收");
    let effect = app.on_key(&key(KeyCode::Enter));
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::EditMilestone {
                id: 1,
                number: 2,
                title: Some("二期验收".into()),
                due: None,
                units: None,
            },
            kind: ChangeKind::New,
        }
    );
    apply(&mut app, effect);
    assert_eq!(titles(&app), ["一期", "二期验收"]);
    let undo = press(&mut app, 'u');
    apply(&mut app, undo);
    assert_eq!(titles(&app), ["一期", "二期"]);
}

#[test]
fn x_completes_on_today_unless_told_otherwise_and_x_again_reopens() {
    let mut app = detail_of_task_1(board(&[("一期", "2025-05-01")]));
    assert!(shows(&app, "◉ 红灯"));
    press(&mut app, 'x');
    assert!(shows(&app, "完成节点 #1.1"), "{}", screen(&app).join("\n"));
    assert!(shows(&app, "完成日期: 2025-06-01"));
    // Not a day after today.
    clear_field(&mut app);
    type_text(&mut app, "2025-06-02");
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(shows(&app, "完成日期不能晚于今天"));
    clear_field(&mut app);
    type_text(&mut app, "2025-05-28");
    let effect = app.on_key(&key(KeyCode::Enter));
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::CompleteMilestone {
                id: 1,
                number: 1,
                on: Some(day("2025-05-28")),
            },
            kind: ChangeKind::New,
        }
    );
    apply(&mut app, effect);
    assert!(crate::common::find_row(&screen(&app), "一期").contains("完成日期 2025-05-28"));
    assert!(shows(&app, "◌ 绿灯"), "all milestones done: green");
    let reopen = press(&mut app, 'x');
    assert_eq!(
        reopen,
        Effect::Apply {
            op: Operation::ReopenMilestone { id: 1, number: 1 },
            kind: ChangeKind::New,
        }
    );
    apply(&mut app, reopen);
    assert!(shows(&app, "◉ 红灯"));
    let undo = press(&mut app, 'u');
    apply(&mut app, undo);
    assert!(shows(&app, "◌ 绿灯"), "undo of the reopen: done again");
}

#[test]
fn shift_x_deletes_the_selected_milestone_after_asking_and_undo_puts_it_back() {
    let mut app = detail_of_task_1(board(&[("一期", "2025-07-01"), ("二期", "2025-09-30")]));
    press(&mut app, 'j');
    press(&mut app, 'X');
    assert!(shows(&app, "删除节点 #1.2?"), "{}", screen(&app).join("\n"));
    // Any key but y keeps it.
    assert_eq!(press(&mut app, 'n'), Effect::None);
    assert_eq!(titles(&app).len(), 2);
    press(&mut app, 'X');
    let effect = press(&mut app, 'y');
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::DeleteMilestone { id: 1, number: 2 },
            kind: ChangeKind::New,
        }
    );
    apply(&mut app, effect);
    assert_eq!(titles(&app), ["一期"]);
    let undo = press(&mut app, 'u');
    apply(&mut app, undo);
    assert_eq!(titles(&app), ["一期", "二期"]);
}

#[test]
fn looking_back_refuses_the_milestone_keys_and_says_why() {
    let mut app = detail_of_task_1(board(&[("一期", "2025-07-01")]));
    app.set_read_only(Some(ReadOnly::LookingBack));
    for c in ['m', 'M', 'x', 'X'] {
        assert_eq!(press(&mut app, c), Effect::None);
        assert!(app.dialog().is_none(), "{c} opened a dialog");
        assert!(footer(&app).contains("回顾"), "{c}: {}", footer(&app));
    }
}

#[test]
fn a_change_the_roles_refuse_shows_who_may_not_a_failed_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut board = board(&[]);
    board.roles = Some(Roles {
        office: vec!["zhangwei".into()],
        units: [(
            board.task(1).unwrap().lead_units[0].clone(),
            vec!["lina".into()],
        )]
        .into(),
    });
    let mut store = Store::new(dir.path().join("board.ron"));
    store.create(&board).unwrap();
    store.login = Some("lina".into());
    // The board knows who is at the keyboard: it refuses before anything is saved.
    let mut app = detail_of_task_1(board.clone());
    app.set_login(Some("lina".into()));
    press(&mut app, 'm');
    type_text(&mut app, "节点");
    app.on_key(&key(KeyCode::Tab));
    type_text(&mut app, "2025-07-01");
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    let said = footer(&app);
    assert!(said.contains("只有专班办公室可以"), "{said}");
    assert!(!said.contains("保存失败"), "{said}");
    // When only the file's roles refuse it (the board was opened before they changed), the
    // store's refusal reads the same.
    let mut app = detail_of_task_1(board);
    let op = ftz_board::model::Operation::AddMilestone {
        id: 1,
        title: "节点".into(),
        due: "2025-07-01".into(),
        units: Vec::new(),
    };
    let result = store
        .apply(&op, "lina")
        .map(|applied| (applied.board, applied.entries));
    app.on_applied(op, ftz_board::app::ChangeKind::New, result);
    let said = footer(&app);
    assert!(said.contains("只有专班办公室可以"), "{said}");
    assert!(!said.contains("保存失败"), "{said}");
}

#[test]
fn the_detail_shows_when_the_task_was_red_from_its_history() {
    let at = |s: &str| Context {
        user: "测试".into(),
        now: chrono::DateTime::parse_from_rfc3339(s).unwrap(),
    };
    let mut board = board(&[]);
    let mut entries = Operation::AddMilestone {
        id: 1,
        title: "一期".into(),
        due: "2025-05-10".into(),
        units: Vec::new(),
    }
    .apply(&mut board, &at("2025-05-01T10:00:00+08:00"))
    .unwrap();
    let done = Operation::CompleteMilestone {
        id: 1,
        number: 1,
        on: Some(day("2025-05-20")),
    };
    entries.extend(
        done.apply(&mut board, &at("2025-05-20T10:00:00+08:00"))
            .unwrap(),
    );
    let mut app = App::new(board, "board.ron".into(), day(TODAY), Lang::Zh);
    app.set_history(ftz_board::model::History::new(entries));
    app.resize(120, 40);
    app.on_key(&key(KeyCode::Enter));
    // Green now, but on record as red from the day after the missed date until it was done.
    assert!(shows(&app, "◌ 绿灯"));
    let rows = screen(&app);
    let row = crate::common::find_row(&rows, "曾亮红灯");
    assert!(row.contains("曾亮红灯：2025-05-11 至 2025-05-2"), "{row}");
    // And the record of changes says what happened to the milestone.
    assert!(
        shows(&app, "节点 1: 已完成 2025-05-20"),
        "{}",
        rows.join("\n")
    );
}
