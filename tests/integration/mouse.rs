//! Synthetic mouse events through `App::on_mouse`, checked against what the screen shows: a click
//! lands on whatever is drawn under it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use ftz_board::action::Action;
use ftz_board::app::{App, Effect, Overlay, View};
use ftz_board::i18n::Lang;
use ftz_board::model::{Status, TaskId};

const W: u16 = 80;
const H: u16 = 24;

/// The plan with tasks 1-12 not started (more than a column shows at 80x24), 13-15 in progress,
/// 16-17 needing coordination, 18-19 done.
fn app(lang: Lang) -> App {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    for task in &mut board.tasks {
        task.status = match task.id {
            1..=12 => Status::NotStarted,
            13..=15 => Status::InProgress,
            16..=17 => Status::Blocked,
            _ => Status::Done,
        };
    }
    let mut app = App::new(
        board,
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        lang,
    );
    app.resize(W, H);
    app
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, W, H);
    let mut buf = Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    buf
}

/// Where `needle` is drawn: (x, y) of its first cell.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let (mut line, mut xs, mut hidden) = (String::new(), Vec::new(), 0);
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if hidden == 0 {
                for _ in 0..symbol.len() {
                    xs.push(x);
                }
                line.push_str(symbol);
            }
            hidden = hidden.max(symbol.width()).saturating_sub(1);
        }
        if let Some(at) = line.find(needle) {
            return Some((xs[at], y));
        }
    }
    None
}

/// The first line of a card: number and the title's first characters.
fn card_text(app: &App, id: TaskId) -> String {
    let title: String = app
        .board()
        .task(id)
        .unwrap()
        .title
        .chars()
        .take(3)
        .collect();
    format!("{id:>2} {title}")
}

fn mouse(app: &mut App, kind: MouseEventKind, (x, y): (u16, u16)) -> Effect {
    let event = MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    app.on_mouse(&event)
}

fn click(app: &mut App, at: (u16, u16)) -> Effect {
    mouse(app, MouseEventKind::Down(MouseButton::Left), at)
}

fn on_screen(app: &App, text: &str) -> (u16, u16) {
    find(&draw(app), text).unwrap_or_else(|| panic!("{text:?} is not on screen"))
}

#[test]
fn clicking_a_card_selects_it_in_its_column() {
    let mut app = app(Lang::Zh);
    let at = on_screen(&app, &card_text(&app, 14));
    // Anywhere on the card's three lines.
    click(&mut app, (at.0 + 4, at.1 + 2));
    assert_eq!(app.selected_task(), Some(14));
    assert_eq!(app.status_cursor().column, Status::InProgress.index());
    assert_eq!(app.overlay(), None);
}

#[test]
fn clicking_the_selected_card_or_double_clicking_opens_its_detail() {
    let mut app = app(Lang::Zh);
    let at = on_screen(&app, &card_text(&app, 16));
    click(&mut app, at);
    assert_eq!(app.overlay(), None);
    click(&mut app, at);
    assert_eq!(app.overlay(), Some(Overlay::Detail { id: 16, scroll: 0 }));
    // A click beside the detail closes it; the header stays clickable.
    click(&mut app, (0, H - 1));
    assert_eq!(app.overlay(), None);
}

#[test]
fn clicking_the_gap_between_cards_selects_nothing_new() {
    let mut app = app(Lang::Zh);
    let fifteen = on_screen(&app, &card_text(&app, 15));
    click(&mut app, fifteen);
    let (x, y) = on_screen(&app, &card_text(&app, 13));
    click(&mut app, (x, y + 3));
    assert_eq!(
        app.selected_task(),
        Some(15),
        "the gap line selected a card"
    );
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_wheel_scrolls_the_column_under_the_pointer_only() {
    let mut app = app(Lang::Zh);
    // Full cards (`z` twice): the twelve cards not started no longer fit.
    app.update(Action::ToggleDensity);
    app.update(Action::ToggleDensity);
    let first = card_text(&app, 1);
    let at = on_screen(&app, &first);
    let in_progress = on_screen(&app, &card_text(&app, 13));
    for _ in 0..3 {
        mouse(&mut app, MouseEventKind::ScrollDown, at);
    }
    let screen = draw(&app);
    assert_eq!(find(&screen, &first), None, "card 1 is still shown");
    assert_eq!(
        find(&screen, &card_text(&app, 4)),
        Some(at),
        "card 4 is not at the top"
    );
    assert_eq!(find(&screen, &card_text(&app, 13)), Some(in_progress));
    // The selection came along, so the next key does not jump back.
    assert_eq!(app.selected_task(), Some(4));
    for _ in 0..20 {
        mouse(&mut app, MouseEventKind::ScrollDown, at);
    }
    assert!(
        find(&draw(&app), &card_text(&app, 12)).is_some(),
        "the last card is unreachable"
    );
    for _ in 0..20 {
        mouse(&mut app, MouseEventKind::ScrollUp, at);
    }
    assert_eq!(find(&draw(&app), &first), Some(at));
}

#[test]
fn clicking_a_header_tab_switches_views_in_either_language() {
    for (lang, units, status) in [
        (Lang::Zh, "按单位", "按状态"),
        (Lang::En, "By unit", "By status"),
    ] {
        let mut app = app(lang);
        let (x, y) = on_screen(&app, units);
        assert_eq!(y, 0);
        click(&mut app, (x, y));
        assert_eq!(app.view(), View::Units, "{lang:?}");
        // The key label before the label belongs to the tab too.
        let (x, y) = on_screen(&app, status);
        click(&mut app, (x - 2, y));
        assert_eq!(app.view(), View::Status, "{lang:?}");
        // The plan title is not a tab.
        click(&mut app, (3, 0));
        assert_eq!(app.view(), View::Status);
    }
}

#[test]
fn header_tabs_are_found_with_a_read_only_mark_and_on_a_narrow_screen() {
    let mut app = app(Lang::En);
    app.set_read_only(Some(ftz_board::app::ReadOnly::Requested));
    app.resize(60, 20);
    let area = Rect::new(0, 0, 60, 20);
    let mut buf = Buffer::empty(area);
    let _ = ftz_board::ui::render(&app, area, &mut buf);
    let (x, y) = find(&buf, "By unit").unwrap();
    click(&mut app, (x + 3, y));
    assert_eq!(app.view(), View::Units);
}

#[test]
fn in_the_unit_view_a_click_selects_a_row_and_a_second_click_opens_it() {
    let mut app = app(Lang::Zh);
    app.update(Action::ShowUnitView);
    let before = app.selected_task();
    // A task row further down the list.
    let target = app
        .grouping()
        .unit_rows
        .iter()
        .skip(app.unit_cursor().row + 3)
        .find_map(|row| match row {
            ftz_board::app::UnitRow::Task { id, .. } => Some(*id),
            _ => None,
        })
        .unwrap();
    let title: String = app
        .board()
        .task(target)
        .unwrap()
        .title
        .chars()
        .take(4)
        .collect();
    let at = on_screen(&app, &format!("{target:>2} {title}"));
    click(&mut app, at);
    assert_eq!(app.selected_task(), Some(target));
    assert_ne!(before, Some(target));
    click(&mut app, at);
    assert_eq!(
        app.overlay(),
        Some(Overlay::Detail {
            id: target,
            scroll: 0
        })
    );
}

#[test]
fn the_wheel_scrolls_the_unit_list_and_the_selection_stays_visible() {
    let mut app = app(Lang::Zh);
    app.update(Action::ShowUnitView);
    let body_top = (2, 2);
    let first_row = |app: &App| {
        let buf = draw(app);
        (0..W)
            .map(|x| buf[(x, 2)].symbol().to_string())
            .collect::<String>()
    };
    let before = first_row(&app);
    mouse(&mut app, MouseEventKind::ScrollDown, body_top);
    mouse(&mut app, MouseEventKind::ScrollDown, body_top);
    assert_ne!(first_row(&app), before, "the list did not move");
    assert!(
        app.unit_cursor().row >= app.unit_cursor().scroll,
        "selection scrolled out of view"
    );
    mouse(&mut app, MouseEventKind::ScrollUp, body_top);
    mouse(&mut app, MouseEventKind::ScrollUp, body_top);
    assert_eq!(first_row(&app), before);
}

#[test]
fn the_wheel_scrolls_help_and_clicks_wait_while_a_dialog_is_open() {
    let mut app = app(Lang::Zh);
    app.update(Action::ToggleHelp);
    mouse(&mut app, MouseEventKind::ScrollDown, (10, 5));
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 3 }));
    app.update(Action::Back);

    app.update(Action::AddNote);
    assert!(app.dialog().is_some());
    let at = on_screen(&app, "按单位");
    click(&mut app, at);
    assert_eq!(
        app.view(),
        View::Status,
        "a click went past the open dialog"
    );
    assert!(app.dialog().is_some());
}
