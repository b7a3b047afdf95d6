//! The board's editing keys, driven headlessly through `App`: what the user types and what change
//! the board then asks the store to make.

use ftz_board::app::{App, ChangeKind, Effect, ReadOnly};
use ftz_board::i18n::Lang;
use ftz_board::model::{Context, Field, Operation, Status};
use ftz_board::plan::builtin_plan;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app() -> App {
    let today = "2025-06-01".parse().unwrap();
    let mut app = App::new(builtin_plan().unwrap(), "board.ron".into(), today, Lang::Zh);
    app.resize(120, 40);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .map(|c| app.on_key(&key(KeyCode::Char(c))))
        .collect()
}

/// A change by `user` now, in the plan's time zone.
fn now(user: &str) -> Context {
    let settings = ftz_board::plan::builtin_plan().unwrap().settings;
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
    let ctx = now("测试");
    let result = op
        .apply(&mut board, &ctx)
        .map(|inverse| (board, inverse))
        .map_err(Into::into);
    app.on_applied(op, kind, result);
}

#[test]
fn a_chinese_note_typed_in_the_editor_becomes_a_note_change_on_enter() {
    let mut app = app();
    assert_eq!(app.on_key(&key(KeyCode::Char('n'))), Effect::None);
    let effects = type_text(&mut app, "已召开专题会q");
    assert!(
        effects.iter().all(|e| *e == Effect::None),
        "typing q in a note must not quit"
    );
    let effect = app.on_key(&key(KeyCode::Enter));
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::AddNote {
                id: 1,
                text: "已召开专题会q".into(),
                decision: false
            },
            kind: ChangeKind::New
        }
    );
    assert!(app.dialog().is_none());
}

#[test]
fn ctrl_t_marks_the_note_as_a_meeting_decision() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('n')));
    type_text(&mut app, "同意延期");
    app.on_key(&ctrl('t'));
    match app.on_key(&key(KeyCode::Enter)) {
        Effect::Apply {
            op: Operation::AddNote { decision, .. },
            ..
        } => assert!(decision),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pasted_text_is_cleaned_of_escape_sequences() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('n')));
    app.on_paste("粘贴\u{1b}]0;title\u{7}内容\u{202e}");
    match app.on_key(&key(KeyCode::Enter)) {
        Effect::Apply {
            op: Operation::AddNote { text, .. },
            ..
        } => {
            assert_eq!(text, "粘贴]0;title内容")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn escape_over_typed_text_asks_once_then_cancels_without_a_change() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('n')));
    type_text(&mut app, "草稿");
    assert_eq!(app.on_key(&key(KeyCode::Esc)), Effect::None);
    assert!(app.dialog().is_some(), "the first Esc only warns");
    assert_eq!(app.message().unwrap().text, "再按 Esc 放弃已输入的内容");
    type_text(&mut app, "续");
    app.on_key(&key(KeyCode::Esc));
    assert!(app.dialog().is_some(), "typing in between disarms");
    assert_eq!(app.on_key(&key(KeyCode::Esc)), Effect::None);
    assert!(app.dialog().is_none());
    assert_eq!(app.on_key(&key(KeyCode::Char('q'))), Effect::Quit);
}

#[test]
fn escape_on_an_empty_note_closes_at_once() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('n')));
    app.on_key(&key(KeyCode::Esc));
    assert!(app.dialog().is_none());
}

#[test]
fn editing_the_deadline_in_the_form_changes_only_that_field() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('c')));
    // Title, text, deadline: two tabs to the deadline; clear it and type a new date.
    app.on_key(&key(KeyCode::Tab));
    app.on_key(&key(KeyCode::Tab));
    for _ in 0..10 {
        app.on_key(&key(KeyCode::Backspace));
    }
    type_text(&mut app, "2026-06-30");
    assert_eq!(
        app.on_key(&key(KeyCode::Enter)),
        Effect::Apply {
            op: Operation::EditField {
                id: 1,
                field: Field::Deadline,
                value: "2026-06-30".into()
            },
            kind: ChangeKind::New
        }
    );
}

#[test]
fn an_empty_title_keeps_the_form_open_with_a_message() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('c')));
    for _ in 0..40 {
        app.on_key(&key(KeyCode::Backspace));
    }
    assert_eq!(app.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(app.dialog().is_some());
    let message = app.message().expect("a message");
    assert!(message.is_error);
    assert_eq!(message.text, "标题不能为空");
}

#[test]
fn known_units_are_offered_and_picked_in_the_unit_fields() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('c')));
    for _ in 0..4 {
        app.on_key(&key(KeyCode::Tab)); // to cooperating units
    }
    app.on_key(&key(KeyCode::Home));
    app.on_key(&ctrl('k')); // clear the line: delete to its end
    type_text(&mut app, "数据");
    app.on_key(&key(KeyCode::Down));
    app.on_key(&key(KeyCode::Enter)); // takes the highlighted unit
    match app.on_key(&key(KeyCode::Enter)) {
        Effect::Apply {
            op: Operation::EditField { field, value, .. },
            ..
        } => {
            assert_eq!(field, Field::CooperatingUnits);
            assert_eq!(value, "区数据局、");
        }
        other => panic!("{other:?} {:?}", app.message()),
    }
}

#[test]
fn deleting_asks_first_and_only_y_deletes() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('d')));
    assert_eq!(app.on_key(&key(KeyCode::Char('n'))), Effect::None);
    assert!(app.dialog().is_none(), "any other key cancels");
    app.on_key(&key(KeyCode::Char('d')));
    assert_eq!(
        app.on_key(&key(KeyCode::Char('y'))),
        Effect::Apply {
            op: Operation::DeleteTask { id: 1 },
            kind: ChangeKind::New
        }
    );
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_this_sessions_changes() {
    let mut app = app();
    let effect = app.on_key(&key(KeyCode::Char('L')));
    apply(&mut app, effect);
    assert_eq!(app.board().task(1).unwrap().status, Status::InProgress);
    let effect = app.on_key(&key(KeyCode::Char('L')));
    apply(&mut app, effect);
    assert_eq!(app.board().task(1).unwrap().status, Status::Blocked);

    let undo = app.on_key(&key(KeyCode::Char('u')));
    apply(&mut app, undo);
    assert_eq!(app.board().task(1).unwrap().status, Status::InProgress);
    let undo = app.on_key(&key(KeyCode::Char('u')));
    apply(&mut app, undo);
    assert_eq!(app.board().task(1).unwrap().status, Status::NotStarted);
    assert_eq!(
        app.on_key(&key(KeyCode::Char('u'))),
        Effect::None,
        "nothing left to undo"
    );
    assert_eq!(app.message().unwrap().text, "没有可撤销的修改");

    let redo = app.on_key(&ctrl('r'));
    apply(&mut app, redo);
    assert_eq!(app.board().task(1).unwrap().status, Status::InProgress);
    assert_eq!(
        app.history().len(),
        5,
        "undo and redo are recorded as changes too"
    );
}

#[test]
fn a_read_only_board_explains_instead_of_opening_an_editor() {
    let mut app = app();
    app.set_read_only(Some(ReadOnly::Requested));
    for k in ['n', 'c', 'a', 'd', 'L', 'u'] {
        assert_eq!(app.on_key(&key(KeyCode::Char(k))), Effect::None, "key {k}");
        assert!(app.dialog().is_none());
        assert_eq!(app.message().unwrap().text, "只读模式，不能修改", "key {k}");
    }
}

#[test]
fn undo_after_a_colleague_changed_the_task_refuses_and_says_why() {
    let mut app = app();
    let effect = app.on_key(&key(KeyCode::Char('L')));
    apply(&mut app, effect);
    // A colleague moves task 1 on to done; the board reloads their version.
    let mut theirs = app.board().clone();
    let ctx = now("李四");
    Operation::SetStatus {
        id: 1,
        to: Status::Done,
    }
    .apply(&mut theirs, &ctx)
    .unwrap();
    app.set_board(theirs);

    let undo = app.on_key(&key(KeyCode::Char('u')));
    apply(&mut app, undo);
    assert_eq!(
        app.board().task(1).unwrap().status,
        Status::Done,
        "their change stands"
    );
    let message = app.message().unwrap();
    assert!(message.is_error);
    assert!(
        message.text.contains("任务 #1 此后已被他人修改"),
        "{}",
        message.text
    );
}

#[test]
fn undo_says_what_it_undid_in_the_words_of_the_original_change() {
    let mut app = app();
    let effect = app.on_key(&key(KeyCode::Char('L')));
    apply(&mut app, effect);
    let undo = app.on_key(&key(KeyCode::Char('u')));
    apply(&mut app, undo);
    assert_eq!(app.message().unwrap().text, "已撤销: #1 已移至 推进中");
    let redo = app.on_key(&ctrl('r'));
    apply(&mut app, redo);
    assert_eq!(app.message().unwrap().text, "已重做: #1 已移至 推进中");
}

#[test]
fn looking_back_at_another_date_explains_how_to_make_changes() {
    let mut app = app();
    app.set_read_only(Some(ReadOnly::LookingBack));
    assert_eq!(app.on_key(&key(KeyCode::Char('L'))), Effect::None);
    let text = app.message().unwrap().text.clone();
    assert!(
        text.contains("回顾模式") && text.contains("不带 --today"),
        "{text}"
    );
}

/// The screen's last row.
fn footer(app: &App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf).pop().unwrap()
}

#[test]
fn a_note_whose_save_fails_because_the_task_went_meanwhile_is_given_back_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = ftz_board::store::Store::new(dir.path().join("board.ron"));
    store.create(&builtin_plan().unwrap()).unwrap();
    let mut app = app();
    app.set_board(store.load().unwrap().board);
    app.on_key(&key(KeyCode::Char('n')));
    type_text(&mut app, "已与市商务委对接");
    let Effect::Apply { op, kind } = app.on_key(&key(KeyCode::Enter)) else {
        panic!("Enter did not save the note");
    };
    assert!(
        app.dialog().is_none(),
        "the dialog closes while it is saved"
    );
    // A colleague deletes the task between the note being typed and it being saved.
    store
        .apply(&Operation::DeleteTask { id: 1 }, "colleague")
        .unwrap();
    let result = store
        .apply(&op, "测试")
        .map(|applied| (applied.board, applied.entries));
    assert!(result.is_err());
    app.on_applied(op.clone(), kind, result);

    let Some(ftz_board::app::Dialog::Note(note)) = app.dialog() else {
        panic!("the note dialog was not given back");
    };
    assert_eq!(note.editor.text(), "已与市商务委对接");
    let footer = footer(&app);
    assert!(footer.contains("保存失败"), "{footer}");
    assert!(footer.contains("#1"), "the reason names the task: {footer}");
    // Enter tries again with the same text.
    assert_eq!(
        app.on_key(&key(KeyCode::Enter)),
        Effect::Apply {
            op,
            kind: ChangeKind::New
        }
    );
}

#[test]
fn while_a_change_is_saved_no_other_starts_and_quitting_waits() {
    let mut app = app();
    let Effect::Apply { op, kind } = app.on_key(&key(KeyCode::Char('L'))) else {
        panic!("L did not move the task");
    };
    app.on_save_started();
    assert_eq!(app.on_key(&key(KeyCode::Char('L'))), Effect::None);
    assert_eq!(app.on_key(&key(KeyCode::Char('q'))), Effect::None);
    assert!(
        footer(&app).contains("正在保存，请稍候"),
        "{}",
        footer(&app)
    );
    // Keys that change nothing still work meanwhile.
    app.on_key(&key(KeyCode::Char('j')));
    assert_eq!(app.selected_task(), Some(2));
    let mut board = app.board().clone();
    let inverse = op.apply(&mut board, &now("测试")).unwrap();
    app.on_applied(op, kind, Ok((board, inverse)));
    assert!(!app.is_saving());
    assert_eq!(app.on_key(&key(KeyCode::Char('q'))), Effect::Quit);
}

#[test]
fn a_colleagues_save_is_read_through_the_store_and_a_broken_one_keeps_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    let store = ftz_board::store::Store::new(&path);
    store.create(&builtin_plan().unwrap()).unwrap();
    let mut app = app();
    store
        .apply(
            &Operation::SetStatus {
                id: 1,
                to: Status::InProgress,
            },
            "colleague",
        )
        .unwrap();
    app.on_file_changed(store.load().map(|l| l.board), &path);
    assert_eq!(app.board().task(1).unwrap().status, Status::InProgress);
    assert!(
        footer(&app).contains("已载入他人的修改"),
        "{}",
        footer(&app)
    );

    std::fs::write(&path, "(version: 2, tasks: [").unwrap();
    app.on_file_changed(store.load().map(|l| l.board), &path);
    // The last good board stays, the problem is named by file and place, and changes are refused.
    assert_eq!(app.board().task(1).unwrap().status, Status::InProgress);
    let footer = footer(&app);
    assert!(footer.contains("board.ron:1:"), "{footer}");
    assert!(!footer.contains(&*dir.path().to_string_lossy()), "{footer}");
    assert_eq!(app.on_key(&key(KeyCode::Char('L'))), Effect::None);
}

#[test]
fn the_detail_lists_its_tasks_changes_and_follows_a_change_made_while_it_is_open() {
    let mut app = app();
    app.on_key(&key(KeyCode::Char('j')));
    app.on_key(&key(KeyCode::Enter));
    assert_eq!(app.detail_history().count(), 0);
    let effect = app.on_key(&key(KeyCode::Char('L')));
    apply(&mut app, effect);
    let record: Vec<_> = app.detail_history().collect();
    assert_eq!(record.len(), 1, "{record:?}");
    assert_eq!(record[0].task, Some(2));
    // Another task's detail shows none of task 2's changes.
    app.on_key(&key(KeyCode::Esc));
    app.on_key(&key(KeyCode::Char('h')));
    app.on_key(&key(KeyCode::Enter));
    assert_ne!(app.selected_task(), Some(2));
    assert_eq!(app.detail_history().count(), 0);
}

/// The history is read in the background after the first frame. A note saved before it arrives
/// must still be in the app's record once it does, and the detail then shows the task's changes.
#[test]
fn a_change_saved_while_the_history_loads_is_kept_when_the_history_arrives() {
    let mut app = app();
    app.set_history_pending();
    assert!(app.history_pending());
    // The history as it was read: one older change on task 1.
    let mut older_board = app.board().clone();
    let older = Operation::AddNote {
        id: 1,
        text: "早先的进展".into(),
        decision: false,
    }
    .apply(
        &mut older_board,
        &Context {
            user: "李娜".into(),
            now: "2025-05-01T10:00:00+08:00".parse().unwrap(),
        },
    )
    .unwrap();
    app.on_key(&key(KeyCode::Char('n')));
    let effects = type_text(&mut app, "刚写的");
    assert!(effects.iter().all(|e| *e == Effect::None));
    let enter = app.on_key(&key(KeyCode::Enter));
    apply(&mut app, enter);
    let mine = app.history().len();
    assert_eq!(
        mine, 1,
        "the board keeps its own change while the history loads"
    );
    app.on_history_loaded(Ok(ftz_board::model::History::new(older)));
    assert!(!app.history_pending());
    let texts: Vec<String> = app
        .history()
        .entries()
        .iter()
        .filter_map(|e| match &e.change {
            ftz_board::model::Change::NoteAdded { note } => Some(note.text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["早先的进展", "刚写的"]);
}
