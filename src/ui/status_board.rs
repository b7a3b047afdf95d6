//! View 1: one column per status, cards in id order. Only the visible cards are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::{CARD_HEIGHT, cards_per_column, status_columns};
use super::text::{fit, safe, truncate, width};
use crate::app::App;
use crate::model::{Status, Task, join_units, stats};

/// From this card width on, the units line up under the title and the latest note's date shows.
const WIDE_CARD: usize = 24;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let visible = cards_per_column(body);
    for (status, area) in Status::ALL.into_iter().zip(status_columns(body)) {
        render_column(app, status, area, visible, buf);
    }
}

fn render_column(app: &App, status: Status, area: Rect, visible: usize, buf: &mut Buffer) {
    let theme = &app.theme();
    let column = status.index();
    let focused = app.status_cursor().column == column;
    let ids = &app.grouping().columns[column];
    let scroll = app.status_cursor().scroll[column].min(ids.len().saturating_sub(1));
    let shown_to = (scroll + visible).min(ids.len());

    // Header: label and count, plus how far the column is scrolled when it does not all fit.
    let range = (ids.len() > visible).then_some((scroll + 1, shown_to));
    let title = column_title(
        app.lang().status(status),
        ids.len(),
        range,
        usize::from(area.width.saturating_sub(2)),
        theme.ellipsis,
    );
    let border = if focused {
        theme.border_focus
    } else {
        theme.border
    };
    let block = Block::bordered()
        .border_set(theme.border_set)
        .border_style(border)
        .title(Line::styled(
            title,
            if focused { theme.title } else { theme.text },
        ));
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
        let y = inner.y + slot as u16 * CARD_HEIGHT;
        if y + 3 > inner.y + inner.height {
            break;
        }
        let selected = focused && app.status_cursor().rows[column] == scroll + slot;
        let card = Rect::new(inner.x, y, inner.width, 3);
        render_card(app, task, card, selected, buf);
    }
}

/// A column's title in `room` cells (the top border between its corners). The count is what a
/// reader needs most and is never cut: the scroll range gives way first, then the label is
/// shortened with the ellipsis.
fn column_title(
    label: &str,
    count: usize,
    range: Option<(usize, usize)>,
    room: usize,
    ellipsis: &str,
) -> String {
    if let Some((from, to)) = range {
        let full = format!(" {label} {count} [{from}-{to}] ");
        if width(&full) <= room {
            return full;
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

/// Three lines: number and title; lead units; urgency and deadline.
fn render_card(app: &App, task: &Task, area: Rect, selected: bool, buf: &mut Buffer) {
    let theme = &app.theme();
    let w = usize::from(area.width);
    let urgency = app.board().urgency(task, app.today());
    // Only the title line shows the selection: moving it then repaints two lines, not six,
    // which halves the bytes per key over a slow link; a whole reversed line is still plain to
    // see on a projector.
    let head = if selected { theme.selected } else { theme.text };
    let base = theme.text;
    buf.set_style(Rect { height: 1, ..area }, head);

    let number = format!("{:>2} ", task.id);
    let title_room = w.saturating_sub(width(&number));
    let title = fit(&safe(&task.title), title_room, theme.ellipsis);
    Line::from(vec![
        Span::styled(number, head.patch(theme.title)),
        Span::styled(title, head.patch(theme.title)),
    ])
    .render(Rect { height: 1, ..area }, buf);

    // Lead units, and at the right how fresh the progress notes are: a stale task (no note for
    // `stale_days`) is marked in words; otherwise the latest note's date where there is room.
    let dim = theme.dim;
    let s = app.lang().strings();
    let freshness = match stats::stale_days(app.board(), task, app.today()) {
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
    let units = format!("{indent}{}", safe(&join_units(&task.lead_units)));
    let units = fit(&units, w.saturating_sub(marker_width), theme.ellipsis);
    let mut line = vec![Span::styled(units, dim)];
    if let Some((marker, style)) = freshness {
        line.push(Span::raw(" "));
        line.push(Span::styled(marker, style));
    }
    Line::from(line).style(base).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );

    // Urgency words always; the deadline in as much room as is left, the indent giving way first.
    let words = app.lang().urgency_short(urgency);
    let full = task.deadline.format(" %Y-%m-%d").to_string();
    let short = task.deadline.format(" %y-%m-%d").to_string();
    let (indent, date) = ["   ", " ", ""]
        .into_iter()
        .flat_map(|indent| [(indent, full.clone()), (indent, short.clone())])
        .find(|(indent, date)| width(indent) + width(&words) + width(date) <= w)
        .unwrap_or(("", String::new()));
    let pad = w.saturating_sub(width(indent) + width(&words) + width(&date));
    let line = vec![
        Span::raw(indent),
        Span::styled(words, theme.urgency(urgency)),
        Span::raw(" ".repeat(pad)),
        Span::styled(date, dim),
    ];
    let line = Line::from(line).style(base);
    let room = Rect {
        y: area.y + 2,
        height: 1,
        ..area
    };
    line.render(room, buf);
}
