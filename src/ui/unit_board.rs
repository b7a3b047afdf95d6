//! View 2: one lane per unit, its lead tasks and its cooperating tasks shown apart: the unit's
//! name and counts on a line, then its tasks, the role's heading (牵头任务, 配合任务) beside the
//! first task of each role. A wide screen flows the list into panes side by side.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::{unit_panes, unit_rows_visible};
use super::text::{fit, fit_right, safe, width};
use crate::app::{App, UnitRow};
use crate::model::{Role, Status, Task};

/// Cells the urgency words take at least ("逾期1000天", "1000d left").
const URGENCY_WIDTH: usize = 10;

/// The title keeps this many cells (twelve characters) before the status and the deadline show:
/// titles keep priority over the columns after them.
const MIN_TITLE: usize = 24;

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
    // The list flows down each pane, then on into the next.
    let panes = unit_panes(body);
    let slots = panes.iter().flat_map(|pane| {
        (0..pane.height).map(move |line| Rect::new(pane.x, pane.y + line, pane.width, 1))
    });
    let w = usize::from(panes[0].width);
    let columns = TaskColumns::new(app, w);
    for ((index, row), area) in rows.iter().enumerate().skip(scroll).zip(slots) {
        let selected = index == app.unit_cursor().row;
        let pane_top = panes.iter().any(|p| p.y == area.y);
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
                    Span::styled(name, theme.title.add_modifier(Modifier::UNDERLINED)),
                    Span::styled(counts, overdue_style),
                ])
            }
            UnitRow::Task {
                id, role, first, ..
            } => {
                let Some(task) = app.board().task(*id) else {
                    continue;
                };
                // The role's heading beside its first task, and again at the top of a pane.
                let heading = *first || pane_top;
                columns.row(app, task, *role, heading, selected)
            }
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
    /// The whole row.
    width: usize,
    role: usize,
    status: usize,
    urgency: usize,
    tail: Tail,
}

impl TaskColumns {
    fn new(app: &App, w: usize) -> TaskColumns {
        let lang = app.lang();
        let words = lang.board_words();
        let role = width(words.leading).max(width(words.cooperating));
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
            width: w,
            role,
            status,
            urgency,
            tail,
        }
    }

    /// One task row: the role's heading (on the first task of a role), number, title, then
    /// the columns that fit, the light and the urgency words.
    fn row(
        &self,
        app: &App,
        task: &Task,
        role: Role,
        heading: bool,
        selected: bool,
    ) -> Line<'static> {
        let theme = app.theme();
        let lang = app.lang();
        let ellipsis = theme.ellipsis;
        let today = app.today();
        let urgency = app.board().urgency(task, today);
        let light = app.board().light(task, today);
        let words_of = lang.board_words();
        let label = match role {
            Role::Lead => words_of.leading,
            Role::Cooperating => words_of.cooperating,
        };
        let gutter = fit(if heading { label } else { "" }, self.role, ellipsis);
        // The selected row's marker (▸, or > under --ascii) stands where the number's space is.
        let lead = if selected { theme.marker } else { " " };
        let number = format!("{lead}{:>2} ", app.task_number(task.id));
        let status = fit(lang.status(task.status), self.status, ellipsis);
        let deadline = task.deadline;
        let tail = match self.tail {
            Tail::StatusAndDate => format!(" {status} {} ", deadline.format("%Y-%m-%d")),
            Tail::StatusAndShortDate => format!(" {status} {} ", deadline.format("%y-%m-%d")),
            Tail::Status => format!(" {status} "),
            Tail::Nothing => " ".to_string(),
        };
        let symbol = crate::i18n::light_symbol(light, super::status_board::ascii(app));
        let symbol = format!("{} ", if symbol.is_empty() { " " } else { symbol });
        let words = fit_right(&lang.urgency_short(urgency), self.urgency, ellipsis);
        let room = self.width.saturating_sub(
            width(&gutter) + width(&number) + width(&tail) + width(&symbol) + width(&words),
        );
        // The selection is the number in the selected style, as on the status view's cards: a
        // move repaints a few cells, not two whole lines of Chinese (bytes over a slow link).
        let base = theme.text;
        let number_style = if selected {
            theme.selected
        } else {
            theme.text.patch(theme.title)
        };
        Line::from(vec![
            Span::styled(gutter, theme.dim),
            Span::styled(number, number_style),
            Span::styled(fit(&safe(&task.title), room, ellipsis), base),
            Span::styled(tail, theme.dim),
            Span::styled(
                symbol,
                base.patch(super::status_board::light_style(app, light)),
            ),
            Span::styled(words, theme.urgency(urgency)),
        ])
    }
}

/// The role's heading, padded to the language's widest, then ` 12 ` and the light's symbol.
fn tag_width(role: usize) -> usize {
    role + 6
}

fn tail_width(tail: Tail, status: usize) -> usize {
    match tail {
        Tail::StatusAndDate => status + 13,
        Tail::StatusAndShortDate => status + 11,
        Tail::Status => status + 2,
        Tail::Nothing => 1,
    }
}
