//! Merge conflicts in the board (issue 16), driven through `App` and saved through a real store
//! under its lock: the line under the headline and the card's mark, the conflict picker (`C`)
//! settling one for either side, undo bringing it back, and what a read-only board refuses.

use ftz_board::app::{App, Effect, ReadOnly};
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Conflict, Operation, Side};
use ftz_board::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::{find_row, screen_rows};

const THEIR_DEADLINE: &str = "2027-12-31";

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, c: char) -> Effect {
    app.on_key(&key(KeyCode::Char(c)))
}

fn enter(app: &mut App) -> Effect {
    app.on_key(&key(KeyCode::Enter))
}

/// The plan with two conflicts as a merge writes them: task 3's deadline (the board holds ours)
/// and task 5's title, whose other side is a long Chinese title with a terminal escape in it.
fn conflicted() -> Board {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    let deadline = board.task(3).unwrap().deadline.to_string();
    let title = board.task(5).unwrap().title.clone();
    board.conflicts = vec![
        Conflict {
            task: Some(3),
            field: "deadline".into(),
            ours: deadline,
            theirs: THEIR_DEADLINE.into(),
            ours_by: "lina".into(),
            theirs_by: "wang".into(),
        },
        Conflict {
            task: Some(5),
            field: "title".into(),
            ours: title,
            theirs: format!(
                "\u{1b}\u{7}{}",
                "推进自贸试验区临港新片区与闵行片区联动发展，落实跨境贸易投资高水平开放试点各项举措"
            ),
            ours_by: "lina".into(),
            theirs_by: "wang".into(),
        },
    ];
    board
}

fn stored(board: &Board) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("board.ron"));
    store.create(board).unwrap();
    (dir, store)
}

fn open(store: &Store, lang: Lang) -> App {
    let board = store.load().unwrap().board;
    let today = board.settings.today_at(chrono::Utc::now());
    let mut app = App::new(board, "board.ron".into(), today, lang);
    app.set_user("zhangwei".into());
    app.resize(80, 24);
    app
}

/// Carries out the effect as the main loop does: applied by the store, under the lock.
fn save(app: &mut App, store: &Store, effect: Effect) {
    let Effect::Apply { op, kind } = effect else {
        panic!(
            "expected a change, got {effect:?}:\n{}",
            screen(app).join("\n")
        );
    };
    app.on_save_started();
    let result = store
        .apply(&op, app.user())
        .map(|applied| (applied.board, applied.entries));
    app.on_applied(op, kind, result);
}

fn screen(app: &App) -> Vec<String> {
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    screen_rows(&buf)
}

/// The body of the status view narrowed to task `id` (a search for `#id`): its one card, below
/// the conflicts line and the filter bar.
fn card(app: &mut App, id: u32) -> String {
    press(app, '/');
    for c in format!("#{id}").chars() {
        press(app, c);
    }
    enter(app);
    let rows = screen(app);
    app.on_key(&key(KeyCode::Esc));
    rows[4..rows.len() - 1].join("\n")
}

#[test]
fn the_top_line_and_the_card_mark_show_while_the_board_has_conflicts_and_not_without() {
    let (_dir, store) = stored(&conflicted());
    let mut app = open(&store, Lang::Zh);
    // On every view, the line right under the headline.
    for view in ['1', '2', '3', '4'] {
        press(&mut app, view);
        let rows = screen(&app);
        assert_eq!(rows[2].trim(), "合并冲突 2 处，按 C 处理", "view {view}");
    }
    press(&mut app, '1');
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(&app, area, &mut buf);
    let error = app.theme().error;
    let cell = buf[(1, 2)].style();
    assert_eq!(
        (cell.fg, cell.bg),
        (error.fg, error.bg),
        "in the error colour"
    );
    assert!(
        card(&mut app, 3).contains("冲突"),
        "the card carries the mark"
    );

    let mut english = open(&store, Lang::En);
    assert_eq!(
        screen(&english)[2].trim(),
        "2 merge conflict(s), C to settle"
    );
    assert!(card(&mut english, 3).contains("conflict"));

    let (_clean_dir, clean) = stored(&ftz_board::plan::builtin_plan().unwrap());
    let mut app = open(&clean, Lang::Zh);
    let rows = screen(&app);
    assert!(
        !rows.iter().any(|r| r.contains("合并冲突")),
        "{}",
        rows.join("\n")
    );
    assert!(!card(&mut app, 3).contains("冲突"));
}

#[test]
fn picking_theirs_sets_their_value_and_undo_brings_the_conflict_back() {
    let (_dir, store) = stored(&conflicted());
    let mut app = open(&store, Lang::Zh);
    let ours = app.board().task(3).unwrap().deadline.to_string();
    assert_eq!(press(&mut app, 'C'), Effect::None);
    let rows = screen(&app);
    find_row(&rows, "合并冲突 2");
    let row = find_row(&rows, "#3").to_string();
    assert!(row.contains("时间节点"), "{row}");
    find_row(&rows, &format!("本方（lina）：{ours}"));
    find_row(&rows, &format!("对方（wang）：{THEIR_DEADLINE}"));
    // Enter opens the choice on ours; a move goes to theirs; Enter keeps it.
    assert_eq!(enter(&mut app), Effect::None);
    find_row(&screen(&app), "采用哪一方");
    assert_eq!(press(&mut app, 'j'), Effect::None);
    let effect = enter(&mut app);
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::ResolveConflict {
                task: Some(3),
                field: "deadline".into(),
                chose: Side::Theirs,
            },
            kind: ftz_board::app::ChangeKind::New,
        }
    );
    save(&mut app, &store, effect);
    let board = store.load().unwrap().board;
    assert_eq!(board.task(3).unwrap().deadline.to_string(), THEIR_DEADLINE);
    assert_eq!(board.conflicts.len(), 1);
    assert_eq!(board.conflicts[0].task, Some(5));
    let rows = screen(&app);
    assert_eq!(rows[2].trim(), "合并冲突 1 处，按 C 处理");
    let body = &rows[3..rows.len() - 1];
    assert!(
        !body.iter().any(|r| r.contains("#3 ")),
        "{}",
        rows.join("\n")
    );
    find_row(&rows, "#3 合并冲突已处理: 采用 对方");
    // Undo, from the picker, puts the conflict and our deadline back.
    let undo = press(&mut app, 'u');
    save(&mut app, &store, undo);
    let board = store.load().unwrap().board;
    assert_eq!(board.task(3).unwrap().deadline.to_string(), ours);
    assert_eq!(board.conflicts.len(), 2);
    assert_eq!(screen(&app)[2].trim(), "合并冲突 2 处，按 C 处理");
}

#[test]
fn picking_ours_keeps_the_value_and_the_last_one_settled_says_so() {
    let mut board = conflicted();
    board.conflicts.truncate(1);
    let (_dir, store) = stored(&board);
    let mut app = open(&store, Lang::Zh);
    let ours = app.board().task(3).unwrap().deadline;
    press(&mut app, 'C');
    enter(&mut app);
    let effect = enter(&mut app);
    let Effect::Apply {
        op: Operation::ResolveConflict { chose, .. },
        ..
    } = &effect
    else {
        panic!("{effect:?}");
    };
    assert_eq!(*chose, Side::Ours);
    save(&mut app, &store, effect);
    let board = store.load().unwrap().board;
    assert!(board.conflicts.is_empty());
    assert_eq!(board.task(3).unwrap().deadline, ours);
    let rows = screen(&app);
    find_row(&rows, "合并冲突已全部处理");
    // The line at the top is gone with the last conflict; Esc closes the list.
    assert!(!rows[2].contains("处，按 C"), "{}", rows[2]);
    app.on_key(&key(KeyCode::Esc));
    assert!(app.conflict_list().is_none());
}

#[test]
fn a_long_chinese_value_wraps_within_80_columns_and_its_escape_is_cleaned() {
    let (_dir, store) = stored(&conflicted());
    let mut app = open(&store, Lang::Zh);
    press(&mut app, 'C');
    press(&mut app, 'j');
    let rows = screen(&app);
    let first = find_row(&rows, "对方（wang）：推进自贸试验区");
    assert!(
        !first.contains('\u{1b}') && !first.contains('\u{7}'),
        "{first}"
    );
    let at = rows.iter().position(|r| r == first).unwrap();
    // The rest of the title is on the next row, indented under the first, not cut off.
    let inside = |r: &str| r.trim_matches('│').trim_end().to_string();
    let next = inside(&rows[at + 1]);
    assert!(next.starts_with("  "), "{}", rows.join("\n"));
    let both = format!("{}{}", inside(first), next.trim_start());
    assert!(
        both.ends_with(
            "推进自贸试验区临港新片区与闵行片区联动发展，落实跨境贸易投资高水平开放试点各项举措"
        ),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn a_read_only_or_looked_back_board_refuses_to_settle_and_says_why() {
    let (_dir, store) = stored(&conflicted());
    let mut app = open(&store, Lang::Zh);
    app.set_read_only(Some(ReadOnly::Requested));
    press(&mut app, 'C');
    assert!(
        !screen(&app).last().unwrap().contains("选定一方"),
        "no key to pick is offered"
    );
    assert_eq!(enter(&mut app), Effect::None);
    let rows = screen(&app);
    assert!(
        rows.last().unwrap().contains("只读模式，不能修改"),
        "{}",
        rows.join("\n")
    );
    assert!(!rows.iter().any(|r| r.contains("采用哪一方")));
    assert_eq!(enter(&mut app), Effect::None, "still nothing to apply");

    let mut app = open(&store, Lang::Zh);
    press(&mut app, '[');
    press(&mut app, 'C');
    assert_eq!(enter(&mut app), Effect::None);
    assert!(screen(&app).last().unwrap().contains("回顾模式"));
    assert_eq!(store.load().unwrap().board.conflicts.len(), 2);
}
