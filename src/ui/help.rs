//! Help, generated from the keymap so it always shows the keys that are bound; then the fixed keys
//! of the dialogs and the mouse, which no keymap changes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::overlay;
use super::text::{fit, truncate, width};
use crate::action::Action;
use crate::app::{App, all_dialog_keys, joined};
use crate::i18n::Strings;

/// A description cut shorter than this reads badly: below it, help keeps one column and scrolls.
const MIN_DESCRIPTION: usize = 12;

/// One line of help: a key and what it does, or a section's heading.
enum Entry {
    Key(String, &'static str),
    Heading(&'static str),
    Blank,
}

fn keymap_entries(app: &App) -> Vec<Entry> {
    Action::ALL
        .iter()
        .filter_map(|&action| {
            let keys = app.keymap().label_for(action)?;
            Some(Entry::Key(keys, app.lang().action(action)))
        })
        .collect()
}

/// Keys that dialogs read directly (a dialog takes typed text, so the keymap does not apply).
fn dialog_entries(s: &'static Strings) -> Vec<Entry> {
    let mut entries = vec![Entry::Heading(s.help_dialog_keys)];
    entries.extend(
        all_dialog_keys(s)
            .into_iter()
            .map(|hint| Entry::Key(hint.keys, hint.label)),
    );
    entries
}

fn mouse_entries(s: &'static Strings) -> Vec<Entry> {
    let gestures = [
        (s.mouse_click, s.mouse_select),
        (s.mouse_click_again, s.mouse_open),
        (s.mouse_wheel, s.key_scroll),
        (s.mouse_tab, s.mouse_switch_view),
    ];
    let mut entries = vec![Entry::Heading(s.help_mouse)];
    entries.extend(gestures.map(|(k, what)| Entry::Key(k.to_string(), what)));
    entries
}

/// The rows of the page: one entry each in one column; in two, the keymap split in halves side
/// by side, then the dialog keys beside the mouse, so every keymap line comes first.
fn page(app: &App, columns: usize) -> Vec<[Option<Entry>; 2]> {
    let s = app.lang().strings();
    let keymap = keymap_entries(app);
    let (dialogs, mouse) = (dialog_entries(s), mouse_entries(s));
    if columns == 1 {
        let all = keymap
            .into_iter()
            .chain([Entry::Blank])
            .chain(dialogs)
            .chain([Entry::Blank])
            .chain(mouse);
        return all.map(|e| [Some(e), None]).collect();
    }
    let mut rows = side_by_side(keymap, |n| n.div_ceil(2));
    rows.push([Some(Entry::Blank), None]);
    let split = dialogs.len();
    rows.extend(side_by_side(
        dialogs.into_iter().chain(mouse).collect(),
        |_| split,
    ));
    rows
}

/// Puts the first `left(n)` entries in the left column and the rest beside them.
fn side_by_side(entries: Vec<Entry>, left: impl Fn(usize) -> usize) -> Vec<[Option<Entry>; 2]> {
    let split = left(entries.len()).min(entries.len());
    let mut iter = entries.into_iter();
    let lefts: Vec<Entry> = iter.by_ref().take(split).collect();
    let mut rights = iter;
    let mut rows: Vec<[Option<Entry>; 2]> = lefts
        .into_iter()
        .map(|l| [Some(l), rights.next()])
        .collect();
    rows.extend(rights.map(|r| [None, Some(r)]));
    rows
}

/// The widest key of all sections, so keys and descriptions line up throughout.
fn key_width(app: &App) -> usize {
    let s = app.lang().strings();
    keymap_entries(app)
        .into_iter()
        .chain(dialog_entries(s))
        .chain(mouse_entries(s))
        .map(|e| match e {
            Entry::Key(k, _) => width(&k),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
        .min(24)
}

fn line(app: &App, entry: &Entry, key_width: usize, room: usize) -> Line<'static> {
    let theme = &app.theme();
    match entry {
        Entry::Key(keys, what) => {
            let what = truncate(what, room.saturating_sub(key_width + 2), theme.ellipsis);
            Line::from(vec![
                Span::styled(fit(keys, key_width, theme.ellipsis), theme.key),
                Span::raw("  "),
                Span::styled(what.into_owned(), theme.text),
            ])
        }
        Entry::Heading(text) => Line::styled(
            truncate(text, room, theme.ellipsis).into_owned(),
            theme.title,
        ),
        Entry::Blank => Line::raw(""),
    }
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let s = app.lang().strings();
    let area = overlay(area);
    super::clear_box(area, buf);
    let block = super::overlay_block(app, format!(" {} ", s.help_title)).title_bottom(
        Line::styled(format!(" {} ", joined(&app.help_hints())), theme.dim),
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let height = usize::from(inner.height).max(1);
    let key_width = key_width(app);
    // Two columns when one does not fit and the box is wide enough for both (80x24 is): a long
    // description is then cut rather than the keys pushed below the first page.
    let one_column = page(app, 1);
    let half = usize::from(inner.width / 2);
    let columns: u16 = if one_column.len() > height && half > key_width + 2 + MIN_DESCRIPTION {
        2
    } else {
        1
    };
    let rows = if columns == 2 {
        page(app, 2)
    } else {
        one_column
    };
    let scroll = scroll.min(rows.len().saturating_sub(height));
    if rows.len() > height {
        // Say that the list goes on, and where we are in it.
        let shown = format!(
            " [{}-{}/{}] ",
            scroll + 1,
            (scroll + height).min(rows.len()),
            rows.len()
        );
        let x = area.right().saturating_sub(width(&shown) as u16 + 1);
        buf.set_string(x, area.y, shown, theme.key);
    }
    let column_width = inner.width / columns;
    let room = usize::from(column_width.saturating_sub(1));
    for (i, row) in rows.iter().skip(scroll).take(height).enumerate() {
        for (column, entry) in row.iter().enumerate() {
            let Some(entry) = entry else {
                continue;
            };
            let x = inner.x + 1 + column as u16 * column_width;
            let rect = Rect::new(x, inner.y + i as u16, room as u16, 1);
            line(app, entry, key_width, room).render(rect, buf);
        }
    }
}
