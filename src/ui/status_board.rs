//! View 1: one column per status, cards in id order. Only the visible cards are drawn. Where the
//! columns and cards go is `layout::StatusLayout`: an empty column is a narrow strip, and a column
//! whose cards do not all fit shows them one line each (compact), unless `z` chose otherwise.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{fit, safe, truncate, width};
use super::unit_names::unit_list;
use crate::app::App;
use crate::model::{Light, Status, Task, milestones, stats};

/// From this card width on, the units line up under the title and the latest note's date shows.
const WIDE_CARD: usize = 24;

/// A title keeps at least this many cells before a compact card shows its light and urgency.
const MIN_TITLE: usize = 8;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let layout = app.status_layout_for(body);
    for (status, area) in Status::ALL.into_iter().zip(layout.columns) {
        let column = status.index();
        if layout.strip[column] {
            render_strip(app, status, area, buf);
        } else {
            let shape = CardShape {
                pitch: layout.pitch[column],
                lines: layout.lines[column],
                visible: layout.visible[column],
            };
            render_column(app, status, area, shape, buf);
        }
    }
}

/// How a column draws its cards.
#[derive(Clone, Copy)]
struct CardShape {
    pitch: u16,
    lines: u16,
    visible: usize,
}

fn block<'a>(app: &App, focused: bool, title: String) -> Block<'a> {
    let theme = &app.theme();
    let border = if focused {
        theme.border_focus
    } else {
        theme.border
    };
    Block::bordered()
        .border_set(theme.border_set)
        .border_style(border)
        .title(Line::styled(
            title,
            if focused { theme.title } else { theme.text },
        ))
}

/// An empty column: its count on the border, its name inside, a word a line.
fn render_strip(app: &App, status: Status, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let focused = app.status_cursor().column == status.index();
    let block = block(app, focused, " 0 ".into());
    let inner = block.inner(area);
    block.render(area, buf);
    let room = usize::from(inner.width);
    let label = app.lang().status(status);
    let words: Vec<&str> = if width(label) <= room {
        vec![label]
    } else {
        label.split_whitespace().collect()
    };
    for (i, word) in words.iter().take(usize::from(inner.height)).enumerate() {
        let text = truncate(word, room, theme.ellipsis);
        let style = if focused { theme.title } else { theme.dim };
        buf.set_string(inner.x, inner.y + i as u16, text, style);
    }
}

fn render_column(app: &App, status: Status, area: Rect, shape: CardShape, buf: &mut Buffer) {
    let theme = &app.theme();
    let column = status.index();
    let focused = app.status_cursor().column == column;
    let ids = &app.grouping().columns[column];
    let scroll = app.status_cursor().scroll[column].min(ids.len().saturating_sub(1));
    let shown_to = (scroll + shape.visible).min(ids.len());

    // Header: label and count, plus how far the column is scrolled when it does not all fit.
    let range = (ids.len() > shape.visible).then_some((scroll + 1, shown_to));
    let title = column_title(
        app.lang().status(status),
        ids.len(),
        range,
        usize::from(area.width.saturating_sub(2)),
        theme.ellipsis,
    );
    let block = block(app, focused, title);
    let inner = block.inner(area);
    block.render(area, buf);

    if ids.is_empty() {
        let s = app.lang().strings();
        buf.set_string(inner.x + 1, inner.y, s.empty_column, theme.dim);
        return;
    }
    for (slot, id) in ids[scroll..shown_to].iter().enumerate() {
        let Some(task) = app.board().task(*id) else {
            continue;
        };
        let y = inner.y + slot as u16 * shape.pitch;
        if y + shape.lines > inner.y + inner.height {
            break;
        }
        let selected = focused && app.status_cursor().rows[column] == scroll + slot;
        let card = Rect::new(inner.x, y, inner.width, shape.lines);
        if shape.lines == 1 {
            render_compact(app, task, card, selected, buf);
        } else {
            render_card(app, task, card, selected, buf);
        }
        if selected && inner.x > area.x {
            mark_selection(app, Position::new(inner.x - 1, y), buf);
        }
    }
}

/// The selection is the marker in the column's left border and the card's number, both in the
/// selected style: a block of four cells that stands out on a projector in every theme (reverse
/// video in mono), while a move repaints those few cells of two lines rather than two whole
/// lines of Chinese text (679 bytes a key at 120x40 when the whole line was highlighted).
fn mark_selection(app: &App, at: Position, buf: &mut Buffer) {
    let theme = app.theme();
    if let Some(cell) = buf.cell_mut(at) {
        cell.set_symbol(theme.marker).set_style(theme.selected);
    }
}

/// The style of a card's number: the selected style on the selected card (see
/// [`mark_selection`]), bold otherwise.
fn number_style(app: &App, selected: bool) -> Style {
    let theme = app.theme();
    if selected {
        theme.selected
    } else {
        theme.text.patch(theme.title)
    }
}

/// A column's title in `room` cells (the top border between its corners). The count is what a
/// reader needs most and is never cut; the padding gives way first, then the label is
/// shortened, and only then the scroll range goes.
fn column_title(
    label: &str,
    count: usize,
    range: Option<(usize, usize)>,
    room: usize,
    ellipsis: &str,
) -> String {
    if let Some((from, to)) = range {
        let range = format!("[{from}-{to}]");
        for full in [
            format!(" {label} {count} {range} "),
            format!("{label} {count} {range}"),
        ] {
            if width(&full) <= room {
                return full;
            }
        }
        // The label down to a character and the ellipsis, before the range is lost.
        let rest = format!(" {count} {range}");
        let label_room = room.saturating_sub(width(&rest));
        if label_room >= 2 + width(ellipsis) {
            return format!("{}{rest}", truncate(label, label_room, ellipsis));
        }
    }
    let whole = format!(" {label} {count} ");
    if width(&whole) <= room {
        return whole;
    }
    // Then the padding, before a word of the label is lost.
    for tight in [format!(" {label} {count}"), format!("{label} {count}")] {
        if width(&tight) <= room {
            return tight;
        }
    }
    let count_part = format!(" {count} ");
    let label_room = room.saturating_sub(width(&count_part) + 1);
    let cut = truncate(label, label_room, ellipsis);
    if !cut.is_empty() {
        return format!(" {cut}{count_part}");
    }
    if width(&count_part) <= room {
        count_part
    } else {
        count.to_string()
    }
}

/// Whether symbols are drawn in ASCII (`--ascii`): the theme's ellipsis says so.
pub(crate) fn ascii(app: &App) -> bool {
    app.theme().ellipsis.is_ascii()
}

pub(crate) fn light_style(app: &App, light: Light) -> Style {
    let theme = app.theme();
    match light {
        Light::Red => theme.overdue,
        Light::Yellow => theme.due_soon,
        Light::Green => theme.on_track,
        Light::None => theme.done,
    }
}

/// Cells that hold any title of the built-in plan whole (the longest is 38): a compact card adds
/// its lead units and deadline only where the title keeps this much.
const WHOLE_TITLE: usize = 40;

/// Cells of the lead units on a wide compact card.
const COMPACT_UNITS: usize = 20;

/// One line: number, title, and where the title keeps [`MIN_TITLE`] cells the light's symbol
/// and the urgency words (the urgency goes first, then the symbol). A wide card adds the lead
/// units and the deadline, in columns that line up down the column.
fn render_compact(app: &App, task: &Task, area: Rect, selected: bool, buf: &mut Buffer) {
    let theme = &app.theme();
    let w = usize::from(area.width);
    let base = theme.text;
    buf.set_style(area, base);
    let urgency = app.board().urgency(task, app.today());
    let light = app.board().light(task, app.today());
    let symbol = crate::i18n::light_symbol(light, ascii(app));
    let number = format!("{:>2} ", app.task_number(task.id));
    let title = safe(&task.title);
    let room = w.saturating_sub(width(&number));
    let wanted = width(&title).min(MIN_TITLE);
    let symbol_part = format!(" {}", if symbol.is_empty() { " " } else { symbol });
    // The urgency words right-aligned in the widest's width, so the symbols line up.
    let words = app.lang().urgency_short(urgency);
    let pad = app.urgency_width().saturating_sub(width(&words));
    let words_part = format!(" {}{words}", " ".repeat(pad));
    let (with_symbol, with_words) = if room >= wanted + width(&symbol_part) + width(&words_part) {
        (true, true)
    } else if room >= wanted + width(&symbol_part) {
        (true, false)
    } else {
        (false, false)
    };
    let mut tail_width = if with_symbol { width(&symbol_part) } else { 0 }
        + if with_words { width(&words_part) } else { 0 };
    // An open request or a missing report, where the title still keeps its cells.
    let mark = super::marks::card_mark(app, task)
        .map(|(text, style)| (format!(" {text}"), style))
        .filter(|(text, _)| with_words && room >= wanted + tail_width + width(text));
    if let Some((text, _)) = &mark {
        tail_width += width(text);
    }
    let extras = COMPACT_UNITS + 2 + 11;
    let with_extras = with_words && room >= WHOLE_TITLE + tail_width + extras;
    if with_extras {
        tail_width += extras;
    }
    let title = fit(&title, room.saturating_sub(tail_width), theme.ellipsis);
    let mut spans = vec![
        Span::styled(number, number_style(app, selected)),
        Span::styled(title, base.patch(theme.title)),
    ];
    if with_extras {
        let units = unit_list(
            &app.card_units(&task.lead_units),
            COMPACT_UNITS,
            theme.ellipsis,
        );
        let units = fit(&units, COMPACT_UNITS, theme.ellipsis);
        spans.push(Span::styled(format!("  {units}"), base.patch(theme.dim)));
    }
    if with_symbol {
        spans.push(Span::styled(
            symbol_part,
            base.patch(light_style(app, light)),
        ));
    }
    if with_words {
        spans.push(Span::styled(words_part, base.patch(theme.urgency(urgency))));
    }
    if let Some((text, style)) = mark {
        spans.push(Span::styled(text, base.patch(style)));
    }
    if with_extras {
        let date = task.deadline.format(" %Y-%m-%d").to_string();
        spans.push(Span::styled(date, base.patch(theme.dim)));
    }
    Line::from(spans).render(area, buf);
}

/// Three lines: number and title; lead units; light, urgency and deadline. A fourth, on a board
/// with milestones, for the task's milestone progress and its next one's date.
fn render_card(app: &App, task: &Task, area: Rect, selected: bool, buf: &mut Buffer) {
    let theme = &app.theme();
    let w = usize::from(area.width);
    let today = app.today();
    let urgency = app.board().urgency(task, today);
    // Only the number (and the border's marker) shows the selection, as on a compact card.
    let base = theme.text;
    buf.set_style(Rect { height: 1, ..area }, base);
    let line_at = |n: u16| Rect {
        y: area.y + n,
        height: 1,
        ..area
    };

    let number = format!("{:>2} ", app.task_number(task.id));
    let title_room = w.saturating_sub(width(&number));
    let title = fit(&safe(&task.title), title_room, theme.ellipsis);
    Line::from(vec![
        Span::styled(number, number_style(app, selected)),
        Span::styled(title, base.patch(theme.title)),
    ])
    .render(line_at(0), buf);

    // Lead units, and at the right how fresh the task is: a stale task (no activity for
    // `stale_days`) is marked in words; otherwise the latest note's date where there is room.
    let dim = theme.dim;
    let s = app.lang().strings();
    // An open request (待销号, 延期申请) or a missing report outranks staleness: the office acts
    // on it.
    let mark = super::marks::card_mark(app, task);
    let freshness = match stats::stale_days(app.board(), task, today) {
        _ if mark.is_some() => mark,
        Some(_) => Some((s.stale.to_string(), theme.title)),
        None if w >= WIDE_CARD => task
            .latest_note()
            .map(|n| (n.at.format("%m-%d").to_string(), dim)),
        None => None,
    };
    let marker_width = freshness.as_ref().map_or(0, |(m, _)| width(m) + 1);
    // The indent depends on the card's width alone, so the units of every card in a column start
    // in the same place whether or not a card carries the stale mark.
    let indent = if w >= WIDE_CARD { "   " } else { " " };
    let unit_room = w.saturating_sub(marker_width + width(indent));
    let units = format!(
        "{indent}{}",
        unit_list(&app.card_units(&task.lead_units), unit_room, theme.ellipsis)
    );
    let units = fit(&units, w.saturating_sub(marker_width), theme.ellipsis);
    let mut line = vec![Span::styled(units, dim)];
    if let Some((marker, style)) = freshness {
        line.push(Span::raw(" "));
        line.push(Span::styled(marker, style));
    }
    Line::from(line).style(base).render(line_at(1), buf);

    // The light and the urgency words always (the light's word where there is room); the
    // deadline in as much room as is left, the indent giving way first.
    let light = app.board().light(task, today);
    let symbol = crate::i18n::light_symbol(light, ascii(app));
    let badge = app.lang().light_badge(light, ascii(app));
    let words = app.lang().urgency_short(urgency);
    let full = task.deadline.format(" %Y-%m-%d").to_string();
    let short = task.deadline.format(" %y-%m-%d").to_string();
    let lights: Vec<String> = if badge.is_empty() {
        vec![String::new()]
    } else {
        vec![format!("{badge} "), format!("{symbol} ")]
    };
    let mut choice = None;
    'find: for light_text in &lights {
        for date in [full.as_str(), short.as_str(), ""] {
            for indent in ["   ", " ", ""] {
                let used = width(indent) + width(light_text) + width(&words) + width(date);
                if used <= w {
                    choice = Some((indent, light_text.clone(), date.to_string()));
                    break 'find;
                }
            }
        }
    }
    let (indent, light_text, date) = choice.unwrap_or(("", String::new(), String::new()));
    let pad = w.saturating_sub(width(indent) + width(&light_text) + width(&words) + width(&date));
    Line::from(vec![
        Span::raw(indent),
        Span::styled(light_text, light_style(app, light)),
        Span::styled(words, theme.urgency(urgency)),
        Span::raw(" ".repeat(pad)),
        Span::styled(date, dim),
    ])
    .style(base)
    .render(line_at(2), buf);

    if area.height >= 4
        && let Some(summary) = milestones::summary(app.board(), task, today)
    {
        let text = format!("{indent}{}", app.lang().milestone_badge(&summary));
        let style = summary
            .next
            .map_or(theme.done, |next| theme.urgency(next.urgency));
        Line::styled(fit(&text, w, theme.ellipsis), style)
            .style(base)
            .render(line_at(3), buf);
    }
}
