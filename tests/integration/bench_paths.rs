//! Runs every path `cargo bench` times, once and untimed, at a small size, and checks it did its job:
//! a bench that no longer compiles or no longer does what it claims fails here first.

use crate::support;

use ftz_board::app::{Overlay, View};
use ftz_board::model::Status;
use ftz_board::store::{parse, to_text};
use ratatui::buffer::Buffer;
use support::{PLAN_SIZE, SCREEN, SaveFixture, ScaleCase, ViewCase, app_in, board_of, file_path};

/// Small enough for a debug-build test, big enough to scroll every view.
const SMALL: usize = 200;

/// The screen's rows as text, without the blank cell ratatui keeps after each wide character.
fn screen_text(buf: &Buffer) -> String {
    let mut text = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            text.push_str(symbol);
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_benched_sizes_are_the_plan_then_generated_boards() {
    let plan = board_of(PLAN_SIZE);
    assert_eq!(plan.tasks.len(), 19);
    assert_eq!(
        plan.tasks[0].title,
        "提升虹桥商务区保税物流中心（B 型）能级"
    );
    assert_eq!(board_of(SMALL).tasks.len(), SMALL);
}

#[test]
fn load_reads_back_exactly_the_board_that_to_text_wrote() {
    let board = board_of(SMALL);
    let text = to_text(&board);
    assert_eq!(parse(&text, &file_path()).unwrap(), board);
}

#[test]
fn apply_under_lock_writes_the_change_and_its_inverse_on_the_next_call() {
    let board = board_of(SMALL);
    let mut fixture = SaveFixture::new(&board);
    let first = fixture.apply_one().unwrap();
    let changed: Vec<_> = board
        .tasks
        .iter()
        .zip(&first.board.tasks)
        .filter(|(before, after)| before.status != after.status)
        .map(|(before, _)| before.id)
        .collect();
    assert_eq!(changed.len(), 1);
    let on_disk = parse(
        &std::fs::read_to_string(fixture.path()).unwrap(),
        &file_path(),
    )
    .unwrap();
    assert_eq!(on_disk, first.board);

    let second = fixture.apply_one().unwrap();
    let id = changed[0];
    let status_of =
        |b: &ftz_board::model::Board| b.tasks.iter().find(|t| t.id == id).unwrap().status;
    assert_eq!(status_of(&second.board), status_of(&board));
    assert_eq!(second.entries.len(), 1);
    assert_eq!(fixture.store.load_history().unwrap().len(), 2);
}

#[test]
fn first_frame_shows_the_plan_in_the_status_view() {
    let mut buf = Buffer::empty(SCREEN);
    let app = support::first_frame(&to_text(&board_of(PLAN_SIZE)), &mut buf);
    assert_eq!(app.view(), View::Status);
    let text = screen_text(&buf);
    assert!(text.contains("提升虹桥"), "{text}");
    assert!(text.contains(ftz_board::i18n::Lang::Zh.status(Status::NotStarted)));
}

#[test]
fn each_view_handles_the_key_and_draws_a_frame_that_changes_with_it() {
    let mut board = board_of(SMALL);
    // The detail opens on the first task not started; give it more notes than the overlay holds so
    // that a key scrolls it.
    let first = board
        .tasks
        .iter_mut()
        .find(|t| t.status == Status::NotStarted)
        .unwrap();
    let note = board_of(SMALL)
        .tasks
        .iter()
        .flat_map(|t| t.notes.clone())
        .next()
        .unwrap();
    first.notes = vec![note; 40];
    for view in ViewCase::ALL {
        let mut app = app_in(board.clone(), view);
        match view {
            ViewCase::Status => assert_eq!(app.view(), View::Status),
            ViewCase::Units => assert_eq!(app.view(), View::Units),
            ViewCase::Detail => assert!(matches!(app.overlay(), Some(Overlay::Detail { .. }))),
            ViewCase::Dashboard => assert_eq!(app.view(), View::Dashboard),
            ViewCase::Review => assert!(app.review().is_some()),
        }
        let mut buf = Buffer::empty(SCREEN);
        // Compared as buffers: moving the selection may change only styles, not text.
        support::key_and_frame(&mut app, true, &mut buf);
        let down = buf.clone();
        support::key_and_frame(&mut app, false, &mut buf);
        assert_ne!(
            down,
            buf,
            "{}: a key made no difference on screen",
            view.name()
        );
        support::key_and_frame(&mut app, true, &mut buf);
        assert_eq!(down, buf, "{}: down, up, down is not stable", view.name());
    }
}

#[test]
fn set_board_keeps_the_selected_task_after_the_board_is_replaced() {
    let board = board_of(SMALL);
    let mut app = app_in(board.clone(), ViewCase::Status);
    let mut buf = Buffer::empty(SCREEN);
    support::key_and_frame(&mut app, true, &mut buf);
    let selected = app.selected_task();
    assert!(selected.is_some());
    app.set_board(board);
    assert_eq!(app.selected_task(), selected);
}

#[test]
fn a_scale_case_is_a_board_with_the_history_asked_and_its_writer_changes_it_through_the_journal() {
    let case = ScaleCase::new(SMALL, 600);
    let store = case.store();
    let before = store.load().unwrap().board;
    assert_eq!(before.tasks.len(), SMALL);
    assert_eq!(store.load_history().unwrap().len(), 600);
    let mut writer = case.writer();
    writer.apply_one().unwrap();
    writer.apply_one().unwrap();
    let history = store.load_history().unwrap();
    assert_eq!(history.len(), 602);
    // The two changes are the newest entries: the writer dates them after the sample's past.
    let newest = &history.entries()[600..];
    assert!(newest.iter().all(|e| e.user == "bench"));
    assert_eq!(
        ftz_board::model::check_history(&store.load().unwrap().board, &history),
        ftz_board::model::HistoryCheck::Consistent
    );
    let mut buf = Buffer::empty(SCREEN);
    support::first_frame_from(case.store(), &mut buf);
    assert!(screen_text(&buf).contains("按状态"));
}

#[test]
fn the_many_writers_bench_loses_no_note_and_counts_what_it_made() {
    let case = ScaleCase::new(SMALL, 0);
    let board = case.store().path().to_path_buf();
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_ftz-board"));
    let run = support::writers::run_writers(binary, &board, 4, 5);
    assert_eq!(run.changes, 20);
    assert_eq!(run.latencies.len(), 20);
    assert!(run.failures.is_empty(), "{:?}", run.failures);
    assert_eq!(run.lock_timeouts, 0);
    assert_eq!(
        support::writers::missing_notes(&board, &run, 4, 5),
        Vec::<String>::new()
    );
}
