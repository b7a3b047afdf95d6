//! The conflict, sign-off, extension and reporting marks of a task (`app::marks`) as cards and the
//! detail show them. A card has room for one: a merge conflict first (the task's data is in doubt
//! until it is settled), then an open request (the office acts on it), then a report missing after
//! its due day; the detail lists them all.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::marks::{Mark, task_marks};
use crate::model::Task;

/// The one mark a card shows, in its short words, with its style; None when the task has none a
/// card needs to carry (a report made, or not yet due, is left to the detail).
pub fn card_mark(app: &App, task: &Task) -> Option<(String, Style)> {
    let marks = task_marks(app.board(), task, app.today());
    let l = app.lang().approval_labels();
    let theme = app.theme();
    let style = |mark: &Mark| match mark.is_alert() {
        true => theme.overdue,
        false => theme.due_soon,
    };
    marks.iter().find_map(|mark| match mark {
        Mark::Conflict { .. } => Some((app.lang().conflict_labels().mark.to_string(), theme.error)),
        Mark::AwaitingClose { .. } => Some((l.awaiting_close.to_string(), style(mark))),
        Mark::ExtensionAsked { .. } => Some((l.extension_short.to_string(), style(mark))),
        Mark::Report(_) if mark.is_alert() => Some((app.lang().mark(mark), style(mark))),
        Mark::Report(_) => None,
    })
}

/// Every mark of the task on one line for the detail view (None without any).
pub fn detail_line(app: &App, task: &Task) -> Option<Line<'static>> {
    let marks = task_marks(app.board(), task, app.today());
    if marks.is_empty() {
        return None;
    }
    let theme = app.theme();
    let mut spans = Vec::new();
    for (i, mark) in marks.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        let style = match mark {
            Mark::Conflict { .. } => theme.error,
            _ if mark.is_alert() => theme.overdue,
            Mark::Report(state) if state.is_reported() => theme.done,
            _ => theme.due_soon,
        };
        spans.push(Span::styled(
            crate::text::safe(&app.lang().mark(mark)).into_owned(),
            style,
        ));
    }
    Some(Line::from(spans))
}
