//! The first screen of a board made today from the built-in plan (every deadline passed): every
//! task in sight at 80x24, whole titles at 120x40, the headline's counts, the strips of the empty
//! columns, the density key, the unit view's panes and the footer's keys. Rows are found by what
//! they show, never by their number.

use crate::common;

use common::{assert_rows_aligned, find_row, screen_rows};
use ftz_board::action::Action;
use ftz_board::app::App;
use ftz_board::i18n::Lang;
use ftz_board::model::Status;
use ratatui::buffer::Buffer;

const TODAY: &str = "2026-12-03";

fn app(lang: Lang, width: u16, height: u16) -> App {
    let board = ftz_board::plan::builtin_plan().unwrap();
    let mut app = App::new(
        board,
        "/srv/ftz/boards/b.ron".into(),
        TODAY.parse().unwrap(),
        lang,
    );
    app.resize(width, height);
    app
}

fn rows(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.screen());
    let _cursor = ftz_board::ui::render(app, app.screen(), &mut buf);
    assert_rows_aligned(&buf);
    screen_rows(&buf)
}

/// The row showing task `id` (its number, then its title), with how many of the title's
/// characters it shows.
fn shown_title(rows: &[String], id: u32, title: &str) -> usize {
    let number = format!("{id:>2} ");
    let first: String = title.chars().take(2).collect();
    rows.iter()
        .filter_map(|r| {
            r.find(&format!("{number}{first}"))
                .map(|at| &r[at + number.len()..])
        })
        .map(|rest| {
            rest.chars()
                .zip(title.chars())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0)
}

fn titles() -> Vec<(u32, String)> {
    let board = ftz_board::plan::builtin_plan().unwrap();
    board
        .tasks
        .iter()
        .map(|t| (t.id, t.title.clone()))
        .collect()
}

#[test]
fn at_80x24_every_task_of_the_plan_shows_its_number_and_eight_characters_of_its_title() {
    for lang in [Lang::Zh, Lang::En] {
        let rows = rows(&app(lang, 80, 24));
        for (id, title) in titles() {
            let shown = shown_title(&rows, id, &title);
            assert!(
                shown >= 8.min(title.chars().count()),
                "{lang:?} task {id} shows {shown} characters:\n{}",
                rows.join("\n")
            );
        }
    }
}

#[test]
fn at_120x40_and_200x60_every_title_is_whole() {
    for (width, height) in [(120, 40), (200, 60)] {
        let rows = rows(&app(Lang::Zh, width, height));
        for (id, title) in titles() {
            let shown = shown_title(&rows, id, &title);
            assert_eq!(
                shown,
                title.chars().count(),
                "{width}x{height} task {id}:\n{}",
                rows.join("\n")
            );
        }
    }
}

#[test]
fn the_headline_counts_the_tasks_and_the_lights_on_every_view() {
    let mut zh = app(Lang::Zh, 80, 24);
    for view in [
        Action::ShowStatusView,
        Action::ShowUnitView,
        Action::ShowDashboard,
    ] {
        zh.update(view);
        let rows = rows(&zh);
        let headline = find_row(&rows, "共 19");
        for figure in [
            "逾期 19",
            "临期 0",
            "需协调 0",
            "已完成 0",
            "红19",
            "黄0",
            "绿0",
        ] {
            assert!(headline.contains(figure), "{figure}: {headline}");
        }
    }
    let en = app(Lang::En, 120, 24);
    let rows = rows(&en);
    let headline = find_row(&rows, "19 tasks");
    for figure in [
        "19 overdue",
        "0 due soon",
        "0 to coordinate",
        "0 done",
        "19 red",
        "0 yellow",
        "0 green",
    ] {
        assert!(headline.contains(figure), "{figure}: {headline}");
    }
    // A narrow screen keeps the total, the overdue and the lights.
    let narrow = rows_of(Lang::Zh, 44, 12);
    let headline = find_row(&narrow, "共 19");
    assert!(
        headline.contains("逾期 19") && headline.contains("红19"),
        "{headline}"
    );
}

fn rows_of(lang: Lang, width: u16, height: u16) -> Vec<String> {
    rows(&app(lang, width, height))
}

#[test]
fn empty_columns_are_strips_that_still_name_their_status() {
    let rows = rows_of(Lang::Zh, 80, 24);
    let names = find_row(&rows, "推进中");
    assert!(
        names.contains("需协调") && names.contains("已完成"),
        "{names}"
    );
    // The first column has the width the strips gave up: its title line is long.
    let top = find_row(&rows, "未启动 19");
    assert!(top.chars().position(|c| c == '┐').unwrap() > 50, "{top}");
}

#[test]
fn z_steps_the_density_and_full_cards_scroll_with_their_range_in_the_title() {
    let mut app = app(Lang::Zh, 200, 24);
    assert!(find_row(&rows(&app), "z 卡片:自动").contains("? 帮助"));
    app.update(Action::ToggleDensity);
    find_row(&rows(&app), "z 卡片:紧凑");
    app.update(Action::ToggleDensity);
    let full = rows(&app);
    find_row(&full, "z 卡片:完整");
    // Full cards: five of three lines and a gap in 19 lines, the light in words, the range shown.
    find_row(&full, "未启动 19 [1-5]");
    find_row(&full, "◉ 红灯 逾期702天");
    app.update(Action::Last);
    find_row(&rows(&app), "未启动 19 [15-19]");
    app.update(Action::ToggleDensity);
    find_row(&rows(&app), "z 卡片:自动");
}

#[test]
fn with_tasks_in_every_column_the_range_survives_two_digit_numbers() {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    for id in 1..=3 {
        board.task_mut(id).unwrap().status = Status::InProgress;
    }
    board.task_mut(4).unwrap().status = Status::Blocked;
    board.task_mut(5).unwrap().status = Status::Done;
    let mut app = App::new(board, "b.ron".into(), TODAY.parse().unwrap(), Lang::Zh);
    app.resize(80, 24);
    app.update(Action::ToggleDensity);
    app.update(Action::ToggleDensity);
    app.update(Action::Last);
    let rows = rows(&app);
    // 14 cards not started, full: the column shows five and says which.
    find_row(&rows, "未启动 14 [10-14]");
}

#[test]
fn the_unit_view_shows_every_unit_at_120x40_with_role_headings_once() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app(lang, 120, 40);
        app.update(Action::ShowUnitView);
        let rows = rows(&app);
        let lanes: Vec<String> = app
            .grouping()
            .lanes
            .iter()
            .map(|l| l.unit.clone())
            .collect();
        assert_eq!(lanes.len(), 22);
        for unit in &lanes {
            let short: String = unit.chars().take(5).collect();
            find_row(&rows, &short);
        }
        let (lead, coop) = match lang {
            Lang::Zh => ("牵头任务", "配合任务"),
            Lang::En => ("Leading", "Cooperating"),
        };
        find_row(&rows, lead);
        find_row(&rows, coop);
        let screen = rows.join("\n");
        assert!(
            !screen.contains("[牵头]") && !screen.contains("[lead]"),
            "{screen}"
        );
    }
}

#[test]
fn unit_rows_keep_eight_title_cells_at_44_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app(lang, 44, 16);
        app.update(Action::ShowUnitView);
        let rows = rows(&app);
        // Task 3 支持企业申请AEO认证 leads in the first unit (区商务委).
        let shown = shown_title(&rows, 3, "支持企业申请AEO认证");
        assert!(shown >= 4, "{lang:?}: {shown}\n{}", rows.join("\n"));
        let row = find_row(&rows, " 3 支持企业");
        assert!(
            row.contains("逾期702天") || row.contains("late 702d"),
            "{row}"
        );
    }
}

#[test]
fn the_footer_offers_help_and_the_members_keys_and_keeps_the_file_name() {
    let app80 = app(Lang::Zh, 80, 24);
    let footer = rows(&app80).pop().unwrap();
    for keys in ["? 帮助", "n 写进展", "Enter 详情", "L/H 状态", "/ 搜索"] {
        assert!(footer.contains(keys), "{keys}: {footer}");
    }
    assert!(footer.ends_with("/b.ron"), "{footer}");
    let wide = rows_of(Lang::Zh, 200, 30).pop().unwrap();
    for keys in ["f 筛选", "r 审阅", "e 导出", "z 卡片:自动", "q 退出"] {
        assert!(wide.contains(keys), "{keys}: {wide}");
    }
    assert!(wide.ends_with("文件 /srv/ftz/boards/b.ron"), "{wide}");
    let en = rows_of(Lang::En, 80, 24).pop().unwrap();
    assert!(
        en.starts_with(" ? help  n note  Enter detail  L/H status"),
        "{en}"
    );
}
