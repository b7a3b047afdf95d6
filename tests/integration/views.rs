//! What each view shows, rendered with ratatui's test buffer at the sizes people use: 80x24 (an SSH
//! session), 160x48 (a projector) and too small. The date is fixed (2025-06-01) so the day counts
//! are stable: the 2024 deadlines are 152 days past, the 2025 ones 213 days away.

use crate::common;

use common::{assert_rows_aligned, find_row, row, screen_rows};
use ftz_board::action::Action;
use ftz_board::app::App;
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Status};
use ftz_board::ui::theme::{Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::Color;

const TODAY: &str = "2025-06-01";

/// The plan with one task in each of the other columns: 2 in progress, 9 needs coordination and 4
/// done ten days after its deadline.
fn board() -> Board {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.task_mut(2).unwrap().status = Status::InProgress;
    board.task_mut(9).unwrap().status = Status::Blocked;
    let task4 = board.task_mut(4).unwrap();
    task4.status = Status::Done;
    task4.completed_on = Some("2025-01-10".parse().unwrap());
    board
}

fn app_on(board: Board, today: &str, lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(board, "board.ron".into(), today.parse().unwrap(), lang);
    app.resize(width, height);
    app
}

fn app(width: u16, height: u16) -> App {
    app_on(board(), TODAY, Lang::Zh, width, height)
}

/// The screen as the board's loop draws it (`ui::draw` on a frame), on ratatui's TestBackend.
fn draw(app: &App) -> Buffer {
    let area = app.screen();
    let backend = ratatui::backend::TestBackend::new(area.width, area.height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| ftz_board::ui::draw(app, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn rows(app: &App) -> Vec<String> {
    screen_rows(&draw(app))
}

/// The display column at which `needle` starts in `row`.
fn column_of(row: &str, needle: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    let at = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {row:?}"));
    row[..at].width()
}

/// The same app with full cards everywhere (`z` twice).
fn full(mut app: App) -> App {
    app.update(Action::ToggleDensity);
    app.update(Action::ToggleDensity);
    app
}

#[test]
fn status_view_at_80x24_shows_all_four_columns_with_their_counts() {
    let app = app(80, 24);
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    let titles = find_row(&rows, "未启动 16");
    for title in ["推进中 1", "需协调 1", "已完成 1"] {
        assert!(titles.contains(title), "{title}: {titles}");
    }
    // Sixteen cards do not fit as full cards: one line each, all in sight; the other columns
    // keep their full card, with the light in words.
    for id in [1, 3, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] {
        let title: String = app
            .board()
            .task(id)
            .unwrap()
            .title
            .chars()
            .take(4)
            .collect();
        // The selected card (1) has the selection marker in the border instead of `│`.
        let edge = if id == 1 { '▸' } else { '│' };
        find_row(&rows, &format!("{edge}{id:>2} {title}"));
    }
    let first = find_row(&rows, "▸ 1 提升虹桥商务");
    let others = row(
        &app,
        "││ 2 拓展公用型保税…││ 9 推动重点领域专…││ 4 开展离岸经贸业…│",
    );
    assert!(first.contains(&others), "{first}");
    find_row(
        &rows,
        &row(
            &app,
            "││ 莘庄海关 久未更新││ 区市场…  久未更新││ 区商务委         │",
        ),
    );
    find_row(&rows, "││   ◌ 绿灯 剩213天 ││");
}

#[test]
fn header_names_the_plan_and_the_date_in_use_and_footer_the_keys_and_file() {
    let app = app(80, 24);
    let rows = rows(&app);
    assert_eq!(
        rows[0],
        row(
            &app,
            " 闵府发〔2024〕17号 关于…   1 按状态  2 按单位  3 总览  4 变化  今天 2025-06-01 "
        )
    );
    let footer = &rows[23];
    assert!(
        footer.starts_with(" ? 帮助  n 写进展  Enter 详情  L/H 状态  / 搜索  f 筛选  r 审阅 "),
        "{footer}"
    );
    assert!(footer.ends_with(" 文件 board.ron"), "{footer}");
}

#[test]
fn status_view_at_160x48_uses_the_width_for_more_cards_and_whole_dates() {
    let app = full(app(160, 48));
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    assert!(rows[2].starts_with("┌ 未启动 16 [1-11] ─"), "{}", rows[2]);
    let first_cards = row(
        &app,
        "▸ 1 提升虹桥商务区保税物流中心（B 型）…││ 2 拓展公用型保税仓库功能",
    );
    assert!(rows[3].starts_with(&first_cards), "{}", rows[3]);
    assert!(
        rows[5].starts_with("│   ◉ 红灯 逾期152天         2024-12-31││   ◌ 绿灯 剩213天"),
        "{}",
        rows[5]
    );
    // Eleven of the sixteen full cards fit in the first column: tasks 1 to 14 but 2, 4 and 9,
    // which are in other columns. Task 15 is below, out of sight.
    assert!(rows.iter().any(|r| r.starts_with("│14 深化跨境资金池试点")));
    assert!(!rows.iter().any(|r| r.starts_with("│15 ")));
    // Automatic density: the sixteen fit as one line each, 15 included.
    let auto = rows_of(160, 48);
    assert!(
        auto.iter()
            .any(|r| r.starts_with("│15 拓宽科创企业融资渠道"))
    );
}

#[test]
fn card_titles_are_cut_with_an_ellipsis_between_whole_characters_at_any_width() {
    // Widths whose columns leave an odd number of cells for a title of Chinese characters: the cut
    // must leave a blank cell rather than half a character.
    for width in 80..=90 {
        for app in [app(width, 24), full(app(width, 24))] {
            let buf = draw(&app);
            assert_rows_aligned(&buf);
            let row = &screen_rows(&buf)[3];
            // The first card is the selected one: its row starts with the marker.
            let first_card = row.split(['│', '▸']).nth(1).unwrap();
            let title = first_card.trim().trim_start_matches("1 ");
            let title = title.trim_end().trim_end_matches('◉').trim_end();
            let kept = title.strip_suffix(app.theme().ellipsis).unwrap();
            assert!(
                "提升虹桥商务区保税物流中心（B 型）能级".starts_with(kept),
                "width {width}: {first_card:?}"
            );
        }
    }
}

#[test]
fn every_view_stays_aligned_at_every_size_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for (width, height) in (44..=160).step_by(3).map(|w| (w, 10 + w % 40)) {
            let mut app = app_on(board(), TODAY, lang, width, height);
            for action in [Action::OpenDetail, Action::Back, Action::ShowUnitView] {
                assert_rows_aligned(&draw(&app));
                app.update(action);
            }
            assert_rows_aligned(&draw(&app));
            app.update(Action::OpenDetail);
            assert_rows_aligned(&draw(&app));
            app.update(Action::Back);
            app.update(Action::ToggleHelp);
            assert_rows_aligned(&draw(&app));
        }
    }
}

#[test]
fn overdue_cards_count_the_real_days() {
    let rows = rows(&full(app(80, 24)));
    find_row(&rows, "│ ◉ 红灯 逾期152天 │");
    // The day after the 2024 deadline: one day overdue, and the 2025 deadline a year away.
    let next_day = full(app_on(board(), "2025-01-01", Lang::Zh, 80, 24));
    let rows = screen_rows(&draw(&next_day));
    let line = find_row(&rows, "逾期1天");
    assert!(line.contains("剩364天"), "{line}");
    // On the deadline day itself it is due, not overdue.
    let deadline_day = full(app_on(board(), "2024-12-31", Lang::Zh, 80, 24));
    let rows = screen_rows(&draw(&deadline_day));
    find_row(&rows, "今天到期");
}

#[test]
fn urgency_is_in_words_as_well_as_colour() {
    let mut app = full(app(80, 24));
    let buf = draw(&app);
    // "逾期152天" on the third line of the first card, in red.
    let (x, y) = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&at| buf[at].symbol() == "逾")
        .unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert_eq!(buf[(x + 2, y)].symbol(), "期");
    // A monochrome terminal gets the same words and no colour at all.
    app.set_theme(Theme::new(ThemeName::Mono, false));
    let mono = draw(&app);
    assert_eq!(screen_rows(&mono), screen_rows(&buf));
    assert!(
        mono.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn unit_view_lists_each_unit_once_with_its_role_in_each_task() {
    let mut app = app(80, 24);
    app.update(Action::ShowUnitView);
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    assert_eq!(
        rows[3],
        "│区商务委                  牵头 2  配合 3  逾期 3                              │"
    );
    // The role's heading once, beside its first task; status, deadline, light and urgency in
    // the same columns on every row.
    let lines = [
        (
            "│牵头任务  3 支持企业申请AEO认证",
            "未启动 2024-12-31 ◉  逾期152天│",
        ),
        (
            "│          4 开展离岸经贸业务",
            "已完成 2024-12-31       晚10天│",
        ),
        (
            "│配合任务▸ 1 提升虹桥商务区",
            "未启动 2024-12-31 ◉  逾期152天│",
        ),
        (
            "│          2 拓展公用型保税仓库功能",
            "推进中 2025-12-31 ◌    剩213天│",
        ),
    ];
    for (start, end) in lines {
        let line = find_row(&rows, start);
        assert!(line.ends_with(end), "{line}");
        assert_eq!(column_of(line, " 20"), column_of(&rows[4], " 20"), "{line}");
    }
    // 区商务委 leads two tasks and cooperates on three: one lane, not two.
    let lanes = app.grouping().lanes.iter().filter(|l| l.unit == "区商务委");
    assert_eq!(lanes.count(), 1);
}

#[test]
fn unit_view_puts_the_units_with_most_overdue_tasks_first() {
    let mut app = app(160, 48);
    app.update(Action::ShowUnitView);
    let rows = rows(&app);
    let order: Vec<&str> = app
        .grouping()
        .lanes
        .iter()
        .map(|l| l.unit.as_str())
        .collect();
    assert_eq!(
        order[..4],
        ["区商务委", "区科委", "区市场监管局", "区财政局"]
    );
    // Every unit is on the screen, in panes side by side.
    for unit in order {
        find_row(&rows, unit);
    }
}

#[test]
fn detail_shows_the_whole_task_with_its_text_wrapped() {
    let mut app = app(80, 24);
    app.update(Action::OpenDetail);
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    // Under the header and the headline, which the overlay leaves in sight.
    assert!(rows[2].starts_with("┌ 任务详情 #1 ─"), "{}", rows[2]);
    let inner: Vec<String> = rows[3..23]
        .iter()
        .map(|r| {
            r.trim_start_matches("│ ")
                .trim_end_matches('│')
                .trim_end()
                .to_string()
        })
        .collect();
    assert_eq!(
        inner[..9],
        [
            "提升虹桥商务区保税物流中心（B 型）能级",
            "",
            "状态: 未启动",
            "时间节点: 2024-12-31",
            "进度: 逾期 152 天",
            "红绿灯: ◉ 红灯  任务逾期 152 天",
            "曾亮红灯：2025-01-01 起",
            "牵头单位: 莘庄海关、龙吴海关",
            "配合单位: 区商务委、临港浦江国际科技城、南虹桥集团",
        ]
    );
    let text_at = inner.iter().position(|l| l == "任务内容").unwrap() + 1;
    let text_end = text_at + inner[text_at..].iter().position(String::is_empty).unwrap();
    assert!(
        text_end - text_at >= 2,
        "the text is wrapped over several lines"
    );
    assert_eq!(
        inner[text_at..text_end].concat(),
        app.board().task(1).unwrap().text
    );
    app.update(Action::Back);
    assert_eq!(app.overlay(), None);
}

#[test]
fn detail_of_a_task_done_late_shows_its_completion_date() {
    let mut app = app(160, 48);
    // Task 4 is the only card in the fourth column.
    for _ in 0..3 {
        app.update(Action::Right);
    }
    app.update(Action::OpenDetail);
    let rows = rows(&app);
    assert!(find_row(&rows, "任务详情 #4").contains("┌ 任务详情 #4 "));
    find_row(&rows, "进度: 晚 10 天完成");
    find_row(&rows, "完成日期: 2025-01-10");
    find_row(&rows, "配合单位: 无");
}

#[test]
fn help_lists_every_bound_key_from_the_keymap() {
    let mut app = app(160, 60);
    app.update(Action::ToggleHelp);
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    // Keys in one aligned column, what they do in the next.
    let labels: Vec<String> = Action::ALL
        .iter()
        .map(|&a| app.keymap().label_for(a).unwrap())
        .collect();
    let key_width = labels.iter().map(|l| l.chars().count()).max().unwrap();
    for (action, keys) in Action::ALL.iter().zip(&labels) {
        let (zh, _) = action.describe();
        // In either of the two columns 49 actions and the dialog keys take at 160x60.
        find_row(&rows, &format!(" {keys:<key_width$}  {zh} "));
    }
    find_row(&rows, " q/Ctrl-c       退出");
    find_row(&rows, " L/Shift-Right  移到下一状态");
}

#[test]
fn help_at_80x24_shows_every_bound_key_in_two_columns_on_its_first_and_last_page() {
    let mut app = app(80, 24);
    app.update(Action::ToggleHelp);
    let mut seen = rows(&app);
    // 49 actions do not fit 20 rows of two columns: the rest is at the end of the page.
    app.update(Action::Last);
    seen.extend(rows(&app));
    for action in Action::ALL {
        let keys = app.keymap().label_for(action).unwrap();
        let (zh, _) = action.describe();
        let shown = seen
            .iter()
            .any(|r| r.contains(&format!(" {keys} ")) && r.contains(zh));
        assert!(
            shown,
            "{keys} {zh} is not on the first page:\n{}",
            seen.join("\n")
        );
    }
}

#[test]
fn help_that_does_not_fit_says_where_you_are_and_scrolls() {
    let mut app = app(60, 16);
    app.update(Action::ToggleHelp);
    let first = rows(&app);
    assert!(first[2].contains("[1-"), "a range marker: {}", first[2]);
    let mut seen = first;
    for _ in 0..Action::ALL.len() {
        app.update(Action::Down);
        seen.extend(rows(&app));
    }
    for action in Action::ALL {
        let keys = app.keymap().label_for(action).unwrap();
        find_row(&seen, &format!(" {keys} "));
    }
}

#[test]
fn a_terminal_too_small_gets_a_short_message_instead_of_a_broken_board() {
    let app = app(30, 8);
    let buf = draw(&app);
    assert_rows_aligned(&buf);
    let rows = screen_rows(&buf);
    assert_eq!(rows[0], "终端太小，请放大窗口 (44x10)  ");
    assert!(rows[1..].iter().all(|r| r.trim().is_empty()));
    // The limits themselves are usable.
    let smallest = rows_of(44, 10);
    assert!(smallest[2].contains("未启动"), "{}", smallest.join("\n"));
    assert!(rows_of(43, 24)[0].starts_with("终端太小"));
    assert!(rows_of(80, 9)[0].starts_with("终端太小"));
}

fn rows_of(width: u16, height: u16) -> Vec<String> {
    rows(&app(width, height))
}
