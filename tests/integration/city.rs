//! The city view (issue 16) through `App`: three boards' combined board (`model::city`), what the
//! headline, the dashboard and the search say, the board key, and the changes it refuses while
//! every board is shown. The pty test `city` drives the real binary over three files.

use ftz_board::action::Action;
use ftz_board::app::{App, Effect, View};
use ftz_board::i18n::Lang;
use ftz_board::model::city::{self, Member};
use ftz_board::model::{Board, Filter, Operation, Status};

use crate::common::find_row;

fn screen_rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf)
}

fn boards() -> Vec<(&'static str, Board)> {
    let mut boards: Vec<(&'static str, Board)> = ["临港", "浦东", "闵行"]
        .into_iter()
        .map(|name| (name, ftz_board::plan::builtin_plan().unwrap()))
        .collect();
    // 浦东 is further along: three tasks done.
    for id in [1, 2, 3] {
        boards[1].1.tasks[id - 1].status = Status::Done;
        boards[1].1.tasks[id - 1].completed_on = Some("2025-05-01".parse().unwrap());
    }
    boards
}

fn city_app(lang: Lang) -> App {
    let boards = boards();
    let members: Vec<Member> = boards
        .iter()
        .map(|(name, board)| Member { name, board })
        .collect();
    let combined = city::combine(&members).unwrap();
    let mut app = App::new(
        combined,
        "临港.ron + 浦东.ron + 闵行.ron".into(),
        "2025-06-01".parse().unwrap(),
        lang,
    );
    app.set_city(boards.iter().map(|(n, _)| n.to_string()).collect());
    app.resize(120, 40);
    app
}

#[test]
fn the_headline_counts_every_board_and_the_board_key_narrows_to_one_and_back() {
    let mut app = city_app(Lang::Zh);
    let rows = screen_rows(&app, 120, 40);
    assert!(
        rows[1].contains("3 个看板") && rows[1].contains("共 57"),
        "{}",
        rows[1]
    );
    find_row(&rows, "A1 ");
    app.update(Action::NextBoard);
    app.update(Action::NextBoard);
    let rows = screen_rows(&app, 120, 40);
    assert!(
        rows[1].contains("B 浦东") && rows[1].contains("共 19"),
        "{}",
        rows[1]
    );
    assert!(
        rows.iter()
            .all(|r| !r.contains("A1 ") && !r.contains("C1 "))
    );
    // No filter bar for the board shown, and Esc keeps it.
    assert!(!rows[2].contains("筛选"), "{}", rows[2]);
    app.update(Action::Back);
    assert_eq!(app.city_board_shown(), Some(1));
    app.update(Action::NextBoard);
    assert!(screen_rows(&app, 120, 40)[1].contains("C 闵行"));
    app.update(Action::NextBoard);
    assert_eq!(app.city_board_shown(), None);
    assert!(screen_rows(&app, 120, 40)[1].contains("3 个看板"));
}

#[test]
fn the_dashboard_compares_the_boards_and_ranks_units_by_board() {
    let mut app = city_app(Lang::Zh);
    app.update(Action::ShowDashboard);
    let rows = screen_rows(&app, 120, 40);
    find_row(&rows, "各看板对比");
    let b = find_row(&rows, "B 浦东");
    let figures: Vec<&str> = b.split_whitespace().take(5).collect();
    assert_eq!(figures[..4], ["B", "浦东", "19", "3"], "{b}");
    find_row(&rows, "闵行/区市场监管局");
    find_row(&rows, "临港/区市场监管局");
}

#[test]
fn a_task_is_found_by_its_board_letter_and_number() {
    let mut app = city_app(Lang::Zh);
    app.set_filter(Filter {
        text: Some("c12".into()),
        ..Default::default()
    });
    let shown: Vec<u32> = app.grouping().columns.iter().flatten().copied().collect();
    assert_eq!(shown, [city::join(2, 12)]);
    assert_eq!(app.task_number(shown[0]), "C12");
}

#[test]
fn with_every_board_shown_a_new_task_and_the_day_s_meeting_wait_for_a_board() {
    let mut app = city_app(Lang::En);
    assert_eq!(app.update(Action::AddTask), Effect::None);
    let message = app.message().unwrap();
    assert!(
        message.is_error && message.text.contains("choose one board first"),
        "{message:?}"
    );
    assert!(
        app.update(Action::Review) == Effect::None,
        "no meeting is recorded for every board"
    );
    app.update(Action::Back);
    app.update(Action::NextBoard);
    match app.update(Action::Review) {
        Effect::Apply { op, .. } => {
            let (index, own) =
                city::to_member(&op, &members_of(&boards()), app.city_board_shown()).unwrap();
            assert_eq!(index, 0);
            assert!(matches!(own, Operation::RecordMeeting { .. }));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_move_in_the_city_goes_to_its_board_in_its_own_numbers() {
    let mut app = city_app(Lang::Zh);
    app.update(Action::NextBoard);
    app.update(Action::NextBoard);
    assert_eq!(app.view(), View::Status);
    let Effect::Apply { op, .. } = app.update(Action::MoveNext) else {
        panic!("a move is a change");
    };
    let selected = app.selected_task().unwrap();
    assert_eq!(city::split(selected).unwrap().0, 1, "a task of B");
    let (index, own) =
        city::to_member(&op, &members_of(&boards()), app.city_board_shown()).unwrap();
    assert_eq!(index, 1);
    assert_eq!(
        own,
        Operation::SetStatus {
            id: city::split(selected).unwrap().1,
            to: Status::InProgress
        }
    );
}

fn members_of<'a>(boards: &'a [(&'static str, Board)]) -> Vec<Member<'a>> {
    boards
        .iter()
        .map(|(name, board)| Member { name, board })
        .collect()
}

#[test]
fn a_new_task_is_offered_the_next_number_and_the_units_of_the_board_shown() {
    let mut app = city_app(Lang::Zh);
    app.update(Action::NextBoard);
    app.update(Action::NextBoard);
    app.update(Action::AddTask);
    let rows = screen_rows(&app, 120, 40);
    find_row(&rows, "#B20");
    // Typing a unit offers 浦东's only, never another district's office of the same name.
    for c in "商务".chars() {
        app.on_key(&ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ));
    }
    let rows = screen_rows(&app, 120, 40).join("\n");
    assert!(
        !rows.contains("临港/区商务委") && !rows.contains("闵行/区商务委"),
        "{rows}"
    );
}

#[test]
fn a_plain_number_finds_that_task_on_every_board_shown() {
    let mut app = city_app(Lang::Zh);
    let search = |app: &mut App, text: &str| {
        app.set_filter(Filter {
            text: Some(text.into()),
            board: app.city_board_shown(),
            ..Default::default()
        });
        let mut shown: Vec<String> = app
            .grouping()
            .columns
            .iter()
            .flatten()
            .map(|id| app.task_number(*id))
            .collect();
        shown.sort();
        shown
    };
    assert_eq!(search(&mut app, "3"), ["A3", "B3", "C3"]);
    app.update(Action::NextBoard);
    app.update(Action::NextBoard);
    assert_eq!(search(&mut app, "#3"), ["B3"]);
    // The filter bar counts against the board shown.
    let rows = screen_rows(&app, 120, 40);
    find_row(&rows, "1/19");
}

#[test]
fn a_search_whose_only_match_is_in_another_column_selects_it() {
    // B3 is done (the fourth column); the cursor starts in the first.
    let mut app = city_app(Lang::Zh);
    app.set_filter(Filter {
        text: Some("b3".into()),
        ..Default::default()
    });
    assert_eq!(
        app.selected_task(),
        Some(city::join(1, 3)),
        "Enter opens it"
    );
}

#[test]
fn one_task_shown_reads_as_one_task_in_english() {
    let mut app = city_app(Lang::En);
    app.set_filter(Filter {
        text: Some("b3".into()),
        ..Default::default()
    });
    let headline = &screen_rows(&app, 120, 40)[1];
    assert!(
        headline.contains(" 1 task ") && !headline.contains("1 tasks"),
        "{headline}"
    );
}
