//! View 2: one lane per unit, its lead tasks and its cooperating tasks shown apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::unit_rows_visible;
use super::text::{fit, fit_right, safe, width};
use crate::app::{App, UnitRow};
use crate::model::{Role, Status, Task, Urgency};

/// Cells the urgency words take at least ("逾期1000天", "1000d left").
const URGENCY_WIDTH: usize = 10;

/// The title keeps at least this many cells: narrower, it would say nothing.
const MIN_TITLE: usize = 8;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let lang = app.lang();
    let s = lang.strings();
    let rows = &app.grouping().unit_rows;
    let visible = unit_rows_visible(body);
    let scroll = app.unit_cursor().scroll.min(rows.len().saturating_sub(1));
    let mut title = format!(" {} {} ", s.view_units, app.grouping().lanes.len());
    if rows.len() > visible {
        // Which rows are shown, as the status columns say it.
        let shown_to = (scroll + visible).min(rows.len());
        title.push_str(&format!("[{}-{}/{}] ", scroll + 1, shown_to, rows.len()));
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
    let columns = TaskColumns::new(app, w);
    for (slot, row) in rows.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + slot as u16;
        let area = Rect::new(inner.x, y, inner.width, 1);
        let selected = scroll + slot == app.unit_cursor().row;
        let line = match row {
            UnitRow::Heading(lane) => {
                let lane = &app.grouping().lanes[*lane];
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
                let Some(task) = app.board().task(*id) else {
                    continue;
                };
                let urgency = app.board().urgency(task, app.today());
                let base = if selected { theme.selected } else { theme.text };
                let [tag, tail, words] = columns.cells(app, *role, task, urgency);
                let room = w.saturating_sub(width(&tag) + width(&tail) + width(&words));
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

/// Which of the optional columns a task row shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    StatusAndDate,
    StatusAndShortDate,
    Status,
    Nothing,
}

/// The widths every task row shares, so role, status, deadline and urgency stand in the same
/// columns on all rows; chosen once per frame from the list's width.
struct TaskColumns {
    role: usize,
    status: usize,
    urgency: usize,
    tail: Tail,
}

impl TaskColumns {
    fn new(app: &App, w: usize) -> TaskColumns {
        let lang = app.lang();
        let role = [Role::Lead, Role::Cooperating]
            .iter()
            .map(|r| width(lang.role(*r)))
            .max()
            .unwrap_or(0);
        let status = Status::ALL
            .iter()
            .map(|s| width(lang.status(*s)))
            .max()
            .unwrap_or(0);
        // The urgency words are never cut: the column is as wide as the widest of the list, and
        // at least as wide as "逾期1000天" so it does not move as the day counts grow.
        // (Measured once per change in App::regroup: a scan of every row per frame cost 100 ms
        // a key at 10,000 tasks.)
        let urgency = app.urgency_width().max(URGENCY_WIDTH);
        // The date gives way first (the urgency words say how it stands), then the status, so
        // that the title keeps room to be read.
        let fixed = tag_width(role) + urgency + MIN_TITLE;
        let tail = [Tail::StatusAndDate, Tail::StatusAndShortDate, Tail::Status]
            .into_iter()
            .find(|&tail| fixed + tail_width(tail, status) <= w)
            .unwrap_or(Tail::Nothing);
        TaskColumns {
            role,
            status,
            urgency,
            tail,
        }
    }

    /// The tag, the columns after the title, and the urgency words of one task row.
    fn cells(&self, app: &App, role: Role, task: &Task, urgency: Urgency) -> [String; 3] {
        let lang = app.lang();
        let ellipsis = app.theme().ellipsis;
        let role_tag = format!("[{}]", lang.role(role));
        let tag = format!(
            "    {} {:>2} ",
            fit(&role_tag, self.role + 2, ellipsis),
            task.id
        );
        let status = fit(lang.status(task.status), self.status, ellipsis);
        let deadline = task.deadline;
        let tail = match self.tail {
            Tail::StatusAndDate => format!(" {status} {} ", deadline.format("%Y-%m-%d")),
            Tail::StatusAndShortDate => format!(" {status} {} ", deadline.format("%y-%m-%d")),
            Tail::Status => format!(" {status} "),
            Tail::Nothing => " ".to_string(),
        };
        let words = fit_right(&lang.urgency_short(urgency), self.urgency, ellipsis);
        [tag, tail, words]
    }
}

/// `    [role] 12 `: the role tag padded to the language's widest role, then the task number.
fn tag_width(role: usize) -> usize {
    role + 10
}

fn tail_width(tail: Tail, status: usize) -> usize {
    match tail {
        Tail::StatusAndDate => status + 13,
        Tail::StatusAndShortDate => status + 11,
        Tail::Status => status + 2,
        Tail::Nothing => 1,
    }
}
