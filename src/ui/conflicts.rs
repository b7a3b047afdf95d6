//! Merge conflicts on screen: the line under the headline on every view while the board holds
//! any, and the conflict picker (`C`): one row a conflict (task, field, title), and below it the
//! selected one in full, both sides with their authors, the side being picked highlighted. Every
//! value comes from the file and is cleaned (`Lang::conflict_value`, `safe`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::text::{fit, safe, truncate, width, wrap};
use crate::action::Action;
use crate::app::{App, ConflictList};
use crate::i18n::Lang;
use crate::model::{Conflict, Side};

/// Rows kept for the selected conflict in full when the body has room for it.
const DETAIL_ROWS: u16 = 10;

/// `合并冲突 3 处，按 C 处理` in the error style; nothing when the board has none (the area is
/// then empty too: see `layout::Bars`).
pub fn bar(app: &App, area: Rect, buf: &mut Buffer) {
    let count = app.board().conflicts.len();
    if area.height == 0 || area.width == 0 || count == 0 {
        return;
    }
    let key = app
        .keymap()
        .keys_for(Action::Conflicts)
        .map(|k| k.label())
        .min_by_key(|label| width(label));
    let text = format!(" {} ", app.lang().conflicts_line(count, key.as_deref()));
    let theme = app.theme();
    let shown = truncate(&text, usize::from(area.width), theme.ellipsis);
    buf.set_string(area.x, area.y, shown, theme.error);
}

pub fn render(app: &App, list: &ConflictList, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let l = app.lang().conflict_labels();
    let board = app.board();
    let items = ConflictList::items(board);
    let Some(frame) = super::list_box::ListBox::draw(
        app,
        format!(" {} {} ", l.title, items.len()),
        DETAIL_ROWS,
        area,
        buf,
    ) else {
        return;
    };
    let inner = frame.inner;
    if items.is_empty() {
        buf.set_string(inner.x + 1, inner.y, l.all_settled, theme.done);
        return;
    }
    let (with_detail, list_rows) = (frame.with_detail, frame.list_rows);
    let selected = list.index(board);
    let first = frame.first_shown(selected);
    let w = usize::from(inner.width);
    for (row, (i, conflict)) in items
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_rows))
        .enumerate()
    {
        let y = inner.y + row as u16;
        let style = match i == selected {
            true => theme.selected,
            false => theme.text,
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let line = row_text(app, conflict);
        buf.set_string(inner.x, y, fit(&line, w, theme.ellipsis), style);
    }
    if with_detail && let Some(conflict) = items.get(selected) {
        let top = inner.y + list_rows;
        let rule = theme.border_set.horizontal_top.repeat(w);
        buf.set_string(inner.x, top, rule, theme.dim);
        let area = Rect::new(inner.x, top + 1, inner.width, DETAIL_ROWS - 1);
        detail(app, conflict, list.picking(board), area, buf);
    }
}

/// `#3   截止时间   title` (看板 for the board's own fields).
fn row_text(app: &App, c: &Conflict) -> String {
    let e = app.theme().ellipsis;
    let lang = app.lang();
    format!(
        "{} {} {}",
        fit(&subject(app, c), 5, e),
        fit(&lang.conflict_field(&c.field), 14, e),
        title(app, c),
    )
}

fn subject(app: &App, c: &Conflict) -> String {
    c.task
        .map_or(app.lang().conflict_labels().board.to_string(), |id| {
            format!("#{id}")
        })
}

/// The task's title; nothing for the board's own fields or a task the board no longer has.
fn title(app: &App, c: &Conflict) -> String {
    c.task
        .and_then(|id| app.board().task(id))
        .map(|t| safe(&t.title).into_owned())
        .unwrap_or_default()
}

/// The selected conflict in full: what it is about, then each side with its author, wrapped.
/// While a side is picked, a prompt and the picked side in the selection style.
fn detail(app: &App, c: &Conflict, picking: Option<Side>, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let lang = app.lang();
    let l = lang.conflict_labels();
    let w = usize::from(area.width);
    let head = format!(
        "{} {}  {}",
        subject(app, c),
        title(app, c),
        lang.conflict_field(&c.field)
    );
    let mut lines: Vec<(String, Style)> = vec![(head, theme.title)];
    if picking.is_some() {
        lines.push((l.pick_prompt.to_string(), theme.due_soon));
    }
    let room = usize::from(area.height).saturating_sub(lines.len());
    for (side, label, value, by) in [
        (Side::Ours, l.ours, &c.ours, &c.ours_by),
        (Side::Theirs, l.theirs, &c.theirs, &c.theirs_by),
    ] {
        let style = match picking {
            Some(picked) if picked == side => theme.selected,
            _ => theme.text,
        };
        let mut part = side_lines(lang, label, &lang.conflict_value(&c.field, value), by, w);
        // Each side gets half the rows left; its last one says when there is more.
        let half = (room / 2).max(1);
        if part.len() > half {
            part.truncate(half);
            if let Some(last) = part.last_mut() {
                let cut = truncate(last, w.saturating_sub(1), "");
                *last = format!("{cut}{}", theme.ellipsis);
            }
        }
        lines.extend(part.into_iter().map(|line| (line, style)));
    }
    for (row, (text, style)) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + row as u16;
        if style == theme.selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        buf.set_string(area.x, y, truncate(&text, w, theme.ellipsis), style);
    }
}

/// `本方（lina）：done 2025-03-02`, wrapped to the width, each line after the first indented.
fn side_lines(lang: Lang, label: &str, value: &str, by: &str, w: usize) -> Vec<String> {
    let by = match safe(by).trim() {
        "" => lang.conflict_labels().unknown_author.to_string(),
        by => by.to_string(),
    };
    let text = match lang {
        Lang::Zh => format!("{label}（{by}）：{value}"),
        Lang::En => format!("{label} ({by}): {value}"),
    };
    let mut out = Vec::new();
    for (i, line) in wrap(&text, w.saturating_sub(2)).into_iter().enumerate() {
        out.push(match i {
            0 => line,
            _ => format!("  {line}"),
        });
    }
    out
}
