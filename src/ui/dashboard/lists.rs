//! The overdue ranking (逾期排名) and the milestones due soon or missed (近期节点), one line per
//! unit.
//!
//! The ranking sorts units by the overdue tasks they lead, and its bars show that count, so the
//! order and the bars agree; the figures beside it are the longest and the median delay (days
//! summed across tasks mean nothing).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::app::{App, Dashboard, MILESTONE_LINES, MilestoneLine};
use crate::ui::text::{fit, safe, width};

/// Cells a unit's name keeps in the ranking before the figures give way.
const MIN_RANKED_NAME: usize = 8;

pub(super) fn ranking(app: &App, dash: &Dashboard, page_width: u16, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = app.theme();
    if area.height == 0 {
        return;
    }
    if dash.ranking.is_empty() {
        put(
            app,
            buf,
            area.x,
            area.y,
            s.no_overdue,
            usize::from(area.width),
            theme.done,
        );
        return;
    }
    let shown = &dash.ranking[..dash.ranked_shown(page_width)];
    let most = shown
        .iter()
        .map(|r| r.tasks.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let figures: Vec<[String; 3]> = shown
        .iter()
        .map(|r| {
            app.lang()
                .overdue_figures(r.tasks.len(), r.longest(), r.median())
        })
        .collect();
    let line = usize::from(area.width);
    let names = shown
        .iter()
        .map(|r| width(&safe(&r.unit)))
        .max()
        .unwrap_or(0);
    // `NN. ` then the name, the figures and at least a short bar: the longest form of the
    // figures that fits every line, so the bars start in one column.
    let fixed = 4 + 1 + 1 + 3;
    let form_width = |k: usize| figures.iter().map(|f| width(&f[k])).max().unwrap_or(0);
    let name_room = |k: usize| line.saturating_sub(fixed + form_width(k));
    let form = (0..3)
        .find(|&k| name_room(k) >= names.min(MIN_RANKED_NAME))
        .unwrap_or(2);
    let name_width = names
        .min(name_room(form))
        .min(line / 2)
        .max(names.min(MIN_RANKED_NAME));
    let figure_width = form_width(form);
    for (i, (rank, figure)) in shown.iter().zip(&figures).enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        let head = format!(
            "{:>2}. {} {} ",
            rank.rank,
            fit(&safe(&rank.unit), name_width, theme.ellipsis),
            fit(&figure[form], figure_width, theme.ellipsis),
        );
        put(app, buf, area.x, y, &head, line, theme.text);
        let room = line.saturating_sub(width(&head));
        let bar = (rank.tasks.len() * room).div_ceil(most).min(room);
        buf.set_string(
            area.x + width(&head).min(line) as u16,
            y,
            theme.bar.repeat(bar),
            theme.overdue,
        );
    }
    let rest = dash.ranking.len() - shown.len();
    let y = area.y + shown.len() as u16;
    if rest > 0 && y < area.bottom() {
        put(
            app,
            buf,
            area.x,
            y,
            &app.lang().more_units(rest),
            line,
            theme.dim,
        );
    }
}

fn items(app: &App, list: &[MilestoneLine]) -> String {
    list.iter()
        .map(|m| {
            format!(
                "#{}.{} {}",
                app.task_number(m.task),
                m.number,
                m.due.format("%m-%d")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn milestones(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let labels = app.lang().dashboard_labels();
    let theme = app.theme();
    let line = usize::from(area.width);
    if area.height == 0 {
        return;
    }
    let mut lines = Vec::new();
    for group in &dash.milestones {
        for (word, list, style) in [
            (labels.due_soon, &group.due_soon, theme.due_soon),
            (labels.missed, &group.missed, theme.overdue),
        ] {
            if !list.is_empty() {
                lines.push((
                    safe(&group.unit).into_owned(),
                    word,
                    items(app, list),
                    style,
                ));
            }
        }
    }
    if lines.is_empty() {
        put(
            app,
            buf,
            area.x,
            area.y,
            labels.no_milestones,
            line,
            theme.done,
        );
        return;
    }
    let name_width = lines
        .iter()
        .map(|l| width(&l.0))
        .max()
        .unwrap_or(0)
        .min(line / 3);
    let word_width = width(labels.due_soon).max(width(labels.missed));
    let cut = lines.len() > MILESTONE_LINES;
    let shown = if cut {
        MILESTONE_LINES - 1
    } else {
        lines.len()
    };
    for (i, (unit, word, list, style)) in lines.iter().take(shown).enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        let head = format!(
            "{} {} ",
            fit(unit, name_width, theme.ellipsis),
            fit(word, word_width, theme.ellipsis)
        );
        put(app, buf, area.x, y, &head, line, *style);
        let used = width(&head).min(line);
        put(
            app,
            buf,
            area.x + used as u16,
            y,
            list,
            line - used,
            theme.text,
        );
    }
    let y = area.y + shown as u16;
    if cut && y < area.bottom() {
        let rest = lines.len() - shown;
        put(
            app,
            buf,
            area.x,
            y,
            &app.lang().more_units(rest),
            line,
            theme.dim,
        );
    }
}
