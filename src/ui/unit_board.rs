//! View 2: one lane per unit, its lead tasks and its cooperating tasks shown apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::unit_rows_visible;
use super::text::{fit, fit_right, safe, width};
use crate::app::{App, UnitRow};
use crate::model::{Role, Status};

/// Cells for the urgency words ("逾期1000天", "1000d left").
const URGENCY_WIDTH: usize = 10;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lang = app.lang;
    let s = lang.strings();
    let rows = &app.grouping.unit_rows;
    let visible = unit_rows_visible(body);
    let scroll = app.unit_cursor.scroll.min(rows.len().saturating_sub(1));
    let mut title = format!(" {} {} ", s.view_units, app.grouping.lanes.len());
    if rows.len() > visible {
        title.push_str(&format!(
            "[{}%] ",
            100 * (scroll + visible).min(rows.len()) / rows.len().max(1)
        ));
    }
    let block = Block::bordered()
        .border_set(theme.border_set)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title));
    let inner = block.inner(body);
    block.render(body, buf);
    if rows.is_empty() {
        buf.set_string(inner.x + 1, inner.y, s.no_tasks, theme.dim);
        return;
    }
    let w = usize::from(inner.width);
    for (slot, row) in rows.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + slot as u16;
        let area = Rect::new(inner.x, y, inner.width, 1);
        let selected = scroll + slot == app.unit_cursor.row;
        let line = match row {
            UnitRow::Heading(lane) => {
                let lane = &app.grouping.lanes[*lane];
                let counts = format!(
                    "  {} {}  {} {}  {} {}",
                    lang.role(Role::Lead),
                    lane.lead_count(),
                    lang.role(Role::Cooperating),
                    lane.tasks.len() - lane.lead_count(),
                    s.overdue_count,
                    lane.overdue
                );
                let name = fit(
                    &safe(&lane.unit),
                    w.saturating_sub(width(&counts)).min(24),
                    theme.ellipsis,
                );
                let overdue_style = if lane.overdue > 0 {
                    theme.overdue
                } else {
                    theme.dim
                };
                Line::from(vec![
                    Span::styled(name, theme.title),
                    Span::styled(counts, overdue_style),
                ])
            }
            UnitRow::RoleHeading(_, role) => {
                let label = match role {
                    Role::Lead => s.lead_units,
                    Role::Cooperating => s.cooperating_units,
                };
                Line::styled(format!("  {label}"), theme.dim)
            }
            UnitRow::Task { id, role, .. } => {
                let Some(task) = app.board.task(*id) else {
                    continue;
                };
                let urgency = app.board.urgency(task, app.today);
                let tag = format!("    [{}] {:>2} ", lang.role(*role), task.id);
                // Fixed widths for status and urgency keep the columns of all rows in line.
                let words = fit_right(&lang.urgency_short(urgency), URGENCY_WIDTH, theme.ellipsis);
                let status_width = Status::ALL
                    .iter()
                    .map(|s| width(lang.status(*s)))
                    .max()
                    .unwrap_or(6);
                let status = fit(lang.status(task.status), status_width, theme.ellipsis);
                let tail = format!(" {status} {} ", task.deadline);
                let room = w.saturating_sub(width(&tag) + width(&tail) + width(&words));
                let base = if selected { theme.selected } else { theme.text };
                Line::from(vec![
                    Span::styled(tag, base),
                    Span::styled(fit(&safe(&task.title), room, theme.ellipsis), base),
                    Span::styled(tail, if selected { base } else { theme.dim }),
                    Span::styled(words, theme.urgency(urgency)),
                ])
                .style(base)
            }
            UnitRow::Gap => Line::raw(""),
        };
        line.render(area, buf);
    }
}
