//! How the status view shows the selected card: a marker in the column's left border and the
//! card's number, in the selected style (issue 17). Moving the selection must repaint those few
//! cells, not two whole lines of Chinese titles (679 bytes a key at 120x40 when it did), and the
//! selection must still be plain to see in every theme, with and without `--ascii`.

use ftz_board::action::Action;
use ftz_board::app::App;
use ftz_board::i18n::Lang;
use ftz_board::ui::theme::{Theme, ThemeName};
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Style;

const THEMES: [ThemeName; 3] = [ThemeName::Default, ThemeName::Contrast, ThemeName::Mono];

fn app(theme: Theme, full_cards: bool) -> App {
    let board = ftz_board::plan::builtin_plan().unwrap();
    let mut app = App::new(
        board,
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        Lang::Zh,
    );
    app.set_theme(theme);
    app.resize(120, 40);
    if full_cards {
        // auto, compact, full
        app.update(Action::ToggleDensity);
        app.update(Action::ToggleDensity);
    }
    app
}

fn draw(app: &App) -> Buffer {
    let mut buf = Buffer::empty(app.screen());
    ftz_board::ui::render(app, app.screen(), &mut buf);
    buf
}

/// Whether a cell is drawn in the selected style (its colours and its modifiers).
fn in_selected_style(cell: &Cell, selected: Style) -> bool {
    let style = cell.style();
    style.fg == selected.fg.or(style.fg)
        && style.bg == selected.bg.or(style.bg)
        && style.add_modifier.contains(selected.add_modifier)
}

/// The (x, y) of the first cell showing `symbol` in the left border column (x = 0).
fn marker_row(buf: &Buffer, symbol: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| buf[(0, y)].symbol() == symbol)
}

#[test]
fn the_selected_card_has_the_marker_and_its_number_in_the_selected_style_in_every_theme() {
    for name in THEMES {
        for ascii in [false, true] {
            for full_cards in [false, true] {
                let theme = Theme::new(name, ascii);
                let app = app(theme.clone(), full_cards);
                let buf = draw(&app);
                let case = format!("{name:?} ascii={ascii} full={full_cards}");
                let y = marker_row(&buf, theme.marker)
                    .unwrap_or_else(|| panic!("{case}: no {} in the border", theme.marker));
                // Task 1 is the first card of the first column: the marker, " 1 " after it.
                let cells: String = (1..4).map(|x| buf[(x, y)].symbol()).collect();
                assert_eq!(cells, " 1 ", "{case}");
                for x in 0..4 {
                    assert!(
                        in_selected_style(&buf[(x, y)], theme.selected),
                        "{case}: cell {x} of the selected card is not in the selected style"
                    );
                }
                // The title stays as on every other card, so the number and marker are what
                // stands out.
                assert!(
                    !in_selected_style(&buf[(4, y)], theme.selected),
                    "{case}: the title is highlighted too"
                );
                // Only one card shows the marker.
                let markers = (0..buf.area.height)
                    .filter(|&y| buf[(0, y)].symbol() == theme.marker)
                    .count();
                assert_eq!(markers, 1, "{case}");
            }
        }
    }
}

#[test]
fn moving_the_selection_repaints_only_the_marker_and_the_numbers_of_two_cards() {
    for name in THEMES {
        for full_cards in [false, true] {
            let mut app = app(Theme::new(name, false), full_cards);
            let before = draw(&app);
            app.update(Action::Down);
            let after = draw(&app);
            let changed = changed_cells(&before, &after);
            // Marker and number ("▸ 1 " then "▸ 3 "): four cells on each of two rows.
            assert!(
                changed.len() <= 8 && changed.iter().all(|&(x, _)| x < 4),
                "{name:?} full={full_cards}: {} cells changed: {changed:?}",
                changed.len()
            );
            assert!(!changed.is_empty(), "{name:?}: the selection did not move");
        }
    }
}

/// The unit view marks its selected row the same way: the marker and the number, in the
/// selected style, and a move repaints those cells only.
#[test]
fn the_unit_view_marks_the_selected_row_by_its_marker_and_number_and_a_move_repaints_only_them() {
    for name in THEMES {
        for ascii in [false, true] {
            let theme = Theme::new(name, ascii);
            let mut app = app(theme.clone(), false);
            app.update(Action::ShowUnitView);
            let before = draw(&app);
            let case = format!("{name:?} ascii={ascii}");
            let marked: Vec<(u16, u16)> = before
                .content
                .iter()
                .enumerate()
                .filter(|(_, c)| c.symbol() == theme.marker)
                .map(|(i, _)| before.pos_of(i))
                .collect();
            assert_eq!(marked.len(), 1, "{case}: one marker, {marked:?}");
            let (x, y) = marked[0];
            for dx in 0..3 {
                assert!(
                    in_selected_style(&before[(x + dx, y)], theme.selected),
                    "{case}: cell {dx} of the marker and number is not in the selected style"
                );
            }
            assert!(
                !in_selected_style(&before[(x + 5, y)], theme.selected),
                "{case}: the title is highlighted too"
            );
            app.update(Action::Down);
            let after = draw(&app);
            let changed = changed_cells(&before, &after);
            assert!(
                !changed.is_empty() && changed.len() <= 8,
                "{case}: {} cells changed: {changed:?}",
                changed.len()
            );
        }
    }
}

/// The cells, as (x, y), that differ between two frames of the same size.
fn changed_cells(before: &Buffer, after: &Buffer) -> Vec<(u16, u16)> {
    before
        .content
        .iter()
        .zip(after.content.iter())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| before.pos_of(i))
        .collect()
}
