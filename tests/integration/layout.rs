//! Layout at the edges: narrow terminals, English labels, long messages, every state's key hints.
//! Each test draws the whole screen, checks that every row is exactly the terminal's width, and
//! asserts the rows a user reads. The date is fixed (2026-11-26) so the day counts are stable.

use crate::common;

use common::{assert_rows_aligned, find_row, row, screen_rows};
use ftz_board::action::Action;
use ftz_board::app::{App, ReadOnly};
use ftz_board::i18n::Lang;
use ftz_board::keymap::{Key, Keymap};
use ftz_board::model::{Board, Note, Status};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const TODAY: &str = "2026-11-26";

/// The plan with task 2 in progress (18 not started) and a fresh note on task 3, so the first
/// column has stale cards and one that is not.
fn board() -> Board {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.task_mut(2).unwrap().status = Status::InProgress;
    board.task_mut(3).unwrap().notes.push(Note {
        at: "2026-11-20T10:00:00+08:00".parse().unwrap(),
        author: "tester".into(),
        text: "已对接".into(),
        decision: false,
    });
    board
}

fn app_at(today: &str, lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(board(), "board.ron".into(), today.parse().unwrap(), lang);
    app.resize(width, height);
    app
}

fn app(lang: Lang, width: u16, height: u16) -> App {
    app_at(TODAY, lang, width, height)
}

/// The screen as rows of text, after checking that each row fills the terminal exactly.
fn rows(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.screen());
    let _cursor = ftz_board::ui::render(app, app.screen(), &mut buf);
    assert_rows_aligned(&buf);
    screen_rows(&buf)
}

/// The display column at which `needle` starts in `row`.
fn column_of(row: &str, needle: &str) -> usize {
    let at = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {row:?}"));
    row[..at].width()
}

fn footer(app: &App) -> String {
    rows(app).pop().unwrap()
}

/// The row of the status columns' titles.
fn titles(rows: &[String]) -> String {
    rows.iter().find(|r| r.starts_with('┌')).unwrap().clone()
}

#[test]
fn status_column_titles_never_cut_the_count() {
    // 44 columns: label and the count of 18 both stay whole; the empty columns are strips.
    let narrow = titles(&rows(&app(Lang::Zh, 44, 10)));
    assert!(
        narrow.contains(" 18 [1-5]") && narrow.contains("推进中 1"),
        "{narrow}"
    );
    // English at 80x24: the labels are whole in the room the strips leave.
    let english = titles(&rows(&app(Lang::En, 80, 24)));
    assert!(
        english.contains("Not started 18") && english.contains("In progress 1"),
        "{english}"
    );
    // A column that scrolls says which cards it shows.
    assert!(titles(&rows(&app(Lang::Zh, 80, 16))).contains("未启动 18 [1-11]"));
    for lang in [Lang::Zh, Lang::En] {
        for width in 44..=120 {
            let app = app(lang, width, 24);
            let title_row = titles(&rows(&app));
            for (column, ids) in app.grouping().columns.iter().enumerate() {
                let title = title_row.split('┌').nth(column + 1).unwrap();
                let n = ids.len();
                let whole = title.contains(&format!(" {n} ")) || title.contains(&format!(" {n}┐"));
                assert!(whole, "{lang:?} {width}: {title_row}");
            }
        }
    }
}

#[test]
fn card_units_start_in_the_same_place_with_or_without_the_stale_mark() {
    // Task 1 is stale, task 3 has a fresh note: on full cards (`z` twice) their units start in
    // the same column, narrow or wide.
    for width in [80, 120] {
        let mut app = app(Lang::Zh, width, 24);
        app.update(Action::ToggleDensity);
        app.update(Action::ToggleDensity);
        let rows = rows(&app);
        let stale = find_row(&rows, "久未更新");
        let fresh = find_row(&rows, "区商务委");
        assert_eq!(
            column_of(stale, "莘庄").min(column_of(stale, "龙吴")),
            column_of(fresh, "区商务委"),
            "{width}:\n{stale}\n{fresh}"
        );
    }
}

#[test]
fn unit_view_in_english_lines_up_the_task_numbers_of_both_roles() {
    let mut app = app(Lang::En, 80, 24);
    app.update(Action::ShowUnitView);
    let rows = rows(&app);
    let lead = find_row(&rows, "Leading");
    let next = find_row(&rows, "  4 开展离岸经贸业务");
    let coop = find_row(&rows, "Cooperating");
    assert_eq!(column_of(lead, " 3 支持"), column_of(next, " 4 开展"));
    assert_eq!(column_of(lead, " 3 支持"), column_of(coop, " 1 提升"));
    assert_eq!(column_of(lead, "late 695d"), column_of(coop, "late 695d"));
}

#[test]
fn unit_view_at_44_columns_keeps_title_and_whole_urgency() {
    for (lang, urgency) in [(Lang::Zh, "逾期695天"), (Lang::En, "late 695d")] {
        let mut app = app(lang, 44, 16);
        app.update(Action::ShowUnitView);
        let rows = rows(&app);
        // The status and the deadline give way; the title keeps room and the urgency is whole.
        let row = find_row(&rows, " 3 支持企业");
        assert!(
            row.contains(urgency) && row.contains("支持企业申请"),
            "{row}"
        );
    }
}

#[test]
fn unit_view_title_says_which_rows_are_shown() {
    let mut app = app(Lang::Zh, 80, 24);
    app.update(Action::ShowUnitView);
    // 22 units, 66 rows (headings and tasks), 19 of them on screen.
    assert!(
        rows(&app)[2].starts_with("┌ 按单位 22 [1-19/66] ─"),
        "{}",
        rows(&app)[2]
    );
    app.update(Action::Last);
    assert!(
        rows(&app)[2].starts_with("┌ 按单位 22 [48-66/66] ─"),
        "{}",
        rows(&app)[2]
    );
}

#[test]
fn dashboard_table_headers_are_whole_in_english() {
    let mut app = app(Lang::En, 80, 40);
    app.update(Action::ShowDashboard);
    app.update(Action::PageDown);
    let rows = rows(&app);
    let header = find_row(&rows, " Unit ");
    assert!(
        header.contains(" lead co-op done overdue on time ◉ red ◍ yellow ◌ green"),
        "{header}"
    );
    let figures: Vec<&str> = find_row(&rows, " 区商务委 ").split_whitespace().collect();
    assert_eq!(
        figures,
        ["区商务委", "2", "3", "0", "5", "-", "5", "0", "0"]
    );
}

#[test]
fn dashboard_bars_grow_with_the_width() {
    let bar = |width: u16| {
        let mut app = app(Lang::Zh, width, 60);
        app.update(Action::ShowDashboard);
        let rows = rows(&app);
        find_row(&rows, " 未启动 18 ").matches('█').count()
    };
    // The summary is the left half at 200 columns (100 cells), the whole width at 80.
    let (narrow, wide) = (bar(80), bar(200));
    assert!(narrow > 50 && wide > narrow + 10, "{narrow} {wide}");
}

#[test]
fn overdue_ranking_shows_whole_names_with_the_longest_and_median_delay() {
    let mut zh = app(Lang::Zh, 80, 64);
    zh.update(Action::ShowDashboard);
    zh.update(Action::Last);
    let rows_zh = rows(&zh);
    assert!(
        find_row(&rows_zh, " 1. 区市场监管局 ").contains("4 项 最长 695 天 中位 695 天 █"),
        "{}",
        rows_zh.join("\n")
    );
    let mut en = app(Lang::En, 80, 64);
    en.update(Action::ShowDashboard);
    en.update(Action::Last);
    find_row(&rows(&en), "4 tasks, longest 695 d, median 695 d");
    // On the narrowest screen the median gives way before the name.
    let mut narrow = app(Lang::Zh, 44, 70);
    narrow.update(Action::ShowDashboard);
    narrow.update(Action::Last);
    let rows_narrow = rows(&narrow);
    assert!(
        find_row(&rows_narrow, " 1. 区市场监管局 ").contains("4 项 最长 695 天 █"),
        "{}",
        rows_narrow.join("\n")
    );
}

#[test]
fn timeline_today_label_points_at_the_today_tick() {
    for (today, caret_first) in [("2025-06-01", true), (TODAY, false)] {
        let mut app = app_at(today, Lang::Zh, 80, 40);
        app.update(Action::ShowDashboard);
        let rows = rows(&app);
        let axis = rows.iter().position(|r| r.contains("-+-")).unwrap();
        let tick = column_of(&rows[axis], "|");
        // The months are under the axis, the caret under them.
        let label = &rows[axis + 2];
        assert_eq!(
            column_of(label, "^"),
            tick,
            "{today}:\n{}\n{label}",
            rows[axis]
        );
        let words = format!("今天 {today}");
        if caret_first {
            assert!(label.contains(&format!("^ {words}")), "{label}");
        } else {
            // Today is past the last deadline: the label ends at the tick, on the right.
            assert!(label.contains(&format!("{words} ^")), "{label}");
        }
    }
}

#[test]
fn a_message_gets_the_footer_before_the_file_path() {
    let text = "已导出: /long/path/ftz-report-2026-11-26.xlsx, /long/path/ftz-report-2026-11-26.md";
    let mut wide = app(Lang::Zh, 120, 24);
    wide.set_file_label("/srv/ftz/board.ron".into());
    wide.info(text.into());
    let shown = footer(&wide);
    assert!(shown.starts_with(text), "{shown}");
    assert!(shown.ends_with(" 文件 /srv/ftz/board.ron"), "{shown}");
    // At 80 columns the message takes the whole line and the path waits.
    let mut narrow = app(Lang::Zh, 80, 24);
    narrow.info(text.into());
    let shown = footer(&narrow);
    assert!(shown.starts_with("已导出: /long/path/ftz-report-2026-11-26.xlsx, /long/path/ftz"));
    assert!(shown.ends_with(narrow.theme().ellipsis), "{shown}");
    assert!(!shown.contains("board.ron"), "{shown}");
}

/// A colleague's save the store refused, at `b.ron:42:21`.
fn problem(message: &str) -> ftz_board::store::StoreError {
    ftz_board::store::StoreError::Parse {
        path: path().to_path_buf(),
        line: 42,
        column: 21,
        message: message.into(),
    }
}

fn path() -> &'static std::path::Path {
    std::path::Path::new("b.ron")
}

#[test]
fn the_file_problem_gets_the_footer_before_the_file_path() {
    let short = "b.ron:42:21: unknown status `doingg` (expected …)";
    let mut at120 = app(Lang::Zh, 120, 24);
    at120.on_file_changed(Err(problem("unknown status `doingg` (expected …)")), path());
    let shown = footer(&at120);
    assert!(
        shown.starts_with(&format!("文件有误，暂停保存: {short}"))
            && shown.ends_with("文件 board.ron"),
        "{shown}"
    );
    // The whole message the store gives (122 cells with its prefix): whole at 130 columns, and
    // as much as fits, ending in an ellipsis, at 80.
    let full = "b.ron:42:21: unknown status `doingg` (expected one of `not_started`, \
                `in_progress`, `blocked`, `done`)";
    let mut wide = app(Lang::Zh, 130, 24);
    let message = full.strip_prefix("b.ron:42:21: ").unwrap();
    wide.on_file_changed(Err(problem(message)), path());
    assert!(footer(&wide).starts_with(&format!("文件有误，暂停保存: {full}")));
    wide.resize(80, 24);
    let shown = footer(&wide);
    assert!(shown.starts_with("文件有误，暂停保存: b.ron:42:21: unknown status `doingg` (expe"));
    assert!(shown.ends_with(wide.theme().ellipsis), "{shown}");
}

#[test]
fn a_long_file_path_keeps_the_file_name() {
    let mut app = app(Lang::Zh, 80, 24);
    app.set_file_label("/srv/ftz/boards/board.ron".into());
    let shown = footer(&app);
    assert!(
        shown.ends_with(&row(&app, " 文件 …/boards/board.ron")),
        "{shown}"
    );
}

#[test]
fn footer_keys_follow_the_open_dialog() {
    let cases = [
        (
            Action::AddNote,
            " Enter 保存  Esc 取消  Alt-Enter 换行  Ctrl-T 会议决定 ",
        ),
        (
            Action::EditTask,
            " Tab 下一项  Enter 保存  Esc 取消  Up/Down 选择已有单位 ",
        ),
        (
            Action::Filter,
            " Up/Down 选择项  Left/Right 更改  Enter 应用  x 清空  Esc 取消 ",
        ),
        (Action::DeleteTask, " y 删除  其他键 取消 "),
    ];
    for (action, keys) in cases {
        // Tall enough that the task form leaves the footer in sight.
        let mut app = app(Lang::Zh, 100, 40);
        app.update(action);
        assert!(app.dialog().is_some(), "{action:?}");
        let shown = footer(&app);
        assert!(shown.starts_with(keys), "{action:?}: {shown}");
    }
    let mut en = app(Lang::En, 100, 24);
    en.update(Action::AddNote);
    let shown = footer(&en);
    assert!(
        shown.starts_with(" Enter save  Esc cancel  Alt-Enter new line  Ctrl-T meeting decision "),
        "{shown}"
    );
}

#[test]
fn footer_keys_follow_the_detail_and_the_review() {
    let mut app = app(Lang::Zh, 100, 24);
    let board_keys = footer(&app);
    assert!(
        board_keys.starts_with(" ? 帮助  n 写进展  Enter 详情  L/H 状态 "),
        "{board_keys}"
    );
    app.update(Action::OpenDetail);
    assert!(footer(&app).starts_with(" Esc 返回  j/k 滚动  n 写进展  m 新增节点  L/H 改状态 "));
    app.update(Action::Back);
    app.update(Action::Review);
    assert!(footer(&app).starts_with(" j 下一项  k 上一项  L/H 改状态  n 写进展  Esc 退出 "));
}

#[test]
fn read_only_footer_leaves_out_the_editing_keys() {
    let mut app = app(Lang::Zh, 120, 24);
    app.set_read_only(Some(ReadOnly::Requested));
    let shown = footer(&app);
    assert!(
        shown.starts_with(" ? 帮助  Enter 详情  / 搜索  f 筛选 "),
        "{shown}"
    );
    for editing in [" L ", " H ", " u ", "Ctrl-r"] {
        assert!(!shown.contains(editing), "{editing}: {shown}");
    }
    app.update(Action::OpenDetail);
    let shown = footer(&app);
    assert!(shown.starts_with(" Esc 返回  j/k 滚动 "), "{shown}");
    assert!(
        !shown.contains("写进展") && !shown.contains("撤销"),
        "{shown}"
    );
}

#[test]
fn footer_keys_come_from_the_keymap() {
    let mut app = app(Lang::Zh, 100, 24);
    // A keys file that writes notes with `w` and closes with `x` instead of Esc.
    let bindings = Keymap::default()
        .bindings()
        .iter()
        .map(|&(key, action)| match action {
            Action::AddNote => (Key::char('w'), action),
            Action::Back => (Key::char('x'), action),
            _ => (key, action),
        })
        .collect();
    app.set_keymap(Keymap::from_bindings(bindings));
    app.update(Action::OpenDetail);
    assert!(footer(&app).starts_with(" x 返回  j/k 滚动  w 写进展 "));
}

#[test]
fn help_lists_dialog_keys_and_the_mouse_after_the_keymap() {
    let mut app = app(Lang::Zh, 160, 60);
    app.update(Action::ToggleHelp);
    // The help runs in two columns at 160x60: each line may stand in either.
    let rows = rows(&app);
    let at = |text: &str| rows.iter().position(|r| r.contains(text)).unwrap();
    assert!(at("q/Ctrl-c       退出") < at(" 对话框中 "));
    for line in [
        " Enter          保存 ",
        " Esc            取消 ",
        " Alt-Enter      换行 ",
        " Ctrl-T         会议决定 ",
        " Tab            下一项 ",
        " Up/Down        选择已有单位 ",
        " y              确认删除 ",
        " 鼠标 ",
        " 单击           选中任务 ",
        " 再次单击       打开任务详情 ",
        " 滚轮           滚动 ",
        " 单击标签       切换视图 ",
    ] {
        find_row(&rows, line);
    }
    let mut en = app_at(TODAY, Lang::En, 160, 60);
    en.update(Action::ToggleHelp);
    let rows = self::rows(&en);
    find_row(&rows, " In dialogs ");
    find_row(&rows, " Alt-Enter      new line ");
    find_row(&rows, " click again    open the task ");
}

#[test]
fn help_at_80x24_shows_the_whole_keymap_first_and_scrolls_to_the_rest() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app(lang, 80, 24);
        app.update(Action::ToggleHelp);
        let first = rows(&app);
        let labels = Action::ALL.map(|a| app.keymap().label_for(a).unwrap());
        let key_width = labels.iter().map(|l| l.width()).max().unwrap();
        // The keys added since (milestones, requests, the changes view) are at the page's end.
        let mut first_and_next = first.clone();
        app.update(Action::Last);
        first_and_next.extend(rows(&app));
        app.update(Action::First);
        for (action, keys) in Action::ALL.iter().zip(&labels) {
            // The key and the start of what it does (a long English description may be cut).
            let (zh, en) = action.describe();
            let what: String = if lang == Lang::Zh { zh } else { en }
                .chars()
                .take(6)
                .collect();
            find_row(&first_and_next, &format!(" {keys:<key_width$}  {what}"));
        }
        // The overlay starts under the headline.
        assert!(first[2].contains("[1-19/34]"), "{}", first[2]);
        app.update(Action::Last);
        let last = rows(&app);
        assert!(last[2].contains("[16-34/34]"), "{}", last[2]);
        find_row(&last, "│ y              ");
    }
}

#[test]
fn dashboard_review_and_dialogs_fill_every_row_at_every_width() {
    for lang in [Lang::Zh, Lang::En] {
        for width in (44..=200).step_by(7) {
            let height = 10 + width % 50;
            for actions in [
                &[Action::ShowDashboard][..],
                &[Action::ShowDashboard, Action::Last],
                &[Action::ShowUnitView, Action::Last],
                &[Action::Review],
                &[Action::AddNote],
                &[Action::Filter],
                &[Action::ToggleHelp, Action::Last],
                &[Action::ShowChanges, Action::Last],
                &[Action::PickChangesStart],
            ] {
                let mut app = app(lang, width, height);
                for action in actions {
                    app.update(*action);
                }
                // `rows` checks each row is exactly `width` cells and no wide character is split,
                // with and without a message in the footer.
                rows(&app);
                app.info("已导出: /long/path/ftz-report-2026-11-26.xlsx".into());
                rows(&app);
            }
        }
    }
}
